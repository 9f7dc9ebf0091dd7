// Issue 6: the hostile records whose point is a bound — huge, deep or
// many-aliased inputs (the 'bounded' cases of test/hostile/cases.ts), and the
// cases that could hang (`solo`). They are read by the BUILT CLI as a whole
// process, the way CI meets a pull request, under an explicit time bound: a
// run past it is killed and reported, never waited for. The bounds are
// generous (a loaded 2-core machine stays well inside them); what they catch
// is a hang or a blow-up, not a slow machine. Every other hostile case is read
// in-process, in hostile.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/model/ruleCatalogue.js';
import { FINDING_CASES } from './hostile/cases.js';
import {
  byFileOf,
  caseFile,
  expectClean,
  expectFindings,
  findingsOf,
  checkExitFor,
  makeWorld,
  needsProcess,
  placeCase,
  pwnedFiles,
  QUIET_GIT,
  type Run,
} from './hostile/world.js';
import { spawnMeet } from './helpers.js';

/** The built CLI; a run longer than `timeout` ms is killed (SIGKILL) and reported as timed out. */
async function meet(args: readonly string[], cwd: string, timeout: number): Promise<Run> {
  const run = await spawnMeet([...args], { cwd, env: QUIET_GIT, timeout });
  return { ...run, timedOut: run.signal === 'SIGKILL' };
}

/** The bound for one process reading all the bounded cases at once (2–3 s on an idle 2-core machine). */
const BATCH_BOUND = 120_000;
/** Time for the test itself past a process's bound: placing the files, matching the findings. */
const SLACK = 30_000;

describe('bounded hostile records: one process reads them all, in bounded time', () => {
  const batch = FINDING_CASES.filter((c) => !c.bug && needsProcess(c) && c.solo === undefined);
  let world: ReturnType<typeof makeWorld>;
  let run: Run;
  let byFile: Map<string, Finding[]>;

  beforeAll(async () => {
    world = makeWorld();
    for (const c of batch) placeCase(c, world.root, world.outside);
    run = await meet(['check', '--format', 'json'], world.root, BATCH_BOUND);
    byFile = run.code === 1 || run.code === 2 ? byFileOf(findingsOf(run.stdout)) : new Map();
  }, BATCH_BOUND + SLACK);

  it('one run reads them all: exit 1 (2 as files cannot be read), findings as JSON, no stack trace, nothing ran', () => {
    expect(batch.length).toBeGreaterThan(20);
    expectClean(run, [checkExitFor(byFile)]);
    expect(pwnedFiles(world.parent)).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain('SECRET-OUTSIDE');
    // Findings only on the cases' files: nothing else was found, nothing read twice.
    const known = new Set(batch.flatMap((c) => [caseFile(c), ...Object.keys(c.also ?? {})]));
    expect([...byFile.keys()].filter((file) => !known.has(file))).toEqual([]);
  });

  for (const c of FINDING_CASES.filter((x) => needsProcess(x))) {
    const test = c.bug ? it.skip : it;
    const timeout = (c.solo ?? 0) + SLACK;
    test(
      `${c.bullet}: ${c.id}`,
      async () => {
        let findings: Map<string, Finding[]>;
        if (c.solo !== undefined) {
          // Alone, so that a hang stops only this case.
          const own = makeWorld();
          placeCase(c, own.root, own.outside);
          const solo = await meet(['check', '--format', 'json'], own.root, c.solo);
          findings = byFileOf(findingsOf(solo.stdout));
          expectClean(solo, c.expect.length === 0 ? [0] : [checkExitFor(findings)]);
        } else {
          findings = byFile;
        }
        expectFindings(findings.get(caseFile(c)) ?? [], c.expect, c.more);
        for (const [file, expected] of Object.entries(c.also ?? {})) expectFindings(findings.get(file) ?? [], expected);
      },
      timeout,
    );
  }
});
