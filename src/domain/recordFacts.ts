// The task ids of a record, read alike from a whole record and from one
// loaded with facts only (for meet check). Imports no schema code: a cached
// meet check loads this and little else.
import type { CheckedRecord, MeetingRecord } from '../model/record.js';

/** The ids of the tasks a record assigns, in order. */
export function taskIdsOf(record: CheckedRecord): readonly string[] {
  // A record with facts may hold no tasks in its data (FactsRecord, or a MeetingRecord of `meet log`).
  const { facts } = record;
  return facts ? facts.taskIds : ((record as MeetingRecord).data.tasks ?? []).map((t) => t.id);
}

/** The task ids a record's updates name, in order. */
export function updatedTasksOf(record: CheckedRecord): readonly string[] {
  const { facts } = record;
  return facts ? facts.updateTasks : ((record as MeetingRecord).data.updates ?? []).map((u) => u.task);
}
