// The check cache and parser threads where a whole process is the point
// (the spawned tier): runs of the built CLI racing for one cache, parser
// threads (MEET_THREADS > 0 loads dist/records/parseThread.js, which only the
// build has), and output cut short by a reader that stops early.
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFiles, entryHead, FAKE_FINDING, forge, OCTOBER, storeEntries } from './cacheTools.js';
import { fork } from 'node:child_process';
import { parseFile, type FileOutcome } from '../src/io/recordOutcome.js';
import { contentHash, listRecordFiles } from '../src/io/recordFiles.js';
import type { FillJob } from '../src/io/recordStore.js';
import { RING_BYTES, RingReader } from '../src/io/entryRing.js';
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

  it('reads what the ring could not take (a batch larger than it) from the shards it was stored in', async () => {
    // Twenty records of ~450 KB in one batch of a parser thread: more than the ring's 8 MiB.
    const line = `  ${'The chair concluded on the budget, the roads and the schools. '.repeat(4)}\n`;
    const conclusion = line.repeat(Math.floor(450_000 / line.length));
    const big = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        `meetings/2021/2021-01-${String(i + 10)}-lon.md`,
        `---\ntitle: Họp ${i}\ndate: 2021-01-${String(i + 10)}\nchair: Hoàng Văn Hiệp\nconclusion: |\n${conclusion}---\n`,
      ]),
    );
    const filled = copyExamples();
    const read = copyExamples();
    writeTree(filled, big);
    writeTree(read, big);
    const args = ['report', '--month', '2020-10', '--format', 'json'];
    const single = await meet([...args, '--no-cache'], filled, { MEET_THREADS: '0' });
    expect(single.code).toBe(0);
    expect(await meet(args, filled, { MEET_THREADS: '1', MEET_FILL_FROM: '1' })).toEqual(single);
    expect(await meet(args, read, { MEET_THREADS: '1' })).toEqual(single);
    expect(storeEntries(filled).size).toBe(25);
    expect(storeEntries(filled)).toEqual(storeEntries(read));
  });

  /** The filling process's messages for a job on the examples and a record with errors; its exit code, the files, and their content hashes. */
  async function fill(forward: boolean) {
    const root = copyExamples();
    writeTree(root, { 'meetings/2020/2020-12-31-tab.md': '---\ntitle: A\n\tdate: x\n---\n' });
    const { config, hash } = readConfig(root);
    const files = listRecordFiles(root, config!.paths.meetings);
    // Entries passed on come through a ring the filling process is given as its fifth file (io/entryRing.ts).
    const ring = openSync(path.join(mkdtempSync(path.join(tmpdir(), 'meet-ring-')), 'ring'), 'w+');
    const job: FillJob = {
      root,
      env: { XDG_CACHE_HOME: TEST_CACHE_HOME },
      configHash: `${hash}:vi`,
      files,
      settings: { config: config!, detail: 'full', bodies: false, locale: 'vi', store: true, ...(forward ? { project: { results: false, task: 'x' } } : {}) },
      threads: 2,
      forward,
      ...(forward ? {} : { ring: RING_BYTES }),
    };
    const child = fork(path.join(PROJECT_ROOT, 'dist', 'io', 'storeFiller.js'), [], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc', ring],
      serialization: 'advanced',
    });
    const said: any[] = [];
    const reader = new RingReader(ring, RING_BYTES);
    child.on('message', (message: any) => {
      if (typeof message.at === 'number' && message.at >= 0) {
        const length = message.ends.at(-1) ?? 0;
        said.push({ ...message, entries: Buffer.from(reader.read(message.at, length)!) });
        // As the command does: the process may have ended meanwhile (its answer still being read), and then the send fails.
        if (child.connected) child.send({ taken: message.at + length }, () => {});
      } else said.push(message);
    });
    const code = await new Promise((resolve) => {
      child.on('exit', resolve);
      child.send(job);
    });
    closeSync(ring);
    const hashes = files.map((f) => contentHash(readFileSync(path.join(root, f.file))));
    // Each record that parsed, under its content hash; the one with errors never.
    const shards = [...readdirSync(path.join(root, '.meet-cache'))].filter((n) => n.startsWith('store-'));
    const stored = shards.flatMap((name) => [...readFileSync(path.join(root, '.meet-cache', name), 'utf8').matchAll(/^"([\w-]+)":[{[]/gm)].map((m) => m[1]));
    expect(stored.sort()).toEqual(hashes.filter((_, i) => !files[i]!.file.endsWith('-tab.md')).sort());
    return { said, code, files, hashes, config: config!, settings: job.settings };
  }

  it('the filling process writes every record that can be stored, passes each entry on as it stores it, and says so', async () => {
    const { said, code, files, hashes, config, settings } = await fill(false);
    expect(code).toBe(0);
    expect(said).toContainEqual({ done: files.length });
    // Each file once, under the content hash it read: the bytes of the entry a parse here makes, none for the record with errors.
    const batches = said.filter((message) => 'entries' in message);
    const passed = new Array(files.length);
    const keys = new Array(files.length);
    for (const { start, keys: given, entries, ends } of batches) {
      expect(ends).toBeInstanceOf(Int32Array);
      expect(given).toHaveLength(ends.length);
      for (let k = 0, from = 0; k < ends.length; from = ends[k++]) {
        expect(keys[start + k]).toBeUndefined();
        keys[start + k] = given[k];
        passed[start + k] = ends[k] > from ? Buffer.from(entries.subarray(from, ends[k])).toString('utf8') : null;
      }
    }
    expect(keys).toEqual(hashes);
    const made = files.map((entry) => parseFile(entry, config, { ...settings, store: true }).stored);
    expect(passed).toEqual(made.map((stored) => (stored ? Buffer.from(stored).toString('utf8') : null)));
    expect(passed.map((entry) => entry === null)).toEqual(files.map((f) => f.file.endsWith('-tab.md')));
    // At the end, how many entries each shard it wrote holds.
    const answer = said.at(-1);
    expect(answer.filled).toBe(true);
    const counts = new Map<string, number>();
    for (const key of hashes.filter((_, i) => passed[i] !== null)) counts.set(key[0]!, (counts.get(key[0]!) ?? 0) + 1);
    expect(new Map(answer.shards)).toEqual(counts);
  });

  it('asked to, it passes each outcome on as it parses, and says at the end how many entries each shard holds', async () => {
    const { said, code, files, hashes, config, settings } = await fill(true);
    expect(code).toBe(0);
    const storable = hashes.filter((_, i) => !files[i]!.file.endsWith('-tab.md'));
    expect(said).toContainEqual({ done: files.length });
    // Each file's outcome once, as a parse here gives it (projected, with its data and content hash), and whether it was stored.
    const batches = said.filter((message) => 'outcomes' in message);
    const passed = new Array(files.length);
    const stored = new Array(files.length);
    for (const { start, outcomes, stored: put } of batches) {
      (JSON.parse(Buffer.from(outcomes).toString('utf8')) as FileOutcome[]).forEach((outcome, k) => {
        expect(passed[start + k]).toBeUndefined();
        passed[start + k] = outcome;
        stored[start + k] = put[k];
      });
    }
    expect(passed).toEqual(files.map((entry) => parseFile(entry, config, settings).outcome));
    expect(passed.filter((o) => o.record).every((o) => 'facts' in o.record)).toBe(true);
    expect(passed.map((o) => o.hash)).toEqual(hashes);
    expect(stored).toEqual(files.map((f) => !f.file.endsWith('-tab.md')));
    // At the end, how many entries each shard it wrote holds.
    const answer = said.at(-1);
    expect(answer.filled).toBe(true);
    const counts = new Map<string, number>();
    for (const key of storable) counts.set(key[0]!, (counts.get(key[0]!) ?? 0) + 1);
    expect(new Map(answer.shards)).toEqual(counts);
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
    // Filling the store, where the command takes the outcomes (log) or the entries (report) as the filling process
    // passes them on: what the failed thread left is parsed by the command.
    for (const args of [
      ['log', '2020-09-bao-cao-dau-tu-cong', '--format', 'json'],
      ['report', '--month', '2020-10', '--format', 'json'],
    ]) {
      rmSync(path.join(root, '.meet-cache'), { recursive: true, force: true });
      const [alone, filled] = await Promise.all([
        spawnMeet([...args, '--no-cache'], { cwd: root, env: { MEET_THREADS: '0' } }),
        spawnMeet(args, { cwd: root, env: { MEET_THREADS: '2', MEET_FILL_FROM: '1' } }),
      ]);
      expect(alone.code).toBe(1);
      expect(alone.stderr).toContain('2020-12-30-big.md');
      expect([filled.code, filled.stdout, filled.stderr]).toEqual([alone.code, alone.stdout, alone.stderr]);
      expect(storeEntries(root).size).toBe(5);
    }
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
