// Figures (FORMAT.md "Figures"): what the records say of each metric, per
// month and organization, converted to the metric's unit. A month's value
// combines the `value`s of the one-month meetings belonging to it by the
// metric's aggregate; `ytd`, `plan_pct` and `yoy_pct` are the latest given.
// A record reviewing several months reports its span's figures apart.
// Pure functions of loaded records and the config.
import { addMonths, type Month } from '../model/dates.js';
import type { MeetingRecord } from '../model/record.js';
import type { FigureMarks } from '../model/report.js';
import type { Config, FigureData, MetricDefinition } from '../model/schema.js';
import { MONEY_UNITS, type Qualifier } from '../model/terms.js';
import { organizationOf, periodOf, reportingMonthOf, reviewsOneMonth } from './months.js';
import { sortRecords } from './taskState.js';

/** A figure in its metric's unit. */
export interface Figure {
  value?: number;
  /** Year-to-date total up to the end of the period. */
  ytd?: number;
  /** "đạt X% kế hoạch" as stated: one number, or plan id → number. */
  planPct?: number | Record<string, number>;
  /** Change against the same period last year, in %, as stated. */
  yoyPct?: number;
  /** "ước": an estimate. */
  estimate: boolean;
  qualifier?: Qualifier;
}

/** A figure's estimate and qualifier, when it has a value and either mark (what the report and the month diff print before the value). */
export function figureMarks(figure: Figure | undefined): FigureMarks | undefined {
  if (figure?.value === undefined || (!figure.estimate && !figure.qualifier)) return undefined;
  return { estimate: figure.estimate, ...(figure.qualifier ? { qualifier: figure.qualifier } : {}) };
}

// "tỉ" is the older spelling of "tỷ": a clerk may declare either.
const UNIT_POWERS: Record<string, number> = { ...MONEY_UNITS, 'tỉ đồng': 9 };

/** Powers of ten of a money unit in đồng; undefined for any other unit. */
export function moneyPower(unit: string | null | undefined): number | undefined {
  return unit === undefined || unit === null ? undefined : UNIT_POWERS[unit.normalize('NFC').trim()];
}

/** `value` × 10^power, exactly as decimal text would shift (131.5 triệu → 0.1315 tỷ, not 0.13150000000000001). */
function shift(value: number, power: number): number {
  if (power === 0) return value;
  const [mantissa, exponent] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent ?? 0) + power}`);
}

/** Sums of decimals (21.4 + 0.2) should not show floating-point noise. */
export function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
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
  return {
    ...(value !== undefined ? { value } : {}),
    ...(ytd !== undefined ? { ytd } : {}),
    ...(raw.plan_pct !== undefined && raw.plan_pct !== null ? { planPct: raw.plan_pct } : {}),
    ...(raw.yoy_pct !== undefined && raw.yoy_pct !== null ? { yoyPct: raw.yoy_pct } : {}),
    estimate: raw.estimate === true,
    ...(raw.qualifier ? { qualifier: raw.qualifier } : {}),
  };
}

/**
 * Figures of one metric from several meetings, in meeting order: values
 * summed (`sum`) or the latest (`last`); the latest ytd, plan and
 * same-period shares. An estimate when any figure used is one; a qualifier
 * when every value used has the same, else "about" when any has one.
 */
function combineFigures(figures: readonly Figure[], aggregate: 'sum' | 'last'): Figure | undefined {
  if (figures.length === 0) return undefined;
  let value: number | undefined;
  let valued: Figure[] = [];
  const out: Figure = { estimate: false };
  for (const f of figures) {
    if (f.value !== undefined) {
      value = aggregate === 'last' || value === undefined ? f.value : value + f.value;
      valued = aggregate === 'last' ? [f] : [...valued, f];
    }
    if (f.ytd !== undefined) out.ytd = f.ytd;
    if (f.planPct !== undefined) out.planPct = f.planPct;
    if (f.yoyPct !== undefined) out.yoyPct = f.yoyPct;
  }
  if (value !== undefined) out.value = tidy(value);
  const used = new Set([...valued, ...figures.filter((f) => f.ytd !== undefined).slice(-1)]);
  out.estimate = [...used].some((f) => f.estimate);
  const qualifiers = new Set(valued.map((f) => f.qualifier));
  if (qualifiers.size === 1) {
    const only = [...qualifiers][0];
    if (only) out.qualifier = only;
  } else if ([...qualifiers].some(Boolean)) out.qualifier = 'about';
  else if (valued.length === 0) {
    // A figure with a ytd only: its qualifier is the ytd's.
    const last = [...used].at(-1)?.qualifier;
    if (last) out.qualifier = last;
  }
  return out;
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
  const change = tidy(to - from);
  if (percentMetric) return { change, points: change };
  return from === 0 ? { change } : { change, percent: Math.round((change / Math.abs(from)) * 1000) / 10 };
}

/** One decimal, as reports write shares ("đạt 126,3%"). */
function share(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : Math.round((part / whole) * 1000) / 10;
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
  private readonly months = new Map<Month, MeetingRecord[]>();
  private readonly spanRecords = new Map<Month, MeetingRecord[]>();
  private readonly memo = new Map<string, Figure | undefined>();
  private readonly organizationRecords = new Map<Month, Map<string | null, MeetingRecord[]>>();

  constructor(
    records: readonly MeetingRecord[],
    private readonly config: Config,
  ) {
    for (const record of sortRecords(records)) {
      if (!(record.data.results ?? []).some((r) => r.metrics && Object.keys(r.metrics).length > 0)) continue;
      const month = reportingMonthOf(record);
      const index = reviewsOneMonth(record) ? this.months : this.spanRecords;
      let list = index.get(month);
      if (!list) index.set(month, (list = []));
      list.push(record);
    }
  }

  /** The organizations with a figure in a month: the repository's own (null) first, then others in meeting order. */
  organizations(month: Month): (string | null)[] {
    const orgs = new Set<string | null>([null]);
    for (const record of this.months.get(month) ?? []) orgs.add(organizationOf(record, this.config));
    return [...orgs];
  }

  /** A metric's figure in a month for an organization (null: the repository's own). */
  figure(metricId: string, month: Month, organization: string | null): Figure | undefined {
    const key = `${month}\0${organization ?? ''}\0${metricId}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const definition = this.config.metrics[metricId];
    const records = this.recordsOf(month, organization);
    const figure = definition ? combineFigures(figuresOf(records, metricId, definition), definition.aggregate) : undefined;
    this.memo.set(key, figure);
    return figure;
  }

  /** A month's records of one organization, in meeting order: sorted out once, not once per metric (a province has hundreds of communes). */
  private recordsOf(month: Month, organization: string | null): MeetingRecord[] {
    let byOrganization = this.organizationRecords.get(month);
    if (!byOrganization) {
      byOrganization = new Map();
      for (const record of this.months.get(month) ?? []) {
        const key = organizationOf(record, this.config);
        const list = byOrganization.get(key);
        if (list) list.push(record);
        else byOrganization.set(key, [record]);
      }
      this.organizationRecords.set(month, byOrganization);
    }
    return byOrganization.get(organization) ?? [];
  }

  /** The spans reported in a month's meetings, each with its figures, in meeting order. */
  spans(month: Month): SpanFigures[] {
    const groups = new Map<string, { records: MeetingRecord[]; organization: string | null; period: string }>();
    for (const record of this.spanRecords.get(month) ?? []) {
      const organization = organizationOf(record, this.config);
      const period = record.data.period!;
      const key = `${period}\0${organization ?? ''}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { records: [], organization, period }));
      group.records.push(record);
    }
    return [...groups.values()].map(({ records, organization, period }) => {
      const figures = new Map<string, Figure>();
      for (const [id, definition] of Object.entries(this.config.metrics)) {
        const figure = combineFigures(figuresOf(records, id, definition), definition.aggregate);
        if (figure) figures.set(id, figure);
      }
      const { first, last } = periodOf(records[0]!);
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
    if (figure.value === undefined || isPercentMetric(this.config.metrics[metricId])) return undefined;
    const before = this.figure(metricId, addMonths(month, -12), organization)?.value;
    return before === undefined || before === 0 ? undefined : Math.round(((figure.value - before) / Math.abs(before)) * 1000) / 10;
  }
}

function figuresOf(records: readonly MeetingRecord[], metricId: string, definition: MetricDefinition): Figure[] {
  const out: Figure[] = [];
  for (const record of records) {
    for (const result of record.data.results ?? []) {
      const raw = result.metrics?.[metricId];
      if (raw !== undefined && raw !== null) out.push(readFigure(raw, definition));
    }
  }
  return out;
}
