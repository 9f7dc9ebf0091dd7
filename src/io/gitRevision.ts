// The records as they were at a git revision: `git ls-tree` lists the files,
// `git show` reads their blobs, parse.ts parses them (pure). Revisions reach
// this module already checked by checkRange (io/git.ts); the one path given
// to git (the records folder) follows "--", and the folders named by a
// revision's config only filter git's listing, never reach git.
import type { SimpleGit } from 'simple-git';
import type { RecordsSnapshot, UnreadableFile } from '../domain/revisionDiff.js';
import type { Config } from '../model/schema.js';
import { UsageError, type Said } from '../model/errors.js';
import { messages, type Messages } from '../model/messages/index.js';
import { configLocale, type Locale } from '../model/terms.js';
import { CONFIG_FILE } from '../model/layout.js';
import { MAX_RECORD_BYTES, parseConfig, parseRecord, type RecordParse } from '../records/parse.js';
import { visible } from '../model/text.js';

const SHALLOW_HINT: Said = (m) => m.git.shallowHint;

async function isShallow(git: SimpleGit): Promise<boolean> {
  return (await git.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

/** The commit a checked revision names; exit 2 with a hint when it is not in this clone. */
async function resolveCommit(git: SimpleGit, revision: string): Promise<string> {
  // --quiet: an unknown name gives empty output, not an error.
  const commit = (await git.raw(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).catch(() => '')).trim();
  if (commit) return commit;
  throw new UsageError((m) => m.git.notACommit(revision), (await isShallow(git)) ? SHALLOW_HINT : (m) => m.git.notACommitHint);
}

/** The two commits to compare: A and B for `A..B`, the merge base of A and B and B for `A...B`. */
export async function resolveRange(git: SimpleGit, range: { from: string; to: string; mergeBase: boolean }): Promise<{ fromCommit: string; toCommit: string }> {
  const from = await resolveCommit(git, range.from);
  const toCommit = await resolveCommit(git, range.to);
  if (!range.mergeBase) return { fromCommit: from, toCommit };
  // No output (exit 1) when there is no common ancestor, or it lies beyond a shallow clone's history.
  const base = (await git.raw(['merge-base', from, toCommit]).catch(() => '')).trim().split('\n')[0] ?? '';
  if (base) return { fromCommit: base, toCommit };
  if (await isShallow(git)) throw new UsageError((m) => m.git.baseShallow(range.from, range.to), SHALLOW_HINT);
  throw new UsageError(
    (m) => m.git.noCommonAncestor(range.from, range.to),
    (m) => m.git.noCommonAncestorHint(range.from, range.to),
  );
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  /** Bytes; undefined for anything but a blob. */
  size?: number;
  /** From the top of the git repository, with `/`. */
  path: string;
}

// `git ls-tree -l -z`: "<mode> <type> <object> <size, padded>\t<path>\0" per entry.
const TREE_LINE = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s;

async function listTree(git: SimpleGit, commit: string, prefix: string): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-r', '-l', '-z', '--full-tree', commit];
  if (prefix) args.push('--', prefix.replace(/\/$/, ''));
  const output = await runGit(() => git.raw(args));
  return output
    .split('\0')
    .filter((line) => line !== '')
    .flatMap((line) => {
      const m = TREE_LINE.exec(line);
      if (!m) return [];
      return [{ mode: m[1]!, type: m[2]!, object: m[3]!, ...(m[4] === '-' ? {} : { size: Number(m[4]) }), path: m[5]! }];
    });
}

/** Blobs by object id; `git show` of several blobs prints them back to back, so sizes split them. */
async function readBlobs(git: SimpleGit, entries: readonly TreeEntry[]): Promise<Map<string, Buffer>> {
  const unique = [...new Map(entries.map((e) => [e.object, e])).values()];
  const blobs = new Map<string, Buffer>();
  const CHUNK = 200;
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const output = await runGit(() => git.showBuffer(chunk.map((e) => e.object)));
    let offset = 0;
    for (const entry of chunk) {
      blobs.set(entry.object, output.subarray(offset, offset + entry.size!));
      offset += entry.size!;
    }
    if (offset !== output.length) throw new UsageError((m) => m.git.blobSizes(output.length, offset));
  }
  return blobs;
}

async function runGit<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    throw new UsageError((m) => m.git.failed(visible(String((error as Error).message ?? error).trim())));
  }
}

function unreadableOf(parsed: { findings: RecordParse['findings'] }, file: string, m: Messages): UnreadableFile {
  const first = parsed.findings.find((f) => f.severity === 'error');
  const more = parsed.findings.filter((f) => f.severity === 'error').length - 1;
  return {
    file,
    line: first?.line ?? 1,
    column: first?.column ?? 1,
    message: `${first?.message ?? m.files.cannotRead('?')}${more > 0 ? m.git.moreErrors(more) : ''}`,
  };
}

/** Why an entry is not read as a file at all, or undefined when it can be. */
function refusal(entry: TreeEntry, m: Messages = messages('en')): string | undefined {
  if (entry.mode === '120000') return m.git.atRevisionLink;
  if (entry.type !== 'blob' || entry.size === undefined) return m.git.atRevisionNotFile;
  if (entry.size > MAX_RECORD_BYTES) return m.files.tooLarge(Math.round(entry.size / 1024), MAX_RECORD_BYTES / 1024 / 1024);
  return undefined;
}

/** Record files under `meetings` (root-relative, with `/`), as the loader picks them on disk. */
function isRecordPath(file: string, meetings: string): boolean {
  if (!file.startsWith(`${meetings}/`) || !file.endsWith('.md')) return false;
  const below = file.slice(meetings.length + 1).split('/');
  // Hidden files and folders are not records, nor is a README.
  return !below.some((part) => part.startsWith('.')) && below[below.length - 1]!.toLowerCase() !== 'readme.md';
}

function meetingsFolder(config: Config | undefined): string {
  return config?.paths.meetings ?? 'meetings';
}

/**
 * The records at each commit. `prefix` is the records repository's folder
 * inside the git repository ('' at its top, else ending in "/"); `git` must
 * run at the top. A side without a readable config uses the other side's
 * meetings folder (or the default).
 */
export async function readRevisions(git: SimpleGit, prefix: string, commits: readonly string[], locale?: Locale): Promise<RecordsSnapshot[]> {
  const trees = await Promise.all(commits.map((commit) => listTree(git, commit, prefix)));
  const relative = (entry: TreeEntry) => entry.path.slice(prefix.length);

  const configEntries = trees.map((tree) => tree.find((e) => relative(e) === CONFIG_FILE));
  const configBlobs = await readBlobs(
    git,
    configEntries.filter((e): e is TreeEntry => e !== undefined && refusal(e) === undefined),
  );
  // Before a config is read, the run's language or English; then the revision's.
  const early = messages(locale ?? 'en');
  const configs = configEntries.map((entry): { config?: Config; unreadable?: UnreadableFile } => {
    if (!entry) return {};
    const refused = refusal(entry, early);
    if (refused) return { unreadable: { file: CONFIG_FILE, line: 1, column: 1, message: refused } };
    const bytes = configBlobs.get(entry.object)!;
    const parsed = parseConfig(bytes, CONFIG_FILE, locale ?? configLocale(bytes.toString('utf8')));
    return parsed.config ? { config: parsed.config } : { unreadable: unreadableOf(parsed, CONFIG_FILE, early) };
  });
  const fallback = configs.find((c) => c.config)?.config;
  const language = locale ?? configs.at(-1)?.config?.locale ?? fallback?.locale ?? 'vi';
  const m = messages(language);

  const recordEntries = trees.map((tree, i) => {
    const meetings = meetingsFolder(configs[i]!.config ?? fallback);
    return tree.filter((e) => isRecordPath(relative(e), meetings));
  });
  const blobs = await readBlobs(
    git,
    recordEntries.flat().filter((e) => refusal(e) === undefined),
  );
  // The same blob at the same path is parsed once for both sides.
  const parses = new Map<string, RecordParse>();
  return recordEntries.map((entries, i) => {
    const snapshot: RecordsSnapshot = { ...(configs[i]!.config ? { config: configs[i]!.config } : {}), records: [], unreadable: [] };
    if (configs[i]!.unreadable) snapshot.unreadable.push(configs[i]!.unreadable!);
    for (const entry of entries) {
      const file = relative(entry);
      const refused = refusal(entry, m);
      if (refused) {
        snapshot.unreadable.push({ file, line: 1, column: 1, message: refused });
        continue;
      }
      // By the language the records are written in too: "1,500" and 07/05/2021 read otherwise in each.
      const writtenIn = (configs[i]!.config ?? fallback)?.locale;
      const key = `${entry.object}\0${file}\0${writtenIn}`;
      let parsed = parses.get(key);
      if (!parsed) {
        parsed = parseRecord(blobs.get(entry.object)!, file, language, writtenIn);
        parses.set(key, parsed);
      }
      if (parsed.record) snapshot.records.push(parsed.record);
      else snapshot.unreadable.push(unreadableOf(parsed, file, m));
    }
    return snapshot;
  });
}
