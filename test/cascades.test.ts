// No cascades (issue 14): a record that cannot be read must not make the
// updates of later records look orphaned. Each of the six breaks gives
// exactly one error; a warning on the broken record counts what waits on it:
// the updates naming a task its text seems to assign (an "id:" line).
import { describe, expect, it } from 'vitest';
import { makeRepo, runMeet } from './helpers.js';

const OCTOBER = 'meetings/2020/2020-10-26-thuong-ky.md';
const NOVEMBER = 'meetings/2020/2020-11-25-thuong-ky.md';
const TASKS = ['tasks:', '  - id: viec-a', '    title: Việc A', '    owner: van-phong', '  - id: viec-b', '    title: Việc B', '    owner: van-phong'];
const october = (head: string[], tasks = TASKS) => ['---', ...head, ...tasks, '---', '', 'Nội dung.', ''].join('\n');
const HEAD = ['title: Hội nghị tháng 10', 'date: 2020-10-26', 'chair: Hoàng Văn Hiệp'];
const NOVEMBER_RECORD = [
  '---',
  'title: Hội nghị tháng 11',
  'date: 2020-11-25',
  'chair: Hoàng Văn Hiệp',
  'updates:',
  '  - task: viec-a',
  '    status: done',
  '  - task: viec-b',
  '    status: in-progress',
  '---',
  '',
].join('\n');

const BREAKS: [string, string | Buffer][] = [
  ['a missing closing ---', ['---', ...HEAD, ...TASKS, '', 'Nội dung.', ''].join('\n')],
  ['a tab', october(HEAD, ['tasks:', '  - id: viec-a', '\ttitle: Việc A', '    owner: van-phong', ...TASKS.slice(4)])],
  ['a 3-space indent', october(HEAD, ['tasks:', '  - id: viec-a', '    title: Việc A', '   owner: van-phong', ...TASKS.slice(4)])],
  ['an unquoted ": "', october(['title: Nông nghiệp: chỉ đạo thu hoạch', 'date: 2020-10-26', 'chair: Hoàng Văn Hiệp'])],
  ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(october(HEAD), 'utf16le')])],
  ['date: 26/10/2020', october(['title: Hội nghị tháng 10', 'date: 26/10/2020', 'chair: Hoàng Văn Hiệp'])],
  // Its tasks written as { } mappings, the first left open: their ids are in the text all the same.
  ['a { left open', october(HEAD, ['tasks:', '  - { id: viec-a, title: Việc A, owner: van-phong', '  - { id: viec-b, title: Việc B, owner: van-phong }'])],
];

describe('a record that cannot be read: one error, no orphaned updates elsewhere', () => {
  it.each(BREAKS)('%s', async (_name, content) => {
    const root = makeRepo({ [OCTOBER]: content as string, [NOVEMBER]: NOVEMBER_RECORD });
    const run = await runMeet(['check', '--format', 'json', '--no-cache', '--locale', 'en'], { cwd: root });
    const findings = JSON.parse(run.stdout) as { file: string; severity: string; rule: string; message: string }[];
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe(OCTOBER);
    expect(findings.filter((f) => f.file === NOVEMBER)).toEqual([]);
    expect(run.code).toBe(1);
  });

  it('the broken record says how many later updates wait on it (vi and en)', async () => {
    const root = makeRepo({ [OCTOBER]: BREAKS[0]![1] as string, [NOVEMBER]: NOVEMBER_RECORD });
    const vi = JSON.parse((await runMeet(['check', '--format', 'json', '--no-cache'], { cwd: root })).stdout) as { rule: string; message: string }[];
    expect(vi.find((f) => f.rule === 'updates-unchecked')?.message).toBe(
      'Không đọc được biên bản này; 2 cập nhật ở các biên bản sau phụ thuộc vào nó (nêu nhiệm vụ không biên bản nào khác giao), nên chưa được kiểm tra cho đến khi biên bản này được sửa',
    );
    const en = JSON.parse((await runMeet(['check', '--format', 'json', '--no-cache', '--locale', 'en'], { cwd: root })).stdout) as {
      rule: string;
      severity: string;
      message: string;
    }[];
    expect(en.find((f) => f.rule === 'updates-unchecked')).toMatchObject({
      severity: 'warning',
      message:
        'This record could not be read; 2 later updates depend on it (they name tasks no other record assigns), so they are not checked until it is fixed',
    });
  });

  it('an update naming a task no record could assign is still an orphan', async () => {
    const later = NOVEMBER_RECORD.replace('task: viec-b', 'task: viec-khac');
    const root = makeRepo({ [OCTOBER]: october(HEAD), [NOVEMBER]: later });
    const findings = JSON.parse((await runMeet(['check', '--format', 'json', '--no-cache'], { cwd: root })).stdout) as { rule: string }[];
    expect(findings.map((f) => f.rule)).toEqual(['update-unknown-task']);
  });

  it('an update naming a task the broken record does not seem to assign is still an orphan', async () => {
    const later = NOVEMBER_RECORD.replace('task: viec-b', 'task: viec-khac');
    const root = makeRepo({ [OCTOBER]: BREAKS[0]![1] as string, [NOVEMBER]: later });
    const findings = JSON.parse((await runMeet(['check', '--format', 'json', '--no-cache', '--locale', 'en'], { cwd: root })).stdout) as {
      file: string;
      rule: string;
      message: string;
    }[];
    expect(findings.map((f) => [f.file, f.rule])).toEqual([
      [OCTOBER, 'front-matter-unclosed'],
      [OCTOBER, 'updates-unchecked'],
      [NOVEMBER, 'update-unknown-task'],
    ]);
    expect(findings[1]!.message).toContain('1 later update depends on it (it names a task no other record assigns)');
  });
});
