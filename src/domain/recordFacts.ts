// The task ids of a record, read alike from a full record and from one
// loaded with facts only (MeetingRecord.facts, for meet check). Imports no
// schema code: a cached meet check loads this and little else.
import type { MeetingRecord } from '../records/parse.js';

/** The ids of the tasks a record assigns, in order (also of a record loaded with facts only). */
export function taskIdsOf(record: MeetingRecord): readonly string[] {
  return record.facts ? record.facts.taskIds : (record.data.tasks ?? []).map((t) => t.id);
}

/** The task ids a record's updates name, in order (also of a record loaded with facts only). */
export function updatedTasksOf(record: MeetingRecord): readonly string[] {
  return record.facts ? record.facts.updateTasks : (record.data.updates ?? []).map((u) => u.task);
}
