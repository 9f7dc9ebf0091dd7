// meet tasks: every task with its state on a day (today, or the last day of
// --month), filtered and sorted by pure functions, rendered as a terminal
// table, Markdown, JSON or CSV.
import { buildTaskList } from '../domain/taskList.js';
import { nearest } from '../domain/suggest.js';
import { colorsFor } from '../io/colors.js';
import { findRoot } from '../io/paths.js';
import { loadStoredValidRepository } from '../io/recordStore.js';
import { printData, printDataChunks, printMessage, readingFor, type Io } from '../io/terminal.js';
import { todayIn, type IsoDate, type Month } from '../model/dates.js';
import { asOfDay } from '../domain/months.js';
import { projectRecord } from '../domain/projection.js';
import { EXIT_OK, UsageError } from '../model/errors.js';
import type { Config } from '../model/schema.js';
import type { TaskFilters, TaskSort } from '../model/tasks.js';
import { renderTasksCsv, renderTasksJson, renderTasksMarkdown, renderTasksSummary, renderTasksText } from '../render/tasks.js';
import type { TaskStatus } from '../model/terms.js';
import { visible } from '../model/text.js';

export interface TasksOptions {
  root?: string;
  status?: TaskStatus[];
  owner?: string;
  sector?: string;
  overdue: boolean;
  dueBefore?: IsoDate;
  assignedIn?: Month;
  sort: TaskSort;
  format: 'text' | 'md' | 'json' | 'csv';
  today?: IsoDate;
  month?: Month;
  /** Use and refresh the record store in .meet-cache/ (default true; --no-cache turns it off). */
  cache?: boolean;
}

/** An --owner or --sector id must be declared in the config: a typo would silently match nothing. */
function checkFilterIds(filters: TaskFilters, config: Config): void {
  const check = (flag: string, id: string | undefined, declared: Record<string, string>, kind: 'owner' | 'sector') => {
    if (id === undefined || Object.hasOwn(declared, id)) return;
    throw new UsageError(
      (m) => m.tasks.notDeclared(flag, kind, visible(id), nearest(id, Object.keys(declared))),
      (m) => m.tasks.declared(kind, ...declaredList(Object.keys(declared))),
    );
  };
  check('--owner', filters.owner, config.owners, 'owner');
  check('--sector', filters.sector, config.sectors, 'sector');
}

/** The declared ids for a hint: the first twenty, and how many more. */
function declaredList(ids: readonly string[]): [list: string, more: number] {
  return [ids.slice(0, 20).join(', '), Math.max(0, ids.length - 20)];
}

export async function tasksCommand(options: TasksOptions, io: Io): Promise<number> {
  const root = findRoot(io.cwd, options.root);
  const { config, records } = await loadStoredValidRepository(root, readingFor(io), {
    env: io.env,
    cache: options.cache,
    project: projectRecord({ results: false }),
  });
  const filters: TaskFilters = {
    status: options.status,
    owner: options.owner,
    sector: options.sector,
    overdue: options.overdue,
    dueBefore: options.dueBefore,
    assignedIn: options.assignedIn,
  };
  checkFilterIds(filters, config);
  // --month reads the state "as of" that month (its last day, or a later meeting belonging to it), whatever --today says.
  const day = options.month ? asOfDay(records, options.month) : (options.today ?? todayIn(config.timezone, io.now()));
  const list = { ...buildTaskList(records, config, day, filters, options.sort ?? 'due', options.month), locale: io.locale ?? config.locale };

  switch (options.format) {
    case 'json':
      printDataChunks(io, renderTasksJson(list));
      break;
    case 'csv':
      io.stdout.write(renderTasksCsv(list, config));
      break;
    case 'md':
      printData(io, renderTasksMarkdown(list, config));
      break;
    default: {
      if (list.rows.length > 0) printDataChunks(io, renderTasksText(list, config, colorsFor(io.stdout, io)));
      printMessage(io, colorsFor(io.stderr, io).dim(renderTasksSummary(list)));
    }
  }
  return EXIT_OK;
}
