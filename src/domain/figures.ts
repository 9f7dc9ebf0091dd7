// Figures (FORMAT.md "Figures"): what the records say of each metric, per
// month and organization, converted to the metric's unit. A month's value
// combines the `value`s of the one-month meetings belonging to it by the
// metric's aggregate; `ytd`, `plan_pct` and `yoy_pct` are the latest given.
// A record reviewing several months reports its span's figures apart.
// Pure functions of loaded records and the config.
import { addMonths, type Month } from '../model/dates.js';
import { decimalsOf } from '../model/format.js';
import type { MeetingRecord } from '../model/record.js';
import type { FigureMarks } from '../model/report.js';
import type { Config, FigureData, MetricDefinition } from '../model/schema.js';
import { MONEY_UNITS, type Qualifier } from '../model/terms.js';
import { organizationOf, periodOf, reportingMonthOf, reviewsOneMonth } from './months.js';
import { organizationKey, sortRecords } from './taskState.js';

/** A figure in its metric's unit. */
export interface Figure {
  value?: number;
  /** Year-to-date total up to the end of the period. */
  ytd?: number;
  /** "đạt X% kế hoạch" as stated: one number, or plan id → number. */
  planPct?: number | Record<string, number>;
  /** Change against the same period last year, in %, as stated. */
  yoyPct?: number;
  /** "ước": the value is an estimate (with no value: the ytd). */
  estimate: boolean;
  /** The value's qualifier (with no value: the ytd's). */
  qualifier?: Qualifier;
  /** The marks of the ytd, which may come from another meeting than the value. */
  ytdEstimate?: boolean;
  ytdQualifier?: Qualifier;
}

/** A figure's estimate and qualifier, when it has a value and either mark (what the report and the month diff print before the value). */
export function figureMarks(figure: Figure | undefined): FigureMarks | undefined {
  if (figure?.value === undefined || (!figure.estimate && !figure.qualifier)) return undefined;
  return { estimate: figure.estimate, ...(figure.qualifier ? { qualifier: figure.qualifier } : {}) };
}

// "tỉ" is the older spelling of "tỷ": a clerk may declare either, and a label may begin with a capital ("Tỷ đồng").
const UNIT_POWERS: Record<string, number> = { ...MONEY_UNITS, 'tỉ đồng': 9 };

/** Powers of ten of a money unit in đồng; undefined for any other unit. */
export function moneyPower(unit: string | null | undefined): number | undefined {
  return unit === undefined || unit === null ? undefined : UNIT_POWERS[unit.normalize('NFC').trim().toLowerCase()];
}

/** `value` × 10^power, exactly as decimal text would shift (131.5 triệu → 0.1315 tỷ, not 0.13150000000000001). */
function shift(value: number, power: number): number {
  if (power === 0) return value;
  const [mantissa, exponent] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent ?? 0) + power}`);
}

/** a + b without floating-point noise (21.4 + 0.2 is 21.6): rounded to the decimals the two are written with, which their exact sum has. */
export function addDecimals(a: number, b: number): number {
  const decimals = Math.max(decimalsOf(a), decimalsOf(b));
  return decimals > 100 ? a + b : Number((a + b).toFixed(decimals));
}

/** `value` × 10^decimals as an exact whole number: the digits it is written with (4.1 at 1 decimal is 41). */
function scaled(value: number, decimals: number): bigint {
  const [mantissa, exponent] = String(Math.abs(value)).split('e') as [string, string | undefined];
  const [whole, fraction = ''] = mantissa.split('.') as [string, string | undefined];
  const shift = decimals + Number(exponent ?? 0) - fraction.length;
  const digits = BigInt(`${whole}${fraction}`);
  const magnitude = shift >= 0 ? digits * 10n ** BigInt(shift) : digits / 10n ** BigInt(-shift);
  return value < 0 ? -magnitude : magnitude;
}

/**
 * `part` in % of `whole`, to one decimal as reports write shares and
 * changes ("tăng 2,1%"), computed on the decimals as written and rounded
 * half away from zero, as a clerk rounds by hand: 4,1 of 200 is 2,05%,
 * so 2,1% (binary floating point gives 2,0499… and 2%); −49 of 400 is
 * −12,3%, as +49 is +12,3%. Never −0: a fall too small to show is none.
 */
function percentOf(part: number, whole: number): number {
  const decimals = Math.max(decimalsOf(part), decimalsOf(whole));
  // Beyond what a clerk writes (1e-300): the ratio in floating point, still never −0.
  if (decimals > 100) return Math.round((part / whole) * 1000) / 10 || 0;
  const p = scaled(part, decimals);
  const w = scaled(whole, decimals);
  const negative = p < 0n !== w < 0n && p !== 0n;
  const abs = (n: bigint) => (n < 0n ? -n : n);
  // Tenths of a percent: round(|p| × 1000 / |w|), half up.
  const tenths = (2n * abs(p) * 1000n + abs(w)) / (2n * abs(w));
  const rounded = Number(tenths) / 10;
  return negative && rounded !== 0 ? -rounded : rounded;
}

/** A figure as written, in the metric's unit (v1: a number is its value). */
export function readFigure(raw: FigureData, definition: Pick<MetricDefinition, 'unit'> | undefined): Figure {
  if (typeof raw === 'number') return { value: raw, estimate: false };
  const from = moneyPower(raw.unit);
  const to = moneyPower(definition?.unit);
  const power = from !== undefined && to !== undefined ? from - to : 0;
  const amount = (n: number | null | undefined) => (n === undefined || n === null ? undefined : shift(n, power));
  const value = amount(raw.value);
  const ytd = amount(raw.ytd);
  const estimate = raw.estimate === true;
  // A mapping's "ước" marks each of its numbers; its qualifier ("trên 15.000 con") the value, or the ytd when it has no value.
  const ytdQualifier = ytd !== undefined && value === undefined ? raw.qualifier : undefined;
  return {
    ...(value !== undefined ? { value } : {}),
    ...(ytd !== undefined ? { ytd } : {}),
    ...(raw.plan_pct !== undefined && raw.plan_pct !== null ? { planPct: raw.plan_pct } : {}),
    ...(raw.yoy_pct !== undefined && raw.yoy_pct !== null ? { yoyPct: raw.yoy_pct } : {}),
    estimate,
    ...(raw.qualifier ? { qualifier: raw.qualifier } : {}),
    ...(ytd !== undefined ? { ytdEstimate: estimate, ...(ytdQualifier ? { ytdQualifier } : {}) } : {}),
  };
}

/**
 * Figures of one metric from several meetings, in meeting order: values
 * summed (`sum`) or the latest (`last`); the latest ytd and same-period
 * change; the latest share of each plan. The value is an estimate when any
 * value used is one, and has the qualifier every value used shares ("about"
 * when they differ); the ytd keeps the marks of the meeting that gave it.
 */
function combineFigures(figures: readonly Figure[], aggregate: 'sum' | 'last'): Figure | undefined {
  if (figures.length === 0) return undefined;
  let value: number | undefined;
  let valued: Figure[] = [];
  let ytdFrom: Figure | undefined;
  const out: Figure = { estimate: false };
  for (const f of figures) {
    if (f.value !== undefined) {
      value = aggregate === 'last' || value === undefined ? f.value : addDecimals(value, f.value);
      valued = aggregate === 'last' ? [f] : [...valued, f];
    }
    if (f.ytd !== undefined) {
      out.ytd = f.ytd;
      ytdFrom = f;
    }
    if (f.planPct !== undefined) out.planPct = latestShares(out.planPct, f.planPct);
    if (f.yoyPct !== undefined) out.yoyPct = f.yoyPct;
  }
  if (value !== undefined) out.value = value;
  if (ytdFrom) {
    out.ytdEstimate = ytdFrom.ytdEstimate ?? ytdFrom.estimate;
    if (ytdFrom.ytdQualifier) out.ytdQualifier = ytdFrom.ytdQualifier;
  }
  if (valued.length === 0) {
    // A figure with a ytd only: its marks are the ytd's.
    out.estimate = out.ytdEstimate ?? false;
    if (out.ytdQualifier) out.qualifier = out.ytdQualifier;
    return out;
  }
  out.estimate = valued.some((f) => f.estimate);
  const qualifiers = new Set(valued.map((f) => f.qualifier));
  if (qualifiers.size === 1) {
    const only = [...qualifiers][0];
    if (only) out.qualifier = only;
  } else if ([...qualifiers].some(Boolean)) out.qualifier = 'about';
  return out;
}

/** "% kế hoạch" stated again: each plan's latest share (a share of one plan does not erase another's); a single number replaces. */
function latestShares(before: Figure['planPct'], next: NonNullable<Figure['planPct']>): NonNullable<Figure['planPct']> {
  return typeof before === 'object' && typeof next === 'object' ? { ...before, ...next } : next;
}

/** Whether a metric is measured in % (its change is then in percentage points). */
export function isPercentMetric(definition: Pick<MetricDefinition, 'unit'> | undefined): boolean {
  return definition?.unit?.trim() === '%';
}

export interface MetricChange {
  /** `to - from`, when both are known. */
  change?: number;
  /** The change in percent of `from`, when `from` is known and not 0; never for a `%` metric. */
  percent?: number;
  /** For a `%` metric: the change in percentage points (equal to `change`). */
  points?: number;
}

export function metricChange(from: number | undefined, to: number | undefined, percentMetric: boolean): MetricChange {
  if (from === undefined || to === undefined) return {};
  const change = addDecimals(to, -from);
  if (percentMetric) return { change, points: change };
  return from === 0 ? { change } : { change, percent: percentOf(change, Math.abs(from)) };
}

/** One decimal, as reports write shares ("đạt 126,3%"). */
function share(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : percentOf(part, whole);
}

/** A span of months a record reviews, and what it reports for it. */
export interface SpanFigures {
  period: string;
  organization: string | null;
  first: Month;
  last: Month;
  figures: Map<string, Figure>;
}

/**
 * Every figure of a repository, indexed once: per month (the one-month
 * meetings belonging to it) and per span (the records reviewing several
 * months). Answers are memoized: a report asks for each month several times.
 */
export class FigureBook {
  /** Per month, in meeting order: its one-month records, and the records of a span ending that month (their ytd runs to its end). */
  private readonly months = new Map<Month, MeetingRecord[]>();
  private readonly spanRecords = new Map<Month, MeetingRecord[]>();
  /** The records in `months` that review a span: only their ytd counts for the month. */
  private readonly spanEnding = new Set<MeetingRecord>();
  private readonly memo = new Map<string, Figure | undefined>();
  private readonly organizationRecords = new Map<Month, Map<string | null, MeetingRecord[]>>();
  /** Another organization's name (organizationKey) → as the book shows it: as most of its records write it. */
  private readonly spellings: ReadonlyMap<string, string>;

  constructor(
    records: readonly MeetingRecord[],
    private readonly config: Config,
  ) {
    const add = (index: Map<Month, MeetingRecord[]>, month: Month, record: MeetingRecord) => {
      let list = index.get(month);
      if (!list) index.set(month, (list = []));
      list.push(record);
    };
    const sorted = sortRecords(records);
    for (const record of sorted) {
      if (!(record.data.results ?? []).some((r) => r.metrics && Object.keys(r.metrics).length > 0)) continue;
      const month = reportingMonthOf(record);
      if (reviewsOneMonth(record)) add(this.months, month, record);
      else {
        add(this.spanRecords, month, record);
        // "9 tháng" reviewed on 5 October: its ytd is September's too. A year reviewed in November is not November's.
        if (periodOf(record).last === month) {
          add(this.months, month, record);
          this.spanEnding.add(record);
        }
      }
    }
    // Of every record, with figures or not: the name is the one wherever it is written.
    this.spellings = spellingsOf(sorted, config);
  }

  /** The organization a record's figures are of: null for the repository's own, else its name as the book shows it. */
  private organizationOf(record: MeetingRecord): string | null {
    const named = organizationOf(record, this.config);
    return named === null ? null : this.spellings.get(organizationKey(named))!;
  }

  /** The organizations with a figure in a month: the repository's own (null) first, then others in meeting order. */
  organizations(month: Month): (string | null)[] {
    const orgs = new Set<string | null>([null]);
    for (const record of this.months.get(month) ?? []) orgs.add(this.organizationOf(record));
    return [...orgs];
  }

  /** A metric's figure in a month for an organization (null: the repository's own). */
  figure(metricId: string, month: Month, organization: string | null): Figure | undefined {
    if (organization !== null) organization = this.spellings.get(organizationKey(organization)) ?? organization;
    const key = `${month}\0${organization ?? ''}\0${metricId}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const definition = this.config.metrics[metricId];
    const records = this.recordsOf(month, organization);
    const figure = definition ? combineFigures(figuresOf(records, metricId, definition, this.spanEnding), definition.aggregate) : undefined;
    this.memo.set(key, figure);
    return figure;
  }

  /** A month's records of one organization, in meeting order: sorted out once, not once per metric (a province has hundreds of communes). */
  private recordsOf(month: Month, organization: string | null): MeetingRecord[] {
    let byOrganization = this.organizationRecords.get(month);
    if (!byOrganization) {
      byOrganization = new Map();
      for (const record of this.months.get(month) ?? []) {
        const key = this.organizationOf(record);
        const list = byOrganization.get(key);
        if (list) list.push(record);
        else byOrganization.set(key, [record]);
      }
      this.organizationRecords.set(month, byOrganization);
    }
    return byOrganization.get(organization) ?? [];
  }

  /**
   * The spans reported in a month's meetings, each with its figures, in
   * meeting order. A span is its months, however written: `2020-Q3` and
   * `2020-07..2020-09` are one span, shown as the first record wrote it.
   */
  spans(month: Month): SpanFigures[] {
    const groups = new Map<string, { records: MeetingRecord[]; organization: string | null; period: string; first: Month; last: Month }>();
    for (const record of this.spanRecords.get(month) ?? []) {
      const organization = this.organizationOf(record);
      const { first, last } = periodOf(record);
      const key = `${first}..${last}\0${organization ?? ''}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { records: [], organization, period: record.data.period!, first, last }));
      group.records.push(record);
    }
    return [...groups.values()].map(({ records, organization, period, first, last }) => {
      const figures = new Map<string, Figure>();
      for (const [id, definition] of Object.entries(this.config.metrics)) {
        const figure = combineFigures(figuresOf(records, id, definition), definition.aggregate);
        if (figure) figures.set(id, figure);
      }
      return { period, organization, first, last, figures };
    });
  }

  /**
   * Share of the year's target: the ytd (for `aggregate: last`, the value)
   * over `targets[year]`, the repository's own figures only.
   */
  targetPct(metricId: string, figure: Figure, lastMonth: Month, firstMonth: Month = lastMonth): number | undefined {
    const definition = this.config.metrics[metricId];
    const target = definition?.targets?.[lastMonth.slice(0, 4)];
    if (target === undefined) return undefined;
    // A span from January on reports the year to date as its value.
    const fromJanuary = firstMonth.endsWith('-01') && firstMonth.slice(0, 4) === lastMonth.slice(0, 4) && firstMonth !== lastMonth;
    const amount = definition!.aggregate === 'last' ? (figure.value ?? figure.ytd) : (figure.ytd ?? (fromJanuary ? figure.value : undefined));
    return amount === undefined ? undefined : share(amount, target);
  }

  /** Change against the same month a year earlier: as stated, else computed from the two values (not for `%` metrics). */
  yoyPct(metricId: string, figure: Figure, month: Month, organization: string | null): number | undefined {
    if (figure.yoyPct !== undefined) return figure.yoyPct;
    // FORMAT.md computes it for every metric, a `%` one too (unlike the previous month's change, in points).
    if (figure.value === undefined) return undefined;
    const before = this.figure(metricId, addMonths(month, -12), organization)?.value;
    return before === undefined || before === 0 ? undefined : percentOf(addDecimals(figure.value, -before), Math.abs(before));
  }
}

/**
 * Each other organization's name as its figures are shown: "UBND Xã Bắc Sơn"
 * in one record and "UBND xã Bắc Sơn" in another are one commune
 * (organizationKey), named as most of its records write it, on a tie as the
 * latest does.
 */
function spellingsOf(records: readonly MeetingRecord[], config: Config): Map<string, string> {
  const counts = new Map<string, Map<string, { count: number; latest: string }>>();
  for (const record of records) {
    const named = organizationOf(record, config);
    if (named === null) continue;
    const key = organizationKey(named);
    let written = counts.get(key);
    if (!written) counts.set(key, (written = new Map()));
    const seen = written.get(named);
    if (seen) {
      seen.count++;
      if (record.data.date >= seen.latest) seen.latest = record.data.date;
    } else written.set(named, { count: 1, latest: record.data.date });
  }
  const spellings = new Map<string, string>();
  for (const [key, written] of counts) {
    let best: [string, { count: number; latest: string }] | undefined;
    for (const entry of written) {
      if (!best || entry[1].count > best[1].count || (entry[1].count === best[1].count && entry[1].latest > best[1].latest)) best = entry;
    }
    spellings.set(key, best![0]);
  }
  return spellings;
}

/** The figures of `records` for a metric, in order; of a record in `ytdOnly` (a span's, for a month), its ytd alone. */
function figuresOf(records: readonly MeetingRecord[], metricId: string, definition: MetricDefinition, ytdOnly?: ReadonlySet<MeetingRecord>): Figure[] {
  const out: Figure[] = [];
  for (const record of records) {
    for (const result of record.data.results ?? []) {
      const raw = result.metrics?.[metricId];
      if (raw === undefined || raw === null) continue;
      const figure = readFigure(raw, definition);
      if (!ytdOnly?.has(record)) out.push(figure);
      else if (figure.ytd !== undefined) {
        out.push({
          ytd: figure.ytd,
          estimate: false,
          ytdEstimate: figure.ytdEstimate ?? false,
          ...(figure.ytdQualifier ? { ytdQualifier: figure.ytdQualifier } : {}),
        });
      }
    }
  }
  return out;
}
