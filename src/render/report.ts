// The monthly report in every format, from the same Report value; HTML is
// loaded only when asked for.
import type { ChalkInstance } from 'chalk';
import type { Report } from '../model/report.js';
import type { OutputChunk } from '../model/text.js';

export type ReportFormat = 'text' | 'md' | 'html' | 'json';

/** The report as one text: the formats read by people. */
export async function renderReport(report: Report, format: Exclude<ReportFormat, 'json'>, chalk: ChalkInstance): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('./reportText.js')).renderReportText(report, chalk);
    case 'md':
      return (await import('./reportMarkdown.js')).renderReportMarkdown(report);
    case 'html':
      return (await import('./reportHtml.js')).renderReportHtml(report);
  }
}

/**
 * The report in pieces to write one after the other: JSON, HTML and
 * Markdown are produced as they are written (a repository's JSON can be
 * longer than a string can be, and its task lists hundreds of thousands of
 * rows); text for a terminal is one piece.
 */
export async function renderReportChunks(report: Report, format: ReportFormat, chalk: ChalkInstance): Promise<Iterable<OutputChunk>> {
  if (format === 'json') return (await import('./reportJson.js')).renderReportJson(report);
  if (format === 'html') return (await import('./reportHtml.js')).renderReportHtmlChunks(report);
  if (format === 'md') return (await import('./reportMarkdown.js')).renderReportMarkdownChunks(report);
  return [await renderReport(report, format, chalk)];
}
