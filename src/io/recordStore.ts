// The record store in .meet-cache/: the check cache generalised to every
// command that reads the whole repository (new, report, tasks, diff, digest,
// log). Each record's outcome (its findings against the config, its
// normalized data, its body line) is kept by the content hash of the bytes
// that were parsed, in 64 signed shards, so a warm run only lists, hashes
// and looks up (ARCHITECTURE.md, "The record store").
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, lstatSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { figureMonthsOf, reportingMonthOf } from '../domain/months.js';
import { joinStoredParts, projectKept, readsStoredApart, recordsRead, sharedWords, type Projection } from '../domain/projection.js';
import { sharedFactIds } from '../domain/recordFacts.js';
import type { Month } from '../model/dates.js';
import type { Finding } from '../model/ruleCatalogue.js';
import type { RecordData } from '../model/schema.js';
import { CheckCache, type SignedWriter } from './checkCache.js';
import { contentHash, hashedRecordFiles, readRecordBytes, reusedBuffer, type RecordFile } from './recordFiles.js';
import { recordBody } from '../records/parse.js';
import type { FileOutcome, ReadOptions, ThreadSettings } from './recordOutcome.js';
import { type RecordListing } from './outputMemo.js';
import {
  collectGarbage,
  collectingAsTaken,
  compactGarbage,
  FILES_BETWEEN_COLLECTIONS,
  ignoreError,
  parseOnThreads,
  parserThreads,
  youngGenerationMayGrow,
  type ForwardedReply,
  type StoredReply,
} from './parserThreads.js';
import { loadRepository, readConfig, refuseRecordErrors, threadSettings, type Repository } from './repository.js';
import { readingFor, type Env, type Io } from './terminal.js';
import type { TextSpill } from './textSpill.js';
import { RING_BYTES, RingReader, type RingWriter } from './entryRing.js';

const SHARDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const storeFile = (c: string) => `store-${c.charCodeAt(0).toString(16)}.json`;

/** A record's outcome by content hash: its findings carry no file name (the same content may sit under two names). */
interface StoredRecord {
  findings: Omit<Finding, 'file'>[];
  data: RecordData;
  bodyLine: number;
}

export interface StoreSettings {
  env: Env;
  /** false: neither read nor write the store (--no-cache). */
  cache?: boolean;
  /**
   * What the command keeps of each record's data (domain/projection.ts):
   * a command that shows no decision need not hold 100,000 records'
   * decisions. Applied as each stored record is taken, and to each record
   * parsed in the run as it arrives, its entry made; --no-cache keeps
   * everything, so the differential test compares the two.
   */
  project?: Projection;
  /** The files as the output memo listed and hashed them: not hashed again, and marked changed when a parse disagrees. */
  listing?: RecordListing;
  /**
   * Where the titles of tasks and the notes of updates go, of every record
   * the projection does not keep whole (io/textSpill.ts): a report reads
   * them only for the rows it writes.
   */
  texts?: TextSpill;
}

type FullReading = ReadOptions & { detail?: 'full' };

/** As loadValidRepository, through the record store: any error in the records stops the command. */
export async function loadStoredValidRepository(root: string, options: FullReading, store: StoreSettings): Promise<Repository> {
  return refuseRecordErrors(await loadStoredRepository(root, options, store));
}

/**
 * What `build` makes of the repository `load` reads (its records without
 * their facts), the records let go before the caller renders it, unless
 * what was built holds them (the task lists of a report, of `tasks` and of
 * `diff` make their rows from them as they are read). At
 * 20,000 files and more, a full collection
 * before the build and another after it: V8 sized the heap to the records
 * and the load's garbage, and the build's (a register of a million tasks)
 * and then the rendering's (a report at 100k records is half a gigabyte of
 * text) grew it as far again before V8's first collection, which set the
 * run's peak.
 */
export async function builtFrom<T>(load: () => Promise<Repository>, build: (repository: Repository) => T): Promise<T> {
  // Nothing here holds the repository once the callback returns.
  const { built, large } = await load().then(async (repository) => {
    // The ids kept of later records were for the rules across records, which the load ran: no build reads
    // them (at 100,000 records, about 40 MB when the build's own garbage is at its most).
    for (const record of repository.records) if (record.facts) delete record.facts;
    const large = repository.records.length >= FILES_BETWEEN_COLLECTIONS;
    // Nor do they read the records held after every day the build reads: let go before the build.
    if (repository.projected) repository.records = recordsRead(repository.records, repository.projected);
    // Compacted: collected alone, the pages the records let go were on stayed, and the build grew the heap past them.
    if (large) await compactGarbage();
    youngGenerationMayGrow();
    return { built: build(repository), large };
  });
  if (large) collectGarbage();
  return built;
}

/**
 * What a month's report reads (report, digest): the records of `month` whole,
 * with their bodies when the format shows them (`bodies`: HTML, the Báo
 * cáo), and of the other months only the tasks its task lists need and the
 * figures of the months its trends and changes read (of a later month, only
 * the updates); without a month, every record whole.
 */
export function loadReportRepository(
  root: string,
  month: Month | undefined,
  io: Io,
  cache: boolean | undefined,
  listing: RecordListing | undefined,
  texts: TextSpill | undefined,
  bodies: boolean,
): Promise<Repository> {
  return loadStoredValidRepository(
    root,
    { bodies: bodies && (month ? { month } : true), ...readingFor(io) },
    {
      env: io.env,
      cache,
      listing,
      ...(month ? { project: { results: figureMonthsOf(month), wholeMonths: [month], lastMonth: month }, texts } : {}),
    },
  );
}

/**
 * As loadRepository, through the record store: records whose content (and
 * config) were seen before are not parsed again. What comes out is the same
 * as without the store, byte for byte in every output (test/recordStore.test.ts).
 */
export async function loadStoredRepository(root: string, options: FullReading, store: StoreSettings): Promise<Repository> {
  const cache = store.cache === false || options.files || options.known ? undefined : CheckCache.open(root, store.env);
  if (!cache) return loadRepository(root, options);
  const { config, hash } = readConfig(root, options.locale);
  // loadRepository reports a config with errors.
  if (!config) return loadRepository(root, options);
  // Findings are stored as written, in the run's language: a --locale run keeps shards of its own.
  const configHash = `${hash}:${options.locale ?? config.locale}`;

  const { listing } = store;
  if (listing && listing.configHash !== hash) listing.changed = true;
  // Listed where the cache folder held no shard: nothing to look up, and the parse gives each file's key.
  const unhashed = listing?.unhashed === true;
  const { files, keys } = listing ?? hashedRecordFiles(root, config.paths.meetings, options.locale ?? config.locale);
  const wantsBody = (data: RecordData): boolean => {
    const { bodies } = options;
    if (!bodies) return false;
    return bodies === true || reportingMonthOf({ data }) === bodies.month;
  };

  // Looked up a shard at a time, each dropped once its hits are taken.
  // One string per owner, sector… for the whole run: records from the store and records parsed in it alike.
  const share = store.project && sharedWords();
  const project = store.project && projectKept(store.project, share);
  // What the projection drops is not read: the keys an entry keeps apart, of most records.
  const readsApart = store.project && readsStoredApart(store.project);
  const whole = new Set(store.project?.wholeMonths);
  const { texts } = store;
  /** The texts of a record not kept whole to the spill, once projected. */
  const spill = texts && ((data: RecordData) => whole.has(reportingMonthOf({ data })) || texts.spill(data));
  /** What is kept of a record parsed in this run (projected where it was parsed, parseFile), its words shared here, where its strings are kept. */
  const takeParsed = (kept: FileOutcome['record']) => {
    if (share && kept && !('facts' in kept)) share(kept.data);
    // A record of a later month keeps its updates with its facts: their notes go too.
    if (kept) spill?.(kept.data as RecordData);
  };
  // By the file's place in the listing: a map of 100,000 files costs more.
  const known: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(files.length);
  const hits = new Set<string>();
  const wanted = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (key === undefined) return;
    const list = wanted.get(key[0]!);
    if (list) list.push(i);
    else wanted.set(key[0]!, [i]);
  });
  /**
   * How many entries each shard held, for shards read whole and valid: what a
   * write can leave alone (whether a key is among them, `hits` says: every
   * key listed was looked up).
   */
  const held = new Map<string, number>();
  // Each shard is read into the same buffer: its entries are taken before the next is read.
  const into = reusedBuffer(largestShard(cache, SHARDS));
  // What most records are kept as, where the command reads tasks as of a day or one task's history: their ids.
  const factsOfMost = store.project?.task !== undefined || store.project?.lastDay !== undefined;
  const keepsFacts = files.length >= FILES_BETWEEN_COLLECTIONS && factsOfMost;
  // Their ids one string each, as check's are: the map goes with the loop.
  let shareFacts = keepsFacts ? sharedFactIds() : undefined;
  /** A stored entry taken for the file at `i` of the listing, as a read of its shard finds it or the filling child passes it on. */
  const take = (i: number, key: string, entry: StoredRecord) => {
    const { bodyLine } = entry;
    // A body is not stored: read from the file when one is wanted, or the record is parsed again.
    const body = wantsBody(entry.data) ? storedRecordBody(files[i]!, key, bodyLine) : undefined;
    if (body === null) return;
    hits.add(key);
    const entryFile = files[i]!.file;
    // Written out, not spread: a spread of what `project` returns gave each of 100,000 records a hidden class of its own (~15 MB).
    const taken = project ? project(entry.data) : { data: entry.data };
    const record = taken.facts
      ? { data: taken.data, facts: taken.facts, bodyLine }
      : body !== undefined
        ? { data: taken.data, bodyLine, body }
        : { data: taken.data, bodyLine };
    if (shareFacts && record.facts) shareFacts(record.facts);
    spill?.(record.data);
    known[i] = {
      findings: entry.findings.length === 0 ? [] : entry.findings.map((f) => ({ file: entryFile, ...f })),
      record,
      hash: key,
    };
  };
  for (const [n, c] of [...(unhashed ? '' : SHARDS)].entries()) {
    if (files.length >= FILES_BETWEEN_COLLECTIONS && n > 0 && n % 16 === 0) collectGarbage();
    const shard = ShardFile.read(cache, c, configHash, into);
    if (!shard) continue;
    held.set(c, shard.size);
    for (const i of wanted.get(c) ?? []) {
      const key = keys[i]!;
      const entry = shard.entry(key, readsApart);
      if (entry) take(i, key, entry);
    }
  }
  // The map of a million ids must not outlive the loop: this frame waits on the parse below.
  shareFacts = undefined;

  // A large repository with no shard yet (a first run, a new build, another config) has its store filled first by
  // a child process (fillInChild): parsed while this process kept what the command keeps of every record, a first
  // report at 100k records peaked at 580 MB. The command takes each record's entry as the child passes it on
  // through a ring (entryRing.ts) while the child parses the rest, as a read of its shard would: read back once the
  // child had ended, one core decoded them while the other was idle (6.6 s of a first HTML report at 100k). Where it
  // keeps the facts alone of most records (`factsOfMost`: `tasks --today`, `new --date`, `log`), it takes outcomes
  // the child's threads projected instead, far smaller: a cold `new --date` ended 5 s sooner than reading back, `log`
  // 0–5 s, `tasks --today` ~1 s (ARCHITECTURE.md, "The record store").
  let takenFromRing = false;
  const missing = held.size === 0 ? files.flatMap((_, i) => (unhashed || keys[i] !== undefined ? [i] : [])) : [];
  const threads = parserThreads(missing.length, options.threads);
  if (missing.length >= fillFrom(store.env) && threads > 0) {
    const locale = options.locale ?? config.locale;
    const progress = (done: number) => options.progress?.(done, files.length);
    const job = { root, env: store.env, configHash, files: missing.map((i) => files[i]!), threads };
    if (!factsOfMost) {
      const settings = { config, detail: 'full', bodies: false, locale, store: true } as const;
      const collecting = collectingAsTaken();
      // What does not come through the ring (a batch larger than it; a ring that could not be made or written) is
      // read where it was stored once the store is filled, by shard.
      const unpassed = new Map<string, [number, string][]>();
      const passed = ({ start, keys: hashes, ends }: PassedEntries, entries: Buffer | undefined) => {
        for (let k = 0, from = 0; k < ends.length; from = ends[k++]!) {
          const i = missing[start + k];
          const key = hashes[k];
          if (i === undefined || typeof key !== 'string' || !(ends[k]! > from)) continue;
          const entry = entries && entryIn(entries, from, ends[k]!, readsApart);
          if (entry) take(i, key, entry);
          else if (unpassed.get(key[0]!)?.push([i, key]) === undefined) unpassed.set(key[0]!, [[i, key]]);
        }
        collecting(ends.length);
      };
      const ring = cache.openScratch('ring');
      const filled = await fillInChild({ ...job, settings, forward: false }, progress, undefined, passed, ring).finally(() => {
        if (ring !== undefined) closeSync(ring);
      });
      if (filled.filled && filled.shards) {
        takenFromRing = true;
        for (const [c, size] of filled.shards) held.set(c, size);
        const buffer = reusedBuffer(largestShard(cache, unpassed.keys()));
        for (const [c, places] of unpassed) {
          const shard = ShardFile.read(cache, c, configHash, buffer);
          for (const [i, key] of places) {
            const entry = shard?.entry(key, readsApart);
            if (entry) take(i, key, entry);
          }
        }
      } else {
        known.fill(undefined);
        hits.clear();
      }
    } else {
      // Each outcome taken as a parse on this process's own threads takes it (parseOnThreads, and onParsed below).
      const shareIds = sharedFactIds();
      const collecting = collectingAsTaken();
      let unread = false;
      const received = ({ start, outcomes, stored }: FilledBatch) => {
        let batch: FileOutcome[];
        try {
          batch = JSON.parse(Buffer.from(outcomes.buffer, outcomes.byteOffset, outcomes.byteLength).toString('utf8')) as FileOutcome[];
        } catch {
          unread = true;
          return;
        }
        for (let k = 0; k < batch.length; k++) {
          const i = missing[start + k];
          if (i === undefined) continue;
          const outcome = batch[k]!;
          const kept = outcome.record;
          if (kept && 'facts' in kept) shareIds(kept.facts);
          takeParsed(kept);
          known[i] = outcome;
          if (stored[k] === true && outcome.hash !== undefined) hits.add(outcome.hash);
        }
        collecting(batch.length);
      };
      const settings = threadSettings(config, { ...options, store: true, project: store.project! }, locale);
      const filled = await fillInChild({ ...job, settings, forward: true }, progress, received);
      if (filled.filled && !unread) for (const [c, size] of filled.shards ?? []) held.set(c, size);
      else {
        // Parsed here as if no child had been: the shards this read writes hold every record (and replace any the
        // child wrote before it failed to answer, or sent what could not be read).
        known.fill(undefined);
        hits.clear();
      }
    }
  }

  // What the last shards left (and, for a run that keeps facts of most records, `meet log`, `new --date`,
  // `tasks --today`, nearly all it parsed) is garbage: collected before the rules across records build their
  // index of a million ids, not after (at 100k records, ~100 MB of it after the last shards). Entries taken from
  // the ring were collected as they came, and the load collects once more before the rules: twice more here was
  // 0.4 s of a first report at 100k records, for the same peak.
  if (files.length >= FILES_BETWEEN_COLLECTIONS && !takenFromRing) collectGarbage(true);

  // New entries go to their shard as records are parsed: straight into a new
  // file for a shard that has none (a cold run), else kept until that shard
  // is written again. A hit is held by its shard, and a write takes it from
  // there (what the run keeps may be projected).
  const shards = new NewShards(cache, configHash);
  const parsed = new Map<string, Uint8Array>();
  let writable: boolean | undefined;
  const repository = await loadRepository(root, {
    ...options,
    files,
    // Handed over once: the load lets each go as its record is made.
    known: (_entry, i) => {
      const outcome = known[i];
      known[i] = undefined;
      return outcome;
    },
    store: true,
    ...(store.project ? { project: store.project } : {}),
    onParsed: (_file, outcome, entry) => {
      takeParsed(outcome.record);
      if (entry === undefined) return;
      const key = outcome.hash!;
      const c = key[0]!;
      if (held.has(c)) {
        if (!hits.has(key) && !parsed.has(key)) parsed.set(key, entry);
        return;
      }
      if (!(writable ??= cache.prepareFolder())) return;
      shards.add(key, entry);
    },
    onFile: (entry, outcome, i) => {
      options.onFile?.(entry, outcome, i);
      if (listing?.unhashed) keys[i] = outcome.hash;
      else if (listing && outcome.hash !== keys[i]) listing.changed = true;
    },
  }).catch((error: unknown) => {
    shards.abort();
    throw error;
  });
  // Every file was read: the keys the parse gave are the listing's.
  if (listing?.unhashed) delete listing.unhashed;
  // Stored only against the config the records were checked with.
  if (listing && repository.configHash !== listing.configHash) listing.changed = true;
  if (repository.configHash === hash) {
    shards.commit();
    writeStore(cache, configHash, parsed, held, hits);
  } else shards.abort();
  parsed.clear();
  return store.project ? { ...repository, projected: store.project } : repository;
}

/**
 * The body of a record whose entry the store holds, read from its file
 * without parsing its front matter again; null when the file no longer
 * holds the bytes the entry was stored by (then it is parsed again, as any
 * miss). At 100,000 records a report's month is ~750 records: parsed again
 * on this thread they were ~0.6 s of its CPU in an HTML report after one
 * record changed, and their parse's garbage came at the load's peak.
 */
function storedRecordBody(file: RecordFile, key: string, bodyLine: number): string | null {
  const bytes = readRecordBytes(file);
  if (Array.isArray(bytes) || contentHash(bytes) !== key) return null;
  const read = recordBody(bytes);
  return read && read.bodyLine === bodyLine ? read.body : null;
}

/**
 * From how many record files a store with no shard is filled before it is
 * read: 20,000 (where the threads' heaps and what this thread keeps of every
 * record together passed 400 MiB), or MEET_FILL_FROM.
 */
function fillFrom(env: Env): number {
  const asked = env.MEET_FILL_FROM;
  return asked !== undefined && /^\d+$/.test(asked) ? Number(asked) : FILES_BETWEEN_COLLECTIONS;
}

/**
 * The size of the largest of these shards' files: one buffer of it reads
 * them all. Grown as each larger shard came, the buffer was made twice the
 * size again while the last one waited for a collection: 10 MB more at 100k
 * records, where the load is at its peak.
 */
function largestShard(cache: CheckCache, shards: Iterable<string>): number {
  let largest = 0;
  for (const c of shards) {
    const stat = lstatSync(cache.pathOf(storeFile(c)), { throwIfNoEntry: false });
    // A shard at a million records is ~20 MB: a larger file is not made room for ahead (a shard too large is not read).
    if (stat?.isFile() && stat.size <= 64 * 1024 * 1024) largest = Math.max(largest, stat.size);
  }
  return largest;
}

/** What the filling process (storeFiller.ts) is sent. */
export interface FillJob {
  root: string;
  env: Env;
  configHash: string;
  files: RecordFile[];
  settings: ThreadSettings;
  threads: number;
  /** Each batch's outcomes passed on as parsed (FilledBatch); else each batch's store entries (PassedEntries). */
  forward: boolean;
  /** The size of the ring the entries are passed through (its file is the filling process's RING_FD); none: they are not. */
  ring?: number;
}

/**
 * A batch's store entries as the filling process stores them (FillJob.forward
 * false): of the job's files from `start` on, the k-th's content hash (null:
 * the file could not be read) and its entry's JSON from `ends[k - 1]` (0 for
 * the first) to `ends[k]` of the bytes written at `at` of the ring
 * (io/entryRing.ts; none where the two ends are equal). `at` -1: the
 * entries are not in the ring, only in their shards.
 */
export interface PassedEntries {
  start: number;
  keys: (string | null)[];
  ends: Int32Array;
  at: number;
}

/**
 * What the filling process sends as each batch is parsed (FillJob.forward):
 * the outcomes of the job's files from `start` on, as the parser thread
 * wrote them (JSON in UTF-8), and whether each one's entry went to a shard.
 */
export interface FilledBatch {
  start: number;
  outcomes: Uint8Array;
  stored: boolean[];
}

/** What the filling process answers at the end: whether it wrote a shard, and how many entries each shard holds. */
export interface FillAnswer {
  filled: boolean;
  shards?: [string, number][];
}

/**
 * fillStore in a child process (storeFiller.ts), its progress passed on, and
 * each batch it forwards handed to `received` as it comes: `filled` false
 * when it could not be started or did not finish (the read then parses what
 * it finds missing, as without it).
 */
function fillInChild(
  job: FillJob,
  progress: (done: number) => void,
  received?: (batch: FilledBatch) => void,
  passed?: (batch: PassedEntries, entries: Buffer | undefined) => void,
  ring?: number,
): Promise<FillAnswer> {
  return new Promise((resolve) => {
    let answer: FillAnswer = { filled: false };
    let child: ChildProcess;
    try {
      child = fork(fileURLToPath(new URL('./storeFiller.js', import.meta.url)), [], {
        stdio: ['ignore', 'ignore', 'ignore', 'ipc', ...(ring === undefined ? [] : [ring])],
        serialization: 'advanced',
        execArgv: [],
      });
    } catch {
      resolve(answer);
      return;
    }
    const reader = ring === undefined ? undefined : new RingReader(ring, RING_BYTES);
    child.on('message', (message: Partial<FilledBatch & PassedEntries & FillAnswer & { done: number }>) => {
      if (isFilledBatch(message)) received?.(message);
      if (isPassedEntries(message)) {
        const length = message.ends.at(-1) ?? 0;
        passed?.(message, message.at >= 0 ? reader?.read(message.at, length) : undefined);
        // Taken: the ring may be written over (unless the child has ended meanwhile, what it sent last still being read).
        if (message.at >= 0 && child.connected) child.send({ taken: message.at + length }, ignoreError);
      }
      if (typeof message.done === 'number') progress(message.done);
      if (typeof message.filled === 'boolean') {
        const { shards } = message;
        const counted = Array.isArray(shards) && shards.every((s) => Array.isArray(s) && typeof s[0] === 'string' && typeof s[1] === 'number');
        answer = counted ? { filled: message.filled, shards } : { filled: false };
        // The last message; the process ends by itself.
        resolve(answer);
      }
    });
    child.on('error', () => resolve({ filled: false }));
    // Ended without an answer: the channel closes once every message sent on it is read ('exit' may come before).
    child.on('disconnect', () => resolve(answer));
    child.send({ ...job, ...(ring === undefined ? {} : { ring: RING_BYTES }) });
  });
}

function isPassedEntries(message: Partial<PassedEntries>): message is PassedEntries {
  const { start, keys, ends, at } = message;
  return typeof start === 'number' && typeof at === 'number' && ends instanceof Int32Array && Array.isArray(keys) && keys.length === ends.length;
}

function isFilledBatch(message: Partial<FilledBatch>): message is FilledBatch {
  const { start, outcomes, stored } = message;
  return typeof start === 'number' && outcomes instanceof Uint8Array && Array.isArray(stored);
}

/**
 * Parses `files` on `threads` parser threads into a store that has no shard,
 * a shard file written as its entries come, and keeps nothing of the
 * records: with `forward`, each batch's outcomes go to `sent` as the
 * thread wrote them, and the answer says how many entries each shard
 * holds; else the answer gives each file's content hash as read (undefined
 * where it could not be, or a failed thread left it). `filled` when a shard
 * was written. A record that cannot be stored (errors, a `-0`) is not;
 * what a failed thread left is parsed by the read that follows.
 */
export async function fillStore(
  cache: CheckCache,
  job: Pick<FillJob, 'configHash' | 'files' | 'settings' | 'threads' | 'forward'>,
  progress: (done: number) => void,
  sent: (batch: FilledBatch | PassedEntries) => void,
  ring?: RingWriter,
): Promise<FillAnswer> {
  if (!cache.prepareFolder()) return { filled: false };
  const { files, threads, forward } = job;
  const shards = new NewShards(cache, job.configHash);
  const passed = (start: number, reply: ForwardedReply | StoredReply) => {
    if ('encoded' in reply) {
      const { encoded, stored, keys } = reply;
      const put = stored.map((entry, k) => {
        const key = keys[k];
        if (entry === null || typeof key !== 'string') return false;
        shards.add(key, entry);
        return true;
      });
      sent({ start, outcomes: encoded, stored: put });
      return;
    }
    const { entries, ends, keys } = reply;
    for (let k = 0, from = 0; k < ends.length; from = ends[k++]!) {
      const key = keys[k];
      if (typeof key === 'string' && ends[k]! > from) shards.add(key, entries.subarray(from, ends[k]));
    }
    const told = (at: number) => sent({ start, keys, ends, at });
    if (ring) ring.put(entries, told);
    else told(-1);
  };
  const settings = { ...job.settings, ...(forward ? { forward: true } : { storeOnly: true }) };
  await parseOnThreads(files, settings, threads, progress, undefined, undefined, passed).catch((error: unknown) => {
    shards.abort();
    throw error;
  });
  // Every batch told before the answer.
  await ring?.end();
  shards.commit();
  return { filled: shards.size > 0, shards: shards.counts() };
}

/**
 * A shard's JSON starts so (its value: the config and the entries by key);
 * each entry follows on a line of its own, `"key":{…},`, and the last line
 * closes the value and the payload: `}}}`.
 */
const shardHead = (configHash: string) => `{"configHash":${JSON.stringify(configHash)},"entries":{`;
const SHARD_END = '}}}';

/** A shard with no file yet, written as its entries come (each once: the same content may sit under two names). */
class ShardWriter {
  private readonly writer: SignedWriter;
  private readonly keys = new Set<string>();

  constructor(cache: CheckCache, c: string, configHash: string) {
    this.writer = cache.signedWriter(storeFile(c));
    this.writer.write(shardHead(configHash));
  }

  /** How many entries it holds. */
  get size(): number {
    return this.keys.size;
  }

  /** `entry`: its JSON (JSON.stringify's, so without a line break), as text or UTF-8. */
  add(key: string, entry: string | Uint8Array): void {
    if (this.keys.has(key)) return;
    this.writer.write(`${this.keys.size === 0 ? '' : ','}\n${JSON.stringify(key)}:`);
    this.writer.write(entry);
    this.keys.add(key);
  }

  commit(): void {
    // SignedWriter closes the payload with the third brace.
    this.writer.write('\n}}');
    this.writer.commit();
  }

  abort(): void {
    this.writer.abort();
  }
}

/** Shards that have no file yet, each written as its first entries arrive (a cold run, fillStore). */
class NewShards {
  private readonly writers = new Map<string, ShardWriter>();

  constructor(
    private readonly cache: CheckCache,
    private readonly configHash: string,
  ) {}

  /** How many shards were begun. */
  get size(): number {
    return this.writers.size;
  }

  /** How many entries each shard begun holds. */
  counts(): [string, number][] {
    return [...this.writers].map(([c, writer]) => [c, writer.size]);
  }

  add(key: string, entry: Uint8Array): void {
    const c = key[0]!;
    let writer = this.writers.get(c);
    if (!writer) this.writers.set(c, (writer = new ShardWriter(this.cache, c, this.configHash)));
    writer.add(key, entry);
  }

  commit(): void {
    for (const writer of this.writers.values()) writer.commit();
  }

  abort(): void {
    for (const writer of this.writers.values()) writer.abort();
  }
}

/**
 * A shard as read: where each entry's JSON lies in the file's bytes, parsed
 * only when taken. A shard parsed whole made tens of megabytes of objects at
 * 100,000 records, most of them garbage once projected, and kept a large
 * repository's heap far above what the command held.
 */
class ShardFile {
  private constructor(
    private readonly payload: Buffer,
    private readonly spans: Map<string, { start: number; end: number }>,
  ) {}

  /** The shard written against `configHash` by this build, or undefined (no file, another build or config, not in the layout ShardWriter writes). */
  static read(cache: CheckCache, c: string, configHash: string, into?: (size: number) => Buffer): ShardFile | undefined {
    const payload = cache.readSignedPayload(storeFile(c), into);
    if (!payload) return undefined;
    const head = Buffer.from(cache.signedHead() + shardHead(configHash), 'utf8');
    if (!payload.subarray(0, head.length).equals(head) || payload[head.length] !== 0x0a) return undefined;
    const spans = new Map<string, { start: number; end: number }>();
    for (let start = head.length + 1; ;) {
      const newline = payload.indexOf(0x0a, start);
      if (newline === -1) return payload.toString('latin1', start) === SHARD_END ? new ShardFile(payload, spans) : undefined;
      // "key":{…}, (the last entry without the comma)
      const quote = payload[start] === 0x22 ? payload.indexOf(0x22, start + 1) : -1;
      if (quote === -1 || quote >= newline || payload[quote + 1] !== 0x3a) return undefined;
      spans.set(payload.toString('latin1', start + 1, quote), { start: quote + 2, end: payload[newline - 1] === 0x2c ? newline - 1 : newline });
      start = newline + 1;
    }
  }

  /** How many entries the shard holds. */
  get size(): number {
    return this.spans.size;
  }

  /**
   * The entry of `key`, or undefined when there is none or it is not one.
   * An entry with keys kept apart (storedEntry in io/recordOutcome.ts) has
   * them read only when `readsApart` says so of the rest of its data; else
   * its data lacks them, which the command's projection drops anyway.
   */
  entry(key: string, readsApart?: (head: RecordData) => boolean): StoredRecord | undefined {
    const span = this.spans.get(key);
    return span && entryIn(this.payload, span.start, span.end, readsApart);
  }

  /** The entry's JSON as written: what a shard written again copies. */
  raw(key: string): Uint8Array | undefined {
    const span = this.spans.get(key);
    return span && this.payload.subarray(span.start, span.end);
  }
}

/** The entry whose JSON lies in `payload` from `start` to `end` (ShardFile.entry). */
function entryIn(payload: Buffer, start: number, end: number, readsApart?: (head: RecordData) => boolean): StoredRecord | undefined {
  try {
    // {findings, data, bodyLine}
    if (payload[start] !== 0x5b) {
      const entry: unknown = JSON.parse(payload.toString('utf8', start, end));
      return isStoredRecord(entry) ? entry : undefined;
    }
    // [n,{findings, data, bodyLine},apart]: n digits, then the first object's n bytes.
    const comma = payload.indexOf(0x2c, start);
    const digits = comma === -1 || comma >= end ? '' : payload.toString('latin1', start + 1, comma);
    if (!/^[1-9][0-9]{0,9}$/.test(digits)) return undefined;
    const headEnd = comma + 1 + Number(digits);
    if (headEnd + 2 >= end || payload[headEnd] !== 0x2c || payload[end - 1] !== 0x5d) return undefined;
    const entry: unknown = JSON.parse(payload.toString('utf8', comma + 1, headEnd));
    if (!isStoredRecord(entry)) return undefined;
    if (readsApart && !readsApart(entry.data)) return entry;
    const data = joinStoredParts(entry.data, JSON.parse(payload.toString('utf8', headEnd + 1, end - 1)));
    return data ? { ...entry, data } : undefined;
  } catch {
    return undefined;
  }
}

function isStoredRecord(entry: unknown): entry is StoredRecord {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Partial<StoredRecord>;
  return Array.isArray(e.findings) && typeof e.data === 'object' && e.data !== null && typeof e.bodyLine === 'number';
}

/**
 * Writes again the shards that had a file and whose entries differ from
 * what was read: the hits they hold, with the records `parsed` in the run
 * that fall in them (records gone drop out). One shard at a time, the old
 * one read into the same buffer each time: a shard is ~10 MB at 100,000
 * records, and holding every shard read until all were written took 911 MiB
 * after records in every shard changed. Best effort: a store that cannot be
 * written stays cold.
 */
function writeStore(
  cache: CheckCache,
  configHash: string,
  parsed: ReadonlyMap<string, Uint8Array>,
  held: ReadonlyMap<string, number>,
  hits: ReadonlySet<string>,
): void {
  const counts = new Map<string, number>();
  const dirty = new Set<string>();
  for (const key of hits) counts.set(key[0]!, (counts.get(key[0]!) ?? 0) + 1);
  // No hit among them: each is new to its shard. Taken by shard once, not looked for again in each shard written.
  const fresh = new Map<string, [string, Uint8Array][]>();
  for (const [key, entry] of parsed) {
    const c = key[0]!;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    dirty.add(c);
    const entries = fresh.get(c);
    if (entries) entries.push([key, entry]);
    else fresh.set(c, [[key, entry]]);
  }
  for (const [c, size] of held) if (size !== (counts.get(c) ?? 0)) dirty.add(c);
  if (dirty.size === 0 || !cache.prepareFolder()) return;
  const kept = new Map<string, string[]>([...dirty].map((c) => [c, []]));
  for (const key of hits) kept.get(key[0]!)?.push(key);
  const into = reusedBuffer(largestShard(cache, kept.keys()));
  for (const [c, keys] of kept) {
    const writer = new ShardWriter(cache, c, configHash);
    // Read again: a run meanwhile may have written the shard without an entry, and then it is a miss next time.
    // Copied as it lies: signed, so written by this build, and its hits were read whole in this run.
    const before = keys.length > 0 ? ShardFile.read(cache, c, configHash, into) : undefined;
    for (const key of keys) {
      const entry = before?.raw(key);
      if (entry) writer.add(key, entry);
    }
    for (const [key, entry] of fresh.get(c) ?? []) writer.add(key, entry);
    // Before the next shard is read into the buffer the entries copied lie in.
    writer.commit();
  }
}
