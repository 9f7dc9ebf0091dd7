// Bytes written to a file, and hashed, by a thread of their own once there
// are many of them. A report at 100,000 records is hundreds of megabytes,
// which the output memo keeps and a digest writes: copied, hashed and
// written on the command's thread, that was 2 s of a cold html report, and
// 2.5 s of a digest, while the other core sat idle (ARCHITECTURE.md, "The
// output memo"). A small output is written here, at the end, as before.
import { createHash, type Hash } from 'node:crypto';
import { existsSync, fsyncSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { escapeInJson, JsonPiece, type OutputChunk } from '../model/text.js';

/** Bytes held before a thread is started: below this the output is written on this thread, at the end. */
const THREAD_FROM = 4 * 1024 * 1024;
/** What is handed to the thread at a time (the renderers' pieces are a few kilobytes). */
const PIECE = 1024 * 1024;
/** Handed over but not yet written: past this the command waits for the disk. */
const IN_FLIGHT = 4 * 1024 * 1024;

/**
 * The slab `utf8Pieces` encodes into. Under the C allocator's threshold for
 * a mapping of its own (128 KiB): slabs of a mebibyte, each mapped afresh
 * and held until a collection, put 17 MB on a cold JSON report's peak.
 */
const SLAB = 64 * 1024;

/**
 * Encodes the text pieces of an output to UTF-8 one after the other into
 * slabs, each piece's bytes one view of a slab, or two or more where it
 * ran on into the next: a Buffer made for each piece (Buffer.from) cost
 * twice the encoding itself, and a report's JSON at 100k records is 78,000
 * pieces, 626 MB, most of them runs of 32 task rows (about 25,000
 * characters, which once went to Buffer.from as too long for a slab). A
 * slab is never written again once full, so a view handed on (to a stream
 * that writes it later) keeps its bytes.
 */
export function utf8Pieces(): (text: string) => Buffer[] {
  const encoder = new TextEncoder();
  let slab = Buffer.allocUnsafeSlow(SLAB);
  let used = 0;
  return (text) => {
    const views: Buffer[] = [];
    for (let rest = text; ;) {
      // A character is written whole or not at all: `read` counts the UTF-16 units taken.
      const { read, written } = encoder.encodeInto(rest, slab.subarray(used));
      if (written > 0) views.push(slab.subarray(used, used + written));
      used += written;
      if (read === rest.length) return views;
      rest = rest.slice(read);
      slab = Buffer.allocUnsafeSlow(SLAB);
      used = 0;
    }
  };
}

/**
 * An output's chunks as UTF-8, one after the other (utf8Pieces): text
 * encoded, JSON still to be escaped (JsonPiece) encoded and then escaped
 * where its bytes hold a character escapeInJson escapes, bytes as they are.
 */
export function utf8Chunks(): (chunk: OutputChunk) => readonly Uint8Array[] {
  const encode = utf8Pieces();
  return (chunk) => {
    if (typeof chunk === 'string') return encode(chunk);
    if (!(chunk instanceof JsonPiece)) return [chunk];
    const views = encode(chunk.unescaped);
    // A view holds whole characters (encodeInto writes none in part): nearly always none to escape.
    for (let i = 0; i < views.length; i++) if (escapedInJson(views[i]!)) views[i] = Buffer.from(escapeInJson(views[i]!.toString('utf8')), 'utf8');
    return views;
  };
}

/**
 * Whether UTF-8 `bytes` hold a character escapeInJson escapes (U+007F to
 * U+009F, U+061C, U+200E, U+200F, U+2028 to U+202E, U+2066 to U+2069),
 * found by their first bytes (memchr, through Buffer's indexOf) and then
 * the bytes after them. Lead bytes are never continuation bytes: a find is
 * the start of a character. A test holds this against escapeInJson for
 * every character.
 */
export function escapedInJson(bytes: Buffer): boolean {
  if (bytes.indexOf(0x7f) !== -1) return true;
  // C2 80 to C2 9F: U+0080 to U+009F.
  for (let i = bytes.indexOf(0xc2); i !== -1; i = bytes.indexOf(0xc2, i + 2)) if (bytes[i + 1]! <= 0x9f) return true;
  // D8 9C: U+061C.
  for (let i = bytes.indexOf(0xd8); i !== -1; i = bytes.indexOf(0xd8, i + 2)) if (bytes[i + 1] === 0x9c) return true;
  // E2 80 8E, E2 80 8F, E2 80 A8 to AE: U+200E, U+200F, U+2028 to U+202E; E2 81 A6 to A9: U+2066 to U+2069.
  for (let i = bytes.indexOf(0xe2); i !== -1; i = bytes.indexOf(0xe2, i + 3)) {
    const second = bytes[i + 1];
    const third = bytes[i + 2]!;
    if (second === 0x80 ? third === 0x8e || third === 0x8f || (third >= 0xa8 && third <= 0xae) : second === 0x81 && third >= 0xa6 && third <= 0xa9) return true;
  }
  return false;
}

/** Slots of the memory shared with the thread. */
const WRITTEN = 0;
const STATE = 1;
const STOP = 2;
/** STATE's values. */
const RUNNING = 0n;
const ENDED = 1n;

export interface WriteBehindOptions {
  /** The sha256 of all the bytes (base64url, as contentHash) is wanted. */
  hash?: boolean;
  /** The file is flushed to the disk before end() returns. */
  sync?: boolean;
  /** THREAD_FROM, for tests. */
  threadFrom?: number;
}

/** What the thread says once it has stopped. */
export type ThreadEnd = { hash?: string } | { error: { message: string; code?: string; errno?: number; syscall?: string } } | { stopped: true };

/**
 * Writes the bytes given to `fd` (at its current position), in order.
 * Errors surface from write() or end() as writeSync's would. The caller
 * keeps the file open until end() or stop() has returned: the thread writes
 * to that number.
 */
export class WriteBehind {
  /** Whole pieces not handed over: before the thread starts, everything given. */
  private held: Buffer[] = [];
  private pending: Buffer = Buffer.allocUnsafeSlow(PIECE);
  /** Pieces the thread has written and given back, to be filled again: the output's bytes never pile up as garbage. */
  private spare: Buffer[] = [];
  /** What the thread said when it ended, read from the port while taking back pieces. */
  private said: ThreadEnd | undefined;
  private used = 0;
  private handed = 0;
  private thread: { worker: Worker; port: MessagePort; shared: BigInt64Array; lost?: Error } | undefined;
  private finished = false;
  /** stop() was called: nothing more is written. */
  private stopped = false;
  /** The hash of what is written on this thread (no thread started). */
  private readonly digest: Hash | undefined;
  /** What the thread met: thrown by every later write() and by end(). */
  private failure: Error | undefined;

  constructor(
    private readonly fd: number,
    private readonly options: WriteBehindOptions = {},
  ) {
    this.digest = options.hash ? createHash('sha256') : undefined;
  }

  write(bytes: Uint8Array): void {
    if (this.stopped) return;
    for (let at = 0; at < bytes.length;) {
      const taken = Math.min(PIECE - this.used, bytes.length - at);
      this.pending.set(bytes.subarray(at, at + taken), this.used);
      this.used += taken;
      at += taken;
      if (this.used === PIECE) this.hold();
    }
  }

  /** Everything written (and flushed, with `sync`); the hash with `hash`. Throws what the writing met. */
  end(): string | undefined {
    if (this.failure) throw this.failure;
    if (this.stopped) return undefined;
    this.finished = true;
    if (this.used > 0) this.hold(this.pending.subarray(0, this.used), false);
    if (!this.thread) {
      this.writeHere();
      if (this.options.sync) fsyncSync(this.fd);
      return this.digest?.digest('base64url');
    }
    this.thread.port.postMessage({ end: true });
    const end = this.ended();
    return 'hash' in end ? end.hash : undefined;
  }

  /**
   * Stops without finishing (the command stopped writing, or failed): the
   * thread writes nothing more once this returns, so the file can be closed.
   */
  stop(): void {
    this.stopped = true;
    this.finished = true;
    this.held = [];
    if (!this.thread) return;
    Atomics.store(this.thread.shared, STOP, 1n);
    this.thread.port.postMessage({ end: true });
    this.waitForEnd();
  }

  /** The piece `pending` (whole) to the thread, or held until there is enough to start one. */
  private hold(piece = this.pending, fresh = true): void {
    if (this.failure) throw this.failure;
    if (this.thread) this.hand(piece);
    else this.held.push(piece);
    if (fresh) {
      this.pending = this.spare.pop() ?? Buffer.allocUnsafeSlow(PIECE);
      this.used = 0;
    }
    if (this.thread) return;
    // Every piece held is whole until the last (given with `finished` set).
    if (this.held.length * PIECE < (this.options.threadFrom ?? THREAD_FROM) || this.finished) return;
    // Without the thread's module, written here as it comes: never the whole output held.
    if (!threadFile()) return this.writeHere();
    this.start();
    for (const held of this.held) this.hand(held);
    this.held = [];
  }

  /** The pieces held, written (and hashed) on this thread. */
  private writeHere(): void {
    for (const piece of this.held) {
      this.digest?.update(piece);
      for (let done = 0; done < piece.length;) done += writeSync(this.fd, piece, done, piece.length - done);
      // Written: filled again (the last piece of an output is only part of its buffer).
      if (piece.length === PIECE) this.spare.push(piece);
    }
    this.held = [];
  }

  private start(): void {
    const shared = new BigInt64Array(new SharedArrayBuffer(3 * BigInt64Array.BYTES_PER_ELEMENT));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(threadFile()!, {
      workerData: { fd: this.fd, hash: Boolean(this.options.hash), sync: Boolean(this.options.sync), shared, port: port2 },
      transferList: [port2],
    });
    // Neither keeps the process running: end() and stop() wait for the thread themselves.
    worker.unref();
    port1.unref();
    const started = (this.thread = { worker, port: port1, shared } as NonNullable<WriteBehind['thread']>);
    // A thread that could not run (no memory for it): told when this thread next waits on its loop, as its end.
    worker.on('error', (error: Error) => {
      started.lost = error;
      Atomics.store(shared, STATE, ENDED);
    });
  }

  /** A piece to the thread, without a copy; waits while too much is still to be written. */
  private hand(piece: Buffer): void {
    const { port, shared } = this.thread!;
    // Past IN_FLIGHT, or once the thread has failed (its error is end()'s).
    for (;;) {
      const written = Atomics.load(shared, WRITTEN);
      this.takeBack();
      if (this.said !== undefined || Atomics.load(shared, STATE) !== RUNNING) {
        this.ended();
        // Only an error ends the thread before end() or stop().
        throw (this.failure = new Error('meet: the thread writing a file stopped early'));
      }
      if (this.handed - Number(written) + piece.length <= IN_FLIGHT) break;
      Atomics.wait(shared, WRITTEN, written, 1000);
    }
    // The last piece is part of its buffer: sent as a buffer of its own (never a view of Node's shared pool).
    let whole = piece;
    if (piece.length !== PIECE) piece.copy((whole = Buffer.allocUnsafeSlow(piece.length)));
    // Counted first: sent, the piece is detached (its length 0).
    this.handed += piece.length;
    port.postMessage(whole, [whole.buffer as ArrayBuffer]);
  }

  /** The pieces the thread has written, to fill again; what it said if it has ended. */
  private takeBack(): void {
    const { port } = this.thread!;
    for (let got = receiveMessageOnPort(port); got; got = receiveMessageOnPort(port)) {
      const message = got.message as Uint8Array | ThreadEnd;
      // Only whole pieces are filled again (the last piece of an output is sent as a buffer of its size).
      if (!(message instanceof Uint8Array)) this.said = message;
      else if (message.byteLength === PIECE) this.spare.push(Buffer.from(message.buffer, message.byteOffset, message.byteLength));
    }
  }

  /** What the thread said once stopped; its error thrown (and kept for every later call). */
  private ended(): ThreadEnd {
    const end = this.waitForEnd();
    if (!('error' in end)) return end;
    this.finished = true;
    this.failure = Object.assign(new Error(end.error.message), end.error);
    throw this.failure;
  }

  /** Blocks until the thread has stopped; what it said. */
  private waitForEnd(): ThreadEnd {
    const { worker, port, shared } = this.thread!;
    while (Atomics.load(shared, STATE) === RUNNING) Atomics.wait(shared, STATE, RUNNING, 1000);
    this.takeBack();
    const lost = this.thread!.lost;
    const end = this.said ?? (lost ? { error: { message: lost.message } } : { stopped: true });
    this.spare = [];
    port.close();
    void worker.terminate();
    this.thread = undefined;
    return end;
  }
}

let thread: URL | null | undefined;

/**
 * The thread's module, where there is one: the build's. Run from the
 * sources (the in-process tests), everything is written on this thread: a
 * thread that cannot load would never say it has ended.
 */
function threadFile(): URL | null {
  if (thread === undefined) {
    const url = new URL('./writeThread.js', import.meta.url);
    thread = existsSync(fileURLToPath(url)) ? url : null;
  }
  return thread;
}

/** The shared slots and states, for the thread. */
export const WRITE_THREAD_SLOTS = { WRITTEN, STATE, STOP, RUNNING, ENDED } as const;
