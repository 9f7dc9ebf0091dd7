// Files a command writes where the clerk says (--out, or the default name of
// a Word or PDF document): never into the records, and never over a file
// already there unless --force says so (a Word file may hold the clerk's edits).
import { existsSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExamples, git, GIT_ENV, runMeet, tempDir } from './helpers.js';

const OCTOBER = 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md';
const read = (dir: string, file: string) => readFileSync(path.join(dir, file));

describe('an output file that is already there', () => {
  it('meet notice keeps an edited Word file: exit 2, unchanged; --force replaces it', async () => {
    const dir = copyExamples();
    const file = 'thong-bao-ket-luan-2020-10-26.docx';
    writeFileSync(path.join(dir, file), 'bản đã sửa tay');
    const kept = await runMeet(['notice', OCTOBER], { cwd: dir });
    expect(kept.code).toBe(2);
    expect(kept.stderr).toContain(`${file} đã có; meet không ghi đè tệp khi chưa được yêu cầu`);
    expect(kept.stderr).toContain('Hãy thêm --force để ghi đè, hoặc dùng --out với tên khác.');
    expect(read(dir, file).toString()).toBe('bản đã sửa tay');
    const forced = await runMeet(['notice', OCTOBER, '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    // A Word file is a zip archive.
    expect(read(dir, file).subarray(0, 2).toString()).toBe('PK');
  });

  it('meet report --out and meet calendar --out likewise', async () => {
    const dir = copyExamples();
    writeFileSync(path.join(dir, 'bao-cao.md'), 'ghi chú riêng\n');
    writeFileSync(path.join(dir, 'nhiem-vu.ics'), 'lịch riêng\n');
    expect((await runMeet(['report', '--month', '2020-10', '--out', 'bao-cao.md'], { cwd: dir })).code).toBe(2);
    expect((await runMeet(['calendar', '--out', 'nhiem-vu.ics', '--today', '2020-11-01'], { cwd: dir })).code).toBe(2);
    expect(read(dir, 'bao-cao.md').toString()).toBe('ghi chú riêng\n');
    expect(read(dir, 'nhiem-vu.ics').toString()).toBe('lịch riêng\n');
    expect((await runMeet(['report', '--month', '2020-10', '--out', 'bao-cao.md', '--force'], { cwd: dir })).code).toBe(0);
    expect((await runMeet(['calendar', '--out', 'nhiem-vu.ics', '--today', '2020-11-01', '--force'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'bao-cao.md').toString()).toContain('# Báo cáo');
    expect(read(dir, 'nhiem-vu.ics').toString()).toContain('BEGIN:VCALENDAR');
  });
});

describe('an output file where no file can be made', () => {
  it.skipIf(process.platform !== 'linux')('says so in words, not as ENOENT (exit 2)', async () => {
    const dir = copyExamples();
    const run = await runMeet(['calendar', '--out', '/proc/nhiem-vu.ics', '--today', '2020-11-01'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('meet: không ghi được: /proc/nhiem-vu.ics\n');
    expect(run.stderr).toContain('Không tạo được tệp ở đó: thư mục không còn, hoặc là một thư mục đặc biệt (như /proc).');
    expect(run.stderr).not.toMatch(/ENOENT|ổ đĩa/);
    // /sys refuses a new file even to root (no permission, or read-only in a container): said so, not as a full disk.
    const denied = await runMeet(['report', '--month', '2020-10', '--out', '/sys/bao-cao.md'], { cwd: dir });
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(/^meet: (không có quyền ghi|ổ đĩa chỉ cho đọc, không ghi được): \/sys\/bao-cao\.md\n/);
  });

  it('says so when a file stands where a folder on the way should be: every writing command, exit 2, no stack trace', async () => {
    const dir = copyExamples();
    writeFileSync(path.join(dir, 'reports'), 'một tệp, không phải thư mục\n');
    writeFileSync(path.join(dir, 'tep'), '');
    const runs = [
      await runMeet(['digest', '--month', '2020-10'], { cwd: dir }),
      await runMeet(['notice', OCTOBER, '--out', 'tep/thong-bao.docx'], { cwd: dir }),
      await runMeet(['calendar', '--out', 'tep/nhiem-vu.ics', '--today', '2020-11-01'], { cwd: dir }),
      await runMeet(['report', '--month', '2020-10', '--out', 'tep/bao-cao.md'], { cwd: dir }),
      await runMeet(['init', 'tep', '--organization', 'UBND xã Bắc Sơn', '--locale', 'vi'], { cwd: dir }),
    ];
    // The file in the way named as the command line named it, not a full disk.
    const named = ['reports', 'tep', 'tep', 'tep', 'tep'];
    runs.forEach((run, i) => {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`[ /]${named[i]} là một tệp, không phải thư mục\n`));
      expect(run.stderr).toContain('Hãy đổi tên hoặc chuyển tệp đó đi, hoặc chọn nơi khác. Chưa có gì được ghi.');
      expect(run.stderr).not.toContain('ổ đĩa đầy');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
    expect(readFileSync(path.join(dir, 'reports'), 'utf8')).toBe('một tệp, không phải thư mục\n');
  });
});

describe('an output file among the records', () => {
  it('is refused even with --force: the record, the config and the folder stay as they were', async () => {
    const dir = copyExamples();
    const record = read(dir, OCTOBER);
    const config = read(dir, 'meet.config.yaml');
    for (const args of [
      ['report', '--month', '2020-11', '--out', OCTOBER, '--force'],
      ['notice', OCTOBER, '--format', 'md', '--out', 'meetings/2020/2020-10-27-thong-bao.md'],
      ['digest', '--month', '2020-10', '--out', 'meetings/2020'],
    ]) {
      const run = await runMeet(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('thư mục biên bản (meetings/) và meet.config.yaml chỉ dành cho biên bản và cấu hình của kho; hãy chọn --out ở ngoài');
    }
    // Through a link to the repository from elsewhere, the records are still the records.
    const link = path.join(tempDir('meet-link-'), 'kho');
    symlinkSync(dir, link);
    const through = await runMeet(['report', '--month', '2020-11', '--out', path.join(link, OCTOBER), '--force'], { cwd: dir });
    expect([through.code, through.stderr]).toEqual([2, expect.stringContaining('thư mục biên bản (meetings/)')]);
    const fresh = await runMeet(['report', '--month', '2020-11', '--out', path.join(link, 'meetings', '2020', 'bao-cao.md')], { cwd: dir });
    expect(fresh.code).toBe(2);
    expect(existsSync(path.join(dir, 'meetings', '2020', 'bao-cao.md'))).toBe(false);
    // The config by its name too (a .yaml file is no report format either: refused, exit 2).
    expect((await runMeet(['calendar', '--out', 'meet.config.yaml', '--force'], { cwd: dir })).code).toBe(2);
    expect(read(dir, OCTOBER).equals(record)).toBe(true);
    expect(read(dir, 'meet.config.yaml').equals(config)).toBe(true);
    expect((await runMeet(['check'], { cwd: dir })).code).toBe(0);
  });

  it('in .git, where git keeps no file of the repository, is refused: digest --commit never says "nothing to commit" for it', async () => {
    const dir = copyExamples();
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Biên bản');
    const head = git(dir, 'rev-parse', 'HEAD');
    for (const args of [
      ['digest', '--month', '2020-10', '--out', '.git', '--commit'],
      ['digest', '--month', '2020-10', '--out', '.git/refs/heads'],
      ['report', '--month', '2020-10', '--out', '.git/bao-cao.md'],
      ['calendar', '--out', '.git/nhiem-vu.ics'],
    ]) {
      const run = await runMeet(args, { cwd: dir, env: GIT_ENV });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('thư mục .git là nơi git giữ dữ liệu của riêng nó');
    }
    expect(existsSync(path.join(dir, '.git', '2020-10.md'))).toBe(false);
    expect(existsSync(path.join(dir, '.git', 'refs', 'heads', '2020-10.md'))).toBe(false);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    // Records in a folder of a larger repository: its .git is git's too.
    const parent = tempDir('meet-outer-');
    git(parent, 'init', '-q', '-b', 'main');
    const inner = path.join(parent, 'bien-ban');
    renameSync(dir, inner);
    const outer = await runMeet(['report', '--month', '2020-10', '--out', '../.git/bao-cao.md'], { cwd: inner });
    expect([outer.code, outer.stderr]).toEqual([2, expect.stringContaining('thư mục .git là nơi git giữ dữ liệu của riêng nó')]);
    expect(existsSync(path.join(parent, '.git', 'bao-cao.md'))).toBe(false);
  });
});

describe('--out - is standard output, as Unix tools read it', () => {
  it('calendar, notice and report print there; no file named "-" is made; Word bytes never go to a terminal', async () => {
    const dir = copyExamples();
    const calendar = await runMeet(['calendar', '--out', '-', '--today', '2020-11-01'], { cwd: dir });
    expect(calendar.code).toBe(0);
    expect(calendar.stdout).toContain('BEGIN:VCALENDAR');
    const notice = await runMeet(['notice', OCTOBER, '--format', 'md', '--out', '-'], { cwd: dir });
    expect(notice.code).toBe(0);
    expect(notice.stdout).toContain('THÔNG BÁO');
    const report = await runMeet(['report', '--month', '2020-10', '--out', '-'], { cwd: dir });
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^# Báo cáo/);
    let bytes = Buffer.alloc(0);
    const word = await runMeet(['report', '--month', '2020-10', '--format', 'docx', '--out', '-'], {
      cwd: dir,
      stdout: { isTTY: false, write: (chunk: string | Uint8Array) => void (bytes = Buffer.concat([bytes, Buffer.from(chunk)])) },
    });
    expect(word.code).toBe(0);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const terminal = await runMeet(['notice', OCTOBER, '--out', '-'], { cwd: dir, stdoutIsTTY: true });
    expect(terminal.code).toBe(2);
    expect(terminal.stderr).toContain('--out - ghi tệp docx ra đầu ra chuẩn, mà ở đây là màn hình lệnh');
    expect(terminal.stdout).toBe('');
    expect(existsSync(path.join(dir, '-'))).toBe(false);
  });
});
