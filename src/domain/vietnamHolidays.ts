// Vietnam's public holidays (Labor Code 2019, art. 112) as FORMAT.md builds
// them in: 1/1; Tết Nguyên đán as the last day of the lunar year and the
// first four days of the new one; Giỗ Tổ Hùng Vương (10/3 lunar); 30/4; 1/5;
// 2/9. Days the government sets each year (the day next to 2/9 from 2021, a
// moved Tết day, nghỉ bù) are the config's `holidays`.
//
// The lunar dates come from a table rather than a calendar computation at run
// time: the astronomical computation costs tens of milliseconds a year, and
// a table is checked line by line against published dates
// (test/formatV2Deadlines.test.ts, 2015–2030). It was computed with the npm
// package date-chinese (CalendarVietnamese: the Vietnamese calendar, on the
// meridian of UTC+7 from 1968), e.g. Tết 1985 on 21 January and Tết 2007 on
// 17 February, a day or a month apart from the Chinese calendar.
import { addDays, type IsoDate } from '../model/dates.js';

const FIRST_YEAR = 1901;

/** Per year from 1901 to 2100, "MMDDmmdd": the first day of the lunar year (Tết), then 10/3 lunar (Giỗ Tổ). */
const LUNAR_DAYS = [
  '02190428 02080417 01290407 02160425 02040414 01250403 02130422 02020410 01220429 02100419', // 1901–1910
  '01300408 02180426 02060416 01260405 02140423 02040412 01230430 02110420 02010410 02200428', // 1911–1920
  '02080417 01280406 02160425 02050413 01240402 02130421 02020411 01230429 02100419 01300408', // 1921–1930
  '02170427 02060415 01260404 02140423 02040412 01240401 02110420 01310410 02190429 02080417', // 1931–1940
  '01270406 02150424 02050414 01250402 02130421 02020411 01220430 02100418 01290407 02170426', // 1941–1950
  '02060415 01270404 02140423 02030412 01240402 02120420 01310409 02180428 02080417 01280405', // 1951–1960
  '02150424 02050414 01250403 02130421 02020411 01210331 02090419 01290407 02160426 02060415', // 1961–1970
  '01270405 02150423 02030412 01230402 02110420 01310409 02180427 02070416 01280406 02160424', // 1971–1980
  '02050414 01250403 02130422 02020410 01210429 02090418 01290407 02170425 02060415 01270405', // 1981–1990
  '02150424 02040412 01230401 02100420 01310409 02190427 02070416 01280406 02160425 02050414', // 1991–2000
  '01240403 02120422 02010411 01220428 02090418 01290407 02170426 02070415 01260404 02140423', // 2001–2010
  '02030412 01230331 02100419 01310409 02190428 02080416 01280406 02160425 02050414 01250402', // 2011–2020
  '02120421 02010410 01220429 02100418 01290407 02170426 02060416 01260404 02130423 02020412', // 2021–2030
  '01230401 02110419 01310409 02190428 02080417 01280406 02150424 02040413 01240403 02120420', // 2031–2040
  '02010410 01220429 02100419 01300407 02170426 02060415 01260404 02140422 02020411 01230401', // 2041–2050
  '02110420 02010409 02180428 02080417 01280406 02150424 02040413 01240402 02120421 02020410', // 2051–2060
  '01210331 02090419 01290408 02170426 02050415 01260404 02140423 02030411 01230401 02110420', // 2061–2070
  '01310409 02190427 02070416 01270405 02150424 02050413 01240402 02120421 02020411 01220330', // 2071–2080
  '02090418 01290407 02170426 02060414 01260403 02140422 02030412 01240401 02100420 01300409', // 2081–2090
  '02180428 02070416 01270405 02150424 02050413 01250402 02120421 02010411 01210429 02090418', // 2091–2100
]
  .join(' ')
  .split(' ');

/** Tết (1/1 lunar) and Giỗ Tổ Hùng Vương (10/3 lunar) of a Gregorian year; undefined outside 1901–2100. */
export function lunarHolidays(year: number): { tet: IsoDate; hungKings: IsoDate } | undefined {
  const entry = LUNAR_DAYS[year - FIRST_YEAR];
  if (year < FIRST_YEAR || !entry) return undefined;
  return { tet: `${year}-${entry.slice(0, 2)}-${entry.slice(2, 4)}`, hungKings: `${year}-${entry.slice(4, 6)}-${entry.slice(6, 8)}` };
}

const yearCache = new Map<number, IsoDate[]>();

/** The built-in public holidays of a Gregorian year, in date order. */
export function publicHolidaysOf(year: number): IsoDate[] {
  let days = yearCache.get(year);
  if (days) return days;
  const y = String(year).padStart(4, '0');
  days = [`${y}-01-01`, `${y}-04-30`, `${y}-05-01`, `${y}-09-02`];
  const lunar = lunarHolidays(year);
  if (lunar) {
    // The last day of the lunar year is the eve of Tết, then four days of the new year.
    for (let i = -1; i <= 3; i++) days.push(addDays(lunar.tet, i));
    days.push(lunar.hungKings);
  }
  days = [...new Set(days)].sort();
  yearCache.set(year, days);
  return days;
}
