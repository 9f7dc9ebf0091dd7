// Task state on a day, from real parses: the history a task starts with is
// shared by its meeting's tasks, and an update must give only its own task a
// longer one.
import { describe, expect, it } from 'vitest';
import { organizationKey, taskStatesOn } from '../src/domain/taskState.js';
import type { MeetingRecord } from '../src/model/record.js';
import { parseRecord } from '../src/records/parse.js';

function record(file: string, frontMatter: string): MeetingRecord {
  const parsed = parseRecord(Buffer.from(`---\n${frontMatter}---\n`, 'utf8'), file, 'en');
  if (!parsed.record || 'facts' in parsed.record) throw new Error(`${file}: ${JSON.stringify(parsed.findings)}`);
  return parsed.record;
}

const september = record(
  'meetings/2020/2020-09-25-regular.md',
  `title: September
date: 2020-09-25
kind: regular
period: 2020-09
chair: Chair
tasks:
  - id: roads
    title: Repair the roads
    owner: works
    due: 2020-10-20
  - id: bridge
    title: Inspect the bridge
    owner: works
    due: 2020-10-20
  - id: budget
    title: Draft the budget
    owner: finance
    status: in-progress
`,
);
const october = record(
  'meetings/2020/2020-10-26-regular.md',
  `title: October
date: 2020-10-26
kind: regular
period: 2020-10
chair: Chair
updates:
  - task: roads
    status: done
    note: All repaired
  - task: budget
    status: done
`,
);

describe('taskStatesOn', () => {
  it('gives an updated task its own history and leaves its meeting’s other tasks as assigned', () => {
    const states = taskStatesOn([october, september], '2020-10-31');
    expect(states.get('roads')!.history).toEqual([
      { date: '2020-09-25', file: september.file, status: 'open' },
      { date: '2020-10-26', file: october.file, status: 'done', note: 'All repaired' },
    ]);
    expect(states.get('bridge')!.history).toEqual([{ date: '2020-09-25', file: september.file, status: 'open' }]);
    expect(states.get('budget')!.history.map((h) => h.status)).toEqual(['in-progress', 'done']);
    expect([...states.values()].map((s) => [s.id, s.status])).toEqual([
      ['roads', 'done'],
      ['bridge', 'open'],
      ['budget', 'done'],
    ]);
  });

  it('starts each walk afresh: an earlier day sees no later update', () => {
    taskStatesOn([september, october], '2020-10-31');
    const before = taskStatesOn([september, october], '2020-10-01');
    expect(before.get('roads')!.history).toHaveLength(1);
    expect(before.get('roads')!.status).toBe('open');
  });
});

describe('organizationKey: one organization however its name was typed', () => {
  it('takes the tone mark placed the old way (Unikey), capitals, spaces and a final full stop as the same name', () => {
    expect(organizationKey('UBND Huyện  Hoà Bình.')).toBe(organizationKey('UBND huyện Hòa Bình'));
    expect(organizationKey('UBND xã Thuỷ Xuân\u00a0')).toBe(organizationKey('UBND xã Thủy Xuân'));
    expect(organizationKey('Trạm Y tế xã Khoẻ'.normalize('NFD'))).toBe(organizationKey('Trạm Y tế xã Khỏe'));
    // "qu" is a consonant: the tone of "quý" has one place; "hoàng" is no open syllable.
    expect(organizationKey('Quý Sơn')).not.toBe(organizationKey('Qúy Sơn'));
    expect(organizationKey('Hoàng')).not.toBe(organizationKey('Hòang'));
    expect(organizationKey('UBND xã Tân Lập')).not.toBe(organizationKey('UBND huyện Tân Lập'));
  });
});
