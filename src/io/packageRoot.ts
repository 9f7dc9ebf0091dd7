// Where the installed package lives (this file is dist/io/packageRoot.js, or
// src/io/packageRoot.ts under the test runner): built-in templates and
// package.json are read from there.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function builtinTemplatePath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../templates/${parts.join('/')}`, import.meta.url));
}

interface PackageJson {
  version: string;
  repository?: string | { url?: string };
}

function packageJson(): PackageJson {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageJson;
}

export function toolVersion(): string {
  return packageJson().version;
}

/** meet's own repository on GitHub as "owner/name", from package.json's `repository`; undefined when it names none. */
export function githubRepository(): string | undefined {
  const repository = packageJson().repository;
  const url = typeof repository === 'string' ? repository : repository?.url;
  const match = url === undefined ? null : /^(?:github:|git\+https:\/\/github\.com\/|https:\/\/github\.com\/)([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(url);
  return match?.[1];
}
