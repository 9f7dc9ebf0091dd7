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
import { isCalendarDate, isMonth } from './dates.js';
import { AGGREGATES, LOCALES, MEETING_KINDS, TASK_STATUSES, type Locale } from './terms.js';

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_PATTERN = /^\d{4}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
// Decimal numbers only: no hex, no `.inf`, no `1_000`; a clerk's figure.
const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

const text = () => z.string().trim().min(1, { error: 'empty' });

// Names and titles are printed in tables, terminals and CI logs: a line
// break there could forge a line (a GitHub "::error" command, say).
const line = () => text().refine((s) => !/[\r\n\u2028\u2029]/.test(s), { error: 'oneLine' });

const isoDate = () => z.string().regex(DATE_PATTERN, { error: 'dateFormat', abort: true }).refine(isCalendarDate, { error: 'notCalendarDay' });

const month = () => z.string().regex(MONTH_PATTERN, { error: 'monthFormat', abort: true }).refine(isMonth, { error: 'notMonth' });

export const idSchema = z.string().regex(ID_PATTERN, {
  error: 'id',
});

const metricValue = z.preprocess((v) => (typeof v === 'string' && NUMBER_TEXT.test(v.trim()) ? Number(v) : v), z.number({ error: 'number' }));

const TaskStatusSchema = z.enum(TASK_STATUSES);

const PersonSchema = z.union([line(), z.strictObject({ name: line(), role: line().nullish() })]);

export const ResultSchema = z.strictObject({
  sector: idSchema,
  summary: text(),
  metrics: z.record(idSchema, metricValue).nullish(),
});

export const TaskSchema = z.strictObject({
  id: idSchema,
  title: line(),
  owner: z.union([idSchema, z.array(idSchema).min(1, { error: 'atLeastOneOwner' })]),
  due: isoDate().nullish(),
  sector: idSchema.nullish(),
  status: TaskStatusSchema.nullish().transform((s) => s ?? 'open'),
});

export const UpdateSchema = z.strictObject({
  task: idSchema,
  status: TaskStatusSchema,
  note: text().nullish(),
});

const DiscussionSchema = z.strictObject({ speaker: line(), topic: text() });

export const RecordSchema = z.strictObject({
  title: line(),
  date: isoDate(),
  kind: z
    .enum(MEETING_KINDS)
    .nullish()
    .transform((k) => k ?? 'regular'),
  period: month().nullish(),
  organization: line().nullish(),
  time: z.string().regex(TIME_PATTERN, { error: 'time' }).nullish(),
  location: line().nullish(),
  chair: PersonSchema,
  attendees: z.array(line()).nullish(),
  recorder: line().nullish(),
  results: z.array(ResultSchema).nullish(),
  decisions: z.array(text()).nullish(),
  discussion: z.array(DiscussionSchema).nullish(),
  tasks: z.array(TaskSchema).nullish(),
  updates: z.array(UpdateSchema).nullish(),
  tags: z.array(line()).nullish(),
  // Free-form, never validated beyond being a mapping.
  extra: z.record(z.string(), z.unknown()).nullish(),
});

// Folders are kept in one spelling (`/`, no trailing slash) so every
// command compares root-relative record paths against them alike.
const relativeFolder = () =>
  text()
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
});

export const ConfigSchema = z.strictObject({
  organization: text().nullish(),
  locale: z.enum(LOCALES).nullish(),
  timezone: text().nullish(),
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
  owners: z.record(idSchema, line()),
  metrics: z.record(idSchema, MetricDefinitionSchema),
});

export type RecordData = z.infer<typeof RecordSchema>;
export type TaskData = z.infer<typeof TaskSchema>;
export type UpdateData = z.infer<typeof UpdateSchema>;
type ParsedConfig = z.infer<typeof ConfigSchema>;

/** The config with every default filled in. */
export interface Config extends Omit<ParsedConfig, 'locale' | 'timezone' | 'organization'> {
  organization: string;
  locale: Locale;
  timezone: string;
}

export function withDefaults(parsed: ParsedConfig): Config {
  const locale = parsed.locale ?? 'vi';
  return {
    ...parsed,
    organization: parsed.organization ?? '',
    locale,
    // A Vietnamese repository keeps Vietnamese time; otherwise UTC.
    timezone: parsed.timezone ?? (locale === 'vi' ? 'Asia/Ho_Chi_Minh' : 'UTC'),
  };
}

/** Keys a record may have at each level, for "did you mean" suggestions. */
export const KNOWN_KEYS = {
  record: Object.keys(RecordSchema.shape),
  result: Object.keys(ResultSchema.shape),
  task: Object.keys(TaskSchema.shape),
  update: Object.keys(UpdateSchema.shape),
  discussion: Object.keys(DiscussionSchema.shape),
  chair: ['name', 'role'],
  config: Object.keys(ConfigSchema.shape),
  paths: ['meetings', 'reports', 'templates'],
  metric: Object.keys(MetricDefinitionSchema.shape),
};

export function chairName(chair: RecordData['chair']): string {
  return typeof chair === 'string' ? chair : chair.name;
}

export function chairRole(chair: RecordData['chair']): string | undefined {
  return typeof chair === 'string' ? undefined : (chair.role ?? undefined);
}

export function ownersOf(task: TaskData): string[] {
  return Array.isArray(task.owner) ? task.owner : [task.owner];
}
