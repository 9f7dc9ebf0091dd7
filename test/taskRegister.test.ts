// The register of task states kept in typed arrays (what report, digest,
// diff and tasks walk) says what taskStatesOn says, day after day: the same
// tasks in the same order, the same status, deadline and last note, with
// ids repeated within and across records, updates of unknown tasks, of
// tasks of the same day, and notes left empty.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TaskRegister, type RegisterDay } from '../src/domain/taskRegister.js';
import { taskStatesOn } from '../src/domain/taskState.js';
import type { MeetingRecord } from '../src/model/record.js';
import { TASK_STATUSES } from '../src/model/terms.js';

const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const day = fc.constantFrom('2020-01-01', '2020-01-02', '2020-01-03', '2020-01-04');
const status = fc.constantFrom(...TASK_STATUSES);
const task = fc.record({
  id,
  status,
  due: fc.constantFrom(undefined, '2020-01-02', '2020-02', { days: 3 }),
  recurring: fc.constantFrom(undefined, true),
});
const update = fc.record({ task: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'zz'), status, note: fc.constantFrom(undefined, '', 'xong', 'đang làm') });
const record = fc.record({ date: day, tasks: fc.array(task, { maxLength: 4 }), updates: fc.array(update, { maxLength: 4 }) });

function recordsOf(drawn: { date: string; tasks: object[]; updates: object[] }[]): MeetingRecord[] {
  return drawn.map(
    (r, i) =>
      ({
        // File names out of date order: the register sorts by date, then path.
        file: `meetings/2020/${r.date}-${String((i * 7) % 10)}${i}.md`,
        data: {
          title: `Họp ${i}`,
          date: r.date,
          kind: 'regular',
          chair: 'A',
          tasks: r.tasks.map((t) => ({ title: 'Việc', owner: 'x', ...t })),
          updates: r.updates,
        },
        bodyLine: 1,
      }) as unknown as MeetingRecord,
  );
}

/** What the register says on a day, in the terms of taskStatesOn. */
function seen(register: TaskRegister, states: RegisterDay) {
  const out = [];
  for (let place = 0; place < states.count; place++) {
    if (!register.isTask(states, place)) continue;
    const task = register.task(place);
    const note = states.updated[place] === 1 ? states.lastUpdates[place]?.note : undefined;
    out.push({ id: task.id, status: register.status(states, place), due: register.due(place), file: register.meeting(place).file, note: note || undefined });
  }
  return out;
}

describe('TaskRegister', () => {
  it('walks the days to the states taskStatesOn gives on each', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.uniqueArray(day, { maxLength: 4 }), (drawn, asked) => {
        const records = recordsOf(drawn);
        const register = new TaskRegister(records);
        const kept: [string, RegisterDay][] = [];
        for (const d of [...asked].sort()) {
          const states = register.walkTo(d);
          const expected = [...taskStatesOn(records, d).values()].map((s) => ({
            id: s.id,
            status: s.status,
            due: s.due,
            file: s.meeting.file,
            note: s.history.length > 1 ? s.history.at(-1)!.note || undefined : undefined,
          }));
          expect(seen(register, states)).toEqual(expected);
          kept.push([d, TaskRegister.copy(states)]);
        }
        // A copy keeps its day's states while the walk goes on.
        for (const [d, states] of kept)
          expect(seen(register, states).map((s) => s.status)).toEqual([...taskStatesOn(records, d).values()].map((s) => s.status));
      }),
    );
  });

  it('keeps the first assignment of an id, and takes no update from the meeting that assigned it or an earlier one', () => {
    const records = recordsOf([
      { date: '2020-01-02', tasks: [{ id: 'a', status: 'open' }], updates: [] },
      { date: '2020-01-02', tasks: [{ id: 'a', status: 'done' }], updates: [{ task: 'a', status: 'done' }] },
      { date: '2020-01-03', tasks: [], updates: [{ task: 'a', status: 'in-progress', note: 'đang làm' }] },
    ]);
    const register = new TaskRegister(records);
    const first = TaskRegister.copy(register.walkTo('2020-01-02'));
    expect(seen(register, first)).toEqual([{ id: 'a', status: 'open', due: undefined, file: records[0]!.file, note: undefined }]);
    expect(seen(register, register.walkTo('2020-01-03'))).toEqual([
      { id: 'a', status: 'in-progress', due: undefined, file: records[0]!.file, note: 'đang làm' },
    ]);
  });
});
