// Every task of the records with its state as the meetings go by, as
// docs/format.md defines it (the same walk as taskStatesOn), kept in
// typed arrays by the task's place in assignment order rather than as an
// object a task: a report at 100,000 records walks a million tasks, and
// their TaskState objects took ~150 MB while it was built.
import type { IsoDate, Month } from '../model/dates.js';
import type { MeetingRecord } from '../model/record.js';
import type { TaskData, UpdateData } from '../model/schema.js';
import { TASK_STATUSES, type TaskStatus } from '../model/terms.js';
import { Deadlines } from './deadlines.js';
import { FirstAssignments } from './firstAssignments.js';
import { reportingMonthOf } from './months.js';
import { ownerListsOf, sortRecords } from './taskState.js';

/** A place whose id an earlier task holds: the first assignment stands, this one is no task. */
const NO_TASK = 255;
const CODE = new Map<TaskStatus, number>(TASK_STATUSES.map((status, i) => [status, i]));

/** What a register holds of its tasks on one day: `walkTo` fills it, `copy` keeps it apart from the walk. */
export interface RegisterDay {
  /** The places before this one are the tasks of the meetings walked (and places holding no task). */
  readonly count: number;
  /** Place → TASK_STATUSES index, NO_TASK for a duplicate id. */
  readonly codes: Uint8Array;
  /** Place → 1 when an update was applied to it. */
  readonly updated: Uint8Array;
  /** Place → the last update applied (its note is read only for the rows written: it may be in a spill file, io/textSpill.ts). */
  readonly lastUpdates: readonly (UpdateData | undefined)[];
}

export class TaskRegister {
  /** The records that assign or update a task, in meeting order: by date, equal dates by file path. */
  private readonly records: readonly MeetingRecord[];
  /** Record → its first task's place. */
  private readonly first: Int32Array;
  /** Place → its record. */
  private readonly recordOfPlace: Int32Array;
  /** Place → the deadline `due` stands for. */
  private readonly dues: (IsoDate | undefined)[];
  /** Place → 1 for standing work (`recurring: true`), read once per task rather than from its record per count. */
  private readonly standing: Uint8Array;
  /** Which place first assigns each id: read only while meetings are walked, let go once the last one is. */
  private assignments: FirstAssignments | undefined;
  private readonly live: { count: number; codes: Uint8Array; updated: Uint8Array; lastUpdates: (UpdateData | undefined)[] };
  /** Record → its reporting month, once asked for. */
  private readonly months: (Month | undefined)[];
  private next = 0;

  constructor(
    records: readonly MeetingRecord[],
    private readonly deadlines = new Deadlines(),
  ) {
    // A record that neither assigns nor updates a task changes no state: not held (rows made as they are
    // written hold the register; `tasks --today` keeps of every later meeting its date alone).
    this.records = sortRecords(records.filter((r) => r.data.tasks !== undefined || r.data.updates !== undefined));
    const ordered = this.records;
    this.first = new Int32Array(ordered.length + 1);
    for (let r = 0; r < ordered.length; r++) this.first[r + 1] = this.first[r]! + (ordered[r]!.data.tasks?.length ?? 0);
    const places = this.first[ordered.length]!;
    this.recordOfPlace = new Int32Array(places);
    for (let r = 0; r < ordered.length; r++) this.recordOfPlace.fill(r, this.first[r]!, this.first[r + 1]!);
    // Each id read from its task, not copied into a list a record.
    this.assignments = new FirstAssignments({
      length: ordered.length,
      countOf: (r) => this.first[r + 1]! - this.first[r]!,
      idAt: (r, i) => ordered[r]!.data.tasks![i]!.id,
    });
    this.months = new Array<Month | undefined>(this.records.length);
    this.dues = new Array<IsoDate | undefined>(places);
    this.standing = new Uint8Array(places);
    this.live = { count: 0, codes: new Uint8Array(places), updated: new Uint8Array(places), lastUpdates: new Array<UpdateData | undefined>(places) };
  }

  /**
   * Walks the meetings held up to the end of `day` (later than the last day
   * walked) and returns the states then: live, changed by the next walk.
   */
  walkTo(day: IsoDate): RegisterDay {
    const { records, live } = this;
    const assignments = this.assignments!;
    for (; this.next < records.length && records[this.next]!.data.date <= day; this.next++) {
      const r = this.next;
      const { date, updates, tasks } = records[r]!.data;
      for (const update of updates ?? []) {
        const slot = assignments.slotOf(update.task);
        if (slot === -1) continue;
        const assignedBy = assignments.recordAt(slot);
        // Only updates from meetings held strictly after the assignment count (the rule `meet check` enforces).
        if (!(records[assignedBy]!.data.date < date)) continue;
        const place = this.first[assignedBy]! + assignments.placeAt(slot);
        live.codes[place] = CODE.get(update.status)!;
        live.updated[place] = 1;
        live.lastUpdates[place] = update;
      }
      (tasks ?? []).forEach((task, i) => {
        const place = this.first[r]! + i;
        if (assignments.claim(task.id, r, i) !== undefined) {
          live.codes[place] = NO_TASK;
          return;
        }
        live.codes[place] = CODE.get(task.status)!;
        this.dues[place] = this.deadlines.resolve(task.due, date);
        if (task.recurring === true) this.standing[place] = 1;
      });
      live.count = this.first[r + 1]!;
    }
    // Every meeting walked: no id is looked up again (at 100k records 14 MB, held while a report was written).
    if (this.next === records.length) this.assignments = undefined;
    return live;
  }

  /** The states of `day` kept apart from the walk's. */
  static copy(day: RegisterDay): RegisterDay {
    return { count: day.count, codes: day.codes.slice(), updated: day.updated.slice(), lastUpdates: day.lastUpdates.slice() };
  }

  isTask(day: RegisterDay, place: number): boolean {
    return day.codes[place] !== NO_TASK;
  }

  status(day: RegisterDay, place: number): TaskStatus {
    return TASK_STATUSES[day.codes[place]!]!;
  }

  task(place: number): TaskData {
    const r = this.recordOfPlace[place]!;
    return this.records[r]!.data.tasks![place - this.first[r]!]!;
  }

  /** The meeting that assigned the task at `place`. */
  meeting(place: number): MeetingRecord {
    return this.records[this.recordOfPlace[place]!]!;
  }

  /** Whether the task at `place` (walked) is standing work. */
  isStanding(place: number): boolean {
    return this.standing[place] === 1;
  }

  due(place: number): IsoDate | undefined {
    return this.dues[place];
  }

  /** The task's owners as a list (ownerListsOf). */
  readonly owners = ownerListsOf();

  /** The reporting month of the meeting that assigned the task at `place`, worked out once a meeting. */
  assignedIn(place: number): Month {
    const r = this.recordOfPlace[place]!;
    return (this.months[r] ??= reportingMonthOf(this.records[r]!));
  }
}
