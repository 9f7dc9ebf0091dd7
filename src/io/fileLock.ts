// One writer at a time per file: a lock file next to it, created with
// O_EXCL (`.<name>.meet-lock`, hidden, so never taken for a record). A lock
// whose holder died (its process is gone, on this host), or one committed to
// git as it stands (meet never commits one), is broken, under a second lock
// so that two waiters never both break it. Used around every
// read-modify-write of a repository file (tasks update, approve, digest).
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import type { Messages } from '../model/messages/index.js';
import { shellWord, visible } from '../model/text.js';
import type { Io } from './terminal.js';
import { notWritable } from './writeFiles.js';
import { readRegularFile } from './regularFile.js';

export interface LockOptions {
  /** Tries before giving up while another live process holds the lock. */
  attempts?: number;
  /** Pause between tries, in milliseconds (a little is added at random). */
  pause?: number;
  /** The file as messages name it (default: its path). */
  shown?: string;
  /**
   * A lock committed to git: meet never commits one, so a lock file that
   * holds exactly what HEAD has at its path is a leftover (a crash, then
   * `git add -A`), whose process, of another machine, can never be seen to
   * end. `matches` tells (asked once, and only of a lock found held);
   * `takenOver` is told when it was removed. A lock written since, at a
   * path HEAD still has, holds another token: it is waited for.
   */
  committed?: { matches: (lock: string, text: string) => Promise<boolean>; takenOver: (lock: string) => void };
}

/** About half a minute of waiting by default: edits take milliseconds. */
const ATTEMPTS = 600;
const PAUSE = 50;

/**
 * `committed` for withFileLock: git is asked (only on a lock found held)
 * whether the lock is a committed leftover, and the clerk told when it was
 * taken over, with the command that takes it out of git too.
 */
export function committedLocks(io: Io, m: Messages): NonNullable<LockOptions['committed']> {
  return {
    matches: async (lock, text) => (await import('./git.js')).isCommittedAs(lock, Buffer.from(text, 'utf8'), io.env),
    takenOver: (lock) => {
      const folder = path.relative(io.cwd, path.dirname(lock)) || '.';
      const remove = `git -C ${shellWord(folder)} rm --quiet -- ${shellWord(path.basename(lock))}`;
      io.stderr.write(`${m.errors.lockCommitted(visible(path.relative(io.cwd, lock) || lock), visible(remove))}\n`);
    },
  };
}

export function lockFileOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.meet-lock`);
}

/** Runs `work` holding the lock of `target` (whose folder exists); the lock is released whatever happens. */
export async function withFileLock<T>(target: string, work: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = lockFileOf(target);
  let token: string;
  try {
    token = await acquire(lock, options.shown ?? target, options);
  } catch (error) {
    // The lock is the first thing written: a full disk or a read-only one shows here.
    throw notWritable(error, options.shown ?? target);
  }
  try {
    return await work();
  } finally {
    release(lock, token);
  }
}

interface Holder {
  pid: number;
  host: string;
  /** The lock file's whole text: what identifies this holding of the lock. */
  text: string;
}

/**
 * The lock's holder; 'absent' when there is no lock; 'foreign' when it is no
 * file meet makes (a link, a FIFO, a folder, a huge file: committed by
 * someone, never to be read through); undefined when its text is not a
 * holder's (empty, garbled).
 */
function readHolder(lock: string): Holder | 'absent' | 'foreign' | undefined {
  let text: string;
  try {
    text = readRegularFile(lock, { limit: 4096 }).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'absent';
    return code === 'ELOOP' || code === 'ENOTREG' || code === 'EFBIG' || code === 'EISDIR' ? 'foreign' : undefined;
  }
  const [pid, host, token] = text.split('\n');
  return pid && /^\d+$/.test(pid) && host !== undefined && token ? { pid: Number(pid), host, text } : undefined;
}

function readText(lock: string): string | undefined {
  try {
    return readRegularFile(lock, { limit: 4096 }).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Creates `lock` holding our identity and `token`; false when it exists. */
function create(lock: string, token: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, identity(token));
  } catch (error) {
    // A full disk: no half-made lock stays behind.
    closeSync(fd);
    unlinkSync(lock);
    throw error;
  }
  closeSync(fd);
  return true;
}

function identity(token: string): string {
  return `${process.pid}\n${hostname()}\n${token}\n`;
}

/** True when the holder is a process of this host that no longer runs. */
function isDead(holder: Holder): boolean {
  if (holder.host !== hostname() || holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes `lock` if it still holds `stale` (the text of a dead holder's
 * lock). Done under `<lock>.break`: of two waiters that both found it dead,
 * the second finds it gone, or taken by the first, and leaves it alone.
 * True when this call removed it.
 */
function breakStale(lock: string, stale: string): boolean {
  const breaker = `${lock}.break`;
  const token = randomBytes(8).toString('hex');
  if (!create(breaker, token)) {
    // A breaker that died mid-way is itself stale.
    const other = readHolder(breaker);
    if (other !== 'absent' && other !== 'foreign' && other && isDead(other)) breakStale(breaker, other.text);
    return false;
  }
  try {
    if (readText(lock) !== stale) return false;
    unlinkSync(lock);
    return true;
  } finally {
    unlinkIfHolding(breaker, identity(token));
  }
}

function unlinkIfHolding(lock: string, text: string): void {
  if (readText(lock) !== text) return;
  try {
    unlinkSync(lock);
  } catch {
    // Gone already.
  }
}

async function acquire(lock: string, shown: string, options: LockOptions): Promise<string> {
  const attempts = options.attempts ?? ATTEMPTS;
  const pause = options.pause ?? PAUSE;
  const token = randomBytes(8).toString('hex');
  let garbled = 0;
  let askedGit = false;
  for (let attempt = 0; ; attempt++) {
    if (create(lock, token)) return token;
    const holder = readHolder(lock);
    if (holder === 'absent') continue;
    // Waiting would not end it: say so now, with the file to remove.
    if (holder === 'foreign') {
      throw new UsageError(
        (m) => m.errors.busy(visible(shown)),
        (m) => m.errors.busyHint(visible(lock)),
      );
    }
    if (holder && isDead(holder)) {
      breakStale(lock, holder.text);
      continue;
    }
    // Asked once, and only when the lock is not ours to take: a live lock lasts milliseconds.
    if (holder && !askedGit && options.committed) {
      askedGit = true;
      if (await options.committed.matches(lock, holder.text)) {
        if (breakStale(lock, holder.text)) options.committed.takenOver(lock);
        continue;
      }
    }
    // Empty or garbled for a good while (a holder that died between creating
    // the file and writing it, or a file that is no lock of meet's): stale.
    if (!holder && ++garbled > 40) {
      const text = readText(lock);
      if (text !== undefined) breakStale(lock, text);
      garbled = 0;
      continue;
    }
    if (attempt >= attempts) {
      const who = holder ? { pid: holder.pid, host: visible(holder.host) } : undefined;
      throw new UsageError(
        (m) => m.errors.busy(visible(shown), who),
        (m) => m.errors.busyHint(visible(lock)),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pause + Math.floor(Math.random() * pause)));
  }
}

function release(lock: string, token: string): void {
  unlinkIfHolding(lock, identity(token));
}
