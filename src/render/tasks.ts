// The task list as a terminal table, Markdown, JSON and CSV. Text and
// Markdown speak the repository's language and name owners by their names;
// JSON and CSV are for programs (ISO dates, status ids, owner ids; CSV has
// the names too).
import type { ChalkInstance } from 'chalk';
import { joinedInChunks, jsonChunks, MappedList, oneLine, visibleDeep, visibleOneLine } from '../model/text.js';
import { meetingJson, type TaskList, type TaskRow, type UntitledTaskRow } from '../model/tasks.js';
import type { Config } from '../model/schema.js';
import { formatDate, dueCells, formatMonth, formatNumber, STATUS_LABELS } from './locale.js';
import { messages } from '../model/messages/index.js';
import { csvTableChunks, markdownId, markdownTableChunks, markdownText, textTableLines, type Column } from './table.js';
import type { Locale } from '../model/terms.js';

const HEADERS = (locale: Locale) => messages(locale).tasks.headers;

/**
 * Owner names from the config, the lead first (the id of an owner it does
 * not declare). `owners` is the config's table made safe to show
 * (visibleDeep, like the list, so its ids still match the list's).
 */
function ownerNames(ids: readonly string[], owners: Record<string, string>): string[] {
  return ids.map((o) => (Object.hasOwn(owners, o) ? owners[o]! : o));
}

/**
 * Aligned columns; the title goes last so a long one runs on without
 * pushing the other columns apart. Overdue rows red, closed ones dim.
 */
export function renderTasksText(given: TaskList, config: Config, c: ChalkInstance, heldRows = HELD_ROWS): Iterable<string> {
  const owners = visibleDeep(config.owners);
  const locale = given.locale ?? config.locale;
  const h = HEADERS(locale);
  // A "directed by" column only when some task says who directed it.
  const withDirected = given.directed;
  const columns: Column[] = [
    { header: h.id },
    { header: h.due },
    { header: h.status },
    { header: h.overdue, align: 'right' },
    { header: h.owners },
    { header: h.meeting },
    ...(withDirected ? [{ header: h.directedBy }] : []),
    { header: h.title },
  ];
  // A long list's cells are made twice, for the widths and for the lines, never held: at 100,000
  // records the list's 560,000 rows of cells were 270 MB more at the peak, for a second or two saved.
  // The widths are those of rows without their titles (the last column is not padded), which the list
  // reads back from the spill file only for the lines. A shorter list's cells are made once and held
  // (at 10,000 records, 31,000 rows: ~15 MB, and 1 s of a 10 s first run). Each row's look is kept as
  // its cells are made, for its line.
  const looks = new Uint8Array(given.rows.length);
  const cellsOf = localCells(locale, owners);
  const line = (cells: LocalCells) => [
    cells.id,
    cells.due,
    cells.status,
    cells.overdue,
    cells.owners,
    cells.meeting,
    ...(withDirected ? [cells.directedBy] : []),
    cells.title,
  ];
  function* rows() {
    let i = 0;
    for (const row of given.rows) {
      looks[i++] = row.overdueDays > 0 ? OVERDUE : row.status === 'done' || row.status === 'dropped' ? CLOSED : PLAIN;
      yield line(cellsOf(row, shownTitle(row)));
    }
  }
  function* measured() {
    for (const row of given.untitled ?? given.rows) yield line(cellsOf(row, ''));
  }
  const held = given.rows.length <= heldRows ? [...rows()] : undefined;
  function* styled() {
    let i = -1;
    for (const line of held ? textTableLines(columns, () => held) : textTableLines(columns, rows, measured)) {
      const look = i < 0 ? HEADER : looks[i]!;
      i++;
      yield look === HEADER ? c.bold(line) : look === OVERDUE ? c.red(line) : look === CLOSED ? c.dim(line) : line;
    }
  }
  return joinedInChunks(styled(), '\n');
}

/** A row's cells in the repository's words, as the terminal table and Markdown show them. */
interface LocalCells {
  id: string;
  title: string;
  owners: string;
  due: string;
  directedBy: string;
  status: string;
  overdue: string;
  meeting: string;
}

/** A row's title as its cell shows it. */
const shownTitle = (row: TaskRow): string => oneLine(visibleOneLine(row.title));

/**
 * A row's cells (terminal table and Markdown), each string of the row shown
 * as visibleDeep shows it (one line, no control character) without copying
 * the row; what rows share (their owners, their meeting's date and
 * organization, a deadline, a number of days) is made once. At 100,000
 * records a list has 316,000 rows, each made twice for the terminal.
 * `owners`: the config's names made safe to show (visibleDeep). `title`:
 * the row's title already shown (shownTitle), or '' where it is not wanted.
 */
function localCells(locale: Locale, owners: Record<string, string>): (row: UntitledTaskRow, title: string) => LocalCells {
  const due = dueCells(locale);
  const statuses = STATUS_LABELS[locale];
  const ownerCells = new Map<string, string>();
  const dates = new Map<string, string>();
  const organizations = new Map<string, string>();
  const days: string[] = [];
  return (row, title) => {
    // Owner ids are slugs: no line feed in them.
    const ownersKey = row.owners.length === 1 ? row.owners[0]! : row.owners.join('\n');
    let ownerCell = ownerCells.get(ownersKey);
    if (ownerCell === undefined) ownerCells.set(ownersKey, (ownerCell = ownerNames(row.owners.map(visibleOneLine), owners).join(', ')));
    const written = row.dueAsWritten;
    const shownWritten = typeof written === 'string' ? visibleOneLine(written) : written;
    const { date, organization } = row.meeting;
    let meeting = dates.get(date);
    if (meeting === undefined) dates.set(date, (meeting = formatDate(locale, visibleOneLine(date))));
    if (organization) {
      let shown = organizations.get(organization);
      if (shown === undefined) organizations.set(organization, (shown = oneLine(visibleOneLine(organization))));
      // Another organization's meeting named beside its date (FORMAT.md).
      if (shown) meeting = `${meeting} (${shown})`;
    }
    return {
      id: visibleOneLine(row.id),
      title,
      owners: ownerCell,
      due: shownWritten === written ? due(row) : due({ ...row, dueAsWritten: shownWritten }),
      directedBy: row.directedBy ? oneLine(visibleOneLine(row.directedBy)) : '',
      status: statuses[row.status],
      overdue: row.overdueDays > 0 ? (days[row.overdueDays] ??= formatNumber(locale, row.overdueDays)) : '',
      meeting,
    };
  };
}

/** Up to this many rows, the terminal table's cells are made once and held (renderTasksText). */
const HELD_ROWS = 50_000;

/** How a line of the terminal table looks. */
const PLAIN = 0;
const OVERDUE = 1;
const CLOSED = 2;
const HEADER = 3;

/** The count line (stderr): what was listed, on which day, in the locale's words and dates. */
export function renderTasksSummary(list: TaskList, locale: Locale = list.locale ?? 'en'): string {
  const m = messages(locale).tasks;
  const day = formatDate(locale, list.day);
  const when = list.month ? m.atEndOf(formatMonth(locale, list.month), day) : m.onDay(day);
  const count = list.rows.length;
  if (count === 0) return m.noneMatch(when);
  return m.summary(count, when, list.overdue);
}

/** In pieces, each row made as it is written. */
export function renderTasksMarkdown(list: TaskList, config: Config): Iterable<string> {
  // Outside text shown visibly (localCells): no control or bidirectional character reaches the output raw.
  const owners = visibleDeep(config.owners);
  const locale = list.locale ?? config.locale;
  const h = HEADERS(locale);
  const withDirected = list.directed;
  const columns: Column[] = [
    { header: h.id },
    { header: h.title },
    { header: h.owners },
    { header: h.due },
    { header: h.status },
    { header: h.overdue, align: 'right' },
    { header: h.meeting },
    ...(withDirected ? [{ header: h.directedBy }] : []),
  ];
  const cellsOf = localCells(locale, owners);
  function* rows() {
    for (const row of list.rows) {
      const cells = cellsOf(row, shownTitle(row));
      yield [
        markdownId(cells.id),
        markdownText(cells.title),
        markdownText(cells.owners),
        cells.due,
        cells.status,
        cells.overdue,
        cells.meeting,
        ...(withDirected ? [markdownText(cells.directedBy)] : []),
      ];
    }
  }
  return markdownTableChunks(columns, rows());
}

/**
 * JSON: an array, one object per task:
 * `{ id, title, owners: string[] (lead first), due: "YYYY-MM-DD" | null (the resolved deadline),
 *    dueAsWritten: string | {working_days} | {days} | null, recurring: boolean, directedBy: string | null,
 *    status: "open" | "in-progress" | "done" | "dropped", overdueDays: number (0 when not overdue),
 *    meeting: { date: "YYYY-MM-DD", title, file (relative to the repository root), organization: string | null (another organization's) } }`
 */
export function* renderTasksJson(list: TaskList): Generator<string, void, undefined> {
  // Each made as it is written: a list at 100k records has hundreds of thousands of rows.
  const rows = new MappedList(list.rows, (row) => ({
    id: row.id,
    title: row.title,
    owners: row.owners,
    due: row.due ?? null,
    dueAsWritten: row.dueAsWritten ?? null,
    recurring: row.recurring ?? false,
    directedBy: row.directedBy ?? null,
    status: row.status,
    overdueDays: row.overdueDays,
    meeting: meetingJson(row.meeting),
  }));
  yield* jsonChunks(rows);
}

const CSV_HEADERS = [
  'id',
  'title',
  'owners',
  'owner_names',
  'due',
  'status',
  'overdue_days',
  'meeting_date',
  'meeting_title',
  'meeting_file',
  'meeting_organization',
];

/** RFC 4180 with a header row; owner ids and names joined by ";", dates ISO, status ids. In pieces, each row made as it is written. */
export function renderTasksCsv(given: TaskList, config?: Config): Iterable<string> {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const list = visibleDeep(given);
  const owners = config ? visibleDeep(config.owners) : undefined;
  function* rows() {
    for (const row of list.rows) {
      yield [
        row.id,
        row.title,
        row.owners.join(';'),
        (owners ? ownerNames(row.owners, owners) : row.owners).join(';'),
        row.due ?? '',
        row.status,
        String(row.overdueDays),
        row.meeting.date,
        row.meeting.title,
        row.meeting.file,
        row.meeting.organization ?? '',
      ];
    }
  }
  return csvTableChunks(CSV_HEADERS, rows());
}
