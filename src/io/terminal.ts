// The process's streams, folder, environment and clock, passed to commands
// explicitly so tests and the CLI wire the same code: nothing below main.ts
// reads process.env, process.cwd() or the clock itself. Colours are in
// colors.ts, so that `meet --help` does not load chalk.
import { isatty } from 'node:tty';
import { formatNumber } from '../model/format.js';
import type { Messages } from '../model/messages/index.js';
import type { Locale } from '../model/terms.js';
import type { OutputChunk } from '../model/text.js';

export interface OutStream {
  /** Bytes are UTF-8 text in pieces that may split a character (the output memo's data). False: the stream is full, wait for 'drain'. */
  write(text: string | Uint8Array): unknown;
  isTTY?: boolean;
  /** process.stdout's: a pipe that is read slower than it is written holds what is written until then. */
  once?(event: 'drain', listener: () => void): unknown;
}

interface InStream {
  isTTY?: boolean;
  /** Where prompts read answers; only read on a terminal. */
  readable?: NodeJS.ReadableStream;
}

/** Environment variables, read-only: commands never change the process's environment. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface Io {
  cwd: string;
  env: Env;
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  /** The current moment: "today" is read from it in the config's time zone. */
  now: () => Date;
  /** False when --no-color was given. */
  colorAllowed: boolean;
  /**
   * The language of this run (io/locale.ts): set by main() from --locale, the
   * repository or the environment. Unset only when a test calls a command
   * directly: the repository's own locale is used then.
   */
  locale?: Locale;
}

export function processIo(colorAllowed = true): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // process.stdin is made on first use (a stream over a pipe or a file, 4–6 ms): only a prompt reads it.
    stdin: {
      isTTY: isatty(0),
      get readable() {
        return process.stdin;
      },
    },
    now: () => new Date(),
    colorAllowed,
  };
}

/** Writes text to stdout with a final newline, unless it already ends with one. */
export function printData(io: Io, text: string): void {
  io.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
}

/**
 * Writes text produced in pieces (a large JSON output: render/ yields it
 * piece by piece) to stdout as they come, with a final newline unless the
 * last non-empty piece ends with one (or `newline` is false): what printData
 * does with their concatenation. A piece that fills a pipe is waited out
 * before the next is made: Node keeps what a pipe cannot take yet in memory,
 * and a report at 100k records piped into a slower reader held half a
 * gigabyte of it. EPIPE ends the process in main.ts.
 */
export async function printDataChunks(io: Io, chunks: Iterable<OutputChunk>, newline = true): Promise<void> {
  let endsLine = true;
  for (const given of chunks) {
    // JSON still to be escaped (JsonPiece) is escaped as text; known by shape: this module loads at start-up, classes do not.
    const chunk = typeof given === 'object' && !(given instanceof Uint8Array) ? given.toString() : given;
    if (chunk.length === 0) continue;
    if (io.stdout.write(chunk) === false && io.stdout.once) await new Promise<void>((resolve) => io.stdout.once!('drain', resolve));
    endsLine = typeof chunk === 'string' ? chunk.endsWith('\n') : chunk[chunk.length - 1] === 0x0a;
  }
  if (newline && !endsLine) io.stdout.write('\n');
}

export function printMessage(io: Io, text: string): void {
  io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** How a command reads records for the user: a progress line on a terminal, MEET_THREADS, and the language of findings. */
export function readingFor(io: Io): { progress: (done: number, total: number) => void; threads?: number; locale?: Locale } {
  const asked = io.env.MEET_THREADS;
  const threads = asked !== undefined && /^\d+$/.test(asked) ? Number(asked) : undefined;
  return { progress: progressOnTerminal(io), ...(threads === undefined ? {} : { threads }), ...(io.locale ? { locale: io.locale } : {}) };
}

/**
 * A progress line on stderr ("reading records 4,200 / 10,000", "đang đọc biên bản 4.200 / 10.000") for runs that
 * take more than about a second; nothing at all when stderr is not a
 * terminal. The line is cleared when done reaches total.
 */
export function progressOnTerminal(io: Io, label?: string, clock: () => number = () => io.now().getTime()): (done: number, total: number) => void {
  if (!io.stderr.isTTY) return () => {};
  // The catalogue loads meanwhile (nothing shows in the first second): a
  // static import would load it for `meet --help` and `--version` too.
  let catalogue: Messages | undefined;
  if (label === undefined) void import('../model/messages/index.js').then((module) => (catalogue = module.messages(io.locale ?? 'en')));
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
    const locale = io.locale ?? 'en';
    if (label === undefined && !catalogue) return;
    const text = catalogue ? catalogue.progress.reading(done, total) : `${label} ${formatNumber(locale, done)} / ${formatNumber(locale, total)}`;
    io.stderr.write(`\r${text}\x1b[K`);
  };
}
