// The task ids of a record, read alike from a whole record and from one
// loaded with facts only (for meet check). Imports no schema code: a cached
// meet check loads this and little else.
import type { CheckedRecord, MeetingRecord, RecordFacts } from '../model/record.js';
import type { RecordData } from '../model/schema.js';
import type { IdLists } from './firstAssignments.js';

/** The ids of the tasks a record assigns, in order. */
export function taskIdsOf(record: CheckedRecord): readonly string[] {
  // A record with facts may hold no tasks in its data (FactsRecord, or a MeetingRecord of `meet log`).
  const { facts } = record;
  return facts ? facts.taskIds : assignedIn((record as MeetingRecord).data);
}

/** The task ids of `records` (taskIdsOf of each), read from the records as asked rather than copied into lists. */
export function recordIds(records: readonly CheckedRecord[]): IdLists {
  const countOf = (r: number): number => {
    const record = records[r]!;
    return record.facts ? record.facts.taskIds.length : ((record as MeetingRecord).data.tasks?.length ?? 0);
  };
  const idAt = (r: number, i: number): string => {
    const record = records[r]!;
    return record.facts ? record.facts.taskIds[i]! : (record as MeetingRecord).data.tasks![i]!.id;
  };
  return { length: records.length, countOf, idAt };
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

/**
 * One string per task id among the facts a run keeps: an update names a task
 * of another meeting, and each parsed record gives the id a string of its
 * own (at 100k records 650,000 updates, about 38 MB). Set in place in the
 * facts' arrays, in whatever order records come; the map goes with the function.
 */
export function sharedFactIds(): (facts: RecordFacts) => void {
  const ids = new Map<string, string>();
  const one = (id: string): string => {
    const held = ids.get(id);
    if (held !== undefined) return held;
    ids.set(id, id);
    return id;
  };
  return (facts) => {
    const { taskIds, updateTasks } = facts;
    for (let i = 0; i < taskIds.length; i++) taskIds[i] = one(taskIds[i]!);
    for (let i = 0; i < updateTasks.length; i++) updateTasks[i] = one(updateTasks[i]!);
  };
}

/**
 * Update `i` of `record` names its task with `id`, the assigning record's own
 * (equal) string, in its facts and its data alike: every record parsed gives
 * an id a string of its own, and at 100,000 records the updates' copies were
 * ~650,000 strings, about 39 MB. The rules across records call it as they
 * look each update up (checkAcrossRecords' `shareIds`), so no second index
 * of a million ids is built for it.
 */
export function shareUpdateId(record: CheckedRecord, i: number, id: string): void {
  const { facts } = record;
  if (facts && facts.updateTasks[i] === id) facts.updateTasks[i] = id;
  // A record with facts may keep its updates in its data too (a record of a later month), in the same order.
  const update = (record as MeetingRecord).data.updates?.[i];
  if (update && update.task === id) update.task = id;
}

const assignedIn = (data: Pick<RecordData, 'tasks'>) => (data.tasks ?? []).map((t) => t.id);
const updatedIn = (data: Pick<RecordData, 'updates'>) => (data.updates ?? []).map((u) => u.task);
