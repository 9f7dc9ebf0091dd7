// The fast front matter reader (src/records/plainYaml.ts) against the exact
// one (parseYaml in src/records/yamlDocument.ts). The contract: whenever
// readPlainYaml returns a value rather than NOT_PLAIN, parseYaml reports no
// problem for the same text and returns an equal value — same structure, same
// strings, null where null, keys in the same order. Checked on every record
// in the repository, on generated benchmark records (which must all take the
// fast path, or the speed-up is gone), on a table of tricky texts, and on
// random texts and random mutations of real records.
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../src/records/frontMatter.js';
import { NOT_PLAIN, readPlainYaml } from '../src/records/plainYaml.js';
import { parseYaml } from '../src/records/yamlDocument.js';
import { PROJECT_ROOT, tempDir } from './helpers.js';

// --- the contract ----------------------------------------------------------------

/**
 * A value written out with everything the contract cares about: strings
 * quoted, null and undefined told apart, arrays told from objects, keys in
 * their own order, prototypes and hidden properties visible.
 */
function show(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return '<odd array>';
    return `[${value.map(show).join(', ')}]`;
  }
  if (typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) return '<odd object>';
    const names = Object.getOwnPropertyNames(value);
    const keys = Object.keys(value);
    if (names.length !== keys.length || Object.getOwnPropertySymbols(value).length > 0) return '<hidden properties>';
    return `{${keys.map((k) => `${JSON.stringify(k)}: ${show((value as Record<string, unknown>)[k])}`).join(', ')}}`;
  }
  return `<${typeof value} ${String(value)}>`;
}

/** Why `text` breaks the contract, or undefined when it keeps it. */
function violation(text: string, fast = readPlainYaml(text)): string | undefined {
  if (fast === NOT_PLAIN) return undefined;
  let exact: ReturnType<typeof parseYaml>;
  try {
    exact = parseYaml(text);
  } catch (error) {
    return `parseYaml threw ${String(error)} where the fast reader returned ${show(fast)}`;
  }
  if (exact.problems.length > 0) {
    return `the fast reader returned ${show(fast)} but parseYaml reports ${exact.problems.map((p) => `${p.rule} "${p.message}" at ${p.offset}`).join('; ')}`;
  }
  const [a, b] = [show(fast), show(exact.value)];
  if (a !== b) return `the fast reader returned ${a} but parseYaml ${b}`;
  return undefined;
}

/** Asserts the contract for `text`; true when it took the fast path. */
function holds(text: string, where: string): boolean {
  const fast = readPlainYaml(text);
  const problem = violation(text, fast);
  if (problem) expect.fail(`${where}: ${problem}\ntext: ${JSON.stringify(text)}`);
  return fast !== NOT_PLAIN;
}

// --- the corpus ------------------------------------------------------------------

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && pattern.test(entry.name)) out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** The front matter of a record file, as the record parser would see it; undefined when there is none. */
function frontMatterOf(file: string): string | undefined {
  let text = readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const split = splitFrontMatter(text);
  return split.kind === 'ok' ? split.yaml : undefined;
}

const relative = (file: string): string => path.relative(PROJECT_ROOT, file);

const benchRepo = tempDir('meet-plain-yaml-');
const benchRun = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bench', 'generate.mjs'), '--records', '200', '--out', benchRepo], {
  encoding: 'utf8',
});
const benchFiles = filesUnder(path.join(benchRepo, 'meetings'), /\.md$/);
const benchYaml = benchFiles.map((file) => frontMatterOf(file)!);

describe('readPlainYaml on real records', () => {
  it('keeps the contract on the generated benchmark records, and reads every one of them itself', () => {
    expect(benchRun.status, benchRun.stderr).toBe(0);
    expect(benchFiles.length).toBe(200);
    for (const [i, yaml] of benchYaml.entries()) {
      expect(yaml, benchFiles[i]).toBeTypeOf('string');
      expect(holds(yaml, relative(benchFiles[i]!)), `${benchFiles[i]} did not take the fast path`).toBe(true);
    }
  });

  it('reads every example record itself, keeping the contract', () => {
    const files = filesUnder(path.join(PROJECT_ROOT, 'examples', 'meetings'), /\.md$/);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const yaml = frontMatterOf(file);
      expect(yaml, relative(file)).toBeTypeOf('string');
      expect(holds(yaml!, relative(file)), `${relative(file)} did not take the fast path`).toBe(true);
    }
  });

  it('keeps the contract on every Markdown file in examples/, test/ and templates/, hostile fixtures included', () => {
    const files = ['examples', 'test', 'templates'].flatMap((dir) => filesUnder(path.join(PROJECT_ROOT, dir), /\.md$/));
    let split = 0;
    let fast = 0;
    for (const file of files) {
      const yaml = frontMatterOf(file);
      if (yaml === undefined) continue;
      split++;
      if (holds(yaml, relative(file))) fast++;
      // The same text with Windows line ends, and templates filled in.
      holds(yaml.replace(/\r?\n/g, '\r\n'), `${relative(file)} (CRLF)`);
      if (yaml.includes('{{')) holds(yaml.replace(/\{\{(\w+)\}\}/g, '$1'), `${relative(file)} (filled in)`);
    }
    expect(files.length).toBeGreaterThan(100);
    expect(split).toBeGreaterThan(80);
    expect(fast).toBeGreaterThan(10);
  });

  it('keeps the contract on the YAML files there too', () => {
    const files = ['examples', 'test', 'templates'].flatMap((dir) => filesUnder(path.join(PROJECT_ROOT, dir), /\.ya?ml$/));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) holds(readFileSync(file, 'utf8'), relative(file));
  });
});

// --- a table of tricky texts -------------------------------------------------------

/** The fast reader must read the text itself, whatever it makes of it. */
const FAST = Symbol('fast');
/** NOT_PLAIN, FAST, or the value the fast reader must return. */
type Expected = unknown;

const nest = (depth: number, line: (level: number) => string, last: string): string =>
  Array.from({ length: depth }, (_, level) => line(level)).join('\n') + last;
const longKey = (length: number): string => 'k'.repeat(length);

// [what, text, what the fast reader must return (the contract is checked for every row)]
const TABLE: [string, string, Expected?][] = [
  // Comments after plain values
  ['comment after a value', 'key: a #b', { key: 'a' }],
  ['"#" inside a word', 'key: a#b', { key: 'a#b' }],
  ['comments and spaces', 'key: a  #  b # c', { key: 'a' }],
  ['a comment where the value would be', 'key: #a', { key: null }],
  ['a comment holding ": "', 'key: b #c: d', { key: 'b' }],
  // Single-quoted
  ['doubled quote', "key: 'it''s'", { key: "it's" }],
  ['only a doubled quote', "key: ''''", { key: "'" }],
  ['single-quoted then a comment', "key: 'a' # c", { key: 'a' }],
  ['single-quoted then "#" with no space', "key: 'a'#c", NOT_PLAIN],
  ['single-quoted then text', "key: 'a' b", NOT_PLAIN],
  ['unclosed single quote', "key: 'a", NOT_PLAIN],
  ['single-quoted over two lines', "key: 'a\n  b'", NOT_PLAIN],
  ['single-quoted "#"', "key: '#'", { key: '#' }],
  // Double-quoted
  ['escaped double quote', 'key: "a\\"b"', { key: 'a"b' }],
  ['escaped backslash', 'key: "a\\\\b"', { key: 'a\\b' }],
  ['escaped backslash before the closing quote', 'key: "a\\\\"', { key: 'a\\' }],
  ['"\\n" escape', 'key: "a\\nb"', NOT_PLAIN],
  ['"\\t" escape', 'key: "a\\tb"', NOT_PLAIN],
  ['"\\u" escape', 'key: "\\u0041"', NOT_PLAIN],
  ['"\\/" escape', 'key: "a\\/b"', NOT_PLAIN],
  ['"\\x" escape', 'key: "\\x41"', NOT_PLAIN],
  ['escaped closing quote', 'key: "\\"', NOT_PLAIN],
  ['double-quoted then text', 'key: "a" b', NOT_PLAIN],
  ['double-quoted then "#" with no space', 'key: "a"#b', NOT_PLAIN],
  ['"#" inside double quotes', 'key: "a # b"', { key: 'a # b' }],
  ['double-quoted over two lines', 'key: "a\n  b"', NOT_PLAIN],
  ['double-quoted with outer spaces', 'key: "  a  "  ', { key: '  a  ' }],
  // Flow lists
  ['flow list', 'key: [a, b]', { key: ['a', 'b'] }],
  ['flow list, trailing comma', 'key: [a, b,]', NOT_PLAIN],
  ['empty flow list', 'key: []', { key: [] }],
  ['empty flow list with a space', 'key: [ ]', { key: [] }],
  ['flow list then a comment', 'key: [a]  # c', { key: ['a'] }],
  ['flow list then "#" with no space', 'key: [a]#c', NOT_PLAIN],
  ['flow list then text', 'key: [a] b', NOT_PLAIN],
  ['nested flow list', 'key: [a, [b]]', { key: ['a', ['b']] }],
  ['flow mapping in a flow list', 'key: [a, {b: c}]', { key: ['a', { b: 'c' }] }],
  ['pair in a flow list', 'key: [a: b]', NOT_PLAIN],
  ['quoted item', 'key: ["a", b]', { key: ['a', 'b'] }],
  ['single-quoted item', "key: ['a']", { key: ['a'] }],
  ['comment in a flow list', 'key: [a #b]', NOT_PLAIN],
  ['empty item', 'key: [a,, b]', NOT_PLAIN],
  ['empty first item', 'key: [, a]', NOT_PLAIN],
  ['flow list over two lines', 'key: [a,\n  b]', NOT_PLAIN],
  ['null items', 'key: [null, ~, Null, NULL, nULL]', { key: [null, null, null, null, 'nULL'] }],
  ['Vietnamese items', 'key: [Hội nghị, thường kỳ,Đảng bộ]', { key: ['Hội nghị', 'thường kỳ', 'Đảng bộ'] }],
  ['spaces inside items', 'key: [a   b ,c]', { key: ['a   b', 'c'] }],
  ['indicators inside items', 'key: [a&b, c*, d!, e|f, g>h, i%, j@k]', { key: ['a&b', 'c*', 'd!', 'e|f', 'g>h', 'i%', 'j@k'] }],
  ['item starting with "-"', 'key: [-a]', NOT_PLAIN],
  ['item starting with "?"', 'key: [?a]', NOT_PLAIN],
  ['anchor item', 'key: [&a b]', NOT_PLAIN],
  ['alias item', 'key: [*a]', NOT_PLAIN],
  ['tagged item', 'key: [!a b]', NOT_PLAIN],
  ['flow list as a list item', '- [a, b]\n- []', [['a', 'b'], []]],
  // ":" in values and keys
  ['": " in a value', 'key: a: b', NOT_PLAIN],
  ['value ending in ":"', 'key: a:', NOT_PLAIN],
  ['":" inside a value', 'key: a:b', { key: 'a:b' }],
  ['a URL', 'key: http://x.vn/a?b=c#d', { key: 'http://x.vn/a?b=c#d' }],
  ['time of day', 'key: 10:30', { key: '10:30' }],
  ['no space after ":"', 'key:a', NOT_PLAIN],
  ['space before ":"', 'key : a', NOT_PLAIN],
  // Spaces
  ['trailing spaces', 'key: a   ', { key: 'a' }],
  ['only spaces after the key', 'key:   ', { key: null }],
  ['spaces before the value', 'key:    a', { key: 'a' }],
  ['NBSP before "#"', 'key: a\u00a0#b', { key: 'a\u00a0#b' }],
  ['trailing NBSP', 'key: a\u00a0', { key: 'a\u00a0' }],
  ['leading NBSP', 'key: \u00a0a', { key: '\u00a0a' }],
  ['NBSP instead of the space after ":"', 'key:\u00a0a', NOT_PLAIN],
  ['ideographic space before "#"', 'key: a\u3000#b', { key: 'a\u3000#b' }],
  ['zero-width space', 'key: a\u200b', { key: 'a\u200b' }],
  ['a line of only NBSP', 'a: b\n\u00a0\nc: d', NOT_PLAIN],
  // Nulls and things that stay text
  ['tilde', 'key: ~', { key: null }],
  ['null', 'key: null', { key: null }],
  ['Null and NULL', 'a: Null\nb: NULL\nc: nULL', { a: null, b: null, c: 'nULL' }],
  ['quoted tilde and null', 'a: \'~\'\nb: "null"', { a: '~', b: 'null' }],
  ['empty single-quoted', "key: ''", { key: '' }],
  ['empty double-quoted', 'key: ""', { key: '' }],
  [
    'numbers, dates, booleans stay text',
    'a: 10\nb: 0755\nc: 2020-10-26\nd: yes\ne: true\nf: 1e3\ng: .inf',
    { a: '10', b: '0755', c: '2020-10-26', d: 'yes', e: 'true', f: '1e3', g: '.inf' },
  ],
  ['negative number', 'key: -5', { key: '-5' }],
  ['a fall, with decimals', 'yoy_pct: -3.1\nb: -0', { yoy_pct: '-3.1', b: '-0' }],
  ['a list item that is a negative number', 'a:\n  - -3\n  - -4.5', { a: ['-3', '-4.5'] }],
  ['"-" before a letter', 'key: -a', NOT_PLAIN],
  ['"--" before a digit', 'key: --5', NOT_PLAIN],
  ['"-" alone', 'key: -', NOT_PLAIN],
  ['list marker after a key', 'key: - a', NOT_PLAIN],
  ['"---" as a value', 'key: ---', NOT_PLAIN],
  ['"..." as a value', 'key: ...', { key: '...' }],
  ['"=" and "<<"', 'a: =\nb: <<', { a: '=', b: '<<' }],
  ['indicators inside a plain value', 'key: a &b *c !d |e >f %g @h `i` \'j\' "k" ]l }m {n ,o', { key: 'a &b *c !d |e >f %g @h `i` \'j\' "k" ]l }m {n ,o' }],
  ['anchor', 'key: &a b', NOT_PLAIN],
  ['alias', 'a: &x b\nc: *x', NOT_PLAIN],
  ['anchor on a key', '&x a: b', NOT_PLAIN],
  ['anchor on a block', 'a: &x\n  b: c', NOT_PLAIN],
  ['anchor and alias items', '- &x a\n- *x', NOT_PLAIN],
  ['local tag', 'key: !t b', NOT_PLAIN],
  ['core tag', 'key: !!str b', NOT_PLAIN],
  ['tag on a block', 'a: !!map\n  b: c', NOT_PLAIN],
  ['literal block scalar', 'key: |\n  x\n', { key: 'x\n' }],
  ['folded block scalar', 'key: >\n  x\n', { key: 'x\n' }],
  ['block scalar indicators', 'a: |-\n  x\nb: >+\n  y\n', NOT_PLAIN],
  ['block scalar item', '- |\n  x', ['x\n']],
  ['directive-like value', 'key: %a', NOT_PLAIN],
  ['"@" value', 'key: @a', NOT_PLAIN],
  ['backquoted value', 'key: `a`', NOT_PLAIN],
  ['flow mapping', 'key: {a: b}', { key: { a: 'b' } }],
  ['empty flow mapping', 'key: {}', { key: {} }],
  ['flow mapping document', '{a: b}', NOT_PLAIN],
  ['flow mapping item', '- {a: b}', [{ a: 'b' }]],
  ['explicit key', '? a\n: b', NOT_PLAIN],
  ['"?" value', 'key: ? a', NOT_PLAIN],
  ['value starting with ","', 'key: ,a', NOT_PLAIN],
  ['value starting with "]"', 'key: ]a', NOT_PLAIN],
  // Flow mappings, as the README writes chair, metrics and figures
  ['chair as a flow mapping', 'chair: { name: Hoàng Văn Hiệp, role: Phó Bí thư Huyện ủy }', { chair: { name: 'Hoàng Văn Hiệp', role: 'Phó Bí thư Huyện ủy' } }],
  ['a comma in an unquoted role', 'chair: { name: Hoàng Văn Hiệp, role: Phó Bí thư Huyện ủy, Chủ tịch UBND huyện }', NOT_PLAIN],
  ['the comma quoted', "chair: { name: Hoàng Văn Hiệp, role: 'Phó Bí thư Huyện ủy, Chủ tịch UBND huyện' }", FAST],
  ['metrics as a flow mapping', 'metrics: { don-vi-mau: 540, xa-dat-chuan-ntm: 7 }', { metrics: { 'don-vi-mau': '540', 'xa-dat-chuan-ntm': '7' } }],
  [
    'a version 2 figure',
    'metrics: { thu-ngan-sach: { value: 131, ytd: 1000.5, plan_pct: { du-toan-tinh: 126.3, du-toan-huyen: 117.6 }, estimate: true } }',
    FAST,
  ],
  ['flow mapping then a comment', 'key: {a: b}  # c', { key: { a: 'b' } }],
  ['flow mapping then "#" with no space', 'key: {a: b}#c', NOT_PLAIN],
  ['flow mapping then text', 'key: {a: b} c', NOT_PLAIN],
  ['flow mapping, duplicate key', 'key: {a: b, a: c}', NOT_PLAIN],
  ['flow mapping, trailing comma', 'key: {a: b,}', NOT_PLAIN],
  ['flow mapping, empty entry', 'key: {a: b,, c: d}', NOT_PLAIN],
  ['flow mapping, no space after ":"', 'key: {a:b}', NOT_PLAIN],
  ['flow mapping, ":" in a value', 'key: {a: b:c}', NOT_PLAIN],
  ['flow mapping, a time', 'key: {a: 10:30}', NOT_PLAIN],
  ['flow mapping, empty value', 'key: {a: }', NOT_PLAIN],
  ['flow mapping, key without a value', 'key: {a: b, c}', NOT_PLAIN],
  ['flow mapping, quoted key', 'key: {"a": b}', NOT_PLAIN],
  ['flow mapping, quoted values', `key: {a: "x, y", b: 'it''s', c: "{}"}`, { key: { a: 'x, y', b: "it's", c: '{}' } }],
  ['flow mapping, spaces', 'key: {  a:   b c  ,d: e}', { key: { a: 'b c', d: 'e' } }],
  ['flow mapping, nulls', 'key: {a: null, b: ~, c: nULL}', { key: { a: null, b: null, c: 'nULL' } }],
  ['flow mapping, negative number', 'key: {a: -1}', { key: { a: '-1' } }],
  ['flow list of negative numbers', 'key: [-1, -2.5]', { key: ['-1', '-2.5'] }],
  ['flow mapping, "-" before a letter', 'key: {a: -x}', NOT_PLAIN],
  ['flow mapping, nested list and mapping', 'key: {a: [b, c], d: {}}', { key: { a: ['b', 'c'], d: {} } }],
  ['flow mapping, __proto__', 'key: {__proto__: x}', NOT_PLAIN],
  ['flow mapping, comment inside', 'key: {a: b #c}', NOT_PLAIN],
  ['flow mapping over two lines', 'key: { a: b,\n  c: d }', NOT_PLAIN],
  ['flow mapping, unclosed', 'key: {a: b', NOT_PLAIN],
  ['flow mapping, "]" inside', 'key: {a: b]}', NOT_PLAIN],
  ['flow mapping, anchor value', 'key: {a: &x b}', NOT_PLAIN],
  [
    'flow list in a mapping item',
    'tasks:\n  - id: a\n    owner: [van-phong, kinh-te-ha-tang]',
    { tasks: [{ id: 'a', owner: ['van-phong', 'kinh-te-ha-tang'] }] },
  ],
  // Block scalars, as notes and summaries are written
  ['literal lines and a blank line', 'note: |\n  a\n\n  b\n', { note: 'a\n\nb\n' }],
  ['folded lines and a blank line', 'note: >\n  a\n  b\n\n  c\n', { note: 'a b\nc\n' }],
  ['folded, stripped', 'note: >-\n  Đã tổng hợp\n  số liệu\n', { note: 'Đã tổng hợp số liệu' }],
  ['literal, stripped', 'note: |-\n  a\n\n', { note: 'a' }],
  ['kept', 'note: |+\n  a\n\n', NOT_PLAIN],
  ['"#" and ": " inside a block scalar', 'note: |\n  # not a comment\n  a: b\n', { note: '# not a comment\na: b\n' }],
  ['less indented second line', 'note: |\n    a\n  b\n', NOT_PLAIN],
  ['more indented literal line', 'note: |\n  a\n    b\n', { note: 'a\n  b\n' }],
  ['more indented folded line', 'note: >\n  a\n    b\n', NOT_PLAIN],
  ['header with a comment', 'note: | # c\n  a', NOT_PLAIN],
  ['indentation indicator', 'note: |2\n  a', NOT_PLAIN],
  ['empty block scalar', 'note: |\nnext: x', NOT_PLAIN],
  ['block scalar, then a key', 'note: |\n  a\nnext: x', { note: 'a\n', next: 'x' }],
  ['block scalar, blank lines, then a key', 'note: |\n  a\n\n\nb: c', { note: 'a\n', b: 'c' }],
  [
    'block scalar in a list of mappings',
    'tasks:\n  - id: a\n    note: |\n      x\n      y\n    status: done',
    { tasks: [{ id: 'a', note: 'x\ny\n', status: 'done' }] },
  ],
  ['block scalar after "- key:"', '- id: a\n  note: >\n   x\n', [{ id: 'a', note: 'x\n' }]],
  ['trailing spaces, literal', 'note: |\n  a  \n', { note: 'a  \n' }],
  ['trailing spaces, folded', 'note: >\n  a  \n', NOT_PLAIN],
  ['leading blank line longer than the indentation', 'note: |\n   \n  a\n', NOT_PLAIN],
  ['leading empty line', 'note: |\n\n  a\n', { note: '\na\n' }],
  ['a blank line longer than the indentation inside', 'note: |\n  a\n     \n  b\n', NOT_PLAIN],
  ['block scalar at the top level', '|\n  a', NOT_PLAIN],
  // Keys
  ['__proto__', '__proto__: x', NOT_PLAIN],
  ['constructor', 'constructor: x', NOT_PLAIN],
  ['prototype', 'prototype: x', NOT_PLAIN],
  ['quoted __proto__', "'__proto__': x", NOT_PLAIN],
  ['nested __proto__', 'a:\n  __proto__: x', NOT_PLAIN],
  ['__proto__ in a list', '- __proto__:\n    polluted: yes', NOT_PLAIN],
  ['Object.prototype names', 'toString: x\nhasOwnProperty: y\nvalueOf: z', { toString: 'x', hasOwnProperty: 'y', valueOf: 'z' }],
  ['duplicate keys', 'a: 1\na: 2', NOT_PLAIN],
  ['duplicate keys apart', 'a: 1\nb: 2\na:\n  c: 3', NOT_PLAIN],
  ['duplicate keys in a list item', '- a: 1\n  a: 2', NOT_PLAIN],
  ['same key in two mappings', 'a:\n  x: 1\nb:\n  x: 2\nc:\n- x: 3\n- x: 4', { a: { x: '1' }, b: { x: '2' }, c: [{ x: '3' }, { x: '4' }] }],
  ['number keys, in their object order', '10: x\n2: y\nb: z\n1: w', { 1: 'w', 2: 'y', 10: 'x', b: 'z' }],
  ['key "null"', 'null: x', { null: 'x' }],
  ['key "~"', '~: x', NOT_PLAIN],
  ['dotted key', 'a.b: x', { 'a.b': 'x' }],
  ['key starting with "-"', '-x: y', NOT_PLAIN],
  ['key ending with "-"', 'x-: y\n_: z', { 'x-': 'y', _: 'z' }],
  ['key with a space', 'a b: c', NOT_PLAIN],
  ['Vietnamese key', 'Tên: x', NOT_PLAIN],
  ['quoted key', '"a": b', NOT_PLAIN],
  // YAML's 1024-character limit on implicit keys, counted by the exact reader
  // from the line break before the key when the value before it is empty.
  ['key of 1022 characters', `${longKey(1022)}: v`, { [longKey(1022)]: 'v' }],
  ['key of 1025 characters', `${longKey(1025)}: v`, NOT_PLAIN],
  ['key of 1024 characters after an empty value', `a:\n${longKey(1024)}: v`, NOT_PLAIN],
  ['key of 1022 characters after an empty value', `a:\n${longKey(1022)}: v`, { a: null, [longKey(1022)]: 'v' }],
  ['key of 1022 characters after an empty value, CRLF', `a:\r\n${longKey(1022)}: v`, { a: null, [longKey(1022)]: 'v' }],
  ['indented key of 1022 characters after an empty value', `b:\n  a:   \n  ${longKey(1022)}: v`, NOT_PLAIN],
  ['indented key of 1020 characters after an empty value', `b:\n  a:   \n  ${longKey(1020)}: v`, { b: { a: null, [longKey(1020)]: 'v' } }],
  ['indented key of 1018 characters', `a:\n    ${longKey(1018)}:\n      b: c`, { a: { [longKey(1018)]: { b: 'c' } } }],
  ['list item key of 1017 characters', `-    ${longKey(1017)}:\n     ${longKey(1016)}: w`, [{ [longKey(1017)]: null, [longKey(1016)]: 'w' }]],
  ['list item key of 1025 characters', `- ${longKey(1025)}: v`, NOT_PLAIN],
  // Line ends and document markers
  ['CRLF', 'a: b\r\nc: d\r\n', { a: 'b', c: 'd' }],
  ['CRLF with comments, blanks and a list', 'a: b # c\r\n  # c\r\n\r\nd:\r\n- e\r\n-\r\n  f: g\r\n', { a: 'b', d: ['e', { f: 'g' }] }],
  ['a CR alone between lines', 'a: b\rc: d', NOT_PLAIN],
  ['a CR alone ending the text', 'a: b\r', NOT_PLAIN],
  ['a CR alone on a blank line', 'a: b\n\r', NOT_PLAIN],
  ['CR CR LF', 'a: b\r\r\n', NOT_PLAIN],
  ['"---" first', '---\na: b', NOT_PLAIN],
  ['"---" between', 'a: b\n---\nc: d', NOT_PLAIN],
  ['"--- " with content', '--- a', NOT_PLAIN],
  ['"---" with a comment', 'a: b\n--- # c', NOT_PLAIN],
  ['"..." last', 'a: b\n...', NOT_PLAIN],
  ['"..." first', '...\na: b', NOT_PLAIN],
  ['"..." then a comment', 'a: b\n... # c\n', NOT_PLAIN],
  ['indented "---"', 'a:\n  ---', NOT_PLAIN],
  ['"...." and "..." values', 'a: ...\nb: ....', { a: '...', b: '....' }],
  // Tabs
  ['tab after ":"', 'a:\tb', NOT_PLAIN],
  ['tab indentation', '\ta: b', NOT_PLAIN],
  ['tab indentation in a list', 'a:\n\t- b', NOT_PLAIN],
  ['trailing tab', 'a: b\t', NOT_PLAIN],
  ['tab before a comment', 'a: b\t# c', NOT_PLAIN],
  ['tab in quotes', 'a: "\t"', NOT_PLAIN],
  // Multi-line plain values
  ['continuation line', 'a: b\n  c', NOT_PLAIN],
  ['continuation by one space', 'a: b\n c', NOT_PLAIN],
  ['continuation of a list item', '- a\n  b', NOT_PLAIN],
  ['continuation of a list at its key indentation', 'a:\n- b\n  c', NOT_PLAIN],
  ['continuation in a list item mapping', '- a: b\n   c', NOT_PLAIN],
  ['continuation after a quoted value', 'a: "b"\n  c', NOT_PLAIN],
  ['continuation after a flow list', 'a: [b]\n  c', NOT_PLAIN],
  ['a key with no ":" after a value', 'a: b\nc', NOT_PLAIN],
  ['a block value on the next line', 'a:\n  b', NOT_PLAIN],
  ['a more-indented comment after a value', 'a: b\n  # c\nd: e', { a: 'b', d: 'e' }],
  // Comments everywhere
  [
    'comments at every indentation, inside lists too',
    '# c\na: b # c\n  # c\n#c\nd: # c\n  # c\n  - e # c\n # c\n    # c\n  - f\n  -   # c\n    g: h # c\n      # c\n    i: j\n# c\n   # c\nk:\n# c\n- l\n  # c\n- m\n#c',
    { a: 'b', d: ['e', 'f', { g: 'h', i: 'j' }], k: ['l', 'm'] },
  ],
  ['a comment between a key and its block', 'a:\n# c\n  b: c', { a: { b: 'c' } }],
  ['a deeper comment between a key and its block', 'a:\n      # c\n  b: c', { a: { b: 'c' } }],
  ['a comment between a key and its list', 'a:\n  # c\n- b', { a: ['b'] }],
  ['a comment after the key', 'a:  # c\n- b', { a: ['b'] }],
  ['a comment after "-"', '- # c\n  a: b', [{ a: 'b' }]],
  ['only a commented-out key', '#a: b', null],
  // Lists
  ['a list at its key indentation', 'a:\n- x\n- y\nb: z', { a: ['x', 'y'], b: 'z' }],
  ['a nested list at its key indentation', 'a:\n  b:\n  - x\n  c: y', { a: { b: ['x'], c: 'y' } }],
  ['a list in a list item at its key indentation', '- a:\n  - x\n  b: y', [{ a: ['x'], b: 'y' }]],
  ['a list item mapping', '- key: v', [{ key: 'v' }]],
  ['extra spaces after "-"', '-   key: v\n    k2: w\n-  x', [{ key: 'v', k2: 'w' }, 'x']],
  ['list item keys out of line', '-  key: v\n  k2: w', NOT_PLAIN],
  ['"-" then a mapping', '-\n  a: b', [{ a: 'b' }]],
  ['"-" then a list', '-\n  - a', [['a']]],
  ['a list on the "-" line', '- - a', NOT_PLAIN],
  ['"-" then a list item', '-\n- a', [null, 'a']],
  ['null items', '- ~\n- null\n-\n- ""\n- # c\n-   ', [null, null, null, '', null, null]],
  ['a null item in a list at its key indentation', 'a:\n-\nb: c', { a: [null], b: 'c' }],
  ['a key after a list', '- a\nb: c', NOT_PLAIN],
  ['a less-indented item', 'a:\n  - x\n - y', NOT_PLAIN],
  ['a between-indented item', 'a:\n    - x\n  - y', NOT_PLAIN],
  ['no space after "-"', '-a', NOT_PLAIN],
  ['mixed items', '- a\n- b: c\n- [d]\n- "e"\n- \'f\'', ['a', { b: 'c' }, ['d'], 'e', 'f']],
  // Indentation of the document
  ['an indented mapping', '  a: 1\n  b: 2', { a: '1', b: '2' }],
  ['an indented list', '  - a\n  - b', ['a', 'b']],
  ['a deeply indented mapping', '      a:\n        b: c', { a: { b: 'c' } }],
  ['a less-indented line after an indented document', '  a: 1\nb: 2', NOT_PLAIN],
  ['a more-indented key', 'a: 1\n  b: 2', NOT_PLAIN],
  ['a key between indentations', 'a:\n    b: 1\n  c: 2', NOT_PLAIN],
  ['a scalar document', 'a', NOT_PLAIN],
  ['a quoted scalar document', '"a"', NOT_PLAIN],
  ['a flow list document', '[a]', NOT_PLAIN],
  ['empty', '', null],
  ['blank lines', '\n  \n\n', null],
  ['only comments', '# c\n  # c\n', null],
  ['only comments, CRLF', '# c\r\n\r\n', null],
  // Text
  [
    'Vietnamese',
    'title: Hội nghị thường kỳ tháng 10 năm 2020\nchair: Nguyễn Thị Hồng Nhung',
    { title: 'Hội nghị thường kỳ tháng 10 năm 2020', chair: 'Nguyễn Thị Hồng Nhung' },
  ],
  ['Vietnamese, decomposed', 'title: Ho\u0302\u0323i nghi\u0323', { title: 'Ho\u0302\u0323i nghi\u0323' }],
  ['curly quotes', 'title: "Đảng bộ: “Nghị quyết” số 5"', { title: 'Đảng bộ: “Nghị quyết” số 5' }],
  ['emoji', 'a: 😀 🎉\nb: [😀, 👍🏽]', { a: '😀 🎉', b: ['😀', '👍🏽'] }],
  ['U+2028', 'a: b\u2028c', NOT_PLAIN],
  ['U+2029', 'a: b\u2029', NOT_PLAIN],
  ['U+0085', 'a: b\u0085', NOT_PLAIN],
  ['a BOM in a value', 'a: \ufeffb', NOT_PLAIN],
  ['a BOM first', '\ufeffa: b', NOT_PLAIN],
  ['NUL', 'a: b\u0000', NOT_PLAIN],
  ['an escape sequence', 'a: b\u001b[31m', NOT_PLAIN],
  ['DEL in quotes', 'a: "\u007f"', NOT_PLAIN],
  ['U+FFFF', 'a: \uffff', NOT_PLAIN],
  ['a lone surrogate', 'a: \ud800'],
  // Limits
  ['nesting 30 deep', nest(30, (i) => `${' '.repeat(i)}a:`, ' x'), FAST],
  ['nesting 65 deep', nest(65, (i) => `${' '.repeat(i)}a:`, ' x'), NOT_PLAIN],
  ['nesting 64 deep, then a flow list', nest(64, (i) => `${' '.repeat(i)}a:`, ' [x]'), NOT_PLAIN],
  ['lists at their key indentation, 40 deep', nest(40, (i) => `${' '.repeat(2 * i)}- a:`, ' x'), NOT_PLAIN],
  ['lists at their key indentation, 61 deep', nest(61, (i) => `${' '.repeat(2 * i)}- a:`, ' x'), NOT_PLAIN],
  ['"-" alone, 64 deep', nest(64, (i) => `${' '.repeat(i)}-`, `\n${' '.repeat(64)}x: y`), NOT_PLAIN],
  ['a flow list of 200,001 items', `a: [${Array(200_001).fill('x').join(', ')}]`, NOT_PLAIN],
  ['a flow list of 199,999 items', `a: [${Array(199_999).fill('x').join(', ')}]`, NOT_PLAIN],
  ['200,001 keys', Array.from({ length: 200_001 }, (_, i) => `k${i}:`).join('\n'), NOT_PLAIN],
];

describe('readPlainYaml on tricky texts', () => {
  it.each(TABLE.map(([what, text, expected]) => ({ what, text, expected })))('$what', ({ what, text, expected }) => {
    const fast = readPlainYaml(text);
    const problem = violation(text, fast);
    if (problem) expect.fail(`${what}: ${problem}\ntext: ${JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text)}`);
    if (expected === NOT_PLAIN) expect(fast).toBe(NOT_PLAIN);
    else if (expected === FAST) expect(fast).not.toBe(NOT_PLAIN);
    else if (expected !== undefined) expect(show(fast)).toBe(show(expected));
  });

  it('refuses every one of them with a tab, a CR alone or a document marker added', () => {
    for (const [what, text] of TABLE) {
      if (text.length > 10_000) continue;
      expect(readPlainYaml(`${text}\n---\n`), what).toBe(NOT_PLAIN);
      expect(readPlainYaml(`...\n${text}`), what).toBe(NOT_PLAIN);
      expect(readPlainYaml(`${text}\n\t`), what).toBe(NOT_PLAIN);
      expect(readPlainYaml(`${text}\r`), what).toBe(NOT_PLAIN);
      holds(text.replace(/\n/g, '\r\n'), `${what} (CRLF)`);
      holds(`  ${text.replace(/\n/g, '\n  ')}`, `${what} (indented)`);
    }
  });
});

// --- random texts ------------------------------------------------------------------

/** Choices taken in turn from numbers fast-check drew (and can shrink towards 0). */
class Draw {
  private at = 0;
  /** How often, in percent, an odd key, value or comment is drawn. */
  odd = 10;
  constructor(private readonly numbers: readonly number[]) {}
  int(n: number): number {
    return this.numbers[this.at++ % this.numbers.length]! % n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(percent: number): boolean {
    return this.int(100) < percent;
  }
}

const KEYS = ['title', 'date', 'chair', 'name', 'tasks', 'id', 'due', 'owner', 'note', 'so-van-ban', 'a.b', '10', '0', 'null', '_x', 'x-'];
const ODD_KEYS = [
  '-x',
  '~',
  '__proto__',
  'constructor',
  'toString',
  'a b',
  "'q'",
  '"d"',
  'k:',
  'Tên',
  '? k',
  'a#b',
  '<<',
  '[k]',
  '&k k',
  '!t k',
  ' k',
  '',
  longKey(1019),
  longKey(1020),
  longKey(1021),
  longKey(1022),
  longKey(1023),
  longKey(1024),
  longKey(1025),
];
const PLAIN_VALUES = [
  'a',
  'b c',
  'Hội nghị',
  'thường kỳ tháng 10',
  'Đảng bộ huyện',
  'Nguyễn Văn A, Chủ tịch UBND xã',
  '10',
  '10:30',
  '2020-10-26',
  '0755',
  'yes',
  'true',
  'null',
  'Null',
  'NULL',
  '~',
  'a:b',
  'a#b',
  'a.b',
  'x-y',
  '…',
  '“Nghị quyết”',
  '😀',
  'a\u00a0#b',
  'http://x.vn/a?b=c',
  '...',
  '=',
  '<<',
  'a]',
  'a}',
  'a,b',
  'a&b',
  'a*',
  'a!',
  'a|b',
  'a>b',
  'a%',
  'a@b',
  'a`b`',
  "a'b",
  'a"b',
  '[a, b]',
  '[]',
  '[Hội nghị, 10.30]',
  "'it''s'",
  "''",
  '""',
  '"a\\"b"',
  '"a\\\\b"',
  '"a # b"',
  "'#'",
  '"Đảng bộ: “x”"',
];
const ODD_VALUES = [
  '-5',
  '- a',
  '-',
  '---',
  'a: b',
  'a:',
  'a #b',
  '#c',
  ' #c',
  '&x',
  '*x',
  '!t x',
  '!!str x',
  '|',
  '>',
  '|-',
  '%x',
  '@x',
  '`x`',
  '{a: b}',
  '{}',
  '[a, b,]',
  '[ ]',
  '[a, [b]]',
  '[a',
  '[a]b',
  '[null, ~]',
  '[Hội nghị, 10:30]',
  '["a"]',
  '"a\\nb"',
  '"a',
  "'a",
  '"a" b',
  "'a'b",
  '? a',
  ': a',
  ',a',
  'a\u2028b',
  'a\tb',
  '\u00a0',
  'a ',
  '  ',
  '\\',
  '"\\"',
  '\r',
  'a\rb',
  '\ufeff',
  '\u0085',
];
const COMMENTS = [' # c', ' #', '#c', '  # Nhiệm vụ: x', ' # - a', ' # "', '\t# c'];
const JUNK_LINES = [
  '...',
  '---',
  '--- a',
  '-',
  '- ',
  'key:',
  ' a',
  '? x',
  ': y',
  '%YAML 1.2',
  '&a',
  '|',
  ' - x',
  'a: b: c',
  '"a',
  '[a,',
  '#',
  '  ',
  '\t',
  '- - a',
];

type Tree = { kind: 'scalar'; text: string } | { kind: 'empty' } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'list'; items: Tree[] };

function scalarText(d: Draw): string {
  const one = (): string => (d.chance(d.odd) ? d.pick(ODD_VALUES) : d.pick(PLAIN_VALUES));
  return d.chance(100 - 2 * d.odd) ? one() : `${one()}${d.pick(['', ' ', ''])}${one()}`;
}

function tree(d: Draw, depth: number): Tree {
  const roll = d.int(100);
  if (depth >= 4 || roll < 45) return d.chance(90) ? { kind: 'scalar', text: scalarText(d) } : { kind: 'empty' };
  const size = 1 + d.int(4);
  if (roll < 75) return mapping(d, depth, size);
  return { kind: 'list', items: Array.from({ length: size }, () => tree(d, depth + 1)) };
}

function mapping(d: Draw, depth: number, size: number): Tree {
  const keys = [...KEYS];
  const entries: [string, Tree][] = [];
  for (let i = 0; i < size; i++) {
    // Mostly distinct ordinary keys; sometimes an odd one or a repeat.
    const key = d.chance(d.odd / 3) ? d.pick(ODD_KEYS) : d.chance(d.odd / 6) || keys.length === 0 ? d.pick(KEYS) : keys.splice(d.int(keys.length), 1)[0]!;
    entries.push([key, tree(d, depth + 1)]);
  }
  return { kind: 'map', entries };
}

function comment(d: Draw): string {
  return d.chance(2 * d.odd) ? d.pick(COMMENTS) : '';
}

function render(node: Tree, indent: number, out: string[], d: Draw): void {
  const pad = ' '.repeat(indent);
  const step = (): number => d.pick([1, 2, 2, 2, 3, 4]);
  if (node.kind === 'scalar') out.push(`${pad}${node.text}${comment(d)}`);
  else if (node.kind === 'empty') out.push(`${pad}${comment(d)}`);
  else if (node.kind === 'map') {
    for (const [key, child] of node.entries) {
      const head = `${pad}${key}:`;
      if (child.kind === 'scalar') out.push(`${head}${d.chance(d.odd) ? '' : d.pick([' ', ' ', ' ', '  ', '   '])}${child.text}${comment(d)}`);
      else if (child.kind === 'empty') out.push(`${head}${d.chance(80) ? '' : ' '}${comment(d)}`);
      else {
        out.push(`${head}${comment(d)}`);
        render(child, child.kind === 'list' && d.chance(35) ? indent : indent + step(), out, d);
      }
    }
  } else {
    for (const item of node.items) {
      const gap = d.pick([1, 1, 1, 2, 3]);
      if (item.kind === 'scalar') out.push(`${pad}-${' '.repeat(gap)}${item.text}${comment(d)}`);
      else if (item.kind === 'empty') out.push(`${pad}-${d.chance(80) ? '' : ' '.repeat(gap)}${comment(d)}`);
      else if (d.chance(item.kind === 'map' ? 70 : d.odd)) {
        // Compact: the first line of the item goes on the "-" line.
        const inner: string[] = [];
        render(item, indent + 1 + gap, inner, d);
        inner[0] = `${pad}-${' '.repeat(gap)}${inner[0]!.slice(indent + 1 + gap)}`;
        out.push(...inner);
      } else {
        out.push(`${pad}-${comment(d)}`);
        render(item, indent + step(), out, d);
      }
    }
  }
}

/** Lines from fragments, with no regard for structure. */
function freeLines(d: Draw): string[] {
  return Array.from({ length: 1 + d.int(6) }, () => {
    let line = ' '.repeat(d.int(7));
    if (d.chance(30)) line += d.pick(['- ', '-', '-  ', '- - ']);
    if (d.chance(70)) line += `${d.chance(85) ? d.pick(KEYS) : d.pick(ODD_KEYS)}:${d.chance(70) ? ` ${scalarText(d)}` : ''}`;
    // eslint-disable-next-line no-dupe-else-if -- each call draws a new number
    else if (d.chance(70)) line += scalarText(d);
    return line + comment(d);
  });
}

function noise(lines: string[], d: Draw): void {
  if (!d.chance(2 * d.odd)) return;
  for (let n = 1 + d.int(3); n > 0; n--) {
    const at = d.int(lines.length + 1);
    switch (d.int(7)) {
      case 0:
        lines.splice(at, 0, `${' '.repeat(d.int(7))}#${d.pick([' c', '', ': x', ' - a'])}`);
        break;
      case 1:
        lines.splice(at, 0, ' '.repeat(d.int(5)));
        break;
      case 2: {
        const line = lines[at] ?? '';
        const shift = d.pick([-2, -1, 1, 2]);
        lines[at] = shift < 0 ? line.replace(new RegExp(`^ {1,${-shift}}`), '') : ' '.repeat(shift) + line;
        break;
      }
      case 3:
        if (at < lines.length) lines[at] += d.chance(50) ? d.pick(COMMENTS) : d.pick(ODD_VALUES);
        break;
      case 4:
        lines.splice(at, 0, `${' '.repeat(d.chance(70) ? 0 : d.int(7))}${d.pick(JUNK_LINES)}`);
        break;
      case 5:
        lines.splice(at, 1);
        break;
      default:
        if (at > 0 && at < lines.length) lines.splice(at - 1, 2, `${lines[at - 1]} ${lines[at]!.trimStart()}`);
    }
  }
}

function randomText(d: Draw): string {
  // Some texts clean, most with a little or a lot of oddity.
  d.odd = d.pick([0, 0, 1, 2, 5, 10, 20, 40]);
  let lines: string[];
  if (d.chance(15)) lines = freeLines(d);
  else {
    lines = [];
    // Mostly a mapping, as records are; sometimes a list or a scalar.
    const root = d.chance(85) ? mapping(d, 0, 1 + d.int(6)) : tree(d, 0);
    render(root, d.chance(85) ? 0 : 1 + d.int(6), lines, d);
  }
  noise(lines, d);
  const ends = d.int(100);
  const end = (): string => (ends < 70 ? '\n' : ends < 70 + 3 * d.odd ? d.pick(['\n', '\r\n', '\n', '\r']) : '\r\n');
  return lines.map((line, i) => (i < lines.length - 1 || d.chance(80) ? line + end() : line)).join('');
}

/** Characters that mean something to YAML, and a few that mean nothing. */
const MUTATION_CHARS = [
  ' ',
  ' ',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '#',
  ':',
  '-',
  '?',
  ',',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '\\',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '~',
  '.',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u0085',
  'a',
  'ệ',
  '0',
  '😀',
];

type Mutation = { op: 'insert' | 'delete' | 'replace' | 'line'; at: number; text: string };

function mutate(text: string, mutations: Mutation[]): string {
  for (const { op, at, text: piece } of mutations) {
    const i = at % (text.length + 1);
    if (op === 'insert') text = text.slice(0, i) + piece + text.slice(i);
    else if (op === 'delete') text = text.slice(0, i) + text.slice(i + 1 + (at % 3));
    else if (op === 'replace') text = text.slice(0, i) + piece + text.slice(i + 1);
    else {
      // A whole line repeated, or dropped.
      const lines = text.split('\n');
      const n = at % lines.length;
      if (piece === ' ') lines.splice(n, 1);
      else lines.splice(n, 0, lines[n]!);
      text = lines.join('\n');
    }
  }
  return text;
}

describe('readPlainYaml on random texts', () => {
  it('keeps the contract on random YAML-like texts, a good share of which it reads itself', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1000, maxLength: 1000 }), (numbers) => {
        const text = randomText(new Draw(numbers));
        runs++;
        if (holds(text, 'random text')) fast++;
      }),
      { numRuns: 3000, seed: 20201026 },
    );
    // Not vacuous: the fast path is taken often, and often refused.
    expect(fast / runs).toBeGreaterThan(0.25);
    expect(fast / runs).toBeLessThan(0.75);
  });

  it('keeps the contract on generated records with a few characters or lines changed', () => {
    expect(benchYaml.length).toBe(200);
    let fast = 0;
    let runs = 0;
    const mutation: fc.Arbitrary<Mutation> = fc.record({
      op: fc.constantFrom('insert', 'delete', 'replace', 'line'),
      at: fc.nat(),
      text: fc.constantFrom(...MUTATION_CHARS),
    });
    fc.assert(
      fc.property(fc.nat(benchYaml.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, mutations) => {
        const text = mutate(benchYaml[index]!, mutations);
        runs++;
        if (holds(text, `${relative(benchFiles[index]!)} mutated`)) fast++;
      }),
      { numRuns: 1500, seed: 20201126 },
    );
    expect(fast / runs).toBeGreaterThan(0.2);
  });
});

// --- flow collections and block scalars ----------------------------------------------

/** A flow collection of random scalars (plain, odd, quoted), nested a little. */
function flowText(d: Draw, depth: number): string {
  const scalar = (): string => (d.chance(15) ? d.pick(["'a, b'", '"x: y"', "''", '"#"']) : scalarText(d));
  const item = (): string => (depth < 3 && d.chance(20) ? flowText(d, depth + 1) : scalar());
  const space = (): string => d.pick(['', ' ', ' ', '  ']);
  const n = d.int(4);
  if (d.chance(60)) {
    const keys = Array.from({ length: n }, () => (d.chance(90) ? d.pick(KEYS) : d.pick(ODD_KEYS)));
    return `{${space()}${keys.map((k) => `${k}:${d.chance(95) ? ' ' : ''}${space()}${item()}`).join(`${space()},${space()}`)}${space()}${d.chance(5) ? ',' : ''}}`;
  }
  return `[${space()}${Array.from({ length: n }, item).join(`${space()},${space()}`)}${space()}]`;
}

/** A block scalar: a header and lines at random indentations, blank, "#" or trailing spaces among them. */
function blockScalarLines(d: Draw, indent: number): string[] {
  const header = d.pick(['|', '>', '|-', '>-', '|+', '| # c', '|2', '>  ']);
  const inner = indent + 1 + d.int(3);
  const lines = [header];
  for (let i = 0, n = 1 + d.int(5); i < n; i++) {
    const kind = d.int(10);
    if (kind < 6) lines.push(`${' '.repeat(inner)}${scalarText(d)}`);
    else if (kind === 6) lines.push('');
    else if (kind === 7) lines.push(' '.repeat(d.int(inner + 2)));
    else if (kind === 8) lines.push(`${' '.repeat(inner + d.pick([-1, 1, 2]))}${d.pick(['# c', 'a: b', 'x'])}`);
    else lines.push(`${' '.repeat(inner)}${scalarText(d)}${d.pick(['  ', ' '])}`);
  }
  return lines;
}

function styledText(d: Draw): string {
  d.odd = d.pick([0, 0, 2, 5, 10, 20]);
  const lines: string[] = [];
  for (let i = 0, n = 1 + d.int(5); i < n; i++) {
    const key = d.pick(['title', 'chair', 'metrics', 'note', 'summary', 'owner', 'a']);
    if (d.chance(45)) lines.push(`${key}: ${flowText(d, 0)}${d.chance(10) ? d.pick(COMMENTS) : ''}`);
    else if (d.chance(60)) {
      const [header, ...rest] = blockScalarLines(d, 0);
      lines.push(`${key}: ${header}`, ...rest);
    } else {
      // In a list of mappings, as tasks and updates are written.
      lines.push(`${key}:`, `  - id: x${i}`);
      if (d.chance(50)) lines.push(`    owner: ${flowText(d, 0)}`);
      else {
        const [header, ...rest] = blockScalarLines(d, 4);
        lines.push(`    note: ${header}`, ...rest);
      }
    }
  }
  return `${lines.join(d.chance(85) ? '\n' : '\r\n')}${d.chance(80) ? '\n' : ''}`;
}

describe('readPlainYaml on flow collections and block scalars', () => {
  it('keeps the contract on random texts written in those styles, and reads a good share itself', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 400, maxLength: 400 }), (numbers) => {
        const text = styledText(new Draw(numbers));
        runs++;
        if (holds(text, 'styled text')) fast++;
      }),
      { numRuns: 3000, seed: 20201125 },
    );
    // Not vacuous: about one text in six is read whole by the fast reader.
    expect(fast / runs).toBeGreaterThan(0.1);
    expect(fast / runs).toBeLessThan(0.9);
  });
});
