// The record format (docs/format.md) as zod schemas. The TypeScript
// types below are inferred from them, so the contract is written once.
//
// Front matter is read with YAML's failsafe schema (every scalar is text, an
// empty or `~`/`null` value is null), so `10:30`, `0755` and dates stay text.
// Only metric values are numbers: they accept the numeric text they arrive as.
//
// Each rule's error is a code of the catalogue's schema.rule, which
// records/schemaFindings.ts says in the user's language.
import path from 'node:path';
import { z } from 'zod';
import { isCalendarDate, type IsoDate } from './dates.js';
import { dueForm } from './due.js';
import { periodFault } from './periods.js';
import type { RuleId } from './ruleCatalogue.js';
import { onceEach } from './tasks.js';
import {
  AGGREGATES,
  APPROVAL_STATUSES,
  LOCALES,
  MEETING_KINDS,
  MODES,
  MONEY_UNITS,
  QUALIFIERS,
  SESSIONS,
  TASK_STATUSES,
  type Locale,
  type MoneyUnit,
} from './terms.js';

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** Whether `text` is written as an id may be (lower-case ASCII, digits, ".", "_", "-"). */
export function isIdWritten(text: string): boolean {
  return ID_PATTERN.test(text);
}
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
// Decimal numbers only: no hex, no `.inf`, no `1_000`; a clerk's figure.
const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

const text = () => z.string().trim().min(1, { error: 'empty' });

// What `meet schema` says of a refinement JSON Schema cannot carry itself
// (zod leaves refinements out): each `.meta()` below is the same rule as a
// pattern, a range or a required key, for editors that validate as they type.
/** One line: no line break of any kind but around it (`title: >` ends its line with one, which meet trims). */
export const LINE_JSON = '^\\s*[^\\r\\n\\u2028\\u2029]*\\s*$';

// Names and titles are printed in tables, terminals and CI logs: a line
// break there could forge a line (a GitHub "::error" command, say).
const line = () =>
  text()
    .refine((s) => !/[\r\n\u2028\u2029]/.test(s), { error: 'oneLine' })
    .meta({ pattern: LINE_JSON });

const isoDate = () => z.string().regex(DATE_PATTERN, { error: 'dateFormat', abort: true }).refine(isCalendarDate, { error: 'notCalendarDay' });

export const idSchema = z.string().regex(ID_PATTERN, {
  error: 'id',
});

/**
 * The largest metric value, either way: a clerk's figure is far smaller, and
 * sums of values this size stay finite and exact enough to show. "1e400"
 * (Infinity) or two 1e308 summed to Infinity would otherwise reach reports.
 */
const MAX_METRIC_VALUE = 1e15;

/** The significant digits a figure keeps exactly (a double's 15): 12345678901234.567 would read back as …566. */
const MAX_FIGURE_DIGITS = 15;

/** Significant digits of a number as written: 21.40 has 3, 0.0015 has 2, 185.088 has 6. */
function significantDigits(text: string): number {
  const mantissa = text
    .trim()
    .replace(/^[-+]/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '');
  return mantissa.replace(/^0+/, '').replace(/0+$/, '').length;
}

const metricValue = z.preprocess(
  (v, ctx) => {
    if (typeof v !== 'string' || !NUMBER_TEXT.test(v.trim())) return v;
    // FORMAT.md: every digit written is kept and shown; one that cannot be is a finding, not a silently changed figure.
    if (significantDigits(v) > MAX_FIGURE_DIGITS) ctx.addIssue({ code: 'custom', message: 'tooManyDigits', input: v, params: { rule: 'metric-out-of-range' } });
    const n = Number(v);
    // `1e-400` reads as 0: a figure that is not 0, silently changed.
    if (n === 0 && significantDigits(v) > 0) ctx.addIssue({ code: 'custom', message: 'tooSmallToKeep', input: v, params: { rule: 'metric-out-of-range' } });
    return n;
  },
  z.number({ error: 'number' }).refine((n) => Math.abs(n) <= MAX_METRIC_VALUE, {
    error: 'outOfRange',
    params: { rule: 'metric-out-of-range' },
  }),
);

/**
 * A whole number written as text (`12`): vote counts, days. A custom issue
 * carries its rule, so the finding says exactly what is wrong; its code
 * (wholeNumber) and params (what, min, max; no max: any number above min)
 * are put in words by records/schemaFindings.ts.
 */
const wholeNumber = (min: number, max: number, what: 'votes' | 'days', rule?: RuleId) =>
  z
    .union([z.number(), z.string()])
    .meta({ minimum: min, ...(max === Number.MAX_SAFE_INTEGER ? {} : { maximum: max }), multipleOf: 1, pattern: '^\\s*\\d+\\s*$' })
    .transform((v, ctx) => {
      const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
      if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
      const range = max === Number.MAX_SAFE_INTEGER ? { min } : { min, max };
      // A whole number too large to count exactly (99999999999999999999 votes) is said as such, not as "no whole number".
      const huge = max === Number.MAX_SAFE_INTEGER && (typeof v === 'number' ? Number.isInteger(v) && v > max : /^\s*\d+\s*$/.test(v));
      ctx.addIssue({ code: 'custom', message: 'wholeNumber', input: v, params: { ...(rule ? { rule } : {}), what, ...range, ...(huge ? { huge } : {}) } });
      return z.NEVER;
    });

// YAML 1.2's core booleans, read from the failsafe schema's text.
const BOOLEAN_TEXT: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };
const booleanText = () =>
  z.preprocess((v) => (typeof v === 'string' && Object.hasOwn(BOOLEAN_TEXT, v.trim()) ? BOOLEAN_TEXT[v.trim()] : v), z.boolean({ error: 'boolean' }));

const TaskStatusSchema = z.enum(TASK_STATUSES);

const PersonObjectSchema = z.strictObject({ name: line(), role: line().nullish(), organization: line().nullish() });
const PersonSchema = z.union([line(), PersonObjectSchema]);

/** v2 figure: a mapping with at least one of `value` and `ytd`. */
const FigureMappingSchema = z
  .strictObject({
    value: metricValue.nullish(),
    ytd: metricValue.nullish(),
    plan_pct: z.union([metricValue, z.record(idSchema, metricValue)]).nullish(),
    yoy_pct: metricValue.nullish(),
    estimate: booleanText().nullish(),
    qualifier: z.enum(QUALIFIERS).nullish(),
    // NFC: a unit pasted with separate accent marks ("triệu" from a PDF) looks the same and is the same.
    unit: z.preprocess((v) => (typeof v === 'string' ? v.normalize('NFC') : v), z.enum(Object.keys(MONEY_UNITS) as [MoneyUnit, ...MoneyUnit[]])).nullish(),
  })
  .refine((f) => (f.value !== undefined && f.value !== null) || (f.ytd !== undefined && f.ytd !== null), {
    error: 'figureEmpty',
    params: { rule: 'figure-empty', target: 'key' },
  })
  .meta({ anyOf: [{ required: ['value'] }, { required: ['ytd'] }] });

const FigureSchema = z.union([metricValue, FigureMappingSchema]);

/** Each key of a figure mapping and what it takes: what a figure with errors keeps of itself (records/parse.ts, salvage). */
export const FIGURE_KEYS: Readonly<Record<string, z.ZodType>> = FigureMappingSchema.shape;

export const ResultSchema = z.strictObject({
  sector: idSchema,
  summary: text(),
  metrics: z.record(idSchema, FigureSchema).nullish(),
});

// Ten years of days: a deadline is counted day by day, so a count is bounded.
const MAX_DUE_DAYS = 3660;

/** v2: a deadline counted in days from the day after the meeting. */
const DueCountSchema = z
  .strictObject({ working_days: wholeNumber(1, MAX_DUE_DAYS, 'days').nullish(), days: wholeNumber(1, MAX_DUE_DAYS, 'days').nullish() })
  .refine((d) => (d.working_days === undefined || d.working_days === null) !== (d.days === undefined || d.days === null), {
    error: 'dueCount',
  })
  // One of the two given (`days: ~` is not given): at least one, and not both.
  .meta({
    anyOf: [
      { required: ['working_days'], properties: { working_days: { not: { type: 'null' } } } },
      { required: ['days'], properties: { days: { not: { type: 'null' } } } },
    ],
    not: { required: ['working_days', 'days'], properties: { working_days: { not: { type: 'null' } }, days: { not: { type: 'null' } } } },
  });

/** Why a `due` written as text is not one, as a code of the catalogue's schema.rule; undefined when it is one. */
function dueTextCode(text: string): 'notCalendarDay' | 'notMonth' | 'dueFormat' | undefined {
  if (dueForm(text)) return undefined;
  if (DATE_PATTERN.test(text)) return 'notCalendarDay';
  if (/^\d{4}-\d{2}$/.test(text)) return 'notMonth';
  return 'dueFormat';
}

const dueText = () =>
  z
    .string()
    .superRefine((text, ctx) => {
      const code = dueTextCode(text);
      if (code) ctx.addIssue({ code: 'custom', message: code, input: text });
    })
    // A day, a month, a quarter or a year (whether the day is in its month is check's to say).
    .meta({ pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?|-Q[1-4])?$' });

export const TaskSchema = z.strictObject({
  id: idSchema,
  title: line(),
  owner: z.union([idSchema, z.array(idSchema).min(1, { error: 'atLeastOneOwner' })]),
  due: z.union([dueText(), DueCountSchema]).nullish(),
  recurring: booleanText().nullish(),
  sector: idSchema.nullish(),
  status: TaskStatusSchema.nullish().transform((s) => s ?? 'open'),
  directed_by: line().nullish(),
});

export const UpdateSchema = z.strictObject({
  task: idSchema,
  status: TaskStatusSchema,
  note: text().nullish(),
});

const DiscussionSchema = z.strictObject({ speaker: line(), topic: text() });

const DecisionSchema = z.union([
  text(),
  z.strictObject({
    text: text(),
    document: line().nullish(),
    vote: z
      .strictObject({
        for: wholeNumber(0, Number.MAX_SAFE_INTEGER, 'votes', 'vote-count'),
        against: wholeNumber(0, Number.MAX_SAFE_INTEGER, 'votes', 'vote-count').nullish(),
        abstain: wholeNumber(0, Number.MAX_SAFE_INTEGER, 'votes', 'vote-count').nullish(),
      })
      .nullish(),
  }),
]);

const ReferenceSchema = z.strictObject({ document: line(), title: line().nullish() });

const SignerSchema = z.strictObject({ name: line(), title: line(), on_behalf: line().nullish() });

export const NoticeSchema = z.strictObject({
  number: line(),
  date: isoDate(),
  signer: SignerSchema,
  recipients: z.array(line()).nullish(),
});

export const ApprovalSchema = z.strictObject({
  status: z
    .enum(APPROVAL_STATUSES)
    .nullish()
    .transform((s) => s ?? 'draft'),
  approved_by: line().nullish(),
  approved_on: isoDate().nullish(),
  notice: NoticeSchema.nullish(),
});

export const AmendmentSchema = z.strictObject({ date: isoDate(), by: line(), reason: text() });

// Its shape, for editors (the JSON Schema); the code "period" is put in
// words by records/schemaFindings.ts (periodProblem says what is wrong).
const PERIOD_PATTERN = /^\d{4}(-\d{2}(\.\.\d{4}-\d{2})?|-Q[1-4]|-H[12])?$/;

const period = () =>
  z
    .string()
    .regex(PERIOD_PATTERN, { error: 'period', abort: true })
    .superRefine((text, ctx) => {
      if (periodFault(text)) ctx.addIssue({ code: 'custom', message: 'period', input: text });
    })
    // Months 01 to 12 (a run going backwards is check's to say).
    .meta({ pattern: '^\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$|^\\d{4}-(0[1-9]|1[0-2])\\.\\.\\d{4}-(0[1-9]|1[0-2])$' });

export const RecordSchema = z.strictObject({
  title: line(),
  date: isoDate(),
  end_date: isoDate().nullish(),
  kind: z
    .enum(MEETING_KINDS)
    .nullish()
    .transform((k) => k ?? 'regular'),
  period: period().nullish(),
  organization: line().nullish(),
  time: z.string().regex(TIME_PATTERN, { error: 'time' }).nullish(),
  session: z.enum(SESSIONS).nullish(),
  mode: z.enum(MODES).nullish(),
  location: line().nullish(),
  chair: z.union([line(), PersonObjectSchema, z.array(PersonSchema).min(1, { error: 'atLeastOnePerson' })]),
  attendees: z.array(PersonSchema).nullish(),
  recorder: line().nullish(),
  results: z.array(ResultSchema).nullish(),
  shortcomings: z.array(text()).nullish(),
  decisions: z.array(DecisionSchema).nullish(),
  discussion: z.array(DiscussionSchema).nullish(),
  conclusion: text().nullish(),
  tasks: z.array(TaskSchema).nullish(),
  updates: z.array(UpdateSchema).nullish(),
  proposals: z.array(text()).nullish(),
  references: z.array(ReferenceSchema).nullish(),
  approval: ApprovalSchema.nullish(),
  amendments: z.array(AmendmentSchema).nullish(),
  tags: z.array(line()).nullish(),
  // Free-form, never validated beyond being a mapping.
  extra: z.record(z.string(), z.unknown()).nullish(),
});

// Folders are kept in one spelling (`/`, no trailing slash) so every
// command compares root-relative record paths against them alike.
const relativeFolder = () =>
  line()
    .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.split(/[\\/]/).includes('..'), {
      error: 'folder',
    })
    .transform((p) => path.posix.normalize(p.replace(/\\/g, '/')).replace(/\/+$/, '') || '.');

const MetricDefinitionSchema = z.strictObject({
  label: line(),
  unit: line().nullish(),
  sector: idSchema,
  aggregate: z
    .enum(AGGREGATES)
    .nullish()
    .transform((a) => a ?? 'sum'),
  // v2: the year's target, in the metric's unit.
  targets: z.record(z.string().regex(/^\d{4}$/, { error: 'year' }), metricValue).nullish(),
});

/** v2: an owner is a name, or a group `{name, members?}` of declared owners. */
const OwnerSchema = z.union([line(), z.strictObject({ name: line(), members: z.array(idSchema).nullish() })]);

const DocumentsSchema = z.strictObject({
  parent: line().nullish(),
  issuer: line().nullish(),
  code: line().nullish(),
  report_signer: SignerSchema.nullish(),
  notice_signer: SignerSchema.nullish(),
  recipients: z.array(line()).nullish(),
  /** The Báo cáo's "Nơi nhận", when not the notices' (it goes up, to the level above, as well as out). */
  report_recipients: z.array(line()).nullish(),
});

export const ConfigSchema = z.strictObject({
  // Printed atop reports and diffs, and in CI logs: one line, like every name.
  organization: line().nullish(),
  locale: z.enum(LOCALES).nullish(),
  timezone: text().nullish(),
  place: line().nullish(),
  paths: z
    .strictObject({
      meetings: relativeFolder()
        .nullish()
        .transform((p) => p ?? 'meetings'),
      reports: relativeFolder()
        .nullish()
        .transform((p) => p ?? 'reports'),
      templates: relativeFolder()
        .nullish()
        .transform((p) => p ?? 'templates'),
    })
    .nullish()
    .transform((p) => p ?? { meetings: 'meetings', reports: 'reports', templates: 'templates' }),
  sectors: z.record(idSchema, line()),
  owners: z.record(idSchema, OwnerSchema),
  plans: z.record(idSchema, line()).nullish(),
  metrics: z.record(idSchema, MetricDefinitionSchema),
  holidays: z.array(isoDate()).nullish(),
  /** meet's: `none` for a repository outside Vietnam, whose working days skip only the config's `holidays`. */
  public_holidays: z.enum(['vietnam', 'none']).nullish(),
  documents: DocumentsSchema.nullish(),
});

export type RecordData = z.infer<typeof RecordSchema>;
export type TaskData = z.infer<typeof TaskSchema>;
export type UpdateData = z.infer<typeof UpdateSchema>;
export type FigureData = z.infer<typeof FigureSchema>;
export type DecisionData = z.infer<typeof DecisionSchema>;
export type PersonData = z.infer<typeof PersonSchema>;
export type MetricDefinition = z.infer<typeof MetricDefinitionSchema>;
type ParsedConfig = z.infer<typeof ConfigSchema>;

/** The config with every default filled in. */
export interface Config extends Omit<ParsedConfig, 'locale' | 'timezone' | 'organization' | 'owners' | 'plans' | 'holidays'> {
  organization: string;
  locale: Locale;
  timezone: string;
  /** Owner id → name, groups included. */
  owners: Record<string, string>;
  // The v2 keys below are set only when the config gives them, so a version 1
  // config reads as the same value as before.
  /** v2: group id → its members' ids, for the groups that list members. */
  groups?: Record<string, string[]>;
  /** v2: plan id → label. */
  plans?: Record<string, string>;
  /** v2: extra days off for working-day deadlines. */
  holidays?: IsoDate[];
}

export function withDefaults({ plans, holidays, ...parsed }: ParsedConfig): Config {
  const locale = parsed.locale ?? 'vi';
  const owners: Record<string, string> = {};
  const groups: Record<string, string[]> = {};
  for (const [id, owner] of Object.entries(parsed.owners)) {
    owners[id] = typeof owner === 'string' ? owner : owner.name;
    if (typeof owner !== 'string' && owner.members && owner.members.length > 0) groups[id] = owner.members;
  }
  return {
    ...parsed,
    organization: parsed.organization ?? '',
    locale,
    // A Vietnamese repository keeps Vietnamese time; otherwise UTC.
    timezone: parsed.timezone ?? (locale === 'vi' ? 'Asia/Ho_Chi_Minh' : 'UTC'),
    owners,
    ...(Object.keys(groups).length > 0 ? { groups } : {}),
    ...(plans ? { plans } : {}),
    ...(holidays ? { holidays } : {}),
  };
}

const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);

/** Keys a record or the config may have at each level, for "did you mean" suggestions. */
export const KNOWN_KEYS = {
  record: keysOf(RecordSchema),
  result: keysOf(ResultSchema),
  figure: keysOf(FigureMappingSchema),
  task: keysOf(TaskSchema),
  due: keysOf(DueCountSchema),
  update: keysOf(UpdateSchema),
  discussion: keysOf(DiscussionSchema),
  person: keysOf(PersonObjectSchema),
  decision: ['text', 'document', 'vote'],
  vote: ['for', 'against', 'abstain'],
  reference: keysOf(ReferenceSchema),
  approval: keysOf(ApprovalSchema),
  notice: keysOf(NoticeSchema),
  signer: keysOf(SignerSchema),
  amendment: keysOf(AmendmentSchema),
  config: keysOf(ConfigSchema),
  paths: ['meetings', 'reports', 'templates'],
  metric: keysOf(MetricDefinitionSchema),
  group: ['name', 'members'],
  documents: keysOf(DocumentsSchema),
};

type Person = z.infer<typeof PersonSchema>;

/** The chairs of a meeting, the presiding one first (v2: a list when co-chaired). */
export function chairsOf(chair: RecordData['chair']): Person[] {
  return Array.isArray(chair) ? chair : [chair];
}

function personName(person: Person): string {
  return typeof person === 'string' ? person : person.name;
}

/** The presiding chair's name. */
export function chairName(chair: RecordData['chair']): string {
  return personName(chairsOf(chair)[0]!);
}

/** Every chair's name, the presiding one first: "Hoàng Văn Hiệp, Lê Thị Hoa" of a co-chaired meeting. */
export function chairNames(chair: RecordData['chair']): string {
  return chairsOf(chair).map(personName).join(', ');
}

export function ownersOf(task: TaskData): string[] {
  return Array.isArray(task.owner) ? onceEach(task.owner) : [task.owner];
}

/** A decision's text, whether written as text or (v2) as `{text, document?, vote?}`. */
export function decisionText(decision: DecisionData): string {
  return typeof decision === 'string' ? decision : decision.text;
}
