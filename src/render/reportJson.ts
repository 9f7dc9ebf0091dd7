// The monthly report as JSON for scripts (documented in docs/report-json.md).
// The shape is stable: every key is always present, unknown values are null,
// dates are ISO and numbers plain, whatever the locale.
import { lastDayOf } from '../model/dates.js';
import type { FigureFacts, Report, ReportDecision, ReportMeeting, ReportMetric, ReportPerson, ReportTask } from '../model/report.js';
import { meetingJson } from '../model/tasks.js';
import { JsonPiece, jsonPieces, MappedList } from '../model/text.js';

/** Bumped only when a key is removed or changes meaning; new keys may appear. */
export const REPORT_JSON_VERSION = 1;

function task(t: ReportTask) {
  return {
    id: t.id,
    title: t.title,
    owners: t.owners,
    ownerNames: t.ownerNames,
    due: t.due ?? null,
    dueAsWritten: t.dueAsWritten ?? null,
    recurring: t.recurring ?? false,
    directedBy: t.directedBy ?? null,
    sector: t.sector ?? null,
    status: t.status,
    overdueDays: t.overdueDays,
    meeting: meetingJson(t.meeting),
    note: t.note ?? null,
  };
}

function figureFacts(m: FigureFacts) {
  return {
    ytd: m.ytd ?? null,
    targetPct: m.targetPct ?? null,
    planPct: m.planPct ?? null,
    yoyPct: m.yoyPct ?? null,
    estimate: m.estimate ?? false,
    qualifier: m.qualifier ?? null,
    ytdEstimate: m.ytdEstimate ?? false,
    ytdQualifier: m.ytdQualifier ?? null,
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
    previousEstimate: m.previousMarks?.estimate ?? false,
    previousQualifier: m.previousMarks?.qualifier ?? null,
    change: m.change ?? null,
    percent: m.percent ?? null,
    trend: m.trend.map((p) => ({ month: p.month, value: p.value ?? null })),
    organization: m.organization ?? null,
    ...figureFacts(m),
    points: m.points ?? null,
  };
}

function person(p: ReportPerson) {
  return { name: p.name, role: p.role ?? null, organization: p.organization ?? null };
}

function decision(d: ReportDecision) {
  return {
    text: d.text,
    date: d.date,
    file: d.file,
    document: d.document ?? null,
    vote: d.vote ? { for: d.vote.for, against: d.vote.against ?? null, abstain: d.vote.abstain ?? null } : null,
  };
}

function meeting(m: ReportMeeting) {
  return {
    date: m.date,
    kind: m.kind,
    title: m.title,
    chair: m.chair,
    chairRole: m.chairRole ?? null,
    organization: m.organization,
    time: m.time ?? null,
    location: m.location ?? null,
    file: m.file,
    endDate: m.endDate ?? null,
    period: m.period ?? m.date.slice(0, 7),
    chairs: (m.chairs ?? [{ name: m.chair, ...(m.chairRole ? { role: m.chairRole } : {}) }]).map(person),
    session: m.session ?? null,
    mode: m.mode ?? null,
    attendees: (m.attendees ?? []).map(person),
    recorder: m.recorder ?? null,
    discussion: (m.discussion ?? []).map((d) => ({ speaker: d.speaker, topic: d.topic })),
    shortcomings: m.shortcomings ?? [],
    conclusion: m.conclusion ?? null,
    proposals: m.proposals ?? [],
    references: (m.references ?? []).map((r) => ({ document: r.document, title: r.title ?? null })),
    decisions: (m.decisions ?? []).map(decision),
    approval: m.approval
      ? {
          approvedBy: m.approval.approvedBy ?? null,
          approvedOn: m.approval.approvedOn ?? null,
          notice: m.approval.notice ? { number: m.approval.notice.number, date: m.approval.notice.date } : null,
        }
      : null,
  };
}

export function reportJson(report: Report) {
  return {
    version: REPORT_JSON_VERSION,
    month: report.month,
    asOf: report.asOf ?? lastDayOf(report.month),
    previousMonth: report.previousMonth,
    nextMonth: report.nextMonth,
    locale: report.locale,
    organization: report.organization,
    plans: (report.plans ?? []).map((p) => ({ id: p.id, label: p.label })),
    meetings: report.meetings.map(meeting),
    results: report.results.map((r) => ({
      sector: r.sector,
      label: r.label,
      summaries: r.summaries.map((s) => ({ text: s.text, date: s.date, file: s.file, organization: s.organization ?? null })),
      metrics: r.metrics.map((m) => m.id),
    })),
    metrics: report.metrics.map(metric),
    spans: (report.spans ?? []).map((span) => ({
      period: span.period,
      first: span.first,
      last: span.last,
      organization: span.organization,
      metrics: span.metrics.map((m) => ({ id: m.id, label: m.label, unit: m.unit ?? null, sector: m.sector, value: m.value ?? null, ...figureFacts(m) })),
    })),
    decisions: report.decisions.map(decision),
    // Each row made as it is written (MappedList): a report at 100k records lists 557,000.
    tasks: {
      assigned: new MappedList(report.tasks.assigned, task),
      completed: new MappedList(report.tasks.completed, task),
      carried: new MappedList(report.tasks.carried, task),
      overdue: new MappedList(report.tasks.overdue, task),
      dueNext: new MappedList(report.tasks.dueNext, task),
      dropped: new MappedList(report.tasks.dropped ?? [], task),
      recurring: new MappedList(report.tasks.recurring ?? [], task),
    },
    owners: report.owners.map((o) => ({
      owner: o.owner,
      name: o.name,
      assigned: o.assigned,
      completed: o.completed,
      open: o.open,
      overdue: o.overdue,
      dropped: o.dropped ?? 0,
    })),
    history: report.history.map((h) => ({ month: h.month, open: h.open, closed: h.closed, overdue: h.overdue })),
  };
}

/**
 * The report's JSON in pieces (model/text.ts: jsonPieces), so that no output
 * is too long for one string; escaped where they are written (JsonPiece).
 */
export function* renderReportJson(report: Report): Generator<JsonPiece, void, undefined> {
  yield* jsonPieces(reportJson(report));
  yield new JsonPiece('\n');
}
