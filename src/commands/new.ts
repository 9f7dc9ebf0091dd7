// meet new: writes the record of a new meeting from a template, listing
// under `updates` every task still open on its date so the clerk only edits
// statuses.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { monthOf, todayIn, typedDate, type IsoDate } from '../model/dates.js';
import { periodFromWords, periodProblem } from '../model/periods.js';
import { countBySeverity, type Finding } from '../model/ruleCatalogue.js';
import type { Config } from '../model/schema.js';
import { slugify } from '../domain/slug.js';
import { CONFIG_FILE, dayInFileName } from '../model/layout.js';
import { EXIT_USAGE, RecordsError, UsageError } from '../model/errors.js';
import { messages, type Messages } from '../model/messages/index.js';
import { kindFromWords } from '../model/termWords.js';
import { createFileExclusive } from '../io/writeFiles.js';
import type { Committed } from '../io/gitCommit.js';
import type { Asker, Reading } from '../io/prompt.js';
import { type Io, readingFor } from '../io/terminal.js';
import { builtinTemplatePath } from '../io/packageRoot.js';
import { OutputMemo, type ConfigFacts } from '../io/outputMemo.js';
import type { refuseRecordErrors, Repository } from '../io/repository.js';
import type { MeetingRecord } from '../model/record.js';
import { findRoot, isInsideRealRoot, toPosix } from '../io/paths.js';
import { defaultTitle, formatDate, formatDay, formatDue } from '../render/locale.js';
import type { TaskState } from '../model/tasks.js';
import { MEETING_KINDS, type Locale, type MeetingKind } from '../model/terms.js';
import { visible, visibleLines } from '../model/text.js';
import { readRegularFile } from '../io/regularFile.js';

export interface NewOptions {
  root?: string;
  date?: IsoDate;
  today?: IsoDate;
  title?: string;
  kind?: string;
  /** What the meeting reviews: any period form (2019-10, 2019-Q3, 2019-01..2019-09, 2019). */
  period?: string;
  chair?: string;
  template?: string;
  dryRun: boolean;
  edit: boolean;
  /** Commit the new record (and nothing else) with git. */
  commit?: boolean;
  /** With commit: also commit meet.config.yaml when it is not committed yet. */
  includeConfig?: boolean;
  /** Use and refresh the record store in .meet-cache/ (default true; --no-cache turns it off). */
  cache?: boolean;
}

interface NewResult {
  root: string;
  /** Absolute path of the record (also when only printed). */
  path: string;
  content: string;
  written: boolean;
  /** Tasks listed under `updates`. */
  openTasks: string[];
  /** Findings on the record: the draft's warnings, or all of them after --edit. */
  findings: Finding[];
  /** Errors elsewhere in the repository, worth a warning. */
  repositoryErrors: number;
  /** The commit made with --commit. */
  commit?: Committed;
  /** Why --commit made no commit. */
  commitNote?: string;
  /** A dry run's record already exists: the run itself would stop there. */
  existsAlready?: string;
  /** The editor could not start or did not end well (the record is kept). */
  editorProblem?: string;
}

async function runNew(options: NewOptions, io: Io, asker?: Asker): Promise<NewResult> {
  const root = findRoot(io.cwd, options.root);
  // Where nothing is asked and no editor opened, the record drafted for the same input before is drafted again from the memo.
  const memo = (asker && !settledByFlags(options)) || (options.edit && !options.dryRun) ? undefined : await OutputMemo.open(root, io, options.cache);
  let config = memo?.config;
  // The meeting and template the flags settle, and the question they make (answered or not).
  let answered: { question: unknown; settled: Settled; meta: Draft | undefined } | undefined;
  if (memo && config) {
    const settled = await settle(options, io, root, config, [], undefined);
    const question = { command: 'new', ...settled.meeting, template: settled.template.text, today: memo.today(options.today, io) };
    answered = { question, settled, meta: memo.answer<Draft>(question)?.meta };
  }
  let draft = answered?.meta;
  let repository: Repository | undefined;
  if (!draft) {
    // Loaded only when the memo has no answer.
    const { loadStoredRepository } = await import('../io/recordStore.js');
    repository = await loadStoredRepository(root, readingFor(io), {
      env: io.env,
      cache: options.cache,
      // A record held after a --date given (no question asked) changes no task open on it: its ids kept as facts.
      project: { results: false, notes: false, ...(options.date && !asker ? { lastDay: options.date } : {}) },
      listing: memo?.listing,
    });
    config = repository.config;
  }
  const locale = io.locale ?? config!.locale;
  const m = messages(locale);
  // The record itself is written in the repository's language.
  const own = messages(config!.locale);
  // Checked before any question is asked or any file written.
  const git = options.commit ? await import('../io/gitCommit.js') : undefined;
  const commitPlan = git && (await git.prepareCommit(root, io.env, { includeConfig: options.includeConfig }));
  const editor = options.edit && !options.dryRun ? editorOf(io) : undefined;
  if (!draft) {
    const settled = answered?.settled ?? (await settle(options, io, root, config!, repository!.records, asker));
    draft = await draftRecord(repository!, settled, locale);
    // Only a dry run's draft is kept: the record a run writes changes the repository, and with it the question.
    if (memo && answered && options.dryRun) memo.keepMeta(answered.question, draft);
  }
  const { content, meeting, relative } = draft;
  const file = path.join(root, relative);

  const result: NewResult = {
    root,
    path: file,
    content,
    written: false,
    openTasks: draft.openTasks,
    findings: draft.warnings,
    repositoryErrors: draft.repositoryErrors,
  };
  if (options.dryRun) {
    if (commitPlan) result.commitNote = m.new.dryRunCommit;
    if (existsSync(file)) result.existsAlready = `${m.new.exists(visible(path.relative(io.cwd, file)))} ${m.new.existsHint}`;
    return result;
  }
  try {
    createFileExclusive(root, file, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(
        (m) => m.new.exists(visible(path.relative(io.cwd, file))),
        (m) => m.new.existsHint,
      );
    }
    throw error;
  }
  result.written = true;
  if (editor && repository) {
    const [{ parseRecord }, { checkRecordAmong }] = await Promise.all([import('../records/parse.js'), import('../domain/checkRules.js')]);
    result.editorProblem = openEditor(editor, file, path.relative(io.cwd, file) || file, m, io.env);
    const after = parseRecord(readFileSync(file), relative, locale, repository.config.locale);
    const others = [...repository.records, ...wholeTasksOf(repository)].filter((r) => r.file !== relative);
    result.findings = [...after.findings, ...(after.record ? checkRecordAmong(repository.config, after.record, others, locale) : [])];
  }
  if (git && commitPlan) {
    if (result.findings.some((f) => f.severity === 'error') || result.editorProblem) {
      result.commitNote = m.new.notCommitted;
    } else {
      result.commit = await git.commitFiles(commitPlan, [file], own.record.commitNew(meeting.date, meeting.title));
    }
  }
  return result;
}

/** What a new record says of its meeting: from the flags, else asked on a terminal. */
interface Meeting {
  date: IsoDate;
  kind: MeetingKind;
  period: string;
  title: string;
  chair: string;
}

/** The record drafted for a meeting, checked against the repository: what the output memo keeps. */
interface Draft {
  meeting: Meeting;
  /** Where the record goes, from the root, with `/`. */
  relative: string;
  content: string;
  /** Tasks listed under `updates`. */
  openTasks: string[];
  /** What meet check would warn of in it (a period not begun): said, not refused. */
  warnings: Finding[];
  /** Errors elsewhere in the repository, worth a warning. */
  repositoryErrors: number;
}

/** True when the flags say everything a terminal would be asked. */
function settledByFlags(options: NewOptions): boolean {
  return [options.date, options.kind, options.period, options.title, options.chair].every((v) => v !== undefined);
}

/** Where the record of a meeting is written: `meetings/<YYYY>/<date>-<slug>.md`. */
function recordPath(root: string, config: Pick<ConfigFacts, 'paths'>, date: IsoDate, title: string, kind: MeetingKind): string {
  return path.join(root, config.paths.meetings, date.slice(0, 4), `${date}-${slugify(title, kind)}.md`);
}

/**
 * The meeting's date, kind, period, title and chair: from the flags, else
 * asked (defaults from the records), else the defaults. On a terminal a title
 * whose record is there already is asked again (never overwritten).
 */
async function meetingOf(
  options: NewOptions,
  io: Io,
  config: ConfigFacts,
  records: readonly MeetingRecord[],
  asker: Asker | undefined,
  root: string,
): Promise<Meeting> {
  const defaults = asker && (await questionDefaults(records));
  const m = messages(io.locale ?? config.locale);
  const today = options.today ?? todayIn(config.timezone, io.now());
  const date = options.date ?? (asker ? await askDate(asker, today, io.locale ?? config.locale, m) : today);
  const kind = options.kind ?? (asker ? await askKind(asker, m) : 'regular');
  if (!(MEETING_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError((m) => m.new.badKind(visible(kind), MEETING_KINDS.join(', ')));
  }
  // On a terminal a period other than the month of the date is proposed and confirmed (4 November
  // after a meeting that reviewed September: October); otherwise it is the month of the date.
  const proposed = defaults ? defaults.period(date, kind as MeetingKind) : monthOf(date);
  const period = options.period ?? (asker && proposed !== monthOf(date) ? await askPeriod(asker, proposed, date, m) : monthOf(date));
  const suggestedTitle = defaultTitle(config.locale, kind as MeetingKind, date, period);
  const required = (answer: string): Reading<string> => ({ value: answer });
  const untaken = (answer: string): Reading<string> => {
    const file = recordPath(root, config, date, answer.normalize('NFC').trim(), kind as MeetingKind);
    return existsSync(file) ? { problem: m.new.titleTaken(visible(toPosix(path.relative(root, file)))) } : { value: answer };
  };
  const title = (options.title ?? (asker ? await asker.ask(m.new.askTitle, suggestedTitle, untaken, '--title') : suggestedTitle)).normalize('NFC').trim();
  if (title === '') throw new UsageError((m) => m.new.emptyTitle);
  let chair = options.chair?.trim();
  if (!chair && asker) chair = await asker.ask(m.new.askChair, defaults?.chair, required, '--chair');
  if (!chair) {
    throw new UsageError(
      (m) => m.new.missingChair,
      (m) => m.new.missingChairHint,
    );
  }
  return { date, kind: kind as MeetingKind, period, title, chair: chair.normalize('NFC') };
}

/**
 * What a terminal's questions propose, from the records: the period after
 * the last one reviewed, the last meeting's chair. Loaded only to ask them.
 */
async function questionDefaults(records: readonly MeetingRecord[]): Promise<{ period: (date: IsoDate, kind: MeetingKind) => string; chair?: string }> {
  const [{ proposedPeriod }, { sortRecords }, { chairName }] = await Promise.all([
    import('../domain/months.js'),
    import('../domain/taskState.js'),
    import('../model/schema.js'),
  ]);
  const latest = sortRecords(records).at(-1);
  return { period: (date, kind) => proposedPeriod(records, date, kind), ...(latest ? { chair: chairName(latest.data.chair) } : {}) };
}

/** The meeting and the template its record is made from. */
interface Settled {
  meeting: Meeting;
  template: Template;
}

/** The meeting from the flags, else asked on a terminal (defaults from the records), and its template. */
async function settle(
  options: NewOptions,
  io: Io,
  root: string,
  config: ConfigFacts,
  records: readonly MeetingRecord[],
  asker: Asker | undefined,
): Promise<Settled> {
  const meeting = await meetingOf(options, io, config, records, asker, root);
  // The terminal back to itself once the last question is answered: an editor (--edit) or a commit hook gets it
  // as it was, and Ctrl-C stops the run again instead of being read as a keystroke by a question no longer asked.
  asker?.close();
  return { meeting, template: readTemplate(root, config, options.template ?? meeting.kind) };
}

/** Records with schema errors elsewhere than in their tasks and updates: what they say of tasks counts. */
function wholeTasksOf(repository: Repository): MeetingRecord[] {
  return (repository.partial ?? []).filter((r) => r.tasksWhole);
}

/**
 * A record dated on or before the meeting that meet could not read whole
 * (unreadable, not YAML, or with schema errors in its tasks or updates or an
 * unknown key) stops `new`: the updates it holds are lost, and a task it
 * closed would be listed open again. One whose errors lie elsewhere (a
 * figure written 21,4) counts with its tasks and updates. Records after the
 * meeting change nothing open on its date: the run goes on, and says they
 * have errors.
 */
function refuseLostRecords(repository: Repository, date: IsoDate, refuse: typeof refuseRecordErrors): void {
  const kept = new Set([...repository.records, ...wholeTasksOf(repository)].map((r) => r.file));
  const dateOf = new Map((repository.partial ?? []).map((r) => [r.file, r.data.date]));
  const lost = new Set<string>();
  for (const f of repository.findings) {
    // The config's findings lose no record (one that does stops every command before this).
    if (f.severity !== 'error' || kept.has(f.file) || f.file === CONFIG_FILE) continue;
    const day = dateOf.get(f.file) ?? dayInFileName(f.file);
    if (day === undefined || day <= date) lost.add(f.file);
  }
  if (lost.size === 0) return;
  refuse({ ...repository, findings: repository.findings.filter((f) => lost.has(f.file)) }, (m, count) => m.new.earlierRecordsInvalid(count));
}

/** The record from the template, listing every task open on its date; it must pass `meet check` against the repository. */
async function draftRecord(repository: Repository, { meeting, template }: Settled, locale: Locale): Promise<Draft> {
  const [{ deadlinesOf }, { isOpenStatus, taskStatesOn }, { parseRecord }, { checkRecordAmong }, { commentText, yamlScalar }, { refuseRecordErrors }] =
    await Promise.all([
      import('../domain/deadlines.js'),
      import('../domain/taskState.js'),
      import('../records/parse.js'),
      import('../domain/checkRules.js'),
      import('../records/yamlText.js'),
      import('../io/repository.js'),
    ]);
  const { root, config, records } = repository;
  const { date, kind, title, period, chair } = meeting;
  refuseLostRecords(repository, date, refuseRecordErrors);
  // With what records whose errors lie elsewhere say of their tasks (and the new record is checked among them).
  const among = [...records, ...wholeTasksOf(repository)];
  const openTasks = [...taskStatesOn(among, date, deadlinesOf(config)).values()].filter((s) => isOpenStatus(s.status) && s.meeting.data.date < date);
  const content = fillTemplate(template, {
    title: yamlScalar(title),
    date,
    kind,
    period: yamlScalar(period),
    chair: yamlScalar(chair),
    organization: yamlScalar(config.organization),
    date_text: formatDay(config.locale, date),
    sector: Object.keys(config.sectors)[0] ?? 'sector-id',
    owner: Object.keys(config.owners)[0] ?? 'owner-id',
    metric: Object.keys(config.metrics)[0] ?? 'metric-id',
    updates: updatesBlock(openTasks, config, commentText),
  });

  const file = recordPath(root, config, date, title, kind);
  const relative = path.relative(root, file).split(path.sep).join('/');
  const parsed = parseRecord(Buffer.from(content, 'utf8'), relative, locale);
  const problems = [...parsed.findings];
  if (parsed.record) {
    for (const f of checkRecordAmong(config, parsed.record, among, locale)) problems.push(f);
  }
  const errors = problems.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new RecordsError(
      (m) => m.new.wouldFail(templateShown(template, m), errors.map((f) => `  ${f.line}:${f.column} ${visible(f.message)} (${f.rule})`).join('\n')),
      (m) => m.new.wouldFailHint,
    );
  }
  return {
    meeting,
    relative,
    content,
    openTasks: openTasks.map((t) => t.id),
    warnings: problems.filter((f) => f.severity !== 'error'),
    repositoryErrors: countBySeverity(repository.findings).errors,
  };
}

/** The day of the meeting, shown and read the way the clerk writes dates (DD/MM/YYYY in Vietnamese). */
async function askDate(asker: Asker, today: IsoDate, locale: Locale, m: Messages): Promise<IsoDate> {
  const shown = locale === 'vi' ? formatDate('vi', today) : today;
  return asker.ask<IsoDate>(m.new.askDate, shown, (answer) => typedDate(answer, m.cli), '--date');
}

/** The period the meeting reviews, as proposed or as the clerk writes it instead: asked again until one the record can hold. */
async function askPeriod(asker: Asker, proposed: string, date: IsoDate, m: Messages): Promise<string> {
  // Loaded when asked, as the rest of the checks are (new loads what each step needs).
  const { periodAfterDate } = await import('../domain/checkRules.js');
  return asker.ask<string>(
    m.new.askPeriod,
    proposed,
    (typed) => {
      // "12/2020", "Quý 4/2020": the period those words name.
      const answer = periodProblem(typed) ? (periodFromWords(typed) ?? typed) : typed;
      const problem = periodProblem(answer, m.period);
      if (problem) return { problem: m.new.notAPeriod(visible(typed), problem) };
      // As meet check would refuse it (period-after-date), said now rather than after the title and chair.
      const late = periodAfterDate(answer, date, m.rules);
      return late ? { problem: late } : { value: answer };
    },
    '--period',
  );
}

async function askKind(asker: Asker, m: Messages): Promise<MeetingKind> {
  const choices = MEETING_KINDS.map((k) => ({ value: k, label: m.labels.kind[k] === k ? k : `${m.labels.kind[k]} (${k})` }));
  return asker.choose(m.new.askKind, choices, 'regular', { flag: '--kind', words: kindFromWords });
}

interface Template {
  name: string;
  text: string;
  /** The repository's template file (relative to the root, with /); undefined for a built-in one. */
  file?: string;
}

/** templates/<name>.md of the repository overrides the built-in one. */
function readTemplate(root: string, config: ConfigFacts, name: string): Template {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
    throw new UsageError((m) => m.new.badTemplate(visible(name)));
  }
  const relative = path.posix.join(config.paths.templates, `${name}.md`);
  const own = path.join(root, relative);
  if (existsSync(own)) {
    if (!isInsideRealRoot(root, own)) {
      throw new UsageError((m) => m.new.templateLink(visible(relative)));
    }
    try {
      return {
        name,
        text: readRegularFile(own, { followLinks: true })
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
        file: relative,
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new UsageError((m) => m.new.templateUnreadable(visible(relative), m.errors.unreadableWhy(code)));
    }
  }
  const builtin = builtinTemplatePath(config.locale, `${name}.md`);
  if (existsSync(builtin)) return { name, text: readFileSync(builtin, 'utf8') };
  throw new UsageError(
    (m) => m.new.noTemplate(name, visible(relative)),
    (m) => m.new.noTemplateHint(MEETING_KINDS.join(', ')),
  );
}

// Any name between {{ }}: a misspelt one (`{{Date_Text}}`, `{{địa_điểm}}`) is refused by name, never left in the record.
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/gu;

/** The template as a message names it: the repository's file by its path, else the built-in one by its name. */
function templateShown(template: Template, m: Messages): string {
  return template.file !== undefined ? visible(template.file) : m.new.builtinTemplate(template.name);
}

function fillTemplate(template: Template, values: Record<string, string>): string {
  const { text } = template;
  const unknown = [...text.matchAll(PLACEHOLDER)].filter((match) => !Object.hasOwn(values, match[1]!));
  if (unknown.length > 0) {
    const list = Object.keys(values)
      .map((k) => `{{${k}}}`)
      .join(', ');
    // Its line in the template: the clerk opens that file, not the record it would make.
    const line = text.slice(0, unknown[0]!.index).split('\n').length;
    throw new UsageError(
      (m) => m.new.placeholder(templateShown(template, m), line, visible(unknown[0]![1]!)),
      (m) => m.new.placeholderHint(list),
    );
  }
  // A value over several lines (the updates block) ends its lines as the template does (CRLF when saved on Windows).
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let filled = text.replace(PLACEHOLDER, (_, key: string) => values[key]!.replace(/\r?\n/g, eol));
  // A template without {{updates}} still gets the open tasks, at the end of
  // its front matter.
  if (!/\{\{\s*updates\s*\}\}/.test(text)) {
    filled = insertBeforeFrontMatterEnd(filled, values.updates!);
  }
  return filled;
}

function insertBeforeFrontMatterEnd(text: string, block: string): string {
  const lines = text.split('\n');
  // A fence as the record reader takes it (records/frontMatter.ts): "---", spaces after it allowed.
  const fence = (line: string | undefined) => line !== undefined && /^---[ \t]*\r?$/.test(line);
  const close = lines.findIndex((line, i) => i > 0 && fence(line));
  if (close === -1 || !fence(lines[0])) return text;
  // Its lines end as the template's do: a template saved on Windows (CRLF) gets a CRLF block, which `tasks update` can edit.
  const crlf = lines[close]!.endsWith('\r');
  lines.splice(close, 0, crlf ? `${block.split('\n').join('\r\n')}\r` : block);
  return lines.join('\n');
}

/** The `updates:` block: each open task, its current status, and a comment saying what it is. */
function updatesBlock(tasks: readonly TaskState[], config: Config, commentText: (text: string) => string): string {
  if (tasks.length === 0) return 'updates: []';
  const m = messages(config.locale);
  const lines = ['updates:'];
  for (const task of tasks) {
    const owners = task.owners.map((o) => config.owners[o] ?? o).join(', ');
    const due = task.recurring ? m.labels.recurring : task.due ? m.record.due(formatDue(config.locale, task)) : m.record.noDue;
    lines.push(`  # ${commentText(`${task.title} — ${owners} — ${due} (${m.labels.status[task.status]})`)}`);
    lines.push(`  - task: ${task.id}`, `    status: ${task.status}`);
  }
  return lines.join('\n');
}

/** The editor --edit opens, checked before anything is written. */
function editorOf(io: Io): string {
  const editor = (io.env.VISUAL || io.env.EDITOR || '').trim();
  if (!editor) {
    throw new UsageError(
      (m) => m.new.noEditor,
      (m) => m.new.noEditorHint,
    );
  }
  return editor;
}

/** Runs the editor on the written record; what went wrong, if anything (the record is kept either way). */
function openEditor(editor: string, file: string, shown: string, m: Messages, env: Io['env']): string | undefined {
  // $EDITOR may carry arguments ("code --wait"); it is the user's own setting.
  const [command, ...args] = editor.split(/\s+/).filter(Boolean);
  const run = spawnSync(command!, [...args, file], { stdio: 'inherit', env });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    // ENOENT means the program is not there: said in words, with what to set.
    return m.new.editorFailed(visible(editor), code === 'ENOENT' ? m.new.noSuchEditor : visible(code ?? run.error.message), visible(shown));
  }
  if (run.status !== 0) return m.new.editorExit(visible(editor), run.signal ?? `${run.status}`, visible(shown));
  return undefined;
}

/** The new record's findings, at its line:column, on stderr. */
function printFindings(findings: readonly Finding[], io: Io, m: Messages): void {
  for (const f of findings) io.stderr.write(`${f.line}:${f.column} ${m.labels.severity[f.severity]} ${visible(f.message)} (${f.rule})\n`);
}

async function renderNew(result: NewResult, io: Io, c: { dim: (s: string) => string }, m: Messages): Promise<number> {
  if (!result.written) {
    // A template from the repository may hold anything: shown visibly, line ends kept.
    const content = visibleLines(result.content);
    io.stdout.write(content.endsWith('\n') ? content : `${content}\n`);
    if (result.commitNote) io.stderr.write(`${c.dim(result.commitNote)}\n`);
    printFindings(result.findings, io, m);
    // The run itself would stop here: said, and the same exit code, so a script's dry run tells the truth.
    if (result.existsAlready) {
      io.stderr.write(`${m.main.prefix}${result.existsAlready}\n`);
      return EXIT_USAGE;
    }
    return 0;
  }
  io.stdout.write(`${visible(path.relative(io.cwd, result.path) || result.path)}\n`);
  io.stderr.write(`${c.dim(m.new.openTasks(result.openTasks.length))}\n`);
  if (result.repositoryErrors > 0) io.stderr.write(`${m.new.otherErrors(result.repositoryErrors)}\n`);
  if (result.editorProblem) io.stderr.write(`${m.main.prefix}${result.editorProblem}\n`);
  printFindings(result.findings, io, m);
  if (result.commit) io.stderr.write(`${(await import('../io/gitCommit.js')).describeCommit(result.commit, m)}\n`);
  if (result.commitNote) io.stderr.write(`${result.commitNote}\n`);
  if (result.editorProblem) return EXIT_USAGE;
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** Asks on a terminal for what the flags leave out; without one, the flags must say it all. */
export async function newCommand(options: NewOptions, io: Io): Promise<number> {
  // The questions are asked before the config is read: in the language of this run.
  const m = messages(io.locale ?? 'en');
  const asker = io.stdin.isTTY && io.stdin.readable ? (await import('../io/prompt.js')).terminalAsker(io.stdin.readable, io.stderr, m) : undefined;
  try {
    const result = await runNew(options, io, asker);
    return await renderNew(result, io, (await import('../io/colors.js')).colorsFor(io.stderr, io), m);
  } finally {
    asker?.close();
  }
}
