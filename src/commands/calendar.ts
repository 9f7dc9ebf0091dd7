// meet calendar: the open tasks with a deadline as an iCalendar file, one
// all-day event per task on its due date, for departments to subscribe to.
import path from 'node:path';
import { calendarTasks } from '../domain/calendar.js';
import { didYouMean } from '../domain/suggest.js';
import { findRoot } from '../io/paths.js';
import { loadValidRepository } from '../io/repository.js';
import { printMessage, readingFor, type Io } from '../io/terminal.js';
import { replaceUserFile } from '../io/writeFiles.js';
import { todayIn, type IsoDate } from '../model/dates.js';
import { EXIT_OK, UsageError } from '../model/errors.js';
import { renderCalendar } from '../render/calendar.js';
import { formatForOut } from '../render/outFormats.js';

export interface CalendarOptions {
  root?: string;
  /** Only this owner's tasks (lead or co-owner). */
  owner?: string;
  /** Write to this file (.ics) instead of stdout. */
  out?: string;
  today?: IsoDate;
}

const CALENDAR_EXTENSIONS = { '.ics': 'ics', '.ical': 'ics', '.icalendar': 'ics' } as const;

export async function calendarCommand(options: CalendarOptions, io: Io): Promise<number> {
  // Before reading anything: a calendar.pdf would hold iCalendar text.
  if (options.out !== undefined) formatForOut('meet calendar', options.out, CALENDAR_EXTENSIONS, 'ics');
  const root = findRoot(io.cwd, options.root);
  const { config, records } = await loadValidRepository(root, readingFor(io));
  if (options.owner !== undefined && !Object.hasOwn(config.owners, options.owner)) {
    throw new UsageError(
      `--owner ${options.owner}: no owner "${options.owner}" is declared in meet.config.yaml.${didYouMean(options.owner, Object.keys(config.owners))}`,
      `Declared owners: ${Object.keys(config.owners).join(', ') || '(none)'}.`,
    );
  }
  const day = options.today ?? todayIn(config.timezone, io.now());
  const tasks = calendarTasks(records, config, day, options.owner);
  const text = renderCalendar(tasks, config, options.owner);
  if (options.out === undefined) {
    io.stdout.write(text);
    return EXIT_OK;
  }
  replaceUserFile(path.resolve(io.cwd, options.out), text);
  printMessage(io, `Wrote ${tasks.length} open ${tasks.length === 1 ? 'task' : 'tasks'} with a due date to ${options.out}`);
  return EXIT_OK;
}
