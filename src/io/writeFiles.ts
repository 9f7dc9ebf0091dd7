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
  realpathSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:os';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { isInside, isInsideRealRoot } from './paths.js';

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** `keepMode`: the mode of the file being replaced, kept exactly (umask aside). */
function writeTemp(target: string, content: string | Uint8Array, keepMode?: number, sync = true): string {
  const temp = tempPathFor(target);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    if (keepMode !== undefined) fchmodSync(fd, keepMode);
    writeAll(fd, content);
    if (sync) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  return temp;
}

function writeAll(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/**
 * Refuses a folder outside `root`, also once symbolic links are resolved.
 * Checked on the nearest existing ancestor, so nothing is created outside.
 */
export function assertInsideRoot(root: string, folder: string, shown: string = folder): void {
  if (!isInside(path.resolve(root), path.resolve(folder))) {
    throw new UsageError((m) => m.errors.writeOutside(shown, root));
  }
  let existing = path.resolve(folder);
  while (!existsSync(existing)) existing = path.dirname(existing);
  if (!isInsideRealRoot(root, existing)) {
    throw new UsageError((m) => m.errors.writeThroughLink(shown, root));
  }
}

/** The folder for `target` exists, inside `root` even after resolving links. */
function prepareFolder(root: string, target: string): void {
  const folder = path.dirname(target);
  assertInsideRoot(root, folder);
  mkdirSync(folder, { recursive: true });
  // Checked again: a link could have appeared between the check and mkdir.
  assertInsideRoot(root, folder);
}

/** Creates `target`; fails with EEXIST, leaving the existing file untouched, when it exists. */
export function createFileExclusive(root: string, target: string, content: string): void {
  prepareFolder(root, target);
  const temp = writeTemp(target, content);
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
      writeAll(fd, content);
      fsyncSync(fd);
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
export function replaceFile(root: string, target: string, content: string): void {
  prepareFolder(root, target);
  let mode: number | undefined;
  try {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink()) {
      throw new UsageError((m) => m.errors.writeLink(target));
    }
    mode = stat.mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeAtomically(target, content, { keepMode: mode });
}

/**
 * Writes `target` through a temporary file in its folder, renamed into place:
 * readers see the old content or the new, never part of either. rename
 * replaces a link of that name, never what it points to. No other check:
 * callers decide where writing is allowed. `sync: false` skips the flush to
 * disk, for what can be rebuilt (the check cache).
 */
export function writeAtomically(target: string, content: string | Uint8Array, options: { keepMode?: number; sync?: boolean } = {}): void {
  const temp = writeTemp(target, content, options.keepMode, options.sync);
  try {
    renameSync(temp, target);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
}

/**
 * Replaces a file at a path the user chose (it may be anywhere, unlike
 * replaceFile): atomically, into an existing folder, never through a
 * symbolic link and never over a folder.
 */
export function replaceUserFile(target: string, content: string): void {
  let folder: string;
  try {
    folder = realpathSync(path.dirname(target));
  } catch {
    throw new UsageError((m) => m.errors.noFolder(target, path.dirname(target)));
  }
  const resolved = path.join(folder, path.basename(target));
  try {
    const stat = lstatSync(resolved);
    if (stat.isSymbolicLink()) throw new UsageError((m) => m.errors.writeLink(target));
    if (stat.isDirectory()) throw new UsageError((m) => m.errors.isFolder(target));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let temp: string;
  try {
    temp = writeTemp(resolved, content);
  } catch (error) {
    throw new UsageError((m) => m.errors.cannotWrite(target, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  try {
    renameSync(temp, resolved);
  } catch (error) {
    unlinkSync(temp);
    throw new UsageError((m) => m.errors.cannotWrite(target, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}
