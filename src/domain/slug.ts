// File-name slugs from titles: lower-case ASCII words joined by "-", at most
// 60 characters. NFD splits "ộ" into "o" + marks, but not "đ"/"Đ", which are
// letters of their own, so they are mapped by hand.

export const MAX_SLUG_LENGTH = 60;

/** Letters NFD does not split into a base letter and marks either ("Œuvre", "Straße", "Ørsted" lost them). */
const LETTERS: Readonly<Record<string, string>> = {
  đ: 'd', ð: 'd', ø: 'o', œ: 'oe', æ: 'ae', ß: 'ss', ł: 'l', þ: 'th', ı: 'i', ŋ: 'n', ħ: 'h',
}; // prettier-ignore
const SPELT_OUT = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

export function slugify(title: string, fallback = 'meeting'): string {
  const ascii = title
    .normalize('NFC')
    .toLowerCase()
    .replace(SPELT_OUT, (c) => LETTERS[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // "St Mary's", "Women's Union": an apostrophe joins, it does not separate words.
    .replace(/(\w)['’](\w)/g, '$1$2');
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    const endsWord = slug[MAX_SLUG_LENGTH] === '-';
    slug = slug.slice(0, MAX_SLUG_LENGTH);
    // Cut at a word boundary when one is near, never leave a trailing "-".
    const lastDash = slug.lastIndexOf('-');
    if (!endsWord && lastDash > MAX_SLUG_LENGTH / 2) slug = slug.slice(0, lastDash);
    slug = slug.replace(/-+$/, '');
  }
  return slug || fallback;
}
