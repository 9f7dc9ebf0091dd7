// `meet check --since`: which findings on records the change did not touch
// were still brought about by it. Pure: matched by place and rule, never by
// message text.
import type { CheckedRecord } from '../model/record.js';
import type { Finding } from '../model/ruleCatalogue.js';
import { taskIdsOf, updatedTasksOf } from './recordFacts.js';

/**
 * Marks (in `caused`) the findings on unchanged records that the change
 * brought about: a changed record reusing their task id, an update whose task
 * a changed record now assigns too late, or whose task vanished with the
 * change (that message then says where the task went). Returns the findings,
 * with those messages rewritten.
 */
export function findingsCausedByChange(
  all: readonly CheckedRecord[],
  repositoryFindings: readonly Finding[],
  changed: ReadonlySet<string>,
  /** Task id → the message saying where it went. */
  vanished: ReadonlyMap<string, string>,
  caused: Set<Finding>,
): Finding[] {
  const changedTasks = new Set<string>();
  for (const record of all) {
    if (changed.has(record.file)) for (const id of taskIdsOf(record)) changedTasks.add(id);
  }
  // Findings are matched by place and rule, never by message text.
  const byPlace = new Map<string, number>();
  const findings = [...repositoryFindings];
  findings.forEach((f, i) => byPlace.set(placeKey(f.file, f.line, f.column, f.rule), i));
  // A file's findings past the 200 it lists are counted by its too-many-findings: one the change causes may be among them.
  const beyond = new Map<string, Finding>();
  for (const f of findings) if (f.rule === 'too-many-findings') beyond.set(f.file, f);
  const mark = (record: CheckedRecord, at: (string | number)[], rule: Finding['rule'], message?: string) => {
    const { line, column } = record.locate(at);
    const index = byPlace.get(placeKey(record.file, line, column, rule));
    if (index === undefined) {
      const counted = beyond.get(record.file);
      if (counted) caused.add(counted);
      return;
    }
    if (message !== undefined) findings[index] = { ...findings[index]!, message };
    caused.add(findings[index]!);
  };
  for (const record of all) {
    taskIdsOf(record).forEach((id, i) => {
      if (changedTasks.has(id)) mark(record, ['tasks', i, 'id'], 'duplicate-task-id');
    });
    updatedTasksOf(record).forEach((task, i) => {
      if (changedTasks.has(task)) mark(record, ['updates', i, 'task'], 'update-not-earlier');
      const why = vanished.get(task);
      if (why) mark(record, ['updates', i, 'task'], 'update-unknown-task', why);
    });
  }
  return findings;
}

function placeKey(file: string, line: number, column: number, rule: string): string {
  return `${file}\0${line}\0${column}\0${rule}`;
}
