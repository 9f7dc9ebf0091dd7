// "Did you mean" for misspelt keys and ids, in time bounded whatever the
// input: a record naming 50,000 unknown ids, or a config declaring 15,000
// owners, must not turn one lookup per finding into minutes of work.
//
// The answer is the candidate nearest to the word (edits: insert, delete,
// replace, swap two neighbours), when it is close enough to be a likely
// typo; ties go to the earliest candidate. Only candidates whose length is
// within the limit can be that close, and each is compared with a band of
// the edit table that stops as soon as it cannot beat the best so far. Up to
// EXACT_CANDIDATES candidates of the right lengths, every one is compared,
// so small inputs get exactly the answer a full search gives; beyond that,
// the candidates that share the longest beginning or end with the word
// (its neighbours in sorted order) are. A `Suggestions` answers at most
// `maxWords` different words, then none: a cap on the work of one run.

/** Candidates of the right lengths compared one by one; above this, neighbours in sorted order. */
const EXACT_CANDIDATES = 1000;
/** Neighbours on each side, in order and in reversed-text order, when the candidates are many. */
const NEIGHBOURS = 64;
/** So few candidates that each is compared, however long: a record's known keys. */
const FEW = 32;
/** Words one Suggestions answers, by default. */
const MAX_WORDS = 500;

// Rows of the edit table, reused: no allocation per comparison.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * The edit distance (insert, delete, replace, swap two neighbours) from `a`
 * to `b` when it is at most `max`; otherwise max + 1.
 */
function distanceWithin(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  if (max === 0) return a === b ? 0 : 1;
  if (rows[0]!.length <= m) rows = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= m; j++) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    // Only cells within `max` of the diagonal can be on a path costing ≤ max.
    const low = Math.max(1, i - max);
    const high = Math.min(m, i + max);
    current[0] = i <= max ? i : over;
    if (low > 1) current[low - 1] = over;
    let rowMin = current[0];
    const ai = a.charCodeAt(i - 1);
    for (let j = low; j <= high; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      // "tilte" for "title" is one slip of the fingers, not two.
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best > over ? over : best;
      if (best < rowMin) rowMin = best;
    }
    if (high < m) current[high + 1] = over;
    if (rowMin > max) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[m]!, over);
}

/** How far a word may be from a candidate to be a likely typo of it. */
function limitFor(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 3)));
}

/** Where `key` would be inserted into `sorted` (ascending). */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

const reverse = (text: string) => [...text].reverse().join('');

/** The candidates, indexed on first use; `nearest` answers up to `maxWords` different words. */
export class Suggestions {
  private source: Iterable<string> | undefined;
  private list: string[] = [];
  private lower: string[] = [];
  private byLength = new Map<number, number[]>();
  private sorted?: { keys: string[]; indexes: number[] };
  private reversed?: { keys: string[]; indexes: number[] };
  private readonly answers = new Map<string, string | undefined>();

  constructor(
    candidates: Iterable<string>,
    private readonly maxWords = MAX_WORDS,
  ) {
    this.source = candidates;
  }

  /** The closest candidate, when it is close enough to be a likely typo. */
  nearest(word: string): string | undefined {
    if (this.answers.has(word)) return this.answers.get(word);
    if (this.answers.size >= this.maxWords) return undefined;
    const answer = this.compute(word);
    this.answers.set(word, answer);
    return answer;
  }

  /** The candidates, read once from the iterable given. */
  private index(): void {
    if (!this.source) return;
    this.list = [...this.source];
    this.source = undefined;
    this.lower = this.list.map((c) => c.toLowerCase());
    this.lower.forEach((c, i) => {
      const same = this.byLength.get(c.length);
      if (same) same.push(i);
      else this.byLength.set(c.length, [i]);
    });
  }

  private compute(word: string): string | undefined {
    this.index();
    const lower = word.toLowerCase();
    const limit = limitFor(word);
    let inWindow = 0;
    for (let length = lower.length - limit; length <= lower.length + limit; length++) inWindow += this.byLength.get(length)?.length ?? 0;
    const candidates =
      this.list.length <= FEW ? this.lower.keys() : inWindow <= EXACT_CANDIDATES ? this.ofLengths(lower.length, limit) : this.neighbours(lower, limit);
    let best: number | undefined;
    let bestDistance = limit + 1;
    for (const i of candidates) {
      // Only a candidate strictly closer than the best so far can replace it.
      const distance = distanceWithin(lower, this.lower[i]!, bestDistance - 1);
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
        if (distance === 0) break;
      }
    }
    if (best !== undefined) return this.list[best];
    // A shortened id (`tai-chinh` for `tai-chinh-ke-hoach`): the one candidate it starts.
    return word.length >= 3 ? this.onlyStartingWith(lower) : undefined;
  }

  /** Every candidate whose length is within `limit` of `length`, in candidate order. */
  private ofLengths(length: number, limit: number): number[] {
    const out: number[] = [];
    for (let l = length - limit; l <= length + limit; l++) out.push(...(this.byLength.get(l) ?? []));
    return out.sort((x, y) => x - y);
  }

  /** Candidates of the right lengths sharing the longest beginning or end with `lower`, in candidate order. */
  private neighbours(lower: string, limit: number): number[] {
    this.sorted ??= sortedIndex(this.lower);
    this.reversed ??= sortedIndex(this.lower.map(reverse));
    const picked = new Set<number>();
    for (const [{ keys, indexes }, key] of [
      [this.sorted, lower],
      [this.reversed, reverse(lower)],
    ] as const) {
      const at = lowerBound(keys, key);
      for (let k = Math.max(0, at - NEIGHBOURS); k < Math.min(keys.length, at + NEIGHBOURS); k++) {
        if (Math.abs(keys[k]!.length - lower.length) <= limit) picked.add(indexes[k]!);
      }
    }
    return [...picked].sort((x, y) => x - y);
  }

  private onlyStartingWith(lower: string): string | undefined {
    if (this.lower.length <= EXACT_CANDIDATES) {
      let found: number | undefined;
      for (let i = 0; i < this.lower.length; i++) {
        if (!this.lower[i]!.startsWith(lower)) continue;
        if (found !== undefined) return undefined;
        found = i;
      }
      return found === undefined ? undefined : this.list[found];
    }
    this.sorted ??= sortedIndex(this.lower);
    const { keys, indexes } = this.sorted;
    const at = lowerBound(keys, lower);
    // Every key starting with `lower` sorts right from where it would be inserted.
    if (at >= keys.length || !keys[at]!.startsWith(lower)) return undefined;
    if (at + 1 < keys.length && keys[at + 1]!.startsWith(lower)) return undefined;
    return this.list[indexes[at]!];
  }
}

function sortedIndex(keys: readonly string[]): { keys: string[]; indexes: number[] } {
  const indexes = keys.map((_, i) => i).sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : x - y));
  return { keys: indexes.map((i) => keys[i]!), indexes };
}

/** The closest candidate, when it is close enough to be a likely typo (one word: see Suggestions for many). */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  return new Suggestions(candidates).nearest(word);
}
