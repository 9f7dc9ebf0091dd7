// Calendar dates as YYYY-MM-DD text: validity, the clerk's DD/MM/YYYY,
// month arithmetic, and "today" in the config's time zone.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysBetween,
  daysInMonth,
  firstDayOf,
  isCalendarDate,
  isMonth,
  isTimeZone,
  lastDayOf,
  monthOf,
  parseCliDate,
  parseCliMonth,
  todayIn,
} from '../src/model/dates.js';

describe('isCalendarDate', () => {
  it.each([['2020-10-26'], ['2020-02-29'], ['2000-02-29'], ['2021-12-31'], ['2021-01-01'], ['0001-01-01']])('%s is a day', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });

  it.each([
    ['2021-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not a leap year'],
    ['2020-02-30', 'February has no 30th'],
    ['2020-04-31', 'April has 30 days'],
    ['2020-13-01', 'no month 13'],
    ['2020-00-10', 'no month 0'],
    ['2020-01-00', 'no day 0'],
    ['2020-1-01', 'one-digit month'],
    ['20-10-2020', 'day first'],
    ['26/10/2020', 'slashes'],
    [' 2020-10-26', 'leading blank'],
    ['2020-10-26\n', 'trailing newline'],
    ['2020-10-26T00:00', 'a time'],
    ['', 'empty'],
  ])('%j is not (%s)', (d) => {
    expect(isCalendarDate(d)).toBe(false);
  });
});

describe('isMonth', () => {
  it('YYYY-MM with a month from 01 to 12', () => {
    expect(isMonth('2020-01')).toBe(true);
    expect(isMonth('2020-12')).toBe(true);
    expect(isMonth('2020-00')).toBe(false);
    expect(isMonth('2020-13')).toBe(false);
    expect(isMonth('2020-1')).toBe(false);
    expect(isMonth('2020-10-01')).toBe(false);
    // Year 0 has no month before it: `report --month 0000-01` printed a previous month "00-1-00".
    expect(isMonth('0000-01')).toBe(false);
    expect(isMonth('0001-01')).toBe(true);
  });
});

describe('parseCliDate', () => {
  it.each([
    ['2020-10-26', '2020-10-26'],
    ['26/10/2020', '2020-10-26'],
    ['1/2/2020', '2020-02-01'],
    ['01/02/2020', '2020-02-01'],
    ['29/02/2020', '2020-02-29'],
    [' 26/10/2020 ', '2020-10-26'],
  ])('%j → %s', (input, expected) => {
    expect(parseCliDate(input)).toBe(expected);
  });

  it.each([['29/02/2021'], ['31/04/2020'], ['10/26/2020'], ['2020/10/26'], ['26-10-2020'], ['26/10/20'], ['hôm nay'], [''], ['00/04/2021'], ['0000-01-01']])(
    '%j is not a date',
    (input) => {
      expect(parseCliDate(input)).toBeUndefined();
    },
  );
});

describe('parseCliMonth', () => {
  it('YYYY-MM or MM/YYYY', () => {
    expect(parseCliMonth('2020-10')).toBe('2020-10');
    expect(parseCliMonth('10/2020')).toBe('2020-10');
    expect(parseCliMonth('1/2021')).toBe('2021-01');
    expect(parseCliMonth('13/2020')).toBeUndefined();
    expect(parseCliMonth('2020-13')).toBeUndefined();
    expect(parseCliMonth('2020-10-26')).toBeUndefined();
  });
});

describe('month arithmetic', () => {
  it('addMonths crosses years both ways', () => {
    expect(addMonths('2020-10', 1)).toBe('2020-11');
    expect(addMonths('2020-11', 2)).toBe('2021-01');
    expect(addMonths('2020-12', 1)).toBe('2021-01');
    expect(addMonths('2021-01', -1)).toBe('2020-12');
    expect(addMonths('2020-10', -24)).toBe('2018-10');
    expect(addMonths('2020-10', 0)).toBe('2020-10');
    expect(addMonths('2020-03', 25)).toBe('2022-04');
  });

  it('lastDayOf knows February in leap years', () => {
    expect(lastDayOf('2020-02')).toBe('2020-02-29');
    expect(lastDayOf('2021-02')).toBe('2021-02-28');
    expect(lastDayOf('1900-02')).toBe('1900-02-28');
    expect(lastDayOf('2000-02')).toBe('2000-02-29');
    expect(lastDayOf('2020-04')).toBe('2020-04-30');
    expect(lastDayOf('2020-12')).toBe('2020-12-31');
  });

  it('firstDayOf, monthOf, daysInMonth', () => {
    expect(firstDayOf('2020-10')).toBe('2020-10-01');
    expect(monthOf('2020-10-26')).toBe('2020-10');
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2020, 11)).toBe(30);
  });

  it('daysBetween counts whole days, signed, across months and leap days', () => {
    expect(daysBetween('2020-10-26', '2020-10-26')).toBe(0);
    expect(daysBetween('2020-10-26', '2020-11-25')).toBe(30);
    expect(daysBetween('2020-11-25', '2020-10-26')).toBe(-30);
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2021-02-28', '2021-03-01')).toBe(1);
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    // Daylight saving time does not make a day 23 or 25 hours long here.
    expect(daysBetween('2020-03-01', '2020-04-01')).toBe(31);
  });
});

describe('todayIn', () => {
  it('reads the calendar day in the given zone, on either side of midnight', () => {
    // 17:30 UTC on 25 Oct is 00:30 on 26 Oct in Hà Nội (UTC+7).
    const now = new Date('2020-10-25T17:30:00Z');
    expect(todayIn('Asia/Ho_Chi_Minh', now)).toBe('2020-10-26');
    expect(todayIn('UTC', now)).toBe('2020-10-25');
    expect(todayIn('America/New_York', now)).toBe('2020-10-25');
    // 16:30 UTC is 23:30 in Hà Nội: still the 25th.
    expect(todayIn('Asia/Ho_Chi_Minh', new Date('2020-10-25T16:30:00Z'))).toBe('2020-10-25');
  });

  it('crosses a year boundary', () => {
    const now = new Date('2020-12-31T18:00:00Z');
    expect(todayIn('Asia/Ho_Chi_Minh', now)).toBe('2021-01-01');
    expect(todayIn('Europe/London', now)).toBe('2020-12-31');
    expect(todayIn('Pacific/Honolulu', new Date('2021-01-01T05:00:00Z'))).toBe('2020-12-31');
  });

  it('isTimeZone accepts IANA names only', () => {
    expect(isTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('years before 100 (Date.UTC reads them as 1900–1999)', () => {
  it('a task of a meeting dated 0050-03-15: its deadlines, its calendar event and its dates shown stay in year 50', async () => {
    const { makeRepo, runMeet } = await import('./helpers.js');
    const root = makeRepo({
      'meetings/0050/0050-03-15-hop.md':
        '---\ntitle: Họp\ndate: 0050-03-15\nchair: A\ntasks:\n  - { id: a, title: A, owner: van-phong, due: { working_days: 5 } }\n  - { id: b, title: B, owner: van-phong, due: { days: 30 } }\n  - { id: c, title: C, owner: van-phong, due: 0050-Q1 }\n---\n',
    });
    const tasks = await runMeet(['tasks', '--format', 'json', '--today', '0050-03-16'], { cwd: root });
    expect(tasks.stderr).toBe('');
    const due = Object.fromEntries((JSON.parse(tasks.stdout) as { id: string; due: string }[]).map((t) => [t.id, t.due]));
    expect(due).toEqual({ a: expect.stringMatching(/^0050-03-2\d$/), b: '0050-04-14', c: '0050-03-31' });
    expect((await runMeet(['tasks', '--today', '0050-03-16'], { cwd: root })).stdout).toContain('14/04/0050');
    const calendar = await runMeet(['calendar', '--today', '0050-03-16'], { cwd: root });
    expect(calendar.stdout).toContain('DTSTART;VALUE=DATE:00500414');
  });
});
