// meet report: golden files on examples/, unit tests of buildReport on small
// real repositories, and end-to-end runs of the built CLI.
//
// Golden files live in test/golden/report-* and are compared exactly
// (toMatchFileSnapshot). After an intended change to the output, regenerate
// them with
//   npx vitest run test/report.test.ts -u
// and review the diff before committing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/domain/buildReport.js';
import { figureMonthsOf, reportingMonthOf } from '../src/domain/months.js';
import { projectKept, projectRecord, recordsRead, sharedWords } from '../src/domain/projection.js';
import type { MeetingRecord } from '../src/model/record.js';
import type { Report } from '../src/model/report.js';
import { loadRepository } from '../src/io/repository.js';
import { reportJson } from '../src/render/reportJson.js';
import { renderReportMarkdown } from '../src/render/reportMarkdown.js';
import { visibleDeep } from '../src/model/text.js';
import { EXAMPLES, makeRepo, MINIMAL_CONFIG, PROJECT_ROOT, runMeet, tempDir } from './helpers.js';

const GOLDEN = path.join(PROJECT_ROOT, 'test', 'golden');

describe('golden reports on examples/', () => {
  const cases: { name: string; args: string[] }[] = [
    { name: 'report-2020-10.txt', args: ['--month', '2020-10', '--format', 'text'] },
    { name: 'report-2020-10.md', args: ['--month', '2020-10', '--format', 'md'] },
    { name: 'report-2020-10.json', args: ['--month', '2020-10', '--format', 'json'] },
    { name: 'report-2020-11-en.txt', args: ['--month', '2020-11', '--format', 'text', '--locale', 'en'] },
    { name: 'report-2020-11-en.md', args: ['--month', '2020-11', '--format', 'md', '--locale', 'en'] },
    { name: 'report-2020-11-en.json', args: ['--month', '2020-11', '--format', 'json', '--locale', 'en'] },
  ];
  for (const { name, args } of cases) {
    it(name, async () => {
      const run = await runMeet(['report', ...args], { cwd: EXAMPLES, env: { NO_COLOR: '1' } });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      await expect(run.stdout).toMatchFileSnapshot(`golden/${name}`);
    });
  }

  it('colours the text report only when asked to', async () => {
    const plain = await runMeet(['report', '--month', '2020-10', '--format', 'text'], { cwd: EXAMPLES });
    const forced = await runMeet(['report', '--month', '2020-10', '--format', 'text'], { cwd: EXAMPLES, env: { FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(forced.stdout).toContain('\u001b[');
    expect(forced.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
  });
});

// ---------------------------------------------------------------------------
// buildReport, on small repositories written to temp folders.

const CONFIG = `${MINIMAL_CONFIG}  muc-nuoc: { label: Mực nước, unit: m, sector: kinh-te, aggregate: last }
`;

function record(front: string): string {
  return `---\n${front.trim()}\n---\n\nNội dung.\n`;
}

function meeting(date: string, extra = ''): string {
  return record(`title: Họp ngày ${date}\ndate: ${date}\nchair: Nguyễn Văn A\n${extra}`);
}

async function reportOf(files: Record<string, string>, month: string, config = CONFIG): Promise<Report> {
  const root = makeRepo(files, config);
  const repository = await loadRepository(root, { bodies: true });
  expect(repository.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return buildReport(repository.records, repository.config, month, repository.config.locale);
}

const ids = (tasks: Iterable<{ id: string }>) => Array.from(tasks, (t) => t.id);

describe('buildReport', () => {
  const assignT1 = meeting(
    '2020-10-01',
    `tasks:
  - { id: t1, title: Việc một, owner: van-phong, due: 2020-12-31 }`,
  );

  it("knows which task lists show a note or a 'directed by' column, as their shown rows say", async () => {
    const report = await reportOf(
      {
        'meetings/2020/2020-09-01-giao.md': meeting(
          '2020-09-01',
          `tasks:
  - { id: t1, title: Việc một, owner: van-phong, due: 2020-09-30 }
  - { id: t2, title: Việc hai, owner: van-phong, due: 2020-09-30, directed_by: Chủ tịch }
  - { id: t3, title: Việc ba, owner: van-phong, due: 2020-12-31 }
  - { id: t4, title: Việc bốn, owner: van-phong, due: 2020-12-31 }`,
        ),
        'meetings/2020/2020-10-05-a.md': meeting(
          '2020-10-05',
          `updates:
  - { task: t1, status: in-progress }
  - { task: t3, status: in-progress, note: "::" }
  - { task: t4, status: done, note: Xong }
tasks:
  - { id: t5, title: Việc năm, owner: van-phong, due: 2020-10-31, directed_by: Phó Chủ tịch }`,
        ),
      },
      '2020-10',
    );
    const shown = visibleDeep(report);
    for (const key of Object.keys(report.tasks) as (keyof Report['tasks'])[]) {
      const rows = [...(shown.tasks[key] ?? [])];
      expect(report.taskColumns?.[key], key).toEqual({ notes: rows.some((t) => Boolean(t.note)), directed: rows.some((t) => Boolean(t.directedBy)) });
    }
    // t1 was updated without a note; t3's "::" shows (written out); t2 and t5 were directed.
    expect(report.taskColumns).toMatchObject({
      overdue: { notes: false, directed: true },
      carried: { notes: true, directed: true },
      assigned: { notes: false, directed: true },
      completed: { notes: true, directed: false },
    });
    // The Markdown report without the report's own answer looks through the rows, and writes the same.
    const { taskColumns, ...byHand } = report;
    expect(taskColumns).toBeDefined();
    expect(renderReportMarkdown(report)).toBe(renderReportMarkdown(byHand));
  });

  it('applies updates of meetings on the same date in file path order', async () => {
    const update = (status: string) => `updates:\n  - { task: t1, status: ${status} }`;
    const doneLast = await reportOf(
      {
        'meetings/2020/2020-10-01-giao.md': assignT1,
        'meetings/2020/2020-10-20-a.md': meeting('2020-10-20', update('in-progress')),
        'meetings/2020/2020-10-20-b.md': meeting('2020-10-20', update('done')),
      },
      '2020-10',
    );
    expect(doneLast.meetings.map((m) => m.file)).toEqual([
      'meetings/2020/2020-10-01-giao.md',
      'meetings/2020/2020-10-20-a.md',
      'meetings/2020/2020-10-20-b.md',
    ]);
    expect(doneLast.tasks.assigned.at(0)?.status).toBe('done');
    expect(ids(doneLast.tasks.completed)).toEqual(['t1']);

    const openLast = await reportOf(
      {
        'meetings/2020/2020-10-01-giao.md': assignT1,
        'meetings/2020/2020-10-20-a.md': meeting('2020-10-20', update('done')),
        'meetings/2020/2020-10-20-b.md': meeting('2020-10-20', update('in-progress')),
      },
      '2020-10',
    );
    expect(openLast.tasks.assigned.at(0)?.status).toBe('in-progress');
    expect(openLast.tasks.completed).toHaveLength(0);
  });

  it('counts a task reopened after done as open and not completed in the later month', async () => {
    const files = {
      'meetings/2020/2020-09-10-giao.md': meeting(
        '2020-09-10',
        `tasks:
  - { id: t1, title: Việc một, owner: [van-phong, tai-chinh-ke-hoach], due: 2020-12-31 }`,
      ),
      'meetings/2020/2020-10-15-xong.md': meeting('2020-10-15', `updates:\n  - { task: t1, status: done, note: Đã xong }`),
      'meetings/2020/2020-11-15-mo-lai.md': meeting('2020-11-15', `updates:\n  - { task: t1, status: open, note: Làm lại }`),
    };
    const october = await reportOf(files, '2020-10');
    expect(ids(october.tasks.completed)).toEqual(['t1']);
    expect(october.tasks.carried).toHaveLength(0);
    expect(october.tasks.completed.at(0)?.note).toBe('Đã xong');

    const november = await reportOf(files, '2020-11');
    expect(november.tasks.completed).toHaveLength(0);
    expect(ids(november.tasks.carried)).toEqual(['t1']);
    expect(november.tasks.carried.at(0)?.status).toBe('open');
    expect(november.tasks.carried.at(0)?.note).toBe('Làm lại');
    // Both owners answer for it again.
    expect(november.owners.map((o) => [o.owner, o.open, o.completed])).toEqual([
      ['van-phong', 1, 0],
      ['tai-chinh-ke-hoach', 1, 0],
    ]);
    expect(november.history.map((h) => [h.month, h.open, h.closed])).toEqual([
      ['2020-06', 0, 0],
      ['2020-07', 0, 0],
      ['2020-08', 0, 0],
      ['2020-09', 1, 0],
      ['2020-10', 0, 1],
      ['2020-11', 1, 0],
    ]);
  });

  it('counts a task assigned and finished in the same month as completed', async () => {
    const report = await reportOf(
      {
        'meetings/2020/2020-10-01-giao.md': assignT1,
        'meetings/2020/2020-10-25-xong.md': meeting('2020-10-25', 'updates:\n  - { task: t1, status: dropped }'),
      },
      '2020-10',
    );
    expect(ids(report.tasks.assigned)).toEqual(['t1']);
    // Format v2: a dropped task is counted apart, never as completed.
    expect(ids(report.tasks.completed)).toEqual([]);
    expect(ids(report.tasks.dropped ?? [])).toEqual(['t1']);
    expect(report.tasks.dropped?.at(0)?.status).toBe('dropped');
  });

  it('sums a `sum` metric over the month and keeps the latest value of a `last` one', async () => {
    const results = (blood: number, level: number) => `results:
  - sector: van-hoa-xa-hoi
    summary: Hiến máu
    metrics: { don-vi-mau: ${blood} }
  - sector: kinh-te
    summary: Mực nước
    metrics: { muc-nuoc: ${level} }`;
    const report = await reportOf(
      {
        'meetings/2020/2020-09-20-a.md': meeting('2020-09-20', results(50, 2)),
        'meetings/2020/2020-10-05-a.md': meeting('2020-10-05', results(30, 4.5)),
        'meetings/2020/2020-10-25-b.md': meeting('2020-10-25', results(45, 3.2)),
      },
      '2020-10',
    );
    const blood = report.metrics.find((m) => m.id === 'don-vi-mau')!;
    const level = report.metrics.find((m) => m.id === 'muc-nuoc')!;
    expect([blood.value, blood.previous, blood.change, blood.percent]).toEqual([75, 50, 25, 50]);
    expect([level.value, level.previous, level.change, level.percent]).toEqual([3.2, 2, 1.2, 60]);
    expect(blood.trend.map((p) => p.value)).toEqual([undefined, undefined, undefined, undefined, 50, 75]);
    // Metrics sit under their sector, in config order.
    expect(report.results.map((r) => [r.sector, r.metrics.map((m) => m.id)])).toEqual([
      ['kinh-te', ['muc-nuoc']],
      ['van-hoa-xa-hoi', ['don-vi-mau']],
    ]);
  });

  it('gives no percentage when the previous value is 0, and JSON says null', async () => {
    const blood = (n: number) => `results:\n  - sector: van-hoa-xa-hoi\n    summary: Hiến máu\n    metrics: { don-vi-mau: ${n} }`;
    const report = await reportOf(
      {
        'meetings/2020/2020-09-20-a.md': meeting('2020-09-20', blood(0)),
        'meetings/2020/2020-10-20-a.md': meeting('2020-10-20', blood(120)),
      },
      '2020-10',
    );
    const metric = report.metrics.find((m) => m.id === 'don-vi-mau')!;
    expect([metric.value, metric.previous, metric.change, metric.percent]).toEqual([120, 0, 120, undefined]);
    const json = reportJson(report).metrics.find((m) => m.id === 'don-vi-mau')!;
    expect(json).toMatchObject({ value: 120, previous: 0, change: 120, percent: null });
  });

  it("measures overdue days on the month's last day", async () => {
    const report = await reportOf(
      {
        'meetings/2020/2020-02-03-giao.md': meeting(
          '2020-02-03',
          `tasks:
  - { id: som, title: Hạn sớm, owner: van-phong, due: 2020-02-10 }
  - { id: cuoi-thang, title: Hạn cuối tháng, owner: van-phong, due: 2020-02-29 }
  - { id: ngay-28, title: Hạn ngày 28, owner: tai-chinh-ke-hoach, due: 2020-02-28 }
  - { id: da-xong, title: Đã xong, owner: van-phong, due: 2020-02-05, status: done }
  - { id: khong-han, title: Không có hạn, owner: van-phong }`,
        ),
      },
      '2020-02',
    );
    // 2020 is a leap year: the last day is the 29th.
    expect(report.tasks.overdue.map((t) => [t.id, t.overdueDays])).toEqual([
      ['som', 19],
      ['ngay-28', 1],
    ]);
    expect([...report.tasks.assigned].find((t) => t.id === 'cuoi-thang')?.overdueDays).toBe(0);
    expect(report.owners.map((o) => [o.owner, o.assigned, o.completed, o.open, o.overdue])).toEqual([
      ['van-phong', 4, 1, 3, 1],
      ['tai-chinh-ke-hoach', 1, 0, 1, 1],
    ]);
    // The JSON as written: task lists are made as they are written (MappedList), whole through toJSON.
    const assigned = reportJson(report).tasks.assigned.toJSON() as { id: string }[];
    expect(assigned.find((t) => t.id === 'khong-han')).toMatchObject({ due: null, sector: null, note: null });
  });

  it('counts a task once for an owner it lists twice', async () => {
    const report = await reportOf(
      {
        'meetings/2020/2020-02-03-giao.md': meeting(
          '2020-02-03',
          `tasks:
  - { id: hai-lan, title: Hai lần, owner: [van-phong, tai-chinh-ke-hoach, van-phong], due: 2020-02-20 }
  - { id: mot-lan, title: Một lần, owner: [tai-chinh-ke-hoach, van-phong], due: 2020-02-20 }`,
        ),
      },
      '2020-02',
    );
    expect(report.owners.map((o) => [o.owner, o.assigned, o.open])).toEqual([
      ['van-phong', 2, 2],
      ['tai-chinh-ke-hoach', 2, 2],
    ]);
  });

  it('lists tasks due next month, and meetings by their period', async () => {
    const report = await reportOf(
      {
        // Held in November, but it reviews October.
        'meetings/2020/2020-11-02-thang-10.md': meeting(
          '2020-11-02',
          `period: 2020-10
decisions: [Thông qua báo cáo]
tasks:
  - { id: sau, title: Việc tháng sau, owner: van-phong, due: 2020-11-30 }`,
        ),
        'meetings/2020/2020-10-05-a.md': meeting(
          '2020-10-05',
          `tasks:
  - { id: thang-11, title: Việc tháng 11, owner: van-phong, due: 2020-11-15 }
  - { id: thang-12, title: Việc tháng 12, owner: van-phong, due: 2020-12-01 }`,
        ),
      },
      '2020-10',
    );
    expect(report.meetings.map((m) => m.date)).toEqual(['2020-10-05', '2020-11-02']);
    expect(report.decisions.map((d) => d.text)).toEqual(['Thông qua báo cáo']);
    // Format v2: assigned means at a meeting belonging to the month, and the report is
    // "as of" 2 November, the date of the meeting that reviews October: "sau" is October's.
    expect(ids(report.tasks.assigned)).toEqual(['thang-11', 'thang-12', 'sau']);
    expect(ids(report.tasks.dueNext)).toEqual(['thang-11', 'sau']);
  });
});

// ---------------------------------------------------------------------------
// The command, end to end.

describe('meet report', () => {
  it('reports on the month before --today by default, as Markdown when not on a terminal', async () => {
    const json = await runMeet(['report', '--today', '2020-11-05', '--format', 'json'], { cwd: EXAMPLES });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).month).toBe('2020-10');
    const md = await runMeet(['report', '--today', '2021-01-01'], { cwd: EXAMPLES });
    expect(md.stdout.startsWith('# Báo cáo kết quả tháng 12/2020\n')).toBe(true);
  });

  it('a month without any meeting is said in one line, exit 0 (issue 14)', async () => {
    const run = await runMeet(['report', '--month', '2020-06', '--format', 'text'], { cwd: EXAMPLES });
    expect(run).toEqual({ code: 0, stdout: '', stderr: 'Không có cuộc họp nào trong tháng 6/2020: không có gì để báo cáo.\n' });
  });

  it('says each section is empty in a month without anything', async () => {
    // Rendered directly: the command says an empty month in one line.
    const { config, records } = await loadRepository(EXAMPLES);
    const { renderReport } = await import('../src/render/report.js');
    const { Chalk } = await import('chalk');
    const render = (locale: 'vi' | 'en', format: 'text' | 'md') =>
      renderReport(buildReport(records, config, '2020-06', locale), format, new Chalk({ level: 0 }));
    const vi = { stdout: await render('vi', 'text') };
    for (const text of [
      'Không có cuộc họp nào trong tháng.',
      'Không có kết quả nào được báo cáo trong tháng.',
      'Không có quyết định nào được thông qua trong tháng.',
      'Không có cơ quan nào có nhiệm vụ trong tháng.',
    ]) {
      expect(vi.stdout).toContain(text);
    }
    expect(vi.stdout.match(/Không có nhiệm vụ nào\./g)).toHaveLength(5);
    for (const heading of [
      '1. Các cuộc họp trong tháng',
      '2. Kết quả theo lĩnh vực',
      '3. Các quyết định được thông qua',
      '4. Nhiệm vụ',
      '5. Theo cơ quan được giao',
    ]) {
      expect(vi.stdout).toContain(heading);
    }
    const en = { stdout: await render('en', 'md') };
    expect(en.stdout).toContain('## 1. Meetings this month\n\n_No meetings this month._');
    expect(en.stdout).toContain('## 5. By owner\n\n_No owner has tasks this month._');
    expect(en.stdout.match(/_No tasks\._/g)).toHaveLength(5);
  });

  it('writes --out atomically, says so on stderr only, and picks the format from the extension', async () => {
    const dir = tempDir();
    const run = await runMeet(['report', '--month', '2020-10', '--out', path.join(dir, 'bao-cao.json')], { cwd: EXAMPLES });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('bao-cao.json');
    expect(JSON.parse(readFileSync(path.join(dir, 'bao-cao.json'), 'utf8')).month).toBe('2020-10');
    const md = await runMeet(['report', '--month', '2020-10', '--format', 'md', '--out', 'bao-cao.txt'], { cwd: dir, env: { NO_COLOR: '1' } });
    // The repository is found from cwd; here there is none.
    expect(md.code).toBe(2);
    const again = await runMeet(['--root', EXAMPLES, 'report', '--month', '2020-10', '--format', 'md', '--out', 'bao-cao.txt'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(dir, 'bao-cao.txt'), 'utf8')).toBe(readFileSync(path.join(GOLDEN, 'report-2020-10.md'), 'utf8'));
  });

  it('refuses to write --out through a symbolic link or into a missing folder', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'target.md'), 'keep me\n');
    symlinkSync(path.join(dir, 'target.md'), path.join(dir, 'link.md'));
    const run = await runMeet(['report', '--month', '2020-10', '--out', path.join(dir, 'link.md')], { cwd: EXAMPLES });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('symbolic link');
    expect(readFileSync(path.join(dir, 'target.md'), 'utf8')).toBe('keep me\n');
    const missing = await runMeet(['report', '--month', '2020-10', '--out', path.join(dir, 'no', 'such', 'x.md')], { cwd: EXAMPLES });
    expect(missing.code).toBe(2);
    expect(existsSync(path.join(dir, 'no'))).toBe(false);
  });

  it('stops with exit 1 when the records have errors', async () => {
    const root = makeRepo({ 'meetings/2020/2020-10-05-a.md': record('title: A\ndate: 2020-10-05\nchiar: X') });
    const run = await runMeet(['report', '--month', '2020-10'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
  });

  it('lists the errors that stop it as meet check does: by file, line and column', async () => {
    // A rule against the config (an undeclared owner, line 6) found after the schema's (a misspelt key, line 8).
    const root = makeRepo({
      'meetings/2020/2020-10-05-a.md': record('title: A\ndate: 2020-10-05\nchair: X\ntasks:\n  - id: t-1\n    owner: khong-co\n    title: T\n    statsu: open'),
    });
    const run = await runMeet(['tasks'], { cwd: root });
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.includes('2020-10-05-a.md:'));
    const positions = lines.map((l) => /:(\d+):(\d+):/.exec(l)!.slice(1).map(Number));
    expect(positions.length).toBeGreaterThan(1);
    expect(positions).toEqual([...positions].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });

  it('follows --locale for words, dates and numbers', async () => {
    const root = makeRepo({
      'meetings/2020/2020-10-05-a.md': meeting(
        '2020-10-05',
        `results:
  - sector: van-hoa-xa-hoi
    summary: Hiến máu
    metrics: { don-vi-mau: 1234.5 }`,
      ),
    });
    const vi = await runMeet(['report', '--month', '2020-10', '--format', 'md'], { cwd: root });
    expect(vi.stdout).toContain('| Máu tiếp nhận | đơn vị | 1.234,5 | — | — | — |');
    expect(vi.stdout).toContain('| 05/10/2020 | thường kỳ |');
    const en = await runMeet(['report', '--month', '2020-10', '--format', 'md', '--locale', 'en'], { cwd: root });
    expect(en.stdout).toContain('| Máu tiếp nhận | đơn vị | 1,234.5 | — | — | — |');
    expect(en.stdout).toContain('| 5 Oct 2020 | regular |');
    expect(en.stdout.startsWith('# Monthly report: October 2020')).toBe(true);
  });
});

describe('what a report keeps of other months (domain/projection.ts)', () => {
  /** Every reporting month of the records, oldest first. */
  const monthsOf = (records: readonly MeetingRecord[]) => [...new Set(records.map((r) => reportingMonthOf(r)))].sort();

  /** Compares the reports of every `step`th month; returns how many of them left records out. */
  async function expectSameReports(root: string, step = 1): Promise<number> {
    const { config, records } = await loadRepository(root, { bodies: true });
    let compared = 0;
    for (const month of monthsOf(records).filter((_, i) => i % step === 0)) {
      const project = projectRecord({ results: figureMonthsOf(month), wholeMonths: [month] });
      const projected = records.map((r) => ({ ...r, data: project(r.data) }));
      const dropped = projected.filter((r, i) => r.data !== records[i]!.data).length;
      expect(JSON.stringify(buildReport(projected, config, month, config.locale)), month).toBe(
        JSON.stringify(buildReport(records, config, month, config.locale)),
      );
      if (dropped > 0) compared++;
    }
    return compared;
  }

  it('the figures of its trend months and of a year before are enough: every third month of a generated corpus', async () => {
    const out = path.join(tempDir('meet-projection-'), 'repo');
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bench', 'generate.mjs'), '--records', '300', '--out', out, '--seed', '5'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    // Records were left out in every month compared (a projection that kept everything would prove nothing).
    expect(await expectSameReports(out, 3)).toBeGreaterThan(30);
  });

  it('on examples/ and examples-xa/ (FORMAT v2)', async () => {
    expect(await expectSameReports(EXAMPLES)).toBeGreaterThan(0);
    expect(await expectSameReports(path.join(PROJECT_ROOT, 'examples-xa'))).toBeGreaterThan(0);
  });

  it('records of other months lose their results; those of the figure months keep them', () => {
    const data = { title: 'Họp', date: '2020-03-20', chair: 'A', results: [{ sector: 'x', summary: 's', metrics: { m: 1 } }], decisions: ['d'] };
    const dropped = projectRecord({ results: figureMonthsOf('2020-10') })(data as never) as Record<string, unknown>;
    expect(Object.keys(dropped)).toEqual(['title', 'date', 'chair']);
    const kept = projectRecord({ results: figureMonthsOf('2021-03') })(data as never) as Record<string, unknown>;
    expect(Object.keys(kept)).toEqual(['title', 'date', 'chair', 'results']);
    // Of a figure month, the figures alone: a summary is shown for the report's own month only, and a result
    // without figures gives a trend nothing.
    const withText = { ...data, results: [...data.results, { sector: 'y', summary: 'only words' }] };
    const figures = projectRecord({ results: figureMonthsOf('2021-03') })(withText as never) as { results: unknown };
    expect(figures.results).toEqual([{ sector: 'x', summary: '', metrics: { m: 1 } }]);
    expect(withText.results[0]!.summary).toBe('s');
    expect(figureMonthsOf('2021-03')).toEqual(['2020-03', '2020-10', '2020-11', '2020-12', '2021-01', '2021-02', '2021-03']);
  });

  it('the month is read with its bodies only for the formats that show them', async () => {
    const { loadReportRepository } = await import('../src/io/recordStore.js');
    const io = { env: {}, cwd: EXAMPLES, stderr: { isTTY: false, write: () => true } } as never;
    const bodies = async (withBodies: boolean) =>
      (await loadReportRepository(EXAMPLES, '2020-10', io, false, undefined, undefined, withBodies)).records
        .filter((r) => reportingMonthOf(r) === '2020-10')
        .map((r) => r.body);
    const shown = await bodies(true);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((body) => typeof body === 'string' && body.length > 0)).toBe(true);
    expect(await bodies(false)).toEqual(shown.map(() => undefined));
  });

  it('a build reads no record held after every day it reads: a late meeting of the last month moves that day', () => {
    const record = (file: string, date: string, period?: string) => ({ file, data: { date, ...(period ? { period } : {}) } }) as unknown as MeetingRecord;
    const records = [
      record('a', '2020-10-20'),
      record('late', '2020-11-06', '2020-10'),
      record('before-late', '2020-11-04'),
      record('on-late', '2020-11-06'),
      record('after-late', '2020-11-07'),
      record('december', '2020-12-01'),
      record('earlier-month-later', '2020-12-02', '2020-09'),
    ];
    const names = (kept: MeetingRecord[]) => kept.map((r) => r.file);
    expect(names(recordsRead(records.slice(0, 6), { results: false, lastMonth: '2020-10' }))).toEqual(['a', 'late', 'before-late', 'on-late']);
    // An earlier month's meeting held later still (its "as of" day, for a trend) moves it as far.
    expect(names(recordsRead(records, { results: false, lastMonth: '2020-10' }))).toEqual(names(records));
    // Without a late meeting, the month's last day.
    expect(names(recordsRead(records.slice(2, 6), { results: false, lastMonth: '2020-10' }))).toEqual([]);
    expect(names(recordsRead(records, { results: false, lastDay: '2020-11-06' }))).toEqual(['a', 'late', 'before-late', 'on-late']);
    // `meet log` reads every record's ids; a projection with no last month or day keeps all.
    expect(recordsRead(records, { results: false, task: 't' })).toBe(records);
    expect(recordsRead(records, { results: false })).toBe(records);
  });

  it('a run shares one copy of each owner, list of owners, deadline, sector, status and chair: every value stays as written', () => {
    const text = JSON.stringify([
      {
        title: 'Họp',
        date: '2020-03-20',
        chair: { name: 'Nguyễn Văn A', role: 'Chủ tịch', organization: 'UBND xã Bắc Sơn' },
        organization: 'UBND xã Bắc Sơn',
        tasks: [
          { id: 't1', title: 'Một', owner: ['van-phong', 'kinh-te'], sector: 'kinh-te', status: 'in-progress', directed_by: 'Chủ tịch' },
          { id: 't2', title: 'Hai', owner: 'van-phong', status: 'open' },
        ],
        updates: [{ task: 't0', status: 'done', note: 'Xong' }],
      },
      {
        title: 'Họp 2',
        date: '2020-04-20',
        chair: ['Nguyễn Văn A', { name: 'Trần Thị B', role: 'Phó Chủ tịch' }],
        tasks: [
          { id: 't3', title: 'Ba', owner: ['kinh-te'], status: 'done', due: '2020-05' },
          { id: 't4', title: 'Bốn', owner: ['van-phong', 'kinh-te'], status: 'open', due: { working_days: 5 } },
        ],
      },
      { title: 'Họp 3', date: '2020-05-20', chair: 'Trần Thị B', tasks: [{ id: 't5', title: 'Năm', owner: ['kinh-te'], status: 'open', due: '2020-05' }] },
    ]);
    const project = projectKept({ results: false }, sharedWords());
    // Each record parsed on its own, as the store hands them out.
    const records = (JSON.parse(text) as unknown[]).map((r) => JSON.parse(JSON.stringify(r)) as never);
    const kept = records.map((data) => project(data).data);
    expect(kept).toEqual(JSON.parse(text));
    // The same list of owners, met again in another record, is the one list.
    const ownersOf = (r: number, t: number) => kept[r]!.tasks![t]!.owner;
    expect(ownersOf(1, 1)).toBe(ownersOf(0, 0));
    expect(ownersOf(2, 0)).toBe(ownersOf(1, 0));
    expect(ownersOf(1, 0)).not.toBe(ownersOf(0, 0));
  });

  it('updates lose their notes where the command shows none, outside the months it shows whole', () => {
    const data = {
      title: 'Họp',
      date: '2020-03-20',
      chair: 'A',
      updates: [
        { task: 't1', status: 'done', note: 'Xong' },
        { task: 't2', status: 'in-progress' },
      ],
    };
    const project = projectRecord({ results: false, notes: false });
    const kept = project(data as never) as typeof data;
    expect(kept.updates).toEqual([
      { task: 't1', status: 'done' },
      { task: 't2', status: 'in-progress' },
    ]);
    expect(Object.keys(kept)).toEqual(['title', 'date', 'chair', 'updates']);
    // The record itself is left as it was; one without notes is not copied.
    expect(data.updates[0]!.note).toBe('Xong');
    const plain = { ...data, updates: [{ task: 't2', status: 'in-progress' }] };
    expect(project(plain as never)).toBe(plain);
    // A month shown whole keeps them.
    expect(projectRecord({ results: false, notes: false, wholeMonths: ['2020-03'] })(data as never)).toBe(data);
  });
});
