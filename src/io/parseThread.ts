// A parser thread (parserThreads.ts): reads, parses and checks against the
// config the batches of record files it is given, and sends back their
// outcomes (plain data: see FileOutcome).
import { parentPort, workerData } from 'node:worker_threads';
import { parseFile, type ThreadSettings } from './recordOutcome.js';
import type { RecordFile } from './recordFiles.js';
import type { ThreadReply } from './parserThreads.js';

const settings = workerData as ThreadSettings;
const encoder = new TextEncoder();
parentPort!.on('message', (files: RecordFile[]) => {
  const parsed = files.map((entry) => parseFile(entry, settings.config, settings));
  // Outcomes as JSON text: the strings parsed from it on the other side are
  // fresh and compact (one byte a character where they can be). Cloned, a
  // task id cut from a Vietnamese text would stay two bytes a character.
  // A record's store entry goes as its bytes, handed over without a copy,
  // to be written to the store. What the command keeps of the record
  // (projected by parseFile) goes in the outcome, so the other side does not
  // decode and parse the whole entry; without a projection, it takes the
  // data from the entry.
  if (settings.storeOnly) {
    // Filling the store, the other side keeps nothing of the records: each entry's key and bytes are all it reads,
    // the batch's entries in one buffer (one ArrayBuffer handed over a batch, not one a record).
    let size = 0;
    for (const { stored } of parsed) size += stored?.length ?? 0;
    const entries = new Uint8Array(size);
    const ends = new Int32Array(parsed.length);
    let at = 0;
    parsed.forEach(({ stored }, k) => {
      if (stored) entries.set(stored, at);
      at += stored?.length ?? 0;
      ends[k] = at;
    });
    const reply: ThreadReply = { entries, ends, keys: parsed.map(({ outcome }) => outcome.hash ?? null) };
    parentPort!.postMessage(reply, [entries.buffer]);
    return;
  }
  const stored = parsed.map(({ outcome, stored }) => {
    if (stored === undefined) return null;
    if (!settings.project && !settings.forward) (outcome.record as { data?: unknown }).data = null;
    return stored;
  });
  const outcomes = JSON.stringify(parsed.map((p) => p.outcome));
  const entries = stored.flatMap((bytes) => (bytes ? [bytes.buffer as ArrayBuffer] : []));
  if (settings.forward) {
    // Filling the store, the other side passes the outcomes on unread, as UTF-8 (a string with one Vietnamese
    // letter is two bytes a character, and each went through that heap); it is told each entry's key.
    const encoded = encoder.encode(outcomes);
    const reply: ThreadReply = { encoded, stored, keys: parsed.map(({ outcome }) => outcome.hash ?? null) };
    parentPort!.postMessage(reply, [...entries, encoded.buffer as ArrayBuffer]);
  } else parentPort!.postMessage({ outcomes, stored } satisfies ThreadReply, entries);
});
