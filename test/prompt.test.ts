// The terminal's questions in-process: Ctrl-C typed at a question (readline
// in terminal mode, as on a real terminal) stops the command with its own
// words, below the question. The rest of the prompts run on a real
// pseudo-terminal in prompts.spawn.test.ts.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalAsker } from '../src/io/prompt.js';
import { MeetError } from '../src/model/errors.js';
import { messages } from '../src/model/messages/index.js';

/** Questions on a terminal of our own (readline in terminal mode), what it shows without its escape sequences. */
function terminal() {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
  let text = '';
  output.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const m = messages('en');
  return { input, asker: terminalAsker(input, output, m), m, shown: () => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '') };
}

describe('a question on a terminal', () => {
  it('Ctrl-C stops it: "Stopped (Ctrl-C)", below the question, not "no answer was given"', async () => {
    const { input, asker, m, shown } = terminal();
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
    expect(shown()).toMatch(/Date \[2020-12-20\]: \n$/);
  });

  it('input that ended before a question still shows the question, and the stop below it', async () => {
    const { input, asker, m, shown } = terminal();
    const first = asker.ask('Date', '2020-12-20', (text) => ({ value: text }), '--date');
    // Registered after the question's reader: by the time it runs, the reader has seen the end.
    const ended = new Promise((resolve) => input.once('end', resolve));
    input.end('\n');
    expect(await first).toBe('2020-12-20');
    await ended;
    const error = await asker
      .ask('Kind', '1', (text) => ({ value: text }), '--kind')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    asker.close();
    expect((error as MeetError).render(m).message).toBe(
      'Cancelled: no answer was given; nothing was written. Run the command again with --kind to answer it without the question.',
    );
    expect(shown()).toMatch(/Kind \[1\]: \n$/);
  });
});
