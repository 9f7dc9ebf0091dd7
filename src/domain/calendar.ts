// `meet calendar`: the open tasks with a deadline, one calendar entry each.
// Pure: the tasks' state on a day, the owner filter, the order.
import type { IsoDate } from '../model/dates.js';
import type { MeetingRecord } from '../model/record.js';
import type { TaskRow } from '../model/tasks.js';
import { buildTaskList } from './taskList.js';

/** A task that is still open (or in progress) on `day` and has a due date. */
export type CalendarTask = TaskRow & { due: IsoDate };

/** Open tasks with a due date on `day`, of `owner` (lead or co-owner) when given, by due date then id. */
export function calendarTasks(records: readonly MeetingRecord[], day: IsoDate, owner?: string): CalendarTask[] {
  const list = buildTaskList(records, day, { status: ['open', 'in-progress'], ...(owner ? { owner } : {}) }, 'due');
  return list.rows.filter((row): row is CalendarTask => row.due !== undefined);
}
