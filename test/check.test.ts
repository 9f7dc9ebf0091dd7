// `meet check` end to end: the built CLI in temp repositories. Every rule a
// file can trigger has a fixture, and the finding's exact place is asserted.
import { createServer, type Server } from 'node:net';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES, type RuleId } from '../src/model/ruleCatalogue.js';
import { copyExamples, makeRepo as makeViRepo, MINIMAL_CONFIG as VI_CONFIG, runMeet, tempDir, writeTree, type RunResult } from './helpers.js';

// The messages asserted below are English: the fixtures' repositories say `locale: en`.
const MINIMAL_CONFIG = VI_CONFIG.replace('locale: vi', 'locale: en');
const makeRepo = (records: Record<string, string>, config = MINIMAL_CONFIG) => makeViRepo(records, config);

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: RuleId;
  message: string;
}

interface Expected {
  line: number;
  column: number;
  rule: RuleId;
  /** A phrase the message must contain (or match). */
  message?: string | RegExp;
}

interface Case {
  name: string;
  file: string;
  content: string | Buffer;
  findings: Expected[];
}

/** A record: line 1 is "---", so the first front-matter line is line 2. */
const rec = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n\nNội dung biên bản.\n`;
/** Lines 2–4 of a valid record. */
const head = (date: string) => ['title: Họp thử', `date: ${date}`, 'chair: Nguyễn Văn A'];
/** Three lines of a task list item: `- id` (column 5 for the key, 9 for the value), title, owner. */
const task = (id: string, ...more: string[]) => [`  - id: ${id}`, '    title: Việc được giao', '    owner: van-phong', ...more];
const M = 'meetings/2020/';

async function checkJson(cwd: string, ...args: string[]): Promise<{ run: RunResult; findings: JsonFinding[] }> {
  const run = await runMeet(['check', '--format', 'json', ...args], { cwd });
  let findings: JsonFinding[];
  try {
    findings = JSON.parse(run.stdout) as JsonFinding[];
  } catch {
    throw new Error(`meet check did not print JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { run, findings };
}

/** Each finding as "line:column rule", for asserting where a record's findings fall. */
const placed = (findings: readonly JsonFinding[]) => findings.map((f) => `${f.line}:${f.column} ${f.rule}`);

function assertCase(findings: JsonFinding[], c: Case): void {
  const got = findings.filter((f) => f.file === c.file);
  expect(got.map(({ message: _m, ...rest }) => rest)).toEqual(
    c.findings.map((e) => ({ file: c.file, line: e.line, column: e.column, severity: RULES[e.rule].severity, rule: e.rule })),
  );
  c.findings.forEach((e, i) => {
    if (e.message === undefined) return;
    if (typeof e.message === 'string') expect(got[i]!.message).toContain(e.message);
    else expect(got[i]!.message).toMatch(e.message);
  });
}

// Windows-1258 bytes for "ễ" (ê + combining tilde) and "ộ" (ô + combining dot below).
const CP1258_E_TILDE = [0xea, 0xde];
const CP1258_O_DOT = [0xf4, 0xf2];
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

const BILLION_LAUGHS = [
  'extra:',
  '  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  '  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  '  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  '  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  '  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  '  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  '  g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
];

// One repository, one file per case; task ids are unique across cases so
// that no case disturbs another.
const CASES: Case[] = [
  // --- unknown keys, with "did you mean" ---
  {
    name: 'unknown key "ower" in a task suggests "owner" (one finding: "owner is missing" would repeat it)',
    file: `${M}2020-01-01-ower.md`,
    content: rec(...head('2020-01-01'), 'tasks:', '  - id: a-ower', '    title: Việc', '    ower: van-phong'),
    findings: [{ line: 8, column: 5, rule: 'unknown-key', message: 'Did you mean "owner"?' }],
  },
  {
    name: 'unknown key in a result',
    file: `${M}2020-01-02-result-key.md`,
    content: rec(...head('2020-01-02'), 'results:', '  - sector: kinh-te', '    summary: Tốt', '    metric:', '      don-vi-mau: 5'),
    findings: [{ line: 8, column: 5, rule: 'unknown-key', message: /Unknown key "metric".*Did you mean "metrics"\?/ }],
  },
  {
    name: 'unknown key in chair {name, role}',
    file: `${M}2020-01-03-chair-key.md`,
    content: rec('title: Họp thử', 'date: 2020-01-03', 'chair:', '  name: Nguyễn Văn A', '  rol: Chủ tịch'),
    findings: [{ line: 6, column: 3, rule: 'unknown-key', message: 'Did you mean "role"?' }],
  },
  {
    name: 'unknown top-level keys, with and without a suggestion',
    file: `${M}2020-01-04-top-key.md`,
    content: rec(...head('2020-01-04'), 'atendees:', '  - Trần Thị B', 'ghi-chu-rieng: x'),
    findings: [
      { line: 5, column: 1, rule: 'unknown-key', message: /Unknown key "atendees".*Did you mean "attendees"\?/ },
      { line: 7, column: 1, rule: 'unknown-key', message: /^Unknown key "ghi-chu-rieng" in the record\. Remove it, or keep free-form data under "extra:"\.$/ },
    ],
  },
  // --- required keys ---
  {
    name: 'missing title (reported at the front matter, its parent)',
    file: `${M}2020-01-05-no-title.md`,
    content: rec('date: 2020-01-05', 'chair: Nguyễn Văn A'),
    findings: [{ line: 2, column: 1, rule: 'required-key', message: '"title" is missing' }],
  },
  {
    name: "a task's missing title is asked for as the task's, not the meeting's",
    file: `${M}2020-01-05-task-no-title.md`,
    content: rec(...head('2020-01-05'), 'tasks:', '  - id: t-khong-ten', '    owner: van-phong'),
    findings: [{ line: 6, column: 5, rule: 'required-key', message: /^"title" is missing: what the task is, in a line$/ }],
  },
  {
    name: "a signer's missing title is asked for as the position printed under the signature",
    file: `${M}2020-01-05-signer-no-title.md`,
    content: rec(
      ...head('2020-01-05'),
      'approval:',
      '  status: approved',
      '  notice:',
      '    number: 1/TB-UBND',
      '    date: 2020-01-06',
      '    signer:',
      '      name: Lê Văn Nam',
    ),
    findings: [{ line: 11, column: 7, rule: 'required-key', message: /^"title" is missing: the signer's position, as the document prints it/ }],
  },
  {
    name: 'missing date',
    file: `${M}2020-01-06-no-date.md`,
    content: rec('title: Họp thử', 'chair: Nguyễn Văn A'),
    findings: [{ line: 2, column: 1, rule: 'required-key', message: '"date" is missing' }],
  },
  {
    name: 'missing chair',
    file: `${M}2020-01-07-no-chair.md`,
    content: rec('title: Họp thử', 'location: Hội trường', 'date: 2020-01-07'),
    findings: [{ line: 2, column: 1, rule: 'required-key', message: '"chair" is missing' }],
  },
  {
    name: 'title with no value (at the key)',
    file: `${M}2020-01-08-empty-title.md`,
    content: rec('date: 2020-01-08', 'title:', 'chair: Nguyễn Văn A'),
    findings: [{ line: 3, column: 1, rule: 'required-key', message: '"title" has no value' }],
  },
  {
    name: 'title of blanks only (at the value)',
    file: `${M}2020-01-09-blank-title.md`,
    content: rec('date: 2020-01-09', 'title: "   "', 'chair: Nguyễn Văn A'),
    findings: [{ line: 3, column: 8, rule: 'required-key', message: '"title"' }],
  },
  // --- types and enums ---
  {
    name: 'attendees written as text instead of a list',
    file: `${M}2020-01-10-attendees.md`,
    content: rec(...head('2020-01-10'), 'attendees: Trần Thị B, Lê Văn C'),
    findings: [{ line: 5, column: 12, rule: 'invalid-type', message: '"attendees" must be a list' }],
  },
  {
    name: 'chair written as a list: co-chairs, valid in format v2',
    file: `${M}2020-01-11-chair-list.md`,
    content: rec('title: Họp thử', 'date: 2020-01-11', 'chair: [Nguyễn Văn A, Trần Thị B]'),
    findings: [],
  },
  {
    name: 'task status not in the list',
    file: `${M}2020-01-12-status.md`,
    content: rec(...head('2020-01-12'), 'tasks:', ...task('k-status', '    status: finished')),
    findings: [{ line: 9, column: 13, rule: 'invalid-value', message: 'write status: done' }],
  },
  {
    name: 'kind not in the list, with a suggestion',
    file: `${M}2020-01-13-kind.md`,
    content: rec(...head('2020-01-13'), 'kind: regulr'),
    findings: [{ line: 5, column: 7, rule: 'invalid-value', message: /regular, extraordinary, thematic.*Did you mean "regular"\?/ }],
  },
  {
    name: 'task id that is not an id',
    file: `${M}2020-01-14-bad-id.md`,
    content: rec(...head('2020-01-14'), 'tasks:', ...task('Viec So 1')),
    findings: [{ line: 6, column: 9, rule: 'invalid-value', message: '"id"' }],
  },
  {
    name: 'metric value that is not a number',
    file: `${M}2020-01-15-metric-value.md`,
    content: rec(...head('2020-01-15'), 'results:', '  - sector: van-hoa-xa-hoi', '    summary: Hiến máu', '    metrics:', '      don-vi-mau: mười'),
    findings: [{ line: 9, column: 19, rule: 'invalid-type', message: 'a number' }],
  },
  // --- dates, months, times ---
  {
    name: 'date 2020-02-30 is not a calendar day',
    file: `${M}2020-02-30-ngay-sai.md`,
    content: rec('title: Họp thử', 'date: 2020-02-30', 'chair: Nguyễn Văn A'),
    findings: [{ line: 3, column: 7, rule: 'invalid-date', message: '"2020-02-30"' }],
  },
  {
    name: 'date 2020-13-01 has no month 13',
    file: `${M}2020-13-01-thang-sai.md`,
    content: rec('title: Họp thử', 'date: 2020-13-01', 'chair: Nguyễn Văn A'),
    findings: [{ line: 3, column: 7, rule: 'invalid-date', message: '"2020-13-01"' }],
  },
  {
    name: 'date written 20-10-2020: one finding',
    file: `${M}20-10-2020-kieu-viet.md`,
    content: rec('title: Họp thử', 'date: 20-10-2020', 'chair: Nguyễn Văn A'),
    findings: [{ line: 3, column: 7, rule: 'invalid-date', message: 'YYYY-MM-DD' }],
  },
  {
    name: 'due 2021-02-29 (2021 is not a leap year)',
    file: `${M}2020-01-16-due-sai.md`,
    content: rec(...head('2020-01-16'), 'tasks:', ...task('p-due', '    due: 2021-02-29')),
    findings: [{ line: 9, column: 10, rule: 'invalid-date', message: '"due"' }],
  },
  {
    name: 'period 2020-1: one finding',
    file: `${M}2020-01-17-period-short.md`,
    content: rec(...head('2020-01-17'), 'period: 2020-1'),
    findings: [{ line: 5, column: 9, rule: 'invalid-value', message: 'YYYY-MM' }],
  },
  {
    name: 'period 2020-13',
    file: `${M}2020-01-17-period.md`,
    content: rec(...head('2020-01-17'), 'period: 2020-13'),
    findings: [{ line: 5, column: 9, rule: 'invalid-value', message: '"period"' }],
  },
  {
    name: 'time 25:00',
    file: `${M}2020-01-18-time.md`,
    content: rec(...head('2020-01-18'), 'time: 25:00'),
    findings: [{ line: 5, column: 7, rule: 'invalid-value', message: 'HH:MM' }],
  },
  {
    name: 'due before the meeting date',
    file: `${M}2020-01-19-due-before.md`,
    content: rec(...head('2020-01-19'), 'tasks:', ...task('s-due', '    due: 2020-01-18')),
    findings: [{ line: 9, column: 10, rule: 'due-before-date', message: '18 Jan 2020' }],
  },
  {
    name: 'due on the meeting date is fine',
    file: `${M}2020-01-20-due-same-day.md`,
    content: rec(...head('2020-01-20'), 'tasks:', ...task('s-due-ok', '    due: 2020-01-20')),
    findings: [],
  },
  // --- format version 2 ---
  {
    name: 'v2: a one-month period after the month of the meeting',
    file: `${M}2020-04-01-period-sau.md`,
    content: rec(...head('2020-04-01'), 'period: 2020-05'),
    findings: [{ line: 5, column: 9, rule: 'period-after-date', message: '2020-04' }],
  },
  {
    // Allowed by FORMAT.md (a longer period may end later), but most likely the year mistyped: a warning.
    name: 'v2: a year reviewed before it begins',
    file: `${M}2020-04-04-period-chua-bat-dau.md`,
    content: rec(...head('2020-04-04'), 'period: 2021'),
    findings: [{ line: 5, column: 9, rule: 'period-not-begun', message: 'The period 2021 begins after the meeting' }],
  },
  {
    name: 'v2: end_date before date',
    file: `${M}2020-04-02-end-date.md`,
    content: rec(...head('2020-04-02'), 'end_date: 2020-04-01'),
    findings: [{ line: 5, column: 11, rule: 'end-date-before-date' }],
  },
  {
    name: 'v2: a recurring task with a due, at the key of "due"',
    file: `${M}2020-04-03-recurring-due.md`,
    content: rec(...head('2020-04-03'), 'tasks:', ...task('v2-recurring', '    recurring: true', '    due: 2020-12')),
    findings: [{ line: 10, column: 5, rule: 'recurring-with-due' }],
  },
  {
    name: 'v2: a plan_pct naming an undeclared plan, at its key',
    file: `${M}2020-04-04-plan.md`,
    content: rec(
      ...head('2020-04-04'),
      'results:',
      '  - sector: kinh-te',
      '    summary: Kết quả',
      '    metrics:',
      '      xa-dat-chuan-ntm:',
      '        value: 1',
      '        plan_pct:',
      '          du-toan: 5',
    ),
    findings: [{ line: 12, column: 11, rule: 'unknown-plan', message: '"du-toan"' }],
  },
  {
    name: 'v2: money written for a metric counted in xã',
    file: `${M}2020-04-05-unit.md`,
    content: rec(
      ...head('2020-04-05'),
      'results:',
      '  - sector: kinh-te',
      '    summary: Kết quả',
      '    metrics:',
      '      xa-dat-chuan-ntm:',
      '        value: 1',
      '        unit: triệu đồng',
    ),
    findings: [{ line: 11, column: 15, rule: 'figure-unit' }],
  },
  {
    name: 'v2: a figure with neither value nor ytd, at the metric id',
    file: `${M}2020-04-06-figure.md`,
    content: rec(
      ...head('2020-04-06'),
      'results:',
      '  - sector: kinh-te',
      '    summary: Kết quả',
      '    metrics:',
      '      xa-dat-chuan-ntm:',
      '        estimate: true',
    ),
    findings: [{ line: 9, column: 7, rule: 'figure-empty' }],
  },
  {
    name: 'a figure written 15.000 (fifteen thousand to a Vietnamese clerk, 15 to YAML): a warning at each; 185.088 is a decimal',
    file: `${M}2020-04-07-nghin.md`,
    content: rec(
      ...head('2020-04-07'),
      'results:',
      '  - sector: van-hoa-xa-hoi',
      '    summary: Hiến máu',
      '    metrics:',
      '      don-vi-mau: 15.000',
      '  - sector: van-hoa-xa-hoi',
      '    summary: Hiến máu đợt 2',
      '    metrics: { don-vi-mau: { value: 12.500, ytd: 185.088 } }',
    ),
    findings: [
      {
        line: 9,
        column: 19,
        rule: 'figure-thousands-dot',
        message: '"don-vi-mau" is written 15.000, which reads as 15 (a dot starts the decimals); if you mean 15000, write don-vi-mau: 15000',
      },
      { line: 12, column: 37, rule: 'figure-thousands-dot', message: 'if you mean 12500, write value: 12500' },
    ],
  },
  {
    name: 'v2: a negative vote count',
    file: `${M}2020-04-07-vote.md`,
    content: rec(...head('2020-04-07'), 'decisions:', '  - text: Thông qua', '    vote:', '      for: -2'),
    findings: [{ line: 8, column: 12, rule: 'vote-count', message: '"-2"' }],
  },
  {
    name: 'v2: minutes approved before the meeting',
    file: `${M}2020-04-08-approval.md`,
    content: rec(...head('2020-04-08'), 'approval:', '  status: approved', '  approved_on: 2020-04-07'),
    findings: [{ line: 7, column: 16, rule: 'approval-before-date' }],
  },
  {
    name: "v2: a notice numbered without its ký hiệu (a warning, with the config's code)",
    file: `${M}2020-04-09-notice.md`,
    content: rec(
      ...head('2020-04-09'),
      'approval:',
      '  status: approved',
      '  approved_on: 2020-04-09',
      '  notice: { number: 7, date: 2020-04-10, signer: { name: B, title: C } }',
    ),
    findings: [
      {
        line: 8,
        column: 21,
        rule: 'notice-number',
        message:
          'The notice\'s number is "7", not written number/TB-code as Nghị định 30/2020/NĐ-CP has it (the notice will print "Số: 7"). Write it whole, like "7/TB-UBND"',
      },
    ],
  },
  {
    name: 'v2: a notice numbered as a decision (QĐ) is named too; 125/TB-UBND is not',
    file: `${M}2020-04-10-notice.md`,
    content: rec(...head('2020-04-10'), 'approval:', '  notice: { number: 12/QĐ-UBND, date: 2020-04-10, signer: { name: B, title: C } }'),
    findings: [{ line: 6, column: 21, rule: 'notice-number', message: 'like "12/TB-UBND"' }],
  },
  {
    name: "v2: notice numbers as issued pass: 125/TB-UBND, 03/TB-UBND, 15/TB-VPUBND, 125/TB-UBND-VP, a Party committee's 125-TB/HU",
    file: `${M}2020-04-11-notice.md`,
    content: rec(...head('2020-04-11'), 'approval:', '  notice: { number: 03/TB-UBND, date: 2020-04-11, signer: { name: B, title: C } }'),
    findings: [],
  },
  // --- file names and folders ---
  {
    name: "a date written month first (01/02/2020 in 2020-01-02-….md): the fix is the file name's day, not 1 February",
    file: `${M}2020-01-02-thang-truoc.md`,
    content: rec('title: Họp thử', 'date: 01/02/2020', 'chair: Nguyễn Văn A'),
    findings: [
      { line: 3, column: 7, rule: 'invalid-date', message: '"date" is "01/02/2020"; write dates as YYYY-MM-DD, as the file name does: date: 2020-01-02' },
    ],
  },
  {
    name: 'file name date differs from date',
    file: `${M}2020-01-21-ten-sai.md`,
    content: rec(...head('2020-01-22')),
    findings: [{ line: 3, column: 7, rule: 'file-name', message: '2020-01-21' }],
  },
  {
    name: 'a record saved as .MD is read, and its name reported',
    file: `${M}2020-01-25-hop.MD`,
    content: rec(...head('2020-01-25')),
    findings: [{ line: 3, column: 7, rule: 'file-name', message: '2020-01-25-<slug>.md' }],
  },
  {
    name: 'file name without a date',
    file: `${M}hop-thang-mot.md`,
    content: rec(...head('2020-01-23')),
    findings: [{ line: 3, column: 7, rule: 'file-name', message: '2020-01-23-<slug>.md' }],
  },
  {
    name: 'a slug meet new would not make (warning): only the date prefix is checked',
    file: `${M}2020-01-26-Họp-Tháng-1.md`,
    content: rec(...head('2020-01-26')),
    findings: [{ line: 3, column: 7, rule: 'file-slug', message: '2020-01-26-<slug>.md' }],
  },
  {
    name: 'an owner listed twice (warning, at the second): the task counts it once',
    file: `${M}2020-01-27-hai-lan.md`,
    content: rec(...head('2020-01-27'), 'tasks:', '  - { id: t-hai-lan, title: Việc, owner: [van-phong, van-phong] }'),
    findings: [{ line: 6, column: 54, rule: 'duplicate-owner', message: '"van-phong" is listed twice' }],
  },
  {
    name: 'record in the wrong year folder (warning)',
    file: 'meetings/2019/2020-01-24-nam-sai.md',
    content: rec(...head('2020-01-24')),
    findings: [{ line: 3, column: 7, rule: 'file-folder', message: 'meetings/2020/' }],
  },
  {
    name: 'record outside any year folder (warning)',
    file: 'meetings/2020-01-25-ngoai-thu-muc.md',
    content: rec(...head('2020-01-25')),
    findings: [{ line: 3, column: 7, rule: 'file-folder' }],
  },
  // --- declared ids ---
  {
    name: 'unknown sector in a result, with a suggestion',
    file: `${M}2020-01-26-sector.md`,
    content: rec(...head('2020-01-26'), 'results:', '  - sector: kinh-tee', '    summary: Tốt'),
    findings: [{ line: 6, column: 13, rule: 'unknown-sector', message: 'Did you mean "kinh-te"?' }],
  },
  {
    name: 'unknown sector in a task',
    file: `${M}2020-01-27-task-sector.md`,
    content: rec(...head('2020-01-27'), 'tasks:', ...task('w-sector', '    sector: quoc-phong')),
    findings: [{ line: 9, column: 13, rule: 'unknown-sector', message: '"quoc-phong"' }],
  },
  {
    name: 'unknown owner, with a suggestion',
    file: `${M}2020-01-28-owner.md`,
    content: rec(...head('2020-01-28'), 'tasks:', '  - id: x-owner', '    title: Việc', '    owner: van-phog'),
    findings: [{ line: 8, column: 12, rule: 'unknown-owner', message: 'Did you mean "van-phong"?' }],
  },
  {
    name: 'owner list (flow) with one unknown owner: the column of that item',
    file: `${M}2020-01-29-owner-list.md`,
    content: rec(...head('2020-01-29'), 'tasks:', '  - id: y-owner', '    title: Việc', '    owner: [van-phong, tai-chinh-ke-hoachh]'),
    findings: [{ line: 8, column: 24, rule: 'unknown-owner', message: 'Did you mean "tai-chinh-ke-hoach"?' }],
  },
  {
    name: 'owner list (block) with one unknown owner',
    file: `${M}2020-01-30-owner-block.md`,
    content: rec(...head('2020-01-30'), 'tasks:', '  - id: z-owner', '    title: Việc', '    owner:', '      - van-phong', '      - phong-la'),
    findings: [{ line: 10, column: 9, rule: 'unknown-owner', message: '"phong-la"' }],
  },
  {
    name: 'unknown metric, with a suggestion (at its key)',
    file: `${M}2020-01-31-metric.md`,
    content: rec(...head('2020-01-31'), 'results:', '  - sector: van-hoa-xa-hoi', '    summary: Hiến máu', '    metrics:', '      don-vi-mauu: 10'),
    findings: [{ line: 9, column: 7, rule: 'unknown-metric', message: 'Did you mean "don-vi-mau"?' }],
  },
  {
    name: 'metric reported under another sector (warning)',
    file: `${M}2020-02-01-metric-sector.md`,
    content: rec(...head('2020-02-01'), 'results:', '  - sector: kinh-te', '    summary: Hiến máu', '    metrics:', '      don-vi-mau: 10'),
    findings: [{ line: 9, column: 7, rule: 'metric-sector', message: '"van-hoa-xa-hoi"' }],
  },
  // --- task ids and updates across the repository ---
  {
    name: 'duplicate task id within one file (at the second id)',
    file: `${M}2020-02-03-dup.md`,
    content: rec(...head('2020-02-03'), 'tasks:', ...task('ad-dup'), ...task('ad-dup')),
    findings: [{ line: 9, column: 9, rule: 'duplicate-task-id', message: 'earlier in this record' }],
  },
  {
    name: 'task id first used: no finding',
    file: `${M}2020-02-04-first.md`,
    content: rec(...head('2020-02-04'), 'tasks:', ...task('ae-shared')),
    findings: [],
  },
  {
    name: 'duplicate task id across two files (in the later record)',
    file: `${M}2020-02-05-second.md`,
    content: rec(...head('2020-02-05'), 'tasks:', ...task('ae-shared')),
    findings: [{ line: 6, column: 9, rule: 'duplicate-task-id', message: `in ${M}2020-02-04-first.md` }],
  },
  {
    name: 'update naming an unknown task, with and without a suggestion',
    file: `${M}2020-02-06-update-unknown.md`,
    content: rec(...head('2020-02-06'), 'updates:', '  - task: khong-ton-tai', '    status: done', '  - task: ad-dupp', '    status: done'),
    findings: [
      { line: 6, column: 11, rule: 'update-unknown-task', message: /^No record assigns a task "khong-ton-tai"\.$/ },
      { line: 8, column: 11, rule: 'update-unknown-task', message: 'Did you mean "ad-dup"?' },
    ],
  },
  {
    name: 'update without a status: required-key at the update',
    file: `${M}2020-02-06-update-no-status.md`,
    content: rec(...head('2020-02-06'), 'updates:', '  - task: ae-shared', '    note: Đang làm'),
    findings: [{ line: 6, column: 5, rule: 'required-key', message: '"status" is missing' }],
  },
  {
    name: 'update naming a task assigned at the same meeting',
    file: `${M}2020-02-07-same.md`,
    content: rec(...head('2020-02-07'), 'tasks:', ...task('ag-task'), 'updates:', '  - task: ag-task', '    status: done'),
    findings: [{ line: 10, column: 11, rule: 'update-not-earlier', message: 'this same meeting' }],
  },
  {
    name: 'task assigned at a meeting…',
    file: `${M}2020-02-08-a.md`,
    content: rec(...head('2020-02-08'), 'tasks:', ...task('ah-task')),
    findings: [],
  },
  {
    name: '…updated at another meeting on the same date',
    file: `${M}2020-02-08-b.md`,
    content: rec(...head('2020-02-08'), 'updates:', '  - task: ah-task', '    status: in-progress'),
    findings: [{ line: 6, column: 11, rule: 'update-not-earlier', message: `8 Feb 2020 (${M}2020-02-08-a.md)` }],
  },
  {
    name: 'update naming a task assigned at a later meeting',
    file: `${M}2020-02-09-earlier.md`,
    content: rec(...head('2020-02-09'), 'updates:', '  - task: ai-task', '    status: done'),
    findings: [{ line: 6, column: 11, rule: 'update-not-earlier', message: '2020-02-10' }],
  },
  {
    name: 'the later meeting',
    file: `${M}2020-02-10-later.md`,
    content: rec(...head('2020-02-10'), 'tasks:', ...task('ai-task')),
    findings: [],
  },
  {
    name: 'a valid update of an earlier task',
    file: `${M}2020-02-11-valid-update.md`,
    content: rec(...head('2020-02-11'), 'updates:', '  - task: ae-shared', '    status: done', '    note: Đã xong'),
    findings: [],
  },
  // --- YAML ---
  {
    name: 'tab indentation, at its line',
    file: `${M}2020-02-12-tab.md`,
    content: rec('title: Họp thử', 'date: 2020-02-12', 'chair:', '\tname: Nguyễn Văn A'),
    findings: [{ line: 5, column: 1, rule: 'yaml-syntax', message: 'A tab is used for indentation' }],
  },
  {
    name: 'tab indentation inside a task: only the tab is reported',
    file: `${M}2020-02-12-tab-task.md`,
    content: rec(...head('2020-02-12'), 'tasks:', '  - id: aj-tab', '\ttitle: Việc', '    owner: van-phong'),
    findings: [{ line: 7, column: 1, rule: 'yaml-syntax', message: 'A tab is used for indentation' }],
  },
  {
    name: 'an unclosed quote',
    file: `${M}2020-02-13-quote.md`,
    content: rec('title: "Họp thử', 'date: 2020-02-13', 'chair: Nguyễn Văn A'),
    findings: [{ line: 2, column: 8, rule: 'yaml-syntax', message: 'quote' }],
  },
  {
    name: 'a key written twice',
    file: `${M}2020-02-14-dup-key.md`,
    content: rec(...head('2020-02-14'), 'title: Họp lần hai'),
    findings: [{ line: 5, column: 1, rule: 'yaml-duplicate-key', message: '"title"' }],
  },
  {
    name: '"title" and title are the same key',
    file: `${M}2020-02-15-dup-quoted.md`,
    content: rec(...head('2020-02-15'), '"title": Họp lần hai'),
    findings: [{ line: 5, column: 1, rule: 'yaml-duplicate-key', message: '"title"' }],
  },
  {
    name: 'tag !!js/function',
    file: `${M}2020-02-16-tag-js.md`,
    content: rec(...head('2020-02-16'), "location: !!js/function 'function () { return 1 }'"),
    findings: [{ line: 5, column: 11, rule: 'yaml-tag', message: '!!js/function' }],
  },
  {
    name: 'tag !!binary',
    file: `${M}2020-02-17-tag-binary.md`,
    content: rec(...head('2020-02-17'), 'location: !!binary aGVsbG8='),
    findings: [{ line: 5, column: 11, rule: 'yaml-tag', message: '!!binary' }],
  },
  {
    name: 'a local tag !foo',
    file: `${M}2020-02-18-tag-local.md`,
    content: rec(...head('2020-02-18'), 'location: !foo bar'),
    findings: [{ line: 5, column: 11, rule: 'yaml-tag', message: '!foo' }],
  },
  {
    name: 'a __proto__ key',
    file: `${M}2020-02-19-proto.md`,
    content: rec(...head('2020-02-19'), '__proto__:', '  polluted: yes'),
    findings: [{ line: 5, column: 1, rule: 'forbidden-key', message: '"__proto__"' }],
  },
  {
    name: 'billions of laughs: too many aliases',
    file: `${M}2020-02-20-aliases.md`,
    content: rec(...head('2020-02-20'), ...BILLION_LAUGHS),
    // At the alias whose expansion passes the bound: the first "*b".
    findings: [{ line: 8, column: 10, rule: 'yaml-alias', message: 'aliases' }],
  },
  {
    name: 'an alias that names no anchor',
    file: `${M}2020-02-20-alias-none.md`,
    content: rec('title: *ten-hop', 'date: 2020-02-20', 'chair: Nguyễn Văn A'),
    findings: [{ line: 2, column: 8, rule: 'yaml-alias', message: '"*ten-hop"' }],
  },
  {
    name: 'extra is free-form; a few aliases are fine',
    file: `${M}2020-02-20-extra.md`,
    content: rec(...head('2020-02-20'), 'location: &hoi-truong Hội trường A', 'extra:', '  noi-hop: *hoi-truong', '  bat-ky: { khoa-la: [1, 2] }'),
    findings: [],
  },
  // --- front matter ---
  {
    name: 'no front matter',
    file: `${M}2020-02-21-no-fm.md`,
    content: '# Biên bản họp\n\ntitle: Họp thử\n',
    findings: [{ line: 1, column: 1, rule: 'front-matter-missing', message: 'exactly "---"' }],
  },
  {
    name: 'front matter never closed',
    file: `${M}2020-02-22-unclosed.md`,
    content: '---\ntitle: Họp thử\ndate: 2020-02-22\n---- \n\nNội dung\n',
    findings: [{ line: 1, column: 1, rule: 'front-matter-unclosed' }],
  },
  {
    name: 'front matter that is a list',
    file: `${M}2020-02-23-list.md`,
    content: rec('- title', '- date'),
    findings: [{ line: 2, column: 1, rule: 'front-matter-not-mapping' }],
  },
  {
    name: 'front matter that is plain text',
    file: `${M}2020-02-24-text.md`,
    content: rec('Họp thử ngày 24'),
    findings: [{ line: 2, column: 1, rule: 'front-matter-not-mapping' }],
  },
  {
    name: '---js front matter is refused, never run',
    file: `${M}2020-02-25-js.md`,
    content: '---js\n{ title: (function () { throw new Error("ran") })() }\n---\n',
    findings: [{ line: 1, column: 1, rule: 'front-matter-language', message: '"js"' }],
  },
  {
    name: '---JavaScript front matter',
    file: `${M}2020-02-26-javascript.md`,
    content: '---JavaScript\n{ title: "x" }\n---\n',
    findings: [{ line: 1, column: 1, rule: 'front-matter-language', message: '"JavaScript"' }],
  },
  {
    name: '--- toml front matter',
    file: `${M}2020-02-27-toml.md`,
    content: '--- toml\ntitle = "x"\n---\n',
    findings: [{ line: 1, column: 1, rule: 'front-matter-language', message: '"toml"' }],
  },
  {
    name: '---json front matter',
    file: `${M}2020-02-28-json.md`,
    content: '---json\n{ "title": "x" }\n---\n',
    findings: [{ line: 1, column: 1, rule: 'front-matter-language', message: '"json"' }],
  },
  {
    name: 'a ruler "----" on the first line is not an opening fence',
    file: `${M}2020-02-29-ruler.md`,
    content: '----\ntitle: x\n---\n',
    findings: [{ line: 1, column: 1, rule: 'front-matter-missing', message: 'exactly "---"' }],
  },
  {
    name: 'an empty file',
    file: `${M}2020-02-29-empty.md`,
    content: '',
    findings: [{ line: 1, column: 1, rule: 'front-matter-missing', message: 'empty' }],
  },
  // --- encodings ---
  {
    name: 'a binary file (NUL byte at line 2, column 9)',
    file: `${M}2020-03-01-binary.md`,
    content: bytes('---\ntitle: H', [0x00, 0x01, 0x02], '\n---\n'),
    findings: [{ line: 2, column: 9, rule: 'file-encoding', message: 'binary' }],
  },
  {
    name: 'a Latin-1 file ("é" as one byte at line 2, column 11)',
    file: `${M}2020-03-02-latin1.md`,
    content: bytes('---\ntitle: Caf', [0xe9], '\ndate: 2020-03-02\nchair: A\n---\n'),
    findings: [{ line: 2, column: 11, rule: 'file-encoding', message: 'UTF-8' }],
  },
  {
    name: 'a Windows-1258 file ("Nguyễn" at line 4, column 12)',
    file: `${M}2020-03-03-cp1258.md`,
    content: bytes('---\ntitle: Hop thu\ndate: 2020-03-03\nchair: Nguy', CP1258_E_TILDE, 'n Van A\n---\n'),
    findings: [{ line: 4, column: 12, rule: 'file-encoding', message: 'Windows-1258' }],
  },
  {
    name: 'a bad byte after Vietnamese UTF-8 text: the column counts characters',
    file: `${M}2020-03-04-mixed.md`,
    content: bytes('---\ntitle: Hội nghị H', CP1258_O_DOT, 'i\n---\n'),
    findings: [{ line: 2, column: 18, rule: 'file-encoding' }],
  },
  {
    name: 'BOM and CRLF, valid',
    file: `${M}2020-03-05-bom-crlf.md`,
    content: `\uFEFF${rec(...head('2020-03-05'), 'tasks:', ...task('bom-task', '    due: 2020-03-31')).replace(/\n/g, '\r\n')}`,
    findings: [],
  },
  {
    name: 'BOM and CRLF with an error on line 3',
    file: `${M}2020-03-06-bom-crlf-loi.md`,
    content: `\uFEFF${rec('title: Họp thử', 'date: 2020-02-31', 'chair: Nguyễn Văn A').replace(/\n/g, '\r\n')}`,
    findings: [{ line: 3, column: 7, rule: 'invalid-date' }],
  },
];

describe('meet check: one fixture per rule, exact line and column', () => {
  let root: string;
  let run: RunResult;
  let findings: JsonFinding[];

  beforeAll(async () => {
    root = makeRepo(Object.fromEntries(CASES.map((c) => [c.file, c.content])) as Record<string, string>);
    ({ run, findings } = await checkJson(root));
  });

  it('exits 1 and reports nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('reports no file that is not a case', () => {
    const files = new Set(CASES.map((c) => c.file));
    expect(findings.filter((f) => !files.has(f.file))).toEqual([]);
  });

  it('prints a stable array of {file, line, column, severity, rule, message}', () => {
    for (const f of findings) expect(Object.keys(f)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
  });

  for (const c of CASES) {
    it(c.name, () => assertCase(findings, c));
  }
});

describe('meet check: config errors', () => {
  it('an unknown key in meet.config.yaml: unknown-key at its line, with a suggestion', async () => {
    const root = makeRepo(
      { [`${M}2020-10-26-hop.md`]: rec(...head('2020-10-26')) },
      MINIMAL_CONFIG.replace('timezone: Asia/Ho_Chi_Minh', 'timezon: Asia/Ho_Chi_Minh'),
    );
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(findings).toEqual([
      { file: 'meet.config.yaml', line: 3, column: 1, severity: 'error', rule: 'unknown-key', message: expect.stringContaining('Did you mean "timezone"?') },
    ]);
  });

  it('a metric whose sector is undeclared: at the sector value; records are still checked', async () => {
    const config = `${MINIMAL_CONFIG}  nguoi-kham: { label: Người khám, unit: người, sector: y-te }\n`;
    const root = makeRepo(
      {
        [`${M}2020-10-26-hop.md`]: rec(...head('2020-10-26'), 'tasks:', ...task('t-1', '    due: 2020-10-01')),
      },
      config,
    );
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(findings.map(({ message: _m, ...f }) => f)).toEqual([
      { file: 'meet.config.yaml', line: 13, column: 57, severity: 'error', rule: 'unknown-sector' },
      { file: `${M}2020-10-26-hop.md`, line: 9, column: 10, severity: 'error', rule: 'due-before-date' },
    ]);
    expect(findings[0]!.message).toContain('"y-te"');
  });

  it('an id written with accents or capitals in meet.config.yaml is told the id it would be', async () => {
    const root = makeRepo({}, MINIMAL_CONFIG.replace('  van-phong: Văn phòng', '  Văn-phòng: Văn phòng'));
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(findings).toEqual([
      {
        file: 'meet.config.yaml',
        line: 8,
        column: 3,
        severity: 'error',
        rule: 'invalid-value',
        message: 'The id "Văn-phòng" must be lower-case letters, digits, ".", "_" or "-", starting with a letter or digit: write van-phong',
      },
    ]);
  });

  it('an invalid time zone', async () => {
    const root = makeRepo({}, MINIMAL_CONFIG.replace('Asia/Ho_Chi_Minh', 'Mars/Olympus_Mons'));
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(findings).toEqual([
      { file: 'meet.config.yaml', line: 3, column: 11, severity: 'error', rule: 'config-invalid', message: expect.stringContaining('Mars/Olympus_Mons') },
    ]);
  });
});

describe('meet check: files that cannot be read', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('a link leading outside the repository (file-outside-root) and a socket named .md (file-unreadable)', async () => {
    const root = makeRepo({ [`${M}2020-10-26-hop.md`]: rec(...head('2020-10-26')) });
    const outside = tempDir('meet-outside-');
    writeTree(outside, { '2020-10-27-ngoai.md': rec(...head('2020-10-27')) });
    symlinkSync(path.join(outside, '2020-10-27-ngoai.md'), path.join(root, `${M}2020-10-27-ngoai.md`));
    // Even root cannot read a socket: open() fails with ENXIO. Reading
    // permissions (mode 000) is tested below for other users.
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(path.join(root, `${M}2020-10-28-socket.md`), resolve));
    const { run, findings } = await checkJson(root);
    // A file the system cannot read is an environment error (FORMAT.md: exit 2), every finding listed first.
    expect(run.code).toBe(2);
    expect(findings.map(({ message: _m, ...f }) => f)).toEqual([
      { file: `${M}2020-10-27-ngoai.md`, line: 1, column: 1, severity: 'error', rule: 'file-outside-root' },
      { file: `${M}2020-10-28-socket.md`, line: 1, column: 1, severity: 'error', rule: 'file-unreadable' },
    ]);
    expect(findings[0]!.message).toContain('outside the repository');
  });

  it('a record saved as text (.md.txt, .txt, .markdown) is named, as a warning; a scan or a note is not', async () => {
    const root = makeRepo({
      [`${M}2020-10-26-hop.md`]: rec(...head('2020-10-26')),
      [`${M}2020-10-27-hop.md.txt`]: rec(...head('2020-10-27')),
      [`${M}bien-ban.md.txt`]: rec(...head('2020-10-28')),
      [`${M}2020-10-29-hop.markdown`]: rec(...head('2020-10-29')),
      [`${M}2020-10-26-ban-ky.pdf`]: '%PDF-1.4\n',
      [`${M}ghi-chu.txt`]: 'Ghi chú.\n',
    });
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(0);
    expect(findings.map((f) => [f.file, f.line, f.column, f.severity, f.rule])).toEqual([
      [`${M}2020-10-27-hop.md.txt`, 1, 1, 'warning', 'file-not-read'],
      [`${M}2020-10-29-hop.markdown`, 1, 1, 'warning', 'file-not-read'],
      [`${M}bien-ban.md.txt`, 1, 1, 'warning', 'file-not-read'],
    ]);
    expect(findings[0]!.message).toBe(
      'This file is not read: meet reads only records whose name ends in .md. If it is a record, rename it to 2020-10-27-hop.md',
    );
    // A copy beside the record it came from: renaming it would overwrite the record.
    writeTree(root, { [`${M}2020-10-26-hop.md.txt`]: rec(...head('2020-10-26')) });
    const beside = (await checkJson(root)).findings.find((f) => f.file === `${M}2020-10-26-hop.md.txt`);
    expect(beside?.message).toBe(
      'This file is not read: meet reads only records whose name ends in .md. 2020-10-26-hop.md is beside it: compare the two, keep what is needed in 2020-10-26-hop.md, then delete this one',
    );
    // Counted as no record checked; the commands that read the records go on.
    const pretty = await runMeet(['check', '--locale', 'vi'], { cwd: root });
    expect(pretty.stdout).toContain('đã kiểm tra 1 biên bản');
    expect(pretty.stdout).toContain('hãy đổi tên thành 2020-10-29-hop.md');
    expect((await runMeet(['report', '--month', '2020-10'], { cwd: root })).code).toBe(0);
  });

  it('a link to a file that does not exist (file-unreadable)', async () => {
    const root = makeRepo({ [`${M}2020-10-26-hop.md`]: rec(...head('2020-10-26')) });
    symlinkSync(path.join(root, 'khong-ton-tai.md'), path.join(root, `${M}2020-10-27-mat.md`));
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(2);
    // The other commands stop, with the same exit code.
    const report = await runMeet(['report', '--month', '2020-10', '--locale', 'vi'], { cwd: root });
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('2020-10-27-mat.md:1:1');
    // In the run's language, as check says it (the record store lists the files too).
    expect(report.stderr).toContain('Liên kết (symbolic link) này trỏ tới một tệp không tồn tại');
    expect(findings).toEqual([
      { file: `${M}2020-10-27-mat.md`, line: 1, column: 1, severity: 'error', rule: 'file-unreadable', message: expect.stringContaining('does not exist') },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission (file-unreadable)', async () => {
    const root = makeRepo({ [`${M}2020-10-26-hop.md`]: rec(...head('2020-10-26')) });
    chmodSync(path.join(root, `${M}2020-10-26-hop.md`), 0o000);
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(2);
    expect(findings).toEqual([
      { file: `${M}2020-10-26-hop.md`, line: 1, column: 1, severity: 'error', rule: 'file-unreadable', message: expect.stringContaining('EACCES') },
    ]);
  });
});

describe('meet check: figures keep every digit written', () => {
  it('a figure with more than 15 significant digits is an error, in flow and block style; 15 and trailing zeros are not', async () => {
    const root = makeRepo({
      [`${M}2020-10-26-a.md`]: rec(
        ...head('2020-10-26'),
        'results:',
        '  - sector: van-hoa-xa-hoi',
        '    summary: Hiến máu',
        '    metrics: { don-vi-mau: 12345678901234.567 }',
        '  - sector: van-hoa-xa-hoi',
        '    summary: Hiến máu',
        '    metrics:',
        '      don-vi-mau: { value: 0.1234567890123456, ytd: 123456789012.345 }',
        '  - sector: van-hoa-xa-hoi',
        '    summary: Hiến máu',
        '    metrics:',
        '      don-vi-mau: 21.4000000000000000',
      ),
    });
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(placed(findings)).toEqual(['8:28 metric-out-of-range', '12:28 metric-out-of-range']);
    expect(findings[0]!.message).toBe(
      '"don-vi-mau" is "12345678901234.567", but it has more than 15 significant digits, more than a figure keeps exactly: round it, or write it in a larger unit',
    );
  });

  it('a figure too close to 0 to keep (1e-400 reads as 0) is an error; 0 and 0.000 are not', async () => {
    const root = makeRepo({
      [`${M}2020-10-26-a.md`]: rec(
        ...head('2020-10-26'),
        'results:',
        '  - { sector: van-hoa-xa-hoi, summary: A, metrics: { don-vi-mau: 1e-400 } }',
        '  - { sector: van-hoa-xa-hoi, summary: B, metrics: { don-vi-mau: 0 } }',
        '  - { sector: van-hoa-xa-hoi, summary: C, metrics: { don-vi-mau: 0.000 } }',
      ),
    });
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(placed(findings)).toEqual(['6:66 metric-out-of-range']);
    expect(findings[0]!.message).toBe(
      '"don-vi-mau" is "1e-400", but it is too close to 0 for a figure to keep (it would read as 0): write it in a smaller unit',
    );
  });
});

describe('meet check: a record with schema errors', () => {
  it('one mistake hides no other: the rules of the record still run on every key and entry that is valid', async () => {
    const root = makeRepo({
      [`${M}2020-10-26-a.md`]: rec(
        'title: Họp',
        'date: 2020-10-26',
        'end_date: 2020-10-20',
        'kind: special',
        'chair: Ông A',
        'results:',
        '  - sector: van-hoa-xa-hoi',
        '    summary: Hiến máu',
        '    metrics: { don-vi-mau: { ytdd: 1 }, chua-khai-bao: 5 }',
        'tasks:',
        '  - { id: a, title: T, owner: nope, status: closed }',
        '  - { id: b, title: T, owner: van-phong, recurring: true, due: 2020-11, sector: [x] }',
        'approval: { status: approved, approved_on: 2020-10-01 }',
      ),
    });
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(placed(findings)).toEqual([
      '4:11 end-date-before-date',
      '5:7 invalid-value',
      '10:30 unknown-key',
      '10:41 unknown-metric',
      '12:31 unknown-owner',
      '12:45 invalid-value',
      '13:59 recurring-with-due',
      '13:81 invalid-type',
      '14:44 approval-before-date',
    ]);
  });

  it("a figure's misspelt key hides nothing else of the figure: its undeclared plan is found too", async () => {
    const root = makeRepo({
      [`${M}2020-10-26-a.md`]: rec(
        'title: Họp',
        'date: 2020-10-26',
        'chair: Ông A',
        'results:',
        '  - sector: van-hoa-xa-hoi',
        '    summary: Hiến máu',
        '    metrics: { don-vi-mau: { value: 5, ytdd: 3, plan_pct: { tinhh: 50 }, qualifier: around } }',
      ),
    });
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(placed(findings)).toEqual(['8:40 unknown-key', '8:61 unknown-plan', '8:85 invalid-value']);
  });

  it('an id that breaks the pattern, an update with a wrong status, recipients not a list: each hides nothing else', async () => {
    const root = makeRepo({
      [`${M}2020-10-26-a.md`]: rec(
        'title: Họp',
        'date: 2020-10-26',
        'chair: Ông A',
        'tasks:',
        '  - { id: Viec-1, title: T, owner: tai-chinhh, sector: kinh-tee, due: 2020-10-01 }',
        'approval:',
        '  status: approved',
        '  approved_on: 2020-10-01',
        '  notice: { number: 1/TB-UBND, date: 2020-10-02, signer: { name: B, title: C }, recipients: Lưu VT }',
      ),
      [`${M}2020-11-25-b.md`]: rec('title: Họp', 'date: 2020-11-25', 'chair: Ông A', 'updates:', '  - { task: khong-co, status: finished }'),
    });
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(findings.map((f) => `${f.file.slice(-4)} ${f.line}:${f.column} ${f.rule}`)).toEqual([
      'a.md 6:11 invalid-value',
      'a.md 6:36 unknown-owner',
      'a.md 6:56 unknown-sector',
      'a.md 6:71 due-before-date',
      'a.md 9:16 approval-before-date',
      'a.md 10:38 approval-before-date',
      'a.md 10:93 invalid-type',
      'b.md 6:13 update-unknown-task',
      'b.md 6:31 invalid-value',
    ]);
  });

  it('half of a character written as an escape ("\\uD800") is an error; both halves of one are a character', async () => {
    const root = makeRepo({
      [`${M}2020-10-26-a.md`]: rec('title: "Họp \\uD800 x"', 'date: 2020-10-26', 'chair: "Ông A \\uD83D\\uDE00"', 'tags: { "\\uDC00": 1 }'),
    });
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(placed(findings)).toEqual(['2:8 invalid-value', '5:9 invalid-value']);
    expect(findings[0]!.message).toBe(
      'A value holds half of a character (U+D800, written as the escape "\\uD800"): write the character itself, or both halves of its escape',
    );
    expect(findings[1]!.message).toContain('half of a character (U+DC00');
  });

  it('an unknown key hides neither an amendment dated before the approval nor a figure written "15.000"', async () => {
    const root = makeRepo({
      [`${M}2020-10-26-a.md`]: rec(
        'title: Họp',
        'date: 2020-10-26',
        'chair: Ông A',
        'results:',
        '  - { sector: van-hoa-xa-hoi, summary: s, metrics: { don-vi-mau: 15.000 } }',
        'tasks:',
        '  - { id: a, title: T, owner: van-phong, sttus: open }',
        'approval: { status: approved, approved_on: 2020-10-28 }',
        'amendments:',
        '  - { date: 2020-10-27, by: X }',
        '  - { date: 2020-10-29, by: X, reason: Sửa lỗi }',
        '  - { date: 2020-10-20, by: X, reason: Sửa lỗi }',
      ),
    });
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(placed(findings)).toEqual([
      '6:66 figure-thousands-dot',
      '8:42 unknown-key',
      '11:5 required-key',
      '11:13 approval-before-date',
      '13:13 approval-before-date',
    ]);
  });

  it('still counts for the cross-record rules: no orphaned updates elsewhere, its valid tasks checked', async () => {
    const root = makeRepo({
      // Task #1 has a typo'd key; task #2 is valid but names an unknown owner.
      [`${M}2020-10-26-a.md`]: rec(
        ...head('2020-10-26'),
        'tasks:',
        '  - id: co-loi',
        '    title: Việc',
        '    ower: van-phong',
        ...task('hop-le', '    sector: kinh-te').map((l) => l.replace('owner: van-phong', 'owner: tai-chinh')),
      ),
      [`${M}2020-11-25-b.md`]: rec(...head('2020-11-25'), 'updates:', '  - task: co-loi', '    status: done', '  - task: hop-le', '    status: done'),
    });
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(findings.map(({ message: _m, ...f }) => f)).toEqual([
      // One typo, one finding: no "owner is missing" beside "ower".
      { file: `${M}2020-10-26-a.md`, line: 8, column: 5, severity: 'error', rule: 'unknown-key' },
      { file: `${M}2020-10-26-a.md`, line: 11, column: 12, severity: 'error', rule: 'unknown-owner' },
    ]);
    expect(findings[1]!.message).toContain('Did you mean "tai-chinh-ke-hoach"?');
  });
});

describe('meet check: an owner or sector written as a name', () => {
  it('suggests the declared id the name, or the list, means: never a slug the config does not declare', async () => {
    const root = makeRepo({
      [`${M}2020-10-26-a.md`]: rec(
        'title: Họp',
        'date: 2020-10-26',
        'chair: A',
        'tasks:',
        '  - { id: a, title: T, owner: Phòng Tài chính – Kế hoạch }',
        "  - { id: b, title: T, owner: 'van-phong, tai-chinh-ke-hoach' }",
      ),
    });
    const { findings } = await checkJson(root);
    expect(findings.map((f) => f.message.replace(/^.*(Did you mean .*)$/, '$1'))).toEqual([
      'Did you mean "tai-chinh-ke-hoach"?',
      'Did you mean "[van-phong, tai-chinh-ke-hoach]"?',
    ]);
  });
});

describe("meet check: the YAML library's warnings", () => {
  it("are said in the repository's language, never in the library's English", async () => {
    const root = makeRepo({ [`${M}2020-10-26-a.md`]: rec('title: &neo: Họp', 'date: 2020-10-26', 'chair: A') });
    const run = await runMeet(['check', '--locale', 'vi'], { cwd: root });
    expect(run.stdout).toContain(
      'cảnh báo  Tên neo hoặc bí danh (bắt đầu bằng "&" hoặc "*") kết thúc bằng ":" có thể bị hiểu nhầm: hãy thêm dấu cách trước ":", hoặc đặt cả giá trị trong dấu ngoặc kép',
    );
    const en = await runMeet(['check', '--locale', 'en'], { cwd: root });
    expect(en.stdout).toContain('warning  An anchor or alias (starting with "&" or "*") that ends in ":" is ambiguous: put a space before the ":"');
    expect(en.stdout).not.toContain('Anchor ending in : is ambiguous');
  });
});

describe('meet check: warnings only', () => {
  it('exits 0 when every finding is a warning', async () => {
    const root = makeRepo({
      'meetings/2019/2020-10-26-hop.md': rec(...head('2020-10-26')),
      [`${M}2020-11-25-hop.md`]: rec(...head('2020-11-25'), 'results:', '  - sector: kinh-te', '    summary: Hiến máu', '    metrics:', '      don-vi-mau: 10'),
    });
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(0);
    expect(findings.map((f) => [f.file, f.severity, f.rule])).toEqual([
      ['meetings/2019/2020-10-26-hop.md', 'warning', 'file-folder'],
      [`${M}2020-11-25-hop.md`, 'warning', 'metric-sector'],
    ]);
    // Its last line is no failure's: the mark of a warning, not a cross.
    const text = await runMeet(['check', '--locale', 'en'], { cwd: root });
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('⚠ 0 errors, 2 warnings in 2 files (2 records checked)');
  });
});

describe('meet check: what no reader sees, written out in every format', () => {
  it('a zero-width space in a key, a no-break space in a value: "owner\\u200b" and "\\xa0done", not "owner" beside "did you mean owner"', async () => {
    const root = makeRepo({
      [`${M}2020-10-26-hop.md`]: rec(...head('2020-10-26'), 'tasks:', '  - id: t', '    title: T', '    owner\u200b: van-phong', '    status: \u00a0done'),
    });
    for (const format of ['json', 'pretty', 'github', 'sarif']) {
      const run = await runMeet(['check', '--format', format], { cwd: root });
      expect(run.code, format).toBe(1);
      // JSON and SARIF write the backslash as JSON does: the text a reader gets back is "owner\u200b".
      const shown = format === 'json' || format === 'sarif' ? JSON.stringify(JSON.parse(run.stdout)).replaceAll('\\\\', '\\') : run.stdout;
      expect(shown, format).toContain('owner\\u200b');
      expect(shown, format).toContain('\\xa0done');
      expect(run.stdout, format).not.toMatch(/[\u200b\u00a0]/);
    }
  });
});

describe('meet check: output formats', () => {
  let root: string;
  const BAD = `${M}2020-02-31-hop.md`;
  const WARN = 'meetings/2019/2020-10-26-hop.md';
  const MESSAGE = '"date" is "2020-02-31", which is not a real day: February 2020 has 29 days';
  let pretty: RunResult;
  beforeAll(async () => {
    root = makeRepo({
      [BAD]: rec('title: Họp thử', 'date: 2020-02-31', 'chair: Nguyễn Văn A'),
      [WARN]: rec(...head('2020-10-26')),
      [`${M}2020-11-25-hop.md`]: rec(...head('2020-11-25')),
    });
    pretty = await runMeet(['check'], { cwd: root });
  });

  it('json', async () => {
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(findings).toEqual([
      { file: WARN, line: 3, column: 7, severity: 'warning', rule: 'file-folder', message: expect.any(String) },
      { file: BAD, line: 3, column: 7, severity: 'error', rule: 'invalid-date', message: MESSAGE },
    ]);
  });

  it('github annotations', async () => {
    const run = await runMeet(['check', '--format', 'github'], { cwd: root });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^::warning file=${WARN},line=3,col=7,title=meet file-folder::`));
    expect(lines[1]).toBe(`::error file=${BAD},line=3,col=7,title=meet invalid-date::${MESSAGE}`);
  });

  it('github annotations name a file with a line break in its name as the runner decodes it', async () => {
    const dir = makeRepo({ [`${M}2020-10-26-hop\nthu.md`]: rec('title: Họp', 'date: 2020-10-26', 'chair: Ông A', 'kind: weekly') });
    const run = await runMeet(['check', '--format', 'github'], { cwd: dir });
    expect(run.code).toBe(1);
    // One line, the name's line feed %0A (GitHub decodes it back), never a second line from the name.
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^::(warning|error) file=meetings\/2020\/2020-10-26-hop%0Athu\.md,line=\d+,col=\d+,title=meet /);
  });

  it('pretty without a terminal: grouped by file, no colour, a count line', () => {
    expect(pretty.code).toBe(1);
    expect(pretty.stderr).toBe('');
    expect(pretty.stdout).not.toMatch(/\x1b\[/);
    const lines = pretty.stdout.split('\n');
    expect(lines[0]).toBe(WARN);
    expect(lines[1]).toMatch(/^ {2}3:7 {2}warning {2}.*file-folder$/);
    expect(lines[2]).toBe('');
    expect(lines[3]).toBe(BAD);
    expect(lines[4]).toBe(`  3:7  error    ${MESSAGE}  invalid-date`);
    expect(lines[5]).toBe('');
    expect(lines[6]).toBe('✖ 1 error, 1 warning in 2 files (3 records checked)');
    expect(lines.slice(7)).toEqual(['']);
  });

  it('pretty with FORCE_COLOR=1 is coloured; NO_COLOR=1, FORCE_COLOR=0 and --no-color are not', async () => {
    const forced = await runMeet(['check'], { cwd: root, env: { FORCE_COLOR: '1' } });
    expect(forced.code).toBe(1);
    expect(forced.stdout).toMatch(/\x1b\[31m/); // red "error"
    expect(forced.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(pretty.stdout);
    expect((await runMeet(['check'], { cwd: root, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/);
    expect((await runMeet(['check', '--no-color'], { cwd: root, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/);
    // On a terminal too, FORCE_COLOR=0 is "no colour", as Node itself reads it.
    expect((await runMeet(['check'], { cwd: root, stdoutIsTTY: true })).stdout).toMatch(/\x1b\[31m/);
    for (const off of ['0', 'false']) {
      expect((await runMeet(['check'], { cwd: root, stdoutIsTTY: true, env: { FORCE_COLOR: off } })).stdout).not.toMatch(/\x1b\[/);
    }
  });

  // stdout on a terminal: colour by default, none with NO_COLOR. (A real
  // pseudo-terminal, with the built CLI, is in terminal.spawn.test.ts.)
  it('on a terminal: colour by default, none with NO_COLOR=1', async () => {
    const onTty = (env: Record<string, string>) => runMeet(['check'], { cwd: root, stdoutIsTTY: true, env: { TERM: 'xterm', ...env } });
    const plain = await onTty({});
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/\x1b\[31m/);
    const noColor = await onTty({ NO_COLOR: '1' });
    expect(noColor.code).toBe(1);
    expect(noColor.stdout).toContain('✖ 1 error, 1 warning in 2 files');
    expect(noColor.stdout).not.toMatch(/\x1b\[/);
  });

  it('no problems: exit 0, an empty JSON array, no annotations', async () => {
    const clean = makeRepo({ [`${M}2020-10-26-hop.md`]: rec(...head('2020-10-26')) });
    const pretty = await runMeet(['check'], { cwd: clean });
    expect(pretty).toEqual({ code: 0, stdout: '✔ 1 record checked, no problems\n', stderr: '' });
    expect((await checkJson(clean)).findings).toEqual([]);
    expect((await runMeet(['check', '--format', 'github'], { cwd: clean })).stdout).toBe('');
  });

  it('an unknown format is a usage error (exit 2)', async () => {
    const run = await runMeet(['check', '--format', 'xml'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});

describe('meet check PATHS', () => {
  let root: string;
  const A = `${M}2020-10-26-a.md`;
  const B = `${M}2020-11-25-b.md`;
  const C = 'meetings/2021/2021-01-05-c.md';
  beforeAll(() => {
    root = makeRepo({
      [A]: rec(...head('2020-10-26'), 'tasks:', '  - id: chung', '    title: Việc', '    owner: phong-la'),
      [B]: rec(...head('2020-11-25'), 'tasks:', ...task('chung')),
      [C]: rec('title: Họp thử', 'date: 2021-01-05', 'chair: Nguyễn Văn A', 'kind: bat-thuong'),
    });
  });

  it('without PATHS every file is reported', async () => {
    const { run, findings } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(findings.map((f) => [f.file, f.rule])).toEqual([
      [A, 'unknown-owner'],
      [B, 'duplicate-task-id'],
      [C, 'invalid-value'],
    ]);
  });

  it('one file: only its findings, yet its task id clashes with another file', async () => {
    const { run, findings } = await checkJson(root, B);
    expect(run.code).toBe(1);
    expect(findings).toEqual([{ file: B, line: 6, column: 9, severity: 'error', rule: 'duplicate-task-id', message: expect.stringContaining(A) }]);
    const pretty = await runMeet(['check', B], { cwd: root });
    expect(pretty.stdout).toContain('(1 record checked)');
  });

  it('a folder: the files under it', async () => {
    const { findings } = await checkJson(root, 'meetings/2020');
    expect(findings.map((f) => f.file)).toEqual([A, B]);
  });

  it('a path that does not exist: exit 2', async () => {
    const run = await runMeet(['check', 'meetings/2020/khong-co.md'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('meetings/2020/khong-co.md');
  });

  it('a path outside the repository: exit 2', async () => {
    const run = await runMeet(['check', tempDir()], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('outside');
  });

  it('a file in the repository but outside the meetings folder: exit 2, not a silent pass', async () => {
    writeTree(root, { 'drafts/2020-12-01-nhap.md': rec('title: Nháp') });
    const run = await runMeet(['check', 'drafts/2020-12-01-nhap.md'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('is not a record: records live under meetings/');
  });

  it('from a subfolder: finds the root upwards; paths given and shown relative to where it runs, JSON from the root', async () => {
    const cwd = path.join(root, 'meetings', '2020');
    const { run, findings } = await checkJson(cwd, path.basename(B));
    expect(run.code).toBe(1);
    expect(findings.map((f) => [f.file, f.line, f.column, f.rule])).toEqual([[B, 6, 9, 'duplicate-task-id']]);
    const all = (await checkJson(cwd)).findings.map((f) => f.file);
    expect(all).toEqual([A, B, 'meetings/2021/2021-01-05-c.md']);
    const pretty = await runMeet(['check'], { cwd });
    expect(pretty.stdout.split('\n').filter((line) => /\.md$/.test(line))).toEqual([path.basename(A), path.basename(B), '../2021/2021-01-05-c.md']);
  });

  it('--root DIR from anywhere', async () => {
    const elsewhere = tempDir();
    const { run, findings } = await checkJson(elsewhere, '--root', root);
    expect(run.code).toBe(1);
    expect(findings).toHaveLength(3);
    const global = await runMeet(['--root', root, 'check', '--format', 'json'], { cwd: elsewhere });
    expect(global.code).toBe(1);
    expect(JSON.parse(global.stdout)).toHaveLength(3);
  });

  it('no meet.config.yaml anywhere: exit 2, naming the file', async () => {
    const empty = tempDir();
    mkdirSync(path.join(empty, 'meetings'));
    const run = await runMeet(['check'], { cwd: path.join(empty, 'meetings') });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('meet.config.yaml');
    // Said in English on an English computer, and how to have it in Vietnamese: a Vietnamese clerk's machine often says en_US.
    const english = await runMeet(['check'], { cwd: path.join(empty, 'meetings'), env: { LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined } });
    expect(english.stderr).toContain('Run "meet init" to create a records repository');
    expect(english.stderr).toContain('Thêm --locale vi để meet nói tiếng Việt.');
    const explicit = await runMeet(['--root', empty, 'check'], { cwd: root });
    expect(explicit.code).toBe(2);
    expect(explicit.stderr).toContain('meet.config.yaml');
  });

  it('--root that is no folder says so, not "run meet init there"', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a-file'), '');
    const missing = await runMeet(['--root', path.join(dir, 'khong-co'), '--locale', 'en', 'check'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`meet: --root ${path.join(dir, 'khong-co')}: there is no such folder.\n`);
    const file = await runMeet(['--root', path.join(dir, 'a-file'), 'check'], { cwd: dir, env: { LC_ALL: 'vi_VN.UTF-8' } });
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('đây là một tệp, không phải thư mục');
  });
});

describe('meet check on the examples', () => {
  it('passes: exit 0, no problems', async () => {
    const dir = copyExamples();
    const run = await runMeet(['check'], { cwd: dir });
    expect(run).toEqual({ code: 0, stdout: '✔ đã kiểm tra 5 biên bản, không có vấn đề gì\n', stderr: '' });
    const json = await runMeet(['check', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });
});

describe('meet check: a file with more findings than are listed', () => {
  it('counts in its last line every finding, not the 200 listed and the line standing for the rest', async () => {
    const keys = Array.from({ length: 300 }, (_, i) => `zz${i}: 1`);
    const root = makeRepo({ [`${M}2020-10-26-a.md`]: rec('title: Họp', 'date: 2020-10-26', 'chair: A', ...keys) });
    const run = await runMeet(['check', '--locale', 'en'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('… and 100 more findings in this file (100 errors, 0 warnings), not listed');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 300 errors, 0 warnings in 1 file (1 record checked)');
  });
});

describe('the fixtures cover the rules', () => {
  it('every rule a file can trigger has a case', () => {
    const covered = new Set<string>([
      ...CASES.flatMap((c) => c.findings.map((f) => f.rule)),
      // In the config, unreadable-files and warnings-only suites above (group-member: test/formatV2Check.test.ts).
      'config-invalid',
      'group-member',
      'file-outside-root',
      'file-unreadable',
      'file-not-read',
      // Changes to approved minutes, on a git branch: test/approval.test.ts.
      'approved-changed',
      'approved-date-changed',
      'approved-task-id-changed',
      'approved-item-removed',
      'approved-deleted',
      // Hostile input: test/hostile/ (a cap on findings per file, links, figures beyond ±10^15).
      'too-many-findings',
      'file-link',
      'metric-out-of-range',
      // test/cascades.test.ts.
      'updates-unchecked',
    ]);
    expect(Object.keys(RULES).filter((rule) => !covered.has(rule))).toEqual([]);
  });
});
