// A month diff as text for a terminal, Markdown, or JSON (docs/diff-json.md).
// Text and Markdown show the same data in the repository's language.
import type { ChalkInstance } from 'chalk';
import type { Month } from '../model/dates.js';
import type { DiffTask, MonthDiff } from '../domain/monthDiff.js';
import type { FigureMarks } from '../model/report.js';
import { dueCells, formatDate, formatDay, formatExact, formatMonth, formatNumber, KIND_LABELS, STATUS_LABELS } from './locale.js';
import { markdownId, markdownTableChunks, markdownText, textTable, type Column } from './table.js';
import type { Locale } from '../model/terms.js';
import { jsonChunks, MappedList, oneLine, visible, visibleDeep, type RowList } from '../model/text.js';
import { counted } from '../model/format.js';
import { meetingJson } from '../model/tasks.js';
import { markedFigure, titleWithOrganization } from './reportWords.js';

export interface DiffRenderOptions {
  locale: Locale;
  organization: string;
}

type TaskCategory = keyof MonthDiff['tasks'];
const CATEGORIES: readonly TaskCategory[] = ['opened', 'closed', 'dropped', 'carried', 'newlyOverdue'];

interface DiffWords {
  title: (from: Month, to: Month) => string;
  asOf: (fromDay: string, toDay: string) => string;
  heading: Record<TaskCategory, string>;
  /** Counts in the summary line: "6 opened". */
  counted: Record<TaskCategory, string>;
  tasks: string;
  metrics: string;
  meetingsOf: (month: Month) => string;
  decisionsOf: (month: Month) => string;
  none: string;
  unknown: string;
  /** After a change in percentage points. */
  points: string;
  days: (n: number) => string;
  columns: {
    id: string;
    task: string;
    owners: string;
    due: string;
    status: string;
    overdue: string;
    metric: string;
    unit: string;
    change: string;
    percent: string;
    date: string;
    kind: string;
    meeting: string;
    chair: string;
    file: string;
  };
}

const DIFF_WORDS: Record<Locale, DiffWords> = {
  vi: {
    title: (from, to) => `So sánh ${formatMonth('vi', from)} với ${formatMonth('vi', to)}`,
    asOf: (fromDay, toDay) => `Tình trạng nhiệm vụ tính đến hết ${formatDay('vi', fromDay)} và ${formatDay('vi', toDay)}.`,
    heading: {
      opened: 'Nhiệm vụ giao mới',
      closed: 'Nhiệm vụ đã hoàn thành',
      dropped: 'Nhiệm vụ dừng thực hiện',
      carried: 'Nhiệm vụ chuyển tiếp',
      newlyOverdue: 'Nhiệm vụ mới quá hạn',
    },
    counted: { opened: 'giao mới', closed: 'hoàn thành', dropped: 'dừng thực hiện', carried: 'chuyển tiếp', newlyOverdue: 'mới quá hạn' },
    tasks: 'Nhiệm vụ',
    metrics: 'Chỉ tiêu',
    meetingsOf: (month) => `Hội nghị ${formatMonth('vi', month)}`,
    decisionsOf: (month) => `Quyết định của các hội nghị ${formatMonth('vi', month)}`,
    none: 'Không có.',
    unknown: '—',
    points: ' điểm %',
    days: (n) => `${formatNumber('vi', n)} ngày`,
    columns: {
      id: 'Mã',
      task: 'Nhiệm vụ',
      owners: 'Cơ quan được giao',
      due: 'Hạn',
      status: 'Tình trạng',
      overdue: 'Quá hạn',
      metric: 'Chỉ tiêu',
      unit: 'Đơn vị',
      change: 'Thay đổi',
      percent: '%',
      date: 'Ngày',
      kind: 'Loại',
      meeting: 'Hội nghị',
      chair: 'Chủ trì',
      file: 'Biên bản',
    },
  },
  en: {
    title: (from, to) => `${formatMonth('en', from)} compared with ${formatMonth('en', to)}`,
    asOf: (fromDay, toDay) => `Task states at the end of ${formatDay('en', fromDay)} and ${formatDay('en', toDay)}.`,
    heading: {
      opened: 'Tasks opened',
      closed: 'Tasks done',
      dropped: 'Tasks dropped',
      carried: 'Tasks carried over',
      newlyOverdue: 'Tasks newly overdue',
    },
    counted: { opened: 'opened', closed: 'done', dropped: 'dropped', carried: 'carried over', newlyOverdue: 'newly overdue' },
    tasks: 'Tasks',
    metrics: 'Metrics',
    meetingsOf: (month) => `Meetings of ${formatMonth('en', month)}`,
    decisionsOf: (month) => `Decisions of ${formatMonth('en', month)}`,
    none: 'None.',
    unknown: '—',
    points: ' pp',
    days: (n) => counted('en', n, { one: 'day', other: 'days' }),
    columns: {
      id: 'ID',
      task: 'Task',
      owners: 'Owners',
      due: 'Due',
      status: 'Status',
      overdue: 'Overdue',
      metric: 'Metric',
      unit: 'Unit',
      change: 'Change',
      percent: '%',
      date: 'Date',
      kind: 'Kind',
      meeting: 'Meeting',
      chair: 'Chair',
      file: 'Record',
    },
  },
};

// ---- JSON: a stable shape, documented in docs/diff-json.md; unknown values are null.

export function* renderDiffJson(diff: MonthDiff): Generator<string, void, undefined> {
  const task = (t: DiffTask) => ({
    id: t.id,
    title: t.title,
    owners: t.owners,
    ownerNames: t.ownerNames,
    sector: t.sector ?? null,
    due: t.due ?? null,
    dueAsWritten: t.dueAsWritten ?? null,
    recurring: t.recurring ?? false,
    directedBy: t.directedBy ?? null,
    status: t.status,
    statusBefore: t.statusBefore ?? null,
    overdueDays: t.overdueDays,
    meeting: meetingJson(t.meeting),
  });
  const value = {
    from: diff.from,
    to: diff.to,
    // Each row made as it is written (MappedList).
    tasks: {
      opened: new MappedList(diff.tasks.opened, task),
      closed: new MappedList(diff.tasks.closed, task),
      dropped: new MappedList(diff.tasks.dropped, task),
      carried: new MappedList(diff.tasks.carried, task),
      newlyOverdue: new MappedList(diff.tasks.newlyOverdue, task),
    },
    metrics: diff.metrics.map((m) => ({
      id: m.id,
      label: m.label,
      unit: m.unit ?? null,
      sector: m.sector,
      from: m.from ?? null,
      to: m.to ?? null,
      change: m.change ?? null,
      percent: m.percent ?? null,
      points: m.points ?? null,
      organization: m.organization,
      fromEstimate: m.fromMarks?.estimate ?? false,
      fromQualifier: m.fromMarks?.qualifier ?? null,
      toEstimate: m.toMarks?.estimate ?? false,
      toQualifier: m.toMarks?.qualifier ?? null,
    })),
    meetings: diff.meetings.map((m) => ({ date: m.date, kind: m.kind, title: m.title, chair: m.chair, file: m.file, organization: m.organization })),
    decisions: diff.decisions.map((d) => ({ text: d.text, date: d.date, file: d.file, organization: d.organization })),
  };
  yield* jsonChunks(value);
  yield '\n';
}

// ---- Cells shared by text and Markdown.

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function statusCell(locale: Locale, task: DiffTask): string {
  const labels = STATUS_LABELS[locale];
  return task.statusBefore && task.statusBefore !== task.status ? `${labels[task.statusBefore]} → ${labels[task.status]}` : labels[task.status];
}

/** With its sign; every digit unless `fractionDigits` says. */
function signed(locale: Locale, value: number, fractionDigits?: number): string {
  return `${value > 0 ? '+' : ''}${fractionDigits === undefined ? formatExact(locale, value) : formatNumber(locale, value, fractionDigits)}`;
}

function metricCells(locale: Locale, metric: MonthDiff['metrics'][number], esc: (text: string) => string = (text) => text): string[] {
  const w = DIFF_WORDS[locale];
  const number = (v: number | undefined, marks?: FigureMarks) => (v === undefined ? w.unknown : markedFigure(locale, v, marks));
  const change = metric.change === undefined ? w.unknown : `${signed(locale, metric.change)}${metric.points !== undefined ? w.points : ''}`;
  return [
    esc(metric.organization ? `${metric.label} (${metric.organization})` : metric.label),
    esc(metric.unit ?? ''),
    number(metric.from, metric.fromMarks),
    number(metric.to, metric.toMarks),
    change,
    metric.percent === undefined ? w.unknown : `${signed(locale, metric.percent, 1)}%`,
  ];
}

function metricColumns(locale: Locale, diff: MonthDiff): Column[] {
  const c = DIFF_WORDS[locale].columns;
  return [
    { header: c.metric },
    { header: c.unit },
    { header: capitalize(formatMonth(locale, diff.from)), align: 'right' },
    { header: capitalize(formatMonth(locale, diff.to)), align: 'right' },
    { header: c.change, align: 'right' },
    { header: c.percent, align: 'right' },
  ];
}

function summaryLine(locale: Locale, diff: MonthDiff): string {
  const w = DIFF_WORDS[locale];
  return `${w.tasks}: ${CATEGORIES.map((k) => `${formatNumber(locale, diff.tasks[k].length)} ${w.counted[k]}`).join(', ')}.`;
}

// ---- Text: aligned tables, closed tasks in green and newly overdue in red.

export function renderDiffText(given: MonthDiff, options: DiffRenderOptions, c: ChalkInstance): string {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const diff = visibleDeep(given);
  const { locale } = options;
  const w = DIFF_WORDS[locale];
  const indent = (block: string) =>
    block
      .split('\n')
      .map((l) => (l === '' ? l : `  ${l}`))
      .join('\n');
  const section = (heading: string, body: string) => `${heading}\n${indent(body)}`;
  // Colour whole rows after aligning, so escape codes never skew the widths.
  const tableWithRows = (columns: Column[], rows: string[][], paint?: (s: string) => string) => {
    if (rows.length === 0) return w.none;
    const [header, ...lines] = textTable(columns, rows).split('\n');
    return [c.dim(header!), ...lines.map((l) => (paint ? paint(l) : l))].join('\n');
  };
  const paintOf: Partial<Record<TaskCategory, ChalkInstance>> = { closed: c.green, dropped: c.dim, newlyOverdue: c.red };
  const due = dueCells(locale);

  const out: string[] = [];
  out.push(c.bold(`${w.title(diff.from, diff.to)}${options.organization ? ` — ${visible(options.organization)}` : ''}`));
  out.push(w.asOf(diff.fromDay, diff.toDay));
  out.push(summaryLine(locale, diff));

  const taskColumns: Column[] = [
    { header: w.columns.id },
    { header: w.columns.due },
    { header: w.columns.status },
    { header: w.columns.overdue, align: 'right' },
    { header: w.columns.owners },
    { header: w.columns.task },
  ];
  for (const category of CATEGORIES) {
    const tasks = diff.tasks[category];
    const paint = paintOf[category];
    const heading = `${w.heading[category]} (${formatNumber(locale, tasks.length)})`;
    const rows = tasks.map((t) => [t.id, due(t), statusCell(locale, t), t.overdueDays > 0 ? w.days(t.overdueDays) : '', t.ownerNames.join(', '), t.title]);
    out.push('', section(c.bold(paint ? paint(heading) : heading), tableWithRows(taskColumns, rows, paint)));
  }

  out.push(
    '',
    section(
      c.bold(w.metrics),
      tableWithRows(
        metricColumns(locale, diff),
        diff.metrics.map((m) => metricCells(locale, m)),
      ),
    ),
  );

  const meetingColumns: Column[] = [{ header: w.columns.date }, { header: w.columns.kind }, { header: w.columns.chair }, { header: w.columns.meeting }];
  const meetingRows = diff.meetings.map((m) => [
    formatDate(locale, m.date),
    KIND_LABELS[locale][m.kind],
    m.chair,
    titleWithOrganization(m.title, m.organization),
  ]);
  out.push('', section(c.bold(w.meetingsOf(diff.to)), tableWithRows(meetingColumns, meetingRows)));

  const decisions =
    diff.decisions.length === 0
      ? w.none
      : diff.decisions.map((d) => `- ${d.text} (${d.organization ? `${d.organization}, ` : ''}${formatDate(locale, d.date)})`).join('\n');
  out.push('', section(c.bold(w.decisionsOf(diff.to)), decisions));
  return `${out.join('\n')}\n`;
}

// ---- Markdown: headed sections and tables.

/** In pieces of about 8 Ki characters, each task's row made as it is written (a diff at 100k records carries 300,000 tasks). */
export function* renderDiffMarkdown(given: MonthDiff, options: DiffRenderOptions): Generator<string, void, undefined> {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const diff = visibleDeep(given);
  const { locale } = options;
  const w = DIFF_WORDS[locale];
  const due = dueCells(locale);
  function* section<T>(heading: string, columns: Column[], rows: RowList<T>, cells: (row: T) => string[]): Generator<string, void, undefined> {
    yield `\n\n## ${heading}\n\n`;
    if (rows.length === 0) yield w.none;
    else yield* markdownTableChunks(columns, rowsOf(rows, cells));
  }

  const intro = [options.organization ? `${markdownText(oneLine(visible(options.organization)))}.` : '', w.asOf(diff.fromDay, diff.toDay)]
    .filter(Boolean)
    .join(' ');
  yield [`# ${w.title(diff.from, diff.to)}`, '', intro, '', summaryLine(locale, diff)].join('\n');

  const taskColumns: Column[] = [
    { header: w.columns.id },
    { header: w.columns.task },
    { header: w.columns.owners },
    { header: w.columns.due },
    { header: w.columns.status },
    { header: w.columns.overdue, align: 'right' },
  ];
  for (const category of CATEGORIES) {
    const tasks = diff.tasks[category];
    yield* section(`${w.heading[category]} (${formatNumber(locale, tasks.length)})`, taskColumns, tasks, (t) => [
      markdownId(t.id),
      markdownText(t.title),
      markdownText(t.ownerNames.join(', ')),
      due(t),
      statusCell(locale, t),
      t.overdueDays > 0 ? w.days(t.overdueDays) : '',
    ]);
  }

  yield* section(w.metrics, metricColumns(locale, diff), diff.metrics, (m) => metricCells(locale, m, markdownText));

  const meetingColumns: Column[] = [
    { header: w.columns.date },
    { header: w.columns.kind },
    { header: w.columns.meeting },
    { header: w.columns.chair },
    { header: w.columns.file },
  ];
  yield* section(w.meetingsOf(diff.to), meetingColumns, diff.meetings, (m) => [
    formatDate(locale, m.date),
    KIND_LABELS[locale][m.kind],
    markdownText(titleWithOrganization(m.title, m.organization)),
    markdownText(m.chair),
    markdownText(m.file),
  ]);

  const decisions =
    diff.decisions.length === 0
      ? w.none
      : diff.decisions
          .map((d) => `- ${markdownText(d.text)} (${d.organization ? `${markdownText(d.organization)}, ` : ''}${formatDay(locale, d.date)})`)
          .join('\n');
  yield `\n\n## ${w.decisionsOf(diff.to)}\n\n${decisions}\n`;
}

function* rowsOf<T>(rows: Iterable<T>, cells: (row: T) => string[]): Generator<string[], void, undefined> {
  for (const row of rows) yield cells(row);
}
