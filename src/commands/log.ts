// meet log TASK_ID: the task's history from the records (the meeting that
// assigned it, each update), each entry with the commit and author that last
// changed its lines (an update's status and note), found with `git blame`.
// What reads the records and asks git blame is loaded only when the output
// memo has no answer.
import { nearest } from '../domain/suggest.js';
import { messages } from '../model/messages/index.js';
import type { TaskHistory } from '../model/tasks.js';
import { EXIT_OK, RecordsError } from '../model/errors.js';
import { headOf } from '../io/gitHead.js';
import { OutputMemo, terminalOf } from '../io/outputMemo.js';
import { colorsFor } from '../io/colors.js';
import { printDataChunks, printMessage, type Io, readingFor } from '../io/terminal.js';
import { findRoot } from '../io/paths.js';
import { visible } from '../model/text.js';
import { todayIn, type IsoDate } from '../model/dates.js';

export interface LogOptions {
  id: string;
  format: 'text' | 'md' | 'json';
  root?: string;
  /** Use and refresh the record store in .meet-cache/ (default true; --no-cache turns it off). */
  cache?: boolean;
  /** The day the state is read on (default: today in the config's time zone). */
  today?: IsoDate;
}

export async function logCommand(options: LogOptions, io: Io): Promise<number> {
  const root = findRoot(io.cwd, options.root);
  // The history's commits come from git: the commit checked out, and whether the clone is shallow, are part of the question.
  // Asked first: read from .git, or git answers while the memo hashes the records.
  const asked = headOf(root, io.env);
  const memo = await OutputMemo.open(root, io, options.cache);
  const head = await asked;
  const question = memo &&
    head && { command: 'log', id: options.id, format: options.format, head, terminal: terminalOf(io), today: memo.today(options.today, io) };
  const answered = question && memo.answer<LogMeta>(question);
  if (answered) return printLog(answered.meta, answered.data, io);

  const [{ loadStoredValidRepository }, { requireGitRepository }, { blameLines }, { deadlinesOf }, { taskIds, taskLog }, render] = await Promise.all([
    import('../io/recordStore.js'),
    import('../io/git.js'),
    import('../io/gitBlame.js'),
    import('../domain/deadlines.js'),
    import('../domain/taskLog.js'),
    import('../render/log.js'),
  ]);
  const { renderLogJson, renderLogMarkdown, renderLogText } = render;

  const { config, records } = await loadStoredValidRepository(root, readingFor(io), {
    env: io.env,
    cache: options.cache,
    // One task's history: of the others, only their ids (the checks across records, "did you mean").
    project: { results: false, task: options.id },
    listing: memo?.listing,
  });
  const { git } = await requireGitRepository(root, 'meet log', io.env, (m) => m.git.notRepositoryLogHint);
  const log = taskLog(records, options.id, deadlinesOf(config), options.today ?? todayIn(config.timezone, io.now()));
  if (!log) {
    const suggestion = nearest(options.id, taskIds(records));
    throw new RecordsError(
      (m) => m.tasks.noTask(visible(options.id), suggestion && visible(suggestion)),
      (m) => m.tasks.noTaskHint,
    );
  }
  const commits = await Promise.all(log.entries.map((entry) => blameLines(git, entry.file, entry.blameLines)));
  const history: TaskHistory = { ...log, entries: log.entries.map((entry, i) => ({ ...entry, commit: commits[i]! })) };

  const locale = io.locale ?? config.locale;
  const text =
    options.format === 'json'
      ? renderLogJson(history)
      : [options.format === 'md' ? renderLogMarkdown(history, locale) : renderLogText(history, locale, colorsFor(io.stdout, io))];
  // In a shallow clone the oldest commit fetched stands in for all older ones.
  const meta: LogMeta = { ...(head?.shallow ? { shallow: messages(locale).git.shallowLog } : {}) };
  return printLog(meta, memo && question ? memo.keep(question, meta, text) : text, io);
}

/** What the memo keeps of a task's history besides its text: the note of a shallow clone. */
interface LogMeta {
  shallow?: string;
}

async function printLog(meta: LogMeta, text: Iterable<string | Uint8Array>, io: Io): Promise<number> {
  await printDataChunks(io, text);
  if (meta.shallow !== undefined) printMessage(io, meta.shallow);
  return EXIT_OK;
}
