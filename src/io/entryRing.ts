// The record store's entries as the process filling it (storeFiller.ts)
// passes them on to the command that asked, through a scratch file of the
// cache folder used as a ring, not through the IPC channel: a message of a
// batch's entries (~300 KB) was copied six times on its way, and the
// buffers it arrived in, garbage until the next collection, stayed in the
// command's allocator: ~15 MB more at the peak of a first report at
// 100,000 records. Through the ring each batch is written once and read
// once into the same buffer. ARCHITECTURE.md, "The record store".
import { readSync } from 'node:fs';
import { writeAllAt } from './checkCache.js';

/** The ring's size: the filling process may run ~0.2 s ahead of the command at 100,000 records (a batch is ~300 KB). */
export const RING_BYTES = 8 * 1024 * 1024;
/** The ring's file in the filling process: the fifth of its stdio (after stdin, stdout, stderr and the channel). */
export const RING_FD = 4;

/**
 * The writing end: each batch's bytes go in once the command has taken
 * enough of what was written before (`taken`), so nothing unread is
 * written over; until then they wait here.
 */
export class RingWriter {
  private written = 0;
  private takenUpTo = 0;
  private failed = false;
  private readonly waiting: { bytes: Uint8Array; sent: (at: number) => void }[] = [];
  private drained: (() => void) | undefined;

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {}

  /**
   * Writes `bytes` into the ring when there is room, then tells `sent`
   * where they start (counted from the ring's first byte ever written);
   * -1 when they never will be: larger than the ring, or it could not be
   * written (the command then reads them where they are stored).
   */
  put(bytes: Uint8Array, sent: (at: number) => void): void {
    if (this.failed || bytes.length > this.size) sent(-1);
    else if (this.waiting.length > 0 || !this.fits(bytes)) this.waiting.push({ bytes, sent });
    else sent(this.write(bytes));
  }

  /** The command has read everything before `upTo`. */
  taken(upTo: number): void {
    this.takenUpTo = Math.max(this.takenUpTo, Math.min(upTo, this.written));
    while (this.waiting.length > 0 && (this.failed || this.fits(this.waiting[0]!.bytes))) {
      const { bytes, sent } = this.waiting.shift()!;
      sent(this.failed ? -1 : this.write(bytes));
    }
    if (this.waiting.length === 0) this.drained?.();
  }

  /** Resolves once every batch put has been written and told. */
  end(): Promise<void> {
    return this.waiting.length === 0 ? Promise.resolve() : new Promise((resolve) => (this.drained = resolve));
  }

  private fits(bytes: Uint8Array): boolean {
    return this.written + bytes.length - this.takenUpTo <= this.size;
  }

  private write(bytes: Uint8Array): number {
    const at = this.written;
    try {
      writeAround(this.fd, this.size, bytes, at);
    } catch {
      this.failed = true;
      return -1;
    }
    this.written += bytes.length;
    return at;
  }
}

/** The reading end: each batch read into the same buffer, valid until the next read. */
export class RingReader {
  private buffer = Buffer.alloc(0);

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {}

  /** The `length` bytes written at `at`; undefined when they cannot be read. */
  read(at: number, length: number): Buffer | undefined {
    if (length > this.size || at < 0) return undefined;
    if (this.buffer.length < length) this.buffer = Buffer.allocUnsafe(Math.max(length, 2 * this.buffer.length));
    const into = this.buffer.subarray(0, length);
    try {
      const first = Math.min(length, this.size - (at % this.size));
      readFully(this.fd, into.subarray(0, first), at % this.size);
      if (first < length) readFully(this.fd, into.subarray(first), 0);
    } catch {
      return undefined;
    }
    return into;
  }
}

/** `bytes` written at `at` of a ring of `size` bytes: up to its end, the rest from its start. */
function writeAround(fd: number, size: number, bytes: Uint8Array, at: number): void {
  const start = at % size;
  const first = Math.min(bytes.length, size - start);
  writeAllAt(fd, bytes.subarray(0, first), start);
  if (first < bytes.length) writeAllAt(fd, bytes.subarray(first), 0);
}

function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let done = 0; done < into.length;) {
    const read = readSync(fd, into, done, into.length - done, position + done);
    if (read === 0) throw new Error('meet: the ring ended early');
    done += read;
  }
}
