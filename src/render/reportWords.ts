// The report's generated words in each language, and the number and name
// formats every report renderer shares, so text, Markdown and HTML agree.
import { lastDayOf, type Month } from '../model/dates.js';
import type { Report, ReportMetric, ReportTask } from '../model/report.js';
import type { Column } from './table.js';
import { formatDate, formatMonth, formatNumber } from './locale.js';
import type { Locale } from '../model/terms.js';

export type TaskListKey = keyof Report['tasks'];

export interface ReportWords {
  title: (month: Month) => string;
  sections: { meetings: string; results: string; decisions: string; tasks: string; owners: string };
  empty: { meetings: string; results: string; decisions: string; tasks: string; owners: string };
  taskLists: (report: Report) => Record<TaskListKey, string>;
  /** Short labels for the one-line task summary. */
  taskCounts: (report: Report) => Record<TaskListKey, string>;
  meetingColumns: { date: string; kind: string; title: string; chair: string };
  metricColumns: { label: string; unit: string; change: string; percent: string };
  taskColumns: { task: string; lead: string; with: string; due: string; status: string; overdue: string; id: string; note: string };
  ownerColumns: { owner: string; assigned: string; completed: string; open: string; overdue: string };
  ownerNote: string;
  lead: string;
  note: string;
  days: (count: number) => string;
  /** A month as a column header: "Tháng 10/2020", "Oct 2020". */
  monthColumn: (month: Month) => string;
}

const EN_SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const REPORT_WORDS: Record<Locale, ReportWords> = {
  vi: {
    title: (month) => `Báo cáo kết quả ${formatMonth('vi', month)}`,
    sections: {
      meetings: 'Các cuộc họp trong tháng',
      results: 'Kết quả theo lĩnh vực',
      decisions: 'Các quyết định được thông qua',
      tasks: 'Nhiệm vụ',
      owners: 'Theo cơ quan được giao',
    },
    empty: {
      meetings: 'Không có cuộc họp nào trong tháng.',
      results: 'Không có kết quả nào được báo cáo trong tháng.',
      decisions: 'Không có quyết định nào được thông qua trong tháng.',
      tasks: 'Không có nhiệm vụ nào.',
      owners: 'Không có cơ quan nào có nhiệm vụ trong tháng.',
    },
    taskLists: (r) => ({
      assigned: 'Giao trong tháng',
      completed: 'Hoàn thành hoặc dừng thực hiện trong tháng',
      carried: 'Chưa hoàn thành, chuyển từ các tháng trước',
      overdue: `Quá hạn tính đến ngày ${formatDate('vi', lastDayOf(r.month))}`,
      dueNext: `Đến hạn trong ${formatMonth('vi', r.nextMonth)}`,
    }),
    taskCounts: (r) => ({
      assigned: 'Giao mới',
      completed: 'Kết thúc',
      carried: 'Chuyển tiếp',
      overdue: 'Quá hạn',
      dueNext: `Đến hạn ${formatMonth('vi', r.nextMonth)}`,
    }),
    meetingColumns: { date: 'Ngày', kind: 'Loại', title: 'Tiêu đề', chair: 'Chủ trì' },
    metricColumns: { label: 'Chỉ tiêu', unit: 'Đơn vị', change: 'Thay đổi', percent: '%' },
    taskColumns: { task: 'Nhiệm vụ', lead: 'Chủ trì', with: 'Phối hợp', due: 'Hạn', status: 'Tình trạng', overdue: 'Quá hạn', id: 'Mã', note: 'Ghi chú' },
    ownerColumns: { owner: 'Cơ quan', assigned: 'Giao trong tháng', completed: 'Kết thúc', open: 'Chưa hoàn thành', overdue: 'Quá hạn' },
    ownerNote: 'Mỗi nhiệm vụ được tính cho mọi cơ quan được giao (chủ trì và phối hợp).',
    lead: 'chủ trì',
    note: 'Ghi chú',
    days: (n) => `${formatNumber('vi', n)} ngày`,
    monthColumn: (month) => {
      const [y, m] = month.split('-').map(Number) as [number, number];
      return `Tháng ${m}/${y}`;
    },
  },
  en: {
    title: (month) => `Monthly report: ${formatMonth('en', month)}`,
    sections: {
      meetings: 'Meetings this month',
      results: 'Results by sector',
      decisions: 'Decisions adopted',
      tasks: 'Tasks',
      owners: 'By owner',
    },
    empty: {
      meetings: 'No meetings this month.',
      results: 'No results reported this month.',
      decisions: 'No decisions adopted this month.',
      tasks: 'No tasks.',
      owners: 'No owner has tasks this month.',
    },
    taskLists: (r) => ({
      assigned: 'Assigned this month',
      completed: 'Done or dropped this month',
      carried: 'Carried over from earlier months, still open',
      overdue: `Overdue on ${formatDate('en', lastDayOf(r.month))}`,
      dueNext: `Due in ${formatMonth('en', r.nextMonth)}`,
    }),
    taskCounts: (r) => ({
      assigned: 'Assigned',
      completed: 'Closed',
      carried: 'Carried over',
      overdue: 'Overdue',
      dueNext: `Due in ${formatMonth('en', r.nextMonth)}`,
    }),
    meetingColumns: { date: 'Date', kind: 'Kind', title: 'Title', chair: 'Chair' },
    metricColumns: { label: 'Metric', unit: 'Unit', change: 'Change', percent: '%' },
    taskColumns: { task: 'Task', lead: 'Lead', with: 'With', due: 'Due', status: 'Status', overdue: 'Overdue', id: 'ID', note: 'Note' },
    ownerColumns: { owner: 'Owner', assigned: 'Assigned', completed: 'Closed', open: 'Open', overdue: 'Overdue' },
    ownerNote: 'A task counts for every owner it lists (lead and co-owners).',
    lead: 'lead',
    note: 'Note',
    days: (n) => `${formatNumber('en', n)} ${n === 1 ? 'day' : 'days'}`,
    monthColumn: (month) => {
      const [y, m] = month.split('-').map(Number) as [number, number];
      return `${EN_SHORT_MONTHS[m - 1]} ${y}`;
    },
  },
};

export const TASK_LIST_KEYS: readonly TaskListKey[] = ['assigned', 'completed', 'carried', 'overdue', 'dueNext'];

/** Placeholder for an unknown value in a table. */
export const UNKNOWN = '—';

export function formatValue(locale: Locale, value: number | undefined): string {
  return value === undefined ? UNKNOWN : formatNumber(locale, value);
}

/** A change with its sign: "+2,8", "-4,5", "0"; percentages get one decimal. */
export function formatSigned(locale: Locale, value: number | undefined, suffix = ''): string {
  if (value === undefined) return UNKNOWN;
  return `${value > 0 ? '+' : ''}${formatNumber(locale, value, suffix === '%' ? 1 : 2)}${suffix}`;
}

/** Owner names, the lead marked when there are several: "A (chủ trì), B". */
export function ownersText(locale: Locale, task: ReportTask): string {
  const [lead, ...rest] = task.ownerNames;
  if (rest.length === 0) return lead ?? '';
  return [`${lead} (${REPORT_WORDS[locale].lead})`, ...rest].join(', ');
}

/**
 * A sector's metric table (label, unit, this month, last month, change, %),
 * shared by the text and Markdown reports; `clean` makes a cell safe for the
 * target (one line for a terminal, escaped for Markdown).
 */
export function metricTable(report: Report, metrics: readonly ReportMetric[], clean: (text: string) => string): { columns: Column[]; rows: string[][] } {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const columns: Column[] = [
    { header: words.metricColumns.label },
    { header: words.metricColumns.unit },
    { header: words.monthColumn(report.month), align: 'right' },
    { header: words.monthColumn(report.previousMonth), align: 'right' },
    { header: words.metricColumns.change, align: 'right' },
    { header: words.metricColumns.percent, align: 'right' },
  ];
  const rows = metrics.map((m) => [
    clean(m.label),
    clean(m.unit ?? ''),
    formatValue(locale, m.value),
    formatValue(locale, m.previous),
    formatSigned(locale, m.change),
    formatSigned(locale, m.percent, '%'),
  ]);
  return { columns, rows };
}

/**
 * The report's decisions grouped by the meeting that adopted them, in
 * meeting order, numbered straight through so each decision keeps one
 * number in the report. One group with no meeting when only one adopted any.
 */
export function decisionGroups(report: Report): { meeting?: { title: string; date: string }; file: string; items: { n: number; text: string }[] }[] {
  const files = [...new Set(report.decisions.map((d) => d.file))];
  let n = 0;
  return files.map((file) => {
    const meeting = files.length > 1 ? report.meetings.find((m) => m.file === file) : undefined;
    const items = report.decisions.filter((d) => d.file === file).map((d) => ({ n: ++n, text: d.text }));
    return { ...(meeting ? { meeting: { title: meeting.title, date: meeting.date } } : {}), file, items };
  });
}
