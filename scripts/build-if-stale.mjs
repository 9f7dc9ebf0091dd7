// `npm test`'s build: `npm run build` (tsc, then the start-up bundle) unless
// dist/ is already newer than everything it is built from, as make would
// decide. In CI `npm ci` has just built it (prepare), and building again took
// 14 s of the run; after an edit to src/ the spawned tier still tests the
// code as it is now.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Written last by the build (scripts/bundle.mjs, after tsc).
const built = path.join(root, 'dist', 'meet.cjs');
const inputs = [
  ...readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' }).map((file) => path.join(root, 'src', file)),
  path.join(root, 'tsconfig.json'),
  path.join(root, 'scripts', 'bundle.mjs'),
  path.join(root, 'package-lock.json'),
];
const newestInput = Math.max(...inputs.map((file) => statSync(file).mtimeMs));

if (existsSync(built) && existsSync(path.join(root, 'dist', 'main.js')) && statSync(built).mtimeMs >= newestInput) {
  console.error('dist/ is newer than src/: not built again (npm run build builds anyway).');
} else {
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
