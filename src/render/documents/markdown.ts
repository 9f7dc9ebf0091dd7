// An official document as Markdown, in the same order as the Word and HTML
// versions: the header as a two-column table, the title and abstract, the
// body, the signature, "Nơi nhận". For a git host or an e-mail; the layout
// of record is the Word file's.
import { oneLine, visible } from '../../model/text.js';
import { markdownText } from '../table.js';
import { DOCUMENT_WORDS } from './words.js';
import { recipientLines, type Block, type OfficialDocument, type Run } from './document.js';

/** Record text in running Markdown: one line, shown as it is (no HTML, link, emphasis, list or heading from it). */
function text(value: string, atLineStart = true): string {
  return markdownText(visible(oneLine(value)), atLineStart);
}

function runs(list: readonly Run[]): string {
  return list
    .map((r) => {
      const t = text(r.text);
      if (t === '') return '';
      return r.bold && r.italic ? `***${t}***` : r.bold ? `**${t}**` : r.italic ? `*${t}*` : t;
    })
    .join('');
}

function cell(value: string): string {
  return text(value);
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return runs(b.runs);
    case 'heading':
      return `## ${text(b.text, false)}`;
    case 'subheading':
      return `### ${text(b.text, false)}`;
    case 'bullets':
      return b.items.map((item) => `- ${runs(item)}`).join('\n');
    case 'table': {
      const head = `| ${b.columns.map((c) => cell(c.header)).join(' | ')} |`;
      const rule = `| ${b.columns.map((c) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---')).join(' | ')} |`;
      const rows = b.rows.map((row) =>
        'group' in row ? `| ${['', `**${cell(row.group)}**`, ...b.columns.slice(2).map(() => '')].join(' | ')} |` : `| ${row.cells.map(cell).join(' | ')} |`,
      );
      return [head, rule, ...rows].join('\n');
    }
  }
}

export function renderDocumentMarkdown(doc: OfficialDocument): string {
  const { header, signature } = doc;
  const [nation1, nation2] = DOCUMENT_WORDS.nation;
  const left = [header.parent ? cell(header.parent) : '', `**${cell(header.issuer)}**`].filter(Boolean).join('<br>');
  const out: string[] = [];
  if (doc.draft) out.push(`**${DOCUMENT_WORDS.draftMark}**`, '');
  out.push(
    `| ${left} | **${nation1}**<br>**${nation2}** |`,
    '| :---: | :---: |',
    `| ${cell(header.number)} | *${cell(header.placeAndDate)}* |`,
    '',
    `# ${text(doc.kind)}`,
    '',
    `**${text(doc.abstract)}**`,
    '',
    '---',
  );
  for (const b of doc.blocks) out.push('', block(b));
  const sign = [signature.onBehalf, signature.title].filter((s): s is string => Boolean(s)).map((s) => `**${text(s)}**`);
  out.push('', '---', '');
  // The signer's lines, room to sign, the name.
  if (sign.length > 0) out.push(sign.join('  \n'), '');
  if (signature.name) out.push(`**${text(signature.name)}**`, '');
  out.push(`***${DOCUMENT_WORDS.recipientsLabel}***`, '', ...recipientLines(doc.recipients).map((r) => `- ${text(r.slice(2))}`));
  return `${out.join('\n')}\n`;
}
