// The process's streams and environment, passed to commands explicitly so
// tests and the CLI wire the same code. Colours are in colors.ts, so that
// `meet --help` does not load chalk.

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
