// Issue 12, class 2: nothing from a record, a file name, the config or git
// reaches a terminal or a CI log raw. A corpus of escape sequences (OSC 52
// clipboard writes, screen clears, OSC 8 links, GitLab section markers, C1
// controls, bidirectional overrides, forged "::error" lines) is fed through
// records, folder names, the config, git authors and the command line; every
// command and output format is then read for a raw control character. Line
// feeds and tabs are allowed where the format has them (CRLF in CSV).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { visible, visibleDeep, visibleLines, jsonText } from '../../src/model/text.js';
import { GIT_ENV, git, MINIMAL_CONFIG, runMeet, tempDir, writeTree, type RunResult } from '../helpers.js';

const ESC = '\u001b';
/** The corpus: what terminals and CI runners act on instead of showing. */
const CORPUS = [
  `${ESC}]52;c;cHduZWQ=\u0007`, // OSC 52: write the clipboard
  `${ESC}[2J${ESC}[H`, // clear the screen
  `${ESC}]8;;https://attacker.example/${ESC}\\click${ESC}]8;;${ESC}\\`, // OSC 8 hyperlink
  `${ESC}]0;pwned\u0007`, // window title
  `${ESC}[0Ksection_start:1:x\r${ESC}[0K`, // GitLab folds the log from here
  '\r', // rewrites the line
  '\u009b2J', // C1 CSI
  '\u0085', // C1 next line
  '\u007f', // DEL
  '\u0008', // backspace
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u200f', // right-to-left mark
  '\u2028', // line separator
  '\u2029', // paragraph separator
];
const FORGED = '::error title=Security::Forged';

/** Any character a terminal or log would act on, but the line feed and tab. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectShownSafely(label: string, text: string, options: { crlf?: boolean; githubLines?: boolean; sgr?: boolean } = {}): void {
  let t = options.crlf ? text.replace(/\r\n/g, '\n') : text;
  // Colour is meet's own: its SGR sequences are allowed, nothing else.
  if (options.sgr) t = t.replace(/\u001b\[[0-9;]*m/g, '');
  const at = RAW.exec(t);
  expect(at ? `${label}: raw U+${at[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(t.slice(Math.max(0, at.index - 40), at.index + 20))}` : '').toBe('');
  const lines = t.split('\n');
  if (options.githubLines) {
    for (const line of lines.filter(Boolean)) expect(line, label).toMatch(/^::(error|warning) file=/);
  } else {
    // A line starting with "::" is a GitHub workflow command when it reaches a CI log.
    expect(
      lines.filter((l) => l.startsWith('::')),
      label,
    ).toEqual([]);
  }
}

function expectRun(label: string, run: RunResult, codes: readonly number[], options: Parameters<typeof expectShownSafely>[2] = {}): void {
  expect(run.stderr, label).not.toContain('internal error');
  expect(codes, `${label}: exit ${run.code}\n${run.stderr}`).toContain(run.code);
  expectShownSafely(`${label} (stdout)`, run.stdout, options);
  expectShownSafely(`${label} (stderr)`, run.stderr, { sgr: options.sgr });
}

// ---------------------------------------------------------------------------

describe('visible(): the one function outside text passes through', () => {
  it('shows each character of the corpus escaped, and leaves other text alone', () => {
    for (const sequence of CORPUS) expect(visible(`a${sequence}b`)).not.toMatch(RAW);
    expect(visible(`${ESC}[2J`)).toBe('\\x1b[2J');
    expect(visible('\u202eabc\u2028\u0085\u007f\n\t')).toBe('\\u202eabc\\u2028\\x85\\x7f\\x0a\\x09');
    expect(visible('Hội nghị thường kỳ — “tháng 10” C:\\x ✔')).toBe('Hội nghị thường kỳ — “tháng 10” C:\\x ✔');
  });

  it('visibleLines keeps line feeds, CRLF and tabs, and shows a CR alone', () => {
    expect(visibleLines('a\r\nb\tc\rd\u001be')).toBe('a\r\nb\tc\\x0dd\\x1be');
  });

  it('a "::" that could start a line in a CI log (a GitHub workflow command) shows its first ":" escaped', () => {
    expect(visible(FORGED)).toBe('\\x3a:error title=Security::Forged');
    expect(visible(`  ${FORGED}`)).toBe('  \\x3a:error title=Security::Forged');
    expect(visible('a ::b')).toBe('a ::b');
    expect(visibleLines(`a\n${FORGED}\n \t::x\n:y`)).toBe('a\n\\x3a:error title=Security::Forged\n \t\\x3a:x\n:y');
  });

  it('visibleDeep puts every string of a value on one line, keys too, and copies only plain data', () => {
    const date = new Date(0);
    const value = visibleDeep({ [`k${ESC}`]: ['a\nb', { c: `\u202e${FORGED}` }], n: 1, date });
    expect(value).toEqual({ 'k\\x1b': ['a b', { c: `\\u202e${FORGED}` }], n: 1, date });
    expect(visibleDeep({ body: 'a\nb\u001b' }, 'lines')).toEqual({ body: 'a\nb\\x1b' });
  });

  it('jsonText writes C1, DEL, separators and bidi controls as \\u escapes: the same text when read back', () => {
    const value = { text: CORPUS.join('|') };
    const json = jsonText(value);
    expect(json).not.toMatch(RAW);
    expect(JSON.parse(json)).toEqual(value);
  });
});

// --- a repository whose every outside string carries the corpus ---------------

const BAD = CORPUS.join('');
/** A folder name: everything in the corpus a file name can hold, and a forged line. */
const FOLDER = `x${ESC}]8;;https:attacker.example${ESC}\\f${ESC}]8;;${ESC}\\\n${FORGED}\r\u009b2J\u202e`;
/** What valid records and configs may still hold: bidi controls, separators in running text, tabs. */
const BIDI = '\u202e\u2066\u200f';

const CONFIG = MINIMAL_CONFIG.replace('organization: UBND huyện Thử Nghiệm', `organization: "UBND ${BIDI} huyện"`)
  .replace('kinh-te: Kinh tế', `kinh-te: "Kinh tế ${BIDI}"`)
  .replace('van-phong: Văn phòng HĐND và UBND huyện', `van-phong: "Văn phòng ${BIDI}"`)
  .replace('{ label: Máu tiếp nhận, unit: đơn vị,', `{ label: "Máu ${BIDI}", unit: "đơn ${BIDI}",`);

const OCTOBER = `---
title: "Hội nghị ${BIDI} tháng 10"
date: 2020-10-05
chair: { name: "Chủ trì ${BIDI}", role: "Chủ tịch ${BIDI}" }
location: "Hội trường\\t${BIDI}"
results:
  - sector: kinh-te
    summary: "Một\\L hai\\P ba\\n${FORGED}\\t${BIDI}"
  - sector: van-hoa-xa-hoi
    summary: Hiến máu
    metrics: { don-vi-mau: 12 }
decisions:
  - |
    Quyết định ${BIDI}
    ${FORGED}
tasks:
  - id: t-mot
    title: "Việc ${BIDI} một"
    owner: van-phong
    due: 2020-10-20
  - id: t-hai
    title: "Việc hai"
    owner: [van-phong, tai-chinh-ke-hoach]
    due: 2020-12-30
---
Nội dung ${ESC}[2J ${ESC}]52;c;eA==\u0007 ${BIDI}
${FORGED}
`;

const NOVEMBER = `---
title: "Hội nghị tháng 11 ${BIDI}"
date: 2020-11-10
chair: Hoàng Văn Hiệp
results:
  - sector: van-hoa-xa-hoi
    summary: "Kết quả\\L${FORGED}"
    metrics: { don-vi-mau: 20 }
decisions:
  - "Quyết định\\n${FORGED}"
updates:
  - task: t-mot
    status: in-progress
    note: "Ghi chú ${BIDI}\\L${FORGED}"
---
`;

const EVE = `Eve${ESC}]0;pwned\u0007${ESC}[2J${BIDI}`;

function commitAll(root: string, author: string, message: string): void {
  const run = spawnSync('git', ['commit', '-q', '-m', message], {
    cwd: root,
    env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_NAME: author },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
}

describe('every command and output format, on records, folders, config and git carrying the corpus', () => {
  let root: string;
  const november = `meetings/2020/${FOLDER}/2020-11-10-hoi-nghi.md`;

  beforeAll(() => {
    root = tempDir('meet-escapes-');
    writeTree(root, { 'meet.config.yaml': CONFIG, 'meetings/2020/2020-10-05-hoi-nghi.md': OCTOBER });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    commitAll(root, EVE, `October ${BAD}`);
    writeTree(root, { [november]: NOVEMBER });
    git(root, 'add', '-A');
    commitAll(root, EVE, `November ${BAD}`);
  });

  it('meet check: every format (the folder is only a warning)', async () => {
    for (const format of ['pretty', 'json', 'github', 'sarif']) {
      const run = await runMeet(['check', '--format', format, '--no-cache'], { cwd: root });
      expectRun(`check --format ${format}`, run, [0], { githubLines: format === 'github' });
      if (format === 'json') expect(JSON.parse(run.stdout)[0].file).toBe(november);
    }
    const colour = await runMeet(['check', '--no-cache'], { cwd: root, stdoutIsTTY: true });
    expectRun('check (colour)', colour, [0], { sgr: true });
    expect(colour.stdout).toContain('\\x1b]8;;https:attacker.example');
  });

  it('meet report and digest: text, Markdown, HTML, JSON, in colour too', async () => {
    for (const month of ['2020-10', '2020-11']) {
      for (const format of ['text', 'md', 'html', 'json']) {
        const run = await runMeet(['report', '--month', month, '--format', format, '--today', '2020-12-01'], { cwd: root });
        expectRun(`report ${month} --format ${format}`, run, [0]);
      }
      expectRun(`report ${month} (colour)`, await runMeet(['report', '--month', month, '--format', 'text'], { cwd: root, stdoutIsTTY: true }), [0], { sgr: true });
      for (const format of ['md', 'html']) {
        const run = await runMeet(['digest', '--month', month, '--format', format, '--today', '2020-12-01'], { cwd: root });
        expectRun(`digest ${month} --format ${format}`, run, [0]);
        expectShownSafely(`reports/${month}.${format}`, readFileSync(path.join(root, 'reports', `${month}.${format}`), 'utf8'));
      }
    }
    const json = JSON.parse((await runMeet(['report', '--month', '2020-11', '--format', 'json'], { cwd: root })).stdout);
    // JSON keeps the exact text: escaped, not changed.
    expect(json.meetings[0].file).toBe(november);
    expect(json.organization).toBe(`UBND ${BIDI} huyện`);
  });

  it('meet tasks: text, Markdown, JSON and CSV', async () => {
    for (const format of ['text', 'md', 'json', 'csv']) {
      for (const extra of [[], ['--month', '2020-11']]) {
        const run = await runMeet(['tasks', '--format', format, '--today', '2020-12-01', ...extra], { cwd: root });
        expectRun(`tasks --format ${format} ${extra.join(' ')}`, run, [0], { crlf: format === 'csv' });
      }
    }
    expectRun('tasks (colour)', await runMeet(['tasks', '--today', '2020-12-01'], { cwd: root, stdoutIsTTY: true, stderrIsTTY: true }), [0], { sgr: true });
  });

  it('meet diff: months and revisions, text, Markdown and JSON', async () => {
    for (const format of ['text', 'md', 'json']) {
      expectRun(`diff months --format ${format}`, await runMeet(['diff', '2020-10', '2020-11', '--format', format], { cwd: root }), [0]);
      expectRun(`diff --rev --format ${format}`, await runMeet(['diff', '--rev', 'HEAD~1..HEAD', '--format', format], { cwd: root }), [0]);
    }
  });

  it('meet log: the commit author is shown visibly, in every format', async () => {
    for (const format of ['text', 'md', 'json']) {
      const run = await runMeet(['log', 't-mot', '--format', format], { cwd: root });
      expectRun(`log --format ${format}`, run, [0]);
      // Markdown writes the backslash and bracket as character references, which show as themselves.
      if (format === 'text') expect(run.stdout).toContain('Eve\\x1b]0;pwned\\x07\\x1b[2J');
      if (format === 'md') expect(run.stdout).toContain('Eve&#92;x1b&#93;0;pwned&#92;x07&#92;x1b&#91;2J');
      if (format === 'json') expect(JSON.parse(run.stdout).history[0].commit.author).toBe(EVE);
    }
  });

  it('meet new and meet tasks update: paths, prompts and messages', async () => {
    expectRun('new --dry-run', await runMeet(['new', '--date', '2020-12-01', '--chair', 'X', '--dry-run'], { cwd: root }), [0]);
    const cwd = path.join(root, 'meetings', '2020', FOLDER);
    expectRun('tasks update (from inside the folder)', await runMeet(['tasks', 'update', 't-hai', '--status', 'done', '--in', '2020-11-10-hoi-nghi.md'], { cwd }), [0]);
    expectRun('new', await runMeet(['new', '--date', '2020-12-01', '--chair', 'X'], { cwd }), [0]);
  });

  it('the command line: ids, paths, months and options echoed in errors', async () => {
    for (const args of [
      ['log', `t${BAD}`],
      ['tasks', 'update', `t${BAD}`, '--status', 'done'],
      ['tasks', '--owner', `o${BAD}`],
      ['tasks', 'update', 't-mot', '--status', 'done', '--in', `x${BAD}`],
      ['check', `x${BAD}`],
      ['report', '--month', `2020-1${BAD}`],
      ['diff', '--rev', `a${BAD}..b`],
      ['check', '--since', `a${BAD}`],
      ['new', '--kind', `k${BAD}`, '--chair', 'X'],
      ['new', '--template', `t${BAD}`, '--chair', 'X'],
      ['report', '--month', '2020-10', '--out', `${root}/missing${BAD}/r.md`],
      [`--unknown${BAD}`],
      ['tasks', '--status', `s${BAD}`],
    ]) {
      expectRun(args.join(' '), await runMeet(args, { cwd: root }), [1, 2]);
    }
  });
});

// --- findings that echo what the record says ----------------------------------

describe('findings that quote a record: the issue examples', () => {
  const HEAD = 'title: A\ndate: 2020-10-05\nchair: B\n';
  const EXAMPLES: Record<string, string> = {
    'language-line': `---${ESC}]52;c;cHduZWQ=\u0007${ESC}[2J\n${HEAD}---\n`,
    'language-line-cr': `---js\r${ESC}[0Ksection_start:1:fold\r${ESC}[0K\n${HEAD}---\n`,
    'block-scalar-header': `---\ntitle: |${ESC}]52;c;eA==\u0007\n  x\ndate: 2020-10-05\nchair: B\n---\n`,
    'verbatim-tag': `---\n${HEAD}extra: !<${ESC}]0;pwned\u0007> x\n---\n`,
    directive: `---\n%TAG !${ESC}[2J! tag:x,2000:\n${HEAD}---\n`,
    'escape-in-double-quotes': `---\n${HEAD}location: "\\${ESC}[2J"\n---\n`,
    'key-with-escapes': `---\n${HEAD}"k${ESC}[2J": v\n---\n`,
    'unknown-key-bidi': `---\n${HEAD}ti\u202etle: v\n---\n`,
    'c1-in-language': `---\u009b2J\n${HEAD}---\n`,
  };
  let root: string;

  beforeAll(() => {
    root = tempDir('meet-echo-');
    const files: Record<string, string> = { 'meet.config.yaml': MINIMAL_CONFIG };
    Object.entries(EXAMPLES).forEach(([name, content], i) => (files[`meetings/2020/2020-10-${String(i + 1).padStart(2, '0')}-${name}.md`] = content));
    // A file name with escapes: a finding on the file name quotes it.
    files[`meetings/2020/2020-10-20-x${ESC}[2J\n${FORGED}.md`] = `---\n${HEAD.replace('2020-10-05', '2020-10-20')}---\n`;
    writeTree(root, files);
  });

  it('meet check shows each in every format without a raw control character', async () => {
    for (const format of ['pretty', 'json', 'github', 'sarif']) {
      const run = await runMeet(['check', '--format', format, '--no-cache'], { cwd: root });
      expectRun(`check --format ${format}`, run, [1], { githubLines: format === 'github' });
      if (format === 'json') {
        const files = new Set((JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file));
        expect(files.size).toBe(Object.keys(EXAMPLES).length + 1);
      }
    }
  });

  it('the commands that stop on errors list them without one', async () => {
    for (const args of [['report', '--month', '2020-10'], ['tasks'], ['digest', '--month', '2020-10'], ['diff', '2020-09', '2020-10'], ['log', 'x'], ['tasks', 'update', 'x', '--status', 'done']]) {
      expectRun(args.join(' '), await runMeet(args, { cwd: root }), [1]);
    }
    expectRun('new', await runMeet(['new', '--date', '2020-12-01', '--chair', 'X', '--dry-run'], { cwd: root }), [0, 1]);
  });
});

// --- config strings that are names or paths refuse line breaks ---------------

describe('config names and paths are one line, like record names', () => {
  it.each([
    ['paths.reports', `paths:\n  reports: "reports\\n${FORGED}\\nx"\n`, 'digest'],
    ['paths.meetings', `paths:\n  meetings: "meetings\\r${FORGED}"\n`, 'check'],
    ['organization', '', 'report'],
    ['organization (U+2028)', '', 'diff'],
  ])('%s with a line break is a config error (exit 1), nothing forged', async (what, paths, command) => {
    let config = MINIMAL_CONFIG + paths;
    if (what === 'organization') config = config.replace('organization: UBND huyện Thử Nghiệm', `organization: "UBND\\n${FORGED}"`);
    if (what === 'organization (U+2028)') config = config.replace('organization: UBND huyện Thử Nghiệm', `organization: "UBND\\L${FORGED}"`);
    const root = tempDir();
    writeTree(root, { 'meet.config.yaml': config, 'meetings/2020/2020-10-05-a.md': `---\ntitle: A\ndate: 2020-10-05\nchair: B\n---\n` });
    const args = { digest: ['digest', '--month', '2020-10'], check: ['check'], report: ['report', '--month', '2020-10', '--format', 'text'], diff: ['diff', '2020-09', '2020-10', '--format', 'text'] }[command]!;
    const run = await runMeet(args, { cwd: root });
    expectRun(`${what}: ${command}`, run, [1]);
    // MINIMAL_CONFIG says locale: vi: the finding is the Vietnamese one.
    expect(run.stderr + run.stdout).toMatch(/nhưng phải viết trên một dòng|chứa ký tự điều khiển \(U\+000D\)/);
  });
});
