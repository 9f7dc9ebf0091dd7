// Independent readers of the documents meet writes: `unzip` for the parts of
// a Word file (word/document.xml, word/styles.xml), mammoth for its text in
// reading order, and poppler's pdftotext / pdfinfo for a PDF. None of them
// shares code with the docx package that writes the files.
import { spawnSync } from 'node:child_process';
import mammoth from 'mammoth';

/** One part of a zip file (a .docx), as text. */
export function unzipPart(file: string, part: string): string {
  const run = spawnSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`unzip -p ${file} ${part} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

/** The text of a Word file in reading order, one paragraph a line, blank lines dropped, spaces (and NBSP) collapsed. */
export async function docxLines(file: string): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ path: file });
  return value
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean);
}

/** An attribute of the first element `tag` in `xml`, or undefined. */
export function xmlAttribute(xml: string, tag: string, attribute: string): string | undefined {
  const element = new RegExp(`<${tag}\\b[^>]*>`).exec(xml)?.[0];
  return element ? new RegExp(`\\b${attribute}="([^"]*)"`).exec(element)?.[1] : undefined;
}

/** Expects each of `wanted` to occur in `lines` in this order (each in a later line than, or the same line after, the one before). */
export function inReadingOrder(lines: readonly string[], wanted: readonly string[]): string[] {
  const text = lines.join('\n');
  const missing: string[] = [];
  let at = 0;
  for (const w of wanted) {
    const found = text.indexOf(w, at);
    if (found === -1) missing.push(text.includes(w) ? `${w} (out of order)` : w);
    else at = found + w.length;
  }
  return missing;
}

/** The text of a PDF, with its layout (columns side by side), from pdftotext. */
export function pdfText(file: string, ...args: string[]): string {
  const run = spawnSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

/** pdfinfo's fields ("Pages", "Page size", …). */
export function pdfInfo(file: string): Record<string, string> {
  const run = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdfinfo failed (${run.status}): ${run.stderr}`);
  return Object.fromEntries(
    run.stdout
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}
