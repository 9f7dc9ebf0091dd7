// The commit checked out, read from the repository's own files where they
// are as plain as a clone or `git init` leaves them, and asked of git
// otherwise. A warm `meet log` asks nothing else of git: starting git (and
// loading simple-git) was a sixth of its time at 10,000 records
// (BENCHMARKS.md). Anything unusual (a worktree's `.git` file, GIT_DIR and
// the like, reftable, a link, another owner, an unborn branch) goes to git.
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { readRegularFile } from './regularFile.js';
import type { Env } from './terminal.js';

export interface Head {
  commit: string;
  shallow: boolean;
}

const HASH = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
// A branch as HEAD names it: no component that git refuses (.., a leading dot, control characters).
const BRANCH = /^refs\/heads\/(?:[^\0-\x20\x7f~^:?*[\\/.][^\0-\x20\x7f~^:?*[\\/]*\/)*[^\0-\x20\x7f~^:?*[\\/.][^\0-\x20\x7f~^:?*[\\/]*$/;
/** GIT_ variables for transport, identities, editors and tracing: they do not change which commit is checked out. */
const HARMLESS = /^GIT_(?:SSL_|HTTP_|SSH|PROXY_|CURL_|AUTHOR_|COMMITTER_|TRACE|TERMINAL_PROMPT$|ASKPASS$|EDITOR$|SEQUENCE_EDITOR$|PAGER$|FLUSH$)/;
/** HEAD, a ref, packed-refs: a few lines; a file past this is not one git left. */
const MOST = 1024 * 1024;

/**
 * The commit checked out in the repository holding `dir`, and whether the
 * clone is shallow; undefined outside a repository or before its first
 * commit (as `git rev-parse HEAD` fails then).
 */
export async function headOf(dir: string, env: Env): Promise<Head | undefined> {
  return headFromFiles(dir, env) ?? (await import('./git.js')).headFromGit(dir, env);
}

/** The head as the repository's files say it, or undefined where git must be asked. */
export function headFromFiles(dir: string, env: Env): Head | undefined {
  // Variables that may move or reshape the repository git finds (GIT_DIR, GIT_NAMESPACE, GIT_CONFIG_…): git's to follow.
  if (Object.keys(env).some((name) => name.startsWith('GIT_') && !HARMLESS.test(name))) return undefined;
  try {
    const gitDir = gitDirAbove(path.resolve(dir));
    if (!gitDir) return undefined;
    // A linked worktree, another ref store, or settings this reader does not follow.
    if (exists(path.join(gitDir, 'commondir')) || exists(path.join(gitDir, 'reftable'))) return undefined;
    const config = gitFile(gitDir, 'config');
    if (config === undefined || /refstorage|worktreeconfig|\[include|\[includeif/i.test(config)) return undefined;
    const head = gitFile(gitDir, 'HEAD')?.replace(/\n$/, '');
    if (head === undefined) return undefined;
    let commit: string | undefined;
    if (HASH.test(head)) commit = head;
    else {
      const ref = /^ref: (.*)$/.exec(head)?.[1];
      if (!ref || !BRANCH.test(ref)) return undefined;
      // No loose file (gitFile throws on anything but a missing one): the ref is packed, or there is none.
      const loose = gitFile(gitDir, ...ref.split('/'));
      commit = loose !== undefined ? loose.replace(/\n$/, '') : packedRef(gitDir, ref);
    }
    if (!commit || !HASH.test(commit)) return undefined;
    const shallow = gitFile(gitDir, 'shallow');
    // Git calls a clone shallow while the file is there, empty or not.
    return { commit, shallow: shallow !== undefined };
  } catch {
    return undefined;
  }
}

/** The `.git` folder of the repository holding `dir`: the first `.git` upwards, when it is a plain folder of this user's. */
function gitDirAbove(dir: string): string | undefined {
  for (let at = dir; ;) {
    const candidate = path.join(at, '.git');
    const stat = statOf(candidate);
    if (stat) return stat.isDirectory() && ownedHere(stat.uid) ? candidate : undefined;
    // A bare repository found first is git's to judge (it refuses one it was not pointed at).
    if (exists(path.join(at, 'HEAD')) && exists(path.join(at, 'objects'))) return undefined;
    const up = path.dirname(at);
    if (up === at) return undefined;
    at = up;
  }
}

/** The commit `ref` names in packed-refs, if it is there. */
function packedRef(gitDir: string, ref: string): string | undefined {
  const packed = gitFile(gitDir, 'packed-refs');
  if (packed === undefined) return undefined;
  for (const line of packed.split('\n')) {
    const space = line.indexOf(' ');
    if (space !== -1 && line.slice(space + 1) === ref) return line.slice(0, space);
  }
  return undefined;
}

/**
 * The text of the regular file at `parts` below `gitDir` (at most MOST
 * bytes), or undefined when there is none. Never through a link, the
 * folders on the way included: a repository's .git cannot send this
 * reader out of it.
 */
function gitFile(gitDir: string, ...parts: string[]): string | undefined {
  let folder = gitDir;
  for (const part of parts.slice(0, -1)) {
    folder = path.join(folder, part);
    const stat = statOf(folder);
    if (!stat) return undefined;
    if (!stat.isDirectory()) throw new Error('meet: not a plain git folder');
  }
  try {
    return readRegularFile(path.join(folder, parts.at(-1)!), { limit: MOST, owner: process.getuid?.() }).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function statOf(file: string) {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function exists(file: string): boolean {
  return statOf(file) !== undefined;
}

/** Git refuses a repository another user owns ("dubious ownership"): so does this reader. */
function ownedHere(uid: number): boolean {
  return typeof process.getuid !== 'function' || uid === process.getuid();
}
