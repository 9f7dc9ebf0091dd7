// Plain-text helpers for record text echoed anywhere: one line, short enough.

/**
 * User text on one line: a summary written as a YAML block may hold line
 * breaks, which would break a table row, a YAML comment or a CI log line.
 * Every kind of line break counts, U+2028 and U+2029 included.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

/** Text from a record echoed in a message, cut to a readable length. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
