// Plain-text helpers for record text echoed anywhere: one line, short enough.

/**
 * One word of a POSIX shell command line, as the hints meet prints spell
 * commands out ("git add -- …", "meet init … --locale en"): as it is when
 * nothing in it is special to the shell (letters of any script, digits and
 * `_ . / : + @ % = , -`), else in single quotes.
 */
export function shellWord(word: string): string {
  return /^[\p{L}\p{M}\p{N}_./:+@%=,-]+$/u.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * User text on one line: a summary written as a YAML block may hold line
 * breaks, which would break a table row, a YAML comment or a CI log line.
 * Every kind of line break counts, U+2028 and U+2029 included.
 */
export function oneLine(text: string): string {
  // Most text has no line break: only trimmed (no copy when there is nothing to trim).
  return (LINE_BREAK.test(text) ? text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ') : text).trim();
}

const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Text from a record echoed in a message, cut to a readable length. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// Characters a terminal or CI log acts on instead of showing: C0 controls
// (ESC starts colour, cursor, title and clipboard sequences, CR rewrites a
// line), DEL, C1 controls (U+009B is a one-character CSI on some terminals),
// the Unicode line and paragraph separators, and the bidirectional controls
// that reorder what is shown (U+202E "right-to-left override").
const REORDERING_SET = '\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const SHOWN_ESCAPED = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${REORDERING_SET}]`, 'g');
// The same, but for line feeds and tabs, which multi-line text keeps, and a
// CR right before a line feed (a Windows line end).
const SHOWN_ESCAPED_IN_LINES = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${REORDERING_SET}]|\\r(?!\\n)`, 'g');

// A line starting with "::" (blanks before it or not) is a GitHub Actions
// workflow command ("::error title=…::…", "::add-mask::…") when it reaches
// a CI log; text that could start a line shows that first ":" escaped too.
const WORKFLOW_COMMAND_AT_START = /^([ \t]*):(?=:)/;
const WORKFLOW_COMMAND_AT_LINE_START = /(^|\n)([ \t]*):(?=:)/g;
// The runner also takes the older form "##[add-mask]…", "##[error …]…" anywhere in a line: its first "#" escaped.
const LEGACY_WORKFLOW_COMMAND = /#(?=#\[)/g;
const mayCommand = (text: string) => text.includes('::') || text.includes('##[');

function escapeCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

// The bidirectional controls and the line and paragraph separators of SHOWN_ESCAPED: what reorders or breaks a
// line in a reader that shows the rest of the text as it is (Word, a printed PDF).
const REORDERING = new RegExp(`[${REORDERING_SET}]`, 'g');

/** `text` with its reordering controls written out (`\u202e`), and nothing else changed: for the official documents. */
export function reorderingShown(text: string): string {
  return text.replace(REORDERING, escapeCharacter);
}

// What a finding's message quotes but no reader sees: a zero-width space or joiner, a word joiner, a
// byte-order mark inside the text (files joined), a soft hyphen, a no-break space (Word's): "owner" with a
// zero-width space after it and "owner" look the same, and "did you mean "owner"?" after it would read as nonsense.
const UNSEEN = /[\u00a0\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** A finding's message with what no reader sees in it written out (`owner\u200b`), for every findings format. */
export function unseenShown(message: string): string {
  return message.replace(UNSEEN, escapeCharacter);
}

/**
 * Text that came from outside (a record, a file name, the config, git, the
 * command line) as it may be shown on a terminal, in a CI log or in a text
 * output: every control character, line break, separator and bidirectional
 * control written out visibly (`\x1b`, `\n`, `\u202e`), a leading "::"
 * as `\x3a:` and "##[" anywhere as `\x23#[` (GitHub's workflow commands);
 * everything else unchanged. The one function all such text
 * passes through before output.
 */
export function visible(text: string): string {
  return text.replace(SHOWN_ESCAPED, escapeCharacter).replace(WORKFLOW_COMMAND_AT_START, '$1\\x3a').replace(LEGACY_WORKFLOW_COMMAND, '\\x23');
}

/** `visible` for text that may run over several lines: line feeds (CRLF too) and tabs stay. */
export function visibleLines(text: string): string {
  // Checked first: nearly all text needs nothing, and a report passes hundreds of thousands of strings here.
  if (!ANY_SHOWN_ESCAPED_IN_LINES.test(text) && !mayCommand(text)) return text;
  return text.replace(SHOWN_ESCAPED_IN_LINES, escapeCharacter).replace(WORKFLOW_COMMAND_AT_LINE_START, '$1$2\\x3a').replace(LEGACY_WORKFLOW_COMMAND, '\\x23');
}

const ANY_SHOWN_ESCAPED_IN_LINES = new RegExp(SHOWN_ESCAPED_IN_LINES.source);

/**
 * A value (a report, a task list, a diff) with every string in it, keys
 * included, made safe to show: what a renderer for a terminal, Markdown, CSV
 * or HTML is given. `oneLine` (text, Markdown, CSV): each string on one line,
 * then `visibleLines` (only tabs stay), so no record text can start a line
 * of its own in a log. `lines` (HTML, whose Markdown bodies run over many
 * lines): `visibleLines`. An array or plain object in which something
 * changes is copied; one in which nothing does is returned as it is (a
 * report's 60,000 tasks are nearly all shown as written: copying them was
 * most of the time this took). Other objects are left as they are. A
 * frozen object or array is walked once however often it appears, and
 * gives the same result each time. The result may thus share parts with
 * `value`: neither is to be changed.
 */
export function visibleDeep<T>(value: T, keep: 'oneLine' | 'lines' = 'oneLine'): T {
  const shownText = keep === 'oneLine' ? visibleOneLine : visibleLines;
  // Keys repeat in every task of a report: each is made safe once.
  const shownKeys = new Map<string, string>();
  const shownKey = (key: string): string => {
    let shown = shownKeys.get(key);
    if (shown === undefined) shownKeys.set(key, (shown = shownText(key)));
    return shown;
  };
  // Frozen is how a producer marks what rows share (a task row's meeting, its owner names).
  const shared = new Map<object, unknown>();
  const deep = (item: unknown): unknown => {
    if (typeof item === 'string') return shownText(item);
    if (typeof item !== 'object' || item === null) return item;
    if (!Object.isFrozen(item)) return walk(item);
    let shown = shared.get(item);
    if (shown === undefined) shared.set(item, (shown = walk(item)));
    return shown;
  };
  const walk = (item: object): unknown => {
    if (Array.isArray(item)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < item.length; i++) {
        const element = item[i] as unknown;
        const shown = deep(element);
        if (out) out.push(shown);
        else if (shown !== element) (out = item.slice(0, i)).push(shown);
      }
      return out ?? item;
    }
    // Rows made as they are read are shown as they are read.
    if (item instanceof RowsByPlace) return (item as RowsByPlace<unknown>).shown(shownText, deep);
    const prototype = Object.getPrototypeOf(item) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return item;
    const given = item as Record<string, unknown>;
    const keys = Object.keys(given);
    // A null-prototype object is always copied: what comes out has Object's.
    let out: Record<string, unknown> | undefined = prototype === null ? {} : undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const property = given[key];
      const shownName = shownKey(key);
      const shownProperty = deep(property);
      if (!out && (shownName !== key || shownProperty !== property)) {
        out = {};
        for (let j = 0; j < i; j++) putData(out, keys[j]!, given[keys[j]!]);
      }
      if (out) putData(out, shownName, shownProperty);
    }
    return out ?? item;
  };
  return deep(value) as T;
}

/**
 * `visibleLines(oneLine(text))`, with one test for the text that needs
 * neither (nearly all of it): what visibleDeep makes of each string, for a
 * renderer that shows a row's strings one at a time.
 */
export function visibleOneLine(text: string): string {
  // Line breaks are among the characters tested: text without any is only trimmed.
  if (!ANY_SHOWN_ESCAPED.test(text) && !mayCommand(text)) return text.trim();
  return visibleLines(oneLine(text));
}

const ANY_SHOWN_ESCAPED = new RegExp(SHOWN_ESCAPED.source);

/** `out[key] = item`, with "__proto__" made a property like any other: a key is data, whatever it says. */
export function putData(out: Record<string, unknown>, key: string, item: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
  else out[key] = item;
}

// Past C0, which JSON.stringify escapes in strings (and a line feed outside them is the layout).
const ESCAPED_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for output: JSON.stringify escapes C0 controls itself; the other
 * characters `visible` shows escaped are written as \u escapes too, which
 * JSON reads back as the same text.
 */
export function jsonText(value: unknown, indent = 2): string {
  return escapeInJson(JSON.stringify(value, null, indent));
}

/** JSON text with the characters `visible` shows escaped (past C0) written as \u escapes. */
export function escapeInJson(text: string): string {
  return text.replace(ESCAPED_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A piece of JSON as JSON.stringify wrote it, its escaping (escapeInJson)
 * left to whoever turns it into text or bytes: as text, toString() escapes
 * it; encoded to UTF-8, the bytes are searched for the characters instead
 * (io/writeBehind.ts, utf8Chunks), several times faster than the regular
 * expression over the text (0.6 s of a cold JSON report at 100k records).
 */
export class JsonPiece {
  constructor(readonly unescaped: string) {}

  toString(): string {
    return escapeInJson(this.unescaped);
  }
}

/** What a renderer gives to be written: text, bytes, or JSON still to be escaped. */
export type OutputChunk = string | Uint8Array | JsonPiece;

/**
 * `[...pieces].join(separator)` in pieces of about 8 Ki characters, produced
 * as they are consumed (a table of 300,000 lines is written as it is made).
 */
export function* joinedInChunks(pieces: Iterable<string>, separator: string, chunk = JSON_CHUNK): Generator<string, void, undefined> {
  let parts: string[] = [];
  let size = 0;
  let first = true;
  for (const piece of pieces) {
    const text = first ? piece : separator + piece;
    first = false;
    parts.push(text);
    size += text.length;
    if (size >= chunk) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield parts.join('');
}

/** From this depth (the top value is 0) `jsonChunks` leaves a container to JSON.stringify whole. */
const WHOLE_BELOW = 3;

/**
 * How many elements of a deep array `jsonChunks` hands JSON.stringify at
 * once, and about how many characters it (and joinedInChunks) gathers
 * before handing a piece on. Small enough that no piece is a large object
 * to V8: Vietnamese text is two bytes a character, and pieces of 64 Ki
 * characters (runs of 256 tasks) were 128 KiB and more each, allocated
 * outside the young generation, where they piled up until a full
 * collection (at 100,000 records ~200 MB more at a report's peak).
 */
const JSON_RUN = 32;
const JSON_CHUNK = 1 << 13;

/** A list read in order, by index or counted: an array, or RowsByPlace. */
export interface RowList<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T | undefined;
  map<U>(each: (row: T, index: number) => U): U[];
  filter(test: (row: T) => unknown): T[];
}

/**
 * The rows of the places given, each made by `make` when it is read: a new
 * value each time (never compare rows by identity). A report's task lists
 * (domain/buildReport.ts): places in its task register, not a million rows.
 */
export class RowsByPlace<T> implements RowList<T> {
  constructor(
    private readonly places: ArrayLike<number>,
    private readonly make: (place: number) => T,
    /**
     * The row made safe to show, field by field, as visibleDeep would make
     * it (and changed in place: each row is made anew): a report's 557,000
     * task rows at 100k records, walked key by key, were 2.4 s of an html
     * report. Without it, visibleDeep walks each row.
     */
    private readonly shownBy?: (row: T, text: (text: string) => string, deep: (item: unknown) => unknown) => T,
  ) {}

  get length(): number {
    return this.places.length;
  }

  at(index: number): T | undefined {
    const i = index < 0 ? index + this.places.length : index;
    return i >= 0 && i < this.places.length ? this.make(this.places[i]!) : undefined;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.places.length; i++) yield this.make(this.places[i]!);
  }

  map<U>(each: (row: T, index: number) => U): U[] {
    const out = new Array<U>(this.places.length);
    for (let i = 0; i < this.places.length; i++) out[i] = each(this.make(this.places[i]!), i);
    return out;
  }

  filter(test: (row: T) => unknown): T[] {
    const out: T[] = [];
    for (const row of this) if (test(row)) out.push(row);
    return out;
  }

  /** The same places, each row made safe to show as it is made (visibleDeep): by `shownBy` where given, else by `deep`. */
  shown(text: (text: string) => string, deep: (item: unknown) => unknown): RowsByPlace<T> {
    const { shownBy, make } = this;
    return new RowsByPlace(this.places, shownBy ? (place) => shownBy(make(place), text, deep) : (place) => deep(make(place)) as T);
  }

  /** As the array of its rows (JSON.stringify of a report). */
  toJSON(): T[] {
    return [...this];
  }
}

/**
 * `source.map(map)` as JSON writes it, each element made as `jsonChunks`
 * writes it and dropped once written: a report's 557,000 task rows at
 * 100,000 records were half a million objects more while they were written.
 * JSON.stringify (through toJSON) sees the array whole.
 */
export class MappedList<T> {
  constructor(
    /** An array, or a list whose items are made as they are read (model/report.ts, RowsByPlace). */
    readonly source: { readonly length: number; at(index: number): T | undefined },
    readonly map: (item: T) => unknown,
  ) {}

  toJSON(): unknown[] {
    return Array.from({ length: this.source.length }, (_, i) => this.map(this.source.at(i)!));
  }
}

/**
 * `jsonText(value, indent)` in pieces of about `chunk` characters (8 Ki), produced
 * as they are consumed: their concatenation is exactly jsonText's string,
 * but no piece, and nothing held meanwhile, is the whole text, so a value
 * whose JSON is over V8's longest string (about 512 Mi characters) is
 * written out rather than crashing. Arrays and objects are walked here with
 * JSON.stringify's own rules (toJSON, boxed primitives, undefined and
 * functions left out of objects and null in arrays); everything else is
 * JSON.stringify's. Values are trees: a cycle is not detected.
 */
export function* jsonChunks(value: unknown, indent = 2, chunk = JSON_CHUNK): Generator<string, void, undefined> {
  for (const piece of jsonPieces(value, indent, chunk)) yield piece.toString();
}

/** jsonChunks' pieces, each still to be escaped (JsonPiece). */
export function* jsonPieces(value: unknown, indent = 2, chunk = JSON_CHUNK): Generator<JsonPiece, void, undefined> {
  const gap = ' '.repeat(Math.min(10, Math.max(0, indent)));
  const parts: string[] = [];
  let size = 0;
  const put = (text: string) => {
    parts.push(text);
    size += text.length;
  };
  const take = (): JsonPiece => {
    const piece = new JsonPiece(parts.join(''));
    parts.length = 0;
    size = 0;
    return piece;
  };
  /** The value JSON.stringify would serialize for `key` of its holder. */
  const resolve = (key: string, item: unknown): unknown => {
    // Walked an element at a time below, never made whole.
    if (item instanceof MappedList) return item;
    if (typeof item === 'object' && item !== null && typeof (item as { toJSON?: unknown }).toJSON === 'function') {
      return (item as { toJSON: (key: string) => unknown }).toJSON(key);
    }
    return item;
  };
  const isContainer = (item: unknown): item is object =>
    typeof item === 'object' && item !== null && !(item instanceof Number || item instanceof String || item instanceof Boolean || item instanceof BigInt);

  /** The run of elements from `start` that need no toJSON of their own (at most JSON_RUN of them). */
  const runFrom = (element: (i: number) => unknown, length: number, start: number): unknown[] => {
    const run: unknown[] = [];
    const last = Math.min(length, start + JSON_RUN);
    for (let i = start; i < last; i++) {
      const item = element(i);
      // toJSON is handed the element's index, which a run would renumber.
      if (typeof item === 'object' && item !== null && typeof (item as { toJSON?: unknown }).toJSON === 'function') break;
      run.push(item);
    }
    return run;
  };
  /**
   * The elements as the loop below writes them one by one, `between` between
   * them: JSON.stringify of them as an array `depth` objects deep (its lines
   * indented as `at` says), without the objects and the brackets.
   */
  const elementsText = (elements: readonly unknown[], depth: number, at: string): string => {
    let nested: unknown = elements;
    for (let d = 0; d < depth; d++) nested = { '': nested };
    const text = JSON.stringify(nested, null, gap);
    // Nothing before the array's "[" but the objects' braces and empty keys; nothing after its "]" but braces.
    const start = text.indexOf('[') + (gap ? 2 + at.length + gap.length : 1);
    return text.slice(start, text.lastIndexOf(']') - (gap ? 1 + at.length : 0));
  };

  function* walk(item: object, at: string, depth: number): Generator<JsonPiece, void, undefined> {
    // Deep down a value is small (a task, a meeting's decision): JSON.stringify writes it whole, far faster
    // than walking it here, its lines indented to where it sits (it escapes every line break in a string).
    if (depth >= WHOLE_BELOW) {
      const text = JSON.stringify(item, null, gap);
      return put(gap && at ? text.replaceAll('\n', `\n${at}`) : text);
    }
    const inner = at + gap;
    const open = (bracket: string) => put(gap ? `${bracket}\n${inner}` : bracket);
    const between = gap ? `,\n${inner}` : ',';
    const mapped = item instanceof MappedList ? (item as MappedList<unknown>) : undefined;
    if (mapped || Array.isArray(item)) {
      const length = mapped ? mapped.source.length : (item as unknown[]).length;
      const elementAt = mapped ? (i: number) => mapped.map(mapped.source.at(i)!) : (i: number) => (item as unknown[])[i];
      if (length === 0) return put('[]');
      open('[');
      for (let i = 0; i < length; i++) {
        if (i > 0) put(between);
        // Elements written whole go to JSON.stringify a run at a time, nested as deep as they sit, so that
        // their lines come out indented as here (no line of a report's 300,000 tasks indented a second time).
        const run = depth + 1 >= WHOLE_BELOW ? runFrom(elementAt, length, i) : [];
        if (run.length > 1) {
          put(elementsText(run, depth, at));
          i += run.length - 1;
          if (size >= chunk) yield take();
          continue;
        }
        const element = resolve(String(i), elementAt(i));
        if (isContainer(element)) yield* walk(element, inner, depth + 1);
        else put(JSON.stringify(element) ?? 'null');
        if (size >= chunk) yield take();
      }
      put(gap ? `\n${at}]` : ']');
      return;
    }
    let first = true;
    for (const key of Object.keys(item)) {
      const property = resolve(key, (item as Record<string, unknown>)[key]);
      const container = isContainer(property);
      const text = container ? undefined : JSON.stringify(property);
      if (!container && text === undefined) continue;
      if (first) open('{');
      else put(between);
      first = false;
      put(gap ? `${JSON.stringify(key)}: ` : `${JSON.stringify(key)}:`);
      if (container) yield* walk(property, inner, depth + 1);
      else put(text as string);
      if (size >= chunk) yield take();
    }
    put(first ? '{}' : gap ? `\n${at}}` : '}');
  }

  const top = resolve('', value);
  if (isContainer(top)) yield* walk(top, '', 0);
  else {
    const text = JSON.stringify(top) as string | undefined;
    // JSON.stringify gives undefined for undefined, a function or a symbol: jsonText would fail on it too.
    if (text === undefined) throw new TypeError('jsonChunks: a value JSON cannot write');
    put(text);
  }
  if (size > 0) yield take();
}
