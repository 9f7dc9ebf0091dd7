// A task's history as the records tell it: the meeting that assigned it,
// then every update that counts (docs/format.md: from meetings held strictly
// after the assignment), oldest first. Pure: the commits behind each entry
// are added by `meet log` from git.
import type { MeetingRecord } from '../model/record.js';
import type { IsoDate } from '../model/dates.js';
import { ownersOf } from '../model/schema.js';
import type { TaskLog } from '../model/tasks.js';
import { Deadlines } from './deadlines.js';
import { taskIdsOf } from './recordFacts.js';
import { sortRecords, taskTerms } from './taskState.js';

/**
 * `today`: the day the state is read on. An update in a record dated after
 * it (the next meeting's record, prepared ahead) is listed as `later`, and
 * counts from its meeting's day on, as in every other command.
 */
export function taskLog(records: readonly MeetingRecord[], id: string, deadlines = new Deadlines(), today?: IsoDate): TaskLog | undefined {
  const sorted = sortRecords(records);
  let log: TaskLog | undefined;
  let assignedOn: IsoDate | undefined;
  for (const record of sorted) {
    if (log && assignedOn! < record.data.date) {
      const later = today !== undefined && record.data.date > today;
      (record.data.updates ?? []).forEach((update, i) => {
        if (update.task !== id) return;
        log!.entries.push({
          kind: 'update',
          date: record.data.date,
          meeting: record.data.title,
          file: record.file,
          line: record.locate(['updates', i, 'task']).line,
          blameLines: [record.locate(['updates', i, 'status']).line, ...(update.note ? noteLines(record, i) : [])],
          status: update.status,
          ...(update.note ? { note: update.note } : {}),
          ...(later ? { later } : {}),
        });
        if (!later) log!.status = update.status;
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
      ...taskTerms(task, record.data.date, deadlines),
      status: task.status,
      ...(today !== undefined ? { asOf: today } : {}),
      entries: [
        {
          kind: 'assigned',
          date: record.data.date,
          meeting: record.data.title,
          file: record.file,
          line: record.locate(['tasks', index, 'id']).line,
          blameLines: [record.locate(['tasks', index, 'id']).line],
          status: task.status,
          // FORMAT.md: a task does not exist before its meeting's date.
          ...(today !== undefined && record.data.date > today ? { later: true } : {}),
        },
      ],
    };
  }
  return log;
}

/** Every line a note is written on: a change to its second line is a change to the note. */
function noteLines(record: MeetingRecord, update: number): number[] {
  const first = record.locate(['updates', update, 'note']).line;
  const last = Math.max(first, record.locate(['updates', update, 'note'], 'end').line);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Every task id, for "did you mean": from facts where the loader kept only those (Projection.task). */
export function taskIds(records: readonly MeetingRecord[]): string[] {
  return records.flatMap((r) => taskIdsOf(r));
}
