// A revision diff (meet diff --rev) as text for a terminal, Markdown for a
// pull request's summary or comment, or JSON (docs/diff-rev-json.md). Text
// and Markdown show the same data in the repository's language; sections
// with nothing in them are left out, so a small change reads short.
import type { ChalkInstance } from 'chalk';
import { jsonChunks, oneLine, visibleDeep } from '../model/text.js';
import type { IsoDate } from '../model/dates.js';
import {
  isClosing,
  isEmptyRevisionDiff,
  type ChangedTask,
  type RevisionDiff,
  type RevisionRange,
  type RevisionTask,
  type TaskField,
  type TaskFieldChange,
  type UpdateChange,
  type ChangedUpdate,
} from '../domain/revisionDiff.js';
import { formatDate, formatExact, formatPeriod, STATUS_LABELS } from './locale.js';
import { isCalendarDate } from '../model/dates.js';
import { periodRange } from '../model/periods.js';
import { markdownTable, markdownText, textTable, type Column } from './table.js';
import type { Locale, TaskStatus } from '../model/terms.js';

export interface RevisionDiffRenderOptions {
  locale: Locale;
}

type Change = 'added' | 'removed' | 'changed';

interface RevisionWords {
  heading: (range: string) => string;
  none: string;
  compared: (from: string, to: string) => string;
  mergeBaseOf: (from: string, to: string) => string;
  change: Record<Change, string>;
  summary: {
    records: string;
    tasks: string;
    states: (changed: number, closed: number) => string;
    updates: string;
    metrics: (changed: number) => string;
    decisions: string;
  };
  sections: { records: string; states: string; updates: string; tasks: string; metrics: string; decisions: string; unreadable: string };
  updateLine: (task: string, change: string, record: string) => string;
  noEarlierTask: string;
  couldNotRead: (at: string) => string;
  fields: Record<TaskField, string>;
  columns: {
    change: string;
    date: string;
    meeting: string;
    record: string;
    keys: string;
    id: string;
    task: string;
    owners: string;
    due: string;
    status: string;
    before: string;
    after: string;
    metric: string;
    unit: string;
  };
}

const WORDS: Record<Locale, RevisionWords> = {
  vi: {
    heading: (range) => `meet: thay đổi trong các biên bản (${range})`,
    none: 'Không có thay đổi trong các biên bản.',
    compared: (from, to) => `So sánh ${from} với ${to}.`,
    mergeBaseOf: (from, to) => `gốc chung của ${from} và ${to}`,
    change: { added: 'thêm mới', removed: 'xóa', changed: 'sửa đổi' },
    summary: {
      records: 'Biên bản',
      tasks: 'Nhiệm vụ',
      states: (changed, closed) => `Tình trạng nhiệm vụ: ${changed} thay đổi${closed > 0 ? ` (${closed} đã kết thúc)` : ''}`,
      updates: 'Cập nhật tiến độ',
      metrics: (changed) => `Chỉ tiêu: ${changed} thay đổi`,
      decisions: 'Quyết định',
    },
    sections: {
      records: 'Biên bản',
      states: 'Tình trạng nhiệm vụ (sau mọi cập nhật)',
      updates: 'Cập nhật tiến độ',
      tasks: 'Nhiệm vụ (khi giao)',
      metrics: 'Chỉ tiêu (theo biên bản)',
      decisions: 'Quyết định',
      unreadable: 'Không đọc được',
    },
    updateLine: (task, change, record) => `nhiệm vụ ${task}: ${change} (trong biên bản ${record})`,
    noEarlierTask: 'không có nhiệm vụ nào giao trước đó',
    couldNotRead: (at) => `không đọc được tại ${at}`,
    fields: { title: 'tên', owner: 'cơ quan được giao', due: 'hạn', sector: 'lĩnh vực', status: 'tình trạng khi giao', meeting: 'biên bản' },
    columns: {
      change: 'Thay đổi',
      date: 'Ngày',
      meeting: 'Hội nghị',
      record: 'Biên bản',
      keys: 'Mục thay đổi',
      id: 'Mã',
      task: 'Nhiệm vụ',
      owners: 'Cơ quan được giao',
      due: 'Hạn',
      status: 'Tình trạng',
      before: 'Trước',
      after: 'Sau',
      metric: 'Chỉ tiêu',
      unit: 'Đơn vị',
    },
  },
  en: {
    heading: (range) => `meet: changes to the records (${range})`,
    none: 'No changes to the records.',
    compared: (from, to) => `Compared ${from} with ${to}.`,
    mergeBaseOf: (from, to) => `the merge base of ${from} and ${to}`,
    change: { added: 'added', removed: 'removed', changed: 'changed' },
    summary: {
      records: 'Records',
      tasks: 'Tasks',
      states: (changed, closed) => `Task states: ${changed} changed${closed > 0 ? ` (${closed} closed)` : ''}`,
      updates: 'Updates',
      metrics: (changed) => `Metrics: ${changed} changed`,
      decisions: 'Decisions',
    },
    sections: {
      records: 'Records',
      states: 'Task states (after every update)',
      updates: 'Updates',
      tasks: 'Tasks (as assigned)',
      metrics: 'Metrics (per record)',
      decisions: 'Decisions',
      unreadable: 'Could not be read',
    },
    updateLine: (task, change, record) => `task ${task}: ${change} (in record ${record})`,
    noEarlierTask: 'no such task assigned earlier',
    couldNotRead: (at) => `could not be read at ${at}`,
    fields: { title: 'title', owner: 'owner', due: 'due', sector: 'sector', status: 'status as assigned', meeting: 'record' },
    columns: {
      change: 'Change',
      date: 'Date',
      meeting: 'Meeting',
      record: 'Record',
      keys: 'Changed',
      id: 'ID',
      task: 'Task',
      owners: 'Owners',
      due: 'Due',
      status: 'Status',
      before: 'Before',
      after: 'After',
      metric: 'Metric',
      unit: 'Unit',
    },
  },
};

// ---- JSON: a stable shape, documented in docs/diff-rev-json.md; unknown values are null.

export function* renderRevisionDiffJson(diff: RevisionDiff): Generator<string, void, undefined> {
  const meeting = (m: { file: string; date: IsoDate; title: string }) => ({ file: m.file, date: m.date, title: m.title });
  const record = (r: RevisionDiff['records']['added'][number]) => ({ file: r.file, date: r.date, title: r.title, kind: r.kind });
  const task = (t: RevisionTask) => ({
    id: t.id,
    title: t.title,
    owners: t.owners,
    ownerNames: t.ownerNames,
    due: t.due ?? null,
    sector: t.sector ?? null,
    status: t.status,
    meeting: meeting(t.meeting),
  });
  const update = (u: UpdateChange) => ({
    task: u.task,
    taskTitle: u.taskTitle ?? null,
    status: u.status,
    before: u.before,
    note: u.note ?? null,
    date: u.date,
    file: u.file,
  });
  const decision = (d: RevisionDiff['decisions']['added'][number]) => ({ text: d.text, date: d.date, file: d.file });
  const value = {
    from: diff.range.from,
    to: diff.range.to,
    mergeBase: diff.range.mergeBase,
    commits: { from: diff.range.fromCommit, to: diff.range.toCommit },
    records: {
      added: diff.records.added.map(record),
      removed: diff.records.removed.map(record),
      changed: diff.records.changed.map((r) => ({ ...record(r), keys: r.keys })),
    },
    tasks: {
      added: diff.tasks.added.map(task),
      removed: diff.tasks.removed.map(task),
      changed: diff.tasks.changed.map((t) => ({
        id: t.id,
        title: t.title,
        meeting: meeting(t.meeting),
        changes: t.changes.map((c) => ({ field: c.field, from: c.from, to: c.to })),
      })),
    },
    states: diff.states.map((s) => ({ id: s.id, title: s.title, from: s.from, to: s.to, meeting: meeting(s.meeting) })),
    updates: {
      added: diff.updates.added.map(update),
      removed: diff.updates.removed.map(update),
      changed: diff.updates.changed.map((u) => ({ ...update(u), was: { status: u.was.status, note: u.was.note ?? null } })),
    },
    metrics: diff.metrics.map((m) => ({
      file: m.file,
      date: m.date,
      id: m.id,
      label: m.label,
      unit: m.unit ?? null,
      from: m.from ?? null,
      to: m.to ?? null,
    })),
    decisions: { added: diff.decisions.added.map(decision), removed: diff.decisions.removed.map(decision) },
    unreadable: diff.unreadable.map((u) => ({
      at: u.at,
      revision: u.at === 'from' ? diff.range.from : diff.range.to,
      file: u.file,
      line: u.line,
      column: u.column,
      message: u.message,
    })),
  };
  yield* jsonChunks(value);
  yield '\n';
}

// ---- What text and Markdown share: the words of each line and the cells of each table.

function rangeText(range: RevisionRange): string {
  return `${range.from}${range.mergeBase ? '...' : '..'}${range.to}`;
}

/** How a side is named in a sentence: the revision as given, or the merge base. */
function sideName(w: RevisionWords, range: RevisionRange, at: 'from' | 'to'): string {
  if (at === 'to') return range.to;
  return range.mergeBase ? w.mergeBaseOf(range.from, range.to) : range.from;
}

function comparedLine(w: RevisionWords, range: RevisionRange): string {
  const short = (commit: string) => commit.slice(0, 7);
  return w.compared(`${sideName(w, range, 'from')} (${short(range.fromCommit)})`, `${range.to} (${short(range.toCommit)})`);
}

function summaryLine(w: RevisionWords, diff: RevisionDiff): string {
  const counted = (label: string, counts: Partial<Record<Change, number>>) => {
    const parts = (['added', 'removed', 'changed'] as const).filter((k) => (counts[k] ?? 0) > 0).map((k) => `${counts[k]} ${w.change[k]}`);
    return parts.length > 0 ? `${label}: ${parts.join(', ')}` : undefined;
  };
  const closed = diff.states.filter(isClosing).length;
  const parts = [
    counted(w.summary.records, { added: diff.records.added.length, removed: diff.records.removed.length, changed: diff.records.changed.length }),
    counted(w.summary.tasks, { added: diff.tasks.added.length, removed: diff.tasks.removed.length, changed: diff.tasks.changed.length }),
    diff.states.length > 0 ? w.summary.states(diff.states.length, closed) : undefined,
    counted(w.summary.updates, { added: diff.updates.added.length, removed: diff.updates.removed.length, changed: diff.updates.changed.length }),
    diff.metrics.length > 0 ? w.summary.metrics(diff.metrics.length) : undefined,
    counted(w.summary.decisions, { added: diff.decisions.added.length, removed: diff.decisions.removed.length }),
  ].filter((p): p is string => p !== undefined);
  return `${parts.join('. ')}.`;
}

function statusLabel(locale: Locale, status: TaskStatus): string {
  return STATUS_LABELS[locale][status];
}

/** Shows record text as the output needs it: as it is (text), or escaped (Markdown). */
type Escape = (text: string) => string;
const asIs: Escape = (text) => text;

function fieldValue(locale: Locale, change: TaskFieldChange, value: TaskFieldChange['from'], esc: Escape): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return esc(value.join(', '));
  // A due as written: a day, or (v2) a month, quarter, year or count of days.
  if (change.field === 'due') return isCalendarDate(value) ? formatDate(locale, value) : periodRange(value) ? formatPeriod(locale, value) : esc(value);
  if (change.field === 'status') return statusLabel(locale, value as TaskStatus);
  return esc(oneLine(value));
}

function fieldChange(locale: Locale, change: TaskFieldChange, esc: Escape): string {
  return `${fieldValue(locale, change, change.from, esc)} → ${fieldValue(locale, change, change.to, esc)}`;
}

/** Rows of the records table: change, date, title, file, changed keys. */
function recordRows(w: RevisionWords, locale: Locale, diff: RevisionDiff, esc: Escape): { change: Change; cells: string[] }[] {
  const row = (change: Change, r: RevisionDiff['records']['added'][number], keys = '') => ({
    change,
    cells: [w.change[change], formatDate(locale, r.date), esc(oneLine(r.title)), esc(r.file), esc(keys)],
  });
  return [
    ...diff.records.added.map((r) => row('added', r)),
    ...diff.records.removed.map((r) => row('removed', r)),
    ...diff.records.changed.map((r) => row('changed', r, r.keys.join(', '))),
  ];
}

function recordColumns(w: RevisionWords): Column[] {
  const c = w.columns;
  return [{ header: c.change }, { header: c.date }, { header: c.meeting }, { header: c.record }, { header: c.keys }];
}

/**
 * Rows of the tasks table: ID, title, owners, due, status. A changed task
 * shows "old → new" in the column of each changed field; a sector or a
 * move to another record is added to the title cell.
 */
function taskRows(
  w: RevisionWords,
  locale: Locale,
  diff: RevisionDiff,
  ownerCell: (t: RevisionTask) => string,
  esc: Escape,
): { change: Change; cells: string[] }[] {
  const plain = (change: Change, t: RevisionTask) => ({
    change,
    cells: [w.change[change], esc(t.id), esc(oneLine(t.title)), esc(ownerCell(t)), t.due ? formatDate(locale, t.due) : '', statusLabel(locale, t.status)],
  });
  const changed = (t: ChangedTask) => {
    const by = new Map(t.changes.map((c) => [c.field, c]));
    const cell = (field: TaskField) => (by.has(field) ? fieldChange(locale, by.get(field)!, esc) : '');
    const extra = (['sector', 'meeting'] as const).filter((f) => by.has(f)).map((f) => `${w.fields[f]}: ${cell(f)}`);
    const title = by.has('title') ? cell('title') : esc(oneLine(t.title));
    return {
      change: 'changed' as const,
      cells: [w.change.changed, esc(t.id), [title, ...extra].join('; '), cell('owner'), cell('due'), cell('status')],
    };
  };
  return [...diff.tasks.added.map((t) => plain('added', t)), ...diff.tasks.removed.map((t) => plain('removed', t)), ...diff.tasks.changed.map(changed)];
}

function taskColumns(w: RevisionWords): Column[] {
  const c = w.columns;
  return [{ header: c.change }, { header: c.id }, { header: c.task }, { header: c.owners }, { header: c.due }, { header: `${c.status} (${w.fields.status})` }];
}

function stateColumns(w: RevisionWords): Column[] {
  const c = w.columns;
  return [{ header: c.id }, { header: c.task }, { header: c.before }, { header: c.after }];
}

function stateCells(locale: Locale, s: RevisionDiff['states'][number], esc: Escape): string[] {
  return [esc(s.id), esc(oneLine(s.title)), statusLabel(locale, s.from), statusLabel(locale, s.to)];
}

function updateLine(w: RevisionWords, locale: Locale, u: UpdateChange, code: (s: string) => string, esc: Escape): string {
  const change =
    u.before === null ? `${statusLabel(locale, u.status)}; ${w.noEarlierTask}` : `${statusLabel(locale, u.before)} → ${statusLabel(locale, u.status)}`;
  const task = u.taskTitle ? `${code(u.task)} (${esc(oneLine(u.taskTitle))})` : code(u.task);
  return `${w.updateLine(task, change, esc(u.file))}${u.note ? ` — ${esc(oneLine(u.note))}` : ''}`;
}

/** An update rewritten in its record: the status (and note) it said, then what it says now. */
function rewrittenLine(w: RevisionWords, locale: Locale, u: ChangedUpdate, code: (s: string) => string, esc: Escape): string {
  const task = u.taskTitle ? `${code(u.task)} (${esc(oneLine(u.taskTitle))})` : code(u.task);
  const note = u.note !== u.was.note && u.note ? ` — ${esc(oneLine(u.note))}` : '';
  return `${w.updateLine(task, `${statusLabel(locale, u.was.status)} → ${statusLabel(locale, u.status)}`, esc(u.file))}${note}`;
}

function metricColumns(w: RevisionWords): Column[] {
  const c = w.columns;
  return [{ header: c.metric }, { header: c.unit }, { header: c.before, align: 'right' }, { header: c.after, align: 'right' }, { header: c.record }];
}

function metricCells(locale: Locale, m: RevisionDiff['metrics'][number], esc: Escape): string[] {
  const number = (v: number | undefined) => (v === undefined ? '—' : formatExact(locale, v));
  return [esc(oneLine(m.label)), esc(m.unit ?? ''), number(m.from), number(m.to), esc(m.file)];
}

function decisionLines(w: RevisionWords, locale: Locale, diff: RevisionDiff, escape: Escape): string[] {
  const line = (change: Change, d: RevisionDiff['decisions']['added'][number]) =>
    `${w.change[change]}: ${escape(oneLine(d.text))} (${formatDate(locale, d.date)}, ${escape(d.file)})`;
  return [...diff.decisions.added.map((d) => line('added', d)), ...diff.decisions.removed.map((d) => line('removed', d))];
}

function unreadableLines(w: RevisionWords, diff: RevisionDiff, escape: Escape): string[] {
  return diff.unreadable.map(
    (u) => `${escape(u.file)}:${u.line}:${u.column}: ${escape(w.couldNotRead(sideName(w, diff.range, u.at)))}: ${escape(oneLine(u.message))}`,
  );
}

// ---- Markdown: for $GITHUB_STEP_SUMMARY or a pull-request comment.

export function renderRevisionDiffMarkdown(given: RevisionDiff, options: RevisionDiffRenderOptions): string {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const diff = visibleDeep(given);
  const { locale } = options;
  const w = WORDS[locale];
  const out: string[] = [`### ${markdownText(w.heading(rangeText(diff.range)))}`, ''];
  const unreadable = unreadableLines(w, diff, markdownText);
  const unreadableSection = unreadable.length > 0 ? ['', `#### ${w.sections.unreadable}`, '', ...unreadable.map((l) => `- ${l}`)] : [];
  if (isEmptyRevisionDiff(diff)) {
    out.push(w.none, ...unreadableSection);
    return `${out.join('\n')}\n`;
  }
  out.push(`${markdownText(comparedLine(w, diff.range))} ${summaryLine(w, diff)}`);

  const section = (heading: string, body: string) => out.push('', `#### ${heading}`, '', body);
  const records = recordRows(w, locale, diff, markdownText);
  if (records.length > 0)
    section(
      w.sections.records,
      markdownTable(
        recordColumns(w),
        records.map((r) => r.cells),
      ),
    );
  if (diff.states.length > 0)
    section(
      w.sections.states,
      markdownTable(
        stateColumns(w),
        diff.states.map((s) => stateCells(locale, s, markdownText)),
      ),
    );
  // Task ids are letters, digits, ".", "_" and "-": nothing that could close the code span.
  const code = (s: string) => `\`${s}\``;
  const updates = [
    ...diff.updates.added.map((u) => `- ${updateLine(w, locale, u, code, markdownText)}`),
    ...diff.updates.removed.map((u) => `- ${w.change.removed}: ${updateLine(w, locale, u, code, markdownText)}`),
    ...diff.updates.changed.map((u) => `- ${w.change.changed}: ${rewrittenLine(w, locale, u, code, markdownText)}`),
  ];
  if (updates.length > 0) section(w.sections.updates, updates.join('\n'));
  const tasks = taskRows(w, locale, diff, (t) => t.ownerNames.map(oneLine).join(', '), markdownText);
  if (tasks.length > 0)
    section(
      w.sections.tasks,
      markdownTable(
        taskColumns(w),
        tasks.map((t) => t.cells),
      ),
    );
  if (diff.metrics.length > 0)
    section(
      w.sections.metrics,
      markdownTable(
        metricColumns(w),
        diff.metrics.map((m) => metricCells(locale, m, markdownText)),
      ),
    );
  const decisions = decisionLines(w, locale, diff, markdownText);
  if (decisions.length > 0) section(w.sections.decisions, decisions.map((l) => `- ${l}`).join('\n'));
  out.push(...unreadableSection);
  return `${out.join('\n')}\n`;
}

// ---- Text: aligned tables; added in green, removed in red, unreadable in yellow.

export function renderRevisionDiffText(given: RevisionDiff, options: RevisionDiffRenderOptions, c: ChalkInstance): string {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const diff = visibleDeep(given);
  const { locale } = options;
  const w = WORDS[locale];
  const indent = (block: string) =>
    block
      .split('\n')
      .map((l) => (l === '' ? l : `  ${l}`))
      .join('\n');
  const paintOf: Record<Change, (s: string) => string> = { added: c.green, removed: c.red, changed: (s) => s };
  // Colour whole rows after aligning, so escape codes never skew the widths.
  const table = (columns: Column[], rows: { cells: string[]; paint?: (s: string) => string }[]) => {
    const [header, ...lines] = textTable(
      columns,
      rows.map((r) => r.cells),
    ).split('\n');
    return [c.dim(header!), ...lines.map((l, i) => (rows[i]!.paint ? rows[i]!.paint!(l) : l))].join('\n');
  };
  const out: string[] = [c.bold(w.heading(rangeText(diff.range)))];
  const unreadable = unreadableLines(w, diff, asIs);
  const unreadableSection = unreadable.length > 0 ? ['', c.bold(c.yellow(w.sections.unreadable)), indent(unreadable.map((l) => c.yellow(l)).join('\n'))] : [];
  if (isEmptyRevisionDiff(diff)) {
    out.push(w.none, ...unreadableSection);
    return `${out.join('\n')}\n`;
  }
  out.push(comparedLine(w, diff.range), summaryLine(w, diff));

  const section = (heading: string, body: string) => out.push('', c.bold(heading), indent(body));
  const records = recordRows(w, locale, diff, asIs);
  if (records.length > 0)
    section(
      w.sections.records,
      table(
        recordColumns(w),
        records.map((r) => ({ cells: r.cells, paint: paintOf[r.change] })),
      ),
    );
  if (diff.states.length > 0) {
    section(
      w.sections.states,
      table(
        stateColumns(w),
        diff.states.map((s) => ({ cells: stateCells(locale, s, asIs), ...(isClosing(s) ? { paint: c.green } : {}) })),
      ),
    );
  }
  const updates = [
    ...diff.updates.added.map((u) => c.green(updateLine(w, locale, u, asIs, asIs))),
    ...diff.updates.removed.map((u) => c.red(`${w.change.removed}: ${updateLine(w, locale, u, asIs, asIs)}`)),
    ...diff.updates.changed.map((u) => c.yellow(`${w.change.changed}: ${rewrittenLine(w, locale, u, asIs, asIs)}`)),
  ];
  if (updates.length > 0) section(w.sections.updates, updates.join('\n'));
  const tasks = taskRows(w, locale, diff, (t) => t.ownerNames.map(oneLine).join(', '), asIs);
  if (tasks.length > 0)
    section(
      w.sections.tasks,
      table(
        taskColumns(w),
        tasks.map((t) => ({ cells: t.cells, paint: paintOf[t.change] })),
      ),
    );
  if (diff.metrics.length > 0)
    section(
      w.sections.metrics,
      table(
        metricColumns(w),
        diff.metrics.map((m) => ({ cells: metricCells(locale, m, asIs) })),
      ),
    );
  const decisions = decisionLines(w, locale, diff, asIs);
  if (decisions.length > 0) section(w.sections.decisions, decisions.join('\n'));
  out.push(...unreadableSection);
  return `${out.join('\n')}\n`;
}
