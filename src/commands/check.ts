// meet check [PATHS...] [--since REF]: validates the config and every record;
// with PATHS or --since reports only on those files (or those changed since
// REF's merge base), still checked against the whole repository.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findingsCausedByChange } from '../domain/changeAttribution.js';
import { messages, type Messages } from '../model/messages/index.js';
import { configLocale, type Locale } from '../model/terms.js';
import { ConfigInvalid, EXIT_OK, EXIT_RECORDS, EXIT_USAGE, UsageError } from '../model/errors.js';
import { compareFindings, countBySeverity, type Finding } from '../model/ruleCatalogue.js';
import type { Changes } from '../io/gitChanges.js';
import { CheckCache, type CachedRecord } from '../io/checkCache.js';
// Only the file side is loaded up front: when the cache answers, the YAML
// reader, the schemas and git are never loaded (see BENCHMARKS.md).
import { contentHash, hashRecordFile, isMarkdownName, isRecordFile, listRecordFiles, readConfigBytes, type RecordFile } from '../io/recordFiles.js';
import { findRoot, toPosix } from '../io/paths.js';
import { CONFIG_FILE } from '../model/layout.js';
import type { ReadOptions } from '../io/recordOutcome.js';
import type { Repository } from '../io/repository.js';
import type { FactsRecord } from '../model/record.js';
import { colorsFor } from '../io/colors.js';
import { printData, readingFor, type Env, type Io } from '../io/terminal.js';
import { toolVersion } from '../io/packageRoot.js';
import { displayPath, renderFindingsGithub, renderFindingsJson, renderFindingsPretty, type FindingFormat } from '../render/findings.js';
import { renderFindingsSarif } from '../render/sarif.js';
import { visible } from '../model/text.js';
import { readRegularFile } from '../io/regularFile.js';

type CheckFormat = FindingFormat | 'sarif';

export interface CheckOptions {
  paths: string[];
  format: CheckFormat;
  /** Report only on the records changed since this revision's merge base with HEAD. */
  since?: string;
  root?: string;
  /** Use and refresh .meet-cache/ (default true; --no-cache turns it off). */
  cache?: boolean;
}

interface CheckResult {
  root: string;
  findings: Finding[];
  recordsChecked: number;
  /** With --since: the revision as given, the merge base it led to, and how many records in scope were deleted. */
  since?: { ref: string; base: string; deleted: number };
  /**
   * The root relative to the git top folder, with a final "/" ("" at the top):
   * where CI formats' paths start. Undefined outside git (and for pretty).
   */
  gitPrefix: string | undefined;
}

async function runCheck(options: CheckOptions, io: Io): Promise<CheckResult> {
  const root = findRoot(io.cwd, options.root);
  const selected = options.paths.map((p) => selection(root, io.cwd, p));
  const changes = options.since === undefined ? undefined : await (await import('../io/gitChanges.js')).readChangesSince(root, options.since, io.env);
  const gitPrefix = changes ? changes.prefix : options.format === 'pretty' ? undefined : await readGitPrefix(root, io.env);
  const since = changes && { ref: changes.since, base: changes.base, deleted: 0 };

  let whole: CheckedRepository;
  try {
    whole = await checkRepositoryCached(root, options, changes === undefined, io);
  } catch (error) {
    if (!(error instanceof ConfigInvalid)) throw error;
    // Nothing else can be read: the config's errors are reported whatever the scope.
    return { root, findings: [...error.findings].sort(compareFindings), recordsChecked: 0, since, gitPrefix };
  }
  const { repository } = whole;
  // `paths.meetings: bien-ban` misspelt, or the folder gone: "0 records checked, no problems" would keep CI green
  // forever. (The config's own findings, when it has any, are said instead.)
  if (whole.findings.length === 0 && !existsSync(path.join(root, whole.meetings))) {
    throw new UsageError(
      (m) => m.check.noMeetingsFolder(visible(whole.meetings)),
      (m) => m.check.noMeetingsFolderHint,
    );
  }
  refuseUnrelated(selected, options.paths, whole.meetings);

  const inPaths = (file: string) => selected.length === 0 || isSelected(file, selected);
  let inChange = (_file: string) => true;
  let findings = whole.findings;
  const caused = new Set<Finding>();
  if (changes && repository) {
    const changed = new Set(changes.files.filter((f) => f.status !== 'deleted').map((f) => f.file));
    const configChanged = changes.files.some((f) => f.file === CONFIG_FILE);
    if (!configChanged) {
      inChange = (file) => changed.has(file);
      const vanished = await readVanishedTasks(changes, repository, messages(io.locale ?? repository.config.locale));
      findings = findingsCausedByChange([...repository.records, ...(repository.partial ?? [])], repository.findings, changed, vanished, caused);
    }
    const locale = io.locale ?? repository.config.locale;
    const approved = await readApprovedChanges(root, changes, repository.config.paths.meetings, locale);
    // Of the change, though a deleted record's file is no longer there to be in it.
    for (const f of approved) caused.add(f);
    findings = [...findings, ...approved];
  }
  // A text file not read (file-not-read) is no record checked.
  const isRecord = (f: Finding) => f.rule !== 'file-not-read';
  const files = new Set([...whole.recordFiles, ...findings.filter(isRecord).map((f) => f.file)]);
  files.delete(CONFIG_FILE);
  // The config is always in scope with PATHS (every record depends on it); with --since, only when it changed.
  const kept = findings.filter((f) => (f.file === CONFIG_FILE ? inChange(f.file) : inPaths(f.file) && (inChange(f.file) || caused.has(f))));
  if (changes && since) {
    const meetings = whole.meetings;
    since.deleted = changes.files.filter((f) => f.status === 'deleted' && f.file.endsWith('.md') && isSelected(f.file, [meetings]) && inPaths(f.file)).length;
  }
  const checked = new Set([...files].filter((f) => inPaths(f) && inChange(f)));
  for (const f of kept) if (f.file !== CONFIG_FILE && isRecord(f)) checked.add(f.file);
  return { root, findings: [...kept].sort(compareFindings), recordsChecked: checked.size, since, gitPrefix };
}

const NO_FINDINGS: CachedRecord['findings'] = [];

interface CheckedRepository {
  meetings: string;
  /** Every finding: config, each file, and the cross-record rules. */
  findings: Finding[];
  /** The record files that parsed. */
  recordFiles: string[];
  /** Absent when the findings came from the cache. */
  repository?: Repository<FactsRecord>;
}

/**
 * Checks the whole repository, through .meet-cache/ unless options.cache is
 * false: unchanged input (this build of meet, the config, every record file's
 * content) gives the cached findings; otherwise only records not seen before
 * are parsed. `reuseResult` is false when the caller needs the records
 * themselves (--since).
 */
async function checkRepositoryCached(root: string, options: CheckOptions, reuseResult: boolean, io: Io): Promise<CheckedRepository> {
  const read: ReadOptions & { detail: 'facts' } = { detail: 'facts', ...readingFor(io) };
  const cache = options.cache === false ? undefined : CheckCache.open(root, io.env);
  if (!cache) return checkedFrom(await (await import('../io/repository.js')).loadRepository(root, read));

  // Findings are cached as written, in one language: the key says which.
  const configBytes = readConfigBytes(root);
  const locale = read.locale ?? configLocale(configBytes.toString('utf8'));
  const configContentHash = contentHash(configBytes);
  const configHash = `${configContentHash}:${locale}`;
  const previous = reuseResult ? cache.readResult() : undefined;
  let meetings = previous?.configHash === configHash ? previous.meetings : undefined;
  if (meetings === undefined) {
    const { readConfig } = await import('../io/repository.js');
    const config = readConfig(root, read.locale);
    if (!config.config) throw new ConfigInvalid(config.findings);
    meetings = config.config.paths.meetings;
  }
  const hashes = new Map<string, string>();
  const files = listRecordFiles(root, meetings, locale);
  const key = hashRecordFiles(cache, configHash, files, hashes, read.progress, locale);
  if (previous?.key === key) return { meetings, findings: previous.findings, recordFiles: previous.records };

  // Record outcomes checked against this same config are reused; the rest are read.
  const { loadRepository } = await import('../io/repository.js');
  const { collectGarbage, FILES_BETWEEN_COLLECTIONS } = await import('../io/parserThreads.js');
  const large = hashes.size >= FILES_BETWEEN_COLLECTIONS;
  if (large) collectGarbage();
  const cached = cache.readRecords(configHash);
  if (large) collectGarbage();
  const records = new Map<string, CachedRecord>();
  // Each file by the hash of the very bytes its outcome came from (onFile
  // sees them in path order): a file changed between hashing and parsing is
  // keyed by what was parsed.
  const checkedKey = cache.inputKey(configHash);
  const repository = await loadRepository(root, {
    ...read,
    files,
    known: (entry) => {
      const contentKey = hashes.get(entry.file);
      const hit = contentKey === undefined ? undefined : cached.get(contentKey);
      if (!hit) return undefined;
      const findings = hit.findings.length === 0 ? [] : hit.findings.map((f) => ({ file: entry.file, ...f }));
      return { findings, record: { data: hit.data, facts: hit.facts, bodyLine: hit.bodyLine }, hash: contentKey };
    },
    onFile: (entry, outcome) => {
      checkedKey.add(entry.file, outcome.hash ?? unreadKey(outcome.findings));
      const kept = outcome.record;
      if (!kept || !('facts' in kept) || outcome.hash === undefined) return;
      const findings = outcome.findings.length === 0 ? NO_FINDINGS : outcome.findings.map(({ file: _file, ...f }) => f);
      records.set(outcome.hash, cached.get(outcome.hash) ?? { findings, data: kept.data, facts: kept.facts, bodyLine: kept.bodyLine });
    },
  });
  const checked = checkedFrom(repository);
  if (large) collectGarbage();
  // Stored only under the key of what was checked; a config changed meanwhile
  // (its outcomes above were looked up for the one read first) stores nothing.
  if (repository.configHash === configContentHash) {
    cache.write({ key: checkedKey.done(), configHash, meetings, findings: checked.findings, records: checked.recordFiles }, records);
  }
  return checked;
}

/** The cache key of this check's input; fills `hashes` (file → content hash) for the files that could be read. */
function hashRecordFiles(
  cache: CheckCache,
  configHash: string,
  files: RecordFile[],
  hashes: Map<string, string>,
  progress: ReadOptions['progress'],
  locale: Locale,
): string {
  const key = cache.inputKey(configHash);
  files.forEach((entry, i) => {
    const hashed = hashRecordFile(entry, locale);
    // Files that are not read are keyed by what was found about them.
    const contentKey = Array.isArray(hashed) ? unreadKey(hashed) : hashed;
    if (!Array.isArray(hashed)) hashes.set(entry.file, contentKey);
    key.add(entry.file, contentKey);
    progress?.(i + 1, files.length);
  });
  return key.done();
}

/** A file that is not read is keyed by what was found about it. */
function unreadKey(findings: readonly Finding[]): string {
  return `!${contentHash(Buffer.from(JSON.stringify(findings)))}`;
}

function checkedFrom(repository: Repository<FactsRecord>): CheckedRepository {
  return { meetings: repository.config.paths.meetings, findings: repository.findings, recordFiles: repository.records.map((r) => r.file), repository };
}

/**
 * Tasks that records assigned at the merge base but no longer do, because
 * their record was deleted or the task taken out of it: task id → why.
 */
async function readVanishedTasks(changes: Changes, repository: Repository<FactsRecord>, m: Messages): Promise<Map<string, string>> {
  const meetings = repository.config.paths.meetings;
  const candidates = changes.files.filter((f) => f.status !== 'added' && f.file.endsWith('.md') && isSelected(f.file, [meetings]));
  const vanished = new Map<string, string>();
  const before = await Promise.all(candidates.map((f) => changes.readAtBase(f.file)));
  const { parseRecord } = await import('../records/parse.js');
  candidates.forEach((candidate, i) => {
    const bytes = before[i];
    if (!bytes) return;
    const parsed = parseRecord(bytes, candidate.file);
    const record = parsed.record ?? parsed.partial;
    for (const task of record?.data.tasks ?? []) {
      if (typeof task?.id !== 'string' || vanished.has(task.id)) continue;
      vanished.set(
        task.id,
        candidate.status === 'deleted'
          ? m.rules.vanishedDeleted(task.id, candidate.file, changes.since)
          : m.rules.vanishedTaken(task.id, candidate.file, changes.since),
      );
    }
  });
  return vanished;
}

/**
 * "Approved minutes" (docs/format.md): the findings on each changed or
 * deleted file that held approved minutes at the merge base. Any Markdown
 * file under the root may have: the records folder is the config's to say,
 * and a change (or a run of them) may move it away from minutes it means to
 * rewrite. Moved where the loader does not read it (another folder, a README,
 * a hidden or non-`.md` name), a record is deleted.
 */
async function readApprovedChanges(root: string, changes: Changes, meetings: string, locale: Locale): Promise<Finding[]> {
  // A record renamed (its date changed with its file name) is checked against what it was under its old name.
  const renamedTo = (file: string) => changes.renamedFrom.has(file) && isRecordFile(file, meetings);
  const candidates = changes.files.filter((f) => (f.status === 'modified' && isMarkdownName(f.file)) || renamedTo(f.file));
  const movedAway = new Set(changes.files.filter((f) => renamedTo(f.file)).map((f) => changes.renamedFrom.get(f.file)!));
  const deleted = changes.files.filter((f) => f.status === 'deleted' && !movedAway.has(f.file) && isMarkdownName(f.file));
  if (candidates.length === 0 && deleted.length === 0) return [];
  const { parseRecord, decodeText } = await import('../records/parse.js');
  const { approvedChangeFindings, approvedDeletionFinding } = await import('../domain/approvedChanges.js');
  const findings: Finding[] = [];
  for (const { file } of deleted) {
    const bytes = await changes.readAtBase(file);
    const before = bytes && parseRecord(bytes, file).record;
    const finding = before && approvedDeletionFinding(before.data, file, changes.since, locale);
    if (finding) findings.push(finding);
  }
  for (const candidate of candidates) {
    const was = changes.renamedFrom.get(candidate.file) ?? candidate.file;
    const bytes = await changes.readAtBase(was);
    const before = bytes && parseRecord(bytes, was).record;
    if (before?.data.approval?.status !== 'approved') continue;
    let now: Buffer;
    try {
      // Not through a link (a record replaced by one to /dev/zero): the full check reports it.
      now = readRegularFile(path.join(root, candidate.file));
    } catch {
      continue;
    }
    const after = parseRecord(now, candidate.file).record;
    const [beforeText, afterText] = [decodeText(bytes!), decodeText(now)];
    // A record that no longer reads has its own findings; the rule needs both versions whole.
    if (!after || !('text' in beforeText) || !('text' in afterText)) continue;
    findings.push(...approvedChangeFindings({ data: before.data, text: beforeText.text }, { ...after, text: afterText.text }, locale));
  }
  return findings;
}

/** Where CI formats' paths start; undefined when git is missing or the root is not in a repository. */
async function readGitPrefix(root: string, env: Env): Promise<string | undefined> {
  try {
    const { mayBeInRepository, openGit } = await import('../io/git.js');
    if (!mayBeInRepository(root, env)) return undefined;
    return (await openGit(root, env).raw(['rev-parse', '--show-prefix'])).replace(/\n$/, '');
  } catch {
    return undefined;
  }
}

/** A path that cannot hold records would silently check nothing: refuse it. */
function refuseUnrelated(selected: readonly string[], given: readonly string[], meetings: string): void {
  selected.forEach((s, i) => {
    const related = s === '' || s === CONFIG_FILE || isSelected(s, [meetings]) || isSelected(meetings, [s]);
    if (!related) throw new UsageError((m) => m.check.notARecord(visible(given[i]!), visible(meetings)));
  });
}

/** A path given on the command line, as a root-relative prefix. */
function selection(root: string, cwd: string, given: string): string {
  const absolute = path.resolve(cwd, given);
  if (!existsSync(absolute)) throw new UsageError((m) => m.check.noSuchPath(visible(given)));
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError((m) => m.check.outsideRepository(visible(given), visible(root)));
  }
  return toPosix(relative);
}

function isSelected(file: string, selected: readonly string[]): boolean {
  return selected.some((s) => s === '' || s === '.' || file === s || file.startsWith(`${s}/`));
}

function renderCheck(result: CheckResult, options: CheckOptions, io: Io): number {
  const show = (file: string) => displayPath(result.root, io.cwd, file);
  // CI tools resolve paths from the top of the git repository (GitHub
  // annotations, code scanning), whatever folder meet ran in.
  const { gitPrefix } = result;
  const fromTop = gitPrefix === undefined ? show : (file: string) => `${gitPrefix}${file}`;
  // For JSON and SARIF outside git, as the records repository names the file (as meet's other JSON outputs do), wherever meet ran.
  const fromTopOrRoot = (file: string) => `${gitPrefix ?? ''}${file}`;
  switch (options.format) {
    case 'json':
      printData(io, renderFindingsJson(result.findings, fromTopOrRoot));
      break;
    case 'github':
      printData(io, renderFindingsGithub(result.findings, fromTop));
      break;
    case 'sarif':
      printData(io, renderFindingsSarif(result.findings, fromTopOrRoot, toolVersion(), messages(io.locale ?? 'en')));
      break;
    default: {
      const c = colorsFor(io.stdout, io);
      const { since } = result;
      const m = messages(io.locale ?? 'en');
      if (since && result.recordsChecked === 0 && result.findings.length === 0) {
        printData(io, `${c.green(m.check.noChanges(visible(since.ref), since.deleted))}\n`);
      } else {
        printData(io, renderFindingsPretty(result.findings, show, c, result.recordsChecked, m));
      }
    }
  }
  // A record file the system cannot read is an environment error (FORMAT.md: exit 2), after every finding is listed.
  if (result.findings.some((f) => f.rule === 'file-unreadable')) return EXIT_USAGE;
  return countBySeverity(result.findings).errors > 0 ? EXIT_RECORDS : EXIT_OK;
}

export async function checkCommand(options: CheckOptions, io: Io): Promise<number> {
  return renderCheck(await runCheck(options, io), options, io);
}
