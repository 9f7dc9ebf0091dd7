// What a command keeps of each record's data. A repository of 100,000
// records held whole takes gigabytes; a task list needs the tasks and
// updates, not the discussion, and a report needs the narrative of its own
// month only. The record store (io/recordStore.ts) applies these as it
// hands stored records out, and to each record parsed in the run as it
// arrives from its parser thread.
import { lastDayOf, type IsoDate, type Month } from '../model/dates.js';
import type { MeetingRecord, RecordFacts } from '../model/record.js';
import type { PersonData, RecordData } from '../model/schema.js';
import { putData } from '../model/text.js';
import { reportingMonthOf } from './months.js';
import { factsOf } from './recordFacts.js';

/** What only a meeting's own month shows: its people, narrative and decisions. */
const NARRATIVE: ReadonlySet<string> = new Set([
  'attendees',
  'recorder',
  'location',
  'discussion',
  'shortcomings',
  'decisions',
  'conclusion',
  'proposals',
  'references',
  'tags',
]);

/**
 * What a stored record keeps apart from the rest of its data, after it
 * (io/recordStore.ts): the keys most commands drop (projectRecord), so that
 * a command dropping them reads the rest alone. At 100,000 records they are
 * two fifths of the store's bytes, decoded and parsed for nothing.
 */
const STORED_APART: ReadonlySet<string> = new Set([...NARRATIVE, 'results']);

/** The keys a stored record keeps apart, and the order of all its keys. */
export interface StoredApart {
  order: string[];
  values: Record<string, unknown>;
}

/** `data` as the store writes it: the keys it does not keep apart, and those it does (none: `apart` undefined). */
export function storedParts(data: RecordData): { head: RecordData; apart?: StoredApart } {
  const order = Object.keys(data);
  if (!order.some((key) => STORED_APART.has(key))) return { head: data };
  const head: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const key of order) putData(STORED_APART.has(key) ? values : head, key, data[key as keyof RecordData]);
  return { head: head as RecordData, apart: { order, values } };
}

/** The data storedParts split, its keys in their order again; undefined when the parts do not make one. */
export function joinStoredParts(head: RecordData, apart: unknown): RecordData | undefined {
  if (typeof apart !== 'object' || apart === null) return undefined;
  const { order, values } = apart as Partial<StoredApart>;
  if (!Array.isArray(order) || typeof values !== 'object' || values === null) return undefined;
  const data: Record<string, unknown> = {};
  for (const key of order) {
    if (typeof key !== 'string') return undefined;
    const from = Object.hasOwn(values, key) ? values : Object.hasOwn(head, key) ? (head as Record<string, unknown>) : undefined;
    if (!from) return undefined;
    putData(data, key, from[key]);
  }
  return data as RecordData;
}

/**
 * Whether a command keeping `projection` reads what a stored record keeps
 * apart, asked with the rest of its data: not when projectKept drops all of
 * it (a record of a month it neither shows whole nor reads figures of, or
 * held after the last day or month it reads, or any record for one task's
 * history).
 */
export function readsStoredApart(projection: Projection): (head: RecordData) => boolean {
  const { task, lastMonth, lastDay, results } = projection;
  if (task !== undefined) return () => false;
  const whole = new Set(projection.wholeMonths);
  const resultMonths = typeof results === 'boolean' ? undefined : new Set(results);
  return (head) => {
    if (lastDay !== undefined && head.date > lastDay) return false;
    const month = reportingMonthOf({ data: head });
    if (lastMonth !== undefined && month > lastMonth) return false;
    if (whole.has(month)) return true;
    return resultMonths ? resultMonths.has(month) : results === true;
  };
}

/** Plain data: a command says what it keeps without loading this module. */
export interface Projection {
  /**
   * Keep `results`: of every record (true), of none (false), or of the
   * records of these reporting months only (the months a report's figures,
   * trends and year-on-year changes read), and of those only the figures
   * (a summary is shown for a month kept whole, `wholeMonths`).
   */
  results: boolean | readonly Month[];
  /** The records of these reporting months are kept whole: the output shows them in full (a report's month, a diff's two). */
  wholeMonths?: readonly Month[];
  /** false: drop the notes of updates (outside `wholeMonths`): the command shows a task's status, never why (tasks, new, diff). */
  notes?: boolean;
  /**
   * One task's history is all the command shows (`meet log`): a record that
   * assigns or updates it keeps its date, title, tasks and updates (whole:
   * a position is found by index); every other record its date alone. The
   * ids of every record's tasks and updates go to its facts, for the rules
   * across records (projectKept).
   */
  task?: string;
  /**
   * The last reporting month the command shows (a report's; the later of a
   * diff's two). A record of a later month changes nothing it shows but the
   * states of earlier tasks, through updates held before the last day it
   * reads (a late meeting moves a month's "as of" day past its end): it keeps
   * its date, period and updates, and the ids of its tasks and updates as
   * facts.
   */
  lastMonth?: Month;
  /** The day the command reads task states on (`tasks --today`, `new --date`): a record held after it keeps its date alone, its ids as facts. */
  lastDay?: IsoDate;
}

/**
 * A record's data without what the command never reads: the same object
 * when nothing is left out, else a copy with the other keys in their order.
 */
export function projectRecord(projection: Projection): (data: RecordData) => RecordData {
  const whole = new Set(projection.wholeMonths);
  const { results } = projection;
  const resultMonths = typeof results === 'boolean' ? undefined : new Set(results);
  const dropsNotes = projection.notes === false;
  return (data) => {
    const month = whole.size > 0 || resultMonths ? reportingMonthOf({ data }) : undefined;
    if (month !== undefined && whole.has(month)) return data;
    const keepsResults = resultMonths ? resultMonths.has(month!) : results;
    let dropped = false;
    const kept: Record<string, unknown> = {};
    for (const key of Object.keys(data)) {
      if (NARRATIVE.has(key) || (key === 'results' && !keepsResults)) dropped = true;
      else if (key === 'results' && resultMonths && data.results) {
        kept.results = figuresOnly(data.results);
        dropped = true;
      } else if (key === 'updates' && dropsNotes && data.updates) {
        kept.updates = withoutNotes(data.updates);
        dropped ||= kept.updates !== data.updates;
      } else kept[key] = data[key as keyof RecordData];
    }
    return dropped ? (kept as RecordData) : data;
  };
}

/**
 * Of a month read for its figures (trends, the same month a year before),
 * the results that give figures, without their summaries: a summary is
 * shown for the report's own month only, whose records are kept whole.
 * At 100,000 records the other months' summaries were ~7 MB.
 */
function figuresOnly(results: NonNullable<RecordData['results']>): NonNullable<RecordData['results']> {
  const kept: NonNullable<RecordData['results']> = [];
  for (const result of results) if (result.metrics) kept.push({ sector: result.sector, summary: '', metrics: result.metrics });
  return kept;
}

/** Updates without their notes: the same list when none has one. */
function withoutNotes(updates: NonNullable<RecordData['updates']>): NonNullable<RecordData['updates']> {
  return updates.some((u) => u.note !== undefined) ? updates.map(({ task, status }) => ({ task, status })) : updates;
}

/**
 * What a command keeps of a record: its data projected, and when the
 * projection keeps only some records' tasks (Projection.task, lastMonth,
 * lastDay), the ids of each record's tasks and updates as facts: what the
 * rules across records read. A record with facts holds in `data` only what
 * the command reads of it. `share`: what
 * gives each owner, sector… one string (sharedWords), where the run keeps
 * the strings (not on a parser thread, whose strings are made again on the
 * other side).
 */
export function projectKept(projection: Projection, share?: (data: RecordData) => void): (data: RecordData) => { data: RecordData; facts?: RecordFacts } {
  const { task, lastMonth, lastDay } = projection;
  if (task === undefined) {
    const project = projectRecord(projection);
    const dropsNotes = projection.notes === false;
    return (data) => {
      share?.(data);
      if (lastDay !== undefined && data.date > lastDay) return { data: { date: data.date } as RecordData, facts: factsOf(data) };
      if (lastMonth !== undefined && reportingMonthOf({ data }) > lastMonth) {
        const kept = { date: data.date } as RecordData;
        if (data.period !== undefined) kept.period = data.period;
        if (data.updates) kept.updates = dropsNotes ? withoutNotes(data.updates) : data.updates;
        return { data: kept, facts: factsOf(data) };
      }
      return { data: project(data) };
    };
  }
  return (data) => {
    const facts = factsOf(data);
    const mentions = facts.taskIds.includes(task) || facts.updateTasks.includes(task);
    const kept = { date: data.date } as RecordData;
    if (mentions) {
      kept.title = data.title;
      if (data.tasks) kept.tasks = data.tasks;
      if (data.updates) kept.updates = data.updates;
    }
    return { data: kept, facts };
  };
}

/**
 * Of the records a projection kept, those a build can read, once the rules
 * across records (the only readers of the others' ids) have run: a record
 * held after `lastDay` keeps its date alone; one of a month after
 * `lastMonth` counts only through updates held on or before an "as of" day
 * the build reads, and every such day (the last day of a month up to
 * `lastMonth`, or a late meeting of it) falls on or before the last of
 * those months' meetings or `lastMonth`'s end. At 100,000 records those
 * held later are tens of thousands, with their updates.
 */
export function recordsRead(records: MeetingRecord[], projection: Projection): MeetingRecord[] {
  const { task, lastMonth, lastDay } = projection;
  if (task !== undefined) return records;
  if (lastDay !== undefined) return records.filter((record) => record.data.date <= lastDay);
  if (lastMonth === undefined) return records;
  let lastRead = lastDayOf(lastMonth);
  for (const record of records) if (record.data.date > lastRead && reportingMonthOf(record) <= lastMonth) lastRead = record.data.date;
  return records.filter((record) => record.data.date <= lastRead || reportingMonthOf(record) <= lastMonth);
}

/**
 * One copy of each owner, sector, status, organization, chair and meeting title in a run.
 * Parsed JSON gives every occurrence a string of its own: at 100,000
 * records nearly two million of them, about 8 MiB a 10,000 records. The
 * words are set in place: the data is the run's own, just parsed (a stored
 * entry, or the entry a parser thread sent), and each keeps its value.
 */
export function sharedWords(): (data: RecordData) => void {
  const words = new Map<string, string>();
  const one = <T extends string>(word: T): T => {
    const held = words.get(word);
    if (held !== undefined) return held as T;
    words.set(word, word);
    return word;
  };
  const person = (p: PersonData): PersonData => {
    if (typeof p === 'string') return one(p);
    p.name = one(p.name);
    if (p.role) p.role = one(p.role);
    if (p.organization) p.organization = one(p.organization);
    return p;
  };
  // A list of owners is a list of ids (slugs: no line feed in one); the same list is written again and again.
  const lists = new Map<string, string[]>();
  const oneList = (owners: string[]): string[] => {
    const key = owners.join('\n');
    const held = lists.get(key);
    if (held !== undefined) return held;
    for (let i = 0; i < owners.length; i++) owners[i] = one(owners[i]!);
    lists.set(key, owners);
    return owners;
  };
  return (data) => {
    for (const task of data.tasks ?? []) {
      task.owner = typeof task.owner === 'string' ? one(task.owner) : oneList(task.owner);
      if (task.sector) task.sector = one(task.sector);
      task.status = one(task.status);
      if (task.directed_by) task.directed_by = one(task.directed_by);
      // A deadline written as a date (or month, quarter, year): a few thousand of them among a million tasks.
      if (typeof task.due === 'string') task.due = one(task.due);
    }
    for (const update of data.updates ?? []) update.status = one(update.status);
    // A meeting's title is mostly its month's ("Hội nghị thường kỳ tháng 11 năm 2020"): 584 titles among 100,000 records, 5 MB as one string each.
    if (typeof data.title === 'string') data.title = one(data.title);
    if (data.organization) data.organization = one(data.organization);
    if (Array.isArray(data.chair)) data.chair = data.chair.map(person);
    else data.chair = person(data.chair) as RecordData['chair'];
  };
}
