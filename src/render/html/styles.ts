// The report's one stylesheet, inlined: system fonts only (no web font is
// fetched), and a print stylesheet for A4 that drops backgrounds and colour.
export const REPORT_CSS = `
:root {
  --ink: #1b2430;
  --muted: #5b6573;
  --rule: #c9d0d9;
  --head: #eef2f7;
  --accent: #1d4f86;
  --late: #b3261e;
  --late-bg: #fdeeee;
  --serif: "Times New Roman", Tinos, "Liberation Serif", "DejaVu Serif", serif;
  --sans: Arial, "Liberation Sans", "DejaVu Sans", Helvetica, sans-serif;
}
* { box-sizing: border-box; }
html { background: #e9edf2; }
body { margin: 0; padding: 24px 12px; color: var(--ink); font: 12.5pt/1.45 var(--serif); }
.page { background: #fff; max-width: 210mm; margin: 0 auto; padding: 16mm 16mm 14mm; box-shadow: 0 1px 4px rgba(0,0,0,.18); }
header.masthead { display: flex; justify-content: space-between; gap: 24px; text-align: center; margin-bottom: 18px; }
header.masthead .org { flex: 1 1 40%; }
header.masthead .nation { flex: 1 1 60%; white-space: nowrap; }
header.masthead .org strong, header.masthead .nation strong { display: block; font-size: 12pt; text-transform: uppercase; letter-spacing: .01em; }
header.masthead .nation strong { font-size: 11.5pt; }
header.masthead .nation span { display: block; font-weight: bold; font-size: 12.5pt; }
header.masthead .rule { display: block; width: 38%; margin: 3px auto 0; border-top: 1px solid var(--ink); }
header.masthead .nation .rule { width: 60%; }
h1 { text-align: center; text-transform: uppercase; font-size: 16pt; line-height: 1.3; margin: 20px 0 4px; letter-spacing: .02em; }
p.period { text-align: center; font-style: italic; margin: 0 0 20px; color: var(--muted); }
h2 { font-size: 13.5pt; margin: 26px 0 10px; padding-bottom: 4px; border-bottom: 1.5px solid var(--accent); color: var(--accent); text-transform: uppercase; }
h3 { font-size: 12.5pt; margin: 18px 0 8px; }
h4 { font-size: 12pt; margin: 14px 0 6px; }
p { margin: 6px 0; }
p.empty { font-style: italic; color: var(--muted); }
p.note { font-size: 10.5pt; font-style: italic; color: var(--muted); }
.figures { display: grid; grid-template-columns: repeat(6, 1fr); gap: 8px; margin: 10px 0 6px; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--rule); border-radius: 4px; padding: 6px 8px; text-align: center; font-family: var(--sans); }
.figures .value { display: block; font-size: 18pt; font-weight: bold; color: var(--accent); line-height: 1.2; }
.figures .label { display: block; font-size: 8.5pt; color: var(--muted); line-height: 1.25; }
.figures li.late .value { color: var(--late); }
table { width: 100%; border-collapse: collapse; margin: 6px 0 12px; font: 10.5pt/1.35 var(--sans); }
th, td { border: 1px solid var(--rule); padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: var(--head); font-weight: bold; vertical-align: bottom; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.center, th.center { text-align: center; }
td.date { white-space: nowrap; }
td.chart-cell { padding: 1px 4px; }
th.w-no { width: 4%; } th.w-task { width: 36%; } th.w-owner { width: 15%; } th.w-date { width: 11%; }
th.w-status { width: 12%; } th.w-days { width: 9%; } th.w-value { width: 10%; } th.w-change { width: 8%; }
th.w-label { min-width: 10em; } table.dense { font-size: 8.5pt; } table.dense th.w-label { min-width: 8em; } th.w-unit { width: 8%; } th.w-chart { width: 142px; } th.w-count { width: 13%; } th.w-kind { width: 12%; }
.sub { display: block; color: var(--muted); font-size: 9pt; }
.task-note { display: block; font-style: italic; font-size: 9.5pt; margin-top: 2px; }
.sub-inline { color: var(--muted); font-size: 10pt; }
code, .id { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8.5pt; }
.id { overflow-wrap: anywhere; }
tr.overdue td { background: var(--late-bg); }
tr.overdue td:first-child { box-shadow: inset 3px 0 0 var(--late); }
td.late { color: var(--late); font-weight: bold; }
.status { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 9pt; white-space: nowrap; border: 1px solid transparent; }
.status-open { background: #eef1f5; border-color: #c9d0d9; }
.status-in-progress { background: #e6f0fb; border-color: #9dbfe6; color: #1d4f86; }
.status-done { background: #e8f5ec; border-color: #9fd0ae; color: #23643a; }
.status-dropped { background: #f3f3f3; border-color: #ccc; color: #666; text-decoration: line-through; }
ul.summaries { margin: 4px 0 8px; padding-left: 22px; }
ul.summaries li { margin: 2px 0; }
ol.decisions { margin: 4px 0 8px; padding-left: 26px; }
ol.decisions li { margin: 3px 0; }
.decision-source { font-weight: bold; margin-top: 10px; }
.meeting-details dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0 8px; }
.meeting-details dt { color: var(--muted); }
.meeting-details dd { margin: 0; }
.meeting-details ul { margin: 0; padding-left: 18px; }
figure.chart-figure { margin: 10px 0 16px; text-align: center; }
figure.chart-figure figcaption { font: italic 10pt var(--serif); color: var(--muted); margin-top: 2px; }
svg.chart { font-family: var(--sans); max-width: 100%; height: auto; overflow: visible; }
svg.chart text { fill: var(--ink); }
svg.chart .tick, svg.chart .axis-label, svg.chart .bar-value { fill: var(--muted); }
svg.sparkline { vertical-align: middle; }
.c-open { fill: #2f6fb3; } .c-closed { fill: #3a8a5a; } .c-overdue { fill: #c0392b; }
section.appendix { margin-top: 34px; }
article.minutes { border-top: 1px solid var(--rule); padding-top: 6px; margin-top: 16px; }
section.appendix > h2 + article.minutes { border-top: none; padding-top: 0; }
article.minutes > h3 { margin-bottom: 2px; }
article.minutes .meta { color: var(--muted); font-size: 10.5pt; margin: 0 0 8px; }
.body { font-size: 11.5pt; }
.body h4, .body h5, .body h6 { font-size: 11.5pt; margin: 12px 0 4px; }
.body blockquote { margin: 6px 0 6px 4px; padding-left: 10px; border-left: 3px solid var(--rule); color: #333; }
.body pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; padding: 6px 8px; font-size: 9.5pt; }
.body .image-alt { color: var(--muted); font-style: italic; }
.body table { font-size: 10pt; }
.body p, .body li { overflow-wrap: anywhere; }
p.warning { border-left: 3px solid var(--late); padding: 2px 8px; font-size: 10.5pt; color: var(--late); }
footer { margin-top: 30px; padding-top: 6px; border-top: 1px solid var(--rule); font-size: 9pt; color: var(--muted); text-align: center; }
a { color: var(--accent); }

@page {
  size: A4;
  margin: 16mm 15mm 18mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 9pt var(--serif); color: #444; }
}
@media print {
  html, body { background: none; }
  body { padding: 0; font-size: 11.5pt; color: #000; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h2 { color: #000; border-bottom-color: #000; }
  h2, h3, h4, .decision-source { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, li, figure, svg, .figures, article.minutes > .meta { break-inside: avoid; page-break-inside: avoid; }
  thead th { background: none; border-bottom: 1.5px solid #000; }
  th, td { border-color: #888; }
  .figures li { border-color: #888; }
  .figures .value, .figures li.late .value { color: #000; }
  tr.overdue td { background: none; font-weight: bold; }
  tr.overdue td:first-child { box-shadow: none; border-left: 3px solid #000; }
  td.late { color: #000; }
  .status { background: none; border-color: #888; color: #000; }
  .c-open { fill: #7a7a7a; } .c-closed { fill: #c4c4c4; } .c-overdue { fill: #1a1a1a; }
  svg.chart .grid { stroke: #ccc; }
  .spark-line { stroke: #000; } .spark-point, .spark-last { fill: #000; }
  section.appendix { break-before: page; page-break-before: always; margin-top: 0; }
  .body pre { background: none; border: 1px solid #ccc; }
  a { color: inherit; text-decoration: none; }
  footer { break-inside: avoid; }
}
`;
