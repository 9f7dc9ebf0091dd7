// The thread of a WriteBehind (writeBehind.ts): writes the pieces it is
// handed to the file, in order, hashing them, and says how far it got in
// the shared memory, which the command's thread waits on.
import { createHash } from 'node:crypto';
import { fsyncSync, writeSync } from 'node:fs';
import { workerData, type MessagePort } from 'node:worker_threads';
import { WRITE_THREAD_SLOTS, type ThreadEnd } from './writeBehind.js';

const { WRITTEN, STATE, STOP, ENDED } = WRITE_THREAD_SLOTS;

const { fd, hash, sync, shared, port } = workerData as { fd: number; hash: boolean; sync: boolean; shared: BigInt64Array; port: MessagePort };
const digest = hash ? createHash('sha256') : undefined;
let written = 0;
let over = false;

port.on('message', (message: Uint8Array | { end: true }) => {
  if (over) return;
  try {
    if (Atomics.load(shared, STOP) !== 0n) return finish({ stopped: true });
    if (!(message instanceof Uint8Array)) {
      if (sync) fsyncSync(fd);
      return finish(digest ? { hash: digest.digest('base64url') } : {});
    }
    digest?.update(message);
    for (let done = 0; done < message.length;) done += writeSync(fd, message, done, message.length - done);
    written += message.length;
    // Given back to be filled again, before the count that the other side waits on.
    port.postMessage(message, [message.buffer as ArrayBuffer]);
    Atomics.store(shared, WRITTEN, BigInt(written));
    Atomics.notify(shared, WRITTEN);
  } catch (error) {
    const { message: text, code, errno, syscall } = error as NodeJS.ErrnoException;
    finish({ error: { message: String(text), code, errno, syscall } });
  }
});

/** The answer first, then the state the command's thread waits on: it reads the answer once the state changes. */
function finish(end: ThreadEnd): void {
  over = true;
  port.postMessage(end);
  Atomics.store(shared, STATE, ENDED);
  Atomics.notify(shared, STATE);
  Atomics.notify(shared, WRITTEN);
  port.close();
}
