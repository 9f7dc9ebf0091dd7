// Issue 6: writes lose nothing. The built CLI is killed with SIGKILL at
// random moments while `meet tasks update` rewrites a record and while
// `meet new` creates one; every record must then be the old version or the
// new one, whole. Several `meet new` racing for one path make one file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTaskUpdate, type UpdateEntry } from '../src/records/edit.js';
import { PROJECT_ROOT, makeRepo, runMeet, spawnMeet } from './helpers.js';

const fixture = (name: string) => readFileSync(path.join(PROJECT_ROOT, 'test', 'hostile', name));

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built CLI; with `killAfter`, sends SIGKILL after that many ms (if it is still running). */
async function run(args: readonly string[], cwd: string, killAfter?: number): Promise<Ended> {
  const started = Date.now();
  const ended = await spawnMeet([...args], { cwd, ...(killAfter === undefined ? {} : { timeout: killAfter }) });
  return { ...ended, ms: Date.now() - started };
}

/**
 * A deterministic spread of delays over [0, 1.2 × a full run]: early, mid-write
 * and after. The first is 0 ms, a kill before Node has even started: some run
 * is always killed, however fast or loaded the machine.
 */
function delays(count: number, fullRun: number): number[] {
  let seed = 6;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: count }, () => Math.floor(random() * fullRun * 1.2));
}

/** Files a reader would take for records: everything but the hidden temp files. */
function visible(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .sort();
}

const ASSIGNING = 'meetings/2020/2020-10-05-giao-viec.md';
const TARGET = 'meetings/2020/2020-10-26-kiem-tra.md';
// CRLF, a BOM and comments: the edit must keep all of them, even when killed.
const TARGET_TEXT = `\uFEFF${fixture('writes/target.md').toString('utf8')}`.replace(/\n/g, '\r\n');

describe('kill -9 at any moment: every record is the old version or the new one, whole', () => {
  it('meet tasks update killed at random moments', async () => {
    const root = makeRepo({ [ASSIGNING]: fixture('writes/assigning.md').toString('utf8'), [TARGET]: TARGET_TEXT });
    const folder = path.join(root, 'meetings', '2020');
    const assigning = readFileSync(path.join(root, ASSIGNING));
    const statuses = ['in-progress', 'done', 'open', 'dropped'] as const;
    const entry = (i: number): UpdateEntry => ({ task: i % 3 === 0 ? 't-hai' : 't-mot', status: statuses[i % 4]!, note: `Lần thứ ${i}: “đã rà soát”` });
    const args = (e: UpdateEntry) => ['tasks', 'update', e.task, '--status', e.status, '--note', e.note!, '--in', TARGET];

    // One run to the end: how long a whole run takes here, and that it works.
    let current = readFileSync(path.join(root, TARGET), 'utf8');
    const first = entry(0);
    const full = await run(args(first), root);
    expect(full.code, full.stderr).toBe(0);
    current = expectOneOf(root, current, first, true);

    let killedMidway = 0;
    let completed = 0;
    // 16 kills spread over a whole run (28 took 14 s of the suite).
    const spread = delays(16, full.ms);
    for (const [i, delay] of spread.entries()) {
      const e = entry(i + 1);
      const ended = await run(args(e), root, delay);
      if (ended.signal === 'SIGKILL') killedMidway++;
      else {
        expect(ended.code, ended.stderr).toBe(0);
        completed++;
      }
      current = expectOneOf(root, current, e, ended.code === 0);
      expect(readFileSync(path.join(root, ASSIGNING)).equals(assigning)).toBe(true);
      expect(visible(folder)).toEqual([path.basename(ASSIGNING), path.basename(TARGET)]);
    }
    // The spread reached both ends: some runs died, some finished.
    expect(killedMidway).toBeGreaterThan(0);
    expect(completed + killedMidway).toBe(spread.length);
    // Whatever a killed run left behind, meet check reads only the records.
    const check = await runMeet(['check'], { cwd: root });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('meet new killed at random moments', async () => {
    const root = makeRepo({ [ASSIGNING]: fixture('writes/assigning.md').toString('utf8') });
    const folder = path.join(root, 'meetings', '2020');
    const args = (day: number) => ['new', '--date', `2020-11-${String(day).padStart(2, '0')}`, '--chair', 'Hoàng Văn Hiệp', '--title', 'Hội nghị thường kỳ'];
    const file = (day: number) => path.join(folder, `2020-11-${String(day).padStart(2, '0')}-hoi-nghi-thuong-ky.md`);

    const full = await run(args(1), root);
    expect(full.code, full.stderr).toBe(0);
    const spread = delays(15, full.ms);
    const expected = new Set([path.basename(ASSIGNING), path.basename(file(1))]);
    // Three at a time: each writes its own date's record.
    for (let start = 0; start < spread.length; start += 3) {
      const batch = spread.slice(start, start + 3).map((delay, k) => ({ day: start + k + 2, delay }));
      const ended = await Promise.all(batch.map(({ day, delay }) => run(args(day), root, delay)));
      for (const [k, { day }] of batch.entries()) {
        const written = existsSync(file(day));
        if (ended[k]!.code === 0) expect(written).toBe(true);
        if (!written) continue;
        expected.add(path.basename(file(day)));
        // Whole: byte for byte what the same command prints with --dry-run (in-process: a reference, not a subject).
        // The record is there, so the dry run also says the run would stop (exit 2).
        const dry = await runMeet([...args(day), '--dry-run'], { cwd: root });
        expect(dry.code, dry.stderr).toBe(2);
        expect(dry.stderr).toContain('đã có; meet new không bao giờ ghi đè biên bản');
        const content = readFileSync(file(day), 'utf8');
        expect(content.endsWith('\n') ? content : `${content}\n`).toBe(dry.stdout);
      }
      expect(visible(folder)).toEqual([...expected].sort());
    }
    const check = await runMeet(['check'], { cwd: root });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});

/** The record is the old text, or old + `entry`, whole; returns what it now holds. */
function expectOneOf(root: string, old: string, entry: UpdateEntry, mustBeNew: boolean): string {
  const edit = addTaskUpdate(old, entry);
  if (edit.kind === 'refused') throw new Error(`the test's own edit was refused: ${edit.reason}`);
  const now = readFileSync(path.join(root, TARGET), 'utf8');
  if (mustBeNew) expect(now).toBe(edit.text);
  else expect([old, edit.text]).toContain(now);
  return now;
}

describe('meet new racing for the same path', () => {
  it('five at once with the same date and title make exactly one file; the others exit 2 with "already exists"', async () => {
    const root = makeRepo({ [ASSIGNING]: fixture('writes/assigning.md').toString('utf8') });
    const folder = path.join(root, 'meetings', '2020');
    for (const date of ['2020-12-01', '2020-12-02']) {
      const args = ['new', '--date', date, '--chair', 'Hoàng Văn Hiệp', '--title', 'Cuộc họp tranh đua'];
      const ended = await Promise.all(Array.from({ length: 5 }, () => run(args, root)));
      const codes = ended.map((e) => e.code).sort();
      expect(codes, ended.map((e) => e.stderr).join('\n')).toEqual([0, 2, 2, 2, 2]);
      for (const e of ended.filter((x) => x.code === 2)) expect(e.stderr).toMatch(/đã có; meet new không bao giờ ghi đè/);
      expect(visible(folder).filter((name) => name.startsWith(date))).toEqual([`${date}-cuoc-hop-tranh-dua.md`]);
      // The record is there, so the dry run also says the run would stop (exit 2).
      const dry = await runMeet([...args, '--dry-run'], { cwd: root });
      expect(dry.code, dry.stderr).toBe(2);
      const content = readFileSync(path.join(folder, `${date}-cuoc-hop-tranh-dua.md`), 'utf8');
      expect(content.endsWith('\n') ? content : `${content}\n`).toBe(dry.stdout);
    }
    // No temp file survives a lost race.
    expect(readdirSync(folder).filter((name) => name.startsWith('.'))).toEqual([]);
    expect((await runMeet(['check'], { cwd: root })).code).toBe(0);
  });
});
