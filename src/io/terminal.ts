// The process's streams and environment, passed to commands explicitly so
// tests and the CLI wire the same code.
import { Chalk, type ChalkInstance } from 'chalk';

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: OutStream;
  stderr: OutStream;
  stdinIsTTY: boolean;
  /** False when --no-color was given. */
  colorAllowed: boolean;
}

export function processIo(colorAllowed = true): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    colorAllowed,
  };
}

/**
 * Colour only on a terminal; NO_COLOR turns it off, FORCE_COLOR on
 * (https://no-color.org, https://force-color.org); --no-color wins over both.
 */
export function colorsFor(stream: OutStream, io: Io): ChalkInstance {
  let enabled = Boolean(stream.isTTY) && io.env.TERM !== 'dumb';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') enabled = false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') enabled = true;
  if (!io.colorAllowed) enabled = false;
  return new Chalk({ level: enabled ? 1 : 0 });
}

/** Writes text to stdout with a final newline, unless it already ends with one. */
export function printData(io: Io, text: string): void {
  io.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
}

export function printMessage(io: Io, text: string): void {
  io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * A progress line on stderr ("reading records 4,200 / 10,000") for runs that
 * take more than about a second; nothing at all when stderr is not a
 * terminal. The line is cleared when done reaches total.
 */
export function progressOnTerminal(io: Io, label = 'reading records', clock: () => number = Date.now): (done: number, total: number) => void {
  if (!io.stderr.isTTY) return () => {};
  const started = clock();
  let shown = false;
  let last = 0;
  return (done, total) => {
    const now = clock();
    if (done >= total) {
      if (shown) io.stderr.write('\r\x1b[K');
      shown = false;
      return;
    }
    if (now - started < 1000 || now - last < 100) return;
    last = now;
    shown = true;
    io.stderr.write(`\r${label} ${done.toLocaleString('en')} / ${total.toLocaleString('en')}\x1b[K`);
  };
}
