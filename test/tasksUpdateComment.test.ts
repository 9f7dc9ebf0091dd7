// meet tasks update on an entry `meet new` wrote (issue 14): the generated
// comment above it follows the new status, and the message says what the
// record said before ("in-progress → done"), in the repository's language.
import { describe, expect, it } from 'vitest';
import { copyExamples, read, runMeet } from './helpers.js';

const NOW = new Date('2020-12-30T03:00:00Z');

async function newRecordWithUpdates(): Promise<{ root: string; file: string; task: string }> {
  const root = copyExamples();
  const made = await runMeet(['new', '--date', '2020-12-30', '--chair', 'Hoàng Văn Hiệp'], { cwd: root, now: NOW });
  expect(made.code).toBe(0);
  const file = made.stdout.trim();
  const list = JSON.parse((await runMeet(['tasks', '--format', 'json', '--today', '2020-12-29'], { cwd: root, now: NOW })).stdout) as {
    id: string;
    status: string;
  }[];
  const task = list.find((t) => t.status === 'in-progress')!.id;
  return { root, file, task };
}

describe('tasks update on an entry meet new wrote', () => {
  it('rewrites the generated comment and says "đang thực hiện → hoàn thành"', async () => {
    const { root, file, task } = await newRecordWithUpdates();
    const before = read(root, file);
    const comment = new RegExp(`# (.*) \\(đang thực hiện\\)\\n  - task: ${task}\\n`);
    expect(before).toMatch(comment);
    const run = await runMeet(['tasks', 'update', task, '--status', 'done'], { cwd: root, now: NOW });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`${task}: đang thực hiện → hoàn thành, trong ${file} (đã sửa cập nhật có sẵn)\n`);
    const after = read(root, file);
    const title = comment.exec(before)![1]!;
    expect(after).toContain(`# ${title} (hoàn thành)\n  - task: ${task}\n    status: done\n`);
    // Only the entry and its comment changed.
    expect(after.split('\n').filter((line, i) => line !== before.split('\n')[i])).toHaveLength(2);
    const check = await runMeet(['check'], { cwd: root, now: NOW });
    expect(check.code).toBe(0);
  });

  it('in English: "in progress → done"', async () => {
    const { root, file, task } = await newRecordWithUpdates();
    const run = await runMeet(['tasks', 'update', task, '--status', 'done', '--locale', 'en'], { cwd: root, now: NOW });
    expect(run.stderr).toBe(`${task}: in progress → done, in ${file} (the update already there was changed)\n`);
    // The comment stays in the record's language.
    expect(read(root, file)).toMatch(new RegExp(`\\(hoàn thành\\)\\n  - task: ${task}\\n`));
  });
});
