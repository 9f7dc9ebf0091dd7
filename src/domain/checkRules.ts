// Rules that need the config or other records: declared ids, unique task
// ids, updates that name earlier tasks, file names that agree with dates.
import path from 'node:path';
import type { IsoDate } from '../model/dates.js';
import type { CheckedRecord, MeetingRecord, PropertyPath } from '../model/record.js';
import { RULES, type Finding, type RuleId } from '../model/ruleCatalogue.js';
import { ownersOf, type Config } from '../model/schema.js';
import { nearest } from './suggest.js';
import { messages } from '../model/messages/index.js';
import type { Locale } from '../model/terms.js';
import { slugify } from './slug.js';
import { taskIdsOf, updatedTasksOf } from './recordFacts.js';
import { compareRecords } from './taskState.js';

const FILE_NAME = /^(\d{4}-\d{2}-\d{2})(-[a-z0-9-]+)?\.md$/;

type Report = (record: CheckedRecord, rule: RuleId, message: string, at: PropertyPath, target?: 'key' | 'value') => void;

function reporter(findings: Finding[]): Report {
  return (record, rule, message, at, target = 'value') => {
    const { line, column } = record.locate(at, target);
    findings.push({ file: record.file, line, column, severity: RULES[rule].severity, rule, message });
  };
}

/** Every rule that needs the config or other records: what `meet check` runs after parsing. */
export function checkRepository(config: Config, records: readonly MeetingRecord[], locale: Locale = 'en'): Finding[] {
  const findings: Finding[] = [];
  for (const record of records) {
    findings.push(...checkFileName(record, config, locale), ...checkAgainstConfig(record, config, locale));
  }
  findings.push(...checkAcrossRecords(records, locale));
  return findings;
}

/**
 * The declared id meant by `id`: a likely typo of one, or one whose name in
 * the config it spells ("phong-noi-vu" or "Phòng Nội vụ" for noi-vu).
 */
function meantId(id: string, declared: Record<string, string>): string | undefined {
  const byName = Object.entries(declared).find(([, name]) => slugify(name, '') === slugify(id, ''));
  return byName?.[0] ?? nearest(id, Object.keys(declared));
}

/**
 * The rules of one record against the config: declared sectors, owners and
 * metrics, dues. They depend on the record's content and the config only, so
 * the loader runs them on its parser threads and the check cache keeps them.
 */
export function checkAgainstConfig(record: MeetingRecord, config: Config, locale: Locale = 'en'): Finding[] {
  const findings: Finding[] = [];
  const report = reporter(findings);
  const m = messages(locale).rules;
  const metricNames = Object.fromEntries(Object.entries(config.metrics).map(([id, metric]) => [id, metric.label]));
  const declared = (ids: Record<string, unknown>, id: string) => Object.hasOwn(ids, id);
  const { data } = record;
  (data.results ?? []).forEach((result, i) => {
    if (!declared(config.sectors, result.sector)) {
      report(record, 'unknown-sector', m.notDeclared('sector', result.sector, meantId(result.sector, config.sectors)), ['results', i, 'sector']);
    }
    for (const [metricId] of Object.entries(result.metrics ?? {})) {
      const definition = config.metrics[metricId];
      if (!definition || !declared(config.metrics, metricId)) {
        report(record, 'unknown-metric', m.notDeclared('metric', metricId, meantId(metricId, metricNames)), ['results', i, 'metrics', metricId], 'key');
      } else if (definition.sector !== result.sector && declared(config.sectors, result.sector)) {
        report(record, 'metric-sector', m.metricSector(metricId, definition.sector, result.sector), ['results', i, 'metrics', metricId], 'key');
      }
    }
  });
  (data.tasks ?? []).forEach((task, i) => {
    const ownerList = ownersOf(task);
    ownerList.forEach((owner, k) => {
      if (!declared(config.owners, owner)) {
        const at: PropertyPath = Array.isArray(task.owner) ? ['tasks', i, 'owner', k] : ['tasks', i, 'owner'];
        report(record, 'unknown-owner', m.notDeclared('owner', owner, meantId(owner, config.owners)), at);
      }
    });
    if (task.sector && !declared(config.sectors, task.sector)) {
      report(record, 'unknown-sector', m.notDeclared('sector', task.sector, meantId(task.sector, config.sectors)), ['tasks', i, 'sector']);
    }
    if (task.due && task.due < data.date) {
      report(record, 'due-before-date', m.dueBeforeDate(task.id, task.due, data.date), ['tasks', i, 'due']);
    }
  });
  return findings;
}

/** A record file that could not be read at all: its date from its name, when that has one. */
export interface UnreadableRecord {
  file: string;
  date?: IsoDate;
  /** The task ids its text seems to assign; absent when its text could not be read (it may assign any). */
  taskIds?: ReadonlySet<string>;
}

/**
 * Task ids are unique across the repository; updates name tasks of earlier
 * meetings. Needs only dates, task ids and updates. An update naming a task
 * no record assigns is not an orphan while a record that could not be read
 * (`unreadable`), dated before it and seeming to assign it, may be the one assigning it: that record
 * gets one warning saying how many later updates wait on it.
 */
export function checkAcrossRecords(records: readonly CheckedRecord[], locale: Locale = 'en', unreadable: readonly UnreadableRecord[] = []): Finding[] {
  const findings: Finding[] = [];
  const report = reporter(findings);
  const m = messages(locale);
  // Task id → the record that first assigns it (a million ids at 100k records: kept lean).
  const assigned = new Map<string, CheckedRecord>();
  const ordered = [...records].sort(compareRecords);
  for (const record of ordered) {
    taskIdsOf(record).forEach((id, index) => {
      const first = assigned.get(id);
      if (first) {
        report(record, 'duplicate-task-id', first === record ? m.rules.duplicateHere(id) : m.rules.duplicateIn(id, first.file), ['tasks', index, 'id']);
      } else {
        assigned.set(id, record);
      }
    });
  }
  const waiting = new Map<UnreadableRecord, number>();
  for (const record of records) {
    updatedTasksOf(record).forEach((task, i) => {
      const origin = assigned.get(task);
      if (!origin) {
        const sources = unreadable.filter((u) => (u.date === undefined || u.date < record.data.date) && (u.taskIds === undefined || u.taskIds.has(task)));
        if (sources.length > 0) {
          for (const source of sources) waiting.set(source, (waiting.get(source) ?? 0) + 1);
          return;
        }
        report(record, 'update-unknown-task', m.rules.unknownTask(task, nearest(task, assigned.keys())), ['updates', i, 'task']);
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
  const match = FILE_NAME.exec(name);
  const { date } = record.data;
  if (!match) {
    report(record, 'file-name', m.fileNameForm(name, date), ['date']);
    return findings;
  }
  if (match[1] !== date) {
    report(record, 'file-name', m.fileNameDate(match[1]!, date), ['date']);
    return findings;
  }
  const folder = path.posix.dirname(record.file);
  const expected = path.posix.join(config.paths.meetings, date.slice(0, 4));
  if (folder !== path.posix.normalize(expected)) {
    report(record, 'file-folder', m.fileFolder(folder, date.slice(0, 4), expected), ['date']);
  }
  return findings;
}
