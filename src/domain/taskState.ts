// Task state as docs/format.md defines it: the status as assigned, then the
// updates of every later meeting up to a day, applied in date order (equal
// dates: file path order). Pure functions of loaded records and a date.
import type { CheckedRecord, MeetingRecord } from '../model/record.js';
import { daysBetween, type IsoDate } from '../model/dates.js';
import type { DueWritten } from '../model/due.js';
import type { Config, TaskData } from '../model/schema.js';
import { onceEach } from '../model/tasks.js';
import { Deadlines } from './deadlines.js';
import type { TaskChange, TaskState, TaskTerms } from '../model/tasks.js';
import type { TaskStatus } from '../model/terms.js';

/** Meeting order: by date, equal dates by file path. */
export function compareRecords(a: Pick<CheckedRecord, 'data' | 'file'>, b: Pick<CheckedRecord, 'data' | 'file'>): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? -1 : 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** The body of a record read with bodies; one read without is a bug in the caller. */
export function bodyOf(record: MeetingRecord): string {
  if (record.body === undefined) throw new Error(`${record.file} was read without its body`);
  return record.body;
}

export function sortRecords(records: readonly MeetingRecord[]): MeetingRecord[] {
  return [...records].sort(compareRecords);
}

export function isOpenStatus(status: TaskStatus): boolean {
  return status === 'open' || status === 'in-progress';
}

const NO_EXTRA_HOLIDAYS = new Deadlines();

/**
 * Every task with its state at the end of `day`; tasks assigned later do not
 * exist yet. `deadlines` resolves `due` (deadlinesOf(config): the config's
 * holidays count for working-day deadlines). Report, diff and tasks walk the
 * same states in typed arrays (taskRegister.ts); this is for the commands
 * that look at a few tasks or need their histories.
 */
export function taskStatesOn(records: readonly MeetingRecord[], day: IsoDate, deadlines = NO_EXTRA_HOLIDAYS): Map<string, TaskState> {
  const states = new Map<string, TaskState>();
  const shared = new SharedParts();
  for (const record of sortRecords(records)) {
    if (record.data.date > day) break;
    const { date, updates, tasks } = record.data;
    if (updates) {
      for (const update of updates) {
        const state = states.get(update.task);
        // Only updates from meetings held strictly after the assignment count
        // (the same rule `meet check` enforces).
        if (!state || !(state.meeting.data.date < date)) continue;
        state.status = update.status;
        // Written whole: a key added later would go to a separate property store.
        const change: TaskChange = update.note
          ? { date, file: record.file, status: update.status, note: update.note }
          : { date, file: record.file, status: update.status };
        // A new array, never a push: the one a state starts with is shared. (concat makes it
        // exactly as long as it is; a spread leaves room for 16 more, 136 bytes a task updated.)
        state.history = state.history.concat([change]);
      }
    }
    if (tasks) {
      for (const task of tasks) {
        if (states.has(task.id)) continue; // a duplicate id: the first assignment stands
        states.set(task.id, new StateOfTask(task, record, deadlines, shared));
      }
    }
  }
  return states;
}

/**
 * A task's state, its keys set in order. Made by a constructor, so that V8
 * keeps every field in the object itself: an object literal given its keys
 * one by one put most of them in a second, separate store (a million tasks
 * at 100k records).
 */
class StateOfTask implements TaskState {
  declare id: string;
  declare title: string;
  declare owners: readonly string[];
  declare due?: IsoDate;
  declare dueAsWritten?: DueWritten;
  declare recurring: boolean;
  declare directedBy?: string;
  declare sector?: string;
  declare meeting: MeetingRecord;
  declare status: TaskStatus;
  declare history: readonly TaskChange[];

  constructor(task: TaskData, record: MeetingRecord, deadlines: Deadlines, shared: SharedParts) {
    this.id = task.id;
    this.title = task.title;
    this.owners = shared.owners(task);
    putTaskTerms(this, task, deadlines.resolve(task.due, record.data.date));
    if (task.sector) this.sector = task.sector;
    this.meeting = record;
    this.status = task.status;
    this.history = shared.history(record, task.status);
  }
}

/** What the states of one walk share, frozen: a million tasks at 100k records. */
class SharedParts {
  private record: MeetingRecord | undefined;
  private readonly byStatus = new Map<TaskStatus, readonly TaskChange[]>();
  readonly owners = ownerListsOf();

  /**
   * The history a task starts with: one array per meeting and status,
   * shared by the meeting's tasks until an update gives one its own (most
   * are never updated).
   */
  history(record: MeetingRecord, status: TaskStatus): readonly TaskChange[] {
    // Records come one after the other: only the current one's are kept.
    if (record !== this.record) {
      this.record = record;
      this.byStatus.clear();
    }
    let history = this.byStatus.get(status);
    if (!history) {
      history = Object.freeze([Object.freeze({ date: record.data.date, file: record.file, status })]);
      this.byStatus.set(status, history);
    }
    return history;
  }
}

/** A task's owners as a list: its own list, or for an owner written alone one frozen list per owner, shared by the tasks that have it. */
export function ownerListsOf(): (task: TaskData) => readonly string[] {
  const lone = new Map<string, readonly string[]>();
  return (task) => {
    if (Array.isArray(task.owner)) return onceEach(task.owner);
    let owners = lone.get(task.owner);
    if (!owners) lone.set(task.owner, (owners = Object.freeze([task.owner])));
    return owners;
  };
}

/** A task's deadline (resolved and as written), whether it is standing work, and who directed it. */
export function taskTerms(task: TaskData, date: IsoDate, deadlines: Deadlines): TaskTerms {
  return taskTermsAt(task, deadlines.resolve(task.due, date));
}

/** taskTerms with `due` already resolved (a task register's rows). */
export function taskTermsAt(task: TaskData, due: IsoDate | undefined): TaskTerms {
  const terms: TaskTerms = {};
  putTaskTerms(terms, task, due);
  return terms;
}

/**
 * Sets taskTerms' keys on `target`, in their order, `due` already resolved,
 * without a copy (a state or a report's row is made for each of a million tasks).
 */
export function putTaskTerms(target: TaskTerms, task: TaskData, due: IsoDate | undefined): void {
  if (due) target.due = due;
  if (task.due !== undefined && task.due !== null) target.dueAsWritten = task.due;
  target.recurring = task.recurring === true;
  if (task.directed_by) target.directedBy = task.directed_by;
}

/** The meeting a task's row names. */
export interface RowMeeting {
  readonly date: IsoDate;
  readonly title: string;
  readonly file: string;
  /** Another organization's meeting (FORMAT.md: outputs show it beside the meeting); absent for the repository's own. */
  readonly organization?: string;
}

/**
 * The organization a record's figures belong to, and the outputs name
 * beside its meeting: null for the repository's own. A name the clerk
 * means as the config's is the config's (organizationKey), so that its
 * figures are added up with the repository's; another organization's name
 * is shown in NFC with its spaces as one.
 */
export function organizationOf(record: Pick<MeetingRecord, 'data'>, config: Pick<Config, 'organization'>): string | null {
  const named = record.data.organization?.normalize('NFC').replace(SPACES, ' ').trim();
  return !named || organizationKey(named) === organizationKey(config.organization) ? null : named;
}

const SPACES = /[\s\u00a0]+/gu;
// A syllable ending in "oa", "oe" or "uy" (not after "q": "quý", "quà" have one placement) with its tone mark
// on the second vowel, in NFD: the old placement ("hoà", "khoẻ", "thuý") of the new one ("hòa", "khỏe", "thủy").
const OLD_TONE_PLACEMENT = /(?<![q\p{M}])([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu;

/**
 * An organization's name as compared: the same name typed on a Mac (NFD),
 * with two spaces or a no-break space from Word, a full stop at the end,
 * other capitals, or the tone mark placed the old way (Unikey's setting:
 * "Hoà Bình" for "Hòa Bình") is the same organization.
 */
export function organizationKey(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    const spelled = name.normalize('NFD').replace(SPACES, ' ').trim().replace(/\.$/u, '').toLocaleLowerCase('vi');
    key = spelled.replace(OLD_TONE_PLACEMENT, '$1$3$2').normalize('NFC');
    // A repository names a few organizations, asked for once a record and month: each name worked out once.
    if (KEYS.size < 10_000) KEYS.set(name, key);
  }
  return key;
}

const KEYS = new Map<string, string>();

const ROW_MEETINGS = new WeakMap<MeetingRecord, RowMeeting>();

/** The meeting a task's row names: one frozen value per record, shared by its tasks' rows (560,000 rows in a report at 100k records). */
export function rowMeeting(record: MeetingRecord, config: Pick<Config, 'organization'>): RowMeeting {
  let meeting = ROW_MEETINGS.get(record);
  if (!meeting) {
    const organization = organizationOf(record, config);
    const { date, title } = record.data;
    ROW_MEETINGS.set(record, (meeting = Object.freeze(organization ? { date, title, file: record.file, organization } : { date, title, file: record.file })));
  }
  return meeting;
}

/** Owner names for the rows of one list, the config's name or the id: one frozen array per list of owners, shared by the rows that have it. */
export function ownerNamesFor(config: Config): (owners: readonly string[]) => readonly string[] {
  const made = new Map<string, readonly string[]>();
  return (owners) => {
    // Ids are slugs: no line feed in them.
    const key = owners.length === 1 ? owners[0]! : owners.join('\n');
    let names = made.get(key);
    if (!names) made.set(key, (names = Object.freeze(owners.map((o) => config.owners[o] ?? o))));
    return names;
  };
}

/** Days a task is overdue on `day` (0 when it is not). */
export function overdueDays(state: Pick<TaskState, 'status' | 'due'>, day: IsoDate): number {
  if (!isOpenStatus(state.status) || !state.due || !(state.due < day)) return 0;
  return daysBetween(state.due, day);
}

export function isOverdue(state: Pick<TaskState, 'status' | 'due'>, day: IsoDate): boolean {
  // ISO dates compare as text: no need to count the days.
  return isOpenStatus(state.status) && state.due !== undefined && state.due < day;
}
