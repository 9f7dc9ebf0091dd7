// The collection before a large build gives back the pages that what it let go
// was on (io/parserThreads.ts: compactGarbage); a plain collection keeps them.
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage, compactGarbage } from '../src/io/parserThreads.js';

describe('compactGarbage', () => {
  it('gives back the pages half-emptied objects were left on, which a full collection keeps', async () => {
    // Every other object let go: each page the objects filled is left half full.
    const objects: ({ n: number; text: string } | undefined)[] = [];
    for (let n = 0; n < 2_000_000; n++) objects.push({ n, text: `t${n}` });
    for (let n = 0; n < objects.length; n += 2) objects[n] = undefined;
    collectGarbage(true);
    const collected = getHeapStatistics().total_heap_size;
    await compactGarbage();
    const compacted = getHeapStatistics().total_heap_size;
    expect(objects.filter(Boolean)).toHaveLength(1_000_000);
    // ~100 MB of pages for ~50 MB of objects: at least 20 MB of them back.
    expect(collected - compacted).toBeGreaterThan(20 * 2 ** 20);
  });
});
