// The HTML report as a pure function of a Report value: structure, both
// languages, charts, and above all that untrusted record text cannot put a
// script, an event handler or a dangerous URL into the page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report, ReportMetric, ReportTask } from '../src/model/report.js';
import { renderReportHtml, renderReportHtmlChunks } from '../src/render/reportHtml.js';
import { decodeEntities, safeUrl } from '../src/render/html/escape.js';
import { enforceAllowList, MAX_BODY_CHARS, renderSafeMarkdown } from '../src/render/html/sanitize.js';

const HOSTILE_BODY = `# Biên bản

<script>alert(1)</script>

<img src=x onerror=alert(1)> and inline <img src=x onerror=alert(2)>

[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [vb](vbscript:msgbox(1))

<a href="JaVaScRiPt:alert(1)">mixed case</a>

[entity](&#106;avascript:alert(1)) [tab](<java\tscript:alert(1)>) <javascript:alert(1)>

<iframe src="https://evil.example/"></iframe>

<style>body { display: none }</style>

<svg onload=alert(1)><circle r="5"/></svg>

<object data="x"></object><embed src="x"><form action="https://evil.example/"><input name="q"></form>

<link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">

<p style="color:red" onclick="alert(1)">styled</p>

![tracker](https://evil.example/pixel.png)

[ok](https://example.org/page?a=1&b=2 "Trang") [mail](mailto:van-phong@example.org) [relative](../2020/ghi-chu.md)
`;

const HOSTILE_TITLE = 'Họp "><script>alert("title")</script> tháng 10';

function task(id: string, overrides: Partial<ReportTask> = {}): ReportTask {
  return {
    id,
    title: `Nhiệm vụ ${id}`,
    owners: ['van-phong'],
    ownerNames: ['Văn phòng HĐND và UBND huyện'],
    due: '2020-11-20',
    status: 'open',
    overdueDays: 0,
    meeting: { date: '2020-10-26', title: 'Hội nghị thường kỳ tháng 10', file: 'meetings/2020/2020-10-26-hoi-nghi.md' },
    ...overrides,
  };
}

function metric(id: string, overrides: Partial<ReportMetric> = {}): ReportMetric {
  return {
    id,
    label: `Chỉ tiêu ${id}`,
    unit: 'xã',
    sector: 'kinh-te',
    value: 1234.5,
    previous: 1000,
    change: 234.5,
    percent: 23.5,
    trend: [
      { month: '2020-05', value: 1 },
      { month: '2020-06' },
      { month: '2020-07', value: 3 },
      { month: '2020-08', value: 4 },
      { month: '2020-09' },
      { month: '2020-10', value: 6 },
    ],
    ...overrides,
  };
}

/** A full month: every section has something, and everything a clerk typed is hostile. */
function fullReport(locale: 'vi' | 'en' = 'vi', body = HOSTILE_BODY): Report {
  const overdue = task('2020-09-bao-cao', {
    title: 'Báo cáo <b onmouseover="alert(1)">đầu tư</b>',
    owners: ['tai-chinh', 'van-phong'],
    ownerNames: ['Phòng Tài chính <script>x()</script>', 'Văn phòng'],
    due: '2020-09-30',
    status: 'in-progress',
    overdueDays: 31,
    note: 'Chậm hạn "><img src=x onerror=alert(1)>',
    meeting: { date: '2020-09-25', title: 'Tháng 9', file: 'meetings/2020/2020-09-25-thang-9.md' },
  });
  return {
    month: '2020-10',
    previousMonth: '2020-09',
    nextMonth: '2020-11',
    locale,
    organization: 'UBND huyện Mẫu Sơn <img src=x onerror=alert(1)>',
    meetings: [
      {
        date: '2020-10-26',
        kind: 'regular',
        title: HOSTILE_TITLE,
        chair: 'Hoàng Văn Hiệp <svg onload=alert(1)>',
        chairRole: 'Chủ tịch UBND huyện',
        organization: 'UBND huyện Mẫu Sơn',
        time: '14:00',
        location: 'Hội trường',
        file: 'meetings/2020/2020-10-26-hoi-nghi.md',
        body,
      },
    ],
    results: [
      {
        sector: 'kinh-te',
        label: 'Kinh tế <i>',
        summaries: [{ text: '7 xã đạt chuẩn <script>alert("summary")</script>', date: '2020-10-26', file: 'meetings/2020/2020-10-26-hoi-nghi.md' }],
        metrics: [metric('xa-dat-chuan', { label: 'Xã đạt chuẩn "onmouseover="alert(1)' })],
      },
    ],
    metrics: [metric('xa-dat-chuan', { label: 'Xã đạt chuẩn "onmouseover="alert(1)' })],
    decisions: [{ text: 'Thông qua <a href="javascript:alert(1)">dự thảo</a>', date: '2020-10-26', file: 'meetings/2020/2020-10-26-hoi-nghi.md' }],
    tasks: {
      assigned: [task('2020-10-a'), task('2020-10-b', { status: 'done', due: '2020-10-30' })],
      completed: [task('2020-10-b', { status: 'done', due: '2020-10-30' })],
      carried: [overdue],
      overdue: [overdue],
      dueNext: [task('2020-10-a')],
    },
    owners: [
      { owner: 'van-phong', name: 'Văn phòng <script>', assigned: 2, completed: 1, open: 2, overdue: 0 },
      { owner: 'tai-chinh', name: 'Phòng Tài chính', assigned: 0, completed: 0, open: 1, overdue: 1 },
    ],
    history: [
      { month: '2020-05', open: 0, closed: 0, overdue: 0 },
      { month: '2020-06', open: 0, closed: 0, overdue: 0 },
      { month: '2020-07', open: 2, closed: 1, overdue: 0 },
      { month: '2020-08', open: 3, closed: 2, overdue: 1 },
      { month: '2020-09', open: 9, closed: 4, overdue: 0 },
      { month: '2020-10', open: 12, closed: 7, overdue: 1 },
    ],
  };
}

function emptyReport(locale: 'vi' | 'en'): Report {
  return {
    ...fullReport(locale),
    meetings: [],
    results: [],
    metrics: [],
    decisions: [],
    tasks: { assigned: [], completed: [], carried: [], overdue: [], dueNext: [] },
    owners: [],
  };
}

interface Tag {
  name: string;
  attributes: string;
}

/** Every start tag in the page, as a browser's tokenizer would begin to read it. */
function tagsIn(html: string): Tag[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attributes: m[2]! }));
}

/** The page's tags, apart from the fixed <head>. */
function bodyTags(html: string): Tag[] {
  return tagsIn(html.slice(html.indexOf('<body>')));
}

// Everything the renderer itself writes; a record can add nothing else.
const PAGE_TAGS = new Set([
  'body',
  'main',
  'header',
  'footer',
  'section',
  'article',
  'div',
  'span',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'br',
  'hr',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'svg',
  'title',
  'line',
  'text',
  'rect',
  'polyline',
  'circle',
]);

function expectNothingDangerous(html: string): void {
  expect(html).not.toMatch(/<script/i);
  // Every tag checked in plain code, then one assertion: a page has hundreds
  // of tags and a property test renders a hundred pages, and an expect() per
  // tag cost ten times the rendering.
  const problems: string[] = [];
  for (const tag of bodyTags(html)) {
    if (!PAGE_TAGS.has(tag.name)) problems.push(`unexpected <${tag.name}${tag.attributes}>`);
    if (/(^|[\s"'/])on[a-z]+\s*=/i.test(tag.attributes)) problems.push(`event handler in <${tag.name}${tag.attributes}>`);
    if (/(^|\s)style\s*=/i.test(tag.attributes)) problems.push(`style attribute in <${tag.name}>`);
    if (/(^|\s)src\s*=/i.test(tag.attributes)) problems.push(`src attribute in <${tag.name}>`);
    for (const [, value] of tag.attributes.matchAll(/\shref="([^"]*)"/g)) {
      const url = decodeEntities(value!).replace(/[\u0000-\u0020]/g, '');
      if (/^(javascript|data|vbscript):/i.test(url)) problems.push(`dangerous href in <${tag.name}${tag.attributes}>`);
    }
  }
  expect(problems).toEqual([]);
  // The only <style>, <meta> and <title> are the page's own, in <head>.
  const head = html.slice(0, html.indexOf('<body>'));
  expect(html.match(/<style/gi)).toHaveLength(1);
  expect(head).toContain('<style>');
  expect(html.match(/<meta/gi)?.length).toBe(head.match(/<meta/gi)?.length);
  for (const element of ['iframe', 'object', 'embed', 'form', 'input', 'link', 'base', 'img', 'script']) {
    expect(html, `<${element}> in the page`).not.toMatch(new RegExp(`<${element}[\\s/>]`, 'i'));
  }
}

describe('renderReportHtml: untrusted text', () => {
  const html = renderReportHtml(fullReport());

  it('lets no script, event handler, dangerous URL or forbidden element through', () => {
    expectNothingDangerous(html);
  });

  it('shows hostile front matter as text, escaped', () => {
    expect(html).toContain('Họp &quot;&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; tháng 10');
    expect(html).toContain('7 xã đạt chuẩn &lt;script&gt;alert(&quot;summary&quot;)&lt;/script&gt;');
    expect(html).toContain('Xã đạt chuẩn &quot;onmouseover=&quot;alert(1)');
    expect(html).toContain('<title>UBND huyện Mẫu Sơn &lt;img src=x onerror=alert(1)&gt; — Báo cáo kết quả tháng 10/2020</title>');
  });

  it("shows a body's raw HTML as text and keeps its safe links", () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;iframe src=&quot;https://evil.example/&quot;&gt;');
    expect(html).toContain('<a href="https://example.org/page?a=1&amp;b=2" title="Trang" rel="noopener noreferrer">ok</a>');
    expect(html).toContain('<a href="mailto:van-phong@example.org" rel="noopener noreferrer">mail</a>');
    expect(html).toContain('<a href="../2020/ghi-chu.md" rel="noopener noreferrer">relative</a>');
    // An unsafe link keeps its words, without the link.
    expect(html).toMatch(/>\s*click\s/);
    expect(html).not.toContain('evil.example/pixel.png');
    expect(html).toContain('<span class="image-alt">[Ảnh: tracker]</span>');
  });

  it("nests the body's headings under the meeting's heading", () => {
    expect(html).toContain('<h4>Biên bản</h4>');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  });

  it('declares a policy that blocks scripts and every request', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';/);
  });

  it('survives arbitrary text made of HTML and Markdown pieces', () => {
    const piece = fc.constantFrom(
      '<',
      '>',
      '"',
      "'",
      '=',
      ' ',
      '\n',
      '\t',
      '/',
      ':',
      ';',
      '&',
      '#',
      '(',
      ')',
      '[',
      ']',
      '!',
      '*',
      '_',
      '`',
      '|',
      '-',
      'a',
      'on',
      'onerror',
      'script',
      'javascript:',
      'data:',
      'href',
      'src',
      'img',
      'style',
      '&#106;',
      '&#x3A;',
      'svg',
      'iframe',
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="',
      '">',
      '<svg onload=alert(1)>',
      '<iframe src=x>',
      '<div>',
      '[x](',
      'javascript:alert(1))',
      '![x](',
      '<javascript:x>',
      '<style>',
      '<b style="x">',
      '\n\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.array(piece, { maxLength: 20 }), (bodyPieces, titlePieces) => {
        const report = fullReport('vi', bodyPieces.join(''));
        report.meetings[0]!.title = titlePieces.join('');
        expectNothingDangerous(renderReportHtml(report));
      }),
      { numRuns: 100 },
    );
  });
});

describe('enforceAllowList', () => {
  it.each([
    ['<p>a</p><td align="right">1</td>', '<p>a</p><td align="right">1</td>'],
    ['<a href="https://example.org" rel="noopener noreferrer">x</a>', '<a href="https://example.org" rel="noopener noreferrer">x</a>'],
    // A refused tag becomes text: its "<" and ">" escaped, the rest as it was.
    ['<a href="javascript:alert(1)">x</a>', '&lt;a href="javascript:alert(1)"&gt;x</a>'],
    ['<a href="&#106;avascript:alert(1)">x</a>', '&lt;a href="&#106;avascript:alert(1)"&gt;x</a>'],
    ['<p style="color:red">x</p>', '&lt;p style="color:red"&gt;x</p>'],
    ['<p onclick="x()">x</p>', '&lt;p onclick="x()"&gt;x</p>'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['</p onclick="x">', '&lt;/p onclick="x"&gt;'],
    ['<p', '&lt;p'],
    // After a stray "<" the escaped text up to the next tag is not escaped again.
    ['<p>a <scr&lt;b&gt; &quot;q&quot; &#39;s&#39; &amp;</p>', '<p>a &lt;scr&lt;b&gt; &quot;q&quot; &#39;s&#39; &amp;</p>'],
    ['<p>x < y &lt; z</p>', '<p>x &lt; y &lt; z</p>'],
  ])('%s', (input, expected) => {
    expect(enforceAllowList(input)).toBe(expected);
  });

  it('leaves no "<" but those of allowed tags', () => {
    const input = '<p>a <iframe src="x" <script>b</script> <a href="javascript:x" onclick="y">c</a> <<img src=x onerror=y>>';
    const out = enforceAllowList(input);
    expect(out.match(/<[^>]*>/g)).toEqual(['<p>', '</a>']);
  });
});

describe('renderSafeMarkdown: text is escaped once', () => {
  const render = (body: string) => renderSafeMarkdown(body, { headingOffset: 0, imageLabel: 'Ảnh' }).html;

  it.each([
    // marked passes the text after an inline <script> or <pre> through unescaped.
    [
      'A <scr<script>ipt>alert(1)</scr</script>ipt> "q" <b>b</b>',
      '<p>A &lt;scr&lt;script&gt;ipt&gt;alert(1)&lt;/scr&lt;/script&gt;ipt&gt; &quot;q&quot; &lt;b&gt;b&lt;/b&gt;</p>\n',
    ],
    ['Đoạn <pre>a & "b" <i>c</i> &amp;</pre> d', '<p>Đoạn &lt;pre&gt;a &amp; &quot;b&quot; &lt;i&gt;c&lt;/i&gt; &amp;amp;&lt;/pre&gt; d</p>\n'],
    ['x <scr<img src=x onerror=alert(1)> "y" \'z\'', '<p>x &lt;scr&lt;img src=x onerror=alert(1)&gt; &quot;y&quot; &#39;z&#39;</p>\n'],
  ])('%s', (body, expected) => {
    expect(render(body)).toBe(expected);
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://example.org/a b', 'https://example.org/a%20b'],
    ['http://example.org', 'http://example.org'],
    ['MAILTO:a@example.org', 'MAILTO:a@example.org'],
    ['../ghi-chu.md', '../ghi-chu.md'],
    ['#muc-2', '#muc-2'],
    ['javascript:alert(1)', undefined],
    [' JaVaScRiPt:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['java\u200bscript:alert(1)', undefined],
    ['&#106;avascript:alert(1)', undefined],
    ['javascript&colon;alert(1)', undefined],
    ['data:text/html;base64,PHNjcmlwdD4=', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['file:///etc/passwd', undefined],
    ['//evil.example/x', undefined],
    ['', undefined],
  ])('%j → %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});

describe('renderReportHtmlChunks: a long report in pieces', () => {
  it('is the page renderReportHtml gives, in pieces of about 64 Ki characters whatever the number of tasks', () => {
    const report = fullReport();
    const many = Array.from({ length: 5000 }, (_, i) => task(`2020-10-nhiem-vu-${i}`, { overdueDays: i % 40 }));
    report.tasks = { ...report.tasks, carried: many, overdue: many };
    const pieces = [...renderReportHtmlChunks(report)];
    expect(pieces.join('')).toBe(renderReportHtml(report));
    // 10,000 rows of some 600 characters: the rows come in many pieces, none near the whole.
    expect(pieces.length).toBeGreaterThan(50);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(80_000);
    expect((pieces.join('').match(/<tr class="overdue">/g) ?? []).length).toBeGreaterThan(9000);
  });
});

describe('renderReportHtml: structure', () => {
  const html = renderReportHtml(fullReport());

  it('is one self-contained UTF-8 page in the report language', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/@media print/);
    expect(html).toMatch(/@page \{\s*size: A4;/);
    // Nothing refers to another resource: only <a> carries a URL, and the CSS imports nothing.
    for (const tag of tagsIn(html)) {
      expect(tag.attributes).not.toMatch(/(^|\s)(src|srcset|poster|action|background)\s*=/i);
      if (tag.name !== 'a') expect(tag.attributes).not.toMatch(/(^|\s)href\s*=/i);
    }
    const css = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(css).not.toMatch(/url\(|@import|@font-face/i);
  });

  it('puts the five sections in order, then the minutes', () => {
    const ids = [...html.matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['meetings', 'results', 'decisions', 'tasks', 'owners', 'minutes']);
    const headings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      '1. Các cuộc họp trong tháng',
      '2. Kết quả theo lĩnh vực',
      '3. Các quyết định được thông qua',
      '4. Nhiệm vụ',
      '5. Theo cơ quan được giao',
      'Phụ lục: Nội dung biên bản các cuộc họp',
    ]);
    const lists = [...html.matchAll(/<h3 id="tasks-([a-zA-Z]+)">/g)].map((m) => m[1]);
    expect(lists).toEqual(['assigned', 'completed', 'carried', 'overdue', 'dueNext']);
  });

  it('opens with the organization and the title', () => {
    expect(html).toContain('<strong>UBND huyện Mẫu Sơn &lt;img src=x onerror=alert(1)&gt;</strong>');
    expect(html).toContain('<h1>Báo cáo kết quả tháng 10/2020</h1>');
    expect(html).toContain('Kỳ báo cáo: từ ngày 01/10/2020 đến ngày 31/10/2020');
  });

  it('highlights overdue rows and says by how many days', () => {
    const section = html.slice(html.indexOf('id="tasks-overdue"'), html.indexOf('id="tasks-dueNext"'));
    const rows = section.match(/<tr class="overdue">.*?<\/tr>/gs) ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Báo cáo &lt;b onmouseover=&quot;alert(1)&quot;&gt;đầu tư&lt;/b&gt;');
    expect(rows[0]).toContain('<td class="num late">31 ngày</td>');
    // The owner with an overdue task is highlighted in the accountability table.
    const owners = html.slice(html.indexOf('id="owners"'));
    expect(owners).toMatch(/<tr class="overdue"><td class="num">2<\/td><td>Phòng Tài chính<\/td>/);
    expect(owners).not.toMatch(/<tr class="overdue"><td class="num">1<\/td>/);
  });

  it('formats the metric table with values, the previous month and the change', () => {
    expect(html).toContain('<strong>1.234,5</strong>');
    expect(html).toContain('<td class="num">1.000</td>');
    expect(html).toContain('<td class="num">+234,5</td>');
    expect(html).toContain('<td class="num">+23,5%</td>');
  });

  it('draws accessible charts with a real size', () => {
    const svgs = [...html.matchAll(/<svg ([^>]*)>([\s\S]*?)<\/svg>/g)];
    expect(svgs).toHaveLength(2);
    for (const [, attributes, content] of svgs) {
      expect(attributes).toMatch(/ width="[1-9]\d*"/);
      expect(attributes).toMatch(/ height="[1-9]\d*"/);
      expect(attributes).toMatch(/ viewBox="0 0 [1-9]\d* [1-9]\d*"/);
      expect(attributes).toContain('role="img"');
      expect(content).toMatch(/^\s*<title id="[^"]+">[^<]+<\/title>/);
    }
    const history = svgs.find(([, attributes]) => attributes!.includes('chart-history'))![2]!;
    expect(history.match(/<rect class="bar /g)).toHaveLength(18);
    for (const word of ['Chưa hoàn thành', 'Đã kết thúc', 'Quá hạn', 'Số nhiệm vụ', 'Tháng 5/2020', 'Tháng 10/2020']) expect(history).toContain(word);
  });

  it('breaks a trend line where a month has no value and labels the last value', () => {
    const sparkline = [...html.matchAll(/<svg class="chart sparkline"[\s\S]*?<\/svg>/g)][0]![0];
    // Known: May, Jul, Aug, Oct. Only Jul–Aug are consecutive: one line, four dots, two gaps.
    expect(sparkline.match(/<polyline /g)).toHaveLength(1);
    expect(sparkline.match(/class="spark-point"/g)).toHaveLength(4);
    expect(sparkline.match(/class="gap"/g)).toHaveLength(2);
    expect(sparkline).toMatch(/<text class="spark-value"[^>]*>6<\/text>/);
    expect(sparkline).toContain('Tháng 6/2020: không có số liệu');
  });
});

describe('renderReportHtml: empty sections and languages', () => {
  it('says each empty section is empty (vi)', () => {
    const html = renderReportHtml(emptyReport('vi'));
    const section = (id: string) => html.slice(html.indexOf(`<section id="${id}"`), html.indexOf('</section>', html.indexOf(`<section id="${id}"`)));
    expect(section('meetings')).toContain('<p class="empty">Không có cuộc họp nào trong tháng.</p>');
    expect(section('results')).toContain('<p class="empty">Không có kết quả nào được báo cáo trong tháng.</p>');
    expect(section('decisions')).toContain('<p class="empty">Không có quyết định nào được thông qua trong tháng.</p>');
    expect(section('tasks').match(/<p class="empty">Không có nhiệm vụ nào.<\/p>/g)).toHaveLength(5);
    expect(section('owners')).toContain('<p class="empty">Không có cơ quan nào có nhiệm vụ trong tháng.</p>');
    // No meetings, no minutes; the history chart still shows the earlier months.
    expect(html).not.toContain('id="minutes"');
    expect(html).toContain('chart-history');
    expectNothingDangerous(html);
  });

  it('writes English words, dates and numbers (en)', () => {
    const html = renderReportHtml(fullReport('en'));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    for (const text of [
      '<h1>Monthly report: October 2020</h1>',
      '1. Meetings this month',
      '2. Results by sector',
      '3. Decisions adopted',
      '4. Tasks',
      '5. By owner',
      'Reporting period: 1 Oct 2020 to 31 Oct 2020',
      '26 Oct 2020',
      '<strong>1,234.5</strong>',
      '<td class="num late">31 days</td>',
      'Appendix: minutes of the meetings',
      '[Image: tracker]',
      'Last 6 months',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('CỘNG HÒA');
    expect(html).not.toContain('Các cuộc họp trong tháng');
    const empty = renderReportHtml(emptyReport('en'));
    expect(empty).toContain('<p class="empty">No meetings this month.</p>');
    expect(empty).toContain('<p class="empty">No decisions adopted this month.</p>');
  });

  it('writes Vietnamese words and the national heading (vi)', () => {
    const html = renderReportHtml(fullReport('vi'));
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập – Tự do – Hạnh phúc',
      '26/10/2020',
      'thường kỳ',
      'đang thực hiện',
      'Diễn biến 6 tháng',
    ]) {
      expect(html).toContain(text);
    }
  });
});

describe('renderSafeMarkdown: pathological bodies', () => {
  const FIVE_MB = 5 * 1024 * 1024;
  const bodies: Record<string, string> = {
    'nested quotes': '> '.repeat(FIVE_MB / 2),
    'one deep quote line': '>'.repeat(FIVE_MB),
    'open brackets': '[['.repeat(FIVE_MB / 2),
    'emphasis delimiters': '*_a'.repeat(FIVE_MB / 3),
    'nested lists': '1. - '.repeat(FIVE_MB / 5),
    'indented lists': Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
  };

  it.each(Object.entries(bodies))('renders %s in bounded output, with a note', (_name, body) => {
    const result = renderSafeMarkdown(body, { headingOffset: 3, imageLabel: 'Ảnh' });
    expect(result.truncated).toBe(true);
    expect(result.html.length).toBeLessThan(8 * MAX_BODY_CHARS);
    const html = renderReportHtml(fullReport('vi', body));
    expect(html.length).toBeLessThan(8 * MAX_BODY_CHARS + 100_000);
    expect(html).toContain('Nội dung quá dài: chỉ trình bày 200.000 ký tự đầu tiên');
    expectNothingDangerous(html);
  });

  it('leaves an ordinary body whole', () => {
    const result = renderSafeMarkdown('Đoạn một.\n\n- ý một\n- ý hai\n\n> trích dẫn', { headingOffset: 3, imageLabel: 'Ảnh' });
    expect(result).toEqual({
      html: '<p>Đoạn một.</p>\n<ul>\n<li>ý một</li>\n<li>ý hai</li>\n</ul>\n<blockquote>\n<p>trích dẫn</p>\n</blockquote>\n',
      truncated: false,
      plain: false,
    });
  });
});
