// The index the rules across records read (which record first assigns each
// task id) answers as a Map would, probes and all: ids drawn from a small
// alphabet repeat within and across records, and a table kept half full
// makes neighbouring slots collide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstAssignments, heldIds } from '../src/domain/firstAssignments.js';
import { sharedFactIds } from '../src/domain/recordFacts.js';
import { checkAcrossRecords } from '../src/domain/checkRules.js';
import type { CheckedRecord } from '../src/model/record.js';

const id = fc.stringMatching(/^[a-c][a-c0-9-]{0,3}$/);

describe('FirstAssignments', () => {
  it('claims, looks up and lists ids as a Map of first assignments does', () => {
    fc.assert(
      fc.property(fc.array(fc.array(id, { maxLength: 6 }), { maxLength: 12 }), fc.array(id, { maxLength: 10 }), (idsOf, asked) => {
        const index = new FirstAssignments(heldIds(idsOf));
        const reference = new Map<string, number>();
        idsOf.forEach((ids, r) =>
          ids.forEach((task, i) => {
            // A repeated id answers with the record that had it first.
            expect(index.claim(task, r, i)).toBe(reference.get(task));
            if (!reference.has(task)) reference.set(task, r);
          }),
        );
        for (const task of [...asked, ...reference.keys()]) expect(index.get(task)).toBe(reference.get(task));
        expect([...index.ids()]).toEqual([...reference.keys()]);
      }),
    );
  });

  it('tells apart ids that differ in one character, and holds no id of an empty repository', () => {
    const index = new FirstAssignments(heldIds([['xa-an-01', 'xa-an-10'], [], ['xa-an-01']]));
    expect(index.claim('xa-an-01', 0, 0)).toBeUndefined();
    expect(index.claim('xa-an-10', 0, 1)).toBeUndefined();
    expect(index.claim('xa-an-01', 2, 0)).toBe(0);
    expect(index.get('xa-an-11')).toBeUndefined();
    expect([...index.ids()]).toEqual(['xa-an-01', 'xa-an-10']);
    expect(new FirstAssignments(heldIds([])).get('x')).toBeUndefined();
  });

  it('passes a slot held by another id without reading that id from its record, nearly always', () => {
    // 20,000 ids as a district's records name them, a record's ten tasks each.
    const lists = Array.from({ length: 2_000 }, (_, r) =>
      Array.from({ length: 10 }, (_, i) => `huyen-thai-binh-2020${String(r).padStart(4, '0')}-${i}-nhiem-vu`),
    );
    let reads = 0;
    const idsOf = { length: lists.length, countOf: (r: number) => lists[r]!.length, idAt: (r: number, i: number) => (reads++, lists[r]![i]!) };
    const index = new FirstAssignments(idsOf);
    lists.forEach((ids, r) => ids.forEach((task, i) => expect(index.claim(task, r, i)).toBeUndefined()));
    // At five eighths full a new id meets ~4 held slots on its way to an empty one: ~80,000 reads, were each read.
    expect(reads).toBeLessThan(1_000);
    reads = 0;
    lists.forEach((ids, r) =>
      ids.forEach((task, i) => {
        const slot = index.slotOf(task);
        expect([index.recordAt(slot), index.placeAt(slot)]).toEqual([r, i]);
      }),
    );
    // Each id found read once, to be sure of it, and few others.
    expect(reads).toBeLessThan(20_000 + 1_000);
  });
});

describe('sharedFactIds', () => {
  it('leaves every id of every record where it was, whatever order the records come in', () => {
    const id = fc.constantFrom('a', 'b', 'ab', 'b-a', 'c');
    const facts = fc.record({ taskIds: fc.array(id, { maxLength: 6 }), updateTasks: fc.array(id, { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 12 }), (records) => {
        // Each id a string of its own, as parsed JSON gives them.
        const own = records.map((r) => ({ taskIds: r.taskIds.map((s) => `${s}-`.slice(0, -1)), updateTasks: r.updateTasks.map((s) => `${s}-`.slice(0, -1)) }));
        const share = sharedFactIds();
        for (const r of own) share(r);
        expect(own).toEqual(records);
      }),
    );
  });
});

describe('checkAcrossRecords sharing ids', () => {
  it('leaves every update naming the task it named, in data and facts, and the findings as they were', () => {
    const id = fc.constantFrom('a', 'b', 'ab', 'b-a', 'c', 'gone');
    const record = fc.record({
      tasks: fc.array(id, { maxLength: 5 }),
      updates: fc.array(id, { maxLength: 5 }),
      facts: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 10 }), (drawn) => {
        // Each id a string of its own, as parsed JSON gives them; a record with facts holds its ids there, as a
        // record of a later month does (its updates in both).
        const copy = (s: string) => `${s}-`.slice(0, -1);
        const records = drawn.map((r, i) => {
          const updates = r.updates.map((task) => ({ task: copy(task), status: 'done' }));
          const data = { date: `2020-01-${String(i + 1).padStart(2, '0')}`, updates, ...(r.facts ? {} : { tasks: r.tasks.map((t) => ({ id: copy(t) })) }) };
          const locate = () => ({ line: 1, column: 1 });
          return {
            file: `${i}.md`,
            data,
            locate,
            ...(r.facts ? { facts: { taskIds: r.tasks.map(copy), updateTasks: updates.map((u) => copy(u.task)) } } : {}),
          };
        });
        const before = JSON.stringify(records);
        const unshared = checkAcrossRecords(records as unknown as CheckedRecord[]);
        expect(checkAcrossRecords(records as unknown as CheckedRecord[], 'en', [], undefined, true)).toEqual(unshared);
        expect(JSON.stringify(records)).toBe(before);
      }),
    );
  });
});
