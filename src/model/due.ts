// A task's `due` as written (FORMAT.md, task): a day `YYYY-MM-DD`; v2 also a
// month `YYYY-MM`, a quarter `YYYY-Qn` or a year `YYYY` (by their last day),
// or `{working_days: N}` / `{days: N}` counted from the day after the meeting.
// Which day a count reaches needs the holidays: domain/deadlines.ts.
import { isCalendarDate, isMonth, lastDayOf, type IsoDate } from './dates.js';
import { periodRange } from './periods.js';

/** `due` as the schema reads it. */
export type DueWritten = string | { working_days?: number | null; days?: number | null };

export type DueForm =
  { kind: 'date' | 'month' | 'quarter' | 'year'; last: IsoDate } | { kind: 'working-days'; count: number } | { kind: 'days'; count: number };

const QUARTER = /^\d{4}-Q[1-4]$/;
const YEAR = /^\d{4}$/;

/** What a written `due` stands for; undefined when it is not a valid one. */
export function dueForm(due: DueWritten): DueForm | undefined {
  if (typeof due !== 'string') {
    if (typeof due.working_days === 'number') return { kind: 'working-days', count: due.working_days };
    if (typeof due.days === 'number') return { kind: 'days', count: due.days };
    return undefined;
  }
  if (isCalendarDate(due)) return { kind: 'date', last: due };
  if (isMonth(due)) return { kind: 'month', last: lastDayOf(due) };
  // Year 0000 is no year (no period either): `due: 0000-Q1` is no due.
  const quarter = QUARTER.test(due) ? periodRange(due) : undefined;
  if (quarter) return { kind: 'quarter', last: lastDayOf(quarter.last) };
  if (YEAR.test(due) && due !== '0000') return { kind: 'year', last: `${due}-12-31` };
  return undefined;
}

/** `due` as written, in one line of text: "2020-11-20", "2020-Q4", "working_days: 10". */
export function dueAsText(due: DueWritten): string {
  if (typeof due === 'string') return due;
  return typeof due.working_days === 'number' ? `working_days: ${due.working_days}` : `days: ${due.days ?? ''}`;
}
