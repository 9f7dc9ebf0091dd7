// The hostile inputs of issue 6 and what `meet` must make of each. Read by
// test/hostile.test.ts. A fixture is a file in this folder (make-fixtures.mjs
// writes the ones that are bytes rather than text); `generate` builds inputs
// too large to commit. Line and column are 1-based, in the file.
//
// A case with `bug` documents a known product bug: the expectation is the
// CORRECT behaviour and the test is skipped until the bug is fixed.
import type { RuleId } from '../../src/model/ruleCatalogue.js';

type Bullet = 'nothing-runs' | 'bounded' | 'yaml-meaning' | 'files' | 'paths' | 'writes' | 'html' | 'git';

export interface ExpectedFinding {
  /** The rule, or the rules any of which is a right answer. */
  rule: RuleId | readonly RuleId[];
  /** The line, or an inclusive range of acceptable lines. */
  line: number | readonly [number, number];
  column?: number;
  /** The message must match (said in the clerk's words). */
  message?: RegExp;
  /** The message must not match (library jargon, a wrong diagnosis). */
  notMessage?: RegExp;
}

/** Where the case's file sits in the temp repository. */
type Layout =
  /** meetings/2020/2020-10-26-<id>.md, or `at` (from the repository root). */
  | { kind: 'record'; at?: string }
  /** A folder meetings/2020/2020-10-26-<id>.md/ holding the fixture as 2020-10-26-inner.md. */
  | { kind: 'folder-named-md' }
  /** meetings/2020/2020-10-26-<id>.md is a link to the fixture copied outside the root. */
  | { kind: 'link-to-outside-file' }
  /** meetings/2020/<name> is a link to a folder outside the root holding the fixture. */
  | { kind: 'link-to-outside-folder'; name: string }
  | { kind: 'link'; to: string }
  /** meetings/2020/2020-10-26-<id>.md and …-partner.md link to each other. */
  | { kind: 'link-loop' }
  /** A named pipe: reading it never ends. */
  | { kind: 'fifo' };

export interface FindingCase {
  id: string;
  bullet: Bullet;
  fixture?: string;
  generate?: () => string;
  layout?: Layout;
  /** Every finding on the case's file (errors and warnings), in any order. */
  expect: readonly ExpectedFinding[];
  /** Findings past `expect` are allowed when their rule is one of these (a long run of duplicates). */
  more?: readonly RuleId[];
  /** Findings expected on other files of the case (repository-relative). */
  also?: Readonly<Record<string, readonly ExpectedFinding[]>>;
  /**
   * Run alone, by the built CLI, killed after this many ms: a hang must not
   * stall the other cases. Generous (about 20 times an idle run), so that
   * only a hang or a blow-up fails it, never a loaded machine.
   */
  solo?: number;
  bug?: string;
}

const HEAD = '---\ntitle: Hội nghị thử\ndate: 2020-10-26\nchair: Hoàng Văn Hiệp\n';
const at = (line: number, column?: number) => ({ line, ...(column === undefined ? {} : { column }) });
const language = (fixture: string, id = fixture.replace(/^.*\//, '').replace(/\.md$/, '')): FindingCase => ({
  id: `language-${id}`,
  bullet: 'nothing-runs',
  fixture,
  expect: [{ rule: 'front-matter-language', ...at(1, 1) }],
});
const accepted = (bullet: Bullet, fixture: string, id: string): FindingCase => ({ id, bullet, fixture, expect: [] });
const one = (bullet: Bullet, id: string, fixture: string, rule: ExpectedFinding['rule'], line: ExpectedFinding['line'], column?: number, extra: Partial<ExpectedFinding> = {}): FindingCase => ({
  id,
  bullet,
  fixture,
  expect: [{ rule, line, ...(column === undefined ? {} : { column }), ...extra }],
});

export const FINDING_CASES: readonly FindingCase[] = [
  // --- Nothing runs: front matter in any language but YAML is refused --------
  language('front-matter/js-lower.md'),
  language('front-matter/js-upper.md'),
  language('front-matter/javascript-spaced.md'),
  language('front-matter/javascript-trailing-space.md'),
  language('front-matter/javascript-camel-case.md'),
  language('front-matter/js-after-tab.md'),
  language('front-matter/coffee.md'),
  language('front-matter/json.md'),
  language('front-matter/toml.md'),
  language('encoding/bom-js.md'),
  language('encoding/crlf-js.md'),
  accepted('nothing-runs', 'front-matter/yaml-lower.md', 'language-yaml-lower-accepted'),
  accepted('nothing-runs', 'front-matter/yaml-upper.md', 'language-yaml-upper-accepted'),
  accepted('nothing-runs', 'front-matter/yml.md', 'language-yml-accepted'),
  accepted('nothing-runs', 'front-matter/yaml-spaced.md', 'language-yaml-spaced-accepted'),
  accepted('nothing-runs', 'front-matter/yaml-mixed-case-trailing-spaces.md', 'language-yaml-mixed-case-accepted'),
  {
    id: 'language-name-huge',
    bullet: 'nothing-runs',
    generate: () => `---${'x'.repeat(100_000)}\n---\n`,
    expect: [{ rule: ['front-matter-language', 'front-matter-missing'], ...at(1, 1) }],
  },
  // YAML tags beyond the core schema's, wherever they sit.
  one('nothing-runs', 'tag-js-function', 'tags/js-function.md', 'yaml-tag', 2, 8),
  one('nothing-runs', 'tag-js-regexp', 'tags/js-regexp.md', 'yaml-tag', 2, 8),
  one('nothing-runs', 'tag-js-undefined-verbatim', 'tags/js-undefined-verbatim.md', 'yaml-tag', 2, 8),
  one('nothing-runs', 'tag-python-object-apply', 'tags/python-object-apply.md', 'yaml-tag', 4, 8),
  one('nothing-runs', 'tag-binary', 'tags/binary.md', 'yaml-tag', 2, 8),
  one('nothing-runs', 'tag-local', 'tags/local-tag.md', 'yaml-tag', 2, 8),
  one('nothing-runs', 'tag-on-key', 'tags/tag-on-key.md', 'yaml-tag', 2, 1),
  one('nothing-runs', 'tag-set', 'tags/set.md', 'yaml-tag', 5, 7),
  one('nothing-runs', 'tag-timestamp', 'tags/timestamp.md', 'yaml-tag', 3, 7),
  one('nothing-runs', 'tag-in-task', 'tags/tag-in-task.md', 'yaml-tag', 6, 5),
  one('nothing-runs', 'tag-in-flow-list', 'tags/tag-in-flow-list.md', 'yaml-tag', 5, 24),
  one('nothing-runs', 'tag-verbatim-local', 'tags/verbatim-local.md', 'yaml-tag', 5, 11),
  one('nothing-runs', 'tag-named-handle-undeclared', 'tags/named-handle.md', ['yaml-tag', 'yaml-syntax'], 5, 11),
  one('nothing-runs', 'tag-on-block-mapping', 'tags/tag-on-block-mapping.md', 'yaml-tag', 4, 8),
  accepted('nothing-runs', 'tags/core-str-tag.md', 'tag-core-str-accepted'),

  // --- Bounded parsing -------------------------------------------------------
  one('bounded', 'billion-laughs', 'bounded/billion-laughs.md', 'yaml-alias', [6, 14]),
  one('bounded', 'billion-laughs-block', 'bounded/billion-laughs-block.md', 'yaml-alias', [6, 40]),
  {
    id: 'thousand-aliases',
    bullet: 'bounded',
    generate: () => `${HEAD}extra:\n  base: &a x\n  list:\n${'    - *a\n'.repeat(1000)}---\n`,
    // The 101st alias, on its own line.
    expect: [{ rule: 'yaml-alias', ...at(108, 7) }],
  },
  one('bounded', 'alias-unknown', 'bounded/alias-unknown.md', 'yaml-alias', 2, 8),
  one('bounded', 'alias-before-anchor', 'bounded/alias-before-anchor.md', 'yaml-alias', 2, 8),
  one('bounded', 'alias-self-recursive', 'bounded/alias-self-recursive.md', ['yaml-alias', 'yaml-syntax'], 6),
  // The failsafe schema has no merge keys: "<<" is a key like any other, and unknown.
  one('bounded', 'merge-key', 'bounded/merge-key.md', 'unknown-key', 8, 1),
  one('bounded', 'merge-key-list', 'bounded/merge-key-list.md', 'unknown-key', 8, 1),
  {
    id: 'merge-key-in-task',
    bullet: 'bounded',
    fixture: 'bounded/merge-key-in-task.md',
    // Nothing is merged: the owner stays missing.
    expect: [
      { rule: 'required-key', ...at(8, 5) },
      { rule: 'unknown-key', ...at(10, 5) },
    ],
  },
  one('bounded', 'merge-tag', 'bounded/merge-tag.md', 'yaml-tag', 7, 1),
  {
    id: 'deep-flow-brackets',
    bullet: 'bounded',
    generate: () => `${HEAD}extra:\n  x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n`,
    expect: [{ rule: 'yaml-syntax', ...at(6, 70) }],
  },
  {
    id: 'deep-flow-braces',
    bullet: 'bounded',
    generate: () => `${HEAD}extra:\n  x: ${'{a: '.repeat(10_000)}b${'}'.repeat(10_000)}\n---\n`,
    expect: [{ rule: 'yaml-syntax', ...at(6, 262) }],
  },
  {
    id: 'deep-flow-unclosed',
    bullet: 'bounded',
    generate: () => `${HEAD}extra:\n  x: ${'['.repeat(10_000)}\n---\n`,
    expect: [{ rule: 'yaml-syntax', ...at(6, 70) }],
  },
  {
    id: 'deep-block-sequence',
    bullet: 'bounded',
    generate: () => `${HEAD}extra:\n  x:\n    ${'- '.repeat(5000)}x\n---\n`,
    expect: [{ rule: 'yaml-syntax', line: 7 }],
  },
  {
    id: 'deep-block-mapping',
    bullet: 'bounded',
    generate: () => `${HEAD}extra:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} x\n---\n`,
    expect: [{ rule: 'yaml-syntax', line: [6, 2005] }],
  },
  {
    id: 'deep-explicit-keys',
    bullet: 'bounded',
    generate: () => `${HEAD}extra:\n  ${'? '.repeat(5000)}x\n---\n`,
    expect: [{ rule: 'yaml-syntax', line: 6 }],
  },
  {
    id: 'front-matter-3mb',
    bullet: 'bounded',
    generate: () =>
      `${HEAD}decisions:\n${Array.from({ length: 30_000 }, (_, i) => `  - Quyết định số ${i + 1} thông qua kế hoạch ${'năm 2021 '.repeat(8)}`).join('\n')}\n---\nNội dung.\n`,
    expect: [],
  },
  {
    id: 'file-5mb',
    bullet: 'bounded',
    generate: () => `${HEAD}---\n${`${'Nội dung dài. '.repeat(100)}\n`.repeat(3200)}`,
    expect: [{ rule: ['file-encoding', 'file-unreadable'], ...at(1, 1), message: /MiB|KiB|large|size/i }],
  },
  {
    id: 'line-of-a-million-characters-in-title',
    bullet: 'bounded',
    generate: () => `---\ntitle: ${'a'.repeat(1_000_000)}\ndate: 2020-10-26\nchair: X\n---\n`,
    expect: [],
  },
  {
    id: 'line-of-a-million-characters-in-body',
    bullet: 'bounded',
    generate: () => `${HEAD}---\n${'Nội dung '.repeat(111_112)}\n`,
    expect: [],
  },
  {
    id: 'line-of-a-million-characters-unclosed-quote',
    bullet: 'bounded',
    generate: () => `---\ntitle: "${'a'.repeat(1_000_000)}\ndate: 2020-10-26\nchair: X\n---\n`,
    expect: [{ rule: 'yaml-syntax', ...at(2, 8) }],
  },
  {
    id: 'plain-key-of-a-million-characters',
    bullet: 'bounded',
    generate: () => `${HEAD}${'k'.repeat(1_000_000)}: x\n---\n`,
    expect: [{ rule: ['yaml-syntax', 'unknown-key'], ...at(5, 1) }],
  },
  {
    id: 'quoted-key-of-100000-characters',
    bullet: 'bounded',
    generate: () => `${HEAD}"${'k'.repeat(100_000)}": x\n---\n`,
    // YAML 1.2 limits an implicit key to 1024 characters: a syntax finding is as good.
    expect: [{ rule: ['yaml-syntax', 'unknown-key'], ...at(5, 1) }],
  },
  {
    id: 'values-past-the-node-limit',
    bullet: 'bounded',
    generate: () => `${HEAD}tags: [${'a,'.repeat(200_100)}a]\n---\n`,
    expect: [{ rule: ['yaml-alias', 'yaml-syntax'], line: 5 }],
  },
  {
    id: 'a-hundred-thousand-syntax-errors',
    bullet: 'bounded',
    generate: () => `${HEAD}${':- [\n'.repeat(100_000)}---\n`,
    expect: [{ rule: 'yaml-syntax', line: [5, 100_005] }],
  },
  {
    id: 'a-hundred-thousand-keys',
    bullet: 'bounded',
    generate: () => `${HEAD}extra:\n${Array.from({ length: 100_000 }, (_, i) => `  k${i}: v`).join('\n')}\n---\n`,
    solo: 60_000,
    expect: [],
  },
  {
    id: 'fifty-thousand-duplicate-keys',
    bullet: 'bounded',
    generate: () => `${HEAD}extra:\n${'  k: v\n'.repeat(50_000)}---\n`,
    solo: 60_000,
    expect: [{ rule: 'yaml-duplicate-key', ...at(7, 3) }],
    // At most 200 findings a file, then one saying how many more.
    more: ['yaml-duplicate-key', 'too-many-findings'],
  },

  // --- The YAML means what it says ------------------------------------------
  one('yaml-meaning', 'duplicate-title', 'yaml/duplicate-title.md', 'yaml-duplicate-key', 5, 1),
  one('yaml-meaning', 'duplicate-title-double-quoted', 'yaml/duplicate-title-double-quoted.md', 'yaml-duplicate-key', 5, 1),
  one('yaml-meaning', 'duplicate-title-single-quoted', 'yaml/duplicate-title-single-quoted.md', 'yaml-duplicate-key', 5, 1),
  one('yaml-meaning', 'duplicate-title-escaped', 'yaml/duplicate-title-escaped.md', 'yaml-duplicate-key', 5, 1),
  one('yaml-meaning', 'duplicate-title-explicit-key', 'yaml/duplicate-title-explicit-key.md', 'yaml-duplicate-key', 5, 3),
  one('yaml-meaning', 'duplicate-in-flow-mapping', 'yaml/duplicate-in-flow-mapping.md', 'yaml-duplicate-key', 4, 47),
  one('yaml-meaning', 'duplicate-in-task', 'yaml/duplicate-in-task.md', 'yaml-duplicate-key', 9, 5),
  {
    id: 'duplicate-two-pairs',
    bullet: 'yaml-meaning',
    fixture: 'yaml/duplicate-two-pairs.md',
    expect: [
      { rule: 'yaml-duplicate-key', ...at(5, 1) },
      { rule: 'yaml-duplicate-key', ...at(6, 1) },
    ],
  },
  one('yaml-meaning', 'tab-indent', 'yaml/tab-indent.md', 'yaml-syntax', 5, 1, { message: /tab/i }),
  one('yaml-meaning', 'tab-indent-in-list', 'yaml/tab-indent-in-list.md', 'yaml-syntax', 8, 1, { message: /tab/i }),
  accepted('yaml-meaning', 'yaml/tab-inside-values.md', 'tabs-inside-values-accepted'),
  // A key with control characters or a line break is refused as such, never echoed.
  one('yaml-meaning', 'control-characters-in-key', 'yaml/control-characters-in-key.md', 'invalid-value', 5, 1, { notMessage: /ghi|chu|pwned/ }),
  one('yaml-meaning', 'not-mapping-list', 'yaml/not-mapping-list.md', 'front-matter-not-mapping', 2, 1),
  one('yaml-meaning', 'not-mapping-scalar', 'yaml/not-mapping-scalar.md', 'front-matter-not-mapping', 2, 1),
  one('yaml-meaning', 'not-mapping-flow-list', 'yaml/not-mapping-flow-list.md', 'front-matter-not-mapping', 2, 1),
  one('yaml-meaning', 'not-mapping-quoted', 'yaml/not-mapping-quoted.md', 'front-matter-not-mapping', 2, 1),
  one('yaml-meaning', 'not-mapping-block-scalar', 'yaml/not-mapping-block-scalar.md', 'front-matter-not-mapping', 2, 1),
  {
    id: 'empty-front-matter',
    bullet: 'yaml-meaning',
    fixture: 'yaml/empty-front-matter.md',
    expect: [
      { rule: 'required-key', line: [1, 2], message: /title/ },
      { rule: 'required-key', line: [1, 2], message: /date/ },
      { rule: 'required-key', line: [1, 2], message: /chair/ },
    ],
  },
  {
    id: 'comments-only-front-matter',
    bullet: 'yaml-meaning',
    fixture: 'yaml/comments-only.md',
    expect: [
      { rule: 'required-key', line: [1, 3] },
      { rule: 'required-key', line: [1, 3] },
      { rule: 'required-key', line: [1, 3] },
    ],
  },
  one('yaml-meaning', 'forbidden-proto', 'yaml/forbidden-proto.md', 'forbidden-key', 5, 1),
  one('yaml-meaning', 'forbidden-proto-quoted', 'yaml/forbidden-proto-quoted.md', 'forbidden-key', 6, 3),
  one('yaml-meaning', 'forbidden-constructor', 'yaml/forbidden-constructor.md', 'forbidden-key', 6, 3),
  one('yaml-meaning', 'key-is-a-list', 'yaml/key-is-a-list.md', 'invalid-type', 5, 1),
  // Metric values are decimal numbers only: no hex, no infinity, no "1_000".
  one('yaml-meaning', 'metric-hex', 'yaml/metric-hex.md', 'invalid-type', 9, 25),
  one('yaml-meaning', 'metric-infinity', 'yaml/metric-infinity.md', 'invalid-type', 9, 25),
  one('yaml-meaning', 'metric-underscore', 'yaml/metric-underscore.md', 'invalid-type', 8, 27),
  {
    id: 'metric-overflowing-to-infinity',
    bullet: 'yaml-meaning',
    generate: () => `${HEAD}results:\n  - sector: kinh-te\n    summary: Kết quả\n    metrics:\n      xa-dat-chuan-ntm: 1${'0'.repeat(400)}\n---\n`,
    expect: [{ rule: 'metric-out-of-range', ...at(9, 25) }],
  },
  // 190:20:30 would be 685230 in YAML 1.1; here it is text, and not a time.
  one('yaml-meaning', 'time-sexagesimal', 'yaml/time-sexagesimal-invalid.md', 'invalid-value', 5, 7),
  one('yaml-meaning', 'date-not-a-day', 'yaml/date-not-a-day.md', 'invalid-date', 3, 7),
  {
    ...one('yaml-meaning', 'yaml-directive', 'yaml/yaml-directive.md', 'yaml-syntax', 2, 1, { notMessage: /quote|bracket/i }),
  },
  {
    ...one('yaml-meaning', 'tag-directive', 'yaml/tag-directive.md', 'yaml-syntax', 2, 1, { notMessage: /quote|bracket/i }),
  },

  // --- Any file the loader meets gets an answer ------------------------------
  one('files', 'empty-file', 'files/empty.md', 'front-matter-missing', 1, 1),
  one('files', 'blank-lines-only', 'files/blank-lines.md', 'front-matter-missing', 1, 1),
  one('files', 'bom-only', 'encoding/bom-only.md', 'front-matter-missing', 1, 1),
  one('files', 'only-opening-fence', 'files/only-fence.md', 'front-matter-unclosed', 1, 1),
  one('files', 'only-opening-fence-no-newline', 'files/only-fence-no-newline.md', 'front-matter-unclosed', 1, 1),
  {
    id: 'two-fences-no-newline',
    bullet: 'files',
    fixture: 'files/two-fences-no-newline.md',
    expect: [
      { rule: 'required-key', line: [1, 2] },
      { rule: 'required-key', line: [1, 2] },
      { rule: 'required-key', line: [1, 2] },
    ],
  },
  one('files', 'no-front-matter', 'files/no-front-matter.md', 'front-matter-missing', 1, 1),
  one('files', 'blank-line-before-fence', 'files/blank-line-before-fence.md', 'front-matter-missing', 1, 1),
  one('files', 'ruler-fences', 'files/ruler-fences.md', 'front-matter-missing', 1, 1),
  one('files', 'unclosed', 'files/unclosed.md', 'front-matter-unclosed', 1, 1),
  // Spaces or a tab after the closing "---" are invisible in an editor: it closes, as the opening one does.
  accepted('files', 'files/close-trailing-space.md', 'close-with-trailing-space-accepted'),
  accepted('files', 'encoding/crlf-close-trailing-space.md', 'close-with-trailing-space-crlf-accepted'),
  accepted('files', 'files/close-trailing-tab.md', 'close-with-trailing-tab-accepted'),
  one('files', 'close-with-leading-space', 'files/close-leading-space.md', 'front-matter-unclosed', 1, 1),
  one('files', 'close-with-four-dashes', 'files/close-four-dashes.md', 'front-matter-unclosed', 1, 1),
  one('files', 'close-with-dots', 'files/close-dots.md', 'front-matter-unclosed', 1, 1),
  {
    ...one('files', 'dots-then-ruler', 'files/dots-then-ruler.md', 'yaml-syntax', [5, 6], undefined, { notMessage: /parseAllDocuments|YAML\./ }),
  },
  accepted('files', 'files/ruler-in-body.md', 'ruler-in-body-accepted'),
  accepted('files', 'files/no-body-no-newline.md', 'no-body-no-newline-accepted'),
  accepted('files', 'files/mixed-line-ends.md', 'mixed-line-ends-accepted'),
  {
    ...one('files', 'cr-only-line-ends', 'files/cr-only-line-ends.md', 'front-matter-missing', 1, 1),
  },
  one('files', 'binary-png', 'encoding/png-header.md', 'file-encoding', 3, 1),
  one('files', 'nul-in-title', 'encoding/nul-in-title.md', 'file-encoding', 2, 11),
  {
    ...one('files', 'utf16le-bom', 'encoding/utf16le-bom.md', 'file-encoding', 1, 1, { message: /UTF-16/ }),
  },
  {
    ...one('files', 'utf16be-bom', 'encoding/utf16be-bom.md', 'file-encoding', 1, 1, { message: /UTF-16/ }),
  },
  one('files', 'utf16le-no-bom', 'encoding/utf16le-no-bom.md', 'file-encoding', 1),
  one('files', 'windows-1258', 'encoding/windows-1258.md', 'file-encoding', 2, 9, { message: /UTF-8/ }),
  one('files', 'windows-1258-pasted-on-line-5', 'encoding/windows-1258-pasted-on-line-5.md', 'file-encoding', 5, 22),
  one('files', 'tcvn3', 'encoding/tcvn3.md', 'file-encoding', 2, 9, { message: /TCVN3/ }),
  one('files', 'latin1', 'encoding/latin1.md', 'file-encoding', 5, 14),
  one('files', 'utf8-truncated-at-end', 'encoding/utf8-truncated-at-end.md', 'file-encoding', 6, 11),
  {
    ...one('files', 'utf8-encoded-surrogate', 'encoding/utf8-encoded-surrogate.md', 'file-encoding', 3, 9),
  },
  {
    ...one('files', 'utf8-overlong', 'encoding/utf8-overlong.md', 'file-encoding', 4, 21),
  },
  {
    ...one('files', 'utf8-above-max', 'encoding/utf8-above-max.md', 'file-encoding', 6, 10),
  },
  accepted('files', 'encoding/bom-crlf-valid.md', 'bom-crlf-accepted'),
  one('files', 'crlf-error-on-line-4', 'encoding/crlf-error-on-line-4.md', 'unknown-key', 4, 1),
  one('files', 'bom-crlf-error-column', 'encoding/bom-crlf-error-column.md', 'invalid-value', 5, 7),
  {
    id: 'folder-named-like-a-record',
    bullet: 'files',
    fixture: 'files/record-in-folder.md',
    layout: { kind: 'folder-named-md' },
    // The folder is walked, its record checked (and filed in the wrong folder).
    expect: [
      { rule: 'file-folder', ...at(3, 7) },
      { rule: 'unknown-key', ...at(5, 1) },
    ],
  },
  { id: 'hidden-file', bullet: 'files', fixture: 'files/hidden-garbage.md', layout: { kind: 'record', at: 'meetings/2020/.2020-10-26-hidden.md' }, expect: [] },
  { id: 'readme-in-meetings', bullet: 'files', fixture: 'files/readme-garbage.md', layout: { kind: 'record', at: 'meetings/README.md' }, expect: [] },
  { id: 'readme-in-year', bullet: 'files', fixture: 'files/readme-garbage.md', layout: { kind: 'record', at: 'meetings/2020/README.md' }, expect: [] },
  { id: 'readme-lower-case', bullet: 'files', fixture: 'files/readme-garbage.md', layout: { kind: 'record', at: 'meetings/2019/readme.md' }, expect: [] },
  {
    id: 'named-pipe',
    bullet: 'files',
    layout: { kind: 'fifo' },
    solo: 30_000,
    expect: [{ rule: 'file-unreadable', ...at(1, 1) }],
  },

  // --- Nothing outside the repository is read --------------------------------
  { id: 'link-to-record-outside', bullet: 'paths', fixture: 'paths/outside-record.md', layout: { kind: 'link-to-outside-file' }, expect: [{ rule: 'file-outside-root', ...at(1, 1) }] },
  {
    id: 'link-to-folder-outside',
    bullet: 'paths',
    fixture: 'paths/outside-record.md',
    layout: { kind: 'link-to-outside-folder', name: 'link-to-folder-outside' },
    expect: [{ rule: 'file-outside-root', ...at(1, 1) }],
  },
  {
    id: 'link-to-folder-outside-named-md',
    bullet: 'paths',
    fixture: 'paths/outside-record.md',
    layout: { kind: 'link-to-outside-folder', name: '2020-10-26-link-to-folder-outside-named-md.md' },
    expect: [{ rule: 'file-outside-root', ...at(1, 1) }],
  },
  { id: 'link-to-dev-zero', bullet: 'paths', layout: { kind: 'link', to: '/dev/zero' }, expect: [{ rule: 'file-outside-root', ...at(1, 1) }] },
  { id: 'link-dangling', bullet: 'paths', layout: { kind: 'link', to: 'nowhere.md' }, expect: [{ rule: 'file-unreadable', ...at(1, 1) }] },
  {
    id: 'link-loop',
    bullet: 'paths',
    layout: { kind: 'link-loop' },
    expect: [{ rule: 'file-unreadable', ...at(1, 1) }],
    also: { 'meetings/2020/2020-10-26-link-loop-partner.md': [{ rule: 'file-unreadable', ...at(1, 1) }] },
  },
  // A link back up the tree: walked once, no hang, nothing read twice.
  // Links in the meetings folder are never followed (docs/format.md).
  { id: 'link-cycle-to-parent', bullet: 'paths', layout: { kind: 'link', to: '..' }, expect: [{ rule: 'file-link', ...at(1, 1) }] },
];

/** Valid records whose bodies and values are hostile HTML and Markdown; `shows` must appear in the HTML report, escaped. */
export interface HtmlCase {
  fixture: string;
  /** Generated Markdown appended to the body. */
  append?: () => string;
  shows: readonly string[];
}

export const HTML_CASES: readonly HtmlCase[] = [
  { fixture: 'html/script-and-handlers.md', shows: ['&lt;script&gt;alert(&#39;PWNED-script&#39;)&lt;/script&gt;'] },
  { fixture: 'html/javascript-links.md', shows: ['<a href="https://example.org/bien-ban?id=1" rel="noopener noreferrer">hợp lệ</a>'] },
  { fixture: 'html/javascript-links-attributes.md', shows: ['<a href="mailto:van-phong@example.org"'] },
  { fixture: 'html/embedded-elements.md', shows: ['&lt;iframe src=&quot;https://evil.example&quot;&gt;', '&lt;meta http-equiv=&quot;refresh&quot;'] },
  {
    fixture: 'html/front-matter-values.md',
    shows: [
      '&quot;&gt;&lt;script&gt;alert(&#39;PWNED-title&#39;)&lt;/script&gt;',
      '&lt;b&gt;Chủ tịch&lt;/b&gt;',
      '&lt;iframe src=javascript:alert(1)&gt;',
      '${process.exit(3)}',
      "{{constructor.constructor(&#39;return process&#39;)().exit(4)}}",
      '&lt;img src=x onerror=alert(&#39;PWNED-task&#39;)&gt; Việc',
    ],
  },
  { fixture: 'html/template-injection.md', shows: ['${process.exit(6)}', '{{chair}} ${require(&#39;child_process&#39;)'] },
  {
    fixture: 'html/pathological-markdown.md',
    // Inputs that make naive Markdown renderers quadratic or recursive.
    append: () =>
      [
        '*'.repeat(50_000),
        '_a'.repeat(30_000),
        '**a'.repeat(20_000),
        '['.repeat(50_000),
        '!['.repeat(20_000),
        '<'.repeat(50_000),
        '`'.repeat(20_000),
        '> '.repeat(20_000) + 'trích dẫn',
        Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i % 200)}- mục`).join('\n'),
        'a@'.repeat(20_000),
        'www.'.repeat(20_000),
        '|'.repeat(20_000),
        `[a](${'('.repeat(20_000)}`,
        '&#'.repeat(20_000),
      ].join('\n\n'),
    shows: ['Hội nghị có Markdown bệnh lý'],
  },
];

/** Values YAML 1.1 (or a careless parser) would turn into numbers, dates or booleans, and what the report must say. */
export const TEXT_CASES = {
  fixtures: ['text/values-stay-text.md', 'text/core-str-tag.md', 'text/quoted-keys-and-escapes.md'],
  meetings: [
    { date: '2020-10-12', title: '0x1F', time: '10:30', location: '0755', chair: '2020-10-26', organization: 'yes' },
    { date: '2020-10-13', title: '0755', chair: '1_000' },
    { date: '2020-10-14', title: 'Hội nghị thử', chair: '10:30' },
  ],
  decisions: ['0755', '10:30', '2020-10-26', '0x1F', 'yes', '1e3', '12:30:45', '.NaN'],
  summaries: ['0o17'],
  task: { id: '0755', title: '10:30', due: '2020-10-30' },
  /** "012" is the decimal 12 (not octal 10). */
  metric: { id: 'xa-dat-chuan-ntm', value: 12 },
} as const;

/** `meet tasks update` on a record where the edit would change more than its lines: refused, the file unchanged. */
export interface WriteCase {
  id: string;
  fixture: string;
  args: readonly string[];
}

export const WRITE_CASES: readonly WriteCase[] = [
  { id: 'updates-list-anchored-and-aliased-elsewhere (add)', fixture: 'writes/updates-anchor-shared.md', args: ['t-hai', '--status', 'done'] },
  { id: 'updates-list-anchored-and-aliased-elsewhere (replace)', fixture: 'writes/updates-anchor-shared.md', args: ['t-mot', '--status', 'done'] },
  { id: 'updates-is-an-alias', fixture: 'writes/updates-alias-to-anchor.md', args: ['t-hai', '--status', 'done'] },
  { id: 'update-entry-anchored', fixture: 'writes/update-entry-anchor.md', args: ['t-mot', '--status', 'done', '--note', 'Đã xong'] },
  { id: 'status-value-anchored', fixture: 'writes/status-anchor.md', args: ['t-mot', '--status', 'done'] },
];

/** Revisions and ids that try to be options or shell: refused before git sees them; `{marker}` must never appear. */
export interface GitCase {
  args: readonly string[];
  /** 2: refused as a usage error; 1: read as data (a task id no record assigns). */
  code: 1 | 2;
}

export const GIT_CASES: readonly GitCase[] = [
  { args: ['check', '--since', '--upload-pack=touch {marker}'], code: 2 },
  { args: ['check', '--since=--output={marker}'], code: 2 },
  { args: ['check', '--since', 'HEAD;touch {marker}'], code: 2 },
  { args: ['check', '--since', '$(touch {marker})'], code: 2 },
  { args: ['check', '--since', '`touch {marker}`'], code: 2 },
  { args: ['check', '--since', 'HEAD --output={marker}'], code: 2 },
  { args: ['check', '--since', 'HEAD\n--output={marker}'], code: 2 },
  { args: ['check', '--since', '-p'], code: 2 },
  { args: ['check', '--since', 'HEAD..--output={marker}'], code: 2 },
  { args: ['check', '--', '--output={marker}'], code: 2 },
  { args: ['diff', '--rev', '--output={marker}..HEAD'], code: 2 },
  { args: ['diff', '--rev', 'HEAD..--output={marker}'], code: 2 },
  { args: ['diff', '--rev', 'HEAD...--upload-pack=touch {marker}'], code: 2 },
  { args: ['diff', '--rev', 'HEAD..HEAD;touch {marker}'], code: 2 },
  { args: ['diff', '--rev', '-p..HEAD'], code: 2 },
  { args: ['diff', '--rev=--output={marker}'], code: 2 },
  { args: ['log', '--', '--output={marker}'], code: 1 },
  { args: ['log', '--', '-L1,1:{marker}'], code: 1 },
];
