// The check cache and parser threads where a whole process is the point
// (the spawned tier): runs of the built CLI racing for one cache, parser
// threads (MEET_THREADS > 0 loads dist/records/parseThread.js, which only the
// build has), and output cut short by a reader that stops early.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFiles, entryHead, FAKE_FINDING, forge, OCTOBER, storeEntries } from './cacheTools.js';
import { fork } from 'node:child_process';
import { contentHash, listRecordFiles } from '../src/io/recordFiles.js';
import type { FillJob } from '../src/io/recordStore.js';
import { readConfig } from '../src/io/repository.js';
import { committed, copyExamples, git, MEET_BIN, PROJECT_ROOT, spawnMeet, spawnProcess, TEST_CACHE_HOME, writeTree } from './helpers.js';

/** The built CLI's exit code and stdout (stderr and signal aside). */
async function meet(args: string[], cwd: string, env?: Record<string, string>): Promise<{ code: number; stdout: string }> {
  const { code, stdout } = await spawnMeet(args, { cwd, ...(env ? { env } : {}) });
  return { code, stdout };
}

describe('meet check with .meet-cache/', () => {
  it('survives concurrent runs: each answers right, and the cache left behind is whole', async () => {
    const root = copyExamples();
    const expected = await meet(['check', '--format', 'json', '--no-cache'], root);
    rmSync(path.join(root, '.meet-cache'), { recursive: true, force: true });
    const runs = await Promise.all(Array.from({ length: 6 }, () => meet(['check', '--format', 'json'], root)));
    for (const run of runs) expect(run).toEqual({ code: expected.code, stdout: expected.stdout });
    expect(cacheFiles(root)).toEqual(['.gitignore', 'check-result.json', 'records-*.json']);
    forge(root, 'check-result.json', (value) => {
      value.findings = [FAKE_FINDING];
    });
    // The surviving file verifies (it is used), so it was written whole.
    expect(JSON.parse((await meet(['check', '--format', 'json'], root)).stdout)).toEqual([FAKE_FINDING]);
  });
});

describe('parser threads', () => {
  it('give the same findings, reports and task lists as one thread', async () => {
    const root = copyExamples();
    // Errors in one file (read again on the main thread), cross-record findings on clean ones (placed lazily).
    const october = path.join(root, OCTOBER);
    writeFileSync(october, readFileSync(october, 'utf8').replace(/^tasks:\n(?: {2}.*\n|\n)*/m, 'tasks: []\n'));
    writeTree(root, {
      'meetings/2020/2020-12-30-bad.md':
        '---\ntitle: A\ndate: 2020-12-30\nchair: B\ntasks:\n  - id: x\n    owner: nobody\n    title: T\nupdates:\n  - task: nope\n    status: done\n---\n',
      'meetings/2020/2020-12-31-tab.md': '---\ntitle: A\n\tdate: x\n---\n',
    });
    // The two processes at once: each has a core on a 2-core machine.
    const [one, two] = await Promise.all([
      meet(['check', '--format', 'json', '--no-cache'], root, { MEET_THREADS: '0' }),
      meet(['check', '--format', 'json', '--no-cache'], root, { MEET_THREADS: '2' }),
    ]);
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
    expect(JSON.parse(one.stdout).length).toBeGreaterThan(3);

    // Through the record store: a thread sends back what the command keeps of each record (log: one task, every id).
    const clean = copyExamples();
    git(clean, 'init', '-q', '-b', 'main');
    git(clean, 'add', '.');
    git(clean, 'commit', '-q', '-m', 'records');
    for (const args of [
      ['report', '--month', '2020-10', '--format', 'json'],
      ['tasks', '--format', 'json', '--today', '2020-12-01'],
      ['diff', '2020-10', '2020-11', '--format', 'json'],
      ['log', '2020-09-bao-cao-dau-tu-cong', '--format', 'json'],
    ]) {
      // A cold store each time, so that the threads parse every record.
      rmSync(path.join(clean, '.meet-cache'), { recursive: true, force: true });
      const threaded = await meet(args, clean, { MEET_THREADS: '3' });
      const single = await meet([...args, '--no-cache'], clean, { MEET_THREADS: '0' });
      expect(single.code).toBe(0);
      expect(threaded).toEqual(single);
    }
  });
});

describe('parser threads and the record store', () => {
  it('write each shard as records arrive: signed, whole, and what a warm run reads', async () => {
    const root = copyExamples();
    const args = ['report', '--month', '2020-11', '--format', 'json'];
    const uncached = await meet([...args, '--no-cache'], root, { MEET_THREADS: '0' });
    rmSync(path.join(root, '.meet-cache'), { recursive: true, force: true });
    expect(await meet(args, root, { MEET_THREADS: '2' })).toEqual(uncached);
    const folder = path.join(root, '.meet-cache');
    const shards = readdirSync(folder).filter((n) => n.startsWith('store-'));
    expect(shards.length).toBeGreaterThan(0);
    // Nothing half-written is left beside them.
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // A warm run (the answer forgotten) gives the same bytes…
    const forget = () => {
      for (const name of readdirSync(folder)) if (name.startsWith('answer-')) rmSync(path.join(folder, name));
    };
    forget();
    expect(await meet(args, root, { MEET_THREADS: '2' })).toEqual(uncached);
    // …from the shards the threads' entries were written to: re-signed by the key holder, a changed title shows.
    for (const name of shards) {
      forge(root, name, (value) => {
        for (const entry of Object.values(value.entries as Record<string, unknown>)) entryHead(entry).data.title = 'FROM THE STORE';
      });
    }
    forget();
    const forged = await meet(args, root, { MEET_THREADS: '2' });
    expect(forged.code).toBe(0);
    expect(forged.stdout).toContain('FROM THE STORE');
  });
});

describe('a first run on many files (MEET_FILL_FROM) fills the record store before it reads it', () => {
  it('gives the outputs of one thread without the store, and the entries a run that reads as it parses stores', async () => {
    const filled = committed(copyExamples());
    const read = committed(copyExamples());
    // A record with errors is never stored: the read after the fill parses it (and stops the command, as without the store).
    const broken = copyExamples();
    writeTree(broken, { 'meetings/2020/2020-12-31-tab.md': '---\ntitle: A\n\tdate: x\n---\n' });
    committed(broken);
    for (const args of [
      ['report', '--month', '2020-10', '--format', 'json'],
      ['log', '2020-09-bao-cao-dau-tu-cong', '--format', 'json'],
    ]) {
      for (const root of [filled, broken, read]) rmSync(path.join(root, '.meet-cache'), { recursive: true, force: true });
      const single = await meet([...args, '--no-cache'], filled, { MEET_THREADS: '0' });
      expect(single.code).toBe(0);
      expect(await meet(args, filled, { MEET_THREADS: '2', MEET_FILL_FROM: '1' }), args.join(' ')).toEqual(single);
      // Its answer is kept under the keys the filling process read: the next run finds it, and writes none.
      const answer = readdirSync(path.join(filled, '.meet-cache')).find((n) => /^answer-.*\.json$/.test(n))!;
      const kept = statSync(path.join(filled, '.meet-cache', answer), { bigint: true });
      expect(await meet(args, filled, { MEET_THREADS: '2', MEET_FILL_FROM: '1' }), args.join(' ')).toEqual(single);
      const again = statSync(path.join(filled, '.meet-cache', answer), { bigint: true });
      expect([again.ino, again.mtimeNs]).toEqual([kept.ino, kept.mtimeNs]);
      expect(await meet(args, read, { MEET_THREADS: '2' })).toEqual(single);
      expect(storeEntries(filled).size).toBe(5);
      expect(storeEntries(filled)).toEqual(storeEntries(read));
      const stopped = await meet(args, broken, { MEET_THREADS: '2', MEET_FILL_FROM: '1' });
      expect(stopped).toEqual(await meet([...args, '--no-cache'], broken, { MEET_THREADS: '0' }));
      expect(stopped.code).toBe(1);
      expect(storeEntries(broken)).toEqual(storeEntries(read));
    }
  });

  it('the filling process writes every record that can be stored, and says so', async () => {
    const root = copyExamples();
    writeTree(root, { 'meetings/2020/2020-12-31-tab.md': '---\ntitle: A\n\tdate: x\n---\n' });
    const { config, hash } = readConfig(root);
    const files = listRecordFiles(root, config!.paths.meetings);
    const job: FillJob = {
      root,
      env: { XDG_CACHE_HOME: TEST_CACHE_HOME },
      configHash: `${hash}:vi`,
      files,
      settings: { config: config!, detail: 'full', bodies: false, locale: 'vi', store: true, storeOnly: true },
      threads: 2,
    };
    const child = fork(path.join(PROJECT_ROOT, 'dist', 'io', 'storeFiller.js'), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    const said: unknown[] = [];
    child.on('message', (message) => said.push(message));
    const code = await new Promise((resolve) => {
      child.on('exit', resolve);
      child.send(job);
    });
    expect(code).toBe(0);
    // With the content hash of each file as it read it (the run that asked needs not hash them again).
    expect(said.at(-1)).toEqual({ filled: true, keys: files.map((f) => contentHash(readFileSync(path.join(root, f.file)))) });
    expect(said).toContainEqual({ done: files.length });
    // Each record that parsed, under its content hash; the one with errors never.
    const stored = [...readdirSync(path.join(root, '.meet-cache'))].filter((n) => n.startsWith('store-'));
    const keys = stored.flatMap((name) => [...readFileSync(path.join(root, '.meet-cache', name), 'utf8').matchAll(/^"([\w-]+)":[{[]/gm)].map((m) => m[1]));
    expect(keys.sort()).toEqual(
      files
        .filter((f) => !f.file.endsWith('-tab.md'))
        .map((f) => contentHash(readFileSync(path.join(root, f.file))))
        .sort(),
    );
  });
});

describe('parser threads and hostile records', () => {
  it('a thread that runs out of memory on a huge record leaves it to the main thread: the same findings', async () => {
    const root = copyExamples();
    // 120,000 values behind an anchor: the exact reader is needed, and a parser thread's small heap is not enough
    // for it (ERR_WORKER_OUT_OF_MEMORY from 3,000 lines of these; 12,000 cost this file a fifth of its CPU).
    const values = Array.from({ length: 6_000 }, (_, i) => `  k${i}: [${Array(20).fill('x').join(', ')}]\n`).join('');
    writeTree(root, { 'meetings/2020/2020-12-30-big.md': `---\ntitle: A\ndate: 2020-12-30\nchair: B\nextra:\n  anchor: &a x\n${values}---\n` });
    // The two processes at once: each has a core on a 2-core machine.
    const [one, two] = await Promise.all([
      meet(['check', '--format', 'json', '--no-cache'], root, { MEET_THREADS: '0' }),
      meet(['check', '--format', 'json', '--no-cache'], root, { MEET_THREADS: '2' }),
    ]);
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout).some((f: { file: string }) => f.file.endsWith('2020-12-30-big.md'))).toBe(true);
    expect(two).toEqual(one);
  });

  it('output cut short by the reader (| head) ends quietly', async () => {
    const root = copyExamples();
    const run = await spawnProcess('sh', ['-c', `"${process.execPath}" "${MEET_BIN}" tasks --format json --today 2020-12-01 | head -c 10`], { cwd: root });
    expect(run.stdout).toHaveLength(10);
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
  });

  it.runIf(existsSync('/dev/full'))('output sent to a full disk is said so, exit 2, with no stack trace', async () => {
    const root = copyExamples();
    for (const command of ['schema', 'tasks --format json --today 2020-12-01', 'report --month 2020-10']) {
      const run = await spawnProcess('sh', ['-c', `"${process.execPath}" "${MEET_BIN}" ${command} > /dev/full`], { cwd: root });
      expect(run.code, command).toBe(2);
      expect(run.stderr).toContain('meet: không ghi được kết quả (ENOSPC): ổ đĩa đã đầy');
      expect(run.stderr).not.toMatch(/\bat |Error/);
    }
  });
});
