// zod issues → findings a clerk can act on, each at the key or value it is
// about (zod's issue path mapped onto the YAML document's source ranges).
import type { z } from 'zod';
import { KNOWN_KEYS } from '../model/schema.js';
import { didYouMean, Suggestions } from '../domain/suggest.js';
import { type RuleId } from '../model/ruleCatalogue.js';
import type { PropertyPath } from '../model/record.js';
import { clip } from '../model/text.js';

export interface LocatedIssue {
  rule: RuleId;
  message: string;
  path: PropertyPath;
  target: 'key' | 'value';
  /** For an unknown key: the known key it is probably a typo of. */
  suggestion?: string;
  /** Set on a check of a whole mapping (a refinement), rather than of one value. */
  fromRefinement?: true;
}

type Issue = z.core.$ZodIssue;
type Kind = 'record' | 'config';

const DATE_KEYS = new Set(['date', 'due', 'end_date', 'approved_on', 'holidays']);

export function describeIssues(issues: readonly Issue[], kind: Kind): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  // The first thousand unknown keys of each place get a suggestion: a file
  // shows 200 findings at most, and 200,000 unknown keys cost no more than 1,000.
  const suggestions = new Map<readonly string[], Suggestions>();
  const nearest = (name: string, known: readonly string[]) => {
    let among = suggestions.get(known);
    if (!among) suggestions.set(known, (among = new Suggestions(known, 1000)));
    return among.nearest(name);
  };
  for (const issue of issues) describeIssue(issue, [], kind, out, nearest);
  // `ower: x` is one mistake, not two: when an unknown key is a likely typo
  // of a missing required key, "owner is missing" says nothing new.
  const typos = new Set(out.filter((i) => i.rule === 'unknown-key' && i.suggestion).map((i) => JSON.stringify([...i.path.slice(0, -1), i.suggestion])));
  // Likewise a check of the whole mapping ("neither value nor ytd") says nothing
  // new when one of its keys is unknown (`ytdd: 5`): the unknown key is the mistake.
  const withUnknownKeys = new Set(out.filter((i) => i.rule === 'unknown-key').map((i) => JSON.stringify(i.path.slice(0, -1))));
  return out.filter(
    (i) => !(i.rule === 'required-key' && typos.has(JSON.stringify(i.path))) && !(i.fromRefinement && withUnknownKeys.has(JSON.stringify(i.path))),
  );
}

type Nearest = (name: string, known: readonly string[]) => string | undefined;

function describeIssue(issue: Issue, prefix: PropertyPath, kind: Kind, out: LocatedIssue[], nearest: Nearest): void {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const key = lastKey(path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(path, kind);
      for (const name of issue.keys) {
        const suggestion = nearest(name, known);
        out.push({
          rule: 'unknown-key',
          message: `Unknown key "${clip(name)}" in ${placeName(path, kind)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          path: [...path, name],
          target: 'key',
          ...(suggestion ? { suggestion } : {}),
        });
      }
      return;
    }
    case 'invalid_union': {
      // Report the branch that got furthest: the one whose issues are not
      // just "wrong type at the top".
      const branches = issue.errors;
      // A figure of "1e400" is a number, just none to count with: say that.
      const infinite = branches.flat().find((i) => i.code === 'invalid_type' && i.path.length === 0 && typeof i.input === 'number' && !Number.isNaN(i.input));
      if (infinite) {
        describeIssue(infinite, path, kind, out, nearest);
        return;
      }
      const deep = branches.find((b) => b.some((i) => i.path.length > 0 || i.code !== 'invalid_type'));
      if (deep) {
        for (const inner of deep) describeIssue(inner, path, kind, out, nearest);
        return;
      }
      const expected = branches.flatMap((b) => b.map((i) => (i.code === 'invalid_type' ? i.expected : '')));
      out.push(typeIssue(path, key, input, expected.filter(Boolean) as string[]));
      return;
    }
    case 'invalid_type':
      // "1e400" reads as Infinity: a number, but none to count with.
      if (typeof input === 'number' && !Number.isNaN(input)) {
        out.push({
          rule: 'metric-out-of-range',
          message: `"${key}" is ${input}, out of range: a metric value lies between -10^15 and 10^15`,
          path,
          target: 'value',
        });
        return;
      }
      out.push(typeIssue(path, key, input, [issue.expected]));
      return;
    case 'invalid_value': {
      if (input === undefined || input === null) {
        out.push(typeIssue(path, key, input, []));
        return;
      }
      const allowed = issue.values.map(String);
      out.push({
        rule: 'invalid-value',
        message: `"${key}" is ${quote(input)}; use one of: ${allowed.join(', ')}.${typeof input === 'string' ? didYouMean(input, allowed) : ''}`,
        path,
        target: 'value',
      });
      return;
    }
    case 'invalid_key': {
      out.push({
        rule: 'invalid-value',
        message: `The id "${String(key)}" ${issue.issues[0]?.message ?? 'is not a valid id'}`,
        path,
        target: 'key',
      });
      return;
    }
    case 'custom': {
      // A rule of its own, named by the schema (figure-empty, vote-count).
      const params = (issue as { params?: { rule?: RuleId; target?: 'key' | 'value' } }).params;
      const mapping = typeof input === 'object' && input !== null;
      const message = mapping ? `"${key}" ${issue.message}` : `"${key}" is ${quote(input)}, which ${issue.message}`.replace('which must', 'but it must');
      out.push({
        rule: params?.rule ?? (DATE_KEYS.has(String(key)) ? 'invalid-date' : 'invalid-value'),
        message,
        path,
        target: params?.target ?? 'value',
        ...(mapping ? { fromRefinement: true as const } : {}),
      });
      return;
    }
    case 'too_small':
      out.push({
        rule: issue.origin === 'string' ? 'required-key' : 'invalid-value',
        message: `"${key}" ${issue.message}`,
        path,
        target: 'value',
      });
      return;
    default:
      out.push({
        rule: DATE_KEYS.has(String(key)) ? 'invalid-date' : 'invalid-value',
        message: `"${key}" is ${quote(input)}, which ${issue.message}`.replace('which must', 'but it must'),
        path,
        target: 'value',
      });
  }
}

function typeIssue(path: PropertyPath, key: string | number, input: unknown, expected: string[]): LocatedIssue {
  const last = path[path.length - 1];
  if (input === null && typeof last === 'number') {
    return { rule: 'required-key', message: `Item #${last + 1} of "${key}" is empty`, path, target: 'value' };
  }
  if (input === undefined || input === null) {
    return {
      rule: 'required-key',
      message: input === undefined ? `"${key}" is missing${requiredHint(path)}` : `"${key}" has no value${requiredHint(path)}`,
      path,
      target: 'key',
    };
  }
  return {
    rule: 'invalid-type',
    message: `"${key}" must be ${[...new Set(expected)].map(shapeName).join(' or ')}, not ${shapeOf(input)}`,
    path,
    target: 'value',
  };
}

function requiredHint(path: PropertyPath): string {
  const hints: Record<string, string> = {
    title: ': give the meeting a title',
    date: ': the day the meeting was held, YYYY-MM-DD',
    chair: ': who chaired the meeting',
    id: ': every task needs an id that is unique in the repository',
    owner: ': which department must do the task (an owner id)',
    sector: ': a sector id from meet.config.yaml',
    status: ': one of open, in-progress, done, dropped',
    task: ': the id of the task this update is about',
    sectors: ': declare the sectors (id: label)',
    owners: ': declare the owners (id: name)',
    metrics: ': declare the metrics (id: {label, unit, sector}), or write "metrics: {}"',
  };
  return hints[String(lastKey(path))] ?? '';
}

function shapeName(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list ("- item" lines)';
    case 'object':
    case 'record':
      return 'a set of keys ("key: value" lines)';
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    default:
      return expected;
  }
}

function shapeOf(input: unknown): string {
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object' && input !== null) return 'a set of keys';
  if (typeof input === 'string') return `the text ${quote(input)}`;
  return String(input);
}

function quote(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(short);
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a set of keys';
  return String(value);
}

function lastKey(path: PropertyPath): string | number {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i]!;
  return path[path.length - 1] ?? '';
}

/** The path with list indexes as "#" and the ids of id-keyed maps as "*": "results.#.metrics.*". */
function pathShape(path: PropertyPath, kind: Kind): string {
  const idKeyed = kind === 'config' ? new Set(['owners', 'metrics', 'sectors', 'plans', 'targets']) : new Set(['metrics', 'plan_pct', 'extra']);
  return path.map((part, i) => (typeof part === 'number' ? '#' : i > 0 && idKeyed.has(String(path[i - 1])) ? '*' : part)).join('.');
}

const RECORD_KEYS: [RegExp, readonly string[]][] = [
  [/^results\.#\.metrics\.\*$/, KNOWN_KEYS.figure],
  [/^results\.#$/, KNOWN_KEYS.result],
  [/^tasks\.#\.due$/, KNOWN_KEYS.due],
  [/^tasks\.#$/, KNOWN_KEYS.task],
  [/^updates\.#$/, KNOWN_KEYS.update],
  [/^discussion\.#$/, KNOWN_KEYS.discussion],
  [/^(chair|chair\.#|attendees\.#)$/, KNOWN_KEYS.person],
  [/^decisions\.#\.vote$/, KNOWN_KEYS.vote],
  [/^decisions\.#$/, KNOWN_KEYS.decision],
  [/^references\.#$/, KNOWN_KEYS.reference],
  [/^approval\.notice\.signer$/, KNOWN_KEYS.signer],
  [/^approval\.notice$/, KNOWN_KEYS.notice],
  [/^approval$/, KNOWN_KEYS.approval],
  [/^amendments\.#$/, KNOWN_KEYS.amendment],
];

const CONFIG_KEYS: [RegExp, readonly string[]][] = [
  [/^paths$/, KNOWN_KEYS.paths],
  [/^metrics\.\*$/, KNOWN_KEYS.metric],
  [/^owners\.\*$/, KNOWN_KEYS.group],
  [/^documents\.(report_signer|notice_signer)$/, KNOWN_KEYS.signer],
  [/^documents$/, KNOWN_KEYS.documents],
];

function knownKeysAt(path: PropertyPath, kind: Kind): readonly string[] {
  const shape = pathShape(path, kind);
  const table = kind === 'config' ? CONFIG_KEYS : RECORD_KEYS;
  return table.find(([pattern]) => pattern.test(shape))?.[1] ?? (kind === 'config' ? KNOWN_KEYS.config : KNOWN_KEYS.record);
}

function placeName(path: PropertyPath, kind: Kind): string {
  if (kind === 'config') {
    if (path[0] === 'paths') return '"paths"';
    if (path[0] === 'metrics') return `the metric "${String(path[1])}"`;
    if (path[0] === 'owners') return `the owner "${String(path[1])}"`;
    if (path[0] === 'documents') return path.length > 1 ? `"documents.${String(path[1])}"` : '"documents"';
    return 'meet.config.yaml';
  }
  const index = typeof path[1] === 'number' ? ` #${path[1] + 1}` : '';
  switch (path[0]) {
    case 'results':
      return path[2] === 'metrics' && path.length > 3 ? `the figure "${String(path[3])}" of result${index}` : `result${index}`;
    case 'tasks':
      return path[2] === 'due' ? `the "due" of task${index}` : `task${index}`;
    case 'updates':
      return `update${index}`;
    case 'discussion':
      return `discussion entry${index}`;
    case 'chair':
      return index ? `chair${index}` : '"chair"';
    case 'attendees':
      return `attendee${index}`;
    case 'decisions':
      return path[2] === 'vote' ? `the vote of decision${index}` : `decision${index}`;
    case 'references':
      return `reference${index}`;
    case 'approval':
      return path[1] === 'notice' ? (path[2] === 'signer' ? 'the signer of the notice' : 'the notice') : '"approval"';
    case 'amendments':
      return `amendment${index}`;
    default:
      return 'the record';
  }
}
