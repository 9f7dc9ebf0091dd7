// meet schema: the JSON Schema of a record, generated from the zod schema.
// Its structure is asserted, and the example records, read as other tools
// read them (the yaml package's core schema: `period: 2020` is a number),
// are validated against it with Ajv's draft 2020-12 validator.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSchema } from '../src/commands/schema.js';
import { splitFrontMatter } from '../src/records/frontMatter.js';
import { parseYaml } from '../src/records/yamlDocument.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCoreYaml } from 'yaml';
import { EXAMPLES, PROJECT_ROOT, runMeet, tempDir } from './helpers.js';

type Json = Record<string, any>;

/** The non-null branch of a `nullish()` property. */
function present(property: Json): Json {
  if (!property.anyOf) return property;
  const branches = property.anyOf.filter((b: Json) => b.type !== 'null');
  return branches.length === 1 ? branches[0] : { anyOf: branches };
}

describe('meet schema', () => {
  let schema: Json;
  let stdout: string;
  beforeAll(async () => {
    const run = await runMeet(['schema'], { cwd: tempDir() });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    stdout = run.stdout;
    schema = JSON.parse(stdout) as Json;
  });

  it('prints the same JSON as renderSchema, ending in a newline, and needs no repository', () => {
    expect(stdout).toBe(renderSchema());
    expect(stdout.endsWith('}\n')).toBe(true);
  });

  it('is a draft 2020-12 object schema: title, date and chair required, nothing else allowed', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['title', 'date', 'chair']);
    expect(schema.additionalProperties).toBe(false);
    expect(typeof schema.$id).toBe('string');
  });

  it('lists exactly the keys of FORMAT.md', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(
      [
        ...[
          'title',
          'date',
          'kind',
          'period',
          'organization',
          'time',
          'location',
          'chair',
          'attendees',
          'recorder',
          'results',
          'decisions',
          'discussion',
          'tasks',
          'updates',
          'tags',
          'extra',
        ],
        // Version 2.
        ...['end_date', 'session', 'mode', 'shortcomings', 'conclusion', 'proposals', 'references', 'approval', 'amendments'],
      ].sort(),
    );
  });

  it('dates, months and times are text with a pattern', () => {
    const p = schema.properties;
    expect(p.date).toEqual({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
    expect(new RegExp(present(p.period).pattern).test('2020-10')).toBe(true);
    expect(new RegExp(present(p.time).pattern).test('14:00')).toBe(true);
    expect(new RegExp(present(p.time).pattern).test('25:00')).toBe(false);
    expect(present(p.kind).enum).toEqual(['regular', 'extraordinary', 'thematic']);
  });

  it('chair is text or {name, role, organization}, or (v2) a list of them', () => {
    const [asText, asObject, asList] = schema.properties.chair.anyOf as Json[];
    // Text, as a core-schema reader may see it (`chair: 2021` is text to meet).
    expect(asText!.type).toEqual(['string', 'number', 'boolean']);
    expect(asObject).toMatchObject({ type: 'object', required: ['name'], additionalProperties: false });
    expect(Object.keys(asObject!.properties).sort()).toEqual(['name', 'organization', 'role']);
    expect(asList).toMatchObject({ type: 'array', minItems: 1 });
  });

  it('a task requires id, title and owner; owner is an id or a list of ids', () => {
    const tasks = present(schema.properties.tasks);
    expect(tasks.type).toBe('array');
    const item = tasks.items as Json;
    expect(item.type).toBe('object');
    expect(item.required).toEqual(['id', 'title', 'owner']);
    expect(item.additionalProperties).toBe(false);
    expect(Object.keys(item.properties).sort()).toEqual(['directed_by', 'due', 'id', 'owner', 'recurring', 'sector', 'status', 'title']);
    expect(present(item.properties.status).enum).toEqual(['open', 'in-progress', 'done', 'dropped']);
    const owner = item.properties.owner.anyOf as Json[];
    expect(owner.map((b) => b.type)).toEqual([['string', 'integer'], 'array']);
    expect(owner[1]!.minItems).toBe(1);
  });

  it('an update requires task and status', () => {
    const item = present(schema.properties.updates).items as Json;
    expect(item.required).toEqual(['task', 'status']);
    expect(item.additionalProperties).toBe(false);
  });

  it('a result requires sector and summary; figures are numbers or (v2) {value, ytd, …}', () => {
    const item = present(schema.properties.results).items as Json;
    expect(item.required).toEqual(['sector', 'summary']);
    expect(item.additionalProperties).toBe(false);
    const metrics = present(item.properties.metrics);
    expect(metrics.type).toBe('object');
    const [asNumber, asFigure] = metrics.additionalProperties.anyOf as Json[];
    expect(asNumber).toEqual({ type: 'number' });
    expect(Object.keys(asFigure!.properties).sort()).toEqual(['estimate', 'plan_pct', 'qualifier', 'unit', 'value', 'yoy_pct', 'ytd']);
  });

  it('extra is free-form', () => {
    expect(present(schema.properties.extra)).toMatchObject({ type: 'object', additionalProperties: {} });
  });

  it('validates every example record as an editor reads it (YAML core schema: years are numbers)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const records: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.md')) records.push(full);
      }
    };
    for (const repository of ['examples', 'examples-xa']) walk(path.join(PROJECT_ROOT, repository, 'meetings'));
    expect(records.length).toBeGreaterThan(5);
    for (const file of records) {
      const split = splitFrontMatter(readFileSync(file, 'utf8'));
      if (split.kind !== 'ok') throw new Error(file);
      const ok = validate(parseCoreYaml(split.yaml));
      expect(ok ? [] : validate.errors, path.relative(PROJECT_ROOT, file)).toEqual([]);
    }
    // What meet check refuses the schema refuses, and what it takes the schema takes (as a core-schema reader sees it).
    const record = (extra: string) => parseCoreYaml(`title: T\ndate: 2020-12-28\nchair: A\n${extra}`) as Json;
    const task = (keys: string) => record(`tasks:\n  - { id: a, title: T, owner: x, ${keys} }`);
    for (const refused of [
      task('due: 30/11/2021'),
      task('due: trong tháng 11'),
      task('due: 2021-H2'),
      task('due: 2021-13'),
      task('due: 2021-Q5'),
      task('due: { working_days: 0 }'),
      task('due: { working_days: 2.5 }'),
      task('due: { working_days: 5000 }'),
      task('due: { working_days: mười }'),
      task('due: { working_days: 3, days: 4 }'),
      task('due: {}'),
      record('decisions:\n  - { text: T, vote: { for: -1 } }'),
      record('decisions:\n  - { text: T, vote: { for: 2.5 } }'),
      record('decisions:\n  - { text: T, vote: { for: tất cả } }'),
      record('results:\n  - { sector: s, summary: S, metrics: { m: { plan_pct: 5 } } }'),
      record('period: 2021-13'),
      record('period: 2021-00'),
      record('location: "A\\nB"'),
    ]) {
      expect(validate(refused), JSON.stringify(refused)).toBe(false);
    }
    for (const taken of [
      record('tags: [2021, quy-2]'),
      record('location: 301'),
      record('decisions: [2021]'),
      record('tasks:\n  - { id: a, title: true, owner: x }'),
      record('tasks:\n  - { id: 2021, title: T, owner: x }'),
      record('shortcomings: [1]'),
      task('due: { working_days: 10 }'),
      task('due: 2021-Q4'),
      record('period: 2021-01..2021-09'),
      record('location: >\n  Hội trường UBND\n'),
      task('due: { working_days: 10, days: ~ }'),
    ]) {
      expect(validate(taken) ? [] : validate.errors, JSON.stringify(taken)).toEqual([]);
    }
    // What such a reader makes of the year forms of FORMAT.md.
    expect(validate({ title: 'T', date: '2020-12-28', chair: 'A', period: 2020, tasks: [{ id: 'a', title: 'T', owner: 'x', due: 2021 }] })).toBe(true);
    expect(validate({ title: 'T', date: '2020-12-28', chair: 'A', period: 20201 })).toBe(false);
  });

  it('every example record uses only keys the schema knows, and has the required ones', () => {
    const folder = path.join(EXAMPLES, 'meetings', '2020');
    const files = readdirSync(folder).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    const taskItem = present(schema.properties.tasks).items as Json;
    for (const file of files) {
      const split = splitFrontMatter(readFileSync(path.join(folder, file), 'utf8'));
      if (split.kind !== 'ok') throw new Error(file);
      const data = parseYaml(split.yaml).value as Json;
      for (const key of Object.keys(data)) expect(schema.properties, `${file}: ${key}`).toHaveProperty(key);
      for (const key of schema.required as string[]) expect(data, file).toHaveProperty(key);
      for (const task of (data.tasks ?? []) as Json[]) {
        for (const key of Object.keys(task)) expect(taskItem.properties, `${file}: task ${key}`).toHaveProperty(key);
        for (const key of taskItem.required as string[]) expect(task, file).toHaveProperty(key);
      }
    }
  });
});
