// npm's "prepare": builds dist/ with the package's own TypeScript (and
// esbuild for the start-up file, scripts/bundle.mjs) when meet is
// installed from a folder or a git address (`npm install -g ./meet`,
// `npm install -g git+https://…#<commit>`), and after `npm ci` in a clone.
//
// npm does not always put the devDependencies in place first: a global
// install of a folder only links it, and for a git address npm's nested
// `npm install` inherits the global mode of the outer one, so `tsc` is not
// found. This script then installs them from the lock file itself, in this
// folder (offline when the outer npm was told so, through the npm_config_*
// variables it keeps), without running any package's scripts.
//
// `npm pack` and `npm publish` build in "prepack"; nothing to do here then.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = process.env;

if (env.npm_command === 'pack' || env.npm_command === 'publish') process.exit(0);

function run(command, args, extraEnv = env) {
  const result = spawnSync(command, args, { cwd: root, env: extraEnv, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(tsc)) {
  const npm = env.npm_execpath;
  if (!npm) {
    console.error('meet: building needs TypeScript; run "npm ci" in this folder first.');
    process.exit(1);
  }
  // What made the outer install global, or left out dev packages, must not reach this one.
  const local = Object.fromEntries(
    Object.entries(env).filter(([key]) => !/^npm_config_(global|location|prefix|omit|include|only|production|dry_run|package_lock_only)$/i.test(key)),
  );
  run(process.execPath, [npm, 'ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'], local);
}
run(process.execPath, [tsc, '-p', 'tsconfig.json']);
run(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')]);
