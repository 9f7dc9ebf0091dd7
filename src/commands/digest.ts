// meet digest: the month's report written to <paths.reports>/<month>.md (or
// .html) for a monthly cron job. Idempotent: the output depends only on the
// records, and a file that already holds it is left alone (mtime and all).
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { addMonths, todayIn, type IsoDate, type Month } from '../model/dates.js';
import { EXIT_OK, UsageError } from '../model/errors.js';
import { assertInsideRoot, refuseRecordsPath, replaceFile, replaceFileIfChanged } from '../io/writeFiles.js';
import { committedLocks, withFileLock, type LockOptions } from '../io/fileLock.js';
import { printData, printMessage, type Io } from '../io/terminal.js';
import { findRoot, toPosix } from '../io/paths.js';
import { fileHash, OutputMemo } from '../io/outputMemo.js';
import type { Config } from '../model/schema.js';
import { messages } from '../model/messages/index.js';
import { visible, type OutputChunk } from '../model/text.js';

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
  // Refused before anything is read or written.
  if (options.out) assertInsideRoot(root, path.resolve(io.cwd, options.out), options.out);
  const memo = await OutputMemo.open(root, io, options.cache);
  const made = await digestOf(options, root, io, memo);
  try {
    const { config, meta } = made;
    const folder = digestFolder(options, root, config, io);
    const target = path.join(folder, `${meta.month}.${options.format}`);
    assertInsideRoot(root, folder, options.out ?? config.paths.reports);
    // Not among the records either: a report there would be read as a broken record.
    refuseRecordsPath(root, config.paths.meetings, target, options.out ?? config.paths.reports);
    // The scheduled run (no --month) also brings the month before up to date when its report is there: a meeting
    // held early in this month to review it (FORMAT.md: "held on 4 November to review October") came after it was written.
    const previous = options.month === undefined ? addMonths(meta.month, -1) : undefined;
    const previousTarget = previous && path.join(folder, `${previous}.${options.format}`);
    const refresh = previousTarget !== undefined && lstatSync(previousTarget, { throwIfNoEntry: false })?.isFile() === true ? previousTarget : undefined;
    // git is loaded only to commit.
    const git = options.commit ? await import('../io/gitCommit.js') : undefined;
    // Its own report files may be staged already (a commit a hook refused); the records they are built from must be git's.
    const commitPlan =
      git &&
      (await git.prepareCommit(root, io.env, {
        includeConfig: options.includeConfig,
        own: [target, ...(refresh ? [refresh] : [])],
        committedRecords: path.join(root, config.paths.meetings),
      }));

    const m = messages(io.locale ?? config.locale);
    // A lock of a report committed by mistake: taken over, and said (io/fileLock.ts).
    const committed = committedLocks(io, m);
    const ours: string[] = [];
    if (refresh && previous) {
      const before = await digestOf({ ...options, month: previous, summary: false }, root, io, memo);
      try {
        // A month that has no meeting any more keeps its file: what to make of it is the clerk's to say.
        if (!before.meta.empty) {
          const shown = shownPath(refresh, io);
          if (await writeDigest(root, folder, refresh, before, shown, committed)) printMessage(io, m.report.wroteDigest(previous, shown));
          ours.push(refresh);
        }
      } finally {
        before.close?.();
      }
    }
    // A month without meetings has nothing to report: one line says so, and no file is written.
    if (meta.empty) {
      printMessage(io, m.report.noMeetings(meta.month));
    } else {
      const shown = shownPath(target, io);
      const written = await writeDigest(root, folder, target, made, shown, committed);
      printMessage(io, written ? m.report.wroteDigest(meta.month, shown) : m.report.upToDate(shown));
      printData(io, meta.summary ?? shown);
      ours.unshift(target);
    }
    if (git && commitPlan && ours.length > 0) {
      // Whether git has something to commit, whatever this run wrote: an up-to-date file a run without
      // --commit left uncommitted is committed now, and a file deleted and written again as it was is not.
      // An ignored file is no news to `git status`: "nothing to commit" would pass the scheduled job with nothing published.
      for (const file of ours) {
        if (await git.isIgnored(commitPlan, file)) {
          const shown = shownPath(file, io);
          throw new UsageError(
            (m) => m.git.ignored(visible(shown)),
            (m) => m.git.ignoredHint,
          );
        }
      }
      const changed: string[] = [];
      for (const file of ours) if (await git.hasUncommittedChanges(commitPlan, file)) changed.push(file);
      if (changed.length > 0) {
        const message = messages(config.locale).record.commitDigest(meta.empty ? previous! : meta.month, options.format === 'html');
        printMessage(io, git.describeCommit(await git.commitFiles(commitPlan, changed, message), m));
      } else {
        printMessage(io, m.report.nothingToCommit);
      }
    }
    return EXIT_OK;
  } finally {
    made.close?.();
  }
}

/** The digest `options` ask for: the memo's answer, or made from the records (and kept in the memo). */
async function digestOf(options: DigestOptions, root: string, io: Io, memo: OutputMemo | undefined): Promise<Digest> {
  const question = memo && digestQuestion(memo, options, root, io);
  const answered = question && memo.answer<DigestMeta>(question);
  if (answered && memo) return { config: memo.config, meta: answered.meta, content: answered.data, hash: answered.dataHash };
  return makeDigest(options, root, io, memo, question);
}

/**
 * Writes `made` to `target` unless the file holds it already (its mtime then
 * kept), under the file's lock so that two meets writing it at once do not
 * interleave. True when written.
 */
async function writeDigest(root: string, folder: string, target: string, made: Digest, shown: string, committed: LockOptions['committed']): Promise<boolean> {
  const write = () => {
    // Made in this run: written as it is made, and kept only when it differs from the file.
    if (made.hash === undefined) return replaceFileIfChanged(root, target, made.content, (hash) => fileHash(target) !== hash);
    if (fileHash(target) === made.hash) return false;
    replaceFile(root, target, made.content);
    return true;
  };
  return lstatSync(folder, { throwIfNoEntry: false })?.isDirectory() ? withFileLock(target, write, { shown, committed }) : write();
}

/** What the memo keeps of a digest besides the report's text. */
interface DigestMeta {
  month: Month;
  /** No meetings that month: no file is written. */
  empty: boolean;
  /** With --summary: the short text for chat or e-mail. */
  summary?: string;
}

interface Digest {
  config: Pick<Config, 'locale' | 'paths'>;
  meta: DigestMeta;
  /** Pieces made as they are read (once): the memo's bytes, or the report rendered as it is written. */
  content: Iterable<OutputChunk>;
  /** The content's sha256 when known beforehand (the memo's answer), to tell whether the file already holds it. */
  hash?: string;
  /** Closes what the content is read from (io/textSpill.ts): called once it is written, or not wanted. */
  close?: () => void;
}

/** The month's report read and rendered from the records (kept in the memo, under `question`, for the next run). */
async function makeDigest(options: DigestOptions, root: string, io: Io, memo: OutputMemo | undefined, question: unknown): Promise<Digest> {
  const [
    { readReportMonth },
    { builtFrom, loadReportRepository },
    { defaultMonth },
    { buildReport },
    { renderReportChunks },
    { renderDigestSummary },
    { TextSpill },
  ] = await Promise.all([
    import('../io/repository.js'),
    import('../io/recordStore.js'),
    import('../domain/months.js'),
    import('../domain/buildReport.js'),
    import('../render/report.js'),
    import('../render/digestSummary.js'),
    import('../io/textSpill.js'),
  ]);
  const wanted = readReportMonth(root, options, io.now());
  // The titles and notes of other months' tasks wait in the cache folder until their rows are written.
  const texts = wanted && options.cache !== false ? TextSpill.open(root, io.env) : undefined;
  const close = () => texts?.close();
  try {
    const { config, month, report } = await builtFrom(
      () => loadReportRepository(root, wanted, io, options.cache, memo?.listing, texts, options.format === 'html'),
      ({ config, records }) => {
        const month = wanted ?? defaultMonth(options.today ?? todayIn(config.timezone, io.now()));
        // What is written into the repository is in its own language, whatever --locale the run speaks.
        return { config, month, report: buildReport(records, config, month, config.locale) };
      },
    );
    const folder = digestFolder(options, root, config, io);
    const meta: DigestMeta = {
      month,
      empty: report.meetings.length === 0,
      ...(options.summary && report.meetings.length > 0
        ? {
            summary: renderDigestSummary(
              report,
              options.link !== undefined ? visible(options.link) : shownPath(path.join(folder, `${month}.${options.format}`), io),
              io.locale ?? config.locale,
            ),
          }
        : {}),
    };
    if (meta.empty) {
      memo?.keepMeta(question, meta);
      close();
      return { config, meta, content: [] };
    }
    // Rendered as it is written (a 100k-record repository's report is hundreds of megabytes): the memo
    // keeps, the file gets and the hash compares the same bytes, encoded once.
    const chunks = await renderReportChunks(report, options.format, new Chalk({ level: 0 }));
    return { config, meta, content: memo ? memo.keep(question, meta, chunks, { hash: true }) : chunks, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** Everything a digest's text and summary depend on besides the records and config. */
function digestQuestion(memo: OutputMemo, options: DigestOptions, root: string, io: Io) {
  return {
    command: 'digest',
    month: options.month ?? null,
    format: options.format,
    today: memo.today(options.today, io),
    // Where the file goes, and so the path the summary shows.
    out: options.out ?? null,
    cwd: toPosix(path.relative(root, io.cwd)),
    summary: options.summary ? (options.link ?? '') : null,
    // The summary is printed, so in the run's language (the file stays in the repository's).
    summaryLocale: options.summary ? (io.locale ?? null) : null,
  };
}

/** Where the digest goes: --out, else the config's reports folder. */
function digestFolder(options: DigestOptions, root: string, config: Pick<Config, 'paths'>, io: Io): string {
  return options.out ? path.resolve(io.cwd, options.out) : path.join(root, config.paths.reports);
}

function shownPath(target: string, io: Io): string {
  return visible(toPosix(path.relative(io.cwd, target)) || target);
}
