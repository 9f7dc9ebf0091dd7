#!/usr/bin/env node
// The parse-and-validate floor (issue 5): what `meet check` costs when done
// the fast way. Read every record, split the front matter by hand, parse the
// YAML without keeping a document with source positions, validate with the
// project's own zod schema, then run the project's cross-record rules.
// Positions would only be needed for files with findings: here `locate` is
// a dummy, so a finding's line is 0 (a generated repository has none).
//
//   node bench/floor-parse.mjs --root DIR [--yaml failsafe|core|js-yaml] [--env snapshot|live]
//
// `--yaml` picks the YAML parser: the `yaml` package's parse() with the core
// or the failsafe schema, or js-yaml with its failsafe schema (not a
// dependency of meet: it comes with gray-matter in devDependencies). js-yaml
// is the fast public parser, so `npm run bench` takes `--yaml js-yaml` as the
// parse-and-validate floor that `meet check` is measured against; it runs on
// one thread, as a plain script would.
//
// `--env snapshot` (the default) replaces process.env by a plain copy before
// parsing: the `yaml` parser reads process.env.LOG_TOKENS once per token, and
// each read of the live process.env is a slow call into C++ (measured: about
// 60% of yaml's parse time on these records). `--env live` keeps it.
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { ConfigSchema, RecordSchema, withDefaults } from '../dist/model/schema.js';
import { checkRepository } from '../dist/domain/checkRules.js';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    yaml: { type: 'string', default: 'failsafe' },
    env: { type: 'string', default: 'snapshot' },
  },
});
if (values.env === 'snapshot') process.env = { ...process.env };
const root = path.resolve(values.root);

let parseYaml;
if (values.yaml === 'core' || values.yaml === 'failsafe') {
  const options = { schema: values.yaml, version: '1.2', uniqueKeys: true };
  parseYaml = (text) => parse(text, options);
} else if (values.yaml === 'js-yaml') {
  const jsYaml = createRequire(import.meta.url)('js-yaml');
  parseYaml = (text) => jsYaml.load(text, { schema: jsYaml.FAILSAFE_SCHEMA });
} else {
  process.stderr.write(`floor-parse: unknown --yaml ${values.yaml}\n`);
  process.exit(2);
}

const config = withDefaults(ConfigSchema.parse(parse(readFileSync(path.join(root, 'meet.config.yaml'), 'utf8'), { schema: 'failsafe' })));

// Front matter between a first line `---` and the next line `---` (LF or CRLF).
function split(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const open = text.startsWith('---\n') ? 4 : text.startsWith('---\r\n') ? 5 : -1;
  if (open < 0) return undefined;
  let at = open;
  for (;;) {
    const close = text.indexOf('\n---', at - 1);
    if (close < 0) return undefined;
    const after = close + 4;
    if (after === text.length || text[after] === '\n' || (text[after] === '\r' && text[after + 1] === '\n')) {
      return text.slice(open, close + 1);
    }
    at = after;
  }
}

const locate = () => ({ line: 0, column: 0 });
const records = [];
const findings = [];
const failed = (file, rule, message) => findings.push({ file, line: 0, column: 0, severity: 'error', rule, message });

const meetingsFolder = config.paths.meetings;
const walk = (dir, relative) => {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const file = `${relative}/${entry.name}`;
    if (entry.isDirectory()) walk(path.join(dir, entry.name), file);
    else if (entry.name.endsWith('.md')) readRecord(path.join(dir, entry.name), file);
  }
};

function readRecord(absolute, file) {
  const bytes = readFileSync(absolute);
  if (!isUtf8(bytes)) return failed(file, 'encoding', 'not UTF-8');
  const yaml = split(bytes.toString('utf8'));
  if (yaml === undefined) return failed(file, 'front-matter-missing', 'no front matter');
  let value;
  try {
    value = parseYaml(yaml);
  } catch (error) {
    return failed(file, 'yaml-syntax', error.message);
  }
  const result = RecordSchema.safeParse(value ?? {});
  if (!result.success) return failed(file, 'schema', result.error.issues[0].message);
  records.push({ file, data: result.data, body: '', bodyLine: 0, locate });
}

walk(path.join(root, meetingsFolder), meetingsFolder.replace(/\\/g, '/').replace(/\/+$/, ''));
findings.push(...checkRepository(config, records));
process.stdout.write(`${records.length} records, ${findings.length} findings\n`);
for (const f of findings.slice(0, 5)) process.stdout.write(`  ${f.file}: ${f.rule}: ${f.message}\n`);
process.exitCode = findings.length > 0 ? 1 : 0;
