// The files changed since a revision's merge base with HEAD, for
// `meet check --since`: committed, staged, unstaged and untracked, as paths
// relative to the records root (which may sit below the git top folder).
import type { SimpleGit } from 'simple-git';
import { UsageError, type Said } from '../model/errors.js';
import { checkRevision, requireGitRepository } from './git.js';
import type { Env } from './terminal.js';

export type ChangeStatus = 'added' | 'modified' | 'deleted';

export interface ChangedFile {
  /** Relative to the records root, with `/`. */
  file: string;
  status: ChangeStatus;
}

export interface Changes {
  /** The revision as the user gave it. */
  since: string;
  /** The merge base of `since` and HEAD, a full commit id. */
  base: string;
  /** Every changed file under the records root, in path order. */
  files: ChangedFile[];
  /** The records root relative to the git top folder ("" or "records/"). */
  prefix: string;
  /** The file's bytes at the merge base; undefined when it did not exist there. */
  readAtBase(file: string): Promise<Buffer | undefined>;
  /** An added file → the file it was at the merge base, where git sees a rename (committed, staged or not). */
  renamedFrom: ReadonlyMap<string, string>;
}

const FETCH_HINT: Said = (m) => m.git.fetchHint;

export async function readChangesSince(root: string, since: string, env: Env): Promise<Changes> {
  // Validated before git sees it: a revision like "--upload-pack=…" must never reach git.
  const ref = checkRevision(since, '--since');
  const { git, prefix } = await requireGitRepository(root, 'meet check --since', env);
  // One process when all is well; the failures are told apart afterwards.
  const base = (await mergeBase(git, 'HEAD', `${ref}^{commit}`)) ?? (await whyNoBase(git, ref));

  const statuses = new Map<string, ChangeStatus>();
  // An added file → the file it was at the merge base: approved minutes moved to a new name are still checked against what they were.
  const renamedFrom = new Map<string, string>();
  // Working tree against the base covers what was committed, staged and not
  // staged; a rename (R, old and new path) counts as a deletion and an
  // addition, and --no-relative keeps paths from the top even if diff.relative is set.
  const fields = (await git.raw(['diff', '--name-status', '-z', '--find-renames', '--no-relative', '--no-ext-diff', base, '--', '.'])).split('\0');
  for (let i = 0; i < fields.length && fields[i] !== '';) {
    const letter = fields[i]!;
    if (letter.startsWith('R')) {
      const [from, to] = [fields[i + 1]!, fields[i + 2]!];
      statuses.set(from, 'deleted');
      statuses.set(to, 'added');
      if (from.startsWith(prefix) && to.startsWith(prefix)) renamedFrom.set(to.slice(prefix.length), from.slice(prefix.length));
      i += 3;
    } else if (letter.startsWith('C')) {
      // A copy (diff.renames=copies in the user's config): the new file is added, its source unchanged.
      statuses.set(fields[i + 2]!, 'added');
      i += 3;
    } else {
      const file = fields[i + 1]!;
      statuses.set(file, letter.startsWith('D') ? 'deleted' : letter.startsWith('A') ? 'added' : 'modified');
      i += 2;
    }
  }
  const untracked = await git.raw(['ls-files', '--others', '--exclude-standard', '--full-name', '-z', '--', '.']);
  for (const file of untracked.split('\0')) {
    if (file === '') continue;
    // Removed from the index but still on disk: it shows as deleted and untracked.
    statuses.set(file, statuses.get(file) === 'deleted' ? 'modified' : 'added');
  }

  const files: ChangedFile[] = [];
  for (const [top, status] of statuses) {
    if (top.startsWith(prefix)) files.push({ file: top.slice(prefix.length), status });
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  // Each file read once: the rules on vanished tasks and on approved minutes both read a changed record's base.
  const read = new Map<string, Promise<Buffer | undefined>>();
  return {
    since: ref,
    base,
    files,
    prefix,
    renamedFrom,
    readAtBase(file: string): Promise<Buffer | undefined> {
      let bytes = read.get(file);
      if (!bytes) {
        // "<commit>:<path>": the commit is a hex id, so the argument can never
        // read as an option, and git takes everything after the first ":" as the path.
        bytes = git.binaryCatFile(['blob', `${base}:${prefix}${file}`]).then(
          (blob) => blob as Buffer,
          () => undefined,
        );
        read.set(file, bytes);
      }
      return bytes;
    },
  };
}

/** The full id of the commit `revision` names, or undefined. */
async function resolveCommit(git: SimpleGit, revision: string): Promise<string | undefined> {
  try {
    const id = (await git.raw(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`])).trim();
    return /^[0-9a-f]{40,64}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Why HEAD and `ref` have no merge base, as the error to stop with. */
async function whyNoBase(git: SimpleGit, ref: string): Promise<never> {
  const head = await resolveCommit(git, 'HEAD');
  if (!head)
    throw new UsageError(
      (m) => m.git.sinceNoCommit,
      (m) => m.git.sinceNoCommitHint,
    );
  const target = await resolveCommit(git, ref);
  if (!target) {
    if (await isShallow(git)) throw new UsageError((m) => m.git.sinceShallow(ref), FETCH_HINT);
    throw new UsageError(
      (m) => m.git.sinceUnknown(ref),
      (m) => m.git.sinceUnknownHint,
    );
  }
  if (await isShallow(git)) throw new UsageError((m) => m.git.sinceBaseShallow(ref), FETCH_HINT);
  throw new UsageError((m) => m.git.sinceNoHistory(ref));
}

async function mergeBase(git: SimpleGit, a: string, b: string): Promise<string | undefined> {
  try {
    const id = (await git.raw(['merge-base', a, b])).trim();
    return /^[0-9a-f]{40,64}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

async function isShallow(git: SimpleGit): Promise<boolean> {
  try {
    return (await git.revparse(['--is-shallow-repository'])).trim() === 'true';
  } catch {
    return false;
  }
}
