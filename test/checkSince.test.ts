// `meet check --since REF` end to end: the built CLI in real git repositories
// (fixed identity and dates), with branches, a merge base, a detached HEAD
// and shallow clones made with `git clone --depth`.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../src/model/ruleCatalogue.js';
import { copied, git, MINIMAL_CONFIG as VI_CONFIG, runMeet, tempDir, writeTree, type RunResult } from './helpers.js';

// The messages asserted below are English: the repositories say `locale: en`.
const MINIMAL_CONFIG = VI_CONFIG.replace('locale: vi', 'locale: en');

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: RuleId;
  message: string;
}

/** A record: line 1 is "---", so the first front-matter line is line 2. */
const rec = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n\nNội dung biên bản.\n`;
/** Lines 2–4 of a valid record. */
const head = (date: string) => ['title: Họp thử', `date: ${date}`, 'chair: Nguyễn Văn A'];
/** Three lines of a task: `- id` (the id's value at column 9), title, owner. */
const task = (id: string, owner = 'van-phong') => [`  - id: ${id}`, '    title: Việc được giao', `    owner: ${owner}`];
/** Two lines of an update: `- task` (the task's value at column 11), status. */
const update = (id: string) => [`  - task: ${id}`, '    status: done'];

const M = 'meetings/2020/';
const A = `${M}2020-09-10-hop-a.md`; // assigns viec-1, viec-2
const B = `${M}2020-10-10-hop-b.md`; // updates viec-1 (line 6)
const OLD = `${M}2020-08-05-hop-cu.md`; // an error that was there before any change

const BASE: Record<string, string> = {
  'meet.config.yaml': MINIMAL_CONFIG,
  '.gitignore': `${M}2020-12-01-nhap.md\n`,
  [A]: rec(...head('2020-09-10'), 'tasks:', ...task('viec-1'), ...task('viec-2')),
  [B]: rec(...head('2020-10-10'), 'updates:', ...update('viec-1')),
  [OLD]: rec(...head('2020-08-05'), 'tasks:', ...task('viec-cu', 'khong-co-don-vi')),
};

/** BASE committed on `main`, made once and copied for each test. */
const baseRepo = copied(() => gitRepo({ ...BASE }).top);

/** A git repository on `main` whose first commit holds `files` (under `sub`, if given). */
function gitRepo(files: Record<string, string> = BASE, sub = ''): { top: string; root: string } {
  if (files === BASE && sub === '') {
    const top = baseRepo();
    return { top, root: top };
  }
  const top = tempDir('meet-since-');
  const root = path.join(top, sub);
  writeTree(root, files);
  git(top, 'init', '-q', '-b', 'main');
  git(top, 'add', '-A');
  git(top, 'commit', '-q', '-m', 'Base');
  return { top, root };
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

async function checkJson(cwd: string, ...args: string[]): Promise<{ run: RunResult; findings: JsonFinding[] }> {
  const run = await runMeet(['check', '--format', 'json', ...args], { cwd });
  try {
    return { run, findings: JSON.parse(run.stdout) as JsonFinding[] };
  } catch {
    throw new Error(`meet check did not print JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

const places = (findings: JsonFinding[]) => findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);

describe('meet check --since', () => {
  it('reports an error only in a changed file, not in an unchanged one', async () => {
    const { root } = gitRepo();
    // The fixture does hold an error in an unchanged record.
    expect(places((await checkJson(root)).findings)).toEqual([`${OLD}:8:12 unknown-owner`]);
    git(root, 'checkout', '-q', '-b', 'feature');
    writeTree(root, { [`${M}2020-11-10-hop-d.md`]: rec(...head('2020-11-10'), 'tasks:', ...task('viec-moi', 'khong-ton-tai')) });
    commitAll(root, 'Add record');
    const { run, findings } = await checkJson(root, '--since', 'main');
    expect(run.code).toBe(1);
    expect(places(findings)).toEqual([`${M}2020-11-10-hop-d.md:8:12 unknown-owner`]);
  });

  it('still flags a duplicate task id of a changed record against an unchanged one, on either record', async () => {
    const { root } = gitRepo();
    git(root, 'checkout', '-q', '-b', 'feature');
    // Later than A: the duplicate is reported on the new record.
    writeTree(root, { [`${M}2020-11-10-hop-d.md`]: rec(...head('2020-11-10'), 'tasks:', ...task('viec-2')) });
    commitAll(root, 'Add a later record');
    let { run, findings } = await checkJson(root, '--since', 'main');
    expect(run.code).toBe(1);
    expect(places(findings)).toEqual([`${M}2020-11-10-hop-d.md:6:9 duplicate-task-id`]);
    expect(findings[0]!.message).toContain(A);

    // Earlier than A: the duplicate lands on A, which did not change, and is still reported.
    writeTree(root, { [`${M}2020-09-01-hop-e.md`]: rec(...head('2020-09-01'), 'tasks:', ...task('viec-1')) });
    commitAll(root, 'Add an earlier record');
    ({ run, findings } = await checkJson(root, '--since', 'main'));
    expect(run.code).toBe(1);
    expect(places(findings)).toEqual([`${A}:6:9 duplicate-task-id`, `${M}2020-11-10-hop-d.md:6:9 duplicate-task-id`]);
  });

  it('sees staged, unstaged and untracked changes, but not ignored files', async () => {
    const { root } = gitRepo();
    const staged = `${M}2020-11-01-hop-staged.md`;
    const untracked = `${M}2020-11-03-hop-untracked.md`;
    const broken = rec(...head('2020-11-01'), 'tasks:', ...task('viec-s', 'khong-co'));
    writeTree(root, { [staged]: broken });
    git(root, 'add', staged);
    // Unstaged: a tracked record edited in the working tree only.
    writeTree(root, { [B]: rec(...head('2020-10-10'), 'updates:', ...update('viec-9')) });
    writeTree(root, { [untracked]: rec(...head('2020-11-03'), 'tasks:', ...task('viec-u', 'khong-co')) });
    writeTree(root, { [`${M}2020-12-01-nhap.md`]: rec(...head('2020-12-01'), 'tasks:', ...task('viec-n', 'khong-co')) });
    const { run, findings } = await checkJson(root, '--since', 'main');
    expect(run.code).toBe(1);
    expect(places(findings)).toEqual([`${B}:6:11 update-unknown-task`, `${staged}:8:12 unknown-owner`, `${untracked}:8:12 unknown-owner`]);
    const pretty = await runMeet(['check', '--since', 'main'], { cwd: root });
    expect(pretty.stdout).toContain('(3 records checked)');
  });

  it('reports a deletion that orphans an update, on the other, unchanged record', async () => {
    const { root } = gitRepo();
    git(root, 'checkout', '-q', '-b', 'feature');
    git(root, 'rm', '-q', A);
    commitAll(root, 'Remove record A');
    const { run, findings } = await checkJson(root, '--since', 'main');
    expect(run.code).toBe(1);
    expect(places(findings)).toEqual([`${B}:6:11 update-unknown-task`]);
    expect(findings[0]!.message).toBe(`No record assigns the task "viec-1" any more: it was in ${A}, which was deleted since main`);
    // The same deletion, not committed, only in the working tree.
    const other = gitRepo();
    rmSync(path.join(other.root, A));
    expect(places((await checkJson(other.root, '--since', 'main')).findings)).toEqual([`${B}:6:11 update-unknown-task`]);
  });

  it('an error the change causes past the 200 findings an unchanged record lists: its too-many-findings is reported', async () => {
    // B warns 200 times (an owner listed twice in each of 200 tasks), then updates viec-1, which A now renames.
    const warned = Array.from({ length: 200 }, (_, i) => [`  - id: b-${i}`, '    title: Việc', '    owner: [van-phong, van-phong]']).flat();
    const { root } = gitRepo({ ...BASE, [B]: rec(...head('2020-10-10'), 'tasks:', ...warned, 'updates:', ...update('viec-1')) });
    git(root, 'checkout', '-q', '-b', 'feature');
    writeTree(root, { [A]: rec(...head('2020-09-10'), 'tasks:', ...task('viec-1-moi'), ...task('viec-2')) });
    commitAll(root, 'Rename viec-1');
    const whole = await checkJson(root);
    expect(whole.findings.filter((f) => f.file === B && f.rule === 'too-many-findings')).toMatchObject([{ severity: 'error' }]);
    const { run, findings } = await checkJson(root, '--since', 'main');
    expect(run.code).toBe(1);
    expect(findings.filter((f) => f.file === B).map((f) => `${f.rule} ${f.severity}`)).toEqual(['too-many-findings error']);
  });

  it('reports a task taken out of a changed record when another record still updates it', async () => {
    const { root } = gitRepo();
    writeTree(root, { [A]: rec(...head('2020-09-10'), 'tasks:', ...task('viec-2')) });
    const { run, findings } = await checkJson(root, '--since', 'HEAD');
    expect(run.code).toBe(1);
    expect(places(findings)).toEqual([`${B}:6:11 update-unknown-task`]);
    expect(findings[0]!.message).toContain(`it was taken out of ${A} since HEAD`);
  });

  it('reports everything when meet.config.yaml changed', async () => {
    const { root } = gitRepo();
    writeTree(root, { 'meet.config.yaml': `${MINIMAL_CONFIG}# a comment\n` });
    const { run, findings } = await checkJson(root, '--since', 'main');
    expect(run.code).toBe(1);
    expect(places(findings)).toEqual([`${OLD}:8:12 unknown-owner`]);
  });

  it('with nothing changed: no findings, exit 0, and says so', async () => {
    const { root } = gitRepo();
    const { run, findings } = await checkJson(root, '--since', 'main');
    expect(run.code).toBe(0);
    expect(findings).toEqual([]);
    const pretty = await runMeet(['check', '--since', 'main'], { cwd: root });
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toBe('✔ no records changed since main\n');
    // A deletion nothing depended on is not an error, but it is not "nothing changed" either.
    git(root, 'rm', '-q', OLD);
    const deleted = await runMeet(['check', '--since', 'main'], { cwd: root });
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe('✔ no records changed since main (1 deleted, and nothing refers to it)\n');
  });

  it('combined with PATHS reports on files both changed and selected', async () => {
    const { root } = gitRepo();
    const c = `${M}2020-11-01-hop-c.md`;
    writeTree(root, {
      [c]: rec(...head('2020-11-01'), 'tasks:', ...task('viec-c', 'khong-co')),
      [`${M}2020-11-02-hop-d.md`]: rec(...head('2020-11-02'), 'tasks:', ...task('viec-d', 'khong-co')),
    });
    expect(places((await checkJson(root, '--since', 'main', c)).findings)).toEqual([`${c}:8:12 unknown-owner`]);
    // Selected but unchanged: nothing to report.
    const unchanged = await checkJson(root, '--since', 'main', OLD);
    expect(unchanged.run.code).toBe(0);
    expect(unchanged.findings).toEqual([]);
  });

  it('works for a records repository in a subfolder of the git repository', async () => {
    const { top, root } = gitRepo(BASE, 'hồ sơ');
    writeTree(root, { [`${M}2020-11-10-hop-d.md`]: rec(...head('2020-11-10'), 'tasks:', ...task('viec-2')) });
    // A change outside the records root changes nothing for it.
    writeTree(top, { 'ghi-chu.md': 'Không phải biên bản.\n' });
    git(root, 'rm', '-q', A);
    const inside = await checkJson(root, '--since', 'main');
    expect(inside.run.code).toBe(1);
    // Paths name files from the git repository's top folder (docs: "Paths in json, github and sarif").
    expect(places(inside.findings)).toEqual([`hồ sơ/${B}:6:11 update-unknown-task`]);
    const fromTop = await checkJson(top, '--root', 'hồ sơ', '--since', 'main');
    expect(places(fromTop.findings)).toEqual([`hồ sơ/${B}:6:11 update-unknown-task`]);
    expect(fromTop.findings[0]!.message).toContain(`it was in ${A}, which was deleted`);
  });

  it('works for records in a folder whose name holds a line break', async () => {
    const { root } = gitRepo(BASE, 'hồ\nsơ');
    writeTree(root, { [`${M}2020-11-10-hop-d.md`]: rec(...head('2020-11-10'), 'tasks:', ...task('viec-d', 'khong-co')) });
    const { run, findings } = await checkJson(root, '--since', 'main');
    expect(run.code).toBe(1);
    expect(places(findings)).toEqual([`hồ\nsơ/${M}2020-11-10-hop-d.md:8:12 unknown-owner`]);
  });

  it('works on a detached HEAD', async () => {
    const { root } = gitRepo();
    git(root, 'checkout', '-q', '-b', 'feature');
    writeTree(root, { [`${M}2020-11-10-hop-d.md`]: rec(...head('2020-11-10'), 'tasks:', ...task('viec-d', 'khong-co')) });
    commitAll(root, 'Add record');
    git(root, 'checkout', '-q', '--detach', 'feature');
    expect(git(root, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('HEAD');
    const { run, findings } = await checkJson(root, '--since', 'main');
    expect(run.code).toBe(1);
    expect(places(findings)).toEqual([`${M}2020-11-10-hop-d.md:8:12 unknown-owner`]);
  });

  describe('in a shallow clone', () => {
    /** main: Base → Later; feature: Base → Add record (with an error). */
    function origin(): string {
      const { root } = gitRepo();
      git(root, 'checkout', '-q', '-b', 'feature');
      writeTree(root, { [`${M}2020-11-10-hop-d.md`]: rec(...head('2020-11-10'), 'tasks:', ...task('viec-d', 'khong-co')) });
      commitAll(root, 'Add record');
      git(root, 'checkout', '-q', 'main');
      writeTree(root, { [`${M}2020-11-20-hop-f.md`]: rec(...head('2020-11-20'), 'tasks:', ...task('viec-f', 'khong-co')) });
      commitAll(root, 'Later on main');
      return root;
    }
    const clone = (source: string, depth: number): string => {
      const dir = path.join(tempDir('meet-clone-'), 'clone');
      git(path.dirname(dir), 'clone', '-q', `--depth=${depth}`, '--no-single-branch', '--branch', 'feature', `file://${source}`, dir);
      return dir;
    };

    it('fails with exit 2 and the fetch-depth hint when the merge base is missing', async () => {
      const dir = clone(origin(), 1);
      expect(git(dir, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
      const run = await runMeet(['check', '--since', 'origin/main'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('merge base of origin/main and HEAD is not in this shallow clone');
      expect(run.stderr).toContain('fetch-depth: 0');
      // GitLab clones shallow by default: its setting too.
      expect(run.stderr).toContain('GIT_DEPTH: 0');
      // A revision that was not fetched at all gets the same hint.
      const missing = await runMeet(['check', '--since', 'HEAD~1'], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('fetch-depth: 0');
    });

    it('works when REF itself is there: HEAD~0 in a depth-1 clone', async () => {
      const dir = clone(origin(), 1);
      const clean = await runMeet(['check', '--since', 'HEAD~0'], { cwd: dir });
      expect(clean.code).toBe(0);
      expect(clean.stdout).toBe('✔ no records changed since HEAD~0\n');
      writeTree(dir, { [`${M}2020-11-30-hop-g.md`]: rec(...head('2020-11-30'), 'tasks:', ...task('viec-g', 'khong-co')) });
      expect(places((await checkJson(dir, '--since', 'HEAD~0')).findings)).toEqual([`${M}2020-11-30-hop-g.md:8:12 unknown-owner`]);
    });

    it('works with enough depth, from the merge base rather than the tip of main', async () => {
      const dir = clone(origin(), 2);
      const { run, findings } = await checkJson(dir, '--since', 'origin/main');
      expect(run.code).toBe(1);
      // hop-f is on main after the merge base: not part of this change.
      expect(places(findings)).toEqual([`${M}2020-11-10-hop-d.md:8:12 unknown-owner`]);
    });
  });

  it('takes a branch named in Vietnamese, or with # in its name, as git does', async () => {
    const { top, root } = gitRepo();
    for (const branch of ['bản-chính', 'release#2']) {
      git(top, 'branch', branch, 'main');
      const run = await runMeet(['check', '--since', branch], { cwd: root });
      expect([branch, run.code, run.stderr]).toEqual([branch, 0, expect.not.stringContaining('revision')]);
    }
  });

  describe('refuses what is not a revision, and runs nothing', () => {
    const injections = (marker: string) => [
      `--upload-pack=touch ${marker}`,
      '-c',
      `-c core.fsmonitor=touch ${marker}`,
      `--output=${marker}`,
      `HEAD;touch ${marker}`,
      `$(touch ${marker})`,
      `HEAD\`touch ${marker}\``,
      'main..HEAD',
      '',
    ];
    it.each([0, 1, 2, 3, 4, 5, 6, 7, 8])('injection %i, given as --since=VALUE and as --since VALUE', async (i) => {
      const { root } = gitRepo();
      const marker = path.join(tempDir('meet-marker-'), 'x');
      const value = injections(marker)[i]!;
      for (const args of [[`--since=${value}`], ['--since', value]]) {
        const run = await runMeet(['check', ...args], { cwd: root });
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(existsSync(marker)).toBe(false);
        expect(existsSync(path.join(root, 'x'))).toBe(false);
      }
      expect((await runMeet(['check', `--since=${value}`], { cwd: root })).stderr).toContain('--since takes a git revision');
    });
  });

  it('exits 2 when the folder is not in a git repository', async () => {
    const dir = tempDir();
    writeTree(dir, BASE);
    const run = await runMeet(['check', '--since', 'main'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs a git repository');
    // Without --since, check needs no git.
    expect((await runMeet(['check'], { cwd: dir })).code).toBe(1);
  });

  it('exits 2 when git is not installed', async () => {
    const { root } = gitRepo();
    const empty = tempDir('meet-nopath-');
    mkdirSync(path.join(empty, 'bin'));
    writeFileSync(path.join(empty, 'bin', 'README'), 'no git here\n');
    const run = await runMeet(['check', '--since', 'main'], { cwd: root, env: { PATH: path.join(empty, 'bin') } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs git, which was not found');
  });

  it('exits 2 for a revision the repository does not have', async () => {
    const { root } = gitRepo();
    const run = await runMeet(['check', '--since', 'khong-co-nhanh'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such revision');
  });

  it('exits 2 and says why when there is no merge base: no commit yet, unrelated histories, a tag of a tree', async () => {
    const unborn = tempDir();
    writeTree(unborn, { 'meet.config.yaml': MINIMAL_CONFIG });
    git(unborn, 'init', '-q', '-b', 'main');
    const none = await runMeet(['check', '--since', 'main'], { cwd: unborn });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('needs a commit, and this repository has none yet');

    const { root } = gitRepo();
    git(root, 'checkout', '-q', '--orphan', 'khac');
    commitAll(root, 'Another history');
    const unrelated = await runMeet(['check', '--since', 'main'], { cwd: root });
    expect(unrelated.code).toBe(2);
    expect(unrelated.stderr).toContain('--since main: main and HEAD share no history.');

    // A tag may name a tree: no commit, so no such revision to compare with.
    git(root, 'tag', 'cay', 'HEAD^{tree}');
    const tree = await runMeet(['check', '--since', 'cay'], { cwd: root });
    expect(tree.code).toBe(2);
    expect(tree.stderr).toContain('--since cay: no such revision');
  });
});
