// The built CLI on a real pseudo-terminal (script(1) gives it one), where the
// process is the point: it must see the terminal by itself to colour its
// output and to prompt for missing values. The in-process tests pretend a
// terminal through Io instead (check.test.ts).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeRepo, MEET_BIN, spawnProcess } from './helpers.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** `meet ARGS` on a pseudo-terminal, answers typed ahead on `input`. */
function onTerminal(args: string, cwd: string, env: Record<string, string | undefined>, input = '') {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(MEET_BIN)} ${args}`;
  return spawnProcess('script', ['-qfec', command, '/dev/null'], { cwd, env, input, timeout: 30_000 });
}

const rec = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n\nNội dung biên bản.\n`;
const head = (date: string) => ['title: Họp thử', `date: ${date}`, 'chair: Nguyễn Văn A'];

describe.skipIf(!hasScript)('meet on a terminal', () => {
  it('check: colour by default, none with NO_COLOR=1', async () => {
    const root = makeRepo({
      'meetings/2020/2020-02-31-hop.md': rec('title: Họp thử', 'date: 2020-02-31', 'chair: Nguyễn Văn A'),
      'meetings/2019/2020-10-26-hop.md': rec(...head('2020-10-26')),
      'meetings/2020/2020-11-25-hop.md': rec(...head('2020-11-25')),
    });
    const plain = await onTerminal('check', root, { TERM: 'xterm' });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/\x1b\[31m/);
    const noColor = await onTerminal('check', root, { TERM: 'xterm', NO_COLOR: '1' });
    expect(noColor.code).toBe(1);
    expect(noColor.stdout).toContain('✖ 1 lỗi, 1 cảnh báo trong 2 tệp');
    expect(noColor.stdout).not.toMatch(/\x1b\[/);
  });
  // meet new's questions on a terminal: test/prompts.spawn.test.ts.
});
