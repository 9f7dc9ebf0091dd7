// meet log TASK_ID, end to end: a task assigned in a commit by one clerk and
// updated in a commit by another, then updated again without a commit.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, GIT_ENV, makeRepo, runMeet, tempDir, writeTree } from './helpers.js';
import { isoWithOffset, parseBlame } from '../src/io/gitBlame.js';

const OCTOBER = 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md';
const NOVEMBER = 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md';
const DECEMBER = 'meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md';

const OCTOBER_RECORD = `---
title: Hội nghị thường kỳ tháng 10
date: 2020-10-26
chair: Hoàng Văn Hiệp
tasks:
  - id: 2020-10-giao-thong-thuy-loi
    title: Tập trung làm tốt công tác giao thông, thủy lợi
    owner: van-phong
    due: 2020-11-30
  - id: 2020-10-other
    title: Việc khác
    owner: van-phong
---
`;

const NOVEMBER_RECORD = `---
title: Hội nghị thường kỳ tháng 11
date: 2020-11-25
chair: Hoàng Văn Hiệp
updates:
  - task: 2020-10-other
    status: done
  - task: 2020-10-giao-thong-thuy-loi
    status: in-progress
    note: Đã nạo vét 60% kênh mương
---
`;

const DECEMBER_RECORD = `---
title: Hội nghị thường kỳ tháng 12
date: 2020-12-28
chair: Hoàng Văn Hiệp
updates:
  - task: 2020-10-giao-thong-thuy-loi
    status: done
---
`;

/** Commits `files` as `author`, at `date` (ISO), in `dir`. */
function commitAs(dir: string, author: string, email: string, date: string, message: string, ...files: string[]): void {
  const env = { ...process.env, ...GIT_ENV, GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  for (const args of [
    ['add', '--', ...files],
    ['commit', '-q', '-m', message],
  ]) {
    const run = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
  }
}

/** October committed by A, November by B, December written but not committed. */
function history(): string {
  const dir = makeRepo({ [OCTOBER]: OCTOBER_RECORD });
  git(dir, 'init', '-q', '-b', 'main');
  commitAs(dir, 'Nguyễn Văn An', 'an@example.org', '2020-10-27T09:00:00+07:00', 'Biên bản tháng 10', 'meet.config.yaml', OCTOBER);
  writeTree(dir, { [NOVEMBER]: NOVEMBER_RECORD });
  commitAs(dir, 'Trần Thị Bình', 'binh@example.org', '2020-11-26T15:30:00+07:00', 'Biên bản tháng 11', NOVEMBER);
  writeTree(dir, { [DECEMBER]: DECEMBER_RECORD });
  return dir;
}

describe('meet log', () => {
  it('lists the assignment and each update, oldest first, with the commit and author behind each (json)', async () => {
    const dir = history();
    const run = await runMeet(['log', '2020-10-giao-thong-thuy-loi', '--format', 'json', '--today', '2020-12-31'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const shaOf = (rev: string) => git(dir, 'rev-parse', rev).trim();
    expect(JSON.parse(run.stdout)).toEqual({
      task: '2020-10-giao-thong-thuy-loi',
      title: 'Tập trung làm tốt công tác giao thông, thủy lợi',
      owners: ['van-phong'],
      due: '2020-11-30',
      status: 'done',
      asOf: '2020-12-31',
      history: [
        {
          kind: 'assigned',
          date: '2020-10-26',
          meeting: 'Hội nghị thường kỳ tháng 10',
          file: OCTOBER,
          line: 6,
          status: 'open',
          note: null,
          later: false,
          commit: { sha: shaOf('HEAD~1'), author: 'Nguyễn Văn An', email: 'an@example.org', date: '2020-10-27T09:00:00+07:00', summary: 'Biên bản tháng 10' },
        },
        {
          kind: 'update',
          date: '2020-11-25',
          meeting: 'Hội nghị thường kỳ tháng 11',
          file: NOVEMBER,
          line: 8,
          status: 'in-progress',
          note: 'Đã nạo vét 60% kênh mương',
          later: false,
          commit: { sha: shaOf('HEAD'), author: 'Trần Thị Bình', email: 'binh@example.org', date: '2020-11-26T15:30:00+07:00', summary: 'Biên bản tháng 11' },
        },
        {
          kind: 'update',
          date: '2020-12-28',
          meeting: 'Hội nghị thường kỳ tháng 12',
          file: DECEMBER,
          line: 6,
          status: 'done',
          note: null,
          later: false,
          commit: null,
        },
      ],
    });
  });

  it('prints text blocks in the repository language, newest last', async () => {
    const dir = history();
    const run = await runMeet(['log', '2020-10-giao-thong-thuy-loi'], { cwd: dir, now: new Date('2021-01-05T03:00:00Z') });
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(
      out.startsWith('Nhiệm vụ 2020-10-giao-thong-thuy-loi: Tập trung làm tốt công tác giao thông, thủy lợi\nTình trạng ngày 05/01/2021: hoàn thành\n'),
    ).toBe(true);
    const short = (rev: string) => git(dir, 'rev-parse', rev).trim().slice(0, 7);
    const a = out.indexOf(`Commit: ${short('HEAD~1')} Nguyễn Văn An, 27/10/2020`);
    const b = out.indexOf(`Commit: ${short('HEAD')} Trần Thị Bình, 26/11/2020`);
    const c = out.indexOf('Commit: chưa commit');
    expect(a).toBeGreaterThan(-1);
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    expect(out).toContain(`26/10/2020  giao: chưa thực hiện\n  Hội nghị: Hội nghị thường kỳ tháng 10 (${OCTOBER}:6)`);
    expect(out).toContain('  Ghi chú: Đã nạo vét 60% kênh mương\n');
  });

  it('reads the state on --today: an update of a meeting prepared ahead is listed, not yet counted', async () => {
    const dir = history();
    const run = await runMeet(['log', '2020-10-giao-thong-thuy-loi', '--today', '2020-12-01'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tình trạng ngày 01/12/2020: đang thực hiện\n');
    expect(run.stdout).toContain('28/12/2020  cập nhật: hoàn thành (họp sau ngày 01/12/2020, chưa tính)\n');
    // As `meet tasks` reads the same day.
    const tasks = JSON.parse((await runMeet(['tasks', '--today', '2020-12-01', '--format', 'json'], { cwd: dir })).stdout) as { id: string; status: string }[];
    expect(tasks.find((t) => t.id === '2020-10-giao-thong-thuy-loi')!.status).toBe('in-progress');
    const json = JSON.parse((await runMeet(['log', '2020-10-giao-thong-thuy-loi', '--today', '2020-12-01', '--format', 'json'], { cwd: dir })).stdout) as {
      status: string;
      history: { later: boolean }[];
    };
    expect(json.status).toBe('in-progress');
    expect(json.history.map((e) => e.later)).toEqual([false, false, true]);
  });

  it('read on a day before the meeting that assigns it, the task has no state yet', async () => {
    const dir = history();
    const run = await runMeet(['log', '2020-10-giao-thong-thuy-loi', '--today', '2020-10-01'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tình trạng ngày 01/10/2020: chưa được giao (cuộc họp giao nhiệm vụ họp sau ngày này)\n');
    expect(run.stdout).toContain('giao: chưa thực hiện (họp sau ngày 01/10/2020, chưa tính)');
    const json = JSON.parse((await runMeet(['log', '2020-10-giao-thong-thuy-loi', '--today', '2020-10-01', '--format', 'json'], { cwd: dir })).stdout) as {
      history: { later: boolean }[];
    };
    expect(json.history.every((e) => e.later)).toBe(true);
  });

  it('tasks update into a record dated after today says from when the new status counts', async () => {
    const dir = history();
    const run = await runMeet(['tasks', 'update', '2020-10-other', '--status', 'in-progress'], { cwd: dir, now: new Date('2020-12-01T03:00:00Z') });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${DECEMBER}\n`);
    expect(run.stderr).toContain(
      'Lưu ý: biên bản này ghi ngày 28/12/2020, sau hôm nay: tình trạng mới tính từ ngày họp đó; trước ngày đó, meet tasks và meet log vẫn tính nhiệm vụ theo tình trạng cũ.',
    );
    const later = await runMeet(['tasks', 'update', '2020-10-other', '--status', 'done'], { cwd: dir, now: new Date('2021-01-05T03:00:00Z') });
    expect(later.stderr).not.toContain('sau hôm nay');
  });

  it('prints a Markdown table', async () => {
    const dir = history();
    const run = await runMeet(['log', '2020-10-giao-thong-thuy-loi', '--format', 'md'], { cwd: dir });
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(5);
    // git's author and author date: who made the change and when, whoever committed it (a rebase, a squash).
    expect(rows[0]).toContain('| Người thay đổi | Ngày thay đổi |');
    expect(rows[2]).toContain('| Nguyễn Văn An | 27/10/2020 |');
    expect(rows[3]).toContain('| Trần Thị Bình | 26/11/2020 |');
    expect(rows[4]).toContain('| chưa commit |');
  });

  it('an unknown id: exit 1 with the nearest id suggested', async () => {
    const dir = history();
    const run = await runMeet(['log', '2020-10-giao-thong-thuy-lo'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Không biên bản nào giao nhiệm vụ "2020-10-giao-thong-thuy-lo". Có phải ý bạn là "2020-10-giao-thong-thuy-loi"?');
    expect(run.stdout).toBe('');
  });

  it('outside a git repository: exit 2', async () => {
    const dir = makeRepo({ [OCTOBER]: OCTOBER_RECORD });
    const run = await runMeet(['log', '2020-10-giao-thong-thuy-loi'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('meet log cần một kho git');
    // meet log has no way round git: the hint says to make one, not to drop an option.
    expect(run.stderr).toContain('meet log đọc lịch sử của biên bản từ git: hãy chạy "git init" tại đó và commit các biên bản.');
    expect(run.stderr).not.toContain('không dùng tùy chọn git');
  });

  it('in a repository with no commit yet, every entry is "not committed yet"', async () => {
    const dir = makeRepo({ [OCTOBER]: OCTOBER_RECORD, [NOVEMBER]: NOVEMBER_RECORD });
    git(dir, 'init', '-q', '-b', 'main');
    const run = await runMeet(['log', '2020-10-other', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).history.map((e: { commit: unknown }) => e.commit)).toEqual([null, null]);
  });

  it('in a shallow clone, says that older commits are missing', async () => {
    const origin = history();
    commitAs(origin, 'Lê Văn Cường', 'cuong@example.org', '2020-12-29T08:00:00+07:00', 'Biên bản tháng 12', DECEMBER);
    const clone = path.join(tempDir(), 'clone');
    git(path.dirname(clone), 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
    const run = await runMeet(['log', '2020-10-giao-thong-thuy-loi', '--format', 'json'], { cwd: clone });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('shallow clone');
    const authors = JSON.parse(run.stdout).history.map((e: { commit: { author: string } }) => e.commit.author);
    // Only the last commit was fetched: it stands in for the older ones.
    expect(authors).toEqual(['Lê Văn Cường', 'Lê Văn Cường', 'Lê Văn Cường']);
  });
});

describe('git blame parsing', () => {
  it('reads the porcelain header of one line', () => {
    const sha = 'a'.repeat(40);
    const output = `${sha} 3 3 1\nauthor Nguyễn Văn An\nauthor-mail <an@example.org>\nauthor-time 1603764000\nauthor-tz +0700\nsummary Biên bản\nfilename x.md\n\t  - id: t\n`;
    expect(parseBlame(output)).toEqual({ sha, author: 'Nguyễn Văn An', email: 'an@example.org', date: '2020-10-27T09:00:00+07:00', summary: 'Biên bản' });
    expect(parseBlame(`${'0'.repeat(40)} 1 1 1\nauthor Not Committed Yet\n`)).toBeNull();
  });

  it('keeps the author time zone, west of UTC too', () => {
    expect(isoWithOffset(1603764000, '-0230')).toBe('2020-10-26T23:30:00-02:30');
  });
});
