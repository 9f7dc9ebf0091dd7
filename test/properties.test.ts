// Issue 6, property-based: random records, valid and mutated, never make the
// parser throw; a task update on random valid records (random comments,
// quoting, layout, CRLF, BOM) changes only its own lines; slugs are always
// [a-z0-9-]{1,60} and the same for NFC and NFD titles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from '../src/domain/slug.js';
import { say } from '../src/model/errors.js';
import { messages } from '../src/model/messages/index.js';
import { RULES } from '../src/model/ruleCatalogue.js';
import { addTaskUpdate, verifyUpdateEdit, type UpdateEntry } from '../src/records/edit.js';
import { parseRecord, type RecordParse } from '../src/records/parse.js';

const STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
type Status = (typeof STATUSES)[number];

// --- random valid records, as text --------------------------------------------

/** Words that stay text when written plainly, in block and flow context alike. */
const PLAIN_WORDS = [
  'Hội',
  'nghị',
  'thường',
  'kỳ',
  'tháng',
  '10',
  'Việc',
  'giao',
  'thông',
  'thủy',
  'lợi',
  'Đảng',
  'bộ',
  'huyện',
  'XXI',
  'ngày',
  '0755',
  'yes',
  'true',
  'Mẫu',
  'Sơn',
];
/** Characters that force quoting. */
const ODD_WORDS = [
  '#',
  ': ',
  ' #',
  '---',
  '...',
  '- - -',
  '"',
  "'",
  '- ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '&a',
  '*a',
  '!t',
  '%',
  '@',
  '`',
  '|',
  '>',
  '~',
  'null',
  '?',
  '\\',
  '—',
  '…',
  '\t',
  '10:30',
  '2020-10-26',
  ' ',
];

const plainText = fc.array(fc.constantFrom(...PLAIN_WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const oddText = fc
  .array(fc.oneof(fc.constantFrom(...PLAIN_WORDS), fc.constantFrom(...ODD_WORDS)), { minLength: 1, maxLength: 6 })
  .map((w) => w.join(''))
  .filter((t) => t.trim() === t && t !== '');

type Style = 'plain' | 'single' | 'double';
interface Text {
  value: string;
  style: Style;
}
/** A text value and how it is written; plain only for plain-safe text. */
const textArb: fc.Arbitrary<Text> = fc.oneof(
  plainText.chain((value) => fc.constantFrom<Style>('plain', 'single', 'double').map((style) => ({ value, style }))),
  oddText.chain((value) => fc.constantFrom<Style>('single', 'double').map((style) => ({ value, style }))),
);

function scalar(t: Text): string {
  if (t.style === 'plain') return t.value;
  if (t.style === 'single') return `'${t.value.replace(/'/g, "''")}'`;
  return JSON.stringify(t.value);
}

interface Task {
  id: string;
  title: Text;
  due?: string;
  flow: boolean;
}
interface Update {
  task: string;
  status: Status;
  note?: Text;
  flow: boolean;
}
type UpdatesForm = 'absent' | 'empty' | 'tilde' | 'empty-flow' | 'block' | 'flow';

interface RecordSpec {
  title: Text;
  chair: { name: Text; role?: Text; form: 'scalar' | 'block' | 'flow' };
  location?: Text;
  decisions: { items: Text[]; flow: boolean };
  tasks: Task[];
  updates: { form: UpdatesForm; items: Update[] };
  order: number[];
  /** Where a sequence's dash sits relative to its key. */
  indent: 0 | 2 | 4;
  comments: string[];
  trailing: boolean;
  crlf: boolean;
  bom: boolean;
  body: string;
}

const taskIds = ['t-0', 't-1', 't-2', 't-3', 't-4', 't-5'];

const recordArb: fc.Arbitrary<RecordSpec> = fc.record({
  title: textArb,
  chair: fc.record({
    name: textArb,
    role: fc.option(textArb, { nil: undefined }),
    form: fc.constantFrom('scalar' as const, 'block' as const, 'flow' as const),
  }),
  location: fc.option(textArb, { nil: undefined }),
  decisions: fc.record({ items: fc.array(textArb, { maxLength: 3 }), flow: fc.boolean() }),
  tasks: fc.uniqueArray(fc.constantFrom(...taskIds), { maxLength: 3 }).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          title: textArb,
          due: fc.option(fc.constantFrom('2020-11-30', '2020-12-15'), { nil: undefined }),
          flow: fc.boolean(),
        }),
      ),
    ),
  ),
  updates: fc.record({
    form: fc.constantFrom<UpdatesForm>('absent', 'empty', 'tilde', 'empty-flow', 'block', 'block', 'flow'),
    items: fc
      .uniqueArray(fc.constantFrom(...taskIds), { minLength: 1, maxLength: 3 })
      .chain((ids) =>
        fc.tuple(
          ...ids.map((task) =>
            fc.record({ task: fc.constant(task), status: fc.constantFrom(...STATUSES), note: fc.option(textArb, { nil: undefined }), flow: fc.boolean() }),
          ),
        ),
      ),
  }),
  order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7, maxLength: 7 }),
  indent: fc.constantFrom(0 as const, 2 as const, 4 as const),
  comments: fc.array(fc.constantFrom('# ghi chú', '# updates: task status', '#', '# - task: t-0', '#: x ---'), { maxLength: 4 }),
  trailing: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  body: fc.constantFrom('', 'Nội dung.\n', '\n---\n\n## Phụ lục\n', 'updates:\n  - task: t-0\n'),
});

/** The record's front matter lines; comments go between top-level keys. */
function renderRecord(spec: RecordSpec): string {
  const pad = ' '.repeat(spec.indent);
  const item = (lines: string[]) => lines.map((l, i) => (i === 0 ? `${pad}- ${l}` : `${pad}  ${l}`));
  const trail = (line: string) => (spec.trailing ? `${line}   # chú thích` : line);
  const blocks: string[][] = [];
  blocks.push([trail(`title: ${scalar(spec.title)}`)]);
  blocks.push([trail('date: 2020-10-26')]);
  const { chair } = spec;
  if (chair.form === 'scalar') blocks.push([trail(`chair: ${scalar(chair.name)}`)]);
  else if (chair.form === 'flow') blocks.push([`chair: {name: ${flowSafe(chair.name)}${chair.role ? `, role: ${flowSafe(chair.role)}` : ''}}`]);
  else blocks.push(['chair:', `  name: ${scalar(chair.name)}`, ...(chair.role ? [trail(`  role: ${scalar(chair.role)}`)] : [])]);
  blocks.push(spec.location ? [trail(`location: ${scalar(spec.location)}`)] : []);
  const decisions = spec.decisions.items;
  blocks.push(
    decisions.length === 0
      ? []
      : spec.decisions.flow
        ? [`decisions: [${decisions.map(flowSafe).join(', ')}]`]
        : ['decisions:', ...decisions.flatMap((d) => item([trail(scalar(d))]))],
  );
  blocks.push(
    spec.tasks.length === 0
      ? []
      : [
          'tasks:',
          ...spec.tasks.flatMap((t) =>
            t.flow
              ? item([`{id: ${t.id}, title: ${flowSafe(t.title)}, owner: van-phong${t.due ? `, due: ${t.due}` : ''}}`])
              : item([`id: ${t.id}`, trail(`title: ${scalar(t.title)}`), 'owner: van-phong', ...(t.due ? [`due: ${t.due}`] : [])]),
          ),
        ],
  );
  const u = spec.updates;
  const entry = (x: Update) =>
    x.flow
      ? item([`{task: ${x.task}, status: ${x.status}${x.note ? `, note: ${flowSafe(x.note)}` : ''}}`])
      : item([`task: ${x.task}`, trail(`status: ${x.status}`), ...(x.note ? [`note: ${scalar(x.note)}`] : [])]);
  const flowEntry = (x: Update) => `{task: ${x.task}, status: ${x.status}${x.note ? `, note: ${flowSafe(x.note)}` : ''}}`;
  blocks.push(
    {
      absent: [],
      empty: ['updates:'],
      tilde: ['updates: ~'],
      'empty-flow': ['updates: []'],
      block: ['updates:', ...u.items.flatMap(entry)],
      flow: [`updates: [${u.items.map(flowEntry).join(', ')}]`],
    }[u.form],
  );
  const ordered = spec.order.map((i) => blocks[i]!);
  const lines: string[] = [];
  ordered.forEach((block, i) => {
    if (spec.comments[i]) lines.push(spec.comments[i]!);
    lines.push(...block);
  });
  const eol = spec.crlf ? '\r\n' : '\n';
  const text = ['---', ...lines, '---'].join(eol) + eol + spec.body.replace(/\n/g, eol);
  return (spec.bom ? '\uFEFF' : '') + text;
}

/** In flow context a plain word list is safe; anything else is double-quoted. */
function flowSafe(t: Text): string {
  return t.style === 'plain' ? t.value : JSON.stringify(t.value);
}

/** What the record's data says, as the spec wrote it (the oracle, independent of the product). */
function expectedUpdates(spec: RecordSpec): Update[] {
  return ['block', 'flow'].includes(spec.updates.form) ? spec.updates.items : [];
}

function applyEntry(updates: readonly { task: string; status: string; note?: string | null }[], entry: UpdateEntry) {
  const out = updates.map((u) => ({ ...u }));
  let index = -1;
  out.forEach((u, i) => {
    if (u.task === entry.task) index = i;
  });
  if (index === -1) out.push({ task: entry.task, status: entry.status, ...(entry.note !== undefined ? { note: entry.note } : {}) });
  else {
    const note = entry.note ?? out[index]!.note ?? undefined;
    out[index] = { task: entry.task, status: entry.status, ...(note !== undefined ? { note } : {}) };
  }
  return out;
}

const noteArb = fc.option(
  fc.oneof(
    oddText,
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      // As the CLI hands a note over: NFC, one line, trimmed.
      .map((s) =>
        s
          .normalize('NFC')
          .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
          .trim(),
      )
      .filter((s) => s !== ''),
  ),
  { nil: undefined },
);
const entryArb: fc.Arbitrary<UpdateEntry> = fc
  .record({ task: fc.constantFrom(...taskIds), status: fc.constantFrom(...STATUSES), note: noteArb })
  .map(({ note, ...rest }) => (note === undefined ? rest : { ...rest, note }));

function parse(text: string, file = 'meetings/2020/2020-10-26-x.md'): RecordParse {
  return parseRecord(Buffer.from(text, 'utf8'), file);
}

function splitBody(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const close = lines.findIndex((l, i) => i > 0 && l.replace(/\r$/, '') === '---');
  return lines.slice(close + 1).join('\n');
}

/** Lines that differ: old[start, start + removed) became new[start, start + added). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < a.length - start && tail < b.length - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(start, a.length - tail), added: b.slice(start, b.length - tail) };
}

describe('random valid records: the generator makes what the format calls valid', () => {
  it('every generated record reads back with the data it was written with', () => {
    fc.assert(
      fc.property(recordArb, (spec) => {
        const parsed = parse(renderRecord(spec));
        expect(parsed.findings).toEqual([]);
        const data = parsed.record!.data;
        expect(data.title).toBe(spec.title.value);
        expect(data.updates ?? []).toEqual(expectedUpdates(spec).map((u) => ({ task: u.task, status: u.status, ...(u.note ? { note: u.note.value } : {}) })));
      }),
      { numRuns: 300 },
    );
  });
});

describe('tasks update on random valid records changes only the intended lines', () => {
  it('the update reads back exactly, nothing else changes, comments and the body stay, and a second run changes nothing', () => {
    fc.assert(
      fc.property(recordArb, entryArb, (spec, entry) => {
        const source = renderRecord(spec);
        const before = parse(source);
        const data = before.record!.data;
        const edit = addTaskUpdate(source, entry);
        expect(edit.kind, edit.kind === 'refused' ? say(edit.reason, messages('en')) : '').not.toBe('refused');
        if (edit.kind === 'refused') return;
        const wanted = applyEntry(data.updates ?? [], entry);
        if (edit.kind === 'unchanged') {
          expect(edit.text).toBe(source);
          expect(wanted).toEqual(JSON.parse(JSON.stringify(data.updates ?? [])));
          return;
        }
        const after = parse(edit.text);
        expect(after.findings).toEqual([]);
        // Exactly the old data, with the update applied.
        const { updates: newUpdates, ...newRest } = JSON.parse(JSON.stringify(after.record!.data)) as typeof data;
        const { updates: _old, ...oldRest } = JSON.parse(JSON.stringify(data)) as typeof data;
        expect(newRest).toEqual(oldRest);
        expect(newUpdates).toEqual(wanted);
        // The BOM, the body and every comment stay; line ends match the file's.
        expect(edit.text.startsWith('\uFEFF')).toBe(source.startsWith('\uFEFF'));
        expect(splitBody(edit.text)).toBe(splitBody(source));
        const comments = (text: string) => text.split('\n').filter((l) => /^\s*#/.test(l) || l.includes('# chú thích')).length;
        expect(comments(edit.text)).toBe(comments(source));
        const lines = edit.text.split('\n').slice(0, -1);
        expect(lines.every((l) => l.endsWith('\r') === spec.crlf)).toBe(true);
        // Only lines of the updates block changed: the key line, or an entry's own lines.
        const { removed } = changedLines(source, edit.text);
        expect(removed.length).toBeLessThanOrEqual(spec.updates.form === 'flow' ? 1 : 3);
        for (const line of removed) expect(line).toMatch(/updates|task|status|note|^\s*-?\s*$/);
        // The product's own safety check agrees, and the edit is idempotent.
        expect(verifyUpdateEdit(source, edit, data, entry, 'meetings/2020/2020-10-26-x.md')).toBeUndefined();
        expect(addTaskUpdate(edit.text, entry).kind).toBe('unchanged');
      }),
      { numRuns: 400 },
    );
  });

  it('a note starting with "..." or "---" is written like any other', () => {
    const source = '---\ntitle: Họp\ndate: 2020-10-26\nchair: X\nupdates:\n  - task: t-0\n    status: open\n---\n';
    for (const note of ['...đang chờ ý kiến', '--- hết ---', '...']) {
      for (const task of ['t-0', 't-1']) {
        const edit = addTaskUpdate(source, { task, status: 'done', note });
        expect(edit.kind).not.toBe('refused');
        const after = parse('text' in edit ? edit.text : '');
        expect(after.findings).toEqual([]);
        expect(after.record!.data.updates!.find((u) => u.task === task)).toEqual({ task, status: 'done', note });
      }
    }
  });
});

// --- mutated records never make the parser throw ----------------------------

const HOSTILE_LINES = [
  '<<: *a',
  '&a',
  '*a',
  '? x',
  '!!binary',
  'x: !!js/function f',
  '\t- x',
  '~',
  'null',
  '"\\u0000"',
  '- - - -',
  '[[[[',
  '{{{{',
  ']]}}',
  '---',
  '...',
  '%YAML 1.1',
  '%TAG ! tag:x,2000:',
  'key: "unclosed',
  "key: 'unclosed",
  '\u0000',
  '\ud800',
  '\udfff',
  '9'.repeat(400),
  `title: ${'x'.repeat(5000)}`,
  '__proto__: {a: 1}',
  'constructor: x',
  'tasks: *a',
  'updates: &a [*a]',
  ': x',
  '- ',
  '|',
  '>-',
  '#',
  'a:b:c: d',
  'extra: &a {b: *a}',
  'metrics: {xa-dat-chuan-ntm: 1e400}',
  'results: [{sector: kinh-te, summary: x, metrics: {xa-dat-chuan-ntm: -0}}]',
  '\ufeff---',
  '\r',
  '\u2028',
];
const HOSTILE_SCALARS = [
  '~',
  'null',
  '&a',
  '*a',
  '!!binary',
  '<<',
  '? x',
  '\t',
  '"\\u0000"',
  '"\\ud800"',
  '\ud800\udc00',
  '\udfff',
  '1e400',
  '-0',
  '0x1F',
  '[',
  ']',
  '{',
  '}',
  '|',
  '>',
  '@',
  '`',
  '%',
  '!',
  '*',
  '&',
  '"',
  "'",
  '9'.repeat(400),
  '',
  ' ',
  '- x',
  '[*a, *a]',
  '{a: 1, a: 2}',
];

type Mutation = (lines: string[], rnd: number, rnd2: number) => void;
const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length) % list.length]!;
const MUTATIONS: Mutation[] = [
  (l, r) => void l.splice(Math.floor(r * l.length), 1),
  (l, r) => void l.splice(Math.floor(r * l.length), 0, l[Math.floor(r * l.length)] ?? ''),
  (l, r, s) => void l.splice(Math.floor(r * (l.length + 1)), 0, pick(HOSTILE_LINES, s)),
  (l, r, s) => {
    const i = Math.floor(r * l.length);
    const line = l[i] ?? '';
    const colon = line.indexOf(': ');
    l[i] = colon === -1 ? `${line} ${pick(HOSTILE_SCALARS, s)}` : `${line.slice(0, colon + 2)}${pick(HOSTILE_SCALARS, s)}`;
  },
  (l, r) => {
    const i = Math.floor(r * l.length);
    l[i] = `\t${l[i] ?? ''}`;
  },
  (l, r) => void l.splice(Math.floor(r * l.length)),
  (l, r, s) => {
    const i = Math.floor(r * l.length);
    const line = l[i] ?? '';
    const at = Math.floor(s * (line.length + 1));
    l[i] = `${line.slice(0, at)}${pick(['"', "'", '[', '{', ':', '#', '&', '*', '!', '|', '\t', '\u0000', '\ud800'], s)}${line.slice(at)}`;
  },
];

const mutatedArb = fc.tuple(
  recordArb,
  fc.array(
    fc.tuple(
      fc.nat(MUTATIONS.length - 1),
      fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    ),
    { minLength: 1, maxLength: 4 },
  ),
  fc.option(fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })), { nil: undefined }),
);

function expectSound(bytes: Uint8Array, result: RecordParse): void {
  const lineCount = Buffer.from(bytes).toString('latin1').split('\n').length;
  for (const f of result.findings) {
    expect(Object.keys(RULES)).toContain(f.rule);
    expect(['error', 'warning']).toContain(f.severity);
    expect(Number.isInteger(f.line) && f.line >= 1 && f.line <= lineCount + 1, `${f.rule} at ${f.line}:${f.column}`).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1).toBe(true);
    expect(typeof f.message).toBe('string');
  }
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (result.record) {
    expect(errors).toEqual([]);
    const { data } = result.record;
    expect(typeof data.title).toBe('string');
    expect(data.title.trim()).not.toBe('');
    expect(data.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const r of data.results ?? []) for (const v of Object.values(r.metrics ?? {})) expect(Number.isFinite(v)).toBe(true);
    // Nothing reached the prototype chain.
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
  } else {
    expect(errors.length).toBeGreaterThan(0);
  }
}

describe('parseRecord never throws, whatever the bytes', () => {
  it('valid records mutated: lines deleted, duplicated, inserted, values replaced with YAML-special text, tabs, truncation, raw bytes', () => {
    fc.assert(
      fc.property(mutatedArb, ([spec, mutations, bytes]) => {
        const lines = renderRecord(spec).split('\n');
        for (const [which, r, s] of mutations) MUTATIONS[which]!(lines, r, s);
        let buffer = Buffer.from(lines.join('\n'), 'utf8');
        if (bytes) {
          const at = Math.floor(bytes[1] * (buffer.length + 1));
          buffer = Buffer.concat([buffer.subarray(0, at), Buffer.from(bytes[0]), buffer.subarray(at)]);
        }
        expectSound(buffer, parseRecord(buffer, 'meetings/2020/2020-10-26-x.md'));
      }),
      { numRuns: 600 },
    );
  });

  it('token soup between fences: anchors, aliases, tags, merge keys, flow brackets, quotes, tabs, NULs, lone surrogates, huge numbers', () => {
    const token = fc.constantFrom(
      '\n',
      '\n',
      '\n  ',
      ' ',
      ':',
      ': ',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '&a ',
      '*a',
      '!!binary ',
      '!foo ',
      '<<',
      '? ',
      '\t',
      '"',
      "'",
      '#',
      '|',
      '>',
      '~',
      'null',
      'title',
      'date',
      'chair',
      'tasks',
      'updates',
      'id',
      'status',
      '2020-10-26',
      'x',
      'Hội',
      '\u0000',
      '\ud800',
      '9'.repeat(40),
      '---',
      '...',
      '%',
      '__proto__',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), fc.boolean(), (tokens, closed) => {
        const text = `---\n${tokens.join('')}${closed ? '\n---\n' : ''}`;
        const bytes = Buffer.from(text, 'utf8');
        expectSound(bytes, parseRecord(bytes, 'meetings/2020/2020-10-26-x.md'));
      }),
      { numRuns: 800 },
    );
  });

  it('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (raw, fenced) => {
        const bytes = fenced ? Buffer.concat([Buffer.from('---\n'), Buffer.from(raw), Buffer.from('\n---\n')]) : Buffer.from(raw);
        expectSound(bytes, parseRecord(bytes, 'meetings/2020/2020-10-26-x.md'));
      }),
      { numRuns: 500 },
    );
  });
});

// --- slugs ------------------------------------------------------------------

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Vietnamese letters by their ASCII base: every variant must slug to the base. */
const VARIANTS: Record<string, string> = {
  a: 'aàáảãạăằắẳẵặâầấẩẫậ',
  e: 'eèéẻẽẹêềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọôồốổỗộơờớởỡợ',
  u: 'uùúủũụưừứửữự',
  y: 'yỳýỷỹỵ',
  d: 'dđ',
};
const baseWord = fc.stringMatching(/^[a-z0-9]{1,7}$/);
const decorated = (word: string) =>
  fc
    .tuple(...[...word].map((ch) => fc.tuple(fc.constantFrom(...[...(VARIANTS[ch] ?? ch)]), fc.boolean()).map(([v, upper]) => (upper ? v.toUpperCase() : v))))
    .map((chars) => chars.join(''));

describe('slugs', () => {
  it('any title gives [a-z0-9-]{1,60}: no leading, trailing or double "-", and the same slug for its NFC and NFD forms', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 120 }), fc.string({ maxLength: 200 })),
        (title) => {
          const slug = slugify(title);
          expect(slug).toMatch(SLUG);
          expect(slug.length).toBeGreaterThanOrEqual(1);
          expect(slug.length).toBeLessThanOrEqual(60);
          expect(slugify(title.normalize('NFD'))).toBe(slugify(title.normalize('NFC')));
          expect(slugify(slug)).toBe(slug);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('Vietnamese diacritics and case go, "đ"/"Đ" become "d", whatever the separators', () => {
    const titleArb = fc
      .array(baseWord, { minLength: 1, maxLength: 6 })
      .filter((w) => w.join('-').length <= 60)
      .chain((words) => fc.tuple(fc.constant(words), fc.tuple(...words.map(decorated))));
    fc.assert(
      fc.property(
        titleArb,
        fc.constantFrom(' ', '  ', ' – ', ', ', '/', '_', '\t', ': '),
        fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
        ([words, shown], separator, form) => {
          expect(slugify(shown.join(separator).normalize(form))).toBe(words.join('-'));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a long title is cut at a word boundary near 60 characters', () => {
    fc.assert(
      fc.property(fc.array(baseWord, { minLength: 12, maxLength: 30 }), (words) => {
        const joined = words.join('-');
        const slug = slugify(words.join(' '));
        expect(slug.length).toBeLessThanOrEqual(60);
        expect(joined.startsWith(slug)).toBe(true);
        // Words are at most 7 characters: there is always a boundary to cut at.
        expect(['-', undefined]).toContain(joined[slug.length]);
      }),
      { numRuns: 300 },
    );
  });
});
