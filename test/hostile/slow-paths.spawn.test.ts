// Issue 12, class 1: no quadratic paths. "Did you mean" is bounded and gives
// the same answers as a full search on small inputs; positions are found
// through indexes; metric values are computed a month at a time; a file
// lists at most 200 findings. The generated worst cases for each rule that
// suggests or locates run as whole processes (the built CLI), each under an
// explicit, generous time bound and a check of its peak memory.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearest, Suggestions } from '../../src/domain/suggest.js';
import { MAX_FINDINGS_PER_FILE } from '../../src/model/ruleCatalogue.js';
import type { Finding } from '../../src/model/ruleCatalogue.js';
import { makeRepo as makeViRepo, MINIMAL_CONFIG as VI_CONFIG, runMeet, spawnMeet, tempDir, writeTree } from '../helpers.js';

// The messages asserted below are English: the repositories say `locale: en`.
const MINIMAL_CONFIG = VI_CONFIG.replace('locale: vi', 'locale: en');
const makeRepo = (records: Record<string, string>, config = MINIMAL_CONFIG) => makeViRepo(records, config);

// --- "did you mean": the full search it replaces, as the reference -----------

function fullEditDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

function fullSearch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const distance = fullEditDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  if (bestDistance <= limit) return best;
  const starting = candidates.filter((c) => word.length >= 3 && c.toLowerCase().startsWith(lower));
  return starting.length === 1 ? starting[0] : undefined;
}

describe('"did you mean" is bounded, and the same as a full search on small inputs', () => {
  const letters = fc.constantFrom(...'abcdeéĐ-_0T');
  const word = fc.array(letters, { minLength: 0, maxLength: 14 }).map((w) => w.join(''));

  it('random words against random candidate lists (up to 300)', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 300 }), (w, candidates) => {
        expect(nearest(w, candidates)).toBe(fullSearch(w, candidates));
      }),
      { numRuns: 400 },
    );
  });

  it('near misses of real ids: swaps, insertions, deletions, shortened ids, duplicates', () => {
    const ids = ['tai-chinh-ke-hoach', 'van-phong', 'kinh-te', 'van-hoa-xa-hoi', 'title', 'owner', 'status', 'tai-chinh-ke-hoach', 'noi-vu', 'a', 'ab'];
    const mutate = fc.tuple(fc.constantFrom(...ids), fc.nat(20), fc.constantFrom('swap', 'insert', 'delete', 'replace', 'cut', 'upper'), letters);
    fc.assert(
      fc.property(mutate, fc.shuffledSubarray(ids), ([id, at, how, ch], candidates) => {
        const i = at % Math.max(1, id.length);
        const w =
          how === 'swap'
            ? id.slice(0, i) + (id[i + 1] ?? '') + (id[i] ?? '') + id.slice(i + 2)
            : how === 'insert'
              ? id.slice(0, i) + ch + id.slice(i)
              : how === 'delete'
                ? id.slice(0, i) + id.slice(i + 1)
                : how === 'replace'
                  ? id.slice(0, i) + ch + id.slice(i + 1)
                  : how === 'cut'
                    ? id.slice(0, i)
                    : id.toUpperCase();
        expect(nearest(w, candidates)).toBe(fullSearch(w, candidates));
      }),
      { numRuns: 600 },
    );
  });

  it('up to a thousand candidates of the right lengths, every one is compared: the same answer as a full search', () => {
    const candidates = Array.from({ length: 1000 }, (_, i) => `task-number-${i}-abcdef`);
    for (const w of ['tsak-number-17-abcdef', 'task-nmuber-999-abcdfe', 'task-number-5-abcde', 'zzzz-number-12-abcdef', 'task-number-12', 'task-number-1000-abcdef']) {
      expect(nearest(w, candidates)).toBe(fullSearch(w, candidates));
    }
  });

  it('among 200,000 ids it still finds a typo, by the ids sharing its beginning or end', () => {
    const candidates = Array.from({ length: 200_000 }, (_, i) => `2020-${String(i % 12).padStart(2, '0')}-task-${i}`);
    const suggestions = new Suggestions(candidates);
    expect(suggestions.nearest('2020-05-tsak-123461')).toBe('2020-05-task-123461');
    expect(suggestions.nearest('2020-05-task-123461x')).toBe('2020-05-task-123461');
    expect(suggestions.nearest('x2020-05-task-123461')).toBe('2020-05-task-123461');
  });

  it('a Suggestions answers a bounded number of different words, then none (the same word again is still answered)', () => {
    const suggestions = new Suggestions(['owner-one', 'owner-two'], 3);
    expect(['ownr-one', 'ownr-two', 'owner-on'].map((w) => suggestions.nearest(w))).toEqual(['owner-one', 'owner-two', 'owner-one']);
    expect(suggestions.nearest('owner-tw')).toBeUndefined();
    expect(suggestions.nearest('ownr-two')).toBe('owner-two');
  });
});

// --- a cap on findings per file ---------------------------------------------

const HEAD = (date: string) => `---\ntitle: Hội nghị\ndate: ${date}\nchair: Hoàng Văn Hiệp\n`;

describe('a file lists at most 200 findings, then says how many more', () => {
  it('250 unknown owners: the first 200 by line, then one too-many-findings (error) at the 201st', async () => {
    const tasks = Array.from({ length: 250 }, (_, i) => `  - {id: t-${i}, title: Việc ${i}, owner: van-phongg}\n`).join('');
    const root = makeRepo({ 'meetings/2020/2020-10-05-a.md': `${HEAD('2020-10-05')}tasks:\n${tasks}---\n` });
    const run = await runMeet(['check', '--format', 'json', '--no-cache'], { cwd: root });
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as Finding[];
    expect(findings).toHaveLength(MAX_FINDINGS_PER_FILE + 1);
    expect(findings.slice(0, 200).every((f) => f.rule === 'unknown-owner' && /Did you mean "van-phong"\?/.test(f.message))).toBe(true);
    expect(findings.slice(0, 200).map((f) => f.line)).toEqual(Array.from({ length: 200 }, (_, i) => 6 + i));
    expect(findings[200]).toMatchObject({ rule: 'too-many-findings', severity: 'error', line: 206, column: 41 });
    expect(findings[200]!.message).toMatch(/50 more findings in this file \(50 errors, 0 warnings\)/);
    // The pretty output says so too, and the exit code counts the hidden errors.
    const pretty = await runMeet(['check', '--no-cache'], { cwd: root });
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toContain('50 more findings');
  });

  it("a file's own findings are limited where it is read, then again with the rules across records: the count stays exact", async () => {
    // Five task ids already used in another record (found across records, lines 6-10), then 250 unknown owners (lines 11-260).
    const dup = Array.from({ length: 5 }, (_, i) => `  - {id: d-${i}, title: T, owner: van-phong}\n`).join('');
    const bad = Array.from({ length: 250 }, (_, i) => `  - {id: t-${i}, title: T, owner: van-phongg}\n`).join('');
    const root = makeRepo({
      'meetings/2020/2020-10-01-a.md': `${HEAD('2020-10-01')}tasks:\n${dup}---\n`,
      'meetings/2020/2020-10-05-b.md': `${HEAD('2020-10-05')}tasks:\n${dup}${bad}---\n`,
    });
    for (const cache of [['--no-cache'], [], []]) {
      const findings = (JSON.parse((await runMeet(['check', '--format', 'json', ...cache], { cwd: root })).stdout) as Finding[]).filter(
        (f) => f.file === 'meetings/2020/2020-10-05-b.md',
      );
      expect(findings).toHaveLength(201);
      expect(findings.filter((f) => f.rule === 'duplicate-task-id').map((f) => f.line)).toEqual([6, 7, 8, 9, 10]);
      expect(findings.filter((f) => f.rule === 'unknown-owner').map((f) => f.line)).toEqual(Array.from({ length: 195 }, (_, i) => 11 + i));
      expect(findings[200]).toMatchObject({ rule: 'too-many-findings', line: 206 });
      expect(findings[200]!.message).toMatch(/55 more findings in this file \(55 errors, 0 warnings\)/);
    }
  });

  it('only warnings hidden: the summary is a warning', async () => {
    const config = MINIMAL_CONFIG;
    const records: Record<string, string> = {};
    // 201 file-folder warnings cannot come from one file; 201 metric-sector warnings can.
    const metrics = Array.from({ length: 205 }, (_, i) => `      don-vi-mau: ${i}\n`);
    records['meetings/2020/2020-10-05-a.md'] =
      `${HEAD('2020-10-05')}results:\n${metrics.map((_, i) => `  - sector: kinh-te\n    summary: S${i}\n    metrics:\n${metrics[i]}`).join('')}---\n`;
    const root = makeRepo(records, config);
    const run = await runMeet(['check', '--format', 'json', '--no-cache'], { cwd: root });
    const findings = JSON.parse(run.stdout) as Finding[];
    expect(findings).toHaveLength(201);
    expect(findings[200]).toMatchObject({ rule: 'too-many-findings', severity: 'warning' });
    expect(findings[200]!.message).toMatch(/5 more findings in this file \(0 errors, 5 warnings\)/);
    expect(run.code).toBe(0);
  });
});

// --- the worst cases, as whole processes, time and memory bounded ------------

/** Peak resident memory of a spawned run, read from a file the run writes as it exits. */
function memoryProbe(): { env: Record<string, string>; peakMb: () => number } {
  const dir = tempDir('meet-rss-');
  const probe = path.join(dir, 'probe.cjs');
  const out = path.join(dir, 'peak.txt');
  writeFileSync(
    probe,
    `const { isMainThread } = require('node:worker_threads');
if (isMainThread) process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  return {
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${probe}`.trim() },
    peakMb: () => Number(readFileSync(out, 'utf8')) / 1024,
  };
}

/** Generous: a few seconds on an idle 2-core machine; a quadratic path takes minutes. */
const BOUND = 90_000;
const MEMORY_MB = 500;

async function bounded(root: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const probe = memoryProbe();
  const run = await spawnMeet(args, { cwd: root, env: probe.env, timeout: BOUND });
  expect(run.signal, `meet ${args.join(' ')} did not finish within ${BOUND / 1000} s`).toBeNull();
  expect(run.stderr).not.toContain('internal error');
  expect(probe.peakMb(), `meet ${args.join(' ')}: peak memory`).toBeLessThan(MEMORY_MB);
  return run;
}

const CONFIG_HEAD = `organization: UBND huyện Thử Nghiệm\nlocale: en\ntimezone: Asia/Ho_Chi_Minh\n`;

function findingsOf(stdout: string): Finding[] {
  return JSON.parse(stdout) as Finding[];
}

describe('generated worst cases finish in bounded time and memory (the built CLI)', () => {
  it('update-unknown-task: 4,000 tasks, and 4,000 updates naming near misses of them (was quadratic: 12.7 s at 1,000)', async () => {
    const n = 4000;
    const root = makeRepo({
      'meetings/2020/2020-10-01-a.md': `${HEAD('2020-10-01')}tasks:\n${Array.from({ length: n }, (_, i) => `  - {id: task-number-${i}-abcdef, title: T, owner: van-phong}\n`).join('')}---\n`,
      'meetings/2020/2020-11-01-b.md': `${HEAD('2020-11-01')}updates:\n${Array.from({ length: n }, (_, i) => `  - {task: tsak-nmuber-${i}-abcdef, status: done}\n`).join('')}---\n`,
    });
    const check = await bounded(root, ['check', '--format', 'json', '--no-cache']);
    expect(check.code).toBe(1);
    const findings = findingsOf(check.stdout);
    expect(findings.filter((f) => f.rule === 'update-unknown-task')).toHaveLength(200);
    expect(findings.find((f) => f.line === 6)?.message).toMatch(/Did you mean "task-number-0-abcdef"\?/);
    expect(findings.at(-1)).toMatchObject({ rule: 'too-many-findings', file: 'meetings/2020/2020-11-01-b.md' });
    // The commands that load the records the same way stop on the errors, as quickly.
    for (const args of [['report', '--month', '2020-10'], ['new', '--date', '2020-12-01', '--chair', 'X', '--dry-run']]) {
      const run = await bounded(root, args);
      expect([1, 0]).toContain(run.code);
    }
  });

  it('unknown owners, sectors and metrics: 3,000 of each against a config declaring 3,000 of each', async () => {
    const n = 3000;
    const ids = (kind: string) => Array.from({ length: n }, (_, i) => `  ${kind}-${String(i).padStart(5, '0')}-abcdefgh: ${kind} ${i}\n`).join('');
    const metrics = Array.from({ length: n }, (_, i) => `  metric-${String(i).padStart(5, '0')}-abcdefgh: { label: M${i}, sector: sector-00000-abcdefgh }\n`).join('');
    const config = `${CONFIG_HEAD}sectors:\n${ids('sector')}owners:\n${ids('owner')}metrics:\n${metrics}`;
    const tasks = Array.from({ length: n }, (_, i) => `  - {id: t-${i}, title: T, owner: ownre-${String(i).padStart(5, '0')}-abcdefgh, sector: sectro-${String(i).padStart(5, '0')}-abcdefgh}\n`);
    const results = Array.from({ length: n }, (_, i) => `  - sector: sector-${String(i).padStart(5, '0')}-abcdefg\n    summary: S\n    metrics: { mertic-${String(i).padStart(5, '0')}-abcdefgh: 1 }\n`);
    const root = makeRepo({ 'meetings/2020/2020-10-01-a.md': `${HEAD('2020-10-01')}results:\n${results.join('')}tasks:\n${tasks.join('')}---\n` }, config);
    const check = await bounded(root, ['check', '--format', 'json', '--no-cache']);
    expect(check.code).toBe(1);
    const findings = findingsOf(check.stdout);
    expect(findings).toHaveLength(201);
    expect(findings[0]!.message).toMatch(/Did you mean "sector-00000-abcdefgh"\?/);
    expect(findings.find((f) => f.rule === 'unknown-metric')?.message).toMatch(/Did you mean "metric-00000-abcdefgh"\?/);
  });

  it('3,000 records each naming one unknown owner, against 1,000 owners of the same length', async () => {
    const owners = Array.from({ length: 1000 }, (_, i) => `  owner-${String(i).padStart(6, '0')}: O${i}\n`).join('');
    const config = `${CONFIG_HEAD}sectors:\n  kinh-te: Kinh tế\nowners:\n${owners}metrics: {}\n`;
    const root = tempDir();
    const files: Record<string, string> = { 'meet.config.yaml': config };
    for (let i = 0; i < 3000; i++) {
      const day = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      files[`meetings/${day.slice(0, 4)}/${day}-m.md`] = `${HEAD(day)}tasks:\n  - {id: t${i}, title: T, owner: ownre-${String(i % 1000).padStart(6, '0')}}\n---\n`;
    }
    writeTree(root, files);
    const check = await bounded(root, ['check', '--format', 'json', '--no-cache']);
    const findings = findingsOf(check.stdout);
    expect(findings).toHaveLength(3000);
    expect(findings[0]!.message).toMatch(/Did you mean "owner-000000"\?/);
  });

  it('unknown-key: 150,000 unknown top-level keys (50,000 took 22.6 s: a linear search per position; 150,000 overflowed the stack)', async () => {
    const keys = Array.from({ length: 150_000 }, (_, i) => `k${i}: v\n`).join('');
    const root = makeRepo({ 'meetings/2020/2020-10-05-a.md': `${HEAD('2020-10-05')}${keys}---\n` });
    const check = await bounded(root, ['check', '--format', 'json', '--no-cache']);
    expect(check.code).toBe(1);
    const findings = findingsOf(check.stdout);
    expect(findings).toHaveLength(201);
    expect(findings[0]).toMatchObject({ rule: 'unknown-key', line: 5, column: 1 });
    expect(findings[199]).toMatchObject({ rule: 'unknown-key', line: 204, column: 1 });
    expect(findings[200]!.message).toMatch(/149,800 more findings/);
    const report = await bounded(root, ['report', '--month', '2020-10']);
    expect(report.code).toBe(1);
  });

  it('a key followed by 2 MB of spaces and a colon: the advice on a missing colon is linear (240 KB took 26 s)', async () => {
    const root = makeRepo({
      'meetings/2021/2021-01-10-a.md': `${HEAD('2021-01-10')}title${' '.repeat(2_000_000)}::\n---\n`,
      'meetings/2021/2021-01-11-b.md': `${HEAD('2021-01-11')}title${' \t'.repeat(1_000_000)}Họp\n---\n`,
    });
    const check = await bounded(root, ['check', '--format', 'json', '--no-cache']);
    expect(check.code).toBe(1);
    const findings = findingsOf(check.stdout);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual(['meetings/2021/2021-01-10-a.md:5 yaml-syntax', 'meetings/2021/2021-01-11-b.md:5 yaml-syntax']);
    expect(findings[1]!.message).toBe('"title" has no ":" after it: write title: Họp');
  });

  it('duplicate-task-id and invalid-value: 20,000 of each in one record', async () => {
    const tasks = Array.from({ length: 20_000 }, () => `  - {id: same, title: T, owner: van-phong, status: dnoe}\n`).join('');
    const root = makeRepo({ 'meetings/2020/2020-10-05-a.md': `${HEAD('2020-10-05')}tasks:\n${tasks}---\n` });
    const check = await bounded(root, ['check', '--format', 'json', '--no-cache']);
    const findings = findingsOf(check.stdout);
    expect(findings).toHaveLength(201);
    expect(findings[0]).toMatchObject({ rule: 'invalid-value', line: 6 });
    expect(findings[0]!.message).toMatch(/Did you mean "done"\?/);
  });

  it('a config with 6,000 metrics and 1,500 records: check, report and diff (at 15,000 and 3,000, were 16 s and 25 s)', async () => {
    const m = 6_000;
    const metrics = Array.from({ length: m }, (_, i) => `  metric-${i}: { label: M${i}, unit: x, sector: kinh-te }\n`).join('');
    const files: Record<string, string> = { 'meet.config.yaml': `${CONFIG_HEAD}sectors:\n  kinh-te: Kinh tế\nowners:\n  van-phong: VP\nmetrics:\n${metrics}` };
    for (let i = 0; i < 1500; i++) {
      const day = new Date(Date.UTC(2017, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      files[`meetings/${day.slice(0, 4)}/${day}-m${i}.md`] =
        `${HEAD(day)}results:\n  - sector: kinh-te\n    summary: S\n    metrics:\n      metric-${i % m}: ${i}\n      metric-${(i * 7 + 1) % m}: 3\n---\n`;
    }
    const root = tempDir();
    writeTree(root, files);
    const check = await bounded(root, ['check', '--format', 'json', '--no-cache']);
    expect(check.code).toBe(0);
    const report = await bounded(root, ['report', '--month', '2020-10', '--format', 'json', '--today', '2020-11-15']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).metrics.length).toBeGreaterThan(50);
    const diff = await bounded(root, ['diff', '2020-09', '2020-10', '--format', 'json']);
    expect(diff.code).toBe(0);
  });
});
