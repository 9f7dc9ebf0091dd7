// meet calendar: the open tasks with a deadline as an iCalendar file, one
// all-day event per task on its due date, for departments to subscribe to.
import { calendarTasks } from '../domain/calendar.js';
import { nearest } from '../domain/suggest.js';
import { findRoot } from '../io/paths.js';
import { loadValidRepository } from '../io/repository.js';
import { printMessage, readingFor, type Io } from '../io/terminal.js';
import { outFile, writeUserOutput } from '../io/writeFiles.js';
import { todayIn, type IsoDate } from '../model/dates.js';
import { EXIT_OK, UsageError } from '../model/errors.js';
import { messages } from '../model/messages/index.js';
import { visible } from '../model/text.js';
import { renderCalendar } from '../render/calendar.js';
import { formatForOut } from '../render/outFormats.js';

export interface CalendarOptions {
  root?: string;
  /** Only this owner's tasks (lead or co-owner). */
  owner?: string;
  /** Write to this file (.ics) instead of stdout. */
  out?: string;
  /** Replace the file --out names if it exists (a feed a scheduled job rewrites). */
  force?: boolean;
  today?: IsoDate;
}

const CALENDAR_EXTENSIONS = { '.ics': 'ics', '.ical': 'ics', '.icalendar': 'ics' } as const;

export async function calendarCommand(options: CalendarOptions, io: Io): Promise<number> {
  // Before reading anything: a calendar.pdf would hold iCalendar text.
  if (options.out !== undefined) formatForOut('meet calendar', options.out, CALENDAR_EXTENSIONS);
  const root = findRoot(io.cwd, options.root);
  const { config, records } = await loadValidRepository(root, readingFor(io));
  if (options.owner !== undefined && !Object.hasOwn(config.owners, options.owner)) {
    const owner = visible(options.owner);
    const ids = Object.keys(config.owners);
    const suggestion = nearest(options.owner, ids);
    throw new UsageError(
      (m) => m.tasks.notDeclared('--owner', 'owner', owner, suggestion),
      // The first twenty, and how many more.
      (m) => m.tasks.declared('owner', ids.slice(0, 20).join(', '), Math.max(0, ids.length - 20)),
    );
  }
  const day = options.today ?? todayIn(config.timezone, io.now());
  const tasks = calendarTasks(records, config, day, options.owner);
  const text = renderCalendar(tasks, config, io.locale ?? config.locale, options.owner);
  const file = outFile(options.out);
  if (file === undefined) {
    io.stdout.write(text);
    return EXIT_OK;
  }
  writeUserOutput(root, config.paths.meetings, io.cwd, file, text, options.force === true);
  printMessage(io, messages(io.locale ?? config.locale).calendar.wrote(tasks.length, visible(file)));
  return EXIT_OK;
}
