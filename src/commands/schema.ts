// meet schema: the JSON Schema of a record (input side: what a clerk may
// write), generated from the zod schema so the two never disagree.
import { z } from 'zod';
import { printData, type Io } from '../io/terminal.js';
import { EXIT_OK } from '../model/errors.js';
import { RecordSchema } from '../model/schema.js';

function recordJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RecordSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
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
