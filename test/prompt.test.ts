// The terminal's questions in-process: Ctrl-C typed at a question (readline
// in terminal mode, as on a real terminal) stops the command with its own
// words, below the question. The rest of the prompts run on a real
// pseudo-terminal in prompts.spawn.test.ts.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalAsker } from '../src/io/prompt.js';
import { MeetError } from '../src/model/errors.js';
import { messages } from '../src/model/messages/index.js';

describe('a question on a terminal', () => {
  it('Ctrl-C stops it: "Stopped (Ctrl-C)", below the question, not "no answer was given"', async () => {
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let shown = '';
    output.setEncoding('utf8').on('data', (text: string) => (shown += text));
    const m = messages('en');
    const asker = terminalAsker(input, output, m);
    const answer = asker.ask('Date', '2020-12-20', (text) => ({ value: text }), '--date');
    input.write('\x03');
    const error = await answer.then(
      () => undefined,
      (e: unknown) => e,
    );
    asker.close();
    expect(error).toBeInstanceOf(MeetError);
    expect((error as MeetError).render(m).message).toBe('Stopped (Ctrl-C): nothing was written.');
    // As a shell reports a process Ctrl-C ended.
    expect((error as MeetError).exitCode).toBe(130);
    expect(shown.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')).toMatch(/Date \[2020-12-20\]: \n$/);
  });
});
