// meet calendar: the .ics file read back by an independent parser (ical.js,
// Mozilla's): one all-day VEVENT per open task with a due date, stable UIDs,
// title, owners and meeting; --owner, --out, and --out extensions it cannot
// write (item 9 of issue 11, for report too).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { copyExamples, EXAMPLES, runMeet, tempDir } from './helpers.js';

interface Event {
  uid: string;
  summary: string;
  start: string;
  end: string;
  isDate: boolean;
  description: string;
  categories: string[];
}

/** Parses with ical.js: every VEVENT with what a calendar shows of it. */
function parseCalendar(text: string): { name: string; prodId: string; events: Event[] } {
  const component = new ICAL.Component(ICAL.parse(text));
  expect(component.name).toBe('vcalendar');
  expect(component.getFirstPropertyValue('version')).toBe('2.0');
  const events = component.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      isDate: event.startDate.isDate,
      description: event.description,
      categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
    };
  });
  return { name: String(component.getFirstPropertyValue('x-wr-calname')), prodId: String(component.getFirstPropertyValue('prodid')), events };
}

// examples/ is a Vietnamese repository (locale: vi): the messages asserted below are what its clerk reads.
const TODAY = '2020-12-01';

describe('meet calendar', () => {
  it('writes a right-to-left override of a task title out visibly (a calendar would reverse the rest of the line)', async () => {
    const dir = copyExamples();
    const file = path.join(dir, 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/title: (Tập trung[^\n]*)/, 'title: "$1 \u202E"'));
    const run = await runMeet(['calendar', '--today', '2020-11-26'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\u202E');
  });

  it("names the calendar with its commas escaped: a parser reads the owner's name whole", async () => {
    const run = await runMeet(['calendar', '--today', TODAY, '--owner', 'cac-phong-nganh'], { cwd: EXAMPLES });
    expect(run.code).toBe(0);
    // ical.js knows RFC 5545's properties only: NAME (RFC 7986) and X-WR-CALNAME are TEXT, read as such.
    const design = ICAL.design.icalendar.property as Record<string, { defaultType: string }>;
    design['name'] = { defaultType: 'text' };
    design['x-wr-calname'] = { defaultType: 'text' };
    const calendar = new ICAL.Component(ICAL.parse(run.stdout));
    const expected = 'UBND huyện Mẫu Sơn — Nhiệm vụ (Các phòng, ban, ngành thuộc UBND huyện)';
    expect(calendar.getFirstPropertyValue('name')).toBe(expected);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(expected);
    expect(run.stdout.replace(/\r\n /g, '')).toContain('NAME:UBND huyện Mẫu Sơn — Nhiệm vụ (Các phòng\\, ban\\, ngành thuộc UBND huyện)\r\n');
  });

  it('one all-day event per open task with a due date, read back by ical.js', async () => {
    const run = await runMeet(['calendar', '--today', TODAY], { cwd: EXAMPLES });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // RFC 5545: CRLF line ends, lines folded at 75 octets.
    expect(run.stdout.split('\r\n').length).toBeGreaterThan(20);
    expect(run.stdout.replace(/\r\n/g, '')).not.toContain('\n');
    expect(run.stdout.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of run.stdout.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const tasks = JSON.parse((await runMeet(['tasks', '--today', TODAY, '--format', 'json', '--status', 'open', 'in-progress'], { cwd: EXAMPLES })).stdout) as {
      id: string;
      title: string;
      due?: string;
    }[];
    const withDue = tasks.filter((t) => t.due);
    expect(withDue.length).toBeGreaterThan(5);

    const calendar = parseCalendar(run.stdout);
    expect(calendar.name).toBe('UBND huyện Mẫu Sơn — Nhiệm vụ');
    expect(calendar.prodId).toContain('meeting-minutes-cli');
    expect(calendar.events.map((e) => e.summary).sort()).toEqual(withDue.map((t) => t.title).sort());
    const uids = calendar.events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);

    const road = calendar.events.find((e) => e.uid === 'task-2020-10-giao-thong-thuy-loi@ubnd-huyen-mau-son.meet')!;
    expect(road).toMatchObject({ summary: 'Tập trung làm tốt công tác giao thông, thủy lợi', start: '2020-11-30', end: '2020-12-01', isDate: true });
    expect(road.description).toContain('Cơ quan được giao: Phòng Nông nghiệp và Phát triển nông thôn, Phòng Kinh tế và Hạ tầng');
    expect(road.description).toContain('Giao tại: Hội nghị thường kỳ tháng 10 (26/10/2020)');
    expect(road.description).toContain('meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md');
    expect(road.categories).toEqual(['Phòng Nông nghiệp và Phát triển nông thôn', 'Phòng Kinh tế và Hạ tầng']);
    // Done and dropped tasks are not on it.
    expect(uids.some((u) => u.includes('2020-10-phong-chong-bao-lut'))).toBe(false);
    expect(uids.some((u) => u.includes('2020-09-bao-cao-dau-tu-cong'))).toBe(false);
  });

  it('speaks the language of the run: --locale en over a Vietnamese repository', async () => {
    const run = await runMeet(['calendar', '--today', TODAY, '--locale', 'en'], { cwd: EXAMPLES });
    const calendar = parseCalendar(run.stdout);
    expect(calendar.name).toBe('UBND huyện Mẫu Sơn — Tasks');
    const road = calendar.events.find((e) => e.uid === 'task-2020-10-giao-thong-thuy-loi@ubnd-huyen-mau-son.meet')!;
    expect(road.description).toContain('Assigned at: Hội nghị thường kỳ tháng 10 (26 Oct 2020)');
    expect(road.description).not.toContain('Cơ quan được giao');
  });

  it('is the same on every run, and a task keeps its UID when other tasks close', async () => {
    const first = await runMeet(['calendar', '--today', TODAY], { cwd: EXAMPLES, now: new Date('2021-01-01T00:00:00Z') });
    const again = await runMeet(['calendar', '--today', TODAY], { cwd: EXAMPLES, now: new Date('2022-06-01T00:00:00Z') });
    expect(again.stdout).toBe(first.stdout);
    const later = parseCalendar((await runMeet(['calendar', '--today', '2020-12-31'], { cwd: EXAMPLES })).stdout);
    const before = parseCalendar(first.stdout);
    const common = later.events.filter((e) => before.events.some((b) => b.uid === e.uid));
    expect(common.length).toBeGreaterThan(0);
    for (const event of common) expect(event.summary).toBe(before.events.find((b) => b.uid === event.uid)!.summary);
  });

  it('--owner: only the tasks that owner leads or shares; an unknown owner is a usage error with a suggestion', async () => {
    const run = await runMeet(['calendar', '--today', TODAY, '--owner', 'tai-chinh-ke-hoach'], { cwd: EXAMPLES });
    expect(run.code).toBe(0);
    const calendar = parseCalendar(run.stdout);
    expect(calendar.name).toBe('UBND huyện Mẫu Sơn — Nhiệm vụ (Phòng Tài chính – Kế hoạch)');
    expect(calendar.events.length).toBeGreaterThan(2);
    for (const event of calendar.events) expect(event.categories).toContain('Phòng Tài chính – Kế hoạch');

    const typo = await runMeet(['calendar', '--owner', 'tai-chinh'], { cwd: EXAMPLES });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Có phải ý bạn là "tai-chinh-ke-hoach"?');
  });

  it('--out writes the file atomically and says how many tasks it holds', async () => {
    const dir = copyExamples();
    const run = await runMeet(['calendar', '--today', TODAY, '--out', 'nhiem-vu.ics'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const text = readFileSync(path.join(dir, 'nhiem-vu.ics'), 'utf8');
    const count = parseCalendar(text).events.length;
    expect(run.stderr).toBe(`Đã ghi ${count} nhiệm vụ chưa hoàn thành có thời hạn vào nhiem-vu.ics\n`);
  });
});

describe('--out with an extension the command cannot write: exit 2, naming the formats', () => {
  it.each([
    ['report', ['report', '--month', '2020-10', '--out'], 'bao-cao.odt', '.md, .markdown, .html, .htm, .json, .txt, .docx, .pdf'],
    ['report', ['report', '--month', '2020-10', '--format', 'md', '--out'], 'bao-cao.xlsx', '.md, .markdown, .html, .htm, .json, .txt, .docx, .pdf'],
    ['calendar', ['calendar', '--out'], 'nhiem-vu.pdf', '.ics'],
  ])('meet %s --out %s', async (_name, args, file, formats) => {
    const dir = tempDir();
    const run = await runMeet([...args, path.join(dir, file)], { cwd: EXAMPLES });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`không ghi được tệp ${path.extname(file)}`);
    expect(run.stderr).toContain(formats);
    expect(existsSync(path.join(dir, file))).toBe(false);
  });

  it('a Word or PDF file name with another --format is refused: its content would not be what its name says', async () => {
    const dir = tempDir();
    const run = await runMeet(['report', '--month', '2020-10', '--format', 'md', '--out', path.join(dir, 'bao-cao.docx')], { cwd: EXAMPLES });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format md không ghi ra tệp .docx');
    expect(existsSync(path.join(dir, 'bao-cao.docx'))).toBe(false);
  });

  it('a file name without an extension says nothing: an explicit --format decides (Word, PDF or any other)', async () => {
    const dir = tempDir();
    const report = await runMeet(['report', '--month', '2020-10', '--format', 'docx', '--out', path.join(dir, 'baocao')], { cwd: EXAMPLES });
    expect(report.stderr).not.toContain('--format');
    expect(report.code).toBe(0);
    expect(readFileSync(path.join(dir, 'baocao')).subarray(0, 2).toString()).toBe('PK');
    const notice = await runMeet(['notice', 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md', '--format', 'md', '--out', path.join(dir, 'thongbao')], {
      cwd: EXAMPLES,
    });
    expect(notice.code).toBe(0);
    expect(readFileSync(path.join(dir, 'thongbao'), 'utf8')).toContain('THÔNG BÁO');
  });

  it('a known extension still picks the format, and a name without one is Markdown', async () => {
    const dir = tempDir();
    expect((await runMeet(['report', '--month', '2020-10', '--out', path.join(dir, 'r.HTML')], { cwd: EXAMPLES })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'r.HTML'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect((await runMeet(['report', '--month', '2020-10', '--out', path.join(dir, 'bao-cao')], { cwd: EXAMPLES })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'bao-cao'), 'utf8')).toMatch(/^# /);
  });
});
