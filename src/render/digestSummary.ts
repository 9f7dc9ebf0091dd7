// The digest as a few lines of plain text for a chat message or an e-mail
// body: the month's meetings, task counts, the three largest metric changes,
// and where the full report is. No Markdown, no colour, no line over ~100
// characters of our own making.
import type { Report, ReportMetric } from '../model/report.js';
import type { Locale } from '../model/terms.js';
import { formatDate, formatExact, formatMonth, formatNumber } from './locale.js';
import { markedFigure, namesOrganization, REPORT_WORDS } from './reportWords.js';
import { counted } from '../model/format.js';

const vn = (n: number) => formatNumber('vi', n);
const en = (n: number) => formatNumber('en', n);

const WORDS: Record<
  Locale,
  {
    title: (organization: string, month: string) => string;
    meetings: (n: number) => string;
    noMeetings: string;
    tasks: (assigned: number, completed: number, overdue: number) => string;
    metrics: string;
    full: string;
  }
> = {
  vi: {
    title: (organization, month) => (organization ? `${organization}: tổng hợp ${month}` : `Tổng hợp ${month}`),
    meetings: (n) => `${counted('vi', n, { other: 'hội nghị' })}:`,
    noMeetings: 'Không có hội nghị nào trong tháng.',
    tasks: (assigned, completed, overdue) => `Nhiệm vụ: ${vn(assigned)} giao mới, ${vn(completed)} hoàn thành, ${vn(overdue)} quá hạn.`,
    metrics: 'Chỉ tiêu thay đổi nhiều nhất:',
    full: 'Báo cáo đầy đủ:',
  },
  en: {
    title: (organization, month) => (organization ? `${organization}: digest for ${month}` : `Digest for ${month}`),
    meetings: (n) => `${counted('en', n, { one: 'meeting', other: 'meetings' })}:`,
    noMeetings: 'No meetings this month.',
    tasks: (assigned, completed, overdue) => `Tasks: ${en(assigned)} assigned, ${en(completed)} completed, ${en(overdue)} overdue.`,
    metrics: 'Largest metric changes:',
    full: 'Full report:',
  },
};

/**
 * The repository's own metrics whose value changed most against the
 * previous month, at most `count`: by |%|, a `%` metric by its change in
 * percentage points, a change from 0 first; then by |change|. Another
 * organization's figures are in the full report, never in this summary of
 * the repository's month.
 */
function largestChanges(metrics: readonly ReportMetric[], count = 3): ReportMetric[] {
  const size = (m: ReportMetric) => [Math.abs(m.percent ?? m.points ?? (m.change === 0 ? 0 : Infinity)), Math.abs(m.change ?? 0)] as const;
  return metrics
    .filter((m) => (m.organization === null || m.organization === undefined) && m.change !== undefined && m.change !== 0)
    .sort((a, b) => {
      const [pa, ca] = size(a);
      const [pb, cb] = size(b);
      return pb - pa || cb - ca || (a.id < b.id ? -1 : 1);
    })
    .slice(0, count);
}

/** "- Thu ngân sách: ước 21,4 → 16,9 tỷ đồng (−4,5, −21%)": every digit written, with the figures' marks; a `%` metric's change in points. */
function metricLine(metric: ReportMetric, locale: Locale): string {
  // "70%", as Vietnamese and English write a percentage; "16,9 tỷ đồng" with a space.
  const unit = !metric.unit ? '' : metric.unit.trim() === '%' ? '%' : ` ${metric.unit}`;
  const change = metric.change!;
  const sign = change > 0 ? '+' : '−';
  const points = metric.points !== undefined ? REPORT_WORDS[locale].points : '';
  const percent = metric.percent === undefined ? '' : `, ${sign}${formatNumber(locale, Math.abs(metric.percent), 1)}%`;
  const previous = markedFigure(locale, metric.previous!, metric.previousMarks);
  const value = markedFigure(locale, metric.value!, metric);
  return `- ${metric.label}: ${previous} → ${value}${unit} (${sign}${formatExact(locale, Math.abs(change))}${points}${percent})`;
}

/** `where` is the full report's path or address, as the reader should see it; `locale`, the run's (the report's by default). */
export function renderDigestSummary(report: Report, where: string, locale: Locale = report.locale): string {
  const w = WORDS[locale];
  const lines = [w.title(report.organization.trim(), formatMonth(locale, report.month)), ''];
  if (report.meetings.length === 0) lines.push(w.noMeetings);
  else {
    lines.push(w.meetings(report.meetings.length));
    // Another organization's meeting says whose it is, as in the report.
    for (const meeting of report.meetings) {
      const whose = namesOrganization(meeting, report.organization) ? ` — ${meeting.organization}` : '';
      lines.push(`- ${formatDate(locale, meeting.date)}: ${meeting.title}${whose}`);
    }
  }
  lines.push('', w.tasks(report.tasks.assigned.length, report.tasks.completed.length, report.tasks.overdue.length));
  const changes = largestChanges(report.metrics);
  if (changes.length > 0) lines.push('', w.metrics, ...changes.map((m) => metricLine(m, locale)));
  lines.push('', `${w.full} ${where}`);
  return `${lines.join('\n')}\n`;
}
