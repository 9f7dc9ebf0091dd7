// Front matter YAML → plain values, keeping the document so any value or key
// can be located later. YAML's failsafe schema keeps every scalar as the text
// the clerk typed (`10:30`, `0755`, `2020-10-26` stay text); an empty value,
// `~` or `null` written plainly is null.
import type { LocateTarget, PropertyPath } from '../model/record.js';
import { parseDocument, Parser, isAlias, isMap, isPair, isScalar, isSeq, Scalar, type CST, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { clip } from '../model/text.js';
import { messages, type Messages } from '../model/messages/index.js';
import { digitsAsKey } from './schemaFindings.js';
import { diagnoseSyntax, signAdvice } from './yamlMistakes.js';
import { MAX_FINDINGS_PER_FILE } from '../model/ruleCatalogue.js';

interface YamlProblem {
  rule: 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-tag' | 'yaml-alias' | 'forbidden-key' | 'invalid-type' | 'invalid-value';
  message: string;
  /** Offset in the YAML text. */
  offset: number;
  severity: 'error' | 'warning';
}

export interface ParsedYaml {
  doc: Document.Parsed;
  value: unknown;
  problems: YamlProblem[];
}

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));
const NULL_TEXT = new Set(['', '~', 'null', 'Null', 'NULL']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_NESTING = 64;
const MAX_DEPTH = MAX_NESTING;
// Control characters (tab and line feed aside) would reach terminals and CI
// logs as escape sequences; no clerk types them.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** A surrogate not in a pair (the `u` flag reads a pair as one character). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** The code (`D800`) of the first half of a character in `text`, or undefined. */
function halfCharacter(text: string): string | undefined {
  return LONE_SURROGATE.exec(text)?.[0].charCodeAt(0).toString(16).toUpperCase();
}

function controlCode(text: string): string {
  const match = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.exec(text);
  return (match ? match[0].charCodeAt(0) : 0).toString(16).toUpperCase().padStart(4, '0');
}
const MAX_ALIASES = 100;
const MAX_NODES = 200_000;

// yaml's own messages, reworded as advice for the common mistakes.
const SYNTAX_ADVICE: Record<string, (m: Messages) => string> = {
  TAB_AS_INDENT: (m) => m.yaml.tabIndent,
  BAD_INDENT: (m) => m.yaml.badIndent,
  MULTILINE_IMPLICIT_KEY: (m) => m.yaml.multilineKey,
  MISSING_CHAR: (m) => m.yaml.missingChar,
  BLOCK_AS_IMPLICIT_KEY: (m) => m.yaml.blockAsKey,
};

export function parseYaml(text: string, m: Messages = messages('en')): ParsedYaml {
  const problems: YamlProblem[] = [];
  // yaml survives absurd flow nesting by catching its own stack overflow,
  // then reports hundreds of follow-on errors: refuse such input up front.
  const tooDeep = deepFlowNesting(text);
  const doc = parseDocument(tooDeep === undefined ? text : '', {
    schema: 'failsafe',
    version: '1.2',
    // Duplicate keys are found by the converter with a Set: yaml's own check
    // compares every pair of keys, quadratic in a hostile mapping.
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
  });
  if (tooDeep !== undefined) {
    problems.push({ rule: 'yaml-syntax', message: m.yaml.nestedTooDeep(MAX_DEPTH), offset: tooDeep, severity: 'error' });
    return { doc, value: undefined, problems };
  }
  // After a syntax error the parser's later complaints are mostly echoes of
  // it (a tab, then "bad indentation"…): report the first one only.
  if (doc.errors.length > 0) {
    const error = doc.errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
    // A common mistake near the error (an unquoted ": ", a stray indent…) is named with its fix.
    const mistake = /call stack|multiple documents/i.test(error.message) ? undefined : diagnoseSyntax(text, error.pos[0], m);
    problems.push({
      rule: 'yaml-syntax',
      message: mistake?.message ?? (/call stack/i.test(error.message) ? m.yaml.nestedTooDeep(MAX_DEPTH) : syntaxMessage(error.code, error.message, m)),
      offset:
        mistake?.offset ??
        (/directive/i.test(error.message)
          ? directiveLine(text, error.pos[0])
          : error.code === 'MISSING_CHAR'
            ? openingQuote(text, error.pos[0], error.message)
            : error.pos[0]),
      severity: 'error',
    });
  }
  for (const warning of doc.warnings) {
    // Unresolved tags are reported by the converter, which knows the node.
    if (warning.code === 'TAG_RESOLVE_FAILED') continue;
    // In the clerk's language, never the library's English.
    const message = warning.code === 'BAD_ALIAS' ? m.yaml.ambiguousAnchor : warning.code === 'BAD_INDENT' ? m.yaml.flowEndIndent : m.yaml.readOtherwise;
    problems.push({ rule: 'yaml-syntax', message, offset: warning.pos[0], severity: 'warning' });
  }
  if (problems.some((p) => p.severity === 'error')) return { doc, value: undefined, problems };
  const converter = new Converter(doc, problems, text, m);
  const value = converter.convert(doc.contents, 0);
  return { doc, value, problems };
}

/** A "%YAML"/"%TAG" line is reported after it: point at the line itself. */
function directiveLine(text: string, errorOffset: number): number {
  if (text.startsWith('%')) return 0;
  const at = text.lastIndexOf('\n%', errorOffset);
  return at === -1 ? errorOffset : at + 1;
}

function syntaxMessage(code: string, message: string, m: Messages): string {
  if (/multiple documents/i.test(message)) return m.yaml.multipleDocuments;
  if (/directive/i.test(message)) return m.yaml.directive;
  // MISSING_CHAR is also raised for things other than quotes and brackets.
  if (code === 'MISSING_CHAR' && !/quote|bracket|[\]}]/i.test(message)) return m.yaml.badIndent;
  // Not "the indentation is wrong": for a mistake not known here, that sent clerks looking in the wrong place.
  return SYNTAX_ADVICE[code]?.(m) ?? m.yaml.unreadableLine;
}

/** Offset where `[`/`{` nesting first exceeds MAX_DEPTH, ignoring quoted text and comments. */
function deepFlowNesting(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') i++;
    } else if (ch === '"' || ch === "'") {
      // A quote only opens a quoted scalar at the start of a value.
      if (i === 0 || /[\s[{,:-]/.test(text[i - 1]!)) quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (ch === '[' || ch === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if (ch === ']' || ch === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** An unclosed quote is reported where the text ends: point at where it opens. */
function openingQuote(text: string, errorOffset: number, message: string): number {
  const quote = message.includes('"') ? '"' : "'";
  for (let i = Math.min(errorOffset, text.length - 1); i >= 0; i--) {
    if (text[i] === quote && (i === 0 || /[\s[{,]/.test(text[i - 1]!))) return i;
  }
  return errorOffset;
}

class Converter {
  private aliases = 0;
  private nodes = 0;
  private aborted = false;
  /** Built only when a tag is reported. */
  private propsByEnd: Map<number, CST.SourceToken> | undefined;
  /** The names `*name` refers to, read once: searching the text for each anchor was quadratic. */
  private aliasNames: Set<string> | undefined;
  /** Advice given so far: each reads its whole line, so 20,000 tags on one line took minutes (a file shows 200 findings). */
  private advised = 0;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly problems: YamlProblem[],
    private readonly text: string,
    private readonly m: Messages,
  ) {}

  /** `item`: the node is an item of a block list (a task, an update), where a key written again most likely starts the next item. */
  convert(node: unknown, depth: number, item = false): unknown {
    if (this.aborted || node === null || node === undefined) return null;
    if (++this.nodes > MAX_NODES) return this.abort('yaml-alias', this.m.yaml.tooManyValues, node);
    if (depth > MAX_DEPTH) return this.abort('yaml-syntax', this.m.yaml.nestedTooDeep(MAX_DEPTH), node);
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIASES) return this.abort('yaml-alias', this.m.yaml.tooManyAliases(MAX_ALIASES), node);
      const target = node.resolve(this.doc);
      if (!target) return this.abort('yaml-alias', this.indicatorAdvice(node, '*') ?? this.m.yaml.aliasNoAnchor(node.source), node);
      return this.convert(target, depth + 1);
    }
    const tag = (node as Node).tag;
    if (tag && !CORE_TAGS.has(tag)) {
      this.reportTag(tag, node);
      return null;
    }
    if (isScalar(node)) {
      if (tag === 'tag:yaml.org,2002:null') return null;
      // `note: &x đã xong` silently loses "&x": an anchor nothing refers to is a sentence that began with "&".
      const advice = node.anchor && !this.aliased(node.anchor) ? this.indicatorAdvice(node, '&') : undefined;
      if (advice) {
        this.report('invalid-value', advice, node);
        return null;
      }
      const text = String(node.value);
      if (CONTROL.test(text)) {
        this.report('invalid-value', this.m.yaml.controlInValue(controlCode(text)), node);
        return null;
      }
      // "\uD800": half of a character, only an escape can write; JSON readers (jq) refuse it, other outputs show "?".
      const half = halfCharacter(text);
      if (half) {
        this.report('invalid-value', this.m.yaml.halfCharacter(half), node);
        return null;
      }
      if (node.type === Scalar.PLAIN && NULL_TEXT.has(text)) return null;
      return text;
    }
    if (isSeq(node)) return node.items.map((entry) => this.convert(entry, depth + 1, !node.flow));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (!isScalar(key)) {
          this.report('invalid-type', this.m.yaml.keyNotText, key ?? node);
          continue;
        }
        if (key.tag && !CORE_TAGS.has(key.tag)) {
          this.reportTag(key.tag, key);
          continue;
        }
        const name = String(key.value);
        const halfInKey = halfCharacter(name);
        if (halfInKey) {
          this.report('invalid-value', this.m.yaml.halfCharacter(halfInKey), key);
          continue;
        }
        if (CONTROL.test(name) || /[\r\n]/.test(name)) {
          this.report('invalid-value', this.m.yaml.controlInKey(controlCode(name)), key);
          continue;
        }
        if (seen.has(name)) {
          // `{ value: 12,000, ytd: 48,000 }`: both figures lost their "000" to a key of no value.
          const split = node.flow && /^\d+$/.test(name) && pair.value === null;
          // The first key of a list item again (`id:` of a task): the next task, its "- " forgotten; "remove one" would lose it.
          const nextItem = item && !node.flow && isPair(node.items[0]) && isScalar(node.items[0].key) && String(node.items[0].key.value) === name;
          this.report(
            'yaml-duplicate-key',
            split
              ? digitsAsKey(name, this.m.yaml.sameMapping, this.m)
              : nextItem
                ? this.m.yaml.duplicateFirstKey(clip(name))
                : depth === 0 && LISTS.has(name)
                  ? this.m.yaml.duplicateListKey(name)
                  : this.m.yaml.duplicateKey(clip(name)),
            key,
          );
          continue;
        }
        seen.add(name);
        if (FORBIDDEN_KEYS.has(name)) {
          this.report('forbidden-key', this.m.yaml.forbiddenKey(name), key);
          continue;
        }
        // defineProperty never invokes a setter, whatever the key is.
        Object.defineProperty(out, name, {
          value: this.convert(pair.value, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return null;
  }

  private reportTag(tag: string, node: unknown): void {
    const start = offsetOf(node);
    const offset = this.tagBefore(start, tag, isMap(node) && !node.flow) ?? start;
    this.problems.push({
      rule: 'yaml-tag',
      message: (isScalar(node) ? this.indicatorAdvice(node, '!') : undefined) ?? this.m.yaml.tag(shortTag(tag)),
      offset,
      severity: 'error',
    });
  }

  /**
   * Where the tag `tag` of the node starting at `start` is written. A node's
   * range starts after its tag, and a block mapping's at its first key, a line
   * or more below the tag, possibly past an anchor, a comment or the key's own
   * tag. So walk back from `start` over the parser's own tokens for those
   * things only: a "!" inside some text is never a tag token.
   */
  private tagBefore(start: number, tag: string, blockMapping: boolean): number | undefined {
    this.propsByEnd ??= propTokensByEnd(this.text);
    // A tag on the first key's line is the key's: a block mapping's own tag
    // is on an earlier line.
    let lineBreakSeen = !blockMapping;
    let at = start;
    for (let token = this.propsByEnd.get(at); token; token = this.propsByEnd.get(at)) {
      at = token.offset;
      if (token.type === 'newline') lineBreakSeen = true;
      else if (token.type === 'tag' && lineBreakSeen && this.doc.directives.tagName(token.source, () => {}) === tag) return at;
    }
    return undefined;
  }

  /** The advice to quote a value that starts with `sign` and runs on as a sentence (as many as a file lists findings). */
  private indicatorAdvice(node: unknown, sign: string): string | undefined {
    if (++this.advised > MAX_FINDINGS_PER_FILE) return undefined;
    return signAdvice(this.text, offsetOf(node), sign, this.m);
  }

  private aliased(anchor: string): boolean {
    this.aliasNames ??= new Set(Array.from(this.text.matchAll(/\*([^\s,[\]{}]+)/g), (match) => match[1]!));
    return this.aliasNames.has(anchor);
  }

  private report(rule: YamlProblem['rule'], message: string, node: unknown): void {
    this.problems.push({ rule, message, offset: offsetOf(node), severity: 'error' });
  }

  private abort(rule: YamlProblem['rule'], message: string, node: unknown): null {
    this.report(rule, message, node);
    this.aborted = true;
    return null;
  }
}

/** A record's keys that hold lists: one written twice is most often a template's `tasks: []` left above the clerk's own. */
const LISTS: ReadonlySet<string> = new Set([
  'attendees',
  'results',
  'decisions',
  'discussion',
  'shortcomings',
  'proposals',
  'references',
  'tasks',
  'updates',
  'amendments',
  'tags',
]);

// What may stand between a node's tag and the node itself.
const PROP_TOKENS = new Set(['tag', 'anchor', 'space', 'newline', 'comment']);

/** The parser's tag, anchor, blank and comment tokens, by the offset each ends at. */
function propTokensByEnd(text: string): Map<number, CST.SourceToken> {
  const byEnd = new Map<number, CST.SourceToken>();
  // Walked with a stack rather than recursion: block nesting is not bounded here.
  const pending: unknown[] = [...new Parser().parse(text)];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
      continue;
    }
    const token = item as Partial<CST.SourceToken>;
    if (token.type && PROP_TOKENS.has(token.type) && typeof token.offset === 'number' && typeof token.source === 'string' && token.source !== '') {
      byEnd.set(token.offset + token.source.length, token as CST.SourceToken);
    }
    for (const value of Object.values(item)) if (typeof value === 'object' && value !== null) pending.push(value);
  }
  return byEnd;
}

function offsetOf(node: unknown): number {
  const range = (node as Node | null)?.range;
  return range ? range[0] : 0;
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag;
}

// Each mapping's pairs by key, made when a mapping is first looked into: a
// record with 50,000 unknown keys asks for 50,000 positions in one mapping.
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The first pair of `map` whose key is the text `key`. */
function pairNamed(map: YAMLMap, key: string): Pair | undefined {
  if (map.items.length <= 16) return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!index.has(name)) index.set(name, pair);
    }
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

/**
 * The offset of the key (`target: 'key'`) or value at `path`; when the path
 * does not exist, the nearest existing ancestor's.
 */
export function locateInYaml(doc: Document.Parsed, path: PropertyPath, target: LocateTarget): number {
  let node: unknown = doc.contents;
  let offset = offsetOf(node);
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairNamed(node, String(segment));
      if (!pair) return offset;
      const value = pair.value as Node | null;
      const emptyValue = !value || (isScalar(value) && value.range?.[0] === value.range?.[1]);
      if (last && (target === 'key' || emptyValue)) return offsetOf(pair.key);
      if (last && target === 'end') return Math.max(offsetOf(value), (value!.range?.[1] ?? 0) - 1);
      offset = emptyValue ? offsetOf(pair.key) : offsetOf(value);
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) return offset;
      offset = offsetOf(item);
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
