// An output's text pieces encoded one after the other into shared slabs
// (io/writeBehind.ts, utf8Pieces): each piece's bytes must be exactly
// Buffer.from's, and stay so while later pieces are encoded, since a stream
// may write a piece's bytes only later.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Pieces } from '../src/io/writeBehind.js';

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
        numbered.forEach((text, i) => expect(Buffer.from(views[i]!).equals(Buffer.from(text, 'utf8'))).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it('encodes a report-sized run of pieces into a few shared slabs, not a buffer each', () => {
    const encode = utf8Pieces();
    const views = Array.from({ length: 200 }, (_, i) => encode(`<tr><td>${i}</td><td>Sửa cầu Bến Đá</td></tr>\n`.repeat(40)));
    const slabs = new Set(views.map((view) => view.buffer));
    expect(slabs.size).toBeLessThan(views.length / 4);
    expect(Buffer.concat(views).toString('utf8')).toBe(views.map((_, i) => `<tr><td>${i}</td><td>Sửa cầu Bến Đá</td></tr>\n`.repeat(40)).join(''));
  });
});
