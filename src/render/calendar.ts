// Open tasks as an iCalendar file (RFC 5545), written by ical-generator: one
// all-day event on each task's due date, with a UID that stays the same for
// the task, so a calendar that subscribes to the file updates its entries
// instead of adding new ones. The output depends only on the records: each
// event's DTSTAMP is the date of the meeting that assigned the task.
import { ICalCalendarMethod, ICalEventTransparency, default as ical } from 'ical-generator';
import type { CalendarTask } from '../domain/calendar.js';
import { utcTime, type IsoDate } from '../model/dates.js';
import type { Config } from '../model/schema.js';
import type { Locale } from '../model/terms.js';
import { formatDate, STATUS_LABELS } from './locale.js';
import { slugify } from '../domain/slug.js';
import { visible, visibleLines } from '../model/text.js';

const WORDS: Record<Locale, { calendar: string; owners: string; meeting: string; status: string; record: string; id: string }> = {
  vi: { calendar: 'Nhiệm vụ', owners: 'Cơ quan được giao', meeting: 'Giao tại', status: 'Tình trạng', record: 'Biên bản', id: 'Mã nhiệm vụ' },
  en: { calendar: 'Tasks', owners: 'Owners', meeting: 'Assigned at', status: 'Status', record: 'Record', id: 'Task id' },
};

/** Midnight UTC of an ISO date: ical-generator writes an all-day date from the UTC fields. */
function utcDay(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(utcTime(y, m - 1, d));
}

function nextDay(date: IsoDate): Date {
  const day = utcDay(date);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

/** A task's UID: its id (unique in the repository) and the organisation, the same on every run. */
function taskUid(config: Pick<Config, 'organization'>, id: string): string {
  return `task-${id}@${slugify(config.organization, 'meet')}.meet`;
}

/**
 * A TEXT value as RFC 5545 writes it (3.3.11): backslash, semicolon, comma and
 * line feed escaped. ical-generator escapes each event's texts, but writes the
 * calendar's NAME and X-WR-CALNAME as given: "Các phòng, ban, ngành" would
 * read as a list of three names.
 */
function textValue(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** `locale`: the run's (--locale, else the config's). */
export function renderCalendar(tasks: readonly CalendarTask[], config: Config, locale: Locale, owner?: string): string {
  const words = WORDS[locale];
  const ownerName = (id: string) => config.owners[id] ?? id;
  const calendar = ical({
    name: textValue(visible(`${config.organization} — ${words.calendar}${owner ? ` (${ownerName(owner)})` : ''}`)),
    prodId: { company: 'meet', product: 'meeting-minutes-cli', language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const task of tasks) {
    const owners = task.owners.map(ownerName).join(', ');
    calendar.createEvent({
      id: taskUid(config, task.id),
      allDay: true,
      start: utcDay(task.due),
      end: nextDay(task.due),
      stamp: utcDay(task.meeting.date),
      // Outside text shown visibly, as everywhere: a calendar would reverse a line after a U+202E.
      summary: visible(task.title),
      description: visibleLines(
        [
          `${words.owners}: ${owners}`,
          `${words.meeting}: ${task.meeting.title} (${formatDate(locale, task.meeting.date)})`,
          `${words.status}: ${STATUS_LABELS[locale][task.status]}`,
          `${words.record}: ${task.meeting.file}`,
          `${words.id}: ${task.id}`,
        ].join('\n'),
      ),
      categories: task.owners.map((id) => ({ name: visible(ownerName(id)) })),
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves it off.
  return `${calendar.toString()}\r\n`;
}
