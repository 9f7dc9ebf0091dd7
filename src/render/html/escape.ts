// Text and attribute values inserted into HTML. Every value that comes from a
// record or the config is untrusted and goes through escapeHtml.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

/** Escapes text for element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: a test is cheaper than a replace (hundreds of thousands of cells in a large report).
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0' };

/** Decodes numeric and a few named character references, as a browser would in a URL attribute. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[a-zA-Z]+);?/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

// Controls and invisible characters: a browser drops some of them before
// reading a URL's scheme ("java\tscript:"), so none may stay in a link.
const URL_INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;

/**
 * The URL a link may point to, or undefined when it is not safe: only
 * http, https, mailto and relative URLs pass. Returns the cleaned URL (the
 * exact string to put, escaped, in the attribute).
 */
export function safeUrl(raw: string): string | undefined {
  const url = decodeEntities(raw).replace(URL_INVISIBLE, '').trim().replace(/\s/g, '%20');
  if (url === '') return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (scheme) return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase()) ? url : undefined;
  // No scheme: relative, but not protocol-relative ("//host", "\\host").
  return /^[\\/]{2}/.test(url) ? undefined : url;
}
