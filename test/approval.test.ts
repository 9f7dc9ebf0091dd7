// Approved minutes (docs/format.md): `meet approve` writes `approval` in
// place; `meet check --since` refuses, on a real git branch, each change the
// format forbids in a record approved at the merge base, and accepts one
// made with an amendment; `tasks update` never writes into approved minutes.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/model/messages/index.js';
import type { RuleId } from '../src/model/ruleCatalogue.js';
import { copied, copyExamples, git, read, runMeet } from './helpers.js';

// The examples are a Vietnamese repository (locale: vi): the messages asserted below are what its clerk reads.
const OCTOBER = 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md';
const NOVEMBER = 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md';
const DECEMBER = 'meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  rule: RuleId;
  message: string;
}

/** The examples (October approved, with its notice) committed on main, then a branch "sua" checked out. */
const repoOnBranch = copied(() => {
  const dir = copyExamples();
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Biên bản');
  git(dir, 'checkout', '-q', '-b', 'sua');
  return dir;
});

/** Edits the October record with `change` and commits it on the branch. */
function change(dir: string, edit: (text: string) => string): string {
  const file = path.join(dir, OCTOBER);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  git(dir, 'commit', '-q', '-am', 'Sửa biên bản');
  return after;
}

/** 1-based line of the first line of `text` that starts with `start`. */
function lineOf(text: string, start: string, from = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((l, i) => i >= from && l.startsWith(start));
  expect(index, `no line starts with ${start}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

async function since(dir: string): Promise<{ code: number; findings: JsonFinding[] }> {
  const run = await runMeet(['check', '--since', 'main', '--format', 'json'], { cwd: dir });
  return { code: run.code, findings: JSON.parse(run.stdout) as JsonFinding[] };
}

const ours = (findings: JsonFinding[]) => findings.filter((f) => f.rule.startsWith('approved-')).map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);

const AMENDMENT = ['amendments:', '  - date: 2020-11-02', '    by: Lê Thị Hương', '    reason: Ghi đúng tên cơ quan chủ trì'].join('\n');

describe('meet check --since: changes to approved minutes', () => {
  it('a change to the body without an amendment: an error on the changed line', async () => {
    const dir = repoOnBranch();
    const after = change(dir, (t) => t.replace('Đẩy mạnh công tác thanh tra, giải quyết đơn thư.', 'Đẩy mạnh công tác thanh tra.'));
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(ours(findings)).toEqual([`${OCTOBER}:${lineOf(after, 'tuyển quân năm 2021. Đẩy mạnh')}:1 approved-changed`]);
    expect(findings[0]!.message).toContain('Biên bản đã được thông qua ngày 27/10/2020 nhưng dòng này đã bị thay đổi');
  });

  it('a change to the front matter without an amendment, and one with an amendment dated before the approval', async () => {
    const dir = repoOnBranch();
    let after = change(dir, (t) => t.replace('time: 14:00', 'time: 14:30'));
    expect(ours((await since(dir)).findings)).toEqual([`${OCTOBER}:${lineOf(after, 'time:')}:1 approved-changed`]);
    after = change(dir, (t) => t.replace('\napproval:', `\n${AMENDMENT.replace('2020-11-02', '2020-10-20')}\napproval:`));
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      `${OCTOBER}:${lineOf(after, '  - date: 2020-10-20')}:11 approval-before-date`,
    ]);
  });

  it('the date changed: an error on the date, amendment or not', async () => {
    const dir = repoOnBranch();
    const after = change(dir, (t) => t.replace('date: 2020-10-26', 'date: 2020-10-27').replace('\napproval:', `\n${AMENDMENT}\napproval:`));
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(ours(findings)).toEqual([`${OCTOBER}:${lineOf(after, 'date: 2020-10-27')}:7 approved-date-changed`]);
  });

  it('a task id changed: an error on that id', async () => {
    const dir = repoOnBranch();
    const after = change(dir, (t) => t.replace('id: 2020-10-van-de-cu-tri', 'id: 2020-10-cu-tri').replace('\napproval:', `\n${AMENDMENT}\napproval:`));
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(ours(findings)).toEqual([`${OCTOBER}:${lineOf(after, '  - id: 2020-10-cu-tri')}:9 approved-task-id-changed`]);
  });

  it('a task removed: an error on "tasks"', async () => {
    const dir = repoOnBranch();
    const after = change(dir, (t) => t.replace(/ {2}- id: 2020-10-tich-tu-ruong-dat\n(?: {4}.*\n)+/, '').replace('\napproval:', `\n${AMENDMENT}\napproval:`));
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(ours(findings)).toEqual([`${OCTOBER}:${lineOf(after, 'tasks:')}:1 approved-item-removed`]);
    expect(findings.find((f) => f.rule === 'approved-item-removed')!.message).toContain('"2020-10-tich-tu-ruong-dat"');
  });

  it('a decision removed: an error on "decisions"', async () => {
    const dir = repoOnBranch();
    const after = change(dir, (t) =>
      t.replace('  - Thông qua các chủ trương đầu tư, các dự án đầu tư công trên địa bàn huyện\n', '').replace('\napproval:', `\n${AMENDMENT}\napproval:`),
    );
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(ours(findings)).toEqual([`${OCTOBER}:${lineOf(after, 'decisions:')}:1 approved-item-removed`]);
    expect(findings[0]!.message).toContain('không được xóa quyết định "Thông qua các chủ trương');
  });

  it('two decisions removed with their key: one error naming both, in the plural, on the approval', async () => {
    const dir = repoOnBranch();
    const after = change(dir, (t) => t.replace(/\ndecisions:\n(?: {2}- .*\n)+/, '\n').replace('\napproval:', `\n${AMENDMENT}\napproval:`));
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    // The list is gone whole: the finding is on the approval it breaks, not on line 2.
    expect(ours(findings)).toEqual([`${OCTOBER}:${lineOf(after, 'approval:')}:1 approved-item-removed`]);
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('không được xóa các quyết định "Thông qua dự thảo')]);
    expect(messages('en').rules.approvedItemRemoved('2020-10-27', 'decision', '"A", "B"', 2)).toContain('the decisions "A", "B" may not be removed');
    expect(messages('en').rules.approvedItemRemoved('2020-10-27', 'update', '"A"', 1)).toContain('the update of "A" may not be removed');
  });

  it("a decision's wording corrected, with an amendment, is no removal", async () => {
    const dir = repoOnBranch();
    change(dir, (t) =>
      t
        .replace(
          '  - Thông qua các chủ trương đầu tư, các dự án đầu tư công trên địa bàn huyện\n',
          '  - Thông qua các chủ trương đầu tư, các dự án đầu tư công năm 2021 trên địa bàn huyện\n',
        )
        .replace('\napproval:', `\n${AMENDMENT}\napproval:`),
    );
    expect(await since(dir)).toEqual({ code: 0, findings: [] });
  });

  it('an update removed: an error on "updates"', async () => {
    const dir = repoOnBranch();
    const after = change(dir, (t) =>
      t.replace('  - task: 2020-09-luan-chuyen-giao-vien\n    status: done\n', '').replace('\napproval:', `\n${AMENDMENT}\napproval:`),
    );
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(ours(findings)).toEqual([`${OCTOBER}:${lineOf(after, 'updates:')}:1 approved-item-removed`]);
  });

  it('a correction with a new amendment dated on or after the approval passes', async () => {
    const dir = repoOnBranch();
    change(dir, (t) =>
      t
        .replace('Đẩy mạnh công tác thanh tra, giải quyết đơn thư.', 'Đẩy mạnh công tác thanh tra, giải quyết đơn thư, khiếu nại.')
        .replace('owner: [van-phong, thanh-tra]', 'owner: [thanh-tra, van-phong]')
        .replace('\napproval:', `\n${AMENDMENT}\napproval:`),
    );
    const { code, findings } = await since(dir);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('a new amendment dated before the approval is refused even beside one dated after it', async () => {
    const dir = repoOnBranch();
    const early = AMENDMENT.replace('2020-11-02', '2020-10-20');
    const after = change(dir, (t) =>
      t.replace('time: 14:00', 'time: 14:30').replace('\napproval:', `\n${early}\n${AMENDMENT.split('\n').slice(1).join('\n')}\napproval:`),
    );
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    // Said once, by the rule every check runs: an amendment is dated on or after the approval.
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      `${OCTOBER}:${lineOf(after, '  - date: 2020-10-20')}:11 approval-before-date`,
    ]);
    expect(findings[0]!.message).toBe(
      'Lần đính chính đề ngày 20/10/2020, trước ngày họp (26/10/2020); đính chính là sửa biên bản đã thông qua, từ ngày thông qua trở về sau',
    );
    expect((await runMeet(['check', '--format', 'json'], { cwd: dir })).code).toBe(1);
  });

  it('approved minutes replaced by a link to /dev/zero: --since reports the link, never reads through it', async () => {
    const dir = repoOnBranch();
    rmSync(path.join(dir, OCTOBER));
    symlinkSync('/dev/zero', path.join(dir, OCTOBER));
    git(dir, 'commit', '-q', '-am', 'Thay biên bản bằng liên kết');
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(findings.map((f) => `${f.file} ${f.rule}`)).toContain(`${OCTOBER} file-outside-root`);
  });

  it('approved minutes are never taken back to a draft, amendment or not', async () => {
    const dir = repoOnBranch();
    const after = change(dir, (t) => t.replace(/\n {2}status: approved/, '\n  status: draft').replace('\napproval:', `\n${AMENDMENT}\napproval:`));
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(ours(findings)).toEqual([`${OCTOBER}:${lineOf(after, '  status: draft')}:11 approved-changed`]);
    expect(findings[0]!.message).toContain('không được trả về bản dự thảo');
  });

  it('a checkout with CRLF line endings (core.autocrlf, Git for Windows) is compared line by line, as git stores it', async () => {
    const dir = repoOnBranch();
    const file = path.join(dir, OCTOBER);
    git(dir, 'config', 'core.autocrlf', 'true');
    rmSync(file);
    git(dir, 'checkout', '--', OCTOBER);
    // git wrote the file with CRLF, and sees no change: its own copy has LF.
    expect(readFileSync(file, 'utf8')).toContain('\r\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(await since(dir)).toEqual({ code: 0, findings: [] });
    // A real change to the body is named on its own line, not on line 1.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Đẩy mạnh công tác thanh tra, giải quyết đơn thư.', 'Đẩy mạnh công tác thanh tra.'));
    const { findings } = await since(dir);
    expect(ours(findings)).toEqual([`${OCTOBER}:${lineOf(text.replace(/\r\n/g, '\n'), 'tuyển quân năm 2021. Đẩy mạnh')}:1 approved-changed`]);
  });

  it('spaces at the end of a line and the newline at the end of the file are no change the clerk can see', async () => {
    const dir = repoOnBranch();
    change(dir, (t) => `${t.replace('giải quyết đơn thư.', 'giải quyết đơn thư.   ').replace(/\n+$/, '')}`);
    expect(await since(dir)).toEqual({ code: 0, findings: [] });
    change(dir, (t) => `${t}\n\n`);
    expect(await since(dir)).toEqual({ code: 0, findings: [] });
    // A real change below a line whose spaces alone changed is pointed at, not that line.
    const after = change(dir, (t) => t.replace('người nông dân không có thu nhập', 'người nông dân chưa có thu nhập').replace(/^(title: .*)$/m, '$1  '));
    const { findings } = await since(dir);
    expect(ours(findings)).toEqual([`${OCTOBER}:${lineOf(after, 'bị bỏ hoang nhiều, người nông dân chưa')}:1 approved-changed`]);
  });

  it('recording the notice of approved minutes is not a change to them', async () => {
    const dir = copyExamples();
    const approve = await runMeet(['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26'], { cwd: dir });
    expect(approve.code).toBe(0);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Biên bản');
    const notice = await runMeet(
      ['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26', '--notice-number', '140/TB-UBND', '--notice-date', '2020-11-27'],
      {
        cwd: dir,
      },
    );
    expect(notice.code).toBe(0);
    expect((await since(dir)).findings).toEqual([]);
  });

  it('minutes marked approved by hand, without who or when: approve records them and the notice, which is no change either', async () => {
    const dir = copyExamples();
    const file = path.join(dir, NOVEMBER);
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n---\n', '\napproval: { status: approved }\n---\n'));
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Biên bản');
    const run = await runMeet(
      ['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26', '--notice-number', '140/TB-UBND', '--notice-date', '2020-11-27'],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(read(dir, NOVEMBER)).toContain('  approved_by: Hoàng Văn Hiệp\n  approved_on: 2020-11-26\n  notice:\n    number: 140/TB-UBND\n');
    expect((await since(dir)).findings).toEqual([]);
  });

  it('approved minutes deleted: an error on the file, with the command that restores it; a draft deleted is none', async () => {
    const dir = repoOnBranch();
    git(dir, 'rm', '-q', OCTOBER);
    git(dir, 'commit', '-q', '-m', 'Xóa biên bản');
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(ours(findings)).toEqual([`${OCTOBER}:1:1 approved-deleted`]);
    expect(findings.find((f) => f.rule === 'approved-deleted')!.message).toBe(
      `Biên bản đã được thông qua ngày 27/10/2020 nhưng tệp đã bị xóa kể từ main: biên bản đã thông qua không được xóa; hãy khôi phục bằng lệnh git checkout main -- ${OCTOBER}`,
    );
    // As the clerk reads it on a terminal, without the file to show a line of.
    const pretty = await runMeet(['check', '--since', 'main'], { cwd: dir });
    expect(pretty.code).toBe(1);
    expect(pretty.stdout + pretty.stderr).toContain(`git checkout main -- ${OCTOBER}`);
    expect(pretty.stderr).not.toMatch(/internal error|lỗi nội bộ/i);

    // Minutes still a draft may be taken out; so may approved ones moved under another name (git mv).
    const draft = repoOnBranch();
    git(draft, 'rm', '-q', NOVEMBER);
    git(draft, 'commit', '-q', '-m', 'Xóa dự thảo');
    expect(ours((await since(draft)).findings)).toEqual([]);
    const moved = repoOnBranch();
    git(moved, 'mv', OCTOBER, OCTOBER.replace(/\.md$/, '-thang-10.md'));
    git(moved, 'commit', '-q', '-m', 'Đổi tên');
    expect(ours((await since(moved)).findings)).toEqual([]);
    // Deleted and written again under another name, changed too much for git to call it a rename: deleted all the same.
    const rewritten = repoOnBranch();
    const text = readFileSync(path.join(rewritten, OCTOBER), 'utf8');
    const body = text.slice(text.indexOf('\n---\n', 4));
    git(rewritten, 'rm', '-q', OCTOBER);
    const again = OCTOBER.replace(/\.md$/, '-ban-moi.md');
    writeFileSync(path.join(rewritten, again), `---\ntitle: Hội nghị khác\ndate: 2020-10-26\nchair: Người khác${body.replace(/[a-zà-ỹ]/g, 'x')}`);
    git(rewritten, 'add', '-A');
    git(rewritten, 'commit', '-q', '-m', 'Viết lại');
    expect(ours((await since(rewritten)).findings)).toEqual([`${OCTOBER}:1:1 approved-deleted`]);
  });

  it('approved minutes moved out of the records, or the records folder moved away from them: deleted or changed all the same', async () => {
    // Moved to a folder meet does not read (git sees a rename): the minutes leave every report, so they are deleted.
    const outside = repoOnBranch();
    mkdirSync(path.join(outside, 'notes'));
    git(outside, 'mv', OCTOBER, 'notes/bien-ban.md');
    git(outside, 'commit', '-q', '-m', 'Chuyển đi');
    expect(ours((await since(outside)).findings)).toEqual([`${OCTOBER}:1:1 approved-deleted`]);
    // Renamed, in the records folder, to a name meet does not read as a record.
    for (const name of [`${OCTOBER}.txt`, 'meetings/2020/README.md', 'meetings/2020/.an.md', 'meetings/.cu/2020-10-26.md']) {
      const renamed = repoOnBranch();
      mkdirSync(path.join(renamed, path.dirname(name)), { recursive: true });
      git(renamed, 'mv', OCTOBER, name);
      git(renamed, 'commit', '-q', '-m', 'Đổi tên');
      expect(ours((await since(renamed)).findings), name).toEqual([`${OCTOBER}:1:1 approved-deleted`]);
    }

    // The config points the records elsewhere: the approved minutes left in the base's folder are checked there.
    const moved = repoOnBranch();
    mkdirSync(path.join(moved, 'docs'));
    writeFileSync(path.join(moved, 'docs', 'README.md'), 'Tài liệu\n');
    const config = path.join(moved, 'meet.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('meetings: meetings', 'meetings: docs'));
    const text = readFileSync(path.join(moved, OCTOBER), 'utf8');
    const decision = /^decisions:\n {2}- (.*)$/m.exec(text)![1]!;
    writeFileSync(path.join(moved, OCTOBER), text.replace(`\n  - ${decision}`, ''));
    git(moved, 'commit', '-q', '-am', 'Đổi thư mục');
    const { code, findings } = await since(moved);
    expect(code).toBe(1);
    // As the same edit made in place is told.
    const after = readFileSync(path.join(moved, OCTOBER), 'utf8');
    const told = [`${OCTOBER}:${lineOf(after, 'decisions:')}:1 approved-item-removed`, `${OCTOBER}:${lineOf(after, 'decisions:') + 1}:1 approved-changed`];
    expect(ours(findings)).toEqual(told);

    // The folder narrowed by an earlier change (merged), the minutes left out of it rewritten by the next: still theirs.
    const narrowed = repoOnBranch();
    const narrow = path.join(narrowed, 'meet.config.yaml');
    writeFileSync(narrow, readFileSync(narrow, 'utf8').replace('meetings: meetings', 'meetings: meetings/2021'));
    mkdirSync(path.join(narrowed, 'meetings', '2021'));
    writeFileSync(path.join(narrowed, 'meetings', '2021', 'README.md'), 'Biên bản năm 2021\n');
    git(narrowed, 'add', '-A');
    git(narrowed, 'commit', '-q', '-m', 'Chỉ đọc năm 2021');
    git(narrowed, 'checkout', '-q', 'main');
    git(narrowed, 'merge', '-q', '--ff-only', 'sua');
    git(narrowed, 'checkout', '-q', '-b', 'sua-tiep');
    writeFileSync(path.join(narrowed, OCTOBER), text.replace(`\n  - ${decision}`, ''));
    git(narrowed, 'commit', '-q', '-am', 'Sửa biên bản đã thông qua');
    expect(ours((await since(narrowed)).findings)).toEqual(told);

    // Records anywhere under the root (`meetings: .`): a rename among them is a rename, not a deletion.
    const anywhere = repoOnBranch();
    const config2 = path.join(anywhere, 'meet.config.yaml');
    writeFileSync(config2, readFileSync(config2, 'utf8').replace('meetings: meetings', 'meetings: .'));
    git(anywhere, 'commit', '-q', '-am', 'Biên bản ở mọi thư mục');
    git(anywhere, 'checkout', '-q', 'main');
    git(anywhere, 'merge', '-q', '--ff-only', 'sua');
    git(anywhere, 'checkout', '-q', '-b', 'doi-ten');
    git(anywhere, 'mv', OCTOBER, OCTOBER.replace(/\.md$/, '-thang-10.md'));
    git(anywhere, 'commit', '-q', '-m', 'Đổi tên');
    expect(ours((await since(anywhere)).findings)).toEqual([]);
  });

  it('approved minutes renamed are checked against what they were: a decision removed, the date changed', async () => {
    const dir = repoOnBranch();
    const renamed = OCTOBER.replace(/\.md$/, '-thang-10.md');
    git(dir, 'mv', OCTOBER, renamed);
    const text = readFileSync(path.join(dir, renamed), 'utf8');
    const decision = /^decisions:\n {2}- (.*)$/m.exec(text)![1]!;
    const after = text.replace(`\n  - ${decision}`, '').replace('\napproval:', `\n${AMENDMENT}\napproval:`);
    writeFileSync(path.join(dir, renamed), after);
    git(dir, 'commit', '-q', '-am', 'Đổi tên và sửa biên bản');
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(ours(findings)).toEqual([`${renamed}:${lineOf(after, 'decisions:')}:1 approved-item-removed`]);

    // The date moved with the file name: the file name agrees, the approved date does not.
    const dir2 = repoOnBranch();
    const [date] = /\d{4}-\d{2}-\d{2}/.exec(OCTOBER)!;
    const later = OCTOBER.replace(
      date,
      date.replace(/-(\d\d)$/, (_m, d: string) => `-${String(Number(d) + 1).padStart(2, '0')}`),
    );
    git(dir2, 'mv', OCTOBER, later);
    const moved = readFileSync(path.join(dir2, later), 'utf8');
    const nextDay = /\d{4}-\d{2}-\d{2}/.exec(later)![0];
    writeFileSync(path.join(dir2, later), moved.replace(`\ndate: ${date}\n`, `\ndate: ${nextDay}\n`).replace('\napproval:', `\n${AMENDMENT}\napproval:`));
    git(dir2, 'commit', '-q', '-am', 'Đổi ngày họp');
    const moved2 = await since(dir2);
    expect(moved2.code).toBe(1);
    expect(ours(moved2.findings)).toEqual([`${later}:${lineOf(readFileSync(path.join(dir2, later), 'utf8'), 'date:')}:7 approved-date-changed`]);
  });

  it('renumbering a notice already recorded is a change: it needs an amendment', async () => {
    const dir = repoOnBranch();
    const after = change(dir, (t) => t.replace('number: 125/TB-UBND', 'number: 126/TB-UBND'));
    const { code, findings } = await since(dir);
    expect(code).toBe(1);
    expect(ours(findings)).toEqual([`${OCTOBER}:${lineOf(after, '    number: 126/TB-UBND')}:1 approved-changed`]);
    const dir2 = repoOnBranch();
    change(dir2, (t) => t.replace('number: 125/TB-UBND', 'number: 126/TB-UBND').replace('\napproval:', `\n${AMENDMENT}\napproval:`));
    expect((await since(dir2)).findings).toEqual([]);
  });

  it('an amendment already recorded may not be edited or removed in place of adding one', async () => {
    const dir = repoOnBranch();
    // On main: a first correction, amended.
    change(dir, (t) => t.replace('giải quyết đơn thư.', 'giải quyết đơn thư, khiếu nại.').replace('\napproval:', `\n${AMENDMENT}\napproval:`));
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'merge', '-q', 'sua');
    git(dir, 'checkout', '-q', '-b', 'sua-lan-2');
    // A second correction that rewrites the first amendment's reason instead of adding one.
    const after = change(dir, (t) =>
      t.replace('khiếu nại.', 'khiếu nại, tố cáo.').replace('reason: Ghi đúng tên cơ quan chủ trì', 'reason: Ghi đúng tên cơ quan chủ trì và nội dung'),
    );
    const edited = await since(dir);
    expect(edited.code).toBe(1);
    expect(ours(edited.findings)).toEqual([`${OCTOBER}:${lineOf(after, 'amendments:')}:1 approved-changed`]);
    expect(edited.findings[0]!.message).toContain('không được sửa hoặc xóa lần đính chính đã ghi');
    // Kept as it was, with a second entry: accepted.
    writeFileSync(
      path.join(dir, OCTOBER),
      after
        .replace('reason: Ghi đúng tên cơ quan chủ trì và nội dung', 'reason: Ghi đúng tên cơ quan chủ trì')
        .replace('\napproval:', '\n  - date: 2020-11-05\n    by: Lê Thị Hương\n    reason: Bổ sung nội dung tố cáo\napproval:'),
    );
    expect((await since(dir)).findings).toEqual([]);
  });
});

describe('meet approve', () => {
  it('writes approval in place, keeping every other line, and the notice becomes numbered', async () => {
    const dir = copyExamples();
    const before = read(dir, NOVEMBER);
    const run = await runMeet(
      ['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '26/11/2020', '--notice-number', '140/TB-UBND', '--notice-date', '2020-11-27'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${NOVEMBER}\n`);
    expect(run.stderr).toBe(
      `Đã ghi thông qua ${NOVEMBER} (người thông qua: Hoàng Văn Hiệp, ngày 26/11/2020; Thông báo kết luận số 140/TB-UBND ngày 27/11/2020)\n`,
    );
    const after = read(dir, NOVEMBER);
    const [head, body] = before.split('\n---\n');
    expect(after).toBe(
      `${head}\n${[
        'approval:',
        '  status: approved',
        '  approved_by: Hoàng Văn Hiệp',
        '  approved_on: 2020-11-26',
        '  notice:',
        '    number: 140/TB-UBND',
        '    date: 2020-11-27',
        '    signer:',
        '      name: Lê Văn Nam',
        '      title: CHÁNH VĂN PHÒNG',
        '      on_behalf: TL. CHỦ TỊCH',
        '    recipients:',
        '      - Thường trực Huyện ủy',
        '      - Thường trực HĐND huyện',
        '      - Chủ tịch, các Phó Chủ tịch UBND huyện',
        '      - Các phòng, ban, ngành thuộc UBND huyện',
        '      - "Lưu: VT"',
      ].join('\n')}\n---\n${body}`,
    );
    expect((await runMeet(['check'], { cwd: dir })).code).toBe(0);
    const md = await runMeet(['notice', NOVEMBER, '--format', 'md'], { cwd: dir });
    expect(md.stdout).toContain('| Số: 140/TB-UBND | *Mẫu Sơn, ngày 27 tháng 11 năm 2020* |');
    // Again with the same values: nothing to do.
    const again = await runMeet(['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('không có gì thay đổi');
    expect(read(dir, NOVEMBER)).toBe(after);
  });

  it('replaces an approval block already there (adding the notice), with the signer given on the command line', async () => {
    const dir = copyExamples();
    const approved = ['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26'];
    expect((await runMeet(approved, { cwd: dir })).code).toBe(0);
    const signer = ['--signer', 'Nguyễn Văn Thành', '--signer-title', 'PHÓ CHỦ TỊCH', '--on-behalf', 'KT. CHỦ TỊCH'];
    const run = await runMeet([...approved, '--notice-number', '140/TB-UBND', '--notice-date', '2020-11-27', ...signer], { cwd: dir });
    expect(run.code).toBe(0);
    const text = read(dir, NOVEMBER);
    expect(text.match(/^approval:/gm)).toHaveLength(1);
    expect(text).toContain(
      '    number: 140/TB-UBND\n    date: 2020-11-27\n    signer:\n      name: Nguyễn Văn Thành\n      title: PHÓ CHỦ TỊCH\n      on_behalf: KT. CHỦ TỊCH\n',
    );
    expect(text.split('\n---\n')[1]).toBe(readFileSync(path.join(copyExamples(), NOVEMBER), 'utf8').split('\n---\n')[1]);
  });

  it("keeps the clerk's comments of an approval block it replaces", async () => {
    const dir = copyExamples();
    const file = path.join(dir, NOVEMBER);
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text.replace('\n---\n', "\napproval:\n  # Chủ tịch đã xem, chờ ký ngày 27/11: đừng xóa dòng này\n  status: draft   # chờ 'Chủ tịch' ký\n---\n"),
    );
    const run = await runMeet(['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-27'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const after = read(dir, NOVEMBER);
    expect(after).toContain(
      "approval:\n  # Chủ tịch đã xem, chờ ký ngày 27/11: đừng xóa dòng này\n  # chờ 'Chủ tịch' ký\n  status: approved\n  approved_by: Hoàng Văn Hiệp\n  approved_on: 2020-11-27\n",
    );
    expect((await runMeet(['check'], { cwd: dir })).code).toBe(0);
  });

  it('refuses a bare notice number before writing it; says, as it writes it, that another lacks its /TB- ký hiệu', async () => {
    const dir = copyExamples();
    const before = read(dir, NOVEMBER);
    const approve = (number: string) =>
      runMeet(['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '26/11/2020', '--notice-number', number, '--notice-date', '2020-11-27'], { cwd: dir });
    const bare = await approve('7');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain(
      'Số thông báo kết luận là "7", chưa có dạng số/TB-ký hiệu của Nghị định 30/2020/NĐ-CP (thông báo sẽ in "Số: 7"). Hãy ghi đủ, ví dụ "7/TB-UBND"\n',
    );
    expect(bare.stderr).toContain('Chưa có gì được ghi');
    expect(read(dir, NOVEMBER)).toBe(before);
    // One recorded before this check existed, given again the same: nothing changes, as before.
    const earlier = read(dir, NOVEMBER).replace(
      '\n---\n',
      '\napproval:\n  status: approved\n  approved_by: Hoàng Văn Hiệp\n  approved_on: 2020-11-26\n  notice:\n    number: "7"\n    date: 2020-11-27\n    signer:\n      name: Lê Văn Nam\n      title: Chánh Văn phòng\n---\n',
    );
    writeFileSync(path.join(dir, NOVEMBER), earlier);
    const again = await approve('7');
    expect(again.code, again.stderr).toBe(0);
    expect(read(dir, NOVEMBER)).toBe(earlier);
    writeFileSync(path.join(dir, NOVEMBER), before);
    // A number with another document's ký hiệu may be the clerk's own system: written, and said.
    const run = await approve('12/QĐ-UBND');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Số thông báo kết luận là "12/QĐ-UBND", chưa có dạng số/TB-ký hiệu');
    expect(read(dir, NOVEMBER)).toContain('number: 12/QĐ-UBND');
  });

  it('refuses an approval or a notice dated after today: approved minutes cannot be taken back', async () => {
    const dir = copyExamples();
    const before = read(dir, NOVEMBER);
    const later = await runMeet(['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2030-01-01'], { cwd: dir, now: new Date('2020-12-01T03:00:00Z') });
    expect(later.code, later.stderr).toBe(2);
    expect(later.stderr).toContain('--on 01/01/2030 ở sau hôm nay');
    const notice = await runMeet(
      ['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26', '--notice-number', '130/TB-UBND', '--notice-date', '2030-11-27'],
      { cwd: dir, now: new Date('2020-12-01T03:00:00Z') },
    );
    expect(notice.code).toBe(2);
    expect(notice.stderr).toContain('--notice-date 27/11/2030 ở sau hôm nay');
    expect(read(dir, NOVEMBER)).toBe(before);
  });

  it('never renumbers a notice already recorded: exit 1, the record unchanged; the same notice again changes nothing', async () => {
    const dir = copyExamples();
    const args = ['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26'];
    expect((await runMeet([...args, '--notice-number', '130/TB-UBND', '--notice-date', '2020-11-27'], { cwd: dir })).code).toBe(0);
    const recorded = read(dir, NOVEMBER);
    const again = await runMeet([...args, '--notice-number', '131/TB-UBND', '--notice-date', '2020-11-28'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'đã ghi thông báo kết luận số 130/TB-UBND ngày 27/11/2020, người ký TL. CHỦ TỊCH, Lê Văn Nam (CHÁNH VĂN PHÒNG); không thay đổi gì.',
    );
    expect(read(dir, NOVEMBER)).toBe(recorded);
    expect((await runMeet([...args, '--notice-number', '130/TB-UBND', '--notice-date', '2020-11-27'], { cwd: dir })).code).toBe(0);
    expect(read(dir, NOVEMBER)).toBe(recorded);
  });

  it('approves a record whose only findings are warnings, as check passes it', async () => {
    const dir = copyExamples();
    writeFileSync(path.join(dir, NOVEMBER), read(dir, NOVEMBER).replace('thu-ngan-sach: 16.9', 'thu-ngan-sach: 16.900'));
    const check = await runMeet(['check'], { cwd: dir });
    expect([check.code, check.stdout + check.stderr]).toEqual([0, expect.stringContaining('figure-thousands-dot')]);
    const run = await runMeet(['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, expect.stringContaining('Đã ghi thông qua')]);
  });

  it('two different approvals at once: one is written, the other refused (checked again under the lock)', async () => {
    const dir = copyExamples();
    const approve = (by: string, number: string) =>
      runMeet(['approve', NOVEMBER, '--by', by, '--on', '2020-11-26', '--notice-number', number, '--notice-date', '2020-11-27'], { cwd: dir });
    // Both read the repository before either writes; the record's lock orders the writes.
    const runs = await Promise.all([approve('Hoàng Văn Hiệp', '130/TB-UBND'), approve('Nguyễn Văn Thành', '131/TB-UBND')]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    const winner = runs.findIndex((r) => r.code === 0);
    expect(read(dir, NOVEMBER)).toContain(`    number: ${['130/TB-UBND', '131/TB-UBND'][winner]}\n`);
    expect(runs[1 - winner]!.stderr).toMatch(/đã được thông qua|đã ghi thông báo kết luận số/);
  });

  it('never signs a recorded notice again by someone else; the same notice again needs no signer at all', async () => {
    const dir = copyExamples();
    const args = ['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26', '--notice-number', '130/TB-UBND', '--notice-date', '2020-11-27'];
    expect((await runMeet(args, { cwd: dir })).code).toBe(0);
    const recorded = read(dir, NOVEMBER);
    expect(recorded).toContain('name: Lê Văn Nam');
    const resigned = await runMeet([...args, '--signer', 'Người Khác', '--signer-title', 'PHÓ CHÁNH VĂN PHÒNG'], { cwd: dir });
    expect(resigned.code).toBe(1);
    // The recorded signer is named: what was typed differs from it, not the number or the date.
    expect(resigned.stderr).toContain(
      'đã ghi thông báo kết luận số 130/TB-UBND ngày 27/11/2020, người ký TL. CHỦ TỊCH, Lê Văn Nam (CHÁNH VĂN PHÒNG); không thay đổi gì.',
    );
    expect(read(dir, NOVEMBER)).toBe(recorded);
    // The config no longer names a signer: approving again with the same notice keeps the recorded one.
    writeFileSync(path.join(dir, 'meet.config.yaml'), read(dir, 'meet.config.yaml').replace(/\n {2}notice_signer: .*\n/, '\n'));
    const again = await runMeet(args, { cwd: dir });
    expect(again.code).toBe(0);
    expect(read(dir, NOVEMBER)).toBe(recorded);
  });

  it('takes a signer whole: --signer without --signer-title (or --on-behalf alone) is a usage error', async () => {
    const dir = copyExamples();
    const notice = ['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26', '--notice-number', '140/TB-UBND', '--notice-date', '2020-11-27'];
    for (const extra of [
      ['--signer', 'Trần Văn Bình'],
      ['--signer-title', 'PHÓ CHÁNH VĂN PHÒNG'],
      ['--on-behalf', 'KT. CHỦ TỊCH'],
    ]) {
      const run = await runMeet([...notice, ...extra], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--signer và --signer-title phải dùng cùng nhau');
    }
    expect(read(dir, NOVEMBER)).not.toContain('approval:');
    expect((await runMeet([...notice, '--signer', 'Trần Văn Bình', '--signer-title', 'PHÓ CHÁNH VĂN PHÒNG'], { cwd: dir })).code).toBe(0);
    const written = read(dir, NOVEMBER);
    expect(written).toContain('name: Trần Văn Bình');
    expect(written).toContain('title: PHÓ CHÁNH VĂN PHÒNG');
    // The config's "TL. CHỦ TỊCH" belongs to its own signer, not to this one.
    expect(written).not.toContain('on_behalf');
  });

  it('refuses what it cannot write: a notice without its date, another approver, no signer', async () => {
    const dir = copyExamples();
    const half = await runMeet(['approve', NOVEMBER, '--by', 'A', '--on', '2020-11-26', '--notice-number', '1/TB-UBND'], { cwd: dir });
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--notice-number và --notice-date phải dùng cùng nhau');
    const other = await runMeet(['approve', OCTOBER, '--by', 'Trần Thị Mai', '--on', '2020-10-27'], { cwd: dir });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('đã được thông qua (người thông qua: Hoàng Văn Hiệp, ngày 27/10/2020)');
    const early = await runMeet(['approve', NOVEMBER, '--by', 'A', '--on', '2020-11-20'], { cwd: dir });
    expect(early.code).toBe(2);
    writeFileSync(path.join(dir, 'meet.config.yaml'), read(dir, 'meet.config.yaml').replace(/\n {2}notice_signer: .*\n/, '\n'));
    const unsigned = await runMeet(['approve', NOVEMBER, '--by', 'A', '--on', '2020-11-26', '--notice-number', '1/TB-UBND', '--notice-date', '2020-11-27'], {
      cwd: dir,
    });
    expect(unsigned.code).toBe(2);
    expect(unsigned.stderr).toContain('hãy dùng --signer và --signer-title');
    expect(read(dir, NOVEMBER)).not.toContain('approval:');
  });
});

describe('meet tasks update and approved minutes', () => {
  it('never writes into approved minutes: names the next record, or asks for meet new', async () => {
    const dir = copyExamples();
    const before = read(dir, NOVEMBER);
    const into = await runMeet(['tasks', 'update', '2020-10-van-de-cu-tri', '--status', 'done', '--in', OCTOBER], { cwd: dir });
    expect(into.code).toBe(1);
    // The October record assigned it: the usual refusal comes first.
    expect(into.stderr).toContain('biên bản này chính là biên bản đã giao nhiệm vụ');

    expect((await runMeet(['approve', NOVEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26'], { cwd: dir })).code).toBe(0);
    const approved = read(dir, NOVEMBER);
    const named = await runMeet(['tasks', 'update', '2020-10-van-de-cu-tri', '--status', 'done', '--in', NOVEMBER], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('biên bản này đã được thông qua (ngày 26/11/2020), và biên bản đã thông qua thì không được sửa đổi.');
    expect(named.stderr).toContain(`Hãy ghi vào biên bản của cuộc họp tiếp theo: --in ${DECEMBER}`);
    expect(read(dir, NOVEMBER)).toBe(approved);
    expect(approved).not.toBe(before);

    expect((await runMeet(['approve', DECEMBER, '--by', 'Hoàng Văn Hiệp', '--on', '2020-12-29'], { cwd: dir })).code).toBe(0);
    const latest = await runMeet(['tasks', 'update', '2020-10-van-de-cu-tri', '--status', 'done'], { cwd: dir });
    expect(latest.code).toBe(1);
    expect(latest.stderr).toContain('meet new');
  });
});
