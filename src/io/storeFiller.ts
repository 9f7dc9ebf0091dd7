// A child process that fills the record store of a large repository
// (recordStore.ts, fillStore): it parses the records on its own parser
// threads, writes the shards, passes each batch on to the command that asked
// (its entries through the ring the command gave, entryRing.ts, or the outcomes
// its threads projected), then exits, and with it whatever memory those
// threads left behind. Parsed in the command's own process, the
// threads' allocator arenas stayed: ~60 MB more at the peak of the read
// that follows at 100k records.
import { CheckCache } from './checkCache.js';
import { RING_FD, RingWriter } from './entryRing.js';
import { fillStore, type FillJob } from './recordStore.js';

let finished = false;
process.once('message', (job: FillJob) => {
  // The entries pass through the ring the command gave as RING_FD, as it says it has taken what was written.
  const ring = job.ring === undefined ? undefined : new RingWriter(RING_FD, job.ring);
  if (ring) {
    process.on('message', (message: { taken?: unknown } | null) => {
      if (typeof message?.taken === 'number') ring.taken(message.taken);
    });
  }
  void (async () => {
    const cache = CheckCache.open(job.root, job.env);
    const progress = (done: number) => process.send?.({ done });
    const answer = cache ? await fillStore(cache, job, progress, (batch) => process.send?.(batch), ring) : { filled: false };
    finished = true;
    // Nothing else holds this process once the channel closes: it ends.
    process.send?.(answer, () => process.disconnect());
  })().catch(() => {
    finished = true;
    process.exitCode = 1;
    process.disconnect();
  });
});
// The command that asked has ended (Ctrl-C, say): stop; a shard is only ever renamed into place whole.
process.on('disconnect', () => {
  if (!finished) process.kill(process.pid, 'SIGTERM');
});
