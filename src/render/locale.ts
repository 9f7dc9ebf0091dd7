// Generated words, dates and numbers in the repository's language.
import type { IsoDate, Month } from '../model/dates.js';
import { dueForm, type DueWritten } from '../model/due.js';
import { periodRange } from '../model/periods.js';
import type { Locale, MeetingKind, MeetingMode, Qualifier, Session, TaskStatus } from '../model/terms.js';

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

/**
 * Every digit of a figure as the clerk wrote it (185,088, not 185,09): as
 * many decimals as the number's shortest form has.
 */
export function formatExact(locale: Locale, value: number): string {
  const [mantissa, exponent] = String(Math.abs(value)).split('e');
  const decimals = Math.max(0, (mantissa!.split('.')[1]?.length ?? 0) - Number(exponent ?? 0));
  return formatNumber(locale, value, Math.min(decimals, 20));
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A period in words: "tháng 10/2019", "quý III/2019", "9 tháng năm 2019", "năm 2019" / "October 2019", "Q3 2019", "January–September 2019". */
export function formatPeriod(locale: Locale, period: string): string {
  const range = periodRange(period);
  if (!range) return period;
  const { first, last } = range;
  if (first === last) return formatMonth(locale, first);
  const year = first.slice(0, 4);
  const [fm, lm] = [Number(first.slice(5)), Number(last.slice(5))];
  const quarter = /^\d{4}-Q([1-4])$/.exec(period);
  if (locale === 'vi') {
    if (quarter) return `quý ${ROMAN[Number(quarter[1]) - 1]}/${year}`;
    if (/-H1$/.test(period)) return `6 tháng đầu năm ${year}`;
    if (/-H2$/.test(period)) return `6 tháng cuối năm ${year}`;
    if (year === last.slice(0, 4) && fm === 1) return lm === 12 ? `năm ${year}` : `${lm} tháng năm ${year}`;
    return `từ ${formatMonth('vi', first)} đến ${formatMonth('vi', last)}`;
  }
  if (quarter) return `Q${quarter[1]} ${year}`;
  if (/-H1$/.test(period)) return `first half of ${year}`;
  if (/-H2$/.test(period)) return `second half of ${year}`;
  if (year === last.slice(0, 4)) return fm === 1 && lm === 12 ? year : `${EN_MONTHS[fm - 1]}–${EN_MONTHS[lm - 1]} ${year}`;
  return `${formatMonth('en', first)} – ${formatMonth('en', last)}`;
}

/** A meeting's days: "26/10/2020", or "26–27/10/2020" / "30/10–01/11/2020" when held over several. */
export function formatDays(locale: Locale, date: IsoDate, end?: IsoDate): string {
  if (!end || end === date) return formatDate(locale, date);
  if (locale === 'vi') {
    const [a, b] = [formatDate('vi', date), formatDate('vi', end)];
    if (a.slice(2) === b.slice(2)) return `${a.slice(0, 2)}–${b}`;
    if (a.slice(5) === b.slice(5)) return `${a.slice(0, 5)}–${b}`;
    return `${a} – ${b}`;
  }
  return `${formatDate('en', date)} – ${formatDate('en', end)}`;
}

/** A deadline as the task lists show it: the resolved day, then what was written when it was not that day ("30/11/2020 (tháng 11/2020)"). */
export function formatDue(locale: Locale, task: { due?: IsoDate; dueAsWritten?: DueWritten; recurring?: boolean }, none = ''): string {
  if (task.recurring) return WORDS[locale].recurring;
  if (!task.due) return none;
  const day = formatDate(locale, task.due);
  const written = task.dueAsWritten;
  if (written === undefined) return day;
  const form = dueForm(written);
  switch (form?.kind) {
    case 'month':
      return `${day} (${formatMonth(locale, written as string)})`;
    case 'quarter':
    case 'year':
      return `${day} (${formatPeriod(locale, written as string)})`;
    case 'working-days':
      return `${day} (${locale === 'vi' ? `${form.count} ngày làm việc` : `${form.count} working ${form.count === 1 ? 'day' : 'days'}`})`;
    case 'days':
      return `${day} (${locale === 'vi' ? `${form.count} ngày` : `${form.count} ${form.count === 1 ? 'day' : 'days'}`})`;
    default:
      return day;
  }
}

/** The default title of a new record: for a regular or thematic meeting, after the period it reviews. */
export function defaultTitle(locale: Locale, kind: MeetingKind, date: IsoDate, period: string = date.slice(0, 7)): string {
  const reviewed = formatPeriod(locale, period);
  if (locale === 'vi') {
    if (kind === 'extraordinary') return `Hội nghị bất thường ngày ${formatDate('vi', date)}`;
    if (kind === 'thematic') return `Hội nghị chuyên đề ${reviewed}`;
    return `Hội nghị thường kỳ ${reviewed}`;
  }
  if (kind === 'extraordinary') return `Extraordinary meeting, ${formatDate('en', date)}`;
  if (kind === 'thematic') return `Thematic meeting, ${reviewed}`;
  return `Regular meeting, ${reviewed}`;
}

export const SESSION_LABELS: Record<Locale, Record<Session, string>> = {
  vi: { morning: 'buổi sáng', afternoon: 'buổi chiều', evening: 'buổi tối', 'all-day': 'cả ngày' },
  en: { morning: 'morning', afternoon: 'afternoon', evening: 'evening', 'all-day': 'all day' },
};

export const MODE_LABELS: Record<Locale, Record<MeetingMode, string>> = {
  vi: { 'in-person': 'trực tiếp', online: 'trực tuyến', hybrid: 'trực tiếp kết hợp trực tuyến' },
  en: { 'in-person': 'in person', online: 'online', hybrid: 'in person and online' },
};

export const QUALIFIER_LABELS: Record<Locale, Record<Qualifier, string>> = {
  vi: { 'at-least': 'trên', about: 'khoảng', 'at-most': 'dưới' },
  en: { 'at-least': 'over', about: 'about', 'at-most': 'under' },
};

export const KIND_LABELS: Record<Locale, Record<MeetingKind, string>> = {
  vi: { regular: 'thường kỳ', extraordinary: 'bất thường', thematic: 'chuyên đề' },
  en: { regular: 'regular', extraordinary: 'extraordinary', thematic: 'thematic' },
};

export const STATUS_LABELS: Record<Locale, Record<TaskStatus, string>> = {
  vi: { open: 'chưa thực hiện', 'in-progress': 'đang thực hiện', done: 'hoàn thành', dropped: 'không thực hiện' },
  en: { open: 'open', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' },
};

/** Short words used in generated comments and tables. */
export const WORDS: Record<Locale, { due: string; noDue: string; recurring: string }> = {
  vi: { due: 'hạn', noDue: 'không có hạn', recurring: 'thường xuyên' },
  en: { due: 'due', noDue: 'no due date', recurring: 'standing' },
};
