// zod issues → findings a clerk can act on, each at the key or value it is
// about (zod's issue path mapped onto the YAML document's source ranges).
import type { z } from 'zod';
import { KNOWN_KEYS } from '../model/schema.js';
import { nearest as nearestOf, Suggestions } from '../domain/suggest.js';
import { slugify } from '../domain/slug.js';
import { isCalendarDate, lastDayOf, readDate, slashReadings } from '../model/dates.js';
import { messages, type Messages } from '../model/messages/index.js';
import { periodFromWords, periodProblem, quarterNumber } from '../model/periods.js';
import { kindFromWords, plainWords, statusFromWords, termFromWords } from '../model/termWords.js';
import { type Finding, type RuleId } from '../model/ruleCatalogue.js';
import type { PropertyPath } from '../model/record.js';
import { clip } from '../model/text.js';
import { moneyUnitMeant } from '../model/terms.js';

export interface LocatedIssue {
  rule: RuleId;
  message: string;
  path: PropertyPath;
  target: 'key' | 'value';
  /** For an unknown key: the known key it is probably a typo of. */
  suggestion?: string;
  /** Set on a check of a whole mapping (a refinement), rather than of one value. */
  fromRefinement?: true;
  /** A word the config's declared ids may be meant by (checkRules' addSuggestions): "Phòng Tài chính" for tai-chinh. */
  suggest?: Finding['suggest'];
}

type Issue = z.core.$ZodIssue;
type Kind = 'record' | 'config';

const DATE_KEYS = new Set(['date', 'due', 'end_date', 'approved_on', 'holidays']);
// An owner or sector is the config's to suggest (declaredIdAdvice): a slug of its words names no declared one.
const ID_KEYS = new Set(['id', 'task']);

// Keys as a Vietnamese clerk may name them: the key the format means ("keys
// are written in English"). Compared without accents, case or spaces
// (plainWords). English words for them are KEY_ALIASES ("did you mean").
const KEY_WORDS: Record<string, Record<string, string>> = {
  record: {
    'tieu de': 'title', ten: 'title', 'ten cuoc hop': 'title', 'ngay': 'date', 'ngay hop': 'date', 'loai': 'kind', 'hinh thuc': 'kind',
    'loai cuoc hop': 'kind', 'ky': 'period', 'ky bao cao': 'period', 'co quan': 'organization', 'don vi': 'organization', 'thoi gian': 'time',
    'gio': 'time', 'dia diem': 'location', 'chu tri': 'chair', 'nguoi chu tri': 'chair', 'chu toa': 'chair', 'thanh phan': 'attendees',
    'nguoi du': 'attendees', 'dai bieu': 'attendees', 'thu ky': 'recorder', 'nguoi ghi bien ban': 'recorder', 'ket qua': 'results',
    'quyet dinh': 'decisions', 'ket luan': 'decisions', 'thao luan': 'discussion', 'y kien': 'discussion', 'nhiem vu': 'tasks',
    'cong viec': 'tasks', 'cap nhat': 'updates', 'tien do': 'updates', 'nhan': 'tags', 'tu khoa': 'tags',
  },
  task: {
    'ma': 'id', 'ma nhiem vu': 'id', 'ten': 'title', 'noi dung': 'title', 'nhiem vu': 'title', 'tieu de': 'title', 'don vi': 'owner',
    'don vi thuc hien': 'owner', 'co quan': 'owner', 'co quan chu tri': 'owner', 'chu tri': 'owner', 'han': 'due', 'thoi han': 'due',
    'han hoan thanh': 'due', 'ngay het han': 'due', 'han chot': 'due', 'thoi han hoan thanh': 'due', 'linh vuc': 'sector', 'tinh trang': 'status', 'trang thai': 'status',
  },
  update: { 'nhiem vu': 'task', 'ma nhiem vu': 'task', 'tinh trang': 'status', 'trang thai': 'status', 'ghi chu': 'note' },
  result: { 'linh vuc': 'sector', 'tom tat': 'summary', 'noi dung': 'summary', 'chi tieu': 'metrics', 'so lieu': 'metrics' },
  discussion: { 'nguoi phat bieu': 'speaker', 'dai bieu': 'speaker', 'noi dung': 'topic', 'chu de': 'topic' },
  chair: { ten: 'name', 'ho ten': 'name', 'ho va ten': 'name', 'chuc vu': 'role' },
  config: {
    'to chuc': 'organization', 'co quan': 'organization', 'ngon ngu': 'locale', 'mui gio': 'timezone', 'duong dan': 'paths', 'linh vuc': 'sectors',
    'don vi': 'owners', 'chi tieu': 'metrics',
  },
}; // prettier-ignore

/** `value`: what was validated, for the mapping around a key that has no value. */
export function describeIssues(issues: readonly Issue[], kind: Kind, m: Messages = messages('en'), value?: unknown): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  // The first thousand unknown keys of each place get a suggestion: a file
  // shows 200 findings at most, and 200,000 unknown keys cost no more than 1,000.
  const suggestions = new Map<readonly string[], Suggestions>();
  const nearest = (name: string, known: readonly string[]) => {
    let among = suggestions.get(known);
    if (!among) suggestions.set(known, (among = new Suggestions(known, 1000)));
    return among.nearest(name);
  };
  // A due written without its year ("trong tháng 12") is read in the year of the meeting, or the next.
  const written = value !== null && typeof value === 'object' ? (value as { date?: unknown }).date : undefined;
  const meetingDate = typeof written === 'string' && isCalendarDate(written) ? written : undefined;
  for (const issue of issues) {
    // `metrics: { thu-ngan-sach: 12,000 }`: the comma inside { } split the figure, and its digits became a metric of no value.
    const path = issue.path as (string | number)[];
    const name = path[path.length - 1];
    const parent = path.slice(0, -1);
    const around = typeof name === 'string' && /^\d+$/.test(name) && (issue as { input?: unknown }).input === null ? valueAt(value, parent) : undefined;
    if (around !== undefined) out.push(strayDigits(around, name as string, parent, placeName(parent, kind, m), m));
    else describeIssue(issue, [], kind, m, out, nearest, meetingDate);
  }
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

/** The plain mapping at `path` in `value`, or undefined. */
function valueAt(value: unknown, path: readonly (string | number)[]): Record<string, unknown> | undefined {
  let at = value;
  for (const step of path) at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[step] : undefined;
  return at !== null && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>) : undefined;
}

/**
 * `{ value: 21,4, ytd: 131 }`: the comma inside { } split the figure, and its
 * digits became a key of no value. "Remove it" would leave 21: the fix names
 * the number when only one is beside it (JavaScript lists integer keys first,
 * so the key the digits followed is not known), else says what happened.
 */
function strayDigits(mapping: Record<string, unknown>, name: string, path: PropertyPath, place: string, m: Messages): LocatedIssue {
  const numbers = Object.keys(mapping).filter((k) => !/^\d+$/.test(k) && /^[-+]?\d+(\.\d+)?$/.test(String(mapping[k])));
  const one = numbers.length === 1 ? numbers[0]! : undefined;
  const advice = one === undefined ? undefined : numberAdvice(one, `${String(mapping[one])},${name}`, m);
  return { rule: 'unknown-key', message: advice ?? digitsAsKey(name, place, m), path: [...path, name], target: 'key' };
}

/** "073" split from 1,073 is a group of thousands where the records write 1,073 so (English); else decimals, as 21,4. */
export function digitsAsKey(name: string, place: string, m: Messages): string {
  return m.schema.commaGroupsThousands && /^\d{3}$/.test(name) ? m.yaml.thousandsAsKey(name, place) : m.yaml.decimalsAsKey(clip(name), place);
}

/**
 * `- Thông qua: kế hoạch năm 2021` in a list of texts: the ": " made the item
 * a key and its value. The fix quotes the whole item (a decision, an
 * attendee, a line of shortcomings…); "Remove it" would lose it.
 */
function colonInItem(path: PropertyPath, input: unknown, m: Messages): LocatedIssue | undefined {
  if (typeof path[path.length - 1] !== 'number' || input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const entries = Object.entries(input);
  if (entries.length !== 1) return undefined;
  const [name, value] = entries[0]!;
  if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const fix = `- ${JSON.stringify(value === null ? `${name}:` : `${name}: ${String(value)}`)}`;
  return {
    rule: 'yaml-syntax',
    message: m.yaml.colonInItem(Number(path[path.length - 1]) + 1, String(lastKey(path.slice(0, -1))), fix),
    path,
    target: 'value',
  };
}

function describeIssue(issue: Issue, prefix: PropertyPath, kind: Kind, m: Messages, out: LocatedIssue[], nearest: Nearest, meetingDate?: string): void {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const key = lastKey(path);
  const input = (issue as { input?: unknown }).input;
  const s = m.schema;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(path, kind);
      const keys = input !== null && typeof input === 'object' ? Object.keys(input) : [];
      // Built once, when first needed: a search per key would be quadratic in a mapping of 100,000 keys.
      let indexOf: Map<string, number> | undefined;
      const keyBefore = (name: string) => keys[(indexOf ??= new Map(keys.map((k, i) => [k, i]))).get(name)! - 1];
      const place = placeName(path, kind, m);
      for (const name of issue.keys) {
        // `{ name: X, role: Phó Bí thư, Chủ tịch UBND }`: the comma split the role, and its end became a key.
        const value = (input as Record<string, unknown>)[name];
        const before = value === null && /\s/.test(name) ? keyBefore(name) : undefined;
        if (before !== undefined && typeof (input as Record<string, unknown>)[before] === 'string') {
          const fix = `${before}: ${JSON.stringify(`${String((input as Record<string, unknown>)[before])}, ${name}`)}`;
          out.push({ rule: 'unknown-key', message: m.yaml.quotedRole(clip(name), fix), path: [...path, name], target: 'key' });
          continue;
        }
        // `{ value: 21,4, ytd: 131 }`: the decimal comma split the figure, and its decimals became a key ("4",
        // listed first: JavaScript orders integer keys first, so the key it followed is not known). "Remove it" would leave 21.
        if (value === null && /^\d+$/.test(name)) {
          out.push(strayDigits(input as Record<string, unknown>, name, path, place, m));
          continue;
        }
        const translated = translatedKey(name, path, kind, known);
        if (translated) {
          out.push({
            rule: 'unknown-key',
            message: s.translatedKey(clip(name), place, translated),
            path: [...path, name],
            target: 'key',
            suggestion: translated,
          });
          continue;
        }
        const suggestion = aliasedKey(name, known) ?? nearest(name, known);
        out.push({
          rule: 'unknown-key',
          message: s.unknownKey(clip(name), place, suggestion, kind === 'record' && path.length === 0),
          path: [...path, name],
          target: 'key',
          ...(suggestion ? { suggestion } : {}),
        });
      }
      return;
    }
    case 'invalid_union': {
      const branches = issue.errors;
      // A list item that may be a text or a mapping (a decision, an attendee, a chair) read as `key: value`.
      const texts = branches.some((b) => b.some((i) => i.code === 'invalid_type' && i.path.length === 0 && i.expected === 'string'));
      const quoted = texts ? colonInItem(path, input, m) : undefined;
      if (quoted && !knownKeysAt(path, kind).includes(Object.keys(input as object)[0]!)) {
        out.push(quoted);
        return;
      }
      // Report the branch that got furthest: the one whose issues are not
      // just "wrong type at the top".
      // A figure of "1e400" is a number, just none to count with: say that.
      const infinite = branches.flat().find((i) => i.code === 'invalid_type' && i.path.length === 0 && typeof i.input === 'number' && !Number.isNaN(i.input));
      if (infinite) {
        describeIssue(infinite, path, kind, m, out, nearest, meetingDate);
        return;
      }
      const deep = branches.find((b) => b.some((i) => i.path.length > 0 || i.code !== 'invalid_type'));
      if (deep) {
        for (const inner of deep) describeIssue(inner, path, kind, m, out, nearest, meetingDate);
        return;
      }
      const expected = branches.flatMap((b) => b.map((i) => (i.code === 'invalid_type' ? i.expected : '')));
      out.push(typeIssue(path, key, input, expected.filter(Boolean) as string[], m));
      return;
    }
    case 'invalid_type':
      // "1e400" reads as Infinity: a number, but none to count with.
      if (typeof input === 'number' && !Number.isNaN(input)) {
        out.push({ rule: 'metric-out-of-range', message: s.outOfRange(String(key), quote(input)), path, target: 'value' });
        return;
      }
      out.push(typeIssue(path, key, input, [issue.expected], m));
      return;
    case 'invalid_value': {
      if (input === undefined || input === null) {
        out.push(typeIssue(path, key, input, [], m));
        return;
      }
      const allowed = issue.values.map(String);
      // `kind: thường kỳ`, `status: hoàn thành`: the right word, in the clerk's language.
      const term = typeof input === 'string' ? termOf(String(key), path, input) : undefined;
      // A figure's `unit: GBP`: the metric's own unit needs none, and only money in đồng is converted;
      // `unit: tr.đ` is triệu đồng shortened (left out, the figure would be read in the metric's unit: 1,000 times too large).
      const figureUnit = key === 'unit' && path.includes('metrics') && !nearestOf(String(input), allowed);
      const meant = figureUnit ? moneyUnitMeant(String(input)) : undefined;
      out.push({
        rule: 'invalid-value',
        message: term
          ? s.termWord(String(key), quote(input), term)
          : figureUnit
            ? meant
              ? s.figureUnitShort(quote(input), meant, allowed.join(', '))
              : s.figureUnitOnlyMoney(quote(input), allowed.join(', '))
            : s.oneOf(String(key), quote(input), allowed.join(', '), typeof input === 'string' ? nearestOf(input, allowed) : undefined),
        path,
        target: 'value',
      });
      return;
    }
    case 'invalid_key': {
      // `tư-pháp:` in the config: the id it would be without accents, capitals and spaces.
      const slug = slugify(String(key), '');
      out.push({
        rule: 'invalid-value',
        message: s.badId(clip(String(key)), ruleText(issue.issues[0]?.message, m) ?? s.notValidId) + (slug && slug !== key ? s.idMeant(slug) : ''),
        path,
        target: 'key',
      });
      return;
    }
    case 'custom': {
      // A rule of its own, named by the schema (figure-empty, vote-count), or a refinement (a real day, one line).
      const params = (issue as { params?: IssueParams }).params;
      const mapping = typeof input === 'object' && input !== null;
      const why = problemText(issue.message, input, params, m) ?? issue.message;
      const declared = declaredIdAdvice(String(key), input, m);
      const message = mapping
        ? s.tooSmall(String(key), why)
        : issue.message === 'outOfRange'
          ? s.outOfRange(String(key), quote(input))
          : (declared?.message ?? writtenOtherwise(String(key), input, m, inList(path), meetingDate) ?? s.isWhich(String(key), quote(input), why));
      out.push({
        rule: params?.rule ?? (DATE_KEYS.has(String(key)) ? 'invalid-date' : 'invalid-value'),
        message,
        path,
        target: params?.target ?? 'value',
        ...(mapping ? { fromRefinement: true as const } : {}),
        ...(declared && !mapping ? { suggest: declared.suggest } : {}),
      });
      return;
    }
    case 'too_small':
      out.push({
        rule: issue.origin === 'string' ? 'required-key' : 'invalid-value',
        message: s.tooSmall(String(key), problemText(issue.message, input, undefined, m) ?? issue.message),
        path,
        target: 'value',
      });
      return;
    default: {
      const isDate = DATE_KEYS.has(String(key));
      const declared = declaredIdAdvice(String(key), input, m);
      out.push({
        rule: isDate ? 'invalid-date' : 'invalid-value',
        message:
          declared?.message ??
          writtenOtherwise(String(key), input, m, inList(path), meetingDate) ??
          s.isWhich(String(key), quote(input), problemText(issue.message, input, undefined, m) ?? issue.message),
        path,
        target: 'value',
        ...(declared ? { suggest: declared.suggest } : {}),
      });
    }
  }
}

/** What a schema's custom issue carries (model/schema.ts): its rule, where it is reported, and the values its words need. */
interface IssueParams {
  rule?: RuleId;
  target?: 'key' | 'value';
  what?: 'votes' | 'days';
  min?: number;
  max?: number;
  /** A whole number too large to count exactly. */
  huge?: boolean;
}

/** A schema rule's code (model/schema.ts) in the user's words. */
function ruleText(code: string | undefined, m: Messages): string | undefined {
  return code !== undefined && Object.hasOwn(m.schema.rule, code) ? m.schema.rule[code as keyof Messages['schema']['rule']] : undefined;
}

/** A schema rule's code in the user's words, the codes that need the value or the issue's numbers included. */
function problemText(code: string | undefined, input: unknown, params: IssueParams | undefined, m: Messages): string | undefined {
  if (code === 'period') {
    const text = typeof input === 'string' ? input : '';
    const meant = periodFromWords(text);
    return (periodProblem(text, m.period) ?? m.period.shape) + (meant ? m.period.meant(`period: ${meant}`) : '');
  }
  if (code === 'wholeNumber' && params?.what !== undefined && params.huge) return m.schema.hugeCount(params.what);
  if (code === 'wholeNumber' && params?.what !== undefined && params.min !== undefined) return m.schema.wholeNumber(params.what, params.min, params.max);
  return ruleText(code, m);
}

// English names of a key ("did you mean"), checked before the nearest spelling: `due_date` is a deadline, and
// "Remove it" would leave the task without one.
const KEY_ALIASES: Record<string, string> = {
  'due date': 'due', duedate: 'due', 'due by': 'due', 'deadline date': 'due', 'end date': 'end_date', enddate: 'end_date',
  'approved by': 'approved_by', 'approved on': 'approved_on', 'directed by': 'directed_by', 'on behalf': 'on_behalf',
  'plan pct': 'plan_pct', 'yoy pct': 'yoy_pct', 'working days': 'working_days', 'assigned to': 'owner', 'responsible': 'owner',
  assignee: 'owner', deadline: 'due', chairman: 'chair', chairperson: 'chair', place: 'location', venue: 'location', participants: 'attendees',
  attendance: 'attendees', present: 'attendees', secretary: 'recorder', 'minutes taker': 'recorder', clerk: 'recorder', 'action items': 'tasks',
  actions: 'tasks', state: 'status', abstentions: 'abstain', abstained: 'abstain', 'votes for': 'for', 'votes against': 'against',
}; // prettier-ignore

function aliasedKey(name: string, known: readonly string[]): string | undefined {
  const meant = KEY_ALIASES[plainWords(name)];
  return meant && known.includes(meant) && meant !== name ? meant : undefined;
}

/** The format's key meant by a key written in Vietnamese or English words ("tiêu đề" → title). */
function translatedKey(name: string, path: PropertyPath, kind: Kind, known: readonly string[]): string | undefined {
  const level =
    kind === 'config'
      ? 'config'
      : (({ tasks: 'task', updates: 'update', results: 'result', discussion: 'discussion', chair: 'chair', attendees: 'chair' } as Record<string, string>)[
          String(path[0])
        ] ?? 'record');
  const meant = KEY_WORDS[level]?.[plainWords(name)];
  return meant && known.includes(meant) ? meant : undefined;
}

// A deadline written as standing work: "thường xuyên", "hằng tháng", "ongoing".
const STANDING_WORDS = new Set([
  'thuong xuyen',
  'hang thang',
  'hang tuan',
  'hang ngay',
  'lien tuc',
  'dinh ky',
  'recurring',
  'ongoing',
  'continuous',
  'regularly',
]);

/**
 * An owner or sector written as a name or several ids ("Phòng Tài chính",
 * "van-phong, tai-chinh"): which id it means is the config's to say (the
 * finding's `suggest`); a slug of the words would name no declared owner.
 */
function declaredIdAdvice(key: string, input: unknown, m: Messages): { message: string; suggest: NonNullable<Finding['suggest']> } | undefined {
  if ((key !== 'owner' && key !== 'sector') || typeof input !== 'string' || input.trim() === '') return undefined;
  return { message: m.schema.idWrittenDeclared(key, quote(input)), suggest: { word: input, among: key === 'owner' ? 'owners' : 'sectors' } };
}

/** The format's word a value written in the clerk's words means: `kind: thường kỳ`, `mode: trực tuyến`, `approval.status: đã thông qua`. */
function termOf(key: string, path: PropertyPath, input: string): string | undefined {
  if (key === 'kind') return kindFromWords(input);
  if (key === 'status') return path[0] === 'approval' ? termFromWords('approval', input) : statusFromWords(input);
  if (key === 'mode' || key === 'session' || key === 'qualifier') return termFromWords(key, input);
  return undefined;
}

/** Whether `path` names an item of a list (`holidays: [10/02/2021]`): its fix is the value alone, not `key: value`. */
const inList = (path: PropertyPath): boolean => typeof path[path.length - 1] === 'number';

/** "8h30", "14 giờ", "2 giờ chiều", "7:30pm", "19.30", "7:5" as HH:MM, or undefined. */
function timeFromWords(text: string): string | undefined {
  const t = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(\d{1,2}) ?(?:h|g|giờ|:|\.)? ?(\d{1,2})? ?(?:phút|p)? ?(am|pm|a\.m\.|p\.m\.|sáng|trưa|chiều|tối)?$/.exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined && !/h|g|giờ/.test(t))) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const part = m[3];
  if (part && /pm|p\.m\.|chiều|tối/.test(part) && hour < 12) hour += 12;
  if (part && /am|a\.m\./.test(part) && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * A date, id or number the clerk wrote their own way, with the way the
 * format writes it: 26/10/2020 → 2020-10-26, noi-vụ → noi-vu, 21,4 → 21.4.
 */
function writtenOtherwise(key: string, input: unknown, m: Messages, item = false, meetingDate?: string): string | undefined {
  if (typeof input !== 'string') return undefined;
  const s = m.schema;
  const value = quote(input);
  if (DATE_KEYS.has(key)) {
    const reading = readDate(input, true);
    // Records written in English: 07/05/2024 may be either day, and 11/25/2024 is the month first.
    const days = m.cli.slashesDayFirst ? [] : slashReadings(input);
    const fix = (day: string) => (item ? day : `${key}: ${day}`);
    if (days.length > 1) return s.dateWrittenEither(key, value, days.map(fix));
    if (days.length === 1 && !('date' in reading)) return s.dateWritten(key, value, fix(days[0]!));
    if ('date' in reading) return reading.date === input.trim() ? undefined : s.dateWritten(key, value, item ? reading.date : `${key}: ${reading.date}`);
    if (reading.wrong === 'day') return s.dateWrittenNotADay(key, value, s.dayOutOfMonth(reading.month, reading.year, reading.days));
    if (reading.wrong === 'month' && /\d/.test(input)) return s.dateWrittenNotADay(key, value, s.noSuchMonth(reading.month));
    // "thường xuyên" is standing work, which has no deadline: `recurring: true`.
    if (key === 'due' && STANDING_WORDS.has(plainWords(input))) return s.dueStanding(value);
    // "tháng 1/2021", "01/2021", "Quý 1/2021": a month's, a quarter's or a year's due as the format writes it (a half year is none).
    const period = key === 'due' ? periodFromWords(input) : undefined;
    if (period !== undefined && !period.includes('H')) return s.duePeriodWritten(value, `due: ${period}`);
    const dated = key === 'due' && meetingDate ? dueWithoutYear(input, meetingDate, m.cli.slashesDayFirst) : undefined;
    if (dated !== undefined) return s.dueYearAdded(value, `due: ${dated}`);
    if (/\p{L}{2,}/u.test(input)) {
      const day = dateFromWords(input);
      // A due in words that names no day ("cuối năm") may be one of its other forms: the schema's message lists them.
      if (day === undefined && key === 'due') return undefined;
      return s.dateInWords(key, value, day ?? '2020-11-30');
    }
    return undefined;
  }
  if (key === 'time') {
    const time = timeFromWords(input);
    return time === undefined ? undefined : s.timeWritten(value, `time: ${time}`);
  }
  if (ID_KEYS.has(key)) {
    const suggestion = slugify(input, '');
    return suggestion && suggestion !== input ? s.idWritten(key, value, suggestion) : undefined;
  }
  return undefined;
}

/**
 * A due written without its year ("trong tháng 12", "31/12", "quý 4"), in
 * the format's form: in the meeting's year when that is not before the
 * meeting, else in the next (a deadline is never set in the past).
 */
function dueWithoutYear(text: string, meetingDate: string, dayFirst: boolean): string | undefined {
  const words = plainWords(text);
  const year = Number(meetingDate.slice(0, 4));
  const meetingMonth = Number(meetingDate.slice(5, 7));
  const month2 = (mo: number) => String(mo).padStart(2, '0');
  let match = /^(?:trong |den het |het |cuoi |truoc )?thang (\d{1,2})$/.exec(words);
  if (match) {
    const mo = Number(match[1]);
    if (mo < 1 || mo > 12) return undefined;
    return `${mo >= meetingMonth ? year : year + 1}-${month2(mo)}`;
  }
  // 7/5 is 5 July to an English clerk in the United States: a day and month are read only where days come first.
  match = dayFirst ? /^(?:ngay |truoc ngay |truoc )?(\d{1,2})(?:\/| thang )(\d{1,2})$/.exec(words) : null;
  if (match) {
    const [d, mo] = [Number(match[1]), Number(match[2])];
    const day = (y: number) => `${y}-${month2(mo)}-${String(d).padStart(2, '0')}`;
    return isCalendarDate(day(year)) && day(year) >= meetingDate ? day(year) : isCalendarDate(day(year + 1)) ? day(year + 1) : undefined;
  }
  match = /^(?:trong |het )?(?:quy|qui) ([1-4]|iv|i{1,3})$/.exec(words);
  if (match) {
    const q = quarterNumber(match[1]!);
    return `${q * 3 >= meetingMonth ? year : year + 1}-Q${q}`;
  }
  return undefined;
}

/** "30 tháng 11 năm 2020", "ngày 30/11/2020", "cuối tháng 11/2020", "November 30, 2020" → the day, when one is said. */
function dateFromWords(text: string): string | undefined {
  const words = plainWords(text);
  const iso = (y: number, mo: number, d: number) => {
    const reading = readDate(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    return 'date' in reading ? reading.date : undefined;
  };
  let match = /(\d{1,2}) thang (\d{1,2})(?: nam |\/)(\d{4})/.exec(words) ?? /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(words);
  if (match) return iso(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /(?:cuoi|het) thang (\d{1,2})(?: nam |\/)(\d{4})/.exec(words);
  if (match) return lastDayOf(`${match[2]}-${match[1]!.padStart(2, '0')}`);
  const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  match = new RegExp(`(${months.join('|')}) (\\d{1,2}),? (\\d{4})`).exec(words) ?? new RegExp(`(\\d{1,2}) (${months.join('|')}),? (\\d{4})`).exec(words);
  if (match) {
    const named = months.includes(match[1]!) ? match[1]! : match[2]!;
    const day = months.includes(match[1]!) ? match[2]! : match[1]!;
    return iso(Number(match[3]), months.indexOf(named) + 1, Number(day));
  }
  return undefined;
}

/** A figure written the way Vietnamese (or English) prose writes it: 21,4 · 1.234,5 · 61,8% · 2 500. */
function numberAdvice(key: string, input: string, m: Messages): string | undefined {
  const text = input.trim();
  const value = quote(input);
  const percent = /^([-+]?[\d.,\s]*\d)\s*%$/.exec(text);
  const body = percent ? percent[1]! : text;
  const plain = plainNumber(body, m);
  if (plain === undefined) return undefined;
  const fix = `${key}: ${plain}`;
  if (percent) return m.schema.percentSign(key, value, fix);
  if (/\s/.test(body)) return m.schema.spacedNumber(key, value, fix);
  return m.schema.decimalComma(key, value, fix);
}

/** The number a figure's digits say, written as YAML writes it ("1.234,5": 1234.5), or undefined. */
function plainNumber(body: string, m: Messages): string | undefined {
  let plain: string | undefined;
  // "1,500" is fifteen hundred to an English clerk: 1.5 would be a figure a thousand times too small that passes.
  if (m.schema.commaGroupsThousands && /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) plain = body.replace(/,/g, '');
  else if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(body)) plain = body.replace(/\./g, '').replace(',', '.');
  else if (/^[-+]?\d+,\d+$/.test(body)) plain = body.replace(',', '.');
  else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) plain = body.replace(/,/g, '');
  else if (/^[-+]?\d{1,3}(\s\d{3})+([.,]\d+)?$/.test(body)) plain = body.replace(/\s/g, '').replace(',', '.');
  else if (/^[-+]?\d+(\.\d+)?$/.test(body)) plain = body;
  if (plain === undefined) return undefined;
  // "1,500" as decimals is 1.5: "1.500" would read as a thousands dot and be warned about in turn.
  return plain.includes('.') ? plain.replace(/\.?0+$/, '') : plain;
}

// Words a report writes around a figure, and the key that says each (FORMAT.md v2): "trên 21,4", "ước khoảng 5".
const FIGURE_MARKS: readonly [RegExp, string][] = [
  [/^(?:trên|hơn|over|more than|above)\s+/iu, 'qualifier: at-least'],
  [/^(?:khoảng|gần|xấp xỉ|about|around|approximately)\s+|^~\s*/iu, 'qualifier: about'],
  [/^(?:dưới|under|less than|below)\s+/iu, 'qualifier: at-most'],
  [/^(?:ước(?:\s+(?:đạt|tính|thực hiện))?|estimated|est\.)\s+/iu, 'estimate: true'],
];
// A money unit after the number ("21,4 tỷ", "350 triệu đồng", "350 tr.đ"), as moneyUnitMeant reads a figure's unit:
// left out, 350 would be read in the metric's unit.
const WORDS_AFTER = /\s*([^\d\s.,][^\d]*)$/u;

/**
 * A figure (a metric's, or its `value`) written with the words around it, a
 * money unit after it, Word's minus sign (U+2212) or full-width digits: the
 * number alone, and the keys that say the rest. `whole`: the figure is the
 * metric's own value (`thu-ngan-sach: trên 21,4`), answered as a mapping.
 */
function figureWordsAdvice(key: string, input: string, whole: boolean, m: Messages): string | undefined {
  const typed = input.normalize('NFC').trim();
  let text = typed.replace(/[\uff10-\uff19\uff0c\uff0e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u2212/gu, '-');
  const marks: string[] = [];
  for (let found = true; found;) {
    found = false;
    for (const [words, mark] of FIGURE_MARKS) {
      const at = words.exec(text);
      if (at && !marks.includes(mark)) {
        marks.push(mark);
        text = text.slice(at[0].length);
        found = true;
      }
    }
  }
  const after = WORDS_AFTER.exec(text);
  const money = after ? moneyUnitMeant(after[1]!) : undefined;
  if (after && money) text = text.slice(0, after.index);
  if (marks.length === 0 && !money && text === typed) return undefined;
  const plain = plainNumber(text.trim(), m);
  if (plain === undefined) return undefined;
  // Only the characters were Word's (a minus sign, full-width digits): the number, as a number.
  if (marks.length === 0 && !money) return m.schema.typedNumber(key, quote(input), `${whole ? key : 'value'}: ${plain}`);
  const parts = [`value: ${plain}`, ...(money ? [`unit: ${money}`] : []), ...marks];
  const fix = whole ? `${key}: { ${parts.join(', ')} }` : parts.join(', ');
  return m.schema.figureWords(key, quote(input), fix);
}

function typeIssue(path: PropertyPath, key: string | number, input: unknown, expected: string[], m: Messages = messages('en')): LocatedIssue {
  const s = m.schema;
  const last = path[path.length - 1];
  if (input === null && typeof last === 'number') {
    return { rule: 'required-key', message: s.emptyItem(last + 1, String(key)), path, target: 'value' };
  }
  if (input === undefined || input === null) {
    return {
      rule: 'required-key',
      message: input === undefined ? s.missing(String(key), requiredHint(path, m)) : s.noValue(String(key), requiredHint(path, m)),
      path,
      target: 'key',
    };
  }
  const shapes = [...new Set(expected)];
  const quoted = shapes.length === 1 && shapes[0] === 'string' ? colonInItem(path, input, m) : undefined;
  if (quoted) return quoted;
  if (typeof input === 'string' && shapes.includes('number')) {
    // A metric's figure (`thu-ngan-sach: trên 21,4`) or its `value`: the words around the number have keys of their own.
    const figure = path.length >= 2 && path[path.length - 2] === 'metrics' ? 'whole' : key === 'value' && path.includes('metrics') ? 'value' : undefined;
    const advice = (figure && figureWordsAdvice(String(key), input, figure === 'whole', m)) || numberAdvice(String(key), input, m);
    if (advice) return { rule: 'invalid-type', message: advice, path, target: 'value' };
  }
  if (typeof input === 'string' && shapes.length === 1 && shapes[0] === 'array') {
    return { rule: 'invalid-type', message: s.listOfLines(String(key), shapeOf(input, m)), path, target: 'value' };
  }
  return {
    rule: 'invalid-type',
    message: s.wrongShape(String(key), shapes.map((e) => shapeName(e, m)).join(s.shape.or), shapeOf(input, m)),
    path,
    target: 'value',
  };
}

function requiredHint(path: PropertyPath, m: Messages): string {
  const hints: Record<string, string> = m.schema.hint;
  const key = String(lastKey(path));
  // "title" is a meeting's, a task's, or a signer's (chức vụ): each is asked for in its own words.
  if (key === 'title' && path.length > 1) {
    if (path[0] === 'tasks') return m.schema.hint.taskTitle;
    if (path.some((p) => typeof p === 'string' && p.endsWith('signer'))) return m.schema.hint.signerTitle;
    return '';
  }
  // "date" is the meeting's at the top only: a notice's is the day it was issued, an amendment's the day of the correction.
  if (key === 'date' && path.length > 1) {
    if (path[0] === 'amendments') return m.schema.hint.amendmentDate;
    if (path.includes('notice')) return m.schema.hint.noticeDate;
    return '';
  }
  return hints[key] ?? '';
}

function shapeName(expected: string, m: Messages): string {
  switch (expected) {
    case 'array':
      return m.schema.shape.list;
    case 'object':
    case 'record':
      return m.schema.shape.mapping;
    case 'string':
      return m.schema.shape.text;
    case 'number':
      return m.schema.shape.number;
    case 'boolean':
      return m.schema.shape.boolean;
    default:
      return expected;
  }
}

function shapeOf(input: unknown, m: Messages): string {
  if (Array.isArray(input)) return m.schema.got.list;
  if (typeof input === 'object' && input !== null) return m.schema.got.mapping;
  if (typeof input === 'string') return m.schema.got.text(quote(input));
  return String(input);
}

function quote(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(short);
  }
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object' && value !== null) return '{…}';
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

function placeName(path: PropertyPath, kind: Kind, m: Messages): string {
  const p = m.schema.place;
  if (kind === 'config') {
    if (path[0] === 'paths') return p.paths;
    if (path[0] === 'metrics') return p.metric(clip(String(path[1])));
    if (path[0] === 'owners') return p.owner(clip(String(path[1])));
    if (path[0] === 'documents') return p.documents(path.length > 1 ? clip(String(path[1])) : undefined);
    return p.config;
  }
  const index = typeof path[1] === 'number' ? path[1] + 1 : undefined;
  switch (path[0]) {
    case 'results':
      if (index === undefined) return p.results;
      return path[2] === 'metrics' && path.length > 3 ? p.figure(clip(String(path[3])), index) : p.result(index);
    case 'tasks':
      if (index === undefined) return p.tasks;
      return path[2] === 'due' ? p.taskDue(index) : p.task(index);
    case 'updates':
      return index === undefined ? p.updates : p.update(index);
    case 'discussion':
      return index === undefined ? p.discussions : p.discussion(index);
    case 'chair':
      return index === undefined ? p.chair : p.chairN(index);
    case 'attendees':
      return p.attendee(index);
    case 'decisions':
      return index !== undefined && path[2] === 'vote' ? p.vote(index) : p.decision(index);
    case 'references':
      return p.reference(index);
    case 'approval':
      return path[1] === 'notice' ? (path[2] === 'signer' ? p.signer : p.notice) : p.approval;
    case 'amendments':
      return p.amendment(index);
    default:
      return p.record;
  }
}
