// The output memo in .meet-cache/: what a command printed (or wrote) for
// one exact input, so that asking again lists, hashes and prints (ARCHITECTURE.md,
// "The output memo"). The input is this build, the config's bytes, every
// record file's name and content hash, and the command's question: its
// options, today's date, the language, colour and anything else its output
// depends on.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { todayIn, type IsoDate } from '../model/dates.js';
import type { Config } from '../model/schema.js';
import { CheckCache } from './checkCache.js';
import { colorsFor } from './colors.js';
import { hashRecordFile, listRecordFiles, type RecordFile } from './recordFiles.js';
import { readConfig } from './repository.js';
import type { Io } from './terminal.js';

/** The record files and their content hashes, listed once: the memo's key, then the record store's lookups. */
export interface RecordListing {
  files: RecordFile[];
  /** Each file's content hash; undefined for a file that could not be read. */
  keys: (string | undefined)[];
  /** The config's content hash when the files were listed. */
  configHash: string;
  /**
   * Set by the record store when a file parsed (or the config) was not the
   * one hashed: it changed during the run, and what the run printed must
   * not be kept under the key of the earlier bytes.
   */
  changed?: boolean;
}

/** What a command kept of an earlier answer: small facts of its own, and the printed text. */
export interface MemoAnswer<M> {
  meta: M;
  /** The data, in pieces of about a megabyte, checked against its hash before the first piece is given. */
  data: Iterable<string>;
  /** The sha256 of the data's UTF-8 bytes (base64url). */
  dataHash: string;
}

interface MemoHeader {
  key: string;
  meta: unknown;
  dataHash: string;
  dataBytes: number;
}

/** No more answers than this are kept per repository; the least recently used go first. */
const MAX_ANSWERS = 16;
const PIECE_BYTES = 1024 * 1024;

export class OutputMemo {
  private constructor(
    private readonly cache: CheckCache,
    readonly config: Config,
    readonly listing: RecordListing,
    private readonly base: string,
  ) {}

  /**
   * The memo of the repository at `root`, with the config read and every
   * record file hashed; undefined with --no-cache, without a usable cache
   * folder, with a config in error or a file that cannot be read (the
   * command then reads as it always did, and reports why).
   */
  static open(root: string, io: Io, cache: boolean | undefined): OutputMemo | undefined {
    if (cache === false) return undefined;
    const store = CheckCache.open(root, io.env);
    if (!store) return undefined;
    let config: Config | undefined;
    let configHash: string;
    try {
      ({ config, hash: configHash } = readConfig(root, io.locale));
    } catch {
      return undefined;
    }
    if (!config) return undefined;
    const files = listRecordFiles(root, config.paths.meetings);
    const keys = files.map((entry) => {
      const hashed = hashRecordFile(entry);
      return Array.isArray(hashed) ? undefined : hashed;
    });
    if (keys.includes(undefined)) return undefined;
    const digest = createHash('sha256').update(`${store.tool}\n${configHash}\n${io.locale ?? config.locale}`);
    files.forEach((entry, i) => digest.update(`\n${entry.file}\0${keys[i]}`));
    return new OutputMemo(store, config, { files, keys, configHash }, digest.digest('base64url'));
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
    if (!header || typeof header !== 'object' || header.key !== key) return undefined;
    if (typeof header.dataHash !== 'string' || typeof header.dataBytes !== 'number') return undefined;
    const data = openData(this.cache.pathOf(`answer-${slot}.out`), header);
    return data ? { meta: header.meta as M, data: data, dataHash: header.dataHash } : undefined;
  }

  /**
   * Passes `data` through, and once it has all gone through (and the
   * records read were the ones hashed), keeps it with `meta` as the answer
   * to `question`. Best effort: a memo that cannot be written stays cold.
   */
  *keep(question: unknown, meta: unknown, data: Iterable<string>): Generator<string> {
    const { slot, key } = this.keyOf(question);
    const out = this.cache.prepareFolder() ? this.cache.pathOf(`answer-${slot}.out`) : undefined;
    const temp = out && `${out}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    let fd: number | undefined;
    try {
      if (temp) fd = openSync(temp, 'wx', 0o644);
    } catch {
      fd = undefined;
    }
    const digest = createHash('sha256');
    let bytes = 0;
    let complete = false;
    try {
      for (const chunk of data) {
        if (fd !== undefined) {
          try {
            const buffer = Buffer.from(chunk, 'utf8');
            digest.update(buffer);
            bytes += buffer.length;
            for (let at = 0; at < buffer.length;) at += writeSync(fd, buffer, at);
          } catch {
            closeQuietly(fd);
            fd = undefined;
          }
        }
        yield chunk;
      }
      complete = true;
    } finally {
      if (fd !== undefined) closeQuietly(fd);
      if (fd !== undefined && complete && !this.listing.changed) {
        try {
          renameSync(temp!, out!);
          this.cache.writeSigned(`answer-${slot}.json`, { key, meta, dataHash: digest.digest('base64url'), dataBytes: bytes } satisfies MemoHeader);
          this.prune();
        } catch {
          // A full disk: the next run asks again.
        }
      }
      if (temp) rmSync(temp, { force: true });
    }
  }

  /** Keeps an answer with no data (a month without meetings, a summary line). */
  keepMeta(question: unknown, meta: unknown): void {
    for (const _ of this.keep(question, meta, [])) void _;
  }

  private keyOf(question: unknown): { slot: string; key: string } {
    const asked = JSON.stringify(question);
    return {
      slot: createHash('sha256').update(asked).digest('hex').slice(0, 24),
      key: createHash('sha256').update(`${this.base}\n${asked}`).digest('base64url'),
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

/** The colour of both streams and whether they are terminals: part of a question whose output is coloured or chosen by them. */
export function terminalOf(io: Io): { out: number; err: number; tty: boolean } {
  return { out: colorsFor(io.stdout, io).level, err: colorsFor(io.stderr, io).level, tty: Boolean(io.stdout.isTTY) };
}

/**
 * The data file, opened once (a later replacement does not change what is
 * read), its hash checked in a first pass; the pieces come in a second.
 * undefined when it is not the file the header describes.
 */
function openData(file: string, header: MemoHeader): Iterable<string> | undefined {
  let fd: number | undefined;
  try {
    fd = openReading(file);
    const held = fd === undefined ? undefined : hashOf(fd);
    if (!held || held.bytes !== header.dataBytes || held.hash !== header.dataHash) throw new Error('not the data');
  } catch {
    if (fd !== undefined) closeQuietly(fd);
    return undefined;
  }
  return pieces(fd, header.dataBytes);
}

/** The sha256 (base64url) of a file's bytes as textHash gives it for the text, or undefined when it is not a regular file. */
export function fileHash(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openReading(file);
    return hashOf(fd)?.hash;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** The sha256 (base64url) of a text's UTF-8 bytes. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url');
}

/** Never through a link, never waiting on a pipe. */
function openReading(file: string): number {
  return openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
}

function hashOf(fd: number): { hash: string; bytes: number } | undefined {
  const stat = fstatSync(fd);
  if (!stat.isFile()) return undefined;
  const buffer = Buffer.allocUnsafe(Math.min(PIECE_BYTES, Math.max(1, stat.size)));
  const digest = createHash('sha256');
  let at = 0;
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, at);
    if (n === 0) break;
    digest.update(buffer.subarray(0, n));
    at += n;
  }
  return { hash: digest.digest('base64url'), bytes: at };
}

function* pieces(fd: number, size: number): Generator<string> {
  try {
    const buffer = Buffer.allocUnsafe(Math.min(PIECE_BYTES, Math.max(1, size)));
    const decoder = new StringDecoder('utf8');
    for (let at = 0; at < size;) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - at), at);
      if (n === 0) break;
      at += n;
      yield decoder.write(buffer.subarray(0, n));
    }
    const rest = decoder.end();
    if (rest !== '') yield rest;
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
