// The message catalogue (issue 14): both locales have the same keys, the
// Vietnamese text is NFC, and nothing a Vietnamese repository prints holds an
// English sentence, for every command on the examples and every record
// fixture under test/. A message added in English only fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/model/messages/en.js';
import { vi } from '../src/model/messages/vi.js';
import { enCommandLine } from '../src/model/messages/en.cli.js';
import { viCommandLine } from '../src/model/messages/vi.cli.js';
import { kindFromWords, statusFromWords } from '../src/model/termWords.js';
import { REPORT_WORDS } from '../src/render/reportWords.js';
import { HTML_WORDS } from '../src/render/html/words.js';
import { copyExamples, git, PROJECT_ROOT, runMeet, tempDir, writeTree, type RunResult } from './helpers.js';

/** Every key path of a catalogue, with what is there: a string, a function of n arguments, or an object. */
function shape(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'function') out.set(prefix, `function/${value.length}`);
  else if (typeof value === 'string') out.set(prefix, 'string');
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) for (const [k, v] of shape(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  } else out.set(prefix, typeof value);
  return out;
}

function sameShape(a: unknown, b: unknown): string[] {
  const left = shape(a);
  const right = shape(b);
  const problems: string[] = [];
  for (const [key, kind] of left) if (right.get(key) !== kind) problems.push(`${key}: ${kind} in one, ${right.get(key) ?? 'missing'} in the other`);
  for (const key of right.keys()) if (!left.has(key)) problems.push(`${key}: missing in the first`);
  return problems;
}

describe('the catalogues', () => {
  it('vi and en have exactly the same keys, each the same kind of message', () => {
    expect(sameShape(en, vi)).toEqual([]);
    expect(sameShape(REPORT_WORDS.en, REPORT_WORDS.vi)).toEqual([]);
    // The national heading is Vietnamese only, by design.
    const { nationalHeading: _heading, ...html } = HTML_WORDS.vi;
    expect(sameShape(HTML_WORDS.en, html)).toEqual([]);
  });

  it("the command line speaks in the catalogues' own words (main loads only those)", () => {
    expect(en.cli).toBe(enCommandLine.cli);
    expect(vi.cli).toBe(viCommandLine.cli);
    expect(sameShape(enCommandLine, viCommandLine)).toEqual([]);
  });

  it('finds a key missing from one side (the check itself works)', () => {
    expect(sameShape({ a: 'x', b: { c: () => '' } }, { a: 'y', b: {} })).toEqual(['b.c: function/0 in one, missing in the other']);
  });

  it('every kind and status label of either catalogue is read back as its word (model/termWords.ts)', () => {
    for (const m of [en, vi]) {
      for (const [id, label] of Object.entries(m.labels.kind)) expect(kindFromWords(label)).toBe(id);
      for (const [id, label] of Object.entries(m.labels.status)) expect(statusFromWords(label)).toBe(id);
    }
  });

  it('the Vietnamese text is NFC, with no combining marks left over', () => {
    for (const file of [
      'src/model/messages/vi.ts',
      'src/model/messages/vi.cli.ts',
      'src/render/reportWords.ts',
      'src/render/html/words.ts',
      'src/render/monthDiff.ts',
      'src/render/revisionDiff.ts',
    ]) {
      const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
      expect(text.normalize('NFC') === text, file).toBe(true);
    }
  });
});

// ---- An English sentence: three words or more in a row written in plain
// ASCII letters, at least two of them English function words. Quoted text,
// code, flags, placeholders, paths, ids and commands are taken out first:
// they are the clerk's own words or the format's.
const ENGLISH = new Set(
  (
    'the a an is are was were be been of to in on for with not no and or this that these those it its has have had must should can cannot ' +
    'will would from by as at into after before than then there here which what when where who how all any each every only also but if ' +
    'record records file files task tasks error errors warning warnings found run write add missing day days month months open done ' +
    'checked problems report meeting meetings owner owners due status title kind value key line nothing already written wrote listed ' +
    'under note update updates see use needs need given give more other others none same new read one two first later earlier'
  ).split(' '),
);

export function englishSentences(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    if (/^\s*\$ /.test(raw)) continue; // an example command
    const line = raw
      .replace(/\x1b\[[0-9;]*m/g, '')
      // The command line itself: "meet tasks update" is a command, not prose.
      .replace(/\bmeet(?: (?:init|new|check|report|tasks|update|log|diff|digest|schema|help))*\b/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/"[^"]*"|“[^”]*”|'[^'\s][^']*'|`[^`]*`/g, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/(?:^|\s)--?[\w-]+/g, ' ')
      .replace(/\S*[/\\._@:=][\S]*/g, ' ')
      .replace(/\S*\d\S*/g, ' ')
      .replace(/\b[\w]+-[\w-]+\b/g, ' ');
    const words = line.split(/[^\p{L}]+/u).filter(Boolean);
    let run: string[] = [];
    const flush = () => {
      if (run.length >= 3 && run.filter((w) => ENGLISH.has(w.toLowerCase())).length >= 2) found.push(raw.trim());
      run = [];
    };
    for (const word of words) {
      if (/^[A-Za-z]+$/.test(word) && word !== word.toUpperCase()) run.push(word);
      else flush();
    }
    flush();
  }
  return [...new Set(found)];
}

/** The human text of an output: JSON's messages, or the whole text. */
function readable(output: string): string {
  const trimmed = output.trim();
  // An HTML page's style sheet is code.
  if (trimmed.startsWith('<!DOCTYPE')) return output.replace(/<style>[\s\S]*?<\/style>/g, '');
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return output;
  const texts: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && (key === 'message' || key === 'text')) texts.push(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  try {
    walk(JSON.parse(trimmed));
  } catch {
    return output;
  }
  return texts.join('\n');
}

function expectVietnamese(label: string, run: RunResult): void {
  const english = englishSentences(`${readable(run.stdout)}\n${run.stderr}`);
  expect(english, label).toEqual([]);
}

describe('the detector', () => {
  it('finds English sentences and lets Vietnamese, ids, paths and quoted text pass', () => {
    expect(englishSentences('No record assigns a task "x".')).toEqual(['No record assigns a task "x".']);
    expect(englishSentences('✔ 5 records checked, no problems')).toEqual(['✔ 5 records checked, no problems']);
    expect(englishSentences('Không biên bản nào giao nhiệm vụ "No record assigns the task".')).toEqual([]);
    expect(englishSentences('  $ meet init minutes --locale en --organization "Springfield Town Council"')).toEqual([]);
    expect(englishSentences('Phòng Văn hóa và Thông tin · Công an huyện · meetings/2020/2020-10-26-x.md')).toEqual([]);
  });
});

const RUN_DAY = new Date('2020-12-31T03:00:00Z');

describe("English hints give an English repository's examples", () => {
  it('help, a missing --status (the id typed), a signer without a title, a notice number alone', async () => {
    const root = copyExamples();
    const run = (args: string[]) => runMeet([...args, '--locale', 'en'], { cwd: root });
    expect((await run(['--help'])).stdout).toContain('meet init --locale en --organization "Springfield Town Council"');
    // Every `meet new` example runs as written in English, where 04/11/2019 would be asked about (either day).
    const examples = [...(await run(['new', '--help'])).stdout.matchAll(/^\s+\$ meet (new --date .*)$/gm)]
      .map((m) => m[1]!)
      .filter((example) => !/--commit|--edit/.test(example));
    expect(examples.length).toBeGreaterThan(1);
    for (const example of examples) {
      const args = [...example.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
      const tried = await run([...args, '--dry-run']);
      expect([tried.code, tried.stderr], example).not.toEqual([2, expect.stringContaining('could be')]);
      expect(tried.code, `${example}: ${tried.stderr}`).toBe(0);
    }
    expect((await run(['tasks', 'update', '2020-10-tich-tu-ruong-dat'])).stderr).toContain(
      'Example: meet tasks update 2020-10-tich-tu-ruong-dat --status done',
    );
    const november = 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md';
    const signer = await run(['approve', november, '--by', 'Jane Doe', '--on', '2020-11-26', '--signer', 'Jane Doe']);
    expect(signer.stderr).toContain('--signer "Jane Doe" --signer-title "Clerk to the Council"');
    const notice = await run(['approve', november, '--by', 'Jane Doe', '--on', '2020-11-26', '--notice-number', '1']);
    expect(notice.stderr).toContain('Example: --notice-number 125/N --notice-date');
    for (const said of [signer.stderr, notice.stderr]) expect(said).not.toMatch(/CHÁNH|TB-UBND/);
  });
});

describe('a Vietnamese repository prints no English sentence', () => {
  it('every command on the examples: help, output, messages and errors', async () => {
    const root = copyExamples();
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'examples');
    const commands = [
      ['--help'],
      ['help'],
      ...['init', 'new', 'check', 'report', 'notice', 'approve', 'tasks', 'log', 'diff', 'digest', 'calendar', 'schema'].map((c) => [c, '--help']),
      ['tasks', 'update', '--help'],
      ['check'],
      ['check', '--format', 'json'],
      ['check', '--format', 'github'],
      ['check', '--format', 'sarif'],
      ['report', '--month', '2020-10', '--format', 'text'],
      ['report', '--month', '2020-11', '--format', 'md'],
      ['report', '--month', '2020-11', '--format', 'html'],
      ['report', '--month', '2021-03'],
      ['tasks'],
      ['tasks', '--format', 'md'],
      ['tasks', '--month', '2020-11', '--owner', 'noi-vu'],
      ['tasks', '--owner', 'noi-v'],
      ['tasks', '--status', 'xong', 'dnoe'],
      ['tasks', 'update', 'khong-co', '--status', 'done'],
      ['tasks', 'update', '2020-12-vu-xuan-2021'],
      ['log', '2020-10-giao-thong-thuy-loi'],
      ['log', '2020-10-giao-thong-thuy-loi', '--format', 'md'],
      ['diff', '2020-10', '2020-11', '--format', 'text'],
      ['diff', '2020-10', '2020-11', '--format', 'md'],
      ['diff', '2020-11', '2020-10'],
      ['diff', '--rev', 'HEAD..HEAD', '--format', 'text'],
      ['digest', '--month', '2020-10'],
      ['digest', '--month', '2021-03'],
      ['new', '--dry-run', '--chair', 'Hoàng Văn Hiệp', '--date', '30/12/2020'],
      ['new', '--edit', '--chair', 'Hoàng Văn Hiệp', '--date', '30/12/2020'],
      ['new', '--date', '31/09/2020'],
      ['new', '--kind', 'regulr'],
      ['report', '--month', '13/2020'],
      ['report', '--bogus'],
      ['tasks', 'update'],
      ['check', 'khong-co.md'],
      ['nonsense'],
      // Version 2 and the official documents (issues 13 and 15), the shipping options (issue 11).
      ['new', '--dry-run', '--chair', 'Hoàng Văn Hiệp', '--date', '04/11/2020', '--period', '2020-Q3'],
      ['new', '--period', '2020-13'],
      ['new', '--commit', '--include-config', '--chair', 'Hoàng Văn Hiệp', '--date', '30/12/2020'],
      ['notice', 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md', '--format', 'md'],
      ['notice', 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md', '--out', 'thong-bao.docx'],
      ['notice', 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md', '--out', 'thong-bao.txt'],
      ['notice', 'khong-co.md'],
      ['report', '--month', '2020-10', '--format', 'docx'],
      ['report', '--month', '2020-10', '--out', 'bao-cao.odt'],
      ['approve', 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md', '--by', 'Hoàng Văn Hiệp', '--on', '2020-11-26'],
      ['approve', 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md', '--by', 'Hoàng Văn Hiệp', '--notice-number', '1/TB-UBND'],
      ['calendar', '--owner', 'noi-v'],
      ['calendar', '--out', 'lich.txt'],
      ['digest', '--month', '2020-11', '--summary'],
      ['digest', '--month', '2020-11', '--commit'],
      ['init', '--ci', 'github', '--action', 'khong hop le'],
    ];
    for (const args of commands) {
      const run = await runMeet(args, { cwd: root, now: RUN_DAY, env: { EDITOR: undefined, VISUAL: undefined, LANG: 'en_US.UTF-8' } });
      expectVietnamese(args.join(' '), run);
    }
    // meet init: a new Vietnamese repository, and one that exists.
    const fresh = tempDir();
    expectVietnamese('init', await runMeet(['init', 'kho-moi'], { cwd: fresh, env: { LANG: 'vi_VN.UTF-8' } }));
    expectVietnamese('init again', await runMeet(['init'], { cwd: path.join(fresh, 'kho-moi') }));
  });

  it('meet check on every record fixture under test/', async () => {
    const root = copyExamples();
    const fixtures: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.md')) fixtures.push(full);
      }
    };
    walk(path.join(PROJECT_ROOT, 'test'));
    expect(fixtures.length).toBeGreaterThan(50);
    const files: Record<string, Buffer> = {};
    fixtures.forEach((file, i) => {
      const name = path
        .relative(path.join(PROJECT_ROOT, 'test'), file)
        .replace(/[^a-z0-9]+/gi, '-')
        .toLowerCase();
      files[`meetings/2020/2020-12-${String((i % 28) + 1).padStart(2, '0')}-${name}`] = readFileSync(file);
    });
    writeTree(root, files);
    for (const format of ['pretty', 'json']) {
      expectVietnamese(`check ${format}`, await runMeet(['check', '--no-cache', '--format', format], { cwd: root, now: RUN_DAY }));
    }
  });
});
