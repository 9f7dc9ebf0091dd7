// A parser thread (parserThreads.ts): reads, parses and checks against the
// config the batches of record files it is given, and sends back their
// outcomes (plain data: see FileOutcome).
import { parentPort, workerData } from 'node:worker_threads';
import { projectKept } from '../domain/projection.js';
import type { RecordData } from '../model/schema.js';
import { parseFile, type ThreadSettings } from './recordOutcome.js';
import type { RecordFile } from './recordFiles.js';
import type { ThreadReply } from './parserThreads.js';

const settings = workerData as ThreadSettings;
// (Its words are shared on the other side, where the strings are made.)
const keep = settings.project && projectKept(settings.project, false);
parentPort!.on('message', (files: RecordFile[]) => {
  const parsed = files.map((entry) => parseFile(entry, settings.config, settings));
  // Outcomes as JSON text: the strings parsed from it on the other side are
  // fresh and compact (one byte a character where they can be). Cloned, a
  // task id cut from a Vietnamese text would stay two bytes a character.
  // A record's store entry goes as its bytes, handed over without a copy,
  // to be written to the store. What the command keeps of the record goes
  // in the outcome (most of it dropped here, not decoded and parsed again
  // there); without a projection, the other side takes the data from the entry.
  const stored = parsed.map(({ outcome, stored }) => {
    if (stored === undefined) return null;
    const record = outcome.record!;
    if (!keep) (record as { data?: unknown }).data = null;
    else {
      const { data, facts } = keep(record.data as RecordData);
      if (facts) outcome.record = { data, facts, bodyLine: record.bodyLine };
      else record.data = data;
    }
    return stored;
  });
  const reply: ThreadReply = { outcomes: JSON.stringify(parsed.map((p) => p.outcome)), stored };
  parentPort!.postMessage(
    reply,
    stored.flatMap((bytes) => (bytes ? [bytes.buffer as ArrayBuffer] : [])),
  );
});
