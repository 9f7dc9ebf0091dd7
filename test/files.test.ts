// New files where hard links fail (FAT and exFAT USB sticks, some network
// shares): createFileExclusive falls back to createInPlace. No such mount is
// at hand, so createInPlace is tested directly, on real temp folders. A write
// that fails part-way is a real one, in a child process limited by `ulimit -f`
// that loads the build: files.spawn.test.ts.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileExclusive, createInPlace } from '../src/io/writeFiles.js';
import { tempDir } from './helpers.js';

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
