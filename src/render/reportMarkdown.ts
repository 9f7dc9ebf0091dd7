// The monthly report as Markdown: what `meet digest` commits to reports/,
// readable as plain text and on any git host.
import type { Report, TaskRows } from '../model/report.js';
import { formatDate, dueCells, formatNumber, KIND_LABELS, STATUS_LABELS } from './locale.js';
import {
  decisionGroups,
  meetingChairs,
  meetingDays,
  meetingDetails,
  meetingTitle,
  metricTable,
  otherOrganizations,
  ownerColumns,
  REPORT_WORDS,
  shownTaskLists,
  spanTable,
  tasksOf,
  UNKNOWN,
  type TaskListKey,
} from './reportWords.js';
import { madeOnce, markdownTable, markdownTableChunks, markdownText, type Column } from './table.js';
import { joinedInChunks, oneLine, visibleDeep } from '../model/text.js';

/** Record text in running Markdown: one line, shown as it is (no link, image, HTML or formatting from it). */
function inline(text: string): string {
  return markdownText(oneLine(text));
}

export function renderReportMarkdown(given: Report): string {
  return [...renderReportMarkdownChunks(given)].join('');
}

/** renderReportMarkdown in pieces: the task tables are written as they are made (300,000 rows at 100k records). */
export function* renderReportMarkdownChunks(given: Report): Generator<string, void, undefined> {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const report = visibleDeep(given);
  const words = REPORT_WORDS[report.locale];
  yield `# ${words.title(report.month)}`;
  if (report.organization) yield `\n\n**${inline(report.organization)}**`;

  let number = 0;
  function* section(heading: string, body: string | Iterable<string>): Generator<string, void, undefined> {
    number++;
    yield `\n\n## ${number}. ${heading}\n\n`;
    if (typeof body === 'string') yield body;
    else yield* body;
  }
  const empty = (text: string) => `_${text}_`;

  yield* section(words.sections.meetings, report.meetings.length === 0 ? empty(words.empty.meetings) : renderMeetings(report));
  yield* section(words.sections.results, report.results.length === 0 ? empty(words.empty.results) : renderResults(report));
  yield* section(words.sections.decisions, report.decisions.length === 0 ? empty(words.empty.decisions) : renderDecisions(report));
  yield* section(words.sections.tasks, renderTasks(report));
  yield* section(words.sections.owners, report.owners.length === 0 ? empty(words.empty.owners) : renderOwners(report));
  yield '\n';
}

/** Pieces joined by `separator`: what each section was, made one piece at a time. */
function* separated(pieces: Iterable<Iterable<string>>, separator: string): Generator<string, void, undefined> {
  let first = true;
  for (const piece of pieces) {
    if (!first) yield separator;
    first = false;
    yield* piece;
  }
}

// The sections before the task lists are made in pieces too: a month of a large repository has hundreds of
// meetings, and each section held as one string was most of a report's peak above its records.
function renderMeetings(report: Report): Generator<string, void, undefined> {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const table = markdownTableChunks(
    [
      { header: words.meetingColumns.date },
      { header: words.meetingColumns.kind },
      { header: words.meetingColumns.title },
      { header: words.meetingColumns.chair },
    ],
    report.meetings.map((m) => [meetingDays(locale, m), KIND_LABELS[locale][m.kind], inline(meetingTitle(report, m)), inline(meetingChairs(m))]),
  );
  // Under the table, what each record says beyond it: attendees, discussion, conclusion…
  function* blocks(): Generator<Iterable<string>, void, undefined> {
    yield table;
    for (const m of report.meetings) {
      const details = meetingDetails(report, m);
      if (details.length === 0) continue;
      const lines = [`**${inline(m.title)} (${formatDate(locale, m.date)})**`, ''];
      for (const d of details) {
        if (d.text !== undefined) lines.push(`- ${d.label}: ${inline(d.text)}`);
        else lines.push(`- ${d.label}:`, ...d.items!.map((item) => `  - ${inline(item)}`));
      }
      yield [lines.join('\n')];
    }
  }
  return separated(blocks(), '\n\n');
}

function renderResults(report: Report): Generator<string, void, undefined> {
  const table = (t: { columns: Column[]; rows: string[][] }) => markdownTableChunks(t.columns, t.rows);
  function* parts(): Generator<Iterable<string>, void, undefined> {
    for (const result of report.results) {
      const out: Iterable<string>[] = [[`### ${inline(result.label)}`]];
      if (result.summaries.length > 0)
        out.push(
          joinedInChunks(
            result.summaries.map((s) => `- ${inline(s.text)}${s.organization ? ` _(${inline(s.organization)})_` : ''}`),
            '\n',
          ),
        );
      if (result.metrics.length > 0) out.push(table(metricTable(report, result.metrics, inline)));
      yield separated(out, '\n\n');
    }
    // Another organization's figures, and those of spans of several months, are never mixed in.
    for (const organization of otherOrganizations(report)) {
      const metrics = report.metrics.filter((m) => m.organization === organization);
      yield separated([[`### ${inline(REPORT_WORDS[report.locale].otherFigures(organization))}`], table(metricTable(report, metrics, inline))], '\n\n');
    }
    for (const span of report.spans ?? []) {
      const heading = REPORT_WORDS[report.locale].spanFigures(span.period, span.organization ?? undefined);
      yield separated([[`### ${inline(heading)}`], table(spanTable(report, span, inline))], '\n\n');
    }
  }
  return separated(parts(), '\n\n');
}

function renderDecisions(report: Report): Generator<string, void, undefined> {
  const groups = decisionGroups(report);
  const list = (items: { n: number; text: string }[]) =>
    joinedInChunks(
      items.map((d) => `${d.n}. ${inline(d.text)}`),
      '\n',
    );
  if (groups.length === 1) return list(groups[0]!.items);
  // Several meetings adopted decisions: say which adopted what.
  return separated(
    groups.map((g) =>
      separated([[`**${g.meeting ? `${inline(g.meeting.title)} (${formatDate(report.locale, g.meeting.date)})` : inline(g.file)}**`], list(g.items)], '\n\n'),
    ),
    '\n\n',
  );
}

function* renderTasks(report: Report): Generator<string, void, undefined> {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const lists = words.taskLists(report);
  const counts = words.taskCounts(report);
  const keys = shownTaskLists(report);
  yield keys.map((key) => `${counts[key]}: **${formatNumber(locale, tasksOf(report, key).length)}**`).join(' · ');
  for (const key of keys) {
    const tasks = tasksOf(report, key);
    yield `\n\n### ${lists[key]} (${formatNumber(locale, tasks.length)})\n\n`;
    if (tasks.length === 0) yield `_${words.empty.tasks}_`;
    else yield* taskTable(report, key, tasks);
  }
}

function taskTable(report: Report, key: TaskListKey, tasks: TaskRows): Generator<string, void, undefined> {
  const { locale } = report;
  const c = REPORT_WORDS[locale].taskColumns;
  const overdue = key === 'overdue';
  // Known from the report; else one pass for both (each row is made as it is read: at 100k records, 300,000 of them a list).
  let { notes = false, directed = false } = report.taskColumns?.[key] ?? {};
  if (!report.taskColumns?.[key])
    for (const t of tasks) {
      notes ||= Boolean(t.note);
      directed ||= Boolean(t.directedBy);
      if (notes && directed) break;
    }
  const columns: Column[] = [
    { header: c.task },
    { header: c.lead },
    { header: c.with },
    ...(directed ? [{ header: REPORT_WORDS[locale].directedBy }] : []),
    { header: c.due },
    ...(overdue ? [{ header: c.overdue, align: 'right' as const }] : []),
    { header: c.status },
    ...(notes ? [{ header: c.note }] : []),
    { header: c.id },
  ];
  const dueCell = dueCells(locale, UNKNOWN);
  const statusLabels = STATUS_LABELS[locale];
  // Cells that repeat from row to row are made once: a count of days past 999 is Intl's to write, a microsecond a row.
  const days = madeOnce(REPORT_WORDS[locale].days);
  const ownerCells = madeOnce(
    (names: readonly string[]): [string, string] => [inline(names[0] ?? ''), inline(names.slice(1).join(', '))],
    new WeakMap<readonly string[], [string, string]>(),
  );
  // Each row made as it is written; its cells pushed, not spread from arrays made for each (67,000 rows at 10k records).
  function* rows(): Generator<string[], void, undefined> {
    for (const t of tasks) {
      const [lead, others] = ownerCells(t.ownerNames);
      const row = [inline(t.title), lead, others];
      if (directed) row.push(inline(t.directedBy ?? ''));
      row.push(dueCell(t));
      if (overdue) row.push(days(t.overdueDays));
      row.push(statusLabels[t.status]);
      if (notes) row.push(t.note ? inline(t.note) : '');
      row.push(`\`${t.id}\``);
      yield row;
    }
  }
  return markdownTableChunks(columns, rows());
}

function renderOwners(report: Report): string {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const { columns, counts } = ownerColumns(report);
  const rows = report.owners.map((o) => [inline(o.name), ...counts(o).map((n) => formatNumber(locale, n))]);
  return `${markdownTable(columns, rows)}\n\n_${words.ownerNote}_`;
}
