/// <reference lib="dom" />
// The official documents as PDF: the built CLI prints the notice and the
// monthly report through the Chromium installed here (never downloaded),
// read back with poppler (pdfinfo for A4, pdftotext for the texts in order,
// pdftoppm for a picture of page 1). The HTML notice is also opened in the
// browser and its first page photographed. The pictures go to test-output/
// (docs/notice-2020-10-*.png are copies, to be looked at by eye).
//
// Without /usr/bin/chromium these tests are skipped, saying how to install
// it; in CI (CI is set), which installs it, they fail instead.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inReadingOrder, pdfInfo, pdfText } from './documentReaders.js';
import { copyExamples, PROJECT_ROOT, spawnMeet, tempDir, copyRecords } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const MISSING = `Chromium is missing at ${CHROMIUM}. Install it (Debian/Ubuntu: apt-get install chromium); these tests never download a browser.`;
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM && !process.env.CI) console.warn(`Skipping the PDF tests. ${MISSING}`);
const OUTPUT = path.join(PROJECT_ROOT, 'test-output');
const OCTOBER = 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md';
const XA_DECEMBER = 'meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md';

beforeEach(({ skip }) => {
  skip(!HAVE_CHROMIUM, MISSING);
});

/** Text with every run of white space (line breaks of wrapped table cells included) made one space; read with -raw, in the order Chromium wrote it. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** A4 in PDF points (595.28 × 841.89), as pdfinfo prints it. */
function isA4(info: Record<string, string>): boolean {
  const [w, h] = (/^([\d.]+) x ([\d.]+) pts/.exec(info['Page size'] ?? '') ?? []).slice(1).map(Number);
  return Math.abs(w! - 595.28) < 1 && Math.abs(h! - 841.89) < 1;
}

describe('the notice as PDF (the October 2020 example)', () => {
  let dir: string;
  let pdf: string;
  let stderr: string;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) {
      if (process.env.CI) throw new Error(MISSING);
      return;
    }
    dir = copyExamples();
    const run = await spawnMeet(['notice', OCTOBER, '--out', 'thong-bao.pdf'], { cwd: dir });
    stderr = run.stderr;
    expect(run.code, run.stderr).toBe(0);
    pdf = path.join(dir, 'thong-bao.pdf');
  });

  it('is an A4 PDF of several pages', () => {
    expect(stderr).toContain('dạng pdf vào thong-bao.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const info = pdfInfo(pdf);
    expect(isA4(info), info['Page size']).toBe(true);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(2);
  });

  it('holds the header, number, title, every task, the closing formula, signer and recipients, in order', () => {
    const text = flat(pdfText(pdf, '-raw'));
    const tasks = readFileSync(path.join(dir, OCTOBER), 'utf8')
      .split('\nconclusion:')[0]!
      .split('\ntasks:')[1]!
      .match(/^ {4}title: .*$/gm)!
      .map((l) => l.replace(/^ {4}title: /, ''));
    expect(tasks).toHaveLength(10);
    const missing = inReadingOrder(
      [text],
      [
        'UBND TỈNH MẪU SƠN',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 125/TB-UBND',
        'Mẫu Sơn, ngày 28 tháng 10 năm 2020',
        'THÔNG BÁO',
        'Kết luận của Chủ tịch UBND huyện tại Hội nghị thường kỳ tháng 10/2020',
        'Chiều ngày 26/10/2020',
        'Nhiệm vụ trong thời gian tới',
        'Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.',
      ],
    );
    expect(missing).toEqual([]);
    expect(text).not.toContain('DỰ THẢO');
    for (const title of tasks) expect(text).toContain(title);
    for (const piece of [
      'trong tháng 11/2020',
      'hoàn thành trước ngày 30/11/2020',
      'Nơi nhận:',
      '- Lưu: VT.',
      'TL. CHỦ TỊCH',
      'CHÁNH VĂN PHÒNG',
      'Lê Văn Nam',
    ]) {
      expect(text).toContain(piece);
    }
    // The header's two columns side by side: the issuer and the nation on one line, then the number and the date.
    const layout = pdfText(pdf, '-layout', '-f', '1', '-l', '1');
    expect(layout).toMatch(/ỦY BAN NHÂN DÂN HUYỆN\s+Độc lập - Tự do - Hạnh phúc/);
    expect(layout).toMatch(/Số: .*\/TB-UBND\s+Mẫu Sơn, ngày/);
  });

  it("never leaves a group's name last on a page, away from its tasks", () => {
    const pages = Number(pdfInfo(pdf).Pages);
    let seen = 0;
    for (let page = 1; page <= pages; page++) {
      const lines = pdfText(pdf, '-layout', '-f', String(page), '-l', String(page))
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      lines.forEach((line, i) => {
        if (line !== 'Các phòng, ban, ngành thuộc UBND huyện') return;
        seen++;
        // A task row (its number first) follows on the same page.
        expect(
          lines.slice(i + 1).some((l) => /^\d+\s/.test(l)),
          `page ${page}`,
        ).toBe(true);
      });
    }
    expect(seen).toBe(1);
  });

  it('numbers the pages at the top from page 2, not on page 1', () => {
    expect(pdfText(pdf, '-f', '1', '-l', '1').trimStart().split('\n')[0]).not.toMatch(/^\d+$/);
    expect(pdfText(pdf, '-f', '2', '-l', '2').trimStart().split('\n')[0]).toBe('2');
  });

  it('pictures page 1 of the PDF', () => {
    mkdirSync(OUTPUT, { recursive: true });
    const run = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(OUTPUT, 'notice-2020-10-pdf')]);
    expect(run.status, String(run.stderr)).toBe(0);
    const png = readFileSync(path.join(OUTPUT, 'notice-2020-10-pdf.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // 80 dpi A4: about 661 × 935 pixels.
    expect(Math.abs(png.readUInt32BE(16) - 661)).toBeLessThanOrEqual(1);
    expect(Math.abs(png.readUInt32BE(20) - 935)).toBeLessThanOrEqual(1);
  });

  it('pictures page 1 of the HTML version in the browser', async () => {
    const html = await spawnMeet(['notice', OCTOBER, '--format', 'html'], { cwd: dir });
    expect(html.code).toBe(0);
    const file = path.join(tempDir('meet-notice-html-'), 'thong-bao.html');
    writeFileSync(file, html.stdout);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    try {
      // An A4 page at 96 dpi (794 × 1123 CSS pixels) with the grey around it.
      const page = await browser.newPage({ viewport: { width: 860, height: 1180 } });
      const requests: string[] = [];
      page.on('request', (request) => {
        if (request.url() !== pathToFileURL(file).href) requests.push(request.url());
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(requests).toEqual([]);
      expect(await page.evaluate(() => document.scripts.length)).toBe(0);
      const box = await page.locator('main.doc').boundingBox();
      expect(Math.round(box!.width)).toBe(794);
      // The rules under the issuer and under the motto: 22 mm and 62 mm as in Word (the motto's about as long as the line).
      const mm = async (selector: string) => ((await page.locator(selector).boundingBox())!.width * 25.4) / 96;
      expect(Math.round(await mm('hr.rule-issuer'))).toBe(22);
      expect(Math.round(await mm('hr.rule-nation'))).toBe(62);
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, 'notice-2020-10-html.png'), clip: { x: box!.x, y: box!.y, width: box!.width, height: 1123 } });
      expect(readFileSync(path.join(OUTPUT, 'notice-2020-10-html.png')).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await browser.close();
    }
  });
});

describe('the monthly report (Báo cáo) as PDF, and an approved notice', () => {
  it('prints the Báo cáo on A4 with its four parts, and a numbered notice with its signer', async () => {
    const dir = copyExamples();
    const report = await spawnMeet(['report', '--month', '2020-10', '--format', 'pdf'], { cwd: dir });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toBe('Đã ghi báo cáo tháng 10/2020 (pdf) vào bao-cao-2020-10.pdf\n');
    const file = path.join(dir, 'bao-cao-2020-10.pdf');
    expect(isA4(pdfInfo(file))).toBe(true);
    const text = flat(pdfText(file, '-raw'));
    const missing = inReadingOrder(
      [text],
      [
        'Số: /BC-UBND',
        'BÁO CÁO',
        'Kết quả thực hiện nhiệm vụ tháng 10 và phương hướng, nhiệm vụ tháng 11 năm 2020',
        'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 10/2020',
        '1. Kinh tế',
        'Thu ngân sách trên địa bàn',
        'II. TỒN TẠI, HẠN CHẾ',
        'III. NHIỆM VỤ TRỌNG TÂM THÁNG 11/2020',
        'IV. KIẾN NGHỊ, ĐỀ XUẤT',
        'TM. ỦY BAN NHÂN DÂN',
        'CHỦ TỊCH',
        'Hoàng Văn Hiệp',
      ],
    );
    expect(missing).toEqual([]);

    const xa = tempDir('meet-xa-');
    copyRecords(path.join(PROJECT_ROOT, 'examples-xa'), xa);
    // A decision holding a long link, one unbroken word: Chromium shrank every page to fit it (14 pt printed as 9.3).
    const link = `https://dichvucong.example.gov.vn/thu-tuc?maThuTuc=1.004227.000.00.00.H60&token=${'eyJhbGciOiJIUzI1NiJ9'.repeat(7)}ZZEND`;
    const record = path.join(xa, XA_DECEMBER);
    writeFileSync(record, readFileSync(record, 'utf8').replace('\ndecisions:\n', `\ndecisions:\n  - 'Công khai thủ tục tại ${link}'\n`));
    const notice = await spawnMeet(['notice', XA_DECEMBER, '--format', 'pdf'], { cwd: xa });
    expect(notice.code, notice.stderr).toBe(0);
    const printed = path.join(xa, 'thong-bao-ket-luan-2020-12-28.pdf');
    const numbered = flat(pdfText(printed, '-raw'));
    expect(inReadingOrder([numbered], ['Số: 112/TB-UBND', 'Nam Sơn, ngày 30 tháng 12 năm 2020', 'THÔNG BÁO', 'TL. CHỦ TỊCH', 'Trần Thị Lan'])).toEqual([]);
    expect(numbered).not.toContain('DỰ THẢO');
    // The link is broken over lines, whole (its end is printed), and the text keeps its 14 pt: "THÔNG BÁO" is as tall as in Word.
    expect(numbered.replace(/ /g, '')).toContain('ZZEND');
    const height = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">THÔNG<\/word>/.exec(pdfText(printed, '-bbox', '-f', '1', '-l', '1'));
    expect(height).not.toBeNull();
    expect(Number(height![2]) - Number(height![1])).toBeGreaterThan(14);
  });

  it('sets a figures table of nine number columns so that no figure is broken over two lines', async () => {
    // The commune's December: this month, the previous one, change, %, year to date, % of the year's plan, two plans, same period.
    const xa = tempDir('meet-xa-');
    copyRecords(path.join(PROJECT_ROOT, 'examples-xa'), xa);
    const report = await spawnMeet(['report', '--month', '2020-12', '--out', 'bc.pdf'], { cwd: xa });
    expect(report.code, report.stderr).toBe(0);
    // -raw keeps a wrapped cell's line break: "102," and "6%" on two lines when its column is too narrow.
    const lines = pdfText(path.join(xa, 'bc.pdf'), '-raw', '-f', '1', '-l', '1').split('\n');
    for (const figure of ['0,38', '4,41', '102,6%', '+8,2%', '15.000', '12/2020', '11/2020', 'đồng']) {
      expect(
        lines.some((line) => line.split(/\s+/).includes(figure)),
        figure,
      ).toBe(true);
    }
  });
});

describe('a page Chromium cannot lay out', () => {
  it('is a usage error that says so (exit 2), not an internal error', async () => {
    const { printPdf } = await import('../src/io/chromium.js');
    const { MeetError } = await import('../src/model/errors.js');
    const { messages } = await import('../src/model/messages/index.js');
    // A page whose load never ends stands for one too long to lay out in time: the same timeout, reached at once.
    const error = await printPdf('<!doctype html><script>for (;;) {}</script>', { ...process.env, MEET_CHROMIUM: CHROMIUM }, { timeout: 1_000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MeetError);
    expect((error as InstanceType<typeof MeetError>).exitCode).toBe(2);
    expect((error as InstanceType<typeof MeetError>).render(messages('en')).message).toMatch(
      /^Chromium could not print the document: .*Timeout 1000ms exceeded/,
    );
  });
});
