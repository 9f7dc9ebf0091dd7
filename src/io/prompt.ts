// Questions on a terminal. Never used when stdin is not a TTY: commands turn
// a missing value into an error naming the flag instead.
//
// Line-based, on node's readline (line editing, history, typed-ahead lines
// queued): an answer that cannot be used is explained and asked again, at
// most MAX_TRIES times; a choice is a numbered list in the user's language.
// Prompt libraries (@inquirer/prompts, @clack/prompts) were weighed and not
// taken: they print English of their own ("Please input a value") that
// cannot be translated, and draw with cursor movements a plain line avoids.
import { createInterface } from 'node:readline';
import { nearest } from '../domain/suggest.js';
import { Interrupted, UsageError } from '../model/errors.js';
import type { Messages } from '../model/messages/index.js';
import { visible, visibleLines } from '../model/text.js';
import type { OutStream } from './terminal.js';

export const MAX_TRIES = 3;

/** What an answer means, or why it cannot be used. */
export type Reading<T> = { value: T } | { problem: string };

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export interface Asker {
  /**
   * Asks until `read` accepts the answer (an empty answer is `fallback`),
   * explaining each refusal; after MAX_TRIES, a usage error naming `flag`.
   */
  ask<T>(question: string, fallback: string | undefined, read: (answer: string) => Reading<T>, flag: string): Promise<T>;
  /** A numbered choice: the number, the value or a word for it (`words`) is an answer. */
  choose<T extends string>(
    question: string,
    choices: readonly Choice<T>[],
    fallback: T | undefined,
    options: { flag: string; words?: (text: string) => T | undefined },
  ): Promise<T>;
  close(): void;
}

export function terminalAsker(input: NodeJS.ReadableStream, output: OutStream, m: Messages): Asker {
  // Made at the first question: until then what is typed stays with the terminal, and nothing reads
  // the input while the command loads (a line and the end of input read then left the process waiting).
  let reader: { rl: ReturnType<typeof createInterface>; lines: AsyncIterator<string> } | undefined;
  let interrupted = false;
  let closed = false;
  const open = () => {
    if (!reader) {
      const rl = createInterface({ input, output: output as NodeJS.WritableStream, terminal: true });
      // Ctrl-C at a question stops the command, said as such (not as an answer that never came).
      rl.on('SIGINT', () => {
        interrupted = true;
        rl.close();
      });
      rl.on('close', () => (closed = true));
      // Lines typed ahead of a question are queued, not lost.
      reader = { rl, lines: rl[Symbol.asyncIterator]() };
    }
    return reader;
  };
  /** `flag`: the option that answers the question without asking it, named when the input ends. */
  const line = async (prompt: string, flag: string): Promise<string> => {
    const { rl, lines } = open();
    // Closed already (Ctrl-C or Ctrl-D typed with the last answer): prompting would read the input again, and wait;
    // the question is still shown, so that the clerk sees which one went unanswered, however fast the input ended.
    if (closed) output.write(prompt);
    else {
      rl.setPrompt(prompt);
      rl.prompt();
    }
    const next = await lines.next();
    if (next.done) {
      // The message goes below the question, not after it on its line.
      output.write('\n');
      if (interrupted) throw new Interrupted((m) => m.errors.interrupted);
      throw new UsageError((m) => m.errors.cancelled(flag));
    }
    return String(next.value).normalize('NFC').trim();
  };
  const ask: Asker['ask'] = async (question, fallback, read, flag) => {
    for (let tries = 1; ; tries++) {
      // The fallback may come from a record (the last chair's name): shown visibly.
      const answer = (await line(`${question}${fallback ? ` [${visible(fallback)}]` : ''}: `, flag)) || fallback || '';
      const reading = answer === '' ? { problem: m.new.emptyAnswer } : read(answer);
      if ('value' in reading) return reading.value;
      output.write(`${visibleLines(reading.problem)}\n`);
      if (tries >= MAX_TRIES) throw new UsageError((m) => m.errors.tooManyTries(MAX_TRIES, flag));
    }
  };
  return {
    ask,
    async choose<T extends string>(
      question: string,
      choices: readonly Choice<T>[],
      fallback: T | undefined,
      options: { flag: string; words?: (text: string) => T | undefined },
    ) {
      output.write(`${question}:\n${choices.map((c, i) => `  ${i + 1}) ${c.label}`).join('\n')}\n`);
      const index = fallback === undefined ? -1 : choices.findIndex((c) => c.value === fallback);
      const values = choices.map((c) => c.value);
      return ask<T>(
        m.new.choose(choices.length),
        index === -1 ? undefined : String(index + 1),
        (answer) => {
          const number = /^\d+$/.test(answer) ? Number(answer) : NaN;
          const found = choices[number - 1]?.value ?? values.find((v) => v === answer.toLowerCase()) ?? options.words?.(answer);
          return found !== undefined ? { value: found } : { problem: m.new.notAChoice(visible(answer), choices.length, nearest(answer, values)) };
        },
        options.flag,
      );
    },
    close: () => reader?.rl.close(),
  };
}
