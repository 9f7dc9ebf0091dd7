// The monthly report (docs/format.md "What the records mean"), built as one value
// from loaded records: no file system, no clock, no output format.
import type { MeetingRecord } from '../model/record.js';
import { isOpenStatus, isOverdue, overdueDays, ownerNamesFor, rowMeeting } from './taskState.js';
import { TaskRegister, type RegisterDay } from './taskRegister.js';
import { addMonths, monthOf, type IsoDate, type Month } from '../model/dates.js';
import { asOfDays, meetingsOf, organizationOf, trendMonthsOf } from './months.js';
import { deadlinesOf } from './deadlines.js';
import { figureMarks, FigureBook, isPercentMetric, metricChange, type Figure } from './figures.js';
import type {
  FigureFacts,
  OwnerRow,
  Report,
  ReportApproval,
  ReportDecision,
  ReportMeeting,
  ReportMetric,
  ReportPerson,
  ReportSpan,
  ReportTask,
  SectorResult,
  TaskCountsPoint,
} from '../model/report.js';
import { RowsByPlace } from '../model/text.js';
import { chairsOf, type Config, type DecisionData, type PersonData } from '../model/schema.js';
import type { Locale } from '../model/terms.js';

/** How `closedBefore` marks a task closed "as of" the month before: done and dropped apart. */
const CLOSED_CODE: Readonly<Record<'done' | 'dropped', number>> = { done: 1, dropped: 2 };

export function buildReport(records: readonly MeetingRecord[], config: Config, month: Month, locale: Locale): Report {
  const previousMonth = addMonths(month, -1);
  const nextMonth = addMonths(month, 1);
  const meetings = meetingsOf(records, month);
  const trendMonths = trendMonthsOf(month);
  const days = asOfDays(records, trendMonths);
  const asOf = days.get(month)!;

  const book = new FigureBook(records, config);
  const metrics = reportMetrics(book, config, month, trendMonths);

  const { register, asOfStates, closedBefore, history, assignedIn } = taskTimeline(records, config, month, trendMonths, days);
  // The tasks of the month and before, by their place in the register. A list holds places; its rows are made
  // as it is read (RowsByPlace): at 100k records a million rows held beside the records set the run's peak.
  // In typed arrays sized once: lists of 500,000 places grown an element at a time left as much again as garbage.
  /** The `count` places `placeAt` gives that pass `test`, in that order. */
  const select = (count: number, placeAt: (i: number) => number, test: (place: number) => boolean | undefined): Int32Array => {
    const out = new Int32Array(count);
    let n = 0;
    for (let i = 0; i < count; i++) {
      const place = placeAt(i);
      if (test(place)) out[n++] = place;
    }
    return out.slice(0, n);
  };
  const all = select(
    asOfStates.count,
    (i) => i,
    (place) => register.isTask(asOfStates, place) && assignedIn(place) <= month,
  );
  const ownerNames = ownerNamesFor(config);
  const status = (place: number) => register.status(asOfStates, place);
  /** The places of the tasks that pass `test`, in assignment order. */
  const placesWhere = (test: (place: number) => boolean | undefined): Int32Array => select(all.length, (i) => all[i]!, test);
  const rowsOf = (places: Int32Array) => new RowsByPlace(places, (place) => reportTask(register, asOfStates, place, ownerNames, asOf, config), shownReportTask);
  const recurring = (place: number) => register.task(place).recurring === true;
  const due = (place: number) => register.due(place);
  const daysOverdue = (place: number) => overdueDays({ status: status(place), due: due(place) }, asOf);
  // Closed this month: done (dropped) "as of" it, and not done (not dropped) "as of" the month before: open,
  // in progress, not yet assigned, or closed the other way (dropped in October, done after all in November).
  const closedThisMonth = (closed: 'done' | 'dropped') => (place: number) => status(place) === closed && closedBefore[place] !== CLOSED_CODE[closed];
  const open = placesWhere((p) => !recurring(p) && isOpenStatus(status(p)));
  // Sorted by what the rows would show; ties in assignment order (places ascend as tasks are assigned).
  const overdue = placesWhere((p) => daysOverdue(p) > 0);
  const overdueDaysOf = new Int32Array(asOfStates.count);
  for (const place of overdue) overdueDaysOf[place] = daysOverdue(place);
  overdue.sort((a, b) => overdueDaysOf[b]! - overdueDaysOf[a]! || a - b);
  const dueNext = placesWhere((p) => isOpenStatus(status(p)) && due(p) !== undefined && monthOf(due(p)!) === nextMonth);
  dueNext.sort((a, b) => (due(a)! < due(b)! ? -1 : due(a)! > due(b)! ? 1 : a - b));
  const places = {
    assigned: placesWhere((p) => assignedIn(p) === month),
    // Standing work is never counted as closed unless it is dropped.
    completed: placesWhere((p) => !recurring(p) && closedThisMonth('done')(p)),
    dropped: placesWhere(closedThisMonth('dropped')),
    carried: placesWhere((p) => !recurring(p) && isOpenStatus(status(p)) && assignedIn(p) < month),
    // Most overdue first.
    overdue,
    dueNext,
    recurring: placesWhere((p) => recurring(p) && isOpenStatus(status(p))),
  };
  const tasks: Report['tasks'] = {
    assigned: rowsOf(places.assigned),
    completed: rowsOf(places.completed),
    dropped: rowsOf(places.dropped),
    carried: rowsOf(places.carried),
    overdue: rowsOf(places.overdue),
    dueNext: rowsOf(places.dueNext),
    recurring: rowsOf(places.recurring),
  };
  const ownersOf = (place: number) => register.owners(register.task(place));
  // As reportTask sets them, and as they show once made one line (blank text shows as nothing).
  const shows = (text: string | null | undefined) => typeof text === 'string' && text.trim() !== '';
  const columnsOf = (list: Int32Array) => {
    let notes = false;
    let directed = false;
    for (let i = 0; i < list.length && !(notes && directed); i++) {
      const place = list[i]!;
      notes ||= asOfStates.updated[place] === 1 && shows(asOfStates.lastUpdates[place]?.note);
      directed ||= shows(register.task(place).directed_by);
    }
    return { notes, directed };
  };
  const taskColumns = Object.fromEntries(Object.entries(places).map(([key, list]) => [key, columnsOf(list)])) as Report['taskColumns'];

  return {
    month,
    asOf,
    previousMonth,
    nextMonth,
    locale,
    organization: config.organization,
    plans: Object.entries(config.plans ?? {}).map(([id, label]) => ({ id, label })),
    meetings: meetings.map((r) => reportMeeting(r, config)),
    results: sectorResults(meetings, config, metrics),
    metrics,
    spans: reportSpans(book, config, month),
    decisions: meetings.flatMap((r) => decisionsOf(r)),
    tasks,
    taskColumns,
    owners: ownerRows(config, { ...places, open }, ownersOf),
    history,
  };
}

function person(p: PersonData): ReportPerson {
  if (typeof p === 'string') return { name: p };
  return { name: p.name, ...(p.role ? { role: p.role } : {}), ...(p.organization ? { organization: p.organization } : {}) };
}

function decisionsOf(record: MeetingRecord): ReportDecision[] {
  return (record.data.decisions ?? []).map((d: DecisionData) => {
    const where = { date: record.data.date, file: record.file };
    if (typeof d === 'string') return { text: d, ...where };
    const vote = d.vote
      ? {
          for: d.vote.for,
          ...(d.vote.against !== undefined && d.vote.against !== null ? { against: d.vote.against } : {}),
          ...(d.vote.abstain !== undefined && d.vote.abstain !== null ? { abstain: d.vote.abstain } : {}),
        }
      : undefined;
    return { text: d.text, ...(d.document ? { document: d.document } : {}), ...(vote ? { vote } : {}), ...where };
  });
}

/** The approval of minutes that are approved (v2); undefined for a draft. */
function approvalOf(record: MeetingRecord): ReportApproval | undefined {
  const approval = record.data.approval;
  if (approval?.status !== 'approved') return undefined;
  return {
    ...(approval.approved_by ? { approvedBy: approval.approved_by } : {}),
    ...(approval.approved_on ? { approvedOn: approval.approved_on } : {}),
    ...(approval.notice ? { notice: { number: approval.notice.number, date: approval.notice.date } } : {}),
  };
}

/** A meeting as the reports and the official documents show it. */
export function reportMeeting(record: MeetingRecord, config: Config): ReportMeeting {
  const data = record.data;
  const chairs = chairsOf(data.chair).map(person);
  const approval = approvalOf(record);
  return {
    date: data.date,
    ...(data.end_date ? { endDate: data.end_date } : {}),
    kind: data.kind,
    title: data.title,
    period: data.period ?? monthOf(data.date),
    chair: chairs[0]!.name,
    ...(chairs[0]!.role ? { chairRole: chairs[0]!.role } : {}),
    chairs,
    organization: organizationOf(record, config) ?? config.organization,
    ...(data.time ? { time: data.time } : {}),
    ...(data.session ? { session: data.session } : {}),
    ...(data.mode ? { mode: data.mode } : {}),
    ...(data.location ? { location: data.location } : {}),
    attendees: (data.attendees ?? []).map(person),
    ...(data.recorder ? { recorder: data.recorder } : {}),
    discussion: (data.discussion ?? []).map((d) => ({ speaker: d.speaker, topic: d.topic })),
    shortcomings: data.shortcomings ?? [],
    ...(data.conclusion ? { conclusion: data.conclusion } : {}),
    proposals: data.proposals ?? [],
    references: (data.references ?? []).map((r) => ({ document: r.document, ...(r.title ? { title: r.title } : {}) })),
    decisions: decisionsOf(record),
    ...(approval ? { approval } : {}),
    file: record.file,
    ...(record.body !== undefined ? { body: record.body } : {}),
  };
}

function facts(figure: Figure | undefined, target: number | undefined, yoy: number | undefined): FigureFacts {
  return {
    ...(figure?.ytd !== undefined ? { ytd: figure.ytd } : {}),
    ...(target !== undefined ? { targetPct: target } : {}),
    ...(figure?.planPct !== undefined ? { planPct: figure.planPct } : {}),
    ...(yoy !== undefined ? { yoyPct: yoy } : {}),
    estimate: figure?.estimate ?? false,
    ...(figure?.qualifier ? { qualifier: figure.qualifier } : {}),
    ...(figure?.ytd !== undefined ? { ytdEstimate: figure.ytdEstimate ?? false, ...(figure.ytdQualifier ? { ytdQualifier: figure.ytdQualifier } : {}) } : {}),
  };
}

/** Each organization's metrics with a figure this month or a value the previous one: the repository's own first. */
function reportMetrics(book: FigureBook, config: Config, month: Month, trendMonths: readonly Month[]): ReportMetric[] {
  const previousMonth = addMonths(month, -1);
  const organizations = [...new Set([...book.organizations(month), ...book.organizations(previousMonth)])];
  const out: ReportMetric[] = [];
  for (const organization of organizations) {
    for (const [id, definition] of Object.entries(config.metrics)) {
      const figure = book.figure(id, month, organization);
      const before = book.figure(id, previousMonth, organization);
      const previous = before?.value;
      const previousMarks = figureMarks(before);
      if (figure === undefined && previous === undefined) continue;
      const value = figure?.value;
      const target = figure && organization === null ? book.targetPct(id, figure, month) : undefined;
      const yoy = figure ? book.yoyPct(id, figure, month, organization) : undefined;
      const { change, percent, points } = metricChange(previous, value, isPercentMetric(definition));
      out.push({
        id,
        label: definition.label,
        ...(definition.unit ? { unit: definition.unit } : {}),
        sector: definition.sector,
        organization,
        ...(value !== undefined ? { value } : {}),
        ...(previous !== undefined ? { previous } : {}),
        ...(previousMarks ? { previousMarks } : {}),
        ...(change !== undefined ? { change } : {}),
        ...(percent !== undefined ? { percent } : {}),
        ...(points !== undefined ? { points } : {}),
        ...facts(figure, target, yoy),
        trend: trendMonths.map((m) => {
          const v = book.figure(id, m, organization)?.value;
          return v === undefined ? { month: m } : { month: m, value: v };
        }),
      });
    }
  }
  return out;
}

function reportSpans(book: FigureBook, config: Config, month: Month): ReportSpan[] {
  return book.spans(month).map((span) => ({
    period: span.period,
    first: span.first,
    last: span.last,
    organization: span.organization,
    metrics: [...span.figures].map(([id, figure]) => {
      const definition = config.metrics[id]!;
      const target = span.organization === null ? book.targetPct(id, figure, span.last, span.first) : undefined;
      return {
        id,
        label: definition.label,
        ...(definition.unit ? { unit: definition.unit } : {}),
        sector: definition.sector,
        ...(figure.value !== undefined ? { value: figure.value } : {}),
        ...facts(figure, target, figure.yoyPct),
      };
    }),
  }));
}

function sectorResults(meetings: readonly MeetingRecord[], config: Config, metrics: readonly ReportMetric[]): SectorResult[] {
  // Grouped once: a config may declare thousands of sectors.
  const summariesOf = new Map<string, SectorResult['summaries']>();
  for (const r of meetings) {
    const organization = organizationOf(r, config);
    for (const res of r.data.results ?? []) {
      const list = summariesOf.get(res.sector);
      const summary = { text: res.summary, date: r.data.date, file: r.file, ...(organization ? { organization } : {}) };
      if (list) list.push(summary);
      else summariesOf.set(res.sector, [summary]);
    }
  }
  const metricsOf = new Map<string, ReportMetric[]>();
  for (const m of metrics) {
    // Another organization's figures are in their own table.
    if (m.organization !== null) continue;
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

/**
 * A task's row, made in one literal with every key in ReportTask's order,
 * those it lacks undefined (JSON leaves them out, as it would absent keys):
 * rows that each had a shape of their own, by which optional keys they set,
 * made every read of them by the renderers a slow, many-shaped one (a cold
 * html report at 100k records writes 640,000 rows; BENCHMARKS.md).
 */
function reportTask(
  register: TaskRegister,
  day: RegisterDay,
  place: number,
  ownerNames: (owners: readonly string[]) => readonly string[],
  asOf: IsoDate,
  config: Config,
): ReportTask {
  const task = register.task(place);
  const owners = register.owners(task);
  const due = register.due(place);
  const status = register.status(day, place);
  const note = day.updated[place] === 1 ? day.lastUpdates[place]?.note : undefined;
  // The keys putTaskTerms sets, then the row's own, in the order rows had them when set one by one.
  return {
    id: task.id,
    title: task.title,
    owners,
    ownerNames: ownerNames(owners),
    due: due || undefined,
    dueAsWritten: task.due ?? undefined,
    recurring: task.recurring === true,
    directedBy: task.directed_by || undefined,
    sector: task.sector || undefined,
    status,
    overdueDays: overdueDays({ status, due }, asOf),
    meeting: rowMeeting(register.meeting(place), config),
    note: note || undefined,
  };
}

/**
 * A task row made safe to show, as visibleDeep makes any value (model/text.ts),
 * field by field: every string through `text`, the owners, their names, the
 * deadline as written and the meeting (shared between rows) through `deep`.
 * Every field of ReportTask is named here; a test compares this with
 * visibleDeep's walk on rows holding every field.
 */
export function shownReportTask(row: ReportTask, text: (text: string) => string, deep: (item: unknown) => unknown): ReportTask {
  row.id = text(row.id);
  row.title = text(row.title);
  row.owners = deep(row.owners) as ReportTask['owners'];
  row.ownerNames = deep(row.ownerNames) as ReportTask['ownerNames'];
  if (row.due !== undefined) row.due = text(row.due);
  if (row.dueAsWritten !== undefined) row.dueAsWritten = deep(row.dueAsWritten) as ReportTask['dueAsWritten'];
  if (row.directedBy !== undefined) row.directedBy = text(row.directedBy);
  if (row.sector !== undefined) row.sector = text(row.sector);
  row.status = text(row.status) as ReportTask['status'];
  row.meeting = deep(row.meeting) as ReportTask['meeting'];
  if (row.note !== undefined) row.note = text(row.note);
  return row;
}

/**
 * The accountability table: a task counts for every owner it lists (a group
 * counts as itself, not for its members). Config order, then any undeclared
 * owner in the order met; owners with nothing to count are left out.
 */
function ownerRows(
  config: Config,
  places: Record<'assigned' | 'completed' | 'dropped' | 'open' | 'overdue', Int32Array>,
  ownersOf: (place: number) => readonly string[],
): OwnerRow[] {
  const rows = new Map<string, Required<OwnerRow>>();
  const empty = (owner: string, name: string) => ({ owner, name, assigned: 0, completed: 0, dropped: 0, open: 0, overdue: 0 });
  for (const [owner, name] of Object.entries(config.owners)) rows.set(owner, empty(owner, name));
  const count = (list: Int32Array, key: 'assigned' | 'completed' | 'dropped' | 'open' | 'overdue') => {
    for (const place of list) {
      // Each owner once: the register's lists are (onceEach).
      for (const owner of ownersOf(place)) {
        let row = rows.get(owner);
        if (!row) rows.set(owner, (row = empty(owner, owner)));
        row[key]++;
      }
    }
  };
  count(places.assigned, 'assigned');
  count(places.completed, 'completed');
  count(places.dropped, 'dropped');
  count(places.open, 'open');
  count(places.overdue, 'overdue');
  return [...rows.values()].filter((r) => r.assigned + r.completed + (r.dropped ?? 0) + r.open + r.overdue > 0);
}

/**
 * One pass over the records for everything the report says about tasks: their
 * states "as of" the month, which were closed "as of" the month before, and
 * the open/closed/overdue counts of the trend's months. A month counts only
 * the tasks of meetings belonging to it or to an earlier month.
 */
function taskTimeline(
  records: readonly MeetingRecord[],
  config: Config,
  month: Month,
  months: readonly Month[],
  dayOf: Map<Month, IsoDate>,
): { register: TaskRegister; asOfStates: RegisterDay; closedBefore: Uint8Array; history: TaskCountsPoint[]; assignedIn: (place: number) => Month } {
  const register = new TaskRegister(records, deadlinesOf(config));
  const assignedIn = (place: number) => register.assignedIn(place);
  const previous = addMonths(month, -1);
  const history = new Map<Month, TaskCountsPoint>();
  // Place → CLOSED_CODE of the tasks done or dropped "as of" the month before.
  let closedBefore = new Uint8Array(0);
  const days = [...new Set(dayOf.values())].sort();
  const asOf = dayOf.get(month)!;
  let asOfStates: RegisterDay | undefined;
  for (const day of days) {
    const states = register.walkTo(day);
    for (const m of months) {
      if (dayOf.get(m) !== day) continue;
      const point = { month: m, open: 0, closed: 0, overdue: 0 };
      for (let place = 0; place < states.count; place++) {
        if (!register.isTask(states, place) || assignedIn(place) > m) continue;
        const status = register.status(states, place);
        // Standing work is neither open nor closed work of a month, unless it is dropped (as in the lists).
        if (status !== 'dropped' && register.isStanding(place)) continue;
        if (isOpenStatus(status)) point.open++;
        else point.closed++;
        if (isOverdue({ status, due: register.due(place) }, day)) point.overdue++;
      }
      history.set(m, point);
      if (m === previous) {
        closedBefore = new Uint8Array(states.count);
        for (let place = 0; place < states.count; place++) {
          const before = register.isTask(states, place) && assignedIn(place) <= previous ? register.status(states, place) : undefined;
          if (before === 'done' || before === 'dropped') closedBefore[place] = CLOSED_CODE[before];
        }
      }
    }
    // The walk goes on past a month whose "as of" day is not the last (a late meeting of an earlier month): its states kept apart.
    if (day === asOf) asOfStates = day === days.at(-1) ? states : TaskRegister.copy(states);
  }
  return { register, asOfStates: asOfStates!, closedBefore, history: months.map((m) => history.get(m)!), assignedIn };
}
