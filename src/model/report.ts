// The monthly report as a value: built once by buildReport (pure), then
// turned into text, Markdown, HTML or JSON by the renderers.
import type { IsoDate, Month } from './dates.js';
import type { Locale, MeetingKind, TaskStatus } from './terms.js';

export interface ReportMeeting {
  date: IsoDate;
  kind: MeetingKind;
  title: string;
  chair: string;
  chairRole?: string;
  organization: string;
  time?: string;
  location?: string;
  /** Path of the record, relative to the repository root. */
  file: string;
  /** The record's Markdown body (untrusted: sanitize before HTML). */
  body: string;
}

export interface ReportTask {
  id: string;
  title: string;
  /** Owner ids, the lead first. */
  owners: string[];
  /** Owner names from the config, same order. */
  ownerNames: string[];
  due?: IsoDate;
  sector?: string;
  /** State at the end of the report's month. */
  status: TaskStatus;
  /** Days overdue on the month's last day (0 when not overdue). */
  overdueDays: number;
  /** The meeting that assigned it. */
  meeting: { date: IsoDate; title: string; file: string };
  /** The note of the latest update up to the month's end, when that update has one. */
  note?: string;
}

interface MetricPoint {
  month: Month;
  value?: number;
}

export interface ReportMetric {
  id: string;
  label: string;
  unit?: string;
  sector: string;
  value?: number;
  /** The previous month's value. */
  previous?: number;
  /** value − previous, when both are known. */
  change?: number;
  /** change in % of previous, when previous is known and not 0. */
  percent?: number;
  /** The last 6 months, oldest first, ending with the report's month. */
  trend: MetricPoint[];
}

export interface SectorResult {
  sector: string;
  label: string;
  summaries: { text: string; date: IsoDate; file: string }[];
  /** Metrics of this sector with a value this month or the previous one. */
  metrics: ReportMetric[];
}

export interface OwnerRow {
  owner: string;
  name: string;
  assigned: number;
  completed: number;
  open: number;
  overdue: number;
}

export interface TaskCountsPoint {
  month: Month;
  /** Open or in progress at the end of the month. */
  open: number;
  /** Done or dropped at the end of the month. */
  closed: number;
  /** Overdue on the month's last day. */
  overdue: number;
}

export interface Report {
  month: Month;
  previousMonth: Month;
  nextMonth: Month;
  locale: Locale;
  organization: string;
  meetings: ReportMeeting[];
  /** Sectors in config order; only sectors with something to show. */
  results: SectorResult[];
  /** Every metric with a value this month or the previous one, config order. */
  metrics: ReportMetric[];
  decisions: { text: string; date: IsoDate; file: string }[];
  tasks: {
    /** Assigned at meetings dated in the month. */
    assigned: ReportTask[];
    /** Done or dropped this month (open or not yet assigned at the end of the previous month). */
    completed: ReportTask[];
    /** Open at the end of the month and assigned before it. */
    carried: ReportTask[];
    /** Overdue on the month's last day. */
    overdue: ReportTask[];
    /** Open at the end of the month and due in the next month. */
    dueNext: ReportTask[];
  };
  /** Accountability per owner (config order; owners with any task). */
  owners: OwnerRow[];
  /** Task counts at the end of each of the last 6 months, oldest first. */
  history: TaskCountsPoint[];
}
