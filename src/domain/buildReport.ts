// The monthly report (docs/format.md "What the records mean"), built as one value
// from loaded records: no file system, no clock, no output format.
import type { MeetingRecord } from '../model/record.js';
import { bodyOf, forEachTaskStateDay, isOpenStatus, isOverdue, overdueDays } from './taskState.js';
import { addMonths, firstDayOf, lastDayOf, monthOf, type Month } from '../model/dates.js';
import { meetingsOf, metricChange, metricValuesOf, periodOf } from './months.js';
import type { OwnerRow, Report, ReportMeeting, ReportMetric, ReportTask, SectorResult, TaskCountsPoint } from '../model/report.js';
import { chairName, chairRole, type Config } from '../model/schema.js';
import type { TaskState } from '../model/tasks.js';
import type { Locale, TaskStatus } from '../model/terms.js';

/** How many months the history and each metric's trend cover, ending with the report's month. */
const TREND_MONTHS = 6;

export function buildReport(records: readonly MeetingRecord[], config: Config, month: Month, locale: Locale): Report {
  const previousMonth = addMonths(month, -1);
  const nextMonth = addMonths(month, 1);
  const lastDay = lastDayOf(month);
  const meetings = meetingsOf(records, month);

  // Metrics look at the meetings of the trend's months only.
  const trendStart = addMonths(month, -(TREND_MONTHS - 1));
  const recent = records.filter((r) => {
    const period = periodOf(r);
    return period >= trendStart && period <= month;
  });
  // Every metric's value in each of the trend's months, one pass a month.
  const trendMonths = Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(month, i - (TREND_MONTHS - 1)));
  const values = trendMonths.map((m) => ({ month: m, values: metricValuesOf(recent, config, m) }));
  const [thisMonth, lastMonth] = [values.at(-1)!.values, values.at(-2)!.values];
  const metrics = Object.keys(config.metrics)
    .filter((id) => thisMonth.has(id) || lastMonth.has(id))
    .map((id) => reportMetric(values, config, id));

  const { states, statusBefore, history } = taskTimeline(records, month);
  // A task shows in several lists; its row is made once.
  const rows = new Map<TaskState, ReportTask>();
  const toTask = (state: TaskState) => {
    let row = rows.get(state);
    if (!row) rows.set(state, (row = reportTask(state, config, lastDay)));
    return row;
  };
  const all = [...states.values()];
  const overdue = all.filter((s) => overdueDays(s, lastDay) > 0);
  const tasks = {
    assigned: all.filter((s) => monthOf(s.meeting.data.date) === month).map(toTask),
    completed: all
      .filter((s) => !isOpenStatus(s.status))
      .filter((s) => {
        const earlier = statusBefore.get(s.id);
        return earlier === undefined || isOpenStatus(earlier);
      })
      .map(toTask),
    carried: all.filter((s) => isOpenStatus(s.status) && s.meeting.data.date < firstDayOf(month)).map(toTask),
    // Most overdue first; assignment order breaks ties (sort is stable).
    overdue: overdue.map(toTask).sort((a, b) => b.overdueDays - a.overdueDays),
    dueNext: all
      .filter((s) => isOpenStatus(s.status) && s.due !== undefined && monthOf(s.due) === nextMonth)
      .map(toTask)
      .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0)),
  };

  return {
    month,
    previousMonth,
    nextMonth,
    locale,
    organization: config.organization,
    meetings: meetings.map((r) => reportMeeting(r, config)),
    results: sectorResults(meetings, config, metrics),
    metrics,
    decisions: meetings.flatMap((r) => (r.data.decisions ?? []).map((text) => ({ text, date: r.data.date, file: r.file }))),
    tasks,
    owners: ownerRows(config, tasks, all.filter((s) => isOpenStatus(s.status)).map(toTask)),
    history,
  };
}

function reportMeeting(record: MeetingRecord, config: Config): ReportMeeting {
  const data = record.data;
  const role = chairRole(data.chair);
  return {
    date: data.date,
    kind: data.kind,
    title: data.title,
    chair: chairName(data.chair),
    ...(role ? { chairRole: role } : {}),
    organization: data.organization ?? config.organization,
    ...(data.time ? { time: data.time } : {}),
    ...(data.location ? { location: data.location } : {}),
    file: record.file,
    body: bodyOf(record),
  };
}

function reportMetric(values: readonly { month: Month; values: ReadonlyMap<string, number> }[], config: Config, id: string): ReportMetric {
  const definition = config.metrics[id]!;
  const value = values.at(-1)!.values.get(id);
  const previous = values.at(-2)!.values.get(id);
  const { change, percent } = metricChange(id, previous, value);
  const trend = values.map(({ month, values: of }) => (of.has(id) ? { month, value: of.get(id)! } : { month }));
  return {
    id,
    label: definition.label,
    ...(definition.unit ? { unit: definition.unit } : {}),
    sector: definition.sector,
    ...(value !== undefined ? { value } : {}),
    ...(previous !== undefined ? { previous } : {}),
    ...(change !== undefined ? { change } : {}),
    ...(percent !== undefined ? { percent } : {}),
    trend,
  };
}

function sectorResults(meetings: readonly MeetingRecord[], config: Config, metrics: readonly ReportMetric[]): SectorResult[] {
  // Grouped once: a config may declare thousands of sectors.
  const summariesOf = new Map<string, SectorResult['summaries']>();
  for (const r of meetings) {
    for (const res of r.data.results ?? []) {
      const list = summariesOf.get(res.sector);
      const summary = { text: res.summary, date: r.data.date, file: r.file };
      if (list) list.push(summary);
      else summariesOf.set(res.sector, [summary]);
    }
  }
  const metricsOf = new Map<string, ReportMetric[]>();
  for (const m of metrics) {
    const list = metricsOf.get(m.sector);
    if (list) list.push(m);
    else metricsOf.set(m.sector, [m]);
  }
  const out: SectorResult[] = [];
  for (const [sector, label] of Object.entries(config.sectors)) {
    const summaries = summariesOf.get(sector) ?? [];
    const own = metricsOf.get(sector) ?? [];
    if (summaries.length > 0 || own.length > 0) out.push({ sector, label, summaries, metrics: own });
  }
  return out;
}

function reportTask(state: TaskState, config: Config, lastDay: string): ReportTask {
  const latest = state.history.length > 1 ? state.history[state.history.length - 1] : undefined;
  return {
    id: state.id,
    title: state.title,
    owners: state.owners,
    ownerNames: state.owners.map((o) => config.owners[o] ?? o),
    ...(state.due ? { due: state.due } : {}),
    ...(state.sector ? { sector: state.sector } : {}),
    status: state.status,
    overdueDays: overdueDays(state, lastDay),
    meeting: { date: state.meeting.data.date, title: state.meeting.data.title, file: state.meeting.file },
    ...(latest?.note ? { note: latest.note } : {}),
  };
}

/**
 * The accountability table: a task counts for every owner it lists. Config
 * order, then any undeclared owner in the order met; owners with nothing to
 * count are left out.
 */
function ownerRows(config: Config, tasks: Report['tasks'], open: readonly ReportTask[]): OwnerRow[] {
  const rows = new Map<string, OwnerRow>();
  for (const [owner, name] of Object.entries(config.owners)) rows.set(owner, { owner, name, assigned: 0, completed: 0, open: 0, overdue: 0 });
  const count = (list: readonly ReportTask[], key: 'assigned' | 'completed' | 'open' | 'overdue') => {
    for (const task of list) {
      for (const owner of new Set(task.owners)) {
        let row = rows.get(owner);
        if (!row) rows.set(owner, (row = { owner, name: owner, assigned: 0, completed: 0, open: 0, overdue: 0 }));
        row[key]++;
      }
    }
  };
  count(tasks.assigned, 'assigned');
  count(tasks.completed, 'completed');
  count(open, 'open');
  count(tasks.overdue, 'overdue');
  return [...rows.values()].filter((r) => r.assigned + r.completed + r.open + r.overdue > 0);
}

/**
 * One pass over the records for everything the report says about tasks: their
 * states at the end of the month, their statuses at the end of the month
 * before, and the open/closed/overdue counts of the trend's months.
 */
function taskTimeline(
  records: readonly MeetingRecord[],
  month: Month,
): { states: Map<string, TaskState>; statusBefore: Map<string, TaskStatus>; history: TaskCountsPoint[] } {
  const history: TaskCountsPoint[] = [];
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(month, i - (TREND_MONTHS - 1)));
  const endOfPrevious = lastDayOf(addMonths(month, -1));
  let states = new Map<string, TaskState>();
  let statusBefore = new Map<string, TaskStatus>();
  forEachTaskStateDay(records, months.map(lastDayOf), (lastDay, live) => {
    const point = { month: months[history.length]!, open: 0, closed: 0, overdue: 0 };
    for (const state of live.values()) {
      if (isOpenStatus(state.status)) point.open++;
      else point.closed++;
      if (isOverdue(state, lastDay)) point.overdue++;
    }
    history.push(point);
    if (lastDay === endOfPrevious) statusBefore = new Map([...live].map(([id, state]) => [id, state.status]));
    states = live;
  });
  return { states, statusBefore, history };
}
