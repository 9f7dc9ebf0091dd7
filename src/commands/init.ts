// meet init [DIR]: a new records repository with defaults for the locale.
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { assertNoLinkBelow, createFileExclusive, notWritable } from '../io/writeFiles.js';
import { ensureGitRepository, requireGitRepository } from '../io/git.js';
import { printMessage, type Io } from '../io/terminal.js';
import { builtinTemplatePath, githubRepository, toolVersion } from '../io/packageRoot.js';
import { checkCommitBeforeWriting, commitFiles, describeCommit, prepareCommit, type Committed } from '../io/gitCommit.js';
import { readConfig } from '../io/repository.js';
import { nearestRoot, toPosix } from '../io/paths.js';
import { CONFIG_FILE } from '../model/layout.js';
import { yamlScalar } from '../records/yamlText.js';
import { parseConfig } from '../records/parse.js';
import { configLocale, type Locale } from '../model/terms.js';
import { messages, type Messages } from '../model/messages/index.js';
import { shellWord, visible } from '../model/text.js';
import { VI_WORKFLOW_COMMENTS } from '../model/messages/vi.workflow.js';
import { readConfigBytes } from '../io/recordFiles.js';
import { environmentLocale } from '../io/locale.js';

export interface InitOptions {
  /** The folder named on the command line (DIR), if any: initFolder says where init works without it. */
  dir?: string;
  /** The global --root. */
  root?: string;
  locale: Locale;
  organization?: string;
  /** Also write a CI workflow; in an existing repository, only that. */
  ci?: CiProvider;
  /** The meet action the GitHub workflow uses: owner/name@ref (default: meet's repository at v<version>). */
  action?: string;
  /** Where the GitLab pipeline installs meet from: a git address at a commit, or a package file's URL (default: meet's repository at v<version>). */
  package?: string;
  /** Stage and commit what init wrote. */
  commit?: boolean;
  /** --locale was given: without it the repository is Vietnamese, and an English environment is told so. */
  localeGiven?: boolean;
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
  /** Every file written, absolute (folders: their .gitkeep). */
  files: string[];
  /** Where the workflow gets meet (the GitHub action, the GitLab package) is a placeholder still to fill in. */
  sourcePlaceholder?: boolean;
  committed?: Committed;
}

/** Where each CI service reads its workflow, from the top of the git repository. */
const WORKFLOW_FILES: Record<CiProvider, string> = {
  github: '.github/workflows/meet.yml',
  gitlab: '.gitlab-ci.yml',
};

async function runInit(options: InitOptions, io: Io): Promise<InitResult> {
  // Where meet comes from belongs to one CI service's file: given for the other (or none), it would be dropped unsaid.
  if (options.action !== undefined && options.ci !== 'github') throw new UsageError((m) => m.init.onlyWithCi('--action', 'github'));
  if (options.package !== undefined && options.ci !== 'gitlab') throw new UsageError((m) => m.init.onlyWithCi('--package', 'gitlab'));
  const root = initFolder(options, io);
  const configPath = path.join(root, CONFIG_FILE);
  const configKept = existsSync(configPath);
  if (configKept && !options.ci) {
    throw new UsageError(
      (m) => m.init.exists(visible(configPath)),
      (m) => m.init.existsHint,
    );
  }
  // Checked before anything is created, so a refusal leaves nothing half done.
  const workflow = options.ci ? await workflowTarget(root, options.ci, io) : undefined;
  // Where the workflow gets meet: the GitHub action, or the package the GitLab pipeline installs.
  const source = options.ci === 'gitlab' ? packageSource(options.package) : actionReference(options.action);
  if (configKept) {
    const git = await ensureGitRepository(root, io.env);
    // The workflow's comments in the repository's language, as everything meet writes into it.
    const locale = configLocale(readConfigBytes(root).toString('utf8'));
    const written = writeWorkflow(root, workflow!, options.ci!, source.reference, locale);
    return {
      root,
      created: [toPosix(path.relative(root, written))],
      git,
      configKept: true,
      workflow: { provider: options.ci!, path: written },
      files: [written],
      sourcePlaceholder: source.placeholder,
    };
  }
  const organization = (options.organization ?? messages(options.locale).init.defaultOrganization).trim();
  if (organization === '') throw new UsageError((m) => m.init.emptyOrganization);
  // A commune's (ward's) committee gets its own offices, not a district's departments: its notices are signed for them.
  const level = options.locale === 'vi' ? communeLevel(organization) : undefined;
  const template = readFileSync(builtinTemplatePath('config', level ? 'vi-xa.yaml' : `${options.locale}.yaml`), 'utf8');
  const config = template
    .replace('{{organization}}', yamlScalar(organization))
    .replaceAll('{{level}}', level ?? '')
    .replace('{{economy}}', level === 'phường' ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế');
  // The name is the one thing the user put in: a line break or a control character in it is theirs to fix, said before anything is written.
  const invalid = parseConfig(Buffer.from(config, 'utf8'), CONFIG_FILE, options.locale).findings[0];
  if (invalid) throw new UsageError((m) => m.init.badOrganization(visible(invalid.message)));
  // What this run made, removed again if a later step fails (a full disk, say).
  const made: { path: string; folder: boolean }[] = [];
  try {
    return await createRepository(root, configPath, config, options, workflow, source, made, io);
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
  source: { reference: string; placeholder: boolean },
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
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError((m) => m.init.exists(visible(configPath)));
    throw error;
  }
  made.push({ path: configPath, folder: false });
  created.push(CONFIG_FILE);
  const files = [configPath];
  // Sanity: what we wrote must be a valid config.
  const check = readConfig(root);
  if (!check.config) throw new Error(`internal: the built-in ${options.locale} config does not validate: ${check.findings[0]?.message}`);
  const { meetings, reports, templates } = check.config.paths;
  for (const folder of [meetings, reports, templates]) {
    const keep = path.join(root, folder, '.gitkeep');
    // Never through a link: a folder linked elsewhere would get our file outside the repository.
    assertNoLinkBelow(root, keep);
    if (!lstatSync(keep, { throwIfNoEntry: false })) {
      const missing: string[] = [];
      for (let at = path.dirname(keep); !existsSync(at); at = path.dirname(at)) missing.unshift(at);
      for (const folder of missing) makeFolder(folder, made);
      writeFileSync(keep, '', { flag: 'wx' });
      made.push({ path: keep, folder: false });
      created.push(`${folder}/`);
      files.push(keep);
    }
  }
  const gitignore = path.join(root, '.gitignore');
  // A link there (dangling or not) is not written through.
  if (lstatSync(gitignore, { throwIfNoEntry: false })?.isSymbolicLink()) throw new UsageError((m) => m.errors.writeLink(visible('.gitignore')));
  if (!existsSync(gitignore)) {
    try {
      // In the repository's language, as everything meet writes into it. The locks (io/fileLock.ts) too: one a
      // `git add -A` takes in while a write is under way would be committed, and wait for its takeover after.
      writeFileSync(gitignore, `# ${messages(options.locale).init.gitignoreComment}\n.meet-cache/\n.*.meet-lock\n`, { flag: 'wx' });
    } catch (error) {
      // Created but not written (a full disk): ours to remove.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') made.push({ path: gitignore, folder: false });
      throw error;
    }
    made.push({ path: gitignore, folder: false });
    created.push('.gitignore');
    files.push(gitignore);
  }
  const git = await ensureGitRepository(root, io.env);
  if (!workflow) return { root, created, git, files };
  const written = writeWorkflow(root, workflow, options.ci!, source.reference, options.locale);
  created.push(toPosix(path.relative(root, written)));
  files.push(written);
  return { root, created, git, files, workflow: { provider: options.ci!, path: written }, sourcePlaceholder: options.ci !== undefined && source.placeholder };
}

// owner/name[/path]@ref, as GitHub's `uses:` takes it.
const ACTION = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_./-]+)?@[A-Za-z0-9_./-]+$/;

/** The action the GitHub workflow uses: --action, else meet's repository (package.json) at v<version>, else a placeholder. */
function actionReference(given: string | undefined): { reference: string; placeholder: boolean } {
  if (given !== undefined) {
    if (!ACTION.test(given)) throw new UsageError((m) => m.init.badAction(visible(given)));
    return { reference: given, placeholder: false };
  }
  const repository = githubRepository();
  return { reference: `${repository ?? ACTION_PLACEHOLDER}@v${toolVersion()}`, placeholder: repository === undefined };
}

const ACTION_PLACEHOLDER = 'OWNER/meeting-minutes-cli';

// A git address pinned to a commit sha or a version tag (npm builds it: scripts/prepare.mjs), over https or ssh, a
// port allowed; or a package file's https URL. A branch (#main) moves: no pin. Nothing YAML or a shell reads twice.
const PACKAGE =
  /^(?:git\+(?:https:\/\/|ssh:\/\/[A-Za-z0-9_.-]+@)[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9_.~-]+)+#(?:[0-9a-f]{7,40}|v?\d+(?:\.\d+)*[A-Za-z0-9_.-]*)|https:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9_.~%-]+)+\.tgz(?:\?[A-Za-z0-9_.~%=&-]*)?)$/;

/**
 * Where the GitLab pipeline installs meet from: --package, else meet's
 * repository (package.json) at v<version>, else a placeholder the pipeline
 * refuses to run with. Never a bare npm name: meet is not published, and a
 * name nobody here holds may be anyone's.
 */
function packageSource(given: string | undefined): { reference: string; placeholder: boolean } {
  if (given !== undefined) {
    if (!PACKAGE.test(given)) throw new UsageError((m) => m.init.badPackage(visible(given)));
    return { reference: given, placeholder: false };
  }
  const repository = githubRepository();
  return repository === undefined
    ? { reference: PACKAGE_PLACEHOLDER, placeholder: true }
    : { reference: `git+https://github.com/${repository}.git#v${toolVersion()}`, placeholder: false };
}

const PACKAGE_PLACEHOLDER = 'EDIT-ME: git+https://…/meeting-minutes-cli.git#<commit sha>';

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
      (m) => m.init.workflowExists(visible(path.relative(io.cwd, file) || file)),
      (m) => m.init.workflowExistsHint(builtinTemplatePath('ci', `${provider}.yml`)),
    );
  }
  return { top, file };
}

/** Fills the template: the records folder as seen from the top of the repository, and where meet comes from (the action, the package). */
function writeWorkflow(root: string, target: WorkflowTarget, provider: CiProvider, source: string, locale: Locale): string {
  const recordsDir = toPosix(path.relative(realpathSync(target.top), realpathSync(root))) || '.';
  const english = readFileSync(builtinTemplatePath('ci', `${provider}.yml`), 'utf8');
  const template = locale === 'vi' ? translatedComments(english, VI_WORKFLOW_COMMENTS) : english;
  const text = template
    .replaceAll('{{records_dir}}', yamlScalar(recordsDir))
    .replaceAll(provider === 'github' ? '{{action}}' : '{{package}}', source)
    .replace('{{package_unset}}', messages(locale).init.packageUnset);
  try {
    createFileExclusive(target.top, target.file, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError((m) => m.init.exists(visible(target.file)));
    throw error;
  }
  return target.file;
}

/**
 * `template` with each block of comment lines (one indentation) replaced by
 * its translation in `table` (keyed by the block's text as the template
 * writes it); the YAML itself unchanged.
 */
export function translatedComments(template: string, table: Readonly<Record<string, string>>): string {
  const out: string[] = [];
  let block: { indent: string; texts: string[] } | undefined;
  const flush = () => {
    if (!block) return;
    const { indent, texts } = block;
    const translated = table[texts.join('\n')];
    for (const text of translated === undefined ? texts : translated.split('\n')) out.push(text === '' ? `${indent}#` : `${indent}# ${text}`);
    block = undefined;
  };
  for (const line of template.split('\n')) {
    const comment = /^(\s*)#(?: (.*))?$/.exec(line);
    if (!comment) {
      flush();
      out.push(line);
      continue;
    }
    if (block && block.indent !== comment[1]) flush();
    block ??= { indent: comment[1]!, texts: [] };
    block.texts.push(comment[2] ?? '');
  }
  flush();
  return out.join('\n');
}

function renderInit(result: InitResult, options: InitOptions, io: Io): number {
  const where = visible(path.relative(io.cwd, result.root) || '.');
  const shown = (file: string) => visible(toPosix(path.relative(io.cwd, file)) || file);
  // The new repository speaks its own language (--locale, else Vietnamese); an existing one, this run's.
  const m = messages(result.configKept ? (io.locale ?? options.locale) : options.locale);
  const lines = result.configKept
    ? [m.init.kept(shown(path.join(result.root, CONFIG_FILE))), `  ${shown(result.workflow!.path)}`]
    : [m.init.created(where), ...result.created.map((f) => `  ${visible(f)}`)];
  if (result.git === 'created') lines.push(m.init.newGit);
  if (result.git === 'unavailable') lines.push(m.init.noGit);
  if (!result.configKept) lines.push('', m.init.next);
  if (result.workflow?.provider === 'github' && result.sourcePlaceholder) {
    lines.push('', m.init.actionPlaceholder(shown(result.workflow.path), ACTION_PLACEHOLDER));
  }
  if (result.workflow?.provider === 'gitlab') {
    if (result.sourcePlaceholder) lines.push('', m.init.packagePlaceholder(shown(result.workflow.path)));
    lines.push('', m.init.gitlabPipeline);
  }
  const git = gitNext(result, options, io, m);
  if (git) lines.push('', git);
  if (!result.configKept && !options.localeGiven && options.locale === 'vi' && environmentLocale(io.env) === 'en') {
    const again = [
      'meet',
      'init',
      ...(path.relative(io.cwd, result.root) === '' ? [] : [path.relative(io.cwd, result.root)]),
      '--locale',
      'en',
      ...(options.organization ? ['--organization', options.organization] : []),
      ...(options.ci ? ['--ci', options.ci] : []),
      ...(options.action ? ['--action', options.action] : []),
      ...(options.package ? ['--package', options.package] : []),
      ...(options.commit ? ['--commit'] : []),
    ];
    lines.push('', messages('en').init.vietnameseByDefault(visible(again.map(shellWord).join(' '))));
  }
  printMessage(io, lines.join('\n'));
  return 0;
}

/** The commit init makes (or shows), in the repository's language. */
function initMessage(result: InitResult, options: InitOptions): string {
  const locale = result.configKept ? configLocale(readConfigBytes(result.root).toString('utf8')) : options.locale;
  return messages(locale).record.commitInit;
}

/** What init says about git: the commit it made, or the exact command that makes it. */
function gitNext(result: InitResult, options: InitOptions, io: Io, m: Messages): string | undefined {
  if (result.committed) return describeCommit(result.committed, m);
  if (result.git === 'unavailable') return undefined;
  const where = path.relative(io.cwd, result.root) || '.';
  const at = where === '.' ? '' : ` -C ${shellWord(where)}`;
  const files = result.files.map((f) => shellWord(toPosix(path.relative(result.root, f)))).join(' ');
  return m.init.commitHint(visible(at), visible(files), visible(shellWord(initMessage(result, options))));
}

export async function initCommand(options: InitOptions, io: Io): Promise<number> {
  // --commit's conditions are checked before anything is written: refused afterwards, a second run would meet its own config.
  if (options.commit) await checkCommitBeforeWriting(initFolder(options, io), io.env, (m) => m.init.noGitForCommit);
  const result = await runInit(options, io);
  if (options.commit) {
    if (result.git === 'unavailable') throw new UsageError((m) => m.init.noGitForCommit);
    const plan = await prepareCommit(result.root, io.env, { includeConfig: true });
    result.committed = await commitFiles(plan, result.files, initMessage(result, options));
  }
  return renderInit(result, options, io);
}

/**
 * The folder init works in: DIR, else --root, else here; run in a folder
 * of a records repository (meetings/2020), --ci adds the workflow to that
 * repository, and a new repository inside it is refused: its CI would
 * check a second, empty repository, green for ever.
 */
function initFolder(options: InitOptions, io: Io): string {
  const named = options.dir ?? options.root;
  if (named !== undefined) return path.resolve(io.cwd, named);
  const here = path.resolve(io.cwd);
  const above = nearestRoot(here);
  if (above === undefined || above === here) return here;
  if (options.ci) return above;
  throw new UsageError(
    (m) => m.init.insideRepository(visible(path.relative(here, above) || '.')),
    (m) => m.init.insideRepositoryHint,
  );
}

/** "xã" for "UBND xã Nam Sơn" (also phường, thị trấn, đặc khu, written out or not): the level of a commune's committee. */
function communeLevel(organization: string): string | undefined {
  const match = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)\s+(xã|phường|thị trấn|đặc khu)(?=\s|$)/iu.exec(organization.normalize('NFC'));
  return match?.[1]!.toLowerCase();
}
