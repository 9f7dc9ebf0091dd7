// The questions meet asks on a terminal (issue 14), through a real
// pseudo-terminal: script(1) from util-linux runs the built binary with a
// terminal for stdin, stdout and stderr, and types the answers given. Every
// prompt is exercised at least once: the date, the kind, the title and the
// chair of `meet new`, and the status of `meet tasks update`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExamples, MEET_BIN, read, TEST_CACHE_HOME } from './helpers.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

interface PtyRun {
  code: number;
  /** Everything the terminal showed (echoed answers included), colour codes and cursor moves removed. */
  screen: string;
}

/** Runs `meet ARGS` on a pseudo-terminal in `cwd`, typing `answers` (one line each). */
function onTerminal(cwd: string, args: string[], answers: string[], env: Record<string, string> = {}): Promise<PtyRun> {
  const command = [process.execPath, MEET_BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-q', '-f', '-e', '-c', command, '/dev/null'], {
      cwd,
      env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME, NO_COLOR: '1', TERM: 'dumb', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, screen: out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '') });
    });
    child.stdin.end(answers.map((a) => `${a}\n`).join(''));
  });
}

/**
 * Runs `meet ARGS` on a pseudo-terminal, typing each step's keys once the
 * screen shows its text: keys typed before a question is open would reach
 * the terminal, not meet (Ctrl-C would then stop the process itself).
 */
function onTerminalStepwise(cwd: string, args: string[], steps: [string, string][]): Promise<PtyRun> {
  const command = [process.execPath, MEET_BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-q', '-f', '-e', '-c', command, '/dev/null'], {
      cwd,
      env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME, NO_COLOR: '1', TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let step = 0;
    const seen = (chunk: string) => {
      out += chunk;
      while (step < steps.length && out.includes(steps[step]![0])) child.stdin.write(steps[step++]![1]);
    };
    child.stdout.setEncoding('utf8').on('data', seen);
    child.stderr.setEncoding('utf8').on('data', seen);
    // Only a run that never ends meets this: the test then fails on its exit code.
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, screen: out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '') });
    });
  });
}

describe.skipIf(!hasScript)('prompts on a terminal', () => {
  it('meet new: a wrong date and a typo are explained and asked again; the kind is a numbered choice; title and chair take defaults', async () => {
    const root = copyExamples();
    const run = await onTerminal(root, ['new', '--dry-run', '--today', '2020-12-20'], ['31/09/2020', '25/12/2020', 'regulr', '2', '', '']);
    expect(run.code).toBe(0);
    // The default date in the clerk's form; the day that does not exist, explained.
    expect(run.screen).toContain('Ngày họp (DD/MM/YYYY hoặc YYYY-MM-DD) [20/12/2020]:');
    expect(run.screen).toContain('"31/09/2020" không phải là ngày có thật: tháng 9/2020 chỉ có 30 ngày.');
    // Kinds in Vietnamese, numbered; a typo gets a "did you mean", not a flag the clerk never typed.
    expect(run.screen).toContain('Loại cuộc họp:\n  1) thường kỳ (regular)\n  2) bất thường (extraordinary)\n  3) chuyên đề (thematic)');
    expect(run.screen).toContain('"regulr" không có trong danh sách. Có phải ý bạn là "regular"? Hãy gõ một số từ 1 đến 3.');
    expect(run.screen).not.toContain('--kind');
    expect(run.screen).toContain('Tiêu đề [Hội nghị bất thường ngày 25/12/2020]:');
    expect(run.screen).toContain('Người chủ trì [Hoàng Văn Hiệp]:');
    expect(run.screen).toContain('title: Hội nghị bất thường ngày 25/12/2020\ndate: 2020-12-25\nkind: extraordinary');
    expect(run.screen).toContain('chair: Hoàng Văn Hiệp');
  });

  it('meet new: input ending at a question stops it, said below the question, nothing written', async () => {
    const root = copyExamples();
    const run = await onTerminal(root, ['new', '--today', '2020-12-20'], ['']);
    expect(run.code).toBe(2);
    expect(run.screen).toMatch(
      /Chọn từ 1 đến 3 \[1\]: \nmeet: Đã dừng: không có câu trả lời; chưa ghi gì\. Có thể chạy lại lệnh với --kind để khỏi phải trả lời câu hỏi này\.\n/,
    );
  });

  it('meet new: Ctrl-C typed with an answer stops it at once, said once, nothing written', async () => {
    const root = copyExamples();
    // Enter and Ctrl-C in one burst, as a quick typist or a paste sends them.
    const run = await onTerminalStepwise(root, ['new', '--today', '2020-12-20'], [['[20/12/2020]: ', '\r\u0003']]);
    expect(run.code).toBe(130);
    expect(run.screen.match(/Đã hủy \(Ctrl-C\): chưa ghi gì\./g)).toHaveLength(1);
    expect(existsSync(path.join(root, 'meetings', '2020', '2020-12-20-hoi-nghi-thuong-ky-thang-12-2020.md'))).toBe(false);
  });

  it('meet new --edit: the editor gets the terminal as it was before the questions (lines, echo, Ctrl-C)', async () => {
    const root = copyExamples();
    const editor = path.join(root, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nstty -a > "${path.join(root, 'stty.txt')}"\n`, { mode: 0o755 });
    const run = await onTerminal(root, ['new', '--today', '2021-01-27', '--edit'], ['', '', '', ''], { EDITOR: editor });
    expect(run.code).toBe(0);
    const modes = readFileSync(path.join(root, 'stty.txt'), 'utf8').split(/\s+/);
    expect(modes).toEqual(expect.arrayContaining(['icanon', 'echo', 'isig']));
  });

  it('meet new: a title whose record is there already is asked again, not refused after every question', async () => {
    const root = copyExamples();
    const taken = 'meetings/2021/2021-01-27-hoi-nghi-thuong-ky-thang-1-2021.md';
    const first = spawnSync(process.execPath, [MEET_BIN, 'new', '--date', '2021-01-27', '--chair', 'A'], {
      cwd: root,
      env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME },
    });
    expect(first.status).toBe(0);
    expect(existsSync(path.join(root, taken))).toBe(true);
    const run = await onTerminal(root, ['new', '--dry-run', '--today', '2021-01-27'], ['', '', '', 'Họp giao ban', '']);
    expect(run.code).toBe(0);
    expect(run.screen).toContain(`Đã có biên bản ${taken} với tiêu đề này; hãy gõ một tiêu đề khác`);
    expect(run.screen).toContain('title: Họp giao ban\n');
  });

  it('meet new: three answers that cannot be used end the run (exit 2), naming the flag to use instead', async () => {
    const root = copyExamples();
    const run = await onTerminal(root, ['new', '--dry-run', '--today', '2020-12-20'], ['mai', 'hôm nay', '32/12/2020']);
    expect(run.code).toBe(2);
    expect(run.screen).toContain('"mai" không phải là ngày; hãy viết YYYY-MM-DD (2020-10-26) hoặc DD/MM/YYYY (26/10/2020).');
    expect(run.screen).toContain('meet: Sau 3 lần vẫn chưa có câu trả lời hợp lệ; hãy chạy lại lệnh, hoặc dùng --date.');
  });

  it('meet new in English: the default date is ISO, a kind may be typed as a word', async () => {
    const root = copyExamples();
    const run = await onTerminal(root, ['new', '--dry-run', '--today', '2020-12-20', '--locale', 'en'], ['', 'thematic', 'Flood preparedness', 'Jane Doe']);
    expect(run.code).toBe(0);
    expect(run.screen).toContain('Date of the meeting (YYYY-MM-DD) [2020-12-20]:');
    expect(run.screen).toContain('Kind of meeting:\n  1) regular\n  2) extraordinary\n  3) thematic');
    expect(run.screen).toContain('kind: thematic');
    expect(run.screen).toContain('chair: Jane Doe');
  });

  it('meet tasks update --commit that cannot commit says so before asking the status', async () => {
    const root = copyExamples();
    const run = await onTerminal(root, ['tasks', 'update', '2020-11-ky-hop-hdnd', '--commit'], ['3']);
    expect(run.code).toBe(2);
    expect(run.screen).toContain('git');
    expect(run.screen).not.toContain('Chọn từ 1 đến');
  });

  it('meet tasks update without --status: the status as a numbered choice, a word accepted; the comment follows', async () => {
    const root = copyExamples();
    const record = 'meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md';
    const run = await onTerminal(root, ['tasks', 'update', '2020-11-ky-hop-hdnd'], ['xong rồi', 'hoàn thành']);
    expect(run.code).toBe(0);
    expect(run.screen).toContain(
      'Tình trạng mới của nhiệm vụ 2020-11-ky-hop-hdnd:\n  1) chưa thực hiện (open)\n  2) đang thực hiện (in-progress)\n  3) hoàn thành (done)\n  4) dừng thực hiện (dropped)',
    );
    expect(run.screen).toContain('"xong rồi" không có trong danh sách. Hãy gõ một số từ 1 đến 4.');
    expect(read(root, record)).toMatch(/- task: 2020-11-ky-hop-hdnd\n\s+status: done/);
    expect(run.screen).toContain(path.normalize(record));
  });

  it('meet tasks update: a record moved away while the question is open is said, not a crash', async () => {
    const root = copyExamples();
    const record = path.join(root, 'meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md');
    const command = [process.execPath, MEET_BIN, 'tasks', 'update', '2020-11-ky-hop-hdnd'].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const run = await new Promise<{ code: number; screen: string }>((resolve, reject) => {
      const child = spawn('script', ['-q', '-f', '-e', '-c', command, '/dev/null'], {
        cwd: root,
        env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME, NO_COLOR: '1', TERM: 'dumb' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      let moved = false;
      const seen = (chunk: string) => {
        out += chunk;
        // Once the question is on the screen: the record goes (a git checkout, a colleague's move), then the answer.
        if (!moved && out.includes('Tình trạng mới của nhiệm vụ')) {
          moved = true;
          renameSync(record, `${record}.moved`);
          child.stdin.end('3\n\n');
        }
      };
      child.stdout.setEncoding('utf8').on('data', seen);
      child.stderr.setEncoding('utf8').on('data', seen);
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, screen: out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '') }));
    });
    expect(run.screen).not.toContain('lỗi nội bộ');
    expect(run.code).toBe(2);
    expect(run.screen).toContain('đã bị chuyển đi hoặc xóa sau khi meet đọc nó');
    expect(existsSync(record)).toBe(false);
  });
});
