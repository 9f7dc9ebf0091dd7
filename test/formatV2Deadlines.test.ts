// Format version 2 deadlines: a month, quarter or year stands for its last
// day; {days: N} and {working_days: N} count from the day after the meeting,
// working days skipping weekends, Vietnam's public holidays (Tết by the
// lunar calendar) and the config's holidays. Every expected day is worked
// out by hand below.
import { describe, expect, it } from 'vitest';
import { Deadlines } from '../src/domain/deadlines.js';
import { addDays, weekday } from '../src/model/dates.js';
import { lunarHolidays, publicHolidaysOf } from '../src/domain/vietnamHolidays.js';
import { makeRepo, runMeet } from './helpers.js';

// Published dates: Tết Nguyên đán (mùng 1 tháng Giêng) and Giỗ Tổ Hùng Vương
// (10 tháng Ba âm lịch), as the Vietnamese calendar and the government's
// holiday notices give them. 2030: the new moon of 2 February 2030 falls at
// 16:07 UT, 23:07 in Vietnam, so Tết Canh Tuất is 2 February in Vietnam (3
// February in China, an hour further east).
const PUBLISHED: Record<number, [tet: string, hungKings: string]> = {
  2015: ['2015-02-19', '2015-04-28'],
  2016: ['2016-02-08', '2016-04-16'],
  2017: ['2017-01-28', '2017-04-06'],
  2018: ['2018-02-16', '2018-04-25'],
  2019: ['2019-02-05', '2019-04-14'],
  2020: ['2020-01-25', '2020-04-02'],
  2021: ['2021-02-12', '2021-04-21'],
  2022: ['2022-02-01', '2022-04-10'],
  2023: ['2023-01-22', '2023-04-29'],
  2024: ['2024-02-10', '2024-04-18'],
  2025: ['2025-01-29', '2025-04-07'],
  2026: ['2026-02-17', '2026-04-26'],
  2027: ['2027-02-06', '2027-04-16'],
  2028: ['2028-01-26', '2028-04-04'],
  2029: ['2029-02-13', '2029-04-23'],
  2030: ['2030-02-02', '2030-04-12'],
};

describe('the built-in holiday table', () => {
  it('gives the published Tết and Giỗ Tổ of every year from 2015 to 2030', () => {
    for (const [year, [tet, hungKings]] of Object.entries(PUBLISHED)) {
      expect(lunarHolidays(Number(year)), year).toEqual({ tet, hungKings });
    }
  });

  it('keeps the years the Vietnamese calendar parts from the Chinese one', () => {
    // Tết Ất Sửu 1985 came a month before China's; Tết Đinh Hợi 2007 a day before.
    expect(lunarHolidays(1985)!.tet).toBe('1985-01-21');
    expect(lunarHolidays(2007)!.tet).toBe('2007-02-17');
  });

  it('lists the days off of 2021: 1/1, the eve of Tết and four days, Giỗ Tổ, 30/4, 1/5, 2/9', () => {
    expect(publicHolidaysOf(2021)).toEqual([
      '2021-01-01',
      '2021-02-11', // 30 Tết (the last day of the year Canh Tý)
      '2021-02-12',
      '2021-02-13',
      '2021-02-14',
      '2021-02-15',
      '2021-04-21',
      '2021-04-30',
      '2021-05-01',
      '2021-09-02',
    ]);
  });

  it('has no lunar days outside 1901–2100, only the fixed ones', () => {
    expect(lunarHolidays(1900)).toBeUndefined();
    expect(publicHolidaysOf(2101)).toEqual(['2101-01-01', '2101-04-30', '2101-05-01', '2101-09-02']);
  });
});

describe('resolving a due', () => {
  const plain = new Deadlines();
  // In 2021 the government gave 10 and 16 February off as well (Tết from 10 to 16 February).
  const tet2021 = new Deadlines(['2021-02-10', '2021-02-16']);

  it('10 working days from Thursday 4 February 2021, across Tết, built-in holidays only', () => {
    // Fri 5 (1); Mon 8 (2), Tue 9 (3), Wed 10 (4); Thu 11 (30 Tết), Fri 12 to Mon 15 (Tết,
    // the weekend, mùng 4) off; Tue 16 (5), Wed 17 (6), Thu 18 (7), Fri 19 (8); Mon 22 (9), Tue 23 (10).
    expect(plain.resolve({ working_days: 10 }, '2021-02-04')).toBe('2021-02-23');
  });

  it('the same with the config holidays 10 and 16 February 2021', () => {
    // Fri 5 (1); Mon 8 (2), Tue 9 (3); Wed 10 to Tue 16 off; Wed 17 (4), Thu 18 (5), Fri 19 (6);
    // Mon 22 (7), Tue 23 (8), Wed 24 (9), Thu 25 (10).
    expect(tet2021.resolve({ working_days: 10 }, '2021-02-04')).toBe('2021-02-25');
  });

  it('working days around Giỗ Tổ and 30/4–1/5', () => {
    // From Tue 20 April 2021: Wed 21 is Giỗ Tổ; Thu 22 (1), Fri 23 (2), Mon 26 (3).
    expect(plain.resolve({ working_days: 3 }, '2021-04-20')).toBe('2021-04-26');
    // From Thu 29 April 2021: Fri 30/4, Sat 1/5, Sun 2 off; Mon 3 (1), Tue 4 (2).
    expect(plain.resolve({ working_days: 2 }, '2021-04-29')).toBe('2021-05-04');
    // A meeting on a Friday: the next working day is Monday.
    expect(plain.resolve({ working_days: 1 }, '2020-10-23')).toBe('2020-10-26');
  });

  it('counts working days as walking the calendar a day at a time would, across years and days off', () => {
    // The reference: each day after the meeting, as text, checked against the weekday and the days off.
    const reference = (date: string, count: number, extra: readonly string[]): string => {
      let day = date;
      for (let counted = 0; counted < count;) {
        day = addDays(day, 1);
        const dow = weekday(day);
        if (dow !== 0 && dow !== 6 && !extra.includes(day) && !publicHolidaysOf(Number(day.slice(0, 4))).includes(day)) counted++;
      }
      return day;
    };
    const extra = ['2021-02-10', '2021-02-16', '2024-12-31', '2025-01-02'];
    const withExtra = new Deadlines(extra);
    let compared = 0;
    for (let date = '2014-12-20'; date < '2031-01-10'; date = addDays(date, 7)) {
      for (const count of [1, 2, 3, 5, 8, 13, 22, 60]) {
        expect(plain.resolve({ working_days: count }, date), `${date} + ${count}`).toBe(reference(date, count, []));
        const expected = reference(date, count, extra);
        expect(withExtra.resolve({ working_days: count }, date), `${date} + ${count}, config days off`).toBe(expected);
        // Asked again, the remembered answer.
        expect(withExtra.resolve({ working_days: count }, date)).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(6000);
    expect(withExtra.isWorkingDay('2025-01-02')).toBe(false);
    expect(plain.isWorkingDay('2025-01-02')).toBe(true);
  });

  it('remembers a due by what it says: a mapping without a number is no due, and does not stand for one with it', () => {
    const deadlines = new Deadlines();
    expect(deadlines.resolve({ working_days: '10' } as unknown as { working_days: number }, '2021-02-04')).toBeUndefined();
    expect(deadlines.resolve({ working_days: 10 }, '2021-02-04')).toBe('2021-02-23');
    expect(deadlines.resolve({ days: 10 }, '2021-02-04')).toBe('2021-02-14');
    expect(deadlines.resolve('2021-Q1', '2021-02-04')).toBe('2021-03-31');
  });

  it('calendar days count every day, holidays included', () => {
    // 15 January + 30 days: 16 days to 31 January, then 14 into February.
    expect(tet2021.resolve({ days: 30 }, '2021-01-15')).toBe('2021-02-14');
  });

  it('a month, a quarter and a year by their last day; a date as written', () => {
    expect(plain.resolve('2020-02', '2020-01-10')).toBe('2020-02-29');
    expect(plain.resolve('2021-02', '2021-01-10')).toBe('2021-02-28');
    expect(plain.resolve('2020-Q4', '2020-10-05')).toBe('2020-12-31');
    expect(plain.resolve('2021-Q1', '2020-12-28')).toBe('2021-03-31');
    expect(plain.resolve('2020-Q2', '2020-04-01')).toBe('2020-06-30');
    expect(plain.resolve('2021', '2020-12-28')).toBe('2021-12-31');
    expect(plain.resolve('2020-11-20', '2020-10-26')).toBe('2020-11-20');
    expect(plain.resolve(undefined, '2020-10-26')).toBeUndefined();
  });
});

describe('deadlines in meet tasks', () => {
  const CONFIG = `organization: UBND huyện Thử Nghiệm
sectors: { kinh-te: Kinh tế }
owners: { van-phong: Văn phòng }
metrics: {}
holidays: [2021-02-10, 2021-02-16]
`;
  const record = [
    '---',
    'title: Hội nghị thường kỳ tháng 1/2021',
    'date: 2021-02-04',
    'period: 2021-01',
    'chair: Nguyễn Văn A',
    'tasks:',
    '  - { id: ve-sinh, title: Tổng vệ sinh sau Tết, owner: van-phong, due: { working_days: 10 } }',
    '  - { id: gieo-cay, title: Gieo cấy lúa xuân, owner: van-phong, due: 2021-02 }',
    '  - { id: an-ninh, title: Giữ vững an ninh trật tự, owner: van-phong, recurring: true }',
    '---',
    '',
  ].join('\n');

  it('lists the resolved deadline and the deadline as written; a standing task is never overdue', async () => {
    const cwd = makeRepo({ 'meetings/2021/2021-02-04-thang-1.md': record }, CONFIG);
    const run = await runMeet(['tasks', '--today', '2021-12-31', '--format', 'json'], { cwd });
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    const pick = (id: string) => {
      const row = rows.find((r) => r.id === id)!;
      return { due: row.due, dueAsWritten: row.dueAsWritten, recurring: row.recurring, overdueDays: row.overdueDays };
    };
    // On 31 December: 25 February + 309 days (3 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31).
    expect(pick('ve-sinh')).toEqual({ due: '2021-02-25', dueAsWritten: { working_days: 10 }, recurring: false, overdueDays: 309 });
    // 28 February + 306 days.
    expect(pick('gieo-cay')).toEqual({ due: '2021-02-28', dueAsWritten: '2021-02', recurring: false, overdueDays: 306 });
    expect(pick('an-ninh')).toEqual({ due: null, dueAsWritten: null, recurring: true, overdueDays: 0 });
  });

  it("public_holidays: none counts working days outside Vietnam: only weekends and the config's holidays are off", async () => {
    const abroad = CONFIG.replace('holidays: [2021-02-10, 2021-02-16]', 'holidays: [2021-02-15]\npublic_holidays: none');
    const cwd = makeRepo({ 'meetings/2021/2021-02-04-thang-1.md': record }, abroad);
    const run = await runMeet(['tasks', '--today', '2021-02-05', '--format', 'json'], { cwd });
    expect(run.code).toBe(0);
    // Fri 5 (1); Mon 8 to Fri 12 (2–6), Tết no day off; Mon 15 the config's; Tue 16 to Fri 19 (7–10).
    expect((JSON.parse(run.stdout) as { id: string; due: string }[]).find((r) => r.id === 've-sinh')!.due).toBe('2021-02-19');
    const wrong = makeRepo({ 'meetings/2021/2021-02-04-thang-1.md': record }, CONFIG.replace('holidays:', 'public_holidays: usa\nholidays:'));
    expect((await runMeet(['check'], { cwd: wrong })).code).toBe(1);
  });

  it("shows the resolved deadline with what was written, in the clerk's words", async () => {
    const cwd = makeRepo({ 'meetings/2021/2021-02-04-thang-1.md': record }, CONFIG);
    const run = await runMeet(['tasks', '--today', '2021-02-05', '--format', 'md'], { cwd });
    // Markdown names the owner by its name in the config, not its id.
    expect(run.stdout).toContain('| `ve-sinh` | Tổng vệ sinh sau Tết | Văn phòng | 25/02/2021 (10 ngày làm việc) |');
    expect(run.stdout).toContain('| `gieo-cay` | Gieo cấy lúa xuân | Văn phòng | 28/02/2021 (tháng 2/2021) |');
    expect(run.stdout).toContain('| `an-ninh` | Giữ vững an ninh trật tự | Văn phòng | thường xuyên |');
  });
});
