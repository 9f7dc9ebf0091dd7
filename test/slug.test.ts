// File-name slugs from titles (FORMAT.md): lower-case ASCII, "-" between
// words, Vietnamese diacritics removed, đ → d, at most 60 characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify } from '../src/domain/slug.js';

const SLUG = /^[a-z0-9-]{1,60}$/;

describe('slugify', () => {
  it.each([
    ['Hội nghị thường kỳ tháng 10', 'hoi-nghi-thuong-ky-thang-10'],
    ['Đường Đông', 'duong-dong'],
    ['đường đông', 'duong-dong'],
    ['HỘI NGHỊ CHUYÊN ĐỀ', 'hoi-nghi-chuyen-de'],
    ['Ưu tiên ở Ơn', 'uu-tien-o-on'],
    ['Hội nghị chuyên đề công tác phòng, chống thiên tai', 'hoi-nghi-chuyen-de-cong-tac-phong-chong-thien-tai'],
    ['  Council — regular meeting (October)  ', 'council-regular-meeting-october'],
    ['Kỳ họp thứ 11, HĐND khóa XX', 'ky-hop-thu-11-hdnd-khoa-xx'],
    // Letters NFD keeps whole are spelt out; an apostrophe joins its word.
    ["St Mary's & All Saints' AGM", 'st-marys-all-saints-agm'],
    ['Œuvre, Straße, Ørsted, Æsir, Łódź', 'oeuvre-strasse-orsted-aesir-lodz'],
  ])('%j → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('NFC and NFD input give the same slug', () => {
    const title = 'Hội nghị thường kỳ tháng 10 – Đường Đông';
    expect(title.normalize('NFD')).not.toBe(title.normalize('NFC'));
    expect(slugify(title.normalize('NFD'))).toBe(slugify(title.normalize('NFC')));
    expect(slugify(title.normalize('NFD'))).toBe('hoi-nghi-thuong-ky-thang-10-duong-dong');
  });

  it('a title with no letters or digits falls back', () => {
    expect(slugify('— ! —')).toBe('meeting');
    expect(slugify('', 'hop')).toBe('hop');
    expect(slugify('会议')).toBe('meeting');
  });

  it('cuts a long title at a word boundary, at most 60 characters, no trailing "-"', () => {
    // The 60th character falls inside "trien": the cut goes back to "phat".
    const slug = slugify('Về hội nghị trực tuyến toàn quốc triển khai nhiệm vụ phát triển kinh tế xã hội năm 2021');
    expect(MAX_SLUG_LENGTH).toBe(60);
    expect(slug).toBe('ve-hoi-nghi-truc-tuyen-toan-quoc-trien-khai-nhiem-vu-phat');
  });

  it('keeps the last word when the 60th character ends it', () => {
    const slug = slugify('Hội nghị trực tuyến toàn quốc triển khai nhiệm vụ phát triển kinh tế xã hội năm 2021');
    expect(slug).toBe('hoi-nghi-truc-tuyen-toan-quoc-trien-khai-nhiem-vu-phat-trien');
  });

  it('one very long word is cut at 60 characters', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(60));
  });

  it('always a valid slug: [a-z0-9-]{1,60}, no leading, trailing or double "-"', () => {
    const titles = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.array(fc.constantFrom('Hội', 'nghị', 'Đ', 'ư', '—', ' ', '-', '10', 'ễ', '\u0301', 'x'), { maxLength: 40 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(titles, (title) => {
        const slug = slugify(title);
        expect(slug).toMatch(SLUG);
        expect(slug).not.toMatch(/^-|-$|--/);
        expect(slugify(title.normalize('NFD'))).toBe(slugify(title.normalize('NFC')));
      }),
      { numRuns: 500 },
    );
  });
});
