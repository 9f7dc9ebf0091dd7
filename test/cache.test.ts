// The speed machinery of issue 5, for what it must not change: the check
// cache (.meet-cache/) gives the same findings as a full read, is signed so a
// forged one is ignored, never follows links out of the repository, and
// survives corruption and concurrent runs; parser threads give the same
// results as one thread.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressOnTerminal, type Io } from '../src/io/terminal.js';
import { copyExamples, git, MEET_BIN, runMeet, tempDir, TEST_CACHE_HOME, writeTree } from './helpers.js';

const OCTOBER = 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md';
const NOVEMBER = 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md';

function check(root: string, ...args: string[]) {
  return runMeet(['check', '--format', 'json', ...args], { cwd: root });
}

/** The cache's files, the record shards counted as one name. */
function cacheFiles(root: string): string[] {
  const folder = path.join(root, '.meet-cache');
  const names = existsSync(folder) ? readdirSync(folder) : [];
  return [...new Set(names.map((n) => n.replace(/^records-[0-9a-f]+\.json$/, 'records-*.json')))].sort();
}

/** Re-signs a cache file after changing its value, as only the holder of the key can. */
function forge(root: string, name: string, change: (value: Record<string, unknown>) => void, key = readFileSync(path.join(TEST_CACHE_HOME, 'meet', 'cache-key'))): void {
  const file = path.join(root, '.meet-cache', name);
  const bytes = readFileSync(file);
  const newline = bytes.indexOf(0x0a);
  const payload = JSON.parse(bytes.subarray(newline + 1).toString('utf8')) as { value: Record<string, unknown> };
  change(payload.value);
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const mac = createHmac('sha256', key).update(body).digest('base64url');
  writeFileSync(file, Buffer.concat([Buffer.from(`${mac}\n`), body]));
}

const FAKE_FINDING = { file: OCTOBER, line: 3, column: 7, severity: 'error', rule: 'invalid-value', message: 'from the cache' };

describe('meet check with .meet-cache/', () => {
  it('writes a git-ignored cache and gives the same answer from it', () => {
    const root = copyExamples();
    git(root, 'init', '-q');
    const first = check(root);
    expect(first.code).toBe(0);
    expect(cacheFiles(root)).toEqual(['.gitignore', 'check-result.json', 'records-*.json']);
    expect(git(root, 'status', '--porcelain', '--', '.meet-cache')).toBe('');
    const second = check(root);
    expect(second).toEqual(first);
  });

  it('answers from the cache when nothing changed: a finding placed there by the key holder is shown', () => {
    const root = copyExamples();
    expect(check(root).code).toBe(0);
    forge(root, 'check-result.json', (value) => {
      value.findings = [FAKE_FINDING];
    });
    const cached = check(root);
    expect(cached.code).toBe(1);
    expect(JSON.parse(cached.stdout)[0].message).toBe('from the cache');
    // --no-cache reads everything again and neither trusts nor touches the cache.
    const fresh = check(root, '--no-cache');
    expect(fresh.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, '.meet-cache', 'check-result.json'), 'utf8').split('\n')[1]!).value.findings).toEqual([FAKE_FINDING]);
  });

  it('ignores a cache signed with another key (one committed in a pull request)', () => {
    const root = copyExamples();
    expect(check(root).code).toBe(0);
    forge(root, 'check-result.json', (value) => {
      value.findings = [FAKE_FINDING];
    }, Buffer.alloc(32, 7));
    const run = check(root);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
    // …and rewrites it with its own signature.
    expect(check(root)).toEqual(run);
  });

  it('ignores a cache that is truncated, empty or not JSON, and rewrites it', () => {
    const root = copyExamples();
    const clean = check(root);
    for (const damage of [(b: Buffer) => b.subarray(0, b.length >> 1), () => Buffer.alloc(0), () => Buffer.from('\u0000\u0001garbage\n{')]) {
      for (const name of readdirSync(path.join(root, '.meet-cache')).filter((n) => n.endsWith('.json'))) {
        const file = path.join(root, '.meet-cache', name);
        writeFileSync(file, damage(readFileSync(file)));
      }
      expect(check(root)).toEqual(clean);
      expect(readFileSync(path.join(root, '.meet-cache', 'check-result.json')).length).toBeGreaterThan(100);
    }
  });

  it('sees a changed record, a changed config and a new file', () => {
    const root = copyExamples();
    expect(check(root).code).toBe(0);
    const october = path.join(root, OCTOBER);
    writeFileSync(october, readFileSync(october, 'utf8').replace(/^date: 2020-10-26$/m, 'date: 2020-10-32'));
    const broken = check(root);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).map((f: { rule: string }) => f.rule)).toContain('invalid-date');
    expect(broken).toEqual(check(root, '--no-cache'));

    const fixed = copyExamples();
    expect(check(fixed).code).toBe(0);
    const config = path.join(fixed, 'meet.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^ {2}van-phong:.*\n/m, ''));
    const owners = check(fixed);
    expect(owners.code).toBe(1);
    expect(JSON.parse(owners.stdout).map((f: { rule: string }) => f.rule)).toContain('unknown-owner');
    expect(owners).toEqual(check(fixed, '--no-cache'));

    writeTree(fixed, { 'meetings/2021/2021-01-05-extra.md': '---\ntitle: X\n---\n' });
    const added = check(fixed);
    expect(added.code).toBe(1);
    expect(added.stdout).toContain('2021-01-05-extra.md');
  });

  it('places cross-record findings on unchanged (cached) records exactly where a full read does', () => {
    const root = copyExamples();
    expect(check(root).code).toBe(0);
    // Taking the tasks out of October orphans November's updates of them: November is unchanged, read from the cache.
    const october = path.join(root, OCTOBER);
    const text = readFileSync(october, 'utf8');
    writeFileSync(october, text.replace(/^tasks:\n(?: {2}.*\n|\n)*/m, 'tasks: []\n'));
    const cached = check(root);
    const full = check(root, '--no-cache');
    expect(cached).toEqual(full);
    const orphans = JSON.parse(cached.stdout).filter((f: { rule: string; file: string }) => f.rule === 'update-unknown-task' && f.file === NOVEMBER);
    expect(orphans.length).toBeGreaterThan(0);
  });

  it('never writes through a .meet-cache link leading outside the repository', () => {
    const parent = tempDir();
    const root = path.join(parent, 'repo');
    const outside = path.join(parent, 'outside');
    mkdirSync(outside);
    cpSync(copyExamples(), root, { recursive: true });
    symlinkSync(outside, path.join(root, '.meet-cache'));
    const run = check(root);
    expect(run.code).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
    // A file in its place is left alone too.
    rmSync(path.join(root, '.meet-cache'));
    writeFileSync(path.join(root, '.meet-cache'), 'not a folder');
    expect(check(root).code).toBe(0);
    expect(readFileSync(path.join(root, '.meet-cache'), 'utf8')).toBe('not a folder');
  });

  it('survives concurrent runs: each answers right, and the cache left behind is whole', async () => {
    const root = copyExamples();
    const expected = check(root, '--no-cache');
    rmSync(path.join(root, '.meet-cache'), { recursive: true, force: true });
    const runs = await Promise.all(Array.from({ length: 6 }, () => runAsync(['check', '--format', 'json'], root)));
    for (const run of runs) expect(run).toEqual({ code: expected.code, stdout: expected.stdout });
    expect(cacheFiles(root)).toEqual(['.gitignore', 'check-result.json', 'records-*.json']);
    forge(root, 'check-result.json', (value) => {
      value.findings = [FAKE_FINDING];
    });
    // The surviving file verifies (it is used), so it was written whole.
    expect(JSON.parse(check(root).stdout)).toEqual([FAKE_FINDING]);
  });
});

describe('parser threads', () => {
  it('give the same findings, reports and task lists as one thread', () => {
    const root = copyExamples();
    // Errors in one file (read again on the main thread), cross-record findings on clean ones (placed lazily).
    const october = path.join(root, OCTOBER);
    writeFileSync(october, readFileSync(october, 'utf8').replace(/^tasks:\n(?: {2}.*\n|\n)*/m, 'tasks: []\n'));
    writeTree(root, {
      'meetings/2020/2020-12-30-bad.md': '---\ntitle: A\ndate: 2020-12-30\nchair: B\ntasks:\n  - id: x\n    owner: nobody\n    title: T\nupdates:\n  - task: nope\n    status: done\n---\n',
      'meetings/2020/2020-12-31-tab.md': '---\ntitle: A\n\tdate: x\n---\n',
    });
    const one = runMeet(['check', '--format', 'json', '--no-cache'], { cwd: root, env: { MEET_THREADS: '0' } });
    const two = runMeet(['check', '--format', 'json', '--no-cache'], { cwd: root, env: { MEET_THREADS: '2' } });
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
    expect(JSON.parse(one.stdout).length).toBeGreaterThan(3);

    const clean = copyExamples();
    for (const args of [['report', '--month', '2020-10', '--format', 'json'], ['tasks', '--format', 'json', '--today', '2020-12-01'], ['diff', '2020-10', '2020-11', '--format', 'json']]) {
      const single = runMeet(args, { cwd: clean, env: { MEET_THREADS: '0' } });
      const threaded = runMeet(args, { cwd: clean, env: { MEET_THREADS: '3' } });
      expect(single.code).toBe(0);
      expect(threaded).toEqual(single);
    }
  });
});

describe('parser threads and hostile records', () => {
  it('a thread that runs out of memory on a huge record leaves it to the main thread: the same findings', () => {
    const root = copyExamples();
    // 250,000 values behind an anchor: the exact reader is needed, and a parser thread's small heap is not enough for it.
    const values = Array.from({ length: 12_000 }, (_, i) => `  k${i}: [${Array(20).fill('x').join(', ')}]\n`).join('');
    writeTree(root, { 'meetings/2020/2020-12-30-big.md': `---\ntitle: A\ndate: 2020-12-30\nchair: B\nextra:\n  anchor: &a x\n${values}---\n` });
    const one = runMeet(['check', '--format', 'json', '--no-cache'], { cwd: root, env: { MEET_THREADS: '0' } });
    const two = runMeet(['check', '--format', 'json', '--no-cache'], { cwd: root, env: { MEET_THREADS: '2' } });
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout).some((f: { file: string }) => f.file.endsWith('2020-12-30-big.md'))).toBe(true);
    expect(two).toEqual(one);
  });

  it('output cut short by the reader (| head) ends quietly', () => {
    const root = copyExamples();
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${MEET_BIN}" tasks --format json --today 2020-12-01 | head -c 10`], { cwd: root, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME } });
    expect(run.stdout).toHaveLength(10);
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe('progress on a terminal', () => {
  function terminal(isTTY: boolean): { io: Io; written: string[] } {
    const written: string[] = [];
    const stream = { isTTY, write: (text: string) => written.push(text) };
    return { io: { cwd: '/', env: {}, stdout: stream, stderr: stream, stdin: {}, now: () => new Date(0), colorAllowed: true }, written };
  }

  it('shows files read / total after a second, and clears the line at the end', () => {
    let now = 0;
    const { io, written } = terminal(true);
    const progress = progressOnTerminal(io, 'reading records', () => now);
    progress(10, 10_000);
    expect(written).toEqual([]);
    now = 1500;
    progress(4200, 10_000);
    expect(written.at(-1)).toContain('reading records 4,200 / 10,000');
    now = 1550;
    progress(4300, 10_000); // too soon to redraw
    expect(written).toHaveLength(1);
    progress(10_000, 10_000);
    expect(written.at(-1)).toBe('\r\u001b[K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    let now = 0;
    const { io, written } = terminal(false);
    const progress = progressOnTerminal(io, 'reading records', () => now);
    now = 5000;
    progress(1, 2);
    progress(2, 2);
    expect(written).toEqual([]);
  });

  it('meet check on many records prints nothing on a non-terminal stderr', () => {
    const root = copyExamples();
    const files: Record<string, string> = {};
    const october = readFileSync(path.join(root, OCTOBER), 'utf8').replace(/^tasks:\n(?: {2}.*\n|\n)*/m, 'tasks: []\n').replace(/^updates:\n(?: {2}.*\n|\n)*/m, 'updates: []\n');
    for (let i = 0; i < 600; i++) files[`meetings/2019/2019-01-01-copy-${i}.md`] = october.replace(/^date: .*$/m, 'date: 2019-01-01');
    writeTree(root, files);
    const run = runMeet(['check', '--no-cache'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('đã kiểm tra 605 biên bản');
  });
});

function runAsync(args: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MEET_BIN, ...args], { cwd, env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME }, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
  });
}
