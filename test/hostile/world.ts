// The harness of the hostile-record tests (issue 6): placing a case from
// cases.ts in a temp repository, and matching what `meet check` found there
// against what the case expects. Used by test/hostile.test.ts (in-process)
// and test/hostile.spawn.test.ts (the built CLI, for bounded cases).
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import type { Finding } from '../../src/model/ruleCatalogue.js';
import { MINIMAL_CONFIG, PROJECT_ROOT, tempDir } from '../helpers.js';
import type { ExpectedFinding, FindingCase } from './cases.js';

const HOSTILE = path.join(PROJECT_ROOT, 'test', 'hostile');
export const fixture = (name: string) => readFileSync(path.join(HOSTILE, name));

/** A run of meet, in-process or a whole process (which may be killed: timedOut). */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
}

export const QUIET_GIT = { GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Test Clerk', GIT_AUTHOR_EMAIL: 'clerk@example.org', GIT_COMMITTER_NAME: 'Test Clerk', GIT_COMMITTER_EMAIL: 'clerk@example.org' };

/** Never a stack trace, never a crash: what every run must show, whatever it read. */
export function expectClean(run: Run, codes: readonly number[] = [1]): void {
  expect(run.timedOut ?? false, 'the run did not finish in time').toBe(false);
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr).not.toMatch(/^ {4}at /m);
  expect(codes).toContain(run.code);
}

/** The exit code of `meet check` for these findings: 2 when a file could not be read (an environment error), else 1. */
export function checkExitFor(byFile: ReadonlyMap<string, readonly Finding[]>): number {
  return [...byFile.values()].some((findings) => findings.some((f) => f.rule === 'file-unreadable')) ? 2 : 1;
}

/** Files named PWNED-… are what the fixtures' code would create if anything ran. */
export function pwnedFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.name.startsWith('PWNED')) found.push(p);
      if (entry.isDirectory() && !entry.isSymbolicLink()) walk(p);
    }
  };
  walk(dir);
  return found;
}

// --- placing a case in a repository -----------------------------------------

export function caseFile(c: FindingCase): string {
  const layout = c.layout ?? { kind: 'record' };
  switch (layout.kind) {
    case 'record':
      return layout.at ?? `meetings/2020/2020-10-26-${c.id}.md`;
    case 'folder-named-md':
      return `meetings/2020/2020-10-26-${c.id}.md/2020-10-26-inner.md`;
    case 'link-to-outside-folder':
      return `meetings/2020/${layout.name}`;
    default:
      return `meetings/2020/2020-10-26-${c.id}.md`;
  }
}

function caseContent(c: FindingCase): Buffer | undefined {
  if (c.fixture) return fixture(c.fixture);
  if (c.generate) return Buffer.from(c.generate(), 'utf8');
  return undefined;
}

/** Writes the case into `root`; `outside` is a folder next to the root, never to be read. */
export function placeCase(c: FindingCase, root: string, outside: string): void {
  const layout = c.layout ?? { kind: 'record' };
  const file = path.join(root, caseFile(c));
  mkdirSync(path.dirname(layout.kind === 'folder-named-md' ? path.dirname(file) : file), { recursive: true });
  const content = caseContent(c);
  switch (layout.kind) {
    case 'record':
    case 'folder-named-md':
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content ?? '');
      break;
    case 'link-to-outside-file': {
      const target = path.join(outside, `${c.id}.md`);
      writeFileSync(target, content ?? '');
      // Relative, as a link committed to git would be.
      symlinkSync(path.relative(path.dirname(file), target), file);
      break;
    }
    case 'link-to-outside-folder': {
      const folder = path.join(outside, c.id);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, '2020-10-26-secret.md'), content ?? '');
      symlinkSync(folder, file);
      break;
    }
    case 'link':
      symlinkSync(layout.to, file);
      break;
    case 'link-loop': {
      const partner = file.replace(/\.md$/, '-partner.md');
      symlinkSync(path.basename(partner), file);
      symlinkSync(path.basename(file), partner);
      break;
    }
    case 'fifo': {
      const made = spawnSync('mkfifo', [file]);
      if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
      break;
    }
  }
}

/** A repository (root/) and a folder beside it (outside/) in a fresh temp folder. */
export function makeWorld(): { parent: string; root: string; outside: string } {
  const parent = tempDir('meet-hostile-');
  const root = path.join(parent, 'repo');
  const outside = path.join(parent, 'outside');
  mkdirSync(path.join(root, 'meetings', '2020'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'meet.config.yaml'), MINIMAL_CONFIG);
  return { parent, root, outside };
}

// --- matching findings ------------------------------------------------------

function describeFinding(f: Finding): string {
  return `${f.rule} ${f.line}:${f.column} ${f.message.length > 120 ? `${f.message.slice(0, 120)}… (${f.message.length} chars)` : f.message}`;
}

function describeExpected(e: ExpectedFinding): string {
  const rule = typeof e.rule === 'string' ? e.rule : e.rule.join('|');
  const line = typeof e.line === 'number' ? `${e.line}` : `${e.line[0]}-${e.line[1]}`;
  return `${rule} ${line}${e.column === undefined ? '' : `:${e.column}`}${e.message ? ` ~${e.message}` : ''}${e.notMessage ? ` !~${e.notMessage}` : ''}`;
}

function matches(f: Finding, e: ExpectedFinding): boolean {
  const rules: readonly string[] = typeof e.rule === 'string' ? [e.rule] : e.rule;
  const [low, high] = typeof e.line === 'number' ? [e.line, e.line] : e.line;
  return (
    rules.includes(f.rule) &&
    f.line >= low &&
    f.line <= high &&
    (e.column === undefined || f.column === e.column) &&
    (!e.message || e.message.test(f.message)) &&
    (!e.notMessage || !e.notMessage.test(f.message))
  );
}

/** Every expected finding is there, and nothing else (but `more`); a failure shows both lists. */
export function expectFindings(actual: readonly Finding[], expected: readonly ExpectedFinding[], more: readonly string[] = []): void {
  const left = [...actual];
  const missing: string[] = [];
  for (const e of expected) {
    const i = left.findIndex((f) => matches(f, e));
    if (i === -1) missing.push(describeExpected(e));
    else left.splice(i, 1);
  }
  const unexpected = left.filter((f) => !more.includes(f.rule)).map(describeFinding);
  expect({ missing, unexpected, actual: missing.length + unexpected.length > 0 ? actual.map(describeFinding) : [] }).toEqual({ missing: [], unexpected: [], actual: [] });
  // A message is for a clerk: bounded, whatever the record holds; and every
  // finding has a place. One assertion for them all: a case may have 50,000.
  const misplaced = actual.filter((f) => f.message.length > 1000 || !(f.line >= 1) || !(f.column >= 1)).map(describeFinding);
  expect(misplaced).toEqual([]);
}

export function findingsOf(stdout: string): Finding[] {
  return JSON.parse(stdout) as Finding[];
}

/** Findings grouped by file, in order. */
export function byFileOf(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  return byFile;
}

/**
 * Bounded cases (huge, deep or many-aliased inputs) and cases that could hang
 * (`solo`) are read by a whole process of the built CLI, under a time bound:
 * hostile.spawn.test.ts. Every other case is read in-process: hostile.test.ts.
 */
export function needsProcess(c: FindingCase): boolean {
  return c.bullet === 'bounded' || c.solo !== undefined;
}
