// What the official documents say (issue 15): the settings every document
// shares (the config's `documents` and `place`, with their defaults), one
// meeting's "Thông báo kết luận", and the month's "Báo cáo". Pure: the words
// and the layout are the renderer's (render/documents/).
import type { DocumentSettings, MonthlyDocument, Notice, NoticeTaskGroup, Signer } from '../model/documents.js';
import type { MeetingRecord } from '../model/record.js';
import type { Report } from '../model/report.js';
import { ownersOf, type Config } from '../model/schema.js';
import { reportMeeting } from './buildReport.js';
import { deadlinesOf } from './deadlines.js';
import { taskTerms } from './taskState.js';

type SignerData = { name: string; title: string; on_behalf?: string | null };

function signer(data: SignerData | null | undefined): Signer | undefined {
  if (!data) return undefined;
  return { name: data.name, title: data.title, ...(data.on_behalf ? { onBehalf: data.on_behalf } : {}) };
}

// "UBND huyện Mẫu Sơn" → "ỦY BAN NHÂN DÂN HUYỆN MẪU SƠN"; the place is what follows the level.
const UBND = /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu;
// The administrative unit an organization is named after: "UBND huyện Mẫu Sơn" (first), or an agency's
// "Sở Tài chính tỉnh Lào Cai" (a level word in lower case before a proper name: not "Xã hội").
const UNITS = 'tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn';
const LEVEL = new RegExp(`^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)?\\s*(${UNITS})\\s+(.+)$`, 'iu');
const AGENCY_LEVEL = new RegExp(`\\s(${UNITS})\\s+([\\p{Lu}\\d].*)$`, 'u');

/**
 * The place in "<place>, ngày … tháng … năm …": the name of the unit the
 * organization is named after ("Mẫu Sơn"), the unit's full name when it is
 * named by a number ("Quận 1", Nghị định 30/2020/NĐ-CP); else the
 * organization as written (the config's `place` says better).
 */
function placeOf(organization: string): string {
  // "UBND xã Tân Lập, huyện Mẫu Sơn": the commune's name; its district is the parent's line.
  organization = ownName(organization);
  const match = LEVEL.exec(organization) ?? AGENCY_LEVEL.exec(organization);
  if (!match) return organization;
  const [, level, name] = match as unknown as [string, string, string];
  return /^\d/u.test(name) ? `${level.charAt(0).toLocaleUpperCase('vi')}${level.slice(1).toLocaleLowerCase('vi')} ${name}` : name;
}

/** The organization without the units it lies in: "UBND xã Tân Lập" of "UBND xã Tân Lập, huyện Mẫu Sơn". */
function ownName(organization: string): string {
  return organization.split(',')[0]!.trim() || organization;
}

/** The header's lines are capitals (Nghị định 30/2020/NĐ-CP, Phụ lục I), however the config writes them. */
const capitals = (line: string) => line.toLocaleUpperCase('vi');

/** The archive line every "Nơi nhận" ends with. */
const ARCHIVE = 'Lưu: VT';

/** "Nơi nhận" ends with the archive line: moved last when the list has it elsewhere, added when it has none. */
function withArchive(recipients: readonly string[]): string[] {
  const isArchive = (r: string) => /^Lưu(?:\s|:|$)/u.test(r.trim());
  const archive = recipients.filter(isArchive);
  return [...recipients.filter((r) => !isArchive(r)), ...(archive.length > 0 ? archive : [ARCHIVE])];
}

/** The config's `documents` and `place`, with every default filled in. */
export function documentSettings(config: Config): DocumentSettings {
  const documents = config.documents ?? {};
  const organization = config.organization.trim();
  const issuer = capitals(documents.issuer ?? ownName(organization).replace(UBND, 'Ủy ban nhân dân '));
  const place = config.place ?? placeOf(organization);
  const isCommittee = UBND.test(organization) || /ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN/u.test(issuer);
  // The office that issues a committee's notices ("Văn phòng HĐND và UBND huyện"), when the config names one.
  const office = Object.values(config.owners).find((name) => /^Văn phòng\b/u.test(name)) ?? organization;
  const reportSigner = signer(documents.report_signer);
  const noticeSigner = signer(documents.notice_signer);
  return {
    organization,
    ...(documents.parent ? { parent: capitals(documents.parent) } : {}),
    issuer,
    code: documents.code ?? (isCommittee ? 'UBND' : ''),
    place,
    office,
    ...(reportSigner ? { reportSigner } : {}),
    ...(noticeSigner ? { noticeSigner } : {}),
    recipients: withArchive(documents.recipients ?? []),
    reportRecipients: withArchive(documents.report_recipients ?? documents.recipients ?? []),
  };
}

/**
 * One meeting's "Thông báo kết luận". A record without `approval.notice`, or
 * `draft`, gives a draft: no number, no date. Signer and recipients: the
 * notice's, else the config's.
 */
export function buildNotice(record: MeetingRecord, config: Config, draft: boolean): Notice {
  const settings = documentSettings(config);
  const notice = record.data.approval?.notice ?? undefined;
  const isDraft = draft || !notice;
  const deadlines = deadlinesOf(config);
  const groups = new Map<string, NoticeTaskGroup>();
  for (const task of record.data.tasks ?? []) {
    const [lead, ...others] = ownersOf(task);
    let group = groups.get(lead!);
    if (!group) groups.set(lead!, (group = { owner: lead!, name: config.owners[lead!] ?? lead!, tasks: [] }));
    group.tasks.push({
      id: task.id,
      title: task.title,
      withNames: others.map((o) => config.owners[o] ?? o),
      ...taskTerms(task, record.data.date, deadlines),
      recurring: task.recurring === true,
    });
  }
  const noticeSigner = signer(notice?.signer) ?? settings.noticeSigner;
  return {
    settings,
    draft: isDraft,
    ...(notice && !isDraft ? { number: notice.number, date: notice.date } : {}),
    ...(noticeSigner ? { signer: noticeSigner } : {}),
    recipients: notice?.recipients ? withArchive(notice.recipients) : settings.recipients,
    // The notice never shows the Markdown body.
    meeting: reportMeeting({ ...record, body: record.body ?? '' }, config),
    results: (record.data.results ?? []).map((r) => ({ sector: config.sectors[r.sector] ?? r.sector, text: r.summary })),
    taskGroups: [...groups.values()],
    file: record.file,
  };
}

/** The month's "Báo cáo": the report, signed by `documents.report_signer`. */
export function buildMonthlyDocument(report: Report, config: Config): MonthlyDocument {
  const settings = documentSettings(config);
  return { settings, report, ...(settings.reportSigner ? { signer: settings.reportSigner } : {}), recipients: settings.reportRecipients };
}

/** Whether the record gives its notice nothing to announce: no conclusion, results, shortcomings, decisions, tasks or proposals. */
export function concludesNothing(notice: Notice): boolean {
  const m = notice.meeting;
  return (
    !m.conclusion &&
    notice.results.length === 0 &&
    notice.taskGroups.length === 0 &&
    [m.shortcomings, m.decisions, m.proposals].every((list) => (list ?? []).length === 0)
  );
}
