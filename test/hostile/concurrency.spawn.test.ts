// Issue 12, class 5: concurrent edits lose nothing. `meet tasks update` of
// different tasks in the same record, run at once as real processes, all
// land, every time; a lock left by a process that died is taken over; an
// update the record no longer accepts after another's change fails clearly
// (exit 1) instead of overwriting it. digest and new writing at once leave
// every file whole and nothing else behind.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileOf } from '../../src/io/fileLock.js';
import { parseRecord } from '../../src/records/parse.js';
import { git, GIT_ENV, MINIMAL_CONFIG, runMeet, spawnMeet, tempDir, writeTree } from '../helpers.js';

const PROCESSES = 4;
// 8 runs × 4 processes: 32 racing updates, and the lock tests below for the orders a race may miss (deterministic);
// 12 runs took 19 s of a suite at its 5-minute bound, 16 runs 26–28 s, 30 runs 58 s.
const RUNS = 8;
/** Runs started at once: 8 × 4 processes per batch keeps each batch to a few seconds on 2 cores. */
const RUNS_PER_BATCH = 8;

const ASSIGNING = 'meetings/2020/2020-10-05-giao-viec.md';
const TARGET = 'meetings/2020/2020-11-05-kiem-tra.md';

function assigning(count: number): string {
  const tasks = Array.from({ length: count }, (_, i) => `  - id: t-${i}\n    title: Việc ${i}\n    owner: van-phong\n    due: 2020-12-30\n`).join('');
  return `---\ntitle: Hội nghị giao việc\ndate: 2020-10-05\nchair: Hoàng Văn Hiệp\ntasks:\n${tasks}---\nNội dung.\n`;
}

const TARGET_RECORD = `---
title: Hội nghị kiểm tra
date: 2020-11-05
chair: Hoàng Văn Hiệp
# Cập nhật tiến độ
updates: []
---
Nội dung tháng 11.
`;

function repository(count = PROCESSES): string {
  const root = tempDir('meet-concurrent-');
  writeTree(root, { 'meet.config.yaml': MINIMAL_CONFIG, [ASSIGNING]: assigning(count), [TARGET]: TARGET_RECORD });
  return root;
}

function updatesIn(root: string): string[] {
  const parsed = parseRecord(readFileSync(path.join(root, TARGET)), TARGET);
  expect(parsed.findings).toEqual([]);
  return (parsed.record!.data.updates ?? []).map((u) => `${u.task}=${u.status}`).sort();
}

/** Every file under `dir`: nothing may be left behind (temp files, locks). */
function allFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe('parallel tasks update of different tasks in one record: every update lands, every run', () => {
  it(
    `${RUNS} runs of ${PROCESSES} processes at once`,
    async () => {
      const lost: string[] = [];
      for (let first = 0; first < RUNS; first += RUNS_PER_BATCH) {
        const roots = Array.from({ length: Math.min(RUNS_PER_BATCH, RUNS - first) }, () => repository());
        const runs = await Promise.all(
          roots.flatMap((root) =>
            Array.from({ length: PROCESSES }, (_, i) =>
              spawnMeet(['tasks', 'update', `t-${i}`, '--status', i % 2 === 0 ? 'done' : 'in-progress', '--note', `Ghi chú ${i}`, '--in', TARGET], {
                cwd: root,
                timeout: 120_000,
              }).then((run) => ({ root, i, run })),
            ),
          ),
        );
        for (const { root, i, run } of runs) {
          expect(run.signal, `t-${i}: stopped`).toBeNull();
          expect(run.stderr, `t-${i}`).not.toContain('internal error');
          expect(run.code, `t-${i}: ${run.stderr}`).toBe(0);
          expect(run.stdout, root).toBe(`${TARGET}\n`);
        }
        for (const root of roots) {
          const expected = Array.from({ length: PROCESSES }, (_, i) => `t-${i}=${i % 2 === 0 ? 'done' : 'in-progress'}`).sort();
          const found = updatesIn(root);
          if (JSON.stringify(found) !== JSON.stringify(expected)) lost.push(`${root}: ${found.join(', ')}`);
          // Nothing left behind: no lock, no temporary file.
          expect(allFiles(root)).toEqual(['meet.config.yaml', ASSIGNING, TARGET].sort());
          // The comment, the body and the rest of the record are as they were.
          const text = readFileSync(path.join(root, TARGET), 'utf8');
          expect(text).toContain('# Cập nhật tiến độ\n');
          expect(text.endsWith('---\nNội dung tháng 11.\n')).toBe(true);
        }
      }
      expect(lost).toEqual([]);
      const check = await runMeet(['check'], { cwd: repository() });
      expect(check.code).toBe(0);
    },
    600_000,
  );
});

// --- the lock, deterministically, in-process ----------------------------------

/** A process id that is certainly not running: one that just exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

/** The records in git with another machine's lock on TARGET committed: a crash on a clerk's machine left it, `git add -A` took it in. */
function withCommittedLock(): { root: string; lock: string } {
  const root = repository(2);
  const lock = lockFileOf(path.join(root, TARGET));
  writeFileSync(lock, `${process.ppid}\nmay-cua-van-phong\nleft-behind\n`);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'Biên bản');
  return { root, lock };
}

describe('the record lock', () => {
  it('a lock left by a process that died is taken over; the update lands and the lock is gone', async () => {
    const root = repository(2);
    const lock = lockFileOf(path.join(root, TARGET));
    writeFileSync(lock, `${deadPid()}\n${hostname()}\nstale-token\n`);
    const run = await runMeet(['tasks', 'update', 't-0', '--status', 'done', '--in', TARGET], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(updatesIn(root)).toEqual(['t-0=done']);
    expect(existsSync(lock)).toBe(false);
  });

  it('an empty lock left by a process that died before writing it is taken over too', async () => {
    const root = repository(2);
    const lock = lockFileOf(path.join(root, TARGET));
    writeFileSync(lock, '');
    const run = await runMeet(['tasks', 'update', 't-1', '--status', 'dropped', '--in', TARGET], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(updatesIn(root)).toEqual(['t-1=dropped']);
    expect(existsSync(lock)).toBe(false);
  });

  it('a lock committed to git (another machine\'s, alive for all anyone here can tell) is taken over at once, and said', async () => {
    const { root, lock } = withCommittedLock();
    const run = await runMeet(['tasks', 'update', 't-0', '--status', 'done', '--in', TARGET], { cwd: root, env: GIT_ENV });
    expect(run.code, run.stderr).toBe(0);
    expect(updatesIn(root)).toEqual(['t-0=done']);
    expect(existsSync(lock)).toBe(false);
    const shown = path.relative(root, lock);
    expect(run.stderr).toContain(`${shown} đã bị commit vào git do nhầm lẫn`);
    const remove = `git -C meetings/2020 rm --quiet -- ${path.basename(lock)}`;
    expect(run.stderr).toContain(remove);
    // The command it gives removes it from git, run from anywhere.
    expect(spawnSync('sh', ['-c', remove], { cwd: root }).status).toBe(0);
    expect(git(root, 'ls-files', '--', shown)).toBe('');
  });

  it('a lock written since at a path HEAD still has (the leftover taken over, never removed from git) is a holder\'s: waited for', async () => {
    const { root, lock } = withCommittedLock();
    // A live holder's lock at that path, and the same text staged: only what HEAD has is a leftover.
    writeFileSync(lock, `${process.ppid}\n${hostname()}\nheld\n`);
    git(root, 'add', '-A');
    const pending = runMeet(['tasks', 'update', 't-0', '--status', 'done', '--in', TARGET], { cwd: root, env: GIT_ENV });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(existsSync(lock)).toBe(true);
    unlinkSync(lock);
    const run = await pending;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('commit vào git');
    expect(updatesIn(root)).toEqual(['t-0=done']);
  }, 60_000);

  it('a lock held by a live process is waited for, in git too; an update written meanwhile is kept, this one made on top', async () => {
    const root = repository(2);
    // Records in git, the lock not: a lock git does not track is a holder's.
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'Biên bản');
    const lock = lockFileOf(path.join(root, TARGET));
    // Held by a live process of this host (the test runner's parent).
    writeFileSync(lock, `${process.ppid}\n${hostname()}\nheld\n`);
    const pending = runMeet(['tasks', 'update', 't-0', '--status', 'done', '--in', TARGET], { cwd: root });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // While it waits, another writer adds t-1's update and lets go.
    writeFileSync(path.join(root, TARGET), TARGET_RECORD.replace('updates: []', 'updates:\n  - task: t-1\n    status: in-progress'));
    unlinkSync(lock);
    const run = await pending;
    expect(run.code, run.stderr).toBe(0);
    expect(updatesIn(root)).toEqual(['t-0=done', 't-1=in-progress']);
  }, 60_000);

  it('meet approve waits for the lock too, and keeps the update written meanwhile', async () => {
    const root = repository(2);
    const lock = lockFileOf(path.join(root, TARGET));
    writeFileSync(lock, `${process.ppid}\n${hostname()}\nheld\n`);
    const pending = runMeet(['approve', TARGET, '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-06'], { cwd: root });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // While it waits, `tasks update` (another process) writes t-1's update and lets go.
    writeFileSync(path.join(root, TARGET), TARGET_RECORD.replace('updates: []', 'updates:\n  - task: t-1\n    status: done'));
    unlinkSync(lock);
    const run = await pending;
    expect(run.code, run.stderr).toBe(0);
    expect(updatesIn(root)).toEqual(['t-1=done']);
    const approved = parseRecord(readFileSync(path.join(root, TARGET)), TARGET).record!.data.approval;
    expect(approved).toMatchObject({ status: 'approved', approved_by: 'Hoàng Văn Hiệp', approved_on: '2020-11-06' });
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  it('the record changed meanwhile so that the update no longer fits: exit 1, nothing overwritten', async () => {
    const root = repository(2);
    const lock = lockFileOf(path.join(root, TARGET));
    writeFileSync(lock, `${process.ppid}\n${hostname()}\nheld\n`);
    const pending = runMeet(['tasks', 'update', 't-0', '--status', 'done', '--in', TARGET], { cwd: root });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Another writer moves the meeting before the task's own: no update of t-0 may go in it now.
    const changed = TARGET_RECORD.replace('date: 2020-11-05', 'date: 2020-10-01');
    writeFileSync(path.join(root, TARGET), changed);
    unlinkSync(lock);
    const run = await pending;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/changed while the update was being made|not after the meeting that assigned it|đã bị thay đổi trong lúc đang ghi cập nhật/);
    expect(readFileSync(path.join(root, TARGET), 'utf8')).toBe(changed);
    expect(existsSync(lock)).toBe(false);
  }, 60_000);
});

// --- digest and new at once ----------------------------------------------------

describe('digest and new at once, in new folders: every file whole, nothing else left', () => {
  // 4 rounds: 5 took 11–13 s of the suite, 10 took 30 s.
  it('4 rounds of three meet new (one new year folder) and two digests (a new reports folder)', async () => {
    for (let round = 0; round < 4; round++) {
      const root = repository(2);
      const runs = await Promise.all([
        ...['Một', 'Hai', 'Ba'].map((title) => spawnMeet(['new', '--date', '2021-01-15', '--chair', 'X', '--title', `Hội nghị ${title}`], { cwd: root, timeout: 120_000 })),
        spawnMeet(['digest', '--month', '2020-11', '--today', '2020-12-01'], { cwd: root, timeout: 120_000 }),
        spawnMeet(['digest', '--month', '2020-11', '--today', '2020-12-01'], { cwd: root, timeout: 120_000 }),
      ]);
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      // The record store's shards and the output memo's answers (whole files, by name) may be there; a temporary file may not.
      const cacheFile = /^\.meet-cache\/(\.gitignore|store-[0-9a-f]+\.json|answer-[0-9a-f]{24}\.(json|out)|config-facts\.json)$/;
      expect(allFiles(root).filter((f) => !cacheFile.test(f))).toEqual(
        [
          'meet.config.yaml',
          ASSIGNING,
          TARGET,
          'meetings/2021/2021-01-15-hoi-nghi-mot.md',
          'meetings/2021/2021-01-15-hoi-nghi-hai.md',
          'meetings/2021/2021-01-15-hoi-nghi-ba.md',
          'reports/2020-11.md',
        ].sort(),
      );
      expect((await runMeet(['check'], { cwd: root })).code).toBe(0);
    }
  }, 600_000);
});
