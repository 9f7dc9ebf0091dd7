// meet report: the month's report (meetings, results by sector, decisions,
// tasks, the accountability table) as text, Markdown, HTML or JSON.
import path from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { buildReport } from '../domain/buildReport.js';
import { addMonths, monthOf, todayIn, type IsoDate, type Month } from '../domain/dates.js';
import type { Report } from '../domain/report.js';
import type { Locale } from '../domain/schema.js';
import { EXIT_OK } from '../errors.js';
import { replaceUserFile } from '../io/files.js';
import { colorsFor } from '../io/colors.js';
import { printData, printMessage, type Io, readingFor } from '../io/terminal.js';
import { findRoot, loadValidRepository, readConfig } from '../records/load.js';

export type ReportFormat = 'text' | 'md' | 'html' | 'json';

export interface ReportOptions {
  root?: string;
  month?: Month;
  format?: ReportFormat;
  out?: string;
  locale?: Locale;
  today?: IsoDate;
}

/** The month a report is about by default: the one before today. */
export function defaultMonth(today: IsoDate): Month {
  return addMonths(monthOf(today), -1);
}

/** Every format from the same Report value; HTML is loaded only when asked for. */
export async function renderReport(report: Report, format: ReportFormat, chalk: ChalkInstance): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('../render/reportText.js')).renderReportText(report, chalk);
    case 'md':
      return (await import('../render/reportMarkdown.js')).renderReportMarkdown(report);
    case 'json':
      return (await import('../render/reportJson.js')).renderReportJson(report);
    case 'html':
      return (await import('../render/reportHtml.js')).renderReportHtml(report);
  }
}

const FORMAT_BY_EXTENSION: Record<string, ReportFormat> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.json': 'json', '.txt': 'text' };

/** Without --format: the --out file's extension says, else text on a terminal, else Markdown. */
function chooseFormat(options: ReportOptions, io: Io): ReportFormat {
  if (options.format) return options.format;
  if (options.out) return FORMAT_BY_EXTENSION[path.extname(options.out).toLowerCase()] ?? 'md';
  return io.stdout.isTTY ? 'text' : 'md';
}

/**
 * The month a report is about, known before the records are read (their
 * bodies are kept for that month's meetings only). undefined when the config
 * cannot say (reading the repository then reports why).
 */
export function reportMonth(root: string, options: { month?: Month; today?: IsoDate }, now: Date): Month | undefined {
  if (options.month) return options.month;
  const { config } = readConfig(root);
  return config ? defaultMonth(options.today ?? todayIn(config.timezone, now)) : undefined;
}

export async function reportCommand(options: ReportOptions, io: Io): Promise<number> {
  const root = findRoot(io.cwd, options.root);
  const wanted = reportMonth(root, options, io.now());
  const { config, records } = await loadValidRepository(root, { bodies: wanted ? { period: wanted } : true, ...readingFor(io) });
  const month = wanted ?? defaultMonth(options.today ?? todayIn(config.timezone, io.now()));
  const report = buildReport(records, config, month, options.locale ?? config.locale);
  const format = chooseFormat(options, io);
  if (options.out) {
    // A file is not a terminal: no colour codes in it.
    const output = await renderReport(report, format, new Chalk({ level: 0 }));
    const target = path.resolve(io.cwd, options.out);
    replaceUserFile(target, output);
    printMessage(io, `Wrote the report for ${month} (${format}) to ${options.out}`);
  } else {
    printData(io, await renderReport(report, format, colorsFor(io.stdout, io)));
  }
  return EXIT_OK;
}
