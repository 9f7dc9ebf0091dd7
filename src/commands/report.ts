// meet report: the month's report (meetings, results by sector, decisions,
// tasks, the accountability table) as text, Markdown, HTML or JSON.
// What reads and builds the report is loaded only when the output memo has
// no answer: a repeated run lists, hashes and prints.
import { Chalk } from 'chalk';
import { colorsFor } from '../io/colors.js';
import { OutputMemo, terminalOf } from '../io/outputMemo.js';
import { findRoot } from '../io/paths.js';
import { printDataChunks, printMessage, type Io } from '../io/terminal.js';
import { defaultOutPath, outFile, STANDARD_OUTPUT, writeBinaryToStdout, writeUserOutput } from '../io/writeFiles.js';
import { todayIn, type IsoDate, type Month } from '../model/dates.js';
import { EXIT_OK } from '../model/errors.js';
import { formatForOut, refuseMismatch } from '../render/outFormats.js';
import type { ReportFormat } from '../render/report.js';
import { messages } from '../model/messages/index.js';
import { visible, type OutputChunk } from '../model/text.js';
import type { Locale } from '../model/terms.js';

/** The report's formats, and the official "Báo cáo" as Word or PDF. */
type ReportOutput = ReportFormat | 'docx' | 'pdf';

export interface ReportOptions {
  root?: string;
  month?: Month;
  format?: ReportOutput;
  out?: string;
  /** Replace the file --out (or the default Word/PDF name) names if it exists. */
  force?: boolean;
  today?: IsoDate;
  /** Use and refresh the record store in .meet-cache/ (default true; --no-cache turns it off). */
  cache?: boolean;
}

const FORMAT_BY_EXTENSION: Record<string, ReportOutput> = {
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.txt': 'text',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/**
 * Without --format: the --out file's extension says (a file without one:
 * Markdown), else text on a terminal, else Markdown. An --out extension no
 * format writes is a usage error, --format or not.
 */
function chooseFormat(options: ReportOptions, io: Io): ReportOutput {
  const fromFile = options.out === undefined ? undefined : formatForOut<ReportOutput>('meet report', options.out, FORMAT_BY_EXTENSION);
  refuseMismatch('meet report', options.format, fromFile, options.out);
  return options.format ?? fromFile ?? (outFile(options.out) === undefined && io.stdout.isTTY ? 'text' : 'md');
}

export async function reportCommand(options: ReportOptions, io: Io): Promise<number> {
  const format = chooseFormat(options, io);
  const root = findRoot(io.cwd, options.root);
  const official = format === 'docx' || format === 'pdf';
  // The official documents are made whole each time; the text formats may be answered from the memo.
  const memo = official ? undefined : await OutputMemo.open(root, io, options.cache);
  const question = memo && {
    command: 'report',
    month: options.month ?? null,
    format,
    today: memo.today(options.today, io),
    terminal: options.out ? null : terminalOf(io),
  };
  const answered = question && memo.answer<ReportMeta>(question);
  if (answered && memo) return printReport(answered.meta, answered.data, format, options, io, { root, meetings: memo.config.paths.meetings });

  const [{ readReportMonth }, { builtFrom, loadReportRepository }, { defaultMonth }, { buildReport }, { renderReportChunks }, { TextSpill }] =
    await Promise.all([
      import('../io/repository.js'),
      import('../io/recordStore.js'),
      import('../domain/months.js'),
      import('../domain/buildReport.js'),
      import('../render/report.js'),
      import('../io/textSpill.js'),
    ]);
  const wanted = readReportMonth(root, options, io.now());
  // The titles and notes of other months' tasks wait in the cache folder until their rows are written.
  const texts = wanted && options.cache !== false ? TextSpill.open(root, io.env) : undefined;
  try {
    const { config, month, locale, report } = await builtFrom(
      () => loadReportRepository(root, wanted, io, options.cache, memo?.listing, texts, format === 'html' || official),
      ({ config, records }) => {
        const month = wanted ?? defaultMonth(options.today ?? todayIn(config.timezone, io.now()));
        const locale = io.locale ?? config.locale;
        return { config, month, locale, report: buildReport(records, config, month, locale) };
      },
    );
    const m = messages(locale);
    // A month without meetings has nothing to report: one line says so. JSON, for programs, still answers, and the
    // Báo cáo, asked for by name, is still made: its tasks carried and overdue are the month's to report.
    const meta: ReportMeta = { month, empty: report.meetings.length === 0 && format !== 'json' && !official, locale };
    if (meta.empty) {
      memo?.keepMeta(question, meta);
      return printReport(meta, [], format, options, io, { root, meetings: config.paths.meetings });
    }
    if (format === 'docx' || format === 'pdf') {
      // The official "Báo cáo": Word, or its HTML printed by Chromium; never to a terminal.
      const [{ buildMonthlyDocument }, { composeMonthly, renderOfficial }] = await Promise.all([
        import('../domain/documents.js'),
        import('../render/documents/index.js'),
      ]);
      const monthly = buildMonthlyDocument(report, config);
      const doc = await composeMonthly(monthly);
      const output = format === 'docx' ? await renderOfficial(doc, 'docx') : await printPdf(String(await renderOfficial(doc, 'html')), io);
      const out = options.out ?? defaultOutPath(root, config.paths.meetings, io.cwd, `bao-cao-${month}.${format}`);
      if (out === STANDARD_OUTPUT) writeBinaryToStdout(io, output, format);
      else writeUserOutput(root, config.paths.meetings, io.cwd, out, output, options.force === true);
      // Said wherever the document went: a Báo cáo piped on is as unsigned as one in a file.
      if (locale !== 'vi') printMessage(io, m.notice.stateDocument('report'));
      if (!monthly.signer) printMessage(io, m.notice.unsigned('report_signer'));
      if (out !== STANDARD_OUTPUT) printMessage(io, m.report.wrote(month, format, visible(out)));
      return EXIT_OK;
    }
    // A file is not a terminal: no colour codes in it.
    const chunks = await renderReportChunks(report, format, outFile(options.out) ? new Chalk({ level: 0 }) : colorsFor(io.stdout, io));
    return await printReport(meta, memo ? memo.keep(question, meta, chunks) : chunks, format, options, io, { root, meetings: config.paths.meetings });
  } finally {
    texts?.close();
  }
}

/** What the memo keeps of a report besides its text. */
interface ReportMeta {
  month: Month;
  /** No meetings that month: one line says so. */
  empty: boolean;
  locale: Locale;
}

/** The report's text to stdout or to --out (`where`: the repository and its meetings folder, kept out of), or the line saying the month had no meetings. */
async function printReport(
  meta: ReportMeta,
  text: Iterable<OutputChunk>,
  format: ReportOutput,
  options: ReportOptions,
  io: Io,
  where: { root: string; meetings: string },
): Promise<number> {
  const m = messages(meta.locale);
  const file = outFile(options.out);
  if (meta.empty) {
    printMessage(io, m.report.noMeetings(meta.month));
  } else if (file !== undefined) {
    writeUserOutput(where.root, where.meetings, io.cwd, file, text, options.force === true);
    printMessage(io, m.report.wrote(meta.month, format, visible(file)));
  } else {
    await printDataChunks(io, text);
  }
  return EXIT_OK;
}

/** Chromium is loaded only for PDF. */
async function printPdf(html: string, io: Io): Promise<Uint8Array> {
  return (await import('../io/chromium.js')).printPdf(html, io.env);
}
