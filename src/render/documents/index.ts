// The official documents in each format, from their values: the notice and
// the monthly report are composed into one OfficialDocument, then laid out.
// Word (the docx package) is loaded only when asked for. PDF is the HTML
// printed by Chromium (io/chromium.ts), so it asks here for 'html'.
import type { MonthlyDocument, Notice } from '../../model/documents.js';
import type { OfficialDocument } from './document.js';

export type DocumentFormat = 'docx' | 'pdf' | 'html' | 'md';

/** What a file of each format is: text, or the bytes of a Word file. */
export async function renderOfficial(doc: OfficialDocument, format: 'docx' | 'html' | 'md'): Promise<string | Uint8Array> {
  switch (format) {
    case 'docx':
      return (await import('./docx.js')).renderDocumentDocx(doc);
    case 'html':
      return (await import('./html.js')).renderDocumentHtml(doc);
    case 'md':
      return (await import('./markdown.js')).renderDocumentMarkdown(doc);
  }
}

export async function composeNotice(notice: Notice): Promise<OfficialDocument> {
  return (await import('./notice.js')).noticeDocument(notice);
}

export async function composeMonthly(doc: MonthlyDocument): Promise<OfficialDocument> {
  return (await import('./monthly.js')).monthlyDocument(doc);
}
