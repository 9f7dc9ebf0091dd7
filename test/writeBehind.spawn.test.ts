// Large outputs written and hashed on a thread of their own (io/writeBehind.ts).
// The thread's module is the build's (dist/io/writeThread.js): run from the
// sources, everything is written on the caller's thread, so these tests load
// the built module, as the binary does.
import { closeSync, fstatSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Source from '../src/io/writeBehind.js';
import { PROJECT_ROOT, tempDir } from './helpers.js';

const built = (): Promise<typeof Source> => import(pathToFileURL(path.join(PROJECT_ROOT, 'dist', 'io', 'writeBehind.js')).href) as Promise<typeof Source>;
const MiB = 1024 * 1024;

/** Report-like text in pieces of a few kilobytes, Vietnamese included, as strings become bytes. */
function pieces(bytes: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const piece = Buffer.from(`<tr><td>${i}</td><td>Hoàn thành báo cáo tổng kết công tác năm ${i % 97}</td></tr>\n`.repeat(40), 'utf8');
    out.push(piece);
    size += piece.length;
  }
  return out;
}

describe('WriteBehind', () => {
  it('writes every byte in order and hashes them on its thread, the disk writing while the caller still gives', async () => {
    const { WriteBehind } = await built();
    const file = path.join(tempDir('meet-write-'), 'answer.out');
    const fd = openSync(file, 'wx');
    const given = pieces(24 * MiB);
    const writer = new WriteBehind(fd, { hash: true, threadFrom: 1 });
    for (const piece of given) writer.write(piece);
    // At most 4 MiB is handed over and not yet written: the rest is in the file already, written by the thread.
    expect(fstatSync(fd).size).toBeGreaterThanOrEqual(18 * MiB);
    const hash = writer.end();
    closeSync(fd);
    const whole = Buffer.concat(given);
    expect(readFileSync(file).equals(whole)).toBe(true);
    expect(hash).toBe(createHash('sha256').update(whole).digest('base64url'));
  });

  it('writes a small output on the caller’s thread at the end, hashing only when asked', async () => {
    const { WriteBehind } = await built();
    const file = path.join(tempDir('meet-write-'), 'small.out');
    const fd = openSync(file, 'wx');
    const writer = new WriteBehind(fd, { sync: true });
    writer.write(Buffer.from('Báo cáo tháng 10\n', 'utf8'));
    expect(fstatSync(fd).size).toBe(0);
    expect(writer.end()).toBeUndefined();
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('Báo cáo tháng 10\n');
  });

  it('passes on what the thread met, with its code, and then stops without a hang', async () => {
    const { WriteBehind } = await built();
    const file = path.join(tempDir('meet-write-'), 'read-only.out');
    writeFileSync(file, '');
    // Open for reading only: every write the thread makes fails with EBADF.
    const fd = openSync(file, 'r');
    const writer = new WriteBehind(fd, { hash: true, threadFrom: 1 });
    let met: unknown;
    try {
      for (const piece of pieces(20 * MiB)) writer.write(piece);
      writer.end();
    } catch (error) {
      met = error;
    }
    writer.stop();
    closeSync(fd);
    expect(met).toMatchObject({ code: 'EBADF', syscall: 'write' });
    // Every later call says the same.
    expect(() => writer.end()).toThrow(expect.objectContaining({ code: 'EBADF' }));
    expect(readFileSync(file).length).toBe(0);
  });

  it('stops part-way: nothing is written once stop() returns, and the file can be closed', async () => {
    const { WriteBehind } = await built();
    const file = path.join(tempDir('meet-write-'), 'stopped.out');
    const fd = openSync(file, 'wx');
    const writer = new WriteBehind(fd, { threadFrom: 1 });
    for (const piece of pieces(12 * MiB)) writer.write(piece);
    writer.stop();
    const size = fstatSync(fd).size;
    closeSync(fd);
    expect(size).toBeLessThanOrEqual(12 * MiB);
    // Given after stop(), nothing reaches the file (closed now: a write would fail).
    expect(() => writer.end()).not.toThrow();
    expect(readFileSync(file).length).toBe(size);
  });
});
