// ESLint for meet: typescript-eslint's recommended rules, and the layering of
// src/ (ARCHITECTURE.md) as import rules, so that a wrong import fails `npm
// run lint` rather than waiting for a reviewer. Formatting is Prettier's.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// Each layer may import only the layers below it (and itself).
const LAYERS = {
  model: [],
  domain: ['model'],
  records: ['model', 'domain'],
  render: ['model', 'domain'],
  io: ['model', 'domain', 'records'],
  commands: ['model', 'domain', 'records', 'render', 'io'],
};
const ALL = [...Object.keys(LAYERS).map((l) => `./src/${l}`), './src/cli.ts', './src/main.ts'];
const layerZones = Object.entries(LAYERS).map(([layer, below]) => ({
  target: `./src/${layer}`,
  from: ALL.filter((p) => p !== `./src/${layer}` && !below.some((b) => p === `./src/${b}`)),
  message: below.length ? `${layer}/ may import only ${below.join(', ')} (ARCHITECTURE.md).` : 'model/ imports nothing else from src/ (ARCHITECTURE.md).',
}));
// A command never imports another command: what two share lives in a lower layer.
const commandZones = readdirSync(new URL('./src/commands', import.meta.url))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({
    target: `./src/commands/${f}`,
    from: './src/commands',
    except: [`./${f}`],
    message: 'A command never imports another command (ARCHITECTURE.md).',
  }));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/.data/', 'test-output/', 'coverage/', 'test/hostile/**/*.md'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['./tsconfig.json', './test/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      // meet refuses and shows control characters on purpose: its patterns name them.
      'no-control-regex': 'off',
    },
  },
  {
    // bin/meet.cjs is CommonJS on purpose (scripts/bundle.mjs says why).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __filename: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    // Tests poke at untyped JSON output.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...commandZones] }],
      // Only main.ts ends the process; only io/terminal.ts builds Io from the process.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Return an exit code; main() is the only place that ends the process.' },
        { object: 'process', property: 'env', message: 'Read the environment from Io (io.env).' },
        { object: 'process', property: 'cwd', message: 'Read the folder from Io (io.cwd).' },
      ],
    },
  },
  {
    files: ['src/main.ts', 'src/io/terminal.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  prettier,
);
