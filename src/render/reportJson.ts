// The monthly report as JSON for scripts (documented in docs/report-json.md).
// The shape is stable: every key is always present, unknown values are null,
// dates are ISO and numbers plain, whatever the locale.
import type { Report, ReportMetric, ReportTask } from '../model/report.js';
import { jsonText } from '../model/text.js';

/** Bumped only when a key is removed or changes meaning; new keys may appear. */
export const REPORT_JSON_VERSION = 1;

function task(t: ReportTask) {
  return {
    id: t.id,
    title: t.title,
    owners: t.owners,
    ownerNames: t.ownerNames,
    due: t.due ?? null,
    sector: t.sector ?? null,
    status: t.status,
    overdueDays: t.overdueDays,
    meeting: { date: t.meeting.date, title: t.meeting.title, file: t.meeting.file },
    note: t.note ?? null,
  };
}

function metric(m: ReportMetric) {
  return {
    id: m.id,
    label: m.label,
    unit: m.unit ?? null,
    sector: m.sector,
    value: m.value ?? null,
    previous: m.previous ?? null,
    change: m.change ?? null,
    percent: m.percent ?? null,
    trend: m.trend.map((p) => ({ month: p.month, value: p.value ?? null })),
  };
}

export function reportJson(report: Report) {
  return {
    version: REPORT_JSON_VERSION,
    month: report.month,
    previousMonth: report.previousMonth,
    nextMonth: report.nextMonth,
    locale: report.locale,
    organization: report.organization,
    meetings: report.meetings.map((m) => ({
      date: m.date,
      kind: m.kind,
      title: m.title,
      chair: m.chair,
      chairRole: m.chairRole ?? null,
      organization: m.organization,
      time: m.time ?? null,
      location: m.location ?? null,
      file: m.file,
    })),
    results: report.results.map((r) => ({
      sector: r.sector,
      label: r.label,
      summaries: r.summaries.map((s) => ({ text: s.text, date: s.date, file: s.file })),
      metrics: r.metrics.map((m) => m.id),
    })),
    metrics: report.metrics.map(metric),
    decisions: report.decisions.map((d) => ({ text: d.text, date: d.date, file: d.file })),
    tasks: {
      assigned: report.tasks.assigned.map(task),
      completed: report.tasks.completed.map(task),
      carried: report.tasks.carried.map(task),
      overdue: report.tasks.overdue.map(task),
      dueNext: report.tasks.dueNext.map(task),
    },
    owners: report.owners.map((o) => ({ owner: o.owner, name: o.name, assigned: o.assigned, completed: o.completed, open: o.open, overdue: o.overdue })),
    history: report.history.map((h) => ({ month: h.month, open: h.open, closed: h.closed, overdue: h.overdue })),
  };
}

export function renderReportJson(report: Report): string {
  return `${jsonText(reportJson(report))}\n`;
}
