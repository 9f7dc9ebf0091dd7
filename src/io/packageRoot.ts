// Where the installed package lives: the nearest folder upwards from this
// code with a package.json (this file is dist/io/packageRoot.js, or
// src/io/packageRoot.ts under the test runner, or part of dist/meet.cjs,
// the start-up file): built-in templates and package.json are read from there.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let folder: string | undefined;

function packageFolder(): string {
  if (folder !== undefined) return folder;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return (folder = dir);
    if (path.dirname(dir) === dir) throw new Error(`meet: no package.json above ${fileURLToPath(import.meta.url)}`);
  }
}

export function builtinTemplatePath(...parts: string[]): string {
  return path.join(packageFolder(), 'templates', ...parts);
}

interface PackageJson {
  version: string;
  repository?: string | { url?: string };
}

function packageJson(): PackageJson {
  return JSON.parse(readFileSync(path.join(packageFolder(), 'package.json'), 'utf8')) as PackageJson;
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
