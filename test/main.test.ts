// main(): the one place that turns errors into exit codes.
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import type { Io } from '../src/io/terminal.js';
import { copyExamples, TEST_CACHE_HOME } from './helpers.js';

function io(cwd: string, stdoutWrite: (text: string) => void, stderr: string[]): Io {
  return {
    cwd,
    env: { XDG_CACHE_HOME: TEST_CACHE_HOME },
    stdout: { write: stdoutWrite },
    stderr: { write: (text: string) => stderr.push(text) },
    stdin: {},
    now: () => new Date('2020-12-15T03:00:00Z'),
    colorAllowed: false,
  };
}

describe('main', () => {
  it('turns a bug into exit 70 and says it is an internal error, not the records', async () => {
    const stderr: string[] = [];
    const code = await main(
      ['tasks', '--format', 'json'],
      io(
        copyExamples(),
        () => {
          throw new TypeError('boom');
        },
        stderr,
      ),
    );
    expect(code).toBe(70);
    expect(stderr.join('')).toMatch(/^meet: lỗi nội bộ: TypeError: boom/);
    expect(stderr.join('')).toContain('Đây là lỗi của chương trình meet, không phải lỗi trong biên bản');
  });

  it('keeps usage errors at exit 2, without the internal-error text', async () => {
    const stderr: string[] = [];
    const code = await main(
      ['report', '--month', '2020-13'],
      io(copyExamples(), () => {}, stderr),
    );
    expect(code).toBe(2);
    expect(stderr.join('')).not.toContain('lỗi nội bộ');
  });

  it('reads "today" from the injected clock', async () => {
    const out: string[] = [];
    const code = await main(
      ['tasks', '--format', 'json'],
      io(copyExamples(), (t) => out.push(t), []),
    );
    expect(code).toBe(0);
    // 2020-12-15 in Asia/Ho_Chi_Minh: a task due 2020-11-30 and still open is 15 days overdue.
    const rows = JSON.parse(out.join('')) as { due: string | null; status: string; overdueDays: number }[];
    const late = rows.find((r) => r.due === '2020-11-30' && (r.status === 'open' || r.status === 'in-progress'));
    expect(late?.overdueDays).toBe(15);
  });
});
