// A pipe read slower than meet writes: Node keeps what the pipe cannot take
// yet in memory, so the outputs that grow with the repository wait for
// 'drain' before writing the next piece (printDataChunks). A report at 100k
// records piped into `cat` peaked at 1.24 GB against 0.80 GB into a file.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutStream } from '../src/io/terminal.js';
import { PROJECT_ROOT, runMeet, tempDir } from './helpers.js';

/** A pipe that is full after every write until its reader has taken it, on the next turn of the event loop. */
function slowPipe(): { stream: OutStream; text: () => string; writes: () => number; writesWhileFull: () => number } {
  let text = '';
  let writes = 0;
  let writesWhileFull = 0;
  let full = false;
  let drained: (() => void) | undefined;
  const decoder = new TextDecoder();
  return {
    stream: {
      isTTY: false,
      write(chunk) {
        if (full) writesWhileFull++;
        writes++;
        text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
        full = true;
        setImmediate(() => {
          full = false;
          const listener = drained;
          drained = undefined;
          listener?.();
        });
        return false;
      },
      once(_event, listener) {
        drained = listener;
      },
    },
    text: () => text,
    writes: () => writes,
    writesWhileFull: () => writesWhileFull,
  };
}

describe('outputs written into a slow pipe', () => {
  it('wait for the pipe before each piece, and are the same text', async () => {
    const root = path.join(tempDir('meet-pipe-'), 'repo');
    const made = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bench', 'generate.mjs'), '--records', '400', '--out', root, '--seed', '5'], {
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    const month = '2020-06';
    // Each with the fewest pieces it comes in, made and answered from the output memo (which reads 1 MiB at a time).
    const commands: [string[], number, number][] = [
      [['report', '--month', month, '--format', 'json'], 3, 2],
      [['report', '--month', month, '--format', 'md'], 3, 1],
      [['tasks', '--format', 'csv'], 1, 2],
      [['tasks', '--format', 'json'], 3, 3],
      [['diff', '2020-05', month, '--format', 'md'], 3, 1],
    ];
    for (const [args, made, answered] of commands) {
      const plain = await runMeet([...args, '--no-cache'], { cwd: root });
      expect(plain.code, `${args.join(' ')}: ${plain.stderr}`).toBe(0);
      for (const [run, pieces] of [
        ['made', made],
        ['answered', answered],
      ] as const) {
        const pipe = slowPipe();
        const piped = await runMeet(args, { cwd: root, stdout: pipe.stream });
        const what = `${args.join(' ')} (${run})`;
        expect(piped.code, what).toBe(0);
        expect(pipe.text(), what).toBe(plain.stdout);
        expect(pipe.writes(), what).toBeGreaterThanOrEqual(pieces);
        expect(pipe.writesWhileFull(), what).toBe(0);
      }
    }
  });
});
