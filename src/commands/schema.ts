// meet schema: the JSON Schema of a record (input side: what a clerk may
// write), generated from the zod schema so the two never disagree.
import { z } from 'zod';
import { printData, type Io } from '../io/terminal.js';
import { EXIT_OK } from '../model/errors.js';
import { RecordSchema } from '../model/schema.js';

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

function recordJsonSchema(): Json {
  const schema = withYears(z.toJSONSchema(RecordSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json);
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
