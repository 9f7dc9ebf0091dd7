// meet init --commit, and --commit elsewhere while the config is not
// committed (issue 11, item 5): CI must never meet records without their
// config.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translatedComments } from '../src/commands/init.js';
import { VI_WORKFLOW_COMMENTS } from '../src/model/messages/vi.workflow.js';
import { git, GIT_ENV, PROJECT_ROOT, read, runMeet, tempDir } from './helpers.js';

// meet init without --locale makes a Vietnamese repository and speaks its language, its refusals too:
// the messages and commit subjects asserted below are Vietnamese.
const NOW = new Date('2020-11-25T03:00:00Z');

describe('meet init', () => {
  it('--commit: one commit with the config, the folders, .gitignore and the workflow', async () => {
    const top = tempDir();
    git(top, 'init', '-q', '-b', 'main');
    const run = await runMeet(['init', 'bien-ban', '--ci', 'github', '--action', 'example/meeting-minutes-cli@0123abc', '--commit'], {
      cwd: top,
      env: GIT_ENV,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Đã commit [0-9a-f]{7,}: Khởi tạo kho biên bản cuộc họp \(meet init\)\n/);
    expect(git(top, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(
      [
        '.github/workflows/meet.yml',
        'bien-ban/.gitignore',
        'bien-ban/meet.config.yaml',
        'bien-ban/meetings/.gitkeep',
        'bien-ban/reports/.gitkeep',
        'bien-ban/templates/.gitkeep',
      ].sort(),
    );
    expect(git(top, 'status', '--porcelain')).toBe('');
    expect(read(top, '.github/workflows/meet.yml')).toContain('uses: example/meeting-minutes-cli@0123abc');
    // Written in the repository's language, as everything meet writes into it.
    expect(read(top, 'bien-ban/.gitignore')).toBe('# meet giữ bộ nhớ đệm ở đây và khóa tệp trong lúc ghi (không commit)\n.meet-cache/\n.*.meet-lock\n');
    // A lock left by a write under way (io/fileLock.ts), wherever in the repository: a `git add -A` leaves it out.
    writeFileSync(path.join(top, 'bien-ban/meetings/.2020-10-05-giao-ban.md.meet-lock'), 'token\n');
    expect(git(top, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  it('without --commit: prints the exact git command, which commits everything init wrote', async () => {
    const parent = tempDir();
    const run = await runMeet(['init', 'bien ban'], { cwd: parent, env: GIT_ENV });
    expect(run.code).toBe(0);
    const command = /\n {2}(git .+)\n/.exec(run.stderr)![1]!;
    expect(command).toBe(
      "git -C 'bien ban' add -- meet.config.yaml meetings/.gitkeep reports/.gitkeep templates/.gitkeep .gitignore && git -C 'bien ban' commit -m 'Khởi tạo kho biên bản cuộc họp (meet init)'",
    );
    for (const part of command.split(' && ')) {
      const args = [...part.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
      git(parent, ...args);
    }
    expect(git(path.join(parent, 'bien ban'), 'status', '--porcelain')).toBe('');
  });

  it('--action must be owner/name@ref', async () => {
    const run = await runMeet(['init', 'x', '--ci', 'github', '--action', 'not an action', '--locale', 'en'], {
      cwd: tempDir(),
      env: { LC_ALL: 'en_US.UTF-8' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--action takes owner/name@ref');
  });

  it('--commit checks git before writing anything: no identity, or something else staged, exit 2 and nothing written', async () => {
    // No identity: a home of its own, no system config, and no GIT_* identity (an English environment: init still speaks Vietnamese).
    const home = tempDir();
    const noIdentity = { HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C.UTF-8' };
    const parent = tempDir();
    const run = await runMeet(['init', 'bien-ban', '--commit'], { cwd: parent, env: noIdentity });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--commit cần họ tên và địa chỉ thư điện tử của người commit');
    expect(existsSync(path.join(parent, 'bien-ban'))).toBe(false);
    // Something else staged in the repository it would commit in.
    const top = tempDir();
    git(top, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(top, 'README'), 'x\n');
    git(top, 'add', 'README');
    const staged = await runMeet(['init', 'bien-ban', '--ci', 'github', '--commit'], { cwd: top, env: GIT_ENV });
    expect(staged.code).toBe(2);
    expect(staged.stderr).toContain('Chưa có gì được ghi.');
    expect(existsSync(path.join(top, 'bien-ban'))).toBe(false);
    expect(existsSync(path.join(top, '.github'))).toBe(false);
  });
});

describe('--commit while meet.config.yaml is not committed', () => {
  async function fresh(): Promise<string> {
    const dir = tempDir();
    expect((await runMeet(['init', '.'], { cwd: dir, env: GIT_ENV })).code).toBe(0);
    return dir;
  }

  it('new --commit says so, exit 2, nothing written; --include-config commits the config with the record', async () => {
    const dir = await fresh();
    const args = ['new', '--date', '2020-11-25', '--chair', 'Hoàng Văn Hiệp', '--commit'];
    const refused = await runMeet(args, { cwd: dir, env: GIT_ENV, now: NOW });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('meet.config.yaml chưa được commit: commit mà thiếu tệp này');
    expect(refused.stderr).toContain('--include-config');
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all', 'meetings')).toBe('?? meetings/.gitkeep\n');

    const run = await runMeet([...args, '--include-config'], { cwd: dir, env: GIT_ENV, now: NOW });
    expect(run.code).toBe(0);
    const files = git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n');
    expect(files).toContain('meet.config.yaml');
    expect(files.some((f) => f.startsWith('meetings/2020/2020-11-25-'))).toBe(true);
  });

  it('digest --commit with a changed config says so too; once committed, the config is left out', async () => {
    const dir = await fresh();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'init');
    writeFileSync(path.join(dir, 'meet.config.yaml'), `${read(dir, 'meet.config.yaml')}# a local change\n`);
    const refused = await runMeet(['digest', '--month', '2020-10', '--commit'], { cwd: dir, env: GIT_ENV });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('meet.config.yaml có thay đổi chưa commit: commit mà thiếu tệp này');
    git(dir, 'checkout', '--', 'meet.config.yaml');
    // October has no meeting yet: one line says so, exit 0, nothing written or committed.
    const head = git(dir, 'rev-parse', 'HEAD');
    const empty = await runMeet(['digest', '--month', '2020-10', '--commit'], { cwd: dir, env: GIT_ENV });
    expect(empty).toEqual({ code: 0, stdout: '', stderr: 'Không có cuộc họp nào trong tháng 10/2020: không có gì để báo cáo.\n' });
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    // With a meeting in October, the digest commits its report, and only that.
    const meeting = await runMeet(['new', '--date', '2020-10-26', '--chair', 'Hoàng Văn Hiệp', '--commit'], { cwd: dir, env: GIT_ENV, now: NOW });
    expect(meeting.code).toBe(0);
    const run = await runMeet(['digest', '--month', '2020-10', '--commit'], { cwd: dir, env: GIT_ENV });
    expect(run.code).toBe(0);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('reports/2020-10.md');
  });
});

describe("the CI workflow's comments", () => {
  it("are in the repository's language: Vietnamese for a Vietnamese one, every comment of the templates translated", async () => {
    for (const provider of ['github', 'gitlab']) {
      const template = readFileSync(path.join(PROJECT_ROOT, 'templates', 'ci', `${provider}.yml`), 'utf8');
      const translated = translatedComments(template, VI_WORKFLOW_COMMENTS);
      // No comment line left in English (each block has its translation), and the YAML itself unchanged.
      const comments = (text: string) => text.split('\n').filter((l) => /^\s*#/.test(l));
      expect(comments(translated).filter((l) => comments(template).includes(l) && l.trim() !== '#')).toEqual([]);
      const code = (text: string) => text.split('\n').filter((l) => !/^\s*#/.test(l));
      expect(code(translated)).toEqual(code(template));
    }
    const vi = tempDir();
    expect((await runMeet(['init', 'bien-ban', '--ci', 'github'], { cwd: vi, env: GIT_ENV })).code).toBe(0);
    expect(read(vi, 'bien-ban/.github/workflows/meet.yml')).toContain('# Thư mục chứa meet.config.yaml.');
    const en = tempDir();
    expect((await runMeet(['init', 'minutes', '--ci', 'github', '--locale', 'en'], { cwd: en, env: GIT_ENV })).code).toBe(0);
    expect(read(en, 'minutes/.github/workflows/meet.yml')).toContain('# The folder holding meet.config.yaml.');
  });
});
