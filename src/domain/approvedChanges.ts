// FORMAT.md, "Approved minutes": a record approved at the merge base is
// final. A change to it (its Markdown body included) needs a new `amendments`
// entry dated on or after the approval, and may never change `date` or a
// task id, nor remove a task, decision or update. Recording the notice
// issued from approved minutes (approval.notice, where there was none) is
// not a change to them; changing a notice recorded, or an amendment, is.
// Pure: the two versions come in, findings go out (in the locale asked for).
import { messages } from '../model/messages/index.js';
import type { Locate, MeetingRecord, PropertyPath } from '../model/record.js';
import { RULES, type Finding, type RuleId } from '../model/ruleCatalogue.js';
import { decisionText, type RecordData } from '../model/schema.js';
import { clip } from '../model/text.js';
import type { Locale } from '../model/terms.js';

interface Version {
  data: RecordData;
  /** The whole file's text, front matter and body. */
  text: string;
}

const json = (value: unknown) => JSON.stringify(value ?? null);

/** What `meet approve` may still record of approved minutes when they do not say it yet: who, when, the notice. */
const RECORDABLE = ['approved_by', 'approved_on', 'notice'] as const;

/** The record without the approval's keys in `keys` (those the approved version did not have). */
function without(keys: readonly (typeof RECORDABLE)[number][]): (data: RecordData) => unknown {
  return (data) => {
    const { approval, ...rest } = data;
    if (!approval) return rest;
    const kept: Record<string, unknown> = { ...approval };
    for (const key of keys) delete kept[key];
    return { ...rest, approval: kept };
  };
}

/** A record's text with LF line endings and no byte-order mark: what the clerk sees, whatever the checkout wrote. */
function asLines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** 1-based line of the first line that differs between two texts, counted in `after`. */
function firstChangedLine(before: string, after: string): number {
  const a = before.split('\n');
  const b = after.split('\n');
  let i = 0;
  // As the clerk sees them: spaces at a line's end are not seen, nor are they the change.
  while (i < a.length && i < b.length && a[i]!.trimEnd() === b[i]!.trimEnd()) i++;
  return Math.min(i, b.length - 1) + 1;
}

/** Multiset difference, by place: the indexes of what `before` holds more times than `after` (its later copies). */
function unmatched(before: readonly string[], after: readonly string[]): number[] {
  const left = new Map<string, number>();
  for (const x of after) left.set(x, (left.get(x) ?? 0) + 1);
  const out: number[] = [];
  before.forEach((x, i) => {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(i);
  });
  return out;
}

/** Multiset difference: what `before` holds more times than `after`. */
function removed(before: readonly string[], after: readonly string[]): string[] {
  return unmatched(before, after).map((i) => before[i]!);
}

/** The day minutes count as approved from: the approval's, else the notice's, else the meeting's. */
function approvalDay(data: RecordData): string {
  const approval = data.approval!;
  return approval.approved_on ?? approval.notice?.date ?? data.date;
}

/**
 * The finding on `file`, deleted since `since`, when `before` (its version at
 * the merge base) was approved: taken out whole, it loses every task,
 * decision and update the format keeps. At its first line: there is no
 * other left.
 */
export function approvedDeletionFinding(before: RecordData, file: string, since: string, locale: Locale = 'en'): Finding | undefined {
  if (before.approval?.status !== 'approved') return undefined;
  const rule = 'approved-deleted';
  return { file, line: 1, column: 1, severity: RULES[rule].severity, rule, message: messages(locale).rules.approvedDeleted(approvalDay(before), since, file) };
}

/** The findings on `after` (a changed record) when `before`, its version at the merge base, was approved; none otherwise. */
export function approvedChangeFindings(before: Version, after: Version & Pick<MeetingRecord, 'file' | 'locate'>, locale: Locale = 'en'): Finding[] {
  const m = messages(locale).rules;
  const approval = before.data.approval;
  if (approval?.status !== 'approved' || before.text === after.text) return [];
  // Compared as lines: a checkout with core.autocrlf (Git for Windows) has CRLF where git's own copy has LF.
  const beforeText = asLines(before.text);
  const afterText = asLines(after.text);
  const approvedOn = approvalDay(before.data);
  const findings: Finding[] = [];
  const at = (rule: RuleId, message: string, path: PropertyPath, target: 'key' | 'value' = 'value') => {
    const { line, column } = safeLocate(after.locate, path, target);
    findings.push({ file: after.file, line, column, severity: RULES[rule].severity, rule, message });
  };

  // Final: approved minutes are corrected by amendments, never taken back to a draft (then changed freely).
  if (after.data.approval?.status !== 'approved') {
    at('approved-changed', m.approvedWithdrawn(approvedOn), after.data.approval ? ['approval', 'status'] : [], after.data.approval ? 'value' : 'key');
  }
  if (after.data.date !== before.data.date) {
    at('approved-date-changed', m.approvedDateChanged(approvedOn, before.data.date, after.data.date), ['date']);
  }
  const beforeIds = (before.data.tasks ?? []).map((t) => t.id);
  const afterTasks = after.data.tasks ?? [];
  const afterIds = new Set(afterTasks.map((t) => t.id));
  const renamed = new Set<string>();
  beforeIds.forEach((id, i) => {
    const now = afterTasks[i]?.id;
    if (now !== undefined && now !== id && !afterIds.has(id) && !beforeIds.includes(now)) {
      renamed.add(id);
      at('approved-task-id-changed', m.approvedTaskIdChanged(approvedOn, id, now), ['tasks', i, 'id']);
    }
  });
  const gone = (what: 'task' | 'decision' | 'update', key: 'tasks' | 'decisions' | 'updates', items: string[]) => {
    if (items.length === 0) return;
    const list = items.map((x) => `"${clip(x)}"`).join(', ');
    // A list removed whole has no key left to point at: the approval it breaks stands for it.
    const where: PropertyPath = after.data[key] !== undefined ? [key] : ['approval'];
    at('approved-item-removed', m.approvedItemRemoved(approvedOn, what, list, items.length), where, 'key');
  };
  gone(
    'task',
    'tasks',
    beforeIds.filter((id) => !afterIds.has(id) && !renamed.has(id)),
  );
  // A decision has no id: its wording corrected (with an amendment, like any change) is no removal. Only
  // when fewer decisions are left than there were is one taken out.
  const beforeDecisions = (before.data.decisions ?? []).map(decisionText);
  const afterDecisions = (after.data.decisions ?? []).map(decisionText);
  if (afterDecisions.length < beforeDecisions.length) gone('decision', 'decisions', removed(beforeDecisions, afterDecisions));
  gone(
    'update',
    'updates',
    removed(
      (before.data.updates ?? []).map((u) => u.task),
      (after.data.updates ?? []).map((u) => u.task),
    ),
  );

  // Recording the notice of approved minutes (or who approved them and when, if they were marked approved
  // by hand without) is not a change to them; renumbering a notice recorded is.
  // The body as the clerk sees it: spaces at a line's end and the blank lines (or missing newline) at the file's end are not seen.
  const bodyOf = (text: string) =>
    text
      .slice(text.indexOf('\n---', 3))
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n+$/, '');
  const compared = without(RECORDABLE.filter((key) => approval[key] === undefined || approval[key] === null));
  if (json(compared(before.data)) === json(compared(after.data)) && bodyOf(beforeText) === bodyOf(afterText)) return findings;

  // The amendments are the history of the changes: one already recorded stays as it is.
  const beforeAmendments = (before.data.amendments ?? []).map(json);
  const afterAmendments = (after.data.amendments ?? []).map(json);
  if (unmatched(beforeAmendments, afterAmendments).length > 0) {
    at('approved-changed', m.approvedAmendmentChanged(approvedOn), ['amendments'], 'key');
    return findings;
  }
  const added = unmatched(afterAmendments, beforeAmendments).map((i) => ({ a: after.data.amendments![i]!, i }));
  // One dated before the approval is refused by every check, not only this one (approval-before-date, domain/checkRules.ts).
  if (added.length > 0) return findings;
  const line = firstChangedLine(beforeText, afterText);
  findings.push({
    file: after.file,
    line,
    column: 1,
    severity: RULES['approved-changed'].severity,
    rule: 'approved-changed',
    message: m.approvedLineChanged(approvedOn),
  });
  return findings;
}

function safeLocate(locate: Locate, path: PropertyPath, target: 'key' | 'value'): { line: number; column: number } {
  try {
    return locate(path, target);
  } catch {
    return { line: 1, column: 1 };
  }
}
