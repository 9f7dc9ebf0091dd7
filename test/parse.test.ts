// Parsing is pure: bytes in, typed values and findings out. These tests call
// splitFrontMatter, parseYaml, parseRecord and parseConfig directly.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../src/records/frontMatter.js';
import { decodeText, parseConfig, parseRecord } from '../src/records/parse.js';
import { parseYaml } from '../src/records/yamlDocument.js';
import { EXAMPLES, MINIMAL_CONFIG } from './helpers.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('splitFrontMatter', () => {
  it('splits at the first line of exactly "---" after the opening one', () => {
    const text = '---\ntitle: A\n---\n\nBody\n---\nmore\n';
    expect(splitFrontMatter(text)).toEqual({
      kind: 'ok',
      yaml: 'title: A\n',
      yamlOffset: 4,
      body: '\nBody\n---\nmore\n',
      bodyOffset: 17,
      closeLine: 3,
    });
  });

  it('a closing "---" with spaces after it closes, as the opening one does: the spaces are invisible in an editor', () => {
    expect(splitFrontMatter('--- \ntitle: A\n---  \t\r\nBody\n')).toMatchObject({ kind: 'ok', yaml: 'title: A\n', body: 'Body\n', closeLine: 3 });
  });

  it.each([['----'], ['---x'], [' ---'], ['--- # end'], ['...']])('a line %j does not close the front matter', (line) => {
    expect(splitFrontMatter(`---\ntitle: A\n${line}\nBody\n`)).toEqual({ kind: 'unclosed' });
    const closedLater = splitFrontMatter(`---\ntitle: A\n${line}\n---\nBody\n`);
    expect(closedLater).toMatchObject({ kind: 'ok', yaml: `title: A\n${line}\n`, body: 'Body\n', closeLine: 4 });
  });

  it('accepts CRLF line endings around both fences', () => {
    expect(splitFrontMatter('---\r\ntitle: A\r\n---\r\nBody\r\n')).toMatchObject({
      kind: 'ok',
      yaml: 'title: A\r\n',
      body: 'Body\r\n',
      closeLine: 3,
    });
  });

  it('a closing fence at the very end, with no newline, gives an empty body', () => {
    expect(splitFrontMatter('---\ntitle: A\n---')).toMatchObject({ kind: 'ok', yaml: 'title: A\n', body: '' });
  });

  it('empty front matter is still front matter', () => {
    expect(splitFrontMatter('---\n---\nBody')).toMatchObject({ kind: 'ok', yaml: '', body: 'Body', closeLine: 2 });
  });

  it('an empty or blank file', () => {
    expect(splitFrontMatter('')).toEqual({ kind: 'empty' });
    expect(splitFrontMatter(' \n\n\t\n')).toEqual({ kind: 'empty' });
  });

  it('no front matter: the first line is not a fence', () => {
    expect(splitFrontMatter('# Biên bản\n---\ntitle: A\n---\n')).toEqual({ kind: 'missing' });
    expect(splitFrontMatter('\n---\ntitle: A\n---\n')).toEqual({ kind: 'missing' });
  });

  it('an opening fence never closed', () => {
    expect(splitFrontMatter('---\ntitle: A\n')).toEqual({ kind: 'unclosed' });
    expect(splitFrontMatter('---')).toEqual({ kind: 'unclosed' });
  });

  it.each([
    ['---js', 'js'],
    ['---javascript', 'javascript'],
    ['---JavaScript', 'JavaScript'],
    ['--- toml', 'toml'],
    ['---json', 'json'],
    ['---coffee', 'coffee'],
  ])('%j front matter is another language', (first, language) => {
    expect(splitFrontMatter(`${first}\n{ "title": "A" }\n---\n`)).toEqual({ kind: 'language', language });
  });

  it.each([['---yaml'], ['---yml'], ['--- YAML']])('%j is the explicit spelling of YAML', (first) => {
    expect(splitFrontMatter(`${first}\ntitle: A\n---\nBody`)).toMatchObject({ kind: 'ok', yaml: 'title: A\n', body: 'Body' });
  });
});

describe('parseYaml', () => {
  it('keeps what the clerk typed as text: times, octal-looking numbers, dates, yes, floats', () => {
    const { value, problems } = parseYaml(
      ['time: 10:30', 'mode: 0755', 'date: 2020-10-26', 'ok: yes', 'n: 1e3', 'hex: 0x1F', 'inf: .inf', 'bool: true', 'count: 7'].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(value).toEqual({
      time: '10:30',
      mode: '0755',
      date: '2020-10-26',
      ok: 'yes',
      n: '1e3',
      hex: '0x1F',
      inf: '.inf',
      bool: 'true',
      count: '7',
    });
  });

  it('reads an empty value, ~ and null as null; a quoted "null" stays text', () => {
    const { value } = parseYaml('a:\nb: ~\nc: null\nd: NULL\ne: "null"\nf: \'~\'\ng: ""');
    expect(value).toEqual({ a: null, b: null, c: null, d: null, e: 'null', f: '~', g: '' });
  });

  it('an empty document is null', () => {
    expect(parseYaml('').value).toBeNull();
    expect(parseYaml('# chỉ có ghi chú\n').value).toBeNull();
  });

  it('keeps Vietnamese text and block scalars intact', () => {
    const { value } = parseYaml('title: Hội nghị thường kỳ tháng 10\nnote: |\n  Dòng một\n  Dòng hai\n');
    expect(value).toEqual({ title: 'Hội nghị thường kỳ tháng 10', note: 'Dòng một\nDòng hai\n' });
  });

  it('a few aliases resolve to their anchors', () => {
    const { value, problems } = parseYaml('a: &x Hội trường\nb: *x\nc: &list [1, 2]\nd: *list');
    expect(problems).toEqual([]);
    expect(value).toEqual({ a: 'Hội trường', b: 'Hội trường', c: ['1', '2'], d: ['1', '2'] });
  });

  it('bounds aliases: a billion-laughs document gives a yaml-alias problem and returns', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const { value, problems } = parseYaml(levels.join('\n'));
    expect(problems.map((p) => p.rule)).toEqual(['yaml-alias']);
    expect(problems[0]!.message).toContain('aliases');
    // Nothing near 9^10 values was built.
    expect(JSON.stringify(value ?? null).length).toBeLessThan(100_000);
  });

  it('an alias to a missing anchor is a yaml-alias problem at the alias', () => {
    const { problems } = parseYaml('title: Họp\nchair: *chu-tich\n');
    expect(problems).toEqual([{ rule: 'yaml-alias', message: expect.stringContaining('"*chu-tich"'), offset: 18, severity: 'error' }]);
  });

  it('__proto__, constructor and prototype are refused and pollute nothing', () => {
    const source = [
      '__proto__: { polluted: yes }',
      'constructor: { prototype: { polluted: yes } }',
      'prototype: x',
      'nested:',
      '  __proto__:',
      '    polluted: yes',
      'list:',
      '  - __proto__: { polluted: yes }',
    ].join('\n');
    const { value, problems } = parseYaml(source);
    expect(problems.map((p) => [p.rule, p.offset])).toEqual([
      ['forbidden-key', 0],
      ['forbidden-key', 29],
      ['forbidden-key', 75],
      ['forbidden-key', 98],
      ['forbidden-key', 137],
    ]);
    expect(value).toEqual({ nested: {}, list: [{}] });
    const record = value as Record<string, Record<string, unknown> | unknown[]>;
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(record.nested)).toBe(Object.prototype);
    expect(Object.getPrototypeOf((record.list as unknown[])[0])).toBe(Object.prototype);
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(value)).not.toContain('polluted');
  });

  it('a key written twice, also once quoted, is yaml-duplicate-key at the second', () => {
    expect(parseYaml('title: A\ntitle: B').problems).toEqual([
      {
        rule: 'yaml-duplicate-key',
        message: 'The key "title" is written twice in the same mapping',
        offset: 9,
        severity: 'error',
      },
    ]);
    expect(parseYaml('title: A\n"title": B').problems.map((p) => [p.rule, p.offset])).toEqual([['yaml-duplicate-key', 9]]);
    expect(parseYaml("title: A\n'title': B").problems.map((p) => [p.rule, p.offset])).toEqual([['yaml-duplicate-key', 9]]);
  });

  it('the first key of a list item written again is taken for the next item without its "- ", not for a copy to delete', () => {
    const source = 'tasks:\n  - id: a\n    title: A\n    id: b\n    title: B\n';
    expect(parseYaml(source).problems.map((p) => [p.offset, p.message])).toEqual([
      [
        source.indexOf('id: b'),
        'The key "id" is written twice in the same item of a list: if this begins a new item (another task or update), start this line with "- ", in line with the "- " of the item before',
      ],
      [source.indexOf('title: B'), 'The key "title" is written twice in the same mapping'],
    ]);
    // Outside a block list, or a key that is not the item's first, it stays a key written twice.
    expect(parseYaml('tasks: []\ntitle: A\ntasks:\n  - id: a\n').problems[0]!.message).toBe(
      'The list "tasks" is written twice: keep one "tasks:" line and move the items of the other under it (an empty "tasks: []" left over is deleted)',
    );
    expect(parseYaml('chair: {name: A, name: B}').problems[0]!.message).toBe('The key "name" is written twice in the same mapping');
    expect(parseYaml('tasks:\n  - id: a\n    title: A\n    title: B\n').problems[0]!.message).toBe('The key "title" is written twice in the same mapping');
  });

  it.each([
    ['!!js/function', "x: !!js/function 'function () {}'"],
    ['!!js/undefined', 'x: !!js/undefined ~'],
    ['!!binary', 'x: !!binary aGVsbG8='],
    ['!!timestamp', 'x: !!timestamp 2020-10-26'],
    ['!foo', 'x: !foo bar'],
    ['!<tag:example.org,2020:x>', 'x: !<tag:example.org,2020:x> bar'],
  ])('the tag %s is refused at its "!"', (tag, source) => {
    const { problems } = parseYaml(source);
    expect(problems.map((p) => [p.rule, p.offset])).toEqual([['yaml-tag', 3]]);
  });

  it('a tag inside a flow list after a blank is placed at its "!"', () => {
    expect(parseYaml('tags: [a, !foo b]').problems.map((p) => [p.rule, p.offset])).toEqual([['yaml-tag', 10]]);
  });

  it('a tag right after "[" or "," is placed at its "!"', () => {
    expect(parseYaml('tags: [!foo a]').problems.map((p) => [p.rule, p.offset])).toEqual([['yaml-tag', 7]]);
    expect(parseYaml('tags: [a,!foo b]').problems.map((p) => [p.rule, p.offset])).toEqual([['yaml-tag', 9]]);
  });

  it('a tag on a key is refused too', () => {
    expect(parseYaml('title: A\n!foo tags: [a]').problems.map((p) => [p.rule, p.offset])).toEqual([['yaml-tag', 9]]);
    expect(parseYaml('? !!js/function x\n: y').problems.map((p) => p.rule)).toEqual(['yaml-tag']);
  });

  it.each([
    ['on the line before', 'chair: !!python/object\n  name: x', 7],
    ['past an anchor, a comment and a blank line', 'chair: &c !foo # a !bar note\n  # !foo\n\n  name: x', 10],
    ["not at the first key's own tag", 'chair: !foo\n  !foo name: x', 7],
    ['not at a "!" in earlier quoted text', "title: 'a !foo'\nchair:\n  !foo\n  name: x", 25],
  ])('a tag before a block mapping is placed at its "!", %s', (_, source, offset) => {
    expect(parseYaml(source).problems.map((p) => [p.rule, p.offset])).toEqual([['yaml-tag', offset]]);
  });

  it("a tag on an empty value is not taken for the next key's", () => {
    expect(parseYaml('a: !foo\n!foo b: c').problems.map((p) => [p.rule, p.offset])).toEqual([
      ['yaml-tag', 3],
      ['yaml-tag', 8],
    ]);
  });

  it('core tags are allowed: !!str keeps text', () => {
    const { value, problems } = parseYaml('x: !!str 10:30\ny: !!map { a: b }');
    expect(problems).toEqual([]);
    expect(value).toEqual({ x: '10:30', y: { a: 'b' } });
  });

  it('a tab used for indentation is a yaml-syntax problem on its line', () => {
    const { problems } = parseYaml('chair:\n\tname: A\n');
    expect(problems).toEqual([{ rule: 'yaml-syntax', message: expect.stringContaining('tab'), offset: 7, severity: 'error' }]);
  });
});

describe('parseRecord', () => {
  const VALID = [
    '---',
    'title: Hội nghị thường kỳ tháng 10',
    'date: 2020-10-26',
    'time: 14:00',
    'chair: { name: Hoàng Văn Hiệp, role: Chủ tịch }',
    'results:',
    '  - sector: kinh-te',
    '    summary: Bảy xã đạt chuẩn',
    '    metrics: { xa-dat-chuan-ntm: 7, thu-ngan-sach: 21.4 }',
    'tasks:',
    '  - id: t-1',
    '    title: Việc một',
    '    owner: [van-phong, tai-chinh-ke-hoach]',
    '    due: 2020-11-20',
    '---',
    '',
    '# Biên bản',
    '',
  ].join('\n');

  it('gives typed data with defaults, the body, and where the body starts', () => {
    const { record, findings } = parseRecord(utf8(VALID), 'meetings/2020/2020-10-26-hop.md');
    expect(findings).toEqual([]);
    expect(record!.file).toBe('meetings/2020/2020-10-26-hop.md');
    expect(record!.data).toMatchObject({
      title: 'Hội nghị thường kỳ tháng 10',
      date: '2020-10-26',
      time: '14:00',
      kind: 'regular',
      chair: { name: 'Hoàng Văn Hiệp', role: 'Chủ tịch' },
      results: [{ sector: 'kinh-te', metrics: { 'xa-dat-chuan-ntm': 7, 'thu-ngan-sach': 21.4 } }],
      tasks: [{ id: 't-1', owner: ['van-phong', 'tai-chinh-ke-hoach'], due: '2020-11-20', status: 'open' }],
    });
    expect(record!.body).toBe('\n# Biên bản\n');
    expect(record!.bodyLine).toBe(16);
  });

  it('locate() gives 1-based positions in the file for keys and values', () => {
    const { record } = parseRecord(utf8(VALID), 'a.md');
    expect(record!.locate(['date'])).toEqual({ line: 3, column: 7 });
    expect(record!.locate(['date'], 'key')).toEqual({ line: 3, column: 1 });
    expect(record!.locate(['chair', 'role'])).toEqual({ line: 5, column: 38 });
    expect(record!.locate(['results', 0, 'metrics', 'thu-ngan-sach'], 'key')).toEqual({ line: 9, column: 37 });
    expect(record!.locate(['tasks', 0, 'owner', 1])).toEqual({ line: 13, column: 24 });
    // A path that does not exist: its nearest existing ancestor.
    expect(record!.locate(['tasks', 0, 'sector'])).toEqual({ line: 11, column: 5 });
  });

  it('a BOM and CRLF change no line or column', () => {
    const crlf = `\uFEFF${VALID.replace(/\n/g, '\r\n')}`;
    const { record, findings } = parseRecord(utf8(crlf), 'a.md');
    expect(findings).toEqual([]);
    expect(record!.data.title).toBe('Hội nghị thường kỳ tháng 10');
    expect(record!.locate(['tasks', 0, 'owner', 1])).toEqual({ line: 13, column: 24 });
    const broken = parseRecord(utf8(crlf.replace('date: 2020-10-26', 'date: 2020-10-32')), 'a.md');
    expect(broken.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['invalid-date', 3, 7]]);
  });

  it('the CRLF body keeps its line endings', () => {
    const { record } = parseRecord(utf8('---\r\ntitle: A\r\ndate: 2020-10-26\r\nchair: B\r\n---\r\nDòng 1\r\nDòng 2\r\n'), 'a.md');
    expect(record!.body).toBe('Dòng 1\r\nDòng 2\r\n');
    expect(record!.bodyLine).toBe(6);
  });

  it('a finding in nested YAML is placed in the file, not in the front matter', () => {
    const text = VALID.replace('    owner: [van-phong, tai-chinh-ke-hoach]', '    owner: [van-phong, tai-chinh-ke-hoach]\n    ower: x');
    const { record, findings } = parseRecord(utf8(text), 'a.md');
    expect(record).toBeUndefined();
    expect(findings).toEqual([
      { file: 'a.md', line: 14, column: 5, severity: 'error', rule: 'unknown-key', message: 'Unknown key "ower" in task #1. Did you mean "owner"?' },
    ]);
  });

  it('a key with two letters swapped gets a suggestion', () => {
    const { findings } = parseRecord(utf8('---\ntilte: A\ndate: 2020-10-26\nchair: B\n---\n'), 'a.md');
    expect(findings.find((f) => f.rule === 'unknown-key')?.message).toContain('Did you mean "title"?');
  });

  it('metric values accept decimal numbers only', () => {
    const withMetric = (v: string) =>
      parseRecord(utf8(`---\ntitle: A\ndate: 2020-10-26\nchair: B\nresults:\n  - sector: s\n    summary: x\n    metrics: { m: ${v} }\n---\n`), 'a.md');
    expect(withMetric('-12.5').record!.data.results![0]!.metrics).toEqual({ m: -12.5 });
    expect(withMetric('1e3').record!.data.results![0]!.metrics).toEqual({ m: 1000 });
    for (const bad of ['0x10', '.inf', '1_000', 'mười', '"1,5"']) {
      expect(withMetric(bad).findings.map((f) => [f.rule, f.line])).toEqual([['invalid-type', 8]]);
    }
  });

  it('deep nesting (10,000 "[") gives a finding and does not throw', () => {
    for (const inner of ['['.repeat(10_000), `${'['.repeat(10_000)}${']'.repeat(10_000)}`]) {
      let result: ReturnType<typeof parseRecord> | undefined;
      expect(() => {
        result = parseRecord(utf8(`---\ntitle: A\nextra: { x: ${inner} }\n---\n`), 'a.md');
      }).not.toThrow();
      expect(result!.record).toBeUndefined();
      expect(result!.findings.length).toBeGreaterThan(0);
      expect(result!.findings[0]!.rule).toBe('yaml-syntax');
    }
  });

  it('deep nesting gives one finding that says so', () => {
    for (const inner of ['['.repeat(10_000), `${'['.repeat(10_000)}${']'.repeat(10_000)}`]) {
      const { findings } = parseRecord(utf8(`---\ntitle: A\nextra: { x: ${inner} }\n---\n`), 'a.md');
      expect(findings).toHaveLength(1);
      expect(findings[0]!.message).toMatch(/nested/);
    }
  });

  it('nesting past the limit is refused even when the parser copes', () => {
    const inner = `${'['.repeat(100)}${']'.repeat(100)}`;
    const { findings } = parseRecord(utf8(`---\ntitle: A\nextra: { x: ${inner} }\n---\n`), 'a.md');
    expect(findings.map((f) => [f.rule, f.line])).toEqual([['yaml-syntax', 3]]);
    expect(findings[0]!.message).toContain('nested');
  });

  it('one problem in YAML stops the schema: no extra findings for missing keys', () => {
    const { findings } = parseRecord(utf8('---\ntitle: A\ntitle: B\n---\n'), 'a.md');
    expect(findings.map((f) => f.rule)).toEqual(['yaml-duplicate-key']);
  });
});

describe('decodeText', () => {
  it('accepts UTF-8 and drops a BOM', () => {
    expect(decodeText(utf8('Hội nghị'))).toEqual({ text: 'Hội nghị' });
    expect(decodeText(utf8('\uFEFFx'))).toEqual({ text: 'x' });
  });

  it('places the first bad byte by line and character column', () => {
    const bad = Buffer.concat([utf8('---\nĐường '), Buffer.from([0xc3, 0x28]), utf8('\n')]);
    expect(decodeText(bad)).toMatchObject({ line: 2, column: 7 });
  });

  it('refuses a file over the size limit at 1:1', () => {
    expect(decodeText(new Uint8Array(4 * 1024 * 1024 + 1).fill(0x61))).toMatchObject({ line: 1, column: 1 });
  });
});

describe('parseConfig', () => {
  it('fills in defaults: paths, and the time zone by locale', () => {
    const vi = parseConfig(utf8('sectors: {}\nowners: {}\nmetrics: {}\n'), 'meet.config.yaml');
    expect(vi.findings).toEqual([]);
    expect(vi.config).toEqual({
      organization: '',
      locale: 'vi',
      timezone: 'Asia/Ho_Chi_Minh',
      paths: { meetings: 'meetings', reports: 'reports', templates: 'templates' },
      sectors: {},
      owners: {},
      metrics: {},
    });
    const en = parseConfig(utf8('locale: en\nsectors: {}\nowners: {}\nmetrics: {}\n'), 'meet.config.yaml');
    expect(en.config).toMatchObject({ locale: 'en', timezone: 'UTC' });
  });

  it('reads the sample config: metrics default to sum', () => {
    const { config, findings } = parseConfig(utf8(MINIMAL_CONFIG), 'meet.config.yaml');
    expect(findings).toEqual([]);
    expect(config!.metrics['don-vi-mau']).toEqual({ label: 'Máu tiếp nhận', unit: 'đơn vị', sector: 'van-hoa-xa-hoi', aggregate: 'sum' });
    expect(config!.metrics['xa-dat-chuan-ntm']!.aggregate).toBe('sum');
  });

  it('an unknown key is unknown-key at its line, with a suggestion', () => {
    const { config, findings } = parseConfig(utf8(MINIMAL_CONFIG.replace('locale: vi', 'locle: vi')), 'meet.config.yaml');
    expect(config).toBeUndefined();
    expect(findings).toEqual([
      { file: 'meet.config.yaml', line: 2, column: 1, severity: 'error', rule: 'unknown-key', message: expect.stringContaining('Did you mean "locale"?') },
    ]);
  });

  it('an unknown key in a metric definition', () => {
    const { findings } = parseConfig(utf8(MINIMAL_CONFIG.replace('unit: xã,', 'units: xã,')), 'meet.config.yaml');
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['unknown-key', 11, 66]]);
    expect(findings[0]!.message).toContain('Did you mean "unit"?');
  });

  it('a metric whose sector is not declared: unknown-sector at the value, the config still usable', () => {
    const { config, findings } = parseConfig(utf8(MINIMAL_CONFIG.replace('sector: kinh-te }', 'sector: nong-nghiep }')), 'meet.config.yaml');
    expect(config).toBeDefined();
    expect(findings).toEqual([
      { file: 'meet.config.yaml', line: 11, column: 84, severity: 'error', rule: 'unknown-sector', message: expect.stringContaining('"nong-nghiep"') },
    ]);
  });

  it('an invalid time zone is config-invalid at the value', () => {
    const { config, findings } = parseConfig(utf8(MINIMAL_CONFIG.replace('Asia/Ho_Chi_Minh', 'Asia/Ha_Noi')), 'meet.config.yaml');
    expect(config).toBeUndefined();
    expect(findings.map((f) => [f.rule, f.line, f.column, f.severity])).toEqual([['config-invalid', 3, 11, 'error']]);
  });

  it('sectors, owners and metrics are required', () => {
    const { findings } = parseConfig(utf8('locale: vi\n'), 'meet.config.yaml');
    expect(findings.map((f) => [f.rule, f.line, f.column]).sort()).toEqual([
      ['required-key', 1, 1],
      ['required-key', 1, 1],
      ['required-key', 1, 1],
    ]);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/"sectors"[\s\S]*"owners"[\s\S]*"metrics"/);
  });

  it('paths must stay inside the repository', () => {
    for (const bad of ['../ngoai', '/tmp/x', 'C:\\\\bien-ban']) {
      const { findings } = parseConfig(utf8(`paths:\n  meetings: "${bad}"\nsectors: {}\nowners: {}\nmetrics: {}\n`), 'meet.config.yaml');
      expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['invalid-value', 2, 13]]);
    }
  });

  it('a config that is not a mapping, or not YAML', () => {
    expect(parseConfig(utf8('- a\n- b\n'), 'meet.config.yaml').findings.map((f) => [f.rule, f.line, f.column])).toEqual([['config-invalid', 1, 1]]);
    expect(parseConfig(utf8('sectors: [\n'), 'meet.config.yaml').findings.map((f) => f.rule)).toContain('yaml-syntax');
  });

  it('every config finding is an error', () => {
    const { findings } = parseConfig(utf8('sectors: {}\nowners: {}\nmetrics: {}\nextra: 1\n'), 'meet.config.yaml');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.severity).toBe('error');
  });
});

// gray-matter reads YAML 1.1 (js-yaml 3): `2020-10-26` becomes a Date and
// `14:00` the number 840. Where both versions read text, both must agree.
describe('differential: splitFrontMatter and parseYaml against gray-matter on the examples', () => {
  const folder = path.join(EXAMPLES, 'meetings', '2020');
  const files = readdirSync(folder).filter((f) => f.endsWith('.md'));

  it('there are example records to compare', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s', (file) => {
    const text = readFileSync(path.join(folder, file), 'utf8');
    const theirs = matter(text);
    const split = splitFrontMatter(text);
    if (split.kind !== 'ok') throw new Error(`${file}: ${split.kind}`);
    expect(split.body).toBe(theirs.content);
    const ours = parseYaml(split.yaml);
    expect(ours.problems).toEqual([]);
    const compared = sameText(ours.value, theirs.data, file);
    // The comparison must have looked at real content, not skipped it all.
    expect(compared).toBeGreaterThan(10);
  });
});

/** Asserts that every text value gray-matter read is the same in ours; returns how many were compared. */
function sameText(ours: unknown, theirs: unknown, where: string): number {
  if (typeof theirs === 'string') {
    expect(ours, where).toBe(theirs);
    return 1;
  }
  if (Array.isArray(theirs)) {
    expect(Array.isArray(ours), where).toBe(true);
    expect((ours as unknown[]).length, where).toBe(theirs.length);
    return theirs.reduce<number>((n, item, i) => n + sameText((ours as unknown[])[i], item, `${where}[${i}]`), 0);
  }
  if (theirs !== null && typeof theirs === 'object' && !(theirs instanceof Date)) {
    expect(Object.keys(ours as object).sort(), where).toEqual(Object.keys(theirs).sort());
    return Object.entries(theirs).reduce<number>((n, [key, value]) => n + sameText((ours as Record<string, unknown>)[key], value, `${where}.${key}`), 0);
  }
  // Numbers, booleans and dates: YAML 1.1 reads them differently on purpose.
  return 0;
}
