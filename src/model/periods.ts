// What a record reviews (FORMAT.md "period"): a month `YYYY-MM`, a quarter
// `YYYY-Qn`, a half year `YYYY-H1`/`YYYY-H2`, a year `YYYY`, or a run of
// months `YYYY-MM..YYYY-MM`. Every form is a run of whole months.
import { addMonths, isMonth, type Month } from './dates.js';
import { withoutAccents } from './termWords.js';

/** The first and last month a period covers. */
export interface MonthRange {
  first: Month;
  last: Month;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const HALF = /^(\d{4})-H([12])$/;
const YEAR = /^(\d{4})$/;
const RUN = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/;

/** The months a period covers, or undefined when the text is not a period. */
export function periodRange(text: string): MonthRange | undefined {
  if (isMonth(text)) return { first: text, last: text };
  // Year 0000 is no year (isMonth refuses it too, and so a run's ends): `period: 0000` would file the meeting under no
  // real year's reports.
  if (text.startsWith('0000')) return undefined;
  let m = QUARTER.exec(text);
  if (m) {
    const first = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    return { first, last: addMonths(first, 2) };
  }
  m = HALF.exec(text);
  if (m) {
    const first = `${m[1]}-${m[2] === '1' ? '01' : '07'}`;
    return { first, last: addMonths(first, 5) };
  }
  m = YEAR.exec(text);
  if (m) return { first: `${m[1]}-01`, last: `${m[1]}-12` };
  m = RUN.exec(text);
  if (m && isMonth(m[1]!) && isMonth(m[2]!) && m[1]! <= m[2]!) return { first: m[1]!, last: m[2]! };
  return undefined;
}

/** True for a period of exactly one month (whatever its spelling: `2019-10` or `2019-10..2019-10`). */
export function isOneMonth(range: MonthRange): boolean {
  return range.first === range.last;
}

/** What is wrong with a text that is not a period. */
export type PeriodFault = { kind: 'backwards'; from: Month; to: Month } | { kind: 'not-a-month' } | { kind: 'shape' };

/** The words that say a PeriodFault; each locale's catalogue has its own (messages.period). */
export interface PeriodWords {
  backwards: (from: Month, to: Month) => string;
  notAMonth: string;
  shape: string;
  /** After the shape: the period a clerk's words name ("10/2020", "Quý 4/2020"), written as the format writes it. */
  meant: (fix: string) => string;
}

/** The English words, which en.ts takes as they are. */
export const ENGLISH_PERIOD_WORDS: PeriodWords = {
  backwards: (from, to) => `runs backwards: ${from} is after ${to}`,
  notAMonth: 'is not a real month (01 to 12)',
  shape:
    'must be a period: a month YYYY-MM (like 2020-10), a quarter YYYY-Qn (2020-Q4), a half year YYYY-H1 or YYYY-H2, a year YYYY, or a run of months YYYY-MM..YYYY-MM (2019-01..2019-09)',
  meant: (fix) => `: write ${fix}`,
};

const ROMAN: Readonly<Record<string, string>> = { i: '1', ii: '2', iii: '3', iv: '4' };

/** A quarter's number as written after "quý": `4` or `iv`. */
export function quarterNumber(written: string): number {
  return Number(ROMAN[written] ?? written);
}

/**
 * The period a clerk's words name, as the format writes it: "10/2020" and
 * "tháng 10/2020" → 2020-10, "Quý 4/2020", "quý IV năm 2020", "Q4/2020",
 * "2020-q4" → 2020-Q4, "6 tháng đầu năm 2020" → 2020-H1, "9 tháng đầu năm
 * 2020" → 2020-01..2020-09, "năm 2020" → 2020; in English "October 2020",
 * "Q4 2020", "fourth quarter of 2020", "first half of 2020", "first 9 months
 * of 2020", "year 2020"; undefined for anything else.
 */
export function periodFromWords(text: string): string | undefined {
  const t = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  const english = englishPeriod(t);
  if (english) return english;
  // Typed without its accents too ("quy 4/2020", "6 thang dau nam 2020"): no period's words differ by them alone.
  const plain = withoutAccents(t);
  let m = /^(?:thang )?(\d{1,2}) ?(?:\/|-|\.| nam )(\d{4})$/.exec(plain);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
  m = /^(?:quy|qui|q) ?([1-4]|iv|i{1,3}) ?(?:\/|-| nam )(\d{4})$/.exec(plain);
  if (m) return `${m[2]}-Q${quarterNumber(m[1]!)}`;
  m = /^(\d{4}) ?- ?([qh])([1-4])$/.exec(plain);
  if (m && (m[2] === 'q' || Number(m[3]) <= 2)) return `${m[1]}-${m[2]!.toUpperCase()}${m[3]}`;
  m = /^6 thang (dau|cuoi) nam (\d{4})$/.exec(plain);
  if (m) return `${m[2]}-H${m[1] === 'dau' ? 1 : 2}`;
  m = /^(\d{1,2}) thang (?:dau )?nam (\d{4})$/.exec(plain);
  if (m) return firstMonths(Number(m[1]), m[2]!);
  m = /^nam (\d{4})$/.exec(plain);
  return m ? m[1] : undefined;
}

/** The first `count` months of `year`, as the format writes them: a quarter, a half, the year, else a run. */
function firstMonths(count: number, year: string): string | undefined {
  if (count < 1 || count > 12) return undefined;
  if (count === 3 || count === 6 || count === 12) return count === 3 ? `${year}-Q1` : count === 6 ? `${year}-H1` : year;
  return count === 1 ? `${year}-01` : `${year}-01..${year}-${String(count).padStart(2, '0')}`;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

/** A period in an English clerk's words (lower case, single spaces), or undefined. */
function englishPeriod(t: string): string | undefined {
  let m = /^([a-z]+)\.?,? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTH_NAMES.findIndex((name) => name === m![1] || (m![1]!.length >= 3 && name.startsWith(m![1]!)));
    if (month !== -1) return `${m[2]}-${String(month + 1).padStart(2, '0')}`;
  }
  m = /^(?:q|quarter )([1-4])(?: of)?,? (\d{4})$/.exec(t) ?? /^(?:the )?(first|1st|second|2nd|third|3rd|fourth|4th) quarter(?: of)?,? (\d{4})$/.exec(t);
  if (m) return `${m[2]}-Q${ORDINALS[m[1]!] ?? m[1]}`;
  m = /^h([12])(?: of)?,? (\d{4})$/.exec(t) ?? /^(?:the )?(first|1st|second|2nd) half(?: of)?,? (\d{4})$/.exec(t);
  if (m) return `${m[2]}-H${ORDINALS[m[1]!] ?? m[1]}`;
  m = /^(?:the )?first (\d{1,2}) months(?: of)?,? (\d{4})$/.exec(t);
  if (m) return firstMonths(Number(m[1]), m[2]!);
  m = /^(?:the )?year (\d{4})$/.exec(t);
  return m ? m[1] : undefined;
}

/** Why a text is not a period; undefined when it is one. */
export function periodFault(text: string): PeriodFault | undefined {
  if (periodRange(text)) return undefined;
  const run = RUN.exec(text);
  if (run && isMonth(run[1]!) && isMonth(run[2]!)) return { kind: 'backwards', from: run[1]!, to: run[2]! };
  const month = /^\d{4}-(\d{2})$/.exec(text);
  if (month && (Number(month[1]) < 1 || Number(month[1]) > 12)) return { kind: 'not-a-month' };
  return { kind: 'shape' };
}

/** Why a text is not a period, in words (English unless given a catalogue's); undefined when it is one. */
export function periodProblem(text: string, words: PeriodWords = ENGLISH_PERIOD_WORDS): string | undefined {
  const fault = periodFault(text);
  if (!fault) return undefined;
  return fault.kind === 'backwards' ? words.backwards(fault.from, fault.to) : fault.kind === 'not-a-month' ? words.notAMonth : words.shape;
}
