// `meet tasks`: every task with its state on a day, filtered and sorted.
// Pure functions of loaded records and a date.
import { monthOf, type IsoDate, type Month } from '../model/dates.js';
import type { MeetingRecord } from '../model/record.js';
import type { Config, TaskData } from '../model/schema.js';
import type { TaskFilters, TaskList, TaskRow, TaskSort, UntitledTaskRow } from '../model/tasks.js';
import { RowsByPlace } from '../model/text.js';
import { deadlinesOf } from './deadlines.js';
import { TaskRegister, type RegisterDay } from './taskRegister.js';
import { overdueDays, putTaskTerms, rowMeeting } from './taskState.js';

/** What a row is kept and sorted by: everything but its title and meeting, which are read only as it is written. */
type RowTerms = Omit<TaskRow, 'title' | 'meeting'>;

// Each row's keys set in order, without the spread copies of a rest and a spread (a list at 100,000 records
// makes its 316,000 rows twice, and their terms once more).

function rowTerms(register: TaskRegister, states: RegisterDay, place: number, day: IsoDate): RowTerms {
  const task = register.task(place);
  return putRowTerms({ id: task.id } as RowTerms, task, register, states, place, day);
}

function taskRow(register: TaskRegister, states: RegisterDay, place: number, day: IsoDate, config: Config): TaskRow {
  const task = register.task(place);
  const row = putRowTerms({ id: task.id, title: task.title } as TaskRow, task, register, states, place, day);
  row.meeting = rowMeeting(register.meeting(place), config);
  return row;
}

/** taskRow without the title, which may be read back from the spill file (TaskList's `untitled`). */
function untitledRow(register: TaskRegister, states: RegisterDay, place: number, day: IsoDate, config: Config): UntitledTaskRow {
  const task = register.task(place);
  const row = putRowTerms({ id: task.id } as UntitledTaskRow, task, register, states, place, day);
  row.meeting = rowMeeting(register.meeting(place), config);
  return row;
}

/** Sets a row's keys after its id (and title), in their order: owners, deadline, sector, status, days overdue. */
function putRowTerms<R extends RowTerms>(row: R, task: TaskData, register: TaskRegister, states: RegisterDay, place: number, day: IsoDate): R {
  row.owners = register.owners(task);
  const due = register.due(place);
  putTaskTerms(row, task, due);
  if (task.sector) row.sector = task.sector;
  const status = register.status(states, place);
  row.status = status;
  row.overdueDays = overdueDays({ status, due }, day);
  return row;
}

/**
 * `groups` (the config's group id → members) makes `--owner MEMBER` list the
 * tasks of every group the member belongs to as well.
 */
export function filterTasks(rows: readonly TaskRow[], filters: TaskFilters, groups: Readonly<Record<string, readonly string[]>> = {}): TaskRow[] {
  // A row alone does not say which month its meeting belongs to: the month of its date stands for it here.
  const test = matches(filters, groups);
  return rows.filter((row) => test(row, monthOf(row.meeting.date)));
}

/**
 * filterTasks's test of one row; `assignedIn` is the month the assigning
 * meeting belongs to (a meeting on 4 November reviewing October: October).
 */
function matches(filters: TaskFilters, groups: Readonly<Record<string, readonly string[]>> = {}): (row: RowTerms, assignedIn: Month) => boolean {
  const owners = new Set(filters.owner ? [filters.owner, ...Object.keys(groups).filter((g) => groups[g]!.includes(filters.owner!))] : []);
  return (row, assignedIn) =>
    (!filters.status || filters.status.length === 0 || filters.status.includes(row.status)) &&
    (!filters.owner || row.owners.some((o) => owners.has(o))) &&
    (!filters.sector || row.sector === filters.sector) &&
    (!filters.overdue || row.overdueDays > 0) &&
    (!filters.dueBefore || (row.due !== undefined && row.due < filters.dueBefore)) &&
    (!filters.assignedIn || assignedIn === filters.assignedIn);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** What the list is sorted by. */
type SortTerms = Pick<TaskRow, 'id' | 'due' | 'owners'>;
/** Tasks without a due date go last. */
const byDue = (a: SortTerms, b: SortTerms) => (a.due === b.due ? 0 : a.due === undefined ? 1 : b.due === undefined ? -1 : byText(a.due, b.due));

/** due: by due date, none last, then id; owner: lead owner, then due, then id; id. */
export function sortTasks(rows: readonly TaskRow[], key: TaskSort): TaskRow[] {
  return [...rows].sort(comparator(key));
}

function comparator(key: TaskSort): (a: SortTerms, b: SortTerms) => number {
  return key === 'id'
    ? (a, b) => byText(a.id, b.id)
    : key === 'owner'
      ? (a, b) => byText(a.owners[0] ?? '', b.owners[0] ?? '') || byDue(a, b) || byText(a.id, b.id)
      : (a, b) => byDue(a, b) || byText(a.id, b.id);
}

/**
 * Every task that exists on `day` (and, for a month's list, belongs to that
 * month or an earlier one) with its state and days overdue then, filtered
 * and sorted. The rows are places in the task register, each row made as it
 * is read: at 100,000 records a list holds hundreds of thousands of tasks,
 * whose titles the record store may have moved to its spill file.
 */
export function buildTaskList(records: readonly MeetingRecord[], config: Config, day: IsoDate, filters: TaskFilters, sort: TaskSort, month?: Month): TaskList {
  const register = new TaskRegister(records, deadlinesOf(config));
  const states = register.walkTo(day);
  const keep = matches(filters, config.groups);
  const kept: number[] = [];
  // The ids (and lead owners) the kept rows are sorted by, taken from their terms as they are kept: the sort's
  // five million comparisons (316,000 rows at 100,000 records) then read an array, not each task through its
  // record (2.4 of 4.7 s). A deadline is the register's already.
  const ids: string[] = [];
  const owners: (readonly string[])[] = [];
  let overdue = 0;
  let directed = false;
  for (let place = 0; place < states.count; place++) {
    if (!register.isTask(states, place)) continue;
    const assignedIn = register.assignedIn(place);
    if (month !== undefined && assignedIn > month) continue;
    const terms = rowTerms(register, states, place, day);
    if (!keep(terms, assignedIn)) continue;
    kept.push(place);
    ids.push(terms.id);
    if (sort === 'owner') owners.push(terms.owners);
    if (terms.overdueDays > 0) overdue++;
    directed ||= terms.directedBy !== undefined;
  }
  const order = comparator(sort);
  const a = { id: '', due: undefined as IsoDate | undefined, owners: [] as readonly string[] };
  const b = { ...a };
  const read = (terms: SortTerms, i: number) => {
    terms.id = ids[i]!;
    terms.due = register.due(kept[i]!);
    if (sort === 'owner') terms.owners = owners[i]!;
    return terms;
  };
  const sorted = Int32Array.from(kept.keys()).sort((i, j) => order(read(a, i), read(b, j)));
  const places = sorted.map((i) => kept[i]!);
  return {
    day,
    ...(month ? { month } : {}),
    rows: new RowsByPlace(places, (place) => taskRow(register, states, place, day, config)),
    untitled: new RowsByPlace(places, (place) => untitledRow(register, states, place, day, config)),
    overdue,
    directed,
  };
}
