// The common ways a front matter goes wrong by hand, found on the lines
// around a YAML syntax error, each named with its fix: an unquoted ": " in a
// value, a value starting with a sign YAML reserves, a line indented by one
// space too many or too few, a list item without "- ", a key without ":",
// a tab among the spaces. The YAML library's own words are the fallback.
import type { Messages } from '../model/messages/index.js';
import { clip } from '../model/text.js';

export interface Mistake {
  message: string;
  /** Offset in the YAML text. */
  offset: number;
}

interface Line {
  text: string;
  start: number;
  indent: number;
  /** Not blank, not a comment. */
  content: boolean;
}

// The keys of the record and the config, at any level: a line starting with
// one of them and no ":" is a key that lost its colon.
const KEYS = new Set([
  'title', 'date', 'kind', 'period', 'organization', 'time', 'location', 'chair', 'attendees', 'recorder', 'results', 'decisions',
  'discussion', 'tasks', 'updates', 'tags', 'extra', 'sector', 'summary', 'metrics', 'id', 'owner', 'due', 'status', 'task', 'note',
  'speaker', 'topic', 'name', 'role', 'locale', 'timezone', 'paths', 'sectors', 'owners', 'label', 'unit', 'aggregate', 'text', 'document',
]); // prettier-ignore

// `key: value` (or `- key: value`): the key, and where the value starts.
// A key never starts with a bracket: `- { id: t1, … }` is a mapping, not the key "{ id".
const KEY_VALUE = /^( *(?:- +)?)([^\s#'"\-?:{}[\]][^:#]*?|"[^"]*"|'[^']*'):( +)(.*)$/;

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const indent = /^ */.exec(line)![0].length;
    lines.push({ text: line, start, indent, content: line.trim() !== '' && !line.trim().startsWith('#') });
    start += raw.length + 1;
  }
  return lines;
}

/** `key: "value"`, quoted so YAML reads it as the clerk meant (JSON's escapes are YAML's). */
function quotedFix(key: string, value: string): string {
  return `${key}: ${JSON.stringify(clip(value.trim(), 80))}`;
}

/** The value's text without a trailing comment (" #" starts one). */
function valueText(value: string): string {
  const comment = value.search(/ #/);
  return (comment === -1 ? value : value.slice(0, comment)).trimEnd();
}

/**
 * A value that YAML reads otherwise than the clerk meant: an unquoted ": ",
 * or a reserved first sign; in `key: value` or in a list item `- value`.
 */
function valueMistake(lines: readonly Line[], index: number, m: Messages): Mistake | undefined {
  const line = lines[index]!;
  const match = KEY_VALUE.exec(line.text);
  const item = match ? undefined : /^( *- +)(.*)$/.exec(line.text);
  if (!match && !item) return undefined;
  // A list item is named by the key of its list, and fixed as `- "…"`.
  const key = match ? match[2]! : listKey(lines, index);
  const value = valueText(match ? match[4]! : item![2]!);
  const at = line.start + (match ? match[1]!.length + match[2]!.length + 1 + match[3]!.length : item![1]!.length);
  const fix = match ? quotedFix(key, value) : `- ${JSON.stringify(clip(value.trim(), 80))}`;
  const first = value[0];
  if (first === undefined) return undefined;
  const fixed = (text: string) => (match ? `${key}: ${text}` : `- ${text}`);
  if (first === '"' || first === "'") {
    // `title: "Hội nghị" thường kỳ`: the quote closed, and the text after it is no YAML. Quoted whole, its quotes kept as '.
    const end = quoteEnd(value);
    if (end !== -1 && value.slice(end + 1).trim() !== '') {
      // `"Hội nghị "Dân vận khéo" năm 2020"`: quotes at both ends are the value's own; those inside become '.
      const whole = value.trim();
      const inner = whole.length > 1 && whole.endsWith(first) ? whole.slice(1, -1) : whole;
      return { message: m.yaml.textAfterQuote(key, fixed(`"${clip(inner, 80).replace(/["\\]/g, "'")}"`)), offset: at };
    }
    // `location: "D:\bien-ban"`: in double quotes a backslash starts an escape; single quotes keep it.
    if (first === '"' && end !== -1 && /\\[^0abtnvfre "/\\N_LPxuU\t]/.test(value) && !value.includes("'")) {
      return { message: m.yaml.backslashInQuotes(key, fixed(`'${value.slice(1, end)}'`)), offset: at };
    }
    // A quote opened and never closed, on this line or the ones that go on with it (a quoted text may run over several).
    if (end !== -1 || closesQuote(continued(lines, index, value))) return undefined;
    const closed = `${clip(value.trimEnd(), 80)}${first}`;
    return { message: m.yaml.unclosedQuote(key, fixed(closed)), offset: at };
  }
  if (first === '[' && /,\s*,/.test(value) && closesAtEnd(value)) {
    return { message: m.yaml.doubleComma(key, fixed(value.replace(/,(\s*,)+/g, ','))), offset: at };
  }
  // `owner: [van-phong, noi-vu`, `- { id: t1, owner: van-phong`: a list or mapping opened on one line and not closed:
  // close it, do not quote it. A list holding ": ", or a "mapping" whose first key is words (`{ Họp: bàn kế hoạch`),
  // is a text that starts with the bracket.
  const opensMapping = first === '{' && /^\{\s*[a-z0-9][a-z0-9_-]*:(\s|$)/.test(value);
  if ((opensMapping || (first === '[' && !/:\s/.test(value.slice(1)))) && !/[\]}]/.test(continued(lines, index, value))) {
    const close = first === '[' ? ']' : value.startsWith('{ ') ? ' }' : '}';
    return { message: m.yaml.unclosedBracket(key, first, close.trim(), fixed(`${clip(value.trimEnd(), 80)}${close}`)), offset: at };
  }
  if (
    '@`%|>*&!'.includes(first) ||
    (first === '-' && /^-\s/.test(value)) ||
    ((first === '[' || first === '{') && !closesAtEnd(value) && !closesAtEnd(continued(lines, index, value)))
  ) {
    return { message: m.yaml.indicatorStart(key, first, fix), offset: at };
  }
  if (first !== '[' && first !== '{' && /:( |$)/.test(value) && match) return { message: m.yaml.colonInValue(key, fix), offset: at };
  return undefined;
}

/** The key whose list holds the item on line `index`. */
function listKey(lines: readonly Line[], index: number): string {
  const indent = lines[index]!.indent;
  for (let i = index - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (!l.content || l.indent > indent) continue;
    const key = /^ *(?:- +)?([^\s:#][^:#]*?):\s*$/.exec(l.text)?.[1];
    if (key) return key;
  }
  return '-';
}

/** The value of line `index` with the lines that go on with it (indented deeper), joined as YAML folds them. */
function continued(lines: readonly Line[], index: number, value: string): string {
  const parts = [value];
  for (let i = index + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.content && l.indent <= lines[index]!.indent) break;
    parts.push(l.text.trim());
  }
  return parts.join(' ');
}

/** Where a quoted value's closing quote is (`"…"` with its escapes, or `'…'` with `''`), or -1. */
function quoteEnd(value: string): number {
  const quote = value[0];
  for (let i = 1; i < value.length; i++) {
    const ch = value[i];
    if (quote === '"' && ch === '\\') i++;
    else if (ch === quote) {
      if (quote === "'" && value[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** True when a quoted value (`"…"` with its escapes, or `'…'` with `''`) closes. */
function closesQuote(value: string): boolean {
  return quoteEnd(value) !== -1;
}

/** True when a flow collection starting the value closes at its very end: `[a, b]`, not `[Khẩn] Họp`. */
function closesAtEnd(value: string): boolean {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return value.slice(i + 1).trim() === '';
    }
  }
  return false;
}

/** A key that lost its ":" or the space after it: `title Họp thử`, `title:Họp thử`; a list item's "-" without its space: `-id: a`. */
function colonMistake(line: Line, m: Messages): Mistake | undefined {
  // A non-breaking space (pasted from Word or Zalo) after ":" or "-", or in the indentation: it looks like a space, and YAML
  // reads it as text ("a key runs over more than one line", the clerk was told).
  const nbsp = /^[ \u00a0]*\u00a0|^ *-\u00a0|^[^#"']*?:\u00a0/.exec(line.text);
  if (nbsp) {
    return { message: m.yaml.nonBreakingSpace(line.text.replace(/\u00a0/g, ' ').trim()), offset: line.start + nbsp[0].length - 1 };
  }
  const dashed = /^( *)-([a-z_]+):(.*)$/.exec(line.text);
  if (dashed && KEYS.has(dashed[2]!)) {
    return { message: m.yaml.noSpaceAfterDash(`- ${dashed[2]}:${dashed[3]}`), offset: line.start + dashed[1]!.length };
  }
  const noSpace = /^( *(?:- +)?)([a-z_]+):(\S.*)$/.exec(line.text);
  if (noSpace && KEYS.has(noSpace[2]!) && !/^\/\//.test(noSpace[3]!)) {
    return { message: m.yaml.noSpaceAfterColon(noSpace[2]!, `${noSpace[2]}: ${noSpace[3]}`), offset: line.start + noSpace[1]!.length };
  }
  // The value starts at a character that is no space: spaces matched two ways made a long line of them quadratic.
  const noColon = /^( *(?:- +)?)([a-z_]+)[ \t]+([^:\s][^:]*)$/.exec(line.text);
  if (noColon && KEYS.has(noColon[2]!)) {
    return { message: m.yaml.keyWithoutColon(noColon[2]!, `${noColon[2]}: ${noColon[3]!.trim()}`), offset: line.start + noColon[1]!.length };
  }
  return undefined;
}

/** The nearest content line above `index`. */
function previous(lines: readonly Line[], index: number): Line | undefined {
  for (let i = index - 1; i >= 0; i--) if (lines[i]!.content) return lines[i];
  return undefined;
}

/** Where the keys of a line start: after its "- " when it is a list item. */
function keyColumn(line: Line): number {
  const dash = /^( *)- +/.exec(line.text);
  return dash ? dash[0].length : line.indent;
}

/**
 * A line out of step with its neighbours: indented by a space too many or
 * too few (`   owner:` among four-space keys), or a list item that lost its
 * "- " (a line at the dashes' column without one).
 */
function indentMistake(lines: readonly Line[], index: number, m: Messages): Mistake | undefined {
  const line = lines[index]!;
  const above = previous(lines, index);
  if (!above || line.text.trimStart().startsWith('- ')) return undefined;
  const key = /^ *([^\s:#][^:#]*?):(?: |$)/.exec(line.text)?.[1];
  // A list item without its dash: at the column of the dash of the item above.
  const dashAbove = /^( *)- +/.exec(above.text);
  const dashColumn = dashAbove ? dashAbove[1]!.length : -1;
  const itemsAbove = lines.slice(0, index).filter((l) => l.content && l.indent === line.indent && /^ *- /.test(l.text));
  if (line.indent === dashColumn || (itemsAbove.length > 0 && line.indent === itemsAbove.at(-1)!.indent && !key)) {
    if (!key || dashAbove) {
      // "-Ông B" (no space) or "– Ông B" (Word's AutoCorrect dash): the item's own dash, not "- -Ông B".
      const item = line.text.trim().replace(/^[-–—‐‑]\s*/u, '');
      return { message: m.yaml.itemWithoutDash(`- ${item}`), offset: line.start + line.indent };
    }
  }
  if (!key) return undefined;
  // The columns this line could belong to: the keys of the lines it is under.
  const columns = new Set<number>();
  let limit = Infinity;
  for (let i = index - 1; i >= 0 && limit > 0; i--) {
    const l = lines[i]!;
    if (!l.content || l.indent >= limit) continue;
    columns.add(keyColumn(l));
    limit = l.indent;
    if (/^ *- /.test(l.text)) columns.add(l.indent);
  }
  const aboveValue = KEY_VALUE.exec(above.text)?.[4]?.trim();
  // Deeper under a key with no value (`chair:`), a line starts the block that key holds: not out of step.
  if (line.indent > keyColumn(above) && /^ *(?:- +)?[^\s:#][^:#]*?:\s*(?:#.*)?$/.test(above.text)) return undefined;
  // Under a key with a value of its own, a deeper line starts nothing (a list item's keys start after its "- ").
  if (columns.has(line.indent) && !(line.indent > keyColumn(above) && aboveValue)) return undefined;
  const candidates = [...columns].filter((c) => c !== line.indent);
  if (candidates.length === 0) return undefined;
  const expected = candidates.reduce((best, c) => (Math.abs(c - line.indent) < Math.abs(best - line.indent) ? c : best));
  if (Math.abs(expected - line.indent) > 2) return undefined;
  return { message: m.yaml.oddIndent(key, line.indent, expected), offset: line.start + line.indent };
}

/** A list item written with a bullet of Markdown or Word (`* Thông qua…`, `• …`) instead of YAML's "- ". */
function bulletMistake(line: Line, m: Messages): Mistake | undefined {
  const match = /^( *)([*+•·])[ \t]+(\S.*)$/u.exec(line.text);
  if (!match) return undefined;
  return { message: m.yaml.bulletNotDash(match[2]!, `- ${clip(match[3]!.trimEnd(), 80)}`), offset: line.start + match[1]!.length };
}

/** A tab among the spaces that indent a line. */
function tabMistake(line: Line, m: Messages): Mistake | undefined {
  const match = /^( *)\t/.exec(line.text);
  if (!match) return undefined;
  const spaces = match[1]!.length;
  return { message: spaces > 0 ? m.yaml.tabAfterSpaces(spaces) : m.yaml.tabIndent, offset: line.start + spaces };
}

/**
 * The common mistake behind a syntax error at `offset`, looked for on its
 * line and the few lines above it (the library often notices a line late).
 */
export function diagnoseSyntax(text: string, offset: number, m: Messages): Mistake | undefined {
  const lines = linesOf(text);
  let at = lines.findIndex((l, i) => offset >= l.start && (i === lines.length - 1 || offset < lines[i + 1]!.start));
  if (at === -1) at = lines.length - 1;
  const mistakeAt = (i: number): Mistake | undefined => {
    const line = lines[i]!;
    if (!line.content) return undefined;
    return tabMistake(line, m) ?? bulletMistake(line, m) ?? valueMistake(lines, i, m) ?? colonMistake(line, m) ?? indentMistake(lines, i, m);
  };
  for (let i = at; i >= Math.max(0, at - 3); i--) {
    const found = mistakeAt(i);
    if (found) return found;
  }
  // Sometimes early: a line indented one space too many reads as the value above it going on.
  const next = lines.findIndex((l, i) => i > at && l.content);
  return next === -1 ? undefined : mistakeAt(next);
}

/**
 * A value that YAML took apart because it starts with `sign` (`*`, `&`, `!`)
 * and runs on as a sentence: the advice to quote it, or undefined.
 */
export function signAdvice(text: string, offset: number, sign: string, m: Messages): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
  const match = KEY_VALUE.exec(line);
  if (!match) return undefined;
  const value = valueText(match[4]!);
  if (value[0] !== sign || !/\s\S/.test(value)) return undefined;
  return m.yaml.indicatorStart(match[2]!, sign, quotedFix(match[2]!, value));
}
