// The "Thông báo kết luận" composed as an official document: the opening
// (when, where, who chaired and attended, what was reviewed), the chair's
// conclusions (assessment, decisions, tasks by owner with their deadlines,
// proposals) and the closing formula.
import { addMonths, type Month } from '../../model/dates.js';
import type { Notice } from '../../model/documents.js';
import type { ReportMeeting, ReportPerson } from '../../model/report.js';
import { periodRange } from '../../model/periods.js';
import { decisionLine, meetingDays, namesOrganization, othersMeeting } from '../reportWords.js';
import { formatDate } from '../locale.js';
import { paragraph, paragraphs, plain, signatureOf, type Block, type OfficialDocument, type TableRow } from './document.js';
import { DOCUMENT_WORDS } from './words.js';

const W = DOCUMENT_WORDS.notice;

function personText(p: ReportPerson): string {
  return `${p.name}${p.role ? `, ${p.role}` : ''}${p.organization ? ` (${p.organization})` : ''}`;
}

// A post on the People's Committee that issues the notice: "Chủ tịch UBND huyện", "Phó Chủ tịch Ủy ban nhân dân xã".
const COMMITTEE_POST = /\bUBND\b|[UỦ][yỷ] ban nhân dân/iu;

/**
 * The office the chair concludes in: of the posts a role lists, the last on
 * the committee ("Chủ tịch UBND huyện" from "Phó Bí thư Huyện ủy, Chủ tịch
 * UBND huyện", and from "Phó Chủ tịch UBND huyện, Chủ tịch Hội đồng thi
 * đua": the committee issues the notice); with none, the last "Chủ tịch"
 * post, else the last post, never the part in lower case that says what a
 * post covers ("…, phụ trách lĩnh vực kinh tế").
 */
function chairOffice(m: ReportMeeting): string | undefined {
  const role = m.chairRole ?? m.chairs?.[0]?.role;
  const posts = (role ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const named = (pattern: RegExp) => posts.findLast((post) => pattern.test(post.normalize('NFC')));
  return named(COMMITTEE_POST) ?? named(/chủ tịch/iu) ?? posts.findLast((post) => !/^\p{Ll}/u.test(post)) ?? posts[0];
}

// A title that says no more than "a regular meeting of month N": "Hội nghị thường kỳ tháng 10 (năm 2020)".
const REGULAR_TITLE = /^(?:hội nghị|họp|phiên họp) thường kỳ(?:\s+tháng\s+(\d{1,2})(?:\s*[/-]\s*(\d{4})|\s+năm\s+(\d{4}))?)?$/iu;

/**
 * Whether the title is a bare regular meeting's that says no other month
 * than its period: "Hội nghị thường kỳ tháng 10" held on 4 November without
 * a `period` counts for November, and its documents must not rename it.
 */
function regularOfPeriod(m: ReportMeeting): boolean {
  const found = m.kind === 'regular' && m.period !== undefined ? REGULAR_TITLE.exec(m.title.normalize('NFC').trim()) : null;
  if (!found) return false;
  const [, month, year = found[3]] = found;
  if (month === undefined) return true;
  const range = periodRange(m.period!);
  return range?.first === range?.last && Number(month) === Number(range!.first.slice(5)) && (year === undefined || year === range!.first.slice(0, 4));
}

/**
 * The meeting as the documents name it: a regular meeting the clerk titled
 * so ("Hội nghị thường kỳ tháng 10") by its period in full ("Hội nghị
 * thường kỳ tháng 10/2020"); any other by its title as written ("Hội nghị
 * sơ kết quý I/2021", "Hội nghị liên tịch…", whatever its kind); another
 * organization's with its name beside it, unless the title names it.
 */
export function meetingName(m: ReportMeeting, own: string): string {
  const name = regularOfPeriod(m) ? W.regularMeeting(m.period!) : m.title;
  return namesOrganization(m, own) ? `${name} (${m.organization})` : name;
}

/** The month a regular one-month meeting of the repository's own reviews, for "triển khai nhiệm vụ tháng 11". */
function reviewed(m: ReportMeeting, own: string): string | undefined {
  if (m.kind !== 'regular' || !m.period || othersMeeting(m, own)) return undefined;
  // A title naming another month than the period: which one it reviewed is the clerk's to say (`period`), not ours.
  if (REGULAR_TITLE.exec(m.title.normalize('NFC').trim())?.[1] !== undefined && !regularOfPeriod(m)) return undefined;
  const range = periodRange(m.period);
  if (!range) return undefined;
  if (range.first === range.last) return W.reviewedMonth(range.first, addMonths(range.first as Month, 1));
  return W.reviewedPeriod(m.period);
}

function opening(m: ReportMeeting, own: string): Block[] {
  const chair = m.chairs?.[0] ?? { name: m.chair, ...(m.chairRole ? { role: m.chairRole } : {}) };
  const chairText = `${W.comrade(chair.name)}${chair.role ? ` – ${chair.role}` : ''}`;
  const coChairs = (m.chairs ?? []).slice(1);
  const parts = [
    m.endDate && m.endDate !== m.date ? W.fromTo(formatDate('vi', m.date), formatDate('vi', m.endDate)) : W.when(m.session, meetingDays('vi', m)),
    ...(m.location ? [W.at(m.location)] : []),
    ...(m.mode === 'online' ? [W.online] : m.mode === 'hybrid' ? [W.hybrid] : []),
  ];
  const review = reviewed(m, own);
  const first = `${parts.join(', ')}, ${W.chaired(chairText, meetingName(m, own))}${review ? ` ${review}` : ''}${
    coChairs.length > 0 ? W.coChaired(coChairs.map((c) => W.comrade(personText(c))).join(', ')) : ''
  }.`;
  const blocks = [paragraph(first)];
  if ((m.attendees ?? []).length > 0) blocks.push(paragraph(W.attended(m.attendees!.map(personText).join('; '))));
  const office = chairOffice(m);
  blocks.push(paragraph(W.concluded(office ?? W.comrade(m.chair))));
  return blocks;
}

function taskTable(notice: Notice): Block {
  const c = W.columns;
  const rows: TableRow[] = [];
  let n = 0;
  for (const group of notice.taskGroups) {
    rows.push({ group: group.name });
    for (const task of group.tasks) {
      const title = task.directedBy ? `${task.title} ${W.directedBy(task.directedBy)}` : task.title;
      rows.push({ cells: [String(++n), title, task.withNames.join(', '), DOCUMENT_WORDS.deadline(task)] });
    }
  }
  return {
    kind: 'table',
    columns: [
      { header: c.number, width: 7, align: 'center' },
      { header: c.task, width: 49 },
      { header: c.with, width: 24 },
      { header: c.due, width: 20, align: 'center' },
    ],
    rows,
  };
}

export function noticeDocument(notice: Notice): OfficialDocument {
  const m = notice.meeting;
  const office = chairOffice(m);
  const own = notice.settings.organization;
  const abstract = W.abstract(office ?? W.comrade(m.chair), meetingName(m, own));
  const blocks: Block[] = [...opening(m, own)];
  let section = 0;
  const heading = (text: string) => blocks.push({ kind: 'subheading', text: `${++section}. ${text}` });

  const shortcomings = m.shortcomings ?? [];
  if (m.conclusion || notice.results.length > 0 || shortcomings.length > 0) {
    heading(W.assessment);
    if (m.conclusion) blocks.push(...paragraphs(m.conclusion));
    if (notice.results.length > 0) {
      blocks.push(paragraph({ text: W.results, italic: true }));
      blocks.push({ kind: 'bullets', items: notice.results.map((r) => [plain(r.text)]) });
    }
    if (shortcomings.length > 0) {
      blocks.push(paragraph({ text: W.shortcomings, italic: true }));
      blocks.push({ kind: 'bullets', items: shortcomings.map((s) => [plain(s)]) });
    }
  }
  const decisions = m.decisions ?? [];
  if (decisions.length > 0) {
    heading(W.decisions);
    blocks.push({ kind: 'bullets', items: decisions.map((d) => [plain(decisionLine('vi', d))]) });
  }
  if (notice.taskGroups.length > 0) {
    heading(W.tasks);
    blocks.push(paragraph(W.tasksIntro));
    blocks.push(taskTable(notice));
  }
  const proposals = m.proposals ?? [];
  if (proposals.length > 0) {
    heading(W.proposals);
    blocks.push({ kind: 'bullets', items: proposals.map((p) => [plain(p)]) });
  }
  blocks.push(paragraph(W.closing(notice.settings.office)));

  const { settings } = notice;
  return {
    title: W.title(abstract),
    draft: notice.draft,
    header: {
      ...(settings.parent ? { parent: settings.parent } : {}),
      issuer: settings.issuer,
      number: DOCUMENT_WORDS.number(notice.number, 'TB', settings.code),
      placeAndDate: DOCUMENT_WORDS.placeAndDate(settings.place, notice.date),
    },
    kind: W.kind,
    abstract,
    blocks,
    signature: signatureOf(notice.signer),
    recipients: notice.recipients,
  };
}
