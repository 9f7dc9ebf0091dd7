// The start-up file: src/main.ts and what it imports statically (the command
// line, its words, the locale, commander) in one CommonJS file,
// dist/meet.cjs, which bin/meet.cjs requires. `meet --help` then runs
// without Node's ES module loader (one file read synchronously instead of
// ~30 modules resolved and read one promise at a time): 1.47× → 1.24×
// `node -e 0` (BENCHMARKS.md). Every dynamic import (`await import(…)`: each
// command, the full catalogue, the errors main() tells apart) stays an ES
// module under dist/, built by tsc, so each module a command loads exists
// once. Run after tsc: `npm run build`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const src = path.join(root, 'src');
const outfile = path.join(root, 'dist', 'meet.cjs');

/** Imports from src/: static ones are bundled, dynamic ones stay the module tsc wrote beside this file. */
const startUpOnly = {
  name: 'start-up-only',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (!args.importer.startsWith(src + path.sep)) return undefined;
      if (args.kind !== 'dynamic-import') return undefined;
      const file = path.relative(src, path.resolve(path.dirname(args.importer), args.path));
      return { path: `./${file.split(path.sep).join('/')}`, external: true };
    });
    // commander requires child_process when loaded, for subcommands that are programs of their own
    // (meet has none): read when first used rather than by every `meet --help`.
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}commander${path.sep}`) ? { path: 'child_process', namespace: 'when-used' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'when-used' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

const result = await esbuild.build({
  entryPoints: [path.join(src, 'main.ts')],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // commander's CommonJS itself, not its ES wrapper.
  mainFields: ['main'],
  conditions: ['require'],
  // import() stays import(): the commands are ES modules.
  supported: { 'dynamic-import': true },
  // src/io/packageRoot.ts finds package.json upwards from here.
  define: { 'import.meta.url': '__startUpUrl' },
  banner: { js: "'use strict';\nconst __startUpUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [startUpOnly],
  metafile: true,
  logLevel: 'warning',
});

// main() tells a MeetError from a bug with instanceof against the class the commands throw (dist/model/errors.js):
// a class of meet's copied into this file would be another class, and its errors reported as bugs.
const code = readFileSync(outfile, 'utf8');
const ours = code.split(/^(?=\/\/ )/m).filter((part) => /^\/\/ src\//.test(part));
const classes = ours.filter((part) => /\bclass\b[^\n]*\{/.test(part)).map((part) => part.split('\n', 1)[0]);
if (classes.length > 0) {
  console.error(`scripts/bundle.mjs: the start-up file must hold no class of meet's (import them dynamically): ${classes.join(', ')}`);
  process.exit(1);
}
const inputs = Object.keys(result.metafile.inputs).filter((file) => file.startsWith('src/'));
if (!inputs.includes('src/main.ts') || !inputs.includes('src/cli.ts')) {
  console.error('scripts/bundle.mjs: src/main.ts and src/cli.ts must be in the start-up file.');
  process.exit(1);
}
