// Large outputs are written in pieces (issue 16: `report --format json` on
// 100k records was longer than V8's longest string). jsonChunks must give
// exactly jsonText's bytes, whatever the value and wherever it cuts; the
// commands that stream their JSON must write what they wrote before.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/domain/buildReport.js';
import { loadRepository } from '../src/io/repository.js';
import { joinedInChunks, jsonChunks, jsonText, MappedList } from '../src/model/text.js';
import { reportJson } from '../src/render/reportJson.js';
import { markdownTableChunks } from '../src/render/table.js';
import { makeRepo, runMeet } from './helpers.js';

/** Strings with what JSON escapes itself, what jsonText escapes on top, and surrogates. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '\u0000\n"\\', '\u007f\u0085\u009f', '\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069', '\ud83d\ude00', '\ud800', 'Hội nghị'),
);

const leaf = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(-0),
  fc.constant(() => 1),
  fc.date({ noInvalidDate: true }),
  fc.constant(new Date(Number.NaN)),
  fc.constant(Object(3) as unknown),
  fc.constant(Object('boxed') as unknown),
  fc.constant({ toJSON: (key: string) => ({ key }) }),
  fc.constant({ toJSON: () => undefined }),
);

const value = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object'), tie('mapped')),
  array: fc.array(tie('tree'), { maxLength: 6 }),
  // Written as source.map(map) would be.
  mapped: fc.array(tie('tree'), { maxLength: 6 }).map((items) => new MappedList(items, (item) => (typeof item === 'string' ? { item } : [item]))),
  object: fc.dictionary(fc.oneof(text, fc.constantFrom('__proto__', 'toJSON', '0', '10')), tie('tree'), { maxKeys: 6 }),
})).tree;

describe('jsonChunks', () => {
  it('gives exactly jsonText, for any value, indent and piece size', () => {
    fc.assert(
      fc.property(
        fc.oneof(value, fc.array(value), fc.dictionary(text, value)),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 200 }),
        (v, indent, size) => {
          const expected = JSON.stringify(v, null, indent) === undefined ? undefined : jsonText(v, indent);
          if (expected === undefined) {
            expect(() => [...jsonChunks(v, indent, size)]).toThrow(TypeError);
            return;
          }
          expect([...jsonChunks(v, indent, size)].join('')).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('cuts a large value into pieces of about the size asked', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `task-${i}`, title: 'Sửa cầu\u2028 Bến Đá', owners: ['van-phong'], due: null, n: i }));
    const pieces = [...jsonChunks(rows)];
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(70_000);
    expect(pieces.join('')).toBe(jsonText(rows));
  });

  it('makes the elements of a mapped list as it writes them, not before', () => {
    let made = 0;
    const rows = new MappedList(
      Array.from({ length: 20_000 }, (_, i) => i),
      (i) => {
        made++;
        return { id: `task-${i}`, title: 'Sửa cầu Bến Đá', owners: ['van-phong'], meeting: { date: '2020-10-27' } };
      },
    );
    const pieces = jsonChunks({ tasks: { carried: rows } });
    const first = pieces.next();
    expect(first.done).toBe(false);
    expect(made).toBeLessThan(2_000);
    const text = (first.value ?? '') + [...pieces].join('');
    expect(made).toBe(20_000);
    expect(text).toBe(jsonText({ tasks: { carried: Array.from({ length: rows.source.length }, (_, i) => rows.map(rows.source.at(i)!)) } }));
  });

  it('writes deep arrays a run of elements at a time, toJSON still handed each element its own index', () => {
    // Deep elements go to JSON.stringify in runs: a toJSON deep in a long array must see its index, not its place in a run.
    const keyed = { toJSON: (key: string) => ({ key }) };
    const row = (i: number) => (i % 7 === 0 ? keyed : i % 3 === 0 ? { n: i, s: 'a\u2028b[]', deeper: { list: [i, [i]] } } : [i, '}']);
    const value = { deep: [Array.from({ length: 600 }, (_, i) => row(i))], top: Array.from({ length: 300 }, (_, i) => row(i)) };
    for (const indent of [0, 2, 4]) {
      const text = [...jsonChunks(value, indent, 100)].join('');
      expect(text).toBe(jsonText(value, indent));
      expect(JSON.parse(text).deep[0][595]).toEqual({ key: '595' });
    }
  });
});

describe('joinedInChunks', () => {
  it('gives exactly join, for any pieces, separator and piece size', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.string(), fc.integer({ min: 1, max: 50 }), (pieces, separator, size) => {
        expect([...joinedInChunks(pieces, separator, size)].join('')).toBe(pieces.join(separator));
      }),
    );
  });
});

const RECORD = (date: string, tasks: number) => `---
title: Họp thử
date: ${date}
chair: Nguyễn Văn A
tasks:
${Array.from({ length: tasks }, (_, i) => `  - id: viec-${date}-${i}\n    title: 'Việc số ${i}: sửa "cầu" Bến Đá, giai đoạn ${i % 7}'\n    owner: [van-phong, tai-chinh-ke-hoach]\n    due: 2020-10-${20 + (i % 10)}\n`).join('')}---
`;

describe('streamed JSON outputs (the real code path)', () => {
  // About 1,200 tasks, open and overdue: the report's JSON is about 1 MB, many pieces.
  const root = makeRepo({
    'meetings/2020/2020-10-05-hop-thu.md': RECORD('2020-10-05', 600),
    'meetings/2020/2020-10-12-hop-thu.md': RECORD('2020-10-12', 600),
  });

  it('report --format json writes, to stdout and to --out, what one string held', async () => {
    const { config, records } = await loadRepository(root, { bodies: true });
    const expected = `${jsonText(reportJson(buildReport(records, config, '2020-10', config.locale)))}\n`;
    expect(expected.length).toBeGreaterThan(500_000);
    const run = await runMeet(['report', '--month', '2020-10', '--format', 'json', '--no-cache'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(expected);
    const out = await runMeet(['report', '--month', '2020-10', '--out', 'r.json'], { cwd: root });
    expect(out.code).toBe(0);
    expect(readFileSync(path.join(root, 'r.json'), 'utf8')).toBe(expected);
  });

  it('tasks --format json ends in one newline, as before', async () => {
    const run = await runMeet(['tasks', '--today', '2020-11-02', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(1200);
    expect(run.stdout.endsWith(']\n')).toBe(true);
    expect(run.stdout.endsWith('\n\n')).toBe(false);
  });

  it('tasks as text: one line a task, the table written in pieces', async () => {
    const run = await runMeet(['tasks', '--today', '2020-11-02', '--format', 'text'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toHaveLength(1 + 1200 + 1);
    expect(run.stdout.endsWith('\n')).toBe(true);
  });
});

describe('markdownTableChunks', () => {
  it('writes a table of many rows in pieces, as the rows come, the same text as one string', () => {
    let made = 0;
    function* rows(): Generator<string[]> {
      for (let i = 0; i < 5000; i++) {
        made++;
        yield [`Việc ${i} | có gạch`, `van-phong`, String(i)];
      }
    }
    const pieces = markdownTableChunks([{ header: 'Việc' }, { header: 'Chủ trì' }, { header: 'Số', align: 'right' }], rows());
    const first = pieces.next();
    // The first piece is out before most rows are made.
    expect(made).toBeLessThan(5000);
    const text = [first.value as string, ...pieces].join('');
    const lines = [
      '| Việc | Chủ trì | Số |',
      '| --- | --- | ---: |',
      ...Array.from({ length: 5000 }, (_, i) => `| Việc ${i} \\| có gạch | van-phong | ${i} |`),
    ];
    expect(text).toBe(lines.join('\n'));
  });
});
