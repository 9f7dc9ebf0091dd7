// Format version 2 in `meet check`: every new key is read, every new rule is
// found at the exact line and column of the key or value at fault, with a
// message a clerk can act on and a "did you mean" where a key is misspelt.
// In-process runs on temp repositories.
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../src/model/ruleCatalogue.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { splitFrontMatter } from '../src/records/frontMatter.js';
import { parseYaml } from '../src/records/yamlDocument.js';
import { EXAMPLES, makeRepo, PROJECT_ROOT, runMeet, tempDir } from './helpers.js';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: RuleId;
  message: string;
}

/** A config with v2 keys: a group of owners, plans, a money and a % metric. */
const CONFIG = `organization: UBND huyện Thử Nghiệm
sectors:
  kinh-te: Kinh tế
owners:
  van-phong: Văn phòng
  xa-a: UBND xã A
  xa-b: UBND xã B
  cac-xa:
    name: UBND các xã
    members: [xa-a, xa-b]
plans:
  du-toan-tinh: Dự toán tỉnh giao
  du-toan-huyen: Dự toán huyện giao
metrics:
  thu-ngan-sach: { label: Thu ngân sách, unit: tỷ đồng, sector: kinh-te, targets: { 2020: 250 } }
  ty-le: { label: Tỷ lệ giải ngân, unit: '%', sector: kinh-te, aggregate: last }
holidays: [2021-02-10]
`;

/** A record dated 2020-10-05: line 1 is "---", the first key is on line 2. */
const rec = (...lines: string[]) => `---\ntitle: Họp thử\ndate: 2020-10-05\nchair: Nguyễn Văn A\n${lines.join('\n')}\n---\n\nNội dung.\n`;
const FILE = 'meetings/2020/2020-10-05-hop-thu.md';

// The messages asserted below are English: the runs pass --locale en (CONFIG
// has no `locale:`, so the repository is Vietnamese, and its lines stay put).
async function findingsOf(record: string, config = CONFIG): Promise<JsonFinding[]> {
  const cwd = makeRepo({ [FILE]: record }, config);
  const run = await runMeet(['check', '--format', 'json', '--locale', 'en'], { cwd });
  return JSON.parse(run.stdout) as JsonFinding[];
}

const brief = (findings: JsonFinding[]) => findings.map((f) => [f.rule, f.line, f.column]);

describe('v2 records that check clean', () => {
  it('accepts every new key of a record at once', async () => {
    const record = rec(
      'end_date: 2020-10-06',
      'period: 2020-01..2020-09',
      'session: afternoon',
      'mode: hybrid',
      'organization: UBND xã A',
      'attendees:',
      '  - Trưởng các phòng',
      '  - { name: Lê Văn B, role: Chủ tịch, organization: UBND xã B }',
      'results:',
      '  - sector: kinh-te',
      '    summary: Thu ngân sách 9 tháng ước đạt 131 tỷ đồng',
      '    metrics:',
      '      thu-ngan-sach: { value: 131500, unit: triệu đồng, ytd: 131.5, plan_pct: { du-toan-tinh: 126.3, du-toan-huyen: 117.6 }, yoy_pct: 2.88, estimate: true, qualifier: about }',
      '      ty-le: 61.8',
      'shortcomings: [Giải ngân chậm]',
      'decisions:',
      '  - Thông qua kế hoạch',
      '  - { text: Thông qua Nghị quyết, document: Nghị quyết số 12/NQ-HĐND, vote: { for: 25, against: 0, abstain: 1 } }',
      'conclusion: Hoàn thành các chỉ tiêu',
      'tasks:',
      '  - { id: a, title: Việc a, owner: cac-xa, due: 2020-11 }',
      '  - { id: b, title: Việc b, owner: [van-phong, cac-xa], due: 2020-Q4 }',
      '  - { id: c, title: Việc c, owner: van-phong, due: 2020 }',
      '  - { id: d, title: Việc d, owner: van-phong, due: { working_days: 10 }, directed_by: Thường trực Huyện ủy }',
      '  - { id: e, title: Việc e, owner: van-phong, due: { days: 30 } }',
      '  - { id: f, title: Việc f, owner: xa-a, recurring: true }',
      'proposals: [Đề nghị tỉnh hỗ trợ kinh phí]',
      'references: [{ document: Chỉ thị số 27-CT/TW, title: Về công tác cán bộ }, { document: Kế hoạch số 5/KH-UBND }]',
      'approval: { status: approved, approved_by: Nguyễn Văn A, approved_on: 2020-10-06, notice: { number: 125/TB-UBND, date: 2020-10-07, signer: { name: Lê Văn Nam, title: CHÁNH VĂN PHÒNG, on_behalf: TL. CHỦ TỊCH }, recipients: [Thường trực Huyện ủy, "Lưu: VT"] } }',
      'amendments: [{ date: 2020-10-08, by: Lê Văn Nam, reason: Sửa số liệu }]',
    );
    expect(await findingsOf(record)).toEqual([]);
  });

  it('accepts co-chairs, a quarter, a half year and a year as the period', async () => {
    for (const period of ['2020-Q3', '2020-H1', '2020', '2020-10']) {
      const record = `---\ntitle: Họp\ndate: 2020-10-05\nperiod: ${period}\nchair:\n  - { name: A, role: Bí thư }\n  - B\n---\n`;
      expect(await findingsOf(record), period).toEqual([]);
    }
  });

  // --no-cache: the examples are the project's own files, not to be written into.
  it('keeps the v1 example repository clean', async () => {
    const run = await runMeet(['check', '--no-cache', '--format', 'json'], { cwd: EXAMPLES });
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('keeps the v2 commune example repository clean', async () => {
    const run = await runMeet(['check', '--no-cache', '--format', 'json'], { cwd: path.join(PROJECT_ROOT, 'examples-xa') });
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('meet schema: version 2', () => {
  it('names every key the commune example uses, and a figure may be a mapping', async () => {
    const schema = JSON.parse((await runMeet(['schema'], { cwd: tempDir() })).stdout) as { $id: string; properties: Record<string, unknown> };
    expect(schema.$id).toContain('record-v2');
    const folder = path.join(PROJECT_ROOT, 'examples-xa', 'meetings');
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'))) {
      const split = splitFrontMatter(readFileSync(path.join(folder, file), 'utf8'));
      if (split.kind !== 'ok') throw new Error(file);
      for (const key of Object.keys(parseYaml(split.yaml).value as object)) expect(schema.properties, `${file}: ${key}`).toHaveProperty(key);
    }
  });
});

describe('v2 rules, each at its line and column', () => {
  it('period-after-date: a one-month period after the month of date, with the month to use', async () => {
    const found = await findingsOf(rec('period: 2020-11'));
    expect(brief(found)).toEqual([['period-after-date', 5, 9]]);
    expect(found[0]!.message).toContain('Did you mean 2020-10?');
    // A longer period may end later: a year reviewed in October.
    expect(await findingsOf(rec('period: 2020'))).toEqual([]);
    expect(await findingsOf(rec('period: 2020-10..2020-12'))).toEqual([]);
    // Beginning later is allowed too (FORMAT.md limits one-month periods only), with a warning: likely a mistyped year.
    for (const period of ['2021', '2020-11..2021-01']) expect(brief(await findingsOf(rec(`period: ${period}`))), period).toEqual([['period-not-begun', 5, 9]]);
    // The quarter the meeting's month opens has begun.
    expect(await findingsOf(rec('period: 2020-Q4'))).toEqual([]);
    const [notBegun] = await findingsOf(rec('period: 2021'));
    expect(notBegun).toMatchObject({ severity: 'warning', message: expect.stringContaining('The period 2021 begins after the meeting') });
  });

  it('a period that is not one: a backwards run, a month 13, a quarter 5', async () => {
    expect(brief(await findingsOf(rec('period: 2020-09..2020-01')))).toEqual([['invalid-value', 5, 9]]);
    expect((await findingsOf(rec('period: 2020-09..2020-01')))[0]!.message).toContain('runs backwards');
    expect(brief(await findingsOf(rec('period: 2020-13')))).toEqual([['invalid-value', 5, 9]]);
    expect((await findingsOf(rec('period: 2020-Q5')))[0]!.message).toContain('YYYY-Qn');
    // Year 0000 is no year: said as a shape (not "not a real month" of a month 01), in every form.
    for (const period of ['0000-01', '0000', '0000-Q1', '0000-H2']) {
      const message = (await findingsOf(rec(`period: "${period}"`)))[0]?.message;
      expect(message, period).toContain('must be a period');
    }
    // Nor a due: an error of its own, not a crash of every command.
    for (const due of ['0000-Q1', '0000']) {
      const found = await findingsOf(rec('tasks:', `  - { id: a, title: T, owner: van-phong, due: "${due}" }`));
      expect(
        found.map((f) => f.rule),
        due,
      ).toEqual(['invalid-date']);
    }
  });

  it("a period in the clerk's words is told how the format writes it; on the command line it is taken as such", async () => {
    const fix = async (period: string) => (await findingsOf(rec(`period: ${period}`)))[0]!.message.replace(/^.*: write /, '');
    expect(await fix('09/2020')).toBe('period: 2020-09');
    expect(await fix('"Quý 3/2020"')).toBe('period: 2020-Q3');
    expect(await fix('quý III năm 2020')).toBe('period: 2020-Q3');
    expect(await fix('2020-q3')).toBe('period: 2020-Q3');
    expect(await fix('6 tháng đầu năm 2020')).toBe('period: 2020-H1');
    expect(await fix('9 tháng đầu năm 2020')).toBe('period: 2020-01..2020-09');
    // Typed without accents, as on a keyboard with no Vietnamese input.
    expect(await fix('quy 4/2020')).toBe('period: 2020-Q4');
    expect(await fix('6 thang cuoi nam 2020')).toBe('period: 2020-H2');
    expect(await fix('thang 9 nam 2020')).toBe('period: 2020-09');
    expect(await fix('nam 2020')).toBe('period: 2020');
    // An English clerk's words too.
    expect(await fix('September 2020')).toBe('period: 2020-09');
    expect(await fix('Sept. 2020')).toBe('period: 2020-09');
    expect(await fix('Q3 2020')).toBe('period: 2020-Q3');
    expect(await fix('third quarter of 2020')).toBe('period: 2020-Q3');
    expect(await fix('first half of 2020')).toBe('period: 2020-H1');
    expect(await fix('first 9 months of 2020')).toBe('period: 2020-01..2020-09');
    expect(await fix('Year 2020')).toBe('period: 2020');
    const cwd = makeRepo({ [FILE]: rec() }, CONFIG);
    const given = await runMeet(['new', '--date', '2020-10-20', '--period', '9/2020', '--chair', 'A', '--dry-run'], { cwd });
    expect(given.code).toBe(0);
    expect(given.stdout).toContain('period: 2020-09\n');
    const quarter = await runMeet(['new', '--date', '2020-10-20', '--period', 'Quý 3/2020', '--kind', 'thematic', '--chair', 'A', '--dry-run'], { cwd });
    expect(quarter.stdout).toContain('period: 2020-Q3\n');
    const plain = await runMeet(['new', '--date', '2020-10-20', '--period', 'quy 3/2020', '--kind', 'thematic', '--chair', 'A', '--dry-run'], { cwd });
    expect(plain.stdout).toContain('period: 2020-Q3\n');
    const english = await runMeet(['new', '--date', '2020-10-20', '--period', 'Q3 2020', '--kind', 'thematic', '--chair', 'A', '--dry-run'], { cwd });
    expect(english.stdout).toContain('period: 2020-Q3\n');
  });

  it("a mode, a session or an approval status in the clerk's words: the format's word to write", async () => {
    const said = async (line: string) => (await findingsOf(rec(...line.split('\n'))))[0]!.message;
    expect(await said('mode: trực tuyến')).toBe('"mode" is "trực tuyến"; the record format writes this "online": write mode: online');
    expect(await said('session: chiều')).toBe('"session" is "chiều"; the record format writes this "afternoon": write session: afternoon');
    expect(await said('approval:\n  status: đã thông qua')).toBe(
      '"status" is "đã thông qua"; the record format writes this "approved": write status: approved',
    );
    // "offline" is the opposite of "online", the nearest spelling.
    expect(await said('mode: offline')).toBe('"mode" is "offline"; the record format writes this "in-person": write mode: in-person');
    // FORMAT.md gives a qualifier's Vietnamese words: "trên" is at-least.
    expect(await said('results:\n  - sector: kinh-te\n    summary: Thu\n    metrics: { thu-ngan-sach: { value: 12, qualifier: trên } }')).toBe(
      '"qualifier" is "trên"; the record format writes this "at-least": write qualifier: at-least',
    );
    // A task's status keeps the task's words: "hoàn thành" is done, not an approval.
    expect(await said('approval:\n  status: hoàn thành')).not.toContain('write status: done');
  });

  it('end-date-before-date', async () => {
    expect(brief(await findingsOf(rec('end_date: 2020-10-04')))).toEqual([['end-date-before-date', 5, 11]]);
  });

  it('due-before-date for a month, a quarter and a year that end before the meeting', async () => {
    const task = (due: string) => ['tasks:', '  - id: t', '    title: Việc', '    owner: van-phong', `    due: ${due}`];
    for (const due of ['2020-09', '2020-Q3', '2019']) {
      const found = await findingsOf(rec(...task(due)));
      expect(brief(found), due).toEqual([['due-before-date', 9, 10]]);
      expect(found[0]!.message).toContain(`by ${due}`);
    }
    // The month of the meeting itself is fine: its last day is not before it.
    expect(await findingsOf(rec(...task('2020-10')))).toEqual([]);
    // In Vietnamese the days it names are written as the clerk writes them; the due stays as written.
    const cwd = makeRepo({ [FILE]: rec(...task('2020-09')) }, CONFIG);
    const vi = JSON.parse((await runMeet(['check', '--format', 'json'], { cwd })).stdout) as JsonFinding[];
    expect(vi[0]!.message).toBe('Nhiệm vụ "t" có hạn 2020-09 (tức là đến 30/09/2020), trước ngày của cuộc họp giao nhiệm vụ (05/10/2020)');
  });

  it('a due that is none of the forms, and a count of days that is not a whole number', async () => {
    const task = (...due: string[]) => ['tasks:', '  - id: t', '    title: Việc', '    owner: van-phong', ...due];
    const found = await findingsOf(rec(...task('    due: cuối năm')));
    expect(brief(found)).toEqual([['invalid-date', 9, 10]]);
    expect(found[0]!.message).toContain('{working_days: N}');
    expect(brief(await findingsOf(rec(...task('    due:', '      working_days: 0'))))).toEqual([['invalid-value', 10, 21]]);
    expect(brief(await findingsOf(rec(...task('    due: { working_days: 2, days: 3 }'))))).toEqual([['invalid-date', 9, 10]]);
  });

  it('a time written as a clerk writes it gets HH:MM', async () => {
    const said = async (time: string) => (await findingsOf(rec(`time: ${time}`)))[0]!.message.replace(/^.*: time: /, '');
    expect(await said('8h30')).toBe('08:30');
    expect(await said('14 giờ')).toBe('14:00');
    expect(await said('2 giờ chiều')).toBe('14:00');
    expect(await said('7:30pm')).toBe('19:30');
    expect(await said('19.30')).toBe('19:30');
    expect((await findingsOf(rec('time: 7:30pm')))[0]!.message).toBe('"time" is "7:30pm"; write the time HH:MM, on the 24-hour clock: time: 19:30');
  });

  it("a due written as a clerk writes a month or a quarter gets the format's form", async () => {
    const said = async (due: string) =>
      (await findingsOf(rec('tasks:', '  - id: t', '    title: Việc', '    owner: van-phong', `    due: ${due}`)))[0]!.message;
    expect(await said('tháng 11/2020')).toBe('"due" is "tháng 11/2020"; a due by the end of a month, quarter or year is written so: due: 2020-11');
    expect(await said('"Quý 4/2020"')).toContain('written so: due: 2020-Q4');
    // Without its year: the meeting's (5 October 2020), or the next when the month or day is already past.
    expect(await said('trong tháng 12')).toBe('"due" is "trong tháng 12", without a year; by the meeting\'s date, write due: 2020-12');
    expect(await said('cuoi thang 1')).toContain('write due: 2021-01');
    expect(await said('31/12')).toContain('write due: 2020-12-31');
    expect(await said('"1/10"')).toContain('write due: 2021-10-01');
    expect(await said('quý 4')).toContain('write due: 2020-Q4');
    expect(await said('quý I')).toContain('write due: 2021-Q1');
  });

  it('"did you mean" inside a due: working_day → working_days, alone', async () => {
    const found = await findingsOf(rec('tasks:', '  - id: t', '    title: Việc', '    owner: van-phong', '    due:', '      working_day: 10'));
    expect(brief(found)).toEqual([['unknown-key', 10, 7]]);
    expect(found[0]!.message).toBe('Unknown key "working_day" in the "due" of task #1. Did you mean "working_days"?');
  });

  it('recurring-with-due, at the key of "due"', async () => {
    const found = await findingsOf(rec('tasks:', '  - id: t', '    title: Việc', '    owner: van-phong', '    recurring: true', '    due: 2020-12'));
    expect(brief(found)).toEqual([['recurring-with-due', 10, 5]]);
    // English words only, in English.
    expect(found[0]!.message).toBe('The task "t" is recurring (standing work) and also has a "due"; a recurring task has no deadline');
  });

  it('recurring must be true or false', async () => {
    const found = await findingsOf(rec('tasks:', '  - id: t', '    title: Việc', '    owner: van-phong', '    recurring: thường xuyên'));
    expect(brief(found)).toEqual([['invalid-type', 9, 16]]);
    expect(found[0]!.message).toContain('boolean');
  });

  it('one owner written wrong in a list does not hide another that is not declared', async () => {
    const found = await findingsOf(rec('tasks:', '  - { id: t, title: Việc, owner: [xx, Van-Phong] }'));
    expect(found.map((f) => f.rule).sort()).toEqual(['invalid-value', 'unknown-owner']);
    expect(found.find((f) => f.rule === 'unknown-owner')!.message).toContain('"xx"');
  });

  it('an owner listed twice is a warning, and counts once in the task list', async () => {
    const cwd = makeRepo({ [FILE]: rec('tasks:', '  - { id: t, title: Việc, owner: [van-phong, van-phong] }') }, CONFIG);
    const check = await runMeet(['check', '--format', 'json'], { cwd });
    expect(check.code).toBe(0);
    expect((JSON.parse(check.stdout) as JsonFinding[]).map((f) => f.rule)).toEqual(['duplicate-owner']);
    const tasks = JSON.parse((await runMeet(['tasks', '--today', '2020-10-06', '--format', 'json'], { cwd })).stdout) as { owners: string[] }[];
    expect(tasks[0]!.owners).toEqual(['van-phong']);
    // And once in the report: its row, and the owners' table (assigned 1, not 2).
    const report = JSON.parse((await runMeet(['report', '--month', '2020-10', '--format', 'json'], { cwd })).stdout) as {
      tasks: { assigned: { owners: string[] }[] };
      owners: { owner: string; assigned: number }[];
    };
    expect(report.tasks.assigned.map((t) => t.owners)).toEqual([['van-phong']]);
    expect(report.owners.find((o) => o.owner === 'van-phong')?.assigned).toBe(1);
  });

  it('a group owner is declared; a misspelt one gets a suggestion', async () => {
    expect(await findingsOf(rec('tasks:', '  - id: t', '    title: Việc', '    owner: cac-xa'))).toEqual([]);
    const found = await findingsOf(rec('tasks:', '  - id: t', '    title: Việc', '    owner: cac-xaa'));
    expect(brief(found)).toEqual([['unknown-owner', 8, 12]]);
    expect(found[0]!.message).toContain('Did you mean "cac-xa"?');
  });

  const figure = (...lines: string[]) => rec('results:', '  - sector: kinh-te', '    summary: Thu ngân sách', '    metrics:', ...lines);

  it('unknown-plan: a plan_pct naming an undeclared plan, at its key, with a suggestion', async () => {
    const found = await findingsOf(figure('      thu-ngan-sach:', '        ytd: 131', '        plan_pct:', '          du-toan-tnh: 126.3'));
    expect(brief(found)).toEqual([['unknown-plan', 12, 11]]);
    expect(found[0]!.message).toContain('Did you mean "du-toan-tinh"?');
  });

  it('figure-unit: money written for a metric measured in %', async () => {
    const found = await findingsOf(figure('      ty-le:', '        value: 5', '        unit: triệu đồng'));
    expect(brief(found)).toEqual([['figure-unit', 11, 15]]);
    expect(found[0]!.message).toContain('"%"');
  });

  it('a figure unit that is not a money unit is not allowed at all', async () => {
    const found = await findingsOf(figure('      thu-ngan-sach:', '        value: 5', '        unit: USD'));
    expect(brief(found)).toEqual([['invalid-value', 11, 15]]);
    expect(found[0]!.message).toBe(
      '"unit" is "USD"; a figure\'s unit is only for money written in đồng, nghìn đồng, triệu đồng, tỷ đồng, converted to the metric\'s: leave "unit" out and write the number converted to the metric\'s own unit (set in meet.config.yaml)',
    );
    // A money unit as clerks shorten it is named in full: left out, "1000 tr.đ" would be read as 1,000 of the metric's tỷ đồng.
    for (const [short, unit] of [
      ['tr.đ', 'triệu đồng'],
      ['trđ', 'triệu đồng'],
      ['Tỷ', 'tỷ đồng'],
      ['VNĐ', 'đồng'],
      ['ng.đ', 'nghìn đồng'],
      ['tỷ VNĐ', 'tỷ đồng'],
      ['tr.VNĐ', 'triệu đồng'],
      ['ty dong', 'tỷ đồng'],
      ['k', 'nghìn đồng'],
    ]) {
      const shortened = await findingsOf(figure('      thu-ngan-sach:', '        value: 1000', `        unit: ${short}`));
      expect(brief(shortened)).toEqual([['invalid-value', 11, 15]]);
      expect(shortened[0]!.message).toBe(
        `"unit" is "${short}"; write unit: ${unit} (a money unit is written in full: đồng, nghìn đồng, triệu đồng, tỷ đồng; the figure is converted to the metric's unit)`,
      );
    }
    // A misspelt money unit still gets its "did you mean".
    const typo = await findingsOf(figure('      thu-ngan-sach:', '        value: 5', '        unit: trieu dong'));
    expect(typo[0]!.message).toContain('Did you mean');
  });

  it('figure-empty: a figure with neither value nor ytd, at the metric id', async () => {
    const found = await findingsOf(figure('      thu-ngan-sach:', '        plan_pct: 12'));
    expect(brief(found)).toEqual([['figure-empty', 9, 7]]);
  });

  it('"did you mean" in a figure: ytdd → ytd, and no figure-empty beside it', async () => {
    const found = await findingsOf(figure('      thu-ngan-sach:', '        ytdd: 131'));
    expect(brief(found)).toEqual([['unknown-key', 10, 9]]);
    expect(found[0]!.message).toBe('Unknown key "ytdd" in the figure "thu-ngan-sach" of result #1. Did you mean "ytd"?');
  });

  it("a figure written with the words around it, a money unit, Word's minus or full-width digits: the keys that say each", async () => {
    const said = async (...lines: string[]) => (await findingsOf(figure(...lines))).map((f) => [f.rule, f.message]);
    const tail = ' (the number alone, a dot for decimals; "over", "about", "under", "estimated" and a money unit go in qualifier, estimate and unit)';
    expect(await said('      thu-ngan-sach: trên 21,4')).toEqual([
      ['invalid-type', `"thu-ngan-sach" is "trên 21,4"; write thu-ngan-sach: { value: 21.4, qualifier: at-least }${tail}`],
    ]);
    expect(await said('      thu-ngan-sach: ước khoảng 5')).toEqual([
      ['invalid-type', `"thu-ngan-sach" is "ước khoảng 5"; write thu-ngan-sach: { value: 5, estimate: true, qualifier: about }${tail}`],
    ]);
    // Left out, the unit would read 350 triệu as 350 tỷ.
    expect(await said('      thu-ngan-sach: 350 triệu')).toEqual([
      ['invalid-type', `"thu-ngan-sach" is "350 triệu"; write thu-ngan-sach: { value: 350, unit: triệu đồng }${tail}`],
    ]);
    expect(await said('      thu-ngan-sach:', '        value: dưới 21,4')).toEqual([
      ['invalid-type', `"value" is "dưới 21,4"; write value: 21.4, qualifier: at-most${tail}`],
    ]);
    expect(await said('      thu-ngan-sach: \u22125')).toEqual([
      ['invalid-type', '"thu-ngan-sach" is "\u22125"; write thu-ngan-sach: -5: Word\'s minus sign "−" and full-width digits (１２) are not a number'],
    ]);
    expect((await said('      thu-ngan-sach: \uff12\uff11.\uff14'))[0]![1]).toContain('write thu-ngan-sach: 21.4:');
    // Words that say no figure are left to the plain message.
    expect((await said('      thu-ngan-sach: nhiều'))[0]![1]).not.toContain('qualifier');
  });

  it('a figure value that is not a number; estimate that is not a boolean; a qualifier not in the list', async () => {
    expect(brief(await findingsOf(figure('      thu-ngan-sach:', '        value: 131,5')))).toEqual([['invalid-type', 10, 16]]);
    expect(brief(await findingsOf(figure('      thu-ngan-sach:', '        value: 1', '        estimate: ước')))).toEqual([['invalid-type', 11, 19]]);
    const found = await findingsOf(figure('      thu-ngan-sach:', '        value: 1', '        qualifier: at-leest'));
    expect(brief(found)).toEqual([['invalid-value', 11, 20]]);
    expect(found[0]!.message).toContain('Did you mean "at-least"?');
  });

  it('vote-count: a negative count, a count in words; "did you mean" in a vote', async () => {
    const vote = (...lines: string[]) => rec('decisions:', '  - text: Thông qua', '    vote:', ...lines);
    const negative = await findingsOf(vote('      for: -1'));
    expect(brief(negative)).toEqual([['vote-count', 8, 12]]);
    expect(negative[0]!.message).toBe('"for" is "-1", but it must be a whole number of votes, 0 or more');
    const huge = await findingsOf(vote('      for: 99999999999999999999'));
    expect(brief(huge)).toEqual([['vote-count', 8, 12]]);
    expect(huge[0]!.message).toBe('"for" is "99999999999999999999", but it is too large a number of votes to be counted exactly: check the figure');
    expect(brief(await findingsOf(vote('      for: 20', '      against: hai')))).toEqual([['vote-count', 9, 16]]);
    const typo = await findingsOf(vote('      for: 20', '      abstian: 1'));
    expect(brief(typo)).toEqual([['unknown-key', 9, 7]]);
    expect(typo[0]!.message).toContain('Did you mean "abstain"?');
  });

  it('approval-before-date: the notice, and the approval, dated before the meeting', async () => {
    const notice = await findingsOf(
      rec('approval:', '  status: approved', '  notice:', '    number: 125/TB-UBND', '    date: 2020-10-01', '    signer: { name: A, title: B }'),
    );
    expect(brief(notice)).toEqual([['approval-before-date', 9, 11]]);
    expect(notice[0]!.message).toContain('125/TB-UBND');
    expect(brief(await findingsOf(rec('approval:', '  status: approved', '  approved_on: 2020-10-04')))).toEqual([['approval-before-date', 7, 16]]);
    // An amendment corrects approved minutes: dated before the meeting, or before the approval, it is none (FORMAT.md).
    const early = await findingsOf(
      rec('approval:', '  status: approved', '  approved_on: 2020-10-08', 'amendments:', '  - { date: 2020-10-07, by: A, reason: B }'),
    );
    expect(brief(early)).toEqual([['approval-before-date', 9, 13]]);
    expect(early[0]!.message).toBe(
      'The amendment is dated 7 Oct 2020, before the approval (8 Oct 2020); an amendment corrects approved minutes, on or after the day they were approved',
    );
    expect(brief(await findingsOf(rec('amendments:', '  - { date: 2020-01-01, by: A, reason: B }')))).toEqual([['approval-before-date', 6, 13]]);
  });

  it.each(['125/TB-UBND', '03/TB-UBND', '15/TB-VPUBND', '125/TB-UBND-VP', '125/TB-HĐND', '125-TB/HU', '12-TB/ĐU'])(
    'the notice number %s as issued is no finding',
    async (number) => {
      expect(await findingsOf(rec('approval:', `  notice: { number: ${number}, date: 2020-10-05, signer: { name: A, title: B } }`))).toEqual([]);
    },
  );

  it('approval: an unknown status, a signer without a title, "did you mean" in the notice', async () => {
    expect(brief(await findingsOf(rec('approval:', '  status: final')))).toEqual([['invalid-value', 6, 11]]);
    const noTitle = await findingsOf(rec('approval:', '  notice:', '    number: 1/TB-UBND', '    date: 2020-10-05', '    signer:', '      name: A'));
    expect(brief(noTitle)).toEqual([['required-key', 10, 7]]);
    // A notice without its number: the missing key, not a number of the wrong form too.
    const noNumber = await findingsOf(rec('approval:', '  notice:', '    date: 2020-10-05', '    signer: { name: A, title: B }'));
    expect(brief(noNumber).map(([rule]) => rule)).toEqual(['required-key']);
    expect(
      brief(await findingsOf(rec('approval:', "  notice: { number: '', date: 2020-10-05, signer: { name: A, title: B } }"))).map(([rule]) => rule),
    ).not.toContain('notice-number');
    const typo = await findingsOf(
      rec('approval:', '  notice:', '    numbr: 1/TB', '    number: 1/TB-UBND', '    date: 2020-10-05', '    signer: { name: A, title: B }'),
    );
    expect(brief(typo)).toEqual([['unknown-key', 7, 5]]);
    expect(typo[0]!.message).toContain('Did you mean "number"?');
  });

  it('session, mode and "did you mean" on a reference and an attendee', async () => {
    expect(brief(await findingsOf(rec('session: chiều')))).toEqual([['invalid-value', 5, 10]]);
    expect(brief(await findingsOf(rec('mode: truc-tuyen')))).toEqual([['invalid-value', 5, 7]]);
    const reference = await findingsOf(rec('references:', '  - documnet: Chỉ thị 27-CT/TW'));
    expect(brief(reference)).toEqual([['unknown-key', 6, 5]]);
    expect(reference[0]!.message).toBe('Unknown key "documnet" in reference #1. Did you mean "document"?');
    const attendee = await findingsOf(rec('attendees:', '  - name: A', '    organisation: UBND xã B'));
    expect(attendee[0]!.message).toBe('Unknown key "organisation" in attendee #1. Did you mean "organization"?');
  });

  it('amendments need a date, who and why', async () => {
    const found = await findingsOf(rec('amendments:', '  - date: 2020-10-09', '    by: Lê Văn Nam'));
    expect(brief(found)).toEqual([['required-key', 6, 5]]);
    expect(found[0]!.message).toContain('"reason" is missing');
    // Their date is the day of the correction, a notice's the day it was issued: not "the day the meeting was held".
    const undated = await findingsOf(rec('amendments:', '  - { by: Lê Văn Nam, reason: Sửa số liệu }'));
    expect(undated.map((f) => f.message)).toEqual(['"date" is missing: the day the correction was made, YYYY-MM-DD']);
    const notice = await findingsOf(rec('approval:', '  notice: { number: 1/TB, signer: { name: A, title: B } }'));
    expect(notice.map((f) => f.message)).toEqual(['"date" is missing: the day the notice was issued, YYYY-MM-DD']);
  });
});

describe('v2 config rules', () => {
  const record = rec();
  async function configFindings(config: string): Promise<{ code: number; findings: JsonFinding[] }> {
    const cwd = makeRepo({ [FILE]: record }, config);
    const run = await runMeet(['check', '--format', 'json', '--locale', 'en'], { cwd });
    return { code: run.code, findings: JSON.parse(run.stdout) as JsonFinding[] };
  }

  it('a group member that is not declared: unknown-owner with a suggestion', async () => {
    const { code, findings } = await configFindings(CONFIG.replace('members: [xa-a, xa-b]', 'members: [xa-a, xa-c]'));
    expect(code).toBe(1);
    expect(brief(findings)).toEqual([['unknown-owner', 10, 21]]);
    expect(findings[0]!.message).toContain('Did you mean "xa-a"?');
  });

  it('a group member that is itself a group: group-member', async () => {
    const config = CONFIG.replace('plans:', '  tat-ca:\n    name: Tất cả\n    members: [van-phong, cac-xa]\nplans:');
    const { findings } = await configFindings(config);
    expect(brief(findings)).toEqual([['group-member', 13, 26]]);
  });

  it('a target year that is not YYYY, holidays that are not days, "did you mean" in a group and in documents', async () => {
    expect(brief((await configFindings(CONFIG.replace('targets: { 2020: 250 }', 'targets: { năm 2020: 250 }'))).findings)).toEqual([['invalid-value', 15, 85]]);
    expect(brief((await configFindings(CONFIG.replace('holidays: [2021-02-10]', 'holidays: [2021-02-30]'))).findings)).toEqual([['invalid-date', 17, 12]]);
    // A day written day first, in the list: the fix is the day itself (`holidays: 2021-02-10` would be no list).
    const dayFirst = await configFindings(CONFIG.replace('holidays: [2021-02-10]', 'holidays: [10/02/2021]'));
    expect(brief(dayFirst.findings)).toEqual([['invalid-date', 17, 12]]);
    expect(dayFirst.findings[0]!.message).toBe('"holidays" is "10/02/2021"; write dates as YYYY-MM-DD: 2021-02-10');
    const group = await configFindings(CONFIG.replace('members: [xa-a, xa-b]', 'member: [xa-a, xa-b]'));
    expect(group.findings[0]!.message).toContain('Did you mean "members"?');
    const documents = await configFindings(`${CONFIG}documents:\n  isuer: UBND HUYỆN\n`);
    expect(brief(documents.findings)).toEqual([['unknown-key', 19, 3]]);
    expect(documents.findings[0]!.message).toContain('Did you mean "issuer"?');
  });

  it('refuses a reports or templates folder among the records: what is written there would be read as a record', async () => {
    const { code, findings } = await configFindings(`${CONFIG}paths: { meetings: bien-ban, reports: bien-ban/bao-cao, templates: bien-ban }\n`);
    expect(code).toBe(1);
    expect(brief(findings)).toEqual([
      ['config-invalid', 18, 39],
      ['config-invalid', 18, 68],
    ]);
    expect(findings[0]!.message).toBe(
      'paths.reports is bien-ban/bao-cao, inside the meetings folder (bien-ban): a file written there would be read as a record. Choose another folder, such as reports',
    );
    // A config that is right, naming a meetings folder that is not there: said so (exit 2), not "0 records, no problems".
    const missing = await runMeet(['check', '--locale', 'en'], {
      cwd: makeRepo({ [FILE]: record }, `${CONFIG}paths: { meetings: bien-ban, reports: bao-cao }\n`),
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('meet: There is no meetings folder bien-ban/: no record could be checked');
  });

  it("refuses a folder inside git's own .git: a digest there is a broken ref, and nothing is committed", async () => {
    const { code, findings } = await configFindings(`${CONFIG}paths: { meetings: meetings, reports: .git/refs/heads }\n`);
    expect(code).toBe(1);
    expect(brief(findings)).toEqual([['config-invalid', 18, 39]]);
    expect(findings[0]!.message).toBe(
      "paths.reports is .git/refs/heads, inside git's own .git folder: git keeps no file there. Choose another folder, such as reports",
    );
  });

  it('accepts place and documents', async () => {
    const config = `${CONFIG}place: Thử Nghiệm\ndocuments:\n  parent: UBND TỈNH\n  issuer: ỦY BAN NHÂN DÂN HUYỆN\n  code: UBND\n  report_signer: { name: A, title: CHỦ TỊCH, on_behalf: TM. ỦY BAN NHÂN DÂN }\n  notice_signer: { name: B, title: CHÁNH VĂN PHÒNG }\n  recipients: [Thường trực Huyện ủy, "Lưu: VT"]\n`;
    expect((await configFindings(config)).findings).toEqual([]);
  });
});
