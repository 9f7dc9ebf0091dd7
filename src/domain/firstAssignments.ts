// Which record first assigns each task id: what the rules across records
// read (duplicate ids, updates naming unknown or later tasks). At 100,000
// records that is a million ids; a Map of them took ~30 MB, and twice that
// while it grew. Here each id is a place (record, index in its task list)
// in two typed arrays, open-addressed by a hash of the id: 13 MB, sized once,
// and a byte of each id's hash beside it (1.6 MB), so that a probe passes a
// slot held by another id without reading that id from its record.

/**
 * The task ids of each record, in order, as the caller keeps them: lists,
 * or read from the records as asked (a list a record would be a million
 * array slots more at 100,000 records).
 */
export interface IdLists {
  readonly length: number;
  countOf(record: number): number;
  idAt(record: number, place: number): string;
}

/** IdLists over lists held. */
export function heldIds(lists: readonly (readonly string[])[]): IdLists {
  return { length: lists.length, countOf: (r) => lists[r]!.length, idAt: (r, i) => lists[r]![i]! };
}

/**
 * The first record (in the order given) to assign each id, over lists of
 * ids the caller keeps (`idsOf`: the task ids of record r, in order).
 */
export class FirstAssignments {
  /** Slot → 1 + the record's index, 0 when empty. */
  private readonly records: Int32Array;
  /** Slot → the id's index in that record's list. */
  private readonly places: Int32Array;
  /**
   * Slot → the top byte of its id's hash. At five eighths full a new id
   * probes ~4 held slots before an empty one, and reading each one's id from
   * its record (three objects away) was most of the rules' time at 100k records.
   */
  private readonly tags: Uint8Array;
  private readonly size: number;

  constructor(private readonly idsOf: IdLists) {
    let count = 0;
    for (let r = 0; r < idsOf.length; r++) count += idsOf.countOf(r);
    // At most five eighths full, whatever the count (a power of two left some tables a quarter full: 8 MB
    // more of a report's half a million tasks); probes stay short.
    const size = Math.max(16, Math.ceil(count * 1.6));
    this.records = new Int32Array(size);
    this.places = new Int32Array(size);
    this.tags = new Uint8Array(size);
    this.size = size;
  }

  /** An index of every id of `idsOf`, each claimed in order. */
  static claimed(idsOf: IdLists): FirstAssignments {
    const index = new FirstAssignments(idsOf);
    for (let r = 0; r < idsOf.length; r++) for (let i = 0, n = idsOf.countOf(r); i < n; i++) index.claim(idsOf.idAt(r, i), r, i);
    return index;
  }

  /**
   * The index of the record that first assigned `id`; when none has, `id`
   * becomes record `record`'s (its `place`-th id) and the answer is undefined.
   */
  claim(id: string, record: number, place: number): number | undefined {
    const h = hash(id);
    const tag = h >>> 24;
    for (let slot = h % this.size; ; slot = slot + 1 === this.size ? 0 : slot + 1) {
      const held = this.records[slot]!;
      if (held === 0) {
        this.records[slot] = record + 1;
        this.places[slot] = place;
        this.tags[slot] = tag;
        return undefined;
      }
      if (this.tags[slot] === tag && this.idsOf.idAt(held - 1, this.places[slot]!) === id) return held - 1;
    }
  }

  /** The index of the record that first assigned `id`, or undefined. */
  get(id: string): number | undefined {
    const slot = this.slotOf(id);
    return slot === -1 ? undefined : this.records[slot]! - 1;
  }

  /** Where `id`'s first assignment is held (recordAt, placeAt read it), or -1 when none has been. */
  slotOf(id: string): number {
    const h = hash(id);
    const tag = h >>> 24;
    for (let slot = h % this.size; ; slot = slot + 1 === this.size ? 0 : slot + 1) {
      const held = this.records[slot]!;
      if (held === 0) return -1;
      if (this.tags[slot] === tag && this.idsOf.idAt(held - 1, this.places[slot]!) === id) return slot;
    }
  }

  /** The record a slot's first assignment is in. */
  recordAt(slot: number): number {
    return this.records[slot]! - 1;
  }

  /** The id's index in that record's list. */
  placeAt(slot: number): number {
    return this.places[slot]!;
  }

  /** Every id assigned, in the order first assigned (what "did you mean" reads). */
  *ids(): IterableIterator<string> {
    const { idsOf } = this;
    for (let r = 0; r < idsOf.length; r++) {
      for (let i = 0, n = idsOf.countOf(r); i < n; i++) {
        const id = idsOf.idAt(r, i);
        // Its first assignment only: a duplicate is listed where it was first met.
        if (this.isFirst(id, r, i)) yield id;
      }
    }
  }

  private isFirst(id: string, record: number, place: number): boolean {
    const h = hash(id);
    const tag = h >>> 24;
    for (let slot = h % this.size; ; slot = slot + 1 === this.size ? 0 : slot + 1) {
      const held = this.records[slot]!;
      if (held === 0) return false;
      if (this.tags[slot] === tag && this.idsOf.idAt(held - 1, this.places[slot]!) === id) return held - 1 === record && this.places[slot] === place;
    }
  }
}

/** FNV-1a over the id's UTF-16 code units. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
