// meet approve RECORD --by NAME [--on DATE] [--notice-number N --notice-date D]
// [--signer NAME --signer-title T --on-behalf X]: marks the minutes approved
// (final: docs/format.md, "Approved minutes") and records the notice issued
// from them, editing the record's front matter in place like `tasks update`.
import path from 'node:path';
import { noticeNumberAdvice } from '../domain/checkRules.js';
import { colorsFor } from '../io/colors.js';
import { commitFiles, describeCommit, prepareCommit } from '../io/gitCommit.js';
import { namedRecord } from '../io/namedRecord.js';
import { findRoot } from '../io/paths.js';
import { loadValidRepository } from '../io/repository.js';
import { readingFor, type Io } from '../io/terminal.js';
import { ChangedMeanwhile, replaceFile } from '../io/writeFiles.js';
import { committedLocks, withFileLock } from '../io/fileLock.js';
import { readRegularFile } from '../io/regularFile.js';
import { parseRecord } from '../records/parse.js';
import { todayIn, type IsoDate } from '../model/dates.js';
import { EXIT_OK, RecordsError, UsageError } from '../model/errors.js';
import { messages } from '../model/messages/index.js';
import { oneLine, visible } from '../model/text.js';
import { setApproval, verifyApprovalEdit, type ApprovalEntry } from '../records/edit.js';
import type { RecordData } from '../model/schema.js';

export interface ApproveOptions {
  root?: string;
  record: string;
  /** Who approved the minutes. */
  by: string;
  /** The day they were approved (default: today). */
  on?: IsoDate;
  noticeNumber?: string;
  noticeDate?: IsoDate;
  signer?: string;
  signerTitle?: string;
  onBehalf?: string;
  commit?: boolean;
  includeConfig?: boolean;
}

function clean(value: string, flag: string): string {
  const text = oneLine(value.normalize('NFC'));
  if (text === '') throw new UsageError((m) => m.approve.empty(flag));
  return text;
}

export async function approveCommand(options: ApproveOptions, io: Io): Promise<number> {
  if ((options.noticeNumber === undefined) !== (options.noticeDate === undefined)) {
    throw new UsageError(
      (m) => m.approve.noticeTogether,
      (m) => m.approve.noticeTogetherHint,
    );
  }
  const root = findRoot(io.cwd, options.root);
  const { config, records } = await loadValidRepository(root, readingFor(io));
  const record = namedRecord(options.record, visible(options.record), root, config, records, io.cwd);
  const m = messages(io.locale ?? config.locale);
  const today = todayIn(config.timezone, io.now());
  const on = options.on ?? today;
  if (on < record.data.date) throw new UsageError((m) => m.approve.onBeforeMeeting(on, record.data.date));
  // Approved minutes are final: a day still to come, typed by mistake (2030 for 2020), could not be taken back.
  if (on > today) throw new UsageError((m) => m.approve.afterToday('--on', on, today));
  if (options.noticeDate !== undefined && options.noticeDate > today) {
    const noticeDate = options.noticeDate;
    throw new UsageError((m) => m.approve.afterToday('--notice-date', noticeDate, today));
  }

  // A signer is one person: a name with its title. Mixing one given here with the config's would sign with a stranger's title.
  if ((options.signer === undefined) !== (options.signerTitle === undefined) || (options.onBehalf !== undefined && options.signer === undefined)) {
    throw new UsageError(
      (m) => m.approve.signerTogether,
      (m) => m.approve.signerTogetherHint,
    );
  }
  const entry: ApprovalEntry = { approved_by: clean(options.by, '--by'), approved_on: on };
  const kept = recordedApproval(record.data, record.file, entry, options);
  if (kept) {
    entry.notice = kept;
  } else if (options.noticeNumber !== undefined && options.noticeDate !== undefined) {
    // A bare number ("125") is no notice's number (Nghị định 30: "125/TB-UBND"), and once written it stays: refused
    // before it is. (One recorded already, given again the same, is kept above: nothing changes.)
    const advice = /^\d+$/.test(options.noticeNumber.trim()) ? noticeNumberAdvice(options.noticeNumber, config, m.rules) : undefined;
    if (advice)
      throw new UsageError(
        () => visible(advice),
        (m) => m.approve.bareNumberHint,
      );
    if (options.noticeDate < record.data.date) {
      const noticeDate = options.noticeDate;
      throw new UsageError((m) => m.approve.noticeBeforeMeeting(noticeDate, record.data.date));
    }
    const fromConfig = config.documents?.notice_signer ?? undefined;
    const signer =
      options.signer !== undefined
        ? { name: options.signer, title: options.signerTitle!, onBehalf: options.onBehalf }
        : fromConfig
          ? { name: fromConfig.name, title: fromConfig.title, onBehalf: fromConfig.on_behalf ?? undefined }
          : undefined;
    if (signer === undefined) throw new UsageError((m) => m.approve.noSigner);
    const recipients = config.documents?.recipients ?? undefined;
    entry.notice = {
      number: clean(options.noticeNumber, '--notice-number'),
      date: options.noticeDate,
      signer: {
        name: clean(signer.name, '--signer'),
        title: clean(signer.title, '--signer-title'),
        ...(signer.onBehalf ? { on_behalf: clean(signer.onBehalf, '--on-behalf') } : {}),
      },
      ...(recipients && recipients.length > 0 ? { recipients } : {}),
    };
  }

  const absolute = path.join(root, record.file);
  const show = visible(path.relative(io.cwd, absolute) || record.file);
  const locale = io.locale ?? config.locale;
  // The record is edited in place: its other uncommitted edits would ride along in the commit.
  const commitPlan = options.commit ? await prepareCommit(root, io.env, { unchanged: [absolute], includeConfig: options.includeConfig }) : undefined;
  // Read, edited and written under the record's lock, from what the file holds by then: an update
  // `tasks update` wrote meanwhile is kept, never overwritten by a copy read before it.
  const written = await withFileLock(
    absolute,
    () => {
      let bytes: Buffer;
      try {
        bytes = readRegularFile(absolute);
      } catch {
        // Moved or deleted since the repository was read: said, nothing written.
        throw new UsageError((m) => m.approve.cannotWrite(show, m.update.recordGone));
      }
      const source = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      const current = parseRecord(bytes, record.file, locale).record;
      if (!current) {
        throw new RecordsError(
          (m) => m.approve.cannotWrite(show, m.update.noLongerRecord),
          (m) => m.approve.nothingChanged,
        );
      }
      // Another approval may have been written since the repository was read: checked again on what the file holds.
      const kept = recordedApproval(current.data, record.file, entry, options);
      const approving = kept ? { ...entry, notice: kept } : entry;
      const edit = setApproval(source, approving, locale);
      if (edit.kind === 'refused') {
        const reason = edit.reason;
        throw new RecordsError(
          (m) => m.approve.cannotWrite(show, reason),
          (m) => m.approve.nothingChanged,
        );
      }
      if (edit.kind === 'unchanged') return false;
      const problem = verifyApprovalEdit(source, edit.text, current.data, approving, record.file, locale);
      if (problem)
        throw new RecordsError(
          (m) => m.approve.cannotWrite(show, problem),
          (m) => m.approve.byHand,
        );
      try {
        replaceFile(root, absolute, edit.text, { unchangedFrom: bytes });
      } catch (error) {
        // Saved by another program since it was read here: approving over that save would lose it.
        if (error instanceof ChangedMeanwhile) throw new UsageError((m) => m.approve.cannotWrite(show, m.update.keptChanging));
        throw error;
      }
      return true;
    },
    { shown: record.file, committed: committedLocks(io, m) },
  );
  if (!written) {
    io.stdout.write(`${show}\n`);
    io.stderr.write(colorsFor(io.stderr, io).dim(`${m.approve.unchanged(show)}\n`));
    return EXIT_OK;
  }
  io.stdout.write(`${show}\n`);
  const notice = entry.notice ? { number: visible(entry.notice.number), date: entry.notice.date } : undefined;
  io.stderr.write(`${m.approve.approved(show, visible(entry.approved_by), entry.approved_on, notice)}\n`);
  // Said as it is written, not at the next check: the notice prints the number as given.
  const numbered = noticeNumberAdvice(entry.notice?.number, config, m.rules);
  if (numbered) io.stderr.write(`${visible(numbered)}\n`);
  if (commitPlan) {
    // The commit speaks the repository's language.
    const message = messages(config.locale).record.commitApprove(record.data.date);
    io.stderr.write(`${describeCommit(await commitFiles(commitPlan, [absolute], message), m)}\n`);
  }
  return EXIT_OK;
}

/**
 * Refuses an approval other than the one `data` records (another approver
 * or day, another notice or signer), and keeps a notice already recorded
 * as it is. Run on the copy loaded, and again under the record's lock on
 * what the file holds then: two approvals at once must not both succeed.
 * Returns the recorded notice to keep, or undefined.
 */
function recordedApproval(data: RecordData, file: string, entry: ApprovalEntry, options: ApproveOptions): ApprovalEntry['notice'] {
  const approval = data.approval;
  // Minutes marked approved by hand, without who or when, take them now; recorded ones must be the same.
  const differs = (recorded: string | null | undefined, given: string) => recorded !== undefined && recorded !== null && recorded !== given;
  if (approval?.status === 'approved' && (differs(approval.approved_by, entry.approved_by) || differs(approval.approved_on, entry.approved_on))) {
    const { approved_by: by, approved_on: when } = approval;
    throw new RecordsError(
      (m) => m.approve.already(visible(file), by ? visible(by) : undefined, when ?? undefined),
      (m) => m.approve.alreadyHint,
    );
  }
  const recorded = approval?.notice;
  if (recorded) {
    // A notice once recorded is the one issued: approving again keeps it as it is (its signer and
    // recipients too), and never renumbers it nor signs it again by someone else.
    const signer = options.signer === undefined ? undefined : { name: clean(options.signer, '--signer'), title: clean(options.signerTitle!, '--signer-title') };
    const otherNotice =
      (options.noticeNumber !== undefined && clean(options.noticeNumber, '--notice-number') !== recorded.number) ||
      (options.noticeDate !== undefined && options.noticeDate !== recorded.date) ||
      (signer !== undefined &&
        (signer.name !== recorded.signer.name ||
          signer.title !== recorded.signer.title ||
          (options.onBehalf === undefined ? undefined : clean(options.onBehalf, '--on-behalf')) !== (recorded.signer.on_behalf ?? undefined)));
    if (otherNotice) {
      throw new RecordsError(
        // Its signer too: a refusal for another signer must show what differs from what was typed.
        (m) =>
          m.approve.noticeAlready(
            visible(file),
            visible(recorded.number),
            recorded.date,
            visible(`${recorded.signer.on_behalf ? `${recorded.signer.on_behalf}, ` : ''}${recorded.signer.name} (${recorded.signer.title})`),
          ),
        (m) => m.approve.noticeAlreadyHint,
      );
    }
    return {
      number: recorded.number,
      date: recorded.date,
      signer: { name: recorded.signer.name, title: recorded.signer.title, ...(recorded.signer.on_behalf ? { on_behalf: recorded.signer.on_behalf } : {}) },
      ...(recorded.recipients ? { recipients: recorded.recipients } : {}),
    };
  }
  return undefined;
}
