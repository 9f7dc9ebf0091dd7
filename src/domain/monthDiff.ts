// What changed between two months (docs/format.md "What the records mean"), as a
// value built once by diffMonths (pure), then rendered as text, Markdown or JSON.
import type { MeetingRecord } from '../model/record.js';
import type { IsoDate, Month } from '../model/dates.js';
import { asOfDays, meetingsOf, organizationOf } from './months.js';
import { deadlinesOf } from './deadlines.js';
import { figureMarks, FigureBook, isPercentMetric, metricChange } from './figures.js';
import type { FigureMarks } from '../model/report.js';
import { chairNames, decisionText, type Config } from '../model/schema.js';
import { isOpenStatus, isOverdue, overdueDays, ownerNamesFor, rowMeeting, taskTermsAt } from './taskState.js';
import { TaskRegister, type RegisterDay } from './taskRegister.js';
import type { TaskMeeting, TaskState, TaskTerms } from '../model/tasks.js';
import type { MeetingKind, TaskStatus } from '../model/terms.js';
import { RowsByPlace, type RowList } from '../model/text.js';

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
  meeting: TaskMeeting;
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
  /** What the figures say of their values (v2): "ước", "khoảng"… */
  fromMarks?: FigureMarks;
  toMarks?: FigureMarks;
}

interface DiffMeeting {
  date: IsoDate;
  kind: MeetingKind;
  title: string;
  chair: string;
  file: string;
  /** Another organization's meeting (FORMAT.md: shown beside it); null for the repository's own. */
  organization: string | null;
}

interface DiffDecision {
  text: string;
  date: IsoDate;
  file: string;
  /** The organization whose meeting adopted it, when not the repository's; else null. */
  organization: string | null;
}

export interface MonthDiff {
  from: Month;
  to: Month;
  /** The "as of" days of the two months: task states are taken on them. */
  fromDay: IsoDate;
  toDay: IsoDate;
  /**
   * Each list in assignment order (meeting date, file path, position in the
   * record), its rows made as they are read: at 100,000 records a diff
   * carries hundreds of thousands of tasks, whose titles may be in the record
   * store's spill file.
   */
  tasks: {
    /** Assigned at a meeting belonging to a month after `from`, up to `to` (recurring ones only when dropped). */
    opened: RowList<DiffTask>;
    /** Open or in progress as of `from`; done as of `to` (not recurring). */
    closed: RowList<DiffTask>;
    /** Open or in progress as of `from`; dropped as of `to`. */
    dropped: RowList<DiffTask>;
    /** Open or in progress as of both. */
    carried: RowList<DiffTask>;
    /** Overdue on `to`'s "as of" day, not on `from`'s. */
    newlyOverdue: RowList<DiffTask>;
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
  const register = new TaskRegister(records, deadlinesOf(config));
  const assignedIn = (place: number) => register.assignedIn(place);
  // The register walks forward: the earlier of the two days is kept apart (the earlier month may be reviewed after the later one's day).
  let before: RegisterDay;
  let after: RegisterDay;
  if (fromDay <= toDay) {
    before = fromDay === toDay ? register.walkTo(fromDay) : TaskRegister.copy(register.walkTo(fromDay));
    after = register.walkTo(toDay);
  } else {
    after = TaskRegister.copy(register.walkTo(toDay));
    before = register.walkTo(fromDay);
  }
  /** What `from` knew of the task at `place`: undefined when it was not assigned then (or belongs to a later month). */
  const earlierAt = (place: number): Earlier | undefined => {
    if (place >= before.count || !register.isTask(before, place) || assignedIn(place) > from) return undefined;
    const due = register.due(place);
    return { status: register.status(before, place), ...(due ? { due } : {}) };
  };

  const places = { opened: [] as number[], closed: [] as number[], dropped: [] as number[], carried: [] as number[], newlyOverdue: [] as number[] };
  for (let place = 0; place < after.count; place++) {
    if (!register.isTask(after, place) || assignedIn(place) > to) continue;
    const earlier = earlierAt(place);
    const status = register.status(after, place);
    const recurring = register.isStanding(place);
    const wasOpen = earlier !== undefined && isOpenStatus(earlier.status);
    // Standing work is never counted as opened or closed unless it is dropped.
    if (assignedIn(place) > from && (!recurring || status === 'dropped')) places.opened.push(place);
    else if (wasOpen && status === 'done' && !recurring) places.closed.push(place);
    else if (wasOpen && status === 'dropped') places.dropped.push(place);
    else if (wasOpen && isOpenStatus(status)) places.carried.push(place);
    // A task reopened (done or dropped at `from`, open at `to`) is in none of these.
    if (isOverdue({ status, due: register.due(place) }, toDay) && !(earlier && isOverdue(earlier, fromDay))) places.newlyOverdue.push(place);
  }
  const ownerNames = ownerNamesFor(config);
  const rows = (kept: number[]) =>
    new RowsByPlace(Int32Array.from(kept), (place) => diffTask(register, after, place, earlierAt(place), ownerNames, toDay, config));
  const tasks: MonthDiff['tasks'] = {
    opened: rows(places.opened),
    closed: rows(places.closed),
    dropped: rows(places.dropped),
    carried: rows(places.carried),
    newlyOverdue: rows(places.newlyOverdue),
  };

  const book = new FigureBook(records, config);
  const metrics: DiffMetric[] = [];
  const organizations = [...new Set([...book.organizations(from), ...book.organizations(to)])];
  for (const organization of organizations) {
    for (const [id, definition] of Object.entries(config.metrics)) {
      const before = book.figure(id, from, organization);
      const after = book.figure(id, to, organization);
      const [a, b] = [before?.value, after?.value];
      if (a === undefined && b === undefined) continue;
      const [fromMarks, toMarks] = [figureMarks(before), figureMarks(after)];
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
        ...(fromMarks ? { fromMarks } : {}),
        ...(toMarks ? { toMarks } : {}),
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
    meetings: monthMeetings.map((r) => ({
      date: r.data.date,
      kind: r.data.kind,
      title: r.data.title,
      chair: chairNames(r.data.chair),
      file: r.file,
      organization: organizationOf(r, config),
    })),
    decisions: monthMeetings.flatMap((r) =>
      (r.data.decisions ?? []).map((d) => ({ text: decisionText(d), date: r.data.date, file: r.file, organization: organizationOf(r, config) })),
    ),
  };
}

/** What the diff needs of a task's state on the earlier month's day. */
type Earlier = Pick<TaskState, 'status' | 'due'>;

function diffTask(
  register: TaskRegister,
  states: RegisterDay,
  place: number,
  earlier: Earlier | undefined,
  ownerNames: (owners: readonly string[]) => readonly string[],
  toDay: IsoDate,
  config: Config,
): DiffTask {
  const task = register.task(place);
  const owners = register.owners(task);
  const due = register.due(place);
  const status = register.status(states, place);
  return {
    id: task.id,
    title: task.title,
    owners,
    ownerNames: ownerNames(owners),
    ...(task.sector ? { sector: task.sector } : {}),
    ...taskTermsAt(task, due),
    status,
    ...(earlier ? { statusBefore: earlier.status } : {}),
    overdueDays: overdueDays({ status, due }, toDay),
    meeting: rowMeeting(register.meeting(place), config),
  };
}
