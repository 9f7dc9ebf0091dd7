// An official document as one self-contained, printable HTML page in the
// state layout: A4, Times New Roman 14 pt, margins 20/15/20/30 mm, page
// numbers centred at the top from page 2 (CSS page margin boxes, which
// Chromium prints: the PDF is this page printed). No script, nothing
// fetched; every value from a record or the config is escaped.
import { escapeHtml as e } from '../html/escape.js';
import { DOCUMENT_WORDS } from './words.js';
import { recipientLines, shownInOrder, type Block, type OfficialDocument, type Run } from './document.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

/** The page of Nghị định 30/2020/NĐ-CP, Phụ lục I, in CSS. */
export const DOCUMENT_CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font-family: "Times New Roman", "Liberation Serif", Tinos, serif; font-size: 13pt; vertical-align: bottom; padding-bottom: 4mm; } }
@page :first { @top-center { content: none; } }
html { background: #e8e8e8; }
body { margin: 0; font-family: "Times New Roman", "Liberation Serif", Tinos, serif; font-size: 14pt; line-height: 1.3; color: #000; overflow-wrap: break-word; }
main.doc { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 20mm 15mm 20mm 30mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
@media print { html { background: none; } main.doc { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; } }
p { margin: 0; }
.draft { text-align: right; margin-bottom: 2mm; }
.draft span { display: inline-block; border: 1.5px solid #000; padding: 1mm 4mm; font-weight: bold; font-size: 13pt; }
table.masthead { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.masthead td { vertical-align: top; text-align: center; padding: 0; }
table.masthead td.issuer { width: 40%; font-size: 13pt; }
table.masthead td.nation { width: 60%; }
.nation-1 { font-size: 13pt; font-weight: bold; white-space: nowrap; }
.nation-2 { font-size: 14pt; font-weight: bold; }
.issuer-name { font-weight: bold; }
.rule { border: 0; border-top: 1px solid #000; height: 0; margin: 2mm auto 2mm; }
.rule-issuer { width: 22mm; }
.rule-nation { width: 62mm; }
.rule-title { width: 25%; margin-top: 2.5mm; margin-bottom: 6mm; }
td.number { font-size: 13pt; padding-top: 1mm !important; }
td.place-date { font-style: italic; padding-top: 1mm !important; }
h1.kind { font-size: 14pt; font-weight: bold; text-align: center; margin: 8mm 0 0; }
p.abstract { font-weight: bold; text-align: center; }
.body p.text { text-align: justify; text-indent: 10mm; margin: 6pt 0; }
.body h2 { font-size: 14pt; font-weight: bold; margin: 8pt 0 4pt; text-indent: 10mm; break-after: avoid; }
.body h3 { font-size: 14pt; font-weight: bold; margin: 6pt 0 3pt; text-indent: 10mm; break-after: avoid; }
.body ul { list-style: none; margin: 3pt 0; padding: 0; }
.body ul li { text-align: justify; text-indent: 10mm; margin: 3pt 0; }
.body ul li::before { content: "- "; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0 8pt; font-size: 12pt; line-height: 1.2; }
table.grid th, table.grid td { border: 1px solid #000; padding: 1.5mm 1.5mm; vertical-align: top; overflow-wrap: anywhere; }
table.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
table.grid td.center { text-align: center; }
table.grid td.right { text-align: right; }
table.grid tr.group td { font-weight: bold; }
table.grid tr.group { break-after: avoid; }
table.grid tr { break-inside: avoid; }
table.signing { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 8mm; break-inside: avoid; }
table.signing td { vertical-align: top; padding: 0; }
td.recipients { width: 45%; font-size: 11pt; line-height: 1.25; }
td.recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
td.signature { width: 55%; text-align: center; font-weight: bold; }
td.signature .space { height: 28mm; }
`;

function runs(list: readonly Run[]): string {
  return list
    .map((r) => {
      let html = e(r.text);
      if (r.italic) html = `<em>${html}</em>`;
      if (r.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p class="text">${runs(b.runs)}</p>`;
    case 'heading':
      return `<h2>${e(b.text)}</h2>`;
    case 'subheading':
      return `<h3>${e(b.text)}</h3>`;
    case 'bullets':
      return `<ul>\n${b.items.map((item) => `<li>${runs(item)}</li>`).join('\n')}\n</ul>`;
    case 'table': {
      const cols = b.columns.map((c) => `<col style="width:${c.width}%">`).join('');
      const head = b.columns.map((c) => `<th>${e(c.header)}</th>`).join('');
      const rows = b.rows.map((row) => {
        if ('group' in row) return `<tr class="group"><td colspan="${b.columns.length}">${e(row.group)}</td></tr>`;
        const cells = row.cells.map((cell, i) => {
          const align = b.columns[i]?.align;
          return `<td${align && align !== 'left' ? ` class="${align}"` : ''}>${e(cell)}</td>`;
        });
        return `<tr>${cells.join('')}</tr>`;
      });
      return `<table class="grid"${b.size ? ` style="font-size:${b.size}pt"` : ''}><colgroup>${cols}</colgroup>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
  }
}

export function renderDocumentHtml(unsafe: OfficialDocument): string {
  // A U+202E would reverse a line of the printed PDF (a date, a name): written out, as in Word.
  const doc = shownInOrder(unsafe);
  const [nation1, nation2] = DOCUMENT_WORDS.nation;
  const { header, signature } = doc;
  const sign = [
    signature.onBehalf ? `<p>${e(signature.onBehalf)}</p>` : '',
    signature.title ? `<p>${e(signature.title)}</p>` : '',
    '<div class="space"></div>',
    signature.name ? `<p>${e(signature.name)}</p>` : '',
  ].join('');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="meet">
<title>${e(doc.title)}</title>
<style>${DOCUMENT_CSS}</style>
</head>
<body>
<main class="doc">
${doc.draft ? `<div class="draft"><span>${e(DOCUMENT_WORDS.draftMark)}</span></div>\n` : ''}<table class="masthead">
<tr><td class="issuer">${header.parent ? `<p class="parent">${e(header.parent)}</p>` : ''}<p class="issuer-name">${e(header.issuer)}</p><hr class="rule rule-issuer"></td><td class="nation"><p class="nation-1">${e(nation1)}</p><p class="nation-2">${e(nation2)}</p><hr class="rule rule-nation"></td></tr>
<tr><td class="number">${e(header.number)}</td><td class="place-date">${e(header.placeAndDate)}</td></tr>
</table>
<h1 class="kind">${e(doc.kind)}</h1>
<p class="abstract">${e(doc.abstract)}</p>
<hr class="rule rule-title">
<div class="body">
${doc.blocks.map(block).join('\n')}
</div>
<table class="signing">
<tr><td class="recipients"><p class="label">${e(DOCUMENT_WORDS.recipientsLabel)}</p>${recipientLines(doc.recipients)
    .map((r) => `<p>${e(r)}</p>`)
    .join('')}</td><td class="signature">${sign}</td></tr>
</table>
</main>
</body>
</html>
`;
}
