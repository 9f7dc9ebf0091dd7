// meet tasks update ID --status S [--note TEXT] [--in RECORD]: records a
// task's progress as an `updates` entry in a record dated strictly after the
// meeting that assigned it, editing the front matter in place.
import path from 'node:path';
import { checkRecordAmong } from '../domain/checkRules.js';
import type { Config } from '../model/schema.js';
import { nearest } from '../domain/suggest.js';
import { messages, type Messages } from '../model/messages/index.js';
import { statusFromWords } from '../model/termWords.js';
import { compareRecords, sortRecords, taskStatesOn } from '../domain/taskState.js';
import { EXIT_OK, RecordsError, say, UsageError, type Said } from '../model/errors.js';
import { ChangedMeanwhile, replaceFile } from '../io/writeFiles.js';
import { committedLocks, withFileLock } from '../io/fileLock.js';
import { readRegularFile } from '../io/regularFile.js';
import { commitFiles, describeCommit, prepareCommit } from '../io/gitCommit.js';
import { colorsFor } from '../io/colors.js';
import { type Io, readingFor } from '../io/terminal.js';
import { addTaskUpdate, verifyUpdateEdit, type UpdateEdit, type UpdateEntry } from '../records/edit.js';
import { loadValidRepository } from '../io/repository.js';
import { findRoot } from '../io/paths.js';
import { namedRecord } from '../io/namedRecord.js';
import type { MeetingRecord } from '../model/record.js';
import { parseRecord } from '../records/parse.js';
import { TASK_STATUSES, type Locale, type TaskStatus } from '../model/terms.js';
import { oneLine, visible } from '../model/text.js';
import { todayIn } from '../model/dates.js';

export interface TasksUpdateOptions {
  id: string;
  /** Asked on a terminal when absent. */
  status?: TaskStatus;
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
  const locale = io.locale ?? config.locale;
  const m = messages(locale);
  const note = options.note !== undefined ? cleanNote(options.note) : undefined;

  const origin = sortRecords(records).find((r) => (r.data.tasks ?? []).some((t) => t.id === options.id));
  if (!origin) {
    const ids = records.flatMap((r) => (r.data.tasks ?? []).map((t) => t.id));
    const suggestion = nearest(options.id, ids);
    throw new RecordsError(
      (m) => m.tasks.noTask(visible(options.id), suggestion && visible(suggestion)),
      (m) => m.tasks.noTaskHint,
    );
  }
  const target = options.in ? namedRecord(options.in, `--in ${visible(options.in)}`, root, config, records, io.cwd) : sortRecords(records).at(-1)!;
  const show = (record: MeetingRecord) => visible(path.relative(io.cwd, path.join(root, record.file)) || record.file);
  if (!(origin.data.date < target.data.date)) {
    // An update reports on a task from an EARLIER meeting (docs/format.md).
    const why = (m: Messages) => (target === origin ? m.tasks.isOrigin : m.tasks.notAfter(target.data.date, origin.data.date, show(origin)));
    throw new RecordsError(
      (m) => m.tasks.cannotRecord(options.id, show(target), why(m)),
      (m) => (options.in ? m.tasks.passIn : m.tasks.createNext),
    );
  }
  if (target.data.approval?.status === 'approved') {
    // Approved minutes are final (docs/format.md): new updates go in a later record.
    const next = sortRecords(records).find((r) => compareRecords(r, target) > 0 && r.data.approval?.status !== 'approved');
    const on = target.data.approval.approved_on ?? undefined;
    throw new RecordsError(
      (m) => m.update.approved(options.id, show(target), on),
      (m) => (next ? m.update.approvedNext(show(next)) : m.update.approvedCreateNext),
    );
  }
  const absolute = path.join(root, target.file);
  // The record is edited in place: its other uncommitted edits would ride along in the commit. Checked before
  // a question is asked, so that an answer is never wasted on a commit that cannot be made.
  const planCommit = () => prepareCommit(root, io.env, { unchanged: [absolute], includeConfig: options.includeConfig });
  const plannedEarly = options.commit && options.status === undefined ? await planCommit() : undefined;
  // Asked once the record is known to take the update.
  const status = options.status ?? (await askStatus(options.id, io, m));
  const entry: UpdateEntry = { task: options.id, status, ...(note !== undefined ? { note } : {}) };

  /** The record's bytes now; gone (moved or deleted while a question was open), it is a usage error, not a crash. */
  const readRecord = () => {
    try {
      return readRegularFile(absolute);
    } catch {
      throw new UsageError((m) => m.tasks.cannotAdd(show(target), m.update.recordGone));
    }
  };
  const loaded = readRecord();
  const source = decodeRecord(loaded);
  const edit = addTaskUpdate(source, entry);
  if (edit.kind === 'refused') {
    throw new RecordsError(
      (m) => m.tasks.cannotAdd(show(target), say(edit.reason, m)),
      (m) => m.tasks.byHand(entry.task, entry.status),
    );
  }
  // The status before this record: what its update changes.
  const earlier = records.filter((r) => compareRecords(r, target) < 0);
  const before = taskStatesOn(earlier, target.data.date).get(options.id)?.status ?? 'open';
  const c = colorsFor(io.stderr, io);
  const label = (s: string) => m.labels.status[s as TaskStatus] ?? s;
  const alreadySo = () => {
    io.stdout.write(`${show(target)}\n`);
    io.stderr.write(c.dim(`${m.tasks.already(options.id, label(status), show(target), Boolean(options.commit))}\n`));
    return EXIT_OK;
  };
  if (edit.kind === 'unchanged') return alreadySo();
  const commitPlan = options.commit ? (plannedEarly ?? (await planCommit())) : undefined;
  // Checked against the record as just read (the loader's copy may be older:
  // another meet may have written it since).
  const problem = checkEdit(loaded, source, edit);
  if (problem) {
    throw new RecordsError(
      (m) => m.tasks.cannotAdd(show(target), say(problem, m)),
      (m) => m.tasks.byHandCheck,
    );
  }
  // Written under the record's lock, to what the file holds by then: an
  // update another meet wrote meanwhile (another task's, say) is kept, the
  // edit made again on top of it, or refused when it no longer fits.
  const applied = await withFileLock(
    absolute,
    () => {
      // Another program's save (an editor) between this read and the rename would be lost: the write checks the file
      // is still what was read, and the edit is made again on what it holds now (a few times, then said).
      for (let attempt = 1; ; attempt++) {
        const current = readRecord();
        const result = current.equals(loaded) ? edit : reapply(current);
        if (result.kind === 'unchanged') return result;
        try {
          replaceFile(root, absolute, result.text, { unchangedFrom: current });
          return result;
        } catch (error) {
          if (!(error instanceof ChangedMeanwhile)) throw error;
          if (attempt === 3) throw new UsageError((m) => m.tasks.cannotAdd(show(target), m.update.keptChanging));
        }
      }
    },
    { shown: target.file, committed: committedLocks(io, m) },
  );
  if (applied.kind === 'unchanged') return alreadySo();

  /** Why the edit of `text` (the record's `bytes`) must not be written; undefined when it may. */
  function checkEdit(bytes: Buffer, text: string, made: Exclude<UpdateEdit, { kind: 'refused' | 'unchanged' }>): Said | undefined {
    const now = parseRecord(bytes, target.file, locale).record;
    if (!now) return (m) => m.update.noLongerRecord;
    const date = now.data.date;
    if (!(origin!.data.date < date)) return (m) => m.update.nowDated(date);
    if (now.data.approval?.status === 'approved') return (m) => m.update.nowApproved;
    const current = records.map((r) => (r === target ? now : r));
    return verifyUpdateEdit(text, made, now.data, entry, target.file, locale) ?? repositoryProblem(config, current, now, made.text, locale);
  }

  function reapply(current: Buffer): Exclude<UpdateEdit, { kind: 'refused' }> {
    const changed = (reason: Said) =>
      new RecordsError(
        (m) => m.update.changedMeanwhile(show(target), say(reason, m)),
        (m) => m.update.changedMeanwhileHint,
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
  // Replacing an update already in the record changes what that record said.
  const from = applied.kind === 'replaced' ? applied.previous.status : before;
  const kept = entry.note === undefined && applied.kind === 'replaced' && applied.previous.note !== undefined;
  // A note replaced is said, with its words: the record no longer holds them.
  const lostNote = applied.kind === 'replaced' && entry.note !== undefined && applied.previous.note !== undefined && applied.previous.note !== entry.note;
  const replaced = applied.kind === 'replaced' ? m.tasks.replaced(kept, lostNote ? visible(oneLine(applied.previous.note!)) : undefined) : '';
  io.stderr.write(`${m.tasks.changed(options.id, label(from), label(status), show(target))}${replaced}\n`);
  // A record prepared ahead (the next meeting's): the update counts from its meeting's day, as every command reads it.
  if (target.data.date > todayIn(config.timezone, io.now())) io.stderr.write(`${m.tasks.fromMeetingDay(target.data.date)}\n`);
  const later = records.filter((r) => compareRecords(r, target) > 0 && (r.data.updates ?? []).some((u) => u.task === options.id));
  if (later.length > 0) {
    io.stderr.write(c.yellow(`${m.tasks.laterUpdate(show(later.at(-1)!), options.id)}\n`));
  }
  if (commitPlan) {
    const message = messages(config.locale).record.commitUpdate(options.id, status);
    io.stderr.write(`${describeCommit(await commitFiles(commitPlan, [absolute], message), m)}\n`);
  }
  return EXIT_OK;
}

/** A record's text; not UTF-8 is an error of the records (meet check says where). */
function decodeRecord(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new RecordsError((m) => m.update.notUtf8);
  }
}

/** The new status, asked on a terminal as a numbered choice; without one, --status is required. */
async function askStatus(id: string, io: Io, m: Messages): Promise<TaskStatus> {
  if (!io.stdin.isTTY || !io.stdin.readable) {
    throw new UsageError(
      (m) => m.tasks.missingStatus,
      // The id typed: an example's own id would name no task in this repository.
      (m) => m.tasks.missingStatusHint(visible(id)),
    );
  }
  const { terminalAsker } = await import('../io/prompt.js');
  const asker = terminalAsker(io.stdin.readable, io.stderr, m);
  try {
    const choices = TASK_STATUSES.map((s) => ({ value: s, label: `${m.labels.status[s]} (${s})` }));
    return await asker.choose(m.tasks.askStatus(id), choices, undefined, { flag: '--status', words: statusFromWords });
  } finally {
    asker.close();
  }
}

/** A note is one line of text: line breaks become spaces. */
function cleanNote(note: string): string {
  const text = note
    .normalize('NFC')
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
    .trim();
  if (text === '') throw new UsageError((m) => m.tasks.emptyNote);
  return text;
}

/** The cross-record rules (`meet check`) must still pass with the edited record. */
function repositoryProblem(config: Config, records: readonly MeetingRecord[], target: MeetingRecord, text: string, locale: Locale): Said | undefined {
  const others = records.filter((r) => r !== target);
  const before = checkRecordAmong(config, target, others, locale).filter((f) => f.severity === 'error').length;
  // The edited record, read again, replaces the old one.
  const parsed = parseRecord(Buffer.from(text, 'utf8'), target.file, locale);
  if (!parsed.record) return (m) => m.tasks.wouldNotReadBack;
  const errors = checkRecordAmong(config, parsed.record, others, locale).filter((f) => f.severity === 'error');
  return errors.length > before ? (m) => m.tasks.checkWouldFail(errors[0]!.message) : undefined;
}
