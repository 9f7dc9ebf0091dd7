// parseRecord and parseConfig are pure: bytes in, typed values and findings
// out. The loader (io/repository.ts) does the reading.
import type { z } from 'zod';
import { isCalendarDate, isTimeZone } from '../model/dates.js';
import { RULES, type Finding, type RuleId } from '../model/ruleCatalogue.js';
import {
  AmendmentSchema,
  ApprovalSchema,
  ConfigSchema,
  FIGURE_KEYS,
  idSchema,
  NoticeSchema,
  RecordSchema,
  ResultSchema,
  TaskSchema,
  UpdateSchema,
  withDefaults,
  type Config,
  type RecordData,
  type TaskData,
} from '../model/schema.js';
import { splitFrontMatter, type Split } from './frontMatter.js';
import { describeIssues } from './schemaFindings.js';
import { Suggestions } from '../domain/suggest.js';
import { NOT_PLAIN, readPlainYaml } from './plainYaml.js';
import { locateInYaml, MAX_NESTING, parseYaml } from './yamlDocument.js';
import type { Locate, MeetingRecord, Position, PropertyPath } from '../model/record.js';
import { clip } from '../model/text.js';
import { dayInFileName } from '../model/layout.js';
import { messages, type Messages } from '../model/messages/index.js';
import { configLocale, type Locale } from '../model/terms.js';

export interface RecordParse {
  record?: MeetingRecord;
  /** A record with schema errors, as far as cross-record rules can use it. */
  partial?: MeetingRecord;
  findings: Finding[];
}

// A record is a page of minutes; anything far larger is not one.
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/** Decodes UTF-8 strictly; a BOM is dropped. */
export function decodeText(bytes: Uint8Array, locale: Locale = 'en'): { text: string } | { line: number; column: number; message: string } {
  const m = messages(locale).files;
  if (bytes.length > MAX_RECORD_BYTES) {
    return { line: 1, column: 1, message: m.tooLarge(Math.round(bytes.length / 1024), MAX_RECORD_BYTES / 1024 / 1024) };
  }
  // Notepad's "Unicode" is UTF-16: its BOM says so before any NUL byte does.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { line: 1, column: 1, message: m.utf16 };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ...byteLocation(bytes, nul), message: m.binary };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { ...byteLocation(bytes, bad), message: m.notUtf8 };
  }
}

/**
 * The task ids a record that cannot be parsed still seems to assign: every
 * `id: …` line of its text (UTF-8, or UTF-16 after its byte-order mark).
 * Updates of later records naming one of them are not reported as orphans.
 */
export function taskIdsInText(bytes: Uint8Array): string[] {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const text = new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(bytes.subarray(0, MAX_RECORD_BYTES));
  // `id:` starting a line or a list item, or inside a mapping written `{ id: t1, … }`.
  return [...text.matchAll(/(?:^[ \t-]*|[{,][ \t]*)["']?id["']?[ \t]*:[ \t]*["']?([a-z0-9][a-z0-9._-]*)/gm)].map((m) => m[1]!);
}

class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** The offset of a 1-based line and column. */
  offsetOf(position: Position): number {
    return (this.starts[position.line - 1] ?? 0) + position.column - 1;
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

function finding(file: string, rule: RuleId, message: string, position: Position, severity = RULES[rule].severity): Finding {
  return { file, line: position.line, column: position.column, severity, rule, message };
}

interface FrontMatterParse<T> {
  data?: T;
  /** The front matter as plain values, when it was a mapping (even one with schema errors). */
  raw?: Record<string, unknown>;
  findings: Finding[];
  body: string;
  bodyLine: number;
  locate: Locate;
}

const START: Position = { line: 1, column: 1 };

/**
 * Shared by records and the config: front matter or whole-file YAML.
 * `writtenIn`: the language the file's figures and dates are written in (the
 * config's): "1,073" is 1073 to an English clerk and 1.073 to a Vietnamese
 * one, and 07/05/2024 is 7 May to a Vietnamese one, whatever language the
 * run speaks.
 */
function parseYamlFile<T>(
  bytes: Uint8Array,
  file: string,
  schema: z.ZodType<T>,
  kind: 'record' | 'config',
  language: Locale,
  writtenIn: Locale = language,
): FrontMatterParse<T> {
  const findings: Finding[] = [];
  const spoken = messages(language);
  const written = messages(writtenIn);
  // How the records write numbers and dates is theirs, whatever the run speaks.
  const m: Messages =
    writtenIn === language
      ? spoken
      : {
          ...spoken,
          schema: { ...spoken.schema, commaGroupsThousands: written.schema.commaGroupsThousands },
          cli: { ...spoken.cli, slashesDayFirst: written.cli.slashesDayFirst },
        };
  const failed = (rule: RuleId, message: string, at: Position = START): FrontMatterParse<T> => {
    findings.push(finding(file, rule, message, at));
    return { findings, body: '', bodyLine: 1, locate: () => at };
  };
  const decoded = decodeText(bytes, language);
  if (!('text' in decoded)) return failed('file-encoding', decoded.message, decoded);
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
  const lines = new LineIndex(text);

  let yamlText = text;
  let yamlOffset = 0;
  let body = '';
  let bodyLine = 1;
  if (kind === 'record') {
    const split = splitFrontMatter(text);
    switch (split.kind) {
      case 'empty':
        return failed('front-matter-missing', m.files.empty);
      case 'missing':
        return failed('front-matter-missing', m.files.noFrontMatter);
      case 'unclosed':
        return failed('front-matter-unclosed', m.files.unclosed);
      case 'language':
        return failed('front-matter-language', m.files.language(clip(split.language)));
      case 'ok':
        yamlText = split.yaml;
        yamlOffset = split.yamlOffset;
        body = split.body;
        bodyLine = split.closeLine + 1;
    }
  }

  if (kind === 'record') {
    // Most records have nothing to report: read them without positions, and
    // build the exact reader's document only if a position is ever asked for.
    const plain = readPlainYaml(yamlText);
    if (plain !== NOT_PLAIN) {
      const value = plain ?? {};
      if (typeof value === 'object' && !Array.isArray(value)) {
        const result = schema.safeParse(value);
        if (result.success) {
          const locate = lazyLocate(bytes);
          findings.push(...thousandsDots(result.data, yamlText, text, lines, locate, file, m));
          return { data: result.data, findings, body, bodyLine, locate };
        }
      }
      // Otherwise the exact reader below finds the same problems, with positions.
    }
  }

  let parsed: ReturnType<typeof parseYaml>;
  try {
    parsed = parseYaml(yamlText, m);
  } catch (error) {
    // The parser recurses; absurd nesting can exhaust the stack.
    if (error instanceof RangeError) return failed('yaml-syntax', m.yaml.nestedTooDeep(MAX_NESTING), lines.position(yamlOffset));
    throw error;
  }
  const at = (offset: number) => lines.position(yamlOffset + offset);
  const locate: Locate = (path, target = 'value') => at(locateInYaml(parsed.doc, path, target));
  for (const problem of parsed.problems) {
    findings.push(finding(file, problem.rule, problem.message, at(problem.offset), problem.severity));
  }
  if (findings.some((f) => f.severity === 'error')) return { findings, body, bodyLine, locate };

  let value = parsed.value;
  if (value === null) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    findings.push(
      finding(
        file,
        kind === 'record' ? 'front-matter-not-mapping' : 'config-invalid',
        kind === 'record' ? m.files.notMapping : m.files.configNotMapping,
        at(0),
      ),
    );
    return { findings, body, bodyLine, locate };
  }
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    for (const issue of describeIssues(result.error.issues, kind, m, value)) {
      const message =
        (kind === 'record' && issue.path.length === 1 && issue.path[0] === 'date' && dateOfFileName(file, (value as Record<string, unknown>).date, m)) ||
        issue.message;
      const found = finding(file, issue.rule, message, locate(issue.path, issue.target));
      findings.push(issue.suggest ? { ...found, suggest: issue.suggest } : found);
    }
    // One mistake hides no other: a figure written "15.000" is warned about beside it.
    if (kind === 'record') findings.push(...thousandsDots(value, yamlText, text, lines, locate, file, m));
    return { findings, body, bodyLine, locate, raw: value as Record<string, unknown> };
  }
  if (kind === 'record') findings.push(...thousandsDots(result.data, yamlText, text, lines, locate, file, m));
  return { data: result.data, findings, body, bodyLine, locate };
}

/**
 * `date: 07/08/2021` is read day first (7 August); in `2021-07-08-….md` the
 * clerk meant 8 July, month first: the advice is the file name's day.
 */
function dateOfFileName(file: string, written: unknown, m: Messages): string | undefined {
  const parts = typeof written === 'string' ? /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(written.trim()) : null;
  const named = dayInFileName(file);
  if (!parts || !named) return undefined;
  const monthFirst = `${parts[3]}-${parts[1]!.padStart(2, '0')}-${parts[2]!.padStart(2, '0')}`;
  const dayFirst = `${parts[3]}-${parts[2]!.padStart(2, '0')}-${parts[1]!.padStart(2, '0')}`;
  return monthFirst === named && dayFirst !== named ? m.schema.dateAsFileName(JSON.stringify(written), `date: ${named}`) : undefined;
}

/** A number, or (in a record the exact reader read, before the schema) a number's text. */
const isNumber = (value: unknown): boolean => typeof value === 'number' || (typeof value === 'string' && /^[-+]?\d+(\.\d+)?$/.test(value));

/** A figure written as a plain number of one to three digits (not 0), a dot and three digits ending in 0: "15.000", "12.500". */
const THOUSANDS_DOT = /^[-+]?[1-9]\d{0,2}\.\d\d0$/;

/**
 * `don-vi-mau: 15.000` is fifteen to YAML and fifteen thousand to a
 * Vietnamese clerk, who writes the thousands with a dot: a warning at each
 * figure written so (FORMAT.md reads it as a decimal, so it is no error).
 * Nobody writes a decimal's trailing zero; 185.088 is a decimal and passes.
 * Only a record whose front matter holds such a number is located.
 */
function thousandsDots(data: unknown, yamlText: string, text: string, lines: LineIndex, locate: Locate, file: string, m: Messages): Finding[] {
  if (!/\d\.\d\d0\b/.test(yamlText)) return [];
  const out: Finding[] = [];
  const written = (position: Position): string => {
    const start = lines.offsetOf(position);
    return /^[-+]?[\d.]+/.exec(text.slice(start, start + 40))?.[0] ?? '';
  };
  // `data` may be a record with schema errors, as written: anything may stand where a list or a mapping should.
  const results = (data as { results?: unknown }).results;
  if (!Array.isArray(results)) return [];
  results.forEach((result: { metrics?: unknown } | null, r) => {
    const metrics = result?.metrics;
    if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) return;
    for (const [metric, figure] of Object.entries(metrics)) {
      const paths: PropertyPath[] = isNumber(figure)
        ? [['results', r, 'metrics', metric]]
        : (['value', 'ytd'] as const)
            .filter((key) => typeof figure === 'object' && figure !== null && isNumber((figure as Record<string, unknown>)[key]))
            .map((key) => ['results', r, 'metrics', metric, key]);
      for (const path of paths) {
        const position = locate(path, 'value');
        const token = written(position);
        if (!THOUSANDS_DOT.test(token)) continue;
        const key = String(path[path.length - 1]);
        out.push(finding(file, 'figure-thousands-dot', m.rules.thousandsDot(key, token, token.replace('.', '')), position));
      }
    }
  });
  return out;
}

/**
 * `locate` for a record read by the fast path: on first use, builds the exact
 * reader's document (kept for later calls).
 */
function lazyLocate(bytes: Uint8Array): Locate {
  let exact: Locate | undefined;
  return (path, target) => {
    exact ??= exactLocate(bytes);
    return exact(path, target);
  };
}

/** `locate` from the exact reader, for a record that parses; line 1 for one that does not. */
export function exactLocate(bytes: Uint8Array): Locate {
  const read = recordText(bytes);
  if (!read) return () => START;
  const { text, split } = read;
  let parsed: ReturnType<typeof parseYaml>;
  try {
    parsed = parseYaml(split.yaml);
  } catch {
    return () => START;
  }
  const lines = new LineIndex(text);
  return (path, target = 'value') => lines.position(split.yamlOffset + locateInYaml(parsed.doc, path, target));
}

/**
 * A record's Markdown body and the line it starts on, as parseRecord gives
 * them, without reading its front matter: for a record whose data is known
 * already (the record store) when only its body is wanted. undefined where
 * parseRecord would give none (a file it cannot read, no front matter).
 */
export function recordBody(bytes: Uint8Array): { body: string; bodyLine: number } | undefined {
  const read = recordText(bytes);
  return read && { body: read.split.body, bodyLine: read.split.closeLine + 1 };
}

/** A record's text (decoded, without its BOM) and its front matter split off, as parseRecord reads them; undefined where either fails. */
function recordText(bytes: Uint8Array): { text: string; split: Extract<Split, { kind: 'ok' }> } | undefined {
  const decoded = decodeText(bytes);
  if (!('text' in decoded)) return undefined;
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
  const split = splitFrontMatter(text);
  return split.kind === 'ok' ? { text, split } : undefined;
}

/**
 * Parses one record. Its `locate` keeps the bytes: fine for the records in
 * hand, while the loader keeps its records without them (LoadedRecord).
 */
export function parseRecord(bytes: Uint8Array, file: string, locale: Locale = 'en', writtenIn: Locale = locale): RecordParse {
  const parsed = parseYamlFile(bytes, file, RecordSchema, 'record', locale, writtenIn);
  if (!parsed.data) {
    const partial = parsed.raw ? salvage(parsed.raw, file, parsed.locate) : undefined;
    return { findings: parsed.findings, ...(partial ? { partial } : {}) };
  }
  return {
    record: { file, data: parsed.data, body: parsed.body, bodyLine: parsed.bodyLine, locate: parsed.locate },
    findings: parsed.findings,
  };
}

type ListKey = 'results' | 'tasks' | 'updates' | 'amendments';

/**
 * What the cross-record rules can still use of a record with schema errors:
 * its valid results, tasks and updates, and the id of every task (so one
 * typo does not make other records' updates of its tasks look orphaned).
 * Entries with errors are left out, so `locate` maps list indexes back to
 * the file's.
 */
function salvage(raw: Record<string, unknown>, file: string, locate: Locate): MeetingRecord | undefined {
  const parsedDate = RecordSchema.shape.date.safeParse(raw.date);
  // `date: 26/10/2020` is an error of its own; the file's name still says the day.
  const named = dayInFileName(file);
  const date = parsedDate.success ? parsedDate.data : named && isCalendarDate(named) ? named : undefined;
  if (date === undefined) return undefined;
  const sourceIndex: Record<ListKey, number[]> = { results: [], tasks: [], updates: [], amendments: [] };
  const list = <T>(key: ListKey, keep: (item: unknown) => T | undefined): T[] => {
    const items = Array.isArray(raw[key]) ? (raw[key] as unknown[]) : [];
    const kept: T[] = [];
    items.forEach((item, i) => {
      const value = keep(item);
      if (value === undefined) return;
      kept.push(value);
      sourceIndex[key].push(i);
    });
    return kept;
  };
  const valid =
    <T>(schema: z.ZodType<T>) =>
    (item: unknown) => {
      const result = schema.safeParse(item);
      return result.success ? result.data : undefined;
    };
  /** The keys of `item` that are valid on their own: one typo does not hide the other mistakes of its entry. */
  const validKeys = <S extends z.ZodRawShape>(shape: S, item: Record<string, unknown>, keys: readonly (keyof S & string)[]): Record<string, unknown> => {
    const kept: Record<string, unknown> = {};
    for (const key of keys) {
      if (item[key] === undefined || item[key] === null) continue;
      const result = (shape[key] as z.ZodType).safeParse(item[key]);
      if (result.success && result.data !== undefined && result.data !== null) kept[key] = result.data;
    }
    return kept;
  };
  const isMapping = (item: unknown): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item);
  // Set when a task or update is not valid as written: the salvage then does not hold them all (tasksWhole, below).
  let tasksBroken = [raw.tasks, raw.updates].some((list) => list !== undefined && list !== null && !Array.isArray(list));
  const tasks = list('tasks', (item) => {
    const task = valid(TaskSchema)(item);
    if (task) return task;
    tasksBroken = true;
    // A task with errors counts by its id (unique ids, updates) and by its valid keys (owners, sector, due).
    // An id that breaks the pattern (`Viec-1`) still names it for its own rules: no valid update can name it.
    if (!isMapping(item)) return undefined;
    const id = idSchema.safeParse(item.id);
    const written = typeof item.id === 'string' && item.id.trim() !== '' ? item.id : undefined;
    if (!id.success && written === undefined) return undefined;
    const kept = validKeys(TaskSchema.shape, item, ['owner', 'due', 'recurring', 'sector']);
    return {
      ...kept,
      id: id.success ? id.data : written!,
      title: '',
      // `[xx, Van-Phong]`: the list as written, so that `xx` is told it is not declared while `Van-Phong` gets its own finding.
      owner: (kept.owner as TaskData['owner'] | undefined) ?? (Array.isArray(item.owner) && item.owner.every((o) => typeof o === 'string') ? item.owner : []),
      status: 'open' as const,
    } as TaskData;
  });
  const results = list('results', (item) => {
    const result = valid(ResultSchema)(item);
    if (result) return result;
    // A result with errors counts by its sector and the figures that are valid.
    if (!isMapping(item)) return undefined;
    const sector = idSchema.safeParse(item.sector);
    if (!sector.success) return undefined;
    const metrics: Record<string, unknown> = {};
    if (isMapping(item.metrics)) {
      for (const [metric, figure] of Object.entries(item.metrics)) {
        const one = ResultSchema.shape.metrics.safeParse({ [metric]: figure });
        if (one.success && one.data) Object.assign(metrics, one.data);
        else if (isMapping(figure)) {
          // A figure with a misspelt or wrong key keeps its valid ones: its plans are still checked.
          const kept: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(figure)) {
            const valid = Object.hasOwn(FIGURE_KEYS, key) ? FIGURE_KEYS[key]!.safeParse(value) : undefined;
            if (valid?.success && valid.data !== undefined && valid.data !== null) kept[key] = valid.data;
          }
          if (Object.keys(kept).length > 0) metrics[metric] = kept;
        }
      }
    }
    return { sector: sector.data, summary: '', metrics } as NonNullable<RecordData['results']>[number];
  });
  const period = RecordSchema.shape.period.safeParse(raw.period);
  const data: RecordData = {
    title: typeof raw.title === 'string' ? raw.title : '',
    date,
    kind: 'regular',
    period: period.success ? period.data : null,
    chair: '',
    // Checked against the date (end-date-before-date, approval-before-date) when valid themselves.
    ...(validKeys(RecordSchema.shape, raw, ['end_date']) as Pick<RecordData, 'end_date'>),
    ...salvagedApproval(raw.approval),
    results,
    tasks,
    updates: list('updates', (item) => {
      const update = valid(UpdateSchema)(item);
      if (update) return update;
      tasksBroken = true;
      // An update with errors (`status: finished`) still names its task: an unknown or later task is said too.
      if (!isMapping(item)) return undefined;
      const task = idSchema.safeParse(item.task);
      if (!task.success) return undefined;
      const status = UpdateSchema.shape.status.safeParse(item.status);
      return { task: task.data, status: status.success ? status.data : 'open' };
    }),
    // An amendment missing its reason still has a date to check against the meeting and the approval.
    amendments: list('amendments', (item) => {
      const amendment = valid(AmendmentSchema)(item);
      if (amendment) return amendment;
      const date = isMapping(item) ? AmendmentSchema.shape.date.safeParse(item.date) : undefined;
      return date?.success ? { date: date.data, by: '', reason: '' } : undefined;
    }),
  };
  const partialLocate: Locate = (path, target) => {
    const [key, index, ...rest] = path;
    const mapped = typeof index === 'number' && Object.hasOwn(sourceIndex, key!) ? sourceIndex[key as ListKey][index] : undefined;
    return locate(mapped === undefined ? path : [key!, mapped, ...rest], target);
  };
  // Every task and update valid as written, and no key unknown (`taskss:` may hold tasks): the salvage holds
  // them all, as a valid record would.
  const tasksWhole = !tasksBroken && Object.keys(raw).every((key) => Object.hasOwn(RecordSchema.shape, key));
  return { file, data, body: '', bodyLine: 1, locate: partialLocate, partial: true, ...(tasksWhole ? { tasksWhole: true as const } : {}) };
}

/**
 * What `approval` says that is valid on its own: its status, who and when,
 * and its notice's number and date (checked against the meeting's date), so
 * that a mistake in the recipients hides no date before the meeting.
 */
function salvagedApproval(raw: unknown): Pick<RecordData, 'approval'> {
  const whole = ApprovalSchema.safeParse(raw);
  if (whole.success) return { approval: whole.data };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const item = raw as Record<string, unknown>;
  const one = (schema: z.ZodType, value: unknown) => {
    if (value === undefined || value === null) return undefined;
    const result = schema.safeParse(value);
    return result.success ? (result.data as unknown) : undefined;
  };
  const approval: Record<string, unknown> = {};
  for (const key of ['status', 'approved_by', 'approved_on'] as const) {
    const value = one(ApprovalSchema.shape[key], item[key]);
    if (value !== undefined && value !== null) approval[key] = value;
  }
  const notice = item.notice;
  if (typeof notice === 'object' && notice !== null && !Array.isArray(notice)) {
    const date = one(NoticeSchema.shape.date, (notice as Record<string, unknown>).date);
    const number = one(NoticeSchema.shape.number, (notice as Record<string, unknown>).number);
    if (typeof date === 'string') approval.notice = { number: typeof number === 'string' ? number : '', date, signer: { name: '', title: '' } };
  }
  return { approval: { status: 'draft', ...approval } as NonNullable<RecordData['approval']> };
}

export interface ConfigParse {
  config?: Config;
  findings: Finding[];
  locate: Locate;
}

/** Findings in `locale` (the loader passes the run's, or the config's own: configLocale). */
export function parseConfig(bytes: Uint8Array, file: string, locale: Locale = 'en'): ConfigParse {
  const parsed = parseYamlFile(bytes, file, ConfigSchema, 'config', locale, configLocale(new TextDecoder().decode(bytes)));
  const m = messages(locale);
  const findings: Finding[] = parsed.findings.map((f) =>
    // Every schema finding in the config keeps its precise rule, but config
    // trouble of any kind stops the run, so severity is always error.
    ({ ...f, severity: 'error' as const }),
  );
  if (!parsed.data) return { findings, locate: parsed.locate };
  const config = withDefaults(parsed.data);
  if (!isTimeZone(config.timezone)) {
    findings.push(finding(file, 'config-invalid', m.rules.timezone(config.timezone), parsed.locate(['timezone'])));
    return { findings, locate: parsed.locate };
  }
  // One Suggestions each, bounded: a config of 15,000 owners and as many typos costs no more than 500.
  const owners = new Suggestions(Object.keys(config.owners));
  const sectors = new Suggestions(Object.keys(config.sectors));
  for (const [group, members] of Object.entries(config.groups ?? {})) {
    members.forEach((member, k) => {
      const at = parsed.locate(['owners', group, 'members', k]);
      if (!Object.hasOwn(config.owners, member)) {
        findings.push(finding(file, 'unknown-owner', m.rules.groupUnknownMember(group, member, owners.nearest(member)), at));
      } else if (Object.hasOwn(config.groups ?? {}, member)) {
        findings.push(finding(file, 'group-member', m.rules.groupOfGroups(group, member), at));
      }
    });
  }
  for (const [id, metric] of Object.entries(config.metrics)) {
    if (!Object.hasOwn(config.sectors, metric.sector)) {
      findings.push(
        finding(
          file,
          'unknown-sector',
          m.rules.metricSectorUndeclared(id, metric.sector, sectors.nearest(metric.sector)),
          parsed.locate(['metrics', id, 'sector']),
        ),
      );
    }
  }
  // Markdown written into the meetings folder is read as a record: a digest there would break every command.
  const { meetings } = config.paths;
  // Inside .git: records would be read from git's own files, a digest written among its refs (a broken ref, nothing committed).
  for (const key of ['meetings', 'reports', 'templates'] as const) {
    if (config.paths[key].split('/').some((segment) => segment.toLowerCase() === '.git')) {
      findings.push(finding(file, 'config-invalid', m.rules.folderInGit(key, config.paths[key]), parsed.locate(['paths', key])));
    }
  }
  for (const key of ['reports', 'templates'] as const) {
    const folder = config.paths[key];
    if (meetings !== '.' && (folder === meetings || folder.startsWith(`${meetings}/`))) {
      findings.push(finding(file, 'config-invalid', m.rules.folderAmongRecords(key, folder, meetings), parsed.locate(['paths', key])));
    }
  }
  return { config, findings, locate: parsed.locate };
}

function byteLocation(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Column in characters up to the bad byte, counting UTF-8 lead bytes.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    // The second byte's range excludes overlong forms and surrogates (RFC 3629).
    const second = bytes[i + 1] ?? -1;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (need > 0 && (second < low || second > high)) return i;
    for (let k = 2; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}
