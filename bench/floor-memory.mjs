#!/usr/bin/env node
// The memory floor of holding every task (issue 16): what any design that
// keeps the tasks of a repository in memory, to make the rows of a report
// or a task list from them, must hold at the least. Every record is read
// (js-yaml, the project's zod schema, as bench/floor-parse.mjs does), then
// only what the rows and the task states need is kept, as compactly as
// JavaScript allows: titles, notes and the meetings' words as UTF-8 in
// arenas of 8 MiB, each task's owners, deadline, sector, status as indexes
// and bytes in typed arrays, ids as strings (what a Map or an index of
// first assignments compares) or, with `--ids arena`, as bytes too. With
// `--titles none` the tasks' titles and the updates' notes are not held: what
// a design that reads them again from the record store as rows are written
// would hold.
//
//   node --expose-gc bench/floor-memory.mjs --root DIR [--ids strings|arena] [--titles all|none]
//
// It prints the live memory after two full collections, once everything is
// held and the parse's garbage is gone: V8's heap in use, the arenas, and
// the process's resident size then. The run's peak (the parse's garbage
// included) is for /usr/bin/time to measure.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RecordSchema } from '../dist/model/schema.js';

const { values } = parseArgs({
  options: { root: { type: 'string', default: '.' }, ids: { type: 'string', default: 'strings' }, titles: { type: 'string', default: 'all' } },
});
if (typeof globalThis.gc !== 'function') {
  process.stderr.write('floor-memory: run with node --expose-gc\n');
  process.exit(2);
}
for (const [option, allowed] of [
  ['ids', ['strings', 'arena']],
  ['titles', ['all', 'none']],
]) {
  if (!allowed.includes(values[option])) {
    process.stderr.write(`floor-memory: --${option} is one of ${allowed.join(', ')}\n`);
    process.exit(2);
  }
}
const jsYaml = createRequire(import.meta.url)('js-yaml');
const root = path.resolve(values.root);
const idsInArena = values.ids === 'arena';
const keepsText = values.titles !== 'none';
// The records folder as the config names it (its flow mapping, or the default).
const meetingsFolder = /^paths:.*\bmeetings:\s*([^,}\s]+)/m.exec(readFileSync(path.join(root, 'meet.config.yaml'), 'utf8'))?.[1] ?? 'meetings';
// js-yaml's strings are slices of the file's text, which they keep alive: a string of its own, as JSON.parse (the store) gives.
const flat = (s) => JSON.parse(JSON.stringify(s));

/** Text as UTF-8 in chunks of 8 MiB: a string is (start, end) in one chunk, never split. */
class Arena {
  static CHUNK = 8 * 1024 * 1024;
  chunks = [];
  used = Arena.CHUNK;
  encoder = new TextEncoder();
  /** Returns the global offset of the end; the start is the previous end, or the chunk's start. */
  put(text) {
    let chunk = this.chunks[this.chunks.length - 1];
    let { written, read } = chunk ? this.encoder.encodeInto(text, chunk.subarray(this.used)) : { written: 0, read: -1 };
    if (read !== text.length) {
      this.chunks.push((chunk = new Uint8Array(Arena.CHUNK)));
      this.used = 0;
      ({ written } = this.encoder.encodeInto(text, chunk));
    }
    const start = (this.chunks.length - 1) * Arena.CHUNK + this.used;
    this.used += written;
    return [start, start + written];
  }
  get bytes() {
    return this.chunks.length * Arena.CHUNK;
  }
}

/** A growable column of numbers. */
class Column {
  constructor(Type) {
    this.Type = Type;
    this.values = new Type(1024);
    this.length = 0;
  }
  push(n) {
    if (this.length === this.values.length) {
      const grown = new this.Type(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = n;
  }
  trim() {
    this.values = this.values.slice(0, this.length);
  }
}

/** Distinct values (owner lists, deadlines as written, sectors…) by their JSON. */
class Table {
  index = new Map();
  values = [];
  of(value) {
    if (value === undefined) return -1;
    const key = JSON.stringify(value);
    let i = this.index.get(key);
    // A copy of its own: js-yaml's strings are slices of the file they came from.
    if (i === undefined) this.index.set(key, (i = this.values.push(JSON.parse(key)) - 1));
    return i;
  }
}

const text = new Arena();
const tables = { owner: new Table(), due: new Table(), sector: new Table(), directed: new Table(), organization: new Table() };
const STATUS = { open: 0, 'in-progress': 1, done: 2, dropped: 3 };
const task = {
  record: new Column(Int32Array),
  idStart: new Column(Uint32Array),
  idEnd: new Column(Uint32Array),
  titleStart: new Column(Uint32Array),
  titleEnd: new Column(Uint32Array),
  owner: new Column(Int32Array),
  due: new Column(Int32Array),
  sector: new Column(Int32Array),
  directed: new Column(Int32Array),
  status: new Column(Uint8Array),
  recurring: new Column(Uint8Array),
};
const update = {
  record: new Column(Int32Array),
  taskStart: new Column(Uint32Array),
  taskEnd: new Column(Uint32Array),
  noteStart: new Column(Uint32Array),
  noteEnd: new Column(Uint32Array),
  status: new Column(Uint8Array),
};
const meeting = {
  date: new Column(Uint32Array),
  titleStart: new Column(Uint32Array),
  titleEnd: new Column(Uint32Array),
  fileStart: new Column(Uint32Array),
  fileEnd: new Column(Uint32Array),
  organization: new Column(Int32Array),
};
const ids = [];
const updateIds = [];
const idOf = new Map();

/** `value`'s place in the text arena, pushed to two columns: (0, 0) when there is none to hold. */
function putText(value, starts, ends) {
  const [start, end] = value === undefined ? [0, 0] : text.put(value);
  starts.push(start);
  ends.push(end);
}

function keep(file, data, r) {
  meeting.date.push(Number(data.date.replaceAll('-', '')));
  putText(data.title, meeting.titleStart, meeting.titleEnd);
  putText(file, meeting.fileStart, meeting.fileEnd);
  meeting.organization.push(tables.organization.of(data.organization));
  for (const t of data.tasks ?? []) {
    task.record.push(r);
    if (idsInArena) putText(t.id, task.idStart, task.idEnd);
    else ids.push(flat(t.id));
    putText(keepsText ? t.title : undefined, task.titleStart, task.titleEnd);
    task.owner.push(tables.owner.of(t.owner));
    task.due.push(tables.due.of(t.due ?? undefined));
    task.sector.push(tables.sector.of(t.sector ?? undefined));
    task.directed.push(tables.directed.of(t.directed_by ?? undefined));
    task.status.push(STATUS[t.status]);
    task.recurring.push(t.recurring === true ? 1 : 0);
  }
  for (const u of data.updates ?? []) {
    update.record.push(r);
    if (idsInArena) putText(u.task, update.taskStart, update.taskEnd);
    else updateIds.push(flat(u.task));
    update.status.push(STATUS[u.status]);
    putText(keepsText ? (u.note ?? undefined) : undefined, update.noteStart, update.noteEnd);
  }
}

let records = 0;
let skipped = 0;
const walk = (dir, relative) => {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = `${relative}/${entry.name}`;
    // As the loader: no hidden file or folder, no README.
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) walk(path.join(dir, entry.name), file);
    else if (entry.name.toLowerCase().endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') {
      let source = readFileSync(path.join(dir, entry.name), 'utf8');
      if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
      source = source.replace(/\r\n/g, '\n');
      const close = source.indexOf('\n---\n', 3);
      const result = RecordSchema.safeParse(jsYaml.load(source.slice(4, close + 1), { schema: jsYaml.FAILSAFE_SCHEMA }));
      if (result.success) keep(file, result.data, records++);
      else skipped++;
    }
  }
};
walk(path.join(root, meetingsFolder), meetingsFolder);
// Each update names its task by the task's own string, as an index of first assignments would hold it.
if (!idsInArena) {
  for (const id of ids) idOf.set(id, id);
  for (let i = 0; i < updateIds.length; i++) updateIds[i] = idOf.get(updateIds[i]) ?? updateIds[i];
  idOf.clear();
}
for (const columns of [task, update, meeting]) for (const column of Object.values(columns)) column.trim();
globalThis.gc();
globalThis.gc();
const m = process.memoryUsage();
const mib = (n) => (n / 1024 / 1024).toFixed(1);
process.stdout.write(
  `${records} records (${skipped} not valid, left out), ${task.record.length} tasks, ${update.record.length} updates (ids: ${idsInArena ? 'arena' : 'strings'}, titles and notes: ${keepsText ? 'held' : 'not held'})\n` +
    `held: heap in use ${mib(m.heapUsed)} MiB, array buffers ${mib(m.arrayBuffers)} MiB (text arena ${mib(text.bytes)} MiB); ` +
    `resident ${mib(m.rss)} MiB (heap committed ${mib(m.heapTotal)} MiB)\n`,
);
