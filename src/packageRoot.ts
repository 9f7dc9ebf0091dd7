// Where the installed package lives (dist/ is one level below it): built-in
// templates and package.json are read from here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function builtinTemplatePath(...parts: string[]): string {
  return fileURLToPath(new URL(`../templates/${parts.join('/')}`, import.meta.url));
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
