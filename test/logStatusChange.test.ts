// meet log (issue 11, item 6): a status changed in place — by `meet tasks
// update --commit` or by hand — is attributed to the commit that changed the
// update's status (and note) line, not to the one that wrote its `- task:`
// line.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, GIT_ENV, makeRepo, runMeet } from './helpers.js';

const OCTOBER = 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md';
const NOVEMBER = 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md';

const RECORDS = {
  [OCTOBER]: `---
title: Hội nghị thường kỳ tháng 10
date: 2020-10-26
chair: Hoàng Văn Hiệp
tasks:
  - id: 2020-10-giao-thong-thuy-loi
    title: Tập trung làm tốt công tác giao thông, thủy lợi
    owner: van-phong
    due: 2020-11-30
  - id: 2020-10-ho-so
    title: Hoàn thiện hồ sơ
    owner: van-phong
---
`,
  [NOVEMBER]: `---
title: Hội nghị thường kỳ tháng 11
date: 2020-11-25
chair: Hoàng Văn Hiệp
updates:
  - task: 2020-10-giao-thong-thuy-loi
    status: in-progress
    note: Đã nạo vét 60% kênh mương
  - task: 2020-10-ho-so
    status: open
---
`,
};

interface LogJson {
  history: { kind: string; status: string; note: string | null; commit: { sha: string; author: string; email: string; summary: string } | null }[];
}

function identity(name: string, email: string, date: string) {
  return {
    ...GIT_ENV,
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

/** A repository whose records were written and committed by Nguyễn Văn An. */
function repository(): string {
  const dir = makeRepo(RECORDS);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  const run = spawnSync('git', ['commit', '-q', '-m', 'Biên bản tháng 10 và 11'], {
    cwd: dir,
    env: { ...process.env, ...identity('Nguyễn Văn An', 'an@example.org', '2020-11-26T09:00:00+07:00') },
  });
  expect(run.status).toBe(0);
  return dir;
}

async function log(dir: string, id: string): Promise<LogJson> {
  const run = await runMeet(['log', id, '--format', 'json'], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as LogJson;
}

describe('meet log names the commit that changed the status', () => {
  it('after `meet tasks update --commit` by another clerk: that commit and that author', async () => {
    const dir = repository();
    const bich = identity('Trần Thị Bích', 'bich@example.org', '2020-12-02T08:30:00+07:00');
    const update = await runMeet(['tasks', 'update', '2020-10-giao-thong-thuy-loi', '--status', 'done', '--commit'], { cwd: dir, env: bich });
    expect(update.code).toBe(0);
    const sha = git(dir, 'rev-parse', 'HEAD').trim();
    expect(git(dir, 'log', '-1', '--format=%an')).toBe('Trần Thị Bích\n');

    const history = (await log(dir, '2020-10-giao-thong-thuy-loi')).history;
    expect(history.map((h) => [h.kind, h.status])).toEqual([
      ['assigned', 'open'],
      ['update', 'done'],
    ]);
    expect(history[0]!.commit).toMatchObject({ author: 'Nguyễn Văn An', email: 'an@example.org' });
    // The `- task:` line is An's; the status line, and so the change, is Bích's.
    expect(history[1]!.commit).toMatchObject({
      sha,
      author: 'Trần Thị Bích',
      email: 'bich@example.org',
      // makeRepo's repository is Vietnamese: so is the commit subject meet writes (README, "meet tasks update").
      summary: 'Cập nhật nhiệm vụ 2020-10-giao-thong-thuy-loi: done',
    });

    const text = await runMeet(['log', '2020-10-giao-thong-thuy-loi', '--format', 'text'], { cwd: dir });
    expect(text.stdout).toContain(`${sha.slice(0, 7)} Trần Thị Bích`);
  });

  it('a note changed by hand in a later commit moves the update to that commit; an uncommitted status edit to "not committed yet"', async () => {
    const dir = repository();
    const file = path.join(dir, NOVEMBER);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Đã nạo vét 60% kênh mương', 'Đã nạo vét 80% kênh mương'));
    git(dir, 'add', '-A');
    const run = spawnSync('git', ['commit', '-q', '-m', 'Sửa ghi chú'], {
      cwd: dir,
      env: { ...process.env, ...identity('Lê Văn Cường', 'cuong@example.org', '2020-11-27T10:00:00+07:00') },
    });
    expect(run.status).toBe(0);
    expect((await log(dir, '2020-10-giao-thong-thuy-loi')).history[1]!.commit).toMatchObject({ author: 'Lê Văn Cường', summary: 'Sửa ghi chú' });
    // The other update, untouched, stays An's.
    expect((await log(dir, '2020-10-ho-so')).history[1]!.commit).toMatchObject({ author: 'Nguyễn Văn An' });

    writeFileSync(file, readFileSync(file, 'utf8').replace('status: open', 'status: in-progress'));
    expect((await log(dir, '2020-10-ho-so')).history[1]).toMatchObject({ status: 'in-progress', commit: null });
  });
  it.each([
    ['a plain note over two lines', '    note: Đã nạo vét 60%,\n      còn 40% kênh mương'],
    ['a folded block', '    note: >-\n      Đã nạo vét 60%,\n      còn 40% kênh mương'],
  ])("%s: a change to its last line only is that commit's", async (_name, note) => {
    const dir = makeRepo({ ...RECORDS, [NOVEMBER]: RECORDS[NOVEMBER].replace('    note: Đã nạo vét 60% kênh mương', note) });
    git(dir, 'init', '-q', '-b', 'main');
    const commit = (who: ReturnType<typeof identity>, message: string) => {
      git(dir, 'add', '-A');
      expect(spawnSync('git', ['commit', '-q', '-m', message], { cwd: dir, env: { ...process.env, ...who } }).status).toBe(0);
    };
    commit(identity('Nguyễn Văn An', 'an@example.org', '2020-11-26T09:00:00+07:00'), 'Biên bản');
    const file = path.join(dir, NOVEMBER);
    writeFileSync(file, readFileSync(file, 'utf8').replace('còn 40% kênh mương', 'đã xong kênh mương'));
    commit(identity('Lê Văn Cường', 'cuong@example.org', '2020-11-27T10:00:00+07:00'), 'Sửa ghi chú');
    expect((await log(dir, '2020-10-giao-thong-thuy-loi')).history[1]).toMatchObject({
      note: 'Đã nạo vét 60%, đã xong kênh mương',
      commit: { author: 'Lê Văn Cường', summary: 'Sửa ghi chú' },
    });
  });
});
