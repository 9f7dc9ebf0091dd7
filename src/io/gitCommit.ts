// `--commit`: checks BEFORE a command writes anything that its files can be
// committed alone afterwards, then stages and commits exactly those files.
// Never amends, never pushes, never skips the repository's hooks.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SimpleGit } from 'simple-git';
import { UsageError, type Said } from '../model/errors.js';
import type { Messages } from '../model/messages/index.js';
import { toPosix } from './paths.js';
import { isGitMissing, openGit, requireGitRepository } from './git.js';
import { CONFIG_FILE } from '../model/layout.js';
import type { Env } from './terminal.js';
import { shellWord, visible, visibleLines } from '../model/text.js';

export interface CommitPlan {
  git: SimpleGit;
  /** The folder git runs in (the records root); paths are given relative to it. */
  root: string;
  /** Files committed along with the command's own (meet.config.yaml, with --include-config). */
  alongside: string[];
}

export interface Committed {
  sha: string;
  message: string;
  files: string[];
}

/** `:(literal)`: a configured folder name such as `:x` or `*` is never read as pathspec magic. */
function pathspecs(plan: CommitPlan, files: readonly string[]): string[] {
  return files.map((file) => `:(literal)${toPosix(path.relative(plan.root, file))}`);
}

function gitMessage(error: unknown): string {
  const text = String((error as Error)?.message ?? error).trim();
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-6)
    .join('\n');
}

const IN_PROGRESS = [
  ['MERGE_HEAD', 'merge'],
  ['CHERRY_PICK_HEAD', 'cherry-pick'],
  ['REVERT_HEAD', 'revert'],
  ['REBASE_HEAD', 'rebase'],
] as const;

/**
 * Everything `--commit` needs, checked before anything is written: git and a
 * repository, an identity set by the user (git's guess from the host name is
 * not one), a branch checked out (not a detached HEAD), no merge or rebase
 * under way, nothing staged but the command's `own` files, the records in
 * `committedRecords` all committed (what a digest is built from), and
 * `unchanged` files (edited in place) free of uncommitted changes, which the
 * commit would otherwise carry under its message.
 */
export async function prepareCommit(
  root: string,
  env: Env,
  options: { unchanged?: readonly string[]; includeConfig?: boolean; own?: readonly string[]; committedRecords?: string } = {},
): Promise<CommitPlan> {
  const { git } = await requireGitRepository(root, '--commit', env);
  const plan: CommitPlan = { git, root, alongside: [] };
  await requireIdentity(git);
  // A commit on a detached HEAD reaches no branch: the scheduled job's push would send nothing.
  if ((await git.raw(['symbolic-ref', '--quiet', 'HEAD']).catch(() => '')).trim() === '') {
    throw new UsageError(
      (m) => m.git.detached,
      (m) => m.git.detachedHint,
    );
  }
  const config = path.join(root, CONFIG_FILE);
  // The command's own files (left staged by a commit a hook refused) and a config it is told to include are no one else's.
  const ours = [...(options.own ?? []), ...(options.includeConfig ? [config] : [])];
  await requireNothingUnderWay(
    git,
    ours.map((file) => `:(exclude,literal)${toPosix(path.relative(root, file))}`),
  );
  if (options.committedRecords !== undefined) await requireRecordsCommitted(plan, options.committedRecords);
  // A commit of records without the config they need leaves CI with "No meet.config.yaml found".
  if (await hasUncommittedChanges(plan, config)) {
    if (!options.includeConfig) {
      const tracked = (await git.raw(['ls-files', '--', ...pathspecs(plan, [config])])).trim() !== '';
      throw new UsageError(
        (m) => m.git.configUncommitted(CONFIG_FILE, tracked),
        (m) => m.git.configUncommittedHint(CONFIG_FILE),
      );
    }
    plan.alongside.push(config);
  }
  for (const file of options.unchanged ?? []) {
    if (await hasUncommittedChanges(plan, file)) {
      const shown = toPosix(path.relative(root, file));
      throw new UsageError(
        (m) => m.git.uncommitted(visible(shown)),
        (m) => m.git.uncommittedHint(visible(shown)),
      );
    }
  }
  return plan;
}

/** A report committed is traced to the records it was built from: none of them untracked or changed. */
async function requireRecordsCommitted(plan: CommitPlan, folder: string): Promise<void> {
  const changed = (await uncommittedPaths(plan, folder)).filter((file) => file.endsWith('.md'));
  if (changed.length === 0) return;
  throw new UsageError(
    (m) => m.git.recordsUncommitted(fileLines(changed, m)),
    (m) => m.git.recordsUncommittedHint,
  );
}

/** Paths as a message lists them: one a line, indented, the first ten and how many more. */
function fileLines(files: readonly string[], m: Messages): string {
  const shown = files.slice(0, 10).map((f) => `  ${visible(f)}`);
  return [...shown, ...(files.length > shown.length ? [`  ${m.errors.andMore(files.length - shown.length)}`] : [])].join('\n');
}

/** An identity set by the user: git's guess from the host name ("root@host") is not one. */
async function requireIdentity(git: SimpleGit): Promise<void> {
  for (const who of ['GIT_AUTHOR_IDENT', 'GIT_COMMITTER_IDENT']) {
    try {
      // useConfigOnly: fail instead of guessing as git otherwise would.
      await git.raw(['-c', 'user.useConfigOnly=true', 'var', who]);
    } catch {
      throw new UsageError(
        (m) => m.git.noIdentity,
        (m) => m.git.noIdentityHint,
      );
    }
  }
}

/** No merge or rebase under way, and nothing else staged (it would ride along in the commit). */
async function requireNothingUnderWay(git: SimpleGit, exclude: readonly string[] = []): Promise<void> {
  // Through the ref store, one name at a time: a reftable repository keeps CHERRY_PICK_HEAD and the like in no file.
  for (const [state, what] of IN_PROGRESS) {
    const found = (await git.raw(['rev-parse', '--quiet', '--verify', state]).catch(() => '')).trim();
    if (found !== '')
      throw new UsageError(
        (m) => m.git.inProgress(what),
        (m) => m.git.inProgressHint,
      );
  }
  // From the top of the work tree (":/"), but for what the command itself commits.
  const staged = (await git.raw(['diff', '--cached', '--name-only', '-z', '--', ':/', ...exclude])).split('\0').filter(Boolean);
  if (staged.length > 0) {
    throw new UsageError(
      (m) => m.git.staged(fileLines(staged, m)),
      (m) => m.git.stagedHint,
    );
  }
}

/**
 * What `meet init --commit` checks before it writes anything in `dir` (which
 * may not exist yet): git, an identity, and in a repository already there,
 * nothing under way or staged. `missing`: what to say when git is not installed.
 */
export async function checkCommitBeforeWriting(dir: string, env: Env, missing: Said): Promise<void> {
  let existing = path.resolve(dir);
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (!statSync(existing).isDirectory()) existing = path.dirname(existing);
  const git = openGit(existing, env);
  try {
    await git.raw(['--version']);
  } catch (error) {
    if (isGitMissing(error)) throw new UsageError(missing);
    throw error;
  }
  await requireIdentity(git);
  const inside = await git.raw(['rev-parse', '--is-inside-work-tree']).then(
    (out) => out.trim() === 'true',
    () => false,
  );
  if (inside) await requireNothingUnderWay(git);
}

/** True when git ignores `file` (.gitignore, .git/info/exclude): `status` says nothing of it, and `add` refuses it. */
export async function isIgnored(plan: CommitPlan, file: string): Promise<boolean> {
  const status = await plan.git.raw(['status', '--porcelain', '-z', '--ignored=matching', '--untracked-files=all', '--', ...pathspecs(plan, [file])]);
  return status.split('\0').some((entry) => entry.startsWith('!! '));
}

/** True when `file` is untracked or differs from HEAD (staged or not). */
export async function hasUncommittedChanges(plan: CommitPlan, file: string): Promise<boolean> {
  return (await uncommittedPaths(plan, file)).length > 0;
}

/** The paths at or under `file` that are untracked or differ from HEAD (staged or not), as git names them. */
async function uncommittedPaths(plan: CommitPlan, file: string): Promise<string[]> {
  const entries = (await plan.git.raw(['status', '--porcelain', '-z', '--untracked-files=all', '--', ...pathspecs(plan, [file])])).split('\0');
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    // "XY path", and for a rename or copy its origin as the next entry.
    if (/[RC]/.test(entry.slice(0, 2))) i++;
  }
  return paths;
}

/**
 * Why git did not commit, in the clerk's words where meet knows the cause:
 * another git running, or one that stopped short, holds the index's lock
 * (git's own words are English whatever the locale). Else git's message.
 */
function whyNotCommitted(said: string, m: Messages): string {
  const lock = /Unable to create '(.+?index\.lock)': File exists/.exec(said);
  return lock ? m.git.indexLocked(visible(lock[1]!)) : visibleLines(said);
}

/** git commit ended without making one, and said nothing (a hook that exits 1 silently). */
const NO_COMMIT = new Error('git commit made no commit');

/**
 * Stages and commits exactly `files` (absolute paths, already written). When
 * git refuses (a hook, an ignored path…), the files stay as written: the
 * error says so, and what to do.
 */
export async function commitFiles(plan: CommitPlan, own: readonly string[], message: string): Promise<Committed> {
  const files = [...new Set([...plan.alongside, ...own])];
  const specs = pathspecs(plan, files);
  const relative = (f: string) => toPosix(path.relative(plan.root, f));
  // What this command wrote (not a config it only includes), and the command line that commits them all.
  const shown = own.map(relative).join(', ');
  const argv = files.map((f) => shellWord(relative(f))).join(' ');
  let staged = false;
  let sha: string;
  const headBefore = (await plan.git.raw(['rev-parse', '--quiet', '--verify', 'HEAD']).catch(() => '')).trim();
  try {
    await plan.git.raw(['add', '--', ...specs]);
    staged = true;
    // `commit -- paths` commits those paths only, whatever else the index holds.
    await plan.git.raw(['commit', '--quiet', '-m', message, '--', ...specs]);
    // simple-git takes an exit code it has no stderr for as success: a hook failing without a word made
    // "committed" print for the commit before. No new HEAD, no commit.
    // The new HEAD and its short form, in one process.
    const [headAfter = '', short = ''] = (await plan.git.raw(['rev-parse', 'HEAD', '--short', 'HEAD']).catch(() => '')).trim().split('\n');
    if (headAfter === '' || headAfter === headBefore) throw NO_COMMIT;
    sha = short;
  } catch (error) {
    throw new UsageError(
      (m) => m.git.commitFailed(visible(shown), staged, error === NO_COMMIT ? m.git.noCommitMade : whyNotCommitted(gitMessage(error), m)),
      (m) => m.git.commitFailedHint(visible(argv), visible(message)),
    );
  }
  return { sha, message, files: files.map((f) => toPosix(path.relative(plan.root, f))) };
}

/** The line on stderr after a commit. */
export function describeCommit(committed: Committed, m: Messages): string {
  return m.git.committed(committed.sha, visible(committed.message));
}
