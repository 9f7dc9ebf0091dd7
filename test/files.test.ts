// New files where hard links fail (FAT and exFAT USB sticks, some network
// shares): createFileExclusive falls back to createInPlace. No such mount is
// at hand, so createInPlace is tested directly, on real temp folders. A write
// that fails part-way is a real one, in a child process limited by `ulimit -f`
// that loads the build: files.spawn.test.ts.
import { chmodSync, closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChangedMeanwhile, createFileExclusive, createInPlace, replaceFile, replaceFileIfChanged } from '../src/io/writeFiles.js';
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

describe('replaceFileIfChanged (a digest written as it is made)', () => {
  const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');
  function* pieces(...texts: string[]): Generator<string | Uint8Array> {
    for (const [i, text] of texts.entries()) yield i % 2 === 0 ? text : Buffer.from(text, 'utf8');
  }

  it('writes a new file, hashing the bytes as they come', () => {
    const dir = tempDir('meet-files-');
    const target = path.join(dir, 'reports', '2020-10.md');
    const seen: string[] = [];
    const replaced = replaceFileIfChanged(dir, target, pieces('# Báo cáo', '\nTháng 10\n'), (hash) => (seen.push(hash), true));
    expect(replaced).toBe(true);
    expect(seen).toEqual([sha('# Báo cáo\nTháng 10\n')]);
    expect(readFileSync(target, 'utf8')).toBe('# Báo cáo\nTháng 10\n');
    expect(readdirSync(path.dirname(target))).toEqual(['2020-10.md']);
  });

  it('leaves the file alone, mtime and all, when told the content is the same; replaces it, keeping its mode, when not', () => {
    const dir = tempDir('meet-files-');
    const target = path.join(dir, 'digest.md');
    writeFileSync(target, 'cũ\n');
    chmodSync(target, 0o640);
    const past = new Date('2021-01-01T00:00:00Z');
    utimesSync(target, past, past);
    expect(replaceFileIfChanged(dir, target, pieces('cũ', '\n'), (hash) => hash !== sha('cũ\n'))).toBe(false);
    expect(statSync(target).mtimeMs).toBe(past.getTime());
    expect(readdirSync(dir)).toEqual(['digest.md']);
    expect(replaceFileIfChanged(dir, target, pieces('mới', '\n'), (hash) => hash !== sha('cũ\n'))).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('mới\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['digest.md']);
  });

  it('loses nothing when the content fails part-way, and refuses a symbolic link', () => {
    const dir = tempDir('meet-files-');
    const target = path.join(dir, 'digest.md');
    writeFileSync(target, 'giữ nguyên\n');
    function* failing(): Generator<string> {
      yield 'một nửa';
      throw new Error('render failed');
    }
    expect(() => replaceFileIfChanged(dir, target, failing(), () => true)).toThrow('render failed');
    expect(readFileSync(target, 'utf8')).toBe('giữ nguyên\n');
    expect(readdirSync(dir)).toEqual(['digest.md']);
    const link = path.join(dir, 'link.md');
    symlinkSync(target, link);
    expect(() => replaceFileIfChanged(dir, link, pieces('x'), () => true)).toThrow();
    expect(readFileSync(target, 'utf8')).toBe('giữ nguyên\n');
    expect(readdirSync(dir).sort()).toEqual(['digest.md', 'link.md']);
  });
});

describe('replaceFile with unchangedFrom (an edit made from what was read)', () => {
  it('writes when the file still holds what the edit was made from', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bien-ban.md');
    writeFileSync(file, 'cũ\n');
    replaceFile(dir, file, 'mới\n', { unchangedFrom: Buffer.from('cũ\n') });
    expect(readFileSync(file, 'utf8')).toBe('mới\n');
    expect(readdirSync(dir)).toEqual(['bien-ban.md']);
  });

  it('writes nothing, and says so, when another program saved the file since', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bien-ban.md');
    // What an editor saved after the edit was made from "cũ".
    writeFileSync(file, 'cũ\nthêm dòng của người khác\n');
    expect(() => replaceFile(dir, file, 'mới\n', { unchangedFrom: Buffer.from('cũ\n') })).toThrow(ChangedMeanwhile);
    expect(readFileSync(file, 'utf8')).toBe('cũ\nthêm dòng của người khác\n');
    expect(readdirSync(dir)).toEqual(['bien-ban.md']);
  });
});

describe('WriteBehind without its thread (run from the sources)', () => {
  it('writes a large output as it comes, never holding it whole, and hashes it', async () => {
    const { WriteBehind } = await import('../src/io/writeBehind.js');
    const file = path.join(tempDir('meet-files-'), 'answer.out');
    const fd = openSync(file, 'wx');
    const piece = Buffer.from('<tr><td>Hoàn thành báo cáo tổng kết</td></tr>\n'.repeat(200), 'utf8');
    const writer = new WriteBehind(fd, { hash: true, threadFrom: 2 * 1024 * 1024 });
    const digest = createHash('sha256');
    for (let i = 0; i < 1000; i++) {
      writer.write(piece);
      digest.update(piece);
    }
    // 10 MiB given; all but the last 2 MiB held and the piece being filled are in the file already.
    expect(fstatSync(fd).size).toBeGreaterThanOrEqual(piece.length * 1000 - 3 * 1024 * 1024);
    expect(writer.end()).toBe(digest.digest('base64url'));
    closeSync(fd);
    expect(readFileSync(file).length).toBe(piece.length * 1000);
  });
});
