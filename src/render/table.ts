// Tables for terminals (aligned columns), Markdown and CSV, shared by every
// renderer so they escape and align the same way.
import { joinedInChunks } from '../model/text.js';

type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

/**
 * `make` remembering what it made for each key: the cells that repeat from
 * row to row of a long table (a day, a count of days, a status, the owners)
 * are made once. A large report has hundreds of thousands of rows. `made`
 * holds them: a WeakMap for lists the rows share (ownerNamesFor,
 * domain/taskState.ts), since rows made elsewhere may each have a list of
 * their own.
 */
export function madeOnce<K, V>(make: (key: K) => V, made: { get(key: K): V | undefined; set(key: K, value: V): unknown } = new Map<K, V>()): (key: K) => V {
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

/** Display width: combining marks take no column (Vietnamese written NFD). */
export function displayWidth(text: string): number {
  // Without combining marks or surrogate pairs (nearly every cell) each UTF-16 unit is one column. Below U+0300
  // and from U+1E00 to U+20CF (Vietnamese letters written NFC, dashes and quotes) there is neither: one pass over
  // the code units says so for nearly every cell, where the two patterns scanned it twice (at 100,000 records
  // the terminal task list measures 2.5 million cells).
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x300 && (code < 0x1e00 || code >= 0x20d0)) return SURROGATE.test(text) || COMBINING.test(text) ? widthOf(text) : text.length;
  }
  return text.length;
}

function widthOf(text: string): number {
  return [...text.normalize('NFC')].filter((ch) => !COMBINING.test(ch)).length;
}

const COMBINING = /\p{M}/u;
// Without the u flag: a pair's halves are matched too.
const SURROGATE = /[\uD800-\uDFFF]/;

function pad(text: string, width: number, align: Align = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Aligned columns for a terminal; `style` colours a cell after padding. */
export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: { header?: (s: string) => string } = {}): string {
  const [header, ...lines] = textTableLines(columns, () => rows);
  return [style.header ? style.header(header!) : header, ...lines].join('\n');
}

/**
 * textTable's lines (the header first), one at a time, for a table too long
 * to hold whole: rows are walked twice, `measured` for the widths and `rows`
 * for the lines, so their cells need not be kept either. A last column
 * aligned left is never padded (the line's end is trimmed), so it is not
 * measured: `measured` may give it empty, and a row made for the widths
 * need not read its longest text.
 */
export function* textTableLines(
  columns: readonly Column[],
  rows: () => Iterable<readonly string[]>,
  measured: () => Iterable<readonly string[]> = rows,
): Generator<string, void, undefined> {
  const padded = columns.length > 0 && columns[columns.length - 1]!.align !== 'right' ? columns.length - 1 : columns.length;
  const widths = columns.map((c) => displayWidth(c.header));
  for (const r of measured()) for (let i = 0; i < padded; i++) widths[i] = Math.max(widths[i]!, displayWidth(r[i] ?? ''));
  const line = (cells: readonly string[]) => {
    let text = '';
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (i > 0) text += '  ';
      text += i < padded ? pad(cell, widths[i]!, columns[i]!.align) : cell;
    }
    return text.trimEnd();
  };
  yield line(columns.map((c) => c.header));
  for (const r of rows()) yield line(r);
}

// Characters with a meaning in Markdown (or in the HTML it may hold): links
// and images ("[", "]"), raw HTML and autolinks ("<", ">"), entities ("&"),
// emphasis, code and strike-through, escapes, table cells; and what makes
// GitHub's Markdown link bare text: the ":" of "://", the "." of "www.", the
// "@" of an e-mail address (or a mention).
const MARKDOWN_SPECIAL = /[&<>\\`*_~[\]|@]|:(?=\/\/)|(?<=\bwww)\./gi;
const MAY_BE_SPECIAL = /[&<>\\`*_~[\]|@]|:\/\/|www\./i;
// At the start of a line (a list item, a table cell) these open a heading,
// a list item or an ordered list.
const NAMED_REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const MARKDOWN_LINE_START = /^(?:([#+*-])|(\d+)([.)]))(?=\s|$)/;

/**
 * Text from a record (or the config, or git) as Markdown that shows exactly
 * that text and nothing else: every character with a meaning is written as
 * a character reference (`&#91;`), which every Markdown renderer shows as the
 * character itself. No link, image, HTML, heading or list can come from it,
 * and no backslash or pipe is left for a table to split on. Expects one line
 * (visibleDeep has put it on one). `atLineStart: false` when the text follows
 * other text on its line (after "## ", say), where "1." opens no list.
 */
/**
 * A task id in Markdown, as the report writes it: in a code span, so that a
 * `_` or `.` reads as written (escaped, `t_a` showed as `t&#95;a` and could
 * not be copied back into a command). An id breaking the pattern is text.
 */
export function markdownId(id: string): string {
  return /^[a-z0-9][a-z0-9._-]*$/.test(id) ? `\`${id}\`` : markdownText(id);
}

export function markdownText(text: string, atLineStart = true): string {
  // The lookarounds make MARKDOWN_SPECIAL slow to scan with: a text this simpler pattern finds nothing in has
  // nothing MARKDOWN_SPECIAL would find either (a six-fold difference on a report's titles).
  const escaped = MAY_BE_SPECIAL.test(text) ? text.replace(MARKDOWN_SPECIAL, (c) => NAMED_REFERENCES[c] ?? `&#${c.charCodeAt(0)};`) : text;
  if (!atLineStart) return escaped;
  return escaped.replace(MARKDOWN_LINE_START, (_, mark: string | undefined, digits: string | undefined, dot: string | undefined) =>
    mark !== undefined ? `&#${mark.charCodeAt(0)};` : `${digits}&#${dot!.charCodeAt(0)};`,
  );
}

/** Markdown-safe cell text: pipes and line breaks cannot break the table. */
function markdownCell(text: string): string {
  // One scan for the cells that need nothing (nearly all: record text comes here through markdownText already).
  if (!CELL_SPECIAL.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const CELL_SPECIAL = /[\\|\n]/;

export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  return [...markdownTableChunks(columns, rows)].join('');
}

/** markdownTable in pieces of about 8 Ki characters, each row made as it is written (a report's 300,000 tasks). */
export function markdownTableChunks(columns: readonly Column[], rows: Iterable<readonly string[]>): Generator<string, void, undefined> {
  function* lines(): Generator<string, void, undefined> {
    yield `| ${columns.map((c) => markdownCell(c.header)).join(' | ')} |`;
    yield `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
    for (const r of rows) yield `| ${r.map((cell) => markdownCell(cell)).join(' | ')} |`;
  }
  return joinedInChunks(lines(), '\n');
}

// A spreadsheet takes a cell starting with one of these for a formula
// (=HYPERLINK(…), +cmd|…, @SUM(…)), or drops the tab or CR and then does.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180: CRLF line ends, fields quoted when they hold `,`, `"` or line
 * breaks. A field a spreadsheet would run as a formula is written with a
 * leading `'` (OWASP's advice on CSV injection), which Excel, LibreOffice
 * and Google Sheets show as text and do not display.
 */
export function csvTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [...csvTableChunks(headers, rows)].join('');
}

/** csvTable in pieces of about 8 Ki characters, each row made as it is written (a list of 300,000 tasks). */
export function* csvTableChunks(headers: readonly string[], rows: Iterable<readonly string[]>): Generator<string, void, undefined> {
  const field = (given: string) => {
    const text = FORMULA_START.test(given) ? `'${given}` : given;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  function* lines(): Generator<string, void, undefined> {
    yield headers.map(field).join(',');
    for (const r of rows) yield r.map(field).join(',');
  }
  yield* joinedInChunks(lines(), '\r\n');
  yield '\r\n';
}
