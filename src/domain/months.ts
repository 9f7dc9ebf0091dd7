// What a month holds: its meetings (by period) and its metric values
// (combined by each metric's aggregate). Pure functions of loaded records.
import type { MeetingRecord } from '../model/record.js';
import { addMonths, monthOf, type IsoDate, type Month } from '../model/dates.js';
import type { Config } from '../model/schema.js';
import { sortRecords } from './taskState.js';

/** A meeting belongs to the month of its `period` (default: the month of its date). */
export function periodOf(record: MeetingRecord): Month {
  return record.data.period ?? record.data.date.slice(0, 7);
}

/** The month's meetings, in date order (equal dates: file path order). */
export function meetingsOf(records: readonly MeetingRecord[], month: Month): MeetingRecord[] {
  return sortRecords(records.filter((r) => periodOf(r) === month));
}

/**
 * The value of every metric in a month, in one pass over the month's
 * meetings: its values in their results, added up (`sum`) or the latest
 * meeting's (`last`). A metric no meeting of the month reports has no entry.
 */
export function metricValuesOf(records: readonly MeetingRecord[], config: Config, month: Month): Map<string, number> {
  const values = new Map<string, number>();
  for (const record of meetingsOf(records, month)) {
    for (const result of record.data.results ?? []) {
      for (const [id, reported] of Object.entries(result.metrics ?? {})) {
        if (reported === undefined || reported === null || !Object.hasOwn(config.metrics, id)) continue;
        const value = values.get(id);
        values.set(id, config.metrics[id]!.aggregate === 'last' || value === undefined ? reported : value + reported);
      }
    }
  }
  // Sums of decimals (21.4 + 0.2) should not show floating-point noise. A
  // value that is not finite cannot come from checked records (metric-out-of-range);
  // were one to, it is no value rather than an "∞" or "NaN" in a report.
  for (const [id, value] of values) {
    if (Number.isFinite(value)) values.set(id, Math.round(value * 1e9) / 1e9);
    else values.delete(id);
  }
  return values;
}

export interface MetricChange {
  id: string;
  from: number | undefined;
  to: number | undefined;
  /** `to - from`, when both are known. */
  change: number | undefined;
  /** The change in percent of `from`, when `from` is known and not 0. */
  percent: number | undefined;
}

export function metricChange(id: string, from: number | undefined, to: number | undefined): MetricChange {
  const change = from !== undefined && to !== undefined ? Math.round((to - from) * 1e9) / 1e9 : undefined;
  const percent = change !== undefined && from !== undefined && from !== 0 ? Math.round((change / Math.abs(from)) * 1000) / 10 : undefined;
  return { id, from, to, change, percent };
}

/** The month a report is about by default: the one before today. */
export function defaultMonth(today: IsoDate): Month {
  return addMonths(monthOf(today), -1);
}
