// The monthly report for a terminal: numbered sections, aligned tables,
// colour only through the chalk instance the caller chose (colorsFor).
import type { ChalkInstance } from 'chalk';
import type { Report, TaskRows } from '../model/report.js';
import { formatDate, formatDue, formatNumber, KIND_LABELS, STATUS_LABELS } from './locale.js';
import {
  decisionGroups,
  meetingChairs,
  meetingDays,
  meetingDetails,
  meetingTitle,
  metricTable,
  otherOrganizations,
  ownerColumns,
  ownersText,
  REPORT_WORDS,
  shownTaskLists,
  spanTable,
  tasksOf,
  UNKNOWN,
  type TaskListKey,
} from './reportWords.js';
import { displayWidth, textTable, type Column } from './table.js';
import { oneLine, visibleDeep } from '../model/text.js';
import type { TaskStatus } from '../model/terms.js';

const INDENT = '  ';

function indent(text: string, prefix = INDENT): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}

export function renderReportText(given: Report, chalk: ChalkInstance): string {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const report = visibleDeep(given);
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const title = words.title(report.month);
  const out: string[] = [];
  if (report.organization) out.push(report.organization);
  out.push(chalk.bold(title), '='.repeat(displayWidth(title)));

  let number = 0;
  const section = (heading: string, body: string) => {
    number++;
    out.push('', chalk.bold(`${number}. ${heading}`), '', indent(body));
  };
  const empty = (text: string) => chalk.dim(text);

  section(words.sections.meetings, report.meetings.length === 0 ? empty(words.empty.meetings) : renderMeetings(report, chalk));

  section(words.sections.results, report.results.length === 0 ? empty(words.empty.results) : renderResults(report, chalk));
  section(words.sections.decisions, report.decisions.length === 0 ? empty(words.empty.decisions) : renderDecisions(report, chalk));
  section(words.sections.tasks, renderTasks(report, chalk));
  section(words.sections.owners, report.owners.length === 0 ? empty(words.empty.owners) : renderOwners(report, chalk));
  return `${out.join('\n')}\n`;
}

function renderMeetings(report: Report, chalk: ChalkInstance): string {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const table = textTable(
    [
      { header: words.meetingColumns.date },
      { header: words.meetingColumns.kind },
      { header: words.meetingColumns.title },
      { header: words.meetingColumns.chair },
    ],
    report.meetings.map((m) => [meetingDays(locale, m), KIND_LABELS[locale][m.kind], oneLine(meetingTitle(report, m)), oneLine(meetingChairs(m))]),
    { header: chalk.dim },
  );
  // Under the table, what each record says beyond it: attendees, discussion, conclusion…
  const blocks = report.meetings.flatMap((m) => {
    const details = meetingDetails(report, m);
    if (details.length === 0) return [];
    const lines = [chalk.bold(`${oneLine(m.title)} (${formatDate(locale, m.date)})`)];
    for (const d of details) {
      if (d.text !== undefined) lines.push(indent(`${d.label}: ${oneLine(d.text)}`));
      else lines.push(indent(`${d.label}:`), ...d.items!.map((item) => indent(`- ${oneLine(item)}`, INDENT + INDENT)));
    }
    return [lines.join('\n')];
  });
  return [table, ...blocks].join('\n\n');
}

function renderResults(report: Report, chalk: ChalkInstance): string {
  const table = (t: { columns: Column[]; rows: string[][] }) => indent(textTable(t.columns, t.rows, { header: chalk.dim }));
  const blocks = report.results.map((result) => {
    const lines = [
      chalk.bold(result.label),
      ...result.summaries.map((s) => `• ${oneLine(s.text)}${s.organization ? chalk.dim(` (${oneLine(s.organization)})`) : ''}`),
    ];
    if (result.metrics.length > 0) lines.push('', table(metricTable(report, result.metrics, oneLine)));
    return lines.join('\n');
  });
  // Another organization's figures, and those of spans of several months, are never mixed in.
  for (const organization of otherOrganizations(report)) {
    const metrics = report.metrics.filter((m) => m.organization === organization);
    blocks.push(`${chalk.bold(oneLine(REPORT_WORDS[report.locale].otherFigures(organization)))}\n\n${table(metricTable(report, metrics, oneLine))}`);
  }
  for (const span of report.spans ?? []) {
    const heading = REPORT_WORDS[report.locale].spanFigures(span.period, span.organization ?? undefined);
    blocks.push(`${chalk.bold(oneLine(heading))}\n\n${table(spanTable(report, span, oneLine))}`);
  }
  return blocks.join('\n\n');
}

function renderDecisions(report: Report, chalk: ChalkInstance): string {
  const groups = decisionGroups(report);
  const numbered = (d: { n: number; text: string }) => `${d.n}. ${oneLine(d.text)}`;
  if (groups.length === 1) return groups[0]!.items.map(numbered).join('\n');
  // Several meetings adopted decisions: say which adopted what.
  return groups
    .map((g) => {
      const heading = g.meeting ? `${oneLine(g.meeting.title)} (${formatDate(report.locale, g.meeting.date)})` : g.file;
      return [chalk.bold(heading), ...g.items.map((d) => indent(numbered(d)))].join('\n');
    })
    .join('\n\n');
}

function statusStyle(chalk: ChalkInstance, status: TaskStatus): (text: string) => string {
  if (status === 'done') return chalk.green;
  if (status === 'dropped') return chalk.dim;
  return (text) => text;
}

function renderTasks(report: Report, chalk: ChalkInstance): string {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const lists = words.taskLists(report);
  const counts = words.taskCounts(report);
  const keys = shownTaskLists(report);
  const summary = keys.map((key) => `${counts[key]}: ${chalk.bold(formatNumber(locale, tasksOf(report, key).length))}`).join(' · ');
  const blocks = [summary];
  for (const key of keys) {
    const tasks = tasksOf(report, key);
    const heading = chalk.bold(`${lists[key]} (${formatNumber(locale, tasks.length)})`);
    blocks.push(`${heading}\n${indent(tasks.length === 0 ? chalk.dim(words.empty.tasks) : taskTable(report, key, tasks, chalk))}`);
  }
  return blocks.join('\n\n');
}

/**
 * One task per entry: the short columns (due, days overdue, status) aligned,
 * the title after them; the owners and the id on the line below, then the
 * latest note. Titles are long sentences, so they are never padded.
 */
function taskTable(report: Report, key: TaskListKey, tasks: TaskRows, chalk: ChalkInstance): string {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const overdue = key === 'overdue';
  const headers = [words.taskColumns.due, ...(overdue ? [words.taskColumns.overdue] : []), words.taskColumns.status, words.taskColumns.task];
  // Each row made once (a row is made as it is read: its title and note read back), what its lines need kept.
  const rows = tasks.map((t) => ({
    cells: [formatDue(locale, t, UNKNOWN), ...(overdue ? [words.days(t.overdueDays)] : []), STATUS_LABELS[locale][t.status]],
    task: { id: t.id, title: t.title, status: t.status, directedBy: t.directedBy, note: t.note, owners: ownersText(locale, t) },
  }));
  const widths = headers.slice(0, -1).map((h, i) => rows.reduce((width, r) => Math.max(width, displayWidth(r.cells[i]!)), displayWidth(h)));
  const pad = (text: string, width: number, right = false) => {
    const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
    return right ? fill + text : text + fill;
  };
  const gap = '  ';
  const lead = ' '.repeat(widths.reduce((sum, w) => sum + w + gap.length, 0));
  const lines = [chalk.dim(headers.map((h, i) => (i < widths.length ? pad(h, widths[i]!, overdue && i === 1) : h)).join(gap))];
  for (const { cells: made, task } of rows) {
    const cells = made.map((cell, i) => {
      const padded = pad(cell, widths[i]!, overdue && i === 1);
      if (overdue && i === 1) return chalk.red(padded);
      if (i === widths.length - 1) return statusStyle(chalk, task.status)(padded);
      return padded;
    });
    lines.push([...cells, oneLine(task.title)].join(gap));
    const directed = task.directedBy ? ` · ${words.directedBy}: ${oneLine(task.directedBy)}` : '';
    lines.push(`${lead}${task.owners}${directed}${chalk.dim(` · ${task.id}`)}`);
    if (task.note) lines.push(lead + chalk.dim(`${words.note}: ${oneLine(task.note)}`));
  }
  return lines.join('\n');
}

function renderOwners(report: Report, chalk: ChalkInstance): string {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const { columns, counts } = ownerColumns(report);
  const rows = report.owners.map((o) => [oneLine(o.name), ...counts(o).map((n) => formatNumber(locale, n))]);
  const table = textTable(columns, rows, { header: chalk.dim });
  // Colour the overdue counts after alignment; padding must see plain text.
  const lines = table.split('\n').map((line, i) => {
    const row = report.owners[i - 1];
    if (!row || row.overdue === 0) return line;
    const cell = formatNumber(locale, row.overdue);
    return line.slice(0, line.length - cell.length) + chalk.red(cell);
  });
  return `${lines.join('\n')}\n\n${chalk.dim(words.ownerNote)}`;
}
