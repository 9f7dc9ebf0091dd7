// meet tasks update: the update is spliced into the record's front matter in
// place. Every round trip compares the file's lines before and after: only the
// intended lines may differ, and `meet check` must pass afterwards.
import { chmodSync, readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTaskUpdate, setApproval } from '../src/records/edit.js';
import { copyExamples, makeRepo as makeViRepo, MINIMAL_CONFIG, runMeet, writeTree } from './helpers.js';

// The messages asserted below are English: the repositories say `locale: en` (examples/ stays Vietnamese).
const makeRepo = (records: Record<string, string>) => makeViRepo(records, MINIMAL_CONFIG.replace('locale: vi', 'locale: en'));

const ASSIGNING = 'meetings/2020/2020-10-05-hop-thang-10.md';
const EARLIER = 'meetings/2020/2020-09-20-hop-thang-9.md';
const TARGET = 'meetings/2020/2020-11-05-hop-thang-11.md';

const ASSIGNING_RECORD = `---
title: Họp tháng 10
date: 2020-10-05
chair: Nguyễn Văn A
tasks:
  - {id: t-a, title: Việc A, owner: van-phong, due: 2020-10-30}
  - {id: t-b, title: Việc B, owner: van-phong}
  - {id: t-c, title: Việc C, owner: [tai-chinh-ke-hoach, van-phong], due: 2020-11-01}
---
`;

const EARLIER_RECORD = `---
title: Họp tháng 9
date: 2020-09-20
chair: Nguyễn Văn A
---
`;

// A record full of comments and odd quoting; `tasks` lists with the dash at column 0.
const HEAD = `---
# Biên bản họp — ghi chú ở đầu tệp
title: 'Hội nghị "thường kỳ" tháng 11'   # nháy đơn
date: "2020-11-05"
kind: regular
chair: {name: "Nguyễn Văn A", role: 'Chủ tịch UBND'}
attendees: [Trần Văn B, "Lê Thị C"]   # danh sách kiểu flow

decisions:
  - 'Thông qua: kế hoạch tháng 12'
  # ghi chú giữa các mục
  - "Giao nhiệm vụ \\"mới\\""
tasks:
- id: t-d
  title: Việc D mới
  owner: tai-chinh-ke-hoach
`;
const TAIL = `tags: [a, 'b c']
extra:
  ghi-chu: |
    nhiều dòng
    văn bản
# hết phần đầu
`;
const UPDATES = `updates:
  # tiến độ các việc tháng 10
  - {task: t-b, status: open}   # chưa làm

  - task: 't-a'
    status: "in-progress"   # đang làm
    note: 'Đã xong 50%'
  # ghi chú sau mục cuối
`;
const BODY = `---

# Nội dung

Thân biên bản có chữ updates: và dấu --- giữa dòng.
---
Dòng cuối.
`;

const NOTE = 'Xong, "đạt": 100%';
const NOTE_YAML = `'Xong, "đạt": 100%'`;

const variants: Record<string, string> = {
  none: HEAD + TAIL + BODY,
  empty: HEAD + 'updates: []   # chưa có\n' + TAIL + BODY,
  middle: HEAD + UPDATES + TAIL + BODY,
  last: HEAD + TAIL + UPDATES + BODY,
  crlf: (HEAD + UPDATES + TAIL + BODY).replace(/\n/g, '\r\n'),
  bom: '\uFEFF' + HEAD + UPDATES + TAIL + BODY,
};

function repoWith(target: string, extra: Record<string, string> = {}): string {
  return makeRepo({ [ASSIGNING]: ASSIGNING_RECORD, [EARLIER]: EARLIER_RECORD, [TARGET]: target, ...extra });
}

function meet(root: string, ...args: string[]) {
  return runMeet(args, { cwd: root, env: { NO_COLOR: '1' } });
}

async function expectCheckPasses(root: string): Promise<void> {
  const check = await meet(root, 'check');
  expect(check.stdout + check.stderr).not.toMatch(/error/i);
  expect(check.code).toBe(0);
}

const lines = (text: string) => text.split('\n');
const indexOf = (all: string[], line: string) => {
  const i = all.findIndex((l) => l.replace(/\r$/, '') === line);
  if (i === -1) throw new Error(`no line ${line}`);
  return i;
};

/** Every file of the repository's meetings: bytes and modification time. */
function snapshot(root: string, files: string[]) {
  return files.map((f) => ({ f, bytes: readFileSync(path.join(root, f)), mtime: statSync(path.join(root, f)).mtimeMs }));
}

function ageFiles(root: string, files: string[]): void {
  const past = new Date('2001-02-03T04:05:06Z');
  for (const f of files) utimesSync(path.join(root, f), past, past);
}

describe('adding an update keeps every other byte of the record', () => {
  // Where the new lines go, and what they are, for each layout.
  const cases: { name: string; splice: (old: string[]) => [number, number]; added: string[] }[] = [
    {
      name: 'none',
      splice: (old) => [old.indexOf('---', 1), 0],
      added: ['updates:', '- task: t-c', '  status: done', `  note: ${NOTE_YAML}`],
    },
    {
      name: 'empty',
      splice: (old) => [indexOf(old, 'updates: []   # chưa có'), 1],
      added: ['updates:   # chưa có', '- task: t-c', '  status: done', `  note: ${NOTE_YAML}`],
    },
    ...['middle', 'last', 'crlf', 'bom'].map((name) => ({
      name,
      splice: (old: string[]) => [indexOf(old, "    note: 'Đã xong 50%'") + 1, 0] as [number, number],
      added: ['  - task: t-c', '    status: done', `    note: ${NOTE_YAML}`],
    })),
  ];

  for (const { name, splice, added } of cases) {
    it(`updates ${name === 'none' ? 'missing' : name === 'empty' ? 'written []' : name}`, async () => {
      const old = variants[name]!;
      const root = repoWith(old);
      await expectCheckPasses(root);

      const run = await meet(root, 'tasks', 'update', 't-c', '--status', 'done', '--note', NOTE);
      expect(run.stderr).toBe(`t-c: open → done, in ${TARGET}\n`);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${TARGET}\n`);

      const now = readFileSync(path.join(root, TARGET), 'utf8');
      const before = lines(old);
      const [at, removed] = splice(before);
      const eol = name === 'crlf' ? '\r' : '';
      const expected = [...before.slice(0, at), ...added.map((l) => l + eol), ...before.slice(at + removed)];
      expect(lines(now)).toEqual(expected);
      expect(readFileSync(path.join(root, TARGET))[0] === 0xef).toBe(name === 'bom');

      await expectCheckPasses(root);
      const listed = JSON.parse((await meet(root, 'tasks', '--month', '2020-11', '--format', 'json')).stdout) as { id: string; status: string }[];
      expect(listed.find((t) => t.id === 't-c')?.status).toBe('done');
    });
  }

  it('a flow-style updates list gets one more flow mapping on its line', async () => {
    const old = HEAD + 'updates: [{task: t-a, status: open}]\n' + TAIL + BODY;
    const root = repoWith(old);
    expect((await meet(root, 'tasks', 'update', 't-b', '--status', 'dropped', '--note', 'Bỏ, không cần')).code).toBe(0);
    const before = lines(old);
    const at = indexOf(before, 'updates: [{task: t-a, status: open}]');
    before[at] = 'updates: [{task: t-a, status: open}, {task: t-b, status: dropped, note: "Bỏ, không cần"}]';
    expect(lines(readFileSync(path.join(root, TARGET), 'utf8'))).toEqual(before);
    await expectCheckPasses(root);
  });
});

describe('a record marked read-only', () => {
  it('is not replaced: exit 2, saying how to allow it, the file as it was', async () => {
    const root = repoWith(variants.middle!);
    const file = path.join(root, TARGET);
    const before = readFileSync(file);
    chmodSync(file, 0o444);
    const run = await meet(root, 'tasks', 'update', 't-a', '--status', 'done', '--note', 'Hoàn thành');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('it is marked read-only');
    expect(run.stderr).toContain('chmod u+w');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });
});

describe('an update already in the record is replaced, not duplicated', () => {
  it('quotes a replaced note written over two lines as one line, with no escape code', async () => {
    const root = repoWith(variants.middle!.replace("    note: 'Đã xong 50%'", '    note: >\n      Đã xong\n      50%'));
    const run = await meet(root, 'tasks', 'update', 't-a', '--status', 'done', '--note', 'Hoàn thành');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('its note "Đã xong 50%" was replaced');
    expect(run.stderr).not.toContain('\\x0a');
  });

  it('replaces the status and the note, keeping the comment on the line', async () => {
    const old = variants.middle!;
    const root = repoWith(old);
    const run = await meet(root, 'tasks', 'update', 't-a', '--status', 'done', '--note', 'Hoàn thành');
    expect(run.code).toBe(0);
    // The note replaced is said with its words: the record no longer holds them.
    expect(run.stderr).toBe(`t-a: in progress → done, in ${TARGET} (the update already there was changed; its note "Đã xong 50%" was replaced)\n`);
    const expected = lines(old);
    expected[indexOf(expected, '    status: "in-progress"   # đang làm')] = '    status: done   # đang làm';
    expected[indexOf(expected, "    note: 'Đã xong 50%'")] = '    note: Hoàn thành';
    expect(lines(readFileSync(path.join(root, TARGET), 'utf8'))).toEqual(expected);
    await expectCheckPasses(root);
  });

  it('keeps the old note when no --note is given, and says so', async () => {
    const old = variants.crlf!;
    const root = repoWith(old);
    const run = await meet(root, 'tasks', 'update', 't-a', '--status', 'dropped');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('its note was kept');
    const expected = lines(old);
    expected[indexOf(expected, '    status: "in-progress"   # đang làm')] = '    status: dropped   # đang làm\r';
    expect(lines(readFileSync(path.join(root, TARGET), 'utf8'))).toEqual(expected);
  });

  it('adds a note to a flow-style entry', async () => {
    const old = variants.middle!;
    const root = repoWith(old);
    expect((await meet(root, 'tasks', 'update', 't-b', '--status', 'in-progress', '--note', 'Bắt đầu')).code).toBe(0);
    const expected = lines(old);
    expected[indexOf(expected, '  - {task: t-b, status: open}   # chưa làm')] = '  - {task: t-b, status: in-progress, note: "Bắt đầu"}   # chưa làm';
    expect(lines(readFileSync(path.join(root, TARGET), 'utf8'))).toEqual(expected);
    await expectCheckPasses(root);
  });

  it('changes nothing when the record already says so', async () => {
    const root = repoWith(variants.middle!);
    ageFiles(root, [TARGET]);
    const before = snapshot(root, [TARGET]);
    const run = await meet(root, 'tasks', 'update', 't-b', '--status', 'open');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('nothing changed');
    expect(snapshot(root, [TARGET])).toEqual(before);
  });
});

describe('refusals leave every file untouched', () => {
  const files = [ASSIGNING, EARLIER, TARGET];

  async function expectRefused(root: string, args: string[], code: number, message: RegExp): Promise<void> {
    ageFiles(root, files);
    const before = snapshot(root, files);
    const run = await meet(root, 'tasks', 'update', ...args);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(snapshot(root, files)).toEqual(before);
  }

  it('an unknown task id (exit 1), with a suggestion', async () => {
    const root = repoWith(variants.middle!);
    await expectRefused(root, ['t-x', '--status', 'done'], 1, /No record assigns a task "t-x"/);
    await expectRefused(root, ['t-cc', '--status', 'done'], 1, /Did you mean "t-c"\?/);
  });

  it('--in the record that assigned the task, or an earlier one (exit 1)', async () => {
    const root = repoWith(variants.middle!);
    await expectRefused(root, ['t-c', '--status', 'done', '--in', ASSIGNING], 1, /is the record that assigned it/);
    await expectRefused(root, ['t-c', '--status', 'done', '--in', EARLIER], 1, /dated 2020-09-20, not after the meeting that assigned it \(2020-10-05/);
  });

  it('the latest record is the assigning meeting itself: create the next one first (exit 1)', async () => {
    const root = makeRepo({ [ASSIGNING]: ASSIGNING_RECORD });
    ageFiles(root, [ASSIGNING]);
    const before = snapshot(root, [ASSIGNING]);
    const run = await meet(root, 'tasks', 'update', 't-a', '--status', 'done');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('meet new');
    expect(run.stderr).toContain('--in');
    expect(snapshot(root, [ASSIGNING])).toEqual(before);
  });

  it('a record of the same day is not after the meeting either', async () => {
    const sameDay = 'meetings/2020/2020-10-05-hop-toi.md';
    const root = makeRepo({ [ASSIGNING]: ASSIGNING_RECORD, [sameDay]: '---\ntitle: Họp tối\ndate: 2020-10-05\nchair: A\n---\n' });
    const run = await meet(root, 'tasks', 'update', 't-a', '--status', 'done');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('not after the meeting that assigned it');
    expect(readFileSync(path.join(root, sameDay), 'utf8')).toBe('---\ntitle: Họp tối\ndate: 2020-10-05\nchair: A\n---\n');
  });

  it('--in a path outside the meetings folder, a file that is not a record or no file (exit 2)', async () => {
    const root = repoWith(variants.middle!);
    await expectRefused(root, ['t-c', '--status', 'done', '--in', 'meet.config.yaml'], 2, /outside the meetings folder/);
    writeTree(root, { 'meetings/ghi-chu.txt': 'not a record\n' });
    await expectRefused(root, ['t-c', '--status', 'done', '--in', 'meetings/ghi-chu.txt'], 2, /not a meeting record/);
    await expectRefused(root, ['t-c', '--status', 'done', '--in', 'meetings/2020/khong-co.md'], 2, /no such file/);
  });

  it('an invalid status (exit 2)', async () => {
    const root = repoWith(variants.middle!);
    await expectRefused(root, ['t-c', '--status', 'closed'], 2, /"closed" is not one of open, in-progress, done, dropped/);
  });

  it('an edit that would change other values: an anchor shared with another entry (exit 1)', async () => {
    const target = HEAD + 'updates:\n  - task: t-a\n    status: &same open\n  - task: t-b\n    status: *same\n' + TAIL + BODY;
    const root = repoWith(target);
    await expectCheckPasses(root);
    await expectRefused(root, ['t-a', '--status', 'done'], 1, /safely/);
  });

  it('records with errors: the repository is refused (exit 1)', async () => {
    const root = repoWith(variants.middle!, { 'meetings/2020/2020-12-01-hop.md': '---\ntitle: x\ndate: 2020-12-01\n---\n' });
    await expectRefused(root, ['t-c', '--status', 'done'], 1, /meet check/);
  });
});

describe('on a copy of examples/', () => {
  const DECEMBER = 'meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md';

  it('adds to the latest record, then replaces its own entry; meet check passes', async () => {
    const root = copyExamples();
    const old = readFileSync(path.join(root, DECEMBER), 'utf8');

    const add = await meet(root, 'tasks', 'update', '2020-10-tich-tu-ruong-dat', '--status', 'in-progress', '--note', 'Đã chọn 2 xã thí điểm');
    expect(add.code).toBe(0);
    expect(add.stdout).toBe(`${DECEMBER}\n`);
    expect(add.stderr).toBe(`2020-10-tich-tu-ruong-dat: chưa thực hiện → đang thực hiện, trong ${DECEMBER}\n`);
    const expected = lines(old);
    const at = indexOf(expected, '    note: Tiếp nhận 312 đơn vị máu') + 1;
    expected.splice(at, 0, '  - task: 2020-10-tich-tu-ruong-dat', '    status: in-progress', '    note: Đã chọn 2 xã thí điểm');
    expect(lines(readFileSync(path.join(root, DECEMBER), 'utf8'))).toEqual(expected);

    // The December record already says done (no note): the note joins that entry.
    const replace = await meet(root, 'tasks', 'update', '2020-10-giao-thong-thuy-loi', '--status', 'done', '--note', 'Hoàn thành nạo vét kênh mương');
    expect(replace.code).toBe(0);
    expect(replace.stderr).toBe(`2020-10-giao-thong-thuy-loi: hoàn thành → hoàn thành, trong ${DECEMBER} (đã sửa cập nhật có sẵn)\n`);
    expected.splice(indexOf(expected, '  - task: 2020-10-giao-thong-thuy-loi') + 2, 0, '    note: Hoàn thành nạo vét kênh mương');
    expect(lines(readFileSync(path.join(root, DECEMBER), 'utf8'))).toEqual(expected);

    await expectCheckPasses(root);
    const open = JSON.parse((await meet(root, 'tasks', '--today', '2020-12-31', '--overdue', '--format', 'json')).stdout) as { id: string; status: string }[];
    expect(open.find((t) => t.id === '2020-10-tich-tu-ruong-dat')?.status).toBe('in-progress');
  });

  it('--in an earlier record that is still after the assignment', async () => {
    const root = copyExamples();
    const november = 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md';
    const run = await runMeet(['tasks', 'update', '2020-10-tich-tu-ruong-dat', '--status', 'in-progress', '--in', `2020/${path.basename(november)}`], {
      cwd: path.join(root, 'meetings'),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`2020/${path.basename(november)}\n`);
    // A later record says nothing about it, so no warning about a later update.
    expect(run.stderr).toBe(`2020-10-tich-tu-ruong-dat: chưa thực hiện → đang thực hiện, trong 2020/${path.basename(november)}\n`);
    await expectCheckPasses(root);
  });
});

describe('addTaskUpdate (pure)', () => {
  it('refuses an updates value it cannot edit safely', () => {
    const text = '---\ntitle: x\ndate: 2020-11-05\nchair: A\nupdates: [\n]\n---\n';
    expect(addTaskUpdate(text, { task: 't-a', status: 'done' }).kind).toBe('refused');
    expect(addTaskUpdate('no front matter', { task: 't-a', status: 'done' }).kind).toBe('refused');
  });

  it('writes values that would read differently plain, quoted', () => {
    const text = '---\ntitle: x\ndate: 2020-11-05\nchair: A\n---\n';
    const edit = addTaskUpdate(text, { task: 't-a', status: 'done', note: 'null' });
    expect(edit.kind === 'added' && edit.text).toBe(
      '---\ntitle: x\ndate: 2020-11-05\nchair: A\nupdates:\n  - task: t-a\n    status: done\n    note: "null"\n---\n',
    );
  });

  it('adds a block before a closing "..." (YAML\'s end of document), not after it as a second document', () => {
    const text = '---\ntitle: x\ndate: 2020-11-05\nchair: A\n... # hết\n\n---\nNội dung\n';
    const edit = addTaskUpdate(text, { task: 't-a', status: 'done' });
    expect(edit.kind === 'added' && edit.text).toBe(
      '---\ntitle: x\ndate: 2020-11-05\nchair: A\nupdates:\n  - task: t-a\n    status: done\n... # hết\n\n---\nNội dung\n',
    );
    const approved = setApproval(text, { approved_by: 'A', approved_on: '2020-11-06' });
    expect(approved.kind === 'edited' && approved.text).toMatch(
      /^---\ntitle: x\ndate: 2020-11-05\nchair: A\napproval:\n[^.]*\n\.\.\. # hết\n\n---\nNội dung\n$/,
    );
  });
});
