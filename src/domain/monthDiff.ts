// What changed between two months (docs/format.md "What the records mean"), as a
// value built once by diffMonths (pure), then rendered as text, Markdown or JSON.
import type { MeetingRecord } from '../model/record.js';
import type { IsoDate, Month } from '../model/dates.js';
import { asOfDays, meetingsOf, reportingMonthOf } from './months.js';
import { deadlinesOf } from './deadlines.js';
import { FigureBook, isPercentMetric, metricChange } from './figures.js';
import { chairName, decisionText, type Config } from '../model/schema.js';
import { forEachTaskStateDay, isOpenStatus, isOverdue, overdueDays, ownerNamesFor, rowMeeting, taskStatesOn } from './taskState.js';
import type { TaskState, TaskTerms } from '../model/tasks.js';
import type { MeetingKind, TaskStatus } from '../model/terms.js';

export interface DiffTask extends TaskTerms {
  id: string;
  title: string;
  /** Owner ids, the lead first. */
  owners: readonly string[];
  /** Owner names from the config, same order (the id when undeclared). */
  ownerNames: readonly string[];
  sector?: string;
  /** State "as of" the later month. */
  status: TaskStatus;
  /** State "as of" the earlier month; undefined when it did not exist yet. */
  statusBefore?: TaskStatus;
  /** Days overdue on the later month's "as of" day (0 when not overdue). */
  overdueDays: number;
  /** The meeting that assigned it. */
  meeting: { date: IsoDate; title: string; file: string };
}

interface DiffMetric {
  id: string;
  label: string;
  unit?: string;
  sector: string;
  /** The organization the figures are of; null for the repository's own. */
  organization: string | null;
  from?: number;
  to?: number;
  /** to − from, when both are known. */
  change?: number;
  /** change in % of from, when from is known and not 0; never for a `%` metric. */
  percent?: number;
  /** For a `%` metric: the change in percentage points (equal to change). */
  points?: number;
}

interface DiffMeeting {
  date: IsoDate;
  kind: MeetingKind;
  title: string;
  chair: string;
  file: string;
}

interface DiffDecision {
  text: string;
  date: IsoDate;
  file: string;
}

export interface MonthDiff {
  from: Month;
  to: Month;
  /** The "as of" days of the two months: task states are taken on them. */
  fromDay: IsoDate;
  toDay: IsoDate;
  /** Each list in assignment order (meeting date, file path, position in the record). */
  tasks: {
    /** Assigned at a meeting belonging to a month after `from`, up to `to` (recurring ones only when dropped). */
    opened: DiffTask[];
    /** Open or in progress as of `from`; done as of `to` (not recurring). */
    closed: DiffTask[];
    /** Open or in progress as of `from`; dropped as of `to`. */
    dropped: DiffTask[];
    /** Open or in progress as of both. */
    carried: DiffTask[];
    /** Overdue on `to`'s "as of" day, not on `from`'s. */
    newlyOverdue: DiffTask[];
  };
  /** Every organization's metrics with a value in either month: the repository's own first, config order. */
  metrics: DiffMetric[];
  /** Meetings belonging to `to`, in date order. */
  meetings: DiffMeeting[];
  /** Decisions of those meetings, in meeting order. */
  decisions: DiffDecision[];
}

export function diffMonths(records: readonly MeetingRecord[], config: Config, from: Month, to: Month): MonthDiff {
  if (!(from < to)) throw new RangeError(`diffMonths needs an earlier month first, got ${from} and ${to}`);
  const days = asOfDays(records, [from, to]);
  const fromDay = days.get(from)!;
  const toDay = days.get(to)!;
  const deadlines = deadlinesOf(config);
  const assignedIn = (s: TaskState) => reportingMonthOf(s.meeting);
  const before = new Map<string, Earlier>();
  const note = (live: Map<string, TaskState>) => {
    for (const [id, s] of live) if (assignedIn(s) <= from) before.set(id, { status: s.status, ...(s.due ? { due: s.due } : {}) });
  };
  const upToLater = (live: Map<string, TaskState>) => new Map([...live].filter(([, s]) => assignedIn(s) <= to));
  let after = new Map<string, TaskState>();
  if (fromDay <= toDay) {
    // One walk through the records for both days: what `from` knew of each task is noted on the way.
    forEachTaskStateDay(
      records,
      fromDay === toDay ? [toDay] : [fromDay, toDay],
      (day, live) => {
        if (day === fromDay) note(live);
        if (day === toDay) after = upToLater(live);
      },
      deadlines,
    );
  } else {
    // The earlier month reviewed after the later one's day: its states lie further on, so two walks.
    note(taskStatesOn(records, fromDay, deadlines));
    after = upToLater(taskStatesOn(records, toDay, deadlines));
  }

  const tasks: MonthDiff['tasks'] = { opened: [], closed: [], dropped: [], carried: [], newlyOverdue: [] };
  const ownerNames = ownerNamesFor(config);
  for (const state of after.values()) {
    const earlier = before.get(state.id);
    const task = diffTask(state, earlier, ownerNames, toDay);
    const wasOpen = earlier !== undefined && isOpenStatus(earlier.status);
    // Standing work is never counted as opened or closed unless it is dropped.
    if (assignedIn(state) > from && (!state.recurring || state.status === 'dropped')) tasks.opened.push(task);
    else if (wasOpen && state.status === 'done' && !state.recurring) tasks.closed.push(task);
    else if (wasOpen && state.status === 'dropped') tasks.dropped.push(task);
    else if (wasOpen && isOpenStatus(state.status)) tasks.carried.push(task);
    // A task reopened (done or dropped at `from`, open at `to`) is in none of these.
    if (isOverdue(state, toDay) && !(earlier && isOverdue(earlier, fromDay))) tasks.newlyOverdue.push(task);
  }

  const book = new FigureBook(records, config);
  const metrics: DiffMetric[] = [];
  const organizations = [...new Set([...book.organizations(from), ...book.organizations(to)])];
  for (const organization of organizations) {
    for (const [id, definition] of Object.entries(config.metrics)) {
      const a = book.figure(id, from, organization)?.value;
      const b = book.figure(id, to, organization)?.value;
      if (a === undefined && b === undefined) continue;
      const { change, percent, points } = metricChange(a, b, isPercentMetric(definition));
      metrics.push({
        id,
        label: definition.label,
        ...(definition.unit ? { unit: definition.unit } : {}),
        sector: definition.sector,
        organization,
        from: a,
        to: b,
        change,
        percent,
        points,
      });
    }
  }

  const monthMeetings = meetingsOf(records, to);
  return {
    from,
    to,
    fromDay,
    toDay,
    tasks,
    metrics,
    meetings: monthMeetings.map((r) => ({ date: r.data.date, kind: r.data.kind, title: r.data.title, chair: chairName(r.data.chair), file: r.file })),
    decisions: monthMeetings.flatMap((r) => (r.data.decisions ?? []).map((d) => ({ text: decisionText(d), date: r.data.date, file: r.file }))),
  };
}

/** What the diff needs of a task's state on the earlier month's day. */
type Earlier = Pick<TaskState, 'status' | 'due'>;

function diffTask(state: TaskState, earlier: Earlier | undefined, ownerNames: (owners: readonly string[]) => readonly string[], toDay: IsoDate): DiffTask {
  return {
    id: state.id,
    title: state.title,
    owners: state.owners,
    ownerNames: ownerNames(state.owners),
    ...(state.sector ? { sector: state.sector } : {}),
    ...(state.due ? { due: state.due } : {}),
    ...(state.dueAsWritten !== undefined ? { dueAsWritten: state.dueAsWritten } : {}),
    recurring: state.recurring,
    ...(state.directedBy ? { directedBy: state.directedBy } : {}),
    status: state.status,
    ...(earlier ? { statusBefore: earlier.status } : {}),
    overdueDays: overdueDays(state, toDay),
    meeting: rowMeeting(state.meeting),
  };
}
