// Paths in and around a records repository: where its root is, and whether a
// path (links resolved) stays inside it.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { CONFIG_FILE } from '../model/layout.js';
import { visible } from '../model/text.js';

/** The nearest folder upwards from `start` holding meet.config.yaml. */
export function findRoot(start: string, explicit?: string): string {
  if (explicit) {
    const root = path.resolve(start, explicit);
    if (!existsSync(path.join(root, CONFIG_FILE))) {
      throw new UsageError(
        (m) => m.errors.noConfigIn(CONFIG_FILE, visible(root)),
        (m) => m.errors.noConfigInHint,
      );
    }
    return root;
  }
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new UsageError(
        (m) => m.errors.noConfigFound(CONFIG_FILE, visible(path.resolve(start))),
        (m) => m.errors.noConfigFoundHint,
      );
    }
    dir = parent;
  }
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
