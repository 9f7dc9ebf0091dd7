// An official document as a Word file (.docx), with the `docx` package, in
// the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 (11906 × 16838
// twips), margins top and bottom 20 mm, left 30 mm, right 15 mm, Times New
// Roman, body 14 pt, page numbers centred at the top from page 2. The text
// uses named Word styles (Body Text, Heading 1 and 2, and styles of our own
// for the header, the title, lists, tables and the signature), so a clerk
// edits it as any other document; the header, the task lists and the
// signature are tables. Loaded only for --format docx.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ITableBordersOptions,
} from 'docx';
import { DOCUMENT_WORDS } from './words.js';
import { recipientLines, shownInOrder, type Block, type OfficialDocument, type Run } from './document.js';

const FONT = 'Times New Roman';
/** Half-points. */
const PT = (points: number) => points * 2;
/** Twips from millimetres. */
const MM = (mm: number) => Math.ceil((mm * 1440) / 25.4);

export const PAGE = { width: 11906, height: 16838, top: MM(20), bottom: MM(20), left: MM(30), right: MM(15) };
/** The width text runs in. */
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const FIRST_LINE = MM(10);

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const NO_BORDERS: ITableBordersOptions = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const GRID: ITableBordersOptions = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** The styles a clerk sees in Word's style list. */
const STYLES = {
  default: {
    document: { run: { font: FONT, size: PT(14) }, paragraph: { spacing: { line: 276 } } },
    heading1: {
      run: { font: FONT, size: PT(14), bold: true, color: '000000' },
      paragraph: { spacing: { before: 180, after: 60 }, indent: { firstLine: FIRST_LINE }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: PT(14), bold: true, italic: false, color: '000000' },
      paragraph: { spacing: { before: 120, after: 60 }, indent: { firstLine: FIRST_LINE }, keepNext: true, keepLines: true },
    },
  },
  paragraphStyles: [
    {
      id: 'BodyText',
      name: 'Body Text',
      basedOn: 'Normal',
      next: 'BodyText',
      quickFormat: true,
      run: { font: FONT, size: PT(14) },
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, spacing: { before: 120, after: 0, line: 276 } },
    },
    {
      id: 'ListDash',
      name: 'List Dash',
      basedOn: 'BodyText',
      next: 'ListDash',
      quickFormat: true,
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, spacing: { before: 60, after: 0 } },
    },
    {
      id: 'Masthead',
      name: 'Masthead',
      basedOn: 'Normal',
      run: { font: FONT, size: PT(13) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 240 } },
    },
    {
      id: 'DocumentKind',
      name: 'Document Kind',
      basedOn: 'Normal',
      next: 'DocumentAbstract',
      quickFormat: true,
      run: { font: FONT, size: PT(14), bold: true },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, keepNext: true },
    },
    {
      id: 'DocumentAbstract',
      name: 'Document Abstract',
      basedOn: 'Normal',
      next: 'BodyText',
      quickFormat: true,
      run: { font: FONT, size: PT(14), bold: true },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, keepNext: true },
    },
    { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { font: FONT, size: PT(12) }, paragraph: { spacing: { before: 40, after: 40, line: 240 } } },
    { id: 'Recipients', name: 'Recipients', basedOn: 'Normal', run: { font: FONT, size: PT(11) }, paragraph: { spacing: { line: 240 } } },
    {
      id: 'Signature',
      name: 'Signature',
      basedOn: 'Normal',
      run: { font: FONT, size: PT(14), bold: true },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 240 } },
    },
  ],
};

function runs(list: readonly Run[], size?: number): TextRun[] {
  return list.map((r) => new TextRun({ text: r.text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}), ...(size ? { size } : {}) }));
}

/** A short rule under a line of the header, `width` twips long, centred in a column `column` twips wide. */
function rule(column: number, width: number): Paragraph {
  const side = Math.max(0, Math.round((column - width) / 2));
  return new Paragraph({
    style: 'Masthead',
    border: { bottom: LINE },
    indent: { left: side, right: side },
    spacing: { after: 80 },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function cell(width: number, children: Paragraph[], options: { span?: number; header?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.header ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children,
  });
}

function masthead(doc: OfficialDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.4);
  const right = TEXT_WIDTH - left;
  const [nation1, nation2] = DOCUMENT_WORDS.nation;
  const p = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new Paragraph({ style: 'Masthead', children: [new TextRun({ text, ...options })] });
  const top = new TableRow({
    children: [
      new TableCell({
        width: { size: left, type: WidthType.DXA },
        borders: NO_BORDERS,
        children: [...(doc.header.parent ? [p(doc.header.parent)] : []), p(doc.header.issuer, { bold: true }), rule(left, MM(22))],
      }),
      new TableCell({
        width: { size: right, type: WidthType.DXA },
        borders: NO_BORDERS,
        children: [p(nation1, { bold: true }), p(nation2, { bold: true, size: PT(14) }), rule(right, MM(62))],
      }),
    ],
  });
  const bottom = new TableRow({
    children: [
      new TableCell({ width: { size: left, type: WidthType.DXA }, borders: NO_BORDERS, children: [p(doc.header.number)] }),
      new TableCell({
        width: { size: right, type: WidthType.DXA },
        borders: NO_BORDERS,
        children: [p(doc.header.placeAndDate, { italics: true, size: PT(14) })],
      }),
    ],
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [top, bottom],
  });
}

function grid(b: Extract<Block, { kind: 'table' }>): Table {
  const widths = b.columns.map((c) => Math.round((TEXT_WIDTH * c.width) / 100));
  const align = (a: 'left' | 'center' | 'right' | undefined) =>
    a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const text = (value: string, options: { bold?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean } = {}) =>
    new Paragraph({
      style: 'TableText',
      ...(options.alignment ? { alignment: options.alignment } : {}),
      ...(options.keepNext ? { keepNext: true } : {}),
      children: [new TextRun({ text: value, ...(options.bold ? { bold: true } : {}), ...(b.size ? { size: PT(b.size) } : {}) })],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.columns.map((c, i) => cell(widths[i]!, [text(c.header, { bold: true, alignment: AlignmentType.CENTER })], { header: true })),
  });
  const rows = b.rows.map((row) => {
    if ('group' in row) {
      // A group's name stays on the page of its first task.
      return new TableRow({ cantSplit: true, children: [cell(TEXT_WIDTH, [text(row.group, { bold: true, keepNext: true })], { span: b.columns.length })] });
    }
    return new TableRow({ cantSplit: true, children: row.cells.map((value, i) => cell(widths[i]!, [text(value, { alignment: align(b.columns[i]?.align) })])) });
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [header, ...rows],
  });
}

function blocks(list: readonly Block[]): (Paragraph | Table)[] {
  return list.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'paragraph':
        return [new Paragraph({ style: 'BodyText', children: runs(b.runs) })];
      case 'heading':
        return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] })];
      case 'subheading':
        return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.text)] })];
      case 'bullets':
        return b.items.map((item) => new Paragraph({ style: 'ListDash', children: [new TextRun('- '), ...runs(item)] }));
      case 'table':
        return [grid(b), new Paragraph({ style: 'BodyText', spacing: { before: 0 }, children: [] })];
    }
  });
}

function signing(doc: OfficialDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const { signature } = doc;
  const recipients = [
    new Paragraph({ style: 'Recipients', children: [new TextRun({ text: DOCUMENT_WORDS.recipientsLabel, bold: true, italics: true, size: PT(12) })] }),
    ...recipientLines(doc.recipients).map((line) => new Paragraph({ style: 'Recipients', children: [new TextRun(line)] })),
  ];
  const sign = [...(signature.onBehalf ? [signature.onBehalf] : []), ...(signature.title ? [signature.title] : [])].map(
    (line) => new Paragraph({ style: 'Signature', children: [new TextRun(line)] }),
  );
  // Room for the signature and the seal.
  sign.push(new Paragraph({ style: 'Signature', spacing: { before: MM(25) }, children: signature.name ? [new TextRun(signature.name)] : [] }));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: left, type: WidthType.DXA }, borders: NO_BORDERS, children: recipients }),
          new TableCell({ width: { size: right, type: WidthType.DXA }, borders: NO_BORDERS, children: sign }),
        ],
      }),
    ],
  });
}

// What XML 1.0 cannot hold: C0 controls but tab and line feeds, U+FFFE/U+FFFF, lone surrogates.
// A record may carry them (check lets noncharacters through); Word would refuse the whole file.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export async function renderDocumentDocx(unsafe: OfficialDocument): Promise<Uint8Array> {
  // Every text as XML can hold it (U+FFFD for what it cannot), reordering controls written out.
  const doc = shownInOrder(unsafe, (text) => text.replace(NOT_XML, '\uFFFD'));
  const draft = doc.draft
    ? [
        new Paragraph({
          style: 'Masthead',
          alignment: AlignmentType.CENTER,
          indent: { left: TEXT_WIDTH - MM(35) },
          border: { top: LINE, bottom: LINE, left: LINE, right: LINE },
          spacing: { after: 120 },
          children: [new TextRun({ text: DOCUMENT_WORDS.draftMark, bold: true })],
        }),
      ]
    : [];
  const titleWidth = MM(45);
  const body = new Document({
    creator: 'meet',
    // Word shows it in the file's properties; the docx package's default is the English "Un-named".
    lastModifiedBy: 'meet',
    title: doc.title,
    styles: STYLES,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: MM(10), footer: MM(10) },
          },
        },
        headers: {
          // Page numbers from page 2, centred at the top; the first page has none.
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: PT(13) })] })],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          ...draft,
          masthead(doc),
          new Paragraph({ style: 'DocumentKind', children: [new TextRun(doc.kind)] }),
          new Paragraph({ style: 'DocumentAbstract', children: [new TextRun(doc.abstract)] }),
          rule(TEXT_WIDTH, titleWidth),
          ...blocks(doc.blocks),
          new Paragraph({ children: [] }),
          signing(doc),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(body));
}
