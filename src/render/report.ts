// The monthly report in every format, from the same Report value; HTML is
// loaded only when asked for.
import type { ChalkInstance } from 'chalk';
import type { Report } from '../model/report.js';

export type ReportFormat = 'text' | 'md' | 'html' | 'json';

export async function renderReport(report: Report, format: ReportFormat, chalk: ChalkInstance): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('./reportText.js')).renderReportText(report, chalk);
    case 'md':
      return (await import('./reportMarkdown.js')).renderReportMarkdown(report);
    case 'json':
      return (await import('./reportJson.js')).renderReportJson(report);
    case 'html':
      return (await import('./reportHtml.js')).renderReportHtml(report);
  }
}
