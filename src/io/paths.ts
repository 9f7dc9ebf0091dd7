// Paths in and around a records repository: where its root is, and whether a
// path (links resolved) stays inside it.
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { CONFIG_FILE } from '../model/layout.js';
import { visible } from '../model/text.js';

/** The records repository for `start`: `explicit` (--root) when it holds meet.config.yaml, else the nearest folder upwards that does; undefined when none. */
export function nearestRoot(start: string, explicit?: string): string | undefined {
  if (explicit) {
    const root = path.resolve(start, explicit);
    return existsSync(path.join(root, CONFIG_FILE)) ? root : undefined;
  }
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The nearest folder upwards from `start` holding meet.config.yaml (or `explicit`, --root); a usage error when there is none. */
export function findRoot(start: string, explicit?: string): string {
  const root = nearestRoot(start, explicit);
  if (root !== undefined) return root;
  if (explicit) {
    const given = path.resolve(start, explicit);
    // A folder that is not there, or a file, is said as such: "no meet.config.yaml in it" would send the clerk to meet init.
    const stat = statSync(given, { throwIfNoEntry: false });
    if (!stat) throw new UsageError((m) => m.errors.rootMissing(visible(given)));
    if (!stat.isDirectory()) throw new UsageError((m) => m.errors.rootNotFolder(visible(given)));
    throw new UsageError(
      (m) => m.errors.noConfigIn(CONFIG_FILE, visible(given)),
      (m) => m.errors.noConfigInHint,
    );
  }
  throw new UsageError(
    (m) => m.errors.noConfigFound(CONFIG_FILE, visible(path.resolve(start))),
    (m) => m.errors.noConfigFoundHint,
  );
}

/** True when `target` (which exists) resolves, links and all, inside the real `root`. */
export function isInsideRealRoot(root: string, target: string): boolean {
  try {
    return isInside(realpathSync(root), realpathSync(target));
  } catch {
    return false;
  }
}

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
