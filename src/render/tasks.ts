// The task list as a terminal table, Markdown, JSON and CSV. Text and
// Markdown speak the repository's language and name owners by their names;
// JSON and CSV are for programs (ISO dates, status ids, owner ids; CSV has
// the names too).
import type { ChalkInstance } from 'chalk';
import { oneLine } from '../model/text.js';
import type { TaskList, TaskRow } from '../model/tasks.js';
import type { Config } from '../model/schema.js';
import { formatDate, formatMonth, formatNumber, STATUS_LABELS } from './locale.js';
import { messages } from '../model/messages/index.js';
import { csvTable, markdownTable, textTable, type Column } from './table.js';
import type { Locale } from '../model/terms.js';

const HEADERS = (locale: Locale) => messages(locale).tasks.headers;

/** Owner names from the config, the lead first (the id of an owner it does not declare). */
function ownerNames(row: TaskRow, config: Config): string[] {
  return row.owners.map((o) => (Object.hasOwn(config.owners, o) ? config.owners[o]! : o));
}

function localCells(row: TaskRow, locale: Locale, config: Config) {
  return {
    id: row.id,
    title: oneLine(row.title),
    owners: ownerNames(row, config).map(oneLine).join(', '),
    due: row.due ? formatDate(locale, row.due) : '',
    status: STATUS_LABELS[locale][row.status],
    overdue: row.overdueDays > 0 ? formatNumber(locale, row.overdueDays) : '',
    meeting: formatDate(locale, row.meeting.date),
  };
}

/**
 * Aligned columns; the title goes last so a long one runs on without
 * pushing the other columns apart. Overdue rows red, closed ones dim.
 */
export function renderTasksText(list: TaskList, config: Config, c: ChalkInstance): string {
  const locale = list.locale ?? config.locale;
  const h = HEADERS(locale);
  const columns: Column[] = [
    { header: h.id },
    { header: h.due },
    { header: h.status },
    { header: h.overdue, align: 'right' },
    { header: h.owners },
    { header: h.meeting },
    { header: h.title },
  ];
  const rows = list.rows.map((row) => {
    const cells = localCells(row, locale, config);
    return [cells.id, cells.due, cells.status, cells.overdue, cells.owners, cells.meeting, cells.title];
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

/** The count line (stderr): what was listed, on which day, in the locale's words and dates. */
export function renderTasksSummary(list: TaskList, locale: Locale = list.locale ?? 'en'): string {
  const m = messages(locale).tasks;
  const day = formatDate(locale, list.day);
  const when = list.month ? m.atEndOf(formatMonth(locale, list.month), day) : m.onDay(day);
  const count = list.rows.length;
  if (count === 0) return m.noneMatch(when);
  return m.summary(count, when, list.rows.filter((r) => r.overdueDays > 0).length);
}

export function renderTasksMarkdown(list: TaskList, config: Config): string {
  const locale = list.locale ?? config.locale;
  const h = HEADERS(locale);
  const columns: Column[] = [
    { header: h.id },
    { header: h.title },
    { header: h.owners },
    { header: h.due },
    { header: h.status },
    { header: h.overdue, align: 'right' },
    { header: h.meeting },
  ];
  const rows = list.rows.map((row) => {
    const cells = localCells(row, locale, config);
    return [cells.id, cells.title, cells.owners, cells.due, cells.status, cells.overdue, cells.meeting];
  });
  return markdownTable(columns, rows);
}

/**
 * JSON: an array, one object per task:
 * `{ id, title, owners: string[] (lead first), due: "YYYY-MM-DD" | null,
 *    status: "open" | "in-progress" | "done" | "dropped", overdueDays: number (0 when not overdue),
 *    meeting: { date: "YYYY-MM-DD", title, file (relative to the repository root) } }`
 */
export function renderTasksJson(list: TaskList): string {
  const rows = list.rows.map((row) => ({
    id: row.id,
    title: row.title,
    owners: row.owners,
    due: row.due ?? null,
    status: row.status,
    overdueDays: row.overdueDays,
    meeting: { date: row.meeting.date, title: row.meeting.title, file: row.meeting.file },
  }));
  return JSON.stringify(rows, null, 2);
}

const CSV_HEADERS = ['id', 'title', 'owners', 'owner_names', 'due', 'status', 'overdue_days', 'meeting_date', 'meeting_title', 'meeting_file'];

/** RFC 4180 with a header row; owner ids and names joined by ";", dates ISO, status ids. */
export function renderTasksCsv(list: TaskList, config?: Config): string {
  const rows = list.rows.map((row) => [
    row.id,
    row.title,
    row.owners.join(';'),
    (config ? ownerNames(row, config) : row.owners).join(';'),
    row.due ?? '',
    row.status,
    String(row.overdueDays),
    row.meeting.date,
    row.meeting.title,
    row.meeting.file,
  ]);
  return csvTable(CSV_HEADERS, rows);
}
