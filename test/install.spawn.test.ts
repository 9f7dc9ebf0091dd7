// The package as users get it (issue 11): `npm pack` of the project's files,
// then installed into fresh prefixes with no clone of meet on the PATH, from
// the tarball (`npm install -g`, `npx`). The install from a folder (`npm
// install -g <clone>`, which builds with the package's own TypeScript) is the
// one the GitHub Action makes of its own files: ciWorkflow.spawn.test.ts.
//
// No network: the tarball bundles its dependencies, so it installs with an
// empty npm cache and --offline. Each install runs once, in beforeAll, and
// the tests assert on it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, git, GIT_ENV, PROJECT_ROOT, tempDir, copyRecords } from './helpers.js';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** The environment of a fresh machine's shell: no npm_* variables from the npm running the tests, no colour. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(key) && key !== 'NODE_OPTIONS' && key !== 'FORCE_COLOR') env[key] = value;
  }
  return { ...env, ...GIT_ENV, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = cleanEnv(), timeout = 540_000): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** PATH with the prefix's bin, node and the system's tools, and nothing of this project. */
function pathWith(prefix: string): string {
  return [path.join(prefix, 'bin'), path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter);
}

function meetIn(prefix: string, args: string[], cwd: string): Promise<Ran> {
  return run(path.join(prefix, 'bin', 'meet'), args, cwd, cleanEnv({ PATH: pathWith(prefix), XDG_CACHE_HOME: path.join(prefix, 'xdg-cache') }), 60_000);
}

function ok(ran: Ran, what: string): Ran {
  if (ran.code !== 0) throw new Error(`${what} failed (exit ${ran.code}):\n${ran.stdout}\n${ran.stderr}`);
  return ran;
}

/**
 * The project's files as git would commit them now (tracked and new, not
 * ignored: no dist/, no node_modules/), in `dir`.
 */
function copyProjectSource(dir: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(PROJECT_ROOT, file);
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(from, path.join(dir, file), { verbatimSymlinks: true });
  }
}

const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  bundleDependencies: string[];
};
const TARBALL = `${pkg.name}-${pkg.version}.tgz`;

let work: string;
let tarball: string;
let files: string[];
let fromTarball: string;
let npx: Ran;

beforeAll(async () => {
  work = tempDir('meet-install-');
  const source = path.join(work, 'source');
  copyProjectSource(source);
  // For packing: the bundled dependencies need the project's packages. A real
  // folder, hard-linked (cheap), not a symlink: npm packs bundled dependencies
  // by their real path, and a symlink to a node_modules near the temp folder
  // gave tar entries with '..' in them.
  ok(await run('cp', ['-a', '--link', path.join(PROJECT_ROOT, 'node_modules'), path.join(source, 'node_modules')], work), 'copying node_modules');
  // The build `npm test` has just made from these sources, packed as prepack's
  // would be (prepack is "npm run build"): a second build took a fifth of
  // this file's CPU. Run this file alone after a change to src/, `npm run
  // build` first (as for every spawn test).
  const newestSource = Math.max(
    ...readdirSync(path.join(PROJECT_ROOT, 'src'), { recursive: true, encoding: 'utf8' }).map((file) => statSync(path.join(PROJECT_ROOT, 'src', file)).mtimeMs),
  );
  expect(statSync(path.join(PROJECT_ROOT, 'dist', 'main.js')).mtimeMs, 'dist/ is older than src/: run npm run build').toBeGreaterThanOrEqual(newestSource);
  ok(await run('cp', ['-a', '--link', path.join(PROJECT_ROOT, 'dist'), path.join(source, 'dist')], work), 'copying dist');

  ok(await run('npm', ['pack', '--offline', '--ignore-scripts', '--pack-destination', work], source), 'npm pack');
  tarball = path.join(work, TARBALL);
  files = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));

  // An empty npm cache and --offline: nothing may come from the registry.
  fromTarball = path.join(work, 'prefix-tarball');
  ok(
    await run('npm', ['install', '--global', '--offline', '--cache', path.join(work, 'empty-cache'), '--prefix', fromTarball, tarball], work),
    'npm install -g tarball',
  );
  // npx hung once in a whole run of the suite (killed at 540 s, nothing on its stderr; 7-8 s in every run
  // before and after, and in eight runs on their own): a hang is killed sooner and tried once more, with a
  // cache of its own. A second hang, or any exit but 0, still fails the test below.
  const npxRun = (cache: string) =>
    run('npx', ['--offline', '--yes', '--cache', path.join(work, cache), `./${TARBALL}`, '--version'], work, cleanEnv({ PATH: pathWith(work) }), 150_000);
  npx = await npxRun('empty-cache-npx');
  if (npx.code === -1) npx = await npxRun('empty-cache-npx-again');
}, 600_000);

describe('the tarball', () => {
  it('holds the built code, the templates, the docs, README and LICENSE, and nothing of the tests, sources or benchmarks', () => {
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'bin/meet.cjs',
      'dist/meet.cjs',
      'dist/main.js',
      'dist/commands/calendar.js',
      'dist/io/parseThread.js',
    ]) {
      expect(files).toContain(file);
    }
    expect(files).toContain('templates/ci/github.yml');
    expect(files).toContain('templates/config/vi.yaml');
    expect(files).toContain('docs/format.md');
    const own = files.filter((f) => !f.startsWith('node_modules/'));
    expect(own.filter((f) => /^(test|bench|src|scripts|examples|\.ci|\.github)\//.test(f))).toEqual([]);
    expect(own.filter((f) => f.endsWith('.map') || f.endsWith('.ts'))).toEqual([]);
    expect(own.filter((f) => !/^(dist|bin|templates|docs)\//.test(f)).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
  });

  it('bundles every runtime dependency, so it installs without the registry', () => {
    expect([...pkg.bundleDependencies].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    for (const dependency of Object.keys(pkg.dependencies)) expect(files).toContain(`node_modules/${dependency}/package.json`);
    // Only what runs: no devDependency rides along.
    expect(files.some((f) => f.startsWith('node_modules/typescript/') || f.startsWith('node_modules/vitest/'))).toBe(false);
    // Every entry stays inside the package: npm refuses '..' entries at install.
    expect(files.filter((f) => f.split('/').includes('..'))).toEqual([]);
  });
});

describe('npm install -g <tarball>, in a fresh prefix, offline with an empty cache', () => {
  it('installs a real copy (not a link) whose meet prints its version', async () => {
    const installed = path.join(fromTarball, 'lib', 'node_modules', pkg.name);
    expect(lstatSync(installed).isDirectory()).toBe(true);
    const version = ok(await meetIn(fromTarball, ['--version'], work), 'meet --version');
    expect(version.stdout).toBe(`${pkg.version}\n`);
  });

  it('runs every command in a folder far from any clone of meet', async () => {
    const dir = path.join(work, 'records');
    copyRecords(EXAMPLES, dir);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Records');
    const meet = (...args: string[]) => meetIn(fromTarball, args, dir);

    expect(ok(await meet('--help'), '--help').stdout).toContain('calendar');
    expect(ok(await meet('check'), 'check').stdout).toContain('không có vấn đề gì');
    expect(ok(await meet('report', '--month', '2020-10', '--format', 'html'), 'report').stdout).toMatch(/^<!doctype html>/i);
    expect(ok(await meet('tasks', '--today', '2020-12-31', '--format', 'csv'), 'tasks').stdout).toContain('2020-10-giao-thong-thuy-loi');
    expect(ok(await meet('diff', '2020-10', '2020-11', '--format', 'json'), 'diff').stdout).toContain('"tasks"');
    expect(ok(await meet('schema'), 'schema').stdout).toContain('2020-12');
    expect(ok(await meet('calendar', '--today', '2020-12-01'), 'calendar').stdout).toContain('BEGIN:VCALENDAR');
    expect(ok(await meet('new', '--date', '2021-01-25', '--chair', 'Hoàng Văn Hiệp', '--dry-run'), 'new').stdout).toContain('2021-01-25');
    ok(await meet('tasks', 'update', '2020-10-tich-tu-ruong-dat', '--status', 'done', '--commit'), 'tasks update');
    expect(ok(await meet('log', '2020-10-tich-tu-ruong-dat'), 'log').stdout).toContain('2020-10-tich-tu-ruong-dat');
    expect(ok(await meet('diff', '--rev', 'HEAD~1..HEAD', '--format', 'md'), 'diff --rev').stdout).toContain('2020-10-tich-tu-ruong-dat');
    expect(ok(await meet('digest', '--month', '2020-11', '--commit'), 'digest').stdout).toBe('reports/2020-11.md\n');
    expect(ok(await meet('digest', '--month', '2020-11', '--summary'), 'digest --summary').stdout).toContain('reports/2020-11.md');
    expect(ok(await meet('init', path.join(work, 'another'), '--locale', 'en'), 'init').stderr).toContain('meet.config.yaml');
  });
});

describe('npx <tarball>', () => {
  it('runs meet from the tarball, offline with an empty cache', () => {
    expect(npx.stderr).not.toContain('ERR');
    expect(npx.code).toBe(0);
    expect(npx.stdout.trim()).toBe(pkg.version);
  });
});
