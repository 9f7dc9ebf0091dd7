// Parsing record files on worker threads (parseThread.ts) for large
// repositories, a batch at a time, and full garbage collections between the
// phases of a large load.
import type { Session } from 'node:inspector';
import { availableParallelism } from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { sharedFactIds } from '../domain/recordFacts.js';
import { dataOfStored, type FileOutcome, type ThreadSettings } from './recordOutcome.js';
import type { RecordFile } from './recordFiles.js';

/**
 * A full garbage collection, between the phases of a large load. V8 lets the
 * heap grow by a good part of what is alive before collecting, and what is
 * alive here only grows: at 100k records that slack was a quarter of the
 * peak memory. No-op where the runtime does not allow it.
 */
let fullCollection: (() => void) | undefined;
export function collectGarbage(twice = false): void {
  if (!fullCollection) {
    try {
      v8.setFlagsFromString('--expose-gc');
      fullCollection = vm.runInNewContext('gc') as () => void;
    } catch {
      fullCollection = () => {};
    }
  }
  fullCollection();
  // Twice where much was just let go: a collection asked for while V8 is marking finishes that marking, and what
  // was let go since it began (the records a build does not read, say) stays until the next one: 40 MB of a
  // report's 260 at 100k records. Not everywhere: at that heap each takes 0.1–0.25 s.
  if (twice) fullCollection();
}
export const FILES_BETWEEN_COLLECTIONS = 20_000;

/** Counts files as they are taken in, with a full collection each time another FILES_BETWEEN_COLLECTIONS have come. */
export function collectingAsTaken(): (files: number) => void {
  let taken = 0;
  return (files) => {
    const before = taken;
    taken += files;
    if (Math.floor(taken / FILES_BETWEEN_COLLECTIONS) > Math.floor(before / FILES_BETWEEN_COLLECTIONS)) collectGarbage();
  };
}

/**
 * What a run parsing a large repository on its own thread (MEET_THREADS=0)
 * does to each outcome, so that it holds what the threads' outcomes hold
 * (parseOnThreads): a fresh copy, through JSON as a thread's comes (a
 * string the reader cut from a file's text, an id or a date, is a view of
 * that text and keeps all of it: two bytes a character once one Vietnamese
 * letter is in it), the facts' ids one string each, and a full collection
 * every FILES_BETWEEN_COLLECTIONS files. At 100k records `check --no-cache`
 * on one thread peaked at 1,635 MiB. Undefined below THREAD_THRESHOLD files,
 * where threads would not be used either and the copies would cost time for
 * little memory.
 */
export function keptAsFromThreads(fileCount: number): ((outcome: FileOutcome) => FileOutcome) | undefined {
  if (fileCount < THREAD_THRESHOLD) return undefined;
  const collecting = collectingAsTaken();
  const shareIds = sharedFactIds();
  return (outcome) => {
    const copy = JSON.parse(JSON.stringify(outcome)) as FileOutcome;
    const kept = copy.record;
    if (kept && 'facts' in kept) shareIds(kept.facts);
    collecting(1);
    return copy;
  };
}

/**
 * V8's young generation may grow again (by its default factor) once the
 * records are read: the binary keeps it at its first size while they load
 * (main.ts), where it added to the peak; the build and the rendering make
 * their garbage at a smaller heap, and scavenged at that size it cost a
 * `tasks` miss at 100k records 5,453 scavenges (4.7 s) and 12% of its time.
 */
export function youngGenerationMayGrow(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=2');
}

/**
 * A full collection that also moves what is alive onto as few pages as it
 * takes and gives the rest back (V8's collection for low memory, which only
 * the inspector protocol asks for from JavaScript; an in-process session
 * opens no port). collectGarbage frees objects but leaves the pages they
 * were on: after a large load let go of tens of thousands of records, a
 * report's heap at 100,000 records held 290 MB of pages for 210 MB of
 * objects, and a build grew it further rather than fill the holes. Slower
 * than collectGarbage (several passes): for the one point before a build.
 * Where the runtime has no inspector, collectGarbage.
 */
export async function compactGarbage(): Promise<void> {
  let session: Session;
  try {
    session = new (await import('node:inspector')).Session();
    session.connect();
  } catch {
    collectGarbage(true);
    return;
  }
  await new Promise<void>((resolve) => session.post('HeapProfiler.collectGarbage', () => resolve()));
  session.disconnect();
}

/**
 * What an error of no use any more goes to (a finished thread's, a message to
 * a filling process that has ended). Defined here, not where it is set: a
 * closure made there keeps that scope, and with it every outcome.
 */
export const ignoreError = (): void => {};

// Below this many files, starting threads costs more than it saves.
const THREAD_THRESHOLD = 2000;
// Small enough that a batch's JSON (about 1.3 KB a record with facts only) stays out of
// V8's large-object space, where garbage waits for a full collection.
const FILES_PER_JOB = 48;

/**
 * A thread's heap. Whole records make garbage several times faster than
 * facts: with an 8 MB young generation a thread of `report` spent a sixth of
 * its time scavenging, and 32 MB took a sixth off its CPU time. `check` keeps
 * 8 MB: its threads count towards the 400 MiB it must fit at 100k records.
 */
const FACTS_HEAP = { oldMb: 64, youngMb: 8 };
const FULL_HEAP = { oldMb: 64, youngMb: 32 };

/** How many parser threads to use for `fileCount` files; `asked` (MEET_THREADS) overrides (0: none). */
export function parserThreads(fileCount: number, asked?: number): number {
  const wanted = asked !== undefined ? Math.min(asked, 16) : fileCount < THREAD_THRESHOLD ? 0 : Math.min(availableParallelism(), 4);
  // No thread without a batch of its own.
  return Math.min(wanted, Math.ceil(fileCount / FILES_PER_JOB));
}

/**
 * What a thread sends back for a batch: the outcomes as JSON text, and the
 * record store's entries (null: none), which hold those records' data;
 * with `forward` (ThreadSettings), that text in UTF-8, and each file's
 * content hash; with `storeOnly`, the entries and hashes alone.
 */
export type ThreadReply = { outcomes: string; stored: (Uint8Array | null)[] } | ForwardedReply | StoredReply;
export interface ForwardedReply {
  encoded: Uint8Array;
  stored: (Uint8Array | null)[];
  keys: (string | null)[];
}
/**
 * A batch's store entries in one buffer: the k-th file's from `ends[k - 1]`
 * (0 for the first) to `ends[k]`, none where the two are equal; and each
 * file's content hash (null where it could not be read).
 */
export interface StoredReply {
  entries: Uint8Array;
  ends: Int32Array;
  keys: (string | null)[];
}

/**
 * Parses `files` on `threads` worker threads, a batch at a time. A thread that
 * fails (out of memory on a hostile record, say) takes no more batches, and
 * what it did not return is left undefined: the caller reads those files itself.
 * `received` is called with each outcome as it arrives (the index is into `files`).
 * With `passed`, each batch's reply goes to it as it came (its first file's
 * index beside it) and nothing is read or kept here (fillStore).
 */
export function parseOnThreads(
  files: RecordFile[],
  settings: ThreadSettings,
  threads: number,
  progress: (done: number) => void,
  received: (index: number, outcome: FileOutcome, stored: Uint8Array | undefined) => void = () => {},
  heap: { oldMb: number; youngMb: number } = settings.detail === 'facts' ? FACTS_HEAP : FULL_HEAP,
  passed?: (start: number, reply: ForwardedReply | StoredReply) => void,
): Promise<(FileOutcome | undefined)[]> {
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const collecting = collectingAsTaken();
  let running = threads;
  // Updates name tasks of other meetings: their ids become the same strings as the tasks' own (a fifth of check's memory at 100k).
  const shareIds = sharedFactIds();
  return new Promise((resolve) => {
    const workers: Worker[] = [];
    const parsers: { give: () => void; held: readonly number[]; end: () => void }[] = [];
    const finish = () => {
      if (--running > 0) return;
      for (const worker of workers) {
        // A thread ends after this returns: until then its listeners would hold every outcome (a cold run's
        // 100,000 records, through the build that follows). An error it still reports is of no use now.
        worker.removeAllListeners();
        worker.on('error', ignoreError);
        void worker.terminate();
      }
      resolve(outcomes);
    };
    for (let t = 0; t < threads; t++) {
      // A thread holds two batches of files at a time: a small heap is plenty.
      const worker = new Worker(new URL('./parseThread.js', import.meta.url), {
        workerData: settings,
        resourceLimits: { maxOldGenerationSizeMb: heap.oldMb, maxYoungGenerationSizeMb: heap.youngMb },
      });
      workers.push(worker);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        finish();
      };
      // Where each batch the thread holds starts, oldest first: it holds two, so that it parses
      // the next while this thread takes in the last (decoding records, writing the store).
      const held: number[] = [];
      const give = () => {
        if (next >= files.length) return;
        held.push(next);
        const job = files.slice(next, next + FILES_PER_JOB);
        next += job.length;
        worker.postMessage(job);
      };
      worker.on('message', (reply: ThreadReply) => {
        const start = held.shift()!;
        give();
        if (!('outcomes' in reply)) passed?.(start, reply);
        else {
          const batch = JSON.parse(reply.outcomes) as FileOutcome[];
          for (let k = 0; k < batch.length; k++) {
            const kept = batch[k]!.record;
            if (kept && 'facts' in kept) shareIds(kept.facts);
            const stored = reply.stored[k] ?? undefined;
            if (kept && stored !== undefined && kept.data === null) kept.data = dataOfStored(stored);
            outcomes[start + k] = batch[k]!;
            received(start + k, batch[k]!, stored);
          }
        }
        const files = 'outcomes' in reply ? reply.stored.length : reply.keys.length;
        done += files;
        collecting(files);
        progress(done);
        if (held.length === 0) end();
      });
      worker.on('error', end);
      worker.on('exit', end);
      parsers.push({ give, held, end });
    }
    // A first batch for every thread, then a second.
    for (const thread of parsers) thread.give();
    for (const thread of parsers) thread.give();
    for (const thread of parsers) if (thread.held.length === 0) thread.end();
  });
}
