// Shared test tools: real temp folders, the real built CLI as a process,
// real git repositories with a fixed identity and dates.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const MEET_BIN = path.join(PROJECT_ROOT, 'bin', 'meet.js');
export const EXAMPLES = path.join(PROJECT_ROOT, 'examples');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

// The check cache's signing key goes to the user's cache folder: in tests, a
// temp folder of this run, never the real home.
export const TEST_CACHE_HOME = mkdtempSync(path.join(tmpdir(), 'meet-xdg-cache-'));

/** Runs the built `meet` CLI as a child process (no TTY, no colour unless asked). */
export function runMeet(args: string[], options: { cwd: string; env?: Record<string, string | undefined>; input?: string } ): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_CACHE_HOME: TEST_CACHE_HOME, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const run = spawnSync(process.execPath, [MEET_BIN, ...args], {
    cwd: options.cwd,
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.error) throw run.error;
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  rmSync(TEST_CACHE_HOME, { recursive: true, force: true });
});

/** A new empty temp folder, removed after the test file. */
export function tempDir(prefix = 'meet-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
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
  cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
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
