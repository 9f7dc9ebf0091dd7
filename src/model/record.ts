// A record as every layer sees it once read: its data, where it came from,
// and how to find a key or value in its file. Types only: a cached
// `meet check` loads this and no schema code.
import type { IsoDate } from './dates.js';
import type { RecordData } from './schema.js';

/** Keys and list indexes from the front matter's root to a value: ['tasks', 2, 'owner']. */
export type PropertyPath = readonly (string | number)[];

/** 1-based line and column in the file (not in the front matter). */
export interface Position {
  line: number;
  column: number;
}

/** Where a key or value at `path` is in the record's file. */
/** Where in an entry: its key, the start of its value, or the last character of its value (a note over several lines). */
export type LocateTarget = 'key' | 'value' | 'end';
export type Locate = (path: PropertyPath, target?: LocateTarget) => Position;

interface LoadedFile {
  /** Path relative to the repository root, with `/`. */
  file: string;
  /** 1-based line where the Markdown body starts. */
  bodyLine: number;
  locate: Locate;
  /** Set on what was salvaged of a record with schema errors: for `meet check` only. */
  partial?: true;
  /**
   * Set on a salvaged record whose every task and update was valid as written
   * (its errors lie elsewhere, a figure say): what it says of task states is
   * whole, and `meet new` may list open tasks from it.
   */
  tasksWhole?: true;
}

/** A record read whole: what every command but `check` works on. */
export interface MeetingRecord extends LoadedFile {
  data: RecordData;
  /** The Markdown body; left out when the loader was asked not to keep bodies. */
  body?: string;
  /**
   * Set when the command kept only some records' tasks (`meet log`: the
   * store's Projection.task): the ids of all of its tasks and updates, for
   * the rules across records. `data` then holds only what the command reads.
   */
  facts?: RecordFacts;
}

/** The task ids of a record: what the rules across records need of it. */
export interface RecordFacts {
  /** The ids of the tasks it assigns, in order. */
  taskIds: string[];
  /** The task ids its updates name, in order. */
  updateTasks: string[];
}

/**
 * What `meet check` keeps of a record (the loader's detail 'facts'): its
 * date and task ids, so that 100,000 records fit in little memory.
 */
export interface FactsRecord extends LoadedFile {
  data: { date: IsoDate };
  facts: RecordFacts;
}

/** A record as the rules across records take it: whole, or its facts only. */
export type CheckedRecord = MeetingRecord | FactsRecord;
