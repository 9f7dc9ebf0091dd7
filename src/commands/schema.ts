// meet schema: the JSON Schema of a record (input side: what a clerk may
// write), generated from the zod schema so the two never disagree.
import { z } from 'zod';
import { printData, type Io } from '../io/terminal.js';
import { EXIT_OK } from '../model/errors.js';
import { idSchema, LINE_JSON, RecordSchema } from '../model/schema.js';

type Json = Record<string, unknown>;

/**
 * meet reads every scalar as text, but editors and linters read YAML's core
 * schema, where `period: 2020` and `due: 2021` (FORMAT.md's year forms) are
 * numbers: the schema takes those as a year too.
 */
const YEAR: Json = { type: 'integer', minimum: 1000, maximum: 9999 };
const orYear = (node: unknown): Json => ({ anyOf: [node, YEAR] });

function withYears(schema: Json): Json {
  const properties = schema.properties as Record<string, Json>;
  properties.period = orYear(properties.period);
  const tasks = properties.tasks!.anyOf as Json[];
  for (const branch of tasks) {
    const item = branch.items as { properties: Record<string, unknown> } | undefined;
    if (item) item.properties.due = orYear(item.properties.due);
  }
  return schema;
}

/**
 * Where meet reads text, a core-schema reader sees `location: 301` or
 * `title: 2021` as a number and `true` as a boolean: meet takes them as the
 * text written, so the schema does too (and an id may be `2021`).
 */
function withPlainScalars(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(withPlainScalars);
  if (node === null || typeof node !== 'object') return;
  const json = node as Json;
  if (json.type === 'string' && json.enum === undefined && json.format === undefined) {
    if (json.pattern === undefined || json.pattern === LINE_JSON) json.type = ['string', 'number', 'boolean'];
    else if (json.pattern === ID_JSON) Object.assign(json, { type: ['string', 'integer'], minimum: 0 });
  }
  Object.values(json).forEach(withPlainScalars);
}

const ID_JSON = (z.toJSONSchema(idSchema) as Json).pattern;

function recordJsonSchema(): Json {
  const schema = withYears(z.toJSONSchema(RecordSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json);
  withPlainScalars(schema);
  return {
    ...schema,
    $id: 'https://meeting-minutes-cli.invalid/schema/record-v2.json',
    title: 'Meeting record (front matter), format version 2',
  };
}

export function renderSchema(): string {
  return `${JSON.stringify(recordJsonSchema(), null, 2)}\n`;
}

export function schemaCommand(io: Io): number {
  printData(io, renderSchema());
  return EXIT_OK;
}
