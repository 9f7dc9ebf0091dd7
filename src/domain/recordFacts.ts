// The task ids of a record, read alike from a whole record and from one
// loaded with facts only (for meet check). Imports no schema code: a cached
// meet check loads this and little else.
import type { CheckedRecord, MeetingRecord, RecordFacts } from '../model/record.js';
import type { RecordData } from '../model/schema.js';

/** The ids of the tasks a record assigns, in order. */
export function taskIdsOf(record: CheckedRecord): readonly string[] {
  // A record with facts may hold no tasks in its data (FactsRecord, or a MeetingRecord of `meet log`).
  const { facts } = record;
  return facts ? facts.taskIds : assignedIn((record as MeetingRecord).data);
}

/** The task ids a record's updates name, in order. */
export function updatedTasksOf(record: CheckedRecord): readonly string[] {
  const { facts } = record;
  return facts ? facts.updateTasks : updatedIn((record as MeetingRecord).data);
}

/** The facts of a record's whole data: what is kept of it where the command keeps it only in part. */
export function factsOf(data: Pick<RecordData, 'tasks' | 'updates'>): RecordFacts {
  return { taskIds: assignedIn(data), updateTasks: updatedIn(data) };
}

const assignedIn = (data: Pick<RecordData, 'tasks'>) => (data.tasks ?? []).map((t) => t.id);
const updatedIn = (data: Pick<RecordData, 'updates'>) => (data.updates ?? []).map((u) => u.task);
