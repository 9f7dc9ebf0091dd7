// meet diff FROM TO: what changed between two months (docs/format.md): tasks
// opened, closed, carried and newly overdue, metric changes, and the
// meetings and decisions of the later month.
// meet diff --rev A..B (or A...B): what a change to the records does between
// two git revisions (domain/revisionDiff.ts), e.g. for a pull request.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { addMonths, type Month } from '../model/dates.js';
import { EXIT_OK, UsageError } from '../model/errors.js';
import { colorsFor } from '../io/colors.js';
import { OutputMemo, terminalOf } from '../io/outputMemo.js';
import { printData, printDataChunks, type Io, readingFor } from '../io/terminal.js';
import { findRoot, toPosix } from '../io/paths.js';

type DiffFormat = 'text' | 'md' | 'json';

export interface DiffOptions {
  /** The two months; both absent when `rev` is given. */
  from?: Month;
  to?: Month;
  /** `A..B` or `A...B`: compare two git revisions instead of two months. */
  rev?: string;
  format?: DiffFormat;
  root?: string;
  /** Use and refresh the record store in .meet-cache/ (default true; --no-cache turns it off). */
  cache?: boolean;
}

export async function diffCommand(options: DiffOptions, io: Io): Promise<number> {
  if (options.rev !== undefined) {
    if (options.from !== undefined || options.to !== undefined) {
      throw new UsageError(
        (m) => m.diff.monthsAndRev,
        (m) => m.diff.example,
      );
    }
    return revisionDiffCommand(options.rev, options, io);
  }
  if (options.from === undefined || options.to === undefined) {
    throw new UsageError(
      (m) => m.diff.needsMonths,
      (m) => m.diff.example,
    );
  }
  const { from, to } = options;
  checkMonthOrder(from, to);
  const root = findRoot(io.cwd, options.root);
  const format = options.format ?? (io.stdout.isTTY ? 'text' : 'md');
  const memo = await OutputMemo.open(root, io, options.cache);
  const question = memo && { command: 'diff', from, to, format, terminal: terminalOf(io) };
  const answered = question && memo.answer(question);
  if (answered) {
    await printDataChunks(io, answered.data);
    return EXIT_OK;
  }
  // Loaded only when the output memo has no answer.
  const [{ builtFrom, loadStoredValidRepository }, { diffMonths }, { renderDiffJson, renderDiffMarkdown, renderDiffText }, { TextSpill }] = await Promise.all([
    import('../io/recordStore.js'),
    import('../domain/monthDiff.js'),
    import('../render/monthDiff.js'),
    import('../io/textSpill.js'),
  ]);
  const months = new Set([from, to]);
  // The titles of other months' tasks wait in the cache folder until their rows are written.
  const texts = options.cache !== false ? TextSpill.open(root, io.env) : undefined;
  try {
    // The diff's rows are made from the records as they are written.
    const { config, diff } = await builtFrom(
      () =>
        loadStoredValidRepository(root, readingFor(io), {
          env: io.env,
          cache: options.cache,
          // The two months' records whole (their meetings, decisions and figures); of the others, the tasks (of a later month, the updates).
          project: { results: false, wholeMonths: [...months], notes: false, lastMonth: to },
          listing: memo?.listing,
          texts,
        }),
      ({ config, records }) => ({ config, diff: diffMonths(records, config, from, to) }),
    );
    const renderOptions = { locale: io.locale ?? config.locale, organization: config.organization };
    const text =
      format === 'json'
        ? renderDiffJson(diff)
        : format === 'md'
          ? renderDiffMarkdown(diff, renderOptions)
          : [renderDiffText(diff, renderOptions, colorsFor(io.stdout, io))];
    await printDataChunks(io, memo ? memo.keep(question, null, text) : text);
    return EXIT_OK;
  } finally {
    texts?.close();
  }
}

/** The earlier month comes first; months are `YYYY-MM`, so text order is time order. */
function checkMonthOrder(from: Month, to: Month): void {
  if (from === to) {
    throw new UsageError(
      (m) => m.diff.sameMonth(from),
      (m) => m.diff.sameMonthHint(addMonths(from, -1), from),
    );
  }
  if (from > to) {
    throw new UsageError(
      (m) => m.diff.wrongOrder(from, to),
      (m) => m.diff.wrongOrderHint(from, to),
    );
  }
}

/**
 * The records at two revisions compared. Only committed content is read,
 * never the working tree; the working tree only says where the records
 * repository sits inside the git repository.
 */
async function revisionDiffCommand(rev: string, options: DiffOptions, io: Io): Promise<number> {
  // git (and simple-git) load only for --rev; the range is checked before anything runs.
  const { checkRange, requireGitRepository, openGit } = await import('../io/git.js');
  const range = checkRange(rev, '--rev');
  const root = findRoot(io.cwd, options.root);
  const { top } = await requireGitRepository(root, 'meet diff --rev', io.env);
  const [{ readRevisions, resolveRange }, { diffRevisions }, { renderRevisionDiffJson, renderRevisionDiffMarkdown, renderRevisionDiffText }] =
    await Promise.all([import('../io/gitRevision.js'), import('../domain/revisionDiff.js'), import('../render/revisionDiff.js')]);
  const git = openGit(top, io.env);
  const relative = toPosix(path.relative(realpathSync(top), realpathSync(root)));
  const prefix = relative === '' ? '' : `${relative}/`;
  const commits = await resolveRange(git, range);
  const [before, after] = await readRevisions(git, prefix, [commits.fromCommit, commits.toCommit], io.locale);
  const diff = diffRevisions({ ...range, ...commits }, before!, after!);
  const locale = io.locale ?? after!.config?.locale ?? before!.config?.locale ?? 'vi';
  const format = options.format ?? (io.stdout.isTTY ? 'text' : 'md');
  if (format === 'json') await printDataChunks(io, renderRevisionDiffJson(diff));
  else if (format === 'md') printData(io, renderRevisionDiffMarkdown(diff, { locale }));
  else printData(io, renderRevisionDiffText(diff, { locale }, colorsFor(io.stdout, io)));
  return EXIT_OK;
}
