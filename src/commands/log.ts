// meet log TASK_ID: the task's history from the records (the meeting that
// assigned it, each update), each entry with the commit and author that last
// changed its line, found with `git blame`.
import type { SimpleGit } from 'simple-git';
import { didYouMean } from '../domain/suggest.js';
import { taskIds, taskLog, type CommitInfo, type TaskHistory } from '../domain/taskLog.js';
import { EXIT_OK, RecordsError, UsageError } from '../errors.js';
import { requireGitRepository } from '../io/git.js';
import { colorsFor } from '../io/colors.js';
import { printData, printMessage, type Io, readingFor } from '../io/terminal.js';
import { findRoot, loadValidRepository } from '../records/load.js';
import { renderLogJson, renderLogMarkdown, renderLogText } from '../render/log.js';

export interface LogOptions {
  id: string;
  format: 'text' | 'md' | 'json';
  root?: string;
}

export async function logCommand(options: LogOptions, io: Io): Promise<number> {
  const root = findRoot(io.cwd, options.root);
  const { config, records } = await loadValidRepository(root, readingFor(io));
  const { git } = await requireGitRepository(root, 'meet log', io.env);
  const log = taskLog(records, options.id);
  if (!log) {
    throw new RecordsError(`No record assigns a task "${options.id}".${didYouMean(options.id, taskIds(records))}`, 'Run "meet tasks" to list the task ids.');
  }
  const commits = await Promise.all(log.entries.map((entry) => blameLine(git, entry.file, entry.line)));
  const history: TaskHistory = { ...log, entries: log.entries.map((entry, i) => ({ ...entry, commit: commits[i]! })) };

  if (options.format === 'json') printData(io, renderLogJson(history));
  else if (options.format === 'md') printData(io, renderLogMarkdown(history, config.locale));
  else printData(io, renderLogText(history, config.locale, colorsFor(io.stdout, io)));

  // In a shallow clone the oldest commit fetched stands in for all older ones.
  if ((await git.raw(['rev-parse', '--is-shallow-repository']).catch(() => '')).trim() === 'true') {
    printMessage(io, 'Note: this is a shallow clone; a commit shown may be the oldest one fetched rather than the one that wrote the line. Run "git fetch --unshallow" for the full history.');
  }
  return EXIT_OK;
}

const NOT_COMMITTED = /^0{40}$/;

/** The commit that last changed `line` of `file` (relative to the git client's folder); null when not committed yet. */
export async function blameLine(git: SimpleGit, file: string, line: number): Promise<CommitInfo | null> {
  let output: string;
  try {
    // --root: a root commit is an ordinary author, not a "boundary".
    output = await git.raw(['blame', '--porcelain', '--root', '-L', `${line},${line}`, '--', file]);
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    // An untracked file, or a repository with no commit yet.
    if (/no such path|no such ref|bad revision|does not have any commits/i.test(text)) return null;
    throw new UsageError(`git blame failed on ${file}: ${text.trim()}`);
  }
  return parseBlame(output);
}

/** Reads the header of `git blame --porcelain` for one line. */
export function parseBlame(output: string): CommitInfo | null {
  const lines = output.split('\n');
  const sha = lines[0]?.split(' ')[0] ?? '';
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new UsageError(`Unexpected output from git blame: ${lines[0] ?? ''}`);
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
