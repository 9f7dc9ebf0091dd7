// meet tasks update ID --status S [--note TEXT] [--in RECORD]: records a
// task's progress as an `updates` entry in a record dated strictly after the
// meeting that assigned it, editing the front matter in place.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkRepository } from '../domain/checkRules.js';
import type { Config } from '../model/schema.js';
import { didYouMean } from '../domain/suggest.js';
import { compareRecords, sortRecords, taskStatesOn } from '../domain/taskState.js';
import { EXIT_OK, RecordsError, UsageError } from '../model/errors.js';
import { replaceFile } from '../io/writeFiles.js';
import { withFileLock } from '../io/fileLock.js';
import { commitFiles, describeCommit, prepareCommit } from '../io/gitCommit.js';
import { colorsFor } from '../io/colors.js';
import { type Io, readingFor } from '../io/terminal.js';
import { addTaskUpdate, verifyUpdateEdit, type UpdateEdit, type UpdateEntry } from '../records/edit.js';
import { loadValidRepository } from '../io/repository.js';
import { findRoot } from '../io/paths.js';
import { namedRecord } from '../io/namedRecord.js';
import type { MeetingRecord } from '../model/record.js';
import { parseRecord } from '../records/parse.js';
import type { TaskStatus } from '../model/terms.js';
import { visible } from '../model/text.js';

export interface TasksUpdateOptions {
  id: string;
  status: TaskStatus;
  note?: string;
  in?: string;
  root?: string;
  /** Commit the edited record (and nothing else) with git. */
  commit?: boolean;
  /** With commit: also commit meet.config.yaml when it is not committed yet. */
  includeConfig?: boolean;
}

export async function tasksUpdateCommand(options: TasksUpdateOptions, io: Io): Promise<number> {
  const root = findRoot(io.cwd, options.root);
  const repository = await loadValidRepository(root, readingFor(io));
  const { config, records } = repository;
  const entry: UpdateEntry = { task: options.id, status: options.status, ...(options.note !== undefined ? { note: cleanNote(options.note) } : {}) };

  const origin = sortRecords(records).find((r) => (r.data.tasks ?? []).some((t) => t.id === options.id));
  if (!origin) {
    const ids = records.flatMap((r) => (r.data.tasks ?? []).map((t) => t.id));
    throw new RecordsError(
      `No record assigns a task "${visible(options.id)}".${visible(didYouMean(options.id, ids))}`,
      'Run "meet tasks" to list the task ids.',
    );
  }
  const target = options.in ? namedRecord(options.in, `--in ${visible(options.in)}`, root, config, records, io.cwd) : sortRecords(records).at(-1)!;
  const show = (record: MeetingRecord) => visible(path.relative(io.cwd, path.join(root, record.file)) || record.file);
  if (!(origin.data.date < target.data.date)) {
    // An update reports on a task from an EARLIER meeting (docs/format.md).
    const why =
      target === origin
        ? 'is the record that assigned it'
        : `is dated ${target.data.date}, not after the meeting that assigned it (${origin.data.date}, ${show(origin)})`;
    throw new RecordsError(
      `Cannot record an update for "${options.id}" in ${show(target)}: it ${why}.`,
      options.in
        ? 'Pass --in a record of a later meeting.'
        : 'Create the next meeting\'s record first with "meet new", or pass --in the record of a later meeting.',
    );
  }

  if (target.data.approval?.status === 'approved') {
    // Approved minutes are final (docs/format.md): new updates go in a later record.
    const next = sortRecords(records).find((r) => compareRecords(r, target) > 0 && r.data.approval?.status !== 'approved');
    throw new RecordsError(
      `Cannot record an update for "${options.id}" in ${show(target)}: its minutes are approved (${target.data.approval.approved_on ?? 'final'}), and approved minutes do not change.`,
      next ? `Record it in the next meeting's record: --in ${show(next)}` : 'Create the next meeting\'s record first with "meet new", then run this again.',
    );
  }
  const absolute = path.join(root, target.file);
  const loaded = readFileSync(absolute);
  const source = decodeRecord(loaded);
  const edit = addTaskUpdate(source, entry);
  if (edit.kind === 'refused') {
    throw new RecordsError(
      `Cannot add the update to ${show(target)} safely: ${edit.reason}.`,
      `Nothing was changed. Add it by hand under "updates":\n  - task: ${entry.task}\n    status: ${entry.status}`,
    );
  }
  // The status before this record: what its update changes.
  const earlier = records.filter((r) => compareRecords(r, target) < 0);
  const before = taskStatesOn(earlier, target.data.date).get(options.id)?.status ?? 'open';
  const c = colorsFor(io.stderr, io);
  const alreadySo = () => {
    io.stdout.write(`${show(target)}\n`);
    io.stderr.write(c.dim(`${options.id}: already ${options.status} in ${show(target)}; nothing changed${options.commit ? ', nothing committed' : ''}.\n`));
    return EXIT_OK;
  };
  if (edit.kind === 'unchanged') return alreadySo();
  // The record is edited in place: its other uncommitted edits would ride along in the commit.
  const commitPlan = options.commit ? await prepareCommit(root, io.env, { unchanged: [absolute], includeConfig: options.includeConfig }) : undefined;
  // Checked against the record as just read (the loader's copy may be older:
  // another meet may have written it since).
  const problem = checkEdit(loaded, source, edit);
  if (problem) {
    throw new RecordsError(
      `Cannot add the update to ${show(target)} safely: ${problem}.`,
      'Nothing was changed; add the update by hand, then run "meet check".',
    );
  }
  // Written under the record's lock, to what the file holds by then: an
  // update another meet wrote meanwhile (another task's, say) is kept, the
  // edit made again on top of it, or refused when it no longer fits.
  const applied = await withFileLock(
    absolute,
    () => {
      const current = readFileSync(absolute);
      const result = current.equals(loaded) ? edit : reapply(current);
      if (result.kind !== 'unchanged') replaceFile(root, absolute, result.text);
      return result;
    },
    { shown: target.file },
  );
  if (applied.kind === 'unchanged') return alreadySo();

  /** Why the edit of `text` (the record's `bytes`) must not be written; undefined when it may. */
  function checkEdit(bytes: Buffer, text: string, made: Exclude<UpdateEdit, { kind: 'refused' | 'unchanged' }>): string | undefined {
    const now = parseRecord(bytes, target.file).record;
    if (!now) return 'it no longer reads as a record (run "meet check")';
    if (!(origin!.data.date < now.data.date)) return `it is now dated ${now.data.date}, not after the meeting that assigned the task`;
    if (now.data.approval?.status === 'approved') return 'its minutes are now approved, and approved minutes do not change';
    const current = records.map((r) => (r === target ? now : r));
    return verifyUpdateEdit(text, made, now.data, entry, target.file) ?? repositoryProblem(config, current, now, made.text);
  }

  function reapply(current: Buffer): Exclude<UpdateEdit, { kind: 'refused' }> {
    const changed = (reason: string) =>
      new RecordsError(
        `${show(target)} changed while the update was being made, and the update cannot be made to it now: ${reason}.`,
        'Nothing was written by this command. Look at the record, then run the command again.',
      );
    const text = decodeRecord(current);
    const again = addTaskUpdate(text, entry);
    if (again.kind === 'refused') throw changed(again.reason);
    if (again.kind === 'unchanged') return again;
    const trouble = checkEdit(current, text, again);
    if (trouble) throw changed(trouble);
    return again;
  }

  io.stdout.write(`${show(target)}\n`);
  const kept = entry.note === undefined && applied.kind === 'replaced' && applied.previous.note !== undefined ? '; its note was kept' : '';
  const replaced = applied.kind === 'replaced' ? ` (replaced the update already there, which said ${applied.previous.status}${kept})` : '';
  io.stderr.write(`${options.id}: ${before} → ${options.status}, in ${show(target)}${replaced}\n`);
  const later = records.filter((r) => compareRecords(r, target) > 0 && (r.data.updates ?? []).some((u) => u.task === options.id));
  if (later.length > 0) {
    io.stderr.write(c.yellow(`Note: ${show(later.at(-1)!)} also updates "${options.id}"; its status there is the task's current state.\n`));
  }
  if (commitPlan) io.stderr.write(`${describeCommit(await commitFiles(commitPlan, [absolute], `Update task ${options.id} to ${options.status}`))}\n`);
  return EXIT_OK;
}

/** A record's text; not UTF-8 is an error of the records (meet check says where). */
function decodeRecord(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new RecordsError('The record is not UTF-8 text; run "meet check" for the details.');
  }
}

/** A note is one line of text: line breaks become spaces. */
function cleanNote(note: string): string {
  const text = note
    .normalize('NFC')
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
    .trim();
  if (text === '') throw new UsageError('--note must not be empty.');
  return text;
}

/** The cross-record rules (`meet check`) must still pass with the edited record. */
function repositoryProblem(config: Config, records: readonly MeetingRecord[], target: MeetingRecord, text: string): string | undefined {
  const others = records.filter((r) => r !== target);
  const before = checkRepository(config, records).filter((f) => f.file === target.file && f.severity === 'error').length;
  // The edited record, read again, replaces the old one.
  const parsed = parseRecord(Buffer.from(text, 'utf8'), target.file);
  if (!parsed.record) return 'the record would not read back';
  const errors = checkRepository(config, [...others, parsed.record]).filter((f) => f.file === target.file && f.severity === 'error');
  return errors.length > before ? `meet check would fail: ${errors[0]!.message}` : undefined;
}
