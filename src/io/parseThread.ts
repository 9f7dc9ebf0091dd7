// A parser thread (parserThreads.ts): reads, parses and checks against the
// config the batches of record files it is given, and sends back their
// outcomes (plain data: see FileOutcome).
import { parentPort, workerData } from 'node:worker_threads';
import { readFileOutcome, type ThreadSettings } from './recordOutcome.js';
import type { RecordFile } from './recordFiles.js';

const settings = workerData as ThreadSettings;
parentPort!.on('message', (files: RecordFile[]) => {
  // As JSON text: the strings parsed from it on the other side are fresh and
  // compact (one byte a character where they can be). Cloned, a task id cut
  // from a Vietnamese text would stay two bytes a character.
  parentPort!.postMessage(JSON.stringify(files.map((entry) => readFileOutcome(entry, settings.config, settings))));
});
