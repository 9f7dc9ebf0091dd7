// Generated words, dates and numbers in the repository's language.
import type { IsoDate, Month } from '../model/dates.js';
import type { Locale, MeetingKind, TaskStatus } from '../model/terms.js';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(date: IsoDate): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** vi: "26/10/2020"; en: "26 Oct 2020". */
export function formatDate(locale: Locale, date: IsoDate): string {
  const [y, m, d] = parts(date);
  if (locale === 'vi') return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  return `${d} ${EN_MONTHS[m - 1]!.slice(0, 3)} ${y}`;
}

/** vi: "ngày 26/10/2020"; en: "26 Oct 2020" (for running text). */
export function formatDay(locale: Locale, date: IsoDate): string {
  return locale === 'vi' ? `ngày ${formatDate(locale, date)}` : formatDate(locale, date);
}

/** vi: "tháng 10/2020"; en: "October 2020". */
export function formatMonth(locale: Locale, month: Month): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return locale === 'vi' ? `tháng ${m}/${y}` : `${EN_MONTHS[m - 1]} ${y}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** vi: "1.234,5"; en: "1,234.5". */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 2): string {
  const key = `${locale}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

export function defaultTitle(locale: Locale, kind: MeetingKind, date: IsoDate): string {
  const [y, m] = parts(date);
  if (locale === 'vi') {
    if (kind === 'extraordinary') return `Hội nghị bất thường ngày ${formatDate('vi', date)}`;
    if (kind === 'thematic') return `Hội nghị chuyên đề tháng ${m}/${y}`;
    return `Hội nghị thường kỳ tháng ${m}/${y}`;
  }
  if (kind === 'extraordinary') return `Extraordinary meeting, ${formatDate('en', date)}`;
  if (kind === 'thematic') return `Thematic meeting, ${EN_MONTHS[m - 1]} ${y}`;
  return `Regular meeting, ${EN_MONTHS[m - 1]} ${y}`;
}

export const KIND_LABELS: Record<Locale, Record<MeetingKind, string>> = {
  vi: { regular: 'thường kỳ', extraordinary: 'bất thường', thematic: 'chuyên đề' },
  en: { regular: 'regular', extraordinary: 'extraordinary', thematic: 'thematic' },
};

export const STATUS_LABELS: Record<Locale, Record<TaskStatus, string>> = {
  vi: { open: 'chưa thực hiện', 'in-progress': 'đang thực hiện', done: 'hoàn thành', dropped: 'không thực hiện' },
  en: { open: 'open', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' },
};

/** Short words used in generated comments and tables. */
export const WORDS: Record<Locale, { due: string; noDue: string }> = {
  vi: { due: 'hạn', noDue: 'không có hạn' },
  en: { due: 'due', noDue: 'no due date' },
};
