// meet init [DIR]: a new records repository with defaults for the locale.
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { createFileExclusive } from '../io/writeFiles.js';
import { ensureGitRepository, requireGitRepository } from '../io/git.js';
import { printMessage, type Io } from '../io/terminal.js';
import { builtinTemplatePath, toolVersion } from '../io/packageRoot.js';
import { readConfig } from '../io/repository.js';
import { toPosix } from '../io/paths.js';
import { CONFIG_FILE } from '../model/layout.js';
import { yamlScalar } from '../records/yamlText.js';
import type { Locale } from '../model/terms.js';
import { messages } from '../model/messages/index.js';

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

async function runInit(options: InitOptions, io: Io): Promise<InitResult> {
  const root = path.resolve(io.cwd, options.dir);
  const configPath = path.join(root, CONFIG_FILE);
  const configKept = existsSync(configPath);
  if (configKept && !options.ci) {
    throw new UsageError(
      (m) => m.init.exists(configPath),
      (m) => m.init.existsHint,
    );
  }
  // Checked before anything is created, so a refusal leaves nothing half done.
  const workflow = options.ci ? await workflowTarget(root, options.ci, io) : undefined;
  if (configKept) {
    const git = await ensureGitRepository(root, io.env);
    const written = writeWorkflow(root, workflow!, options.ci!);
    return { root, created: [toPosix(path.relative(root, written))], git, configKept: true, workflow: { provider: options.ci!, path: written } };
  }
  mkdirSync(root, { recursive: true });
  const organization = (options.organization ?? messages(options.locale).init.defaultOrganization).trim();
  if (organization === '') throw new UsageError((m) => m.init.emptyOrganization);
  const template = readFileSync(builtinTemplatePath('config', `${options.locale}.yaml`), 'utf8');
  const config = template.replace('{{organization}}', yamlScalar(organization));
  const created: string[] = [];
  try {
    createFileExclusive(root, configPath, config);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError((m) => m.init.exists(configPath));
    throw error;
  }
  created.push(CONFIG_FILE);
  // Sanity: what we wrote must be a valid config.
  const check = readConfig(root);
  if (!check.config) throw new Error(`internal: the built-in ${options.locale} config does not validate: ${check.findings[0]?.message}`);
  const { meetings, reports, templates } = check.config.paths;
  for (const folder of [meetings, reports, templates]) {
    const keep = path.join(root, folder, '.gitkeep');
    if (!existsSync(keep)) {
      mkdirSync(path.dirname(keep), { recursive: true });
      writeFileSync(keep, '', { flag: 'wx' });
      created.push(`${folder}/`);
    }
  }
  const gitignore = path.join(root, '.gitignore');
  if (!existsSync(gitignore)) {
    writeFileSync(gitignore, '# meet keeps its cache here\n.meet-cache/\n', { flag: 'wx' });
    created.push('.gitignore');
  }
  const git = await ensureGitRepository(root, io.env);
  if (!workflow) return { root, created, git };
  const written = writeWorkflow(root, workflow, options.ci!);
  created.push(toPosix(path.relative(root, written)));
  return { root, created, git, workflow: { provider: options.ci!, path: written } };
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
      (m) => m.init.workflowExists(path.relative(io.cwd, file) || file),
      (m) => m.init.workflowExistsHint(builtinTemplatePath('ci', `${provider}.yml`)),
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
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError((m) => m.init.exists(target.file));
    throw error;
  }
  return target.file;
}

function renderInit(result: InitResult, options: InitOptions, io: Io): number {
  const where = path.relative(io.cwd, result.root) || '.';
  const shown = (file: string) => toPosix(path.relative(io.cwd, file)) || file;
  // The new repository speaks its own language (--locale, else Vietnamese); an existing one, this run's.
  const m = messages(result.configKept ? (io.locale ?? options.locale) : options.locale);
  const lines = result.configKept
    ? [m.init.kept(shown(path.join(result.root, CONFIG_FILE))), `  ${shown(result.workflow!.path)}`]
    : [m.init.created(where), ...result.created.map((f) => `  ${f}`)];
  if (result.git === 'created') lines.push(m.init.newGit);
  if (result.git === 'unavailable') lines.push(m.init.noGit);
  if (!result.configKept) lines.push('', m.init.next);
  if (result.workflow) {
    const service = result.workflow.provider === 'github' ? 'GitHub' : 'GitLab';
    lines.push('', m.init.workflowNeedsMeet(service, shown(result.workflow.path)));
    if (result.workflow.provider === 'gitlab') lines.push(m.init.gitlabSchedule);
  }
  printMessage(io, lines.join('\n'));
  return 0;
}

export async function initCommand(options: InitOptions, io: Io): Promise<number> {
  return renderInit(await runInit(options, io), options, io);
}
