// Reading a records repository from disk: the config, then every record
// file of the meetings folder, parsed here or on parser threads
// (parserThreads.ts), then the rules across records. Parsing itself is pure
// (records/parse.ts).
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { addSuggestions, checkAcrossRecords, checkFileName, limitFindingsPerFile, type UnreadableRecord } from '../domain/checkRules.js';
import { configLocale, type Locale } from '../model/terms.js';
import { defaultMonth } from '../domain/months.js';
import type { Projection } from '../domain/projection.js';
import { isCalendarDate, todayIn, type IsoDate, type Month } from '../model/dates.js';
import { ConfigInvalid, RecordsError, UsageError } from '../model/errors.js';
import type { Messages } from '../model/messages/index.js';
import type { CheckedRecord, FactsRecord, Locate, LocateTarget, MeetingRecord, Position, PropertyPath, RecordFacts } from '../model/record.js';
import { compareFindings, type Finding } from '../model/ruleCatalogue.js';
import type { Config, RecordData } from '../model/schema.js';
import { exactLocate, parseConfig, parseRecord } from '../records/parse.js';
import { collectGarbage, FILES_BETWEEN_COLLECTIONS, keptAsFromThreads, parseOnThreads, parserThreads } from './parserThreads.js';
import { CONFIG_FILE, dayInFileName } from '../model/layout.js';
import { parseFile, type FileOutcome, type KeptRecord, type ReadOptions, type ThreadSettings } from './recordOutcome.js';
import { absolutePathOf, contentHash, listRecordFiles, readConfigBytes, type RecordFile } from './recordFiles.js';
import { visible } from '../model/text.js';
import { readRegularFile } from './regularFile.js';

export interface Repository<R extends CheckedRecord = MeetingRecord> {
  root: string;
  config: Config;
  /** The content hash of the config's bytes that were parsed. */
  configHash: string;
  records: R[];
  /** Every finding: config, each file, and the cross-record rules. */
  findings: Finding[];
  /** What was salvaged of records with schema errors (the cross-record rules saw them too). */
  partial?: R[];
  /** What the record store kept of each record, when it kept some in part (domain/projection.ts). */
  projected?: Projection;
}

export function readConfig(root: string, locale?: Locale): { config?: Config; findings: Finding[]; hash: string } {
  const bytes = readConfigBytes(root);
  // A config's findings are in its own language, unless the run says otherwise.
  const parsed = parseConfig(bytes, CONFIG_FILE, locale ?? configLocale(bytes.toString('utf8')));
  return { config: parsed.config, findings: parsed.findings, hash: contentHash(bytes) };
}

/** A record file's bytes again, as long as they are the ones first read. */
function readAgain(absolute: string, contentKey: string): Uint8Array | undefined {
  try {
    const bytes = readRegularFile(absolute);
    return contentHash(bytes) === contentKey ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** One file read on this thread, its store entry handed on (ReadOptions.onParsed); `kept` makes what is held of it (readHere). */
function readOne(entry: RecordFile, config: Config, options: ReadOptions, kept?: (outcome: FileOutcome) => FileOutcome): FileOutcome {
  const parsed = parseFile(entry, config, options);
  const outcome = kept ? kept(parsed.outcome) : parsed.outcome;
  options.onParsed?.(entry, outcome, parsed.stored);
  return outcome;
}

function readHere(files: RecordFile[], outcomes: (FileOutcome | undefined)[], config: Config, options: ReadOptions): void {
  let done = outcomes.filter(Boolean).length;
  const kept = keptAsFromThreads(files.length - done);
  files.forEach((entry, i) => {
    if (outcomes[i]) return;
    outcomes[i] = readOne(entry, config, options, kept);
    options.progress?.(++done, files.length);
  });
}

export function threadSettings(config: Config, options: ReadOptions, locale: Locale): ThreadSettings {
  return {
    config,
    detail: options.detail ?? 'full',
    bodies: options.bodies ?? false,
    locale,
    ...(options.store ? { store: true } : {}),
    ...(options.store && options.project ? { project: options.project } : {}),
  };
}

/** A record this large (the limit is 4 MiB) is parsed on a thread of its own. */
const LARGE_RECORD_BYTES = 1024 * 1024;
/** That thread's heap: the exact reader of a 4 MiB front matter needs about 150 MB alive. */
const LARGE_RECORD_HEAP = { oldMb: 256, youngMb: 8 };

/**
 * Parses the records of a megabyte or more on a thread whose heap is
 * bounded, so that collecting garbage keeps up with the parser: the main
 * thread, whose heap may grow to gigabytes, let 200,000 keys of one record
 * take 500 MB. A thread that fails leaves its files to readHere. Not when
 * MEET_THREADS says how many threads to use (0: none).
 */
async function readLargeOnThread(files: RecordFile[], outcomes: (FileOutcome | undefined)[], settings: ThreadSettings, options: ReadOptions): Promise<void> {
  if (options.threads !== undefined) return;
  const large: number[] = [];
  files.forEach((entry, i) => {
    if (outcomes[i] || entry.refused) return;
    const stat = lstatSync(absolutePathOf(entry), { throwIfNoEntry: false });
    if (stat?.isFile() && stat.size >= LARGE_RECORD_BYTES) large.push(i);
  });
  if (large.length === 0) return;
  const results = await parseOnThreads(
    large.map((i) => files[i]!),
    settings,
    1,
    () => {},
    (k, outcome, stored) => options.onParsed?.(files[large[k]!]!, outcome, stored),
    LARGE_RECORD_HEAP,
  );
  large.forEach((i, k) => {
    if (results[k]) outcomes[i] = results[k];
  });
}

/**
 * Reads the whole repository, parsing on worker threads when it is large.
 * Throws UsageError when there is no config at all, and ConfigInvalid (with
 * its findings) when the config has errors. Threads also mean this thread
 * holds only fresh copies of what it keeps, never strings that pin a whole
 * file's text.
 */
export async function loadRepository(root: string, options: ReadOptions & { detail: 'facts' }): Promise<Repository<FactsRecord>>;
export async function loadRepository(root: string, options?: ReadOptions & { detail?: 'full' }): Promise<Repository>;
export async function loadRepository(root: string, options: ReadOptions = {}): Promise<Repository<CheckedRecord>> {
  const { config, configFindings, configHash } = requireConfig(root, options.locale);
  const locale = options.locale ?? config.locale;
  const files = options.files ?? listRecordFiles(root, config.paths.meetings, locale);
  const outcomes = files.map((entry, i) => options.known?.(entry, i));
  const todo = files.filter((_, i) => !outcomes[i]);
  const threads = parserThreads(todo.length, options.threads);
  if (threads === 0) {
    await readLargeOnThread(files, outcomes, threadSettings(config, options, locale), options);
    readHere(files, outcomes, config, options);
  } else {
    const before = files.length - todo.length;
    const results = await parseOnThreads(
      todo,
      threadSettings(config, options, locale),
      threads,
      (done) => options.progress?.(before + done, files.length),
      (k, outcome, stored) => options.onParsed?.(todo[k]!, outcome, stored),
    );
    if (todo.length >= FILES_BETWEEN_COLLECTIONS) collectGarbage();
    // Files a failed thread left over are read here.
    let k = 0;
    files.forEach((entry, i) => {
      if (outcomes[i]) return;
      outcomes[i] = results[k++] ?? readOne(entry, config, options);
    });
  }
  return { ...assemble(root, config, configFindings, files, outcomes, options), configHash };
}

/**
 * A record kept without its parse: `locate` reads and parses the file again
 * when first asked. One per record of a repository, so it holds only the
 * root, the file's name and its content hash (no closure, no text).
 */
class LoadedRecord {
  // Declared, not defined: a field set on few records costs nothing on the rest.
  declare body?: string;
  declare partial?: true;
  declare tasksWhole?: true;
  declare facts?: RecordFacts;
  declare private exact?: Locate;

  constructor(
    private readonly root: string,
    readonly file: string,
    public data: RecordData | { date: string },
    readonly bodyLine: number,
    private readonly contentKey: string | undefined,
  ) {}

  locate(at: PropertyPath, target?: LocateTarget): Position {
    if (!this.exact) {
      const bytes = this.contentKey === undefined ? undefined : readAgain(path.join(this.root, this.file), this.contentKey);
      if (!bytes) this.exact = () => ({ line: 1, column: 1 });
      // What was salvaged of a record with errors maps its list indexes back to the file's.
      else this.exact = this.partial ? (parseRecord(bytes, this.file).partial?.locate ?? (() => ({ line: 1, column: 1 }))) : exactLocate(bytes);
    }
    return this.exact(at, target);
  }
}

function toRecord(root: string, entry: RecordFile, kept: KeptRecord, contentKey: string | undefined, partial: boolean): CheckedRecord {
  const record = new LoadedRecord(root, entry.file, kept.data, kept.bodyLine, contentKey);
  if ('facts' in kept) record.facts = kept.facts;
  else if (kept.body !== undefined) record.body = kept.body;
  if (partial) record.partial = true;
  if ('tasksWhole' in kept && kept.tasksWhole) record.tasksWhole = true;
  // With facts, `data` is the date alone and `facts` is set: a FactsRecord; otherwise a MeetingRecord.
  return record as CheckedRecord;
}

function requireConfig(root: string, locale?: Locale): { config: Config; configFindings: Finding[]; configHash: string } {
  const loaded = readConfig(root, locale);
  if (!loaded.config) throw new ConfigInvalid(loaded.findings);
  return { config: loaded.config, configFindings: loaded.findings, configHash: loaded.hash };
}

function assemble(
  root: string,
  config: Config,
  configFindings: Finding[],
  files: RecordFile[],
  outcomes: (FileOutcome | undefined)[],
  options: ReadOptions,
): Omit<Repository<CheckedRecord>, 'configHash'> {
  const findings: Finding[] = [...configFindings];
  const records: CheckedRecord[] = [];
  const partial: CheckedRecord[] = [];
  const locale = options.locale ?? config.locale;
  // Files read but understood not at all: later updates may name their tasks.
  const unreadable: UnreadableRecord[] = [];
  // Dates repeat across records; copies that came from threads are shared again.
  const dates = new Map<string, string>();
  const shareDate = (kept: KeptRecord) => {
    const date = dates.get(kept.data.date);
    if (date === undefined) dates.set(kept.data.date, kept.data.date);
    else kept.data.date = date;
  };
  files.forEach((entry, i) => {
    const outcome = outcomes[i]!;
    // Let go as its record is made, not held through the rules below, where the load is at its peak.
    outcomes[i] = undefined;
    options.onFile?.(entry, outcome, i);
    // One at a time: a spread of 200,000 findings overflows the stack.
    for (const f of outcome.findings) findings.push(f);
    if (outcome.record) {
      shareDate(outcome.record);
      records.push(toRecord(root, entry, outcome.record, outcome.hash, false));
    }
    if (outcome.partial) partial.push(toRecord(root, entry, outcome.partial, outcome.hash, true));
    if (!outcome.record && !outcome.partial && outcome.findings.some((f) => f.severity === 'error')) {
      const date = dayInFileName(entry.file);
      unreadable.push({
        file: entry.file,
        ...(date && isCalendarDate(date) ? { date } : {}),
        ...(outcome.taskIds ? { taskIds: new Set(outcome.taskIds) } : {}),
      });
    }
  });
  const all = [...records, ...partial];
  for (const record of all) for (const f of checkFileName(record, config, locale)) findings.push(f);
  // In a large load the updates are given their tasks' own id strings as the rules look them up (check's parser
  // threads share them as they arrive), and what the records parsed here left (those the store did not answer for)
  // is collected before the rules index a million ids: at 100k records, when a report's month was parsed again for
  // its bodies, 402 MB at the peak against 410 without.
  const shareIds = all.length >= FILES_BETWEEN_COLLECTIONS && options.detail !== 'facts';
  if (shareIds) collectGarbage();
  for (const f of checkAcrossRecords(all, locale, unreadable, undefined, shareIds)) findings.push(f);
  return { root, config, records, findings: addSuggestions(limitFindingsPerFile(findings, locale), config, locale), partial };
}

/**
 * The repository, for commands that read it to produce something (report,
 * tasks, diff): any error in the records stops them (exit 1), since a report
 * built on a broken record would be wrong without saying so.
 */
export async function loadValidRepository(root: string, options: ReadOptions & { detail?: 'full' } = {}): Promise<Repository> {
  return refuseRecordErrors(await loadRepository(root, options));
}

/** The repository as loaded, or RecordsError when its records have errors (see loadValidRepository); `heading` says why they stop. */
export function refuseRecordErrors(repository: Repository, heading = (m: Messages, count: number) => m.errors.recordsInvalid(count)): Repository {
  // In the order `meet check` lists them: by file, line and column.
  const errors = repository.findings.filter((f) => f.severity === 'error').sort(compareFindings);
  if (errors.length > 0) {
    const shown = errors.slice(0, 10).map((f) => `  ${visible(f.file)}:${f.line}:${f.column}: ${visible(f.message)} (${f.rule})`);
    const more = errors.length - shown.length;
    const said = (m: Messages) => [heading(m, errors.length), ...shown, ...(more > 0 ? [`  ${m.errors.andMore(more)}`] : [])].join('\n');
    // A record file the system cannot read is an environment error (exit 2), not an error in the records.
    if (errors.some((f) => f.rule === 'file-unreadable')) throw new UsageError(said, (m) => m.errors.recordsInvalidHint);
    throw new RecordsError(said, (m) => m.errors.recordsInvalidHint);
  }
  return repository;
}

/**
 * The month a report is about, known before the records are read (their
 * bodies are kept for that month's meetings only). undefined when the config
 * cannot say (reading the repository then reports why).
 */
export function readReportMonth(root: string, options: { month?: Month; today?: IsoDate }, now: Date): Month | undefined {
  if (options.month) return options.month;
  const { config } = readConfig(root);
  return config ? defaultMonth(options.today ?? todayIn(config.timezone, now)) : undefined;
}
