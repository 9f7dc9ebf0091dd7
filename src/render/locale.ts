// Generated words, dates and numbers in the repository's language. The
// formatters are model/format.ts's and the labels the catalogue's, so every
// output (and every message) writes them alike.
import type { IsoDate } from '../model/dates.js';
import { dueForm, type DueWritten } from '../model/due.js';
import { decimalsOf, englishMonthName, formatDate, formatMonth, formatNumber } from '../model/format.js';
import { messages } from '../model/messages/index.js';
import { periodRange } from '../model/periods.js';
import type { Locale, MeetingKind, MeetingMode, Qualifier, Session, TaskStatus } from '../model/terms.js';

export { formatDate, formatDay, formatMonth, formatNumber } from '../model/format.js';

/**
 * Every digit of a figure as the clerk wrote it (185,088, not 185,09): as
 * many decimals as the number's shortest form has.
 */
export function formatExact(locale: Locale, value: number): string {
  return formatNumber(locale, value, Math.min(decimalsOf(value), 20));
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
  if (year === last.slice(0, 4)) return fm === 1 && lm === 12 ? year : `${englishMonthName(fm)}–${englishMonthName(lm)} ${year}`;
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
  const labels = messages(locale).labels;
  if (task.recurring) return labels.recurring;
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
      return `${day} (${labels.workingDays(form.count)})`;
    case 'days':
      return `${day} (${labels.days(form.count)})`;
    default:
      return day;
  }
}

/**
 * formatDue of each row, `shown` as a cell (the text itself unless given),
 * made once for each deadline: a large report has hundreds of thousands of
 * rows and a few hundred deadlines. A due written as a mapping (working
 * days) is rare: made each time.
 */
export function dueCells(
  locale: Locale,
  none = '',
  shown: (due: string) => string = (due) => due,
): (task: { due?: IsoDate; dueAsWritten?: DueWritten; recurring?: boolean }) => string {
  const cells = new Map<string, string>();
  return (task) => {
    const make = () => shown(formatDue(locale, task, none));
    if (task.dueAsWritten !== undefined && typeof task.dueAsWritten !== 'string') return make();
    // A resolved due is a day: no \0 in it.
    const key = `${task.recurring ? '1' : '0'}${task.due ?? ''}\0${task.dueAsWritten ?? ''}`;
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = make()));
    return cell;
  };
}

/** The default title of a new record: for a regular or thematic meeting, after the period it reviews. */
export function defaultTitle(locale: Locale, kind: MeetingKind, date: IsoDate, period: string = date.slice(0, 7)): string {
  const m = messages(locale);
  if (kind === 'extraordinary') return m.record.title.extraordinary(date);
  return m.titles[kind](formatPeriod(locale, period));
}

const both = <T>(pick: (m: ReturnType<typeof messages>) => T): Record<Locale, T> => ({ vi: pick(messages('vi')), en: pick(messages('en')) });

export const SESSION_LABELS: Record<Locale, Record<Session, string>> = both((m) => m.labels.session);

export const MODE_LABELS: Record<Locale, Record<MeetingMode, string>> = both((m) => m.labels.mode);

export const QUALIFIER_LABELS: Record<Locale, Record<Qualifier, string>> = both((m) => m.labels.qualifier);

export const KIND_LABELS: Record<Locale, Record<MeetingKind, string>> = both((m) => m.labels.kind);

export const STATUS_LABELS: Record<Locale, Record<TaskStatus, string>> = both((m) => m.labels.status);
