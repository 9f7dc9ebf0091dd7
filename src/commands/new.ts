// meet new: writes the record of a new meeting from a template, listing
// under `updates` every task still open on its date so the clerk only edits
// statuses.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { monthOf, parseCliDate, todayIn, type IsoDate } from '../model/dates.js';
import { periodProblem } from '../model/periods.js';
import { proposedPeriod } from '../domain/months.js';
import { deadlinesOf } from '../domain/deadlines.js';
import { countBySeverity, type Finding } from '../model/ruleCatalogue.js';
import { checkRepository } from '../domain/checkRules.js';
import { chairName, type Config } from '../model/schema.js';
import { slugify } from '../domain/slug.js';
import { isOpenStatus, sortRecords, taskStatesOn } from '../domain/taskState.js';
import { RecordsError, UsageError } from '../model/errors.js';
import { createFileExclusive } from '../io/writeFiles.js';
import { commitFiles, describeCommit, prepareCommit, type Committed } from '../io/gitCommit.js';
import type { Asker } from '../io/prompt.js';
import { type Io, readingFor } from '../io/terminal.js';
import { builtinTemplatePath } from '../io/packageRoot.js';
import { loadStoredRepository } from '../io/recordStore.js';
import { findRoot, isInsideRealRoot } from '../io/paths.js';
import { parseRecord } from '../records/parse.js';
import { defaultTitle, formatDay, formatDue, STATUS_LABELS, WORDS } from '../render/locale.js';
import { commentText, yamlScalar } from '../records/yamlText.js';
import type { TaskState } from '../model/tasks.js';
import { MEETING_KINDS, type MeetingKind } from '../model/terms.js';
import { visible, visibleLines } from '../model/text.js';

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
  /** Findings on the record after --edit. */
  findings: Finding[];
  /** Errors elsewhere in the repository, worth a warning. */
  repositoryErrors: number;
  /** The commit made with --commit. */
  commit?: Committed;
  /** Why --commit made no commit. */
  commitNote?: string;
}

async function runNew(options: NewOptions, io: Io, asker?: Asker): Promise<NewResult> {
  const root = findRoot(io.cwd, options.root);
  const repository = await loadStoredRepository(root, readingFor(io), { env: io.env, cache: options.cache });
  const { config, records } = repository;
  const today = options.today ?? todayIn(config.timezone, io.now());
  // Checked before any question is asked or any file written.
  const commitPlan = options.commit ? await prepareCommit(root, io.env, { includeConfig: options.includeConfig }) : undefined;

  const interactive = asker !== undefined;
  const latest = sortRecords(records).at(-1);
  const date = options.date ?? (interactive ? await askDate(asker, today, io) : today);
  const kind = options.kind ?? (interactive ? await asker.ask('Kind (regular, extraordinary, thematic)', 'regular') : 'regular');
  if (!(MEETING_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of ${MEETING_KINDS.join(', ')}, not "${visible(kind)}"`);
  }
  // On a terminal a period other than the month of the date is proposed and confirmed (4 November
  // after a meeting that reviewed September: October); otherwise it is the month of the date.
  const proposed = interactive ? proposedPeriod(records, date, kind as MeetingKind) : monthOf(date);
  const period = options.period ?? (interactive && proposed !== monthOf(date) ? await askPeriod(asker, proposed, io) : monthOf(date));
  const suggestedTitle = defaultTitle(config.locale, kind as MeetingKind, date, period);
  const title = (options.title ?? (interactive ? await asker.ask('Title', suggestedTitle) : suggestedTitle)).normalize('NFC').trim();
  if (title === '') throw new UsageError('--title must not be empty');
  let chair = options.chair?.trim();
  if (!chair && interactive) chair = (await asker.ask('Chair (who chairs the meeting)', latest ? chairName(latest.data.chair) : undefined)).trim();
  if (!chair) {
    throw new UsageError('Missing --chair: who chairs the meeting.', 'Example: meet new --chair "Hoàng Văn Hiệp" --date 2020-11-25');
  }

  const template = readTemplate(root, config, options.template ?? kind);
  const openTasks = [...taskStatesOn(records, date, deadlinesOf(config)).values()].filter((s) => isOpenStatus(s.status) && s.meeting.data.date < date);
  const content = fillTemplate(template.text, template.name, {
    title: yamlScalar(title),
    date,
    kind,
    period: yamlScalar(period),
    chair: yamlScalar(chair.normalize('NFC')),
    organization: yamlScalar(config.organization),
    date_text: formatDay(config.locale, date),
    sector: Object.keys(config.sectors)[0] ?? 'sector-id',
    owner: Object.keys(config.owners)[0] ?? 'owner-id',
    metric: Object.keys(config.metrics)[0] ?? 'metric-id',
    updates: updatesBlock(openTasks, config),
  });

  const file = path.join(root, config.paths.meetings, date.slice(0, 4), `${date}-${slugify(title, kind)}.md`);
  const relative = path.relative(root, file).split(path.sep).join('/');
  // The record must pass `meet check` against the repository before it is written.
  const parsed = parseRecord(Buffer.from(content, 'utf8'), relative);
  const problems = [...parsed.findings];
  if (parsed.record) {
    for (const f of checkRepository(config, [...records, parsed.record])) if (f.file === relative) problems.push(f);
  }
  const errors = problems.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new RecordsError(
      `The new record would not pass meet check (template "${template.name}"):\n${errors.map((f) => `  ${f.line}:${f.column} ${visible(f.message)} (${f.rule})`).join('\n')}`,
      'Fix the template or the values given.',
    );
  }

  const repositoryErrors = countBySeverity(repository.findings).errors;
  const result: NewResult = { root, path: file, content, written: false, openTasks: openTasks.map((t) => t.id), findings: [], repositoryErrors };
  if (options.dryRun) {
    if (commitPlan) result.commitNote = '--dry-run: nothing written, nothing committed.';
    return result;
  }
  try {
    createFileExclusive(root, file, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(
        `${visible(path.relative(io.cwd, file))} already exists; meet new never overwrites a record.`,
        'Give another --title, or edit the existing record.',
      );
    }
    throw error;
  }
  result.written = true;
  if (options.edit) {
    openEditor(io, file);
    const after = parseRecord(readFileSync(file), relative);
    const others = records.filter((r) => r.file !== relative);
    result.findings = [...after.findings, ...(after.record ? checkRepository(config, [...others, after.record]).filter((f) => f.file === relative) : [])];
  }
  if (commitPlan) {
    if (result.findings.some((f) => f.severity === 'error')) {
      result.commitNote = 'Not committed: the record has errors. Fix them, run "meet check", then commit it with git.';
    } else {
      result.commit = await commitFiles(commitPlan, [file], `Add record ${date} ${title}`);
    }
  }
  return result;
}

async function askDate(asker: Asker, today: IsoDate, io: Io): Promise<IsoDate> {
  for (;;) {
    const answer = await asker.ask('Date of the meeting (YYYY-MM-DD or DD/MM/YYYY)', today);
    const date = parseCliDate(answer);
    if (date) return date;
    io.stderr.write(`"${visible(answer)}" is not a date; write it like 2020-11-25 or 25/11/2020.\n`);
  }
}

async function askPeriod(asker: Asker, proposed: string, io: Io): Promise<string> {
  for (;;) {
    const answer = await asker.ask('Period it reviews (YYYY-MM, YYYY-Qn, YYYY-H1, YYYY or YYYY-MM..YYYY-MM)', proposed);
    const problem = periodProblem(answer);
    if (!problem) return answer;
    io.stderr.write(`"${answer}" ${problem}.\n`);
  }
}

interface Template {
  name: string;
  text: string;
}

/** templates/<name>.md of the repository overrides the built-in one. */
function readTemplate(root: string, config: Config, name: string): Template {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
    throw new UsageError(`--template takes a template name like "regular", not "${visible(name)}"`);
  }
  const own = path.join(root, config.paths.templates, `${name}.md`);
  if (existsSync(own)) {
    if (!isInsideRealRoot(root, own)) {
      throw new UsageError(
        `The template ${path.join(config.paths.templates, `${name}.md`)} is a symbolic link leading outside the repository; it is not used.`,
      );
    }
    return { name, text: readFileSync(own, 'utf8').replace(/^\uFEFF/, '') };
  }
  const builtin = builtinTemplatePath(config.locale, `${name}.md`);
  if (existsSync(builtin)) return { name, text: readFileSync(builtin, 'utf8') };
  throw new UsageError(
    `No template "${name}": neither ${path.join(config.paths.templates, `${name}.md`)} nor a built-in one.`,
    `Built-in templates: ${MEETING_KINDS.join(', ')}.`,
  );
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

function fillTemplate(text: string, name: string, values: Record<string, string>): string {
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((key) => !Object.hasOwn(values, key));
  if (unknown.length > 0) {
    throw new UsageError(
      `The template "${name}" uses {{${unknown[0]}}}, which meet new does not fill.`,
      `Placeholders: ${Object.keys(values)
        .map((k) => `{{${k}}}`)
        .join(', ')}.`,
    );
  }
  let filled = text.replace(PLACEHOLDER, (_, key: string) => values[key]!);
  // A template without {{updates}} still gets the open tasks, at the end of
  // its front matter.
  if (!/\{\{\s*updates\s*\}\}/.test(text)) {
    filled = insertBeforeFrontMatterEnd(filled, values.updates!);
  }
  return filled;
}

function insertBeforeFrontMatterEnd(text: string, block: string): string {
  const lines = text.split('\n');
  const close = lines.findIndex((line, i) => i > 0 && line.replace(/\r$/, '') === '---');
  if (close === -1 || lines[0]?.replace(/\r$/, '') !== '---') return text;
  lines.splice(close, 0, block);
  return lines.join('\n');
}

/** The `updates:` block: each open task, its current status, and a comment saying what it is. */
function updatesBlock(tasks: readonly TaskState[], config: Config): string {
  if (tasks.length === 0) return 'updates: []';
  const words = WORDS[config.locale];
  const lines = ['updates:'];
  for (const task of tasks) {
    const owners = task.owners.map((o) => config.owners[o] ?? o).join(', ');
    const due = task.recurring ? words.recurring : task.due ? `${words.due} ${formatDue(config.locale, task)}` : words.noDue;
    lines.push(`  # ${commentText(`${task.title} — ${owners} — ${due} (${STATUS_LABELS[config.locale][task.status]})`)}`);
    lines.push(`  - task: ${task.id}`, `    status: ${task.status}`);
  }
  return lines.join('\n');
}

function openEditor(io: Io, file: string): void {
  const editor = io.env.VISUAL || io.env.EDITOR;
  if (!editor) throw new UsageError('--edit needs $VISUAL or $EDITOR to name your editor.', 'Example: EDITOR=nano meet new --edit');
  // $EDITOR may carry arguments ("code --wait"); it is the user's own setting.
  const [command, ...args] = editor.split(/\s+/).filter(Boolean);
  const run = spawnSync(command!, [...args, file], { stdio: 'inherit', env: io.env });
  if (run.error) throw new UsageError(`Cannot start the editor "${visible(editor)}": ${visible(run.error.message)}`);
}

function renderNew(result: NewResult, io: Io, c: { dim: (s: string) => string }): number {
  if (!result.written) {
    // A template from the repository may hold anything: shown visibly, line ends kept.
    const content = visibleLines(result.content);
    io.stdout.write(content.endsWith('\n') ? content : `${content}\n`);
    if (result.commitNote) io.stderr.write(`${c.dim(result.commitNote)}\n`);
    return 0;
  }
  io.stdout.write(`${visible(path.relative(io.cwd, result.path) || result.path)}\n`);
  const count = result.openTasks.length;
  io.stderr.write(`${c.dim(`${count === 0 ? 'No open tasks' : `${count} open ${count === 1 ? 'task' : 'tasks'}`} listed under "updates".`)}\n`);
  if (result.repositoryErrors > 0) {
    io.stderr.write(`Warning: other records have ${result.repositoryErrors} ${result.repositoryErrors === 1 ? 'error' : 'errors'}; run "meet check".\n`);
  }
  for (const f of result.findings) io.stderr.write(`${f.line}:${f.column} ${f.severity} ${visible(f.message)} (${f.rule})\n`);
  if (result.commit) io.stderr.write(`${describeCommit(result.commit)}\n`);
  if (result.commitNote) io.stderr.write(`${result.commitNote}\n`);
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** Asks on a terminal for what the flags leave out; without one, the flags must say it all. */
export async function newCommand(options: NewOptions, io: Io): Promise<number> {
  const asker = io.stdin.isTTY && io.stdin.readable ? (await import('../io/prompt.js')).terminalAsker(io.stdin.readable, io.stderr) : undefined;
  try {
    const result = await runNew(options, io, asker);
    return renderNew(result, io, (await import('../io/colors.js')).colorsFor(io.stderr, io));
  } finally {
    asker?.close();
  }
}
