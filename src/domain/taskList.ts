// `meet tasks`: every task with its state on a day, filtered and sorted.
// Pure functions of loaded records and a date.
import { monthOf, type IsoDate, type Month } from '../model/dates.js';
import type { MeetingRecord } from '../model/record.js';
import type { Config } from '../model/schema.js';
import type { TaskFilters, TaskList, TaskRow, TaskSort } from '../model/tasks.js';
import { deadlinesOf } from './deadlines.js';
import { TaskRegister, type RegisterDay } from './taskRegister.js';
import { overdueDays, rowMeeting, taskTermsAt } from './taskState.js';

/**
 * Every task that exists on `day` (and, for a month's list, belongs to that
 * month or an earlier one), with its state and days overdue then, that
 * `keep` keeps: a row left out is dropped at once (100,000 records assign a
 * million tasks).
 */
function taskRows(
  records: readonly MeetingRecord[],
  config: Config,
  day: IsoDate,
  keep: (row: TaskRow, assignedIn: Month) => boolean,
  month?: Month,
): TaskRow[] {
  const rows: TaskRow[] = [];
  const register = new TaskRegister(records, deadlinesOf(config));
  const states = register.walkTo(day);
  for (let place = 0; place < states.count; place++) {
    if (!register.isTask(states, place)) continue;
    if (month !== undefined && register.assignedIn(place) > month) continue;
    const row = taskRow(register, states, place, day, config);
    if (keep(row, register.assignedIn(place))) rows.push(row);
  }
  return rows;
}

function taskRow(register: TaskRegister, states: RegisterDay, place: number, day: IsoDate, config: Config): TaskRow {
  const task = register.task(place);
  const due = register.due(place);
  const status = register.status(states, place);
  return {
    id: task.id,
    title: task.title,
    owners: register.owners(task),
    ...taskTermsAt(task, due),
    ...(task.sector ? { sector: task.sector } : {}),
    status,
    overdueDays: overdueDays({ status, due }, day),
    meeting: rowMeeting(register.meeting(place), config),
  };
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
function matches(filters: TaskFilters, groups: Readonly<Record<string, readonly string[]>> = {}): (row: TaskRow, assignedIn: Month) => boolean {
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
/** Tasks without a due date go last. */
const byDue = (a: TaskRow, b: TaskRow) => (a.due === b.due ? 0 : a.due === undefined ? 1 : b.due === undefined ? -1 : byText(a.due, b.due));

/** due: by due date, none last, then id; owner: lead owner, then due, then id; id. */
export function sortTasks(rows: readonly TaskRow[], key: TaskSort): TaskRow[] {
  return [...rows].sort(comparator(key));
}

function comparator(key: TaskSort): (a: TaskRow, b: TaskRow) => number {
  return key === 'id'
    ? (a, b) => byText(a.id, b.id)
    : key === 'owner'
      ? (a, b) => byText(a.owners[0] ?? '', b.owners[0] ?? '') || byDue(a, b) || byText(a.id, b.id)
      : (a, b) => byDue(a, b) || byText(a.id, b.id);
}

export function buildTaskList(records: readonly MeetingRecord[], config: Config, day: IsoDate, filters: TaskFilters, sort: TaskSort, month?: Month): TaskList {
  const rows = taskRows(records, config, day, matches(filters, config.groups), month);
  // Sorted in place: the rows are this list's own.
  return { day, ...(month ? { month } : {}), rows: rows.sort(comparator(sort)) };
}
