// Git behind a narrow port, through simple-git. Revisions and paths given by
// a user are validated here before they reach git: a value starting with "-"
// could be read as an option (`--upload-pack=…`), so it is refused, and
// paths always follow "--". simple-git's unsafe options stay off.
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UsageError, type Said } from '../model/errors.js';
import type { Env } from './terminal.js';
import { visible } from '../model/text.js';

/**
 * False when git certainly finds no repository from `dir`: no GIT_DIR, and
 * no `.git` in `dir` or above it, on the path as given or as the disk has
 * it (git starts from the real folder; a link may lead into a repository).
 * Bare repositories are found only through GIT_DIR (TRUSTED_SETTINGS). Saves
 * starting git for an answer known without it (`check --format json` in a
 * folder of records that is no repository).
 */
export function mayBeInRepository(dir: string, env: Env): boolean {
  if (env.GIT_DIR !== undefined) return true;
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return true;
  }
  for (const start of [path.resolve(dir), real]) {
    for (let at = start; ; at = path.dirname(at)) {
      if (existsSync(path.join(at, '.git'))) return true;
      if (path.dirname(at) === at) break;
    }
  }
  return false;
}

/**
 * True when `file` holds, byte for byte, what HEAD has at its path: a file
 * committed as it is now. False outside git, when HEAD has nothing there
 * (or something else), or when git cannot tell. Compared by object id, the
 * file's own hashed here as git hashes a blob (SHA-1, or SHA-256 in a
 * repository of that format).
 */
export async function isCommittedAs(file: string, bytes: Buffer, env: Env): Promise<boolean> {
  const dir = path.dirname(file);
  if (!mayBeInRepository(dir, env)) return false;
  let id: string;
  try {
    // "HEAD:./name": the path after the first ":", from the folder git runs in; it never reads as an option.
    id = (await openGit(dir, env).raw(['rev-parse', '--verify', '--quiet', `HEAD:./${path.basename(file)}`])).trim();
  } catch {
    return false;
  }
  const algorithm = id.length === 64 ? 'sha256' : id.length === 40 ? 'sha1' : undefined;
  if (!algorithm) return false;
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex') === id;
}

/** A git client for `dir`, with a fixed locale so messages can be matched. */
export function openGit(dir: string, base: Env): SimpleGit {
  const env = gitEnvironment(base);
  return simpleGit({
    baseDir: dir,
    maxConcurrentProcesses: 4,
    trimmed: false,
    allowEnvironment: Object.keys(env),
    config: TRUSTED_SETTINGS,
    // simple-git refuses any `-c core.fsmonitor`, even the one that turns it off; meet's are the only -c it passes.
    unsafe: { allowUnsafeFsMonitor: true },
  }).env(env);
}

// simple-git rejects a task whose environment holds a variable that can run a
// command (EDITOR, PAGER, GIT_SSH_COMMAND…) and any GIT_* variable not listed
// in allowEnvironment. meet never needs an editor, pager or transport, so
// those are left out; the other GIT_* variables (identity, dates, GIT_DIR in
// a hook, GIT_CONFIG_NOSYSTEM…) are the user's own and pass through.
const COMMAND_VARIABLES = new Set([
  'editor',
  'visual',
  'pager',
  'prefix',
  'ssh_askpass',
  'git_askpass',
  'git_editor',
  'git_sequence_editor',
  'git_pager',
  'git_ssh',
  'git_ssh_command',
  'git_proxy_command',
  'git_external_diff',
  'git_exec_path',
  'git_template_dir',
  'git_config',
  'git_config_global',
  'git_config_system',
  'git_config_count',
  'git_config_parameters',
]);

function gitEnvironment(base: Env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined && !COMMAND_VARIABLES.has(key.toLowerCase().trim())) env[key] = value;
  }
  return { ...env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };
}

/**
 * Settings no repository can change, given to every git command as `-c`
 * (which wins over a repository's configuration). A records folder below
 * the repository's top (`root: bien-ban`) is where git starts looking: a
 * pull request that commits HEAD, refs/, objects/ and a config into it
 * makes it a bare repository of its own, whose config git would read, and
 * whose core.fsmonitor runs a command on `git diff` (`check --since`, the
 * action's default on pull requests). safe.bareRepository=explicit has git
 * take a bare repository only where told to (GIT_DIR); core.fsmonitor is
 * off for whatever repository is read.
 */
const TRUSTED_SETTINGS = ['safe.bareRepository=explicit', 'core.fsmonitor=false'];

export function isGitMissing(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return /ENOENT|spawn git/i.test(text);
}

/**
 * The commit checked out and whether the clone is shallow, or undefined
 * outside a git repository (or before its first commit): what `meet log`'s
 * output depends on besides the files. Asked of git where its files are
 * not plain enough to read (gitHead.ts, headOf).
 */
export async function headFromGit(dir: string, env: Env): Promise<{ commit: string; shallow: boolean } | undefined> {
  try {
    const [commit, shallow] = (await openGit(dir, env).raw(['rev-parse', 'HEAD', '--is-shallow-repository'])).trim().split(/\s+/);
    return commit ? { commit, shallow: shallow === 'true' } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The top folder of the git repository holding `dir`, and `dir` below it
 * (`prefix`: "" or "records/"); exit 2 with a clear message when git is
 * not installed or `dir` is not in a repository.
 */
/** `notRepositoryHint`: what to do outside a repository (default: run it without the git option; `meet log` has none). */
export async function requireGitRepository(
  dir: string,
  feature: string,
  env: Env,
  notRepositoryHint: Said = (m) => m.git.notRepositoryHint,
): Promise<{ git: SimpleGit; top: string; prefix: string }> {
  const git = openGit(dir, env);
  let top: string;
  let prefix: string;
  try {
    // One process for both: "<top>\n<prefix>\n". Not trimmed: a folder
    // name may start with a space. A line break in either (a folder named
    // so) makes the split ambiguous: then each is asked for alone.
    const lines = (await git.raw(['rev-parse', '--show-toplevel', '--show-prefix'])).replace(/\n$/, '').split('\n');
    if (lines.length === 2) [top, prefix] = lines as [string, string];
    else {
      top = (await git.raw(['rev-parse', '--show-toplevel'])).replace(/\n$/, '');
      prefix = (await git.raw(['rev-parse', '--show-prefix'])).replace(/\n$/, '');
    }
  } catch (error) {
    if (isGitMissing(error))
      throw new UsageError(
        (m) => m.git.missing(feature),
        (m) => m.git.missingHint,
      );
    const message = String((error as Error)?.message ?? error).trim();
    if (/not a git repository/i.test(message)) {
      throw new UsageError((m) => m.git.notRepository(feature, visible(dir)), notRepositoryHint);
    }
    // A folder a pull request made into a bare repository (TRUSTED_SETTINGS): said in the clerk's words.
    if (/cannot use bare repository/i.test(message))
      throw new UsageError(
        (m) => m.git.bareFolder(feature, visible(dir)),
        (m) => m.git.bareFolderHint,
      );
    // Anything else (e.g. "dubious ownership" in a CI container) is git's to explain.
    throw new UsageError(
      (m) => m.git.cannotRead(feature, visible(dir), visible(message.split('\n')[0]!)),
      message.includes('safe.directory') ? (m) => m.git.safeDirectoryHint : undefined,
    );
  }
  return { git, top, prefix };
}

/** Makes `dir` a git repository unless it is inside one already. */
export async function ensureGitRepository(dir: string, env: Env): Promise<'created' | 'existing' | 'unavailable'> {
  const git = openGit(dir, env);
  try {
    if (await git.checkIsRepo()) return 'existing';
    await git.init();
    return 'created';
  } catch (error) {
    if (isGitMissing(error)) return 'unavailable';
    throw error;
  }
}

// A revision as a user may name one: a branch, tag, sha, HEAD~2, origin/main,
// main@{1}, a branch named in Vietnamese ("bản-chính") or "release#2"… but
// never something git could take for an option, and none of the characters
// git refuses in ref names (space, control characters, : ? * [ \).
const REVISION = /^[\p{L}\p{M}\p{N}_./@{}~^+#,-]+$/u;

/** Returns `revision` when it is safe to hand to git; UsageError otherwise. */
export function checkRevision(revision: string, flag: string): string {
  if (revision === '' || revision.startsWith('-') || !REVISION.test(revision) || revision.includes('..')) {
    throw new UsageError(
      (m) => m.git.badRevision(flag, visible(revision)),
      (m) => m.git.badRevisionHint,
    );
  }
  return revision;
}

/** `A..B` or `A...B` (merge base), each side checked. */
export function checkRange(range: string, flag: string): { from: string; to: string; mergeBase: boolean } {
  const match = /^(.+?)(\.\.\.?)(.+)$/.exec(range);
  if (!match) throw new UsageError((m) => m.git.badRange(flag, visible(range)));
  return { from: checkRevision(match[1]!, flag), to: checkRevision(match[3]!, flag), mergeBase: match[2] === '...' };
}
