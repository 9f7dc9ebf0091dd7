// One record file read, parsed and checked against the config on its own:
// its findings with their positions, and what is kept of it. Plain data, so
// it can come from a parser thread (parseThread.ts) or the check cache.
import { reportingMonthOf } from '../domain/months.js';
import { joinStoredParts, projectKept, storedParts, type Projection } from '../domain/projection.js';
import { checkAgainstConfig, limitFindingsPerFile } from '../domain/checkRules.js';
import { factsOf } from '../domain/recordFacts.js';
import type { IsoDate, Month } from '../model/dates.js';
import type { MeetingRecord, RecordFacts } from '../model/record.js';
import type { Finding } from '../model/ruleCatalogue.js';
import type { Config, RecordData } from '../model/schema.js';
import { parseRecord, taskIdsInText, type RecordParse } from '../records/parse.js';
import { contentHash, readRecordBytes, type RecordFile } from './recordFiles.js';
import type { Locale } from '../model/terms.js';

export interface ReadOptions {
  /**
   * 'facts' keeps only what the rules across records look at: the date and
   * the task ids (FactsRecord). For `meet check` only, which must hold
   * 100,000 records in little memory. Default 'full'.
   */
  detail?: 'full' | 'facts';
  /** Keep the Markdown bodies (reports): all, or those of the meetings belonging to one month. Default false. */
  bodies?: boolean | { month: Month };
  /** Called as files are read: for a progress line on a terminal. */
  progress?: (done: number, total: number) => void;
  /** How many parser threads to use, whatever the number of files (MEET_THREADS). */
  threads?: number;
  /** The record files, when the caller has just listed them (the check cache). */
  files?: RecordFile[];
  /** The language of findings (default: the config's). */
  locale?: Locale;
  /** Outcomes already known (the check cache), by file and its place in `files`; those files are not read. */
  known?: (entry: RecordFile, index: number) => FileOutcome | undefined;
  /** Called with each file's outcome and its place in `files` (for the check cache). */
  onFile?: (entry: RecordFile, outcome: FileOutcome, index: number) => void;
  /**
   * Make each record's entry of the record store (recordStore.ts) as it is
   * parsed, on the parser thread: `onParsed` gets it, as the UTF-8 bytes of
   * its JSON, with the outcome, as each file is parsed.
   */
  store?: boolean;
  onParsed?: (entry: RecordFile, outcome: FileOutcome, stored: Uint8Array | undefined) => void;
  /**
   * With `store`: what the command keeps of each record (domain/projection.ts),
   * applied where the record is parsed, once its entry is made (parseFile): a
   * parser thread sends back only the kept part, so that this thread need
   * not decode and parse the whole entry again.
   */
  project?: Projection;
}

/** What is kept of a record that parsed (or of what was salvaged of one that did not). */
export type KeptRecord =
  | { data: RecordData; bodyLine: number; body?: string; tasksWhole?: true }
  | { data: { date: IsoDate }; facts: RecordFacts; bodyLine: number }
  // What `meet log` keeps (domain/projection.ts, projectKept): some of the data, every id.
  | { data: RecordData; facts: RecordFacts; bodyLine: number };

export interface FileOutcome {
  findings: Finding[];
  record?: KeptRecord;
  partial?: KeptRecord;
  /** The content hash of the bytes parsed; set when the file was read. */
  hash?: string;
  /** For a file read but not understood at all: the task ids its text seems to assign. */
  taskIds?: string[];
}

/** What a parser thread is told once: the config and what to keep. */
export interface ThreadSettings {
  config: Config;
  detail: 'full' | 'facts';
  bodies: NonNullable<ReadOptions['bodies']>;
  locale?: Locale;
  store?: boolean;
  project?: Projection;
  /** With `store`: the thread sends back each record's entry and hash, nothing else, the entries of a batch in one buffer (recordStore.ts, fillStore). */
  storeOnly?: boolean;
  /**
   * With `store`: the outcomes go on to another process (recordStore.ts,
   * fillStore), each with its data (none is read from its entry there),
   * as UTF-8, each entry's key beside it.
   */
  forward?: boolean;
}

interface RecordFileParse extends RecordParse {
  /** Set when the file was read. */
  hash?: string;
  bytes?: Uint8Array;
}

function readRecordFile(entry: RecordFile, locale: Locale, writtenIn: Locale): RecordFileParse {
  const bytes = readRecordBytes(entry, locale);
  if (Array.isArray(bytes)) return { findings: bytes };
  return { ...parseRecord(bytes, entry.file, locale, writtenIn), hash: contentHash(bytes), bytes };
}

function kept(record: MeetingRecord, options: Pick<ReadOptions, 'detail' | 'bodies'>): KeptRecord {
  if (options.detail === 'facts') {
    return {
      data: { date: record.data.date },
      facts: factsOf(record.data),
      bodyLine: record.bodyLine,
    };
  }
  const out: KeptRecord = { data: record.data, bodyLine: record.bodyLine, ...(record.tasksWhole ? { tasksWhole: true as const } : {}) };
  const wanted = options.bodies === true || (typeof options.bodies === 'object' && reportingMonthOf(record) === options.bodies.month);
  if (wanted && record.body !== undefined) out.body = record.body;
  return out;
}

/** Reads, parses and checks one record file against the config. Runs on a parser thread or here. */
function readFileOutcome(entry: RecordFile, config: Config, options: Pick<ReadOptions, 'detail' | 'bodies' | 'locale'>): FileOutcome {
  const locale = options.locale ?? config.locale;
  const parse = readRecordFile(entry, locale, config.locale);
  const findings = [...parse.findings];
  const target = parse.record ?? parse.partial;
  if (target) for (const f of checkAgainstConfig(target, config, locale)) findings.push(f);
  // Limited here already: 200,000 findings of one record are not sent between threads or kept.
  const outcome: FileOutcome = { findings: limitFindingsPerFile(findings, locale) };
  if (parse.record) outcome.record = kept(parse.record, options);
  if (parse.partial) outcome.partial = kept(parse.partial, { detail: options.detail ?? 'full' });
  if (parse.hash !== undefined) outcome.hash = parse.hash;
  if (!parse.record && !parse.partial && parse.bytes) outcome.taskIds = taskIdsInText(parse.bytes);
  return outcome;
}

/** A file's outcome and, when the store asked for it, the store's entry for the record. */
export interface ParsedFile {
  outcome: FileOutcome;
  /** UTF-8 JSON, in a buffer of its own (a thread hands it over without a copy). */
  stored?: Uint8Array;
}

/**
 * readFileOutcome, and the record store's entry when asked: the record's
 * findings without the file name (the same content may sit under two
 * names), its data and its body line. A record with errors is not stored,
 * nor one holding a -0 (JSON would give it back as 0).
 */
export function parseFile(entry: RecordFile, config: Config, options: Pick<ReadOptions, 'detail' | 'bodies' | 'locale' | 'store' | 'project'>): ParsedFile {
  const outcome = readFileOutcome(entry, config, options);
  const kept = outcome.record;
  let stored: Uint8Array | undefined;
  if (options.store && kept && !('facts' in kept) && !outcome.partial && outcome.hash !== undefined && !hasNegativeZero(kept.data)) {
    stored = storedEntry(
      outcome.findings.map(({ file: _file, ...f }) => f),
      kept.data,
      kept.bodyLine,
    );
  }
  // What the command keeps, once the entry holds the record whole.
  if (options.project && kept && !('facts' in kept)) {
    const { data, facts } = keeperOf(options.project)(kept.data);
    // (A command that keeps facts reads no body.)
    if (facts) outcome.record = { data, facts, bodyLine: kept.bodyLine };
    else kept.data = data;
  }
  return stored === undefined ? { outcome } : { outcome, stored };
}

/** One projection function for each projection a run (or a parser thread) is given; its words are shared where the run keeps them (recordStore.ts). */
const keepers = new WeakMap<Projection, ReturnType<typeof projectKept>>();
function keeperOf(projection: Projection): ReturnType<typeof projectKept> {
  let keep = keepers.get(projection);
  if (!keep) keepers.set(projection, (keep = projectKept(projection)));
  return keep;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A record's store entry (io/recordStore.ts, ShardFile): `{findings, data,
 * bodyLine}` as JSON; when its data has keys the store keeps apart
 * (storedParts), `[n,{findings, data, bodyLine},apart]` with the other keys
 * in `data` and `n` the UTF-8 length of the object after it, which a reader
 * that does not want them parses alone.
 */
function storedEntry(findings: Omit<Finding, 'file'>[], data: RecordData, bodyLine: number): Uint8Array {
  const { head, apart } = storedParts(data);
  const first = JSON.stringify({ findings, data: head, bodyLine });
  if (!apart) return encoder.encode(first);
  return encoder.encode(`[${Buffer.byteLength(first, 'utf8')},${first},${JSON.stringify(apart)}]`);
}

/** The data of a store entry made by parseFile (storedEntry), whole. */
export function dataOfStored(stored: Uint8Array): RecordData {
  const entry = JSON.parse(decoder.decode(stored)) as { data: RecordData } | [number, { data: RecordData }, unknown];
  // Made in this run from the record's own data: the parts make it.
  return Array.isArray(entry) ? joinStoredParts(entry[1].data, entry[2])! : entry.data;
}

function hasNegativeZero(value: unknown): boolean {
  if (typeof value === 'number') return Object.is(value, -0);
  if (typeof value !== 'object' || value === null) return false;
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (hasNegativeZero(v)) return true;
  return false;
}
