// What a month holds (FORMAT.md "What the records mean"): the meetings that
// belong to it, the day its report is "as of", and its figures. Pure
// functions of loaded records.
import type { MeetingRecord } from '../model/record.js';
import { addMonths, lastDayOf, monthOf, type IsoDate, type Month } from '../model/dates.js';
import { isOneMonth, periodRange, type MonthRange } from '../model/periods.js';
import type { MeetingKind } from '../model/terms.js';
import { sortRecords } from './taskState.js';

export { organizationOf } from './taskState.js';

/** The months a record reviews: its `period`, by default the month of its date. */
export function periodOf(record: Pick<MeetingRecord, 'data'>): MonthRange {
  const range = record.data.period ? periodRange(record.data.period) : undefined;
  const month = monthOf(record.data.date);
  return range ?? { first: month, last: month };
}

/**
 * The month a record belongs to: the last month of its period, or the month
 * of its date when that is earlier (a year reviewed in November belongs to
 * November; October reviewed on 4 November belongs to October).
 */
export function reportingMonthOf(record: Pick<MeetingRecord, 'data'>): Month {
  const last = periodOf(record).last;
  const month = monthOf(record.data.date);
  return last < month ? last : month;
}

/** How many months a report's history and each metric's trend cover, ending with the report's month. */
const TREND_MONTHS = 6;

/** The months of a report's history and trends, oldest first, ending with `month`. */
export function trendMonthsOf(month: Month): Month[] {
  return Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(month, i - (TREND_MONTHS - 1)));
}

/**
 * Every month whose figures a report of `month` reads: its trend's months
 * and the same month a year earlier (the change year on year).
 */
export function figureMonthsOf(month: Month): Month[] {
  return [addMonths(month, -12), ...trendMonthsOf(month)];
}

/** True when the record reviews one month (its figures are that month's). */
export function reviewsOneMonth(record: Pick<MeetingRecord, 'data'>): boolean {
  return isOneMonth(periodOf(record));
}

/** The month's meetings, in date order (equal dates: file path order). */
export function meetingsOf(records: readonly MeetingRecord[], month: Month): MeetingRecord[] {
  return sortRecords(records.filter((r) => reportingMonthOf(r) === month));
}

/**
 * The day month M's report is "as of": the later of M's last day and the date
 * of the last meeting belonging to M.
 */
export function asOfDay(records: readonly MeetingRecord[], month: Month): IsoDate {
  return asOfDays(records, [month]).get(month)!;
}

/** The "as of" day of each of `months`, in one pass over the records. */
export function asOfDays(records: readonly MeetingRecord[], months: readonly Month[]): Map<Month, IsoDate> {
  const days = new Map(months.map((m) => [m, lastDayOf(m)]));
  for (const record of records) {
    const month = reportingMonthOf(record);
    const day = days.get(month);
    if (day !== undefined && record.data.date > day) days.set(month, record.data.date);
  }
  return days;
}

/**
 * The period a new regular meeting on `date` most likely reviews: the month
 * before `date` when the last regular meeting before it reviewed an earlier
 * month (held on 4 November after one that reviewed September: October),
 * else the month of `date`. Other kinds: the month of `date`.
 */
export function proposedPeriod(records: readonly MeetingRecord[], date: IsoDate, kind: MeetingKind): Month {
  const month = monthOf(date);
  if (kind !== 'regular') return month;
  const last = sortRecords(records.filter((r) => r.data.kind === 'regular' && r.data.date < date)).at(-1);
  if (!last) return month;
  const previous = addMonths(month, -1);
  return reportingMonthOf(last) < previous ? previous : month;
}

/** The month a report is about by default: the one before today. */
export function defaultMonth(today: IsoDate): Month {
  return addMonths(monthOf(today), -1);
}
