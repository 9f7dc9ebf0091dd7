// The last day a task's `due` stands for (FORMAT.md, task): a day as written;
// the last day of a month, quarter or year; or N calendar or working days
// counted from the day after the meeting. Working days skip Saturdays,
// Sundays, Vietnam's public holidays (vietnamHolidays.ts) and the config's
// `holidays`. Pure: the holidays come in, nothing is read.
import { addDays, utcTime, type IsoDate } from '../model/dates.js';
import { dueForm, type DueWritten } from '../model/due.js';
import { publicHolidaysOf } from './vietnamHolidays.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a Thursday). */
function dayNumber(date: IsoDate): number {
  return utcTime(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function dateOf(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export class Deadlines {
  private readonly extra: ReadonlySet<IsoDate>;
  /** Resolved deadlines written as text (a date, month, quarter or year: the meeting's date changes nothing), by the text. */
  private readonly texts = new Map<string, IsoDate | undefined>();
  /** Resolved deadlines written as a count of days, by the count and the meeting's date. */
  private readonly counts = new Map<string, IsoDate | undefined>();
  /** Days off (public holidays and the config's) as day numbers, by year, filled as years are needed. */
  private readonly daysOff = new Map<number, ReadonlySet<number>>();

  /** `holidays`: the config's extra days off; `publicHolidays`: false when the config says `public_holidays: none`. */
  constructor(
    holidays: readonly IsoDate[] = [],
    private readonly publicHolidays = true,
  ) {
    this.extra = new Set(holidays);
  }

  isWorkingDay(day: IsoDate): boolean {
    return this.isWorkingDayNumber(dayNumber(day), Number(day.slice(0, 4)));
  }

  /** The last day `due` stands for, for a task assigned on `date`; undefined without a valid `due`. */
  resolve(due: DueWritten | null | undefined, date: IsoDate): IsoDate | undefined {
    if (due === undefined || due === null) return undefined;
    // A text by itself: keyed with the date as well, a report at 100,000 records held an entry a task.
    if (typeof due === 'string') {
      if (this.texts.has(due)) return this.texts.get(due);
      const day = this.resolveNew(due, date);
      this.texts.set(due, day);
      return day;
    }
    // A mapping by the numbers dueForm reads (anything else in it means nothing).
    const key = `${date}\0w${typeof due.working_days === 'number' ? due.working_days : ''}\0d${typeof due.days === 'number' ? due.days : ''}`;
    if (this.counts.has(key)) return this.counts.get(key);
    const day = this.resolveNew(due, date);
    this.counts.set(key, day);
    return day;
  }

  private resolveNew(due: DueWritten, date: IsoDate): IsoDate | undefined {
    const form = dueForm(due);
    if (!form) return undefined;
    if (form.kind === 'days') return addDays(date, form.count);
    if (form.kind !== 'working-days') return form.last;
    // Counted on day numbers: a string and a Date for each day counted made this most of a report's task states.
    let day = dayNumber(date);
    let year = Number(date.slice(0, 4));
    let nextYear = utcTime(year + 1, 0, 1) / DAY_MS;
    for (let counted = 0; counted < form.count;) {
      day++;
      if (day >= nextYear) {
        year++;
        nextYear = utcTime(year + 1, 0, 1) / DAY_MS;
      }
      if (this.isWorkingDayNumber(day, year)) counted++;
    }
    return dateOf(day);
  }

  private isWorkingDayNumber(day: number, year: number): boolean {
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (weekday === 0 || weekday === 6) return false;
    let off = this.daysOff.get(year);
    if (!off) {
      const days = [...(this.publicHolidays ? publicHolidaysOf(year) : []), ...[...this.extra].filter((d) => Number(d.slice(0, 4)) === year)];
      this.daysOff.set(year, (off = new Set(days.map(dayNumber))));
    }
    return !off.has(day);
  }
}

const byConfig = new WeakMap<object, Deadlines>();

/** The deadlines of a repository: one per config, so its memo serves every task. */
export function deadlinesOf(config: { holidays?: readonly IsoDate[]; public_holidays?: 'vietnam' | 'none' | null }): Deadlines {
  let deadlines = byConfig.get(config);
  if (!deadlines) byConfig.set(config, (deadlines = new Deadlines(config.holidays ?? [], config.public_holidays !== 'none')));
  return deadlines;
}
