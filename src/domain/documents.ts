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
const LEVEL = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)?\s*(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+/iu;

/** The archive line every "Nơi nhận" ends with. */
const ARCHIVE = 'Lưu: VT';

/** "Nơi nhận" ends with the archive line: added when the list has none. */
function withArchive(recipients: readonly string[]): string[] {
  return recipients.some((r) => /^Lưu\b/u.test(r.trim())) ? [...recipients] : [...recipients, ARCHIVE];
}

/** The config's `documents` and `place`, with every default filled in. */
function documentSettings(config: Config): DocumentSettings {
  const documents = config.documents ?? {};
  const organization = config.organization.trim();
  const issuer = documents.issuer ?? organization.replace(UBND, 'Ủy ban nhân dân ').toLocaleUpperCase('vi');
  const place = config.place ?? (LEVEL.test(organization) ? organization.replace(LEVEL, '') : organization);
  const isCommittee = UBND.test(organization) || /ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN/u.test(issuer);
  // The office that issues a committee's notices ("Văn phòng HĐND và UBND huyện"), when the config names one.
  const office = Object.values(config.owners).find((name) => /^Văn phòng\b/u.test(name)) ?? organization;
  const reportSigner = signer(documents.report_signer);
  const noticeSigner = signer(documents.notice_signer);
  return {
    ...(documents.parent ? { parent: documents.parent } : {}),
    issuer,
    code: documents.code ?? (isCommittee ? 'UBND' : ''),
    place,
    office,
    ...(reportSigner ? { reportSigner } : {}),
    ...(noticeSigner ? { noticeSigner } : {}),
    recipients: withArchive(documents.recipients ?? []),
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
  return { settings, report, ...(settings.reportSigner ? { signer: settings.reportSigner } : {}), recipients: settings.recipients };
}
