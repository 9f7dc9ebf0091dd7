// `meet --help` and `meet --version` must not load the heavy modules: what
// main.ts imports statically (not `import type`, not `await import()`),
// followed through src/, reaches none of them. It is also what
// scripts/bundle.mjs copies into the start-up file, dist/meet.cjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers.js';

/** Every module the file imports at load time, followed through src/: relative files and package names. */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)';/gms)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
      else if (!specifier.startsWith('node:')) packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('what --help and --version load', () => {
  it('main.ts loads commander and no command, renderer, document, browser or schema library', () => {
    const { files, packages } = staticClosure(path.join(PROJECT_ROOT, 'src', 'main.ts'));
    expect([...packages].sort()).toEqual(['commander']);
    const commands = [...files].filter((f) => f.includes(`${path.sep}commands${path.sep}`) || f.includes(`${path.sep}render${path.sep}`));
    expect(commands).toEqual([]);
  });

  it('the notice command loads docx only through the Word renderer, and playwright-core only to print', () => {
    const { packages } = staticClosure(path.join(PROJECT_ROOT, 'src', 'commands', 'notice.ts'));
    expect(packages.has('docx')).toBe(false);
    expect(packages.has('playwright-core')).toBe(false);
    expect(staticClosure(path.join(PROJECT_ROOT, 'src', 'render', 'documents', 'docx.ts')).packages.has('docx')).toBe(true);
  });
});

describe('what an answer from the output memo loads', () => {
  it.each(['report', 'tasks', 'diff', 'digest', 'log', 'new'])(
    'commands/%s.ts loads neither yaml nor zod nor the record readers until the memo misses',
    (command) => {
      const { files, packages } = staticClosure(path.join(PROJECT_ROOT, 'src', 'commands', `${command}.ts`));
      expect(packages.has('yaml')).toBe(false);
      expect(packages.has('zod')).toBe(false);
      expect(packages.has('simple-git') && command !== 'log').toBe(false);
      const readers = [...files].filter((f) => /[\\/](records|io[\\/]repository|io[\\/]recordStore)/.test(f));
      expect(readers).toEqual([]);
    },
  );
});
