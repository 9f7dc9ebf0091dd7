// Reading a records repository from disk: find the root, read the config,
// walk the meetings folder. Parsing itself is pure (parse.ts).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../domain/findings.js';
import type { Month } from '../domain/dates.js';
import { periodOf } from '../domain/months.js';
import type { Config, RecordData } from '../domain/schema.js';
import { checkAcrossRecords, checkAgainstConfig, checkFileName } from '../domain/rules.js';
import { taskIdsOf, updatedTasksOf } from '../domain/recordFacts.js';
import { RecordsError } from '../errors.js';
import { CONFIG_FILE, contentHash, listRecordFiles, readConfigBytes, readRecordBytes, type RecordFile } from './files.js';
import { exactLocate, parseConfig, parseRecord, type Locate, type MeetingRecord, type Position, type RecordFacts, type RecordParse } from './parse.js';
import type { PropertyPath } from './yamlDocument.js';

// The file side lives in files.ts, which `meet check` can load without the
// parsers when its cache answers.
export { CONFIG_FILE, contentHash, findRoot, isInside, isInsideRealRoot, listRecordFiles, readConfigBytes, readRecordBytes, toPosix, type RecordFile } from './files.js';

export interface Repository {
  root: string;
  config: Config;
  records: MeetingRecord[];
  /** Every finding: config, each file, and the cross-record rules. */
  findings: Finding[];
  /** What was salvaged of records with schema errors (the cross-record rules saw them too). */
  partial?: MeetingRecord[];
}

export function readConfig(root: string): { config?: Config; findings: Finding[]; hash: string } {
  const bytes = readConfigBytes(root);
  const parsed = parseConfig(bytes, CONFIG_FILE);
  return { config: parsed.config, findings: parsed.findings, hash: contentHash(bytes) };
}

export interface RecordFileParse extends RecordParse {
  /** Set when the file was read. */
  hash?: string;
}

export function readRecordFile(entry: RecordFile): RecordFileParse {
  const bytes = readRecordBytes(entry);
  if (Array.isArray(bytes)) return { findings: bytes };
  return { ...parseRecord(bytes, entry.file), hash: contentHash(bytes) };
}

/** A record file's bytes again, as long as they are the ones first read. */
function readAgain(absolute: string, contentKey: string): Uint8Array | undefined {
  try {
    const bytes = readFileSync(absolute);
    return contentHash(bytes) === contentKey ? bytes : undefined;
  } catch {
    return undefined;
  }
}

export interface ReadOptions {
  /**
   * 'facts' keeps only what the rules across records look at: the date in
   * `data` (every other field is absent, whatever its type says) and the
   * task ids in `facts`. For `meet check` only, which must hold 100,000
   * records in little memory. Default 'full'.
   */
  detail?: 'full' | 'facts';
  /** Keep the Markdown bodies (reports): all, or those of one month's meetings. Default false. */
  bodies?: boolean | { period: Month };
  /** Called as files are read: for a progress line on a terminal. */
  progress?: (done: number, total: number) => void;
  /** How many parser threads to use, whatever the number of files (MEET_THREADS). */
  threads?: number;
  /** The record files, when the caller has just listed them (the check cache). */
  files?: RecordFile[];
  /** Outcomes already known (the check cache), by file; those files are not read. */
  known?: (entry: RecordFile) => FileOutcome | undefined;
  /** Called with each file's outcome (for the check cache). */
  onFile?: (entry: RecordFile, outcome: FileOutcome) => void;
}

/** What is kept of a record that parsed (or of what was salvaged of one that did not). */
export interface KeptRecord {
  data: RecordData;
  /** With detail 'facts': see MeetingRecord.facts. */
  facts?: RecordFacts;
  bodyLine: number;
  body?: string;
}

/**
 * One record file read and checked on its own: its findings (parsing, and
 * the rules against the config) with their positions, and what is kept of
 * it. Plain data, so it can come from a parser thread or the check cache.
 */
export interface FileOutcome {
  findings: Finding[];
  record?: KeptRecord;
  partial?: KeptRecord;
  hash?: string;
}

function kept(record: MeetingRecord, options: ReadOptions): KeptRecord {
  if (options.detail === 'facts') {
    // The date alone stands for the data (see ReadOptions.detail).
    const data = { date: record.data.date } as RecordData;
    return { data, facts: { taskIds: [...taskIdsOf(record)], updateTasks: [...updatedTasksOf(record)] }, bodyLine: record.bodyLine };
  }
  const out: KeptRecord = { data: record.data, bodyLine: record.bodyLine };
  const wanted = options.bodies === true || (typeof options.bodies === 'object' && periodOf(record) === options.bodies.period);
  if (wanted && record.body !== undefined) out.body = record.body;
  return out;
}

/** Reads, parses and checks one record file against the config. Runs on a parser thread or here. */
export function readFileOutcome(entry: RecordFile, config: Config, options: ReadOptions): FileOutcome {
  const parse = readRecordFile(entry);
  const findings = [...parse.findings];
  const target = parse.record ?? parse.partial;
  if (target) findings.push(...checkAgainstConfig(target, config));
  const outcome: FileOutcome = { findings };
  if (parse.record) outcome.record = kept(parse.record, options);
  if (parse.partial) outcome.partial = kept(parse.partial, { detail: options.detail ?? 'full' });
  if (parse.hash !== undefined) outcome.hash = parse.hash;
  return outcome;
}

function readHere(files: RecordFile[], outcomes: (FileOutcome | undefined)[], config: Config, options: ReadOptions): void {
  let done = outcomes.filter(Boolean).length;
  files.forEach((entry, i) => {
    if (outcomes[i]) return;
    outcomes[i] = readFileOutcome(entry, config, options);
    options.progress?.(++done, files.length);
  });
}

/**
 * A full garbage collection, between the phases of a large load. V8 lets the
 * heap grow by a good part of what is alive before collecting, and what is
 * alive here only grows: at 100k records that slack was a quarter of the
 * peak memory. No-op where the runtime does not allow it.
 */
let fullCollection: (() => void) | undefined;
export function collectGarbage(): void {
  if (!fullCollection) {
    try {
      v8.setFlagsFromString('--expose-gc');
      fullCollection = vm.runInNewContext('gc') as () => void;
    } catch {
      fullCollection = () => {};
    }
  }
  fullCollection();
}
export const FILES_BETWEEN_COLLECTIONS = 20_000;

// Below this many files, starting threads costs more than it saves.
const THREAD_THRESHOLD = 2000;
// Small enough that a batch's JSON (about 1.3 KB a record with facts only) stays out of
// V8's large-object space, where garbage waits for a full collection.
const FILES_PER_JOB = 48;

/** How many parser threads to use for `fileCount` files; `asked` (MEET_THREADS) overrides (0: none). */
export function parserThreads(fileCount: number, asked?: number): number {
  if (asked !== undefined) return Math.min(asked, 16);
  if (fileCount < THREAD_THRESHOLD) return 0;
  return Math.min(availableParallelism(), 4);
}

/**
 * Reads the whole repository, parsing on worker threads when it is large.
 * Throws UsageError when there is no config at all, and ConfigInvalid (with
 * its findings) when the config has errors. Threads also mean this thread
 * holds only fresh copies of what it keeps, never strings that pin a whole
 * file's text.
 */
export async function loadRepository(root: string, options: ReadOptions = {}): Promise<Repository> {
  const { config, configFindings } = requireConfig(root);
  const files = options.files ?? listRecordFiles(root, config.paths.meetings);
  const outcomes = files.map((entry) => options.known?.(entry));
  const todo = files.filter((_, i) => !outcomes[i]);
  const threads = Math.min(parserThreads(todo.length, options.threads), Math.ceil(todo.length / FILES_PER_JOB));
  if (threads === 0) {
    readHere(files, outcomes, config, options);
  } else {
    const before = files.length - todo.length;
    const results = await parseOnThreads(todo, { config, detail: options.detail ?? 'full', bodies: options.bodies ?? false }, threads, (done) =>
      options.progress?.(before + done, files.length),
    );
    if (todo.length >= FILES_BETWEEN_COLLECTIONS) collectGarbage();
    // Files a failed thread left over are read here.
    let k = 0;
    files.forEach((entry, i) => {
      if (outcomes[i]) return;
      outcomes[i] = results[k++] ?? readFileOutcome(entry, config, options);
    });
  }
  return assemble(root, config, configFindings, files, outcomes as FileOutcome[], options);
}

/**
 * A record kept without its parse: `locate` reads and parses the file again
 * when first asked. One per record of a repository, so it holds only the
 * root, the file's name and its content hash (no closure, no text).
 */
class LoadedRecord implements MeetingRecord {
  // Declared, not defined: a field set on few records costs nothing on the rest.
  declare body?: string;
  declare partial?: true;
  declare private exact?: Locate;

  constructor(
    private readonly root: string,
    readonly file: string,
    public data: RecordData,
    readonly bodyLine: number,
    private readonly contentKey: string | undefined,
    readonly facts: RecordFacts | undefined,
  ) {}

  locate(at: PropertyPath, target?: 'key' | 'value'): Position {
    if (!this.exact) {
      const bytes = this.contentKey === undefined ? undefined : readAgain(path.join(this.root, this.file), this.contentKey);
      if (!bytes) this.exact = () => ({ line: 1, column: 1 });
      // What was salvaged of a record with errors maps its list indexes back to the file's.
      else this.exact = this.partial ? (parseRecord(bytes, this.file).partial?.locate ?? (() => ({ line: 1, column: 1 }))) : exactLocate(bytes);
    }
    return this.exact(at, target);
  }
}

function toRecord(root: string, entry: RecordFile, kept: KeptRecord, contentKey: string | undefined, partial: boolean): MeetingRecord {
  const record = new LoadedRecord(root, entry.file, kept.data, kept.bodyLine, contentKey, kept.facts);
  if (kept.body !== undefined) record.body = kept.body;
  if (partial) record.partial = true;
  return record;
}

export interface ThreadSettings {
  config: Config;
  detail: 'full' | 'facts';
  bodies: NonNullable<ReadOptions['bodies']>;
}

/**
 * Parses `files` on `threads` worker threads, a batch at a time. A thread that
 * fails (out of memory on a hostile record, say) takes no more batches, and
 * what it did not return is left undefined: the caller reads those files itself.
 */
function parseOnThreads(files: RecordFile[], settings: ThreadSettings, threads: number, progress: (done: number) => void): Promise<(FileOutcome | undefined)[]> {
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  let running = threads;
  // Updates name tasks of earlier meetings, mostly read already: their ids
  // become the same strings as the tasks' own (a fifth of check's memory at 100k).
  const taskIds = new Map<string, string>();
  const shareIds = (facts: RecordFacts | undefined) => {
    if (!facts) return;
    for (const id of facts.taskIds) taskIds.set(id, id);
    facts.updateTasks = facts.updateTasks.map((task) => taskIds.get(task) ?? task);
  };
  return new Promise((resolve) => {
    const workers: Worker[] = [];
    const finish = () => {
      if (--running > 0) return;
      for (const worker of workers) void worker.terminate();
      resolve(outcomes);
    };
    for (let t = 0; t < threads; t++) {
      // A thread holds one batch of files at a time: a small heap is plenty.
      const worker = new Worker(new URL('./parseThread.js', import.meta.url), {
        workerData: settings,
        resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
      });
      workers.push(worker);
      let start = 0;
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        finish();
      };
      const give = () => {
        if (next >= files.length) return end();
        start = next;
        const job = files.slice(next, next + FILES_PER_JOB);
        next += job.length;
        worker.postMessage(job);
      };
      worker.on('message', (json: string) => {
        const batch = JSON.parse(json) as FileOutcome[];
        for (let k = 0; k < batch.length; k++) {
          shareIds(batch[k]!.record?.facts);
          outcomes[start + k] = batch[k]!;
        }
        const before = done;
        done += batch.length;
        if (Math.floor(done / FILES_BETWEEN_COLLECTIONS) > Math.floor(before / FILES_BETWEEN_COLLECTIONS)) collectGarbage();
        progress(done);
        give();
      });
      worker.on('error', end);
      worker.on('exit', end);
      give();
    }
  });
}

function requireConfig(root: string): { config: Config; configFindings: Finding[] } {
  const loaded = readConfig(root);
  if (!loaded.config) throw new ConfigInvalid(loaded.findings);
  return { config: loaded.config, configFindings: loaded.findings };
}

function assemble(root: string, config: Config, configFindings: Finding[], files: RecordFile[], outcomes: FileOutcome[], options: ReadOptions): Repository {
  const findings: Finding[] = [...configFindings];
  const records: MeetingRecord[] = [];
  const partial: MeetingRecord[] = [];
  // Dates repeat across records; copies that came from threads are shared again.
  const dates = new Map<string, string>();
  const shareDate = (kept: KeptRecord) => {
    const date = dates.get(kept.data.date);
    if (date === undefined) dates.set(kept.data.date, kept.data.date);
    else kept.data.date = date;
  };
  files.forEach((entry, i) => {
    const outcome = outcomes[i]!;
    options.onFile?.(entry, outcome);
    findings.push(...outcome.findings);
    if (outcome.record) {
      shareDate(outcome.record);
      records.push(toRecord(root, entry, outcome.record, outcome.hash, false));
    }
    if (outcome.partial) partial.push(toRecord(root, entry, outcome.partial, outcome.hash, true));
  });
  const all = [...records, ...partial];
  for (const record of all) findings.push(...checkFileName(record, config));
  findings.push(...checkAcrossRecords(all));
  return { root, config, records, findings, partial };
}

/** meet.config.yaml has errors: nothing else can be read meaningfully. */
export class ConfigInvalid extends RecordsError {
  constructor(readonly findings: Finding[]) {
    super(`${CONFIG_FILE} has ${findings.length === 1 ? 'an error' : `${findings.length} errors`}; fix it first.`);
    this.name = 'ConfigInvalid';
  }
}

/**
 * The repository, for commands that read it to produce something (report,
 * tasks, diff): any error in the records stops them (exit 1), since a report
 * built on a broken record would be wrong without saying so.
 */
export async function loadValidRepository(root: string, options: ReadOptions = {}): Promise<Repository> {
  const repository = await loadRepository(root, options);
  const errors = repository.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const shown = errors.slice(0, 10).map((f) => `  ${f.file}:${f.line}:${f.column}: ${f.message} (${f.rule})`);
    if (errors.length > shown.length) shown.push(`  … and ${errors.length - shown.length} more`);
    throw new RecordsError(
      `The records have ${errors.length === 1 ? 'an error' : `${errors.length} errors`}:\n${shown.join('\n')}`,
      'Run "meet check" for the details, fix the records, then run this command again.',
    );
  }
  return repository;
}
