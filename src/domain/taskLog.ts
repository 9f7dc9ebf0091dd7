// A task's history as the records tell it: the meeting that assigned it,
// then every update that counts (FORMAT.md: from meetings held strictly
// after the assignment), oldest first. Pure: the commits behind each entry
// are added by `meet log` from git.
import type { MeetingRecord } from '../records/parse.js';
import type { IsoDate } from './dates.js';
import { ownersOf, type TaskStatus } from './schema.js';
import { sortRecords } from './tasks.js';

export interface TaskLogEntry {
  kind: 'assigned' | 'update';
  date: IsoDate;
  /** The meeting's title. */
  meeting: string;
  /** The record, relative to the repository root. */
  file: string;
  /** The line of the task's `id:` (assigned) or the update's `task:` in `file`. */
  line: number;
  status: TaskStatus;
  note?: string;
}

export interface TaskLog {
  id: string;
  title: string;
  owners: string[];
  due?: IsoDate;
  /** The state after the last entry. */
  status: TaskStatus;
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

export function taskLog(records: readonly MeetingRecord[], id: string): TaskLog | undefined {
  const sorted = sortRecords(records);
  let log: TaskLog | undefined;
  let assignedOn: IsoDate | undefined;
  for (const record of sorted) {
    if (log && assignedOn! < record.data.date) {
      (record.data.updates ?? []).forEach((update, i) => {
        if (update.task !== id) return;
        log!.entries.push({
          kind: 'update',
          date: record.data.date,
          meeting: record.data.title,
          file: record.file,
          line: record.locate(['updates', i, 'task']).line,
          status: update.status,
          ...(update.note ? { note: update.note } : {}),
        });
        log!.status = update.status;
      });
    }
    if (log) continue;
    const index = (record.data.tasks ?? []).findIndex((t) => t.id === id);
    if (index === -1) continue;
    const task = record.data.tasks![index]!;
    assignedOn = record.data.date;
    log = {
      id,
      title: task.title,
      owners: ownersOf(task),
      ...(task.due ? { due: task.due } : {}),
      status: task.status,
      entries: [
        {
          kind: 'assigned',
          date: record.data.date,
          meeting: record.data.title,
          file: record.file,
          line: record.locate(['tasks', index, 'id']).line,
          status: task.status,
        },
      ],
    };
  }
  return log;
}

export function taskIds(records: readonly MeetingRecord[]): string[] {
  return records.flatMap((r) => (r.data.tasks ?? []).map((t) => t.id));
}
