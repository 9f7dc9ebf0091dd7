// Issue 12, class 7: a full disk, or a read-only one. Every command that
// writes says "disk full, cannot write: <path>" (in the repository's
// language: here Vietnamese, "ổ đĩa đã đầy, không ghi được: <path>") and exits 2 (never an
// internal error with a stack trace), creates folders only for the file it
// writes, and leaves nothing behind: no folder, no temporary file, no lock,
// the old file as it was. Tested on a small tmpfs mounted by the test, which
// needs root; without it the tests are skipped, saying why.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_CONFIG, runMeet, tempDir, writeTree, type RunResult } from '../helpers.js';

/** A tmpfs of `kb` KiB mounted on a new folder, or why there is none. */
function mountTmpfs(kb: number): { dir: string } | { why: string } {
  if (process.platform !== 'linux') return { why: 'tmpfs is Linux only' };
  if (process.getuid?.() !== 0) return { why: 'mounting a tmpfs needs root' };
  const dir = tempDir('meet-disk-');
  const run = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k,mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  return run.status === 0 ? { dir } : { why: `mount failed: ${(run.stderr || run.error?.message || '').trim()}` };
}

const mounted: string[] = [];
const disk = mountTmpfs(512);
if ('dir' in disk) mounted.push(disk.dir);
const skip = 'why' in disk ? ` (skipped: ${disk.why})` : '';

afterAll(() => {
  for (const dir of mounted) spawnSync('umount', ['-l', dir]);
});

/** Writes until the file system is full, down to the last byte. */
function fill(dir: string): void {
  const fd = openSync(path.join(dir, 'filler'), 'w');
  for (const size of [65536, 4096, 256, 1]) {
    const chunk = Buffer.alloc(size, 120);
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      // Full at this size: go on with smaller pieces.
    }
  }
  closeSync(fd);
}

function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      out.push(path.relative(dir, p) + (entry.isDirectory() ? '/' : ''));
      if (entry.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

const TASKS = Array.from({ length: 3 }, (_, i) => `  - id: t-${i}\n    title: Việc số ${i} cần làm trong tháng\n    owner: van-phong\n    due: 2020-12-30\n`).join('');
// MINIMAL_CONFIG is a Vietnamese repository (locale: vi): the refusal asserted is the one its clerk reads.
const FILES = {
  'meet.config.yaml': MINIMAL_CONFIG,
  'meetings/2020/2020-10-05-giao-viec.md': `---\ntitle: Hội nghị giao việc\ndate: 2020-10-05\nchair: Hoàng Văn Hiệp\ntasks:\n${TASKS}---\nNội dung.\n`,
  'meetings/2020/2020-11-05-kiem-tra.md': `---\ntitle: Hội nghị kiểm tra\ndate: 2020-11-05\nchair: Hoàng Văn Hiệp\n---\nNội dung.\n`,
};

/** The refusal's first words, by the error the write met. */
const HEADLINE: Record<string, string> = { ENOSPC: 'ổ đĩa đã đầy, không ghi được', EROFS: 'ổ đĩa chỉ cho đọc, không ghi được', EACCES: 'không có quyền ghi' };

function expectRefused(run: RunResult, code: string, shown: RegExp): void {
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr).not.toMatch(/^ {4}at /m);
  expect(run.stderr, run.stderr).toMatch(new RegExp(`^meet: ${HEADLINE[code] ?? 'không ghi được'}: ${shown.source}$`, 'm'));
  expect(run.code).toBe(2);
}

/** Every command that writes, and what it says it could not write. */
const WRITERS: { name: string; args: string[]; shown: RegExp }[] = [
  { name: 'tasks update', args: ['tasks', 'update', 't-0', '--status', 'done', '--note', 'Đã xong toàn bộ các hạng mục', '--in', 'meetings/2020/2020-11-05-kiem-tra.md'], shown: /meetings\/2020\/2020-11-05-kiem-tra\.md/ },
  { name: 'digest (a new reports folder)', args: ['digest', '--month', '2020-10', '--today', '2020-11-15'], shown: /reports\/2020-10\.md/ },
  { name: 'digest --format html', args: ['digest', '--month', '2020-10', '--format', 'html', '--today', '2020-11-15'], shown: /reports\/2020-10\.html/ },
  { name: 'new (a new year folder)', args: ['new', '--date', '2021-01-05', '--chair', 'Hoàng Văn Hiệp'], shown: /meetings\/2021\/2021-01-05-hoi-nghi-thuong-ky-thang-1-2021\.md/ },
  { name: 'new (the year folder exists)', args: ['new', '--date', '2020-12-05', '--chair', 'Hoàng Văn Hiệp'], shown: /meetings\/2020\/2020-12-05-hoi-nghi-thuong-ky-thang-12-2020\.md/ },
  { name: 'report --out', args: ['report', '--month', '2020-10', '--format', 'html', '--out', 'bao-cao.html'], shown: /.*bao-cao\.html/ },
  { name: 'init', args: ['init', 'mot-kho-moi', '--organization', 'UBND'], shown: /(mot-kho-moi|meet\.config\.yaml)/ },
];

describe(`a full disk: exit 2 with "ổ đĩa đã đầy, không ghi được: <path>", nothing left behind${skip}`, () => {
  let root: string;
  let before: string[];
  beforeAll(() => {
    if (!('dir' in disk)) return;
    root = path.join(disk.dir, 'full');
    mkdirSync(root);
    writeTree(root, FILES);
    fill(disk.dir);
    before = listTree(root);
  });

  for (const writer of WRITERS) {
    it.skipIf(!('dir' in disk))(writer.name, async () => {
      const record = readFileSync(path.join(root, 'meetings/2020/2020-11-05-kiem-tra.md'));
      const run = await runMeet(writer.args, { cwd: root });
      expectRefused(run, 'ENOSPC', writer.shown);
      expect(listTree(root)).toEqual(before);
      expect(readFileSync(path.join(root, 'meetings/2020/2020-11-05-kiem-tra.md')).equals(record)).toBe(true);
    });
  }

  it.skipIf(!('dir' in disk))('meet check still checks, and leaves no cache folder it could not finish', async () => {
    const run = await runMeet(['check'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(listTree(root)).toEqual(before);
  });
});

describe(`a read-only file system: exit 2, nothing written${skip}`, () => {
  let root: string;
  let before: string[];
  beforeAll(() => {
    if (!('dir' in disk)) return;
    const ro = mountTmpfs(512);
    if (!('dir' in ro)) throw new Error(ro.why);
    mounted.push(ro.dir);
    root = path.join(ro.dir, 'ro');
    mkdirSync(root);
    writeTree(root, FILES);
    const remount = spawnSync('mount', ['-o', 'remount,ro', ro.dir], { encoding: 'utf8' });
    if (remount.status !== 0) throw new Error(remount.stderr);
    before = listTree(root);
  });

  for (const writer of WRITERS) {
    it.skipIf(!('dir' in disk))(writer.name, async () => {
      const run = await runMeet(writer.args, { cwd: root });
      expectRefused(run, 'EROFS', writer.shown);
      expect(listTree(root)).toEqual(before);
    });
  }

  it.skipIf(!('dir' in disk))('meet check, report and tasks still read', async () => {
    expect((await runMeet(['check'], { cwd: root })).code).toBe(0);
    expect((await runMeet(['report', '--month', '2020-10', '--format', 'json'], { cwd: root })).code).toBe(0);
    expect((await runMeet(['tasks', '--today', '2020-11-15'], { cwd: root })).code).toBe(0);
    expect(listTree(root)).toEqual(before);
  });
});

describe(`a disk that fills up while a report reads its records${skip}`, () => {
  it.skipIf(!('dir' in disk))('keeps in memory the titles and notes it could not put in its temporary file: the same report, exit 0', async () => {
    const own = mountTmpfs(1024);
    if (!('dir' in own)) throw new Error(own.why);
    mounted.push(own.dir);
    const root = path.join(own.dir, 'repo');
    mkdirSync(root);
    writeTree(root, FILES);
    // The cache folder made while there was room: the report's temporary file can be created, not written.
    expect((await runMeet(['check'], { cwd: root })).code).toBe(0);
    const expected = await runMeet(['report', '--month', '2020-11', '--format', 'md', '--no-cache'], { cwd: root });
    expect(expected.stdout).toContain('Việc số 2 cần làm trong tháng');
    fill(own.dir);
    const run = await runMeet(['report', '--month', '2020-11', '--format', 'md'], { cwd: root });
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(expected.stdout);
  });
});
