// Issue 12, class 3: the check cache trusts nothing it did not write. Its
// files are opened without following links, only regular files of sane size
// are read, and anything odd is a miss. What it stores is keyed by the very
// bytes that were parsed: a record swapped between hashing and parsing can
// never leave a "no problems" under the hash of the bad version.
import { createHmac } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io/terminal.js';
import { main } from '../../src/main.js';
import { git, MINIMAL_CONFIG, runMeet, spawnMeet, tempDir, TEST_CACHE_HOME, writeTree } from '../helpers.js';

const GOOD = `---\ntitle: Hội nghị\ndate: 2020-10-01\nchair: Hoàng Văn Hiệp\n---\n`;
const BAD = `---\ntitle: Hội nghị\ndate: 2020-10-01\nchair: Hoàng Văn Hiệp\nowner-typo: x\n---\n`;
const OTHER = `---\ntitle: Hội nghị khác\ndate: 2020-10-20\nchair: Hoàng Văn Hiệp\n---\n`;
const TARGET = 'meetings/2020/2020-10-01-hoi-nghi.md';

function repository(record = BAD): { parent: string; root: string } {
  const parent = tempDir('meet-cache-trust-');
  const root = path.join(parent, 'repo');
  writeTree(root, { 'meet.config.yaml': MINIMAL_CONFIG, [TARGET]: record, 'meetings/2020/2020-10-20-khac.md': OTHER });
  return { parent, root };
}

/**
 * meet check in-process with a clock that jumps two seconds at each reading,
 * so that the progress line is written for every file; `onProgress` runs at
 * the first one, between hashing the first file and parsing any.
 */
async function checkWithSwap(root: string, onProgress: () => void, extra: string[] = []): Promise<number> {
  let t = 0;
  let done = false;
  const env: Record<string, string | undefined> = { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME, MEET_THREADS: '0' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const io: Io = {
    cwd: root,
    env,
    stdout: { isTTY: false, write: () => true },
    stderr: {
      isTTY: true,
      write: (text: string) => {
        if (!done && (text.includes('reading records') || text.includes('đang đọc biên bản'))) {
          done = true;
          onProgress();
        }
        return true;
      },
    },
    stdin: { isTTY: false },
    now: () => new Date((t += 2000)),
    colorAllowed: false,
  };
  const code = await main(['check', '--format', 'json', ...extra], io);
  expect(done, 'the swap happened between hashing and parsing').toBe(true);
  return code;
}

describe('a record swapped between hashing and parsing never poisons the cache', () => {
  it('bad when hashed, good when parsed: the next check of the bad record still fails', async () => {
    const { parent, root } = repository(BAD);
    writeFileSync(path.join(parent, 'good.md'), GOOD);
    writeFileSync(path.join(parent, 'bad.md'), BAD);
    // The run itself checked the good version: it passes.
    expect(await checkWithSwap(root, () => renameSync(path.join(parent, 'good.md'), path.join(root, TARGET)))).toBe(0);
    // The bad version is back: nothing cached may say it passes, however often it is checked.
    renameSync(path.join(parent, 'bad.md'), path.join(root, TARGET));
    for (let i = 0; i < 3; i++) {
      const again = await runMeet(['check', '--format', 'json'], { cwd: root });
      expect(again.code).toBe(1);
      expect(JSON.parse(again.stdout)).toEqual([expect.objectContaining({ file: TARGET, rule: 'unknown-key' })]);
    }
    // And --no-cache agrees.
    expect((await runMeet(['check', '--no-cache'], { cwd: root })).code).toBe(1);
  });

  it('good when hashed, bad when parsed: the next check of the good record passes', async () => {
    const { parent, root } = repository(GOOD);
    writeFileSync(path.join(parent, 'bad.md'), BAD);
    writeFileSync(path.join(parent, 'good.md'), GOOD);
    expect(await checkWithSwap(root, () => renameSync(path.join(parent, 'bad.md'), path.join(root, TARGET)))).toBe(1);
    renameSync(path.join(parent, 'good.md'), path.join(root, TARGET));
    expect((await runMeet(['check'], { cwd: root })).code).toBe(0);
  });

  it('what the run parsed is what it stores: a check of the swapped-in version is answered from the cache', async () => {
    const { parent, root } = repository(BAD);
    writeFileSync(path.join(parent, 'good.md'), GOOD);
    expect(await checkWithSwap(root, () => renameSync(path.join(parent, 'good.md'), path.join(root, TARGET)))).toBe(0);
    const result = readFileSync(path.join(root, '.meet-cache', 'check-result.json'), 'utf8');
    expect((await runMeet(['check'], { cwd: root })).code).toBe(0);
    // Answered from the stored result: it was not written again.
    expect(readFileSync(path.join(root, '.meet-cache', 'check-result.json'), 'utf8')).toBe(result);
  });

  it('the config changed between hashing and parsing: nothing is stored', async () => {
    const { root } = repository(GOOD);
    expect(await checkWithSwap(root, () => writeFileSync(path.join(root, 'meet.config.yaml'), `${MINIMAL_CONFIG}# changed\n`))).toBe(0);
    expect(existsSync(path.join(root, '.meet-cache', 'check-result.json'))).toBe(false);
  });

  it('with --since too (the records are loaded, the cache still written)', async () => {
    const { parent, root } = repository(BAD);
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'records');
    writeFileSync(path.join(parent, 'good.md'), GOOD);
    writeFileSync(path.join(parent, 'bad.md'), BAD);
    await checkWithSwap(root, () => renameSync(path.join(parent, 'good.md'), path.join(root, TARGET)), ['--since', 'main']);
    renameSync(path.join(parent, 'bad.md'), path.join(root, TARGET));
    expect((await runMeet(['check'], { cwd: root })).code).toBe(1);
  });
});

// --- cache files that meet did not write --------------------------------------

/** The parts of a cache file: its signature line and its payload. */
function readCacheFile(file: string): { format: number; tool: string; value: Record<string, unknown> } {
  const text = readFileSync(file, 'utf8');
  return JSON.parse(text.slice(text.indexOf('\n') + 1)) as { format: number; tool: string; value: Record<string, unknown> };
}

/** A cache file signed with `key`, as meet writes them. */
function signed(key: Buffer, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  return `${createHmac('sha256', key).update(body).digest('base64url')}\n${body.toString('utf8')}`;
}

const userKey = () => readFileSync(path.join(TEST_CACHE_HOME, 'meet', 'cache-key'));

describe('cache files that are links, or not regular files, are never read', () => {
  it('a check-result.json linking to a valid "no problems" outside the repository is not followed', async () => {
    const { parent, root } = repository(BAD);
    expect((await runMeet(['check'], { cwd: root })).code).toBe(1);
    // The result meet wrote, with its findings taken out and signed again: a perfect forgery, kept outside.
    const result = readCacheFile(path.join(root, '.meet-cache', 'check-result.json'));
    const forged = path.join(parent, 'forged.json');
    writeFileSync(forged, signed(userKey(), { ...result, value: { ...result.value, findings: [] } }));
    rmSync(path.join(root, '.meet-cache', 'check-result.json'));
    symlinkSync(forged, path.join(root, '.meet-cache', 'check-result.json'));
    const run = await runMeet(['check', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
    // The link is replaced by a file meet wrote; what it pointed to is untouched.
    expect(lstatSync(path.join(root, '.meet-cache', 'check-result.json')).isFile()).toBe(true);
    expect(readCacheFile(forged).value.findings).toEqual([]);
  });

  it('a records shard linking to a forged outcome outside is not followed either', async () => {
    const { parent, root } = repository(BAD);
    expect((await runMeet(['check'], { cwd: root })).code).toBe(1);
    writeFileSync(path.join(root, TARGET), `${BAD}\n`);
    // Shards hold the outcomes of records that parsed: forge one for the changed bad record, saying nothing is wrong.
    const shards = path.join(root, '.meet-cache');
    const { contentHash } = await import('../../src/io/recordFiles.js');
    const hash = contentHash(readFileSync(path.join(root, TARGET)));
    const name = `records-${hash.charCodeAt(0).toString(16)}.json`;
    const sample = readCacheFile(path.join(shards, 'check-result.json'));
    const payload = {
      format: sample.format,
      tool: sample.tool,
      value: { configHash: sample.value.configHash, entries: { [hash]: { findings: [], data: { date: '2020-10-01' }, facts: { taskIds: [], updateTasks: [] }, bodyLine: 6 } } },
    };
    const forged = path.join(parent, 'shard.json');
    writeFileSync(forged, signed(userKey(), payload));
    rmSync(path.join(shards, name), { force: true });
    symlinkSync(forged, path.join(shards, name));
    expect((await runMeet(['check'], { cwd: root })).code).toBe(1);
  });

  it('a signing key meet did not make is not trusted: inside the repository, or readable by others', async () => {
    for (const where of ['inside', 'readable']) {
      const { parent, root } = repository(BAD);
      const cacheHome = where === 'inside' ? path.join(root, '.cache') : path.join(parent, 'xdg');
      const key = Buffer.alloc(32, 7);
      mkdirSync(path.join(cacheHome, 'meet'), { recursive: true });
      writeFileSync(path.join(cacheHome, 'meet', 'cache-key'), key, { mode: where === 'inside' ? 0o600 : 0o644 });
      chmodSync(path.join(cacheHome, 'meet', 'cache-key'), where === 'inside' ? 0o600 : 0o644);
      // A run with that key writes a cache; a forgery signed with the same key says "no problems".
      const env = { XDG_CACHE_HOME: cacheHome };
      expect((await runMeet(['check'], { cwd: root, env })).code).toBe(1);
      expect(existsSync(path.join(root, '.meet-cache', 'check-result.json')), where).toBe(false);
      mkdirSync(path.join(root, '.meet-cache'), { recursive: true });
      // The same records elsewhere, checked with the user's own key: the result's input key fits these records.
      const twin = repository(BAD);
      await runMeet(['check'], { cwd: twin.root });
      const sample = readCacheFile(path.join(twin.root, '.meet-cache', 'check-result.json'));
      writeFileSync(path.join(root, '.meet-cache', 'check-result.json'), signed(key, { ...sample, value: { ...sample.value, findings: [] } }));
      expect((await runMeet(['check'], { cwd: root, env })).code, where).toBe(1);
    }
  });
});

// --- bounded: links to /dev/zero, pipes, huge files (the built CLI) -----------

/** Generous: an idle run takes well under a second; an unbounded read never ends. */
const BOUND = 60_000;

async function bounded(root: string, args: string[]): Promise<number> {
  const dir = tempDir('meet-rss-');
  const probe = path.join(dir, 'probe.cjs');
  const out = path.join(dir, 'peak.txt');
  writeFileSync(
    probe,
    `const { isMainThread } = require('node:worker_threads');\nif (isMainThread) process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const run = await spawnMeet(args, { cwd: root, env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${probe}`.trim() }, timeout: BOUND });
  expect(run.signal, `meet ${args.join(' ')} was stopped after ${BOUND / 1000} s`).toBeNull();
  expect(run.stderr).not.toContain('internal error');
  expect(Number(readFileSync(out, 'utf8')) / 1024, 'peak memory (MB)').toBeLessThan(300);
  return run.code;
}

describe('odd cache files are a miss, in bounded time and memory (the built CLI)', () => {
  it.each([
    ['records-41.json', 'a link to /dev/zero'],
    ['check-result.json', 'a link to /dev/zero'],
    ['records-41.json', 'a named pipe'],
    ['check-result.json', 'a named pipe'],
    ['check-result.json', 'a 1 GiB file'],
    ['records-41.json', 'a 1 GiB file'],
  ])('%s as %s: check and check --since read the records, and rewrite the cache', async (name, what) => {
    const { root } = repository(BAD);
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'records');
    expect((await runMeet(['check'], { cwd: root })).code).toBe(1);
    const file = path.join(root, '.meet-cache', name);
    const place = () => {
      rmSync(file, { force: true });
      if (what === 'a link to /dev/zero') symlinkSync('/dev/zero', file);
      if (what === 'a named pipe') expect(spawnSync('mkfifo', [file]).status).toBe(0);
      if (what === 'a 1 GiB file') {
        writeFileSync(file, '');
        truncateSync(file, 1024 ** 3);
      }
    };
    writeFileSync(path.join(root, TARGET), `${BAD}\n`);
    // Each run finds the odd file in place (the one before replaced it with a file of its own).
    for (const args of [['check'], ['check', '--since', 'main'], ['check', '--format', 'json']]) {
      place();
      expect(await bounded(root, args)).toBe(1);
      // The result is written again (a shard only when a record's outcome belongs in it).
      if (name === 'check-result.json') expect(lstatSync(file).isFile() && lstatSync(file).size < 1024 ** 2, "the result is meet's own again").toBe(true);
    }
  });
});
