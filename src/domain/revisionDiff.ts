// What a change to the records does between two git revisions: records
// added, removed and changed; tasks as assigned and their state after every
// update; updates, metric values and decisions. Pure: both sides are read
// elsewhere (io/gitRevision.ts), then compared here by file path and task id.
import type { MeetingRecord } from '../model/record.js';
import { bodyOf, isOpenStatus, sortRecords, taskStatesOn } from './taskState.js';
import type { IsoDate } from '../model/dates.js';
import { decisionText, KNOWN_KEYS, ownersOf, type Config, type TaskData, type UpdateData } from '../model/schema.js';
import { dueAsText } from '../model/due.js';
import { deadlinesOf } from './deadlines.js';
import { addDecimals, readFigure } from './figures.js';
import type { TaskState } from '../model/tasks.js';
import type { MeetingKind, TaskStatus } from '../model/terms.js';

/** Deadlines where no config could be read: the built-in holidays only, one memo for all. */
const NO_CONFIG = {};

/** Task states are compared after every update on each side: at a day no record reaches. */
const FAR_FUTURE: IsoDate = '9999-12-31';

export interface RevisionRange {
  /** The revisions as the user gave them (`main`, `HEAD`). */
  from: string;
  to: string;
  /** `A...B`: the earlier side is the merge base of A and B. */
  mergeBase: boolean;
  /** The commits compared (for `A...B`, `fromCommit` is the merge base). */
  fromCommit: string;
  toCommit: string;
}

/** A record file (or the config) present at a revision that could not be parsed. */
export interface UnreadableFile {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The records as they were at one revision. */
export interface RecordsSnapshot {
  /** Undefined when the config is missing or could not be read there. */
  config?: Config;
  records: MeetingRecord[];
  unreadable: UnreadableFile[];
}

interface MeetingRef {
  file: string;
  date: IsoDate;
  title: string;
}

interface RevisionRecord extends MeetingRef {
  kind: MeetingKind;
}

interface ChangedRecord extends RevisionRecord {
  /** Front-matter keys whose values differ, in format order, then `body` when the text differs. */
  keys: string[];
}

/** A task as assigned in its record (before any update). */
export interface RevisionTask {
  id: string;
  title: string;
  owners: string[];
  ownerNames: string[];
  due?: IsoDate;
  sector?: string;
  status: TaskStatus;
  meeting: MeetingRef;
}

export type TaskField = 'title' | 'owner' | 'due' | 'sector' | 'status' | 'meeting';

export interface TaskFieldChange {
  field: TaskField;
  /** Owner changes are lists of owner ids; `due` as written; `meeting` is the record's path; absent values are null. */
  from: string | string[] | null;
  to: string | string[] | null;
}

export interface ChangedTask {
  id: string;
  title: string;
  /** The assigning meeting on the later side. */
  meeting: MeetingRef;
  changes: TaskFieldChange[];
}

/** A task whose state after every update differs between the two sides. */
export interface StateChange {
  id: string;
  title: string;
  from: TaskStatus;
  to: TaskStatus;
  meeting: MeetingRef;
}

export interface UpdateChange {
  task: string;
  /** The task's title on the update's side; undefined when no such task is assigned there. */
  taskTitle?: string;
  status: TaskStatus;
  note?: string;
  /** The task's state just before this update applies; null when the update applies to nothing. */
  before: TaskStatus | null;
  /** The meeting whose record holds the update. */
  date: IsoDate;
  file: string;
}

/** An update of a task rewritten in the same record (`tasks update` on a task `meet new` listed): what it said before, and now. */
export interface ChangedUpdate extends UpdateChange {
  was: { status: TaskStatus; note?: string };
}

interface MetricChange {
  id: string;
  label: string;
  unit?: string;
  file: string;
  date: IsoDate;
  /** The record's value (its results combined by the metric's aggregate); undefined when it has none. */
  from?: number;
  to?: number;
}

interface DecisionChange {
  text: string;
  date: IsoDate;
  file: string;
}

interface UnreadableChange extends UnreadableFile {
  at: 'from' | 'to';
}

export interface RevisionDiff {
  range: RevisionRange;
  records: { added: RevisionRecord[]; removed: RevisionRecord[]; changed: ChangedRecord[] };
  tasks: { added: RevisionTask[]; removed: RevisionTask[]; changed: ChangedTask[] };
  states: StateChange[];
  updates: { added: UpdateChange[]; removed: UpdateChange[]; changed: ChangedUpdate[] };
  metrics: MetricChange[];
  decisions: { added: DecisionChange[]; removed: DecisionChange[] };
  unreadable: UnreadableChange[];
}

interface Side {
  config?: Config;
  byFile: Map<string, MeetingRecord>;
  assigned: Map<string, { task: TaskData; record: MeetingRecord }>;
  states: Map<string, TaskState>;
  /** Filled by historyEntries. */
  historyIndex: Map<TaskState, Map<string, number[]>>;
}

/**
 * One side, ready to compare. `borrowed`: the other side's version of each
 * file this side could not read, so that a broken file changes no task or
 * state (its own entries are left out of the comparison elsewhere).
 */
function sideOf(snapshot: RecordsSnapshot, borrowed: readonly MeetingRecord[], fallback?: Config): Side {
  const sorted = sortRecords([...snapshot.records, ...borrowed]);
  const assigned = new Map<string, { task: TaskData; record: MeetingRecord }>();
  for (const record of sorted) {
    for (const task of record.data.tasks ?? []) {
      // A duplicate id: the first assignment stands, as in taskStatesOn.
      if (!assigned.has(task.id)) assigned.set(task.id, { task, record });
    }
  }
  return {
    config: snapshot.config ?? fallback,
    byFile: new Map(sorted.map((r) => [r.file, r])),
    assigned,
    states: taskStatesOn(sorted, FAR_FUTURE, deadlinesOf(snapshot.config ?? fallback ?? NO_CONFIG)),
    historyIndex: new Map(),
  };
}

export function diffRevisions(range: RevisionRange, before: RecordsSnapshot, after: RecordsSnapshot): RevisionDiff {
  const config = after.config ?? before.config;
  const unreadableBefore = new Set(before.unreadable.map((u) => u.file));
  const unreadableAfter = new Set(after.unreadable.map((u) => u.file));
  const a = sideOf(
    before,
    after.records.filter((r) => unreadableBefore.has(r.file)),
    config,
  );
  const b = sideOf(
    after,
    before.records.filter((r) => unreadableAfter.has(r.file)),
    config,
  );
  // A file that could not be read on either side is not compared: what it
  // held there is unknown, so calling it added or removed would be a guess.
  const uncertain = (file: string) => unreadableBefore.has(file) || unreadableAfter.has(file);
  const files = sortRecords([...b.byFile.values(), ...[...a.byFile.values()].filter((r) => !b.byFile.has(r.file))])
    .map((r) => r.file)
    .filter((file) => !uncertain(file));

  const records: RevisionDiff['records'] = { added: [], removed: [], changed: [] };
  for (const file of files) {
    const old = a.byFile.get(file);
    const now = b.byFile.get(file);
    if (!old && now) records.added.push(recordRef(now));
    else if (old && !now) records.removed.push(recordRef(old));
    else if (old && now) {
      const keys = changedKeys(old, now);
      if (keys.length > 0) records.changed.push({ ...recordRef(now), keys });
    }
  }

  const tasks: RevisionDiff['tasks'] = { added: [], removed: [], changed: [] };
  for (const [id, { task, record }] of b.assigned) {
    const old = a.assigned.get(id);
    if (!old) {
      tasks.added.push(revisionTask(task, record, config));
      continue;
    }
    const changes = taskChanges(old.task, old.record, task, record);
    if (changes.length > 0) tasks.changed.push({ id, title: task.title, meeting: meetingRef(record), changes });
  }
  for (const [id, { task, record }] of a.assigned) {
    if (!b.assigned.has(id)) tasks.removed.push(revisionTask(task, record, config));
  }

  const states: StateChange[] = [];
  for (const [id, now] of b.states) {
    const old = a.states.get(id);
    if (old && old.status !== now.status) states.push({ id, title: now.title, from: old.status, to: now.status, meeting: meetingRef(now.meeting) });
  }

  const updates: RevisionDiff['updates'] = { added: [], removed: [], changed: [] };
  const metrics: MetricChange[] = [];
  // Config order, looked up once: a config may declare thousands of metrics.
  const metricOrder = new Map(Object.keys(config?.metrics ?? {}).map((id, i) => [id, i]));
  const decisions: RevisionDiff['decisions'] = { added: [], removed: [] };
  for (const file of files) {
    const old = a.byFile.get(file);
    const now = b.byFile.get(file);
    const [gone, come] = multisetDiff(old?.data.updates ?? [], now?.data.updates ?? [], updateKey);
    // The same task's update rewritten in the same record is one change, not a removal and an addition.
    const rewritten = new Map<string, UpdateData[]>();
    for (const update of gone) {
      const same = rewritten.get(update.task);
      if (same) same.push(update);
      else rewritten.set(update.task, [update]);
    }
    const wasOf = new Map<UpdateData, UpdateData>();
    for (const update of come) {
      const was = rewritten.get(update.task)?.shift();
      if (was) wasOf.set(update, was);
    }
    const replaced = new Set(wasOf.values());
    // Appended one at a time: a spread of 200,000 updates overflows the stack.
    append(
      updates.removed,
      updateChanges(
        gone.filter((update) => !replaced.has(update)),
        old,
        a,
      ),
    );
    // The record's new entries read in one pass, as its history is: each takes its own entry of it.
    updateChanges(come, now, b).forEach((change, i) => {
      const was = wasOf.get(come[i]!);
      if (was) updates.changed.push({ ...change, was: { status: was.status, ...(was.note ? { note: was.note } : {}) } });
      else updates.added.push(change);
    });

    const [lost, won] = multisetDiff((old?.data.decisions ?? []).map(decisionText), (now?.data.decisions ?? []).map(decisionText), (text) => text);
    append(
      decisions.removed,
      lost.map((text) => ({ text, date: old!.data.date, file })),
    );
    append(
      decisions.added,
      won.map((text) => ({ text, date: now!.data.date, file })),
    );

    append(metrics, metricChanges(old, now, a.config, b.config, config, metricOrder));
  }

  const unreadable: UnreadableChange[] = [
    ...before.unreadable.map((u) => ({ at: 'from' as const, ...u })),
    ...after.unreadable.map((u) => ({ at: 'to' as const, ...u })),
  ];
  return { range, records, tasks, states, updates, metrics, decisions, unreadable };
}

function append<T>(list: T[], more: readonly T[]): void {
  for (const item of more) list.push(item);
}

/** True when nothing the diff compares has changed (unreadable files aside). */
export function isEmptyRevisionDiff(diff: RevisionDiff): boolean {
  return (
    diff.records.added.length + diff.records.removed.length + diff.records.changed.length === 0 &&
    diff.tasks.added.length + diff.tasks.removed.length + diff.tasks.changed.length === 0 &&
    diff.states.length === 0 &&
    diff.updates.added.length + diff.updates.removed.length + diff.updates.changed.length === 0 &&
    diff.metrics.length === 0 &&
    diff.decisions.added.length + diff.decisions.removed.length === 0
  );
}

/** A task went from open or in progress to done or dropped. */
export function isClosing(change: Pick<StateChange, 'from' | 'to'>): boolean {
  return isOpenStatus(change.from) && !isOpenStatus(change.to);
}

function meetingRef(record: MeetingRecord): MeetingRef {
  return { file: record.file, date: record.data.date, title: record.data.title };
}

function recordRef(record: MeetingRecord): RevisionRecord {
  return { ...meetingRef(record), kind: record.data.kind };
}

function revisionTask(task: TaskData, record: MeetingRecord, config: Config | undefined): RevisionTask {
  const owners = ownersOf(task);
  const due = deadlinesOf(config ?? NO_CONFIG).resolve(task.due, record.data.date);
  return {
    id: task.id,
    title: task.title,
    owners,
    ownerNames: owners.map((o) => config?.owners[o] ?? o),
    ...(due ? { due } : {}),
    ...(task.sector ? { sector: task.sector } : {}),
    status: task.status,
    meeting: meetingRef(record),
  };
}

function taskChanges(oldTask: TaskData, oldRecord: MeetingRecord, task: TaskData, record: MeetingRecord): TaskFieldChange[] {
  const changes: TaskFieldChange[] = [];
  const compare = (field: TaskField, from: string | string[] | null, to: string | string[] | null) => {
    if (!sameValue(from, to)) changes.push({ field, from, to });
  };
  compare('title', oldTask.title, task.title);
  compare('owner', ownersOf(oldTask), ownersOf(task));
  // As written: "2020-11" to "2020-11-30" is a change even where both end on one day.
  compare('due', oldTask.due ? dueAsText(oldTask.due) : null, task.due ? dueAsText(task.due) : null);
  compare('sector', oldTask.sector ?? null, task.sector ?? null);
  compare('status', oldTask.status, task.status);
  compare('meeting', oldRecord.file, record.file);
  return changes;
}

function changedKeys(old: MeetingRecord, now: MeetingRecord): string[] {
  const data = (r: MeetingRecord) => r.data as Record<string, unknown>;
  const keys = new Set([...Object.keys(data(old)), ...Object.keys(data(now))]);
  const order = (key: string) => (KNOWN_KEYS.record.includes(key) ? KNOWN_KEYS.record.indexOf(key) : KNOWN_KEYS.record.length);
  const changed = [...keys].filter((k) => !sameValue(data(old)[k], data(now)[k])).sort((x, y) => order(x) - order(y) || (x < y ? -1 : 1));
  // Line endings are how a file was saved, not what it says.
  if (bodyOf(old).replace(/\r\n/g, '\n') !== bodyOf(now).replace(/\r\n/g, '\n')) changed.push('body');
  return changed;
}

/** Deep equality of front-matter values; an absent key and a null value are the same. */
function sameValue(x: unknown, y: unknown): boolean {
  if (x === undefined || x === null || y === undefined || y === null) return (x ?? null) === (y ?? null);
  if (Array.isArray(x) || Array.isArray(y)) {
    return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
  }
  if (typeof x === 'object' && typeof y === 'object') {
    const xo = x as Record<string, unknown>;
    const yo = y as Record<string, unknown>;
    const keys = new Set([...Object.keys(xo), ...Object.keys(yo)]);
    return [...keys].every((k) => sameValue(xo[k], yo[k]));
  }
  return x === y;
}

/** What is only in `old` and what is only in `now`, counting repeats, each in its list's order. */
function multisetDiff<T>(old: readonly T[], now: readonly T[], key: (item: T) => string): [T[], T[]] {
  const counts = new Map<string, number>();
  for (const item of old) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  const added: T[] = [];
  for (const item of now) {
    const left = counts.get(key(item)) ?? 0;
    if (left > 0) counts.set(key(item), left - 1);
    else added.push(item);
  }
  const removed: T[] = [];
  for (const item of [...old].reverse()) {
    const left = counts.get(key(item)) ?? 0;
    if (left > 0) {
      counts.set(key(item), left - 1);
      removed.unshift(item);
    }
  }
  return [removed, added];
}

function updateKey(update: UpdateData): string {
  return JSON.stringify([update.task, update.status, update.note ?? null]);
}

function updateChanges(updates: readonly UpdateData[], record: MeetingRecord | undefined, side: Side): UpdateChange[] {
  if (!record || updates.length === 0) return [];
  // How far each (task, status) has been used in this record's history entries.
  const used = new Map<string, number>();
  return updates.map((update) => {
    const state = side.states.get(update.task);
    // The history entry this update made (index ≥ 1: entry 0 is the assignment):
    // the first of this record's entries with its status not taken yet.
    const key = `${update.task}\0${update.status}`;
    const entries = state ? historyEntries(side, state).get(`${record.file}\0${update.status}`) : undefined;
    const next = used.get(key) ?? 0;
    const index = entries && next < entries.length ? entries[next]! : -1;
    if (index > 0) used.set(key, next + 1);
    return {
      task: update.task,
      ...(side.assigned.has(update.task) ? { taskTitle: side.assigned.get(update.task)!.task.title } : {}),
      status: update.status,
      ...(update.note ? { note: update.note } : {}),
      before: index > 0 ? state!.history[index - 1]!.status : null,
      date: record.data.date,
      file: record.file,
    };
  });
}

/**
 * A task's history entries after the assignment, by file and status, in
 * order: built once per task, so that a task updated 10,000 times is not
 * searched 10,000 times.
 */
function historyEntries(side: Side, state: TaskState): Map<string, number[]> {
  let entries = side.historyIndex.get(state);
  if (!entries) {
    entries = new Map();
    state.history.forEach((h, i) => {
      if (i === 0) return;
      const key = `${h.file}\0${h.status}`;
      const list = entries!.get(key);
      if (list) list.push(i);
      else entries!.set(key, [i]);
    });
    side.historyIndex.set(state, entries);
  }
  return entries;
}

/** A record's value of each metric: its results combined by the metric's aggregate. */
function recordMetrics(record: MeetingRecord | undefined, config: Config | undefined): Map<string, number> {
  const values = new Map<string, number>();
  for (const result of record?.data.results ?? []) {
    for (const [id, raw] of Object.entries(result.metrics ?? {})) {
      if (raw === undefined || raw === null) continue;
      const value = readFigure(raw, config?.metrics[id]).value;
      if (value === undefined || !Number.isFinite(value)) continue;
      const earlier = values.get(id);
      const last = config?.metrics[id]?.aggregate === 'last';
      values.set(id, earlier === undefined || last ? value : addDecimals(earlier, value));
    }
  }
  return values;
}

function metricChanges(
  old: MeetingRecord | undefined,
  now: MeetingRecord | undefined,
  oldConfig: Config | undefined,
  newConfig: Config | undefined,
  config: Config | undefined,
  declared: ReadonlyMap<string, number>,
): MetricChange[] {
  const from = recordMetrics(old, oldConfig);
  const to = recordMetrics(now, newConfig);
  const order = (id: string) => declared.get(id) ?? declared.size;
  const ids = [...new Set([...to.keys(), ...from.keys()])].sort((x, y) => order(x) - order(y) || (x < y ? -1 : 1));
  const record = (now ?? old)!;
  const changes: MetricChange[] = [];
  for (const id of ids) {
    if (from.get(id) === to.get(id)) continue;
    const definition = config?.metrics[id];
    changes.push({
      id,
      label: definition?.label ?? id,
      ...(definition?.unit ? { unit: definition.unit } : {}),
      file: record.file,
      date: record.data.date,
      ...(from.has(id) ? { from: from.get(id)! } : {}),
      ...(to.has(id) ? { to: to.get(id)! } : {}),
    });
  }
  return changes;
}
