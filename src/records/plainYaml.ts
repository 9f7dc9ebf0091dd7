// A fast reader for the plain YAML records are usually written in; anything
// else is NOT_PLAIN and goes to the exact reader. Its contract, tested in
// test/plainYaml.test.ts, is in ARCHITECTURE.md ("From bytes to a report").

export const NOT_PLAIN: unique symbol = Symbol('not plain YAML');

interface Line {
  indent: number;
  /** The line after its indentation: never blank, never a comment line. */
  text: string;
}

// Tabs, control characters, BOMs, non-characters and the Unicode line
// separators are all things the exact reader has an opinion on.
const UNSAFE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
// A key the subset accepts: a plain word, then ":" and a space or the line end.
const KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?: +|$)/;
// YAML puts the ":" of an implicit key at most 1024 characters after its
// start; after an empty value the exact reader counts from the end of the
// line before, so the line break and the indentation count too.
const MAX_KEY_COLUMN = 1024 - 2;
// Plain values cannot start with an indicator (YAML 1.2, ns-plain-first);
// "-", "?" and ":" may in some cases, which the subset leaves to the exact reader.
const INDICATOR_FIRST = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
const NULL_TEXT = new Set(['~', 'null', 'Null', 'NULL']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// The exact reader refuses values nested more than 64 deep and more than
// 200,000 values; stop well short of both, so that no count of nesting or of
// values (a flow list's items are values one level further down) decides.
const MAX_DEPTH = 32;
const MAX_NODES = 100_000;

class NotPlain extends Error {}
const notPlain = new NotPlain();

/** The front matter's value, or NOT_PLAIN when the exact reader must read it. */
export function readPlainYaml(text: string): unknown {
  if (UNSAFE.test(text)) return NOT_PLAIN;
  const lines = contentLines(text);
  if (lines === undefined) return NOT_PLAIN;
  if (lines.length === 0) return null;
  const reader = new Reader(lines);
  try {
    const value = reader.block(lines[0]!.indent, 0);
    // A line left over is less indented than the first: not one document.
    return reader.done() ? value : NOT_PLAIN;
  } catch (error) {
    if (error === notPlain) return NOT_PLAIN;
    throw error;
  }
}

function contentLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let stop = end;
    // A CR ending the text is not followed by a LF: a CR alone, kept below.
    if (end < text.length && stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    let indent = start;
    while (indent < stop && text.charCodeAt(indent) === 32) indent++;
    if (indent < stop) {
      const line = text.slice(indent, stop);
      // A CR alone, or a document marker, is for the exact reader.
      if (line.includes('\r')) return undefined;
      if (indent === start && (line.startsWith('---') || line.startsWith('...'))) return undefined;
      if (line.charCodeAt(0) !== 35) lines.push({ indent: indent - start, text: line });
    }
    start = end + 1;
  }
  return lines;
}

function isListEntry(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** Nothing, or a comment after at least one space. */
function isLineEnd(rest: string): boolean {
  let i = 0;
  while (rest.charCodeAt(i) === 32) i++;
  return i === rest.length || (i > 0 && rest.charCodeAt(i) === 35);
}

function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

function isPlainText(text: string): boolean {
  return text.length > 0 && !INDICATOR_FIRST.has(text[0]!) && !text.includes(': ') && !text.endsWith(':') && !text.includes(' #');
}

function plainValue(text: string): string | null {
  return NULL_TEXT.has(text) ? null : text;
}

/** A value written on the same line as its key or "-". */
function inlineValue(rest: string): unknown {
  const first = rest.charCodeAt(0);
  if (first === 34) return doubleQuoted(rest);
  if (first === 39) return singleQuoted(rest);
  if (first === 91) return flowList(rest);
  const comment = rest.indexOf(' #');
  const text = trimEndSpaces(comment === -1 ? rest : rest.slice(0, comment));
  if (!isPlainText(text)) throw notPlain;
  return plainValue(text);
}

function doubleQuoted(rest: string): string {
  let out = '';
  let from = 1;
  for (;;) {
    const quote = rest.indexOf('"', from);
    const escape = rest.indexOf('\\', from);
    if (quote === -1) throw notPlain; // runs on to the next line
    if (escape !== -1 && escape < quote) {
      // Only the escapes that stand for themselves; the rest are rare.
      const escaped = rest[escape + 1];
      if (escaped !== '"' && escaped !== '\\') throw notPlain;
      out += rest.slice(from, escape) + escaped;
      from = escape + 2;
      continue;
    }
    out += rest.slice(from, quote);
    if (!isLineEnd(rest.slice(quote + 1))) throw notPlain;
    return out;
  }
}

function singleQuoted(rest: string): string {
  let out = '';
  let from = 1;
  for (;;) {
    const quote = rest.indexOf("'", from);
    if (quote === -1) throw notPlain;
    out += rest.slice(from, quote);
    if (rest.charCodeAt(quote + 1) === 39) {
      out += "'";
      from = quote + 2;
      continue;
    }
    if (!isLineEnd(rest.slice(quote + 1))) throw notPlain;
    return out;
  }
}

/** `[a, b, c]` of plain words, on one line. */
function flowList(rest: string): (string | null)[] {
  const close = rest.indexOf(']');
  if (close === -1 || !isLineEnd(rest.slice(close + 1))) throw notPlain;
  const inside = rest.slice(1, close);
  if (/[[\]{}"'#:]/.test(inside)) throw notPlain;
  if (trimEndSpaces(inside) === '') return [];
  return inside.split(',').map((item) => {
    let start = 0;
    while (item.charCodeAt(start) === 32) start++;
    const text = trimEndSpaces(item.slice(start));
    if (!isPlainText(text)) throw notPlain;
    return plainValue(text);
  });
}

class Reader {
  private at = 0;
  private nodes = 0;

  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.at === this.lines.length;
  }

  block(indent: number, depth: number): unknown {
    return isListEntry(this.lines[this.at]!.text) ? this.list(indent, depth) : this.mapping(indent, depth);
  }

  private count(values = 1): void {
    this.nodes += values;
    if (this.nodes > MAX_NODES) throw notPlain;
  }

  /** A one-line value, counting a flow list's items as the exact reader does. */
  private inline(rest: string): unknown {
    const value = inlineValue(rest);
    this.count(Array.isArray(value) ? 1 + value.length : 1);
    return value;
  }

  /** The value of a key or "-" with nothing after it on its line. */
  private nested(indent: number, depth: number, listAtSameIndent: boolean): unknown {
    const next = this.lines[this.at];
    if (next && next.indent > indent) return this.block(next.indent, depth + 1);
    // A list may sit at its key's own indentation.
    if (next && listAtSameIndent && next.indent === indent && isListEntry(next.text)) return this.list(indent, depth + 1);
    this.count();
    return null;
  }

  /** After a one-line value nothing may be indented further (a continuation line). */
  private endOfValue(indent: number): void {
    const next = this.lines[this.at];
    if (next && next.indent > indent) throw notPlain;
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    // Checked here, not in block(): lists at their key's indentation and
    // "- key:" mappings are nested without passing through block().
    if (depth > MAX_DEPTH) throw notPlain;
    this.count();
    const out: Record<string, unknown> = {};
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw notPlain;
      const match = KEY.exec(line.text);
      if (!match) throw notPlain;
      const key = match[1]!;
      if (indent + key.length > MAX_KEY_COLUMN) throw notPlain;
      if (FORBIDDEN_KEYS.has(key) || Object.hasOwn(out, key)) throw notPlain;
      const rest = line.text.slice(match[0].length);
      this.at++;
      if (rest === '' || rest.charCodeAt(0) === 35) {
        out[key] = this.nested(indent, depth, true);
      } else {
        out[key] = this.inline(rest);
        this.endOfValue(indent);
      }
    }
    return out;
  }

  private list(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw notPlain;
    this.count();
    const out: unknown[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw notPlain;
      // A key at the list's indentation belongs to the mapping around it.
      if (!isListEntry(line.text)) break;
      let gap = 1;
      while (line.text.charCodeAt(gap) === 32) gap++;
      const rest = line.text.slice(gap);
      if (rest === '' || rest.charCodeAt(0) === 35) {
        this.at++;
        out.push(this.nested(indent, depth, false));
      } else if (KEY.test(rest)) {
        // "- key: value": a mapping whose keys line up with this first one.
        this.lines[this.at] = { indent: indent + gap, text: rest };
        out.push(this.mapping(indent + gap, depth + 1));
      } else {
        this.at++;
        out.push(this.inline(rest));
        this.endOfValue(indent);
      }
    }
    return out;
  }
}
