// A fast reader for the plain YAML records are usually written in; anything
// else is NOT_PLAIN and goes to the exact reader. Its contract, tested in
// test/plainYaml.test.ts, is in ARCHITECTURE.md ("From bytes to a report").

export const NOT_PLAIN: unique symbol = Symbol('not plain YAML');

interface Line {
  indent: number;
  /** The line after its indentation: never blank, never a comment line. */
  text: string;
  /** Its index among all the text's lines (blank and comment lines included): for block scalars. */
  row: number;
}

interface Text {
  /** Lines with content, in order. */
  lines: Line[];
  /** Every line, CR of a CRLF removed: a block scalar's content is read from these. */
  raw: string[];
}

// Tabs, control characters, BOMs, non-characters, the Unicode line
// separators and half a character (a surrogate alone: the `u` flag reads a
// pair as one character) are all things the exact reader has an opinion on.
const UNSAFE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/u;
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
  const split = contentLines(text);
  if (split === undefined) return NOT_PLAIN;
  const { lines } = split;
  if (lines.length === 0) return null;
  const reader = new Reader(split);
  try {
    const value = reader.block(lines[0]!.indent, 0);
    // A line left over is less indented than the first: not one document.
    return reader.done() ? value : NOT_PLAIN;
  } catch (error) {
    if (error === notPlain) return NOT_PLAIN;
    throw error;
  }
}

function contentLines(text: string): Text | undefined {
  const lines: Line[] = [];
  const raw: string[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let stop = end;
    // A CR ending the text is not followed by a LF: a CR alone, kept below.
    if (end < text.length && stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    let indent = start;
    while (indent < stop && text.charCodeAt(indent) === 32) indent++;
    const row = raw.length;
    raw.push(text.slice(start, stop));
    if (indent < stop) {
      const line = text.slice(indent, stop);
      // A CR alone, or a document marker, is for the exact reader.
      if (line.includes('\r')) return undefined;
      if (indent === start && (line.startsWith('---') || line.startsWith('...'))) return undefined;
      if (line.charCodeAt(0) !== 35) lines.push({ indent: indent - start, text: line, row });
    }
    start = end + 1;
  }
  return { lines, raw };
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
  return text.length > 0 && plainFirst(text) && !text.includes(': ') && !text.endsWith(':') && !text.includes(' #');
}

/**
 * Whether a plain scalar may start so: no indicator, except "-" before a
 * digit (a fall: `yoy_pct: -3.1`), which YAML reads as a plain scalar in
 * both contexts, never as a list item ("- " needs the space).
 */
function plainFirst(text: string): boolean {
  if (!INDICATOR_FIRST.has(text[0]!)) return true;
  const next = text.charCodeAt(1);
  return text[0] === '-' && next >= 48 && next <= 57;
}

function plainValue(text: string): string | null {
  return NULL_TEXT.has(text) ? null : text;
}

/** A value written on the same line as its key or "-"; `count` is told how many values it holds. */
function inlineValue(rest: string, depth: number, count: (values: number) => void): unknown {
  const first = rest.charCodeAt(0);
  if (first === 34) return quotedAlone(rest, doubleQuoted(rest, 0));
  if (first === 39) return quotedAlone(rest, singleQuoted(rest, 0));
  if (first === 91 || first === 123) {
    const flow = new Flow(rest, depth, count);
    const value = flow.value();
    if (!isLineEnd(rest.slice(flow.at))) throw notPlain;
    return value;
  }
  const comment = rest.indexOf(' #');
  const text = trimEndSpaces(comment === -1 ? rest : rest.slice(0, comment));
  if (!isPlainText(text)) throw notPlain;
  count(1);
  return plainValue(text);
}

/** A quoted value that must end its line. */
function quotedAlone(rest: string, [value, end]: [string, number]): string {
  if (!isLineEnd(rest.slice(end))) throw notPlain;
  return value;
}

const QUOTE_OR_ESCAPE = /["\\]/g;

/** `"…"` from `from`, on one line; the value and the index after the closing quote. */
function doubleQuoted(rest: string, from: number): [string, number] {
  let out = '';
  let at = from + 1;
  // One pass to the next quote or backslash each time: searching for the closing quote anew after every
  // escape made 4 MiB of "\\\\…" take minutes.
  for (;;) {
    QUOTE_OR_ESCAPE.lastIndex = at;
    const found = QUOTE_OR_ESCAPE.exec(rest);
    if (!found) throw notPlain; // runs on to the next line
    const stop = found.index;
    if (found[0] === '\\') {
      // Only the escapes that stand for themselves; the rest are rare.
      const escaped = rest[stop + 1];
      if (escaped !== '"' && escaped !== '\\') throw notPlain;
      out += rest.slice(at, stop) + escaped;
      at = stop + 2;
      continue;
    }
    return [out + rest.slice(at, stop), stop + 1];
  }
}

/** `'…'` from `from`, on one line; the value and the index after the closing quote. */
function singleQuoted(rest: string, from: number): [string, number] {
  let out = '';
  let at = from + 1;
  for (;;) {
    const quote = rest.indexOf("'", at);
    if (quote === -1) throw notPlain;
    out += rest.slice(at, quote);
    if (rest.charCodeAt(quote + 1) === 39) {
      out += "'";
      at = quote + 2;
      continue;
    }
    return [out, quote + 1];
  }
}

// A key inside a flow mapping: a plain word, then ":" and a space.
const FLOW_KEY = /[A-Za-z0-9_][A-Za-z0-9_.-]*: /y;
// What a plain value inside a flow collection may not hold: its ends, and
// what the exact reader reads differently there (":" pairs, "#" comments).
const FLOW_UNSAFE = /[[\]{}#:]/;

/**
 * A flow collection on one line: `{ name: Hoàng Văn Hiệp, role: Chủ tịch }`,
 * `[van-phong, kinh-te-ha-tang]`, nested, with plain or quoted scalars. What
 * is less common (multi-line, empty entries, a trailing comma, quoted or
 * complex keys, ":" or "#" in a plain value) is left to the exact reader.
 */
class Flow {
  at = 0;

  constructor(
    private readonly text: string,
    private depth: number,
    private readonly count: (values: number) => void,
  ) {}

  value(): unknown {
    const c = this.text.charCodeAt(this.at);
    if (c === 123) return this.mapping();
    if (c === 91) return this.list();
    if (c === 34 || c === 39) {
      const [value, end] = c === 34 ? doubleQuoted(this.text, this.at) : singleQuoted(this.text, this.at);
      this.at = end;
      this.count(1);
      return value;
    }
    return this.plain();
  }

  private spaces(): void {
    while (this.text.charCodeAt(this.at) === 32) this.at++;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw notPlain;
    this.count(1);
    this.at++;
    this.spaces();
  }

  /** After an entry: "," and another entry, or the closing character. */
  private next(close: number): boolean {
    this.spaces();
    const c = this.text.charCodeAt(this.at);
    if (c === close) {
      this.at++;
      this.depth--;
      return false;
    }
    if (c !== 44) throw notPlain;
    this.at++;
    this.spaces();
    // A trailing comma, or an empty entry.
    const after = this.text.charCodeAt(this.at);
    if (after === close || after === 44) throw notPlain;
    return true;
  }

  private mapping(): Record<string, unknown> {
    this.enter();
    const out: Record<string, unknown> = {};
    if (this.text.charCodeAt(this.at) === 125) {
      this.at++;
      this.depth--;
      return out;
    }
    do {
      FLOW_KEY.lastIndex = this.at;
      const match = FLOW_KEY.exec(this.text);
      if (!match) throw notPlain;
      const key = match[0].slice(0, -2);
      if (FORBIDDEN_KEYS.has(key) || Object.hasOwn(out, key)) throw notPlain;
      this.at += match[0].length;
      this.spaces();
      this.count(1);
      out[key] = this.value();
    } while (this.next(125));
    return out;
  }

  private list(): unknown[] {
    this.enter();
    const out: unknown[] = [];
    if (this.text.charCodeAt(this.at) === 93) {
      this.at++;
      this.depth--;
      return out;
    }
    do out.push(this.value());
    while (this.next(93));
    return out;
  }

  /** A plain scalar up to the next "," or closing character. */
  private plain(): string | null {
    let end = this.at;
    while (end < this.text.length) {
      const c = this.text.charCodeAt(end);
      if (c === 44 || c === 93 || c === 125) break;
      end++;
    }
    const text = trimEndSpaces(this.text.slice(this.at, end));
    if (text === '' || !plainFirst(text) || FLOW_UNSAFE.test(text)) throw notPlain;
    this.at = end;
    this.count(1);
    return plainValue(text);
  }
}

// A block scalar's header, without indentation indicator or comment.
const BLOCK_SCALAR = /^([|>])(-?) *$/;

/** Folded lines: one line break becomes a space, n + 1 breaks n newlines. */
function fold(parts: readonly string[]): string {
  let out = '';
  let breaks = 0;
  let started = false;
  for (const part of parts) {
    if (part === '') {
      if (started) breaks++;
      else out += '\n';
      continue;
    }
    if (started) out += breaks > 0 ? '\n'.repeat(breaks) : ' ';
    out += part;
    breaks = 0;
    started = true;
  }
  return out;
}

class Reader {
  private at = 0;
  private nodes = 0;
  private readonly lines: Line[];
  private readonly raw: string[];

  constructor(text: Text) {
    this.lines = text.lines;
    this.raw = text.raw;
  }

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

  /**
   * The value after a key or "-": a block scalar (`|`, `|-`, `>`, `>-`)
   * whose lines follow, or a one-line value. `parent` is the indentation a
   * block scalar's lines must go beyond.
   */
  private inline(rest: string, parent: number, depth: number): unknown {
    const header = BLOCK_SCALAR.exec(rest);
    if (header) return this.blockScalar(header[1] === '>', header[2] === '-', parent);
    const value = inlineValue(rest, depth, (values) => this.count(values));
    this.endOfValue(parent);
    return value;
  }

  /**
   * A block scalar whose header is on the line before `this.at`. Its lines
   * are read from the raw text (blank lines and "#" lines are content). Less
   * common shapes are left to the exact reader: an empty scalar, a blank line
   * longer than the indentation, a line between the parent's indentation and
   * the scalar's, and, when folded, more-indented lines or trailing spaces.
   */
  private blockScalar(folded: boolean, strip: boolean, parent: number): string {
    const headerRow = this.lines[this.at - 1]!.row;
    let indent = -1;
    let last = -1;
    let row = headerRow + 1;
    for (; row < this.raw.length; row++) {
      const line = this.raw[row]!;
      let spaces = 0;
      while (line.charCodeAt(spaces) === 32) spaces++;
      if (spaces === line.length) continue;
      if (spaces <= parent) break;
      if (indent === -1) indent = spaces;
      else if (spaces < indent) throw notPlain;
      if (folded && (spaces > indent || line.charCodeAt(line.length - 1) === 32)) throw notPlain;
      last = row;
    }
    if (indent === -1) throw notPlain;
    const parts: string[] = [];
    for (let r = headerRow + 1; r <= last; r++) {
      const line = this.raw[r]!;
      if (line.length > indent && line.trimStart() === '') throw notPlain;
      parts.push(line.length <= indent && line.trimStart() === '' ? '' : line.slice(indent));
    }
    for (let r = last + 1; r < row; r++) if (this.raw[r]!.length > indent) throw notPlain;
    while (this.at < this.lines.length && this.lines[this.at]!.row <= last) this.at++;
    this.count(1);
    const text = folded ? fold(parts) : parts.join('\n');
    return strip ? text : `${text}\n`;
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
        out[key] = this.inline(rest, indent, depth);
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
        this.lines[this.at] = { indent: indent + gap, text: rest, row: line.row };
        out.push(this.mapping(indent + gap, depth + 1));
      } else {
        this.at++;
        out.push(this.inline(rest, indent, depth));
      }
    }
    return out;
  }
}
