// The command line itself, in-process: help, version and usage errors come
// out on the Io's streams with the documented exit codes, and nothing calls
// process.exit (it would end this test worker). The built binary's answers
// are in smoke.spawn.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/model/messages/en.js';
import { vi } from '../src/model/messages/vi.js';
import { copyExamples, PROJECT_ROOT, runMeet, tempDir } from './helpers.js';

// Outside a repository meet speaks the environment's language (LC_ALL, LC_MESSAGES, LANG): the
// English assertions below run in an English one, whatever the machine's.
const ENGLISH = { LC_ALL: 'en_US.UTF-8' };

const VERSION = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('meet without a command to run', () => {
  it('--version and -V print the package version', async () => {
    for (const flag of ['--version', '-V']) expect(await runMeet([flag], { cwd: tempDir() })).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('--help lists every command with the exit codes; help COMMAND shows its options', async () => {
    const run = await runMeet(['--help'], { cwd: tempDir(), env: ENGLISH });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: meet \[options\] \[command\]\n/);
    for (const command of ['init', 'new', 'check', 'report', 'tasks', 'log', 'diff', 'digest', 'schema'])
      expect(run.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    expect(run.stdout).toContain('Exit codes: 0 success, 1 the records have errors, 2 usage or environment error, 70 a bug in meet, 130 stopped with Ctrl-C.');
    const check = await runMeet(['help', 'check'], { cwd: tempDir(), env: ENGLISH });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^Usage: meet check \[options\] \[paths\.\.\.\]\n/);
    expect(check.stdout).toContain('--format');
  });

  it("help speaks the run's language: every title and placeholder from its catalogue, for every command", async () => {
    const commands = ['init', 'new', 'check', 'report', 'notice', 'approve', 'tasks', 'tasks update', 'log', 'diff', 'digest', 'calendar', 'schema'];
    for (const [locale, m] of [
      ['en', en],
      ['vi', vi],
    ] as const) {
      const root = await runMeet(['--locale', locale, '--help'], { cwd: tempDir(), env: ENGLISH });
      expect(root).toMatchObject({ code: 0, stderr: '' });
      expect(root.stdout.startsWith(`${m.cli.usage} meet ${m.cli.optionsPlaceholder} ${m.cli.commandPlaceholder}\n`)).toBe(true);
      expect(root.stdout).toContain(`\n${m.cli.options}\n`);
      expect(root.stdout).toContain(`\n${m.cli.commands}\n`);
      expect(root.stdout).toContain(`  init ${m.cli.optionsPlaceholder} [`);
      for (const command of commands) {
        const help = await runMeet(['--locale', locale, ...command.split(' '), '--help'], { cwd: tempDir(), env: ENGLISH });
        // `help tasks update` shows the help of tasks: commander's help command reads one name.
        if (!command.includes(' ')) expect(await runMeet(['--locale', locale, 'help', command], { cwd: tempDir(), env: ENGLISH })).toEqual(help);
        expect(help).toMatchObject({ code: 0, stderr: '' });
        expect(help.stdout.startsWith(`${m.cli.usage} meet ${command}`), `${locale}: ${command}`).toBe(true);
        expect(help.stdout).toContain(m.cli.helpOption);
      }
    }
  });

  it("the help's examples carry free text in the run's language", async () => {
    const en = await runMeet(['--locale', 'en', 'tasks', 'update', '--help'], { cwd: tempDir(), env: ENGLISH });
    expect(en.stdout).toContain('--note "Two pilot sites chosen"');
    expect(en.stdout).not.toContain('Đã chọn');
    const vi = await runMeet(['--locale', 'vi', 'new', '--help'], { cwd: tempDir(), env: ENGLISH });
    expect(vi.stdout).not.toContain('Jane Doe');
    const check = await runMeet(['--locale', 'vi', 'check', '--help'], { cwd: tempDir(), env: ENGLISH });
    expect(check.stdout).not.toMatch(/\bREF\b/);
  });

  it('says which option is required in the help (approve --by)', async () => {
    const vi = await runMeet(['--locale', 'vi', 'approve', '--help'], { cwd: tempDir(), env: ENGLISH });
    expect(vi.stdout).toMatch(/--by <họ-tên> +người thông qua biên bản \(bắt buộc\)\n/);
    const en = await runMeet(['--locale', 'en', 'approve', '--help'], { cwd: tempDir(), env: ENGLISH });
    expect(en.stdout).toMatch(/--by <[a-z-]+> +who approved the minutes \(required\)\n/);
  });

  it("help of a command meet has not is a usage error, not meet's help; a command's help lists the global options", async () => {
    expect(await runMeet(['help', 'nosuch'], { cwd: tempDir(), env: ENGLISH })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'meet: unknown command "nosuch"\n(run with --help for usage)\n',
    });
    const typo = await runMeet(['reprot', '--help'], { cwd: tempDir(), env: ENGLISH });
    expect(typo).toMatchObject({ code: 2, stdout: '', stderr: 'meet: unknown command "reprot"\n(Did you mean report?)\n(run with --help for usage)\n' });
    const report = await runMeet(['report', '--help'], { cwd: tempDir(), env: ENGLISH });
    expect(report.stdout).toMatch(/\nGlobal Options:\n(.*\n)*? {2}--root <dir> /);
    // A status in the clerk's words beside the format's, in Vietnamese help.
    const vi = await runMeet(['--locale', 'vi', 'tasks', 'update', '--help'], { cwd: tempDir() });
    expect(vi.stdout.replace(/\s+/g, ' ')).toContain('"done" (hoàn thành), "dropped" (dừng thực hiện)');
    // An English board's examples are an English repository's: no Vietnamese ids or names.
    const english = await runMeet(['--locale', 'en', 'tasks', 'update', '--help'], { cwd: tempDir() });
    expect(english.stdout).toContain('$ meet tasks update 2020-10-road-repairs --status done');
    expect(english.stdout).not.toMatch(/giao-thong|Hoàng Văn Hiệp|Đã chọn/);
    // `meet help tasks update` is the help of tasks update, as `meet tasks update --help` is.
    expect((await runMeet(['help', 'tasks', 'update'], { cwd: tempDir(), env: ENGLISH })).stdout).toBe(
      (await runMeet(['tasks', 'update', '--help'], { cwd: tempDir(), env: ENGLISH })).stdout,
    );
    // `meet tasks help` and `meet tasks help update` are what they say, as `help tasks` is.
    expect((await runMeet(['tasks', 'help'], { cwd: tempDir(), env: ENGLISH })).stdout).toBe(
      (await runMeet(['tasks', '--help'], { cwd: tempDir(), env: ENGLISH })).stdout,
    );
    expect((await runMeet(['tasks', 'help', 'update'], { cwd: tempDir(), env: ENGLISH })).stdout).toBe(
      (await runMeet(['tasks', 'update', '--help'], { cwd: tempDir(), env: ENGLISH })).stdout,
    );
    // tasks update is no list: the list's --owner is not offered as one of its options; meet's own (--root) are.
    const update = (await runMeet(['tasks', 'update', '--help'], { cwd: tempDir(), env: ENGLISH })).stdout;
    expect(update).not.toContain('--owner');
    expect(update).toMatch(/\nGlobal Options:\n(.*\n)*? {2}--root <dir> /);
  });

  it('a misspelt subcommand of tasks is named as one, with "did you mean" (not "too many arguments")', async () => {
    const typo = await runMeet(['--root', 'x', 'tasks', 'updat', '2020-10-a', '--status', 'done'], { cwd: tempDir(), env: ENGLISH });
    expect(typo).toEqual({ code: 2, stdout: '', stderr: 'meet: unknown command "tasks updat"\n(Did you mean tasks update?)\n(run with --help for usage)\n' });
    const other = await runMeet(['--locale', 'vi', 'tasks', 'xoa'], { cwd: tempDir() });
    expect(other).toEqual({ code: 2, stdout: '', stderr: 'meet: không có lệnh "tasks xoa"\n(xem cách dùng: thêm --help)\n' });
  });

  it('words too many are advised on: a name with spaces in quotes, a status as --status, a month as --month', async () => {
    const said = async (...args: string[]) => {
      const run = await runMeet(['--locale', 'vi', ...args], { cwd: tempDir() });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      return run.stderr;
    };
    expect(await said('new', '--chair', 'Hoàng', 'Văn', 'Hiệp', '--date', '2021-01-28')).toBe(
      'meet: thừa tham số cho lệnh "new": cần 0 tham số, nhưng có 2.\nGiá trị có dấu cách phải đặt trong dấu ngoặc kép: --chair "Hoàng Văn Hiệp"\n(xem cách dùng: thêm --help)\n',
    );
    // The command named as typed; the status in the clerk's words, one word or two.
    expect(await said('tasks', 'update', '2020-10-an-ninh', 'done')).toBe(
      'meet: thừa tham số cho lệnh "tasks update": cần 1 tham số, nhưng có 2.\n(Có phải ý bạn là --status done?)\n(xem cách dùng: thêm --help)\n',
    );
    expect(await said('tasks', 'update', '2020-10-an-ninh', 'hoàn', 'thành', '--note', 'Đã', 'xong')).toContain(
      '\n(Có phải ý bạn là --status done?)\nGiá trị có dấu cách phải đặt trong dấu ngoặc kép: --note "Đã xong"\n',
    );
    expect(await said('tasks', '--owner', 'Phòng', 'Kinh', 'tế')).toContain('--owner "Phòng Kinh tế"');
    // The command's own argument takes its word first: an option's value before it ends there.
    const noteFirst = await said('tasks', 'update', '--note', 'xong', '2020-10-an-ninh', 'done');
    expect(noteFirst).toContain('\n(Có phải ý bạn là --status done?)\n');
    expect(noteFirst).not.toContain('--note "');
    // A value that is one word (a month, a date, a file) is never told to take the next one in quotes.
    const month = await said('report', '--month', '2021-01', 'x');
    expect(month).toContain('"x" không thuộc tùy chọn nào');
    expect(month).not.toContain('--month "');
    // --title=… as one word, the rest of the title after it.
    expect(await said('new', '--chair', 'A', '--title=Hội', 'nghị', 'giao', 'ban')).toContain('--title "Hội nghị giao ban"');
    expect(await said('report', '2020-10')).toContain('\n(Có phải ý bạn là --month 2020-10?)\n');
    expect(await said('new', '28/01/2021', '--chair', 'A')).toContain('\n(Có phải ý bạn là --date 28/01/2021?)\n');
    expect(await said('digest', '--format', 'md', 'x', 'y')).toBe(
      'meet: thừa tham số cho lệnh "digest": cần 0 tham số, nhưng có 2.\n"x" không thuộc tùy chọn nào; giá trị có dấu cách phải đặt trong dấu ngoặc kép.\n"y" không thuộc tùy chọn nào; giá trị có dấu cách phải đặt trong dấu ngoặc kép.\n(xem cách dùng: thêm --help)\n',
    );
    const english = await runMeet(['new', '--title', 'Monthly', 'meeting', '--chair', 'A'], { cwd: tempDir(), env: ENGLISH });
    expect(english.stderr).toContain('\nA value with spaces goes in quotes: --title "Monthly meeting"\n');
  });

  it('an unknown command or option is a usage error (exit 2), pointing to --help', async () => {
    // Far from every command's name, so commander suggests none.
    for (const args of [['zzz'], ['check', '--bogus']]) {
      const run = await runMeet(args, { cwd: tempDir(), env: ENGLISH });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^meet: unknown (command "zzz"|option "--bogus")\n\(run with --help for usage\)\n$/);
    }
    // In a Vietnamese environment, or with --locale vi, the same in Vietnamese.
    for (const [args, env] of [
      [['zzz'], { LC_ALL: 'vi_VN.UTF-8' }],
      [['--locale', 'vi', 'check', '--bogus'], ENGLISH],
    ] as const) {
      const run = await runMeet([...args], { cwd: tempDir(), env });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^meet: không có (lệnh "zzz"|tùy chọn "--bogus")\n\(xem cách dùng: thêm --help\)\n$/);
    }
  });

  it('an option followed by another option has no value: exit 2, and nothing is written (new --title --dry-run)', async () => {
    const dir = copyExamples();
    for (const args of [
      ['new', '--date', '2020-12-30', '--title', '--dry-run', '--chair', 'A'],
      ['new', '--date', '2020-12-30', '--chair', '--dry-run'],
      ['tasks', 'update', 'x', '--status', 'done', '--note', '--commit'],
    ]) {
      const run = await runMeet(args, { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^meet: tùy chọn "--(title|chair|note) <[^>]+>" cần có giá trị\n/);
    }
    expect(readdirSync(path.join(dir, 'meetings', '2020')).filter((f) => f.startsWith('2020-12-30'))).toEqual([]);
  });
});
