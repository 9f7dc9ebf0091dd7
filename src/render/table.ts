// Tables for terminals (aligned columns), Markdown and CSV, shared by every
// renderer so they escape and align the same way.

type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

/** Display width: combining marks take no column (Vietnamese written NFD). */
export function displayWidth(text: string): number {
  return [...text.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length;
}

function pad(text: string, width: number, align: Align = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Aligned columns for a terminal; `style` colours a cell after padding. */
export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: { header?: (s: string) => string } = {}): string {
  // reduce, not Math.max(...rows): a spread of 100,000 rows overflows the stack.
  const widths = columns.map((c, i) => rows.reduce((width, r) => Math.max(width, displayWidth(r[i] ?? '')), displayWidth(c.header)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i]!, columns[i]!.align))
      .join('  ')
      .trimEnd();
  const header = line(columns.map((c) => c.header));
  return [style.header ? style.header(header) : header, ...rows.map(line)].join('\n');
}

/** Markdown-safe cell text: pipes and line breaks cannot break the table. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const header = `| ${columns.map((c) => markdownCell(c.header)).join(' | ')} |`;
  const rule = `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const body = rows.map((r) => `| ${r.map((cell) => markdownCell(cell)).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}

/** RFC 4180: CRLF line ends, fields quoted when they hold `,`, `"` or line breaks. */
export function csvTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [headers, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
