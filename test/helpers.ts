// Shared test tools: real temp folders, the CLI run in-process (runMeet) or
// as the built binary (spawnMeet), real git repositories with a fixed
// identity and dates.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutStream } from '../src/io/terminal.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const MEET_BIN = path.join(PROJECT_ROOT, 'bin', 'meet.cjs');
export const EXAMPLES = path.join(PROJECT_ROOT, 'examples');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

// The check cache's signing key goes to the user's cache folder: in tests, a
// temp folder of this run, never the real home.
export const TEST_CACHE_HOME = mkdtempSync(path.join(tmpdir(), 'meet-xdg-cache-'));

export interface RunOptions {
  cwd: string;
  /** Added to (or, when undefined, removed from) this process's environment. */
  env?: Record<string, string | undefined>;
  /** Standard input (never a terminal). */
  input?: string;
  /** The clock the command reads "today" from (default: the real one). */
  now?: Date;
  /** Pretend stdout / stderr are terminals (colour, progress line). */
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** A stream in place of the one that collects stdout (whose text the result then leaves empty). */
  stdout?: OutStream;
}

function environment(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_CACHE_HOME: TEST_CACHE_HOME, ...extra };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env as Record<string, string>;
}

/**
 * Runs `meet` in this process, through the same entry the binary uses
 * (main), with its own folder, environment, streams and clock.
 */
export async function runMeet(args: string[], options: RunOptions): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  // The output memo writes bytes in pieces that may split a character.
  const decoder = new TextDecoder();
  const { main } = await import('../src/main.js');
  const code = await main(args, {
    cwd: options.cwd,
    env: environment(options.env),
    stdout: options.stdout ?? {
      isTTY: options.stdoutIsTTY ?? false,
      write: (text) => (stdout += typeof text === 'string' ? text : decoder.decode(text, { stream: true })),
    },
    stderr: { isTTY: options.stderrIsTTY ?? false, write: (text: string) => (stderr += text) },
    stdin: { isTTY: false },
    now: () => options.now ?? new Date(),
    colorAllowed: !args.includes('--no-color'),
  });
  return { code, stdout, stderr };
}

export interface SpawnOptions {
  cwd: string;
  /** Added to (or, when undefined, removed from) this process's environment. */
  env?: Record<string, string | undefined>;
  /** Standard input (a pipe, never a terminal). */
  input?: string;
  /** Killed with SIGKILL after this many ms (default 120 s, a bound for a hang); then code is -1 and signal SIGKILL. */
  timeout?: number;
}

export type SpawnResult = RunResult & { signal: NodeJS.Signals | null };

/**
 * Runs the built `meet` binary as a child process (no TTY, no colour unless
 * asked), for what only a whole process shows: start-up, signals, exit codes,
 * resource limits. Asynchronous: a run that hangs is killed after `timeout`
 * and never blocks the test worker.
 */
export function spawnMeet(args: string[], options: SpawnOptions): Promise<SpawnResult> {
  return spawnProcess(process.execPath, [MEET_BIN, ...args], options);
}

/** Runs any command (sh, script, …) the way spawnMeet runs the binary: same environment, same kill timeout. */
export function spawnProcess(command: string, args: string[], options: SpawnOptions): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    // A process group of its own, so that the timeout kills a whole pipeline (sh -c "… | head").
    const child = spawn(command, args, { cwd: options.cwd, env: environment(options.env), stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeout ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, signal, stdout, stderr });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

const made: string[] = [];

/**
 * Removes the temp folders made so far and the cache key folder (which the
 * next run of meet makes again). Called after each test file (test/setup.ts):
 * the fast tier reuses a worker, and this module, for several files.
 */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  rmSync(TEST_CACHE_HOME, { recursive: true, force: true });
}

/** A new empty temp folder, removed after the test file. */
export function tempDir(prefix = 'meet-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * `make` run once, then a fresh copy of the folder it made for each call:
 * a committed repository is three git processes or more to build, one
 * cpSync to copy (.git included; git sees the copied files' new times and
 * reads them again, so nothing stale is trusted). Made again when the temp
 * folders of the file before were removed.
 */
export function copied(make: () => string): () => string {
  let made: string | undefined;
  return () => {
    if (made === undefined || !existsSync(made)) made = make();
    const dir = tempDir();
    cpSync(made, dir, { recursive: true, verbatimSymlinks: true });
    return dir;
  };
}

/** Writes a tree of files (path → content) under `dir`. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** A copy of examples/ in a temp folder. */
export function copyExamples(): string {
  const dir = tempDir('meet-examples-');
  copyRecords(EXAMPLES, dir);
  return dir;
}

/**
 * A records folder copied without the .meet-cache/ a run in it may have left:
 * each test starts cold, and a test running meet in examples/ meanwhile
 * (which writes and prunes that cache) cannot make the copy fail.
 */
export function copyRecords(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (source) => path.basename(source) !== '.meet-cache' });
}

export function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test Clerk',
  GIT_AUTHOR_EMAIL: 'clerk@example.org',
  GIT_COMMITTER_NAME: 'Test Clerk',
  GIT_COMMITTER_EMAIL: 'clerk@example.org',
  GIT_AUTHOR_DATE: '2020-11-01T10:00:00Z',
  GIT_COMMITTER_DATE: '2020-11-01T10:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Runs git in `dir` with a fixed identity and date; throws on failure. */
export function git(dir: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/** `root` made a git repository with everything in it committed once; returns `root`. */
export function committed(root: string): string {
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'records');
  return root;
}

/** A minimal valid config (vi), for fixtures. */
export const MINIMAL_CONFIG = `organization: UBND huyện Thử Nghiệm
locale: vi
timezone: Asia/Ho_Chi_Minh
sectors:
  kinh-te: Kinh tế
  van-hoa-xa-hoi: Văn hóa – Xã hội
owners:
  van-phong: Văn phòng HĐND và UBND huyện
  tai-chinh-ke-hoach: Phòng Tài chính – Kế hoạch
metrics:
  xa-dat-chuan-ntm: { label: Xã công bố đạt chuẩn nông thôn mới, unit: xã, sector: kinh-te }
  don-vi-mau: { label: Máu tiếp nhận, unit: đơn vị, sector: van-hoa-xa-hoi, aggregate: sum }
`;

/** A repository holding MINIMAL_CONFIG (or `config`) and the given records. */
export function makeRepo(records: Record<string, string>, config = MINIMAL_CONFIG): string {
  const dir = tempDir();
  writeTree(dir, { 'meet.config.yaml': config, ...records });
  return dir;
}
