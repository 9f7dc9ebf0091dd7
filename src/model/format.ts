// The one date formatter, number formatter and plural rule of each locale:
// every output and every message formats through these, so a report, a
// diff, a finding and a prompt write "1.066" and "26/10/2020" alike.
import type { IsoDate, Month } from './dates.js';
import type { Locale } from './terms.js';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(date: IsoDate): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** vi: "26/10/2020"; en: "26 Oct 2020". */
export function formatDate(locale: Locale, date: IsoDate): string {
  // Every row of a report shows a date or two: the Vietnamese form is cut from YYYY-MM-DD as it stands.
  if (locale === 'vi' && ISO_DAY.test(date)) return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
  const [y, m, d] = parts(date);
  // A year before 1000 keeps its four digits (0050, not 50: a reader would take it for 1950).
  const year = String(y).padStart(4, '0');
  if (locale === 'vi') return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${year}`;
  return `${d} ${EN_MONTHS[m - 1]!.slice(0, 3)} ${year}`;
}

const ISO_DAY = /^[1-9]\d{3}-\d{2}-\d{2}$/;

/** vi: "ngày 26/10/2020"; en: "26 Oct 2020" (for running text). */
export function formatDay(locale: Locale, date: IsoDate): string {
  return locale === 'vi' ? `ngày ${formatDate(locale, date)}` : formatDate(locale, date);
}

/** vi: "tháng 10/2020"; en: "October 2020". */
export function formatMonth(locale: Locale, month: Month): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const year = String(y).padStart(4, '0');
  return locale === 'vi' ? `tháng ${m}/${year}` : `${EN_MONTHS[m - 1]} ${year}`;
}

/** The English name of a month, 1 to 12: "September". */
export function englishMonthName(month: number): string {
  return EN_MONTHS[month - 1] ?? String(month);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** vi: "1.234,5"; en: "1,234.5". */
/** The decimal places a number is written with: 21.4 → 1, 1.5005e-6 → 10. */
export function decimalsOf(value: number): number {
  const [mantissa, exponent] = String(Math.abs(value)).split('e');
  return Math.max(0, (mantissa!.split('.')[1]?.length ?? 0) - Number(exponent ?? 0));
}

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 2): string {
  // A small whole number (a task's days overdue, a count) reads the same in every locale: no grouping, no decimals.
  if (Number.isInteger(value) && value >= 0 && value < 1000 && !Object.is(value, -0)) return String(value);
  const key = `${locale}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    // "negative": a value that rounds to 0 (−0.004 to one decimal, or −0 itself) is "0", never "-0".
    format = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits, signDisplay: 'negative' });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * A count with its noun in the locale's plural form (ICU's categories,
 * from Intl.PluralRules): "1 record", "2 records"; Vietnamese nouns do not
 * change ("1 biên bản", "2 biên bản"), so `one` is optional.
 */
export function counted(locale: Locale, n: number, forms: { one?: string; other: string }): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const noun = rules.select(n) === 'one' && forms.one !== undefined ? forms.one : forms.other;
  return `${formatNumber(locale, n)} ${noun}`;
}
