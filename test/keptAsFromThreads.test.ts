// A large repository parsed on the command's own thread (MEET_THREADS=0)
// keeps fresh copies of what it reads, as outcomes from parser threads are
// (io/parserThreads.ts: keptAsFromThreads): an id the reader cut from a
// file's text is a view of that text and would keep all of it.
import { describe, expect, it } from 'vitest';
import { collectGarbage, keptAsFromThreads } from '../src/io/parserThreads.js';
import type { FileOutcome } from '../src/io/recordOutcome.js';

/** An outcome whose ids are cut from a text of its own, as the reader cuts them from a record's. */
function outcomeOf(n: number): FileOutcome {
  // Two bytes a character, as a record's text is once one Vietnamese letter is in it (~36 KB).
  const text = `${'Hội nghị '.repeat(2_000)}xa-tay-tan-${String(n).padStart(4, '0')}-01-quyet-toan`;
  const id = text.slice(text.indexOf('xa-tay-tan-'));
  return {
    findings: [],
    record: { data: { date: '2021-08-28' }, facts: { taskIds: [id], updateTasks: [id] }, bodyLine: 5 },
    hash: `hash-${n}`,
  } as unknown as FileOutcome;
}

/** The heap in use once everything let go is collected. */
function heapInUse(): number {
  collectGarbage(true);
  return process.memoryUsage().heapUsed;
}

const MiB = 2 ** 20;

describe('keptAsFromThreads', () => {
  it('copies nothing below the number of files threads would be used from', () => {
    expect(keptAsFromThreads(1_999)).toBeUndefined();
    expect(keptAsFromThreads(2_000)).toBeTypeOf('function');
  });

  it('keeps a copy of each outcome that holds none of the text its ids were cut from', () => {
    const kept = keptAsFromThreads(2_000)!;
    const before = heapInUse();
    const held = Array.from({ length: 2_000 }, (_, n) => kept(outcomeOf(n)));
    const grown = heapInUse() - before;
    expect(held[7]).toEqual(outcomeOf(7));
    const record = held[7]!.record!;
    expect('facts' in record && record.facts.taskIds).toEqual(['xa-tay-tan-0007-01-quyet-toan']);
    // The same outcomes held as made: their 2,000 texts stay (~70 MB), which is what the copies avoid.
    const pinned = Array.from({ length: 2_000 }, (_, n) => outcomeOf(n));
    const pinning = heapInUse() - before - grown;
    expect(pinned).toHaveLength(2_000);
    expect(pinning).toBeGreaterThan(50 * MiB);
    expect(grown).toBeLessThan(5 * MiB);
  });
});
