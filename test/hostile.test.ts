// Issue 6: hostile records. Every case in test/hostile/cases.ts is placed in
// a temp repository and read by the CLI, the way CI meets a pull request:
// one `meet check --format json` for all the ordinary cases (findings are
// per file). This file runs the CLI in-process; the bounded cases (huge,
// deep, many-aliased inputs) and those that could hang are read by the built
// CLI as a whole process under a time bound, in hostile.spawn.test.ts. A case
// with `bug` is skipped until the product is fixed (see its `// BUG:` comment).
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRecord } from '../src/records/parse.js';
import { FINDING_CASES, GIT_CASES, HTML_CASES, TEXT_CASES, WRITE_CASES } from './hostile/cases.js';
import {
  byFileOf,
  caseFile,
  expectClean,
  expectFindings,
  findingsOf,
  fixture,
  checkExitFor,
  makeWorld,
  needsProcess,
  placeCase,
  pwnedFiles,
  QUIET_GIT,
  type Run,
} from './hostile/world.js';
import type { Finding } from '../src/model/ruleCatalogue.js';
import { git, runMeet, writeTree } from './helpers.js';

/** The CLI in-process: nothing here can hang or needs a time bound (those cases are in hostile.spawn.test.ts). */
async function meet(args: readonly string[], cwd: string): Promise<Run> {
  return runMeet([...args], { cwd, env: QUIET_GIT });
}

// ---------------------------------------------------------------------------

describe('hostile records: meet check gives each one its finding, or accepts it', () => {
  const batch = FINDING_CASES.filter((c) => !c.bug && !needsProcess(c));
  let world: ReturnType<typeof makeWorld>;
  let run: Run;
  let byFile: Map<string, Finding[]>;

  beforeAll(async () => {
    world = makeWorld();
    for (const c of batch) placeCase(c, world.root, world.outside);
    run = await meet(['check', '--format', 'json'], world.root);
    byFile = run.code === 1 || run.code === 2 ? byFileOf(findingsOf(run.stdout)) : new Map();
  });

  it('one run reads them all: exit 1 (2 as files cannot be read), findings as JSON, no stack trace, nothing ran, nothing outside read', () => {
    expectClean(run, [checkExitFor(byFile)]);
    expect(pwnedFiles(world.parent)).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain('SECRET-OUTSIDE');
    // Findings only on the cases' files: nothing else was found, nothing read twice.
    const known = new Set(batch.flatMap((c) => [caseFile(c), ...Object.keys(c.also ?? {})]));
    expect([...byFile.keys()].filter((file) => !known.has(file))).toEqual([]);
  });

  it('every output format (pretty, github, sarif) reads the small hostile files without a stack trace', async () => {
    // All the fixture files, the bounded ones included: they are small.
    const small = makeWorld();
    for (const c of FINDING_CASES.filter((x) => !x.bug && x.solo === undefined && !x.generate)) placeCase(c, small.root, small.outside);
    const json = await meet(['check', '--format', 'json'], small.root);
    const code = checkExitFor(byFileOf(findingsOf(json.stdout)));
    for (const format of ['pretty', 'github', 'sarif']) {
      const out = await meet(['check', '--format', format], small.root);
      expectClean(out, [code]);
      if (format === 'sarif') expect(JSON.parse(out.stdout).runs[0].results.length).toBeGreaterThan(50);
      expect(out.stdout + out.stderr).not.toContain('SECRET-OUTSIDE');
    }
    expect(pwnedFiles(small.parent)).toEqual([]);
  });

  for (const c of FINDING_CASES.filter((x) => !needsProcess(x))) {
    const test = c.bug ? it.skip : it;
    test(`${c.bullet}: ${c.id}`, () => {
      expectFindings(byFile.get(caseFile(c)) ?? [], c.expect, c.more);
      for (const [file, expected] of Object.entries(c.also ?? {})) expectFindings(byFile.get(file) ?? [], expected);
    });
  }
});

describe('YAML means what it says: values stay the text the clerk typed', () => {
  let root: string;
  beforeAll(() => {
    ({ root } = makeWorld());
    for (const name of TEXT_CASES.fixtures) {
      const date = /^date: "?(\d{4}-\d{2}-\d{2})/m.exec(fixture(name).toString('utf8'))![1]!;
      writeFileSync(path.join(root, 'meetings', '2020', `${date}-${path.basename(name)}`), fixture(name));
    }
  });

  it('the records pass meet check', async () => {
    const run = await meet(['check', '--format', 'json'], root);
    expectClean(run, [0]);
    expect(findingsOf(run.stdout)).toEqual([]);
  });

  it('the report shows times, octal- and hex-looking numbers, dates and booleans as text; "012" counts as 12', async () => {
    const run = await meet(['report', '--month', '2020-10', '--format', 'json', '--today', '2020-11-15'], root);
    expectClean(run, [0]);
    const report = JSON.parse(run.stdout) as {
      meetings: Record<string, unknown>[];
      decisions: { text: string }[];
      results: { summaries: { text: string }[] }[];
      tasks: { assigned: { id: string; title: string; due: string }[] };
      metrics: { id: string; value: number }[];
    };
    for (const expected of TEXT_CASES.meetings) {
      const meeting = report.meetings.find((m) => m.date === expected.date);
      expect(meeting).toMatchObject(expected);
    }
    expect(report.decisions.map((d) => d.text)).toEqual(TEXT_CASES.decisions);
    expect(report.results.flatMap((r) => r.summaries.map((s) => s.text))).toEqual(TEXT_CASES.summaries);
    expect(report.tasks.assigned).toEqual([expect.objectContaining(TEXT_CASES.task)]);
    expect(report.metrics.find((m) => m.id === TEXT_CASES.metric.id)?.value).toBe(TEXT_CASES.metric.value);
  });

  it('the task list keeps the id "0755" and the title "10:30" as text', async () => {
    const run = await meet(['tasks', '--format', 'json', '--today', '2020-10-20'], root);
    expectClean(run, [0]);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ id: '0755', title: '10:30', due: '2020-10-30' })]);
  });
});

// --- HTML -------------------------------------------------------------------

/** Tags the report must never contain, whatever the records hold. */
const FORBIDDEN_TAGS =
  /^(script|iframe|frame|frameset|form|object|embed|applet|link|base|img|input|button|textarea|select|video|audio|source|template|noscript|math|marquee|details)$/;
const URL_ATTRIBUTES = /^(href|src|action|formaction|xlink:href|data|poster|background|srcset)$/;

function decodeAttribute(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec) || 0xfffd))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The report's own markup only: asserted on the tags, since every text between them is escaped. */
function expectSafeHtml(html: string): void {
  const tags = [...html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)];
  expect(tags.length).toBeGreaterThan(50);
  const problems: string[] = [];
  const head = html.slice(0, html.indexOf('</head>'));
  for (const [tag, , rawName, attributes] of tags) {
    const name = rawName!.toLowerCase();
    if (FORBIDDEN_TAGS.test(name)) problems.push(`forbidden tag: ${tag}`);
    if (name === 'meta' && /http-equiv/i.test(attributes!) && !/http-equiv="Content-Security-Policy"/.test(attributes!))
      problems.push(`meta http-equiv: ${tag}`);
    for (const [, attribute, , , double, single, bare] of attributes!.matchAll(/\s([^\s=/>]+)(\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const attr = attribute!.toLowerCase();
      if (/^on/.test(attr)) problems.push(`event handler: ${tag}`);
      if (attr === 'srcdoc' || attr === 'formaction') problems.push(`attribute ${attr}: ${tag}`);
      const value = decodeAttribute(double ?? single ?? bare ?? '')
        .replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, '')
        .toLowerCase();
      if (URL_ATTRIBUTES.test(attr) && /^(javascript|data|vbscript|file):/.test(value)) problems.push(`dangerous URL: ${tag}`);
      if (attr === 'style' && /url\(|expression\(|javascript:/.test(value)) problems.push(`style with URL: ${tag}`);
    }
  }
  expect(problems).toEqual([]);
  // The page's one stylesheet, in <head>; no other <style> anywhere.
  expect(html.match(/<style[\s>]/gi)).toHaveLength(1);
  expect(head).toMatch(/<style>/);
  expect(html).not.toMatch(/<base[\s>]/i);
  expect(html).not.toMatch(/<meta[^>]*http-equiv=["']?refresh/i);
  // Nothing may load even if a tag slipped through.
  expect(head).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
}

describe('HTML output is safe to publish and email', () => {
  let root: string;
  let parent: string;
  let html: Run;

  beforeAll(async () => {
    ({ root, parent } = makeWorld());
    for (const c of HTML_CASES) {
      const text = fixture(c.fixture).toString('utf8') + (c.append ? `\n${c.append()}\n` : '');
      const date = /^date: (\d{4}-\d{2}-\d{2})/m.exec(text)![1]!;
      writeFileSync(path.join(root, 'meetings', '2020', `${date}-${path.basename(c.fixture)}`), text);
    }
    html = await meet(['report', '--month', '2020-10', '--format', 'html', '--today', '2020-11-15'], root);
  }, 90_000);

  it('the hostile records are valid records (meet check passes)', async () => {
    const run = await meet(['check', '--format', 'json'], root);
    expectClean(run, [0]);
    expect(findingsOf(run.stdout)).toEqual([]);
  });

  it('the report is rendered in bounded time, with no script, handler, dangerous URL, frame, form, style, refresh or base', () => {
    expectClean(html, [0]);
    expectSafeHtml(html.stdout);
    expect(pwnedFiles(parent)).toEqual([]);
  });

  for (const c of HTML_CASES) {
    it(`${c.fixture}: its text is shown, escaped`, () => {
      for (const shown of c.shows) expect(html.stdout).toContain(shown);
    });
  }

  it('text is escaped once: no "&amp;lt;" or "&amp;quot;" where the record had "<" or a quote', () => {
    expect(html.stdout).not.toMatch(/&amp;(lt|gt|quot|#39|amp);/);
  });

  it('digest --format html writes the same safe page', async () => {
    const run = await meet(['digest', '--month', '2020-10', '--format', 'html', '--today', '2020-11-15'], root);
    expectClean(run, [0]);
    expectSafeHtml(readFileSync(path.join(root, 'reports', '2020-10.html'), 'utf8'));
  });

  it('meet new on these records runs nothing: hostile titles land as comment text, template syntax stays text', async () => {
    const run = await meet(['new', '--date', '2020-10-31', '--chair', '{{title}} $& ${process.exit(9)}', '--title', "{{chair}} $' $` ${require('fs')}"], root);
    expectClean(run, [0]);
    const file = path.join(root, run.stdout.trim());
    const parsed = parseRecord(readFileSync(file), 'x.md');
    expect(parsed.findings).toEqual([]);
    expect(parsed.record?.data).toMatchObject({ title: "{{chair}} $' $` ${require('fs')}", chair: '{{title}} $& ${process.exit(9)}' });
    expect(parsed.record?.data.updates).toEqual([{ task: 'html-task', status: 'open' }]);
    expect(readFileSync(file, 'utf8')).toContain("# <img src=x onerror=alert('PWNED-task')> Việc");
    expect(pwnedFiles(parent)).toEqual([]);
    expectClean(await meet(['check'], root), [0]);
  });
});

// --- terminal and CI logs ---------------------------------------------------

/** C0 and C1 controls other than a line break: escapes that clear screens, retitle windows, forge links. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function expectPlainLog(output: string): void {
  expect(output).not.toMatch(CONTROL);
  // A line starting with "::" is a GitHub workflow command when printed in CI.
  expect(output.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
}

describe('terminal and CI logs: record text cannot forge lines or send escapes', () => {
  let root: string;
  beforeAll(() => {
    ({ root } = makeWorld());
    writeFileSync(path.join(root, 'meetings', '2020', '2020-10-26-dieu-khien.md'), fixture('terminal/control-characters-in-values.md'));
  });

  it('meet check (pretty and github) shows an echoed key without control characters or forged lines', async () => {
    const { root: bad } = makeWorld();
    writeFileSync(path.join(bad, 'meetings', '2020', '2020-10-26-khoa.md'), fixture('yaml/control-characters-in-key.md'));
    const pretty = await meet(['check'], bad);
    expectClean(pretty);
    expectPlainLog(pretty.stdout);
    const github = await meet(['check', '--format', 'github'], bad);
    expectClean(github);
    expect(github.stdout).not.toMatch(CONTROL);
    for (const line of github.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning) file=/);
  });

  // Control characters and line breaks in titles and names are refused as
  // findings, so the commands stop (exit 1) before printing any of it.
  it('meet tasks, report and diff as text never print control characters or forged lines from titles and names', async () => {
    for (const args of [
      ['tasks', '--today', '2020-11-01'],
      ['report', '--month', '2020-10', '--format', 'text', '--today', '2020-11-01'],
      ['diff', '2020-09', '2020-10', '--format', 'text'],
    ]) {
      const run = await meet(args, root);
      expectClean(run, [1]);
      expectPlainLog(run.stdout);
      expectPlainLog(run.stderr);
    }
  });
});

// --- paths ------------------------------------------------------------------

function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      out.push(path.relative(dir, p));
      if (entry.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

const VALID_RECORD = `---
title: Hội nghị thường kỳ tháng 10
date: 2020-10-05
chair: Hoàng Văn Hiệp
tasks:
  - {id: t-mot, title: Việc một, owner: van-phong, due: 2020-11-30}
  - {id: t-hai, title: Việc hai, owner: van-phong, due: 2020-11-30}
---
`;

describe('nothing outside the repository is read or written', () => {
  it.each([
    ['../../../etc/passwd', 'etc-passwd'],
    ['..\\..\\windows\\system32\\config', 'windows-system32-config'],
    ['/etc/passwd%00.md', 'etc-passwd-00-md'],
    ['~/.ssh/authorized_keys', 'ssh-authorized-keys'],
    ['....//....//', 'regular'],
    ['C:\\Windows\\..\\x', 'c-windows-x'],
  ])('meet new --title %j writes meetings/2020/<date>-%s.md and nothing else', async (title, slug) => {
    const { parent, root } = makeWorld();
    const before = listTree(parent);
    const run = await meet(['new', '--date', '2020-10-26', '--chair', 'X', '--title', title], root);
    expectClean(run, [0]);
    const file = `meetings/2020/2020-10-26-${slug}.md`;
    expect(run.stdout.trim()).toBe(file);
    expect(listTree(parent)).toEqual([...before, path.join('repo', file)].sort());
    expect(parseRecord(readFileSync(path.join(root, file)), file).record?.data.title).toBe(title);
  });

  it.each([['../../../etc/passwd'], ['/etc/passwd'], ['regular/../../x'], ['.hidden']])(
    'meet new --template %j is refused (exit 2), nothing written',
    async (name) => {
      const { parent, root } = makeWorld();
      const before = listTree(parent);
      const run = await meet(['new', '--date', '2020-10-26', '--chair', 'X', '--template', name], root);
      expectClean(run, [2]);
      expect(listTree(parent)).toEqual(before);
    },
  );

  it('meet new refuses a year folder that is a link to a folder outside (exit 1: its records are not read), and writes nothing there', async () => {
    const { root, outside } = makeWorld();
    rmSync(path.join(root, 'meetings', '2020'), { recursive: true });
    symlinkSync(outside, path.join(root, 'meetings', '2020'));
    const run = await meet(['new', '--date', '2020-10-26', '--chair', 'X'], root);
    expectClean(run, [1]);
    expect(run.stderr).toMatch(/meetings\/2020:1:1: Liên kết \(symbolic link\) này trỏ ra ngoài kho biên bản/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a meetings folder that is itself a link outside the root is refused, and nothing in it is read', async () => {
    const { root, outside } = makeWorld();
    mkdirSync(path.join(outside, '2020'));
    writeFileSync(path.join(outside, '2020', '2020-10-26-secret.md'), fixture('paths/outside-record.md'));
    rmSync(path.join(root, 'meetings'), { recursive: true });
    symlinkSync(outside, path.join(root, 'meetings'));
    const check = await meet(['check', '--format', 'json'], root);
    expectClean(check, [1]);
    expect(findingsOf(check.stdout).map((f) => [f.file, f.rule])).toEqual([['meetings', 'file-outside-root']]);
    const report = await meet(['report', '--month', '2020-10', '--format', 'json', '--today', '2020-11-15'], root);
    expect(report.stdout + report.stderr).not.toContain('SECRET-OUTSIDE');
  });

  it.each([['the template file'], ['the templates folder']])('meet new never uses a template when %s is a link outside the root', async (which) => {
    const { root, outside } = makeWorld();
    mkdirSync(path.join(outside, 'tpl'));
    writeFileSync(path.join(outside, 'tpl', 'regular.md'), fixture('paths/outside-template.md'));
    if (which === 'the template file') {
      mkdirSync(path.join(root, 'templates'));
      symlinkSync(path.join(outside, 'tpl', 'regular.md'), path.join(root, 'templates', 'regular.md'));
    } else {
      symlinkSync(path.join(outside, 'tpl'), path.join(root, 'templates'));
    }
    const run = await meet(['new', '--date', '2020-10-26', '--chair', 'X'], root);
    expectClean(run, [0, 2]);
    for (const file of listTree(path.join(root, 'meetings'))) {
      if (file.endsWith('.md')) expect(readFileSync(path.join(root, 'meetings', file), 'utf8')).not.toContain('SECRET-OUTSIDE');
    }
  });

  it('meet check refuses a meet.config.yaml that is a link outside the root, without reading it', async () => {
    const { root, outside } = makeWorld();
    writeFileSync(path.join(outside, 'cfg.yaml'), fixture('paths/outside-config.yaml'));
    rmSync(path.join(root, 'meet.config.yaml'));
    symlinkSync(path.join(outside, 'cfg.yaml'), path.join(root, 'meet.config.yaml'));
    const run = await meet(['check'], root);
    expectClean(run, [2]);
    expect(run.stdout + run.stderr).not.toContain('SECRET-OUTSIDE');
  });

  // A link to a device that never ends: followed, it read until memory ran out (16 GB, then a crash), even for --help.
  it('a meet.config.yaml linked to /dev/zero is refused before anything reads it, and --help still answers', async () => {
    const { root } = makeWorld();
    rmSync(path.join(root, 'meet.config.yaml'));
    symlinkSync('/dev/zero', path.join(root, 'meet.config.yaml'));
    expect((await meet(['--help'], root)).code).toBe(0);
    const run = await meet(['check', '--locale', 'en'], root);
    expectClean(run, [2]);
    expect(run.stderr).toContain('is a symbolic link leading outside the repository; it is not read');
  });

  it('a lock file linked to /dev/zero is not read: tasks update says the record is busy and which file to remove, at once', async () => {
    const { root } = makeWorld();
    writeTree(root, { 'meetings/2020/2020-10-05-giao-viec.md': VALID_RECORD });
    writeTree(root, { 'meetings/2020/2020-10-20-sau.md': '---\ntitle: Họp sau\ndate: 2020-10-20\nchair: A\n---\n' });
    symlinkSync('/dev/zero', path.join(root, 'meetings/2020/.2020-10-20-sau.md.meet-lock'));
    const run = await meet(['tasks', 'update', 't-mot', '--status', 'done', '--locale', 'en'], root);
    expectClean(run, [2]);
    expect(run.stderr).toContain('.2020-10-20-sau.md.meet-lock');
  });

  it('a folder or record whose name is not UTF-8 is a finding, not skipped in silence (exit 0 would pass the pull request)', async () => {
    const { root } = makeWorld();
    const folder = Buffer.concat([Buffer.from(path.join(root, 'meetings') + path.sep), Buffer.from([0xff])]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([folder, Buffer.from(`${path.sep}2020-10-05-a.md`)]), 'garbage: [\n');
    const run = await meet(['check', '--format', 'json', '--locale', 'en'], root);
    expectClean(run, [2]);
    const findings = JSON.parse(run.stdout) as { file: string; rule: string; message: string }[];
    expect(findings).toEqual([
      expect.objectContaining({ file: 'meetings/\uFFFD', rule: 'file-unreadable', message: expect.stringContaining('is not UTF-8 text') }),
    ]);
  });

  it('a template that is a folder, or a link to /dev/zero, is refused in words, not read', async () => {
    const { root } = makeWorld();
    mkdirSync(path.join(root, 'templates', 'regular.md'), { recursive: true });
    const folder = await meet(['new', '--date', '2020-10-20', '--chair', 'A', '--kind', 'regular', '--dry-run', '--locale', 'en'], root);
    expectClean(folder, [2]);
    expect(folder.stderr).toContain('The template templates/regular.md cannot be used: it is a folder, not a file.');
  });

  describe('meet digest --out and meet report --out', () => {
    let parent: string;
    let root: string;
    let outside: string;
    beforeAll(() => {
      ({ parent, root, outside } = makeWorld());
      writeTree(root, { 'meetings/2020/2020-10-05-giao-viec.md': VALID_RECORD });
    });
    const digest = (...extra: string[]) => meet(['digest', '--month', '2020-10', '--today', '2020-11-15', ...extra], root);

    it.each([['../x'], ['reports/../../y'], ['<temp>/absolute-out']])('digest --out %s is refused (exit 2), nothing written', async (out) => {
      const before = listTree(parent);
      const run = await digest('--out', out.replace('<temp>', parent));
      expectClean(run, [2]);
      expect(run.stderr).toMatch(/ngoài kho biên bản/);
      expect(listTree(parent)).toEqual(before);
    });

    it('digest --out a link to a folder outside is refused (exit 2), nothing written there', async () => {
      symlinkSync(outside, path.join(root, 'reports-link'));
      const run = await digest('--out', 'reports-link');
      expectClean(run, [2]);
      expect(readdirSync(outside)).toEqual([]);
    });

    it('digest never writes through reports/<month>.md when it is a link (exit 2), the target untouched', async () => {
      mkdirSync(path.join(root, 'reports'), { recursive: true });
      writeFileSync(path.join(outside, 'keep.md'), 'keep\n');
      symlinkSync(path.join(outside, 'keep.md'), path.join(root, 'reports', '2020-10.md'));
      const run = await digest();
      expectClean(run, [2]);
      expect(readFileSync(path.join(outside, 'keep.md'), 'utf8')).toBe('keep\n');
    });

    it.each([['a file outside'], ['a record inside the repository']])('report --out a link to %s is refused (exit 2), the target untouched', async (which) => {
      const target = which === 'a file outside' ? path.join(outside, 'target.html') : path.join(root, 'meetings/2020/2020-10-05-giao-viec.md');
      if (which === 'a file outside') writeFileSync(target, 'keep\n');
      const before = readFileSync(target);
      const link = path.join(root, `out-${which.length}.html`);
      symlinkSync(target, link);
      const run = await meet(['report', '--month', '2020-10', '--format', 'html', '--out', link], root);
      expectClean(run, [2]);
      expect(run.stderr).toMatch(/symbolic link/);
      expect(readFileSync(target).equals(before)).toBe(true);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
    });
  });

  it('meet tasks update never writes through a record that is a link (exit 1: the link is an error), the linked file untouched', async () => {
    const { root } = makeWorld();
    writeTree(root, { 'meetings/2020/2020-10-05-giao-viec.md': VALID_RECORD, 'archive/2020-10-26-that.md': fixture('writes/target.md').toString('utf8') });
    symlinkSync('../../archive/2020-10-26-that.md', path.join(root, 'meetings/2020/2020-10-26-that.md'));
    // Links in the meetings folder are never followed: an error (file-link).
    expectClean(await meet(['check'], root), [1]);
    const before = readFileSync(path.join(root, 'archive/2020-10-26-that.md'));
    for (const extra of [[], ['--in', 'meetings/2020/2020-10-26-that.md']]) {
      const run = await meet(['tasks', 'update', 't-hai', '--status', 'done', ...extra], root);
      expectClean(run, [1]);
      expect(run.stderr).toMatch(/symbolic link/);
      expect(readFileSync(path.join(root, 'archive/2020-10-26-that.md')).equals(before)).toBe(true);
    }
  });

  it('meet tasks update --in a file outside the meetings folder is refused, nothing written', async () => {
    const { root, outside } = makeWorld();
    writeTree(root, { 'meetings/2020/2020-10-05-giao-viec.md': VALID_RECORD });
    writeFileSync(path.join(outside, '2020-10-26-x.md'), fixture('writes/target.md'));
    const run = await meet(['tasks', 'update', 't-hai', '--status', 'done', '--in', '../outside/2020-10-26-x.md'], root);
    expectClean(run, [1, 2]);
    expect(readFileSync(path.join(outside, '2020-10-26-x.md')).equals(fixture('writes/target.md'))).toBe(true);
  });

  it('meet check refuses a path outside the repository (exit 2)', async () => {
    const { root } = makeWorld();
    const run = await meet(['check', '../outside'], root);
    expectClean(run, [2]);
  });
});

// --- writes -----------------------------------------------------------------

describe('writes lose nothing: an edit that would change more than its lines is refused', () => {
  let root: string;
  const target = () => path.join(root, 'meetings', '2020', '2020-10-26-kiem-tra.md');
  beforeAll(() => {
    ({ root } = makeWorld());
    writeFileSync(path.join(root, 'meetings', '2020', '2020-10-05-giao-viec.md'), fixture('writes/assigning.md'));
  });

  for (const c of WRITE_CASES) {
    it(`${c.id}: refused, the file byte for byte unchanged, no temp file left`, async () => {
      writeFileSync(target(), fixture(c.fixture));
      expectClean(await meet(['check'], root), [0]);
      const before = listTree(root);
      const run = await meet(['tasks', 'update', ...c.args], root);
      expectClean(run, [1]);
      expect(run.stderr).toMatch(/Chưa có gì thay đổi/);
      expect(readFileSync(target()).equals(fixture(c.fixture))).toBe(true);
      expect(listTree(root)).toEqual(before);
    });
  }

  it('the same title typed in NFD (Mac) and NFC (Windows) is the same record: the second meet new is refused', async () => {
    const { root: repo } = makeWorld();
    const title = 'Hội nghị đặc biệt về phòng chống bão lụt';
    const first = await meet(['new', '--date', '2020-10-26', '--chair', 'X', '--title', title.normalize('NFD')], repo);
    expectClean(first, [0]);
    expect(first.stdout.trim()).toBe('meetings/2020/2020-10-26-hoi-nghi-dac-biet-ve-phong-chong-bao-lut.md');
    const second = await meet(['new', '--date', '2020-10-26', '--chair', 'X', '--title', title.normalize('NFC')], repo);
    expectClean(second, [2]);
    expect(second.stderr).toMatch(/đã có; meet new không bao giờ ghi đè/);
    const written = readFileSync(path.join(repo, first.stdout.trim()), 'utf8');
    expect(written).toContain(`title: ${title.normalize('NFC')}`);
  });
});

// --- git --------------------------------------------------------------------

describe('git input is data, never options', () => {
  let root: string;
  let parent: string;
  beforeAll(() => {
    ({ root, parent } = makeWorld());
    writeTree(root, { 'meetings/2020/2020-10-05-giao-viec.md': VALID_RECORD });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'records');
  });

  for (const c of GIT_CASES) {
    it(`meet ${JSON.stringify(c.args)} exits ${c.code} and runs nothing`, async () => {
      const marker = path.join(parent, 'PWNED-git-marker');
      const run = await meet(
        c.args.map((a) => a.replaceAll('{marker}', marker)),
        root,
      );
      expectClean(run, [c.code]);
      expect(existsSync(marker)).toBe(false);
      expect(pwnedFiles(parent)).toEqual([]);
      expect(git(root, 'status', '--porcelain')).toBe('');
    });
  }
});
