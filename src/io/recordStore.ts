// The record store in .meet-cache/: the check cache generalised to every
// command that reads the whole repository (new, report, tasks, diff, digest,
// log). Each record's outcome (its findings against the config, its
// normalized data, its body line) is kept by the content hash of the bytes
// that were parsed, in 64 signed shards, so a warm run only lists, hashes
// and looks up (ARCHITECTURE.md, "The record store").
import { reportingMonthOf } from '../domain/months.js';
import { projectRecord } from '../domain/projection.js';
import type { Month } from '../model/dates.js';
import type { Finding } from '../model/ruleCatalogue.js';
import type { RecordData } from '../model/schema.js';
import { CheckCache } from './checkCache.js';
import { hashedRecordFiles, type RecordFile } from './recordFiles.js';
import type { FileOutcome, ReadOptions } from './recordOutcome.js';
import type { RecordListing } from './outputMemo.js';
import { loadRepository, readConfig, refuseRecordErrors, type Repository } from './repository.js';
import { readingFor, type Env, type Io } from './terminal.js';

const SHARDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const storeFile = (c: string) => `store-${c.charCodeAt(0).toString(16)}.json`;

/** A record's outcome by content hash: its findings carry no file name (the same content may sit under two names). */
interface StoredRecord {
  findings: Omit<Finding, 'file'>[];
  data: RecordData;
  bodyLine: number;
}

interface StoreShard {
  /** The config the findings were checked against. */
  configHash: string;
  entries: Record<string, StoredRecord>;
}

export interface StoreSettings {
  env: Env;
  /** false: neither read nor write the store (--no-cache). */
  cache?: boolean;
  /**
   * What the command keeps of each record's data (domain/projection.ts):
   * a command that shows no decision need not hold 100,000 records'
   * decisions. Applied as each stored record is taken, and to the records
   * parsed in the run once they are stored whole; --no-cache keeps
   * everything, so the differential test compares the two.
   */
  project?: (data: RecordData) => RecordData;
  /** The files as the output memo listed and hashed them: not hashed again, and marked changed when a parse disagrees. */
  listing?: RecordListing;
}

type FullReading = ReadOptions & { detail?: 'full' };

/** As loadValidRepository, through the record store: any error in the records stops the command. */
export async function loadStoredValidRepository(root: string, options: FullReading, store: StoreSettings): Promise<Repository> {
  return refuseRecordErrors(await loadStoredRepository(root, options, store));
}

/**
 * What a month's report reads (report, digest): the records of `month` whole,
 * with their bodies, and of the other months only the figures and tasks
 * its trends and task lists need; without a month, every record whole.
 */
export function loadReportRepository(root: string, month: Month | undefined, io: Io, cache?: boolean, listing?: RecordListing): Promise<Repository> {
  return loadStoredValidRepository(
    root,
    { bodies: month ? { month } : true, ...readingFor(io) },
    {
      env: io.env,
      cache,
      listing,
      ...(month ? { project: projectRecord({ results: true, whole: (data) => reportingMonthOf({ data }) === month }) } : {}),
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
  const { files, keys } = listing ?? hashedRecordFiles(root, config.paths.meetings);
  const index = listing ? new Map(files.map((entry, i) => [entry, i])) : undefined;
  const wantsBody = (data: RecordData): boolean => {
    const { bodies } = options;
    if (!bodies) return false;
    return bodies === true || reportingMonthOf({ data }) === bodies.month;
  };

  // Looked up a shard at a time, each dropped once its hits are taken.
  const known = new Map<RecordFile, FileOutcome>();
  const hits = new Set<string>();
  const wanted = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (key === undefined) return;
    const list = wanted.get(key[0]!);
    if (list) list.push(i);
    else wanted.set(key[0]!, [i]);
  });
  /** The keys each shard held, for shards read whole and valid: what a write can leave alone. */
  const held = new Map<string, Set<string>>();
  for (const c of SHARDS) {
    const shard = readShard(cache, c, configHash);
    if (!shard) continue;
    held.set(c, new Set(Object.keys(shard.entries)));
    for (const i of wanted.get(c) ?? []) {
      const key = keys[i]!;
      const entry = Object.hasOwn(shard.entries, key) ? shard.entries[key] : undefined;
      if (!isStoredRecord(entry)) continue;
      hits.add(key);
      // A body is not stored: the record is read again when one is wanted.
      if (wantsBody(entry.data)) continue;
      const entryFile = files[i]!.file;
      known.set(files[i]!, {
        findings: entry.findings.length === 0 ? [] : entry.findings.map((f) => ({ file: entryFile, ...f })),
        record: { data: store.project ? store.project(entry.data) : entry.data, bodyLine: entry.bodyLine },
        hash: key,
      });
    }
  }

  // A hit is held by its shard: a shard written again takes it from there (what the run keeps may be projected).
  const stored = new Map<string, StoredRecord | typeof HELD>();
  const repository = await loadRepository(root, {
    ...options,
    files,
    known: (entry) => known.get(entry),
    onFile: (entry, outcome) => {
      options.onFile?.(entry, outcome);
      if (listing && outcome.hash !== keys[index!.get(entry)!]) listing.changed = true;
      const kept = outcome.record;
      if (!kept || 'facts' in kept || outcome.partial || outcome.hash === undefined) return;
      if (hits.has(outcome.hash)) {
        stored.set(outcome.hash, HELD);
        return;
      }
      // JSON would give -0 back as 0: such a record is never stored.
      if (hasNegativeZero(kept.data)) return;
      stored.set(outcome.hash, {
        findings: outcome.findings.length === 0 ? NO_FINDINGS : outcome.findings.map(({ file: _file, ...f }) => f),
        data: kept.data as RecordData,
        bodyLine: kept.bodyLine,
      });
    },
  });
  // Stored only against the config the records were checked with.
  if (listing && repository.configHash !== listing.configHash) listing.changed = true;
  if (repository.configHash === hash) writeStore(cache, configHash, stored, held);
  stored.clear();
  if (store.project) for (const record of repository.records) record.data = store.project(record.data);
  return repository;
}

const NO_FINDINGS: StoredRecord['findings'] = [];
const HELD = Symbol('held by its shard');

function readShard(cache: CheckCache, c: string, configHash: string): StoreShard | undefined {
  const shard = cache.readSigned(storeFile(c)) as StoreShard | undefined;
  if (!shard || typeof shard !== 'object' || shard.configHash !== configHash) return undefined;
  if (typeof shard.entries !== 'object' || shard.entries === null || Array.isArray(shard.entries)) return undefined;
  return shard;
}

function isStoredRecord(entry: unknown): entry is StoredRecord {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Partial<StoredRecord>;
  return Array.isArray(e.findings) && typeof e.data === 'object' && e.data !== null && typeof e.bodyLine === 'number';
}

/**
 * Writes the shards whose entries differ from what was read: new records,
 * records gone, or a shard that was missing or not valid. Best effort: a
 * store that cannot be written stays cold.
 */
function writeStore(
  cache: CheckCache,
  configHash: string,
  stored: ReadonlyMap<string, StoredRecord | typeof HELD>,
  held: ReadonlyMap<string, Set<string>>,
): void {
  const counts = new Map<string, number>();
  const dirty = new Set<string>();
  for (const key of stored.keys()) {
    const c = key[0]!;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    if (!held.get(c)?.has(key)) dirty.add(c);
  }
  for (const c of SHARDS) if ((held.get(c)?.size ?? 0) !== (counts.get(c) ?? 0)) dirty.add(c);
  if (dirty.size === 0 || !cache.prepareFolder()) return;
  const shards = new Map<string, Record<string, StoredRecord>>();
  const before = new Map<string, StoreShard | undefined>();
  for (const [key, value] of stored) {
    const c = key[0]!;
    if (!dirty.has(c)) continue;
    let entry: unknown = value;
    if (value === HELD) {
      // Read again: a shard changed meanwhile by another run may have lost it, and then it is a miss next time.
      if (!before.has(c)) before.set(c, readShard(cache, c, configHash));
      const entries = before.get(c)?.entries;
      entry = entries && Object.hasOwn(entries, key) ? entries[key] : undefined;
      if (!isStoredRecord(entry)) continue;
    }
    let shard = shards.get(c);
    if (!shard) shards.set(c, (shard = {}));
    shard[key] = entry as StoredRecord;
  }
  try {
    for (const c of dirty) cache.writeSigned(storeFile(c), { configHash, entries: shards.get(c) ?? {} } satisfies StoreShard);
  } catch {
    // A full disk: the shards not written are read as misses next time.
  }
}

function hasNegativeZero(value: unknown): boolean {
  if (typeof value === 'number') return Object.is(value, -0);
  if (typeof value !== 'object' || value === null) return false;
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (hasNegativeZero(v)) return true;
  return false;
}
