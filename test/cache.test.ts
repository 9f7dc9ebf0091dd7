// The speed machinery of issue 5, for what it must not change: the check
// cache (.meet-cache/) gives the same findings as a full read, is signed so a
// forged one is ignored, never follows links out of the repository, and
// survives corruption (concurrent runs and parser threads, which need whole
// processes of the built CLI, are in cache.spawn.test.ts).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressOnTerminal, type Io } from '../src/io/terminal.js';
import { cacheFiles, FAKE_FINDING, forge, NOVEMBER, OCTOBER } from './cacheTools.js';
import { CheckCache } from '../src/io/checkCache.js';
import { copyExamples, git, runMeet, TEST_CACHE_HOME, tempDir, writeTree } from './helpers.js';

function check(root: string, ...args: string[]) {
  return runMeet(['check', '--format', 'json', ...args], { cwd: root });
}

describe('meet check with .meet-cache/', () => {
  it('writes a git-ignored cache and gives the same answer from it', async () => {
    const root = copyExamples();
    git(root, 'init', '-q');
    const first = await check(root);
    expect(first.code).toBe(0);
    expect(cacheFiles(root)).toEqual(['.gitignore', 'check-result.json', 'records-*.json']);
    expect(git(root, 'status', '--porcelain', '--', '.meet-cache')).toBe('');
    const second = await check(root);
    expect(second).toEqual(first);
  });

  it('answers from the cache when nothing changed: a finding placed there by the key holder is shown', async () => {
    const root = copyExamples();
    expect((await check(root)).code).toBe(0);
    forge(root, 'check-result.json', (value) => {
      value.findings = [FAKE_FINDING];
    });
    const cached = await check(root);
    expect(cached.code).toBe(1);
    expect(JSON.parse(cached.stdout)[0].message).toBe('from the cache');
    // --no-cache reads everything again and neither trusts nor touches the cache.
    const fresh = await check(root, '--no-cache');
    expect(fresh.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, '.meet-cache', 'check-result.json'), 'utf8').split('\n')[1]!).value.findings).toEqual([FAKE_FINDING]);
  });

  it('ignores a cache signed with another key (one committed in a pull request)', async () => {
    const root = copyExamples();
    expect((await check(root)).code).toBe(0);
    forge(
      root,
      'check-result.json',
      (value) => {
        value.findings = [FAKE_FINDING];
      },
      Buffer.alloc(32, 7),
    );
    const run = await check(root);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
    // …and rewrites it with its own signature.
    expect(await check(root)).toEqual(run);
  });

  it('ignores a cache that is truncated, empty or not JSON, and rewrites it', async () => {
    const root = copyExamples();
    const clean = await check(root);
    for (const damage of [(b: Buffer) => b.subarray(0, b.length >> 1), () => Buffer.alloc(0), () => Buffer.from('\u0000\u0001garbage\n{')]) {
      for (const name of readdirSync(path.join(root, '.meet-cache')).filter((n) => n.endsWith('.json'))) {
        const file = path.join(root, '.meet-cache', name);
        writeFileSync(file, damage(readFileSync(file)));
      }
      expect(await check(root)).toEqual(clean);
      expect(readFileSync(path.join(root, '.meet-cache', 'check-result.json')).length).toBeGreaterThan(100);
    }
  });

  it('sees a changed record, a changed config and a new file', async () => {
    const root = copyExamples();
    expect((await check(root)).code).toBe(0);
    const october = path.join(root, OCTOBER);
    writeFileSync(october, readFileSync(october, 'utf8').replace(/^date: 2020-10-26$/m, 'date: 2020-10-32'));
    const broken = await check(root);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).map((f: { rule: string }) => f.rule)).toContain('invalid-date');
    expect(broken).toEqual(await check(root, '--no-cache'));

    const fixed = copyExamples();
    expect((await check(fixed)).code).toBe(0);
    const config = path.join(fixed, 'meet.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^ {2}van-phong:.*\n/m, ''));
    const owners = await check(fixed);
    expect(owners.code).toBe(1);
    expect(JSON.parse(owners.stdout).map((f: { rule: string }) => f.rule)).toContain('unknown-owner');
    expect(owners).toEqual(await check(fixed, '--no-cache'));

    writeTree(fixed, { 'meetings/2021/2021-01-05-extra.md': '---\ntitle: X\n---\n' });
    const added = await check(fixed);
    expect(added.code).toBe(1);
    expect(added.stdout).toContain('2021-01-05-extra.md');
  });

  it('places cross-record findings on unchanged (cached) records exactly where a full read does', async () => {
    const root = copyExamples();
    expect((await check(root)).code).toBe(0);
    // Taking the tasks out of October orphans November's updates of them: November is unchanged, read from the cache.
    const october = path.join(root, OCTOBER);
    const text = readFileSync(october, 'utf8');
    writeFileSync(october, text.replace(/^tasks:\n(?: {2}.*\n|\n)*/m, 'tasks: []\n'));
    const cached = await check(root);
    const full = await check(root, '--no-cache');
    expect(cached).toEqual(full);
    const orphans = JSON.parse(cached.stdout).filter((f: { rule: string; file: string }) => f.rule === 'update-unknown-task' && f.file === NOVEMBER);
    expect(orphans.length).toBeGreaterThan(0);
  });

  it('never writes through a .meet-cache link leading outside the repository', async () => {
    const parent = tempDir();
    const root = path.join(parent, 'repo');
    const outside = path.join(parent, 'outside');
    mkdirSync(outside);
    cpSync(copyExamples(), root, { recursive: true });
    symlinkSync(outside, path.join(root, '.meet-cache'));
    const run = await check(root);
    expect(run.code).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
    // A file in its place is left alone too.
    rmSync(path.join(root, '.meet-cache'));
    writeFileSync(path.join(root, '.meet-cache'), 'not a folder');
    expect((await check(root)).code).toBe(0);
    expect(readFileSync(path.join(root, '.meet-cache'), 'utf8')).toBe('not a folder');
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

  it('meet check on many records prints nothing on a non-terminal stderr', async () => {
    const root = copyExamples();
    const files: Record<string, string> = {};
    const october = readFileSync(path.join(root, OCTOBER), 'utf8')
      .replace(/^tasks:\n(?: {2}.*\n|\n)*/m, 'tasks: []\n')
      .replace(/^updates:\n(?: {2}.*\n|\n)*/m, 'updates: []\n');
    for (let i = 0; i < 600; i++) files[`meetings/2019/2019-01-01-copy-${i}.md`] = october.replace(/^date: .*$/m, 'date: 2019-01-01');
    writeTree(root, files);
    const run = await runMeet(['check', '--no-cache'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('đã kiểm tra 605 biên bản');
  });
});

describe('a signed file written in pieces (SignedWriter)', () => {
  const open = (root: string) => {
    const cache = CheckCache.open(root, { XDG_CACHE_HOME: TEST_CACHE_HOME })!;
    expect(cache.prepareFolder()).toBe(true);
    return cache;
  };

  it('reads back as the value its pieces spell, text and UTF-8 alike, and shows only once committed', () => {
    const root = tempDir();
    const cache = open(root);
    const writer = cache.signedWriter('piece.json');
    writer.write('{"title":');
    writer.write(new TextEncoder().encode(JSON.stringify('Hội nghị thường kỳ')));
    writer.write(`,"rows":[${Array.from({ length: 20_000 }, (_, i) => i).join(',')}]`);
    expect(readdirSync(path.join(root, '.meet-cache')).filter((n) => n === 'piece.json')).toEqual([]);
    writer.write('}');
    expect(writer.commit()).toBe(true);
    const value = cache.readSigned('piece.json') as { title: string; rows: number[] };
    expect(value.title).toBe('Hội nghị thường kỳ');
    expect(value.rows).toHaveLength(20_000);
    expect(readdirSync(path.join(root, '.meet-cache')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves nothing behind when aborted', () => {
    const root = tempDir();
    const cache = open(root);
    const writer = cache.signedWriter('piece.json');
    writer.write('{"a":1');
    writer.abort();
    expect(readdirSync(path.join(root, '.meet-cache')).filter((n) => n !== '.gitignore')).toEqual([]);
    expect(cache.readSigned('piece.json')).toBeUndefined();
  });
});
