// The output memo (src/io/outputMemo.ts): a second run with the same input
// prints what the first printed without reading a record; any change to what
// the output depends on (a record's bytes or name, the config, the day, the
// language, colour, the arguments, git's HEAD for `log`) is a miss; an
// answer changed without the key is not used. recordStore.test.ts compares
// the outputs of every command with and without it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputMemo } from '../src/io/outputMemo.js';
import { loadStoredRepository } from '../src/io/recordStore.js';
import { forge, NOVEMBER } from './cacheTools.js';
import { committed, copyExamples, git, runMeet, TEST_CACHE_HOME, type RunOptions } from './helpers.js';

const NOW = new Date('2020-11-28T03:00:00Z');
const PLANTED = 'FROM THE MEMO\n';

function run(root: string, args: string[], options: Partial<RunOptions> = {}) {
  return runMeet(['--root', root, ...args], { cwd: root, now: NOW, ...options });
}

function answerHeaders(root: string): string[] {
  const folder = path.join(root, '.meet-cache');
  return existsSync(folder) ? readdirSync(folder).filter((n) => /^answer-.*\.json$/.test(n)) : [];
}

/** Puts `text` in place of every kept answer's data, signed as only the key holder can. */
function plant(root: string, text = PLANTED): void {
  const names = answerHeaders(root);
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) {
    const bytes = Buffer.from(text, 'utf8');
    const data = path.join(root, '.meet-cache', name.replace(/\.json$/, '.out'));
    writeFileSync(data, bytes);
    const stat = statSync(data, { bigint: true });
    forge(root, name, (value) => {
      value.dataHash = createHash('sha256').update(bytes).digest('base64url');
      value.data = { dev: String(stat.dev), ino: String(stat.ino), size: String(stat.size), ctimeNs: String(stat.ctimeNs) };
    });
  }
}

const TASKS = ['tasks', '--format', 'json'];

describe('a warm run is answered from the memo', () => {
  it.each([
    [['report', '--month', '2020-10', '--format', 'json']],
    [['report', '--month', '2020-10', '--format', 'html']],
    [['tasks', '--overdue', '--format', 'csv']],
    [['diff', '2020-10', '2020-11', '--format', 'md']],
  ])('meet %j prints the kept answer without reading the records', async (args) => {
    const root = copyExamples();
    const first = await run(root, args);
    expect(first.code, first.stderr).toBe(0);
    plant(root);
    const second = await run(root, args);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(PLANTED);
  });

  it('an answer whose data or header was changed without the key is not used, and is written again', async () => {
    const root = copyExamples();
    const first = await run(root, TASKS);
    const [header] = answerHeaders(root);
    const data = path.join(root, '.meet-cache', header!.replace(/\.json$/, '.out'));
    writeFileSync(data, PLANTED);
    expect((await run(root, TASKS)).stdout).toBe(first.stdout);
    expect(readFileSync(data, 'utf8').trimEnd()).toBe(first.stdout.trimEnd());

    const file = path.join(root, '.meet-cache', header!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"meta":null/, '"meta":{"summary":"FORGED"}'));
    const again = await run(root, TASKS);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).not.toContain('FORGED');
  });

  it('--no-cache neither reads nor keeps an answer', async () => {
    const root = copyExamples();
    await run(root, TASKS);
    plant(root);
    const uncached = await run(root, [...TASKS, '--no-cache']);
    expect(uncached.stdout).not.toBe(PLANTED);
    expect(JSON.parse(uncached.stdout)).toBeTruthy();
  });
});

describe('what the answer depends on', () => {
  const edit = (root: string) => writeFileSync(path.join(root, NOVEMBER), readFileSync(path.join(root, NOVEMBER), 'utf8').replace('title:', '# sửa\ntitle:'));
  const configChange = (root: string) =>
    writeFileSync(path.join(root, 'meet.config.yaml'), `${readFileSync(path.join(root, 'meet.config.yaml'), 'utf8')}\n# x\n`);
  const TEXT = ['tasks', '--format', 'text'];
  it.each<[string, (root: string) => void, string[], Partial<RunOptions>?]>([
    ['a record edited', edit, TASKS],
    ['a record renamed', (root) => renameSync(path.join(root, NOVEMBER), path.join(root, NOVEMBER.replace('thang-11', 'thang-11-b'))), TASKS],
    ['a record removed', (root) => rmSync(path.join(root, NOVEMBER)), TASKS],
    ['the config changed', configChange, TASKS],
    ['another day', () => {}, TASKS, { now: new Date('2020-12-05T03:00:00Z') }],
    ['another language', () => {}, [...TASKS, '--locale', 'en']],
    ['another filter', () => {}, [...TASKS, '--overdue']],
    ['colour forced', () => {}, TEXT, { env: { FORCE_COLOR: '1' } }],
    ['a terminal', () => {}, TEXT, { stdoutIsTTY: true }],
  ])('%s: the kept answer is not used', async (_what, change, after, options = {}) => {
    const root = copyExamples();
    // The answer kept is that of the first arguments, before the change.
    await run(root, after[0] === 'tasks' && after.includes('text') ? TEXT : TASKS);
    plant(root);
    change(root);
    const changed = await run(root, after, options);
    expect(changed.stdout).not.toBe(PLANTED);
    expect(changed).toEqual(await run(root, [...after, '--no-cache'], options));
  });

  it('meet log: a new commit is a miss (the history shows it)', async () => {
    const root = committed(copyExamples());
    const args = ['log', '2020-10-giao-thong-thuy-loi', '--format', 'json'];
    await run(root, args);
    plant(root);
    expect((await run(root, args)).stdout).toBe(PLANTED);
    git(root, 'commit', '-q', '--allow-empty', '-m', 'another');
    const after = await run(root, args);
    expect(after.stdout).not.toBe(PLANTED);
    expect(after.stdout).toBe((await run(root, [...args, '--no-cache'])).stdout);
  });
});

describe('commands that write', () => {
  it('meet digest from the memo writes the report again when it is gone, and leaves it alone when it holds it', async () => {
    const root = copyExamples();
    const args = ['digest', '--month', '2020-10'];
    const target = path.join(root, 'reports', '2020-10.md');
    const first = await run(root, args);
    expect(first.code, first.stderr).toBe(0);
    const content = readFileSync(target, 'utf8');
    rmSync(target);
    const second = await run(root, args);
    expect(second).toEqual(first);
    expect(readFileSync(target, 'utf8')).toBe(content);
    const mtime = statSync(target).mtimeMs;
    const third = await run(root, args);
    expect(third.stderr).toContain('đã là bản mới nhất');
    expect(statSync(target).mtimeMs).toBe(mtime);
  });

  it('meet new writes the record its --dry-run showed', async () => {
    const root = copyExamples();
    const args = ['new', '--date', '2020-12-02', '--chair', 'Nguyễn Văn A'];
    const shown = await run(root, [...args, '--dry-run']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(answerHeaders(root)).toHaveLength(1);
    const written = await run(root, args);
    expect(written.code, written.stderr).toBe(0);
    const file = path.join(root, written.stdout.trim());
    expect(readFileSync(file, 'utf8')).toBe(shown.stdout);
    // What a run writes changes the repository: no answer is kept for it.
    expect(answerHeaders(root)).toHaveLength(1);
  });
});

describe('the memo itself', () => {
  const io = (root: string) => ({
    cwd: root,
    env: { XDG_CACHE_HOME: TEST_CACHE_HOME },
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: {},
    now: () => NOW,
    colorAllowed: true,
  });

  it('keeps no answer when a record read was not the one hashed (it changed during the run)', async () => {
    const root = copyExamples();
    // An answer already there (and no store): the memo hashes the files as it opens, and the run parses them all.
    const first = (await OutputMemo.open(root, io(root), true))!;
    await loadStoredRepository(root, {}, { env: io(root).env, listing: first.listing });
    expect([...first.keep({ q: 0 }, null, ['first'])].join('')).toBe('first');
    for (const name of readdirSync(path.join(root, '.meet-cache'))) if (name.startsWith('store-')) rmSync(path.join(root, '.meet-cache', name));
    const memo = (await OutputMemo.open(root, io(root), true))!;
    expect(memo.listing.unhashed).toBeUndefined();
    writeFileSync(path.join(root, NOVEMBER), readFileSync(path.join(root, NOVEMBER), 'utf8').replace('title:', '# sửa\ntitle:'));
    await loadStoredRepository(root, {}, { env: io(root).env, listing: memo.listing });
    expect(memo.listing.changed).toBe(true);
    expect([...memo.keep({ q: 1 }, null, ['text'])].join('')).toBe('text');
    expect(answerHeaders(root).length).toBe(1);
  });

  it('in a first run (an empty cache folder) the parse hashes the files, and the answer is kept under what it read', async () => {
    const root = copyExamples();
    const memo = (await OutputMemo.open(root, io(root), true))!;
    expect(memo.listing.unhashed).toBe(true);
    expect(memo.listing.keys.every((key) => key === undefined)).toBe(true);
    // Changed before it is read: the run reads the new bytes once, and its answer is theirs.
    writeFileSync(path.join(root, NOVEMBER), readFileSync(path.join(root, NOVEMBER), 'utf8').replace('title:', '# sửa\ntitle:'));
    await loadStoredRepository(root, {}, { env: io(root).env, listing: memo.listing });
    expect(memo.listing.unhashed).toBeUndefined();
    expect(memo.listing.changed).toBeUndefined();
    const november = memo.listing.files.findIndex((entry) => entry.file === NOVEMBER);
    expect(memo.listing.keys[november]).toBe(
      createHash('sha256')
        .update(readFileSync(path.join(root, NOVEMBER)))
        .digest('base64url'),
    );
    expect([...memo.keep({ q: 1 }, null, ['text'])].join('')).toBe('text');
    expect(answerHeaders(root).length).toBe(1);
    // The next run hashes the files as it opens (an answer is there) and finds it.
    const next = (await OutputMemo.open(root, io(root), true))!;
    expect(next.listing.unhashed).toBeUndefined();
    expect(Buffer.concat([...(next.answer({ q: 1 })?.data ?? [])]).toString()).toBe('text');
    writeFileSync(path.join(root, NOVEMBER), readFileSync(path.join(root, NOVEMBER), 'utf8').replace('# sửa\n', ''));
    expect((await OutputMemo.open(root, io(root), true))!.answer({ q: 1 })).toBeUndefined();
  });

  it('keeps the answer of an unchanged run, and no more than 16 answers', async () => {
    const root = copyExamples();
    for (let i = 0; i < 20; i++) {
      const memo = (await OutputMemo.open(root, io(root), true))!;
      await loadStoredRepository(root, {}, { env: io(root).env, listing: memo.listing });
      expect(memo.listing.changed).toBeUndefined();
      expect([...memo.keep({ q: i }, { i }, [`answer ${i}`])].join('')).toBe(`answer ${i}`);
      expect(Buffer.concat([...(memo.answer({ q: i })?.data ?? [])]).toString()).toBe(`answer ${i}`);
    }
    const headers = answerHeaders(root);
    expect(headers.length).toBe(16);
    const outs = readdirSync(path.join(root, '.meet-cache')).filter((n) => /^answer-.*\.out$/.test(n));
    expect(outs.sort()).toEqual(headers.map((n) => n.replace(/\.json$/, '.out')).sort());
  });

  it('a run stopped part way through its output keeps nothing', async () => {
    const root = copyExamples();
    const memo = (await OutputMemo.open(root, io(root), true))!;
    const pieces = memo.keep({ q: 'stopped' }, null, ['a', 'b', 'c']);
    // The pieces come through as the bytes kept.
    for (const piece of pieces) if (Buffer.from(piece).toString('utf8') === 'b') break;
    expect(answerHeaders(root)).toEqual([]);
    expect(readdirSync(path.join(root, '.meet-cache')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
