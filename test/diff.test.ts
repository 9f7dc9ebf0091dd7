// meet diff: the month diff as a value (diffMonths over real files read back
// with loadValidRepository), its renderers, and the built CLI on examples/.
//
// Golden files under test/golden/ are compared exactly (toMatchFileSnapshot).
// They are rewritten only with -u (npx vitest run test/diff.test.ts -u);
// review the change to them like code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffMonths, type DiffTask, type MonthDiff } from '../src/domain/monthDiff.js';
import type { Config } from '../src/model/schema.js';
import type { MeetingRecord } from '../src/model/record.js';
import { loadValidRepository } from '../src/io/repository.js';
import { renderDiffMarkdown, renderDiffText } from '../src/render/monthDiff.js';
import { copyExamples, makeRepo, PROJECT_ROOT, runMeet } from './helpers.js';

const CONFIG = `organization: UBND huyện Thử Nghiệm
locale: vi
sectors:
  kinh-te: Kinh tế
owners:
  van-phong: Văn phòng HĐND và UBND huyện
  tai-chinh-ke-hoach: Phòng Tài chính – Kế hoạch
metrics:
  xa-dat-chuan-ntm: { label: Xã đạt chuẩn nông thôn mới, unit: xã, sector: kinh-te }
  don-vi-mau: { label: Máu tiếp nhận, unit: đơn vị, sector: kinh-te }
  ty-le-giai-ngan: { label: Tỷ lệ giải ngân, unit: '%', sector: kinh-te, aggregate: last }
  khong-bao-cao: { label: Chưa ai báo cáo, sector: kinh-te }
`;

function record(front: string): string {
  return `---\n${front.trim()}\n---\n\nBiên bản.\n`;
}

// January (A) against February (B) 2021. Each task is named after the list it should land in.
const RECORDS = {
  'meetings/2021/2021-01-10-thang-1.md': record(`
title: Hội nghị tháng 1
date: 2021-01-10
chair: Chủ tịch UBND huyện
results:
  - sector: kinh-te
    summary: Tháng 1.
    metrics: { xa-dat-chuan-ntm: 0, ty-le-giai-ngan: 30 }
  - sector: kinh-te
    summary: Cập nhật cuối tháng.
    metrics: { ty-le-giai-ngan: 40 }
decisions:
  - Quyết định tháng 1
tasks:
  - { id: carried, title: Chuyển tiếp, owner: van-phong, due: 2021-03-31 }
  - { id: closed-done, title: Hoàn thành trong tháng 2, owner: [tai-chinh-ke-hoach, van-phong], due: 2021-02-15 }
  - { id: closed-dropped, title: Không thực hiện, owner: van-phong, due: 2021-03-01, status: in-progress }
  - { id: reopened, title: Làm lại, owner: van-phong, due: 2021-03-31, status: done }
  - { id: reopened-overdue, title: Làm lại và quá hạn, owner: van-phong, due: 2021-01-15, status: done }
  - { id: overdue-both, title: Quá hạn cả hai tháng, owner: van-phong, due: 2021-01-20 }
  - { id: newly-overdue, title: Quá hạn trong tháng 2, owner: van-phong, due: 2021-02-10 }
  - { id: done-early, title: Xong từ tháng 1, owner: van-phong, status: done }
`),
  // Held in February but reviewing January: a January meeting; its updates still count by date.
  'meetings/2021/2021-02-03-tong-ket-thang-1.md': record(`
title: Tổng kết tháng 1
date: 2021-02-03
period: 2021-01
chair: Chủ tịch UBND huyện
decisions:
  - Quyết định tổng kết tháng 1
updates:
  - { task: carried, status: in-progress }
`),
  'meetings/2021/2021-02-20-thang-2.md': record(`
title: Hội nghị tháng 2
date: 2021-02-20
kind: thematic
chair: { name: Phó Chủ tịch, role: Phó Chủ tịch UBND huyện }
results:
  - sector: kinh-te
    summary: Tháng 2.
    metrics: { xa-dat-chuan-ntm: 2, don-vi-mau: 100, ty-le-giai-ngan: 50 }
decisions:
  - Quyết định tháng 2
tasks:
  - { id: opened-open, title: Mới giao, owner: van-phong, due: 2021-03-15 }
  - { id: opened-done, title: Mới giao và đã xong, owner: van-phong, status: done }
  - { id: opened-overdue, title: Mới giao và quá hạn, owner: van-phong, due: 2021-02-21 }
updates:
  - { task: closed-done, status: done }
  - { task: closed-dropped, status: dropped }
  - { task: reopened, status: open }
  - { task: reopened-overdue, status: in-progress }
`),
  // After February: must not change the February diff.
  'meetings/2021/2021-03-05-thang-3.md': record(`
title: Hội nghị tháng 3
date: 2021-03-05
chair: Chủ tịch UBND huyện
updates:
  - { task: carried, status: done }
`),
};

const ids = (tasks: Iterable<DiffTask>) => [...tasks].map((t) => t.id);

describe('diffMonths', () => {
  let records: MeetingRecord[];
  let config: Config;
  let diff: MonthDiff;
  beforeAll(async () => {
    ({ records, config } = await loadValidRepository(makeRepo(RECORDS, CONFIG)));
    diff = diffMonths(records, config, '2021-01', '2021-02');
  });

  it('opens tasks that did not exist at the end of A, whatever their state at the end of B', () => {
    expect(ids(diff.tasks.opened)).toEqual(['opened-open', 'opened-done', 'opened-overdue']);
    expect([...diff.tasks.opened].every((t) => t.statusBefore === undefined)).toBe(true);
    // Assigned after A and already done: opened, not closed.
    expect(ids(diff.tasks.closed)).not.toContain('opened-done');
  });

  it('closes tasks open or in progress at A and done or dropped at B', () => {
    // Format v2: closed is done only; dropped tasks are listed apart.
    expect(ids(diff.tasks.closed)).toEqual(['closed-done']);
    expect(ids(diff.tasks.dropped)).toEqual(['closed-dropped']);
    const dropped = [...diff.tasks.dropped].find((t) => t.id === 'closed-dropped');
    expect(dropped).toMatchObject({ statusBefore: 'in-progress', status: 'dropped' });
  });

  it('carries tasks open or in progress at the end of both months, updates after B ignored', () => {
    expect(ids(diff.tasks.carried)).toEqual(['carried', 'overdue-both', 'newly-overdue']);
    // Updated on 3 Feb by the meeting that reviews January: format v2 reads January "as of"
    // that day, so the update counts in A.
    expect(diff.tasks.carried.at(0)).toMatchObject({ statusBefore: 'in-progress', status: 'in-progress' });
  });

  it('puts a reopened task in none of opened, closed, carried; a task done at both ends in no list', () => {
    for (const list of [diff.tasks.opened, diff.tasks.closed, diff.tasks.carried]) {
      expect(ids(list)).not.toContain('reopened');
      expect(ids(list)).not.toContain('reopened-overdue');
    }
    const all = Object.values(diff.tasks).flatMap(ids);
    expect(all).not.toContain('reopened');
    expect(all).not.toContain('done-early');
  });

  it('lists as newly overdue tasks overdue on B’s last day but not on A’s', () => {
    expect(ids(diff.tasks.newlyOverdue)).toEqual(['reopened-overdue', 'newly-overdue', 'opened-overdue']);
    // Overdue on 31 Jan and on 28 Feb: not newly overdue.
    expect(ids(diff.tasks.newlyOverdue)).not.toContain('overdue-both');
    const days = Object.fromEntries(diff.tasks.newlyOverdue.map((t) => [t.id, t.overdueDays]));
    expect(days).toEqual({ 'reopened-overdue': 44, 'newly-overdue': 18, 'opened-overdue': 7 });
    expect([...diff.tasks.carried].find((t) => t.id === 'overdue-both')?.overdueDays).toBe(39);
  });

  it('keeps owners, names and the assigning meeting', () => {
    expect(diff.tasks.closed.at(0)).toMatchObject({
      owners: ['tai-chinh-ke-hoach', 'van-phong'],
      ownerNames: ['Phòng Tài chính – Kế hoạch', 'Văn phòng HĐND và UBND huyện'],
      due: '2021-02-15',
      meeting: { date: '2021-01-10', title: 'Hội nghị tháng 1', file: 'meetings/2021/2021-01-10-thang-1.md' },
    });
  });

  it('computes metric changes, with no percent when A’s value is 0 or unknown', () => {
    expect(diff.metrics.map((m) => [m.id, m.from, m.to, m.change, m.percent])).toEqual([
      ['xa-dat-chuan-ntm', 0, 2, 2, undefined],
      ['don-vi-mau', undefined, 100, undefined, undefined],
      // aggregate: last — the latest January value (40) stands; a % metric (v2) changes in points, no percent.
      ['ty-le-giai-ngan', 40, 50, 10, undefined],
    ]);
    expect(diff.metrics.map((m) => m.id)).not.toContain('khong-bao-cao');
  });

  it('lists the meetings and decisions of B by period', () => {
    expect(diff.meetings).toEqual([
      {
        date: '2021-02-20',
        kind: 'thematic',
        title: 'Hội nghị tháng 2',
        chair: 'Phó Chủ tịch',
        file: 'meetings/2021/2021-02-20-thang-2.md',
        organization: null,
      },
    ]);
    expect(diff.decisions).toEqual([{ text: 'Quyết định tháng 2', date: '2021-02-20', file: 'meetings/2021/2021-02-20-thang-2.md', organization: null }]);
  });

  it("names another organization's meeting and its decisions beside them (FORMAT.md), in text, Markdown and JSON", async () => {
    const root = makeRepo(
      {
        ...RECORDS,
        'meetings/2021/2021-02-22-xa.md': record(
          'title: Họp xã\ndate: 2021-02-22\norganization: UBND xã Bắc Sơn\nchair: Chủ tịch xã\ndecisions: [Quyết định của xã]',
        ),
      },
      CONFIG,
    );
    const json = JSON.parse((await runMeet(['diff', '2021-01', '2021-02', '--format', 'json'], { cwd: root })).stdout);
    expect(json.meetings.map((m: { organization: string | null }) => m.organization)).toEqual([null, 'UBND xã Bắc Sơn']);
    expect(json.decisions.at(-1)).toMatchObject({ text: 'Quyết định của xã', organization: 'UBND xã Bắc Sơn' });
    const md = (await runMeet(['diff', '2021-01', '2021-02', '--format', 'md'], { cwd: root })).stdout;
    expect(md).toContain('| Họp xã — UBND xã Bắc Sơn |');
    expect(md).toContain('- Quyết định của xã (UBND xã Bắc Sơn, ngày 22/02/2021)');
    expect(md).toContain('- Quyết định tháng 2 (ngày 20/02/2021)');
    const text = (await runMeet(['diff', '2021-01', '2021-02', '--format', 'text'], { cwd: root })).stdout;
    expect(text).toContain('Họp xã — UBND xã Bắc Sơn');
  });

  it('refuses months out of order', () => {
    expect(() => diffMonths(records, config, '2021-02', '2021-01')).toThrow(RangeError);
    expect(() => diffMonths(records, config, '2021-02', '2021-02')).toThrow(RangeError);
  });

  it('renders empty sections as such, in either language', () => {
    // April 2021: no meetings, no metrics, no task changes.
    const empty = diffMonths(records, config, '2021-03', '2021-04');
    expect(empty.meetings).toEqual([]);
    const md = [...renderDiffMarkdown(empty, { locale: 'vi', organization: '' })].join('');
    expect(md).toContain('## Hội nghị tháng 4/2021\n\nKhông có.\n');
    expect(md).toContain('## Chỉ tiêu\n\nKhông có.\n');
    const text = renderDiffText(empty, { locale: 'en', organization: '' }, new Chalk({ level: 0 }));
    expect(text).toContain('Meetings of April 2021\n  None.\n');
    expect(text).toContain('Decisions of April 2021\n  None.\n');
  });

  it('renders English words, dates and numbers', () => {
    const text = renderDiffText(diff, { locale: 'en', organization: 'Springfield' }, new Chalk({ level: 0 }));
    expect(text).toContain('January 2021 compared with February 2021 — Springfield');
    // Format v2: dropped apart from closed; a % metric changes in percentage points.
    expect(text).toContain('Tasks: 3 opened, 1 done, 1 dropped, 3 carried over, 3 newly overdue.');
    expect(text).toMatch(/closed-dropped +1 Mar 2021 +in progress → dropped/);
    expect(text).toMatch(/Tỷ lệ giải ngân +% +40 +50 +\+10 pp +—/);
  });
});

describe('diffMonths when the earlier month is reviewed after the later one ends', () => {
  it('reads each month as of its own day, the earlier one further on', async () => {
    const { records, config } = await loadValidRepository(
      makeRepo(
        {
          'meetings/2021/2021-01-10-thang-1.md': record(`
title: Hội nghị tháng 1
date: 2021-01-10
chair: Chủ tịch UBND huyện
tasks:
  - { id: late-review, title: Xong khi họp lại tháng 1, owner: van-phong, due: 2021-06-30 }
  - { id: open-both, title: Còn mở, owner: van-phong, due: 2021-06-30 }
  - { id: started-late, title: Bắt đầu khi họp lại tháng 1, owner: van-phong, due: 2021-06-30 }
`),
          'meetings/2021/2021-02-10-thang-2.md': record(`
title: Hội nghị tháng 2
date: 2021-02-10
chair: Chủ tịch UBND huyện
`),
          'meetings/2021/2021-03-05-hop-lai-thang-1.md': record(`
title: Họp lại tháng 1
date: 2021-03-05
period: 2021-01
chair: Chủ tịch UBND huyện
updates:
  - { task: late-review, status: done }
  - { task: started-late, status: in-progress }
`),
        },
        CONFIG,
      ),
    );
    const diff = diffMonths(records, config, '2021-01', '2021-02');
    expect(diff.fromDay > diff.toDay).toBe(true);
    // January as of 5 March (done), February as of its last day (still open): reopened, in no list.
    expect(Object.values(diff.tasks).flatMap(ids)).not.toContain('late-review');
    expect([...diff.tasks.carried].find((t) => t.id === 'open-both')).toMatchObject({ statusBefore: 'open', status: 'open' });
    // February's state is not touched by the later walk: open then, in progress as of January's day.
    expect([...diff.tasks.carried].find((t) => t.id === 'started-late')).toMatchObject({ statusBefore: 'in-progress', status: 'open' });
  });
});

describe('meet diff on examples/', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyExamples();
  });

  const cases: { name: string; args: string[]; golden: string }[] = [];
  for (const [from, to] of [
    ['2020-10', '2020-11'],
    ['2020-09', '2020-12'],
  ] as const) {
    for (const [format, extension] of [
      ['text', 'txt'],
      ['md', 'md'],
      ['json', 'json'],
    ] as const) {
      const args = [from, to, '--format', format];
      cases.push({ name: `meet diff ${args.join(' ')}`, args, golden: `diff-${from}-${to}.${extension}` });
    }
  }

  it.each(cases)('$name matches its golden file', async ({ args, golden }) => {
    const run = await runMeet(['diff', ...args], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`golden/${golden}`);
  });

  it('writes Markdown by default when stdout is not a terminal', async () => {
    const run = await runMeet(['diff', '2020-10', '2020-11'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(goldenPath('diff-2020-10-2020-11.md'), 'utf8'));
  });

  it('prints null for unknown values in JSON', async () => {
    const run = await runMeet(['diff', '2020-09', '2020-12', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(run.stdout);
    expect(json.metrics.find((m: { id: string }) => m.id === 'xa-dat-chuan-ntm')).toEqual({
      id: 'xa-dat-chuan-ntm',
      label: 'Xã công bố đạt chuẩn nông thôn mới',
      unit: 'xã',
      sector: 'kinh-te',
      from: null,
      to: 2,
      change: null,
      percent: null,
      points: null,
      organization: null,
      fromEstimate: false,
      fromQualifier: null,
      toEstimate: false,
      toQualifier: null,
    });
    expect(json.tasks.opened[0].statusBefore).toBeNull();
  });

  it('colours closed tasks green and newly overdue tasks red when colour is on', async () => {
    const run = await runMeet(['diff', '2020-10', '2020-11', '--format', 'text'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    const lines = run.stdout.split('\n');
    const row = (category: string, id: string) => {
      const start = lines.findIndex((l) => l.includes(category));
      return lines.slice(start).find((l) => l.includes(id)) ?? '';
    };
    expect(row('Nhiệm vụ đã hoàn thành (', '2020-10-te-nan-toi-pham')).toContain('\u001b[32m');
    expect(row('Nhiệm vụ mới quá hạn (', '2020-09-don-thu-ton-dong')).toContain('\u001b[31m');
    // --no-color wins over FORCE_COLOR.
    const plain = await runMeet(['--no-color', 'diff', '2020-10', '2020-11', '--format', 'text'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('is a usage error when the first month is after the second', async () => {
    const run = await runMeet(['diff', '2020-11', '2020-10'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Tháng thứ nhất (tháng 11/2020) ở sau tháng thứ hai (tháng 10/2020)');
    expect(run.stderr).toContain('meet diff 2020-10 2020-11');
  });

  it('is a usage error when both months are the same', async () => {
    const run = await runMeet(['diff', '2020-11', '2020-11'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Cả hai tháng đều là tháng 11/2020');
  });

  it('is a usage error for a month that does not exist', async () => {
    const run = await runMeet(['diff', '2020-10', '2020-13'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('"2020-13" không phải là tháng');
  });

  it('stops with exit 1 when the records have errors', async () => {
    const broken = makeRepo({ 'meetings/2021/2021-01-10-thang-1.md': record('title: Thiếu người chủ trì\ndate: 2021-01-10') }, CONFIG);
    const run = await runMeet(['diff', '2020-12', '2021-01'], { cwd: broken });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('meetings/2021/2021-01-10-thang-1.md');
  });
});

function goldenPath(name: string): string {
  return path.join(PROJECT_ROOT, 'test', 'golden', name);
}

describe('meet diff of a co-chaired meeting', () => {
  it('names every chair, the presiding one first, in JSON and in the table', async () => {
    const cwd = path.join(PROJECT_ROOT, 'examples-xa');
    const json = JSON.parse((await runMeet(['diff', '2021-02', '2021-03', '--format', 'json', '--no-cache'], { cwd })).stdout) as {
      meetings: { title: string; chair: string }[];
    };
    expect(json.meetings.find((m) => m.title.includes('liên tịch'))!.chair).toBe('Lê Văn Hùng, Vũ Văn Khánh');
    expect((await runMeet(['diff', '2021-02', '2021-03', '--format', 'md', '--no-cache'], { cwd })).stdout).toContain('Lê Văn Hùng, Vũ Văn Khánh');
  });
});
