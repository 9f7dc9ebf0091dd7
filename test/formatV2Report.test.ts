// Format version 2 in the outputs: a record transcribed from a real article
// (year-to-date figures, shares of two plans, a same-period comparison,
// group owners, a month deadline, a 10-working-day deadline across Tết, a
// standing task) checks clean and reports correctly; a meeting held on 4
// November to review October is in October's report with its tasks;
// figures of another organization and of several months stay apart; every
// digit is shown. Each expected figure is worked out by hand in the test.
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { newCommand } from '../src/commands/new.js';
import { metricChange } from '../src/domain/figures.js';
import { proposedPeriod } from '../src/domain/months.js';
import { loadRepository } from '../src/io/repository.js';
import { makeRepo, PROJECT_ROOT, read, runMeet } from './helpers.js';

type Json = Record<string, any>;

const CONFIG = `organization: UBND huyện Mẫu Sơn
locale: vi
sectors:
  kinh-te: Kinh tế
  van-hoa-xa-hoi: Văn hóa – Xã hội
owners:
  van-phong: Văn phòng HĐND và UBND huyện
  chi-cuc-thue: Chi cục Thuế huyện
  xa-bac-son: UBND xã Bắc Sơn
  xa-nam-son: UBND xã Nam Sơn
  cac-xa: { name: 'UBND các xã, thị trấn', members: [xa-bac-son, xa-nam-son] }
  cac-nganh: { name: 'Các phòng, ban, ngành' }
plans:
  du-toan-tinh: Dự toán tỉnh giao
  du-toan-huyen: Dự toán huyện giao
metrics:
  thu-ngan-sach: { label: Thu ngân sách trên địa bàn, unit: tỷ đồng, sector: kinh-te, targets: { 2019: 110 } }
  ty-le-giai-ngan: { label: Giải ngân vốn đầu tư công, unit: '%', sector: kinh-te, aggregate: last }
  don-vi-mau: { label: Máu tiếp nhận, unit: đơn vị, sector: van-hoa-xa-hoi }
holidays: [2020-01-23, 2020-01-29]
`;

const record = (front: string[], body = 'Nội dung.') => `---\n${front.join('\n')}\n---\n\n${body}\n`;

const NOVEMBER_2019 = record([
  'title: Hội nghị thường kỳ tháng 11/2019',
  'date: 2019-12-02',
  'period: 2019-11',
  'chair: Hoàng Văn Hiệp',
  'results:',
  '  - sector: kinh-te',
  '    summary: Thu ngân sách tháng 11 đạt 12,4 tỷ đồng; giải ngân đạt 52,3% kế hoạch.',
  '    metrics: { thu-ngan-sach: 12.4, ty-le-giai-ngan: 52.3 }',
]);

/**
 * Transcribed as a clerk would from a news report of a December review held
 * in mid-January: "thu ngân sách tháng 12 ước đạt 15,2 tỷ đồng; cả năm ước
 * đạt 131 tỷ đồng, đạt 126,3% dự toán tỉnh giao, 117,6% dự toán huyện giao,
 * tăng 2,88% so với cùng kỳ… giao UBND các xã, thị trấn và Chi cục Thuế tập
 * trung thu ngân sách trong tháng 1; các phòng, ban, ngành hoàn thiện báo
 * cáo tổng kết trong 10 ngày làm việc; thường xuyên kiểm tra thị trường
 * dịp Tết (Thường trực Huyện ủy chỉ đạo)".
 */
const DECEMBER_2019 = record([
  'title: Hội nghị thường kỳ tháng 12 và tổng kết năm 2019',
  'date: 2020-01-15',
  'period: 2019-12',
  'session: afternoon',
  'chair:',
  '  - { name: Hoàng Văn Hiệp, role: Chủ tịch UBND huyện }',
  '  - { name: Lê Văn Nam, role: Phó Chủ tịch UBND huyện }',
  'results:',
  '  - sector: kinh-te',
  '    summary: Thu ngân sách tháng 12 ước đạt 15,2 tỷ đồng; cả năm ước đạt 131 tỷ đồng, đạt 126,3% dự toán tỉnh giao, 117,6% dự toán huyện giao, tăng 2,88% so với cùng kỳ.',
  '    metrics:',
  '      thu-ngan-sach:',
  '        value: 15.2',
  '        ytd: 131',
  '        plan_pct: { du-toan-tinh: 126.3, du-toan-huyen: 117.6 }',
  '        yoy_pct: 2.88',
  '        estimate: true',
  '      ty-le-giai-ngan: 61.8',
  'tasks:',
  '  - id: thu-ngan-sach-thang-1',
  '    title: Tập trung thu ngân sách trong tháng 1',
  '    owner: [chi-cuc-thue, cac-xa]',
  '    due: 2020-01',
  '  - id: bao-cao-tong-ket',
  '    title: Hoàn thiện báo cáo tổng kết năm 2019',
  '    owner: cac-nganh',
  '    due: { working_days: 10 }',
  '  - id: kiem-tra-thi-truong',
  '    title: Kiểm tra, kiểm soát thị trường dịp Tết',
  '    owner: cac-nganh',
  '    recurring: true',
  '    directed_by: Thường trực Huyện ủy',
]);

function articleRepo(): string {
  return makeRepo(
    {
      'meetings/2019/2019-12-02-thuong-ky-thang-11.md': NOVEMBER_2019,
      'meetings/2020/2020-01-15-thuong-ky-thang-12.md': DECEMBER_2019,
    },
    CONFIG,
  );
}

async function reportJson(cwd: string, month: string): Promise<Json> {
  const run = await runMeet(['report', '--month', month, '--format', 'json'], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

describe('a record transcribed from a real article', () => {
  it('checks clean', async () => {
    const run = await runMeet(['check'], { cwd: articleRepo() });
    expect(run.code).toBe(0);
  });

  it('belongs to December 2019, whose report is as of the meeting on 15 January 2020', async () => {
    const report = await reportJson(articleRepo(), '2019-12');
    expect(report.asOf).toBe('2020-01-15');
    expect(report.meetings.map((m: Json) => m.date)).toEqual(['2020-01-15']);
    expect(report.meetings[0].chairs.map((c: Json) => c.name)).toEqual(['Hoàng Văn Hiệp', 'Lê Văn Nam']);
    expect(report.meetings[0].session).toBe('afternoon');
  });

  it('reports its figures: the year to date, two plans, the same period last year, the year target', async () => {
    const report = await reportJson(articleRepo(), '2019-12');
    const revenue = report.metrics.find((m: Json) => m.id === 'thu-ngan-sach');
    expect(revenue).toMatchObject({
      organization: null,
      value: 15.2,
      previous: 12.4,
      // 15,2 − 12,4 = 2,8; 2,8 ÷ 12,4 = 22,58…% → 22,6.
      change: 2.8,
      percent: 22.6,
      points: null,
      ytd: 131,
      // 131 ÷ 110 (targets 2019) = 119,09…% → 119,1.
      targetPct: 119.1,
      planPct: { 'du-toan-tinh': 126.3, 'du-toan-huyen': 117.6 },
      yoyPct: 2.88,
      estimate: true,
      qualifier: null,
    });
    // A % metric changes in percentage points: 61,8 − 52,3 = 9,5 points, no relative change.
    const disbursement = report.metrics.find((m: Json) => m.id === 'ty-le-giai-ngan');
    expect(disbursement).toMatchObject({ value: 61.8, previous: 52.3, change: 9.5, points: 9.5, percent: null });
  });

  it('diff keeps the marks of a figure: "ước" on December\'s revenue, none on November\'s', async () => {
    const cwd = articleRepo();
    const json = JSON.parse((await runMeet(['diff', '2019-11', '2019-12', '--format', 'json'], { cwd })).stdout) as Json;
    expect(json.metrics.find((m: Json) => m.id === 'thu-ngan-sach')).toMatchObject({
      from: 12.4,
      to: 15.2,
      fromEstimate: false,
      fromQualifier: null,
      toEstimate: true,
      toQualifier: null,
    });
    const md = await runMeet(['diff', '2019-11', '2019-12', '--format', 'md'], { cwd });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/\| Thu ngân sách trên địa bàn \| tỷ đồng \| 12,4 \| ước 15,2 \| \+2,8 \|/);
  });

  it('reports its tasks: group owners by name, the month deadline, 10 working days across Tết, the standing task', async () => {
    const report = await reportJson(articleRepo(), '2019-12');
    const byId = new Map<string, Json>(report.tasks.assigned.map((t: Json) => [t.id, t]));
    expect([...byId.keys()]).toEqual(['thu-ngan-sach-thang-1', 'bao-cao-tong-ket', 'kiem-tra-thi-truong']);
    expect(byId.get('thu-ngan-sach-thang-1')).toMatchObject({
      owners: ['chi-cuc-thue', 'cac-xa'],
      ownerNames: ['Chi cục Thuế huyện', 'UBND các xã, thị trấn'],
      // "trong tháng 1": by 31 January 2020.
      due: '2020-01-31',
      dueAsWritten: '2020-01',
      recurring: false,
      directedBy: null,
    });
    // From Wed 15 January 2020: Thu 16 (1), Fri 17 (2), Mon 20 (3), Tue 21 (4), Wed 22 (5); Thu 23
    // (config holiday), Fri 24 (30 Tết), Sat 25 (Tết), Sun 26, Mon 27 and Tue 28 (mùng 3, 4), Wed 29
    // (config holiday) off; Thu 30 (6), Fri 31 (7), Mon 3 Feb (8), Tue 4 (9), Wed 5 (10).
    expect(byId.get('bao-cao-tong-ket')).toMatchObject({ ownerNames: ['Các phòng, ban, ngành'], due: '2020-02-05', dueAsWritten: { working_days: 10 } });
    expect(byId.get('kiem-tra-thi-truong')).toMatchObject({ due: null, recurring: true, directedBy: 'Thường trực Huyện ủy', overdueDays: 0 });
    expect(report.tasks.recurring.map((t: Json) => t.id)).toEqual(['kiem-tra-thi-truong']);
    expect(report.tasks.dueNext.map((t: Json) => t.id)).toEqual(['thu-ngan-sach-thang-1']);
    expect(report.tasks.carried).toEqual([]);
    // A group counts as itself in the accountability table.
    expect(report.owners.map((o: Json) => [o.owner, o.assigned])).toEqual([
      ['chi-cuc-thue', 1],
      ['cac-xa', 1],
      ['cac-nganh', 2],
    ]);
  });

  it('shows the figures in the text report with every mark a clerk wrote', async () => {
    const run = await runMeet(['report', '--month', '2019-12', '--format', 'text'], { cwd: articleRepo() });
    const text = run.stdout;
    for (const header of ['Lũy kế', '% kế hoạch năm', '% KH Dự toán tỉnh giao', '% KH Dự toán huyện giao', 'So cùng kỳ']) expect(text).toContain(header);
    expect(text).toMatch(/Thu ngân sách trên địa bàn +tỷ đồng +ước 15,2 +12,4 +\+2,8 +\+22,6% +ước 131 +119,1% +126,3% +117,6% +\+2,88%/);
    expect(text).toMatch(/Giải ngân vốn đầu tư công +% +61,8 +52,3 +\+9,5 điểm % +—/);
    expect(text).toContain('05/02/2020 (10 ngày làm việc)');
    expect(text).toContain('31/01/2020 (tháng 1/2020)');
    expect(text).toContain('Nhiệm vụ thường xuyên (1)');
    expect(text).toContain('Chỉ đạo: Thường trực Huyện ủy');
    expect(text).toContain('Đồng chủ trì: Lê Văn Nam, Phó Chủ tịch UBND huyện');
  });

  it('keeps the standing task off the overdue list; the others are overdue by the days counted', async () => {
    const cwd = articleRepo();
    const run = await runMeet(['tasks', '--today', '2020-02-29', '--overdue', '--format', 'json'], { cwd });
    // 31 January → 29 February: 29 days; 5 February → 29 February: 24 days.
    expect((JSON.parse(run.stdout) as Json[]).map((t) => [t.id, t.overdueDays])).toEqual([
      ['thu-ngan-sach-thang-1', 29],
      ['bao-cao-tong-ket', 24],
    ]);
  });

  it('--owner MEMBER lists the tasks of the groups it belongs to', async () => {
    const cwd = articleRepo();
    const ids = async (...args: string[]) =>
      (JSON.parse((await runMeet(['tasks', '--today', '2020-01-20', '--format', 'json', ...args], { cwd })).stdout) as Json[]).map((t) => t.id);
    expect(await ids('--owner', 'xa-bac-son')).toEqual(['thu-ngan-sach-thang-1']);
    expect(await ids('--owner', 'cac-xa')).toEqual(['thu-ngan-sach-thang-1']);
    // "Các phòng, ban, ngành" lists no members: only its own tasks.
    expect(await ids('--owner', 'cac-nganh')).toEqual(['bao-cao-tong-ket', 'kiem-tra-thi-truong']);
  });
});

/** `meet new --dry-run` for 4 November 2019 on a terminal answering `typed`: readline writes its prompts to a real stream, read back here. */
async function newOnTerminal(cwd: string, typed: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  const terminal = Object.assign(new PassThrough(), { isTTY: true });
  let stderr = '';
  terminal.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let stdout = '';
  const io = {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { isTTY: false, write: (text: string) => (stdout += text) },
    stderr: terminal,
    stdin: { isTTY: true, readable: stdin },
    now: () => new Date('2019-11-04T03:00:00Z'),
    colorAllowed: false,
  };
  stdin.write(typed);
  const code = await newCommand({ date: '2019-11-04', dryRun: true, edit: false }, io as never);
  return { code, stdout, stderr };
}

describe('a meeting held on 4 November to review October', () => {
  const files = {
    'meetings/2019/2019-09-27-thang-9.md': record([
      'title: Hội nghị thường kỳ tháng 9/2019',
      'date: 2019-09-27',
      'chair: Hoàng Văn Hiệp',
      'tasks:',
      '  - { id: a-thang-9, title: Việc tháng 9, owner: van-phong, due: 2019-10-15 }',
    ]),
    'meetings/2019/2019-11-04-thang-10.md': record(
      [
        'title: Hội nghị thường kỳ tháng 10/2019',
        'date: 2019-11-04',
        'period: 2019-10',
        'chair: Hoàng Văn Hiệp',
        'results:',
        '  - { sector: kinh-te, summary: Thu ngân sách tháng 10, metrics: { thu-ngan-sach: 10 } }',
        'tasks:',
        '  - { id: b-thang-10, title: Việc tháng 10, owner: van-phong, due: 2019-11 }',
        'updates:',
        '  - { task: a-thang-9, status: done }',
      ],
      'Biên bản hội nghị ngày 4/11 đánh giá tháng 10.',
    ),
    'meetings/2019/2019-11-28-thang-11.md': record([
      'title: Hội nghị thường kỳ tháng 11/2019',
      'date: 2019-11-28',
      'chair: Hoàng Văn Hiệp',
      'tasks:',
      '  - { id: c-thang-11, title: Việc tháng 11, owner: van-phong, due: 2019-12-20 }',
    ]),
  };

  it("is in October's report with the tasks it assigned and the updates it made", async () => {
    const cwd = makeRepo(files, CONFIG);
    const october = await reportJson(cwd, '2019-10');
    expect(october.asOf).toBe('2019-11-04');
    expect(october.meetings.map((m: Json) => m.date)).toEqual(['2019-11-04']);
    expect(october.tasks.assigned.map((t: Json) => t.id)).toEqual(['b-thang-10']);
    expect(october.tasks.completed.map((t: Json) => t.id)).toEqual(['a-thang-9']);
    expect(october.metrics.find((m: Json) => m.id === 'thu-ngan-sach').value).toBe(10);
    const november = await reportJson(cwd, '2019-11');
    expect(november.meetings.map((m: Json) => m.date)).toEqual(['2019-11-28']);
    expect(november.tasks.assigned.map((t: Json) => t.id)).toEqual(['c-thang-11']);
    expect(november.tasks.completed).toEqual([]);
    expect(november.tasks.carried.map((t: Json) => t.id)).toEqual(['b-thang-10']);
  });

  it('tasks --month, diff and digest read October "as of" 4 November', async () => {
    const cwd = makeRepo(files, CONFIG);
    const tasks = JSON.parse((await runMeet(['tasks', '--month', '2019-10', '--format', 'json'], { cwd })).stdout) as Json[];
    expect(tasks.map((t) => [t.id, t.status])).toEqual([
      ['a-thang-9', 'done'],
      ['b-thang-10', 'open'],
    ]);
    const diff = JSON.parse((await runMeet(['diff', '2019-10', '2019-11', '--format', 'json'], { cwd })).stdout) as Json;
    expect(diff.tasks.opened.map((t: Json) => t.id)).toEqual(['c-thang-11']);
    expect(diff.tasks.carried.map((t: Json) => t.id)).toEqual(['b-thang-10']);
    expect(diff.meetings.map((m: Json) => m.date)).toEqual(['2019-11-28']);
    const digest = await runMeet(['digest', '--month', '2019-10'], { cwd });
    expect(digest.code).toBe(0);
    const written = read(cwd, 'reports/2019-10.md');
    expect(written).toContain('| 04/11/2019 | thường kỳ | Hội nghị thường kỳ tháng 10/2019 |');
    expect(written).toContain('Quá hạn tính đến ngày 04/11/2019');
  });

  it('meet new proposes October on a terminal, and takes the month of the date without one', async () => {
    const cwd = makeRepo({ 'meetings/2019/2019-09-27-thang-9.md': files['meetings/2019/2019-09-27-thang-9.md'] }, CONFIG);
    const { records } = await loadRepository(cwd);
    expect(proposedPeriod(records, '2019-11-04', 'regular')).toBe('2019-10');
    expect(proposedPeriod(records, '2019-10-25', 'regular')).toBe('2019-10');
    expect(proposedPeriod(records, '2019-11-04', 'thematic')).toBe('2019-11');

    const plain = await runMeet(['new', '--date', '04/11/2019', '--chair', 'Hoàng Văn Hiệp', '--dry-run'], { cwd });
    expect(plain.stdout).toContain('title: Hội nghị thường kỳ tháng 11/2019');
    expect(plain.stdout).toContain('period: 2019-11');
    const given = await runMeet(['new', '--date', '04/11/2019', '--period', '2019-10', '--chair', 'Hoàng Văn Hiệp'], { cwd });
    expect(given.code).toBe(0);
    const written = read(cwd, 'meetings/2019/2019-11-04-hoi-nghi-thuong-ky-thang-10-2019.md');
    expect(written).toContain('title: Hội nghị thường kỳ tháng 10/2019');
    expect(written).toContain('period: 2019-10');
    // Its open tasks as of its date: the September task, still open on 4 November.
    expect(written).toContain('- task: a-thang-9');

    // On a terminal: Enter accepts each proposal (date given, kind, period, title), then the chair.
    const { code, stdout, stderr } = await newOnTerminal(cwd, '\n\n\nHọp bổ sung tháng 10\nNguyễn Văn A\n');
    // The record of the proposed title was written just above: the title is asked again, and the other one taken.
    expect(code).toBe(0);
    expect(stderr).toContain('Đã có biên bản meetings/2019/2019-11-04-hoi-nghi-thuong-ky-thang-10-2019.md với tiêu đề này');
    expect(stderr).toContain('[2019-10]');
    expect(stdout).toContain('title: Họp bổ sung tháng 10');
    expect(stdout).toContain('period: 2019-10');
  });

  it('meet new on a terminal asks the period again when the answer is one the record cannot hold', async () => {
    const cwd = makeRepo({ 'meetings/2019/2019-09-27-thang-9.md': files['meetings/2019/2019-09-27-thang-9.md'] }, CONFIG);
    // Kind: Enter; period: December (after the meeting's month), then October; title: Enter; chair.
    const { code, stdout, stderr } = await newOnTerminal(cwd, '\n2019-12\n2019-10\n\nNguyễn Văn A\n');
    expect(code).toBe(0);
    expect(stderr).toContain('Kỳ báo cáo 2019-12 ở sau tháng của cuộc họp');
    expect(stdout).toContain('period: 2019-10');
  });

  it('--period takes any period form and refuses what is not one', async () => {
    const cwd = makeRepo({}, CONFIG);
    const year = await runMeet(['new', '--date', '2020-01-10', '--period', '2019', '--kind', 'thematic', '--chair', 'A', '--dry-run'], { cwd });
    expect(year.stdout).toContain('title: Hội nghị chuyên đề năm 2019');
    const nine = await runMeet(['new', '--date', '2019-10-05', '--period', '2019-01..2019-09', '--chair', 'A', '--dry-run'], { cwd });
    expect(nine.stdout).toContain('title: Hội nghị thường kỳ 9 tháng năm 2019');
    expect(nine.stdout).toContain('period: 2019-01..2019-09');
    // The repository is Vietnamese: the English message is asked for with --locale en.
    const bad = await runMeet(['new', '--date', '2019-10-05', '--period', '2019-13', '--chair', 'A', '--dry-run', '--locale', 'en'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a real month');
    // A one-month period after the date's month would not pass meet check.
    const late = await runMeet(['new', '--date', '2019-10-05', '--period', '2019-11', '--chair', 'A', '--dry-run'], { cwd });
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('period-after-date');
    // A year not yet begun is the record's to hold (FORMAT.md), most likely a mistyped year: written, and said.
    for (const dryRun of [['--dry-run'], []]) {
      const early = await runMeet(['new', '--date', '2019-10-05', '--period', '2020', '--chair', 'A', ...dryRun], { cwd });
      expect(early.code, early.stderr).toBe(0);
      expect(early.stderr).toContain('5:9 cảnh báo Kỳ báo cáo 2020 bắt đầu sau cuộc họp (05/10/2019)');
      expect(early.stderr).toContain('(period-not-begun)');
    }
    expect(read(cwd, 'meetings/2019/2019-10-05-hoi-nghi-thuong-ky-nam-2020.md')).toContain('period: "2020"');
  });
});

/** A repository whose one record, of 26 October 2020, holds the result line `result`. */
function oneResult(result: string, config = CONFIG): string {
  return makeRepo({ 'meetings/2020/2020-10-26-a.md': record(['title: A', 'date: 2020-10-26', 'chair: A', 'results:', result]) }, config);
}

describe('figures apart and exact', () => {
  it("converts triệu đồng to the metric's tỷ đồng exactly, and shows every digit written", async () => {
    const cwd = makeRepo(
      {
        'meetings/2020/2020-10-26-thang-10.md': record([
          'title: Họp',
          'date: 2020-10-26',
          'chair: A',
          'results:',
          '  - sector: kinh-te',
          '    summary: Thu',
          '    metrics: { thu-ngan-sach: { value: 131.5, unit: triệu đồng, ytd: 1653522, qualifier: at-least } }',
          '  - { sector: van-hoa-xa-hoi, summary: Máu, metrics: { don-vi-mau: 185.088 } }',
        ]),
      },
      CONFIG,
    );
    const report = await reportJson(cwd, '2020-10');
    const revenue = report.metrics.find((m: Json) => m.id === 'thu-ngan-sach');
    // 131,5 triệu = 0,1315 tỷ (not 0,13150000000000001); 1.653.522 triệu = 1.653,522 tỷ.
    expect(revenue).toMatchObject({ value: 0.1315, ytd: 1653.522, qualifier: 'at-least' });
    const text = (await runMeet(['report', '--month', '2020-10', '--format', 'text'], { cwd })).stdout;
    expect(text).toContain('trên 0,1315');
    // "at-least" is "at least" in English: "over" would say more than.
    expect((await runMeet(['report', '--month', '2020-10', '--format', 'text', '--locale', 'en'], { cwd })).stdout).toContain('at least 0.1315');
    expect(text).toContain('1.653,522');
    expect(text).toContain('185,088');
    // The HTML trend chart too: its value label and its description for screen readers.
    const html = (await runMeet(['report', '--month', '2020-10', '--format', 'html'], { cwd })).stdout;
    expect(html).toContain('font-weight="bold">185,088</text>');
    expect(html).toContain('Tháng 10/2020: 185,088 đơn vị');
  });

  it("keeps another organization's figures in their own table, never added to the repository's", async () => {
    const cwd = makeRepo(
      {
        'meetings/2020/2020-10-20-huyen.md': record([
          'title: Huyện',
          'date: 2020-10-20',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: 10 } }',
        ]),
        'meetings/2020/2020-10-22-xa.md': record([
          'title: Hội nghị liên tịch với xã Bắc Sơn',
          'date: 2020-10-22',
          'chair: B',
          'organization: UBND xã Bắc Sơn',
          'results:',
          '  - { sector: kinh-te, summary: Thu của xã, metrics: { thu-ngan-sach: 2 } }',
        ]),
      },
      CONFIG,
    );
    const report = await reportJson(cwd, '2020-10');
    expect(report.metrics.map((m: Json) => [m.organization, m.id, m.value])).toEqual([
      [null, 'thu-ngan-sach', 10],
      ['UBND xã Bắc Sơn', 'thu-ngan-sach', 2],
    ]);
    const text = (await runMeet(['report', '--month', '2020-10', '--format', 'text'], { cwd })).stdout;
    expect(text).toContain('Số liệu của UBND xã Bắc Sơn');
    expect(text).toContain('Hội nghị liên tịch với xã Bắc Sơn — UBND xã Bắc Sơn');
    const html = (await runMeet(['report', '--month', '2020-10', '--format', 'html'], { cwd })).stdout;
    expect(html).toContain('<h3>Số liệu của UBND xã Bắc Sơn</h3>');
    // Its summary says whose it is, in every format.
    expect(html).toContain('<li>Thu của xã <span class="sub-inline">(UBND xã Bắc Sơn, 22/10/2020)</span></li>');
    expect(text).toContain('Thu của xã (UBND xã Bắc Sơn)');
  });

  it('an organization named as the repository is, with its accents decomposed (NFD), other capitals, two spaces or a full stop, is the repository itself', async () => {
    const cwd = makeRepo(
      {
        'meetings/2020/2020-10-20-huyen.md': record([
          'title: Huyện',
          'date: 2020-10-20',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: 10 } }',
        ]),
        'meetings/2020/2020-10-22-huyen-mac.md': record([
          'title: Huyện, gõ trên máy Mac',
          'date: 2020-10-22',
          'chair: B',
          `organization: ${'UBND huyện Mẫu Sơn'.normalize('NFD')}`,
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: 2 } }',
        ]),
        'meetings/2020/2020-10-22-huyen-word.md': record([
          'title: Huyện, chép từ Word',
          'date: 2020-10-22',
          'chair: B',
          'organization: UBND Huyện  Mẫu Sơn.',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: 1 } }',
        ]),
        'meetings/2020/2020-10-23-xa.md': record([
          'title: Xã',
          'date: 2020-10-23',
          'chair: C',
          `organization: ${'UBND xã Bắc Sơn'.normalize('NFD')}`,
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: 3 } }',
        ]),
        'meetings/2020/2020-10-24-xa.md': record([
          'title: Xã, lần hai',
          'date: 2020-10-24',
          'chair: C',
          'organization: UBND xã Bắc Sơn',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: 4 } }',
        ]),
      },
      CONFIG,
    );
    const report = await reportJson(cwd, '2020-10');
    expect(report.metrics.map((m: Json) => [m.organization, m.id, m.value])).toEqual([
      [null, 'thu-ngan-sach', 13],
      ['UBND xã Bắc Sơn', 'thu-ngan-sach', 7],
    ]);
    // Shown as one name, in NFC: the repository's own meeting gets no "— organization" after its title.
    expect(report.meetings.map((m: Json) => m.organization)).toEqual([
      'UBND huyện Mẫu Sơn',
      'UBND huyện Mẫu Sơn',
      'UBND huyện Mẫu Sơn',
      'UBND xã Bắc Sơn',
      'UBND xã Bắc Sơn',
    ]);
  });

  /** A commune's meeting, its organization written as given, with one figure. */
  const xa = (day: string, written: string, value = 1) =>
    record([
      `title: Xã ${day}`,
      `date: ${day}`,
      'chair: C',
      `organization: ${written}`,
      'results:',
      `  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: ${value} } }`,
    ]);

  it("another organization's name with other capitals is that organization: one table, one change, as most records write it", async () => {
    const cwd = makeRepo(
      {
        'meetings/2020/2020-10-10-xa.md': xa('2020-10-10', 'UBND xã Bắc Sơn', 5),
        'meetings/2020/2020-10-20-xa.md': xa('2020-10-20', 'UBND Xã Bắc  Sơn.', 7),
        // A meeting without figures writes the name too.
        'meetings/2020/2020-10-25-xa.md': record(['title: Xã họp chuyên đề', 'date: 2020-10-25', 'chair: C', 'organization: UBND xã Bắc Sơn']),
        'meetings/2020/2020-11-10-xa.md': xa('2020-11-10', 'UBND xã Bắc Sơn', 6),
      },
      CONFIG,
    );
    const report = await reportJson(cwd, '2020-10');
    expect(report.metrics.map((m: Json) => [m.organization, m.id, m.value])).toEqual([['UBND xã Bắc Sơn', 'thu-ngan-sach', 12]]);
    // Each meeting is still named as its record writes it.
    expect(report.meetings.map((m: Json) => m.organization)).toEqual(['UBND xã Bắc Sơn', 'UBND Xã Bắc Sơn.', 'UBND xã Bắc Sơn']);
    const diff = JSON.parse((await runMeet(['diff', '2020-10', '2020-11', '--format', 'json'], { cwd })).stdout);
    expect(diff.metrics.map((m: Json) => [m.organization, m.from, m.to, m.change])).toEqual([['UBND xã Bắc Sơn', 12, 6, -6]]);
    const november = await reportJson(cwd, '2020-11');
    expect(november.metrics.map((m: Json) => [m.organization, m.value, m.previous])).toEqual([['UBND xã Bắc Sơn', 6, 12]]);
  });

  it('names another organization as most of its records write it, on a tie as the latest does', async () => {
    const cwd = makeRepo(
      { 'meetings/2020/2020-10-10-xa.md': xa('2020-10-10', 'UBND Xã Bắc Sơn'), 'meetings/2020/2020-10-20-xa.md': xa('2020-10-20', 'UBND xã Bắc Sơn') },
      CONFIG,
    );
    expect((await reportJson(cwd, '2020-10')).metrics.map((m: Json) => [m.organization, m.value])).toEqual([['UBND xã Bắc Sơn', 2]]);
  });

  it("keeps the previous month's marks: an estimate then reads 'ước khoảng' in the previous column too", async () => {
    const cwd = makeRepo(
      {
        'meetings/2020/2020-10-20-thang-10.md': record([
          'title: Tháng 10',
          'date: 2020-10-20',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: { value: 312.5, estimate: true, qualifier: about } } }',
        ]),
        'meetings/2020/2020-11-20-thang-11.md': record([
          'title: Tháng 11',
          'date: 2020-11-20',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: 320 } }',
        ]),
      },
      CONFIG,
    );
    const report = await reportJson(cwd, '2020-11');
    expect(report.metrics[0]).toMatchObject({ value: 320, estimate: false, previous: 312.5, previousEstimate: true, previousQualifier: 'about' });
    const md = (await runMeet(['report', '--month', '2020-11', '--format', 'md'], { cwd })).stdout;
    expect(md).toMatch(/\| Thu ngân sách trên địa bàn \| tỷ đồng \| 320 \| ước khoảng 312,5 \|/);
  });

  it('reports a span of several months apart from any month, in the month it belongs to', async () => {
    const cwd = makeRepo(
      {
        'meetings/2019/2019-09-27-thang-9.md': record([
          'title: Tháng 9',
          'date: 2019-09-27',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: 14 } }',
        ]),
        'meetings/2019/2019-10-05-9-thang.md': record([
          'title: Sơ kết 9 tháng',
          'date: 2019-10-05',
          'period: 2019-01..2019-09',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu 9 tháng, metrics: { thu-ngan-sach: { value: 99, yoy_pct: 4.5 } } }',
        ]),
      },
      CONFIG,
    );
    const september = await reportJson(cwd, '2019-09');
    expect(september.metrics.find((m: Json) => m.id === 'thu-ngan-sach').value).toBe(14);
    // Nine months from January: the value is the year to date; 99 ÷ 110 = 90%.
    expect(september.spans).toEqual([
      {
        period: '2019-01..2019-09',
        first: '2019-01',
        last: '2019-09',
        organization: null,
        metrics: [
          {
            id: 'thu-ngan-sach',
            label: 'Thu ngân sách trên địa bàn',
            unit: 'tỷ đồng',
            sector: 'kinh-te',
            value: 99,
            ytd: null,
            targetPct: 90,
            planPct: null,
            yoyPct: 4.5,
            estimate: false,
            qualifier: null,
            ytdEstimate: false,
            ytdQualifier: null,
          },
        ],
      },
    ]);
    const md = (await runMeet(['report', '--month', '2019-09', '--format', 'md'], { cwd })).stdout;
    expect(md).toContain('### Số liệu 9 tháng năm 2019');
  });

  it("keeps each number's own marks: one meeting's estimate is not another's, a ytd keeps its qualifier", async () => {
    const cwd = makeRepo(
      {
        'meetings/2020/2020-10-05-so-bo.md': record([
          'title: Sơ bộ',
          'date: 2020-10-05',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Lũy kế, metrics: { thu-ngan-sach: { ytd: 150, estimate: true }, don-vi-mau: { ytd: 3, qualifier: about } } }',
        ]),
        'meetings/2020/2020-10-26-thang-10.md': record([
          'title: Tháng 10',
          'date: 2020-10-26',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: 15 } }',
          '  - { sector: van-hoa-xa-hoi, summary: Máu, metrics: { don-vi-mau: 9 } }',
        ]),
      },
      CONFIG,
    );
    const report = await reportJson(cwd, '2020-10');
    const [revenue, blood] = ['thu-ngan-sach', 'don-vi-mau'].map((id) => report.metrics.find((m: Json) => m.id === id));
    // The value 15 was given firm on 26/10; the ytd 150 was "ước" on 05/10.
    expect(revenue).toMatchObject({ value: 15, estimate: false, qualifier: null, ytd: 150, ytdEstimate: true, ytdQualifier: null });
    expect(blood).toMatchObject({ value: 9, estimate: false, qualifier: null, ytd: 3, ytdEstimate: false, ytdQualifier: 'about' });
    const md = (await runMeet(['report', '--month', '2020-10', '--format', 'md'], { cwd })).stdout;
    expect(md).toMatch(/\| Thu ngân sách trên địa bàn \| tỷ đồng \| 15 \| — \| — \| — \| ước 150 \|/);
    expect(md).toMatch(/\| Máu tiếp nhận \| đơn vị \| 9 \| — \| — \| — \| khoảng 3 \|/);
    const diff = JSON.parse((await runMeet(['diff', '2020-09', '2020-10', '--format', 'json'], { cwd })).stdout) as Json;
    expect(diff.metrics.find((m: Json) => m.id === 'thu-ngan-sach')).toMatchObject({ to: 15, toEstimate: false });
  });

  it("keeps each plan's latest share: a later meeting's share of one plan does not erase another's", async () => {
    const cwd = makeRepo(
      {
        'meetings/2020/2020-10-12-a.md': record([
          'title: A',
          'date: 2020-10-12',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: { ytd: 180, plan_pct: { du-toan-tinh: 126.3, du-toan-huyen: 100 } } } }',
        ]),
        'meetings/2020/2020-10-26-b.md': record([
          'title: B',
          'date: 2020-10-26',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: { value: 21.4, plan_pct: { du-toan-huyen: 117.6 } } } }',
        ]),
      },
      CONFIG,
    );
    expect((await reportJson(cwd, '2020-10')).metrics[0].planPct).toEqual({ 'du-toan-tinh': 126.3, 'du-toan-huyen': 117.6 });
  });

  it("puts the columns of the plans in the config's order, whatever order a record wrote them in", async () => {
    const cwd = oneResult(
      '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: { value: 21.4, plan_pct: { du-toan-huyen: 117.6, du-toan-tinh: 126.3 } } } }',
    );
    const md = (await runMeet(['report', '--month', '2020-10', '--format', 'md'], { cwd })).stdout;
    expect(md).toContain('| % KH Dự toán tỉnh giao | % KH Dự toán huyện giao |');
    expect(md).toContain('| 126,3% | 117,6% |');
  });

  it('combines one span however it is written: 2020-Q3 and 2020-07..2020-09 are one table', async () => {
    const span = (file: string, period: string, revenue: number, blood: number) =>
      record([
        `title: ${file}`,
        'date: 2020-10-06',
        `period: ${period}`,
        'chair: A',
        'results:',
        `  - { sector: kinh-te, summary: Quý, metrics: { thu-ngan-sach: ${revenue}, ty-le-giai-ngan: ${blood} } }`,
      ]);
    const cwd = makeRepo(
      { 'meetings/2020/2020-10-06-a.md': span('a', '2020-Q3', 60, 6), 'meetings/2020/2020-10-06-b.md': span('b', '2020-07..2020-09', 5, 7) },
      CONFIG,
    );
    const report = await reportJson(cwd, '2020-09');
    expect(report.spans.map((s: Json) => [s.period, s.first, s.last, s.metrics.map((m: Json) => [m.id, m.value])])).toEqual([
      // sum: 60 + 5; last: the later file's 7.
      [
        '2020-Q3',
        '2020-07',
        '2020-09',
        [
          ['thu-ngan-sach', 65],
          ['ty-le-giai-ngan', 7],
        ],
      ],
    ]);
  });

  it('adds values as the decimals they are written, keeps every digit of a lone value, and never shows -0%', async () => {
    const cwd = makeRepo(
      {
        'meetings/2019/2019-10-25-nam-truoc.md': record([
          'title: Năm trước',
          'date: 2019-10-25',
          'chair: A',
          'results:',
          '  - { sector: van-hoa-xa-hoi, summary: Máu, metrics: { don-vi-mau: 10000 } }',
        ]),
        'meetings/2020/2020-09-25-thang-9.md': record([
          'title: Tháng 9',
          'date: 2020-09-25',
          'chair: A',
          'results:',
          '  - { sector: van-hoa-xa-hoi, summary: Máu, metrics: { don-vi-mau: 10000 } }',
        ]),
        'meetings/2020/2020-10-05-a.md': record([
          'title: A',
          'date: 2020-10-05',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: { value: 1500.5, unit: đồng }, ty-le-giai-ngan: 3.14159265358979 } }',
          '  - { sector: van-hoa-xa-hoi, summary: Máu, metrics: { don-vi-mau: 9999.8 } }',
        ]),
        'meetings/2020/2020-10-26-b.md': record([
          'title: B',
          'date: 2020-10-26',
          'chair: A',
          'results:',
          '  - { sector: van-hoa-xa-hoi, summary: Máu, metrics: { don-vi-mau: 0.196 } }',
        ]),
      },
      CONFIG,
    );
    const report = await reportJson(cwd, '2020-10');
    const byId = (id: string) => report.metrics.find((m: Json) => m.id === id);
    // 1.500,5 đồng = 0,0000015005 tỷ; a lone value is never rounded to 9 decimals.
    expect(byId('thu-ngan-sach').value).toBe(0.0000015005);
    expect(byId('ty-le-giai-ngan').value).toBe(3.14159265358979);
    // 9.999,8 + 0,196 = 9.999,996 (not 9999.996000000001); against 10.000: −0,004, a change of −0,00004%: 0.
    expect(byId('don-vi-mau')).toMatchObject({ value: 9999.996, change: -0.004, percent: 0, yoyPct: 0 });
    expect(Object.is(byId('don-vi-mau').percent, -0)).toBe(false);
    const text = (await runMeet(['report', '--month', '2020-10', '--format', 'text'], { cwd })).stdout;
    expect(text).toContain('0,0000015005');
    expect(text).toContain('3,14159265358979');
    expect(text).not.toContain('-0%');
    expect(text).toMatch(/Máu tiếp nhận +đơn vị +9\.999,996 +10\.000 +-0,004 +0% +0%\n/);
  });

  it('converts a figure whose unit is pasted with separate accent marks, for a metric whose unit starts with a capital', async () => {
    const cwd = oneResult(
      `  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: { value: 350, unit: ${'triệu đồng'.normalize('NFD')} } } }`,
      CONFIG.replace('unit: tỷ đồng', 'unit: Tỷ đồng'),
    );
    expect((await runMeet(['check'], { cwd })).code).toBe(0);
    expect((await reportJson(cwd, '2020-10')).metrics[0].value).toBe(0.35);
  });

  it("labels another organization's meeting and titles the digest when the config names no organization", async () => {
    const cwd = makeRepo(
      {
        'meetings/2020/2020-10-15-xa.md': record(['title: Họp xã Bắc Sơn', 'date: 2020-10-15', 'chair: A', 'organization: UBND xã Bắc Sơn']),
      },
      CONFIG.replace('organization: UBND huyện Mẫu Sơn\n', ''),
    );
    const text = (await runMeet(['report', '--month', '2020-10', '--format', 'text'], { cwd })).stdout;
    expect(text).toContain('Họp xã Bắc Sơn — UBND xã Bắc Sơn');
    const summary = await runMeet(['digest', '--month', '2020-10', '--summary'], { cwd });
    expect(summary.stdout.split('\n')[0]).toBe('Tổng hợp tháng 10/2020');
  });

  it('rounds a percentage half away from zero on the decimals as written: 2,05% is 2,1%, −12,25% is −12,3%', async () => {
    const month = (date: string, revenue: number, blood: number) =>
      record([
        `title: Họp ${date}`,
        `date: ${date}`,
        'chair: A',
        'results:',
        `  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: { value: ${revenue}, ytd: ${revenue} } } }`,
        `  - { sector: van-hoa-xa-hoi, summary: Máu, metrics: { don-vi-mau: ${blood} } }`,
      ]);
    const cwd = makeRepo(
      {
        'meetings/2019/2019-10-25-a.md': month('2019-10-25', 100, 400),
        'meetings/2020/2020-09-25-b.md': month('2020-09-25', 200, 400),
        'meetings/2020/2020-10-26-c.md': month('2020-10-26', 204.1, 351),
      },
      CONFIG.replace('targets: { 2019: 110 }', 'targets: { 2020: 400 }'),
    );
    const metrics = (await reportJson(cwd, '2020-10')).metrics as Json[];
    const revenue = metrics.find((m) => m.id === 'thu-ngan-sach')!;
    const blood = metrics.find((m) => m.id === 'don-vi-mau')!;
    // 4,1 ÷ 200 = 2,05%; 204,1 ÷ 400 = 51,025%; (204,1 − 100) ÷ 100 = 104,1%.
    expect([revenue.percent, revenue.targetPct, revenue.yoyPct]).toEqual([2.1, 51, 104.1]);
    // −49 ÷ 400 = −12,25% against September and against October 2019.
    expect([blood.percent, blood.yoyPct]).toEqual([-12.3, -12.3]);
  });

  it('works out the change against the same month last year for a `%` metric too, as a relative change', async () => {
    // FORMAT.md: "otherwise, when the repository has the same month a year earlier, computed from the two values";
    // the percentage-point exception is the previous month's change only.
    const month = (date: string, rate: number) =>
      record([
        `title: Họp ${date}`,
        `date: ${date}`,
        'chair: A',
        'results:',
        `  - { sector: kinh-te, summary: Giải ngân, metrics: { ty-le-giai-ngan: ${rate} } }`,
      ]);
    const cwd = makeRepo(
      {
        'meetings/2019/2019-10-25-a.md': month('2019-10-25', 50),
        'meetings/2020/2020-09-25-b.md': month('2020-09-25', 55.2),
        'meetings/2020/2020-10-26-c.md': month('2020-10-26', 61.8),
      },
      CONFIG,
    );
    const rate = ((await reportJson(cwd, '2020-10')).metrics as Json[]).find((m) => m.id === 'ty-le-giai-ngan')!;
    // (61,8 − 50) ÷ 50 = 23,6%; against September, 6,6 points and no relative change.
    expect([rate.yoyPct, rate.points, rate.percent]).toEqual([23.6, 6.6, null]);
    const md = (await runMeet(['report', '--month', '2020-10', '--format', 'md'], { cwd })).stdout;
    expect(md).toMatch(/\| Giải ngân vốn đầu tư công \| % \| 61,8 \| 55,2 \|.*\| \+23,6% \|/);
  });

  it("takes a span's ytd as its last month's, when the span ends in the month it belongs to", async () => {
    const cwd = makeRepo(
      {
        'meetings/2020/2020-03-26-thang-3.md': record([
          'title: Tháng 3',
          'date: 2020-03-26',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: { value: 20, ytd: 60 } } }',
        ]),
        // Quý I reviewed on 5 April: March's meeting, and its ytd runs to the end of March.
        'meetings/2020/2020-04-05-quy-1.md': record([
          'title: Sơ kết quý I',
          'date: 2020-04-05',
          'period: 2020-Q1',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu quý I, metrics: { thu-ngan-sach: { value: 65, ytd: 65, estimate: true } } }',
        ]),
        // A year reviewed in November: its ytd runs to the end of December, not November's.
        'meetings/2020/2020-11-20-ca-nam.md': record([
          'title: Ước cả năm',
          'date: 2020-11-20',
          'period: 2020',
          'chair: A',
          'results:',
          '  - { sector: kinh-te, summary: Thu cả năm, metrics: { thu-ngan-sach: { value: 250, ytd: 250 } } }',
        ]),
      },
      CONFIG.replace('targets: { 2019: 110 }', 'targets: { 2020: 260 }'),
    );
    const march = (await reportJson(cwd, '2020-03')).metrics[0];
    // The month's value is March's own; the latest ytd given in March's meetings is the quarter's, "ước".
    expect(march).toMatchObject({ value: 20, ytd: 65, ytdEstimate: true, estimate: false, targetPct: 25 });
    expect((await reportJson(cwd, '2020-11')).metrics).toEqual([]);
  });

  it('computes a percentage of figures with more decimals than a clerk writes (1e-300) without failing', () => {
    expect(metricChange(1e-300, 2e-300, false)).toEqual({ change: 1e-300, percent: 100 });
    expect(metricChange(0.0000015, 0.00000155, false)).toEqual({ change: 5e-8, percent: 3.3 });
  });

  it('computes the change against the same month last year when none is stated', async () => {
    const month = (date: string, value: number) =>
      record([`title: Họp ${date}`, `date: ${date}`, 'chair: A', 'results:', `  - { sector: kinh-te, summary: Thu, metrics: { thu-ngan-sach: ${value} } }`]);
    const cwd = makeRepo({ 'meetings/2019/2019-10-25-a.md': month('2019-10-25', 100), 'meetings/2020/2020-10-26-b.md': month('2020-10-26', 112) }, CONFIG);
    // (112 − 100) ÷ 100 = 12%.
    expect((await reportJson(cwd, '2020-10')).metrics[0].yoyPct).toBe(12);
  });
});

describe('dropped and recurring tasks in reports and diffs', () => {
  const files = {
    'meetings/2020/2020-10-26-a.md': record([
      'title: Tháng 10',
      'date: 2020-10-26',
      'chair: A',
      'tasks:',
      '  - { id: lam-xong, title: Làm xong, owner: van-phong, due: 2020-11 }',
      '  - { id: dung-lai, title: Dừng lại, owner: cac-xa, due: 2020-11 }',
      '  - { id: thuong-xuyen, title: Thường xuyên, owner: van-phong, recurring: true }',
    ]),
    'meetings/2020/2020-11-25-b.md': record([
      'title: Tháng 11',
      'date: 2020-11-25',
      'chair: A',
      'updates:',
      '  - { task: lam-xong, status: done }',
      '  - { task: dung-lai, status: dropped, note: Chờ chủ trương mới }',
    ]),
  };

  it('counts a dropped task apart from completed ones, and credits nobody with completing it', async () => {
    const cwd = makeRepo(files, CONFIG);
    const report = await reportJson(cwd, '2020-11');
    expect(report.tasks.completed.map((t: Json) => t.id)).toEqual(['lam-xong']);
    expect(report.tasks.dropped.map((t: Json) => t.id)).toEqual(['dung-lai']);
    expect(report.tasks.recurring.map((t: Json) => t.id)).toEqual(['thuong-xuyen']);
    expect(report.tasks.carried).toEqual([]);
    expect(report.owners.find((o: Json) => o.owner === 'cac-xa')).toMatchObject({ completed: 0, dropped: 1 });
    const text = (await runMeet(['report', '--month', '2020-11', '--format', 'text'], { cwd })).stdout;
    expect(text).toContain('Hoàn thành: 1 · Dừng thực hiện: 1');
    expect(text).toContain('Dừng thực hiện trong tháng (1)');
  });

  it('diff: closed is done only, dropped apart; a standing task is carried, never opened', async () => {
    const cwd = makeRepo(files, CONFIG);
    const diff = JSON.parse((await runMeet(['diff', '2020-10', '2020-11', '--format', 'json'], { cwd })).stdout) as Json;
    expect(diff.tasks.closed.map((t: Json) => t.id)).toEqual(['lam-xong']);
    expect(diff.tasks.dropped.map((t: Json) => t.id)).toEqual(['dung-lai']);
    expect(diff.tasks.carried.map((t: Json) => t.id)).toEqual(['thuong-xuyen']);
    const from09 = JSON.parse((await runMeet(['diff', '2020-09', '2020-10', '--format', 'json'], { cwd })).stdout) as Json;
    expect(from09.tasks.opened.map((t: Json) => t.id)).toEqual(['lam-xong', 'dung-lai']);
  });

  it('a task dropped, then done after all (or done, then dropped) is closed again that month, with its note', async () => {
    const cwd = makeRepo(
      {
        ...files,
        'meetings/2020/2020-12-28-c.md': record([
          'title: Tháng 12',
          'date: 2020-12-28',
          'chair: A',
          'updates:',
          '  - { task: lam-xong, status: dropped, note: Nhầm; chưa làm được }',
          '  - { task: dung-lai, status: done, note: Các xã đã tự làm xong }',
        ]),
      },
      CONFIG,
    );
    const report = await reportJson(cwd, '2020-12');
    expect(report.tasks.completed.map((t: Json) => [t.id, t.note])).toEqual([['dung-lai', 'Các xã đã tự làm xong']]);
    expect(report.tasks.dropped.map((t: Json) => [t.id, t.note])).toEqual([['lam-xong', 'Nhầm; chưa làm được']]);
    expect(report.owners.find((o: Json) => o.owner === 'cac-xa')).toMatchObject({ completed: 1, dropped: 0 });
  });

  it('counts standing work in the 6-month history as the lists do: only once dropped', async () => {
    const cwd = makeRepo(files, CONFIG);
    const report = await reportJson(cwd, '2020-11');
    // October: lam-xong and dung-lai open (thuong-xuyen is standing work); November: both closed.
    expect(report.history.slice(-2)).toEqual([
      { month: '2020-10', open: 2, closed: 0, overdue: 0 },
      { month: '2020-11', open: 0, closed: 2, overdue: 0 },
    ]);
  });
});

describe('the commune example repository (examples-xa/)', () => {
  const cwd = path.join(PROJECT_ROOT, 'examples-xa');

  it('reports every v2 feature over its four months', async () => {
    const md = async (month: string) => {
      const run = await runMeet(['report', '--month', month, '--format', 'md'], { cwd });
      expect(run.code).toBe(0);
      return run.stdout;
    };
    const december = await md('2020-12');
    for (const seen of [
      'Đồng chủ trì',
      'Thời gian: cả ngày, 05–06/01/2021',
      'Hình thức: trực tiếp kết hợp trực tuyến',
      'Thành phần tham dự',
      'Đỗ Thị Hoa, Chuyên viên Phòng Tài chính – Kế hoạch (UBND huyện Mẫu Sơn)',
      'Thư ký',
      'Ý kiến thảo luận',
      'Tồn tại, hạn chế',
      'Kết luận',
      'Kiến nghị, đề xuất',
      'Chỉ thị số 27-CT/TW',
      '(Tờ trình số 45/TTr-UBND; biểu quyết: 15 tán thành, 0 không tán thành, 1 không biểu quyết)',
      '| ước 0,38 |',
      '| ước 4,41 | 105% | 105% | 102,6% | +8,2% |',
      'trên 15.000',
      '### Số liệu năm 2020',
      '### Nhiệm vụ thường xuyên (1)',
      '28/02/2021 (tháng 2/2021)',
      '31/03/2021 (quý I/2021)',
      '31/12/2021 (năm 2021)',
      '05/01/2021 (5 ngày làm việc)',
      '20/01/2021 (15 ngày)',
      'Thường trực Đảng ủy xã',
      'Trưởng các thôn',
    ]) {
      expect(december, seen).toContain(seen);
    }
    // In English, a board's own words: proposals need not go to a higher level.
    const english = (await runMeet(['report', '--month', '2020-12', '--format', 'md', '--locale', 'en'], { cwd })).stdout;
    expect(english).toContain('Proposals and recommendations');
    const january = await md('2021-01');
    // 350 triệu đồng = 0,35 tỷ; 10 working days from 3 February 2021 across Tết: 24 February.
    for (const seen of ['| 0,35 |', '+0,3 điểm %', '24/02/2021 (10 ngày làm việc)']) expect(january, seen).toContain(seen);
    const february = await md('2021-02');
    for (const seen of ['Hình thức: trực tuyến', '### Dừng thực hiện trong tháng (1)', 'ước khoảng 312,5', '| -3,1% |']) expect(february, seen).toContain(seen);
    const march = await md('2021-03');
    for (const seen of [
      '### Số liệu của Hợp tác xã nông nghiệp Nam Sơn',
      '### Số liệu quý I/2021',
      '| Hội nghị liên tịch với Hợp tác xã nông nghiệp Nam Sơn |',
    ]) {
      expect(march, seen).toContain(seen);
    }
    // Its title names the co-operative already: not again after it.
    expect(march).not.toContain('Nam Sơn — Hợp tác xã nông nghiệp Nam Sơn');
  });
});
