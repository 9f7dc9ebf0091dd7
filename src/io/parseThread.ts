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
  const stored = parsed.map(({ outcome, stored }) => {
    if (stored === undefined) return null;
    if (!settings.project && !settings.forward) (outcome.record as { data?: unknown }).data = null;
    return stored;
  });
  // Filling the store without passing the outcomes on, the other side keeps nothing: each entry's key is all it reads.
  const outcomes = JSON.stringify(
    settings.storeOnly ? parsed.map(({ outcome: { hash } }) => (hash === undefined ? { findings: [] } : { findings: [], hash })) : parsed.map((p) => p.outcome),
  );
  const entries = stored.flatMap((bytes) => (bytes ? [bytes.buffer as ArrayBuffer] : []));
  if (settings.forward) {
    // Filling the store, the other side passes the outcomes on unread, as UTF-8 (a string with one Vietnamese
    // letter is two bytes a character, and each went through that heap); it is told each entry's key.
    const encoded = encoder.encode(outcomes);
    const reply: ThreadReply = { encoded, stored, keys: parsed.map(({ outcome }) => outcome.hash ?? null) };
    parentPort!.postMessage(reply, [...entries, encoded.buffer as ArrayBuffer]);
  } else parentPort!.postMessage({ outcomes, stored } satisfies ThreadReply, entries);
});
