// An official document as blocks, before any format: the notice and the
// monthly report are composed into this once (notice.ts, monthly.ts), and
// html.ts, markdown.ts and docx.ts lay it out in the state layout (Nghị định
// 30/2020/NĐ-CP, Phụ lục I). Every string in it is plain, untrusted text:
// each renderer escapes it for its format.
import { reorderingShown } from '../../model/text.js';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface TableColumn {
  header: string;
  /** Share of the text width, in %. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A row of cells, or a row spanning the whole table that names a group ("Phòng Nông nghiệp…"). */
export type TableRow = { cells: string[] } | { group: string };

export type Block =
  /** A paragraph of running text, justified, its first line indented. */
  | { kind: 'paragraph'; runs: Run[] }
  /** "I. KẾT QUẢ THỰC HIỆN…": bold capitals. */
  | { kind: 'heading'; text: string }
  /** "1. Kinh tế": bold. */
  | { kind: 'subheading'; text: string }
  /** Items each starting with "- ". */
  | { kind: 'bullets'; items: Run[][] }
  /** `size`: its text in points where a wide figures table needs it below the 12 pt of the others. */
  | { kind: 'table'; columns: TableColumn[]; rows: TableRow[]; size?: number };

interface DocumentSignature {
  /** "TL. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN". */
  onBehalf?: string;
  title?: string;
  name?: string;
}

export interface OfficialDocument {
  /** The title of the file (HTML <title>, Word's document title). */
  title: string;
  /** A draft: marked "DỰ THẢO". */
  draft: boolean;
  header: {
    parent?: string;
    issuer: string;
    /** "Số: 125/TB-UBND", or "Số:      /TB-UBND" in a draft. */
    number: string;
    /** "Mẫu Sơn, ngày 28 tháng 10 năm 2020", or left for the hand. */
    placeAndDate: string;
  };
  /** "THÔNG BÁO", "BÁO CÁO". */
  kind: string;
  /** "Kết luận của Chủ tịch UBND huyện tại …". */
  abstract: string;
  blocks: Block[];
  signature: DocumentSignature;
  recipients: string[];
}

/** A run of plain text. */
export function plain(text: string): Run {
  return { text };
}

/** A paragraph of runs. */
export function paragraph(...runs: (Run | string)[]): Block {
  return { kind: 'paragraph', runs: runs.map((r) => (typeof r === 'string' ? plain(r) : r)) };
}

/** A line that starts an item of a list as chairs' conclusions are written: "- ", "+ ", "• ", "a) ", "1. ", "2) ". */
const ITEM = /^(?:[-+•*–]\s|[a-zđ]\)\s|\d{1,2}[.)]\s)/u;

/**
 * A text the clerk wrote over several paragraphs (a `|` block): one
 * paragraph each, the lines within one joined (Word shows a line feed in a
 * run as a space), except a line that starts a list item ("- Tập trung…"),
 * which starts a paragraph of its own.
 */
export function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/u)
    .flatMap((p) => {
      const items: string[] = [];
      for (const line of p.split('\n').map((l) => l.trim())) {
        if (line === '') continue;
        if (items.length === 0 || ITEM.test(line)) items.push(line);
        else items[items.length - 1] += ` ${line}`;
      }
      return items;
    })
    .map((p) => paragraph(p));
}

/**
 * The signature block of a signer: the "TM./TL./KT." line and the title in
 * capitals, as Nghị định 30/2020/NĐ-CP lays them out, however the config or
 * the record writes them; the name as written.
 */
export function signatureOf(signer: { name: string; title: string; onBehalf?: string } | undefined): DocumentSignature {
  if (!signer) return {};
  const capitals = (s: string) => s.toLocaleUpperCase('vi');
  return { ...(signer.onBehalf ? { onBehalf: capitals(signer.onBehalf) } : {}), title: capitals(signer.title), name: signer.name };
}

/** The "Nơi nhận" lines: "- Thường trực Huyện ủy;" …, the last ending with ".". */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((r, i) => `- ${r.trim().replace(/[;.,]+$/u, '')}${i === recipients.length - 1 ? '.' : ';'}`);
}

/** Every text of a document with `also` applied and its reordering controls written out: what Word and the HTML (the PDF) print. */
export function shownInOrder<T>(value: T, also: (text: string) => string = (text) => text): T {
  // U+202E "right-to-left override" reverses the rest of a line: written out visibly, as every other output does.
  if (typeof value === 'string') return reorderingShown(also(value)) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => shownInOrder(item, also)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shownInOrder(v, also)])) as T;
  return value;
}
