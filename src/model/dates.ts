// Calendar dates and months as plain strings (`YYYY-MM-DD`, `YYYY-MM`):
// they sort and compare as text, and no time zone can shift them.
import { visible } from './text.js';

export type IsoDate = string;
export type Month = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * Date.UTC for every year: Date.UTC reads the years 0 to 99 as 1900 to 1999,
 * and a record may be dated 0050-03-15. Days past a month's end roll over.
 */
export function utcTime(year: number, monthIndex: number, day: number): number {
  const time = new Date(0);
  time.setUTCFullYear(year, monthIndex, day);
  return time.getTime();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcTime(year, month, 0)).getUTCDate();
}

/** True for a `YYYY-MM-DD` string that names a real calendar day. */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a `YYYY-MM` month of year 1 or later: a month before it has no month before it to compare with. */
export function isMonth(text: string): boolean {
  const m = MONTH.exec(text);
  return m !== null && Number(m[1]) >= 1 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** A date as the clerk wrote it, read: the day, or what is wrong with it. */
export type DateReading =
  { date: IsoDate } | { wrong: 'form' } | { wrong: 'month'; month: number } | { wrong: 'day'; year: number; month: number; days: number };

const VI_DATE_PARTS = /^(\d{1,2})(\/)(\d{1,2})\/(\d{4})$/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

/**
 * `YYYY-MM-DD`, or the Vietnamese `DD/MM/YYYY` that clerks write by hand
 * (with `anySeparator`, also `DD.MM.YYYY` and `DD-MM-YYYY`); a date of the
 * right form that is no day at all says why (31/09: September has 30 days).
 */
export function readDate(text: string, anySeparator = false): DateReading {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  const dayFirst = iso ? undefined : (anySeparator ? DAY_FIRST : VI_DATE_PARTS).exec(trimmed);
  if (!iso && !dayFirst) return { wrong: 'form' };
  const [year, month, day] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [Number(dayFirst![4]), Number(dayFirst![3]), Number(dayFirst![1])];
  // Year 0 has no year before it (and Date reads 0–99 as 1900–1999); day 0 is no day of any month.
  if (year < 1 || day < 1) return { wrong: 'form' };
  if (month < 1 || month > 12) return { wrong: 'month', month };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { wrong: 'day', year, month, days };
  return { date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** The words that say why a typed date is none (the catalogue's `cli` group). */
export interface DateWords {
  notADay: (value: string, month: number, year: number, days: number) => string;
  noSuchMonthInDate: (value: string, month: number) => string;
  notADate: (value: string) => string;
  /** `4/11`: a day and month without the year. */
  missingYear: (value: string) => string;
  /** `04/11/20`: the year in two digits; `full` the date with it in four. */
  shortYear: (value: string, full: string) => string;
  /** Whether the language writes 7/5/2024 day first (Vietnamese); English reads it either way. */
  slashesDayFirst: boolean;
  /** 07/05/2024 in a language that may write the month first: the days it may be (one when only month first is a day). */
  slashDate: (value: string, days: readonly IsoDate[]) => string;
}

/**
 * The days `DD/MM/YYYY` and `MM/DD/YYYY` read `text` as, when it is written
 * with slashes: in an English clerk's hand 07/05/2024 may be either, and
 * 11/25/2024 is the month first. Empty for another form.
 */
export function slashReadings(text: string): IsoDate[] {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return [];
  const [a, b, year] = [Number(m[1]), Number(m[2]), m[3]!];
  const day = (month: number, d: number) => {
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return isCalendarDate(iso) ? [iso] : [];
  };
  return [...new Set([...day(b, a), ...day(a, b)])];
}

/** A date typed by the clerk (a flag or a prompt's answer), or why it is none, in `words`: the flag and the prompt say it alike. */
export function typedDate(text: string, words: DateWords): { value: IsoDate } | { problem: string } {
  const shown = visible(text);
  // Day first, the Vietnamese way, with any of the separators clerks type (04-11-2020, 4.11.2020), as records are read.
  const reading = readDate(text, words.slashesDayFirst);
  if (!words.slashesDayFirst) {
    // 07/05/2024 is 5 July to a US clerk and 7 May to a British one: asked, never guessed.
    const days = slashReadings(text);
    if (days.length > 1) return { problem: words.slashDate(shown, days) };
    // One reading only: day first (25.11.2020, as 25/11/2020 is read) is the date; month first (11/25/2020) is said so.
    const dayFirst = readDate(text, true);
    if (days.length === 1 && 'date' in dayFirst && dayFirst.date === days[0]) return { value: days[0] };
    if (days.length === 1 && !('date' in reading)) return { problem: words.slashDate(shown, days) };
  }
  if ('date' in reading) return { value: reading.date };
  if (reading.wrong === 'day') return { problem: words.notADay(shown, reading.month, reading.year, reading.days) };
  if (reading.wrong === 'month') return { problem: words.noSuchMonthInDate(shown, reading.month) };
  const trimmed = text.trim();
  if (/^\d{1,2}[/.-]\d{1,2}$/.test(trimmed)) return { problem: words.missingYear(shown) };
  const short = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})$/.exec(trimmed);
  if (short) return { problem: words.shortYear(shown, `${short[1]}${short[2]}${short[3]}${short[2]}20${short[4]}`) };
  return { problem: words.notADate(shown) };
}

/**
 * A date typed on the command line: `YYYY-MM-DD`, or the Vietnamese
 * `DD/MM/YYYY` that clerks write by hand. Returns undefined when invalid.
 */
export function parseCliDate(text: string): IsoDate | undefined {
  const reading = readDate(text);
  return 'date' in reading ? reading.date : undefined;
}

/** A month on the command line: `YYYY-MM`, or `MM/YYYY` (`MM-YYYY`, `MM.YYYY`). */
export function parseCliMonth(text: string): Month | undefined {
  const trimmed = text.trim();
  if (isMonth(trimmed)) return trimmed;
  // 10/2020, and in the other ways clerks type it: 10-2020, 10.2020.
  const m = /^(\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!m) return undefined;
  const month = `${m[2]}-${m[1]!.padStart(2, '0')}`;
  return isMonth(month) ? month : undefined;
}

export function monthOf(date: IsoDate): Month {
  return date.slice(0, 7);
}

export function addMonths(month: Month, count: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function lastDayOf(month: Month): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export function firstDayOf(month: Month): IsoDate {
  return `${month}-01`;
}

// A report counts days for tens of thousands of tasks over a few thousand dates.
const utcDays = new Map<IsoDate, number>();

function toUtcDays(date: IsoDate): number {
  let days = utcDays.get(date);
  if (days === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    days = utcTime(y, m - 1, d) / 86_400_000;
    utcDays.set(date, days);
  }
  return days;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toUtcDays(to) - toUtcDays(from);
}

/** Today's calendar date in an IANA time zone (the config decides which). */
export function todayIn(timeZone: string, now: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The day `count` days after `date` (before it when negative). */
export function addDays(date: IsoDate, count: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(utcTime(y, m - 1, d + count)).toISOString().slice(0, 10);
}

/** 0 for Sunday … 6 for Saturday. */
export function weekday(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(utcTime(y, m - 1, d)).getUTCDay();
}
