// meet notice RECORD: the meeting's "Thông báo kết luận" in the state layout
// (Nghị định 30/2020/NĐ-CP), as Word (default), PDF, HTML or Markdown. A
// record without `approval.notice`, or --draft, gives a draft: no number,
// the date left for the hand, marked "DỰ THẢO".
import { buildNotice, concludesNothing } from '../domain/documents.js';
import { organizationOf } from '../domain/months.js';
import { namedRecord } from '../io/namedRecord.js';
import { findRoot } from '../io/paths.js';
import { loadValidRepository } from '../io/repository.js';
import { printData, printMessage, readingFor, type Io } from '../io/terminal.js';
import { defaultOutPath, outFile, writeBinaryToStdout, writeUserOutput } from '../io/writeFiles.js';
import { EXIT_OK } from '../model/errors.js';
import { messages } from '../model/messages/index.js';
import { visible } from '../model/text.js';
import { composeNotice, renderOfficial, type DocumentFormat } from '../render/documents/index.js';
import { formatForOut, refuseMismatch } from '../render/outFormats.js';

export interface NoticeOptions {
  root?: string;
  /** The record's path. */
  record: string;
  format?: DocumentFormat;
  out?: string;
  /** Replace the file --out (or the default Word/PDF name) names if it exists. */
  force?: boolean;
  /** A draft even when the record gives the notice's number and date. */
  draft?: boolean;
}

const NOTICE_EXTENSIONS: Record<string, DocumentFormat> = { '.docx': 'docx', '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.md': 'md', '.markdown': 'md' };

export async function noticeCommand(options: NoticeOptions, io: Io): Promise<number> {
  const fromFile = options.out === undefined ? undefined : formatForOut<DocumentFormat>('meet notice', options.out, NOTICE_EXTENSIONS);
  refuseMismatch('meet notice', options.format, fromFile, options.out);
  const format = options.format ?? fromFile ?? 'docx';
  const root = findRoot(io.cwd, options.root);
  const { config, records } = await loadValidRepository(root, readingFor(io));
  const record = namedRecord(options.record, visible(options.record), root, config, records, io.cwd);
  const m = messages(io.locale ?? config.locale);
  const notice = buildNotice(record, config, options.draft === true);
  const doc = await composeNotice(notice);

  let output: string | Uint8Array;
  if (format === 'pdf') {
    const html = (await renderOfficial(doc, 'html')) as string;
    output = await (await import('../io/chromium.js')).printPdf(html, io.env);
  } else {
    output = await renderOfficial(doc, format);
  }
  // Word and PDF never go to the terminal: without --out they go to a file named after the meeting.
  const out =
    options.out ??
    (format === 'docx' || format === 'pdf'
      ? defaultOutPath(root, config.paths.meetings, io.cwd, `thong-bao-ket-luan-${record.data.date}.${format}`)
      : undefined);
  if (notice.draft && !options.draft) {
    printMessage(io, m.notice.draft(visible(record.file)));
  }
  if ((io.locale ?? config.locale) !== 'vi') printMessage(io, m.notice.stateDocument('notice'));
  if (!notice.signer) printMessage(io, m.notice.unsigned('notice_signer'));
  if (concludesNothing(notice)) printMessage(io, m.notice.nothingConcluded(visible(record.file)));
  // Another organization's meeting (a commune's kept by the district): its conclusions go out under this repository's header.
  const other = organizationOf(record, config);
  if (other !== null) printMessage(io, m.notice.otherOrganization(visible(record.file), visible(other)));
  const file = outFile(out);
  if (file === undefined) {
    if (typeof output === 'string') printData(io, output);
    else writeBinaryToStdout(io, output, format);
    return EXIT_OK;
  }
  writeUserOutput(root, config.paths.meetings, io.cwd, file, output, options.force === true);
  printMessage(io, m.notice.wrote(visible(record.file), notice.draft ? undefined : visible(notice.number ?? ''), format, visible(file)));
  return EXIT_OK;
}
