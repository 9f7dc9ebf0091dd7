// `meet log`: a task's history as text blocks (like `git log`), a Markdown
// table, or JSON. Text and Markdown speak the repository's language; JSON is
// for programs (ISO dates, status ids).
import type { ChalkInstance } from 'chalk';
import { jsonChunks, oneLine, visibleDeep } from '../model/text.js';
import { formatDate, STATUS_LABELS } from './locale.js';
import { markdownId, markdownTable, markdownText, type Column } from './table.js';
import type { CommitInfo, TaskHistory, TaskHistoryEntry } from '../model/tasks.js';
import type { Locale } from '../model/terms.js';
import type { IsoDate } from '../model/dates.js';

interface LogWords {
  task: string;
  now: string;
  assigned: string;
  update: string;
  meeting: string;
  note: string;
  record: string;
  commit: string;
  notCommitted: string;
  date: string;
  change: string;
  author: string;
  /** git's author date: when the change was made, whoever committed it. */
  committedOn: string;
  /** An update of a meeting after the log's day (`day`, when the log has one). */
  later: (day?: string) => string;
  /** The state's label when the log says its day. */
  on: (day: string) => string;
  /** The state on a day before the task's meeting. */
  notAssignedYet: string;
}

/** "Tình trạng ngày 02/12/2026: chưa thực hiện". */
function stateLine(history: TaskHistory, locale: Locale): string {
  const w = WORDS[locale];
  // Read on a day before the meeting that assigns it, the task has no state yet.
  const state = history.entries[0]?.kind === 'assigned' && history.entries[0].later ? w.notAssignedYet : STATUS_LABELS[locale][history.status];
  return `${history.asOf ? w.on(formatDate(locale, history.asOf)) : w.now}: ${state}`;
}

const WORDS: Record<Locale, LogWords> = {
  vi: {
    task: 'Nhiệm vụ',
    now: 'Tình trạng hiện nay',
    assigned: 'giao',
    update: 'cập nhật',
    meeting: 'Hội nghị',
    note: 'Ghi chú',
    record: 'Biên bản',
    commit: 'Commit',
    notCommitted: 'chưa commit',
    date: 'Ngày',
    change: 'Nội dung',
    author: 'Người thay đổi',
    committedOn: 'Ngày thay đổi',
    later: (day) => (day ? `họp sau ngày ${day}, chưa tính` : 'họp sau hôm nay, chưa tính'),
    on: (day) => `Tình trạng ngày ${day}`,
    notAssignedYet: 'chưa được giao (cuộc họp giao nhiệm vụ họp sau ngày này)',
  },
  en: {
    task: 'Task',
    now: 'Now',
    assigned: 'assigned',
    update: 'update',
    meeting: 'Meeting',
    note: 'Note',
    record: 'Record',
    commit: 'Commit',
    notCommitted: 'not committed yet',
    date: 'Date',
    change: 'Change',
    author: 'Changed by',
    committedOn: 'Changed on',
    later: (day) => (day ? `a meeting after ${day}, not counted yet` : 'a later meeting, not counted yet'),
    on: (day) => `State on ${day}`,
    notAssignedYet: 'not assigned yet (the meeting that assigns it is held after that day)',
  },
};

function change(entry: TaskHistoryEntry, locale: Locale, asOf: IsoDate | undefined): string {
  const w = WORDS[locale];
  const later = entry.later ? ` (${w.later(asOf && formatDate(locale, asOf))})` : '';
  return `${entry.kind === 'assigned' ? w.assigned : w.update}: ${STATUS_LABELS[locale][entry.status]}${later}`;
}

function commitDay(commit: CommitInfo, locale: Locale): string {
  return formatDate(locale, commit.date.slice(0, 10));
}

function shortSha(commit: CommitInfo): string {
  return commit.sha.slice(0, 7);
}

export function renderLogText(given: TaskHistory, locale: Locale, c: ChalkInstance): string {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const history = visibleDeep(given);
  const w = WORDS[locale];
  const lines = [c.bold(`${w.task} ${history.id}: ${oneLine(history.title)}`), stateLine(history, locale)];
  for (const entry of history.entries) {
    lines.push('', `${c.bold(formatDate(locale, entry.date))}  ${change(entry, locale, history.asOf)}`);
    lines.push(`  ${w.meeting}: ${oneLine(entry.meeting)} (${entry.file}:${entry.line})`);
    if (entry.note) lines.push(`  ${w.note}: ${oneLine(entry.note)}`);
    const commit = entry.commit ? `${c.yellow(shortSha(entry.commit))} ${entry.commit.author}, ${commitDay(entry.commit, locale)}` : c.dim(w.notCommitted);
    lines.push(`  ${w.commit}: ${commit}`);
  }
  return lines.join('\n');
}

export function renderLogMarkdown(given: TaskHistory, locale: Locale): string {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const history = visibleDeep(given);
  const w = WORDS[locale];
  const columns: Column[] = [
    { header: w.date },
    { header: w.change },
    { header: w.meeting },
    { header: w.note },
    { header: w.record },
    { header: w.commit },
    { header: w.author },
    { header: w.committedOn },
  ];
  const rows = history.entries.map((entry) => [
    formatDate(locale, entry.date),
    change(entry, locale, history.asOf),
    markdownText(oneLine(entry.meeting)),
    markdownText(oneLine(entry.note ?? '')),
    markdownText(`${entry.file}:${entry.line}`),
    entry.commit ? shortSha(entry.commit) : w.notCommitted,
    entry.commit ? markdownText(entry.commit.author) : '',
    entry.commit ? commitDay(entry.commit, locale) : '',
  ]);
  const heading = `## ${w.task} ${markdownId(history.id)}: ${markdownText(oneLine(history.title))}`;
  return `${heading}\n\n${stateLine(history, locale)}\n\n${markdownTable(columns, rows)}\n`;
}

/**
 * The JSON form: { task, title, owners, due, status, asOf, history: [{ kind,
 * date, meeting, file, line, status, note, later, commit: { sha, author,
 * email, date, summary } | null }] }, oldest first; absent values are null.
 */
export function* renderLogJson(history: TaskHistory): Generator<string, void, undefined> {
  const value = {
    task: history.id,
    title: history.title,
    owners: history.owners,
    due: history.due ?? null,
    status: history.status,
    asOf: history.asOf ?? null,
    history: history.entries.map((entry) => ({
      kind: entry.kind,
      date: entry.date,
      meeting: entry.meeting,
      file: entry.file,
      line: entry.line,
      status: entry.status,
      note: entry.note ?? null,
      later: entry.later === true,
      commit: entry.commit,
    })),
  };
  yield* jsonChunks(value);
  yield '\n';
}
