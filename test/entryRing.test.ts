import { closeSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RingReader, RingWriter } from '../src/io/entryRing.js';

const open: number[] = [];
afterEach(() => {
  for (const fd of open.splice(0)) closeSync(fd);
});

/** A ring of `size` bytes in a file of its own, its two ends. */
function ring(size: number): { writer: RingWriter; reader: RingReader; fd: number } {
  const fd = openSync(path.join(mkdtempSync(path.join(tmpdir(), 'meet-ring-')), 'ring'), 'w+');
  open.push(fd);
  return { writer: new RingWriter(fd, size), reader: new RingReader(fd, size), fd };
}

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('the ring the filling process passes entries through', () => {
  it('writes each batch where the reader finds it, around the end, and never over what was not taken', async () => {
    const { writer, reader } = ring(10);
    const told: [string, number][] = [];
    const put = (text: string) => writer.put(bytes(text), (at) => told.push([text, at]));
    put('abcd');
    put('efgh');
    // 12 bytes written, none taken: it waits.
    put('ijkl');
    expect(told).toEqual([
      ['abcd', 0],
      ['efgh', 4],
    ]);
    const ended = writer.end();
    let done = false;
    void ended.then(() => (done = true));
    expect(reader.read(0, 4)?.toString()).toBe('abcd');
    // Taken up to 1 only: 'ijkl' would still write over 'b'.
    writer.taken(1);
    expect(told).toHaveLength(2);
    writer.taken(2);
    // Written at 8: two bytes at the end, two from the start, where 'ab' were.
    expect(told).toEqual([
      ['abcd', 0],
      ['efgh', 4],
      ['ijkl', 8],
    ]);
    expect(reader.read(4, 4)?.toString()).toBe('efgh');
    expect(reader.read(8, 4)?.toString()).toBe('ijkl');
    await ended;
    expect(done).toBe(true);
  });

  it('passes a batch larger than the ring as not written, and the ones after it as usual', () => {
    const { writer, reader } = ring(4);
    const told: number[] = [];
    writer.put(bytes('too large'), (at) => told.push(at));
    writer.put(bytes('ok'), (at) => told.push(at));
    expect(told).toEqual([-1, 0]);
    expect(reader.read(0, 2)?.toString()).toBe('ok');
    // Nor is more than the ring read.
    expect(reader.read(0, 5)).toBeUndefined();
  });

  it('passes a batch it cannot write as not written, and every later one', () => {
    const { reader, fd } = ring(16);
    const file = openSync(`/proc/self/fd/${fd}`, 'r');
    open.push(file);
    // Read-only: the first write fails.
    const writer = new RingWriter(file, 16);
    const told: number[] = [];
    writer.put(bytes('first'), (at) => told.push(at));
    writer.put(bytes('second'), (at) => told.push(at));
    expect(told).toEqual([-1, -1]);
    expect(reader.read(0, 5)?.toString()).not.toBe('first');
  });
});
