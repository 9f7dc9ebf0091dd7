// The signed on-disk cache of `meet check` in .meet-cache/: a whole-result
// memo and record outcomes by content hash (ARCHITECTURE.md, "The check cache").
import { createHash, createHmac, hash, randomBytes, timingSafeEqual, type Hmac } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writevSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Finding } from '../model/ruleCatalogue.js';
import type { IsoDate } from '../model/dates.js';
import type { RecordFacts } from '../model/record.js';
import { fileURLToPath } from 'node:url';
import { toolVersion } from './packageRoot.js';
import { tempPathFor, writeAtomically } from './writeFiles.js';
import { isInside } from './paths.js';
import type { Env } from './terminal.js';

const CACHE_FOLDER = '.meet-cache';
const RESULT_FILE = 'check-result.json';
const SHARDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const shardFile = (c: string) => `records-${c.charCodeAt(0).toString(16)}.json`;
// Bumped when the layout of the files changes.
const FORMAT = 1;

export interface CachedResult {
  /** What the findings depend on: see `inputKey`. */
  key: string;
  /** The config's content hash, and the meetings folder it names: the config is not parsed again while it is unchanged. */
  configHash: string;
  meetings: string;
  findings: Finding[];
  /** The record files that parsed (what "N records checked" counts). */
  records: string[];
}

/** A record file's outcome, by content hash: its findings carry no file name (the same content may sit under two names). */
export interface CachedRecord {
  findings: Omit<Finding, 'file'>[];
  data: { date: IsoDate };
  facts: RecordFacts;
  bodyLine: number;
}

interface Shard {
  /** The config the findings were checked against. */
  configHash: string;
  entries: Record<string, CachedRecord>;
}

/** The key of a check's input, given each record file in path order. */
export interface InputKey {
  add(file: string, contentKey: string): void;
  done(): string;
}

export class CheckCache {
  private constructor(
    private readonly folder: string,
    private readonly secret: Buffer,
    /** The build of meet: its version and a digest of its code. */
    readonly tool: string,
  ) {}

  /** The cache of the repository at `root`, or undefined when it cannot be used safely. */
  static open(root: string, env: Env): CheckCache | undefined {
    const folder = path.join(root, CACHE_FOLDER);
    try {
      const stat = lstatSync(folder, { throwIfNoEntry: false });
      // A link or a file in its place (from a pull request, say) is left alone.
      if (stat && !stat.isDirectory()) return undefined;
      const secret = readSecret(env, root);
      if (!secret) return undefined;
      return new CheckCache(folder, secret, toolIdentity());
    } catch {
      return undefined;
    }
  }

  /** The key of a check's input: this build, the config's bytes and every record file's content. */
  inputKey(configHash: string): InputKey {
    // Hashed as it goes, file by file: no list of 100,000 parts is kept.
    const digest = createHash('sha256').update(`${this.tool}\n${configHash}`);
    return {
      add: (file, contentKey) => void digest.update(`\n${file}\0${contentKey}`),
      done: () => digest.digest('base64url'),
    };
  }

  readResult(): CachedResult | undefined {
    const value = this.readSigned(RESULT_FILE) as CachedResult | undefined;
    return value &&
      typeof value.key === 'string' &&
      typeof value.configHash === 'string' &&
      typeof value.meetings === 'string' &&
      Array.isArray(value.findings) &&
      Array.isArray(value.records)
      ? value
      : undefined;
  }

  /** Every cached record outcome checked against this config. */
  readRecords(configHash: string): Map<string, CachedRecord> {
    const records = new Map<string, CachedRecord>();
    for (const c of SHARDS) {
      const shard = this.readSigned(shardFile(c)) as Shard | undefined;
      if (!shard || shard.configHash !== configHash || typeof shard.entries !== 'object' || shard.entries === null) continue;
      for (const [key, entry] of Object.entries(shard.entries)) if (key[0] === c) records.set(key, entry);
    }
    this.previous = records;
    this.previousConfig = configHash;
    return records;
  }

  private previous = new Map<string, CachedRecord>();
  private previousConfig = '';

  /**
   * Best effort: a cache that cannot be written (read-only checkout) just
   * stays cold. Shards whose entries did not change are not written again.
   */
  write(result: CachedResult, records: ReadonlyMap<string, CachedRecord>): void {
    if (!this.prepareFolder()) return;
    try {
      const sameConfig = this.previousConfig === result.configHash;
      const shards = new Map<string, Record<string, CachedRecord>>();
      const changed = new Set<string>();
      for (const [key, entry] of records) {
        const c = key[0]!;
        let shard = shards.get(c);
        if (!shard) shards.set(c, (shard = {}));
        shard[key] = entry;
        if (!this.previous.has(key)) changed.add(c);
      }
      for (const key of this.previous.keys()) if (!records.has(key)) changed.add(key[0]!);
      for (const c of SHARDS) {
        // Missing, or something else in its place (a link, say): written again.
        const missing = shards.has(c) && !lstatSync(path.join(this.folder, shardFile(c)), { throwIfNoEntry: false })?.isFile();
        if (sameConfig && !changed.has(c) && !missing) continue;
        this.writeSigned(shardFile(c), { configHash: result.configHash, entries: shards.get(c) ?? {} } satisfies Shard);
      }
      this.writeSigned(RESULT_FILE, result);
    } catch {
      // Leaves no temporary file behind; see writeSigned.
    }
  }

  /**
   * Makes the folder (with its own .gitignore) when missing; false when the
   * cache cannot be written here (read-only, full, something else in its place).
   */
  prepareFolder(): boolean {
    try {
      mkdirSync(this.folder, { recursive: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
    const ignore = path.join(this.folder, '.gitignore');
    if (!lstatSync(ignore, { throwIfNoEntry: false })) {
      try {
        // Ignored by git without touching the repository's own .gitignore.
        writeNew(ignore, '# Written by meet: a cache, never committed.\n*\n');
      } catch {
        // A full disk or a read-only one: the cache stays cold, and no folder git would see is left.
        try {
          rmdirSync(this.folder);
        } catch {
          // Not empty: an earlier run's cache, kept.
        }
        return false;
      }
    }
    try {
      return lstatSync(this.folder).isDirectory();
    } catch {
      return false;
    }
  }

  /**
   * A new file of the cache folder, open for reading and writing, and
   * already removed: nothing is left behind, whatever ends the run. Made
   * here, never through a link ('wx'). undefined where none can be (a
   * read-only repository; a system where an open file cannot be removed).
   */
  openScratch(prefix: string): number | undefined {
    if (!this.prepareFolder()) return undefined;
    const file = this.pathOf(`${prefix}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    let fd: number;
    try {
      fd = openSync(file, 'wx+', 0o600);
    } catch {
      return undefined;
    }
    try {
      rmSync(file);
    } catch {
      // A scratch file that is not gone is not used.
      closeSync(fd);
      rmSync(file, { force: true });
      return undefined;
    }
    return fd;
  }

  /** Where a file of the cache folder sits (the output memo's data files, io/outputMemo.ts). */
  pathOf(name: string): string {
    return path.join(this.folder, name);
  }

  /** The cache folder's file names; none when it cannot be read. */
  fileNames(): string[] {
    try {
      return readdirSync(this.folder);
    } catch {
      return [];
    }
  }

  /** A signed file of the cache folder written by this build, parsed whole (the record store reads its shards with readSignedPayload). */
  readSigned(name: string): unknown {
    const payload = this.readSignedPayload(name);
    if (!payload) return undefined;
    try {
      const parsed = JSON.parse(payload.toString('utf8')) as { format?: unknown; tool?: unknown; value?: unknown };
      return parsed.format === FORMAT && parsed.tool === this.tool ? parsed.value : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * A signed file's payload, its signature checked: the JSON text that
   * starts with signedHead(), for a reader that takes it apart itself (the
   * record store's shards, an entry a line). `into` gives the buffer to
   * read a file of that size into (by default a new one).
   */
  readSignedPayload(name: string, into?: (size: number) => Buffer): Buffer | undefined {
    const bytes = readCacheFile(path.join(this.folder, name), into);
    if (!bytes) return undefined;
    const newline = bytes.indexOf(0x0a);
    if (newline === -1) return undefined;
    const payload = bytes.subarray(newline + 1);
    const expected = Buffer.from(this.sign(payload), 'utf8');
    const given = bytes.subarray(0, newline);
    return given.length === expected.length && timingSafeEqual(given, expected) ? payload : undefined;
  }

  /** How every payload this build writes starts: the value's JSON follows. */
  signedHead(): string {
    return `{"format":${FORMAT},"tool":${JSON.stringify(this.tool)},"value":`;
  }

  private sign(payload: Buffer): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  /** A signed file of the folder written in pieces (see prepareFolder): the JSON text of its value comes from the caller. */
  signedWriter(name: string): SignedWriter {
    return new SignedWriter(path.join(this.folder, name), createHmac('sha256', this.secret), this.signedHead());
  }

  /** Writes a signed file into the folder (see prepareFolder); throws on failure. */
  writeSigned(name: string, value: unknown): void {
    const payload = Buffer.from(JSON.stringify({ format: FORMAT, tool: this.tool, value }), 'utf8');
    writeAtomically(path.join(this.folder, name), Buffer.concat([Buffer.from(`${this.sign(payload)}\n`, 'utf8'), payload]), { sync: false });
  }
}

/** The length of a signature: a sha256 HMAC in base64url. */
const SIGNATURE_CHARS = 43;
/** About how many bytes a SignedWriter gathers before it writes. */
const WRITE_BYTES = 1 << 16;

/**
 * A signed cache file (as writeSigned writes it) written in pieces as they
 * come, so that no one string holds it: the record store's shards, filled as
 * records are parsed. The signature is known last: it is written over a
 * placeholder line at the start, and only then is the temporary file renamed
 * into place. Best effort, as every cache write: after a failure the writer
 * takes no more pieces and leaves nothing behind.
 */
export class SignedWriter {
  private fd: number | undefined;
  private readonly temp: string;
  private pending: Uint8Array[] = [];
  private size = 0;
  private position = SIGNATURE_CHARS + 1;
  private failed = false;

  constructor(
    private readonly target: string,
    private readonly hmac: Hmac,
    head: string,
  ) {
    this.temp = tempPathFor(target);
    try {
      this.fd = openSync(this.temp, 'wx', 0o644);
    } catch {
      this.failed = true;
    }
    this.write(head);
  }

  /** A piece of the value's JSON, as text or UTF-8. */
  write(piece: string | Uint8Array): void {
    if (this.failed) return;
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    this.pending.push(bytes);
    this.size += bytes.length;
    if (this.size >= WRITE_BYTES) this.flush();
  }

  /** Ends the file and puts it in place; false when it could not be written (nothing is left then). */
  commit(): boolean {
    this.write('}');
    if (!this.failed) this.flush();
    if (this.failed) return false;
    try {
      writeAllAt(this.fd!, Buffer.from(`${this.hmac.digest('base64url')}\n`, 'utf8'), 0);
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.temp, this.target);
      return true;
    } catch {
      this.abort();
      return false;
    }
  }

  /** Leaves nothing behind. */
  abort(): void {
    this.failed = true;
    try {
      if (this.fd !== undefined) closeSync(this.fd);
    } catch {
      // Removed all the same.
    }
    this.fd = undefined;
    try {
      rmSync(this.temp, { force: true });
    } catch {
      // A folder that cannot be written to: nothing was written either.
    }
  }

  private flush(): void {
    const { pending, size } = this;
    this.pending = [];
    this.size = 0;
    try {
      // Piece by piece, not copied into one buffer first: a cold run's store is tens of megabytes, written while
      // the parser threads want both cores.
      for (const piece of pending) this.hmac.update(piece);
      const written = writevSync(this.fd!, pending, this.position);
      if (written < size) writeAllAt(this.fd!, Buffer.concat(pending, size).subarray(written), this.position + written);
      this.position += size;
    } catch {
      this.abort();
    }
  }
}

/** All of `bytes` written at `position` of `fd`, however many writes it takes. */
export function writeAllAt(fd: number, bytes: Uint8Array, position: number): void {
  for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written, position + written);
}

/** No cache file is larger: a shard at a million records is about 20 MB. */
const MAX_CACHE_FILE_BYTES = 256 * 1024 * 1024;

/**
 * A cache file's bytes, or undefined when it is anything but a regular file
 * of sane size: a link is never followed (O_NOFOLLOW), a pipe or device never
 * waited on (O_NONBLOCK, then fstat of what was opened), and no more than its
 * size at opening is read. The folder is in the repository, so a pull
 * request can put anything there; whatever is odd is a miss.
 */
function readCacheFile(file: string, into: (size: number) => Buffer = (size) => Buffer.allocUnsafe(size)): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openWithoutFollowing(file);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CACHE_FILE_BYTES) return undefined;
    const bytes = into(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file opened to read, never through a link, never waiting on a pipe: its caller checks with fstat that it is a regular file. */
export function openWithoutFollowing(file: string): number {
  return openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
}

/** Creates `file` (never over an existing one, never through a link) with `content`. */
function writeNew(file: string, content: string | Buffer): void {
  const fd = openSync(file, 'wx', 0o644);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  } catch (error) {
    closeSync(fd);
    unlinkSync(file);
    throw error;
  }
  closeSync(fd);
}

/**
 * The signing key, made once per user in their cache folder
 * ($XDG_CACHE_HOME/meet or ~/.cache/meet), never in a repository. A key file
 * meet did not make is not trusted: a link, anything but a regular file, one
 * others may read (git checks files out 0644; meet makes the key 0600), or
 * one inside the repository being checked (a cache folder set to one in the
 * checkout, whose key a pull request could commit). Then there is no cache.
 */
function readSecret(env: Env, root: string): Buffer | undefined {
  const home = env.HOME && path.isAbsolute(env.HOME) ? env.HOME : homedir();
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  const folder = path.join(base, 'meet');
  const file = path.join(folder, 'cache-key');
  if (isInside(realpathSync(root), realPathOf(folder))) return undefined;
  const existing = readKey(file);
  if (existing !== 'absent') return existing;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, key);
    } finally {
      closeSync(fd);
    }
    // Two first runs at once: the last rename wins, and the other's cache fails its check once.
    renameSync(temp, file);
    const made = readKey(file);
    return made === 'absent' ? undefined : made;
  } catch {
    return undefined;
  }
}

/** Where `target` is once links are resolved, whether or not it exists yet. */
function realPathOf(target: string): string {
  let existing = path.resolve(target);
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return path.join(realpathSync(existing), path.relative(existing, path.resolve(target)));
}

/** The key in `file`; undefined when it is there but not to be trusted. */
function readKey(file: string): Buffer | undefined | 'absent' {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size < 32 || stat.size > 4096) return undefined;
    if (process.platform !== 'win32' && ((stat.mode & 0o077) !== 0 || (typeof process.getuid === 'function' && stat.uid !== process.getuid())))
      return undefined;
    const key = Buffer.alloc(stat.size);
    return readSync(fd, key, 0, key.length, 0) === key.length ? key : undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

let identity: string | undefined;

/** This build of meet: its version and a digest of its compiled code (a changed rule changes findings). */
function toolIdentity(): string {
  if (identity) return identity;
  // The folder this code runs from: dist/ when built, src/ under the test runner.
  const dist = fileURLToPath(new URL('..', import.meta.url));
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[jt]s$/.test(entry.name)) files.push(full);
    }
  };
  walk(dist);
  files.sort();
  const digest = files.map((f) => `${path.relative(dist, f)}\0${hash('sha256', readFileSync(f), 'base64url')}`).join('\n');
  identity = `${toolVersion()}+${hash('sha256', digest, 'base64url').slice(0, 16)}`;
  return identity;
}
