// The monthly report as one self-contained, printable HTML page: inline CSS
// and SVG, no script, nothing fetched. Every record and config value is
// untrusted: text is escaped, and Markdown bodies go through the sanitizer.
import { firstDayOf, lastDayOf } from '../model/dates.js';
import type { Report, ReportMeeting, ReportMetric, ReportTask } from '../model/report.js';
import { historyChart, trendSparkline } from './html/charts.js';
import { escapeHtml as e } from './html/escape.js';
import { MAX_BODY_CHARS, renderSafeMarkdown } from './html/sanitize.js';
import { REPORT_CSS } from './html/styles.js';
import { HTML_WORDS } from './html/words.js';
import { formatDate, formatNumber, KIND_LABELS, STATUS_LABELS } from './locale.js';
import { formatSigned, formatValue, REPORT_WORDS, TASK_LIST_KEYS, UNKNOWN, type TaskListKey } from './reportWords.js';
import { visibleDeep } from '../model/text.js';

// Nothing may load: no script runs, no request leaves, even if a tag slipped through.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

export function renderReportHtml(given: Report): string {
  // Outside text shown visibly: no control or bidirectional character reaches the output raw.
  const report = visibleDeep(given, 'lines');
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const title = words.title(report.month);
  const documentTitle = report.organization ? `${report.organization} — ${title}` : title;
  const sections = [
    section(1, words.sections.meetings, 'meetings', report.meetings.length === 0 ? empty(words.empty.meetings) : meetingsTable(report)),
    section(2, words.sections.results, 'results', report.results.length === 0 ? empty(words.empty.results) : results(report)),
    section(3, words.sections.decisions, 'decisions', report.decisions.length === 0 ? empty(words.empty.decisions) : decisions(report)),
    section(4, words.sections.tasks, 'tasks', tasks(report)),
    section(5, words.sections.owners, 'owners', report.owners.length === 0 ? empty(words.empty.owners) : owners(report)),
  ];
  return `<!DOCTYPE html>
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
<p class="period">${e(HTML_WORDS[locale].period(formatDate(locale, firstDayOf(report.month)), formatDate(locale, lastDayOf(report.month))))}</p>
${keyFigures(report)}
${sections.join('\n')}
${appendix(report)}
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

function section(number: number, heading: string, id: string, body: string): string {
  return `<section id="${id}" class="report-section">\n<h2>${number}. ${e(heading)}</h2>\n${body}\n</section>`;
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
${TASK_LIST_KEYS.filter((key) => key !== 'carried')
  .map((key) => figure(counts[key], report.tasks[key].length, key === 'overdue'))
  .join('\n')}
</ul>`;
}

function table(headers: { text: string; className?: string }[], rows: string[]): string {
  const head = headers.map((h) => `<th${h.className ? ` class="${h.className}"` : ''}>${e(h.text)}</th>`).join('');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function meetingsTable(report: Report): string {
  const { locale } = report;
  const c = REPORT_WORDS[locale].meetingColumns;
  const rows = report.meetings.map((m, i) => {
    const where = [m.time, m.location].filter(Boolean).join(' · ');
    return `<tr><td class="num">${i + 1}</td><td class="date">${e(formatDate(locale, m.date))}</td><td>${e(KIND_LABELS[locale][m.kind])}</td><td>${e(m.title)}${where ? `<span class="sub">${e(where)}</span>` : ''}</td><td>${e(m.chair)}${m.chairRole ? `<span class="sub">${e(m.chairRole)}</span>` : ''}</td></tr>`;
  });
  return table(
    [
      { text: HTML_WORDS[locale].number, className: 'num w-no' },
      { text: c.date, className: 'w-date' },
      { text: c.kind, className: 'w-kind' },
      { text: c.title },
      { text: c.chair, className: 'w-task' },
    ],
    rows,
  );
}

function results(report: Report): string {
  const { locale } = report;
  const several = report.meetings.length > 1;
  const shown = new Set<string>();
  const parts = report.results.map((result, i) => {
    const out = [`<h3>2.${i + 1}. ${e(result.label)}</h3>`];
    if (result.summaries.length > 0) {
      const items = result.summaries.map((s) => `<li>${e(s.text)}${several ? ` <span class="sub-inline">(${e(formatDate(locale, s.date))})</span>` : ''}</li>`);
      out.push(`<ul class="summaries">\n${items.join('\n')}\n</ul>`);
    }
    if (result.metrics.length > 0) out.push(metricsTable(report, result.metrics));
    for (const m of result.metrics) shown.add(m.id);
    return out.join('\n');
  });
  // A metric whose sector has no results section still belongs in the report.
  const others = report.metrics.filter((m) => !shown.has(m.id));
  if (others.length > 0) parts.push(`<h3>${e(HTML_WORDS[locale].otherMetrics)}</h3>\n${metricsTable(report, others)}`);
  return parts.join('\n');
}

function metricsTable(report: Report, metrics: readonly ReportMetric[]): string {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const c = words.metricColumns;
  const rows = metrics.map((m) => {
    const index = report.metrics.findIndex((r) => r.id === m.id);
    return `<tr><td>${e(m.label)}</td><td>${e(m.unit ?? '')}</td><td class="num"><strong>${e(formatValue(locale, m.value))}</strong></td><td class="num">${e(formatValue(locale, m.previous))}</td><td class="num">${e(formatSigned(locale, m.change))}</td><td class="num">${e(formatSigned(locale, m.percent, '%'))}</td><td class="chart-cell">${trendSparkline(m, locale, `${index >= 0 ? index : 'x'}-${m.id}`)}</td></tr>`;
  });
  return table(
    [
      { text: c.label },
      { text: c.unit, className: 'w-unit' },
      { text: words.monthColumn(report.month), className: 'num w-value' },
      { text: words.monthColumn(report.previousMonth), className: 'num w-value' },
      { text: c.change, className: 'num w-change' },
      { text: c.percent, className: 'num w-change' },
      { text: HTML_WORDS[locale].trend, className: 'center w-chart' },
    ],
    rows,
  );
}

function decisions(report: Report): string {
  const { locale } = report;
  const files = [...new Set(report.decisions.map((d) => d.file))];
  let n = 0;
  const list = (file: string) => {
    const items = report.decisions.filter((d) => d.file === file).map((d) => `<li value="${++n}">${e(d.text)}</li>`);
    return `<ol class="decisions">\n${items.join('\n')}\n</ol>`;
  };
  if (files.length === 1) return list(files[0]!);
  // Several meetings adopted decisions: say which adopted what; numbering runs on.
  return files
    .map((file) => {
      const meeting = report.meetings.find((m) => m.file === file);
      const source = meeting ? `${meeting.title} (${formatDate(locale, meeting.date)})` : file;
      return `<p class="decision-source">${e(source)}</p>\n${list(file)}`;
    })
    .join('\n');
}

function tasks(report: Report): string {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const lists = words.taskLists(report);
  const out: string[] = [];
  if (report.history.length > 0) {
    out.push(
      `<figure class="chart-figure">\n${historyChart(report.history, locale, report.month)}\n<figcaption>${e(HTML_WORDS[locale].historyTitle)}</figcaption>\n</figure>`,
    );
  }
  TASK_LIST_KEYS.forEach((key, i) => {
    const list = report.tasks[key];
    out.push(`<h3 id="tasks-${key}">4.${i + 1}. ${e(lists[key])} (${e(formatNumber(locale, list.length))})</h3>`);
    out.push(list.length === 0 ? empty(words.empty.tasks) : taskTable(report, key, list));
  });
  return out.join('\n');
}

function taskTable(report: Report, key: TaskListKey, list: readonly ReportTask[]): string {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const c = words.taskColumns;
  const isOverdueList = key === 'overdue';
  const rows = list.map((t, i) => {
    const cells = [
      `<td class="num">${i + 1}</td>`,
      // The latest update's note reads best under the title: a column of its own would be too narrow on A4.
      `<td>${e(t.title)}${t.note ? `<span class="task-note">${e(words.note)}: ${e(t.note)}</span>` : ''}<span class="sub">${e(HTML_WORDS[locale].assignedOn(formatDate(locale, t.meeting.date)))} · <span class="id">${e(t.id)}</span></span></td>`,
      `<td>${e(t.ownerNames[0] ?? '')}</td>`,
      `<td>${e(t.ownerNames.slice(1).join(', '))}</td>`,
      `<td class="date">${e(t.due ? formatDate(locale, t.due) : UNKNOWN)}</td>`,
      ...(isOverdueList ? [`<td class="num late">${e(words.days(t.overdueDays))}</td>`] : []),
      `<td><span class="status status-${t.status}">${e(STATUS_LABELS[locale][t.status])}</span></td>`,
    ];
    return `<tr${t.overdueDays > 0 ? ' class="overdue"' : ''}>${cells.join('')}</tr>`;
  });
  return table(
    [
      { text: HTML_WORDS[locale].number, className: 'num w-no' },
      { text: c.task, className: 'w-task' },
      { text: c.lead, className: 'w-owner' },
      { text: c.with, className: 'w-owner' },
      { text: c.due, className: 'w-date' },
      ...(isOverdueList ? [{ text: c.overdue, className: 'num w-days' }] : []),
      { text: c.status, className: 'w-status' },
    ],
    rows,
  );
}

function owners(report: Report): string {
  const { locale } = report;
  const words = REPORT_WORDS[locale];
  const c = words.ownerColumns;
  const n = (value: number) => e(formatNumber(locale, value));
  const rows = report.owners.map(
    (o, i) =>
      `<tr${o.overdue > 0 ? ' class="overdue"' : ''}><td class="num">${i + 1}</td><td>${e(o.name)}</td><td class="num">${n(o.assigned)}</td><td class="num">${n(o.completed)}</td><td class="num">${n(o.open)}</td><td class="num${o.overdue > 0 ? ' late' : ''}">${n(o.overdue)}</td></tr>`,
  );
  const head = [
    { text: HTML_WORDS[locale].number, className: 'num w-no' },
    { text: c.owner },
    { text: c.assigned, className: 'num w-count' },
    { text: c.completed, className: 'num w-count' },
    { text: c.open, className: 'num w-count' },
    { text: c.overdue, className: 'num w-count' },
  ];
  return `${table(head, rows)}\n<p class="note">${e(words.ownerNote)}</p>`;
}

/** The records' Markdown bodies, sanitized, after the five sections. */
function appendix(report: Report): string {
  if (report.meetings.length === 0) return '';
  const articles = report.meetings.map((m, i) => minutes(report, m, i));
  return `<section id="minutes" class="appendix">\n<h2>${e(HTML_WORDS[report.locale].appendix)}</h2>\n${articles.join('\n')}\n</section>`;
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
