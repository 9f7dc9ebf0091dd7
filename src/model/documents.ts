// Official documents (issue 15): the "Thông báo kết luận" of a meeting and
// the monthly "Báo cáo", as values. domain/documents.ts builds them from the
// records and the config; render/documents/ lays them out (Nghị định
// 30/2020/NĐ-CP, Phụ lục I) as Word, HTML, Markdown and, through HTML, PDF.
import type { IsoDate } from './dates.js';
import type { DueWritten } from './due.js';
import type { Report, ReportMeeting } from './report.js';

/** Who signs: "TL. CHỦ TỊCH" / "CHÁNH VĂN PHÒNG" / "Lê Văn Nam". */
export interface Signer {
  name: string;
  title: string;
  /** The line above the title: "TM. ỦY BAN NHÂN DÂN", "TL. CHỦ TỊCH". */
  onBehalf?: string;
}

/** The config's `documents` and `place`, every default filled in. */
export interface DocumentSettings {
  /** The repository's organization as the config names it: another's meeting is named as such. */
  organization: string;
  /** The line above the issuer ("cơ quan chủ quản"), when there is one. */
  parent?: string;
  /** The issuer in capitals: "ỦY BAN NHÂN DÂN HUYỆN MẪU SƠN". */
  issuer: string;
  /** The issuer's code in numbers: "UBND" in 125/TB-UBND. */
  code: string;
  /** The place name of the date line: "Mẫu Sơn". */
  place: string;
  /** Who issues a notice, in its closing formula: "Văn phòng HĐND và UBND huyện". */
  office: string;
  reportSigner?: Signer;
  noticeSigner?: Signer;
  /** "Nơi nhận", ending with the archive line ("Lưu: VT"). */
  recipients: string[];
  /** The Báo cáo's "Nơi nhận": `report_recipients`, else the notices'. */
  reportRecipients: string[];
}

/** A task of the notice, under its lead owner. */
interface NoticeTask {
  id: string;
  title: string;
  /** The other owners' names ("phối hợp"). */
  withNames: string[];
  /** The last day `due` stands for. */
  due?: IsoDate;
  dueAsWritten?: DueWritten;
  recurring: boolean;
  directedBy?: string;
}

export interface NoticeTaskGroup {
  /** The lead owner's id and name (a group's name for a group). */
  owner: string;
  name: string;
  tasks: NoticeTask[];
}

/** One meeting's "Thông báo kết luận". */
export interface Notice {
  settings: DocumentSettings;
  /** No number and no date yet (no `approval.notice`, or --draft). */
  draft: boolean;
  /** As written: "125/TB-UBND"; absent in a draft. */
  number?: string;
  /** The notice's date; absent in a draft. */
  date?: IsoDate;
  signer?: Signer;
  recipients: string[];
  meeting: ReportMeeting;
  /** The results of the meeting, in brief: sector label and summary. */
  results: { sector: string; text: string }[];
  /** Tasks grouped by lead owner, in the record's order. */
  taskGroups: NoticeTaskGroup[];
  /** Path of the record, relative to the repository root. */
  file: string;
}

/** The month's "Báo cáo": the monthly report with the settings of an official document. */
export interface MonthlyDocument {
  settings: DocumentSettings;
  report: Report;
  signer?: Signer;
  recipients: string[];
}
