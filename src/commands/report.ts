// meet report: the month's report (meetings, results by sector, decisions,
// tasks, the accountability table) as text, Markdown, HTML or JSON.
import path from 'node:path';
import { Chalk } from 'chalk';
import { buildReport } from '../domain/buildReport.js';
import { defaultMonth } from '../domain/months.js';
import { colorsFor } from '../io/colors.js';
import { findRoot } from '../io/paths.js';
import { loadValidRepository, readReportMonth } from '../io/repository.js';
import { printData, printMessage, readingFor, type Io } from '../io/terminal.js';
import { replaceUserFile } from '../io/writeFiles.js';
import { todayIn, type IsoDate, type Month } from '../model/dates.js';
import { EXIT_OK } from '../model/errors.js';
import { renderReport, type ReportFormat } from '../render/report.js';
import { messages } from '../model/messages/index.js';

export interface ReportOptions {
  root?: string;
  month?: Month;
  format?: ReportFormat;
  out?: string;
  today?: IsoDate;
}

const FORMAT_BY_EXTENSION: Record<string, ReportFormat> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.json': 'json', '.txt': 'text' };

/** Without --format: the --out file's extension says, else text on a terminal, else Markdown. */
function chooseFormat(options: ReportOptions, io: Io): ReportFormat {
  if (options.format) return options.format;
  if (options.out) return FORMAT_BY_EXTENSION[path.extname(options.out).toLowerCase()] ?? 'md';
  return io.stdout.isTTY ? 'text' : 'md';
}

export async function reportCommand(options: ReportOptions, io: Io): Promise<number> {
  const root = findRoot(io.cwd, options.root);
  const wanted = readReportMonth(root, options, io.now());
  const { config, records } = await loadValidRepository(root, { bodies: wanted ? { period: wanted } : true, ...readingFor(io) });
  const month = wanted ?? defaultMonth(options.today ?? todayIn(config.timezone, io.now()));
  const locale = io.locale ?? config.locale;
  const m = messages(locale);
  const report = buildReport(records, config, month, locale);
  const format = chooseFormat(options, io);
  // A month without meetings has nothing to report: one line says so (JSON, for programs, still answers).
  if (report.meetings.length === 0 && format !== 'json') {
    printMessage(io, m.report.noMeetings(month));
    return EXIT_OK;
  }
  if (options.out) {
    // A file is not a terminal: no colour codes in it.
    const output = await renderReport(report, format, new Chalk({ level: 0 }));
    const target = path.resolve(io.cwd, options.out);
    replaceUserFile(target, output);
    printMessage(io, m.report.wrote(month, format, options.out));
  } else {
    printData(io, await renderReport(report, format, colorsFor(io.stdout, io)));
  }
  return EXIT_OK;
}
