// meet digest: the month's report written to <paths.reports>/<month>.md (or
// .html) for a monthly cron job. Idempotent: the output depends only on the
// records, and a file that already holds it is left alone (mtime and all).
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { buildReport } from '../domain/buildReport.js';
import { todayIn, type IsoDate, type Month } from '../model/dates.js';
import { EXIT_OK } from '../model/errors.js';
import { assertInsideRoot, replaceFile } from '../io/writeFiles.js';
import { withFileLock } from '../io/fileLock.js';
import { commitFiles, describeCommit, hasUncommittedChanges, prepareCommit } from '../io/gitCommit.js';
import { printData, printMessage, type Io } from '../io/terminal.js';
import { readReportMonth } from '../io/repository.js';
import { loadReportRepository } from '../io/recordStore.js';
import { findRoot, toPosix } from '../io/paths.js';
import { defaultMonth } from '../domain/months.js';
import { renderDigestSummary } from '../render/digestSummary.js';
import { renderReport } from '../render/report.js';
import { messages } from '../model/messages/index.js';
import { visible } from '../model/text.js';

export interface DigestOptions {
  root?: string;
  month?: Month;
  format: 'md' | 'html';
  out?: string;
  today?: IsoDate;
  /** Commit the report file (and nothing else) with git. */
  commit?: boolean;
  /** With commit: also commit meet.config.yaml when it is not committed yet. */
  includeConfig?: boolean;
  /** Print a short plain-text summary (for chat or e-mail) instead of the path. */
  summary?: boolean;
  /** With summary: the full report's address to show instead of its path (e.g. a link to it). */
  link?: string;
  /** Use and refresh the record store in .meet-cache/ (default true; --no-cache turns it off). */
  cache?: boolean;
}

export async function digestCommand(options: DigestOptions, io: Io): Promise<number> {
  const root = findRoot(io.cwd, options.root);
  const wanted = readReportMonth(root, options, io.now());
  // Refused before anything is read or written.
  if (options.out) assertInsideRoot(root, path.resolve(io.cwd, options.out), options.out);
  const { config, records } = await loadReportRepository(root, wanted, io, options.cache);
  const month = wanted ?? defaultMonth(options.today ?? todayIn(config.timezone, io.now()));
  const folder = options.out ? path.resolve(io.cwd, options.out) : path.join(root, config.paths.reports);
  const target = path.join(folder, `${month}.${options.format}`);
  assertInsideRoot(root, folder, options.out ?? config.paths.reports);
  const commitPlan = options.commit ? await prepareCommit(root, io.env, { includeConfig: options.includeConfig }) : undefined;

  const locale = io.locale ?? config.locale;
  const m = messages(locale);
  const report = buildReport(records, config, month, locale);
  // A month without meetings has nothing to report: one line says so, and no file is written.
  if (report.meetings.length === 0) {
    printMessage(io, m.report.noMeetings(month));
    return EXIT_OK;
  }
  const content = await renderReport(report, options.format, new Chalk({ level: 0 }));
  const shown = visible(toPosix(path.relative(io.cwd, target)) || target);
  // Compared and written under the file's lock, so that two meets writing it at once do not interleave.
  const write = () => {
    if (holds(target, content)) return false;
    replaceFile(root, target, content);
    return true;
  };
  const written = lstatSync(folder, { throwIfNoEntry: false })?.isDirectory() ? await withFileLock(target, write, { shown }) : write();
  printMessage(io, written ? m.report.wroteDigest(month, shown) : m.report.upToDate(shown));
  printData(io, options.summary ? renderDigestSummary(report, options.link ?? shown) : shown);
  if (commitPlan) {
    // An up-to-date file a run without --commit left uncommitted is committed now.
    if (written || (await hasUncommittedChanges(commitPlan, target))) {
      const message = messages(config.locale).record.commitDigest(month, options.format === 'html');
      printMessage(io, describeCommit(await commitFiles(commitPlan, [target], message), m));
    } else {
      printMessage(io, m.report.nothingToCommit);
    }
  }
  return EXIT_OK;
}

/** True when `target` is a plain file holding exactly `content`. */
function holds(target: string, content: string): boolean {
  try {
    if (!lstatSync(target).isFile()) return false;
    return readFileSync(target).equals(Buffer.from(content, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
