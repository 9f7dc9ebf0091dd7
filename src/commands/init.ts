// meet init [DIR]: a new records repository with defaults for the locale.
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { createFileExclusive, notWritable } from '../io/writeFiles.js';
import { ensureGitRepository, requireGitRepository } from '../io/git.js';
import { printMessage, type Io } from '../io/terminal.js';
import { builtinTemplatePath, toolVersion } from '../io/packageRoot.js';
import { readConfig } from '../io/repository.js';
import { toPosix } from '../io/paths.js';
import { CONFIG_FILE } from '../model/layout.js';
import { yamlScalar } from '../records/yamlText.js';
import type { Locale } from '../model/terms.js';
import { visible } from '../model/text.js';

export interface InitOptions {
  dir: string;
  locale: Locale;
  organization?: string;
  /** Also write a CI workflow; in an existing repository, only that. */
  ci?: CiProvider;
}

type CiProvider = 'github' | 'gitlab';

interface InitResult {
  root: string;
  created: string[];
  git: 'created' | 'existing' | 'unavailable';
  /** meet.config.yaml was there already (init --ci on an existing repository). */
  configKept?: boolean;
  /** The workflow written by --ci, absolute. */
  workflow?: { provider: CiProvider; path: string };
}

/** Where each CI service reads its workflow, from the top of the git repository. */
const WORKFLOW_FILES: Record<CiProvider, string> = {
  github: '.github/workflows/meet.yml',
  gitlab: '.gitlab-ci.yml',
};

const DEFAULT_ORGANIZATION: Record<Locale, string> = {
  vi: 'Ủy ban nhân dân huyện',
  en: 'Town Council',
};

async function runInit(options: InitOptions, io: Io): Promise<InitResult> {
  const root = path.resolve(io.cwd, options.dir);
  const configPath = path.join(root, CONFIG_FILE);
  const configKept = existsSync(configPath);
  if (configKept && !options.ci) {
    throw new UsageError(`${visible(configPath)} already exists; meet init never overwrites it.`, 'Edit the file instead, or run meet init in another folder.');
  }
  // Checked before anything is created, so a refusal leaves nothing half done.
  const workflow = options.ci ? await workflowTarget(root, options.ci, io) : undefined;
  if (configKept) {
    const git = await ensureGitRepository(root, io.env);
    const written = writeWorkflow(root, workflow!, options.ci!);
    return { root, created: [toPosix(path.relative(root, written))], git, configKept: true, workflow: { provider: options.ci!, path: written } };
  }
  const organization = (options.organization ?? DEFAULT_ORGANIZATION[options.locale]).trim();
  if (organization === '') throw new UsageError('--organization must not be empty');
  const template = readFileSync(builtinTemplatePath('config', `${options.locale}.yaml`), 'utf8');
  const config = template.replace('{{organization}}', yamlScalar(organization));
  // What this run made, removed again if a later step fails (a full disk, say).
  const made: { path: string; folder: boolean }[] = [];
  try {
    return await createRepository(root, configPath, config, options, workflow, made, io);
  } catch (error) {
    const first = made[0];
    if (first?.folder && path.resolve(root).startsWith(first.path)) {
      // The repository's folder is this run's own: all of it goes, a half-made .git included.
      rmSync(first.path, { recursive: true, force: true });
    } else {
      for (const { path: p, folder } of made.reverse()) {
        try {
          if (folder) rmdirSync(p);
          else unlinkSync(p);
        } catch {
          // In use, or not empty: kept.
        }
      }
    }
    throw notWritable(error, path.relative(io.cwd, root) || root);
  }
}

async function createRepository(
  root: string,
  configPath: string,
  config: string,
  options: InitOptions,
  workflow: WorkflowTarget | undefined,
  made: { path: string; folder: boolean }[],
  io: Io,
): Promise<InitResult> {
  const missing: string[] = [];
  for (let at = path.resolve(root); !existsSync(at); at = path.dirname(at)) missing.unshift(at);
  // One level at a time (a recursive mkdir reports a read-only file system as
  // ENOENT), and only what this run made counts as its own.
  for (const folder of missing) makeFolder(folder, made);
  const created: string[] = [];
  try {
    createFileExclusive(root, configPath, config);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${visible(configPath)} already exists; meet init never overwrites it.`);
    throw error;
  }
  made.push({ path: configPath, folder: false });
  created.push(CONFIG_FILE);
  // Sanity: what we wrote must be a valid config.
  const check = readConfig(root);
  if (!check.config) throw new Error(`internal: the built-in ${options.locale} config does not validate: ${check.findings[0]?.message}`);
  const { meetings, reports, templates } = check.config.paths;
  for (const folder of [meetings, reports, templates]) {
    const keep = path.join(root, folder, '.gitkeep');
    if (!existsSync(keep)) {
      const missing: string[] = [];
      for (let at = path.dirname(keep); !existsSync(at); at = path.dirname(at)) missing.unshift(at);
      for (const folder of missing) makeFolder(folder, made);
      writeFileSync(keep, '', { flag: 'wx' });
      made.push({ path: keep, folder: false });
      created.push(`${folder}/`);
    }
  }
  const gitignore = path.join(root, '.gitignore');
  if (!existsSync(gitignore)) {
    try {
      writeFileSync(gitignore, '# meet keeps its cache here\n.meet-cache/\n', { flag: 'wx' });
    } catch (error) {
      // Created but not written (a full disk): ours to remove.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') made.push({ path: gitignore, folder: false });
      throw error;
    }
    made.push({ path: gitignore, folder: false });
    created.push('.gitignore');
  }
  const git = await ensureGitRepository(root, io.env);
  if (!workflow) return { root, created, git };
  const written = writeWorkflow(root, workflow, options.ci!);
  created.push(toPosix(path.relative(root, written)));
  return { root, created, git, workflow: { provider: options.ci!, path: written } };
}

/** Creates `folder` and notes it in `made`; one that appeared meanwhile is someone else's. */
function makeFolder(folder: string, made: { path: string; folder: boolean }[]): void {
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  made.push({ path: folder, folder: true });
}

interface WorkflowTarget {
  /** The top of the git repository the records are in (or will be). */
  top: string;
  file: string;
}

/**
 * The workflow goes at the top of the git repository holding `root` (which
 * may not exist yet); without one, `root` becomes the top. Never overwritten.
 */
async function workflowTarget(root: string, provider: CiProvider, io: Io): Promise<WorkflowTarget> {
  let existing = root;
  while (!existsSync(existing)) existing = path.dirname(existing);
  let top = root;
  try {
    top = (await requireGitRepository(existing, 'meet init --ci', io.env)).top;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
  }
  const file = path.join(top, ...WORKFLOW_FILES[provider].split('/'));
  let taken = false;
  try {
    lstatSync(file);
    taken = true;
  } catch {
    // Absent: the usual case.
  }
  if (taken) {
    throw new UsageError(
      `${path.relative(io.cwd, file) || file} already exists; meet init never overwrites it. Nothing was written.`,
      `Add meet's jobs to it by hand; they are in ${builtinTemplatePath('ci', `${provider}.yml`)}`,
    );
  }
  return { top, file };
}

/** Fills the template: the records folder as seen from the top of the repository, and the package version. */
function writeWorkflow(root: string, target: WorkflowTarget, provider: CiProvider): string {
  const recordsDir = toPosix(path.relative(realpathSync(target.top), realpathSync(root))) || '.';
  const template = readFileSync(builtinTemplatePath('ci', `${provider}.yml`), 'utf8');
  const text = template.replaceAll('{{records_dir}}', yamlScalar(recordsDir)).replaceAll('{{version}}', toolVersion());
  try {
    createFileExclusive(target.top, target.file, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${visible(target.file)} already exists; meet init never overwrites it.`);
    throw error;
  }
  return target.file;
}

function renderInit(result: InitResult, io: Io): number {
  const where = visible(path.relative(io.cwd, result.root) || '.');
  const shown = (file: string) => visible(toPosix(path.relative(io.cwd, file)) || file);
  const lines = result.configKept
    ? [`${shown(path.join(result.root, CONFIG_FILE))} is already there; kept as it is. Added:`, `  ${shown(result.workflow!.path)}`]
    : [`Created a records repository in ${where}:`, ...result.created.map((f) => `  ${f}`)];
  if (result.git === 'created') lines.push('  (and a new git repository)');
  if (result.git === 'unavailable') lines.push('git was not found: the folder is not under version control yet.');
  if (!result.configKept) lines.push('', 'Next: edit meet.config.yaml (sectors, owners, metrics), then run "meet new" for the first meeting.');
  if (result.workflow) {
    const service = result.workflow.provider === 'github' ? 'GitHub' : 'GitLab';
    lines.push(
      '',
      `The ${service} workflow needs meet itself: commit the package tarball ("npm pack" in meet's source folder) under tools/, or set MEET_PACKAGE in ${shown(result.workflow.path)} to meet's git address.`,
    );
    if (result.workflow.provider === 'gitlab')
      lines.push('Then add a pipeline schedule ("0 6 1 * *") and the MEET_PUSH_TOKEN variable for the monthly digest.');
  }
  printMessage(io, lines.join('\n'));
  return 0;
}

export async function initCommand(options: InitOptions, io: Io): Promise<number> {
  return renderInit(await runInit(options, io), io);
}
