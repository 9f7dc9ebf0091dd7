// Writing a task update into a record IN PLACE: the yaml Document only finds
// where the new lines go (its source ranges); the text is spliced by hand so
// comments, quoting, key order, blank lines, CRLF, a BOM and the body stay
// byte for byte. Pure: text in, text out; verifyUpdateEdit checks the result.
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import type { RecordData } from '../model/schema.js';
import { yamlScalar } from './yamlText.js';
import { splitFrontMatter } from './frontMatter.js';
import { parseRecord } from './parse.js';
import { parseYaml } from './yamlDocument.js';
import { LOCALES, TASK_STATUSES, type Locale, type TaskStatus } from '../model/terms.js';
import type { Said } from '../model/errors.js';
import { messages } from '../model/messages/index.js';

export interface UpdateEntry {
  task: string;
  status: TaskStatus;
  note?: string;
}

export type UpdateEdit = (Placed & { text: string }) | { kind: 'unchanged'; text: string } | { kind: 'refused'; reason: Said };

/** Where the edit lands, for verifyUpdateEdit. */
export type Placed =
  | {
      kind: 'added';
      /** 0-based line (in the old text) before which the new lines go. */
      at: number;
      /** Lines added. */
      added: number;
      /** Old lines that may change ([from, to)): a `updates: []` line turned into a block list. */
      changed: [number, number];
    }
  | {
      kind: 'replaced';
      previous: { status: string; note?: string };
      /** Old lines that may change ([from, to)): the entry being replaced. */
      changed: [number, number];
    };

interface Splice {
  start: number;
  end: number;
  text: string;
}

const BOM = '\uFEFF';
const NULL_TEXT = new Set(['', '~', 'null', 'Null', 'NULL']);

/**
 * Where a block added at the end of the front matter goes: before a closing
 * `...` line (YAML's end of document, which a record may write before its
 * `---`), else at the very end. After it, the block would be a second document.
 */
function contentEnd(yaml: string): number {
  const end = /(?:^|\n)(\.\.\.[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*)$/.exec(yaml);
  return end ? yaml.length - end[1]!.length : yaml.length;
}

/**
 * Adds `entry` to the record's `updates` list, or replaces the status (and
 * the note, when one is given) of an entry already there for the same task.
 */
export function addTaskUpdate(source: string, entry: UpdateEntry): UpdateEdit {
  const bom = source.startsWith(BOM) ? BOM : '';
  const text = source.slice(bom.length);
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') return refused((m) => m.edit.noFrontMatter);
  const parsed = parseYaml(split.yaml);
  if (parsed.doc.errors.length > 0) return refused((m) => m.edit.unreadable);
  const top = parsed.doc.contents;
  if (!isMap(top) || top.flow) return refused((m) => m.edit.notBlock);
  // Offsets from the yaml Document are relative to the front matter.
  const base = split.yamlOffset;
  const ctx = new Context(text, base);
  const pair = top.items.find((p) => isScalar(p.key) && String(p.key.value) === 'updates');

  let placed: Placed;
  let splices: Splice[];
  if (!pair) {
    // No `updates` key: a new block at the end of the front matter.
    const at = base + contentEnd(split.yaml);
    const keyColumn = ctx.column(base + rangeOf(top.items[0]?.key)[0]);
    const layout = sampleLayout(top, ctx);
    const eol = ctx.eolBefore(at);
    const block = `${' '.repeat(keyColumn)}updates:${eol}${blockEntry(entry, keyColumn + layout.dash, keyColumn + layout.key, eol)}`;
    splices = [{ start: at, end: at, text: block }];
    placed = { kind: 'added', at: ctx.line(at), added: lineCount(block), changed: [ctx.line(at), ctx.line(at)] };
  } else {
    const edit = editUpdates(pair, top, entry, ctx);
    if (edit.kind === 'refused') return edit;
    splices = edit.splices;
    placed = edit.placed;
  }
  const changed = applySplices(text, splices);
  if (changed === text) return { kind: 'unchanged', text: source };
  return { ...placed, text: bom + changed };
}

type InnerEdit = { kind: 'ok'; splices: Splice[]; placed: Placed } | { kind: 'refused'; reason: Said };

function editUpdates(pair: Pair, top: YAMLMap, entry: UpdateEntry, ctx: Context): InnerEdit {
  const keyStart = ctx.base + rangeOf(pair.key)[0];
  const keyColumn = ctx.column(keyStart);
  const value = pair.value as Node | null;
  const keyLine = ctx.line(keyStart);

  // `updates:`, `updates: ~` or `updates: []`: the value goes, the list follows the key's line.
  const isNullValue = value === null || (isScalar(value) && plainText(value) === undefined);
  const isEmptyFlow = isSeq(value) && value.flow && value.items.length === 0;
  if (isNullValue || isEmptyFlow) {
    const [start, end] = value ? (rangeOf(value).map((o) => ctx.base + o) as [number, number]) : [keyStart, keyStart];
    if (ctx.line(end) !== keyLine && end > start) return refused((m) => m.edit.updatesSpan);
    const lineEnd = ctx.lineEnd(keyStart);
    const eol = ctx.eolOfLine(keyStart);
    const layout = sampleLayout(top, ctx);
    // Only spaces separate ": " from the value; they go with it.
    let cut = start;
    while (cut > keyStart && (ctx.text[cut - 1] === ' ' || ctx.text[cut - 1] === '\t')) cut--;
    const block = blockEntry(entry, keyColumn + layout.dash, keyColumn + layout.key, eol);
    const splices: Splice[] = [];
    if (end > start) splices.push({ start: cut, end, text: '' });
    splices.push({ start: lineEnd, end: lineEnd, text: block });
    return { kind: 'ok', splices, placed: { kind: 'added', at: keyLine + 1, added: lineCount(block), changed: [keyLine, keyLine + 1] } };
  }
  if (!isSeq(value)) return refused((m) => m.edit.updatesNotList);

  const items = value.items as unknown[];
  const index = lastIndexWhere(items, (item) => isMap(item) && taskOf(item) === entry.task);
  if (index !== -1) return replaceEntry(items[index] as YAMLMap, entry, ctx);

  const last = items.at(-1);
  if (!isMap(last)) return refused((m) => m.edit.updatesOther);
  const lastEnd = ctx.contentEnd(ctx.base + rangeOf(last)[0], ctx.base + rangeOf(last)[1]);
  if (value.flow) {
    // `updates: [{…}, {…}]`: one more flow mapping after the last.
    const line = ctx.line(lastEnd);
    return {
      kind: 'ok',
      splices: [{ start: lastEnd, end: lastEnd, text: `, ${flowEntry(entry)}` }],
      placed: { kind: 'added', at: line, added: 0, changed: [line, line + 1] },
    };
  }
  const itemStart = ctx.base + rangeOf(last)[0];
  const dash = ctx.dashBefore(itemStart);
  if (dash === -1) return refused((m) => m.edit.unusualLayout);
  const dashColumn = ctx.column(dash);
  const at = ctx.lineEnd(lastEnd - 1);
  const eol = ctx.eolOfLine(lastEnd - 1);
  const text = last.flow ? `${' '.repeat(dashColumn)}- ${flowEntry(entry)}${eol}` : blockEntry(entry, dashColumn, ctx.column(itemStart), eol);
  const line = ctx.line(at);
  return { kind: 'ok', splices: [{ start: at, end: at, text }], placed: { kind: 'added', at: line, added: lineCount(text), changed: [line, line] } };
}

function replaceEntry(item: YAMLMap, entry: UpdateEntry, ctx: Context): InnerEdit {
  const statusPair = findPair(item, 'status');
  const notePair = findPair(item, 'note');
  if (!statusPair || !isScalar(statusPair.value)) return refused((m) => m.edit.noStatus(entry.task));
  const oldNote = notePair && isScalar(notePair.value) ? plainText(notePair.value) : undefined;
  const previous = { status: String(statusPair.value.value), ...(oldNote !== undefined ? { note: oldNote } : {}) };
  const splices: Splice[] = [valueSplice(statusPair.value, entry.status, ctx)];
  if (entry.note !== undefined) {
    const text = item.flow ? JSON.stringify(entry.note) : yamlScalar(entry.note);
    if (notePair && (notePair.value === null || isScalar(notePair.value))) {
      splices.push(notePair.value ? valueSplice(notePair.value, text, ctx) : afterKey(notePair, text, ctx));
    } else if (notePair) {
      return refused((m) => m.edit.noteNotText(entry.task));
    } else if (item.flow) {
      const lastPair = item.items.at(-1)!;
      const end = ctx.contentEnd(ctx.base + rangeOf(lastPair.key)[0], ctx.base + rangeOf((lastPair.value as Node | null) ?? lastPair.key)[1]);
      splices.push({ start: end, end, text: `, note: ${text}` });
    } else {
      const itemStart = ctx.base + rangeOf(item)[0];
      const end = ctx.contentEnd(itemStart, ctx.base + rangeOf(item)[1]);
      const at = ctx.lineEnd(end - 1);
      splices.push({ start: at, end: at, text: `${' '.repeat(ctx.column(itemStart))}note: ${text}${ctx.eolOfLine(end - 1)}` });
    }
  }
  const start = ctx.base + rangeOf(item)[0];
  const end = ctx.contentEnd(start, ctx.base + rangeOf(item)[1]);
  // `meet new` wrote a comment above the entry ending in the status it had: it follows the new one.
  const comment = item.flow ? undefined : statusComment(ctx, start, entry.status);
  if (comment) splices.push(comment.splice);
  const first = comment ? comment.line : ctx.line(start);
  return { kind: 'ok', splices, placed: { kind: 'replaced', previous, changed: [first, ctx.line(end - 1) + 1] } };
}

/**
 * The generated comment on the line above a block entry ("# Title — Owner
 * — due 30 Nov 2020 (open)"): a splice giving it `status`'s label, in the
 * language it was written in.
 */
function statusComment(ctx: Context, itemStart: number, status: TaskStatus): { splice: Splice; line: number } | undefined {
  const dash = ctx.dashBefore(itemStart);
  if (dash === -1) return undefined;
  const lineStart = ctx.text.lastIndexOf('\n', dash - 1) + 1;
  if (lineStart === 0) return undefined;
  const above = ctx.text.lastIndexOf('\n', lineStart - 2) + 1;
  const line = ctx.text.slice(above, lineStart - 1).replace(/\r$/, '');
  const match = /^\s*#.*\(([^()]+)\)\s*$/.exec(line);
  if (!match) return undefined;
  for (const locale of LOCALES) {
    const labels = messages(locale).labels.status;
    const old = TASK_STATUSES.find((s) => labels[s] === match[1]) ?? (locale === 'vi' && match[1] === 'không thực hiện' ? 'dropped' : undefined);
    if (old === undefined) continue;
    const at = above + line.lastIndexOf(`(${match[1]})`) + 1;
    return { splice: { start: at, end: at + match[1]!.length, text: labels[status] }, line: ctx.line(above) };
  }
  return undefined;
}

/** Replaces a scalar's source text (quotes, or a block scalar's lines, included). */
function valueSplice(node: Scalar, text: string, ctx: Context): Splice {
  const [s, e] = rangeOf(node);
  const start = ctx.base + s;
  if (e === s) return { start, end: start, text: ` ${text}` };
  return { start, end: ctx.contentEnd(start, ctx.base + e), text };
}

function afterKey(pair: Pair, text: string, ctx: Context): Splice {
  const end = ctx.base + rangeOf(pair.key)[1];
  const colon = ctx.text.indexOf(':', end);
  return { start: colon + 1, end: colon + 1, text: ` ${text}` };
}

function blockEntry(entry: UpdateEntry, dashColumn: number, keyColumn: number, eol: string): string {
  const gap = ' '.repeat(Math.max(1, keyColumn - dashColumn - 1));
  const indent = ' '.repeat(Math.max(keyColumn, dashColumn + 2));
  const lines = [`${' '.repeat(dashColumn)}-${gap}task: ${yamlScalar(entry.task)}`, `${indent}status: ${entry.status}`];
  if (entry.note !== undefined) lines.push(`${indent}note: ${yamlScalar(entry.note)}`);
  return lines.map((l) => l + eol).join('');
}

/** Task ids are plain-safe in flow context; a note is always double-quoted there (JSON is valid YAML). */
function flowEntry(entry: UpdateEntry): string {
  const note = entry.note !== undefined ? `, note: ${JSON.stringify(entry.note)}` : '';
  return `{task: ${entry.task}, status: ${entry.status}${note}}`;
}

/** Indentation of the record's other lists (`tasks:` first), relative to their key: dash and item keys. */
function sampleLayout(top: YAMLMap, ctx: Context): { dash: number; key: number } {
  let fallback: { dash: number; key: number } | undefined;
  for (const pair of top.items) {
    const value = pair.value as Node | null;
    if (!isSeq(value) || value.flow || value.items.length === 0) continue;
    const first = value.items[0] as Node;
    const start = ctx.base + rangeOf(first)[0];
    const dash = ctx.dashBefore(start);
    if (dash === -1) continue;
    const keyColumn = ctx.column(ctx.base + rangeOf(pair.key)[0]);
    const dashOffset = ctx.column(dash) - keyColumn;
    if (isMap(first) && !first.flow) {
      const layout = { dash: dashOffset, key: ctx.column(start) - keyColumn };
      if (isScalar(pair.key) && pair.key.value === 'tasks') return layout;
      fallback ??= layout;
    } else {
      fallback ??= { dash: dashOffset, key: dashOffset + 2 };
    }
  }
  return fallback ?? { dash: 2, key: 4 };
}

class Context {
  constructor(
    readonly text: string,
    readonly base: number,
  ) {}

  column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** 0-based line of an offset. */
  line(offset: number): number {
    let count = 0;
    for (let i = this.text.indexOf('\n'); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) count++;
    return count;
  }

  /** The offset just after the line break ending the line that holds `offset`. */
  lineEnd(offset: number): number {
    const i = this.text.indexOf('\n', offset);
    return i === -1 ? this.text.length : i + 1;
  }

  eolOfLine(offset: number): string {
    const i = this.text.indexOf('\n', offset);
    return i > 0 && this.text[i - 1] === '\r' ? '\r\n' : '\n';
  }

  /** The line break of the line just before `offset` (a line start). */
  eolBefore(offset: number): string {
    return this.text[offset - 2] === '\r' ? '\r\n' : '\n';
  }

  /** End of the last non-blank character in [from, to): node ranges run on past their line break. */
  contentEnd(from: number, to: number): number {
    let end = to;
    while (end > from && /\s/.test(this.text[end - 1]!)) end--;
    return end;
  }

  /** The `-` of a block sequence item starting at `offset`, or -1. */
  dashBefore(offset: number): number {
    let i = offset - 1;
    while (i >= 0 && this.text[i] === ' ') i--;
    return this.text[i] === '-' ? i : -1;
  }
}

function rangeOf(node: unknown): [number, number] {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

/** A scalar's text, or undefined when YAML reads it as null (empty, `~`, `null`). */
function plainText(node: Scalar): string | undefined {
  const text = node.value === null || node.value === undefined ? '' : String(node.value);
  return node.type === Scalar.PLAIN && NULL_TEXT.has(text) ? undefined : text;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

function taskOf(map: YAMLMap): string | undefined {
  const pair = findPair(map, 'task');
  return pair && isScalar(pair.value) ? String(pair.value.value) : undefined;
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

function applySplices(text: string, splices: readonly Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function lineCount(text: string): number {
  return text.split('\n').length - 1;
}

function refused(reason: Said): { kind: 'refused'; reason: Said } {
  return { kind: 'refused', reason };
}

// ---------------------------------------------------------------------------
// Verification: the edit is written only when the new text, read again, holds
// exactly the old data plus the update, and differs only on the intended lines.

/** The lines that differ: old[start, oldEnd) became new[start, newEnd). Lines keep their `\r`. */
function lineDiff(before: string, after: string): { start: number; removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < a.length - start && tail < b.length - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { start, removed: a.slice(start, a.length - tail), added: b.slice(start, b.length - tail) };
}

/** The record's data once `entry` is applied the way addTaskUpdate applies it. */
function expectedData(data: RecordData, entry: UpdateEntry): RecordData {
  const updates = [...(data.updates ?? [])];
  let index = -1;
  for (let i = updates.length - 1; i >= 0; i--)
    if (updates[i]!.task === entry.task) {
      index = i;
      break;
    }
  if (index === -1) {
    updates.push({ task: entry.task, status: entry.status, ...(entry.note !== undefined ? { note: entry.note } : {}) });
  } else {
    const old = updates[index]!;
    const note = entry.note ?? old.note ?? undefined;
    updates[index] = { task: entry.task, status: entry.status, ...(note !== undefined ? { note } : {}) };
  }
  return { ...data, updates };
}

/** Why the edit must not be written, or undefined when it is sound. */
export function verifyUpdateEdit(
  oldSource: string,
  edit: Placed & { text: string },
  oldData: RecordData,
  entry: UpdateEntry,
  file: string,
  locale: Locale = 'en',
): Said | undefined {
  const newSource = edit.text;
  if (oldSource.startsWith(BOM) !== newSource.startsWith(BOM)) return (m) => m.edit.bom;
  const oldSplit = splitFrontMatter(oldSource.replace(/^\uFEFF/, ''));
  const newSplit = splitFrontMatter(newSource.replace(/^\uFEFF/, ''));
  if (oldSplit.kind !== 'ok' || newSplit.kind !== 'ok') return (m) => m.edit.unclosed;
  if (oldSplit.body !== newSplit.body) return (m) => m.edit.body;

  const diff = lineDiff(oldSource, newSource);
  const end = diff.start + diff.removed.length;
  if (edit.kind === 'added' && diff.removed.length === 0) {
    if (diff.added.length !== edit.added) return (m) => m.edit.linesAdded(diff.added.length, edit.added);
  } else if (diff.start < edit.changed[0] || end > edit.changed[1]) {
    return (m) => m.edit.outside(diff.start + 1, end);
  }
  // New lines end the way their neighbours do (CRLF files stay CRLF).
  const before = oldSource.split('\n')[Math.max(0, diff.start - 1)] ?? '';
  if (diff.added.some((line) => line.endsWith('\r') !== before.endsWith('\r'))) return (m) => m.edit.lineEnds;

  const read = readBack(oldSource, newSource, file, locale);
  if (!read.ok) return (m) => m.edit.readBack(read.line, read.message);
  if (!sameData(read.data, expectedData(oldData, entry))) return (m) => m.edit.otherChanges;
  return undefined;
}

// ---------------------------------------------------------------------------
// `meet approve`: the record's `approval` written in place. The whole
// `approval` block is replaced (or added at the end of the front matter);
// every other line stays byte for byte.

/** An `approval` as `meet approve` writes it (docs/format.md, approval). */
export interface ApprovalEntry {
  approved_by: string;
  approved_on: string;
  notice?: {
    number: string;
    date: string;
    signer: { name: string; title: string; on_behalf?: string };
    recipients?: string[];
  };
}

/** The `approval` block, at the top level's indentation. */
function approvalBlock(entry: ApprovalEntry, column: number, eol: string, comments: readonly string[] = []): string {
  const pad = (level: number) => ' '.repeat(column + 2 * level);
  const lines = [
    `${pad(0)}approval:`,
    ...comments.map((c) => `${pad(1)}${c}`),
    `${pad(1)}status: approved`,
    `${pad(1)}approved_by: ${yamlScalar(entry.approved_by)}`,
    `${pad(1)}approved_on: ${entry.approved_on}`,
  ];
  const notice = entry.notice;
  if (notice) {
    lines.push(`${pad(1)}notice:`, `${pad(2)}number: ${yamlScalar(notice.number)}`, `${pad(2)}date: ${notice.date}`, `${pad(2)}signer:`);
    lines.push(`${pad(3)}name: ${yamlScalar(notice.signer.name)}`, `${pad(3)}title: ${yamlScalar(notice.signer.title)}`);
    if (notice.signer.on_behalf) lines.push(`${pad(3)}on_behalf: ${yamlScalar(notice.signer.on_behalf)}`);
    if (notice.recipients && notice.recipients.length > 0) {
      lines.push(`${pad(2)}recipients:`, ...notice.recipients.map((r) => `${pad(3)}- ${yamlScalar(r)}`));
    }
  }
  return lines.map((l) => l + eol).join('');
}

/**
 * The comments a clerk wrote in an `approval` block that is replaced ("# chờ
 * ký ngày 27/02"), kept as lines of the new one: whole-line comments, and
 * one after a value when no quote comes before its " #" (which then surely
 * starts it).
 */
function clerkComments(block: string): string[] {
  const out: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) out.push(trimmed);
    else {
      // A " #" with no quote before it surely starts a comment (quotes after it are the comment's own).
      const at = line.indexOf(' #');
      if (at !== -1 && !/["']/.test(line.slice(0, at))) out.push(line.slice(at + 1).trim());
    }
  }
  return out;
}

/** Whether an edit read back holds the data expected: JSON drops absent and undefined keys alike, so optional keys compare fairly. */
function sameData(read: RecordData, expected: unknown): boolean {
  const normalise = (data: unknown) => JSON.parse(JSON.stringify(data)) as unknown;
  return isDeepStrictEqual(normalise(read), normalise(expected));
}

/**
 * The edited text read back: its parse, and the first problem the edit
 * brings (a finding the old text did not have, or no record at all). A
 * warning the record already had ("15.000") is no problem of the edit's.
 */
function readBack(
  oldSource: string,
  newSource: string,
  file: string,
  locale: Locale,
): { ok: true; data: RecordData } | { ok: false; line?: number; message?: string } {
  const oldParse = parseRecord(Buffer.from(oldSource, 'utf8'), file, locale);
  const newParse = parseRecord(Buffer.from(newSource, 'utf8'), file, locale);
  const known = new Set(oldParse.findings.map((f) => `${f.rule}\0${f.message}`));
  const fresh = newParse.findings.filter((f) => !known.has(`${f.rule}\0${f.message}`));
  if (newParse.record && fresh.length === 0) return { ok: true, data: newParse.record.data };
  const first = fresh[0] ?? newParse.findings[0];
  return { ok: false, ...(first ? { line: first.line, message: first.message } : {}) };
}

export type ApprovalEdit = { kind: 'edited'; text: string } | { kind: 'unchanged'; text: string } | { kind: 'refused'; reason: string };

/**
 * Writes `approval` into the record: replaces the `approval` block there, or
 * adds one at the end of the front matter. Why it cannot is said in `locale`.
 */
export function setApproval(source: string, entry: ApprovalEntry, locale: Locale = 'en'): ApprovalEdit {
  const m = messages(locale).edit;
  const bom = source.startsWith(BOM) ? BOM : '';
  const text = source.slice(bom.length);
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') return { kind: 'refused', reason: m.noFrontMatter };
  const parsed = parseYaml(split.yaml);
  if (parsed.doc.errors.length > 0) return { kind: 'refused', reason: m.unreadable };
  const top = parsed.doc.contents;
  if (!isMap(top) || top.flow) return { kind: 'refused', reason: m.notBlock };
  const base = split.yamlOffset;
  const ctx = new Context(text, base);
  const column = ctx.column(base + rangeOf(top.items[0]?.key)[0]);
  const pair = top.items.find((p) => isScalar(p.key) && String(p.key.value) === 'approval');
  let splice: Splice;
  if (!pair) {
    const at = base + contentEnd(split.yaml);
    splice = { start: at, end: at, text: approvalBlock(entry, column, ctx.eolBefore(at)) };
  } else {
    const keyStart = base + rangeOf(pair.key)[0];
    const lineStart = keyStart - ctx.column(keyStart);
    const valueEnd = ctx.contentEnd(keyStart, base + rangeOf((pair.value as Node | null) ?? pair.key)[1]);
    const end = ctx.lineEnd(valueEnd - 1);
    splice = { start: lineStart, end, text: approvalBlock(entry, column, ctx.eolOfLine(keyStart), clerkComments(text.slice(lineStart, end))) };
  }
  const changed = applySplices(text, [splice]);
  if (changed === text) return { kind: 'unchanged', text: source };
  return { kind: 'edited', text: bom + changed };
}

/**
 * Why the approval edit must not be written (in `locale`), or undefined: the
 * body, the BOM and every other key unchanged, and it reads back as intended.
 */
export function verifyApprovalEdit(
  oldSource: string,
  newSource: string,
  oldData: RecordData,
  entry: ApprovalEntry,
  file: string,
  locale: Locale = 'en',
): string | undefined {
  const m = messages(locale);
  if (oldSource.startsWith(BOM) !== newSource.startsWith(BOM)) return m.edit.bom;
  const oldSplit = splitFrontMatter(oldSource.replace(/^\uFEFF/, ''));
  const newSplit = splitFrontMatter(newSource.replace(/^\uFEFF/, ''));
  if (oldSplit.kind !== 'ok' || newSplit.kind !== 'ok') return m.edit.unclosed;
  if (oldSplit.body !== newSplit.body) return m.edit.body;
  const read = readBack(oldSource, newSource, file, locale);
  if (!read.ok) return m.edit.readBack(read.line, read.message);
  if (!sameData(read.data, { ...oldData, approval: { status: 'approved', ...entry } })) return m.approvalEdit.otherChanges;
  return undefined;
}
