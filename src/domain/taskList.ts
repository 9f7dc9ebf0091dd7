// `meet tasks`: every task with its state on a day, filtered and sorted.
// Pure functions of loaded records and a date.
import { monthOf, type IsoDate, type Month } from '../model/dates.js';
import type { MeetingRecord } from '../model/record.js';
import type { Config } from '../model/schema.js';
import type { TaskFilters, TaskList, TaskRow, TaskSort } from '../model/tasks.js';
import { deadlinesOf } from './deadlines.js';
import { reportingMonthOf } from './months.js';
import { overdueDays, taskStatesOn } from './taskState.js';

/** Every task that exists on `day` (and, for a month's list, belongs to that month or an earlier one), with its state and days overdue then. */
function taskRows(records: readonly MeetingRecord[], config: Config, day: IsoDate, month?: Month): TaskRow[] {
  const states = [...taskStatesOn(records, day, deadlinesOf(config)).values()].filter((s) => month === undefined || reportingMonthOf(s.meeting) <= month);
  return states.map((state) => ({
    id: state.id,
    title: state.title,
    owners: state.owners,
    ...(state.due ? { due: state.due } : {}),
    ...(state.dueAsWritten !== undefined ? { dueAsWritten: state.dueAsWritten } : {}),
    recurring: state.recurring,
    ...(state.directedBy ? { directedBy: state.directedBy } : {}),
    ...(state.sector ? { sector: state.sector } : {}),
    status: state.status,
    overdueDays: overdueDays(state, day),
    meeting: { date: state.meeting.data.date, title: state.meeting.data.title, file: state.meeting.file },
  }));
}

/**
 * `groups` (the config's group id → members) makes `--owner MEMBER` list the
 * tasks of every group the member belongs to as well.
 */
export function filterTasks(rows: readonly TaskRow[], filters: TaskFilters, groups: Readonly<Record<string, readonly string[]>> = {}): TaskRow[] {
  const owners = new Set(filters.owner ? [filters.owner, ...Object.keys(groups).filter((g) => groups[g]!.includes(filters.owner!))] : []);
  return rows.filter(
    (row) =>
      (!filters.status || filters.status.length === 0 || filters.status.includes(row.status)) &&
      (!filters.owner || row.owners.some((o) => owners.has(o))) &&
      (!filters.sector || row.sector === filters.sector) &&
      (!filters.overdue || row.overdueDays > 0) &&
      (!filters.dueBefore || (row.due !== undefined && row.due < filters.dueBefore)) &&
      (!filters.assignedIn || monthOf(row.meeting.date) === filters.assignedIn),
  );
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Tasks without a due date go last. */
const byDue = (a: TaskRow, b: TaskRow) => (a.due === b.due ? 0 : a.due === undefined ? 1 : b.due === undefined ? -1 : byText(a.due, b.due));

/** due: by due date, none last, then id; owner: lead owner, then due, then id; id. */
export function sortTasks(rows: readonly TaskRow[], key: TaskSort): TaskRow[] {
  const compare: (a: TaskRow, b: TaskRow) => number =
    key === 'id'
      ? (a, b) => byText(a.id, b.id)
      : key === 'owner'
        ? (a, b) => byText(a.owners[0] ?? '', b.owners[0] ?? '') || byDue(a, b) || byText(a.id, b.id)
        : (a, b) => byDue(a, b) || byText(a.id, b.id);
  return [...rows].sort(compare);
}

export function buildTaskList(records: readonly MeetingRecord[], config: Config, day: IsoDate, filters: TaskFilters, sort: TaskSort, month?: Month): TaskList {
  return { day, ...(month ? { month } : {}), rows: sortTasks(filterTasks(taskRows(records, config, day, month), filters, config.groups), sort) };
}
