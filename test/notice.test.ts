// meet notice: the "Thông báo kết luận" as Word, read back with independent
// readers (unzip for the XML parts, mammoth for the text in reading order),
// and as Markdown and HTML in the same order. The commune example's December
// record is approved with its notice (112/TB-UBND); the district example's
// October record gives a draft until it is approved.
import { existsSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_WORDS } from '../src/render/documents/words.js';
import { docxLines, inReadingOrder, unzipPart, xmlAttribute } from './documentReaders.js';
import { copyExamples, PROJECT_ROOT, read, runMeet, tempDir, writeTree, copyRecords } from './helpers.js';

const XA_DECEMBER = 'meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md';
const OCTOBER = 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md';
const NOVEMBER = 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md';

// examples/ and examples-xa/ are Vietnamese repositories (locale: vi): the messages asserted below are what their clerks read.
function copyCommune(): string {
  const dir = tempDir('meet-xa-');
  copyRecords(path.join(PROJECT_ROOT, 'examples-xa'), dir);
  return dir;
}

/** The commune's December tasks, in record order, with the deadline each is written out as. */
const XA_TASKS: [string, string][] = [
  ['Tổ chức Tết Nguyên đán Tân Sửu vui tươi, an toàn, tiết kiệm', 'trong tháng 2/2021'],
  ['Đôn đốc thu ngân sách quý I năm 2021, nhất là thu tiền sử dụng đất', 'trong quý I/2021'],
  ['Rà soát, điều chỉnh quy hoạch sử dụng đất của xã', 'trong năm 2021'],
  ['Hoàn thành báo cáo tổng kết năm 2020', 'trong 5 ngày làm việc (hoàn thành trước ngày 05/01/2021)'],
  ['Giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn (theo chỉ đạo của Thường trực Đảng ủy xã)', 'thường xuyên'],
];

describe('meet notice as Word (an approved record with its notice)', () => {
  let dir: string;
  let file: string;
  let documentXml: string;
  let stylesXml: string;
  let lines: string[];

  beforeAll(async () => {
    dir = copyCommune();
    const run = await runMeet(['notice', XA_DECEMBER, '--out', 'thong-bao.docx'], { cwd: dir });
    expect(run.stderr).toBe(
      'Đã ghi thông báo kết luận của meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md (số 112/TB-UBND) dạng docx vào thong-bao.docx\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    file = path.join(dir, 'thong-bao.docx');
    documentXml = unzipPart(file, 'word/document.xml');
    stylesXml = unzipPart(file, 'word/styles.xml');
    lines = await docxLines(file);
  });

  it('is an A4 page with the decree margins and page numbers from page 2', () => {
    expect(xmlAttribute(documentXml, 'w:pgSz', 'w:w')).toBe('11906');
    expect(xmlAttribute(documentXml, 'w:pgSz', 'w:h')).toBe('16838');
    const margin = (side: string) => Number(xmlAttribute(documentXml, 'w:pgMar', `w:${side}`));
    const mm = (twips: number) => (twips * 25.4) / 1440;
    for (const side of ['top', 'bottom']) expect(mm(margin(side))).toSatisfy((v: number) => v >= 20 && v <= 25);
    expect(mm(margin('left'))).toSatisfy((v: number) => v >= 30 && v <= 35);
    expect(mm(margin('right'))).toSatisfy((v: number) => v >= 15 && v <= 20);
    // A different first page (no number on it); the default header holds the PAGE field, centred.
    expect(documentXml).toContain('<w:titlePg/>');
    const rels = unzipPart(file, 'word/_rels/document.xml.rels');
    const defaultId = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(documentXml)![1];
    const header = unzipPart(file, `word/${new RegExp(`Id="${defaultId}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`);
    expect(header).toMatch(/PAGE/);
    expect(header).toContain('<w:jc w:val="center"/>');
    const firstId = /<w:headerReference w:type="first" r:id="([^"]+)"/.exec(documentXml)![1];
    const first = unzipPart(file, `word/${new RegExp(`Id="${firstId}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`);
    expect(first).not.toMatch(/PAGE/);
  });

  it('is set in Times New Roman, 14 pt, with named Word styles', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(stylesXml)![0];
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(xmlAttribute(defaults, 'w:sz', 'w:val')).toBe('28');
    for (const name of ['Body Text', 'Heading 2', 'List Dash', 'Document Kind', 'Document Abstract', 'Table Text', 'Signature', 'Recipients']) {
      expect(stylesXml).toContain(`<w:name w:val="${name}"/>`);
    }
    expect(documentXml).toContain('<w:pStyle w:val="BodyText"/>');
    // No run sets another font.
    expect([...documentXml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]).filter((f) => f !== 'Times New Roman')).toEqual([]);
    // The header, the task list and the signature are tables.
    expect(documentXml.match(/<w:tbl>/g)!.length).toBe(3);
    // The file's properties name meet, not the docx package's English "Un-named".
    const core = unzipPart(file, 'docProps/core.xml');
    expect(core).toContain('<cp:lastModifiedBy>meet</cp:lastModifiedBy>');
  });

  it('reads, in order: header, number and date, title, opening, conclusions, tasks with deadlines, closing, signer, recipients', () => {
    const wanted = [
      'UBND HUYỆN MẪU SƠN',
      'ỦY BAN NHÂN DÂN XÃ NAM SƠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 112/TB-UBND',
      'Nam Sơn, ngày 30 tháng 12 năm 2020',
      'THÔNG BÁO',
      'Kết luận của Chủ tịch UBND xã tại Hội nghị thường kỳ tháng 12/2020',
      'Chiều ngày 28/12/2020, tại Hội trường UBND xã, đồng chí Nguyễn Văn Bình – Phó Bí thư Đảng ủy, Chủ tịch UBND xã chủ trì Hội nghị thường kỳ tháng 12/2020',
      'Tham dự hội nghị có: Lê Văn Hùng, Phó Chủ tịch UBND xã; Đỗ Thị Hoa, Chuyên viên Phòng Tài chính – Kế hoạch (UBND huyện Mẫu Sơn)',
      'Chủ tịch UBND xã kết luận như sau:',
      '1. Đánh giá chung',
      'Năm 2020 xã hoàn thành và vượt các chỉ tiêu chủ yếu',
      'Tồn tại, hạn chế:',
      '- Thu tiền sử dụng đất chậm so với kế hoạch.',
      '2. Hội nghị thống nhất thông qua',
      'Thông qua dự thảo kế hoạch phát triển kinh tế – xã hội năm 2021 trình HĐND xã (Tờ trình số 45/TTr-UBND; biểu quyết: 15 tán thành, 0 không tán thành, 1 không biểu quyết)',
      '3. Nhiệm vụ trong thời gian tới',
      'Các ban, ngành, đoàn thể xã',
      ...XA_TASKS.flat(),
      '4. Kiến nghị, đề xuất',
      'Đề nghị UBND huyện hỗ trợ kinh phí sửa chữa kênh mương thôn Thượng trước vụ xuân 2021',
      'Văn phòng – Thống kê xã thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.',
      'Nơi nhận:',
      '- Thường trực Đảng ủy xã;',
      '- Các ban, ngành, đoàn thể xã;',
      '- Lưu: VP.',
      'TL. CHỦ TỊCH',
      'CÔNG CHỨC VĂN PHÒNG – THỐNG KÊ',
      'Trần Thị Lan',
    ];
    expect(inReadingOrder(lines, wanted)).toEqual([]);
    expect(lines.join('\n')).not.toContain('DỰ THẢO');
  });

  it('lists every task of the record in the task table, grouped under its lead owner', () => {
    const table = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)][1]![0];
    const cells = [...table.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    for (const [title, deadline] of XA_TASKS) {
      expect(cells).toContain(title);
      expect(cells).toContain(deadline);
    }
    // Group rows span the table, and keep with the task under them (never last on a page).
    expect(table).toContain(`<w:gridSpan w:val="4"/>`);
    const groups = [...table.matchAll(/<w:tc>(?:(?!<\/w:tc>)[\s\S])*?<w:gridSpan w:val="4"\/>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group).toContain('<w:keepNext/>');
    expect(cells.filter((c) => /^\d+$/.test(c!))).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('meet notice: drafts, formats and refusals', () => {
  it('made from inside the meetings folder, the notice and the Báo cáo go to the top of the repository', async () => {
    const dir = copyExamples();
    const year = path.join(dir, 'meetings', '2020');
    const run = await runMeet(['notice', path.basename(NOVEMBER)], { cwd: year });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('dạng docx vào ../../thong-bao-ket-luan-2020-11-25.docx');
    expect(existsSync(path.join(dir, 'thong-bao-ket-luan-2020-11-25.docx'))).toBe(true);
    const report = await runMeet(['report', '--month', '2020-10', '--format', 'docx'], { cwd: year });
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'bao-cao-2020-10.docx'))).toBe(true);
    // --root naming a link to the repository, run from among its records: the top still.
    const link = path.join(tempDir(), 'kho');
    symlinkSync(dir, link);
    const linked = await runMeet(['--root', link, 'notice', path.basename(NOVEMBER), '--force'], { cwd: year });
    expect(linked.code, linked.stderr).toBe(0);
    // An --out there is still refused: nothing but records goes among them.
    expect((await runMeet(['notice', path.basename(NOVEMBER), '--out', 'tb.docx'], { cwd: year })).code).toBe(2);
  });

  it('a record without approval.notice gives a draft: no number, the date left blank, DỰ THẢO', async () => {
    const dir = copyExamples();
    const run = await runMeet(['notice', NOVEMBER], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('chưa có approval.notice: đây là bản dự thảo (DỰ THẢO), chưa có số và ngày');
    expect(run.stderr).toContain('(bản dự thảo) dạng docx vào thong-bao-ket-luan-2020-11-25.docx');
    const lines = await docxLines(path.join(dir, 'thong-bao-ket-luan-2020-11-25.docx'));
    expect(lines[0]).toBe('DỰ THẢO');
    expect(inReadingOrder(lines, ['ỦY BAN NHÂN DÂN HUYỆN MẪU SƠN', 'Số: /TB-UBND', 'Mẫu Sơn, ngày tháng năm', 'THÔNG BÁO'])).toEqual([]);
    // Every task of the record.
    const front = read(dir, NOVEMBER);
    const tasks = front
      .slice(front.indexOf('\ntasks:') + 1)
      .split(/\n[a-z_]+:/)[0]!
      .match(/^ {4}title: .*$/gm)!
      .map((l) => l.replace(/^ {4}title: /, ''));
    expect(tasks.length).toBeGreaterThan(4);
    for (const title of tasks) expect(lines.join('\n')).toContain(title);
    // The config's signer and recipients (documents.notice_signer, documents.recipients).
    expect(inReadingOrder(lines, ['Nơi nhận:', '- Thường trực Huyện ủy;', '- Lưu: VT.', 'TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Lê Văn Nam'])).toEqual([]);
  });

  it('the approved October 2020 example gives its numbered notice, deadlines written out', async () => {
    const dir = copyExamples();
    const run = await runMeet(['notice', OCTOBER, '--out', 'tb.docx'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('Đã ghi thông báo kết luận của meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md (số 125/TB-UBND) dạng docx vào tb.docx\n');
    const lines = await docxLines(path.join(dir, 'tb.docx'));
    expect(
      inReadingOrder(lines, [
        'UBND TỈNH MẪU SƠN',
        'Số: 125/TB-UBND',
        'Mẫu Sơn, ngày 28 tháng 10 năm 2020',
        'Hoàn chỉnh kế hoạch thực hiện Nghị quyết',
        'trong tháng 11/2020',
        'Thực hiện các nội dung liên quan đến nông nghiệp',
        'hoàn thành trước ngày 30/11/2020',
      ]),
    ).toEqual([]);
    expect(lines).not.toContain('DỰ THẢO');
  });

  it('--draft leaves out the number and date of an approved notice', async () => {
    const dir = copyCommune();
    const run = await runMeet(['notice', XA_DECEMBER, '--draft', '--format', 'md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^\*\*DỰ THẢO\*\*\n/);
    expect(run.stdout).toContain('| Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/TB-UBND | *Nam Sơn, ngày');
    expect(run.stdout).not.toContain('112/TB-UBND');
  });

  it('Markdown and HTML follow the same structure, in the same order', async () => {
    const dir = copyCommune();
    const md = await runMeet(['notice', XA_DECEMBER, '--format', 'md'], { cwd: dir });
    const html = await runMeet(['notice', XA_DECEMBER, '--format', 'html'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(html.code).toBe(0);
    const order = [
      'Số: 112/TB-UBND',
      'Nam Sơn, ngày 30 tháng 12 năm 2020',
      'THÔNG BÁO',
      'Kết luận của Chủ tịch UBND xã tại Hội nghị thường kỳ tháng 12/2020',
      '1. Đánh giá chung',
      '3. Nhiệm vụ trong thời gian tới',
      ...XA_TASKS.flat(),
      'thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.',
      'Nơi nhận:',
      '- Lưu: VP.',
    ];
    // Record text is written with character references (&#42; for *): read them back.
    const mdText = md.stdout
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(inReadingOrder([mdText], order)).toEqual([]);
    expect(inReadingOrder([html.stdout], order)).toEqual([]);
    expect(md.stdout).toContain('**TL. CHỦ TỊCH**  \n**CÔNG CHỨC VĂN PHÒNG – THỐNG KÊ**\n\n**Trần Thị Lan**\n');
    expect(html.stdout).toContain(
      '<td class="signature"><p>TL. CHỦ TỊCH</p><p>CÔNG CHỨC VĂN PHÒNG – THỐNG KÊ</p><div class="space"></div><p>Trần Thị Lan</p></td>',
    );
    expect(html.stdout).toContain('@page { size: A4; margin: 20mm 15mm 20mm 30mm;');
  });

  it('escapes everything a record says, in HTML and Markdown', async () => {
    const dir = copyExamples();
    writeTree(dir, {
      'meetings/2020/2020-10-30-hop-bat-thuong.md': `---
title: 'Họp <script>alert(1)</script>'
date: 2020-10-30
kind: extraordinary
chair: {name: 'A <img src=x onerror=alert(1)>', role: 'Chủ tịch <b>UBND</b> huyện'}
conclusion: '**đậm** [liên kết](javascript:alert(1)) | ống'
tasks:
  - id: 2020-10-hostile
    title: '<svg onload=alert(1)>Rà soát</svg>'
    owner: van-phong
    due: 2020-11-15
---
`,
    });
    const html = await runMeet(['notice', 'meetings/2020/2020-10-30-hop-bat-thuong.md', '--format', 'html'], { cwd: dir });
    expect(html.code).toBe(0);
    expect(html.stdout).not.toMatch(/<script|<img|<svg|<b>/);
    expect(html.stdout).toContain('&lt;svg onload=alert(1)&gt;Rà soát&lt;/svg&gt;');
    expect(html.stdout).toContain('Kết luận của Chủ tịch &lt;b&gt;UBND&lt;/b&gt; huyện tại Họp &lt;script&gt;');
    const md = await runMeet(['notice', 'meetings/2020/2020-10-30-hop-bat-thuong.md', '--format', 'md'], { cwd: dir });
    expect(md.stdout).not.toMatch(/<(svg|script|img|b)\b|\*\*đậm|\]\(javascript/);
    expect(md.stdout).toContain('&#42;&#42;đậm&#42;&#42; &#91;liên kết&#93;(javascript:alert(1)) &#124; ống');
  });

  it('--format pdf without a Chromium: exit 2 saying what to install; Word still works', async () => {
    const dir = copyCommune();
    const env = { MEET_CHROMIUM: path.join(dir, 'no-such-chromium') };
    const pdf = await runMeet(['notice', XA_DECEMBER, '--out', 'thong-bao.pdf'], { cwd: dir, env });
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain(`MEET_CHROMIUM là ${env.MEET_CHROMIUM}, nhưng đó không phải là chương trình chạy được`);
    expect(pdf.stderr).toContain('apt-get install chromium');
    expect(pdf.stderr).toContain('meet không bao giờ tự tải trình duyệt');
    expect(existsSync(path.join(dir, 'thong-bao.pdf'))).toBe(false);
    const docx = await runMeet(['notice', XA_DECEMBER, '--out', 'thong-bao.docx'], { cwd: dir, env });
    expect(docx.code).toBe(0);
  });

  it('refuses an --out it cannot write, and a file that is not a record', async () => {
    const dir = copyCommune();
    const txt = await runMeet(['notice', XA_DECEMBER, '--out', 'thong-bao.txt'], { cwd: dir });
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain(
      'meet notice không ghi được tệp .txt (--out thong-bao.txt); lệnh này chỉ ghi các tệp .docx, .pdf, .html, .htm, .md, .markdown.',
    );
    const config = await runMeet(['notice', 'meet.config.yaml'], { cwd: dir });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('meet.config.yaml nằm ngoài thư mục biên bản (meetings/)');
    const missing = await runMeet(['notice', 'meetings/2020/khong-co.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('meetings/2020/khong-co.md: không có tệp này.');
    expect(missing.stderr).not.toContain('Có phải ý bạn là');
    // The example is one of this repository's records, as typed from here; a record named by its date alone is found.
    expect(config.stderr).toMatch(/Hãy ghi đường dẫn của một biên bản, ví dụ meetings\/\d{4}\/[^ ]+\.md\./);
    expect(config.stderr).not.toContain('2020-11-25-hoi-nghi-thuong-ky-thang-11.md');
    const day = path.basename(XA_DECEMBER).slice(0, 10);
    const dated = await runMeet(['notice', `${path.dirname(XA_DECEMBER)}/${day}.md`], { cwd: dir });
    expect(dated.code).toBe(2);
    expect(dated.stderr).toContain(`Có phải ý bạn là ${XA_DECEMBER}?`);
  });
});

describe('what the documents make of what the config and the records say', () => {
  const noticeMd = async (dir: string, record = NOVEMBER) => {
    const run = await runMeet(['notice', record, '--format', 'md', '--out', 'thong-bao.md', '--force'], { cwd: dir });
    expect(run.code).toBe(0);
    return read(dir, 'thong-bao.md');
  };
  const editConfig = (dir: string, edit: (text: string) => string) => writeTree(dir, { 'meet.config.yaml': edit(read(dir, 'meet.config.yaml')) });

  it('puts the signer\'s title and "TL." line in capitals (Nghị định 30), the name as written', async () => {
    const dir = copyExamples();
    editConfig(dir, (t) =>
      t.replace(
        '{ name: Lê Văn Nam, title: CHÁNH VĂN PHÒNG, on_behalf: TL. CHỦ TỊCH }',
        '{ name: Lê Văn Nam, title: Chánh Văn phòng, on_behalf: TL. Chủ tịch }',
      ),
    );
    expect(await noticeMd(dir)).toContain('**TL. CHỦ TỊCH**  \n**CHÁNH VĂN PHÒNG**\n\n**Lê Văn Nam**\n');
  });

  it('writes the issuer and its parent in capitals however the config writes them; by default the organization without its district', async () => {
    const dir = copyExamples();
    editConfig(dir, (t) =>
      t
        .replace('parent: UBND TỈNH MẪU SƠN', 'parent: Ubnd tỉnh Mẫu Sơn')
        .replace('issuer: ỦY BAN NHÂN DÂN HUYỆN MẪU SƠN', 'issuer: Ủy ban nhân dân huyện Mẫu Sơn'),
    );
    expect(await noticeMd(dir)).toContain('| UBND TỈNH MẪU SƠN<br>**ỦY BAN NHÂN DÂN HUYỆN MẪU SƠN** |');
    editConfig(dir, (t) => t.replace('organization: UBND huyện Mẫu Sơn', 'organization: UBND xã Tân Lập, huyện Mẫu Sơn').replace(/\n {2}issuer: .*/, ''));
    expect(await noticeMd(dir)).toContain('| UBND TỈNH MẪU SƠN<br>**ỦY BAN NHÂN DÂN XÃ TÂN LẬP** |');
  });

  it('says on stderr when nobody is named to sign, for the notice and the Báo cáo', async () => {
    const dir = copyExamples();
    editConfig(dir, (t) => t.replace(/\n {2}(report|notice)_signer: .*/g, ''));
    const notice = await runMeet(['notice', NOVEMBER, '--format', 'md'], { cwd: dir });
    expect(notice.code).toBe(0);
    expect(notice.stderr).toContain(
      'Chưa rõ ai ký: khối chữ ký để trống. Hãy khai báo documents.notice_signer ({ name, title, on_behalf }) trong meet.config.yaml.',
    );
    const report = await runMeet(['report', '--month', '2020-11', '--out', 'bao-cao.docx'], { cwd: dir });
    expect(report.code).toBe(0);
    expect(report.stderr).toContain('Hãy khai báo documents.report_signer');
    // Piped on (--out -), the Báo cáo is just as unsigned.
    const piped = await runMeet(['report', '--month', '2020-11', '--format', 'docx', '--out', '-'], { cwd: dir });
    expect(piped.code).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(0);
    expect(piped.stderr).toContain('Hãy khai báo documents.report_signer');
    // With a signer, no such line.
    const signed = await runMeet(['notice', NOVEMBER, '--format', 'md'], { cwd: copyExamples() });
    expect(signed.stderr).not.toContain('Chưa rõ ai ký');
  });

  it('ends "Nơi nhận" with the archive line wherever the config lists it', async () => {
    const dir = copyExamples();
    editConfig(dir, (t) => t.replace(/\n {2}recipients:\n(?: {4}- .*\n)+/, "\n  recipients: ['Lưu: VT', Thường trực Huyện ủy, 'Các phòng, ban, ngành']\n"));
    expect(await noticeMd(dir)).toContain('- Thường trực Huyện ủy;\n- Các phòng, ban, ngành;\n- Lưu: VT.');
  });

  it('addresses the Báo cáo to documents.report_recipients when the config names them, the notices to recipients', async () => {
    const dir = copyExamples();
    editConfig(dir, (t) =>
      t.replace('\n  recipients:\n', "\n  report_recipients: [UBND tỉnh Mẫu Sơn (để báo cáo), Thường trực Huyện ủy, 'Lưu: VT']\n  recipients:\n"),
    );
    expect(await noticeMd(dir)).toContain('- Các phòng, ban, ngành thuộc UBND huyện;');
    const report = await runMeet(['report', '--month', '2020-10', '--format', 'docx', '--out', 'bao-cao.docx'], { cwd: dir });
    expect(report.code, report.stderr).toBe(0);
    const lines = (await docxLines(path.join(dir, 'bao-cao.docx'))).join('\n');
    const addressed = lines.slice(lines.lastIndexOf('Nơi nhận'));
    expect(addressed).toContain('UBND tỉnh Mẫu Sơn (để báo cáo)');
    expect(addressed).not.toContain('Các phòng, ban, ngành thuộc UBND huyện');
  });

  it.each([
    ['UBND Quận 1', 'Quận 1'],
    ['UBND phường 5', 'Phường 5'],
    ['Sở Tài chính tỉnh Lào Cai', 'Lào Cai'],
    ['Sở Lao động – Thương binh và Xã hội tỉnh Lào Cai', 'Lào Cai'],
    ['UBND huyện Mẫu Sơn', 'Mẫu Sơn'],
    // The units it lies in after a comma: the district is the parent's line, not the place.
    ['UBND xã Tân Lập, huyện Mẫu Sơn', 'Tân Lập'],
  ])('writes the place of %s as "%s" when the config gives no place', async (organization, place) => {
    const dir = copyExamples();
    editConfig(dir, (t) => t.replace('organization: UBND huyện Mẫu Sơn', `organization: ${organization}`).replace(/\nplace: .*\n/, '\n'));
    expect(await noticeMd(dir)).toContain(`*${place}, ngày`);
  });

  it('keeps the paragraphs of a conclusion written over several, and makes a Word file any XML reader opens whatever the record holds', async () => {
    const dir = copyExamples();
    const file = path.join(dir, NOVEMBER);
    const text = read(dir, NOVEMBER);
    writeTree(dir, {
      [NOVEMBER]: text.replace(
        '\ntasks:',
        '\nconclusion: |\n  Đoạn thứ nhất của kết luận,\n  viết trên hai dòng.\n\n  Đoạn thứ hai \uFFFF có ký tự lạ.\ntasks:',
      ),
    });
    expect(existsSync(file)).toBe(true);
    const md = await noticeMd(dir);
    expect(md).toContain('Đoạn thứ nhất của kết luận, viết trên hai dòng.\n\nĐoạn thứ hai \uFFFF có ký tự lạ.');
    const word = await runMeet(['notice', NOVEMBER, '--out', 'thong-bao.docx'], { cwd: dir });
    expect(word.code).toBe(0);
    const xml = unzipPart(path.join(dir, 'thong-bao.docx'), 'word/document.xml');
    expect(xml).not.toContain('\uFFFF');
    // mammoth parses the XML: it reads the two paragraphs apart.
    const lines = await docxLines(path.join(dir, 'thong-bao.docx'));
    expect(lines).toContain('Đoạn thứ nhất của kết luận, viết trên hai dòng.');
    expect(lines).toContain('Đoạn thứ hai \uFFFD có ký tự lạ.');
  });

  it("puts another organization's name inside its summary's sentence in the Báo cáo", async () => {
    const dir = copyCommune();
    const run = await runMeet(['report', '--month', '2021-03', '--out', 'bc.docx'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = (await docxLines(path.join(dir, 'bc.docx'))).join('\n');
    expect(lines).toContain('150 ha lúa xuân (Hợp tác xã nông nghiệp Nam Sơn).');
  });

  it('says on stderr when the record gives the notice nothing to announce', async () => {
    const dir = copyExamples();
    writeTree(dir, { 'meetings/2021/2021-02-05-hop.md': '---\ntitle: Họp giao ban\ndate: 2021-02-05\nchair: Nguyễn Văn An\n---\n\nNội dung.\n' });
    const empty = await runMeet(['notice', 'meetings/2021/2021-02-05-hop.md', '--format', 'md'], { cwd: dir });
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain(
      'meetings/2021/2021-02-05-hop.md không có kết luận, kết quả, quyết định hay nhiệm vụ nào (conclusion, results, decisions, tasks): thông báo chỉ có phần mở đầu.',
    );
    expect((await runMeet(['notice', NOVEMBER, '--format', 'md'], { cwd: dir })).stderr).not.toContain('không có kết luận');
  });

  it('sets each item of a conclusion written as a list on a line of its own', async () => {
    const dir = copyExamples();
    writeTree(dir, {
      [NOVEMBER]: read(dir, NOVEMBER).replace(
        '\ntasks:',
        '\nconclusion: |\n  Chủ tịch UBND huyện kết luận:\n  - Tập trung thu ngân sách,\n    chống thất thu;\n  - Đẩy mạnh giải ngân vốn đầu tư công;\n  a) Rà soát hồ sơ;\n  2. Báo cáo trước ngày 15/12.\ntasks:',
      ),
    });
    // Paragraphs in the Markdown too, their marks escaped (the clerk's text, not Markdown's lists).
    const md = await noticeMd(dir);
    expect(md).toContain(
      'Chủ tịch UBND huyện kết luận:\n\n&#45; Tập trung thu ngân sách, chống thất thu;\n\n&#45; Đẩy mạnh giải ngân vốn đầu tư công;\n\na) Rà soát hồ sơ;\n\n2&#46; Báo cáo trước ngày 15/12.',
    );
    await runMeet(['notice', NOVEMBER, '--out', 'thong-bao.docx'], { cwd: dir });
    const lines = await docxLines(path.join(dir, 'thong-bao.docx'));
    expect(lines).toContain('- Đẩy mạnh giải ngân vốn đầu tư công;');
  });

  it("names a meeting by its title unless the clerk titled it a regular one; another organization's with its name, no review phrase", async () => {
    const dir = copyExamples();
    writeTree(dir, {
      'meetings/2020/2020-10-15-hien-mau.md':
        '---\ntitle: Hội nghị liên tịch tổ chức hiến máu tình nguyện đợt 3\ndate: 2020-10-15\nchair: Nguyễn Thị Hoa\norganization: Huyện đoàn Mẫu Sơn\n---\n\nNội dung.\n',
      'meetings/2021/2021-01-05-so-ket.md':
        '---\ntitle: Hội nghị sơ kết năm 2020\ndate: 2021-01-05\nperiod: 2020-12\nchair: Hoàng Văn Hiệp\n---\n\nNội dung.\n',
    });
    const joint = await noticeMd(dir, 'meetings/2020/2020-10-15-hien-mau.md');
    expect(joint).toContain('tại Hội nghị liên tịch tổ chức hiến máu tình nguyện đợt 3 (Huyện đoàn Mẫu Sơn)');
    // Issued under the district's header and signer: said, so that the clerk changes them if the Đoàn issues it.
    const warned = await runMeet(['notice', 'meetings/2020/2020-10-15-hien-mau.md', '--format', 'md'], { cwd: dir });
    expect(warned.stderr).toContain(
      'meetings/2020/2020-10-15-hien-mau.md là cuộc họp của Huyện đoàn Mẫu Sơn (organization), nhưng thông báo mang tên cơ quan của kho biên bản (documents.issuer)',
    );
    const own = await runMeet(['notice', 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md', '--format', 'md'], { cwd: dir });
    expect(own.stderr).not.toContain('(organization)');
    expect(joint).not.toContain('triển khai nhiệm vụ tháng 11/2020');
    const review = await noticeMd(dir, 'meetings/2021/2021-01-05-so-ket.md');
    expect(review).toContain('tại Hội nghị sơ kết năm 2020');
    expect(review).not.toContain('Hội nghị thường kỳ');
    // The district's own regular meeting keeps its full name and what it reviews.
    const regular = await noticeMd(dir, 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md');
    expect(regular).toContain('Hội nghị thường kỳ tháng 10/2020 đánh giá kết quả thực hiện nhiệm vụ tháng 10/2020, triển khai nhiệm vụ tháng 11/2020');
    // Titled for October, held on 4 November without a period (so counted for November): named as written, not renamed.
    writeTree(dir, {
      'meetings/2020/2020-11-04-thuong-ky.md': '---\ntitle: Hội nghị thường kỳ tháng 10\ndate: 2020-11-04\nchair: Hoàng Văn Hiệp\n---\n\nNội dung.\n',
    });
    const late = await noticeMd(dir, 'meetings/2020/2020-11-04-thuong-ky.md');
    expect(late).toContain('chủ trì Hội nghị thường kỳ tháng 10.');
    expect(late).not.toContain('tháng 11/2020');
    const report = await runMeet(['report', '--month', '2020-10', '--out', 'bao-cao.docx'], { cwd: dir });
    expect(report.code).toBe(0);
    const lines = (await docxLines(path.join(dir, 'bao-cao.docx'))).join('\n');
    expect(lines).toContain('Hội nghị liên tịch tổ chức hiến máu tình nguyện đợt 3 (Huyện đoàn Mẫu Sơn), ngày 15/10/2020, do đồng chí Nguyễn Thị Hoa chủ trì.');
  });

  it("writes the Báo cáo's figures tables in Vietnamese in an English repository too, and says it is a Vietnamese state document", async () => {
    const dir = copyExamples();
    const report = await runMeet(['report', '--month', '2020-10', '--out', 'bao-cao.docx', '--locale', 'en'], { cwd: dir });
    expect(report.code).toBe(0);
    // An English clerk is told what they got; a Vietnamese one needs no such line.
    expect(report.stderr).toContain('The report ("Báo cáo") is a Vietnamese state document (Nghị định 30/2020/NĐ-CP)');
    const notice = await runMeet(['notice', OCTOBER, '--format', 'md', '--locale', 'en'], { cwd: dir });
    expect(notice.stderr).toContain('The notice ("Thông báo kết luận") is a Vietnamese state document');
    expect((await runMeet(['notice', OCTOBER, '--format', 'md'], { cwd: dir })).stderr).not.toContain('Nghị định');
    const lines = (await docxLines(path.join(dir, 'bao-cao.docx'))).join('\n');
    expect(lines).toContain('Chỉ tiêu');
    expect(lines).toMatch(/tháng 9\/2020|Tháng 9\/2020|T9\/2020/);
    expect(lines).not.toMatch(/\bMetric\b|\bUnit\b|Sep 2020|September 2020/);
  });

  it('makes the Báo cáo of a month without meetings when asked for it, its counts written the Vietnamese way', async () => {
    const dir = copyExamples();
    // October 2023: no meeting; the examples' tasks of 2020 still open, a thousand days and more overdue.
    const run = await runMeet(['report', '--month', '2023-10', '--out', 'bao-cao.docx'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('bao-cao.docx');
    const lines = (await docxLines(path.join(dir, 'bao-cao.docx'))).join('\n');
    expect(lines).toContain('Trong tháng không tổ chức cuộc họp nào.');
    expect(lines).toMatch(/quá hạn 1\.0\d\d ngày\)/);
    expect(lines).not.toMatch(/quá hạn 1\d{3} ngày/);
    // The text report of that month still says, in one line, that there is nothing to report.
    const text = await runMeet(['report', '--month', '2023-10', '--format', 'md'], { cwd: dir });
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('10/2023');
  });

  it("lists in the Báo cáo every task not yet completed among next month's, keeps a regular meeting's subtitle and names its co-chairs", async () => {
    const dir = copyExamples();
    writeTree(dir, {
      'meetings/2020/2020-12-31-cuoi-nam.md': [
        '---',
        'title: Hội nghị thường kỳ tháng 12 — Đánh giá kết quả năm',
        'date: 2020-12-31',
        'chair:',
        '  - { name: Hoàng Văn Hiệp, role: Chủ tịch UBND huyện }',
        '  - { name: Nguyễn Văn Thành, role: Phó Chủ tịch UBND huyện }',
        'tasks:',
        '  - { id: t-cuoi-nam, title: Tổng kết công tác năm, owner: van-phong, due: 2020-12-31 }',
        '  - { id: t-khong-han, title: Rà soát hồ sơ tồn đọng, owner: van-phong }',
        '  - { id: t-thang-sau, title: Chuẩn bị Tết Nguyên đán, owner: van-phong, due: 2021-01-15 }',
        '---',
        '',
        'Nội dung.',
        '',
      ].join('\n'),
    });
    const run = await runMeet(['report', '--month', '2020-12', '--out', 'bao-cao.docx'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = (await docxLines(path.join(dir, 'bao-cao.docx'))).join('\n');
    // Assigned this month, still open, due on the "as of" day or with no due: in part III, not nowhere.
    const partThree = lines.slice(lines.indexOf('III. '));
    expect(partThree).toContain('Tổng kết công tác năm');
    expect(partThree).toContain('Rà soát hồ sơ tồn đọng');
    // Due next month and not yet completed: listed once, though both lists of part III hold it.
    expect(partThree.split('Chuẩn bị Tết Nguyên đán')).toHaveLength(2);
    expect(lines).toContain(
      'Hội nghị thường kỳ tháng 12 — Đánh giá kết quả năm, ngày 31/12/2020, do đồng chí Hoàng Văn Hiệp chủ trì, đồng chí Nguyễn Văn Thành đồng chủ trì.',
    );
  });

  it('counts in the Báo cáo the meetings held in the month apart from those held after it that review it', async () => {
    const commune = copyCommune();
    // December's year review was held on 5–6 January 2021 (period 2020-12).
    expect((await runMeet(['report', '--month', '2020-12', '--out', 'bao-cao.docx'], { cwd: commune })).code).toBe(0);
    const december = (await docxLines(path.join(commune, 'bao-cao.docx'))).join('\n');
    expect(december).toContain('Tổ chức 2 cuộc họp đánh giá kết quả tháng, trong đó 1 cuộc họp sau khi hết tháng:');
    expect(december).not.toContain('Trong tháng, tổ chức');
    const district = copyExamples();
    expect((await runMeet(['report', '--month', '2020-10', '--out', 'bao-cao.docx'], { cwd: district })).code).toBe(0);
    expect((await docxLines(path.join(district, 'bao-cao.docx'))).join('\n')).toMatch(/Trong tháng, tổ chức \d+ cuộc họp:/);
  });

  it("says of a task in the Báo cáo's part III whose deadline has passed how long ago, not only the lapsed date", async () => {
    const dir = copyExamples();
    const run = await runMeet(['report', '--month', '2021-01', '--out', 'bao-cao.docx'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = (await docxLines(path.join(dir, 'bao-cao.docx'))).join('\n');
    const partThree = lines.slice(lines.indexOf('III. '), lines.indexOf('IV. '));
    // As of 31/01/2021: 15/12/2020 is 47 days past.
    expect(partThree).toContain('hoàn thành trước ngày 15/12/2020 (đã quá hạn 47 ngày)');
    expect(partThree).not.toMatch(/hoàn thành trước ngày \d\d\/12\/2020(?! \(đã quá hạn)/);
  });

  it("names in the title the chair's office on the committee, not what a post covers or another post", async () => {
    const dir = copyExamples();
    const text = read(dir, NOVEMBER);
    // The chair's role as written → what the title names.
    const cases: [role: string, title: string][] = [
      ['Phó Chủ tịch UBND huyện, phụ trách lĩnh vực kinh tế', 'Kết luận của Phó Chủ tịch UBND huyện tại Hội nghị thường kỳ tháng 11/2020'],
      ['Chủ tịch UBND huyện, Trưởng Ban Chỉ đạo phòng chống thiên tai', 'Kết luận của Chủ tịch UBND huyện tại'],
      // A Phó Chủ tịch of the committee often chairs a council too: the committee's post is named.
      ['Phó Chủ tịch UBND huyện, Chủ tịch Hội đồng thi đua – khen thưởng huyện', 'Kết luận của Phó Chủ tịch UBND huyện tại'],
      ['Chủ tịch Ủy ban nhân dân huyện, Chủ tịch Hội đồng nghĩa vụ quân sự huyện', 'Kết luận của Chủ tịch Ủy ban nhân dân huyện tại'],
      ['Giám đốc Trung tâm Y tế, kiêm Trưởng ban', 'Kết luận của Giám đốc Trung tâm Y tế tại'],
      ['Phó Bí thư Huyện ủy, Chủ tịch UBND huyện', 'Kết luận của Chủ tịch UBND huyện tại'],
    ];
    for (const [role, title] of cases) {
      writeTree(dir, { [NOVEMBER]: text.replace('role: Phó Bí thư Huyện ủy, Chủ tịch UBND huyện', `role: ${role}`) });
      expect(await noticeMd(dir), role).toContain(title);
    }
  });

  it('says a meeting held over several days "Từ ngày … đến ngày …"', async () => {
    const dir = copyExamples();
    writeTree(dir, { [NOVEMBER]: read(dir, NOVEMBER).replace('\ndate: 2020-11-25\n', '\ndate: 2020-11-25\nend_date: 2020-11-26\n') });
    expect(await noticeMd(dir)).toContain('Từ ngày 25/11/2020 đến ngày 26/11/2020, ');
  });

  it('writes a right-to-left override of a record out visibly in Word, in HTML (the PDF) and in the calendar, as every other output does', async () => {
    const dir = copyExamples();
    const text = read(dir, NOVEMBER);
    writeTree(dir, { [NOVEMBER]: text.replace('\ntasks:', '\nconclusion: "Kết luận \u202E đảo chiều"\ntasks:') });
    const word = await runMeet(['notice', NOVEMBER, '--out', 'thong-bao.docx'], { cwd: dir });
    expect(word.code).toBe(0);
    const xml = unzipPart(path.join(dir, 'thong-bao.docx'), 'word/document.xml');
    expect(xml).not.toContain('\u202E');
    expect(xml).toContain('Kết luận \\u202e đảo chiều');
    // The HTML, which Chromium prints as the PDF, likewise: a raw U+202E would reverse the printed line.
    const html = await runMeet(['notice', NOVEMBER, '--format', 'html'], { cwd: dir });
    expect(html.code).toBe(0);
    expect(html.stdout).not.toContain('\u202E');
    expect(html.stdout).toContain('Kết luận \\u202e đảo chiều');
  });

  it('counts in the Báo cáo the tasks not yet completed as such, not as "in progress"', async () => {
    const dir = copyExamples();
    const run = await runMeet(['report', '--month', '2020-10', '--out', 'bao-cao.docx'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = (await docxLines(path.join(dir, 'bao-cao.docx'))).join('\n');
    expect(lines).toMatch(/; \d+ nhiệm vụ chưa hoàn thành, trong đó \d+ nhiệm vụ quá hạn\./);
    expect(lines).not.toContain('đang thực hiện, trong đó');
  });
});

describe("the Báo cáo's task counts", () => {
  it('says a count of none in words', () => {
    const counts = DOCUMENT_WORDS.report.taskCounts;
    expect(counts({ assigned: 12, completed: 3, dropped: 1, open: 20, overdue: 4 })).toBe(
      'Trong tháng giao mới 12 nhiệm vụ; hoàn thành 3 nhiệm vụ; dừng thực hiện 1 nhiệm vụ; 20 nhiệm vụ chưa hoàn thành, trong đó 4 nhiệm vụ quá hạn.',
    );
    expect(counts({ assigned: 0, completed: 0, dropped: 0, open: 5, overdue: 0 })).toBe(
      'Trong tháng không giao mới nhiệm vụ nào; không có nhiệm vụ nào hoàn thành; 5 nhiệm vụ chưa hoàn thành, không có nhiệm vụ quá hạn.',
    );
    expect(counts({ assigned: 2, completed: 2, dropped: 0, open: 0, overdue: 0 })).toBe(
      'Trong tháng giao mới 2 nhiệm vụ; hoàn thành 2 nhiệm vụ; không còn nhiệm vụ chưa hoàn thành.',
    );
  });
});

describe('the date line of a document', () => {
  it('writes days below 10 and months below 3 with a leading zero', () => {
    expect(DOCUMENT_WORDS.placeAndDate('Mẫu Sơn', '2020-10-28')).toBe('Mẫu Sơn, ngày 28 tháng 10 năm 2020');
    expect(DOCUMENT_WORDS.placeAndDate('Nam Sơn', '2021-01-05')).toBe('Nam Sơn, ngày 05 tháng 01 năm 2021');
    expect(DOCUMENT_WORDS.placeAndDate('Nam Sơn', '2021-02-28')).toBe('Nam Sơn, ngày 28 tháng 02 năm 2021');
    expect(DOCUMENT_WORDS.placeAndDate('Nam Sơn', '2021-03-09')).toBe('Nam Sơn, ngày 09 tháng 3 năm 2021');
    expect(DOCUMENT_WORDS.placeAndDate('Nam Sơn', undefined)).toBe(
      'Nam Sơn, ngày\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0năm\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0',
    );
  });
});
