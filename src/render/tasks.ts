// The task list as a terminal table, Markdown, JSON and CSV. Text and
// Markdown speak the repository's language; JSON and CSV are for programs
// (ISO dates, status ids, owner ids).
import type { ChalkInstance } from 'chalk';
import { jsonText, oneLine, visibleDeep } from '../model/text.js';
import type { TaskList, TaskRow } from '../model/tasks.js';
import type { Config } from '../model/schema.js';
import { formatDate, formatDue, formatNumber, STATUS_LABELS } from './locale.js';
import { csvTable, markdownTable, markdownText, textTable, type Column } from './table.js';
import type { Locale } from '../model/terms.js';

const HEADERS: Record<
  Locale,
  { id: string; title: string; owners: string; due: string; status: string; overdue: string; meeting: string; directedBy: string }
> = {
  vi: {
    id: 'Mã',
    title: 'Nhiệm vụ',
    owners: 'Đơn vị thực hiện',
    due: 'Hạn',
    status: 'Tình trạng',
    overdue: 'Quá hạn (ngày)',
    meeting: 'Hội nghị giao',
    directedBy: 'Chỉ đạo',
  },
  en: { id: 'ID', title: 'Task', owners: 'Owners', due: 'Due', status: 'Status', overdue: 'Days overdue', meeting: 'Assigned at', directedBy: 'Directed by' },
};

function localCells(row: TaskRow, locale: Locale) {
  return {
    id: row.id,
    title: oneLine(row.title),
    owners: row.owners.join(', '),
    due: formatDue(locale, row),
    directedBy: row.directedBy ? oneLine(row.directedBy) : '',
    status: STATUS_LABELS[locale][row.status],
    overdue: row.overdueDays > 0 ? formatNumber(locale, row.overdueDays) : '',
    meeting: formatDate(locale, row.meeting.date),
  };
}

/** A "directed by" column only when some task says who directed it. */
function directed(list: TaskList): boolean {
  return list.rows.some((r) => r.directedBy);
}

/**
 * Aligned columns; the title goes last so a long one runs on without
 * pushing the other columns apart. Overdue rows red, closed ones dim.
 */
export function renderTasksText(given: TaskList, config: Config, c: ChalkInstance): string {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const list = visibleDeep(given);
  const h = HEADERS[config.locale];
  // Once, not per row: a list of 30,000 tasks made it quadratic.
  const withDirected = directed(list);
  const columns: Column[] = [
    { header: h.id },
    { header: h.due },
    { header: h.status },
    { header: h.overdue, align: 'right' },
    { header: h.owners },
    { header: h.meeting },
    ...(withDirected ? [{ header: h.directedBy }] : []),
    { header: h.title },
  ];
  const rows = list.rows.map((row) => {
    const cells = localCells(row, config.locale);
    return [cells.id, cells.due, cells.status, cells.overdue, cells.owners, cells.meeting, ...(withDirected ? [cells.directedBy] : []), cells.title];
  });
  const [header, ...lines] = textTable(columns, rows).split('\n');
  const styled = lines.map((line, i) => {
    const row = list.rows[i]!;
    if (row.overdueDays > 0) return c.red(line);
    if (row.status === 'done' || row.status === 'dropped') return c.dim(line);
    return line;
  });
  return [c.bold(header!), ...styled].join('\n');
}

/** The count line (stderr): what was listed, on which day. */
export function renderTasksSummary(list: TaskList): string {
  const when = list.month ? `at the end of ${list.month} (${list.day})` : `on ${list.day}`;
  const count = list.rows.length;
  if (count === 0) return `No tasks match ${when}.`;
  const overdue = list.rows.filter((r) => r.overdueDays > 0).length;
  return `${count} ${count === 1 ? 'task' : 'tasks'} ${when}, ${overdue} overdue.`;
}

export function renderTasksMarkdown(given: TaskList, config: Config): string {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const list = visibleDeep(given);
  const h = HEADERS[config.locale];
  const withDirected = directed(list);
  const columns: Column[] = [
    { header: h.id },
    { header: h.title },
    { header: h.owners },
    { header: h.due },
    { header: h.status },
    { header: h.overdue, align: 'right' },
    { header: h.meeting },
    ...(withDirected ? [{ header: h.directedBy }] : []),
  ];
  const rows = list.rows.map((row) => {
    const cells = localCells(row, config.locale);
    return [
      markdownText(cells.id),
      markdownText(cells.title),
      markdownText(cells.owners),
      cells.due,
      cells.status,
      cells.overdue,
      cells.meeting,
      ...(withDirected ? [markdownText(cells.directedBy)] : []),
    ];
  });
  return markdownTable(columns, rows);
}

/**
 * JSON: an array, one object per task:
 * `{ id, title, owners: string[] (lead first), due: "YYYY-MM-DD" | null (the resolved deadline),
 *    dueAsWritten: string | {working_days} | {days} | null, recurring: boolean, directedBy: string | null,
 *    status: "open" | "in-progress" | "done" | "dropped", overdueDays: number (0 when not overdue),
 *    meeting: { date: "YYYY-MM-DD", title, file (relative to the repository root) } }`
 */
export function renderTasksJson(list: TaskList): string {
  const rows = list.rows.map((row) => ({
    id: row.id,
    title: row.title,
    owners: row.owners,
    due: row.due ?? null,
    dueAsWritten: row.dueAsWritten ?? null,
    recurring: row.recurring ?? false,
    directedBy: row.directedBy ?? null,
    status: row.status,
    overdueDays: row.overdueDays,
    meeting: { date: row.meeting.date, title: row.meeting.title, file: row.meeting.file },
  }));
  return jsonText(rows);
}

const CSV_HEADERS = ['id', 'title', 'owners', 'due', 'status', 'overdue_days', 'meeting_date', 'meeting_title', 'meeting_file'];

/** RFC 4180 with a header row; owners joined by ";", dates ISO, status ids. */
export function renderTasksCsv(given: TaskList): string {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const list = visibleDeep(given);
  const rows = list.rows.map((row) => [
    row.id,
    row.title,
    row.owners.join(';'),
    row.due ?? '',
    row.status,
    String(row.overdueDays),
    row.meeting.date,
    row.meeting.title,
    row.meeting.file,
  ]);
  return csvTable(CSV_HEADERS, rows);
}
