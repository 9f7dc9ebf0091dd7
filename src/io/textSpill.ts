// The titles of tasks and the notes of updates a report reads only to write
// its rows, kept in a file of the cache folder rather than in memory. At
// 100,000 records they were a third of what a report held once its records
// were read (about 150 MB of a 430 MB heap), for rows that are made one at
// a time as they are written (RowsByPlace, model/text.ts). The file is
// removed as soon as it is open: nothing is left behind, whatever ends the
// run. ARCHITECTURE.md, "The record store".
import { closeSync, readSync } from 'node:fs';
import type { RecordData, TaskData, UpdateData } from '../model/schema.js';
import { CheckCache, writeAllAt } from './checkCache.js';
import type { Env } from './terminal.js';

/** What is written before it goes to the file: texts are a few dozen bytes each. */
const PENDING = 1024 * 1024;
/** What one read of the file takes in: a record's titles and notes, and often the next record's; and how many such pieces are kept. */
const WINDOW = 4096;
const WINDOWS = 4;
/** Each text is written after its length in bytes (4 bytes, little-endian): a task keeps one number, its offset. */
const PREFIX = 4;
/**
 * A file up to this size is read whole at its first read, not a window at a
 * time: the rows of a list sorted by days overdue read titles all over the
 * file, one `pread` each (at 10,000 records a fifth of a Markdown report's
 * rendering). At 100,000 records the file is larger, and stays on disk.
 */
const WHOLE_BYTES = 32 * 1024 * 1024;

export class TextSpill {
  private readonly pending = Buffer.allocUnsafe(PENDING);
  private used = 0;
  /** Bytes in the file. */
  private written = 0;
  /**
   * The last pieces of the file read, the least recently used first. A row
   * reads its task's title, in its own record's texts, and its latest note,
   * in the texts of the record that updated it: each run of rows in
   * assignment order keeps to a few places of the file.
   */
  private readonly windows: { at: number; size: number; bytes: Buffer }[] = [];
  /** The whole file, when it is small enough (WHOLE_BYTES) and nothing was put since it was read. */
  private whole: Buffer | undefined;
  /**
   * What could not be written (a disk that filled up meanwhile), by offset,
   * from the first write that failed on: held here instead, and nothing more
   * is spilled. A report is never refused for its temporary file.
   */
  private held: { at: number; bytes: Buffer }[] | undefined;
  private readonly spillTask: (task: TaskData) => TaskData;
  private readonly spillUpdate: (update: UpdateData) => UpdateData;

  private constructor(
    private fd: number | undefined,
    private readonly wholeBytes: number,
  ) {
    ({ spillTask: this.spillTask, spillUpdate: this.spillUpdate } = spilledKinds(this));
  }

  /**
   * A spill in the repository's cache folder, or undefined where none can be
   * written (a read-only repository, --no-cache): the texts then stay in memory.
   * `wholeBytes`: up to what size the file is read whole (WHOLE_BYTES).
   */
  static open(root: string, env: Env, wholeBytes = WHOLE_BYTES): TextSpill | undefined {
    const fd = CheckCache.open(root, env)?.openScratch('spill');
    return fd === undefined ? undefined : new TextSpill(fd, wholeBytes);
  }

  /**
   * Moves the titles of `data`'s tasks and the notes of its updates to the
   * file, in place: each task and update becomes one that reads its text
   * back when asked for it.
   */
  spill(data: RecordData): void {
    if (this.held) return;
    const { tasks, updates } = data;
    if (tasks) for (let i = 0; i < tasks.length; i++) tasks[i] = this.spillTask(tasks[i]!);
    if (updates) for (let i = 0; i < updates.length; i++) if (updates[i]!.note) updates[i] = this.spillUpdate(updates[i]!);
  }

  /** Where `text` now lies: the offset in the file of its length, which its UTF-8 bytes follow. */
  put(text: string): number {
    this.whole = undefined;
    const size = Buffer.byteLength(text, 'utf8');
    if (this.used + PREFIX + size > PENDING) this.flush();
    const at = this.written + this.used;
    if (PREFIX + size > PENDING) {
      const bytes = Buffer.allocUnsafe(PREFIX + size);
      bytes.writeUInt32LE(size, 0);
      bytes.write(text, PREFIX, 'utf8');
      this.writeOut(bytes);
    } else {
      this.pending.writeUInt32LE(size, this.used);
      this.pending.write(text, this.used + PREFIX, 'utf8');
      this.used += PREFIX + size;
    }
    return at;
  }

  /** The text `put` placed at `at`. */
  text(at: number): string {
    if (this.used > 0) this.flush();
    const held = this.held?.findLast((chunk) => chunk.at <= at);
    if (held) {
      const start = at - held.at + PREFIX;
      return held.bytes.toString('utf8', start, start + held.bytes.readUInt32LE(start - PREFIX));
    }
    if (!this.whole && !this.held && this.written <= this.wholeBytes) this.whole = this.read(Buffer.allocUnsafe(this.written), 0, this.written);
    if (this.whole) return this.whole.toString('utf8', at + PREFIX, at + PREFIX + this.whole.readUInt32LE(at));
    let window = this.windowHolding(at, PREFIX);
    const size = window.bytes.readUInt32LE(at - window.at);
    const start = at + PREFIX;
    if (start + size > window.at + window.size) {
      // A text longer than a window is read on its own.
      if (PREFIX + size > WINDOW) return this.read(Buffer.allocUnsafe(size), start, size).toString('utf8');
      window = this.windowHolding(at, PREFIX + size);
    }
    return window.bytes.toString('utf8', start - window.at, start - window.at + size);
  }

  /** A window holding the file's `size` bytes from `at` (at most WINDOW), read in when none does. */
  private windowHolding(at: number, size: number): { at: number; size: number; bytes: Buffer } {
    const windows = this.windows;
    for (let i = windows.length - 1; i >= 0; i--) {
      const window = windows[i]!;
      if (at >= window.at && at + size <= window.at + window.size) {
        if (i !== windows.length - 1) windows.push(...windows.splice(i, 1));
        return window;
      }
    }
    const window = windows.length < WINDOWS ? { at: 0, size: 0, bytes: Buffer.allocUnsafe(WINDOW) } : windows.shift()!;
    window.at = at;
    window.size = this.read(window.bytes, at, size).length;
    windows.push(window);
    return window;
  }

  /** The file's bytes from `at` into `into`: all it holds up to its length, `size` at least. */
  private read(into: Buffer, at: number, size: number): Buffer {
    const wanted = Math.max(size, Math.min(into.length, this.written - at));
    let done = 0;
    while (done < wanted) {
      const read = readSync(this.open(), into, done, wanted - done, at + done);
      if (read === 0) break;
      done += read;
    }
    if (done < size) throw new Error('meet: the spill file ended early');
    return into.subarray(0, done);
  }

  /** Closes the file (removed already). The records spilled must not be read after. */
  close(): void {
    this.whole = undefined;
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }

  private open(): number {
    if (this.fd === undefined) throw new Error('meet: a spilled text was read after its run ended');
    return this.fd;
  }

  private flush(): void {
    this.writeOut(this.pending.subarray(0, this.used));
    this.used = 0;
  }

  private writeOut(bytes: Buffer): void {
    if (!this.held) {
      try {
        writeAllAt(this.open(), bytes, this.written);
        this.written += bytes.length;
        return;
      } catch {
        // Whatever part of it was written is read from here too: the piece is held whole.
        this.held = [];
      }
    }
    this.held.push({ at: this.written, bytes: Buffer.from(bytes) });
    this.written += bytes.length;
  }
}

/**
 * A task and an update whose title (note) is in `spill`: the same keys as
 * the parsed values, the text read back on each use. Their fields are set
 * in the constructor, so that V8 gives every instance one compact shape.
 */
function spilledKinds(spill: TextSpill): { spillTask: (task: TaskData) => TaskData; spillUpdate: (update: UpdateData) => UpdateData } {
  class SpilledTask {
    readonly id: string;
    readonly owner: TaskData['owner'];
    readonly due: TaskData['due'];
    readonly sector: TaskData['sector'];
    readonly status: TaskData['status'];
    // Held by the few tasks that say so (TaskWithMore): V8 gives every instance of a class a slot for each field
    // any early instance had, and a slot is 8 bytes on each of 600,000 tasks at 100k records.
    declare readonly recurring: TaskData['recurring'];
    declare readonly directed_by: TaskData['directed_by'];
    readonly #at: number;

    constructor(task: TaskData) {
      this.id = task.id;
      this.owner = task.owner;
      this.due = task.due;
      this.sector = task.sector;
      this.status = task.status;
      this.#at = spill.put(task.title);
    }

    get title(): string {
      return spill.text(this.#at);
    }

    /** As parsed: what JSON.stringify of a record writes (the title after the id). */
    toJSON(): TaskData {
      const { id, owner, due, recurring, sector, status, directed_by } = this;
      return plain({ id, title: this.title, owner, due, recurring, sector, status, directed_by } as TaskData);
    }
  }
  class SpilledUpdate {
    // Not readonly: the load sets it to its task's own (equal) id string (shareUpdateId).
    task: string;
    readonly status: UpdateData['status'];
    readonly #at: number;

    constructor(update: UpdateData) {
      this.task = update.task;
      this.status = update.status;
      this.#at = spill.put(update.note!);
    }

    get note(): string {
      return spill.text(this.#at);
    }

    toJSON(): UpdateData {
      return { task: this.task, status: this.status, note: this.note };
    }
  }
  class TaskWithMore extends SpilledTask {
    override readonly recurring: TaskData['recurring'];
    override readonly directed_by: TaskData['directed_by'];

    constructor(task: TaskData) {
      super(task);
      this.recurring = task.recurring;
      this.directed_by = task.directed_by;
    }
  }
  const spillTask = (task: TaskData): TaskData =>
    (task.recurring === undefined && task.directed_by === undefined ? new SpilledTask(task) : new TaskWithMore(task)) as TaskData;
  return { spillTask, spillUpdate: (update) => new SpilledUpdate(update) as UpdateData };
}

/** `value` without its undefined keys, as the parsed value had none. */
function plain<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
