// Where the installed package lives (this file is dist/io/packageRoot.js, or
// src/io/packageRoot.ts under the test runner): built-in templates and
// package.json are read from there.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function builtinTemplatePath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../templates/${parts.join('/')}`, import.meta.url));
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
