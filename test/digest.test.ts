// meet digest, end to end: the built CLI on copies of examples/ and on fresh
// `meet init` repositories in temp folders.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExamples, EXAMPLES, PROJECT_ROOT, runMeet, tempDir, copyRecords } from './helpers.js';

const GOLDEN_MD = path.join(PROJECT_ROOT, 'test', 'golden', 'report-2020-10.md');

describe('meet digest', () => {
  it("writes the month's Markdown report to reports/, and leaves an identical file alone", async () => {
    const root = copyExamples();
    const first = await runMeet(['digest', '--month', '2020-10'], { cwd: root });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('reports/2020-10.md\n');
    expect(first.stderr).toContain('Đã ghi báo cáo');
    const file = path.join(root, 'reports', '2020-10.md');
    // The digest is the Markdown report in the config's language.
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(GOLDEN_MD, 'utf8'));

    // A known mtime in the past: a rewrite would move it to now.
    const past = new Date('2021-01-01T00:00:00Z');
    utimesSync(file, past, past);
    const second = await runMeet(['digest', '--month', '2020-10', '--today', '2023-06-15'], { cwd: root });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('reports/2020-10.md\n');
    expect(second.stderr).toContain('đã là bản mới nhất');
    expect(statSync(file).mtimeMs).toBe(past.getTime());
    // No temp file left behind either time.
    expect(readdirSync(path.join(root, 'reports'))).toEqual(['2020-10.md']);
  });

  it('rewrites a digest whose content differs', async () => {
    const root = copyExamples();
    mkdirSync(path.join(root, 'reports'));
    writeFileSync(path.join(root, 'reports', '2020-10.md'), 'hand edited\n');
    const run = await runMeet(['digest', '--month', '2020-10'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Đã ghi báo cáo');
    expect(readFileSync(path.join(root, 'reports', '2020-10.md'), 'utf8')).toBe(readFileSync(GOLDEN_MD, 'utf8'));
  });

  it('takes the month before --today by default and prints the path relative to where it runs', async () => {
    const root = copyExamples();
    const run = await runMeet(['digest', '--today', '2020-12-03'], { cwd: path.join(root, 'meetings') });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('../reports/2020-11.md\n');
    expect(readFileSync(path.join(root, 'reports', '2020-11.md'), 'utf8').startsWith('# Báo cáo kết quả tháng 11/2020\n')).toBe(true);
  });

  it("brings last month's report up to date too when run for the default month: a meeting that reviewed it came later", async () => {
    const root = copyExamples();
    // The job of 1 November wrote October; a meeting on 4 November then reviewed October.
    expect((await runMeet(['digest', '--today', '2020-11-01'], { cwd: root })).code).toBe(0);
    const october = path.join(root, 'reports', '2020-10.md');
    const before = readFileSync(october, 'utf8');
    writeFileSync(
      path.join(root, 'meetings', '2020', '2020-11-04-so-ket-thang-10.md'),
      '---\ntitle: Họp sơ kết tháng 10\ndate: 2020-11-04\nkind: thematic\nperiod: 2020-10\nchair: Hoàng Văn Hiệp\ndecisions:\n  - Bổ sung kết quả tháng 10\n---\n',
    );
    // The job of 1 December writes November and October again, from the same records the reports show.
    const run = await runMeet(['digest', '--today', '2020-12-01'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('reports/2020-11.md\n');
    expect(run.stderr).toContain('reports/2020-10.md');
    const after = readFileSync(october, 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain('Bổ sung kết quả tháng 10');
    expect(after).toBe((await runMeet(['report', '--month', '2020-10', '--format', 'md'], { cwd: root })).stdout);
    // With --month, only that month.
    writeFileSync(october, before);
    expect((await runMeet(['digest', '--month', '2020-11'], { cwd: root })).code).toBe(0);
    expect(readFileSync(october, 'utf8')).toBe(before);
  });

  it('writes to another folder inside the repository with --out', async () => {
    const root = copyExamples();
    const run = await runMeet(['digest', '--month', '2020-10', '--out', 'bao-cao/2020'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('bao-cao/2020/2020-10.md\n');
    expect(existsSync(path.join(root, 'bao-cao', '2020', '2020-10.md'))).toBe(true);
  });

  it('refuses --out outside the repository (exit 2), writing nothing', async () => {
    const parent = tempDir();
    const root = path.join(parent, 'repo');
    copyRecords(EXAMPLES, root);
    const run = await runMeet(['digest', '--month', '2020-10', '--out', '../outside'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('nằm ngoài kho biên bản');
    expect(readdirSync(parent)).toEqual(['repo']);
    expect(existsSync(path.join(root, 'reports'))).toBe(false);
  });

  it('refuses --out that a symbolic link leads outside the repository', async () => {
    const parent = tempDir();
    const root = path.join(parent, 'repo');
    const outside = path.join(parent, 'outside');
    copyRecords(EXAMPLES, root);
    mkdirSync(outside);
    symlinkSync(outside, path.join(root, 'link'));
    for (const out of ['link', 'link/deeper']) {
      const run = await runMeet(['digest', '--month', '2020-10', '--out', out], { cwd: root });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('symbolic link');
    }
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses to replace a digest that is a symbolic link', async () => {
    const parent = tempDir();
    const root = path.join(parent, 'repo');
    copyRecords(EXAMPLES, root);
    writeFileSync(path.join(parent, 'elsewhere.md'), 'keep me\n');
    mkdirSync(path.join(root, 'reports'));
    symlinkSync(path.join(parent, 'elsewhere.md'), path.join(root, 'reports', '2020-10.md'));
    const run = await runMeet(['digest', '--month', '2020-10'], { cwd: root });
    expect(run.code).toBe(2);
    expect(readFileSync(path.join(parent, 'elsewhere.md'), 'utf8')).toBe('keep me\n');
  });

  it('refuses to replace a digest that is a folder (committed as reports/2020-10.md/…), in words, the folder kept', async () => {
    const root = tempDir();
    copyRecords(EXAMPLES, root);
    mkdirSync(path.join(root, 'reports', '2020-10.md'), { recursive: true });
    writeFileSync(path.join(root, 'reports', '2020-10.md', 'x'), 'keep me\n');
    const run = await runMeet(['digest', '--month', '2020-10', '--locale', 'en'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('meet: Cannot write reports/2020-10.md: it is a folder\n');
    expect(readFileSync(path.join(root, 'reports', '2020-10.md', 'x'), 'utf8')).toBe('keep me\n');
  });

  for (const locale of ['vi', 'en'] as const) {
    it(`works on a fresh "meet init --locale ${locale}" repository`, async () => {
      const parent = tempDir();
      const init = await runMeet(['init', 'so-bien-ban', '--locale', locale], { cwd: parent });
      expect(init.code).toBe(0);
      const root = path.join(parent, 'so-bien-ban');
      const run = await runMeet(['digest', '--today', '2021-01-15'], { cwd: root });
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(0);
      // A month without meetings: one line says so, and no file is written (issue 14).
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        locale === 'vi'
          ? 'Không có cuộc họp nào trong tháng 12/2020: không có gì để báo cáo.\n'
          : 'No meetings in December 2020: there is nothing to report.\n',
      );
      expect(existsSync(path.join(root, 'reports', '2020-12.md'))).toBe(false);
    });
  }
});
