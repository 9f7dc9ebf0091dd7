// The fast paths of the text helpers every output goes through (oneLine,
// visibleLines, visibleDeep, displayWidth, the task list's terminal table and Markdown) give
// what their plain definitions give, on random text mixing Vietnamese (NFC and NFD), controls,
// line breaks, bidi controls, "::", emoji and lone surrogates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from '../src/model/format.js';
import { oneLine, RowsByPlace, visible, visibleDeep, visibleLines } from '../src/model/text.js';
import { displayWidth, markdownId, markdownTable, markdownText } from '../src/render/table.js';
import { renderTasksMarkdown, renderTasksText } from '../src/render/tasks.js';
import { messages } from '../src/model/messages/index.js';
import { dueCells, STATUS_LABELS } from '../src/render/locale.js';
import type { TaskList, TaskRow, UntitledTaskRow } from '../src/model/tasks.js';
import type { Config } from '../src/model/schema.js';
import type { ReportTask } from '../src/model/report.js';
import { shownReportTask } from '../src/domain/buildReport.js';
import { Chalk } from 'chalk';

const PIECES = [
  'Hội nghị',
  'Hội nghị'.normalize('NFD'),
  'ước đạt',
  'a',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u202e',
  '\x1b[31m',
  '::',
  ':',
  '#',
  '##[',
  '[',
  '😀',
  '\ud800',
  'x\u0301',
  '__proto__',
  // Around displayWidth's one-pass ranges (below U+0300, U+1E00 to U+20CF): a Vietnamese letter, an en dash,
  // a combining mark of the supplement below U+1E00 and one for symbols just past U+20CF.
  'ế',
  'Tài chính – Ngân sách',
  'e\u1dc0',
  'x\u20d0',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

const ESCAPED_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
const escape = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `value` with every object and array in it frozen. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('text helpers: fast paths agree with their definitions', () => {
  it('oneLine', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(oneLine(t)).toBe(t.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('visibleLines', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(visibleLines(t)).toBe(
          t
            .replace(ESCAPED_IN_LINES, escape)
            .replace(/(^|\n)([ \t]*):(?=:)/g, '$1$2\\x3a')
            .replace(/#(?=#\[)/g, '\\x23'),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('markdownText and a Markdown table cell escape what their plain definitions do', () => {
    const MARKDOWN = ['www.', 'WwW.', 'awww.', 'x.www.', '://', ':/', 'http://a', '&', '<b>', '\\', '`', '*', '_', '~', ']', '|', '@', '1.', '2)', '-', '+ '];
    const markdown = fc.array(fc.constantFrom(...PIECES, ...MARKDOWN), { maxLength: 10 }).map((parts) => parts.join(''));
    const references: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
    const escaped = (t: string) => t.replace(/[&<>\\`*_~[\]|@]|:(?=\/\/)|(?<=\bwww)\./gi, (c) => references[c] ?? `&#${c.charCodeAt(0)};`);
    const atStart = (t: string) =>
      t.replace(/^(?:([#+*-])|(\d+)([.)]))(?=\s|$)/, (_, mark: string | undefined, digits: string | undefined, dot: string | undefined) =>
        mark !== undefined ? `&#${mark.charCodeAt(0)};` : `${digits}&#${dot!.charCodeAt(0)};`,
      );
    const cell = (t: string) => t.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    fc.assert(
      fc.property(markdown, (t) => {
        expect(markdownText(t, false)).toBe(escaped(t));
        expect(markdownText(t)).toBe(atStart(escaped(t)));
        expect(markdownTable([{ header: t }], [[t]])).toBe(`| ${cell(t)} |\n| --- |\n| ${cell(t)} |`);
      }),
      { numRuns: 2000 },
    );
    expect(markdownText('xem www.ubnd.vn hoặc WWW.x.vn')).toBe('xem www&#46;ubnd.vn hoặc WWW&#46;x.vn');
  });

  it('displayWidth counts code points that are not combining marks, after NFC', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(displayWidth(t)).toBe([...t.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length);
      }),
      { numRuns: 2000 },
    );
    expect(displayWidth('😀')).toBe(1);
    expect(displayWidth('Hội nghị'.normalize('NFD'))).toBe(8);
  });

  it('visibleDeep: every string and key as visibleLines(oneLine(…)), or visibleLines for lines', () => {
    const plain = (value: unknown, shown: (t: string) => string): unknown => {
      if (typeof value === 'string') return shown(value);
      if (Array.isArray(value)) return value.map((v) => plain(v, shown));
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [shown(k), plain(v, shown)]));
    };
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.constant(null), tie('list'), tie('object')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      object: fc.dictionary(text, tie('node'), { maxKeys: 4 }),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        expect(visibleDeep(value)).toStrictEqual(plain(value, (t) => visibleLines(oneLine(t))));
        expect(visibleDeep(value, 'lines')).toStrictEqual(plain(value, visibleLines));
        // Frozen and shared, as rows share their meeting: the same, wherever it sits.
        const shared = deepFreeze(structuredClone(value));
        const rows = [{ meeting: shared }, { meeting: shared, other: value }];
        expect(visibleDeep(rows, 'lines')).toStrictEqual(plain(rows, visibleLines));
      }),
      { numRuns: 1000 },
    );
  });

  it("visibleDeep: a report's task rows, shown field by field (shownReportTask), as its walk shows them", () => {
    // Required: a field added to ReportTask must be added here, and so is compared below.
    const every = (t: string[]): Required<ReportTask> => ({
      id: t[0]!,
      title: t[1]!,
      owners: [t[2]!, t[3]!],
      ownerNames: Object.freeze([t[4]!, t[5]!]),
      sector: t[6]!,
      status: t[7]! as ReportTask['status'],
      overdueDays: 3,
      meeting: Object.freeze({ date: t[8]!, title: t[9]!, file: t[10]!, organization: t[11]! }),
      note: t[12]!,
      due: t[13]!,
      dueAsWritten: t[14]!.length % 2 === 0 ? t[14]! : { working_days: 5 },
      recurring: t.length % 2 === 0,
      directedBy: t[15]!,
    });
    const rowsOf = (texts: string[], hook: boolean) => {
      const make = (place: number) => {
        const row: ReportTask = every(texts);
        // Optional fields absent from some rows: absent after too.
        if (place === 1) for (const key of ['sector', 'note', 'due', 'dueAsWritten', 'directedBy'] as const) delete row[key];
        return row;
      };
      return new RowsByPlace(Int32Array.of(0, 1), make, hook ? shownReportTask : undefined);
    };
    fc.assert(
      fc.property(fc.array(text, { minLength: 16, maxLength: 16 }), (texts) => {
        for (const mode of ['oneLine', 'lines'] as const) {
          const walked = [...visibleDeep(rowsOf(texts, false), mode)];
          expect([...visibleDeep(rowsOf(texts, true), mode)]).toStrictEqual(walked);
          expect(Object.keys(walked[1]!)).not.toContain('note');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('visibleDeep keeps "__proto__" a plain key and copies every other', () => {
    const value = JSON.parse('{"__proto__": {"a": "x\\n::y"}, "constructor": "b\\u001b"}') as Record<string, unknown>;
    const shown = visibleDeep(value);
    expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
    expect(Object.keys(shown)).toEqual(['__proto__', 'constructor']);
    expect(shown.__proto__).toEqual({ a: 'x ::y' });
    expect(visibleDeep({ k: '::y' })).toEqual({ k: '\\x3a:y' });
    // GitHub's older workflow commands, taken anywhere in a line: never one from a record.
    expect(visibleDeep({ owner: 'a ##[add-mask]tok ##[stop-commands]x' })).toEqual({ owner: 'a \\x23#[add-mask]tok \\x23#[stop-commands]x' });
    expect(visible('##[error file=a.md;line=1]giả mạo')).toBe('\\x23#[error file=a.md;line=1]giả mạo');
    expect(shown.constructor).toBe('b\\x1b');
  });

  it('visibleDeep returns what needs nothing as it is, and copies only the parts that change', () => {
    const clean = { id: 'a', tasks: [{ title: 'Hội nghị', owners: ['van-phong'] }], n: 3 };
    expect(visibleDeep(clean)).toBe(clean);
    const mixed = { keep: { title: 'sạch' }, change: [{ title: 'x\u202ey' }, { title: 'z' }] };
    const shown = visibleDeep(mixed);
    expect(shown).not.toBe(mixed);
    expect(shown.keep).toBe(mixed.keep);
    expect(shown.change).toEqual([{ title: 'x\\u202ey' }, { title: 'z' }]);
    expect(shown.change[1]).toBe(mixed.change[1]);
    // The input is never changed.
    expect(mixed.change[0]!.title).toBe('x\u202ey');
    // A frozen value shared by two rows is shown once, the same copy in both.
    const meeting = Object.freeze({ title: 'họp\u001b[2J' });
    const rows = visibleDeep([{ meeting }, { meeting }]);
    expect(rows[0]!.meeting).toEqual({ title: 'họp\\x1b[2J' });
    expect(rows[1]!.meeting).toBe(rows[0]!.meeting);
    const bare = Object.assign(Object.create(null) as Record<string, string>, { a: 'b' });
    expect(Object.getPrototypeOf(visibleDeep(bare))).toBe(Object.prototype);
  });

  it('visibleDeep gives what a copy of every string through oneLine and visibleLines gives', () => {
    const copyAll = (v: unknown): unknown =>
      typeof v === 'string'
        ? visibleLines(oneLine(v))
        : Array.isArray(v)
          ? v.map(copyAll)
          : typeof v === 'object' && v !== null
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [visibleLines(oneLine(k)), copyAll(x)]))
            : v;
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(visibleDeep(v)).toEqual(copyAll(v));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the task list as a terminal table and in Markdown: made row by row, it shows what the plain way shows', () => {
  // The plain way: every string of the row through visibleDeep, each cell from the shown row, every column padded.
  const plainWidth = (t: string) => [...t.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length;
  const plainCells = (list: TaskList, config: Config) => {
    const owners = visibleDeep(config.owners);
    const due = dueCells('vi');
    return list.rows.map((given) => {
      const row = visibleDeep(given);
      return {
        id: row.id,
        title: oneLine(row.title),
        owners: row.owners.map((o) => (Object.hasOwn(owners, o) ? owners[o]! : o)).join(', '),
        due: due(row),
        directedBy: row.directedBy ? oneLine(row.directedBy) : '',
        status: STATUS_LABELS.vi[row.status],
        overdue: row.overdueDays > 0 ? formatNumber('vi', row.overdueDays) : '',
        meeting: `${formatDate('vi', row.meeting.date)}${row.meeting.organization ? ` (${oneLine(row.meeting.organization)})` : ''}`,
      };
    });
  };
  const h = messages('vi').tasks.headers;
  const plainTable = (list: TaskList, config: Config): string => {
    const cells = plainCells(list, config).map((c) => [
      c.id,
      c.due,
      c.status,
      c.overdue,
      c.owners,
      c.meeting,
      ...(list.directed ? [c.directedBy] : []),
      c.title,
    ]);
    const header = [h.id, h.due, h.status, h.overdue, h.owners, h.meeting, ...(list.directed ? [h.directedBy] : []), h.title];
    const all = [header, ...cells];
    const widths = header.map((_, i) => Math.max(...all.map((r) => plainWidth(r[i]!))));
    const right = header.indexOf(h.overdue);
    const pad = (cell: string, i: number) => {
      const fill = ' '.repeat(widths[i]! - plainWidth(cell));
      return i === right ? fill + cell : cell + fill;
    };
    return all.map((r) => r.map(pad).join('  ').trimEnd()).join('\n');
  };
  const plainMarkdown = (list: TaskList, config: Config): string =>
    markdownTable(
      [h.id, h.title, h.owners, h.due, h.status, h.overdue, h.meeting, ...(list.directed ? [h.directedBy] : [])].map((header) =>
        header === h.overdue ? { header, align: 'right' as const } : { header },
      ),
      plainCells(list, config).map((c) => [
        markdownId(c.id),
        markdownText(c.title),
        markdownText(c.owners),
        c.due,
        c.status,
        c.overdue,
        c.meeting,
        ...(list.directed ? [markdownText(c.directedBy)] : []),
      ]),
    );
  const row = fc.record({
    id: text,
    title: text,
    owners: fc.array(fc.oneof(fc.constantFrom('van-phong', 'kinh-te'), text), { minLength: 1, maxLength: 3 }),
    due: fc.option(fc.constantFrom('2021-08-01', '2021-09-30'), { nil: undefined }),
    dueAsWritten: fc.option(fc.oneof(text, fc.constant({ working_days: 5 })), { nil: undefined }),
    recurring: fc.boolean(),
    directedBy: fc.option(text, { nil: undefined }),
    status: fc.constantFrom('open', 'in-progress', 'done', 'dropped'),
    overdueDays: fc.constantFrom(0, 3, 1066),
    meeting: fc.record({
      date: fc.constantFrom('2021-08-02', '2021-07-30'),
      title: text,
      file: fc.constant('meetings/a.md'),
      organization: fc.option(text, { nil: undefined }),
    }),
  }) as fc.Arbitrary<TaskRow>;

  it('held or made twice, with or without rows that leave the title out; and in Markdown', () => {
    const config = { locale: 'vi', owners: { 'van-phong': 'Văn phòng\u202e', 'kinh-te': 'Phòng Kinh tế – Hạ tầng' } } as unknown as Config;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        const places = Int32Array.from(rows.keys());
        const untitled = new RowsByPlace(places, (i): UntitledTaskRow => {
          const { title: _title, ...rest } = rows[i]!;
          return rest;
        });
        const list: TaskList = {
          day: '2021-08-28',
          rows: new RowsByPlace(places, (i) => rows[i]!),
          overdue: 0,
          directed: rows.some((r) => r.directedBy !== undefined),
        };
        const expected = plainTable(list, config);
        const shown = (given: TaskList, held?: number) => [...renderTasksText(given, config, new Chalk({ level: 0 }), held)].join('');
        expect(shown(list)).toBe(expected);
        expect(shown(list, 0)).toBe(expected);
        expect(shown({ ...list, untitled }, 0)).toBe(expected);
        expect([...renderTasksMarkdown(list, config)].join('')).toBe(plainMarkdown(list, config));
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatting: fast paths agree with the general way', () => {
  it('formatNumber of a small whole number is what Intl writes, in both locales', () => {
    // signDisplay "negative": a value that rounds to 0 is "0", never "-0" (a fall too small to show).
    const options = { maximumFractionDigits: 2, signDisplay: 'negative' } as const;
    const intl = { vi: new Intl.NumberFormat('vi-VN', options), en: new Intl.NumberFormat('en-US', options) };
    for (const value of [0, -0, 1, 7, 999, 1000, 1066, 12345.678, -3, 0.5, 2.125, -0.001]) {
      expect(formatNumber('vi', value), String(value)).toBe(intl.vi.format(value));
      expect(formatNumber('en', value), String(value)).toBe(intl.en.format(value));
    }
    expect([formatNumber('vi', -0), formatNumber('en', -0.001)]).toEqual(['0', '0']);
  });

  it('formatDate in Vietnamese is DD/MM/YYYY of any calendar day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (day) => {
        const iso = day.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(formatDate('vi', iso)).toBe(`${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${String(y).padStart(4, '0')}`);
      }),
      { numRuns: 500 },
    );
  });
});
