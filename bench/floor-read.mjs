#!/usr/bin/env node
// The read-all floor: list and read every .md file under <root>/meetings
// with fs only, no parsing. `meet check` can never be faster than this.
//
//   node bench/floor-read.mjs --root DIR
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { root: { type: 'string', default: '.' } } });
const meetings = path.resolve(values.root, 'meetings');

let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(absolute);
    else if (entry.name.endsWith('.md')) {
      bytes += readFileSync(absolute).length;
      files++;
    }
  }
};
walk(meetings);
process.stdout.write(`${files} files, ${bytes} bytes\n`);
