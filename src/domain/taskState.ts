// Task state as docs/format.md defines it: the status as assigned, then the
// updates of every later meeting up to a day, applied in date order (equal
// dates: file path order). Pure functions of loaded records and a date.
import type { CheckedRecord, MeetingRecord } from '../model/record.js';
import { daysBetween, type IsoDate } from '../model/dates.js';
import { ownersOf, type TaskData } from '../model/schema.js';
import { Deadlines } from './deadlines.js';
import type { TaskState, TaskTerms } from '../model/tasks.js';
import type { TaskStatus } from '../model/terms.js';

/** Meeting order: by date, equal dates by file path. */
export function compareRecords(a: Pick<CheckedRecord, 'data' | 'file'>, b: Pick<CheckedRecord, 'data' | 'file'>): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? -1 : 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** The body of a record read with bodies; one read without is a bug in the caller. */
export function bodyOf(record: MeetingRecord): string {
  if (record.body === undefined) throw new Error(`${record.file} was read without its body`);
  return record.body;
}

export function sortRecords(records: readonly MeetingRecord[]): MeetingRecord[] {
  return [...records].sort(compareRecords);
}

export function isOpenStatus(status: TaskStatus): boolean {
  return status === 'open' || status === 'in-progress';
}

const NO_EXTRA_HOLIDAYS = new Deadlines();

/**
 * Every task with its state at the end of `day`; tasks assigned later do not
 * exist yet. `deadlines` resolves `due` (deadlinesOf(config): the config's
 * holidays count for working-day deadlines).
 */
export function taskStatesOn(records: readonly MeetingRecord[], day: IsoDate, deadlines = NO_EXTRA_HOLIDAYS): Map<string, TaskState> {
  let states = new Map<string, TaskState>();
  forEachTaskStateDay(
    records,
    [day],
    (_day, live) => {
      states = live;
    },
    deadlines,
  );
  return states;
}

/**
 * Walks the records once, in meeting order, and calls `at` with the task
 * states at the end of each of `days` (ascending): one pass for a whole
 * trend, instead of one per month. The map is live: it changes after `at`
 * returns, so read it there.
 */
export function forEachTaskStateDay(
  records: readonly MeetingRecord[],
  days: readonly IsoDate[],
  at: (day: IsoDate, states: Map<string, TaskState>) => void,
  deadlines = NO_EXTRA_HOLIDAYS,
): void {
  const states = new Map<string, TaskState>();
  const sorted = sortRecords(records);
  let next = 0;
  for (const day of days) {
    for (; next < sorted.length && sorted[next]!.data.date <= day; next++) {
      const record = sorted[next]!;
      for (const update of record.data.updates ?? []) {
        const state = states.get(update.task);
        // Only updates from meetings held strictly after the assignment count
        // (the same rule `meet check` enforces).
        if (!state || !(state.meeting.data.date < record.data.date)) continue;
        state.status = update.status;
        state.history.push({ date: record.data.date, file: record.file, status: update.status, ...(update.note ? { note: update.note } : {}) });
      }
      for (const task of record.data.tasks ?? []) {
        if (states.has(task.id)) continue; // a duplicate id: the first assignment stands
        states.set(task.id, newState(task, record, deadlines));
      }
    }
    at(day, states);
  }
}

function newState(task: TaskData, record: MeetingRecord, deadlines: Deadlines): TaskState {
  return {
    id: task.id,
    title: task.title,
    owners: ownersOf(task),
    ...taskTerms(task, record.data.date, deadlines),
    ...(task.sector ? { sector: task.sector } : {}),
    meeting: record,
    status: task.status,
    history: [{ date: record.data.date, file: record.file, status: task.status }],
  };
}

/** A task's deadline (resolved and as written), whether it is standing work, and who directed it. */
export function taskTerms(task: TaskData, date: IsoDate, deadlines: Deadlines): TaskTerms {
  const due = deadlines.resolve(task.due, date);
  return {
    ...(due ? { due } : {}),
    ...(task.due !== undefined && task.due !== null ? { dueAsWritten: task.due } : {}),
    recurring: task.recurring === true,
    ...(task.directed_by ? { directedBy: task.directed_by } : {}),
  };
}

/** Days a task is overdue on `day` (0 when it is not). */
export function overdueDays(state: Pick<TaskState, 'status' | 'due'>, day: IsoDate): number {
  if (!isOpenStatus(state.status) || !state.due || !(state.due < day)) return 0;
  return daysBetween(state.due, day);
}

export function isOverdue(state: Pick<TaskState, 'status' | 'due'>, day: IsoDate): boolean {
  // ISO dates compare as text: no need to count the days.
  return isOpenStatus(state.status) && state.due !== undefined && state.due < day;
}
