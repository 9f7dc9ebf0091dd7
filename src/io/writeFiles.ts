// Writes that lose nothing: a temp file in the same folder, flushed, then
// linked (new files: fails if the name exists) or renamed (replacements) into
// place, so a crash leaves the old file or the new one, never half of one.
// A filesystem without hard links (FAT, exFAT) gets new files written in
// place instead, exclusively, and removed again if the write fails.
import {
  closeSync,
  fchmodSync,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:os';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { CONFIG_FILE } from '../model/layout.js';
import { isInside, isInsideRealRoot, toPosix } from './paths.js';
import { contentHash } from './recordFiles.js';
import { utf8Chunks, WriteBehind } from './writeBehind.js';
import { visible, type OutputChunk } from '../model/text.js';
import type { Io } from './terminal.js';

/** A name for a temporary file next to `target`, unique to this run. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

// What a full disk, a quota, a read-only file system or missing permissions
// say: the environment's trouble (exit 2), not a bug in meet (exit 70).
// What each means is in the catalogue (errors.notWritableWhy).
const NOT_WRITABLE = ['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'ENOENT', 'ENOTDIR'] as const;
const isNotWritable = (code: string | undefined): code is (typeof NOT_WRITABLE)[number] => (NOT_WRITABLE as readonly (string | undefined)[]).includes(code);

/**
 * `error` as the user should see it when it says the disk is full or the
 * place is not writable: "disk full, cannot write: <path>", or what else it met (exit 2).
 * Any other error is returned as it is.
 */
export function notWritable(error: unknown, shown: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // `reports/2021-03.md/` committed as a folder: the rename onto it fails so.
  if (code === 'EISDIR' || code === 'ENOTEMPTY') return new UsageError((m) => m.errors.isFolder(visible(shown)));
  if (!isNotWritable(code)) return error;
  // A file where a folder is needed: named, not told as a full disk.
  const failed = (error as NodeJS.ErrnoException).path;
  const blocking = code === 'ENOTDIR' ? fileOnTheWay(failed) : undefined;
  if (blocking !== undefined && failed !== undefined) {
    // Named as `shown` names it ("reports" of "reports/2020-10.md", whatever temporary name failed), else in full.
    const depth = toPosix(path.relative(blocking, path.resolve(failed))).split('/').length;
    const parts = shown.split('/');
    const at = parts.length - 1 - depth;
    const named = at >= 0 && parts[at] === path.basename(blocking) ? parts.slice(0, at + 1).join('/') : blocking;
    return new UsageError(
      (m) => m.errors.inTheWay(visible(shown), visible(named)),
      (m) => m.errors.inTheWayHint,
    );
  }
  return new UsageError(
    (m) => m.errors.notWritable(visible(shown), code),
    (m) => `${m.errors.notWritableWhy[code]} ${m.errors.nothingWritten}`,
  );
}

/** The first existing part of `file`'s path that is not a folder (what an ENOTDIR met), or undefined. */
function fileOnTheWay(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  for (let at = path.resolve(file); path.dirname(at) !== at; at = path.dirname(at)) {
    let stat;
    try {
      stat = lstatSync(at);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) return at;
  }
  return undefined;
}

/**
 * What a file is written from: text, bytes, or text in pieces (a large
 * output rendered piece by piece), written as they come: the file is still
 * replaced atomically, only the temporary file grows in steps.
 */
type Content = string | Uint8Array | Iterable<OutputChunk>;

/**
 * `keepMode`: the mode of the file being replaced, kept exactly (umask aside).
 * Nothing is left when it fails. The temporary file's name, and with `hash`
 * the sha256 of what was written (base64url, as contentHash).
 */
function writeTemp(target: string, content: Content, keepMode?: number, sync = true, hash = false): { temp: string; hash?: string } {
  const temp = tempPathFor(target);
  const fd = openSync(temp, 'wx', 0o644);
  let open = true;
  let written: string | undefined;
  try {
    if (keepMode !== undefined) fchmodSync(fd, keepMode);
    written = writeAll(fd, content, { sync, hash });
    // Inside the try: on a network share the data may only fail at close.
    open = false;
    closeSync(fd);
  } catch (error) {
    if (open) {
      try {
        closeSync(fd);
      } catch {
        // The write's own error is the one to report.
      }
    }
    rmSync(temp, { force: true });
    throw error;
  }
  return { temp, hash: written };
}

/**
 * Writes `content` at `fd`'s position (flushed to the disk with `sync`):
 * text in pieces by a thread of its own once it is large (WriteBehind).
 * The sha256 of the bytes with `hash`.
 */
function writeAll(fd: number, content: Content, options: { sync?: boolean; hash?: boolean } = {}): string | undefined {
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
    const writer = new WriteBehind(fd, options);
    const encode = utf8Chunks();
    try {
      for (const chunk of content) for (const bytes of encode(chunk)) writer.write(bytes);
      return writer.end();
    } finally {
      // The file is closed after this: nothing may still be writing to it (a piece failed, or the renderer threw).
      writer.stop();
    }
  }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  if (options.sync) fsyncSync(fd);
  return options.hash ? contentHash(bytes) : undefined;
}

/**
 * Refuses a folder outside `root`, also once symbolic links are resolved.
 * Checked on the nearest existing ancestor, so nothing is created outside.
 */
export function assertInsideRoot(root: string, folder: string, shown: string = folder): void {
  if (!isInside(path.resolve(root), path.resolve(folder))) {
    throw new UsageError((m) => m.errors.writeOutside(visible(shown), visible(root)));
  }
  let existing = path.resolve(folder);
  while (!existsSync(existing)) existing = path.dirname(existing);
  if (!isInsideRealRoot(root, existing)) {
    throw new UsageError((m) => m.errors.writeThroughLink(visible(shown), visible(root)));
  }
}

/**
 * Refuses a folder reached through a symbolic link below `root`: records
 * are read only from real folders (links are not followed when listing
 * them), so a record written through one would never be read again.
 */
export function assertNoLinkBelow(root: string, folder: string): void {
  const parts = path.relative(path.resolve(root), path.resolve(folder)).split(path.sep).filter(Boolean);
  let at = path.resolve(root);
  for (const part of parts) {
    at = path.join(at, part);
    const stat = lstatSync(at, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isSymbolicLink()) {
      throw new UsageError((m) => m.errors.writeFolderLink(visible(path.relative(root, folder) || folder), visible(path.relative(root, at))));
    }
  }
}

/**
 * Creates the folder for `target` (inside `root` even after resolving links,
 * reached through no link) and returns the first folder it had to create:
 * what `removeCreated` takes away again when the write fails.
 */
function prepareFolder(root: string, target: string): string | undefined {
  const folder = path.dirname(target);
  assertInsideRoot(root, folder);
  assertNoLinkBelow(root, folder);
  const missing: string[] = [];
  for (let at = path.resolve(folder); !existsSync(at) && path.dirname(at) !== at; at = path.dirname(at)) missing.unshift(at);
  try {
    // One level at a time: a recursive mkdir reports a read-only file system as ENOENT.
    for (const at of missing) {
      try {
        mkdirSync(at);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } catch (error) {
    removeCreated(missing[0], folder);
    throw error;
  }
  const first = missing[0];
  // Checked again: a link could have appeared between the check and mkdir.
  assertInsideRoot(root, folder);
  assertNoLinkBelow(root, folder);
  return first;
}

/** Removes the empty folders from `folder` up to `first` (made by prepareFolder); one in use by now stays. */
function removeCreated(first: string | undefined, folder: string): void {
  if (first === undefined) return;
  for (let at = path.resolve(folder); ; at = path.dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      return;
    }
    if (at === first || path.dirname(at) === at) return;
  }
}

/**
 * Runs `write` (which writes `target`) once its folder exists. Folders are
 * created only for the write: when it fails, those made for it are removed
 * again (only while empty: another meet may be writing there too), and a
 * full disk or an unwritable place says so (exit 2). A folder another meet
 * removed meanwhile, empty, is made again.
 */
function writeInFolder(root: string, target: string, write: () => void, retries = 3): void {
  for (let attempt = 0; ; attempt++) {
    let first: string | undefined;
    try {
      first = prepareFolder(root, target);
      write();
      return;
    } catch (error) {
      removeCreated(first, path.dirname(target));
      const vanished = (error as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(path.dirname(target));
      if (vanished && attempt < retries) continue;
      throw notWritable(error, path.relative(root, target) || target);
    }
  }
}

/** Creates `target`; fails with EEXIST, leaving the existing file untouched, when it exists. */
export function createFileExclusive(root: string, target: string, content: string): void {
  writeInFolder(root, target, () => {
    const { temp } = writeTemp(target, content);
    try {
      linkSync(temp, target);
    } catch (error) {
      if (!meansNoHardLinks(error)) {
        unlinkSync(temp);
        throw error;
      }
      createInPlace(temp, target, content);
      return;
    }
    unlinkSync(temp);
  });
}

/**
 * The errors link() gives where the filesystem has no hard links:
 * - Linux: EPERM (vfat, exfat), ENOTSUP, the same number as EOPNOTSUPP
 *   (some network and FUSE filesystems), ENOSYS (FUSE without link);
 * - macOS and the BSDs: EOPNOTSUPP (msdosfs) or ENOTSUP; libuv has no name
 *   for EOPNOTSUPP there, so Node says "UNKNOWN" and only errno tells;
 * - Windows: FAT's ERROR_INVALID_FUNCTION, which libuv turns into EISDIR,
 *   and a share's ERROR_NOT_SUPPORTED, ENOTSUP.
 * Anything else, EEXIST first of all, is a real answer and is passed on.
 */
function meansNoHardLinks(error: unknown): boolean {
  const { code, errno } = error as NodeJS.ErrnoException;
  if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return true;
  if (code === 'EISDIR') return process.platform === 'win32';
  return errno !== undefined && errno === -constants.errno.EOPNOTSUPP;
}

/**
 * createFileExclusive's way where hard links fail: `target` is created
 * exclusively (EEXIST, the existing file untouched, when it is there) and
 * written in place. That is not atomic, so a write that fails removes what
 * it wrote: no half record stays. `temp`, already written, is always removed.
 */
export function createInPlace(temp: string, target: string, content: string): void {
  try {
    const fd = openSync(target, 'wx', 0o644);
    let closing = false;
    try {
      writeAll(fd, content, { sync: true });
      // Inside the try: on a network share the data may only fail at close.
      closing = true;
      closeSync(fd);
    } catch (error) {
      if (!closing) {
        try {
          closeSync(fd);
        } catch {
          // The write's own error is the one to report.
        }
      }
      rmSync(target, { force: true });
      throw error;
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Replaces `target` atomically; never writes through a symbolic link. */
export function replaceFile(root: string, target: string, content: Content, options: { unchangedFrom?: Uint8Array } = {}): void {
  writeInFolder(root, target, () => writeAtomically(target, content, { keepMode: modeToKeep(target), ...options }), oneShot(content) ? 0 : undefined);
}

/** The file changed between the read an edit was made from and its write (writeAtomically's `unchangedFrom`): nothing was written. */
export class ChangedMeanwhile extends Error {
  constructor(readonly target: string) {
    super(`${target} changed while it was being written`);
  }
}

/** Whether `file` holds exactly `bytes` (a file gone holds nothing). */
function holds(file: string, bytes: Uint8Array): boolean {
  try {
    return readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

/** Pieces made as they are read (a generator) cannot be written a second time: a write that failed is not tried again. */
function oneShot(content: Content): boolean {
  return typeof content !== 'string' && !(content instanceof Uint8Array) && !Array.isArray(content);
}

/** The mode of the file `target` replaces (undefined: none yet); a symbolic link there is refused. */
function modeToKeep(target: string): number | undefined {
  try {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink()) {
      throw new UsageError((m) => m.errors.writeLink(visible(target)));
    }
    // Marked read-only by its owner: a rename would replace it all the same (the folder's rights decide), so meet asks first.
    if ((stat.mode & 0o222) === 0) {
      throw new UsageError(
        (m) => m.errors.readOnly(visible(target)),
        (m) => m.errors.readOnlyHint(visible(target)),
      );
    }
    return stat.mode & 0o7777;
  } catch (error) {
    // Nothing there yet (ENOTDIR: a file where a folder on the way should be; the write says so in words).
    if (!['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    return undefined;
  }
}

/**
 * As replaceFile, for content made as it is written (a digest of hundreds
 * of megabytes, never whole in memory): the temporary file is written and
 * hashed (sha256, base64url, as contentHash) as the pieces come, and then
 * renamed over `target` only when `replace(hash)` says so; otherwise it is
 * removed and `target` is left as it was, mtime and all.
 */
export function replaceFileIfChanged(root: string, target: string, content: Iterable<OutputChunk>, replace: (hash: string) => boolean): boolean {
  let replaced = false;
  writeInFolder(
    root,
    target,
    () => {
      const { temp, hash } = writeTemp(target, content, modeToKeep(target), true, true);
      try {
        if (replace(hash!)) {
          renameSync(temp, target);
          replaced = true;
        }
      } finally {
        if (!replaced) rmSync(temp, { force: true });
      }
    },
    0,
  );
  return replaced;
}

/**
 * Writes `target` through a temporary file in its folder, renamed into place:
 * readers see the old content or the new, never part of either. rename
 * replaces a link of that name, never what it points to. No other check:
 * callers decide where writing is allowed. `sync: false` skips the flush to
 * disk, for what can be rebuilt (the check cache).
 */
export function writeAtomically(target: string, content: Content, options: { keepMode?: number; sync?: boolean; unchangedFrom?: Uint8Array } = {}): void {
  const { temp } = writeTemp(target, content, options.keepMode, options.sync);
  try {
    // Looked at once more right before the rename: a save by another program (not meet: it waits on the lock) since
    // the edit was made from `unchangedFrom` would be lost under it.
    if (options.unchangedFrom !== undefined && !holds(target, options.unchangedFrom)) throw new ChangedMeanwhile(target);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Refuses an output path in the meetings folder or on the config: there a
 * report or a notice would be read as a broken record (or break the config);
 * and in `.git`, where git keeps no file of the repository (`--out .git`
 * with `digest --commit` committed nothing and said "nothing to commit").
 */
export function refuseRecordsPath(root: string, meetings: string, target: string, shown: string): void {
  // As written and as the links on the way resolve: a link to the repository elsewhere leads into its records too.
  const bothWays = (file: string) => [file, resolvedPath(file)];
  const folders = bothWays(path.resolve(root, meetings));
  const configs = bothWays(path.resolve(root, CONFIG_FILE));
  const gits = gitFoldersAbove(root).flatMap(bothWays);
  // The file itself is not followed: a link there is refused as a link when it is written.
  const throughLinks = path.join(resolvedPath(path.dirname(path.resolve(target))), path.basename(target));
  for (const absolute of new Set([path.resolve(target), throughLinks])) {
    if (folders.some((folder) => isInside(folder, absolute)) || configs.includes(absolute)) {
      throw new UsageError((m) => m.errors.outIntoRecords(visible(shown), visible(meetings)));
    }
    if (gits.some((git) => isInside(git, absolute))) throw new UsageError((m) => m.errors.outIntoGit(visible(shown)));
  }
}

/** The `.git` folders of `root` and of the folders above it: the records may sit in a folder of a larger repository. */
function gitFoldersAbove(root: string): string[] {
  const out: string[] = [];
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) out.push(path.join(dir, '.git'));
    if (path.dirname(dir) === dir) return out;
  }
}

/** `file` with every link on its way resolved, as far as the path exists (a file not written yet keeps its name). */
function resolvedPath(file: string): string {
  let existing = path.resolve(file);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(file);
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

/** `--out -`: standard output, as Unix tools read it (never a file named "-"). */
export const STANDARD_OUTPUT = '-';

/** The file `--out` names: undefined without one, or for `-` (standard output). */
export function outFile(out: string | undefined): string | undefined {
  return out === STANDARD_OUTPUT ? undefined : out;
}

/** A Word or PDF file's bytes to standard output: refused on a terminal, where they would show as noise. */
export function writeBinaryToStdout(io: Io, bytes: string | Uint8Array, format: string): void {
  if (io.stdout.isTTY) {
    throw new UsageError(
      (m) => m.outFile.binaryToTerminal(format),
      (m) => m.outFile.binaryToTerminalHint(format),
    );
  }
  io.stdout.write(bytes);
}

/**
 * Where a document goes without --out: `name` in the folder the clerk is
 * in, or at the repository's top when that folder is among the records
 * (a notice made from meetings/2020/, where nothing but records may be).
 */
export function defaultOutPath(root: string, meetings: string, cwd: string, name: string): string {
  const records = path.resolve(root, meetings);
  // As written and as the links on the way resolve (`--root` naming a link to the repository).
  const among = isInside(records, path.resolve(cwd)) || isInside(resolvedPath(records), resolvedPath(path.resolve(cwd)));
  return among ? toPosix(path.relative(cwd, path.join(root, name))) : name;
}

/**
 * An output to the file the clerk names (`--out`, or a document's default
 * name, relative to `cwd`): never among the records, and over a file already
 * there only with `force`.
 */
export function writeUserOutput(root: string, meetings: string, cwd: string, out: string, content: Content, force: boolean): void {
  const target = path.resolve(cwd, out);
  refuseRecordsPath(root, meetings, target, out);
  replaceUserFile(target, content, { force });
}

/**
 * Replaces a file at a path the user chose (it may be anywhere, unlike
 * replaceFile): atomically, into an existing folder, never through a
 * symbolic link and never over a folder.
 * `force`: replace a file already there; without it an existing file is
 * refused (a Word file may hold the clerk's edits).
 */
function replaceUserFile(target: string, content: Content, options: { force?: boolean } = {}): void {
  let folder: string;
  try {
    folder = realpathSync(path.dirname(target));
  } catch {
    throw new UsageError((m) => m.errors.noFolder(visible(target), visible(path.dirname(target))));
  }
  const resolved = path.join(folder, path.basename(target));
  try {
    const stat = lstatSync(resolved);
    if (stat.isSymbolicLink()) throw new UsageError((m) => m.errors.writeLink(visible(target)));
    if (stat.isDirectory()) throw new UsageError((m) => m.errors.isFolder(visible(target)));
    if (!options.force) {
      throw new UsageError(
        (m) => m.errors.outExists(visible(target)),
        (m) => m.errors.outExistsHint,
      );
    }
  } catch (error) {
    // Nothing there yet (ENOTDIR: a file where a folder on the way should be; the write says so in words).
    if (!['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  const cannot = (error: unknown) => {
    const plain = notWritable(error, target);
    return plain instanceof UsageError
      ? plain
      : new UsageError((m) => m.errors.cannotWrite(visible(target), visible((error as NodeJS.ErrnoException).code ?? (error as Error).message)));
  };
  let temp: string;
  try {
    ({ temp } = writeTemp(resolved, content));
  } catch (error) {
    throw cannot(error);
  }
  try {
    renameSync(temp, resolved);
  } catch (error) {
    rmSync(temp, { force: true });
    throw cannot(error);
  }
}
