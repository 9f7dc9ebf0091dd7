// meet approve RECORD --by NAME [--on DATE] [--notice-number N --notice-date D]
// [--signer NAME --signer-title T --on-behalf X]: marks the minutes approved
// (final: docs/format.md, "Approved minutes") and records the notice issued
// from them, editing the record's front matter in place like `tasks update`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { colorsFor } from '../io/colors.js';
import { commitFiles, describeCommit, prepareCommit } from '../io/gitCommit.js';
import { namedRecord } from '../io/namedRecord.js';
import { findRoot } from '../io/paths.js';
import { loadValidRepository } from '../io/repository.js';
import { readingFor, type Io } from '../io/terminal.js';
import { replaceFile } from '../io/writeFiles.js';
import { todayIn, type IsoDate } from '../model/dates.js';
import { EXIT_OK, RecordsError, UsageError } from '../model/errors.js';
import { oneLine } from '../model/text.js';
import { setApproval, verifyApprovalEdit, type ApprovalEntry } from '../records/edit.js';

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
  if (text === '') throw new UsageError(`${flag} must not be empty.`);
  return text;
}

export async function approveCommand(options: ApproveOptions, io: Io): Promise<number> {
  if ((options.noticeNumber === undefined) !== (options.noticeDate === undefined)) {
    throw new UsageError(
      '--notice-number and --notice-date go together: the notice issued, and its date.',
      'Example: --notice-number 125/TB-UBND --notice-date 2020-10-28',
    );
  }
  const root = findRoot(io.cwd, options.root);
  const { config, records } = await loadValidRepository(root, readingFor(io));
  const record = namedRecord(options.record, options.record, root, config, records, io.cwd);
  const on = options.on ?? todayIn(config.timezone, io.now());
  if (on < record.data.date) throw new UsageError(`--on ${on} is before the meeting (${record.data.date}): minutes are approved after the meeting.`);

  const entry: ApprovalEntry = { approved_by: clean(options.by, '--by'), approved_on: on };
  if (options.noticeNumber !== undefined && options.noticeDate !== undefined) {
    if (options.noticeDate < record.data.date) {
      throw new UsageError(`--notice-date ${options.noticeDate} is before the meeting (${record.data.date}).`);
    }
    const fromConfig = config.documents?.notice_signer ?? undefined;
    const name = options.signer ?? fromConfig?.name;
    const title = options.signerTitle ?? fromConfig?.title;
    if (name === undefined || title === undefined) {
      throw new UsageError('Who signs the notice? Give --signer and --signer-title, or set documents.notice_signer in meet.config.yaml.');
    }
    const onBehalf = options.onBehalf ?? (options.signer === undefined ? (fromConfig?.on_behalf ?? undefined) : undefined);
    const recipients = config.documents?.recipients ?? undefined;
    entry.notice = {
      number: clean(options.noticeNumber, '--notice-number'),
      date: options.noticeDate,
      signer: { name: clean(name, '--signer'), title: clean(title, '--signer-title'), ...(onBehalf ? { on_behalf: clean(onBehalf, '--on-behalf') } : {}) },
      ...(recipients && recipients.length > 0 ? { recipients } : {}),
    };
  }

  const approval = record.data.approval;
  if (approval?.status === 'approved' && (approval.approved_by !== entry.approved_by || approval.approved_on !== entry.approved_on)) {
    throw new RecordsError(
      `${record.file} is already approved (by ${approval.approved_by ?? '?'} on ${approval.approved_on ?? '?'}).`,
      'Approved minutes are final: correct them with an "amendments" entry. To add the notice, run meet approve again with the same --by and --on.',
    );
  }
  // An approval that says nothing of the notice keeps the one already recorded.
  if (!entry.notice && approval?.notice) {
    const n = approval.notice;
    entry.notice = {
      number: n.number,
      date: n.date,
      signer: { name: n.signer.name, title: n.signer.title, ...(n.signer.on_behalf ? { on_behalf: n.signer.on_behalf } : {}) },
      ...(n.recipients ? { recipients: n.recipients } : {}),
    };
  }

  const absolute = path.join(root, record.file);
  const show = path.relative(io.cwd, absolute) || record.file;
  const source = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(absolute));
  const edit = setApproval(source, entry);
  if (edit.kind === 'refused') throw new RecordsError(`Cannot write the approval into ${show} safely: ${edit.reason}.`, 'Nothing was changed.');
  if (edit.kind === 'unchanged') {
    io.stdout.write(`${show}\n`);
    io.stderr.write(colorsFor(io.stderr, io).dim(`${show} is already approved so; nothing changed.\n`));
    return EXIT_OK;
  }
  const commitPlan = options.commit ? await prepareCommit(root, io.env, { unchanged: [absolute], includeConfig: options.includeConfig }) : undefined;
  const problem = verifyApprovalEdit(source, edit.text, record.data, entry, record.file);
  if (problem)
    throw new RecordsError(
      `Cannot write the approval into ${show} safely: ${problem}.`,
      'Nothing was changed; write "approval" by hand, then run "meet check".',
    );
  replaceFile(root, absolute, edit.text);
  io.stdout.write(`${show}\n`);
  io.stderr.write(
    `Approved ${show} (by ${entry.approved_by} on ${entry.approved_on}${entry.notice ? `; notice ${entry.notice.number} of ${entry.notice.date}` : ''})\n`,
  );
  if (commitPlan) io.stderr.write(`${describeCommit(await commitFiles(commitPlan, [absolute], `Approve the minutes of ${record.data.date}`))}\n`);
  return EXIT_OK;
}
