// Questions on a terminal. Never used when stdin is not a TTY: commands turn
// a missing value into an error naming the flag instead.
import { createInterface } from 'node:readline';
import { UsageError } from '../model/errors.js';
import { visible } from '../model/text.js';
import type { OutStream } from './terminal.js';

export interface Asker {
  ask(question: string, fallback?: string): Promise<string>;
  close(): void;
}

export function terminalAsker(input: NodeJS.ReadableStream, output: OutStream): Asker {
  const rl = createInterface({ input, output: output as NodeJS.WritableStream, terminal: true });
  // Lines typed ahead of a question are queued, not lost.
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question, fallback) {
      // The fallback may come from a record (the last chair's name): shown visibly.
      const suffix = fallback ? ` [${visible(fallback)}]` : '';
      rl.setPrompt(`${question}${suffix}: `);
      rl.prompt();
      const next = await lines.next();
      if (next.done) throw new UsageError('Cancelled: no answer was given.');
      return String(next.value).trim() || fallback || '';
    },
    close: () => rl.close(),
  };
}
