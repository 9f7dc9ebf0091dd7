// `meet calendar`: the open tasks with a deadline, one calendar entry each.
// Pure: the tasks' state on a day, the owner filter, the order.
import type { IsoDate } from '../model/dates.js';
import type { MeetingRecord } from '../model/record.js';
import type { Config } from '../model/schema.js';
import type { TaskRow } from '../model/tasks.js';
import { buildTaskList } from './taskList.js';

/** A task that is still open (or in progress) on `day` and has a due date. */
export type CalendarTask = TaskRow & { due: IsoDate };

/**
 * Open tasks with a deadline on `day` (the resolved last day of `due`), of
 * `owner` (lead, co-owner, or a group it belongs to) when given, by deadline then id.
 */
export function calendarTasks(records: readonly MeetingRecord[], config: Config, day: IsoDate, owner?: string): CalendarTask[] {
  const list = buildTaskList(records, config, day, { status: ['open', 'in-progress'], ...(owner ? { owner } : {}) }, 'due');
  const tasks: CalendarTask[] = [];
  for (const row of list.rows) if (row.due !== undefined) tasks.push(row as CalendarTask);
  return tasks;
}
