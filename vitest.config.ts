import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Two tiers (issue 10: a test suite that runs in minutes).
//  - fast: the CLI in-process, through main() with its own folder,
//    environment, streams and clock (runMeet in test/helpers.ts), and the
//    modules on their own. No build, no child process of meet, no browser:
//    `npm run test:fast`.
//  - spawn: files named *.spawn.test.ts, where a whole process is the point:
//    the built binary (smoke tests, kill -9, pseudo-terminals, parser
//    threads, `| head`, hostile inputs under a time bound, init --ci) and
//    the HTML report in Chromium. They need dist/: `npm test` builds, then
//    runs both tiers.
const SPAWN = 'test/**/*.spawn.test.ts';

export default defineConfig({
  test: {
    // Generous: a bound for a hang, never a measure of speed (a loaded 2-core
    // machine runs some of these files several times slower than an idle one).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Removes each file's temp folders when it ends.
    setupFiles: ['test/setup.ts'],
    // At least two: a worker waiting on a spawned CLI or on git leaves its
    // core to the other (vitest's default on 2 cores is one worker).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // One worker runs several files in turn (isolate: false): each file
      // otherwise pays for a new process and a fresh import of src/ (a third
      // of this tier's CPU time). The tests share no state: each works in
      // temp folders of its own, and meet reads its folder, environment and
      // clock from the Io each test passes.
      { extends: true, test: { name: 'fast', isolate: false, include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, SPAWN] } },
      // A whole process on a loaded machine can take several times as long
      // as on an idle one: the bounds here only catch a hang. Not isolated
      // either, for the same reason (no spawn file sets a global: they
      // spawn); isolated, the tier took 17% more CPU (477 s against 406 s).
      { extends: true, test: { name: 'spawn', isolate: false, include: [SPAWN], testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
