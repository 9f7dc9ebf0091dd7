// meet log TASK_ID: the task's history from the records (the meeting that
// assigned it, each update), each entry with the commit and author that last
// changed its lines (an update's status and note), found with `git blame`.
import { deadlinesOf } from '../domain/deadlines.js';
import { nearest } from '../domain/suggest.js';
import { messages } from '../model/messages/index.js';
import { taskIds, taskLog } from '../domain/taskLog.js';
import type { TaskHistory } from '../model/tasks.js';
import { EXIT_OK, RecordsError } from '../model/errors.js';
import { blameLines } from '../io/gitBlame.js';
import { requireGitRepository } from '../io/git.js';
import { colorsFor } from '../io/colors.js';
import { printData, printDataChunks, printMessage, type Io, readingFor } from '../io/terminal.js';
import { projectRecord } from '../domain/projection.js';
import { loadStoredValidRepository } from '../io/recordStore.js';
import { findRoot } from '../io/paths.js';
import { renderLogJson, renderLogMarkdown, renderLogText } from '../render/log.js';
import { visible } from '../model/text.js';

export interface LogOptions {
  id: string;
  format: 'text' | 'md' | 'json';
  root?: string;
  /** Use and refresh the record store in .meet-cache/ (default true; --no-cache turns it off). */
  cache?: boolean;
}

export async function logCommand(options: LogOptions, io: Io): Promise<number> {
  const root = findRoot(io.cwd, options.root);
  const { config, records } = await loadStoredValidRepository(root, readingFor(io), {
    env: io.env,
    cache: options.cache,
    project: projectRecord({ results: false }),
  });
  const { git } = await requireGitRepository(root, 'meet log', io.env);
  const log = taskLog(records, options.id, deadlinesOf(config));
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
  if (options.format === 'json') printDataChunks(io, renderLogJson(history));
  else if (options.format === 'md') printData(io, renderLogMarkdown(history, locale));
  else printData(io, renderLogText(history, locale, colorsFor(io.stdout, io)));

  // In a shallow clone the oldest commit fetched stands in for all older ones.
  if ((await git.raw(['rev-parse', '--is-shallow-repository']).catch(() => '')).trim() === 'true') {
    printMessage(io, messages(locale).git.shallowLog);
  }
  return EXIT_OK;
}
