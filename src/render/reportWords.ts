// The report's generated words in each language, and the number and name
// formats every report renderer shares, so text, Markdown and HTML agree.
import { lastDayOf, type Month } from '../model/dates.js';
import type { FigureFacts, Report, ReportDecision, ReportMeeting, ReportMetric, ReportSpan, ReportTask, SpanMetric, TaskRows } from '../model/report.js';
import type { Column } from './table.js';
import { formatDate, formatDays, formatExact, formatMonth, formatNumber, formatPeriod, MODE_LABELS, QUALIFIER_LABELS, SESSION_LABELS } from './locale.js';
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
  metricColumns: { label: string; unit: string; change: string; percent: string; value: string; ytd: string; targetPct: string; planPct: string; yoy: string };
  /** After a change in percentage points: "+9,5 điểm %". */
  points: string;
  /** Before an estimate: "ước 131". */
  estimate: string;
  /** Heading of another organization's figures. */
  otherFigures: (organization: string) => string;
  /** Heading of the figures of a span of several months. */
  spanFigures: (period: string, organization?: string) => string;
  /** After an approved meeting's title: "(biên bản đã thông qua)". */
  approvedMark: string;
  /** The approval and the notice issued: "đã thông qua ngày 27/10/2020 (Hoàng Văn Hiệp); Thông báo kết luận số 125/TB-UBND ngày 28/10/2020". */
  approval: (a: NonNullable<ReportMeeting['approval']>) => string;
  meetingDetails: {
    approval: string;
    coChairs: string;
    when: string;
    mode: string;
    organization: string;
    attendees: string;
    recorder: string;
    discussion: string;
    shortcomings: string;
    conclusion: string;
    proposals: string;
    references: string;
  };
  vote: (vote: NonNullable<ReportDecision['vote']>) => string;
  directedBy: string;
  taskColumns: { task: string; lead: string; with: string; due: string; status: string; overdue: string; id: string; note: string };
  ownerColumns: { owner: string; assigned: string; completed: string; dropped: string; open: string; overdue: string };
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
      completed: 'Hoàn thành trong tháng',
      dropped: 'Dừng thực hiện trong tháng',
      carried: 'Chưa hoàn thành, chuyển từ các tháng trước',
      overdue: `Quá hạn tính đến ngày ${formatDate('vi', asOfOf(r))}`,
      dueNext: `Đến hạn trong ${formatMonth('vi', r.nextMonth)}`,
      recurring: 'Nhiệm vụ thường xuyên',
    }),
    taskCounts: (r) => ({
      assigned: 'Giao mới',
      completed: 'Hoàn thành',
      dropped: 'Dừng thực hiện',
      carried: 'Chuyển tiếp',
      overdue: 'Quá hạn',
      dueNext: `Đến hạn ${formatMonth('vi', r.nextMonth)}`,
      recurring: 'Thường xuyên',
    }),
    meetingColumns: { date: 'Ngày', kind: 'Loại', title: 'Tiêu đề', chair: 'Chủ trì' },
    metricColumns: {
      label: 'Chỉ tiêu',
      unit: 'Đơn vị',
      change: 'Thay đổi',
      percent: '%',
      value: 'Số liệu',
      ytd: 'Lũy kế',
      targetPct: '% kế hoạch năm',
      planPct: '% KH',
      yoy: 'So cùng kỳ',
    },
    points: ' điểm %',
    estimate: 'ước',
    otherFigures: (organization) => `Số liệu của ${organization}`,
    spanFigures: (period, organization) => `Số liệu ${formatPeriod('vi', period)}${organization ? ` của ${organization}` : ''}`,
    approvedMark: '(biên bản đã thông qua)',
    approval: (a) =>
      [
        `đã thông qua${a.approvedOn ? ` ngày ${formatDate('vi', a.approvedOn)}` : ''}${a.approvedBy ? ` (${a.approvedBy})` : ''}`,
        ...(a.notice ? [`Thông báo kết luận số ${a.notice.number} ngày ${formatDate('vi', a.notice.date)}`] : []),
      ].join('; '),
    meetingDetails: {
      approval: 'Biên bản',
      coChairs: 'Đồng chủ trì',
      when: 'Thời gian',
      mode: 'Hình thức',
      organization: 'Cơ quan tổ chức',
      attendees: 'Thành phần tham dự',
      recorder: 'Thư ký',
      discussion: 'Ý kiến thảo luận',
      shortcomings: 'Tồn tại, hạn chế',
      conclusion: 'Kết luận',
      proposals: 'Kiến nghị, đề xuất',
      references: 'Văn bản triển khai, trích dẫn',
    },
    vote: (v) =>
      `biểu quyết: ${[`${formatNumber('vi', v.for)} tán thành`, ...(v.against !== undefined ? [`${formatNumber('vi', v.against)} không tán thành`] : []), ...(v.abstain !== undefined ? [`${formatNumber('vi', v.abstain)} không biểu quyết`] : [])].join(', ')}`,
    directedBy: 'Chỉ đạo',
    taskColumns: { task: 'Nhiệm vụ', lead: 'Chủ trì', with: 'Phối hợp', due: 'Hạn', status: 'Tình trạng', overdue: 'Quá hạn', id: 'Mã', note: 'Ghi chú' },
    ownerColumns: {
      owner: 'Cơ quan',
      assigned: 'Giao trong tháng',
      completed: 'Hoàn thành',
      dropped: 'Dừng thực hiện',
      open: 'Chưa hoàn thành',
      overdue: 'Quá hạn',
    },
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
      completed: 'Completed this month',
      dropped: 'Dropped this month',
      carried: 'Carried over from earlier months, still open',
      overdue: `Overdue on ${formatDate('en', asOfOf(r))}`,
      dueNext: `Due in ${formatMonth('en', r.nextMonth)}`,
      recurring: 'Standing tasks',
    }),
    taskCounts: (r) => ({
      assigned: 'Assigned',
      completed: 'Completed',
      dropped: 'Dropped',
      carried: 'Carried over',
      overdue: 'Overdue',
      dueNext: `Due in ${formatMonth('en', r.nextMonth)}`,
      recurring: 'Standing',
    }),
    meetingColumns: { date: 'Date', kind: 'Kind', title: 'Title', chair: 'Chair' },
    metricColumns: {
      label: 'Metric',
      unit: 'Unit',
      change: 'Change',
      percent: '%',
      value: 'Value',
      ytd: 'Year to date',
      targetPct: '% of year target',
      planPct: '% of plan',
      yoy: 'vs. last year',
    },
    points: ' pp',
    estimate: 'est.',
    otherFigures: (organization) => `Figures of ${organization}`,
    spanFigures: (period, organization) => `Figures for ${formatPeriod('en', period)}${organization ? `, ${organization}` : ''}`,
    approvedMark: '(minutes approved)',
    approval: (a) =>
      [
        `approved${a.approvedOn ? ` on ${formatDate('en', a.approvedOn)}` : ''}${a.approvedBy ? ` by ${a.approvedBy}` : ''}`,
        ...(a.notice ? [`notice of conclusions ${a.notice.number} of ${formatDate('en', a.notice.date)}`] : []),
      ].join('; '),
    meetingDetails: {
      approval: 'Minutes',
      coChairs: 'Co-chairs',
      when: 'When',
      mode: 'Held',
      organization: 'Held by',
      attendees: 'Attendees',
      recorder: 'Minutes taken by',
      discussion: 'Discussion',
      shortcomings: 'Shortcomings',
      conclusion: 'Conclusion',
      proposals: 'Proposals and recommendations',
      references: 'Documents',
    },
    vote: (v) =>
      `vote: ${[`${formatNumber('en', v.for)} for`, ...(v.against !== undefined ? [`${formatNumber('en', v.against)} against`] : []), ...(v.abstain !== undefined ? [`${formatNumber('en', v.abstain)} abstaining`] : [])].join(', ')}`,
    directedBy: 'Directed by',
    taskColumns: { task: 'Task', lead: 'Lead', with: 'With', due: 'Due', status: 'Status', overdue: 'Overdue', id: 'ID', note: 'Note' },
    ownerColumns: { owner: 'Owner', assigned: 'Assigned', completed: 'Completed', dropped: 'Dropped', open: 'Open', overdue: 'Overdue' },
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

/** The report's "as of" day (a v1 Report value has none: the month's last day). */
export function asOfOf(report: Pick<Report, 'month' | 'asOf'>): string {
  return report.asOf ?? lastDayOf(report.month);
}

const TASK_LIST_KEYS: readonly TaskListKey[] = ['assigned', 'completed', 'dropped', 'carried', 'overdue', 'dueNext', 'recurring'];

/** v2 lists, shown only when they hold a task: the five lists of version 1 always. */
const SHOWN_WHEN_ANY: ReadonlySet<TaskListKey> = new Set(['dropped', 'recurring']);

/** The task lists a report shows, in order. */
export function shownTaskLists(report: Report): TaskListKey[] {
  return TASK_LIST_KEYS.filter((key) => !SHOWN_WHEN_ANY.has(key) || tasksOf(report, key).length > 0);
}

export function tasksOf(report: Report, key: TaskListKey): TaskRows {
  return report.tasks[key] ?? [];
}

/** Placeholder for an unknown value in a table. */
export const UNKNOWN = '—';

/** A change with its sign: "+2,8", "-4,5", "0" with every digit; percentages get one decimal. */
function formatSigned(locale: Locale, value: number | undefined, suffix = ''): string {
  if (value === undefined) return UNKNOWN;
  const number = suffix === '%' ? formatNumber(locale, value, 1) : formatExact(locale, value);
  return `${value > 0 ? '+' : ''}${number}${suffix}`;
}

/** A value with its marks: "ước trên 15.000" / "est. over 15,000". */
function formatFigure(locale: Locale, value: number | undefined, facts: FigureFacts): string {
  if (value === undefined) return UNKNOWN;
  return markedFigure(locale, value, facts);
}

/** A known value with its marks: "ước trên 15.000" (the report's figures and the month diff's). */
export function markedFigure(locale: Locale, value: number, facts: Pick<FigureFacts, 'estimate' | 'qualifier'> = {}): string {
  const words = REPORT_WORDS[locale];
  const marks = [facts.estimate ? words.estimate : '', facts.qualifier ? QUALIFIER_LABELS[locale][facts.qualifier] : ''].filter(Boolean);
  return [...marks, formatExact(locale, value)].join(' ');
}

/** A share in %: "126,3%" (every digit of a stated one, one decimal of a computed one). */
function formatShare(locale: Locale, value: number | undefined, signed = false): string {
  if (value === undefined) return '';
  return `${signed && value > 0 ? '+' : ''}${formatExact(locale, value)}%`;
}

/** The accountability table's columns: a "dropped" column only when some owner has a dropped task. */
export function ownerColumns(report: Report): { columns: Column[]; counts: (o: Report['owners'][number]) => number[] } {
  const c = REPORT_WORDS[report.locale].ownerColumns;
  const dropped = report.owners.some((o) => (o.dropped ?? 0) > 0);
  const columns: Column[] = [
    { header: c.owner },
    { header: c.assigned, align: 'right' },
    { header: c.completed, align: 'right' },
    ...(dropped ? [{ header: c.dropped, align: 'right' as const }] : []),
    { header: c.open, align: 'right' },
    { header: c.overdue, align: 'right' },
  ];
  return { columns, counts: (o) => [o.assigned, o.completed, ...(dropped ? [o.dropped ?? 0] : []), o.open, o.overdue] };
}

/** Owner names, the lead marked when there are several: "A (chủ trì), B". */
export function ownersText(locale: Locale, task: ReportTask): string {
  const [lead, ...rest] = task.ownerNames;
  if (rest.length === 0) return lead ?? '';
  return [`${lead} (${REPORT_WORDS[locale].lead})`, ...rest].join(', ');
}

type FigureRow = FigureFacts & { value?: number };

/** The optional columns (year to date, % of the year's target, % of plan(s), same period last year) that any of `metrics` fills. */
function factColumns(report: Report, metrics: readonly FigureRow[]): { columns: Column[]; cells: (m: FigureRow) => string[] } {
  const { locale } = report;
  const c = REPORT_WORDS[locale].metricColumns;
  const planIds: string[] = [];
  let onePlan = false;
  for (const m of metrics) {
    if (typeof m.planPct === 'number') onePlan = true;
    else if (m.planPct) for (const id of Object.keys(m.planPct)) if (!planIds.includes(id)) planIds.push(id);
  }
  // In the config's order, whatever order the records wrote them in; a plan the config does not declare last.
  const order = (report.plans ?? []).map((p) => p.id);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  planIds.sort((a, b) => rank(a) - rank(b));
  const planLabel = (id: string) => (report.plans ?? []).find((p) => p.id === id)?.label ?? id;
  const ytd = metrics.some((m) => m.ytd !== undefined);
  const target = metrics.some((m) => m.targetPct !== undefined);
  const yoy = metrics.some((m) => m.yoyPct !== undefined);
  const columns: Column[] = [
    ...(ytd ? [{ header: c.ytd, align: 'right' as const }] : []),
    ...(target ? [{ header: c.targetPct, align: 'right' as const }] : []),
    ...(onePlan ? [{ header: c.planPct, align: 'right' as const }] : []),
    ...planIds.map((id) => ({ header: `${c.planPct} ${planLabel(id)}`, align: 'right' as const })),
    ...(yoy ? [{ header: c.yoy, align: 'right' as const }] : []),
  ];
  const cells = (m: FigureRow) => [
    ...(ytd
      ? [m.ytd === undefined ? '' : formatFigure(locale, m.ytd, { estimate: m.ytdEstimate ?? false, ...(m.ytdQualifier ? { qualifier: m.ytdQualifier } : {}) })]
      : []),
    ...(target ? [m.targetPct === undefined ? '' : `${formatNumber(locale, m.targetPct, 1)}%`] : []),
    ...(onePlan ? [typeof m.planPct === 'number' ? formatShare(locale, m.planPct) : ''] : []),
    ...planIds.map((id) => (m.planPct && typeof m.planPct === 'object' ? formatShare(locale, m.planPct[id]) : '')),
    ...(yoy ? [formatShare(locale, m.yoyPct, true)] : []),
  ];
  return { columns, cells };
}

/** A `%` metric's change, in percentage points: "+9,5 điểm %". */
function formatChange(locale: Locale, m: ReportMetric): string {
  if (m.points !== undefined) return `${formatSigned(locale, m.points)}${REPORT_WORDS[locale].points}`;
  return formatSigned(locale, m.change);
}

/**
 * A metric table (label, unit, this month, last month, change, %, then the
 * columns v2 figures fill), shared by the text, Markdown and HTML reports;
 * `clean` makes a cell safe for the target (one line for a terminal,
 * escaped for Markdown).
 */
export function metricTable(report: Report, metrics: readonly ReportMetric[], clean: (text: string) => string): { columns: Column[]; rows: string[][] } {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const facts = factColumns(report, metrics);
  const columns: Column[] = [
    { header: words.metricColumns.label },
    { header: words.metricColumns.unit },
    { header: words.monthColumn(report.month), align: 'right' },
    { header: words.monthColumn(report.previousMonth), align: 'right' },
    { header: words.metricColumns.change, align: 'right' },
    { header: words.metricColumns.percent, align: 'right' },
    ...facts.columns,
  ];
  const rows = metrics.map((m) => [
    clean(m.label),
    clean(m.unit ?? ''),
    formatFigure(locale, m.value, m),
    formatFigure(locale, m.previous, m.previousMarks ?? {}),
    formatChange(locale, m),
    formatSigned(locale, m.percent, '%'),
    ...facts.cells(m),
  ]);
  return { columns, rows };
}

/** The table of a span's figures: label, unit, value, then the columns its figures fill. */
export function spanTable(report: Report, span: ReportSpan, clean: (text: string) => string): { columns: Column[]; rows: string[][] } {
  const { locale } = report;
  const c = REPORT_WORDS[locale].metricColumns;
  const facts = factColumns(report, span.metrics);
  const columns: Column[] = [{ header: c.label }, { header: c.unit }, { header: c.value, align: 'right' }, ...facts.columns];
  const rows = span.metrics.map((m: SpanMetric) => [clean(m.label), clean(m.unit ?? ''), formatFigure(locale, m.value, m), ...facts.cells(m)]);
  return { columns, rows };
}

/** The other organizations with figures in the report, in order. */
export function otherOrganizations(report: Report): string[] {
  return [...new Set(report.metrics.map((m) => m.organization).filter((o): o is string => typeof o === 'string'))];
}

/** A decision with its document and vote: "Thông qua … (Nghị quyết số 12/NQ-HĐND; biểu quyết: 25 tán thành)". */
export function decisionLine(locale: Locale, d: Pick<ReportDecision, 'text' | 'document' | 'vote'>): string {
  const extra = [d.document ?? '', d.vote ? REPORT_WORDS[locale].vote(d.vote) : ''].filter(Boolean);
  return extra.length === 0 ? d.text : `${d.text} (${extra.join('; ')})`;
}

/** A person on one line: "Nguyễn Văn A, Phó Chủ tịch (UBND xã Bắc Sơn)". */
function personLine(p: { name: string; role?: string; organization?: string }): string {
  return `${p.name}${p.role ? `, ${p.role}` : ''}${p.organization ? ` (${p.organization})` : ''}`;
}

/** The meeting's date cell: its day, or its days when held over several ("05–06/01/2021"). */
export function meetingDays(locale: Locale, m: ReportMeeting): string {
  return formatDays(locale, m.date, m.endDate);
}

/** Whether the meeting is another organization's than `own` (a joint meeting, a commune's kept by the district). */
export function othersMeeting(m: ReportMeeting, own: string): boolean {
  return m.organization !== '' && m.organization !== own;
}

/**
 * Whether every output names another organization's meeting with its
 * organization beside the title: unless the title already does ("Hội nghị
 * liên tịch với Hợp tác xã …").
 */
export function namesOrganization(m: ReportMeeting, own: string): boolean {
  return othersMeeting(m, own) && !m.title.normalize('NFC').includes(m.organization);
}

/** Another organization's meeting's title with its organization beside it, unless the title names it already. */
export function titleWithOrganization(title: string, organization: string | null): string {
  return organization && !title.normalize('NFC').includes(organization) ? `${title} — ${organization}` : title;
}

/** The meeting's title cell: its title, its organization when it is not the report's, and a mark when its minutes are approved. */
export function meetingTitle(report: Report, m: ReportMeeting): string {
  const title = namesOrganization(m, report.organization) ? `${m.title} — ${m.organization}` : m.title;
  return m.approval ? `${title} ${REPORT_WORDS[report.locale].approvedMark}` : title;
}

/** The meeting's chair cell: the presiding chair, then any co-chairs. */
export function meetingChairs(m: ReportMeeting): string {
  return (m.chairs && m.chairs.length > 0 ? m.chairs.map((c) => c.name) : [m.chair]).join(', ');
}

/**
 * What the record says of a meeting beyond the table's columns (v2 and the
 * version 1 keys no output showed): labelled lines and lists, in record
 * order; empty when there is nothing more.
 */
export function meetingDetails(report: Report, m: ReportMeeting): { label: string; text?: string; items?: string[] }[] {
  const { locale } = report;
  const d = REPORT_WORDS[locale].meetingDetails;
  const out: { label: string; text?: string; items?: string[] }[] = [];
  if (m.approval) out.push({ label: d.approval, text: REPORT_WORDS[locale].approval(m.approval) });
  const coChairs = (m.chairs ?? []).slice(1);
  if (coChairs.length > 0) out.push({ label: d.coChairs, text: coChairs.map(personLine).join('; ') });
  const when = [m.session ? SESSION_LABELS[locale][m.session] : '', m.time ?? '', m.endDate ? formatDays(locale, m.date, m.endDate) : ''].filter(Boolean);
  if (m.session || m.endDate) out.push({ label: d.when, text: when.join(', ') });
  if (m.mode) out.push({ label: d.mode, text: MODE_LABELS[locale][m.mode] });
  if ((m.attendees ?? []).length > 0) out.push({ label: d.attendees, items: m.attendees!.map(personLine) });
  if (m.recorder) out.push({ label: d.recorder, text: m.recorder });
  if ((m.discussion ?? []).length > 0) out.push({ label: d.discussion, items: m.discussion!.map((x) => `${x.speaker}: ${x.topic}`) });
  if ((m.shortcomings ?? []).length > 0) out.push({ label: d.shortcomings, items: m.shortcomings! });
  if (m.conclusion) out.push({ label: d.conclusion, text: m.conclusion });
  if ((m.proposals ?? []).length > 0) out.push({ label: d.proposals, items: m.proposals! });
  if ((m.references ?? []).length > 0) out.push({ label: d.references, items: m.references!.map((r) => (r.title ? `${r.document}: ${r.title}` : r.document)) });
  return out;
}

/**
 * The report's decisions grouped by the meeting that adopted them, in
 * meeting order, numbered straight through so each decision keeps one
 * number in the report. One group with no meeting when only one adopted any.
 */
export function decisionGroups(report: Report): { meeting?: { title: string; date: string }; file: string; items: { n: number; text: string }[] }[] {
  // Grouped in one pass: a month may hold thousands of meetings and decisions.
  const byFile = new Map<string, Report['decisions']>();
  for (const d of report.decisions) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const meetings = new Map<string, Report['meetings'][number]>();
  if (byFile.size > 1) for (const m of report.meetings) if (!meetings.has(m.file)) meetings.set(m.file, m);
  let n = 0;
  return [...byFile].map(([file, decisions]) => {
    const meeting = meetings.get(file);
    const items = decisions.map((d) => ({ n: ++n, text: decisionLine(report.locale, d) }));
    return { ...(meeting ? { meeting: { title: meeting.title, date: meeting.date } } : {}), file, items };
  });
}
