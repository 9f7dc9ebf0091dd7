// checkRepository: the rules that need the config or other records. Records
// are parsed from text (parseRecord is pure), so positions are real.
import { describe, expect, it } from 'vitest';
import { compareFindings, type Finding } from '../src/model/ruleCatalogue.js';
import { checkRecordAmong, checkRepository } from '../src/domain/checkRules.js';
import type { Config } from '../src/model/schema.js';
import { parseConfig, parseRecord } from '../src/records/parse.js';
import { MINIMAL_CONFIG } from './helpers.js';
import type { MeetingRecord } from '../src/model/record.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function configFrom(text: string): Config {
  const { config, findings } = parseConfig(utf8(text), 'meet.config.yaml');
  if (!config || findings.length > 0) throw new Error(`bad test config: ${JSON.stringify(findings)}`);
  return config;
}

const CONFIG = configFrom(MINIMAL_CONFIG);

/** A record at `file`; its front matter is `lines` (line 2 onwards). */
function record(file: string, ...lines: string[]): MeetingRecord {
  const { record: parsed, findings } = parseRecord(utf8(`---\n${lines.join('\n')}\n---\n`), file);
  if (!parsed) throw new Error(`bad test record ${file}: ${JSON.stringify(findings)}`);
  return parsed;
}

/** Lines 2–4. */
const head = (date: string) => ['title: Họp', `date: ${date}`, 'chair: Nguyễn Văn A'];
/** Lines of one task item, `- id:` first (id value at column 9). */
const task = (id: string, ...more: string[]) => [`  - id: ${id}`, '    title: Việc', '    owner: van-phong', ...more];
const update = (id: string, status = 'done') => [`  - task: ${id}`, `    status: ${status}`];

const brief = (findings: Finding[]) => [...findings].sort(compareFindings).map((f) => [f.file, f.line, f.column, f.severity, f.rule]);

describe('checkRepository', () => {
  it('a valid repository has no findings', () => {
    const records = [
      record(
        'meetings/2020/2020-10-26-hop.md',
        ...head('2020-10-26'),
        'results:',
        '  - sector: kinh-te',
        '    summary: Tốt',
        '    metrics: { xa-dat-chuan-ntm: 7 }',
        'tasks:',
        ...task('t-1', '    due: 2020-11-20', '    sector: kinh-te'),
      ),
      record('meetings/2020/2020-11-25-hop.md', ...head('2020-11-25'), 'updates:', ...update('t-1')),
      record('meetings/2020/2020-12-28.md', ...head('2020-12-28')),
    ];
    expect(checkRepository(CONFIG, records)).toEqual([]);
  });

  describe('file names and folders', () => {
    it('the date prefix must equal date; the finding is at the date value', () => {
      const findings = checkRepository(CONFIG, [record('meetings/2020/2020-10-25-hop.md', ...head('2020-10-26'))]);
      expect(findings).toEqual([
        {
          file: 'meetings/2020/2020-10-25-hop.md',
          line: 3,
          column: 7,
          severity: 'error',
          rule: 'file-name',
          message: "The file name starts with 2020-10-25 but the meeting's date is 2020-10-26; rename the file or correct the date",
        },
      ]);
    });

    it.each([['hop-thang-10.md'], ['26-10-2020-hop.md'], ['20201026-hop.md'], ['2020-10-260-hop.md']])(
      'a name without the date first is an error: %s',
      (name) => {
        const findings = checkRepository(CONFIG, [record(`meetings/2020/${name}`, ...head('2020-10-26'))]);
        expect(brief(findings)).toEqual([[`meetings/2020/${name}`, 3, 7, 'error', 'file-name']]);
        expect(findings[0]!.message).toContain('2020-10-26-<slug>.md');
      },
    );

    // FORMAT.md: "Only the date prefix is checked": a slug meet new would not make is advice, and reports still run.
    it.each([['2020-10-26_hop.md'], ['2020-10-26-Hop.md'], ['2020-10-26-họp.md'], ['2020-10-26 hop.md']])(
      'a slug of other letters is a warning: %s',
      (name) => {
        const findings = checkRepository(CONFIG, [record(`meetings/2020/${name}`, ...head('2020-10-26'))]);
        expect(brief(findings)).toEqual([[`meetings/2020/${name}`, 3, 7, 'warning', 'file-slug']]);
        expect(findings[0]!.message).toContain('2020-10-26-<slug>.md, the slug in lower-case letters without accents');
      },
    );

    it('any [a-z0-9-] slug is accepted, and so is no slug', () => {
      const records = [
        record('meetings/2020/2020-10-26-tieu-de-cu-da-doi-2.md', ...head('2020-10-26')),
        record('meetings/2020/2020-10-27.md', ...head('2020-10-27')),
      ];
      expect(checkRepository(CONFIG, records)).toEqual([]);
    });

    it('the wrong year folder, or none, is a warning', () => {
      const findings = checkRepository(CONFIG, [
        record('meetings/2019/2020-10-26-hop.md', ...head('2020-10-26')),
        record('meetings/2020-10-27-hop.md', ...head('2020-10-27')),
        record('meetings/2020/thang-10/2020-10-28-hop.md', ...head('2020-10-28')),
      ]);
      expect(brief(findings)).toEqual([
        ['meetings/2019/2020-10-26-hop.md', 3, 7, 'warning', 'file-folder'],
        ['meetings/2020-10-27-hop.md', 3, 7, 'warning', 'file-folder'],
        ['meetings/2020/thang-10/2020-10-28-hop.md', 3, 7, 'warning', 'file-folder'],
      ]);
      expect(findings[0]!.message).toContain('"meetings/2020/": move the file there');
    });

    it('follows paths.meetings from the config, however it is written', () => {
      for (const folder of ['bien-ban', 'bien-ban/', './bien-ban', 'ho-so/bien-ban']) {
        const config = configFrom(`paths: { meetings: "${folder}" }\n${MINIMAL_CONFIG}`);
        const base = folder.replace(/^\.\//, '').replace(/\/$/, '');
        expect(checkRepository(config, [record(`${base}/2020/2020-10-26-hop.md`, ...head('2020-10-26'))]), folder).toEqual([]);
        expect(brief(checkRepository(config, [record('meetings/2020/2020-10-26-hop.md', ...head('2020-10-26'))])), folder).toEqual([
          ['meetings/2020/2020-10-26-hop.md', 3, 7, 'warning', 'file-folder'],
        ]);
      }
    });
  });

  describe('declared sectors, owners and metrics', () => {
    const FILE = 'meetings/2020/2020-10-26-hop.md';

    it('unknown ids, each at its value (metrics at their key), with suggestions', () => {
      const findings = checkRepository(CONFIG, [
        record(
          FILE,
          ...head('2020-10-26'), // 2-4
          'results:', // 5
          '  - sector: van-hoa-xa-hoii', // 6
          '    summary: Tốt', // 7
          '    metrics:', // 8
          '      don-vi-mau: 5', // 9
          '      so-ca-benh: 3', // 10
          'tasks:', // 11
          '  - id: t-1', // 12
          '    title: Việc', // 13
          '    owner: tai-chinh', // 14
        ),
      ]);
      expect(brief(findings)).toEqual([
        [FILE, 6, 13, 'error', 'unknown-sector'],
        [FILE, 10, 7, 'error', 'unknown-metric'],
        [FILE, 14, 12, 'error', 'unknown-owner'],
      ]);
      const sorted = [...findings].sort(compareFindings);
      expect(sorted[0]!.message).toBe('The sector "van-hoa-xa-hoii" is not declared in meet.config.yaml. Did you mean "van-hoa-xa-hoi"?');
      expect(sorted[1]!.message).toBe('The metric "so-ca-benh" is not declared in meet.config.yaml.');
      expect(sorted[2]!.message).toContain('"tai-chinh"');
    });

    it('an unknown sector on a task', () => {
      const findings = checkRepository(CONFIG, [record(FILE, ...head('2020-10-26'), 'tasks:', ...task('t-1', '    sector: y-te'))]);
      expect(brief(findings)).toEqual([[FILE, 9, 13, 'error', 'unknown-sector']]);
    });

    it('an owner list: each unknown owner at its own item', () => {
      const findings = checkRepository(CONFIG, [
        record(FILE, ...head('2020-10-26'), 'tasks:', '  - id: t-1', '    title: Việc', '    owner: [phong-a, van-phong, phong-b]'),
      ]);
      expect(brief(findings)).toEqual([
        [FILE, 8, 13, 'error', 'unknown-owner'],
        [FILE, 8, 33, 'error', 'unknown-owner'],
      ]);
    });

    it('"constructor", a property of every object, is not a declared id', () => {
      const findings = checkRepository(CONFIG, [
        record(
          FILE,
          ...head('2020-10-26'),
          'results:',
          '  - sector: constructor',
          '    summary: x',
          'tasks:',
          '  - id: t-1',
          '    title: Việc',
          '    owner: [van-phong, constructor]',
          '    sector: constructor',
        ),
      ]);
      expect(brief(findings)).toEqual([
        [FILE, 6, 13, 'error', 'unknown-sector'],
        [FILE, 11, 24, 'error', 'unknown-owner'],
        [FILE, 12, 13, 'error', 'unknown-sector'],
      ]);
    });

    it('a metric under another sector than its own is a warning at the metric', () => {
      const findings = checkRepository(CONFIG, [
        record(FILE, ...head('2020-10-26'), 'results:', '  - sector: kinh-te', '    summary: x', '    metrics: { don-vi-mau: 5, xa-dat-chuan-ntm: 1 }'),
      ]);
      expect(findings).toEqual([
        {
          file: FILE,
          line: 8,
          column: 16,
          severity: 'warning',
          rule: 'metric-sector',
          message:
            'The metric "don-vi-mau" belongs to the sector "van-hoa-xa-hoi", but is reported under "kinh-te": move the figure to a result of "van-hoa-xa-hoi"',
        },
      ]);
    });

    it('no metric-sector warning on top of an unknown sector', () => {
      const findings = checkRepository(CONFIG, [
        record(FILE, ...head('2020-10-26'), 'results:', '  - sector: la', '    summary: x', '    metrics: { don-vi-mau: 5 }'),
      ]);
      expect(brief(findings).map((f) => f[4])).toEqual(['unknown-sector']);
    });
  });

  describe('due dates', () => {
    const FILE = 'meetings/2020/2020-10-26-hop.md';
    it('due before the meeting is an error at the due value; on the day or later is fine', () => {
      const findings = checkRepository(CONFIG, [
        record(
          FILE,
          ...head('2020-10-26'),
          'tasks:',
          ...task('a', '    due: 2020-10-25'),
          ...task('b', '    due: 2020-10-26'),
          ...task('c', '    due: 2021-01-01'),
          ...task('d'),
        ),
      ]);
      expect(findings).toEqual([
        {
          file: FILE,
          line: 9,
          column: 10,
          severity: 'error',
          rule: 'due-before-date',
          message: 'The task "a" is due on 25 Oct 2020, before the meeting that assigned it (26 Oct 2020)',
        },
      ]);
    });
  });

  describe('task ids across the repository', () => {
    const A = 'meetings/2020/2020-10-26-a.md';
    const B = 'meetings/2020/2020-11-25-b.md';
    const C = 'meetings/2020/2020-12-28-c.md';

    it('within one record: at the second id', () => {
      const findings = checkRepository(CONFIG, [record(A, ...head('2020-10-26'), 'tasks:', ...task('x'), ...task('y'), ...task('x'))]);
      expect(brief(findings)).toEqual([[A, 12, 9, 'error', 'duplicate-task-id']]);
      expect(findings[0]!.message).toBe(
        'The task id "x" is already used earlier in this record; task ids must be unique across the repository; change this one, e.g. to "x-2" (used nowhere)',
      );
    });

    it('offers the next number no record holds, its width kept, for an id ending in one', () => {
      const findings = checkRepository(CONFIG, [
        record(A, ...head('2020-10-26'), 'tasks:', ...task('2020-10-26-01'), ...task('2020-10-26-01')),
        record(B, ...head('2020-11-25'), 'tasks:', ...task('2020-10-26-02'), ...task('2020-10-26-03')),
      ]);
      expect(brief(findings)).toEqual([[A, 9, 9, 'error', 'duplicate-task-id']]);
      expect(findings[0]!.message).toContain('; change this one, e.g. to "2020-10-26-04" (used nowhere)');
      // More digits than a number keeps: counted on exactly.
      const long = checkRepository(CONFIG, [
        record(A, ...head('2020-10-26'), 'tasks:', ...task('t-100000000000000000000001'), ...task('t-100000000000000000000001')),
      ]);
      expect(long[0]!.message).toContain('e.g. to "t-100000000000000000000002"');
    });

    it('across records: in the later meetings, naming the first, whatever the input order', () => {
      const records = [
        record(C, ...head('2020-12-28'), 'tasks:', ...task('x')),
        record(A, ...head('2020-10-26'), 'tasks:', ...task('x')),
        record(B, ...head('2020-11-25'), 'tasks:', ...task('x')),
      ];
      const expected = [
        [B, 6, 9, 'error', 'duplicate-task-id'],
        [C, 6, 9, 'error', 'duplicate-task-id'],
      ];
      expect(brief(checkRepository(CONFIG, records))).toEqual(expected);
      expect(brief(checkRepository(CONFIG, [...records].reverse()))).toEqual(expected);
      for (const f of checkRepository(CONFIG, records)) expect(f.message).toContain(`in ${A}`);
    });

    it('two records on the same date: the later path holds the duplicate', () => {
      const records = [
        record('meetings/2020/2020-10-26-z.md', ...head('2020-10-26'), 'tasks:', ...task('x')),
        record('meetings/2020/2020-10-26-a.md', ...head('2020-10-26'), 'tasks:', ...task('x')),
      ];
      expect(brief(checkRepository(CONFIG, records))).toEqual([['meetings/2020/2020-10-26-z.md', 6, 9, 'error', 'duplicate-task-id']]);
    });
  });

  describe('updates', () => {
    const A = 'meetings/2020/2020-10-26-a.md';
    const B = 'meetings/2020/2020-11-25-b.md';
    const SAME_DAY = 'meetings/2020/2020-11-25-c.md';

    it('naming a task no record assigns: at the task value, with a suggestion', () => {
      const findings = checkRepository(CONFIG, [
        record(A, ...head('2020-10-26'), 'tasks:', ...task('ke-hoach-nam')),
        record(B, ...head('2020-11-25'), 'updates:', ...update('ke-hoach-nan'), ...update('khac-han')),
      ]);
      expect(brief(findings)).toEqual([
        [B, 6, 11, 'error', 'update-unknown-task'],
        [B, 8, 11, 'error', 'update-unknown-task'],
      ]);
      expect(findings[0]!.message).toBe('No record assigns a task "ke-hoach-nan". Did you mean "ke-hoach-nam"?');
      expect(findings[1]!.message).toBe('No record assigns a task "khac-han".');
    });

    it('naming a task from the same meeting, a same-date meeting or a later one', () => {
      const findings = checkRepository(CONFIG, [
        record(A, ...head('2020-10-26'), 'updates:', ...update('sau')),
        record(B, ...head('2020-11-25'), 'tasks:', ...task('sau'), ...task('cung-ngay'), 'updates:', ...update('sau')),
        record(SAME_DAY, ...head('2020-11-25'), 'updates:', ...update('cung-ngay')),
      ]);
      expect(brief(findings)).toEqual([
        [A, 6, 11, 'error', 'update-not-earlier'],
        [B, 13, 11, 'error', 'update-not-earlier'],
        [SAME_DAY, 6, 11, 'error', 'update-not-earlier'],
      ]);
      const byFile = Object.fromEntries(findings.map((f) => [f.file, f.message]));
      expect(byFile[A]).toContain(`at a meeting on 25 Nov 2020 (${B})`);
      expect(byFile[B]).toContain('at this same meeting');
      expect(byFile[SAME_DAY]).toContain(`at a meeting on 25 Nov 2020 (${B})`);
    });

    it('naming a task from an earlier meeting is fine, also across years', () => {
      const findings = checkRepository(CONFIG, [
        record(A, ...head('2020-10-26'), 'tasks:', ...task('t-1')),
        record(B, ...head('2020-11-25'), 'updates:', ...update('t-1', 'in-progress')),
        record('meetings/2021/2021-01-05-d.md', ...head('2021-01-05'), 'updates:', ...update('t-1', 'done')),
      ]);
      expect(findings).toEqual([]);
    });
  });
});

describe('checkRecordAmong', () => {
  it("gives each record checkRepository's findings of it, the whole repository's rules and all", () => {
    const records = [
      record('meetings/2020/2020-09-20-hop.md', ...head('2020-09-20'), 'tasks:', ...task('t-1'), ...task('t-2'), ...task('t-2')),
      // t-1 again, after its first assignment; an update of a task assigned later; one of no task, near an id it does not name.
      record(
        'meetings/2020/2020-10-05-hop.md',
        ...head('2020-10-05'),
        'tasks:',
        ...task('t-1'),
        ...['  - id: t-3', '    title: Việc', '    owner: khong-co'],
        'updates:',
        ...update('t-4'),
        ...update('t-22'),
        ...update('t-3'),
      ),
      // The same day as t-4's own meeting, earlier in path order; an update of a task of the same record.
      record('meetings/2020/2020-10-20-a.md', ...head('2020-10-20'), 'updates:', ...update('t-4'), ...update('t-1', 'in-progress')),
      record('meetings/2020/2020-10-20-hop.md', ...head('2020-10-20'), 'tasks:', ...task('t-4'), 'updates:', ...update('t-4')),
      record('meetings/2020/2020-11-29-hop.md', ...head('2020-11-30'), 'tasks:', ...task('t-3')),
    ];
    const whole = checkRepository(CONFIG, records);
    // Each rule that reads other records or the config has a finding here, and one a "did you mean".
    for (const rule of ['duplicate-task-id', 'update-unknown-task', 'update-not-earlier', 'unknown-owner', 'file-name']) {
      expect(whole.map((f) => f.rule)).toContain(rule);
    }
    expect(whole.some((f) => f.rule === 'update-unknown-task' && f.message.includes('"t-22".') && f.message.includes('"t-2"?'))).toBe(true);
    for (const one of records) {
      const others = records.filter((r) => r !== one);
      expect(checkRecordAmong(CONFIG, one, others), one.file).toEqual(whole.filter((f) => f.file === one.file));
    }
  });
});
