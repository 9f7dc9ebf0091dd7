// The output memo in .meet-cache/: what a command printed (or wrote) for
// one exact input, so that asking again lists, hashes and prints (ARCHITECTURE.md,
// "The output memo"). The input is this build, the config's bytes, every
// record file's name and content hash, and the command's question: its
// options, today's date, the language, colour and anything else its output
// depends on.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, statSync, type BigIntStats } from 'node:fs';
import { todayIn, type IsoDate } from '../model/dates.js';
import type { Config } from '../model/schema.js';
import type { OutputChunk } from '../model/text.js';
import { CheckCache, openWithoutFollowing } from './checkCache.js';
import { colorsFor } from './colors.js';
import { contentHash, hashedRecordFiles, listRecordFiles, readConfigBytes, recordFileKey, type RecordFile } from './recordFiles.js';
import type { Io } from './terminal.js';
import { tempPathFor } from './writeFiles.js';
import { utf8Chunks, WriteBehind } from './writeBehind.js';

/** The record files and their content hashes, listed once: the memo's key, then the record store's lookups. */
export interface RecordListing {
  files: RecordFile[];
  /** Each file's content hash; undefined for a file that could not be read (or, while `unhashed`, not read yet). */
  keys: (string | undefined)[];
  /**
   * The keys are left for the run's parse to give (each parser thread hashes
   * what it reads): set when the cache folder held neither an answer nor a
   * shard of the store, so that nothing was to be looked up by them. A first
   * run then reads each file once, not twice, and not on this thread alone
   * before the parser threads start. hashListing hashes what is left.
   */
  unhashed?: true;
  /** The config's content hash when the files were listed. */
  configHash: string;
  /**
   * Set by the record store when a file parsed (or the config) was not the
   * one hashed: it changed during the run, and what the run printed must
   * not be kept under the key of the earlier bytes.
   */
  changed?: boolean;
}

/**
 * What a hit needs of the config, kept by the config's content hash: a
 * repeated run neither loads the YAML and schema code nor parses the config.
 */
export interface ConfigFacts {
  locale: Config['locale'];
  timezone: string;
  paths: Config['paths'];
}

/** What a command kept of an earlier answer: small facts of its own, and the printed text. */
export interface MemoAnswer<M> {
  meta: M;
  /** The data's UTF-8 bytes, in pieces of about a megabyte, from the file the header describes. */
  data: Iterable<Uint8Array>;
  /** The sha256 of the data (base64url), when it was kept with `hash` (a digest compares it with its file). */
  dataHash?: string;
}

interface MemoHeader {
  key: string;
  meta: unknown;
  dataHash?: string;
  /** The data file as written: any later change to it (a write, a rename over it, a copy) changes its inode or ctime. */
  data: { dev: string; ino: string; size: string; ctimeNs: string };
}

const CONFIG_FACTS = 'config-facts.json';

/** No more answers than this are kept per repository; the least recently used go first. */
const MAX_ANSWERS = 16;
const PIECE_BYTES = 1024 * 1024;

export class OutputMemo {
  /** The input's digest (this build, the config, every file and its hash); null when a file could not be read. */
  private inputDigest: string | null | undefined;

  private constructor(
    private readonly cache: CheckCache,
    readonly config: ConfigFacts,
    readonly listing: RecordListing,
    private readonly locale: string,
    /** Facts read from the config in this run, to keep with the first answer. */
    private readonly freshFacts?: { configHash: string; facts: ConfigFacts },
  ) {}

  /**
   * The memo of the repository at `root`, with every record file hashed;
   * undefined with --no-cache, without a usable cache folder, with a config
   * in error or a file that cannot be read (the command then reads as it
   * always did, and reports why).
   */
  static async open(root: string, io: Io, cache: boolean | undefined): Promise<OutputMemo | undefined> {
    if (cache === false) return undefined;
    const store = CheckCache.open(root, io.env);
    if (!store) return undefined;
    let configHash: string;
    try {
      configHash = contentHash(readConfigBytes(root));
    } catch {
      return undefined;
    }
    const found = await configFacts(store, root, configHash);
    if (!found) return undefined;
    const config = found.facts;
    const locale = io.locale ?? config.locale;
    const fresh = found.fresh ? { configHash, facts: config } : undefined;
    if (!store.fileNames().some((name) => name.startsWith('answer-') || name.startsWith('store-'))) {
      const files = listRecordFiles(root, config.paths.meetings, locale);
      return new OutputMemo(store, config, { files, keys: new Array<string | undefined>(files.length), configHash, unhashed: true }, locale, fresh);
    }
    const { files, keys } = hashedRecordFiles(root, config.paths.meetings, locale);
    if (keys.includes(undefined)) return undefined;
    return new OutputMemo(store, config, { files, keys, configHash }, locale, fresh);
  }

  /** The input's digest, the files hashed first if the run has not (RecordListing.unhashed). */
  private digest(): string | null {
    if (this.inputDigest !== undefined) return this.inputDigest;
    const { files, keys, configHash } = this.listing;
    hashListing(this.listing);
    if (keys.includes(undefined)) return (this.inputDigest = null);
    const digest = createHash('sha256').update(`${this.cache.tool}\n${configHash}\n${this.locale}`);
    files.forEach((entry, i) => digest.update(`\n${entry.file}\0${keys[i]}`));
    return (this.inputDigest = digest.digest('base64url'));
  }

  /** Today in the config's time zone, or the day the options give: part of every question. */
  today(given: IsoDate | undefined, io: Io): IsoDate {
    return given ?? todayIn(this.config.timezone, io.now());
  }

  /**
   * The answer kept for `question` (a plain value naming the command and
   * everything its output depends on besides the records and config), if
   * this exact input was answered before.
   */
  answer<M>(question: unknown): MemoAnswer<M> | undefined {
    const { slot, key } = this.keyOf(question);
    const header = this.cache.readSigned(`answer-${slot}.json`) as MemoHeader | undefined;
    if (!header || typeof header !== 'object' || typeof header.key !== 'string' || header.key !== key()) return undefined;
    if (!['string', 'undefined'].includes(typeof header.dataHash) || typeof header.data !== 'object' || header.data === null) return undefined;
    const data = openData(this.cache.pathOf(`answer-${slot}.out`), header);
    return data ? { meta: header.meta as M, data, dataHash: header.dataHash } : undefined;
  }

  /**
   * Passes `data` through, and once it has all gone through (and the
   * records read were the ones hashed), keeps it with `meta` as the answer
   * to `question`. Best effort: a memo that cannot be written stays cold.
   */
  *keep(question: unknown, meta: unknown, data: Iterable<OutputChunk>, options: { hash?: boolean } = {}): Generator<string | Uint8Array> {
    const { slot, key: keyed } = this.keyOf(question);
    const key = keyed();
    const out = key !== undefined && this.cache.prepareFolder() ? this.cache.pathOf(`answer-${slot}.out`) : undefined;
    const temp = out && tempPathFor(out);
    let fd: number | undefined;
    try {
      if (temp) fd = openSync(temp, 'wx', 0o644);
    } catch {
      fd = undefined;
    }
    // Written, and hashed when asked, by a thread of its own once large: a report at 100k records is 344 MB.
    let writer = fd === undefined ? undefined : new WriteBehind(fd, { hash: options.hash });
    const encode = utf8Chunks();
    let complete = false;
    try {
      for (const chunk of data) {
        // Encoded once: the bytes kept are the bytes printed.
        const pieces = encode(chunk);
        if (writer) {
          try {
            for (const bytes of pieces) writer.write(bytes);
          } catch {
            writer.stop();
            writer = undefined;
          }
        }
        yield* pieces;
      }
      complete = true;
    } finally {
      if (writer && complete && !this.listing.changed) {
        try {
          const dataHash = writer.end();
          renameSync(temp!, out!);
          // The rename changed the ctime: the file is described as it now is.
          const data = describe(fstatSync(fd!, { bigint: true }));
          this.cache.writeSigned(`answer-${slot}.json`, { key: key!, meta, dataHash, data } satisfies MemoHeader);
          if (this.freshFacts) this.cache.writeSigned(CONFIG_FACTS, this.freshFacts);
          this.prune();
        } catch {
          // A full disk: the next run asks again.
        }
      }
      // Nothing is written to the file once it is closed (a run that stopped early, a write that failed).
      writer?.stop();
      if (fd !== undefined) closeQuietly(fd);
      if (temp) rmSync(temp, { force: true });
    }
  }

  /** Keeps an answer with no data (a month without meetings, a summary line). */
  keepMeta(question: unknown, meta: unknown): void {
    for (const _ of this.keep(question, meta, [])) void _;
  }

  /**
   * Where the answer to `question` is kept, and its key: made when asked for
   * (an answer is there to compare with, or one is kept once the run's parse
   * has hashed the files); undefined when a file could not be read, and then
   * nothing is kept.
   */
  private keyOf(question: unknown): { slot: string; key: () => string | undefined } {
    const asked = JSON.stringify(question);
    const slot = createHash('sha256').update(asked).digest('hex').slice(0, 24);
    return {
      slot,
      key: () => {
        const base = this.digest();
        return base === null ? undefined : createHash('sha256').update(`${base}\n${asked}`).digest('base64url');
      },
    };
  }

  /** The oldest answers beyond MAX_ANSWERS go, so that the folder does not grow with every month asked. */
  private prune(): void {
    const answers = this.cache
      .fileNames()
      .filter((name) => /^answer-[0-9a-f]{24}\.json$/.test(name))
      .map((name) => ({ name, time: statSync(this.cache.pathOf(name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => b.time - a.time);
    for (const { name } of answers.slice(MAX_ANSWERS)) {
      rmSync(this.cache.pathOf(name), { force: true });
      rmSync(this.cache.pathOf(name.replace(/\.json$/, '.out')), { force: true });
    }
  }
}

/** The listing's keys of the files its run did not hash (RecordListing.unhashed), hashed now. */
function hashListing(listing: RecordListing): void {
  if (!listing.unhashed) return;
  listing.files.forEach((entry, i) => {
    if (listing.keys[i] === undefined) listing.keys[i] = recordFileKey(entry);
  });
  delete listing.unhashed;
}

/** The colour of both streams and whether they are terminals: part of a question whose output is coloured or chosen by them. */
export function terminalOf(io: Io): { out: number; err: number; tty: boolean } {
  return { out: colorsFor(io.stdout, io).level, err: colorsFor(io.stderr, io).level, tty: Boolean(io.stdout.isTTY) };
}

/** The config's facts for `configHash`: kept in the cache folder, else read from the config (which loads the parsers). */
async function configFacts(store: CheckCache, root: string, configHash: string): Promise<{ facts: ConfigFacts; fresh: boolean } | undefined> {
  const kept = store.readSigned(CONFIG_FACTS) as { configHash?: unknown; facts?: ConfigFacts } | undefined;
  if (kept && kept.configHash === configHash && kept.facts) return { facts: kept.facts, fresh: false };
  const { readConfig } = await import('./repository.js');
  let config: Config | undefined;
  try {
    config = readConfig(root).config;
  } catch {
    return undefined;
  }
  return config && { facts: { locale: config.locale, timezone: config.timezone, paths: config.paths }, fresh: true };
}

function describe(stat: BigIntStats): MemoHeader['data'] {
  return { dev: String(stat.dev), ino: String(stat.ino), size: String(stat.size), ctimeNs: String(stat.ctimeNs) };
}

/**
 * The data file, opened once, never through a link: its pieces when it is
 * the very file the signed header describes (same inode, size and ctime,
 * which any write to it, rename over it or copy of it changes).
 */
function openData(file: string, header: MemoHeader): Iterable<Uint8Array> | undefined {
  let fd: number | undefined;
  try {
    fd = openWithoutFollowing(file);
    const stat = fstatSync(fd, { bigint: true });
    const now = describe(stat);
    if (!stat.isFile() || (Object.keys(now) as (keyof MemoHeader['data'])[]).some((k) => now[k] !== header.data[k])) throw new Error('not the data');
  } catch {
    if (fd !== undefined) closeQuietly(fd);
    return undefined;
  }
  return pieces(fd, Number(header.data.size));
}

/** The sha256 (base64url) of a file's bytes, as contentHash gives it, read in pieces; undefined when it is not a regular file. */
export function fileHash(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openWithoutFollowing(file);
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.allocUnsafe(PIECE_BYTES);
    const digest = createHash('sha256');
    for (let at = 0; ;) {
      const n = readSync(fd, buffer, 0, buffer.length, at);
      if (n === 0) break;
      digest.update(buffer.subarray(0, n));
      at += n;
    }
    return digest.digest('base64url');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** Fresh buffers: a writer may hold a piece after it is given (a pipe's queue). */
function* pieces(fd: number, size: number): Generator<Uint8Array> {
  try {
    for (let at = 0; at < size;) {
      const buffer = Buffer.allocUnsafe(Math.min(PIECE_BYTES, size - at));
      const n = readSync(fd, buffer, 0, buffer.length, at);
      if (n === 0) break;
      at += n;
      yield n === buffer.length ? buffer : buffer.subarray(0, n);
    }
  } finally {
    closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing more to do with it.
  }
}
