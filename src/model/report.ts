// The monthly report as a value: built once by buildReport (pure), then
// turned into text, Markdown, HTML or JSON by the renderers.
import type { IsoDate, Month } from './dates.js';
import type { RowList } from './text.js';
import type { TaskMeeting, TaskTerms } from './tasks.js';
import type { Locale, MeetingKind, MeetingMode, Qualifier, Session, TaskStatus } from './terms.js';

/** A person as a record names them: chairs, attendees (v2: with an organization). */
export interface ReportPerson {
  name: string;
  role?: string;
  organization?: string;
}

/** A decision with the document it was issued as and the vote (v2). */
export interface ReportDecision {
  text: string;
  document?: string;
  vote?: { for: number; against?: number; abstain?: number };
  /** The meeting that adopted it. */
  date: IsoDate;
  file: string;
}

/** Approved minutes (v2): who approved them, when, and the "Thông báo kết luận" issued. */
export interface ReportApproval {
  approvedBy?: string;
  approvedOn?: IsoDate;
  notice?: { number: string; date: IsoDate };
}

export interface ReportMeeting {
  date: IsoDate;
  /** The last day of a meeting held over several days. */
  endDate?: IsoDate;
  kind: MeetingKind;
  title: string;
  // The keys below marked "v2" are always set by buildReport; a Report value
  // built elsewhere to the version 1 shape (tests, other tools) may leave them out.
  /** v2: what it reviews, as written (default: the month of its date). */
  period?: string;
  /** The presiding chair. */
  chair: string;
  chairRole?: string;
  /** v2: every chair, the presiding one first (co-chairs after it). */
  chairs?: ReportPerson[];
  organization: string;
  time?: string;
  session?: Session;
  mode?: MeetingMode;
  location?: string;
  /** v2. */
  attendees?: ReportPerson[];
  recorder?: string;
  /** v2. */
  discussion?: { speaker: string; topic: string }[];
  /** v2. */
  shortcomings?: string[];
  conclusion?: string;
  /** v2. */
  proposals?: string[];
  /** v2. */
  references?: { document: string; title?: string }[];
  /** v2: the decisions it adopted. */
  decisions?: ReportDecision[];
  /** v2: set when the minutes are approved (final), with the notice issued from them. */
  approval?: ReportApproval;
  /** Path of the record, relative to the repository root. */
  file: string;
  /**
   * The record's Markdown body (untrusted: sanitize before HTML). Only HTML and the Báo cáo show it: a
   * report for another format is read without bodies (a month's were ~10 MB at 100,000 records).
   */
  body?: string;
}

export interface ReportTask extends TaskTerms {
  id: string;
  title: string;
  /** Owner ids, the lead first. */
  owners: readonly string[];
  /** Owner names from the config, same order. */
  ownerNames: readonly string[];
  sector?: string;
  /** State "as of" the report's month. */
  status: TaskStatus;
  /** Days overdue on the report's "as of" day (0 when not overdue). */
  overdueDays: number;
  /** The meeting that assigned it. */
  meeting: TaskMeeting;
  /** The note of the latest update up to the month's end, when that update has one. */
  note?: string;
}

/**
 * A list of a report's tasks: an array, or rows made as they are read
 * (RowsByPlace, model/text.ts). A report at 100,000 records lists about a
 * million rows; held at once beside the records they are made from, they
 * set the run's peak.
 */
export type TaskRows = RowList<ReportTask>;

interface MetricPoint {
  month: Month;
  value?: number;
}

/** An estimate ("ước") or a qualifier ("trên", "khoảng", "dưới") of a value (v2), when it has either. */
export interface FigureMarks {
  estimate: boolean;
  qualifier?: Qualifier;
}

/** What a figure says besides its value (v2): all optional, as the records give them. */
export interface FigureFacts {
  /** Year-to-date total up to the end of the period. */
  ytd?: number;
  /** Share of the year's target (`targets[year]`), in %. */
  targetPct?: number;
  /** "đạt X% kế hoạch" as stated: one number, or plan id → number. */
  planPct?: number | Record<string, number>;
  /** Change against the same period last year, in %: as stated, or computed. */
  yoyPct?: number;
  /** "ước" (v2; absent: false): the value is an estimate (with no value: the ytd). */
  estimate?: boolean;
  /** The value's qualifier (with no value: the ytd's). */
  qualifier?: Qualifier;
  /** The ytd's own "ước" and qualifier: the meeting that gave the ytd may not be the one that gave the value (v2). */
  ytdEstimate?: boolean;
  ytdQualifier?: Qualifier;
}

export interface ReportMetric extends FigureFacts {
  id: string;
  label: string;
  unit?: string;
  sector: string;
  /** v2: the organization the figures are of; null (or absent) for the repository's own. */
  organization?: string | null;
  value?: number;
  /** The previous month's value. */
  previous?: number;
  /** What the previous month's figure says of its value (v2): "ước", "khoảng"… */
  previousMarks?: FigureMarks;
  /** value − previous, when both are known. */
  change?: number;
  /** change in % of previous, when previous is known and not 0; never for a `%` metric. */
  percent?: number;
  /** For a `%` metric: the change in percentage points (equal to change). */
  points?: number;
  /** The last 6 months, oldest first, ending with the report's month. */
  trend: MetricPoint[];
}

/** A figure of a span of several months (v2). */
export interface SpanMetric extends FigureFacts {
  id: string;
  label: string;
  unit?: string;
  sector: string;
  value?: number;
}

/** What a record reviewing several months reports for them (v2). */
export interface ReportSpan {
  /** The period as written: `2019-Q3`, `2019-01..2019-09`, `2019`. */
  period: string;
  first: Month;
  last: Month;
  organization: string | null;
  metrics: SpanMetric[];
}

export interface SectorResult {
  sector: string;
  label: string;
  /** `organization`: the meeting's, when it is another organization's (v2). */
  summaries: { text: string; date: IsoDate; file: string; organization?: string }[];
  /** The repository organization's metrics of this sector with a value this month or the previous one. */
  metrics: ReportMetric[];
}

export interface OwnerRow {
  owner: string;
  name: string;
  assigned: number;
  completed: number;
  /** v2. */
  dropped?: number;
  open: number;
  overdue: number;
}

export interface TaskCountsPoint {
  month: Month;
  /** Open or in progress at the end of the month. */
  open: number;
  /** Done or dropped at the end of the month. */
  closed: number;
  /** Overdue on the month's "as of" day. */
  overdue: number;
}

export interface Report {
  month: Month;
  /** v2: the day the report is "as of": the month's last day, or the date of a later meeting belonging to it. */
  asOf?: IsoDate;
  previousMonth: Month;
  nextMonth: Month;
  locale: Locale;
  organization: string;
  /** The config's plans (v2), in config order: columns of "% KH" per plan. */
  plans?: { id: string; label: string }[];
  meetings: ReportMeeting[];
  /** Sectors in config order; only sectors with something to show. */
  results: SectorResult[];
  /** Every metric with a value this month or the previous one: the repository's own (config order), then each other organization's. */
  metrics: ReportMetric[];
  /** Figures of the month's records that review several months. */
  spans?: ReportSpan[];
  decisions: ReportDecision[];
  tasks: {
    /** Assigned at the meetings belonging to the month, recurring ones included. */
    assigned: TaskRows;
    /** Done this month (open, in progress or not yet assigned as of the previous month). */
    completed: TaskRows;
    /** v2: dropped this month ("dừng thực hiện"), likewise. */
    dropped?: TaskRows;
    /** Open as of the month, assigned in an earlier month; not recurring. */
    carried: TaskRows;
    /** Overdue on the "as of" day. */
    overdue: TaskRows;
    /** Open as of the month and due in the next month. */
    dueNext: TaskRows;
    /** v2: standing work ("thường xuyên") neither done nor dropped as of the month. */
    recurring?: TaskRows;
  };
  /**
   * Whether some task of each list has a note or a "directed by" that shows
   * (not blank): the Markdown report gives each a column. Known from the
   * lists' places, so its rows are made once, as written; absent in a
   * report made by hand, whose rows are then looked through.
   */
  taskColumns?: Partial<Record<keyof Report['tasks'], { notes: boolean; directed: boolean }>>;
  /** Accountability per owner (config order; owners with any task). */
  owners: OwnerRow[];
  /** Task counts at the end of each of the last 6 months, oldest first. */
  history: TaskCountsPoint[];
}
