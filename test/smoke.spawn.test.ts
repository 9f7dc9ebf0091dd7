// Smoke tests of the built binary (bin/meet.cjs → dist/), one per command: the
// rest of the suite runs the same code in-process through main(), so these
// are what shows that the package starts, wires its real streams, folder,
// environment and clock (runProcess), and exits with the command's code.
// Outputs are held against the golden files the in-process tests use.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExamples, git, PROJECT_ROOT, read, runMeet, spawnMeet, tempDir, writeTree } from './helpers.js';

const golden = (name: string) => readFileSync(path.join(PROJECT_ROOT, 'test', 'golden', name), 'utf8');
const VERSION = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('the built binary', () => {
  it('meet --version and -V print the package version', async () => {
    for (const flag of ['--version', '-V']) {
      expect(await spawnMeet([flag], { cwd: tempDir() })).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  it('meet --help lists the commands; meet help check shows a command', async () => {
    const run = await spawnMeet(['--help'], { cwd: tempDir() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: meet \[options\] \[command\]/);
    for (const command of ['init', 'new', 'check', 'report', 'tasks', 'log', 'diff', 'digest', 'schema'])
      expect(run.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    const check = await spawnMeet(['help', 'check'], { cwd: tempDir() });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^Usage: meet check \[options\] \[paths\.\.\.\]/);
  });

  it('the start-up file (dist/meet.cjs) prints the help the sources print, in either language', async () => {
    for (const args of [['--help'], ['--locale', 'vi', '--help'], ['report', '--help'], ['--locale', 'vi', 'tasks', 'update', '--help']]) {
      const built = await spawnMeet(args, { cwd: tempDir() });
      const sources = await runMeet(args, { cwd: tempDir() });
      expect(built).toMatchObject({ code: 0, stdout: sources.stdout, stderr: '' });
    }
  });

  it("a command's refusal and a config's errors are told as such by the start-up file, not as bugs", async () => {
    const missing = await spawnMeet(['--root', path.join(tempDir(), 'nowhere'), 'report'], { cwd: tempDir() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^meet: --root .*nowhere: there is no such folder\.\n$/);
    const root = copyExamples();
    writeTree(root, { 'meet.config.yaml': 'organization: [\n' });
    const broken = await spawnMeet(['report', '--month', '2020-10'], { cwd: root });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/meet\.config\.yaml:\d+:\d+: /);
    expect(broken.stderr).not.toMatch(/internal|bug/i);
  });

  it('a usage error exits 2, with the message on stderr', async () => {
    const run = await spawnMeet(['report', '--month', '2020-13'], { cwd: copyExamples() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^meet: /);
  });

  it('meet check: exit 0 on examples/, exit 1 with the finding on a broken record', async () => {
    const root = copyExamples();
    expect(await spawnMeet(['check'], { cwd: root })).toMatchObject({ code: 0, stdout: '✔ đã kiểm tra 5 biên bản, không có vấn đề gì\n', stderr: '' });
    writeTree(root, { 'meetings/2020/2020-12-30-hop.md': '---\ntitle: Họp\ndate: 2020-12-32\nchair: X\n---\n' });
    const broken = await spawnMeet(['check', '--format', 'json'], { cwd: root });
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toEqual([expect.objectContaining({ file: 'meetings/2020/2020-12-30-hop.md', rule: 'invalid-date' })]);
  });

  it('meet report prints the golden report', async () => {
    const run = await spawnMeet(['report', '--month', '2020-10', '--format', 'md'], { cwd: copyExamples() });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(golden('report-2020-10.md'));
  });

  it('meet tasks prints the golden task list', async () => {
    const run = await spawnMeet(['tasks', '--today', '2020-12-31', '--format', 'json'], { cwd: copyExamples() });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('tasks-today-2020-12-31.json'));
  });

  it('meet tasks update writes the update into the latest record', async () => {
    const root = copyExamples();
    const run = await spawnMeet(['tasks', 'update', '2020-09-cong-bo-ntm', '--status', 'done', '--note', 'Đã công bố'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md\n');
    expect(read(root, 'meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md')).toMatch(
      /- task: 2020-09-cong-bo-ntm\n\s+status: done\n\s+note: Đã công bố\n/,
    );
  });

  it('meet new writes a record and prints its path', async () => {
    const root = copyExamples();
    const run = await spawnMeet(['new', '--date', '2020-12-30', '--chair', 'Hoàng Văn Hiệp'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('meetings/2020/2020-12-30-hoi-nghi-thuong-ky-thang-12-2020.md\n');
    expect(read(root, run.stdout.trim())).toMatch(/^---\ntitle: Hội nghị thường kỳ tháng 12\/2020\ndate: 2020-12-30\n/);
  });

  it('meet init creates a records repository with git', async () => {
    const dir = tempDir();
    const run = await spawnMeet(['init', 'bien-ban', '--organization', 'UBND huyện Mẫu Sơn'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(read(path.join(dir, 'bien-ban'), 'meet.config.yaml')).toContain('organization: UBND huyện Mẫu Sơn');
    expect(existsSync(path.join(dir, 'bien-ban', '.git'))).toBe(true);
  });

  it('meet diff prints the golden diff', async () => {
    const run = await spawnMeet(['diff', '2020-10', '2020-11', '--format', 'md'], { cwd: copyExamples() });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(golden('diff-2020-10-2020-11.md'));
  });

  it('meet digest writes the golden report to reports/', async () => {
    const root = copyExamples();
    const run = await spawnMeet(['digest', '--month', '2020-10'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('reports/2020-10.md\n');
    expect(read(root, 'reports/2020-10.md')).toBe(golden('report-2020-10.md'));
  });

  it('meet log reads the history from git', async () => {
    const root = copyExamples();
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'Biên bản 2020');
    const run = await spawnMeet(['log', '2020-09-cong-bo-ntm', '--format', 'json'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const log = JSON.parse(run.stdout) as { task: string; history: { kind: string; commit: { summary: string } | null }[] };
    expect(log.task).toBe('2020-09-cong-bo-ntm');
    expect(log.history[0]).toMatchObject({ kind: 'assigned', commit: { summary: 'Biên bản 2020' } });
  });

  it('meet schema prints the JSON Schema of a record', async () => {
    const run = await spawnMeet(['schema'], { cwd: tempDir() });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', required: ['title', 'date', 'chair'] });
  });
});
