// A record's Markdown body as safe HTML. The body is untrusted, so:
// - marked renders it with a renderer that escapes every raw HTML token,
//   keeps links only with a safe URL and shows images as their alt text;
// - the result then passes an allow-list of tags and attributes, so a
//   mistake in the renderer cannot let a script or event handler through;
// - the input is bounded and reshaped first, because some Markdown makes
//   marked slow (quadratic emphasis and e-mail scans) or recursive (nesting).
import { Marked, type Tokens } from 'marked';
import { escapeHtml, safeUrl } from './escape.js';

/** The most characters of one body rendered; the rest is left out, with a note. */
export const MAX_BODY_CHARS = 200_000;
/** Container markers (">", "-", "1.") kept at the start of one line. */
const MAX_LINE_MARKERS = 8;
/** Leading indentation kept on one line, in characters. */
const MAX_INDENT = 40;
/** Longest run of non-space characters before an invisible break is inserted. */
const MAX_WORD = 200;
/** Characters the emphasis and strikethrough scanners may read per body. */
const EMPHASIS_BUDGET = 1_000_000;

export interface SafeMarkdownOptions {
  /** Added to every heading level, so "#" nests under the page's own headings. */
  headingOffset: number;
  /** Word shown before an image's alt text, as images are never loaded. */
  imageLabel: string;
}

export interface SafeMarkdown {
  html: string;
  /** The body was longer than MAX_BODY_CHARS and was cut. */
  truncated: boolean;
  /** marked failed on the body; it is shown as plain text instead. */
  plain: boolean;
}

export function renderSafeMarkdown(body: string, options: SafeMarkdownOptions): SafeMarkdown {
  const { text, truncated } = boundBody(body);
  const source = breakLongWords(text.split('\n').map(tameLine).join('\n'));
  try {
    const html = createMarked(options).parse(source, { async: false });
    return { html: enforceAllowList(html), truncated, plain: false };
  } catch {
    // A stack overflow or an internal marked error: keep the words, drop the formatting.
    return { html: `<pre class="plain">${escapeHtml(text)}</pre>`, truncated, plain: true };
  }
}

/** The body with normalized line ends, cut at a line end before MAX_BODY_CHARS. */
function boundBody(body: string): { text: string; truncated: boolean } {
  const text = body.replace(/\r\n?/g, '\n');
  if (text.length <= MAX_BODY_CHARS) return { text, truncated: false };
  let end = text.lastIndexOf('\n', MAX_BODY_CHARS);
  if (end < MAX_BODY_CHARS / 2) end = MAX_BODY_CHARS;
  // Never split a surrogate pair.
  if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
  return { text: text.slice(0, end), truncated: true };
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Caps a line's nesting: at most MAX_LINE_MARKERS container markers and
 * MAX_INDENT leading blanks. Ordinary lines come back unchanged; a line like
 * "> > > > …" 100 000 levels deep would otherwise overflow marked's stack.
 */
function tameLine(line: string): string {
  let indent = 0;
  while (isBlank(line[indent])) indent++;
  let i = indent;
  let markers = 0;
  let keptEnd = i;
  for (;;) {
    let j = i;
    while (isBlank(line[j])) j++;
    let end = j;
    if (line[j] === '>') end = j + 1;
    else if ((line[j] === '-' || line[j] === '+' || line[j] === '*') && (j + 1 === line.length || isBlank(line[j + 1]))) end = j + 1;
    else {
      let k = j;
      while (isDigit(line[k]) && k - j < 9) k++;
      if (k > j && (line[k] === '.' || line[k] === ')') && (k + 1 === line.length || isBlank(line[k + 1]))) end = k + 1;
    }
    if (end === j) break;
    markers++;
    i = end;
    if (markers <= MAX_LINE_MARKERS) keptEnd = end;
  }
  if (markers <= MAX_LINE_MARKERS && indent <= MAX_INDENT) return line;
  const rest = line.slice(i).replace(/^[ \t]+/, '');
  return `${line.slice(0, Math.min(indent, MAX_INDENT))}${line.slice(indent, keptEnd)} ${rest}`;
}

/**
 * Inserts a zero-width space into runs of MAX_WORD non-space characters.
 * marked's autolink scans (e-mail, www.) read such a run once per character;
 * a real word is never this long, and the break also lets print wrap it.
 */
function breakLongWords(text: string): string {
  return text.replace(new RegExp(`\\S{${MAX_WORD}}(?=\\S)`, 'g'), '$&\u200b');
}

function createMarked(options: SafeMarkdownOptions): Marked {
  let budget = EMPHASIS_BUDGET;
  // Within budget, `false` lets marked's own tokenizer run; past it, the
  // delimiters stay plain text, which bounds emphasis scanning.
  const spend = (src: string): false | undefined => {
    budget -= src.length;
    return budget >= 0 ? false : undefined;
  };
  const heading = (depth: number) => Math.min(6, Math.max(1, depth + options.headingOffset));
  return new Marked({
    gfm: true,
    async: false,
    tokenizer: {
      emStrong: (src: string) => spend(src),
      del: (src: string) => spend(src),
    },
    renderer: {
      html: ({ text, block }: Tokens.HTML | Tokens.Tag) => (block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text)),
      // marked passes text after an inline "<script>" or "<pre>" through as
      // HTML, unescaped; here those tags are shown as text, and so is it.
      text: (token: Tokens.Text | Tokens.Escape) => (token.type === 'text' && token.escaped && !token.tokens ? escapeHtml(token.text) : false),
      heading({ tokens, depth }: Tokens.Heading) {
        const level = heading(depth);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      code: ({ text }: Tokens.Code) => `<pre><code>${escapeHtml(text.replace(/\n$/, ''))}</code></pre>\n`,
      codespan: ({ text }: Tokens.Codespan) => `<code>${escapeHtml(text)}</code>`,
      checkbox: ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ '),
      link({ href, title, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        const url = safeUrl(href);
        if (url === undefined) return inner;
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(url)}"${titleAttr} rel="noopener noreferrer">${inner}</a>`;
      },
      // Images are never loaded (no request may leave the page): their alt text stands in.
      image: ({ text }: Tokens.Image) => `<span class="image-alt">[${escapeHtml(options.imageLabel)}${text ? `: ${escapeHtml(text)}` : ''}]</span>`,
    },
  });
}

// Tags the renderer may produce, and the attributes each may carry.
const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  br: [],
  hr: [],
  blockquote: [],
  pre: ['class'],
  code: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  ul: [],
  ol: ['start'],
  li: [],
  strong: [],
  em: [],
  del: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['align'],
  td: ['align'],
  a: ['href', 'title', 'rel'],
  span: ['class'],
};

const TAG = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*\/?>$/;
const ATTRIBUTE = /\s+([a-z-]+)="([^"<>]*)"/g;

/**
 * Keeps a tag only when it is on the allow-list with allowed attributes
 * (and a safe href); anything else is shown as text. Text between tags is
 * already escaped by the renderer, so every "<" left starts a tag. Of a
 * refused tag only its "<" and ">" are escaped: after a stray "<" it runs
 * over text that is escaped already, and escaping that again would show the
 * reader "&amp;lt;". With no "<" left, nothing refused can be markup.
 */
export function enforceAllowList(html: string): string {
  return html.replace(/<[^<>]*>?/g, (tag) => (isAllowedTag(tag) ? tag : tag.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))));
}

function isAllowedTag(tag: string): boolean {
  const match = TAG.exec(tag);
  if (!match) return false;
  const [, closing, name, attributes] = match;
  const allowed = ALLOWED[name!];
  if (!allowed) return false;
  if (closing) return attributes === '';
  for (const [, attribute, value] of attributes!.matchAll(ATTRIBUTE)) {
    if (!allowed.includes(attribute!)) return false;
    if (attribute === 'href' && safeUrl(value!) === undefined) return false;
  }
  return true;
}
