// Rules that need the config or other records: declared ids, unique task
// ids, updates that name earlier tasks, file names that agree with dates.
import path from 'node:path';
import type { CheckedRecord, MeetingRecord, PropertyPath } from '../model/record.js';
import { compareFindings, countBySeverity, RULES, type Finding, type RuleId } from '../model/ruleCatalogue.js';
import { ownersOf, type Config } from '../model/schema.js';
import { monthOf } from '../model/dates.js';
import { dueAsText, dueForm } from '../model/due.js';
import { isOneMonth, periodRange } from '../model/periods.js';
import { moneyPower } from './figures.js';
import { didYouMean, Suggestions } from './suggest.js';
import { taskIdsOf, updatedTasksOf } from './recordFacts.js';
import { compareRecords } from './taskState.js';

const FILE_NAME = /^(\d{4}-\d{2}-\d{2})(-[a-z0-9-]+)?\.md$/;

type Report = (record: CheckedRecord, rule: RuleId, message: string, at: PropertyPath, target?: 'key' | 'value', suggest?: Finding['suggest']) => void;

function reporter(findings: Finding[]): Report {
  return (record, rule, message, at, target = 'value', suggest) => {
    const { line, column } = record.locate(at, target);
    findings.push({ file: record.file, line, column, severity: RULES[rule].severity, rule, message, ...(suggest ? { suggest } : {}) });
  };
}

/** Every rule that needs the config or other records: what `meet check` runs after parsing. */
export function checkRepository(config: Config, records: readonly MeetingRecord[]): Finding[] {
  const findings: Finding[] = [];
  // Pushed one at a time: a spread of 200,000 findings overflows the stack.
  const add = (more: readonly Finding[]) => {
    for (const f of more) findings.push(f);
  };
  for (const record of records) {
    add(checkFileName(record, config));
    add(checkAgainstConfig(record, config));
  }
  add(checkAcrossRecords(records));
  return addSuggestions(limitFindingsPerFile(findings), config);
}

/**
 * The "did you mean" of the findings that ask for one (`suggest`), against
 * the config's ids: once per run, for the findings in hand, within the
 * budget of a Suggestions (a record naming 50,000 unknown owners costs no
 * more than one naming 500).
 */
export function addSuggestions(findings: readonly Finding[], config: Config): Finding[] {
  if (!findings.some((f) => f.suggest)) return [...findings];
  const among = new Map<string, Suggestions>();
  return findings.map((f) => {
    if (!f.suggest) return f;
    const { suggest, ...rest } = f;
    let suggestions = among.get(suggest.among);
    if (!suggestions) among.set(suggest.among, (suggestions = new Suggestions(Object.keys(config[suggest.among]))));
    return { ...rest, message: `${rest.message}${suggestions.didYouMean(suggest.word)}` };
  });
}

/** Findings listed per file, at most: more say little, and cost time and memory to show. */
export const MAX_FINDINGS_PER_FILE = 200;

/**
 * At most MAX_FINDINGS_PER_FILE findings per file (the first, by place),
 * then one `too-many-findings` saying how many more there are. Files with
 * fewer keep their findings as they were, in the same order. May be applied
 * again to findings it already limited (a file's own, then with the rules
 * across records): the counts of an earlier `too-many-findings` carry over.
 */
export function limitFindingsPerFile(findings: readonly Finding[]): Finding[] {
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
    out.push(tooMany(file, first, errors, warnings));
  }
  return out;
}

function tooMany(file: string, at: { line: number; column: number }, errors: number, warnings: number): Finding {
  const count = errors + warnings;
  return {
    file,
    line: at.line,
    column: at.column,
    severity: errors > 0 ? 'error' : 'warning',
    rule: 'too-many-findings',
    message: `… and ${count} more ${count === 1 ? 'finding' : 'findings'} in this file (${plural(errors, 'error')}, ${plural(warnings, 'warning')}), not listed; fix the ones above, then run meet check again`,
    more: { errors, warnings },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The rules of one record beyond its shape, alone and against the config:
 * declared sectors, owners, metrics and plans, figure units, dues, and dates
 * that must agree (period, end date, approval). They depend on the record's
 * content and the config only, so the loader runs them on its parser threads
 * and the check cache keeps them.
 */
export function checkAgainstConfig(record: MeetingRecord, config: Config): Finding[] {
  const findings: Finding[] = [];
  const report = reporter(findings);
  const declared = (ids: Record<string, unknown>, id: string) => Object.hasOwn(ids, id);
  const { data } = record;
  checkDates(record, report);
  (data.results ?? []).forEach((result, i) => {
    if (!declared(config.sectors, result.sector)) {
      report(record, 'unknown-sector', `The sector "${result.sector}" is not declared in meet.config.yaml.`, ['results', i, 'sector'], 'value', {
        word: result.sector,
        among: 'sectors',
      });
    }
    for (const [metricId] of Object.entries(result.metrics ?? {})) {
      const definition = config.metrics[metricId];
      if (!definition || !declared(config.metrics, metricId)) {
        report(record, 'unknown-metric', `The metric "${metricId}" is not declared in meet.config.yaml.`, ['results', i, 'metrics', metricId], 'key', {
          word: metricId,
          among: 'metrics',
        });
      } else if (definition.sector !== result.sector && declared(config.sectors, result.sector)) {
        report(
          record,
          'metric-sector',
          `The metric "${metricId}" belongs to the sector "${definition.sector}", but is reported under "${result.sector}"`,
          ['results', i, 'metrics', metricId],
          'key',
        );
      }
      const figure = result.metrics?.[metricId];
      if (!figure || typeof figure !== 'object') continue;
      const at: PropertyPath = ['results', i, 'metrics', metricId];
      if (figure.unit && definition && moneyPower(definition.unit) === undefined) {
        report(
          record,
          'figure-unit',
          `The figure "${metricId}" is written in ${figure.unit}, but the metric is measured in ${definition.unit ? `"${definition.unit}"` : 'no unit'}; only amounts of money (đồng, nghìn đồng, triệu đồng, tỷ đồng) are converted`,
          [...at, 'unit'],
        );
      }
      if (figure.plan_pct && typeof figure.plan_pct === 'object') {
        for (const plan of Object.keys(figure.plan_pct)) {
          if (declared(config.plans ?? {}, plan)) continue;
          const known = Object.keys(config.plans ?? {});
          report(
            record,
            'unknown-plan',
            `The plan "${plan}" is not declared under "plans" in meet.config.yaml.${known.length > 0 ? didYouMean(plan, known) : ' Declare it there (id: label), like "du-toan-tinh: Dự toán tỉnh giao".'}`,
            [...at, 'plan_pct', plan],
            'key',
          );
        }
      }
    }
  });
  (data.tasks ?? []).forEach((task, i) => {
    const ownerList = ownersOf(task);
    ownerList.forEach((owner, k) => {
      if (!declared(config.owners, owner)) {
        const at: PropertyPath = Array.isArray(task.owner) ? ['tasks', i, 'owner', k] : ['tasks', i, 'owner'];
        report(record, 'unknown-owner', `The owner "${owner}" is not declared in meet.config.yaml.`, at, 'value', { word: owner, among: 'owners' });
      }
    });
    if (task.sector && !declared(config.sectors, task.sector)) {
      report(record, 'unknown-sector', `The sector "${task.sector}" is not declared in meet.config.yaml.`, ['tasks', i, 'sector'], 'value', {
        word: task.sector,
        among: 'sectors',
      });
    }
    const form = task.due ? dueForm(task.due) : undefined;
    if (form && 'last' in form && form.last < data.date) {
      const written = dueAsText(task.due!);
      const when = written === form.last ? `on ${written}` : `by ${written} (${form.last})`;
      report(record, 'due-before-date', `The task "${task.id}" is due ${when}, before the meeting that assigned it (${data.date})`, ['tasks', i, 'due']);
    }
    if (task.recurring === true && task.due !== undefined && task.due !== null) {
      report(
        record,
        'recurring-with-due',
        `The task "${task.id}" is recurring (standing work, "thường xuyên") and also has a "due"; a recurring task has no deadline`,
        ['tasks', i, 'due'],
        'key',
      );
    }
  });
  return findings;
}

/** Dates of one record that must agree: its period, end date and approval against its date. */
function checkDates(record: MeetingRecord, report: Report): void {
  const { data } = record;
  const range = data.period ? periodRange(data.period) : undefined;
  if (range && isOneMonth(range) && range.last > monthOf(data.date)) {
    report(
      record,
      'period-after-date',
      `The period ${data.period} is after the month of the meeting (${data.date}); a meeting reviews a month that has begun. Did you mean ${monthOf(data.date)}?`,
      ['period'],
    );
  }
  if (data.end_date && data.end_date < data.date) {
    report(record, 'end-date-before-date', `"end_date" is ${data.end_date}, before the meeting's first day (${data.date})`, ['end_date']);
  }
  const approval = data.approval;
  if (approval?.approved_on && approval.approved_on < data.date) {
    report(record, 'approval-before-date', `The minutes are approved on ${approval.approved_on}, before the meeting (${data.date})`, [
      'approval',
      'approved_on',
    ]);
  }
  if (approval?.notice && approval.notice.date < data.date) {
    report(
      record,
      'approval-before-date',
      `The notice ${approval.notice.number} is dated ${approval.notice.date}, before the meeting (${data.date}); a notice of conclusions is issued on or after it`,
      ['approval', 'notice', 'date'],
    );
  }
}

/** Task ids are unique across the repository; updates name tasks of earlier meetings. Needs only dates, task ids and updates. */
export function checkAcrossRecords(records: readonly CheckedRecord[]): Finding[] {
  const findings: Finding[] = [];
  const report = reporter(findings);
  // Task id → the record that first assigns it (a million ids at 100k records: kept lean).
  const assigned = new Map<string, CheckedRecord>();
  const ordered = [...records].sort(compareRecords);
  const suggestions = new Suggestions({ [Symbol.iterator]: () => assigned.keys() });
  for (const record of ordered) {
    taskIdsOf(record).forEach((id, index) => {
      const first = assigned.get(id);
      if (first) {
        const where = first === record ? 'earlier in this record' : `in ${first.file}`;
        report(record, 'duplicate-task-id', `The task id "${id}" is already used ${where}; task ids must be unique across the repository`, [
          'tasks',
          index,
          'id',
        ]);
      } else {
        assigned.set(id, record);
      }
    });
  }
  for (const record of records) {
    updatedTasksOf(record).forEach((task, i) => {
      const origin = assigned.get(task);
      if (!origin) {
        report(record, 'update-unknown-task', `No record assigns a task "${task}".${suggestions.didYouMean(task)}`, ['updates', i, 'task']);
      } else if (!(origin.data.date < record.data.date)) {
        const when = origin === record ? 'at this same meeting' : `at a meeting on ${origin.data.date} (${origin.file})`;
        report(
          record,
          'update-not-earlier',
          `The task "${task}" was assigned ${when}; updates report only on tasks from meetings held before ${record.data.date}`,
          ['updates', i, 'task'],
        );
      }
    });
  }
  return findings;
}

/** The file name agrees with the meeting's date, and the record is filed in its year's folder. */
export function checkFileName(record: CheckedRecord, config: Config): Finding[] {
  const findings: Finding[] = [];
  const report = reporter(findings);
  const name = path.posix.basename(record.file);
  const match = FILE_NAME.exec(name);
  const { date } = record.data;
  if (!match) {
    report(record, 'file-name', `The file name "${name}" should be ${date}-<slug>.md, the slug in lower-case letters, digits and "-"`, ['date']);
    return findings;
  }
  if (match[1] !== date) {
    report(record, 'file-name', `The file name starts with ${match[1]} but the meeting's date is ${date}; rename the file or correct the date`, ['date']);
    return findings;
  }
  const folder = path.posix.dirname(record.file);
  const expected = path.posix.join(config.paths.meetings, date.slice(0, 4));
  if (folder !== path.posix.normalize(expected)) {
    report(record, 'file-folder', `The record is in "${folder}/"; records of ${date.slice(0, 4)} are filed in "${expected}/"`, ['date']);
  }
  return findings;
}
