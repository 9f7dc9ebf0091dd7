// Tasks as each part of meet sees them, one view per purpose: the state of
// a task on a day (TaskState), a line of `meet tasks` (TaskRow), a task's
// history for `meet log` (TaskLog, TaskHistory). The task as written in a
// record is TaskData (schema.ts); as a report shows it, ReportTask (report.ts).
import type { IsoDate, Month } from './dates.js';
import type { DueWritten } from './due.js';
import type { MeetingRecord } from './record.js';
import type { Locale, TaskStatus } from './terms.js';
import type { RowList } from './text.js';

export interface TaskChange {
  date: IsoDate;
  file: string;
  status: TaskStatus;
  note?: string;
}

/** What every view of a task says of its deadline and who gave it (v2). */
export interface TaskTerms {
  /** The last day `due` stands for (the resolved deadline). */
  due?: IsoDate;
  /** `due` as written: a date, `2020-11`, `2020-Q4`, `2020`, or `{working_days: N}` / `{days: N}`. */
  dueAsWritten?: DueWritten;
  /** Standing work ("thường xuyên"): no deadline, never overdue. */
  recurring?: boolean;
  /** Who gave the directive, when not the chair. */
  directedBy?: string;
}

export interface TaskState extends TaskTerms {
  id: string;
  title: string;
  owners: readonly string[];
  sector?: string;
  /** The meeting that assigned it. */
  meeting: MeetingRecord;
  status: TaskStatus;
  /** Status as assigned, then every update applied, oldest first; shared between tasks until one is updated, so never changed in place. */
  history: readonly TaskChange[];
}

/** One line of the list: a task's state on the list's day. */
export interface TaskRow extends TaskTerms {
  id: string;
  title: string;
  /** Owner ids, the lead first. */
  owners: readonly string[];
  sector?: string;
  status: TaskStatus;
  /** 0 when not overdue. */
  overdueDays: number;
  /** The meeting that assigned it. */
  meeting: TaskMeeting;
}

/** A task's row but for its title. */
export type UntitledTaskRow = Omit<TaskRow, 'title'>;

/** The meeting a task's row names; `file` is relative to the repository root, `organization` another organization's, named beside it. */
export interface TaskMeeting {
  date: IsoDate;
  title: string;
  file: string;
  organization?: string;
}

/** A row's meeting as the JSON outputs (tasks, report, diff) write it: every key there, `organization` null for the repository's own. */
export function meetingJson(meeting: TaskMeeting): { date: IsoDate; title: string; file: string; organization: string | null } {
  return { date: meeting.date, title: meeting.title, file: meeting.file, organization: meeting.organization ?? null };
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
  /** Set when the list is "as of" this month (its `day` is the month's "as of" day). */
  month?: Month;
  /** The language it is shown in, when not the repository's. */
  locale?: Locale;
  /** Made as they are read (domain/taskList.ts): each read is a new row. */
  rows: RowList<TaskRow>;
  /**
   * The same rows without their titles, for what is measured before the rows
   * are written (a terminal table's widths): a title may be read back from
   * the record store's spill file (io/textSpill.ts).
   */
  untitled?: RowList<UntitledTaskRow>;
  /** How many rows are overdue. */
  overdue: number;
  /** Whether some row says who directed it (a column of its own then). */
  directed: boolean;
}

interface TaskLogEntry {
  kind: 'assigned' | 'update';
  date: IsoDate;
  /** The meeting's title. */
  meeting: string;
  /** The record, relative to the repository root. */
  file: string;
  /** The line of the task's `id:` (assigned) or the update's `task:` in `file`. */
  line: number;
  /**
   * The lines whose last change is this entry's commit: the update's
   * `status:` and `note:` (a status changed in place keeps its `task:` line),
   * the task's `id:` for an assignment.
   */
  blameLines: number[];
  status: TaskStatus;
  note?: string;
  /** Written in a record dated after the log's day (a meeting prepared ahead): listed, not yet counted. */
  later?: boolean;
}

export interface TaskLog extends TaskTerms {
  id: string;
  title: string;
  owners: string[];
  /** The state on `asOf`: after the last entry dated up to that day. */
  status: TaskStatus;
  /** The day the state is read on ("today"). */
  asOf?: IsoDate;
  entries: TaskLogEntry[];
}

/** The commit that last changed an entry's line. */
export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  /** ISO 8601 with the author's UTC offset, e.g. 2020-11-01T17:00:00+07:00. */
  date: string;
  summary: string;
}

/** A log entry with its commit; `commit` is null while the line is not committed yet. */
export interface TaskHistoryEntry extends TaskLogEntry {
  commit: CommitInfo | null;
}

export interface TaskHistory extends Omit<TaskLog, 'entries'> {
  entries: TaskHistoryEntry[];
}

/** An owner listed twice counts once, where it first stands (`meet check` warns of it: duplicate-owner). */
export function onceEach(owners: string[]): string[] {
  // Read for every row of a task with several owners (a report at 100k records writes 640,000): a few
  // owners are compared pair by pair rather than put in a Set each time.
  if (owners.length > 8) return new Set(owners).size < owners.length ? [...new Set(owners)] : owners;
  for (let i = 1; i < owners.length; i++) for (let j = 0; j < i; j++) if (owners[i] === owners[j]) return [...new Set(owners)];
  return owners;
}
