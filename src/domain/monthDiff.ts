// What changed between two months (docs/format.md "What the records mean"), as a
// value built once by diffMonths (pure), then rendered as text, Markdown or JSON.
import type { MeetingRecord } from '../model/record.js';
import { lastDayOf, type IsoDate, type Month } from '../model/dates.js';
import { meetingsOf, metricChange, metricValuesOf } from './months.js';
import { chairName, type Config } from '../model/schema.js';
import { isOpenStatus, isOverdue, overdueDays, taskStatesAtEndOf } from './taskState.js';
import type { TaskState } from '../model/tasks.js';
import type { MeetingKind, TaskStatus } from '../model/terms.js';

export interface DiffTask {
  id: string;
  title: string;
  /** Owner ids, the lead first. */
  owners: string[];
  /** Owner names from the config, same order (the id when undeclared). */
  ownerNames: string[];
  sector?: string;
  due?: IsoDate;
  /** State at the end of the later month. */
  status: TaskStatus;
  /** State at the end of the earlier month; undefined when it did not exist yet. */
  statusBefore?: TaskStatus;
  /** Days overdue on the later month's last day (0 when not overdue). */
  overdueDays: number;
  /** The meeting that assigned it. */
  meeting: { date: IsoDate; title: string; file: string };
}

interface DiffMetric {
  id: string;
  label: string;
  unit?: string;
  sector: string;
  from?: number;
  to?: number;
  /** to − from, when both are known. */
  change?: number;
  /** change in % of from, when from is known and not 0. */
  percent?: number;
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
  /** Last days of the two months: task states are taken at their end. */
  fromDay: IsoDate;
  toDay: IsoDate;
  /** Each list in assignment order (meeting date, file path, position in the record). */
  tasks: {
    /** Exists at the end of `to`, not at the end of `from` (whatever its state). */
    opened: DiffTask[];
    /** Open or in progress at the end of `from`; done or dropped at the end of `to`. */
    closed: DiffTask[];
    /** Open or in progress at the end of both. */
    carried: DiffTask[];
    /** Overdue on the last day of `to`, not on the last day of `from`. */
    newlyOverdue: DiffTask[];
  };
  /** Every configured metric with a value in either month, config order. */
  metrics: DiffMetric[];
  /** Meetings whose period is `to`, in date order. */
  meetings: DiffMeeting[];
  /** Decisions of those meetings, in meeting order. */
  decisions: DiffDecision[];
}

export function diffMonths(records: readonly MeetingRecord[], config: Config, from: Month, to: Month): MonthDiff {
  if (!(from < to)) throw new RangeError(`diffMonths needs an earlier month first, got ${from} and ${to}`);
  const fromDay = lastDayOf(from);
  const toDay = lastDayOf(to);
  const before = taskStatesAtEndOf(records, from);
  const after = taskStatesAtEndOf(records, to);

  const tasks: MonthDiff['tasks'] = { opened: [], closed: [], carried: [], newlyOverdue: [] };
  // A task existing at the end of `from` exists at the end of `to`: `after` holds every task.
  for (const state of after.values()) {
    const earlier = before.get(state.id);
    const task = diffTask(state, earlier, config, toDay);
    if (!earlier) tasks.opened.push(task);
    else if (isOpenStatus(earlier.status) && !isOpenStatus(state.status)) tasks.closed.push(task);
    else if (isOpenStatus(earlier.status) && isOpenStatus(state.status)) tasks.carried.push(task);
    // A task reopened (done or dropped at `from`, open at `to`) is in none of the three.
    if (isOverdue(state, toDay) && !(earlier && isOverdue(earlier, fromDay))) tasks.newlyOverdue.push(task);
  }

  const metrics: DiffMetric[] = [];
  const fromValues = metricValuesOf(records, config, from);
  const toValues = metricValuesOf(records, config, to);
  for (const [id, definition] of Object.entries(config.metrics)) {
    if (!fromValues.has(id) && !toValues.has(id)) continue;
    const change = metricChange(id, fromValues.get(id), toValues.get(id));
    if (change.from === undefined && change.to === undefined) continue;
    metrics.push({
      id,
      label: definition.label,
      ...(definition.unit ? { unit: definition.unit } : {}),
      sector: definition.sector,
      from: change.from,
      to: change.to,
      change: change.change,
      percent: change.percent,
    });
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
    decisions: monthMeetings.flatMap((r) => (r.data.decisions ?? []).map((text) => ({ text, date: r.data.date, file: r.file }))),
  };
}

function diffTask(state: TaskState, earlier: TaskState | undefined, config: Config, toDay: IsoDate): DiffTask {
  return {
    id: state.id,
    title: state.title,
    owners: state.owners,
    ownerNames: state.owners.map((o) => config.owners[o] ?? o),
    ...(state.sector ? { sector: state.sector } : {}),
    ...(state.due ? { due: state.due } : {}),
    status: state.status,
    ...(earlier ? { statusBefore: earlier.status } : {}),
    overdueDays: overdueDays(state, toDay),
    meeting: { date: state.meeting.data.date, title: state.meeting.data.title, file: state.meeting.file },
  };
}
