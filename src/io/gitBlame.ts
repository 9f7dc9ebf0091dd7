// `git blame` for one line of a record: the commit and author behind a
// task's assignment or update (meet log).
import type { SimpleGit } from 'simple-git';
import { UsageError } from '../model/errors.js';
import type { CommitInfo } from '../model/tasks.js';
import { visible } from '../model/text.js';

const NOT_COMMITTED = /^0{40}$/;

/**
 * The latest commit among those that last changed each of `lines` of `file`
 * (relative to the git client's folder): a status changed in place has a new
 * `status:` line under an old `task:` line. Null when one of them is not
 * committed yet, which is newer than any commit.
 */
export async function blameLines(git: SimpleGit, file: string, lines: readonly number[]): Promise<CommitInfo | null> {
  let latest: { info: CommitInfo; time: number } | undefined;
  for (const line of [...new Set(lines)]) {
    const output = await blameOutput(git, file, line);
    if (output === null) return null;
    const info = parseBlame(output);
    if (info === null) return null;
    const time = Number(/^committer-time (\d+)$/m.exec(output)?.[1] ?? 0);
    if (!latest || time > latest.time) latest = { info, time };
  }
  return latest?.info ?? null;
}

async function blameOutput(git: SimpleGit, file: string, line: number): Promise<string | null> {
  try {
    // --root: a root commit is an ordinary author, not a "boundary".
    return await git.raw(['blame', '--porcelain', '--root', '-L', `${line},${line}`, '--', file]);
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    // An untracked file, or a repository with no commit yet.
    if (/no such path|no such ref|bad revision|does not have any commits/i.test(text)) return null;
    throw new UsageError((m) => m.git.blameFailed(visible(file), visible(text.trim())));
  }
}

/** Reads the header of `git blame --porcelain` for one line. */
export function parseBlame(output: string): CommitInfo | null {
  const lines = output.split('\n');
  const sha = lines[0]?.split(' ')[0] ?? '';
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new UsageError((m) => m.git.blameOutput(visible(lines[0] ?? '')));
  if (NOT_COMMITTED.test(sha)) return null;
  const header = new Map<string, string>();
  for (const text of lines.slice(1)) {
    if (text.startsWith('\t')) break;
    const space = text.indexOf(' ');
    if (space > 0) header.set(text.slice(0, space), text.slice(space + 1));
  }
  return {
    sha,
    author: header.get('author') ?? '',
    email: (header.get('author-mail') ?? '').replace(/^<|>$/g, ''),
    date: isoWithOffset(Number(header.get('author-time') ?? 0), header.get('author-tz') ?? '+0000'),
    summary: header.get('summary') ?? '',
  };
}

/** Seconds since the epoch and git's "+0700" → "2020-11-01T17:00:00+07:00". */
export function isoWithOffset(seconds: number, zone: string): string {
  const match = /^([+-])(\d{2})(\d{2})$/.exec(zone) ?? ['', '+', '00', '00'];
  const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  const local = new Date((seconds + minutes * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${match[1]}${match[2]}:${match[3]}`;
}
