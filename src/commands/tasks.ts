// meet tasks: every task with its state on a day (today, or the last day of
// --month), filtered and sorted by pure functions, rendered as a terminal
// table, Markdown, JSON or CSV.
import type { TasksCliOptions } from '../cli.js';
import { lastDayOf, monthOf, todayIn, type IsoDate, type Month } from '../domain/dates.js';
import type { MeetingRecord } from '../records/parse.js';
import type { Config, TaskStatus } from '../domain/schema.js';
import { didYouMean } from '../domain/suggest.js';
import { overdueDays, taskStatesOn } from '../domain/tasks.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { colorsFor } from '../io/colors.js';
import { printData, printMessage, type Io, readingFor } from '../io/terminal.js';
import { findRoot, loadValidRepository } from '../records/load.js';
import { renderTasksCsv, renderTasksJson, renderTasksMarkdown, renderTasksSummary, renderTasksText } from '../render/tasks.js';

/** One line of the list: a task's state on the list's day. */
export interface TaskRow {
  id: string;
  title: string;
  /** Owner ids, the lead first. */
  owners: string[];
  due?: IsoDate;
  sector?: string;
  status: TaskStatus;
  /** 0 when not overdue. */
  overdueDays: number;
  /** The meeting that assigned it; `file` is relative to the repository root. */
  meeting: { date: IsoDate; title: string; file: string };
}

export interface TaskFilters {
  status?: readonly TaskStatus[];
  owner?: string;
  sector?: string;
  overdue?: boolean;
  dueBefore?: IsoDate;
  assignedIn?: Month;
}

export type TaskSort = 'due' | 'owner' | 'id';

export interface TaskList {
  /** The day the states are read on. */
  day: IsoDate;
  /** Set when the list is "at the end of" this month. */
  month?: Month;
  rows: TaskRow[];
}

/** Every task that exists on `day`, with its state and days overdue then. */
export function taskRows(records: readonly MeetingRecord[], day: IsoDate): TaskRow[] {
  return [...taskStatesOn(records, day).values()].map((state) => ({
    id: state.id,
    title: state.title,
    owners: state.owners,
    ...(state.due ? { due: state.due } : {}),
    ...(state.sector ? { sector: state.sector } : {}),
    status: state.status,
    overdueDays: overdueDays(state, day),
    meeting: { date: state.meeting.data.date, title: state.meeting.data.title, file: state.meeting.file },
  }));
}

export function filterTasks(rows: readonly TaskRow[], filters: TaskFilters): TaskRow[] {
  return rows.filter(
    (row) =>
      (!filters.status || filters.status.length === 0 || filters.status.includes(row.status)) &&
      (!filters.owner || row.owners.includes(filters.owner)) &&
      (!filters.sector || row.sector === filters.sector) &&
      (!filters.overdue || row.overdueDays > 0) &&
      (!filters.dueBefore || (row.due !== undefined && row.due < filters.dueBefore)) &&
      (!filters.assignedIn || monthOf(row.meeting.date) === filters.assignedIn),
  );
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Tasks without a due date go last. */
const byDue = (a: TaskRow, b: TaskRow) =>
  a.due === b.due ? 0 : a.due === undefined ? 1 : b.due === undefined ? -1 : byText(a.due, b.due);

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

/** An --owner or --sector id must be declared in the config: a typo would silently match nothing. */
export function checkFilterIds(filters: TaskFilters, config: Config): void {
  const check = (flag: string, id: string | undefined, declared: Record<string, string>, kind: string) => {
    if (id === undefined || Object.hasOwn(declared, id)) return;
    throw new UsageError(
      `${flag} ${id}: no ${kind} "${id}" is declared in meet.config.yaml.${didYouMean(id, Object.keys(declared))}`,
      `Declared ${kind}s: ${Object.keys(declared).join(', ') || '(none)'}.`,
    );
  };
  check('--owner', filters.owner, config.owners, 'owner');
  check('--sector', filters.sector, config.sectors, 'sector');
}

export function buildTaskList(records: readonly MeetingRecord[], day: IsoDate, filters: TaskFilters, sort: TaskSort, month?: Month): TaskList {
  return { day, ...(month ? { month } : {}), rows: sortTasks(filterTasks(taskRows(records, day), filters), sort) };
}

export async function tasksCommand(options: TasksCliOptions & { root?: string }, io: Io): Promise<number> {
  const root = findRoot(io.cwd, options.root);
  const { config, records } = await loadValidRepository(root, readingFor(io));
  const filters: TaskFilters = {
    status: options.status,
    owner: options.owner,
    sector: options.sector,
    overdue: options.overdue,
    dueBefore: options.dueBefore,
    assignedIn: options.assignedIn,
  };
  checkFilterIds(filters, config);
  // --month reads the state at the end of that month, whatever --today says.
  const day = options.month ? lastDayOf(options.month) : (options.today ?? todayIn(config.timezone, io.now()));
  const list = buildTaskList(records, day, filters, options.sort ?? 'due', options.month);

  switch (options.format) {
    case 'json':
      printData(io, renderTasksJson(list));
      break;
    case 'csv':
      io.stdout.write(renderTasksCsv(list));
      break;
    case 'md':
      printData(io, renderTasksMarkdown(list, config));
      break;
    default: {
      if (list.rows.length > 0) printData(io, renderTasksText(list, config, colorsFor(io.stdout, io)));
      printMessage(io, colorsFor(io.stderr, io).dim(renderTasksSummary(list)));
    }
  }
  return EXIT_OK;
}
