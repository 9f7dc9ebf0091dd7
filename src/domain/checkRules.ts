// Rules that need the config or other records: declared ids, unique task
// ids, updates that name earlier tasks, file names that agree with dates.
import path from 'node:path';
import { monthOf, type IsoDate } from '../model/dates.js';
import type { CheckedRecord, MeetingRecord, PropertyPath } from '../model/record.js';
import { compareFindings, countBySeverity, MAX_FINDINGS_PER_FILE, RULES, type Finding, type RuleId } from '../model/ruleCatalogue.js';
import { isIdWritten, type Config } from '../model/schema.js';
import { dueAsText, dueForm } from '../model/due.js';
import { isOneMonth, periodRange } from '../model/periods.js';
import { messages, type Messages } from '../model/messages/index.js';
import type { Locale } from '../model/terms.js';
import { moneyPower } from './figures.js';
import { slugify } from './slug.js';
import { FirstAssignments, heldIds } from './firstAssignments.js';
import { Suggestions } from './suggest.js';
import { recordIds, shareUpdateId, taskIdsOf, updatedTasksOf } from './recordFacts.js';
import { compareRecords } from './taskState.js';
import { documentSettings } from './documents.js';

/** What FORMAT.md checks of a record's name: its date, then anything, then `.md`. */
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?!\d).*\.md$/s;
/** The name meet new gives a record. */
const FILE_NAME = /^\d{4}-\d{2}-\d{2}(-[a-z0-9-]+)?\.md$/;

type Report = (record: CheckedRecord, rule: RuleId, message: string, at: PropertyPath, target?: 'key' | 'value', suggest?: Finding['suggest']) => void;

function reporter(findings: Finding[]): Report {
  return (record, rule, message, at, target = 'value', suggest) => {
    const { line, column } = record.locate(at, target);
    findings.push({ file: record.file, line, column, severity: RULES[rule].severity, rule, message, ...(suggest ? { suggest } : {}) });
  };
}

/** Every rule that needs the config or other records: what `meet check` runs after parsing. */
export function checkRepository(config: Config, records: readonly MeetingRecord[], locale: Locale = 'en'): Finding[] {
  const findings: Finding[] = [];
  // Pushed one at a time: a spread of 200,000 findings overflows the stack.
  const add = (more: readonly Finding[]) => {
    for (const f of more) findings.push(f);
  };
  for (const record of records) {
    add(checkFileName(record, config, locale));
    add(checkAgainstConfig(record, config, locale));
  }
  add(checkAcrossRecords(records, locale));
  return addSuggestions(limitFindingsPerFile(findings, locale), config, locale);
}

/**
 * checkRepository's findings of `record` in a repository of it and
 * `others`, the others not checked again: a record drafted (`meet new`) or
 * edited (`meet tasks update`) in a repository of 100,000.
 */
export function checkRecordAmong(config: Config, record: MeetingRecord, others: readonly CheckedRecord[], locale: Locale = 'en'): Finding[] {
  const findings = [...checkFileName(record, config, locale), ...checkAgainstConfig(record, config, locale)];
  for (const f of checkAcrossRecords([...others, record], locale, [], record)) if (f.file === record.file) findings.push(f);
  return addSuggestions(limitFindingsPerFile(findings, locale), config, locale);
}

/**
 * The "did you mean" of the findings that ask for one (`suggest`), against
 * the config's ids, in `locale` (the language the findings were written in):
 * once per run, for the findings in hand, within the budget of a Suggestions
 * (a record naming 50,000 unknown owners costs no more than one naming 500).
 */
export function addSuggestions(findings: readonly Finding[], config: Config, locale: Locale = 'en'): Finding[] {
  if (!findings.some((f) => f.suggest)) return [...findings];
  const m = messages(locale).rules;
  const among = new Map<string, (word: string) => string | undefined>();
  return findings.map((f) => {
    if (!f.suggest) return f;
    const { suggest, ...rest } = f;
    let meant = among.get(suggest.among);
    if (!meant) among.set(suggest.among, (meant = meantId(declaredNames(config, suggest.among))));
    // Owners written as one text ("van-phong, thanh-tra"): a list of the ids they mean.
    const parts = suggest.among === 'owners' && suggest.word.includes(',') ? suggest.word.split(',').map((p) => p.trim()) : [];
    const each = parts.map((p) => meant!(p));
    const suggestion = parts.length > 1 && each.every((id) => id !== undefined) ? `[${each.join(', ')}]` : meant(suggest.word);
    return suggestion === undefined ? rest : { ...rest, message: `${rest.message}${m.didYouMean(suggestion)}` };
  });
}

/** The ids declared under `among`, each with its name (a metric's: its label). */
function declaredNames(config: Config, among: NonNullable<Finding['suggest']>['among']): Record<string, string> {
  if (among !== 'metrics') return config[among];
  return Object.fromEntries(Object.entries(config.metrics).map(([id, metric]) => [id, metric.label]));
}

/**
 * The declared id a word means: one whose name in the config it spells
 * ("phong-noi-vu" or "Phòng Nội vụ" for noi-vu), else a likely typo of one.
 * The names are indexed once, on first use; typos within a Suggestions' budget.
 */
function meantId(declared: Record<string, string>): (word: string) => string | undefined {
  let byName: Map<string, string> | undefined;
  const suggestions = new Suggestions(Object.keys(declared));
  return (word) => {
    if (!byName) {
      byName = new Map();
      for (const [id, name] of Object.entries(declared)) {
        const key = slugify(name, '');
        if (key !== '' && !byName.has(key)) byName.set(key, id);
      }
    }
    const spelt = slugify(word, '');
    return (spelt === '' ? undefined : byName.get(spelt)) ?? suggestions.nearest(word);
  };
}

/** Findings listed per file, at most: more say little, and cost time and memory to show. */

/**
 * At most MAX_FINDINGS_PER_FILE findings per file (the first, by place),
 * then one `too-many-findings` saying how many more there are. Files with
 * fewer keep their findings as they were, in the same order. May be applied
 * again to findings it already limited (a file's own, then with the rules
 * across records): the counts of an earlier `too-many-findings` carry over.
 */
export function limitFindingsPerFile(findings: readonly Finding[], locale: Locale = 'en'): Finding[] {
  const byFile = new Map<string, { kept: Finding[]; earlier: Finding[] }>();
  for (const f of findings) {
    let own = byFile.get(f.file);
    if (!own) byFile.set(f.file, (own = { kept: [], earlier: [] }));
    (f.rule === 'too-many-findings' && f.more ? own.earlier : own.kept).push(f);
  }
  const over = (own: { kept: Finding[]; earlier: Finding[] }) => own.kept.length > MAX_FINDINGS_PER_FILE || own.earlier.length > 1;
  if (![...byFile.values()].some(over)) return [...findings];
  const out = findings.filter((f) => !over(byFile.get(f.file)!));
  for (const [file, own] of byFile) {
    if (!over(own)) continue;
    own.kept.sort(compareFindings);
    const dropped = own.kept.slice(MAX_FINDINGS_PER_FILE);
    let { errors, warnings } = countBySeverity(dropped);
    for (const marker of own.earlier) {
      errors += marker.more!.errors;
      warnings += marker.more!.warnings;
    }
    const first = [...dropped.slice(0, 1), ...own.earlier].sort(compareFindings)[0]!;
    for (const f of own.kept.slice(0, MAX_FINDINGS_PER_FILE)) out.push(f);
    out.push(tooMany(file, first, errors, warnings, messages(locale)));
  }
  return out;
}

function tooMany(file: string, at: { line: number; column: number }, errors: number, warnings: number, m: Messages): Finding {
  return {
    file,
    line: at.line,
    column: at.column,
    severity: errors > 0 ? 'error' : 'warning',
    rule: 'too-many-findings',
    message: m.rules.tooManyFindings(errors, warnings),
    more: { errors, warnings },
  };
}

/**
 * The rules of one record beyond its shape, alone and against the config:
 * declared sectors, owners, metrics and plans, figure units, dues, and dates
 * that must agree (period, end date, approval). They depend on the record's
 * content and the config only, so the loader runs them on its parser threads
 * and the check cache keeps them. Findings in `locale`; the "did you mean"
 * of an undeclared sector, owner or metric is added by addSuggestions.
 */
export function checkAgainstConfig(record: MeetingRecord, config: Config, locale: Locale = 'en'): Finding[] {
  const findings: Finding[] = [];
  const report = reporter(findings);
  const m = messages(locale).rules;
  const declared = (ids: Record<string, unknown>, id: string) => Object.hasOwn(ids, id);
  // Plan ids are few; one Suggestions answers every undeclared one of the record.
  let plans: Suggestions | undefined;
  const { data } = record;
  checkDates(record, report, m);
  const numbered = noticeNumberAdvice(data.approval?.notice?.number, config, m);
  if (numbered) report(record, 'notice-number', numbered, ['approval', 'notice', 'number']);
  (data.results ?? []).forEach((result, i) => {
    if (!declared(config.sectors, result.sector)) {
      report(record, 'unknown-sector', m.notDeclared('sector', result.sector), ['results', i, 'sector'], 'value', { word: result.sector, among: 'sectors' });
    }
    for (const [metricId] of Object.entries(result.metrics ?? {})) {
      const definition = config.metrics[metricId];
      if (!definition || !declared(config.metrics, metricId)) {
        report(record, 'unknown-metric', m.notDeclared('metric', metricId), ['results', i, 'metrics', metricId], 'key', { word: metricId, among: 'metrics' });
      } else if (definition.sector !== result.sector && declared(config.sectors, result.sector)) {
        report(record, 'metric-sector', m.metricSector(metricId, definition.sector, result.sector), ['results', i, 'metrics', metricId], 'key');
      }
      const figure = result.metrics?.[metricId];
      if (!figure || typeof figure !== 'object') continue;
      const at: PropertyPath = ['results', i, 'metrics', metricId];
      if (figure.unit && definition && moneyPower(definition.unit) === undefined) {
        report(record, 'figure-unit', m.figureUnit(metricId, figure.unit, definition.unit ?? undefined), [...at, 'unit']);
      }
      if (figure.plan_pct && typeof figure.plan_pct === 'object') {
        for (const plan of Object.keys(figure.plan_pct)) {
          if (declared(config.plans ?? {}, plan)) continue;
          const known = Object.keys(config.plans ?? {});
          plans ??= new Suggestions(known);
          report(record, 'unknown-plan', m.unknownPlan(plan, known.length > 0, plans.nearest(plan)), [...at, 'plan_pct', plan], 'key');
        }
      }
    }
  });
  (data.tasks ?? []).forEach((task, i) => {
    // As written, so that each finding is at its own place in the list.
    const ownerList = Array.isArray(task.owner) ? task.owner : [task.owner];
    const seen = new Set<string>();
    ownerList.forEach((owner, k) => {
      if (seen.has(owner)) {
        report(record, 'duplicate-owner', m.duplicateOwner(owner), ['tasks', i, 'owner', k]);
        return;
      }
      seen.add(owner);
      // An owner not written as an id (a salvaged task's `Van-Phong`) has its finding already.
      if (!declared(config.owners, owner) && isIdWritten(owner)) {
        const at: PropertyPath = Array.isArray(task.owner) ? ['tasks', i, 'owner', k] : ['tasks', i, 'owner'];
        report(record, 'unknown-owner', m.notDeclared('owner', owner), at, 'value', { word: owner, among: 'owners' });
      }
    });
    if (task.sector && !declared(config.sectors, task.sector)) {
      report(record, 'unknown-sector', m.notDeclared('sector', task.sector), ['tasks', i, 'sector'], 'value', { word: task.sector, among: 'sectors' });
    }
    const form = task.due ? dueForm(task.due) : undefined;
    if (form && 'last' in form && form.last < data.date) {
      const written = dueAsText(task.due!);
      const message = written === form.last ? m.dueBeforeDate(task.id, written, data.date) : m.dueByBeforeDate(task.id, written, form.last, data.date);
      report(record, 'due-before-date', message, ['tasks', i, 'due']);
    }
    if (task.recurring === true && task.due !== undefined && task.due !== null) {
      report(record, 'recurring-with-due', m.recurringWithDue(task.id), ['tasks', i, 'due'], 'key');
    }
  });
  return findings;
}

/**
 * Why a meeting on `date` cannot review `period` (rule period-after-date),
 * in `m`'s words; undefined when it can. A one-month period is not after the
 * month of `date` (FORMAT.md); a longer one may end after it (a year
 * reviewed in November). `meet check` and `meet new`'s question say it alike.
 */
export function periodAfterDate(period: string, date: IsoDate, m: Messages['rules']): string | undefined {
  const range = periodRange(period);
  if (!range || !isOneMonth(range)) return undefined;
  const month = monthOf(date);
  return range.last > month ? m.periodAfterDate(period, date, month) : undefined;
}

/**
 * A longer period that begins after the meeting (rule period-not-begun, a
 * warning): FORMAT.md allows it, but it is most likely a mistyped year.
 */
function periodNotBegun(period: string, date: IsoDate, m: Messages['rules']): string | undefined {
  const range = periodRange(period);
  if (!range || isOneMonth(range)) return undefined;
  return range.first > monthOf(date) ? m.periodNotBegun(period, date) : undefined;
}

// "125/TB-UBND", "12/TB-VP": a number, "/TB-" and the issuer's code (Nghị định 30/2020/NĐ-CP, Phụ lục III);
// a Party committee's "125-TB/HU" too.
const NOTICE_NUMBER = /^\d+[a-zđ]?(?:\/TB-|-TB\/)\S+$/u;

/** The warning of a notice number not written number/TB-code (rule notice-number), for check and for approve, which writes it. */
export function noticeNumberAdvice(written: unknown, config: Config, m: Messages['rules']): string | undefined {
  // Salvaged from a record with schema errors, a notice may hold no number at all; an empty one is the schema's finding.
  const number = typeof written === 'string' ? written.normalize('NFC').trim() : undefined;
  if (!number || NOTICE_NUMBER.test(number)) return undefined;
  const code = documentSettings(config).code || '…';
  return m.noticeNumber(number, `${/^\d+[a-zđ]?/u.exec(number)?.[0] ?? '125'}/TB-${code}`);
}

/** Dates of one record that must agree: its period, end date and approval against its date. */
function checkDates(record: MeetingRecord, report: Report, m: Messages['rules']): void {
  const { data } = record;
  const late = data.period ? periodAfterDate(data.period, data.date, m) : undefined;
  if (late) report(record, 'period-after-date', late, ['period']);
  const notBegun = data.period ? periodNotBegun(data.period, data.date, m) : undefined;
  if (notBegun) report(record, 'period-not-begun', notBegun, ['period']);
  if (data.end_date && data.end_date < data.date) {
    report(record, 'end-date-before-date', m.endDateBeforeDate(data.end_date, data.date), ['end_date']);
  }
  const approval = data.approval;
  if (approval?.approved_on && approval.approved_on < data.date) {
    report(record, 'approval-before-date', m.approvedBeforeDate(approval.approved_on, data.date), ['approval', 'approved_on']);
  }
  if (approval?.notice && approval.notice.date < data.date) {
    report(record, 'approval-before-date', m.noticeBeforeDate(approval.notice.number, approval.notice.date, data.date), ['approval', 'notice', 'date']);
  }
  // FORMAT.md: an amendment is a correction made after approval: never before the meeting, nor before the approval it corrects.
  const approvedOn = approval?.status === 'approved' ? approval.approved_on : undefined;
  (data.amendments ?? []).forEach((amendment, i) => {
    if (amendment.date < data.date || (approvedOn && amendment.date < approvedOn)) {
      const after = amendment.date < data.date ? data.date : approvedOn!;
      report(record, 'approval-before-date', m.amendmentBeforeApproval(amendment.date, after, after === data.date), ['amendments', i, 'date']);
    }
  });
}

/** A record file that could not be read at all: its date from its name, when that has one. */
export interface UnreadableRecord {
  file: string;
  date?: IsoDate;
  /** The task ids its text seems to assign; absent when its text could not be read (it may assign any). */
  taskIds?: ReadonlySet<string>;
}

/**
 * An id like `id` that `taken` says no record holds: its last number
 * counted on (`2020-11-25-01` → `2020-11-25-02`, its width kept), else `-2`,
 * `-3`… added. Undefined after a thousand tries.
 */
function freeIdLike(id: string, taken: (candidate: string) => boolean): string | undefined {
  const numbered = /^(.*?)(\d+)$/.exec(id);
  for (let n = 1; n <= 1000; n++) {
    // BigInt: an id may end in more digits than a number keeps.
    const candidate = numbered ? `${numbered[1]}${(BigInt(numbered[2]!) + BigInt(n)).toString().padStart(numbered[2]!.length, '0')}` : `${id}-${n + 1}`;
    if (!taken(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Task ids are unique across the repository; updates name tasks of earlier
 * meetings. Needs only dates, task ids and updates. An update naming a task
 * no record assigns is not an orphan while a record that could not be read
 * (`unreadable`), dated before it and seeming to assign it, may be the one assigning it: that record
 * gets one warning saying how many later updates wait on it. `only`: the
 * findings of that record alone (checkRecordAmong), without indexing the
 * ids no finding of it can name. `shareIds` (a large load, with every
 * record): each update that names an assigned task is given that task's own
 * id string as it is looked up (shareUpdateId), in place.
 */
export function checkAcrossRecords(
  records: readonly CheckedRecord[],
  locale: Locale = 'en',
  unreadable: readonly UnreadableRecord[] = [],
  only?: CheckedRecord,
  shareIds = false,
): Finding[] {
  const findings: Finding[] = [];
  const report = reporter(findings);
  const m = messages(locale);
  const ordered = [...records].sort(compareRecords);
  // With `only`, the findings of that record alone: of the others, only the ids it assigns or updates matter.
  const wanted = only && new Set([...taskIdsOf(only), ...updatedTasksOf(only)]);
  const every = recordIds(ordered);
  const idsOf = wanted ? heldIds(ordered.map((record) => (record !== only ? taskIdsOf(record).filter((id) => wanted.has(id)) : taskIdsOf(record)))) : every;
  // Task id → the record that first assigns it (a million ids at 100k records: kept lean).
  const assigned = new FirstAssignments(idsOf);
  // "Did you mean" reads every id: indexed whole only when one is asked for.
  const suggestions = new Suggestions({ [Symbol.iterator]: () => (wanted ? FirstAssignments.claimed(every) : assigned).ids() });
  const duplicates: { record: CheckedRecord; id: string; index: number; origin: CheckedRecord }[] = [];
  ordered.forEach((record, r) => {
    for (let index = 0, n = idsOf.countOf(r); index < n; index++) {
      const id = idsOf.idAt(r, index);
      const first = assigned.claim(id, r, index);
      if (first === undefined || (only && record !== only)) continue;
      duplicates.push({ record, id, index, origin: ordered[first]! });
    }
  });
  // Each duplicate is offered an id no record holds (known once every id is claimed), whatever the others are
  // offered: a record's findings are the same checked alone (`only`) or with the repository.
  // With `only`, `assigned` holds the ids that record names: every id is indexed, once, when it has a duplicate.
  const claimed = duplicates.length > 0 && only ? FirstAssignments.claimed(every) : assigned;
  for (const { record, id, index, origin } of duplicates) {
    const free = freeIdLike(id, (candidate) => claimed.get(candidate) !== undefined);
    const said = origin === record ? m.rules.duplicateHere(id) : m.rules.duplicateIn(id, origin.file);
    report(record, 'duplicate-task-id', free ? `${said}${m.rules.duplicateFree(free)}` : said, ['tasks', index, 'id']);
  }
  const waiting = new Map<UnreadableRecord, number>();
  for (const record of only ? [only] : records) {
    updatedTasksOf(record).forEach((task, i) => {
      const slot = assigned.slotOf(task);
      const first = slot === -1 ? undefined : assigned.recordAt(slot);
      const origin = first === undefined ? undefined : ordered[first]!;
      if (first !== undefined && shareIds && !only) shareUpdateId(record, i, every.idAt(first, assigned.placeAt(slot)));
      if (!origin) {
        const sources = unreadable.filter((u) => (u.date === undefined || u.date < record.data.date) && (u.taskIds === undefined || u.taskIds.has(task)));
        if (sources.length > 0) {
          for (const source of sources) waiting.set(source, (waiting.get(source) ?? 0) + 1);
          return;
        }
        report(record, 'update-unknown-task', m.rules.unknownTask(task, suggestions.nearest(task)), ['updates', i, 'task']);
      } else if (!(origin.data.date < record.data.date)) {
        report(
          record,
          'update-not-earlier',
          origin === record ? m.rules.notEarlierSame(task, record.data.date) : m.rules.notEarlier(task, origin.data.date, origin.file, record.data.date),
          ['updates', i, 'task'],
        );
      }
    });
  }
  for (const [source, count] of waiting) {
    const rule = 'updates-unchecked';
    findings.push({ file: source.file, line: 1, column: 1, severity: RULES[rule].severity, rule, message: m.files.unreadableDependents(count) });
  }
  return findings;
}

/** The file name agrees with the meeting's date, and the record is filed in its year's folder. */
export function checkFileName(record: CheckedRecord, config: Config, locale: Locale = 'en'): Finding[] {
  const findings: Finding[] = [];
  const report = reporter(findings);
  const m = messages(locale).rules;
  const name = path.posix.basename(record.file);
  const match = DATE_PREFIX.exec(name);
  const { date } = record.data;
  if (!match) {
    report(record, 'file-name', m.fileNameForm(name, date), ['date']);
    return findings;
  }
  if (match[1] !== date) {
    report(record, 'file-name', m.fileNameDate(match[1]!, date), ['date']);
    return findings;
  }
  // FORMAT.md checks only the date prefix: any other slug is advice, not an error that stops every report.
  if (!FILE_NAME.test(name)) report(record, 'file-slug', m.fileSlug(name, date), ['date']);
  const folder = path.posix.dirname(record.file);
  const expected = path.posix.join(config.paths.meetings, date.slice(0, 4));
  if (folder !== path.posix.normalize(expected)) {
    report(record, 'file-folder', m.fileFolder(folder, date.slice(0, 4), expected), ['date']);
  }
  return findings;
}
