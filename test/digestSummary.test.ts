// The scheduled digest end to end (issue 11, item 7): `meet digest --commit`
// commits exactly one file, names last month by itself, fails loudly on
// broken records, and `--summary` prints a message ready for chat or e-mail.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExamples, git, makeRepo, MINIMAL_CONFIG, runMeet } from './helpers.js';

// examples/ is a Vietnamese repository (locale: vi): messages and commit subjects asserted below are in Vietnamese.

/** examples/ as a git repository with one commit. */
function repository(): string {
  const dir = copyExamples();
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Records');
  return dir;
}

// 06:00 UTC on 1 December: still 1 December in Asia/Ho_Chi_Minh, so "last month" is November.
const FIRST_OF_DECEMBER = new Date('2020-12-01T06:00:00Z');

describe('meet digest --commit, as the scheduled job runs it', () => {
  it("writes and commits last month's report, that file only, with no date arithmetic in the shell", async () => {
    const dir = repository();
    writeFileSync(path.join(dir, 'notes.txt'), 'not part of the digest\n');
    const run = await runMeet(['digest', '--commit'], { cwd: dir, now: FIRST_OF_DECEMBER });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('reports/2020-11.md\n');
    expect(run.stderr).toMatch(/Đã commit [0-9a-f]{7,}: Báo cáo tháng 2020-11\n/);
    expect(git(dir, 'show', '--name-only', '--format=%s', 'HEAD').trim().split('\n')).toEqual(['Báo cáo tháng 2020-11', '', 'reports/2020-11.md']);
    expect(git(dir, 'status', '--porcelain')).toBe('?? notes.txt\n');

    // Run again (a retried job): nothing new to commit, still exit 0.
    const again = await runMeet(['digest', '--commit'], { cwd: dir, now: FIRST_OF_DECEMBER });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Không có gì để commit');

    // The file deleted and written again as it was: nothing to commit either, and no commit claimed.
    const head = git(dir, 'rev-parse', 'HEAD');
    rmSync(path.join(dir, 'reports', '2020-11.md'));
    const rewritten = await runMeet(['digest', '--commit'], { cwd: dir, now: FIRST_OF_DECEMBER });
    expect(rewritten.code).toBe(0);
    expect(rewritten.stderr).toContain('Không có gì để commit');
    expect(rewritten.stderr).not.toContain('Đã commit');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('?? notes.txt\n');
  });

  it('fails loudly on broken records: exit 1, the reason on stderr, nothing written or committed', async () => {
    const dir = repository();
    const record = path.join(dir, 'meetings', '2020', '2020-11-25-hoi-nghi-thuong-ky-thang-11.md');
    writeFileSync(record, readFileSync(record, 'utf8').replace('\ntitle:', '\ntitel:'));
    git(dir, 'commit', '-q', '-am', 'A typo');
    const head = git(dir, 'rev-parse', 'HEAD');
    const run = await runMeet(['digest', '--commit', '--summary'], { cwd: dir, now: FIRST_OF_DECEMBER });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/\b1 lỗi\b/);
    expect(run.stderr).toContain('meet check');
    expect(existsSync(path.join(dir, 'reports', '2020-11.md'))).toBe(false);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });
});

describe('meet digest --summary', () => {
  it("prints the summary in the language of the run (--locale), while the report file stays in the repository's", async () => {
    const dir = copyExamples();
    const run = await runMeet(['digest', '--month', '2020-10', '--summary', '--locale', 'en'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('UBND huyện Mẫu Sơn: digest for October 2020');
    expect(run.stdout).toContain('Full report: reports/2020-10.md');
    expect(readFileSync(path.join(dir, 'reports', '2020-10.md'), 'utf8')).toContain('Báo cáo');
    // The memo answers the next run in the run's language too.
    const vi = await runMeet(['digest', '--month', '2020-10', '--summary'], { cwd: dir });
    expect(vi.stdout.split('\n')[0]).toBe('UBND huyện Mẫu Sơn: tổng hợp tháng 10/2020');
  });

  it('prints the meetings, task counts, the three largest metric changes and the path of the report', async () => {
    const dir = copyExamples();
    const run = await runMeet(['digest', '--month', '2020-10', '--summary'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('UBND huyện Mẫu Sơn: tổng hợp tháng 10/2020');
    expect(run.stdout).toContain('1 hội nghị:\n- 26/10/2020: Hội nghị thường kỳ tháng 10\n');
    expect(run.stdout).toMatch(/\nNhiệm vụ: \d+ giao mới, \d+ hoàn thành, \d+ quá hạn\.\n/);
    const metrics = run.stdout.split('Chỉ tiêu thay đổi nhiều nhất:\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(metrics.length).toBeLessThanOrEqual(3);
    expect(metrics.length).toBeGreaterThan(0);
    for (const line of metrics) expect(line).toMatch(/^- .+: .+ → .+ \([+−]/);
    expect(run.stdout.endsWith('\nBáo cáo đầy đủ: reports/2020-10.md\n')).toBe(true);
    // Plain text: no Markdown emphasis, no terminal escapes.
    expect(run.stdout).not.toMatch(/\*\*|\x1b|^#/m);
    expect(existsSync(path.join(dir, 'reports', '2020-10.md'))).toBe(true);
  });

  it("ranks the repository's own figures only, a % metric by its points, with every digit and mark", async () => {
    const dir = makeRepo(
      {
        'meetings/2020/2020-10-20-thang-10.md': [
          '---',
          'title: Tháng 10',
          'date: 2020-10-20',
          'chair: A',
          'results:',
          '  - sector: kinh-te',
          '    summary: Thu',
          '    metrics: { xa-dat-chuan-ntm: 10, ty-le: 50 }',
          '  - sector: van-hoa-xa-hoi',
          '    summary: Máu',
          '    metrics: { don-vi-mau: { value: 100.125, estimate: true } }',
          '---',
          '',
        ].join('\n'),
        'meetings/2020/2020-11-20-thang-11.md': [
          '---',
          'title: Tháng 11',
          'date: 2020-11-20',
          'chair: A',
          'results:',
          '  - sector: kinh-te',
          '    summary: Thu',
          '    metrics: { xa-dat-chuan-ntm: 11, ty-le: 90 }',
          '  - sector: van-hoa-xa-hoi',
          '    summary: Máu',
          '    metrics: { don-vi-mau: 120.5 }',
          '---',
          '',
        ].join('\n'),
        'meetings/2020/2020-11-22-xa.md': [
          '---',
          'title: Họp xã Ka',
          'date: 2020-11-22',
          'chair: B',
          'organization: UBND xã Ka',
          'results:',
          '  - { sector: kinh-te, summary: Xã, metrics: { xa-dat-chuan-ntm: 900 } }',
          '---',
          '',
        ].join('\n'),
      },
      MINIMAL_CONFIG.replace('metrics:\n', "metrics:\n  ty-le: { label: Tỷ lệ, unit: '%', sector: kinh-te, aggregate: last }\n"),
    );
    const run = await runMeet(['digest', '--month', '2020-11', '--summary'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('- 22/11/2020: Họp xã Ka — UBND xã Ka\n');
    expect(run.stdout.split('Chỉ tiêu thay đổi nhiều nhất:\n')[1]!.split('\n\n')[0]).toBe(
      [
        '- Tỷ lệ: 50 → 90% (+40 điểm %)',
        '- Máu tiếp nhận: ước 100,125 → 120,5 đơn vị (+20,375, +20,3%)',
        '- Xã công bố đạt chuẩn nông thôn mới: 10 → 11 xã (+1, +10%)',
      ].join('\n'),
    );
  });

  it("writes the report in the repository's language even when the run speaks another (--locale en)", async () => {
    const dir = copyExamples();
    const run = await runMeet(['--locale', 'en', 'digest', '--month', '2020-10'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Wrote');
    expect(readFileSync(path.join(dir, 'reports', '2020-10.md'), 'utf8')).toMatch(/^# Báo cáo/);
  });

  it('the counts and changes agree with the report, and --link replaces the path', async () => {
    const dir = copyExamples();
    const report = JSON.parse((await runMeet(['report', '--month', '2020-11', '--format', 'json'], { cwd: dir })).stdout) as {
      tasks: Record<string, unknown[]>;
      meetings: unknown[];
    };
    const run = await runMeet(['digest', '--month', '2020-11', '--summary', '--link', 'https://example.org/reports/2020-11'], { cwd: dir });
    expect(run.stdout).toContain(`${report.meetings.length} hội nghị:`);
    expect(run.stdout).toContain(
      `Nhiệm vụ: ${report.tasks.assigned!.length} giao mới, ${report.tasks.completed!.length} hoàn thành, ${report.tasks.overdue!.length} quá hạn.`,
    );
    expect(run.stdout.endsWith('Báo cáo đầy đủ: https://example.org/reports/2020-11\n')).toBe(true);
    // A link is outside text like any other: no line break (a forged "::error::" line) nor escape sequence reaches the log raw.
    const forged = await runMeet(['digest', '--month', '2020-11', '--summary', '--link', 'https://x\n::error::y\u001b[31m'], { cwd: dir });
    expect(forged.stdout).not.toMatch(/\n::error::|\u001b/);
    expect(forged.stdout).toContain('https://x');
  });
});
