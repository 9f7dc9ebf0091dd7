// The monthly report as one self-contained, printable HTML page: inline CSS
// and SVG, no script, nothing fetched. Every record and config value is
// untrusted: text is escaped, and Markdown bodies go through the sanitizer.
import { firstDayOf, lastDayOf } from '../model/dates.js';
import type { Report, ReportMeeting, ReportMetric, ReportTask, TaskRows } from '../model/report.js';
import { historyChart, trendSparkline } from './html/charts.js';
import { escapeHtml as e } from './html/escape.js';
import { MAX_BODY_CHARS, renderSafeMarkdown } from './html/sanitize.js';
import { REPORT_CSS } from './html/styles.js';
import { HTML_WORDS } from './html/words.js';
import { formatDate, dueCells, formatNumber, KIND_LABELS, SESSION_LABELS, STATUS_LABELS } from './locale.js';
import {
  asOfOf,
  decisionLine,
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
import { madeOnce, type Column } from './table.js';
import { joinedInChunks, visibleDeep } from '../model/text.js';

// Nothing may load: no script runs, no request leaves, even if a tag slipped through.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

export function renderReportHtml(given: Report): string {
  return [...renderReportHtmlChunks(given)].join('');
}

/**
 * The page in pieces to write one after the other: the task lists of a
 * large repository run to hundreds of thousands of rows, made as they are
 * written rather than held as one string.
 */
export function* renderReportHtmlChunks(given: Report): Generator<string, void, undefined> {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const report = visibleDeep(given, 'lines');
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const title = words.title(report.month);
  const documentTitle = report.organization ? `${report.organization} — ${title}` : title;
  yield `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="meet">
<title>${e(documentTitle)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main class="page">
${masthead(report)}
<h1>${e(title)}</h1>
<p class="period">${e(HTML_WORDS[locale].period(formatDate(locale, firstDayOf(report.month)), formatDate(locale, lastDayOf(report.month))))}${asOfOf(report) === lastDayOf(report.month) ? '' : `<span class="sub">${e(HTML_WORDS[locale].asOf(formatDate(locale, asOfOf(report))))}</span>`}</p>
${keyFigures(report)}
`;
  // Every section in pieces: a month of a large repository has hundreds of meetings, and a section made as one
  // string was copied again into the page's (at 100,000 records 40 MB, most of a report's peak above JSON's).
  yield* sectionChunks(1, words.sections.meetings, 'meetings', report.meetings.length === 0 ? [empty(words.empty.meetings)] : meetingsTable(report));
  yield '\n';
  yield* sectionChunks(2, words.sections.results, 'results', report.results.length === 0 ? [empty(words.empty.results)] : results(report));
  yield '\n';
  yield* sectionChunks(3, words.sections.decisions, 'decisions', report.decisions.length === 0 ? [empty(words.empty.decisions)] : decisions(report));
  yield '\n';
  yield* sectionChunks(4, words.sections.tasks, 'tasks', tasks(report));
  yield '\n';
  yield* sectionChunks(5, words.sections.owners, 'owners', [report.owners.length === 0 ? empty(words.empty.owners) : owners(report)]);
  yield '\n';
  yield* appendix(report);
  yield `
<footer>${e(HTML_WORDS[locale].footer)}</footer>
</main>
</body>
</html>
`;
}

function masthead(report: Report): string {
  const national = HTML_WORDS[report.locale].nationalHeading;
  const org = report.organization ? `<div class="org"><strong>${e(report.organization)}</strong><span class="rule"></span></div>` : '<div class="org"></div>';
  const nation = national ? `<div class="nation"><strong>${e(national[0])}</strong><span>${e(national[1])}</span><span class="rule"></span></div>` : '';
  return `<header class="masthead">${org}${nation}</header>`;
}

/** Nothing the first time, a line break each time after: parts on lines of their own, as if joined. */
function lineBreaks(): () => string {
  let first = true;
  return () => {
    const text = first ? '' : '\n';
    first = false;
    return text;
  };
}

function* sectionChunks(number: number, heading: string, id: string, body: Iterable<string>): Generator<string, void, undefined> {
  yield `<section id="${id}" class="report-section">\n<h2>${number}. ${e(heading)}</h2>\n`;
  yield* body;
  yield '\n</section>';
}

function empty(text: string): string {
  return `<p class="empty">${e(text)}</p>`;
}

function keyFigures(report: Report): string {
  const { locale } = report;
  const counts = REPORT_WORDS[locale].taskCounts(report);
  const html = HTML_WORDS[locale];
  const figure = (label: string, value: number, late = false) =>
    `<li${late && value > 0 ? ' class="late"' : ''}><span class="value">${e(formatNumber(locale, value))}</span><span class="label">${e(label)}</span></li>`;
  return `<ul class="figures" aria-label="${e(html.keyFigures)}">
${figure(html.meetings, report.meetings.length)}
${figure(html.decisions, report.decisions.length)}
${shownTaskLists(report)
  .filter((key) => key !== 'carried' && key !== 'recurring')
  .map((key) => figure(counts[key], tasksOf(report, key).length, key === 'overdue'))
  .join('\n')}
</ul>`;
}

function table(headers: { text: string; className?: string }[], rows: string[], className?: string): string {
  return [...tableChunks(headers, rows, className)].join('');
}

/** A table whose rows are made as the pieces are taken. */
function* tableChunks(headers: { text: string; className?: string }[], rows: Iterable<string>, className?: string): Generator<string, void, undefined> {
  const head = headers.map((h) => `<th${h.className ? ` class="${h.className}"` : ''}>${e(h.text)}</th>`).join('');
  yield `<table${className ? ` class="${className}"` : ''}>\n<thead><tr>${head}</tr></thead>\n<tbody>\n`;
  yield* joinedInChunks(rows, '\n');
  yield '\n</tbody>\n</table>';
}

function* meetingsTable(report: Report): Generator<string, void, undefined> {
  const { locale } = report;
  const c = REPORT_WORDS[locale].meetingColumns;
  const rows = function* () {
    for (const [i, m] of report.meetings.entries()) {
      const where = [m.session && !m.time ? SESSION_LABELS[locale][m.session] : '', m.time, m.location].filter(Boolean).join(' · ');
      yield `<tr><td class="num">${i + 1}</td><td class="date">${e(meetingDays(locale, m))}</td><td>${e(KIND_LABELS[locale][m.kind])}</td><td>${e(meetingTitle(report, m))}${where ? `<span class="sub">${e(where)}</span>` : ''}</td><td>${e(meetingChairs(m))}${m.chairRole ? `<span class="sub">${e(m.chairRole)}</span>` : ''}</td></tr>`;
    }
  };
  yield* tableChunks(
    [
      { text: HTML_WORDS[locale].number, className: 'num w-no' },
      { text: c.date, className: 'w-date' },
      { text: c.kind, className: 'w-kind' },
      { text: c.title },
      { text: c.chair, className: 'w-task' },
    ],
    rows(),
  );
  yield* meetingsDetails(report);
}

/** Under the table, what each record says beyond it: attendees, discussion, conclusion… */
function* meetingsDetails(report: Report): Generator<string, void, undefined> {
  for (const m of report.meetings) {
    const details = meetingDetails(report, m);
    if (details.length === 0) continue;
    const items = details.map((d) =>
      d.text !== undefined
        ? `<dt>${e(d.label)}</dt><dd>${e(d.text)}</dd>`
        : `<dt>${e(d.label)}</dt><dd><ul>${d.items!.map((item) => `<li>${e(item)}</li>`).join('')}</ul></dd>`,
    );
    yield `\n<div class="meeting-details">\n<p class="decision-source">${e(`${m.title} (${formatDate(report.locale, m.date)})`)}</p>\n<dl>${items.join('')}</dl>\n</div>`;
  }
}

function* results(report: Report): Generator<string, void, undefined> {
  const { locale } = report;
  const several = report.meetings.length > 1;
  const shown = new Set<string>();
  // Each part after the first on a line of its own, as the parts were joined.
  const between = lineBreaks();
  for (const [i, result] of report.results.entries()) {
    yield `${between()}<h3>2.${i + 1}. ${e(result.label)}</h3>`;
    if (result.summaries.length > 0) {
      // Another organization's summary says whose it is, as the text and Markdown reports do.
      const items = result.summaries.map((s) => {
        const sub = [s.organization, several ? formatDate(locale, s.date) : undefined].filter((x): x is string => x !== undefined);
        return `<li>${e(s.text)}${sub.length > 0 ? ` <span class="sub-inline">(${e(sub.join(', '))})</span>` : ''}</li>`;
      });
      yield `\n<ul class="summaries">\n`;
      yield* joinedInChunks(items, '\n');
      yield '\n</ul>';
    }
    if (result.metrics.length > 0) {
      yield '\n';
      yield* metricsTable(report, result.metrics);
    }
    for (const m of result.metrics) shown.add(m.id);
  }
  // A metric whose sector has no results section still belongs in the report.
  const others = report.metrics.filter((m) => !shown.has(m.id) && !m.organization);
  if (others.length > 0) {
    yield `${between()}<h3>${e(HTML_WORDS[locale].otherMetrics)}</h3>\n`;
    yield* metricsTable(report, others);
  }
  // Another organization's figures, and those of spans of several months, are never mixed in.
  for (const organization of otherOrganizations(report)) {
    const metrics = report.metrics.filter((m) => m.organization === organization);
    yield `${between()}<h3>${e(REPORT_WORDS[locale].otherFigures(organization))}</h3>\n`;
    yield* metricsTable(report, metrics);
  }
  for (const span of report.spans ?? []) {
    const { columns, rows } = spanTable(report, span, (text) => text);
    const heading = REPORT_WORDS[locale].spanFigures(span.period, span.organization ?? undefined);
    yield `${between()}<h3>${e(heading)}</h3>\n`;
    yield* htmlTable(columns, rows, ['w-label', 'w-unit', 'w-value']);
  }
}

/** A table of metricTable/spanTable cells: right-aligned columns as numbers, the first value bold; `widths` name the first columns' classes. */
function htmlTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  widths: readonly string[],
  extra?: { header: { text: string; className: string }; cells: string[] },
): Generator<string, void, undefined> {
  // Columns past `widths` (ytd, shares of plans, same period) take what is left.
  const classOf = (i: number) => [columns[i]!.align === 'right' ? 'num' : '', widths[i] ?? ''].filter(Boolean).join(' ');
  const body = function* () {
    for (const [r, row] of rows.entries()) {
      const cells = row.map((cell, i) => {
        const cls = columns[i]!.align === 'right' ? ' class="num"' : '';
        return `<td${cls}>${i === 2 ? `<strong>${e(cell)}</strong>` : e(cell)}</td>`;
      });
      yield `<tr>${cells.join('')}${extra ? extra.cells[r] : ''}</tr>`;
    }
  };
  // Many columns (v2 figures): a smaller type, so the table keeps to the page.
  const dense = columns.length + (extra ? 1 : 0) > 8 ? 'dense' : undefined;
  return tableChunks([...columns.map((c, i) => ({ text: c.header, className: classOf(i) })), ...(extra ? [extra.header] : [])], body(), dense);
}

function metricsTable(report: Report, metrics: readonly ReportMetric[]): Iterable<string> {
  const { locale } = report;
  const { columns, rows } = metricTable(report, metrics, (text) => text);
  const widths = ['w-label', 'w-unit', 'w-value', 'w-value', 'w-change', 'w-change'];
  // An A4 page holds the trend beside two more columns (ytd, a share); past that the figures come first.
  if (columns.length > widths.length + 2) return htmlTable(columns, rows, ['w-label']);
  const charts = metrics.map((m) => {
    const index = report.metrics.indexOf(m);
    return `<td class="chart-cell">${trendSparkline(m, locale, `${index >= 0 ? index : 'x'}-${m.id}`)}</td>`;
  });
  return htmlTable(columns, rows, widths, { header: { text: HTML_WORDS[locale].trend, className: 'center w-chart' }, cells: charts });
}

function* decisions(report: Report): Generator<string, void, undefined> {
  const { locale } = report;
  const files = [...new Set(report.decisions.map((d) => d.file))];
  let n = 0;
  const list = function* (file: string): Generator<string, void, undefined> {
    const items = report.decisions.filter((d) => d.file === file).map((d) => `<li value="${++n}">${e(decisionLine(locale, d))}</li>`);
    yield '<ol class="decisions">\n';
    yield* joinedInChunks(items, '\n');
    yield '\n</ol>';
  };
  if (files.length === 1) {
    yield* list(files[0]!);
    return;
  }
  // Several meetings adopted decisions: say which adopted what; numbering runs on.
  const between = lineBreaks();
  for (const file of files) {
    const meeting = report.meetings.find((m) => m.file === file);
    const source = meeting ? `${meeting.title} (${formatDate(locale, meeting.date)})` : file;
    yield `${between()}<p class="decision-source">${e(source)}</p>\n`;
    yield* list(file);
  }
}

function* tasks(report: Report): Generator<string, void, undefined> {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const lists = words.taskLists(report);
  const between = lineBreaks();
  if (report.history.length > 0) {
    yield `${between()}<figure class="chart-figure">\n${historyChart(report.history, locale, report.month)}\n<figcaption>${e(HTML_WORDS[locale].historyTitle)}</figcaption>\n</figure>`;
  }
  for (const [i, key] of shownTaskLists(report).entries()) {
    const list = tasksOf(report, key);
    yield `${between()}<h3 id="tasks-${key}">4.${i + 1}. ${e(lists[key])} (${e(formatNumber(locale, list.length))})</h3>\n`;
    if (list.length === 0) yield empty(words.empty.tasks);
    else yield* taskTable(report, key, list);
  }
}

function taskTable(report: Report, key: TaskListKey, list: TaskRows): Iterable<string> {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const c = words.taskColumns;
  const isOverdueList = key === 'overdue';
  // Cells that repeat from row to row (a day, a deadline, a status, the owners) are made once: a large report has hundreds of thousands of rows.
  const ownerCells = madeOnce(
    (names: readonly string[]) => `<td>${e(names[0] ?? '')}</td><td>${e(names.slice(1).join(', '))}</td>`,
    new WeakMap<readonly string[], string>(),
  );
  const assignedOn = madeOnce((date: string) => e(HTML_WORDS[locale].assignedOn(formatDate(locale, date))));
  const daysCell = madeOnce((days: number) => `<td class="num late">${e(words.days(days))}</td>`);
  const statusCell = madeOnce((status: ReportTask['status']) => `<td><span class="status status-${status}">${e(STATUS_LABELS[locale][status])}</span></td>`);
  const dueCell = dueCells(locale, UNKNOWN, (due) => `<td class="date">${e(due)}</td>`);
  const row = (t: ReportTask, i: number) =>
    `<tr${t.overdueDays > 0 ? ' class="overdue"' : ''}><td class="num">${i + 1}</td>` +
    // The latest update's note reads best under the title: a column of its own would be too narrow on A4.
    `<td>${e(t.title)}${t.note ? `<span class="task-note">${e(words.note)}: ${e(t.note)}</span>` : ''}<span class="sub">${assignedOn(t.meeting.date)}${t.directedBy ? ` · ${e(words.directedBy)}: ${e(t.directedBy)}` : ''} · <span class="id">${e(t.id)}</span></span></td>` +
    `${ownerCells(t.ownerNames)}${dueCell(t)}` +
    `${isOverdueList ? daysCell(t.overdueDays) : ''}${statusCell(t.status)}</tr>`;
  function* rows(): Generator<string, void, undefined> {
    let i = 0;
    for (const t of list) yield row(t, i++);
  }
  return tableChunks(
    [
      { text: HTML_WORDS[locale].number, className: 'num w-no' },
      { text: c.task, className: 'w-task' },
      { text: c.lead, className: 'w-owner' },
      { text: c.with, className: 'w-owner' },
      { text: c.due, className: 'w-date' },
      ...(isOverdueList ? [{ text: c.overdue, className: 'num w-days' }] : []),
      { text: c.status, className: 'w-status' },
    ],
    rows(),
  );
}

function owners(report: Report): string {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const n = (value: number) => e(formatNumber(locale, value));
  const { columns, counts } = ownerColumns(report);
  const rows = report.owners.map((o, i) => {
    const values = counts(o);
    // The last count is the overdue one.
    const cells = values.map((v, k) => `<td class="num${k === values.length - 1 && o.overdue > 0 ? ' late' : ''}">${n(v)}</td>`);
    return `<tr${o.overdue > 0 ? ' class="overdue"' : ''}><td class="num">${i + 1}</td><td>${e(o.name)}</td>${cells.join('')}</tr>`;
  });
  const head = [
    { text: HTML_WORDS[locale].number, className: 'num w-no' },
    { text: columns[0]!.header },
    ...columns.slice(1).map((c) => ({ text: c.header, className: 'num w-count' })),
  ];
  return `${table(head, rows)}\n<p class="note">${e(words.ownerNote)}</p>`;
}

/** The records' Markdown bodies, sanitized, after the five sections, one article at a time. */
function* appendix(report: Report): Generator<string, void, undefined> {
  if (report.meetings.length === 0) return;
  yield `<section id="minutes" class="appendix">\n<h2>${e(HTML_WORDS[report.locale].appendix)}</h2>\n`;
  const between = lineBreaks();
  for (const [i, meeting] of report.meetings.entries()) yield `${between()}${minutes(report, meeting, i)}`;
  yield '\n</section>';
}

function minutes(report: Report, meeting: ReportMeeting, index: number): string {
  const { locale } = report;
  const html = HTML_WORDS[locale];
  const meta = [
    formatDate(locale, meeting.date),
    KIND_LABELS[locale][meeting.kind],
    meeting.time ? `${html.time}: ${meeting.time}` : '',
    meeting.location ? `${html.location}: ${meeting.location}` : '',
    `${html.chairedBy}: ${meeting.chair}${meeting.chairRole ? `, ${meeting.chairRole}` : ''}`,
  ].filter(Boolean);
  const out = [
    `<article class="minutes" id="minutes-${index + 1}">`,
    `<h3>${index + 1}. ${e(meeting.title)}</h3>`,
    `<p class="meta">${meta.map(e).join(' · ')}<span class="sub"><span class="id">${e(meeting.file)}</span></span></p>`,
  ];
  if (meeting.body === undefined) throw new Error(`${meeting.file} was read without its body`);
  if (meeting.body.trim() === '') out.push(empty(html.noBody));
  else {
    // The meeting's title is an h3: the body's "#" becomes h4.
    const body = renderSafeMarkdown(meeting.body, { headingOffset: 3, imageLabel: html.image });
    if (body.truncated) out.push(`<p class="warning">${e(html.truncated(MAX_BODY_CHARS))}</p>`);
    if (body.plain) out.push(`<p class="warning">${e(html.plain)}</p>`);
    out.push(`<div class="body">\n${body.html}</div>`);
  }
  out.push('</article>');
  return out.join('\n');
}
