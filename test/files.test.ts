// New files where hard links fail (FAT and exFAT USB sticks, some network
// shares): createFileExclusive falls back to createInPlace. No such mount is
// at hand, so createInPlace is tested directly, on real temp folders; a write
// that fails part-way is a real one, in a child process limited by `ulimit -f`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFileExclusive, createInPlace } from '../src/io/writeFiles.js';
import { PROJECT_ROOT, tempDir } from './helpers.js';

const RECORD = '\uFEFF---\r\ntitle: Hội nghị giao ban\r\ndate: 2020-10-26\r\nchair: Hoàng Văn Hiệp\r\n---\r\nNội dung.\r\n';
const NAME = '2020-10-26-giao-ban.md';

/** A folder holding the temp file createFileExclusive would have written before trying link(). */
function folderWithTemp(content: string): { dir: string; temp: string; target: string } {
  const dir = tempDir('meet-files-');
  const temp = path.join(dir, `.${NAME}.1234.abcd.tmp`);
  writeFileSync(temp, content);
  return { dir, temp, target: path.join(dir, NAME) };
}

describe('createInPlace (new files without hard links)', () => {
  it('creates the file with the exact content and leaves no temp file', () => {
    const { dir, temp, target } = folderWithTemp(RECORD);
    createInPlace(temp, target, RECORD);
    expect(readFileSync(target)).toEqual(Buffer.from(RECORD, 'utf8'));
    expect(readdirSync(dir)).toEqual([NAME]);
  });

  it('refuses with EEXIST when the file exists, leaving it untouched and no temp file', () => {
    const { dir, temp, target } = folderWithTemp(RECORD);
    writeFileSync(target, 'the clerk’s record\n');
    expect(() => createInPlace(temp, target, RECORD)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(target, 'utf8')).toBe('the clerk’s record\n');
    expect(readdirSync(dir)).toEqual([NAME]);
  });

  it.skipIf(process.platform === 'win32')('removes a half-written file when the write fails part-way', () => {
    const { dir, temp, target } = folderWithTemp('');
    // Files may grow to 1 KiB in the child: the write fails there with EFBIG
    // (Node ignores SIGXFSZ), after the first kilobyte is on disk.
    const files = pathToFileURL(path.join(PROJECT_ROOT, 'dist', 'io', 'files.js')).href;
    const script = `
      const { createInPlace } = await import(${JSON.stringify(files)});
      const [temp, target, size] = process.argv.slice(1);
      try { createInPlace(temp, target, 'x'.repeat(Number(size))); console.log('written'); }
      catch (error) { console.log(error.code); }`;
    const run = spawnSync('sh', ['-c', 'ulimit -f 1 && exec "$0" "$@"', process.execPath, '--input-type=module', '-e', script, temp, target, String(64 * 1024)], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('EFBIG');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('createFileExclusive', () => {
  it('creates a new file with the exact content and leaves no temp file', () => {
    const root = tempDir('meet-files-');
    const target = path.join(root, 'meetings', '2020', NAME);
    createFileExclusive(root, target, RECORD);
    expect(readFileSync(target)).toEqual(Buffer.from(RECORD, 'utf8'));
    expect(readdirSync(path.dirname(target))).toEqual([NAME]);
  });

  it('refuses with EEXIST when the file exists, leaving it untouched and no temp file', () => {
    const root = tempDir('meet-files-');
    const target = path.join(root, NAME);
    writeFileSync(target, 'the clerk’s record\n');
    expect(() => createFileExclusive(root, target, RECORD)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(target, 'utf8')).toBe('the clerk’s record\n');
    expect(readdirSync(root)).toEqual([NAME]);
  });
});
