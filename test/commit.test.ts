// --commit on meet new, meet tasks update and meet digest, end to end: real
// git repositories in temp folders, the built CLI as a process. Each commit
// must hold exactly the file the command wrote, with the documented message,
// and every refusal must leave the files, the index and HEAD as they were.
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copied, git, makeRepo as makeViRepo, MINIMAL_CONFIG, runMeet, tempDir } from './helpers.js';

// The messages and commit subjects asserted below are English: the repositories say `locale: en`.
const makeRepo = (records: Record<string, string>) => makeViRepo(records, MINIMAL_CONFIG.replace('locale: vi', 'locale: en'));

const ASSIGNING = 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md';
const LATER = 'meetings/2020/2020-11-05-hop-giao-ban.md';

const RECORDS = {
  [ASSIGNING]: `---
title: Hội nghị thường kỳ tháng 10
date: 2020-10-26
chair: Hoàng Văn Hiệp
results:
  - sector: kinh-te
    summary: Thu ngân sách đạt kế hoạch.
    metrics: { xa-dat-chuan-ntm: 7 }
tasks:
  - id: t-a
    title: Việc A
    owner: van-phong
    due: 2020-11-30
  - id: t-b
    title: Việc B
    owner: tai-chinh-ke-hoach
---
`,
  [LATER]: `---
title: Họp giao ban
date: 2020-11-05
chair: Hoàng Văn Hiệp
---
`,
};

/**
 * `meet` run with no identity but the repository's own: HOME and XDG point
 * at an empty folder, no system config, no identity variables.
 */
function isolatedEnv(): Record<string, string | undefined> {
  const home = tempDir('meet-home-');
  return {
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: undefined,
    GIT_AUTHOR_NAME: undefined,
    GIT_AUTHOR_EMAIL: undefined,
    GIT_COMMITTER_NAME: undefined,
    GIT_COMMITTER_EMAIL: undefined,
    EMAIL: undefined,
    GIT_DIR: undefined,
    GIT_WORK_TREE: undefined,
    GIT_INDEX_FILE: undefined,
  };
}

/** A committed records repository whose own config names the clerk. */
const committedRepo = copied(() => {
  const dir = makeRepo(RECORDS);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Records so far');
  git(dir, 'config', 'user.name', 'Lê Thị Hương');
  git(dir, 'config', 'user.email', 'huong@example.org');
  return dir;
});

function head(dir: string): string {
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** Subject, author and files of HEAD, and whether its parent is `parent`. */
function lastCommit(dir: string) {
  const [subject, author] = git(dir, 'log', '-1', '--format=%s%n%an <%ae>').trim().split('\n');
  const files = git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n');
  return { subject, author, files, parent: git(dir, 'rev-parse', 'HEAD~1').trim() };
}

function staged(dir: string): string[] {
  return git(dir, 'diff', '--cached', '--name-only').trim().split('\n').filter(Boolean);
}

function meet(dir: string, args: string[], env: Record<string, string | undefined> = {}) {
  return runMeet(args, { cwd: dir, env: { ...isolatedEnv(), ...env } });
}

describe('meet new --commit', () => {
  it('commits exactly the new record, with the repository identity and the documented message', async () => {
    const dir = committedRepo();
    writeFileSync(path.join(dir, 'so-tay.txt'), 'ghi chép\n');
    git(dir, 'add', 'so-tay.txt');
    git(dir, 'commit', '-q', '-m', 'Sổ tay');
    const before = head(dir);
    // Other work in progress, untouched by the commit: an edited tracked file, an untracked one.
    // (An edited meet.config.yaml is refused instead: test/initCommit.test.ts.)
    writeFileSync(path.join(dir, 'so-tay.txt'), 'ghi chép\nsửa dở\n');
    writeFileSync(path.join(dir, 'ghi-chu.txt'), 'nháp\n');

    const run = await meet(dir, ['new', '--date', '2020-11-25', '--title', 'Hội nghị thường kỳ tháng 11', '--chair', 'Hoàng Văn Hiệp', '--commit']);
    expect(run.stderr).not.toContain('meet:');
    expect(run.code).toBe(0);
    const file = 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md';
    expect(run.stdout).toBe(`${file}\n`);
    const commit = lastCommit(dir);
    expect(commit).toEqual({
      subject: 'Add record 2020-11-25 Hội nghị thường kỳ tháng 11',
      author: 'Lê Thị Hương <huong@example.org>',
      files: [file],
      parent: before,
    });
    expect(run.stderr).toContain(`Committed ${git(dir, 'rev-parse', '--short', 'HEAD').trim()}: Add record 2020-11-25`);
    // The committed record is what is on disk, and the other changes are still only local.
    expect(git(dir, 'show', `HEAD:${file}`)).toBe(readFileSync(path.join(dir, file), 'utf8'));
    expect(git(dir, 'status', '--porcelain').split('\n').filter(Boolean).sort()).toEqual([' M so-tay.txt', '?? ghi-chu.txt']);
  });

  it('refuses when something else is staged: exit 2, the file listed, nothing written or committed, the index kept', async () => {
    const dir = committedRepo();
    const before = head(dir);
    writeFileSync(path.join(dir, 'ghi-chu.txt'), 'nháp\n');
    git(dir, 'add', 'ghi-chu.txt');

    const run = await meet(dir, ['new', '--date', '2020-11-25', '--chair', 'Hoàng Văn Hiệp', '--commit']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already staged');
    expect(run.stderr).toContain('  ghi-chu.txt');
    expect(run.stdout).toBe('');
    expect(readdirSync(path.join(dir, 'meetings', '2020')).sort()).toEqual([path.basename(ASSIGNING), path.basename(LATER)].sort());
    expect(head(dir)).toBe(before);
    expect(staged(dir)).toEqual(['ghi-chu.txt']);
  });

  it('refuses while a merge or a cherry-pick is under way, records below the git top included: exit 2, nothing written', async () => {
    for (const [stop, what] of [
      [['merge', '-q', 'khac'], 'merge'],
      [['cherry-pick', 'khac'], 'cherry-pick'],
    ] as const) {
      // The records in bien-ban/ below the repository's top: git answers where its state files are from there.
      const top = tempDir();
      const records = path.join(top, 'bien-ban');
      cpSync(committedRepo(), records, { recursive: true, filter: (source) => path.basename(source) !== '.git' });
      git(top, 'init', '-q', '-b', 'main');
      git(top, 'add', '-A');
      git(top, 'commit', '-q', '-m', 'Records so far');
      git(top, 'config', 'user.name', 'Lê Thị Hương');
      git(top, 'config', 'user.email', 'huong@example.org');
      // The same file changed on two branches: the merge (or pick) stops on the conflict.
      git(top, 'checkout', '-q', '-b', 'khac');
      writeFileSync(path.join(top, 'so-tay.txt'), 'bên khác\n');
      git(top, 'add', 'so-tay.txt');
      git(top, 'commit', '-q', '-m', 'Bên khác');
      git(top, 'checkout', '-q', 'main');
      writeFileSync(path.join(top, 'so-tay.txt'), 'bên này\n');
      git(top, 'add', 'so-tay.txt');
      git(top, 'commit', '-q', '-m', 'Bên này');
      expect(spawnSync('git', stop, { cwd: top }).status).not.toBe(0);
      const before = readdirSync(path.join(records, 'meetings', '2020')).sort();

      const run = await meet(records, ['new', '--date', '2020-11-25', '--chair', 'Hoàng Văn Hiệp', '--commit']);
      expect(run.stderr).toContain(`a git ${what} is in progress`);
      expect(run.code).toBe(2);
      expect(readdirSync(path.join(records, 'meetings', '2020')).sort()).toEqual(before);
    }
  });
  it('refuses without a configured identity (exit 2), even where git could guess one, writing nothing', async () => {
    const dir = committedRepo();
    git(dir, 'config', '--unset', 'user.name');
    git(dir, 'config', '--unset', 'user.email');
    const before = head(dir);
    const run = await meet(dir, ['new', '--date', '2020-11-25', '--chair', 'Hoàng Văn Hiệp', '--commit']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('git config user.name');
    expect(run.stderr).toContain('git config user.email');
    expect(existsSync(path.join(dir, 'meetings', '2020', '2020-11-25-hoi-nghi-thuong-ky-thang-11-2020.md'))).toBe(false);
    expect(readdirSync(path.join(dir, 'meetings', '2020'))).toHaveLength(2);
    expect(head(dir)).toBe(before);
  });

  it('takes the identity from GIT_AUTHOR_* and GIT_COMMITTER_* when they are set, EDITOR and PAGER notwithstanding', async () => {
    const dir = committedRepo();
    git(dir, 'config', '--unset', 'user.name');
    git(dir, 'config', '--unset', 'user.email');
    const run = await meet(dir, ['new', '--date', '2020-11-25', '--chair', 'Hoàng Văn Hiệp', '--commit'], {
      GIT_AUTHOR_NAME: 'Trần Văn Bình',
      GIT_AUTHOR_EMAIL: 'binh@example.org',
      GIT_COMMITTER_NAME: 'Trần Văn Bình',
      GIT_COMMITTER_EMAIL: 'binh@example.org',
      // simple-git refuses these in an environment it is handed; meet leaves them out.
      EDITOR: 'nano',
      PAGER: 'less',
    });
    expect(run.code).toBe(0);
    expect(lastCommit(dir).author).toBe('Trần Văn Bình <binh@example.org>');
  });

  it('outside a git repository: exit 2, nothing written', async () => {
    const dir = makeRepo(RECORDS);
    const run = await meet(dir, ['new', '--date', '2020-11-25', '--chair', 'Hoàng Văn Hiệp', '--commit'], { GIT_CEILING_DIRECTORIES: path.dirname(dir) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs a git repository');
    expect(readdirSync(path.join(dir, 'meetings', '2020'))).toHaveLength(2);
  });

  it('with --dry-run: the record printed, nothing written, nothing committed', async () => {
    const dir = committedRepo();
    const before = head(dir);
    const run = await meet(dir, ['new', '--date', '2020-11-25', '--chair', 'Hoàng Văn Hiệp', '--commit', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('title: Regular meeting, November 2020');
    expect(run.stderr).toContain('nothing committed');
    expect(readdirSync(path.join(dir, 'meetings', '2020'))).toHaveLength(2);
    expect(head(dir)).toBe(before);
  });

  it('when a hook rejects the commit: exit 2 with its message, the record kept on disk, no commit', async () => {
    const dir = committedRepo();
    const before = head(dir);
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho "kiểm tra không đạt" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const run = await meet(dir, ['new', '--date', '2020-11-25', '--title', 'Hội nghị thường kỳ tháng 11', '--chair', 'Hoàng Văn Hiệp', '--commit']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('could not commit');
    expect(run.stderr).toContain('kiểm tra không đạt');
    expect(run.stderr).toContain('kept as written');
    expect(existsSync(path.join(dir, 'meetings', '2020', '2020-11-25-hoi-nghi-thuong-ky-thang-11.md'))).toBe(true);
    expect(head(dir)).toBe(before);
  });

  it('a hook that fails without a word is no commit either; the command to commit it by hand is one line a shell runs', async () => {
    const dir = committedRepo();
    const before = head(dir);
    writeFileSync(path.join(dir, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    writeFileSync(path.join(dir, 'meet.config.yaml'), `${readFileSync(path.join(dir, 'meet.config.yaml'), 'utf8')}# ghi chú\n`);
    const run = await meet(dir, [
      'new',
      '--date',
      '2020-11-25',
      '--title',
      "Họp 'giao ban' tháng 11",
      '--chair',
      'Hoàng Văn Hiệp',
      '--commit',
      '--include-config',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('Committed');
    expect(run.stderr).toContain('git commit ended without making a commit');
    expect(head(dir)).toBe(before);
    // Each path one word (a space or quote in it quoted), not a list joined with commas.
    const line = run.stderr.split('\n').find((l) => l.trim().startsWith('git add -- '))!;
    const file = readdirSync(path.join(dir, 'meetings', '2020')).find((f) => f.startsWith('2020-11-25'))!;
    expect(line.trim()).toMatch(
      new RegExp(`^git add -- meet\\.config\\.yaml ('meetings/2020/${file.replace(/[.]/g, '\\.')}'|meetings/2020/${file.replace(/[.]/g, '\\.')})$`),
    );
    const added = spawnSync('sh', ['-c', line.trim()], { cwd: dir, encoding: 'utf8' });
    expect(added.status, added.stderr).toBe(0);
  });

  it("git's lock left by another git is said in the clerk's words, with what to do, not git's English", async () => {
    const dir = committedRepo();
    writeFileSync(path.join(dir, '.git', 'index.lock'), '');
    const run = await meet(dir, ['new', '--date', '2020-11-25', '--chair', 'Hoàng Văn Hiệp', '--commit', '--locale', 'vi']);
    expect(run.code).toBe(2);
    const lock = path.join(dir, '.git', 'index.lock');
    expect(run.stderr).toContain(`một chương trình git khác đang chạy trong kho này, hoặc đã tắt đột ngột và để lại tệp khóa ${lock}.`);
    expect(run.stderr).toContain(`nếu không còn chương trình nào, hãy xóa tệp ${lock}.`);
    expect(run.stderr).not.toMatch(/fatal|Another git process/);
  });
});

describe('meet tasks update --commit', () => {
  it('commits exactly the edited record with "Update task <id> to <status>"', async () => {
    const dir = committedRepo();
    const before = head(dir);
    writeFileSync(path.join(dir, 'ghi-chu.txt'), 'nháp\n');
    const run = await meet(dir, ['tasks', 'update', 't-a', '--status', 'done', '--note', 'Đã xong', '--commit']);
    expect(run.stderr).not.toContain('meet:');
    expect(run.code).toBe(0);
    expect(lastCommit(dir)).toEqual({ subject: 'Update task t-a to done', author: 'Lê Thị Hương <huong@example.org>', files: [LATER], parent: before });
    expect(git(dir, 'show', 'HEAD', '--format=', '--', LATER)).toContain('+  - task: t-a');
    expect(git(dir, 'status', '--porcelain').trim()).toBe('?? ghi-chu.txt');
  });

  it('refuses when the record to edit has uncommitted changes, which the commit would carry (exit 2, file untouched)', async () => {
    const dir = committedRepo();
    const before = head(dir);
    const target = path.join(dir, LATER);
    const edited = readFileSync(target, 'utf8').replace('Họp giao ban', 'Họp giao ban tháng 11');
    writeFileSync(target, edited);
    const run = await meet(dir, ['tasks', 'update', 't-a', '--status', 'done', '--commit']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${LATER} has changes not committed yet`);
    expect(readFileSync(target, 'utf8')).toBe(edited);
    expect(head(dir)).toBe(before);
  });

  it('refuses with something else staged, writing nothing', async () => {
    const dir = committedRepo();
    const original = readFileSync(path.join(dir, LATER), 'utf8');
    writeFileSync(path.join(dir, 'ghi-chu.txt'), 'nháp\n');
    git(dir, 'add', 'ghi-chu.txt');
    const run = await meet(dir, ['tasks', 'update', 't-a', '--status', 'done', '--commit']);
    expect(run.code).toBe(2);
    expect(readFileSync(path.join(dir, LATER), 'utf8')).toBe(original);
    expect(staged(dir)).toEqual(['ghi-chu.txt']);
  });

  it('commits its own report left staged by a commit a hook refused, and a staged config with --include-config', async () => {
    const dir = committedRepo();
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho "không cho commit" >&2\nexit 1\n', { mode: 0o755 });
    expect((await meet(dir, ['digest', '--month', '2020-10', '--commit'])).code).toBe(2);
    expect(staged(dir)).toEqual(['reports/2020-10.md']);
    rmSync(hook);
    const again = await meet(dir, ['digest', '--month', '2020-10', '--commit']);
    expect([again.code, again.stderr]).toEqual([0, expect.stringContaining('Digest 2020-10')]);
    expect(lastCommit(dir).files).toEqual(['reports/2020-10.md']);
    writeFileSync(path.join(dir, 'meet.config.yaml'), `${readFileSync(path.join(dir, 'meet.config.yaml'), 'utf8')}# ghi chú\n`);
    git(dir, 'add', 'meet.config.yaml');
    const config = await meet(dir, ['digest', '--month', '2020-11', '--commit', '--include-config']);
    expect(config.code).toBe(0);
    expect(lastCommit(dir).files).toEqual(['meet.config.yaml', 'reports/2020-11.md']);
  });

  it('refuses a detached HEAD, and records git does not have, before writing anything', async () => {
    const dir = committedRepo();
    const before = head(dir);
    git(dir, 'checkout', '-q', '--detach');
    const detached = await meet(dir, ['digest', '--month', '2020-10', '--commit']);
    expect([detached.code, detached.stderr]).toEqual([2, expect.stringContaining('HEAD is detached')]);
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(path.join(dir, 'meetings/2020/2020-10-30-nhap.md'), '---\ntitle: Bản nháp\ndate: 2020-10-30\nchair: A\n---\n');
    const draft = await meet(dir, ['digest', '--month', '2020-10', '--commit']);
    expect(draft.code).toBe(2);
    expect(draft.stderr).toContain('--commit would commit a report built from records that are not committed:\n  meetings/2020/2020-10-30-nhap.md');
    expect(existsSync(path.join(dir, 'reports', '2020-10.md'))).toBe(false);
    expect(head(dir)).toBe(before);
  });
});

describe('meet digest --commit', () => {
  it('commits the report as "Digest <month>", and a second run commits nothing', async () => {
    const dir = committedRepo();
    const before = head(dir);
    const first = await meet(dir, ['digest', '--month', '2020-10', '--commit']);
    expect(first.stderr).not.toContain('meet:');
    expect(first.code).toBe(0);
    expect(lastCommit(dir)).toEqual({ subject: 'Digest 2020-10', author: 'Lê Thị Hương <huong@example.org>', files: ['reports/2020-10.md'], parent: before });
    const after = head(dir);

    const second = await meet(dir, ['digest', '--month', '2020-10', '--commit']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Nothing to commit');
    expect(head(dir)).toBe(after);
  });

  it('refuses to claim "nothing to commit" for a report git ignores: exit 2, saying why', async () => {
    const dir = committedRepo();
    writeFileSync(path.join(dir, '.gitignore'), 'reports/\n');
    git(dir, 'add', '.gitignore');
    git(dir, 'commit', '-q', '-m', 'Bỏ qua reports');
    const before = head(dir);
    const run = await meet(dir, ['digest', '--month', '2020-10', '--commit', '--locale', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('meet: reports/2020-10.md is ignored by git (.gitignore): it was written, but cannot be committed');
    expect(run.stderr).not.toContain('Nothing to commit');
    expect(head(dir)).toBe(before);
  });

  it('commits a report already written by a run without --commit', async () => {
    const dir = committedRepo();
    expect((await meet(dir, ['digest', '--month', '2020-10'])).code).toBe(0);
    const before = head(dir);
    const run = await meet(dir, ['digest', '--month', '2020-10', '--commit']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('already up to date');
    expect(lastCommit(dir)).toMatchObject({ subject: 'Digest 2020-10', files: ['reports/2020-10.md'], parent: before });
  });

  it('refuses with something else staged: no report written, no commit', async () => {
    const dir = committedRepo();
    const before = head(dir);
    writeFileSync(path.join(dir, 'ghi-chu.txt'), 'nháp\n');
    git(dir, 'add', 'ghi-chu.txt');
    const run = await meet(dir, ['digest', '--month', '2020-10', '--commit']);
    expect(run.code).toBe(2);
    expect(existsSync(path.join(dir, 'reports', '2020-10.md'))).toBe(false);
    expect(head(dir)).toBe(before);
    expect(staged(dir)).toEqual(['ghi-chu.txt']);
  });
});
