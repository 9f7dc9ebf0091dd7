// An output's text pieces encoded one after the other into shared slabs
// (io/writeBehind.ts, utf8Pieces): each piece's bytes, in the views it is
// given (one, or more where it runs on into the next slab), must be exactly
// Buffer.from's, and stay so while later pieces are encoded, since a stream
// may write a piece's bytes only later.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapedInJson, utf8Chunks, utf8Pieces } from '../src/io/writeBehind.js';
import { escapeInJson, JsonPiece } from '../src/model/text.js';

const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', 'Hội nghị giao ban tháng 10', '\ud800', '\udc00x', '\ud83d\ude00', '€'.repeat(11_000), 'a'.repeat(25_000)),
  // Long enough that a slab fills after a few of them.
  fc.integer({ min: 2_000, max: 9_000 }).map((n) => 'Hoàn thành báo cáo '.repeat(n).slice(0, n)),
);

describe('utf8Pieces', () => {
  it("gives each piece Buffer.from's bytes, and keeps them while later pieces are encoded", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40, size: 'max' }), (texts) => {
        const encode = utf8Pieces();
        // Each piece told apart from the others: a slab written over by a like piece would look untouched.
        const numbered = texts.map((text, i) => `${i}${text}`);
        const views = numbered.map((text) => encode(text));
        numbered.forEach((text, i) => expect(Buffer.concat(views[i]!).equals(Buffer.from(text, 'utf8'))).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it('encodes a report-sized run of pieces into a few shared slabs, not a buffer each', () => {
    const encode = utf8Pieces();
    const texts = Array.from({ length: 200 }, (_, i) => `<tr><td>${i}</td><td>Sửa cầu Bến Đá</td></tr>\n`.repeat(40));
    const views = texts.flatMap((text) => encode(text));
    const slabs = new Set(views.map((view) => view.buffer));
    expect(slabs.size).toBeLessThan(texts.length / 4);
    expect(Buffer.concat(views).toString('utf8')).toBe(texts.join(''));
  });

  it('puts a piece longer than a slab into slabs too, every view full but the last', () => {
    const encode = utf8Pieces();
    // A run of task rows as report JSON writes them: 90,000 characters, most of them two bytes of UTF-8.
    const text = '{ "title": "Hoàn thành báo cáo tổng kết công tác năm", "owners": [ "ubnd-xa" ] },\n'.repeat(1_100);
    const views = encode(text);
    expect(Buffer.concat(views).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(views.length).toBeGreaterThan(1);
    expect(new Set(views.map((view) => view.buffer)).size).toBe(views.length);
    // Each slab is filled to within a character of its end before the next is begun.
    for (const view of views.slice(0, -1)) expect(view.byteOffset + view.byteLength).toBeGreaterThan(view.buffer.byteLength - 4);
  });
});

describe('utf8Chunks', () => {
  it('finds in the bytes exactly the characters escapeInJson escapes, every one of them', () => {
    const missed: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      // Lone surrogates never reach it: JSON.stringify writes them as \u escapes.
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCodePoint(code);
      const bytes = Buffer.from(`a${ch}b`, 'utf8');
      if (escapedInJson(bytes) !== (escapeInJson(ch) !== ch)) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  // Texts as report JSON holds them, and the characters escaped, where a slab may end.
  const jsonish = fc.oneof(
    fc.constantFrom(
      '"title": "Hoàn thành báo cáo",\n      ',
      '\u202e',
      '\u200f',
      '\u0085',
      '\u007f',
      '\u061c',
      '\u2066',
      '\u2028',
      '–',
      '“x”',
      '\u00a0',
      '\u2060',
    ),
    fc.string({ unit: 'binary', maxLength: 30 }).map((text) => JSON.stringify(text)),
  );
  const piece = fc.array(jsonish, { maxLength: 400 }).map((parts) => parts.join(''));

  it('gives JSON still to be escaped the bytes of its escaped text, across slabs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), piece), { maxLength: 30 }), (chunks) => {
        const encode = utf8Chunks();
        const given = chunks.map(([json, text]) => (json ? new JsonPiece(text) : text));
        const bytes = given.map((chunk) => Buffer.concat(encode(chunk)));
        given.forEach((chunk, i) => expect(bytes[i]!.equals(Buffer.from(String(chunk), 'utf8'))).toBe(true));
      }),
      { numRuns: 200 },
    );
  });

  it('passes bytes through as they are', () => {
    const bytes = Buffer.from('\u202e', 'utf8');
    expect(utf8Chunks()(bytes)).toEqual([bytes]);
  });
});
