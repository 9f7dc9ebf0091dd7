// meet tasks: every task with its state on a day (today, or the last day of
// --month), filtered and sorted by pure functions, rendered as a terminal
// table, Markdown, JSON or CSV.
// What reads the records and makes the list is loaded only when the output
// memo has no answer.
import { nearest } from '../domain/suggest.js';
import { plainWords } from '../model/termWords.js';
import { colorsFor } from '../io/colors.js';
import { OutputMemo, terminalOf } from '../io/outputMemo.js';
import { findRoot } from '../io/paths.js';
import { printDataChunks, printMessage, readingFor, type Io } from '../io/terminal.js';
import { todayIn, type IsoDate, type Month } from '../model/dates.js';
import { EXIT_OK, UsageError } from '../model/errors.js';
import type { Config } from '../model/schema.js';
import type { TaskFilters, TaskSort } from '../model/tasks.js';
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
    const suggestion = nearest(id, Object.keys(declared)) ?? idNamed(id, declared);
    throw new UsageError(
      (m) => m.tasks.notDeclared(flag, kind, visible(id), suggestion),
      (m) => m.tasks.declared(kind, ...declaredList(Object.keys(declared))),
    );
  };
  check('--owner', filters.owner, config.owners, 'owner');
  check('--sector', filters.sector, config.sectors, 'sector');
}

/**
 * The id of the owner or sector the clerk typed by its name ("Phòng Kinh
 * tế" for kinh-te), accents and case aside; a name's beginning will do
 * ("Phòng Kinh tế" of "Phòng Kinh tế, Hạ tầng và Đô thị") when only one
 * begins so.
 */
function idNamed(typed: string, declared: Record<string, string>): string | undefined {
  const words = plainWords(typed);
  if (words === '') return undefined;
  const entries = Object.entries(declared);
  const exact = entries.find(([, name]) => plainWords(name) === words);
  if (exact) return exact[0];
  const beginning = entries.filter(([, name]) => plainWords(name).startsWith(words));
  return beginning.length === 1 ? beginning[0]![0] : undefined;
}

/** The declared ids for a hint: the first twenty, and how many more. */
function declaredList(ids: readonly string[]): [list: string, more: number] {
  return [ids.slice(0, 20).join(', '), Math.max(0, ids.length - 20)];
}

export async function tasksCommand(options: TasksOptions, io: Io): Promise<number> {
  const root = findRoot(io.cwd, options.root);
  const filters: TaskFilters = {
    status: options.status,
    owner: options.owner,
    sector: options.sector,
    overdue: options.overdue,
    dueBefore: options.dueBefore,
    assignedIn: options.assignedIn,
  };
  const memo = await OutputMemo.open(root, io, options.cache);
  // (An answer was kept only for ids the config declares: the config is part of its key.)
  const question = memo && {
    command: 'tasks',
    filters,
    sort: options.sort,
    format: options.format,
    month: options.month ?? null,
    today: memo.today(options.today, io),
    terminal: terminalOf(io),
  };
  const answered = question && memo.answer<TasksMeta>(question);
  if (answered) return printTasks(answered.meta, answered.data, options.format, io);

  const [{ builtFrom, loadStoredValidRepository }, { asOfDay }, { buildTaskList }, render, { TextSpill }] = await Promise.all([
    import('../io/recordStore.js'),
    import('../domain/months.js'),
    import('../domain/taskList.js'),
    import('../render/tasks.js'),
    import('../io/textSpill.js'),
  ]);
  const { renderTasksCsv, renderTasksJson, renderTasksMarkdown, renderTasksSummary, renderTasksText } = render;
  // The titles of the tasks wait in the cache folder until their rows are written.
  const texts = options.cache !== false ? TextSpill.open(root, io.env) : undefined;
  try {
    // The list's rows are made from the records as they are written.
    const { config, list } = await builtFrom(
      () =>
        loadStoredValidRepository(root, readingFor(io), {
          env: io.env,
          cache: options.cache,
          // A record held after the day read changes no state shown; one of a month after --month, only through its updates.
          project: { results: false, notes: false, ...(options.month ? { lastMonth: options.month } : options.today ? { lastDay: options.today } : {}) },
          listing: memo?.listing,
          texts,
        }),
      ({ config, records }) => {
        checkFilterIds(filters, config);
        // --month reads the state "as of" that month (its last day, or a later meeting belonging to it), whatever --today says.
        const day = options.month ? asOfDay(records, options.month) : (options.today ?? todayIn(config.timezone, io.now()));
        return { config, list: { ...buildTaskList(records, config, day, filters, options.sort ?? 'due', options.month), locale: io.locale ?? config.locale } };
      },
    );

    let meta: TasksMeta = {};
    let text: Iterable<string>;
    switch (options.format) {
      case 'json':
        text = renderTasksJson(list);
        break;
      case 'csv':
        text = renderTasksCsv(list, config);
        break;
      case 'md':
        text = renderTasksMarkdown(list, config);
        break;
      default:
        text = list.rows.length > 0 ? renderTasksText(list, config, colorsFor(io.stdout, io)) : [];
        meta = { summary: colorsFor(io.stderr, io).dim(renderTasksSummary(list)) };
    }
    return await printTasks(meta, memo ? memo.keep(question, meta, text) : text, options.format, io);
  } finally {
    texts?.close();
  }
}

/** What the memo keeps of a task list besides its text: the summary line of the terminal table. */
interface TasksMeta {
  summary?: string;
}

async function printTasks(meta: TasksMeta, text: Iterable<string | Uint8Array>, format: TasksOptions['format'], io: Io): Promise<number> {
  // CSV is written as it is, without a newline added.
  await printDataChunks(io, text, format !== 'csv');
  if (meta.summary !== undefined) printMessage(io, meta.summary);
  return EXIT_OK;
}
