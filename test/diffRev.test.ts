// meet diff --rev A..B / A...B: the records compared between two git
// revisions, end to end with the built CLI on real git repositories made in
// temp folders (fixed identity and dates, `git init -b main`), starting from
// a copy of examples/ without its December record.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copied, copyExamples, git, read, runMeet, tempDir, writeTree, type RunResult } from './helpers.js';

const OCT26 = 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md';
const NOV12 = 'meetings/2020/2020-11-12-hoi-nghi-chuyen-de-cong-tac-phong-chong-thien-tai.md';
const NOV25 = 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md';
const DEC28 = 'meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md';
const DEC05 = 'meetings/2020/2020-12-05-hoi-nghi-bat-thuong-thang-12.md';

const NOV25_MEETING = { file: NOV25, date: '2020-11-25', title: 'Hội nghị thường kỳ tháng 11' };
const DEC05_MEETING = { file: DEC05, date: '2020-12-05', title: 'Hội nghị bất thường tháng 12' };
const KY_HOP = 'Chuẩn bị nội dung, báo cáo trình kỳ họp cuối năm 2020 của HĐND huyện';
const DU_TOAN = 'Xây dựng dự toán thu, chi ngân sách năm 2021 trình HĐND huyện';

// An extraordinary meeting that closes two November tasks and assigns one.
const DEC05_RECORD = `---
title: Hội nghị bất thường tháng 12
date: 2020-12-05
kind: extraordinary
chair: Hoàng Văn Hiệp
results:
  - sector: van-hoa-xa-hoi
    summary: Tiếp nhận máu đợt bổ sung.
    metrics: { don-vi-mau: 50 }
decisions:
  - Thông qua kế hoạch trình kỳ họp HĐND huyện
tasks:
  - { id: 2020-12-bao-cao-ky-hop, title: Hoàn thiện báo cáo trình kỳ họp, owner: van-phong, due: 2020-12-09 }
updates:
  - { task: 2020-11-ky-hop-hdnd, status: done, note: Đã trình HĐND huyện }
  - { task: 2020-11-du-toan-ngan-sach-2021, status: done }
---

Biên bản hội nghị bất thường.
`;

/** examples/ without its December record, committed on main. */
const baseRepo = copied(() => {
  const dir = copyExamples();
  rmSync(path.join(dir, DEC28));
  git(dir, 'init', '-q', '-b', 'main');
  commitAll(dir, 'Records September to November 2020');
  return dir;
});

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

/** Replaces text that must be in the file (so a changed example fails loudly here). */
function edit(dir: string, file: string, from: string, to: string): void {
  const text = read(dir, file);
  expect(text).toContain(from);
  writeFileSync(path.join(dir, file), text.replace(from, to));
}

function meet(dir: string, args: string[], env?: Record<string, string | undefined>): Promise<RunResult> {
  return runMeet(args, { cwd: dir, ...(env ? { env } : {}) });
}

async function diffJson(dir: string, range: string, extra: string[] = []): Promise<any> {
  const run = await meet(dir, ['diff', '--rev', range, '--format', 'json', ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

function sha(dir: string, revision: string): string {
  return git(dir, 'rev-parse', revision).trim();
}

/** A branch `feature` that adds DEC05; main then moves on with a decision added to NOV25. */
function divergedRepo(): string {
  const dir = baseRepo();
  git(dir, 'checkout', '-q', '-b', 'feature');
  writeTree(dir, { [DEC05]: DEC05_RECORD });
  commitAll(dir, 'Add record 2020-12-05');
  git(dir, 'checkout', '-q', 'main');
  edit(dir, NOV25, 'decisions:\n', 'decisions:\n  - Quyết định thêm trên nhánh main\n');
  commitAll(dir, 'Decision added on main');
  return dir;
}

describe('meet diff --rev: a branch that closes two tasks and adds a record', () => {
  const dir = baseRepo();
  git(dir, 'checkout', '-q', '-b', 'feature');
  writeTree(dir, { [DEC05]: DEC05_RECORD });
  commitAll(dir, 'Add record 2020-12-05');

  it('gives the exact JSON: the record and its task added, both tasks closed by its updates', async () => {
    expect(await diffJson(dir, 'main...feature')).toEqual({
      from: 'main',
      to: 'feature',
      mergeBase: true,
      commits: { from: sha(dir, 'main'), to: sha(dir, 'feature') },
      records: { added: [{ ...DEC05_MEETING, kind: 'extraordinary' }], removed: [], changed: [] },
      tasks: {
        added: [
          {
            id: '2020-12-bao-cao-ky-hop',
            title: 'Hoàn thiện báo cáo trình kỳ họp',
            owners: ['van-phong'],
            ownerNames: ['Văn phòng HĐND và UBND huyện'],
            due: '2020-12-09',
            sector: null,
            status: 'open',
            meeting: DEC05_MEETING,
          },
        ],
        removed: [],
        changed: [],
      },
      states: [
        { id: '2020-11-ky-hop-hdnd', title: KY_HOP, from: 'open', to: 'done', meeting: NOV25_MEETING },
        { id: '2020-11-du-toan-ngan-sach-2021', title: DU_TOAN, from: 'open', to: 'done', meeting: NOV25_MEETING },
      ],
      updates: {
        added: [
          { task: '2020-11-ky-hop-hdnd', taskTitle: KY_HOP, status: 'done', before: 'open', note: 'Đã trình HĐND huyện', date: '2020-12-05', file: DEC05 },
          { task: '2020-11-du-toan-ngan-sach-2021', taskTitle: DU_TOAN, status: 'done', before: 'open', note: null, date: '2020-12-05', file: DEC05 },
        ],
        removed: [],
        changed: [],
      },
      metrics: [{ file: DEC05, date: '2020-12-05', id: 'don-vi-mau', label: 'Máu tiếp nhận', unit: 'đơn vị', from: null, to: 50 }],
      decisions: { added: [{ text: 'Thông qua kế hoạch trình kỳ họp HĐND huyện', date: '2020-12-05', file: DEC05 }], removed: [] },
      unreadable: [],
    });
  });

  it('writes Markdown for a pull request, in the language of the config, by default when not on a terminal', async () => {
    const run = await meet(dir, ['diff', '--rev', 'main...feature']);
    expect(run.code).toBe(0);
    const md = run.stdout;
    expect(md.startsWith('### meet: thay đổi trong các biên bản (main...feature)\n\n')).toBe(true);
    expect(md).toContain(
      'Biên bản: 1 thêm mới. Nhiệm vụ: 1 thêm mới. Tình trạng nhiệm vụ: 2 thay đổi (2 đã kết thúc). ' +
        'Cập nhật tiến độ: 2 thêm mới. Chỉ tiêu: 1 thay đổi. Quyết định: 1 thêm mới.\n',
    );
    expect(md).toContain(`| thêm mới | 05/12/2020 | Hội nghị bất thường tháng 12 | ${DEC05} |  |\n`);
    expect(md).toContain(`| 2020-11-ky-hop-hdnd | ${KY_HOP} | chưa thực hiện | hoàn thành |\n`);
    expect(md).toContain(`| 2020-11-du-toan-ngan-sach-2021 | ${DU_TOAN} | chưa thực hiện | hoàn thành |\n`);
    expect(md).toContain(`- nhiệm vụ \`2020-11-ky-hop-hdnd\` (${KY_HOP}): chưa thực hiện → hoàn thành (trong biên bản ${DEC05}) — Đã trình HĐND huyện\n`);
    expect(md).toContain(
      `| thêm mới | 2020-12-bao-cao-ky-hop | Hoàn thiện báo cáo trình kỳ họp | Văn phòng HĐND và UBND huyện | 09/12/2020 | chưa thực hiện |\n`,
    );
    expect(md).toContain(`| Máu tiếp nhận | đơn vị | — | 50 | ${DEC05} |\n`);
    expect(md).toContain(`- thêm mới: Thông qua kế hoạch trình kỳ họp HĐND huyện (05/12/2020, ${DEC05})\n`);
  });

  it('shows the same in text, without colour when not on a terminal', async () => {
    const run = await meet(dir, ['diff', '--rev', 'main..feature', '--format', 'text']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout.split('\n')[0]).toBe('meet: thay đổi trong các biên bản (main..feature)');
    expect(run.stdout).toContain('Tình trạng nhiệm vụ (sau mọi cập nhật)');
    expect(run.stdout).toMatch(/2020-11-ky-hop-hdnd +Chuẩn bị nội dung.* +chưa thực hiện +hoàn thành\n/);
  });

  it('says so when nothing changed', async () => {
    const run = await meet(dir, ['diff', '--rev', 'feature..feature', '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('### meet: thay đổi trong các biên bản (feature..feature)\n\nKhông có thay đổi trong các biên bản.\n');
  });
});

describe('meet diff --rev: A..B compares the two revisions, A...B the merge base with B', () => {
  const dir = divergedRepo();

  it('A..B shows what main did since branching as undone on the branch', async () => {
    const diff = await diffJson(dir, 'main..feature');
    expect(diff.mergeBase).toBe(false);
    expect(diff.commits).toEqual({ from: sha(dir, 'main'), to: sha(dir, 'feature') });
    expect(diff.records.added.map((r: any) => r.file)).toEqual([DEC05]);
    expect(diff.records.changed).toEqual([{ ...NOV25_MEETING, kind: 'regular', keys: ['decisions'] }]);
    expect(diff.decisions.removed).toEqual([{ text: 'Quyết định thêm trên nhánh main', date: '2020-11-25', file: NOV25 }]);
  });

  it('A...B shows only what the branch did', async () => {
    const base = git(dir, 'merge-base', 'main', 'feature').trim();
    expect(base).not.toBe(sha(dir, 'main'));
    const diff = await diffJson(dir, 'main...feature');
    expect(diff.mergeBase).toBe(true);
    expect(diff.commits).toEqual({ from: base, to: sha(dir, 'feature') });
    expect(diff.records).toEqual({ added: [{ ...DEC05_MEETING, kind: 'extraordinary' }], removed: [], changed: [] });
    expect(diff.decisions.removed).toEqual([]);
    expect(diff.states.map((s: any) => s.id)).toEqual(['2020-11-ky-hop-hdnd', '2020-11-du-toan-ngan-sach-2021']);
  });

  it('names the merge base in Markdown', async () => {
    const run = await meet(dir, ['diff', '--rev', 'main...feature', '--format', 'md']);
    const base = git(dir, 'merge-base', 'main', 'feature').trim();
    expect(run.stdout).toContain(`So sánh gốc chung của main và feature (${base.slice(0, 7)}) với feature (${sha(dir, 'feature').slice(0, 7)}).`);
  });
});

describe('meet diff --rev: removed and changed records', () => {
  it('a removed record: its tasks, updates, metrics and decisions go with it', async () => {
    const dir = baseRepo();
    git(dir, 'checkout', '-q', '-b', 'feature');
    git(dir, 'rm', '-q', NOV12);
    commitAll(dir, 'Remove the thematic meeting');
    const diff = await diffJson(dir, 'main...feature');
    expect(diff.records).toEqual({
      added: [],
      removed: [{ file: NOV12, date: '2020-11-12', title: 'Hội nghị chuyên đề công tác phòng chống thiên tai', kind: 'thematic' }],
      changed: [],
    });
    expect(diff.tasks.removed.map((t: any) => t.id)).toEqual([
      '2020-11-pctt-phuong-an-so-tan',
      '2020-11-pctt-thu-hoach-lua-mua',
      '2020-11-pctt-de-dieu-ho-chua',
      '2020-11-pctt-khac-phuc-hau-qua',
    ]);
    expect(diff.tasks.removed[0]).toMatchObject({ owners: ['quan-su', 'cong-an', 'nong-nghiep'], due: '2020-11-15', status: 'open' });
    expect(diff.updates).toEqual({
      added: [],
      changed: [],
      removed: [
        {
          task: '2020-10-phong-chong-bao-lut',
          taskTitle: 'Tập trung làm tốt công tác phòng chống bão lụt',
          status: 'in-progress',
          before: 'open',
          note: 'Cụ thể hóa bằng các nhiệm vụ giao tại hội nghị chuyên đề này',
          date: '2020-11-12',
          file: NOV12,
        },
      ],
    });
    // Dropped on 25 November either way: no state changed for a task that still exists.
    expect(diff.states).toEqual([]);
    expect(diff.metrics.map((m: any) => [m.id, m.from, m.to])).toEqual([
      ['ho-dan-so-tan', 126, null],
      ['ty-le-thu-hoach-lua-mua', 82, null],
    ]);
    expect(diff.decisions.removed.map((d: any) => d.text)).toEqual([
      'Kích hoạt phương án ứng phó bão, lũ cấp độ 2 trên địa bàn huyện',
      'Sử dụng dự phòng ngân sách huyện hỗ trợ khắc phục hậu quả mưa lũ',
    ]);
    const md = (await meet(dir, ['diff', '--rev', 'main...feature', '--format', 'md'])).stdout;
    expect(md).toContain(`| xóa | 12/11/2020 | Hội nghị chuyên đề công tác phòng chống thiên tai | ${NOV12} |  |\n`);
  });

  it('an update rewritten in its record (tasks update on a task meet new listed) is one change, not a removal', async () => {
    const dir = baseRepo();
    git(dir, 'checkout', '-q', '-b', 'feature');
    edit(dir, NOV25, '  - task: 2020-09-don-thu-ton-dong\n    status: in-progress\n', '  - task: 2020-09-don-thu-ton-dong\n    status: done\n');
    commitAll(dir, 'Close a task');
    const diff = await diffJson(dir, 'main...feature');
    expect(diff.updates.added).toEqual([]);
    expect(diff.updates.removed).toEqual([]);
    expect(diff.updates.changed).toEqual([
      expect.objectContaining({ task: '2020-09-don-thu-ton-dong', status: 'done', was: { status: 'in-progress', note: expect.any(String) }, file: NOV25 }),
    ]);
    const md = (await meet(dir, ['diff', '--rev', 'main...feature', '--format', 'md'])).stdout;
    expect(md).toContain('Cập nhật tiến độ: 1 sửa đổi');
    expect(md).toMatch(/- sửa đổi: .*`2020-09-don-thu-ton-dong`.*: đang thực hiện → hoàn thành/);
    expect(md).not.toContain('xóa');
  });

  it("a task's owner, due date and status as assigned changed", async () => {
    const dir = baseRepo();
    git(dir, 'checkout', '-q', '-b', 'feature');
    edit(dir, OCT26, '    owner: [nong-nghiep, tai-nguyen-moi-truong]\n    due: 2020-12-20\n', '    owner: nong-nghiep\n    due: 2021-01-15\n');
    edit(dir, NOV25, '  - id: 2020-11-hien-mau-dot-4\n', '  - id: 2020-11-hien-mau-dot-4\n    status: in-progress\n');
    commitAll(dir, 'Reassign a task');
    const diff = await diffJson(dir, 'main...feature');
    expect(diff.tasks).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          id: '2020-10-tich-tu-ruong-dat',
          title: 'Triển khai thí điểm phương án tích tụ ruộng đất ở một số xã để thu hút các dự án đầu tư lớn, giải quyết việc làm cho người dân',
          meeting: { file: OCT26, date: '2020-10-26', title: 'Hội nghị thường kỳ tháng 10' },
          changes: [
            { field: 'owner', from: ['nong-nghiep', 'tai-nguyen-moi-truong'], to: ['nong-nghiep'] },
            { field: 'due', from: '2020-12-20', to: '2021-01-15' },
          ],
        },
        {
          id: '2020-11-hien-mau-dot-4',
          title: 'Tổ chức ngày hội hiến máu tình nguyện đợt 4 năm 2020',
          meeting: NOV25_MEETING,
          changes: [{ field: 'status', from: 'open', to: 'in-progress' }],
        },
      ],
    });
    expect(diff.records.changed.map((r: any) => [r.file, r.keys])).toEqual([
      [OCT26, ['tasks']],
      [NOV25, ['tasks']],
    ]);
    expect(diff.states).toEqual([
      { id: '2020-11-hien-mau-dot-4', title: 'Tổ chức ngày hội hiến máu tình nguyện đợt 4 năm 2020', from: 'open', to: 'in-progress', meeting: NOV25_MEETING },
    ]);
    const md = (await meet(dir, ['diff', '--rev', 'main...feature', '--format', 'md'])).stdout;
    expect(md).toContain(
      '| sửa đổi | 2020-10-tich-tu-ruong-dat | Triển khai thí điểm phương án tích tụ ruộng đất ở một số xã để thu hút các dự án đầu tư lớn, giải quyết việc làm cho người dân | nong-nghiep, tai-nguyen-moi-truong → nong-nghiep | 20/12/2020 → 15/01/2021 |  |\n',
    );
    expect(md).toContain(
      '| sửa đổi | 2020-11-hien-mau-dot-4 | Tổ chức ngày hội hiến máu tình nguyện đợt 4 năm 2020 |  |  | chưa thực hiện → đang thực hiện |\n',
    );
  });

  it('metrics changed and a decision added, in English when the config says so at B', async () => {
    const dir = baseRepo();
    git(dir, 'checkout', '-q', '-b', 'feature');
    edit(dir, 'meet.config.yaml', 'locale: vi\n', 'locale: en\n');
    edit(dir, NOV25, 'thu-ngan-sach: 16.9\n', 'thu-ngan-sach: 17.235\n');
    edit(dir, NOV25, 'decisions:\n', 'decisions:\n  - Giao Văn phòng tổng hợp kết quả hội nghị\n');
    edit(dir, NOV25, '*Số liệu', 'Bổ sung số liệu thu ngân sách.\n\n*Số liệu');
    commitAll(dir, 'Correct the November figures');
    const diff = await diffJson(dir, 'main..feature');
    expect(diff.metrics).toEqual([
      { file: NOV25, date: '2020-11-25', id: 'thu-ngan-sach', label: 'Thu ngân sách trên địa bàn', unit: 'tỷ đồng', from: 16.9, to: 17.235 },
    ]);
    expect(diff.decisions).toEqual({ added: [{ text: 'Giao Văn phòng tổng hợp kết quả hội nghị', date: '2020-11-25', file: NOV25 }], removed: [] });
    expect(diff.records.changed).toEqual([{ ...NOV25_MEETING, kind: 'regular', keys: ['results', 'decisions', 'body'] }]);
    expect(diff.tasks).toEqual({ added: [], removed: [], changed: [] });

    const md = (await meet(dir, ['diff', '--rev', 'main..feature', '--format', 'md'])).stdout;
    expect(md).toContain('### meet: changes to the records (main..feature)\n');
    expect(md).toContain('Records: 1 changed. Metrics: 1 changed. Decisions: 1 added.\n');
    expect(md).toContain(`| changed | 25 Nov 2020 | Hội nghị thường kỳ tháng 11 | ${NOV25} | results, decisions, body |\n`);
    // Every digit written, as in the reports (17.235, not 17.24).
    expect(md).toContain(`| Thu ngân sách trên địa bàn | tỷ đồng | 16.9 | 17.235 | ${NOV25} |\n`);
    expect(md).toContain(`- added: Giao Văn phòng tổng hợp kết quả hội nghị (25 Nov 2020, ${NOV25})\n`);
  });

  it('a renamed record is one removed and one added; its tasks did not change', async () => {
    const dir = baseRepo();
    git(dir, 'checkout', '-q', '-b', 'feature');
    const renamed = 'meetings/2020/2020-11-12-hoi-nghi-phong-chong-thien-tai.md';
    git(dir, 'mv', NOV12, renamed);
    commitAll(dir, 'Rename a record');
    const diff = await diffJson(dir, 'main...feature');
    expect(diff.records.added.map((r: any) => r.file)).toEqual([renamed]);
    expect(diff.records.removed.map((r: any) => r.file)).toEqual([NOV12]);
    expect(diff.tasks.added).toEqual([]);
    expect(diff.tasks.removed).toEqual([]);
    expect(diff.tasks.changed.map((t: any) => t.changes)).toEqual(Array(4).fill([{ field: 'meeting', from: NOV12, to: renamed }]));
    expect(diff.states).toEqual([]);
  });
});

describe('meet diff --rev: records that cannot be read at a revision', () => {
  it('reports them and leaves them out of the comparison instead of failing', async () => {
    const dir = baseRepo();
    git(dir, 'checkout', '-q', '-b', 'feature');
    edit(dir, NOV25, 'date: 2020-11-25\n', 'date: 2020-11-31\n');
    writeTree(dir, { 'meetings/2020/2020-12-01-nhap.md': 'Chưa có front matter.\n' });
    commitAll(dir, 'Break two records');
    const diff = await diffJson(dir, 'main...feature');
    expect(diff.unreadable).toEqual([
      { at: 'to', revision: 'feature', file: NOV25, line: 3, column: 7, message: expect.stringContaining('không phải là ngày có thật') },
      { at: 'to', revision: 'feature', file: 'meetings/2020/2020-12-01-nhap.md', line: 1, column: 1, message: expect.stringContaining('phần thông tin đầu') },
    ]);
    // The broken November record counts as unchanged: no task vanishes, no state moves back.
    expect(diff.records).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.tasks).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.states).toEqual([]);
    expect(diff.updates).toEqual({ added: [], removed: [], changed: [] });

    const run = await meet(dir, ['diff', '--rev', 'main...feature', '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Không có thay đổi trong các biên bản.\n');
    expect(run.stdout).toContain(`- ${NOV25}:3:7: không đọc được tại feature: `);
    const text = await meet(dir, ['diff', '--rev', 'feature..main', '--format', 'text']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('meetings/2020/2020-12-01-nhap.md:1:1: không đọc được tại feature: ');
  });

  it('an unreadable config at one side: the other side says where the meetings are', async () => {
    const dir = baseRepo();
    git(dir, 'checkout', '-q', '-b', 'feature');
    edit(dir, 'meet.config.yaml', 'locale: vi\n', 'locale: vi\nlocal: en\n');
    writeTree(dir, { [DEC05]: DEC05_RECORD });
    commitAll(dir, 'A typo in the config');
    const diff = await diffJson(dir, 'main...feature');
    expect(diff.unreadable).toMatchObject([{ at: 'to', file: 'meet.config.yaml', line: 4 }]);
    expect(diff.records.added.map((r: any) => r.file)).toEqual([DEC05]);
  });
});

describe('meet diff --rev: usage errors, refused before git runs', () => {
  const dir = baseRepo();
  git(dir, 'branch', 'feature');

  it.each([
    [['diff', '2020-10', '2020-11', '--rev', 'main..feature'], 'không dùng cả hai'],
    [['diff', '--rev', 'main..feature', '2020-10'], 'không dùng cả hai'],
    [['diff'], 'cần hai tháng'],
    [['diff', '2020-10'], 'cần hai tháng'],
    [['diff', '--rev', 'main'], 'cần một khoảng như main..HEAD'],
  ])('%j → exit 2', async (args, message) => {
    const run = await meet(dir, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('refuses injected revisions, and runs nothing (no git at all)', async () => {
    const scratch = tempDir('meet-inject-');
    const marker = path.join(scratch, 'marker');
    const trace = path.join(scratch, 'git-trace');
    for (const args of [
      ['diff', '--rev', `--upload-pack=touch ${marker}..HEAD`],
      ['diff', `--rev=--upload-pack=touch ${marker}..HEAD`],
      ['diff', '--rev=HEAD..-x'],
      ['diff', `--rev=main..$(touch ${marker})`],
      ['diff', `--rev=main..feature;touch${marker}`],
      ['diff', '--rev=-c core.sshCommand=touch..HEAD'],
    ]) {
      const run = await meet(dir, args, { GIT_TRACE: trace });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/cần một (phiên bản git|khoảng)/);
      expect(run.stdout).toBe('');
    }
    expect(existsSync(marker)).toBe(false);
    // GIT_TRACE makes any git process write here: none ran.
    expect(existsSync(trace)).toBe(false);
  });

  it('an unknown revision → exit 2, naming it', async () => {
    const run = await meet(dir, ['diff', '--rev', 'main..nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"nope" không phải là commit của kho này.');
    expect(run.stderr).toContain('git branch -a');
  });

  it('not in a git repository → exit 2', async () => {
    const plain = copyExamples();
    const run = await meet(plain, ['diff', '--rev', 'main..HEAD'], { GIT_CEILING_DIRECTORIES: path.dirname(plain) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('meet diff --rev cần một kho git');
  });

  it('the month diff still works without git', async () => {
    const plain = copyExamples();
    const run = await meet(plain, ['diff', '2020-10', '2020-11', '--format', 'json'], { GIT_CEILING_DIRECTORIES: path.dirname(plain) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ from: '2020-10', to: '2020-11' });
  });
});

describe('meet diff --rev in a shallow clone', () => {
  const origin = divergedRepo();
  const clone = path.join(tempDir('meet-shallow-'), 'clone');
  git(path.dirname(clone), 'clone', '-q', '--depth', '1', '--no-single-branch', `file://${origin}`, clone);

  it('a range reaching beyond the history → exit 2 with a hint to fetch it', async () => {
    const run = await meet(clone, ['diff', '--rev', 'HEAD~1..HEAD']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"HEAD~1" không phải là commit của kho này.');
    expect(run.stderr).toContain('bản sao rút gọn');
    expect(run.stderr).toContain('fetch-depth: 0');
  });

  it('a merge base beyond the history → exit 2 with the same hint', async () => {
    const run = await meet(clone, ['diff', '--rev', 'origin/main...origin/feature']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Điểm chung của "origin/main" và "origin/feature" không có trong lịch sử của bản sao này.');
    expect(run.stderr).toContain('fetch-depth: 0');
  });

  it('two fetched commits compare without history', async () => {
    const diff = await diffJson(clone, 'origin/main..origin/feature');
    expect(diff.records.added.map((r: any) => r.file)).toEqual([DEC05]);
  });
});

describe('meet diff --rev with the records in a subfolder of the git repository', () => {
  const top = tempDir('meet-monorepo-');
  const records = path.join(top, 'bien-ban');
  renameSync(copyExamples(), records);
  rmSync(path.join(records, DEC28));
  // A folder named like the meetings folder, outside the records repository: never read.
  writeTree(top, { 'meetings/2020/2020-12-01-khac.md': '---\ntitle: Không thuộc kho biên bản\n---\n', 'README.md': 'monorepo\n' });
  git(top, 'init', '-q', '-b', 'main');
  commitAll(top, 'Monorepo');
  git(top, 'checkout', '-q', '-b', 'feature');
  writeTree(records, { [DEC05]: DEC05_RECORD });
  writeTree(top, { 'meetings/2020/2020-12-02-khac.md': 'not a record\n' });
  commitAll(top, 'Add a record');

  it('paths are relative to the records repository, and nothing outside it is read', async () => {
    const fromInside = await diffJson(records, 'main...feature');
    expect(fromInside.records).toEqual({ added: [{ ...DEC05_MEETING, kind: 'extraordinary' }], removed: [], changed: [] });
    expect(fromInside.unreadable).toEqual([]);
    expect(fromInside.states).toHaveLength(2);
  });

  it('works from the top with --root, and from a folder below the records root', async () => {
    expect((await diffJson(top, 'main...feature', ['--root', 'bien-ban'])).records.added.map((r: any) => r.file)).toEqual([DEC05]);
    const below = path.join(records, 'meetings');
    mkdirSync(below, { recursive: true });
    expect((await diffJson(below, 'main...feature')).records.added.map((r: any) => r.file)).toEqual([DEC05]);
  });
});
