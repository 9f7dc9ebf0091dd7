// The month's "Báo cáo" composed as an official document: I. Kết quả (by
// sector, with the figures), II. Tồn tại, hạn chế, III. Nhiệm vụ trọng tâm
// tháng tới, IV. Kiến nghị, đề xuất. No charts: they are the HTML report's.
import type { MonthlyDocument } from '../../model/documents.js';
import type { Report, ReportMetric, ReportTask } from '../../model/report.js';
import { formatDate } from '../locale.js';
import { asOfOf, decisionLine, metricTable, otherOrganizations, REPORT_WORDS, spanTable, tasksOf } from '../reportWords.js';
import type { Column } from '../table.js';
import { paragraph, plain, signatureOf, type Block, type OfficialDocument, type TableColumn } from './document.js';
import { meetingName } from './notice.js';
import { DOCUMENT_WORDS } from './words.js';

const W = DOCUMENT_WORDS.report;

/** The text width of the A4 page between the decree's margins (30 and 15 mm), in points. */
const TEXT_POINTS = (165 / 25.4) * 72;
/** A cell's padding, left and right together, in points (Word's 4 + 4, the HTML's 1.5 mm a side). */
const CELL_PADDING = 9;

/** About how wide `text` sets in Times New Roman, in ems: digits and most small letters half an em. */
function ems(text: string): number {
  let width = 0;
  for (const ch of text)
    width += ch === ',' || ch === '.' || ch === ' ' || ch === '/' ? 0.28 : ch === '%' ? 0.83 : ch === '—' ? 1 : ch.toLocaleLowerCase('vi') !== ch ? 0.72 : 0.5;
  // A tenth more: Word's and Chromium's fallbacks for a missing glyph set wider.
  return width * 1.1;
}

/** The widest word of a cell, in ems: a cell may wrap between words, never inside one ("102,6%"). */
const widestWord = (text: string) => Math.max(0, ...text.split(/\s+/u).map(ems));

/**
 * A figures table: each number column as wide as its widest word (header
 * bold), the label what they leave. With plan, year-to-date and same-period
 * columns a table has up to nine number columns: its text goes down to
 * 11 or 10 pt until the label keeps a fifth of the width, so that no figure
 * is broken over two lines.
 */
function figuresTable(columns: readonly Column[], rows: readonly string[][]): Block {
  const words = columns.map((c, i) => Math.max(widestWord(c.header) * 1.05, ...rows.map((r) => widestWord(r[i] ?? ''))));
  const fits = (size: number) => {
    const needs = words.map((w) => w * size + CELL_PADDING);
    const label = TEXT_POINTS - needs.slice(1).reduce((a, b) => a + b, 0);
    return { needs, label, ok: label >= Math.max(needs[0]!, TEXT_POINTS / 5) };
  };
  const size = [12, 11, 10].find((s) => fits(s).ok) ?? 10;
  const { needs, label } = fits(size);
  const points = [Math.max(label, needs[0]!), ...needs.slice(1)];
  const total = points.reduce((a, b) => a + b, 0);
  const widths: TableColumn[] = columns.map((c, i) => ({
    header: c.header,
    width: Math.round((1000 * points[i]!) / total) / 10,
    ...(c.align === 'right' ? { align: 'right' as const } : {}),
  }));
  return { kind: 'table', columns: widths, rows: rows.map((cells) => ({ cells })), ...(size < 12 ? { size } : {}) };
}

/** "… 150 ha lúa xuân (Hợp tác xã Nam Sơn)." : another organization's name inside its sentence, before the full stop. */
function withOrganization(text: string, organization: string): string {
  const end = /[.;]+$/u.exec(text.trimEnd());
  const body = end ? text.trimEnd().slice(0, end.index) : text;
  return `${body} (${organization})${end ? end[0] : ''}`;
}

/** Each task's first row. */
function distinctTasks(rows: readonly ReportTask[]): ReportTask[] {
  const seen = new Set<string>();
  return rows.filter((t) => {
    // A file's path has no line feed in it.
    const key = `${t.meeting.file}\n${t.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function taskRows(tasks: Iterable<ReportTask>): Block {
  const c = W.columns;
  return {
    kind: 'table',
    columns: [
      { header: c.number, width: 7, align: 'center' },
      { header: c.task, width: 41 },
      { header: c.lead, width: 19 },
      { header: c.with, width: 16 },
      { header: c.due, width: 17, align: 'center' },
    ],
    // A deadline already past on the report's day says so: "hoàn thành trước ngày 15/12/2020" alone would direct work by a lapsed date.
    rows: Array.from(tasks, (t, i) => ({
      cells: [
        String(i + 1),
        t.title,
        t.ownerNames[0] ?? '',
        t.ownerNames.slice(1).join(', '),
        `${DOCUMENT_WORDS.deadline(t)}${t.overdueDays > 0 ? W.lapsed(t.overdueDays) : ''}`,
      ],
    })),
  };
}

export function monthlyDocument(doc: MonthlyDocument): OfficialDocument {
  const { settings } = doc;
  // A state document's words and numbers are Vietnamese whatever the repository's locale: its figures tables too.
  const report: Report = { ...doc.report, locale: 'vi' };
  const abstract = W.abstract(report.month, report.nextMonth);
  const blocks: Block[] = [paragraph(W.opening(report.organization, report.month, report.nextMonth))];

  // I. Kết quả: each sector, then the direction (meetings, decisions) and the tasks.
  blocks.push({ kind: 'heading', text: `${DOCUMENT_WORDS.roman(1)}. ${W.results(report.month)}` });
  let n = 0;
  const sub = (text: string) => blocks.push({ kind: 'subheading', text: `${++n}. ${text}` });
  const shown = new Set<string>();
  const metrics = (list: readonly ReportMetric[]) => {
    const { columns, rows } = metricTable(report, list, (text) => text);
    blocks.push(paragraph({ text: W.figures, italic: true }), figuresTable(columns, rows));
    for (const m of list) shown.add(`${m.organization ?? ''}\0${m.id}`);
  };
  for (const result of report.results) {
    sub(result.label);
    if (result.summaries.length > 0) {
      blocks.push({ kind: 'bullets', items: result.summaries.map((s) => [plain(s.organization ? withOrganization(s.text, s.organization) : s.text)]) });
    }
    if (result.metrics.length > 0) metrics(result.metrics);
  }
  const others = report.metrics.filter((m) => !m.organization && !shown.has(`\0${m.id}`));
  if (others.length > 0) {
    sub(W.otherFigures);
    metrics(others);
  }
  for (const organization of otherOrganizations(report)) {
    sub(REPORT_WORDS.vi.otherFigures(organization));
    metrics(report.metrics.filter((m) => m.organization === organization));
  }
  for (const span of report.spans ?? []) {
    const { columns, rows } = spanTable(report, span, (text) => text);
    sub(REPORT_WORDS.vi.spanFigures(span.period, span.organization ?? undefined));
    blocks.push(figuresTable(columns, rows));
  }

  sub(W.direction);
  if (report.meetings.length === 0) {
    blocks.push(paragraph(W.noMeetings));
  } else {
    blocks.push(paragraph(W.meetings(report.meetings.length, report.meetings.filter((m) => m.date.slice(0, 7) > report.month).length)));
    blocks.push({
      kind: 'bullets',
      items: report.meetings.map((m) => {
        const approved = m.approval ? ` (${W.approved(m.approval.notice)})` : '';
        // Co-chaired (v2: a list of chairs, the first presiding): "do đồng chí A chủ trì, đồng chí B đồng chủ trì".
        const coChairs = (m.chairs ?? []).slice(1).map((c) => `đồng chí ${c.name}`);
        const chaired = `do đồng chí ${m.chair} chủ trì${coChairs.length > 0 ? `, ${coChairs.join(', ')} đồng chủ trì` : ''}`;
        const held = m.endDate ? `từ ngày ${formatDate('vi', m.date)} đến ngày ${formatDate('vi', m.endDate)}` : `ngày ${formatDate('vi', m.date)}`;
        return [plain(`${meetingName(m, report.organization)}, ${held}, ${chaired}${approved}.`)];
      }),
    });
  }
  if (report.decisions.length > 0) {
    blocks.push(paragraph({ text: W.decisions, italic: true }));
    blocks.push({ kind: 'bullets', items: report.decisions.map((d) => [plain(decisionLine('vi', d))]) });
  }

  sub(W.tasksDone);
  // Rows are told apart by task (their task's id and meeting): a report's lists make a row anew each time they are read.
  const open = distinctTasks([...report.tasks.carried, ...report.tasks.assigned.filter((t) => t.status === 'open' || t.status === 'in-progress')]);
  blocks.push(
    paragraph(
      W.taskCounts({
        assigned: report.tasks.assigned.length,
        completed: report.tasks.completed.length,
        dropped: tasksOf(report, 'dropped').length,
        open: open.filter((t) => !t.recurring).length,
        overdue: report.tasks.overdue.length,
      }),
    ),
  );

  // II. Tồn tại, hạn chế: the meetings' shortcomings, then the overdue tasks.
  blocks.push({ kind: 'heading', text: `${DOCUMENT_WORDS.roman(2)}. ${W.shortcomings}` });
  const shortcomings = report.meetings.flatMap((m) => m.shortcomings ?? []);
  if (shortcomings.length > 0) blocks.push({ kind: 'bullets', items: shortcomings.map((s) => [plain(s)]) });
  if (report.tasks.overdue.length > 0) {
    blocks.push(paragraph(W.overdue(report.tasks.overdue.length, asOfOf(report))));
    blocks.push({
      kind: 'bullets',
      items: report.tasks.overdue.map((t) => [plain(W.overdueTask(t.title, t.ownerNames.join(', '), t.due ? formatDate('vi', t.due) : '', t.overdueDays))]),
    });
  }
  if (shortcomings.length === 0 && report.tasks.overdue.length === 0) blocks.push(paragraph(W.none));

  // III. Nhiệm vụ trọng tâm tháng tới: due next month, then every other task not yet completed (the
  // "chưa hoàn thành" counted in part I: carried over, and this month's still open), then standing work.
  blocks.push({ kind: 'heading', text: `${DOCUMENT_WORDS.roman(3)}. ${W.nextTasks(report.nextMonth)}` });
  const next = distinctTasks([...report.tasks.dueNext, ...open.filter((t) => !t.recurring)]);
  if (next.length > 0) blocks.push(paragraph(W.nextIntro), taskRows(next));
  const standing = tasksOf(report, 'recurring');
  if (standing.length > 0) blocks.push(paragraph({ text: W.standing, italic: true }), taskRows(standing));
  if (next.length === 0 && standing.length === 0) blocks.push(paragraph(W.none));

  // IV. Kiến nghị, đề xuất.
  blocks.push({ kind: 'heading', text: `${DOCUMENT_WORDS.roman(4)}. ${W.proposals}` });
  const proposals = report.meetings.flatMap((m) => m.proposals ?? []);
  blocks.push(proposals.length > 0 ? { kind: 'bullets', items: proposals.map((p) => [plain(p)]) } : paragraph(W.none));

  blocks.push(paragraph(W.closing(report.organization, abstract)));
  return {
    title: W.title(abstract),
    draft: false,
    header: {
      ...(settings.parent ? { parent: settings.parent } : {}),
      issuer: settings.issuer,
      number: DOCUMENT_WORDS.number(undefined, 'BC', settings.code),
      placeAndDate: DOCUMENT_WORDS.placeAndDate(settings.place, undefined),
    },
    kind: W.kind,
    abstract,
    blocks,
    signature: signatureOf(doc.signer),
    recipients: doc.recipients,
  };
}
