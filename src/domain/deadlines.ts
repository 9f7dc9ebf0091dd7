// The last day a task's `due` stands for (FORMAT.md, task): a day as written;
// the last day of a month, quarter or year; or N calendar or working days
// counted from the day after the meeting. Working days skip Saturdays,
// Sundays, Vietnam's public holidays (vietnamHolidays.ts) and the config's
// `holidays`. Pure: the holidays come in, nothing is read.
import { addDays, weekday, type IsoDate } from '../model/dates.js';
import { dueForm, type DueWritten } from '../model/due.js';
import { publicHolidaysOf } from './vietnamHolidays.js';

export class Deadlines {
  private readonly extra: ReadonlySet<IsoDate>;
  private readonly memo = new Map<string, IsoDate>();

  /** `holidays`: the config's extra days off. */
  constructor(holidays: readonly IsoDate[] = []) {
    this.extra = new Set(holidays);
  }

  isWorkingDay(day: IsoDate): boolean {
    const dow = weekday(day);
    if (dow === 0 || dow === 6 || this.extra.has(day)) return false;
    return !publicHolidaysOf(Number(day.slice(0, 4))).includes(day);
  }

  /** The last day `due` stands for, for a task assigned on `date`; undefined without a valid `due`. */
  resolve(due: DueWritten | null | undefined, date: IsoDate): IsoDate | undefined {
    if (due === undefined || due === null) return undefined;
    const form = dueForm(due);
    if (!form) return undefined;
    if (form.kind === 'days') return addDays(date, form.count);
    if (form.kind !== 'working-days') return form.last;
    const key = `${date}+${form.count}`;
    let day = this.memo.get(key);
    if (day === undefined) {
      day = date;
      for (let counted = 0; counted < form.count;) {
        day = addDays(day, 1);
        if (this.isWorkingDay(day)) counted++;
      }
      this.memo.set(key, day);
    }
    return day;
  }
}

const byConfig = new WeakMap<object, Deadlines>();

/** The deadlines of a repository: one per config, so its memo serves every task. */
export function deadlinesOf(config: { holidays?: readonly IsoDate[] }): Deadlines {
  let deadlines = byConfig.get(config);
  if (!deadlines) byConfig.set(config, (deadlines = new Deadlines(config.holidays ?? [])));
  return deadlines;
}
