#!/usr/bin/env node
// Writes the hostile fixtures that are bytes rather than text an editor
// keeps as typed: legacy encodings, UTF-16, binary headers, BOMs, CRLF.
// Run from anywhere: `node test/hostile/make-fixtures.mjs`. The output is
// committed; this script says how each file was made.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const write = (file, bytes) => {
  const target = path.join(here, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, bytes);
};
const utf8 = (text) => Buffer.from(text, 'utf8');
const concat = (...parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? utf8(p) : Buffer.from(p))));

const RECORD = `---
title: Hội nghị thường kỳ tháng 10
date: 2020-10-26
chair: Hoàng Văn Hiệp
location: Hội trường UBND huyện
---
Nội dung biên bản.
`;

// Windows-1258 keeps â ê ô ă ơ ư đ as single bytes and writes tones as
// combining marks; the table comes from decoding every byte.
function windows1258(text) {
  const decoder = new TextDecoder('windows-1258');
  const table = new Map();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
  }
  const tones = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
  const out = [];
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (table.has(ch)) out.push(table.get(ch));
    else {
      const parts = [...ch.normalize('NFD')];
      const tone = parts.filter((p) => tones.has(p));
      const base = parts.filter((p) => !tones.has(p)).join('').normalize('NFC');
      const baseByte = base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : table.get(base);
      if (baseByte === undefined || tone.some((t) => !table.has(t))) throw new Error(`no Windows-1258 byte for ${ch}`);
      out.push(baseByte, ...tone.map((t) => table.get(t)));
    }
  }
  return Buffer.from(out);
}

// TCVN3 (ABC): precomposed Vietnamese letters in 0xA1–0xFE, lower case only here.
const TCVN3 = {
  'ă': 0xa8, 'â': 0xa9, 'ê': 0xaa, 'ô': 0xab, 'ơ': 0xac, 'ư': 0xad, 'đ': 0xae,
  'à': 0xb5, 'ả': 0xb6, 'ã': 0xb7, 'á': 0xb8, 'ạ': 0xb9, 'ộ': 0xe9, 'ị': 0xde, 'ờ': 0xea, 'ỳ': 0xfa, 'ệ': 0xd6, 'ọ': 0xe4, 'ố': 0xe8, 'ồ': 0xe5,
};
function tcvn3(text) {
  return Buffer.from(
    [...text.normalize('NFC')].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return code;
      const byte = TCVN3[ch];
      if (byte === undefined) throw new Error(`no TCVN3 byte for ${ch}`);
      return byte;
    }),
  );
}

// --- binary files -----------------------------------------------------------
write(
  'encoding/png-header.md',
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89]),
);
write('encoding/nul-in-title.md', concat('---\ntitle: Hội', [0x00], 'nghị\ndate: 2020-10-26\nchair: Hoàng Văn Hiệp\n---\n'));

// --- UTF-16, as Notepad's "Unicode" saves it ----------------------------------
const utf16le = Buffer.from(`\ufeff${RECORD}`, 'utf16le');
write('encoding/utf16le-bom.md', utf16le);
write('encoding/utf16be-bom.md', Buffer.from(utf16le).swap16());
write('encoding/utf16le-no-bom.md', Buffer.from(RECORD, 'utf16le'));

// --- legacy Vietnamese encodings ------------------------------------------------
write('encoding/windows-1258.md', windows1258(RECORD));
// Lines 1–4 in UTF-8; line 5 pasted from a Windows-1258 document after UTF-8 text.
write(
  'encoding/windows-1258-pasted-on-line-5.md',
  concat('---\ntitle: Hội nghị thường kỳ tháng 10\ndate: 2020-10-26\nchair: Hoàng Văn Hiệp\nlocation: Phòng họp ', windows1258('Hội trường'), '\n---\n'),
);
write('encoding/tcvn3.md', tcvn3('---\ntitle: Hội nghị thường kỳ\ndate: 2020-10-26\nchair: Hoàng Văn Hiệp\n---\nNội dung.\n'));
write('encoding/latin1.md', concat('---\ntitle: Hội nghị\ndate: 2020-10-26\nchair: Hoàng Văn Hiệp\nlocation: Caf', [0xe9], ' Thu Hà\n---\n'));

// --- invalid UTF-8 that a simple lead-byte scan takes for valid ----------------
// ED A0 80 is a UTF-16 surrogate encoded as UTF-8 (CESU-8), E0 80 AF an
// overlong "/", F4 90 80 80 a code point above U+10FFFF.
write('encoding/utf8-encoded-surrogate.md', concat('---\ntitle: Hội nghị\nchair: X', [0xed, 0xa0, 0x80], 'Y\ndate: 2020-10-26\n---\n'));
write('encoding/utf8-overlong.md', concat('---\ntitle: Hội nghị\ndate: 2020-10-26\nlocation: Hội trường', [0xe0, 0x80, 0xaf], '\nchair: X\n---\n'));
write('encoding/utf8-above-max.md', concat('---\ntitle: Hội nghị\ndate: 2020-10-26\nchair: X\n---\nNội dung ', [0xf4, 0x90, 0x80, 0x80], '\n'));
write('encoding/utf8-truncated-at-end.md', concat('---\ntitle: Hội nghị\ndate: 2020-10-26\nchair: X\n---\nNội dung N', [0xe1, 0xbb]));

// --- BOM and CRLF: accepted, and every position still right ---------------------
const crlf = (text) => text.replace(/\n/g, '\r\n');
write('encoding/bom-crlf-valid.md', concat('\ufeff', crlf(RECORD)));
write('encoding/crlf-error-on-line-4.md', concat(crlf('---\ntitle: Hội nghị thường kỳ\ndate: 2020-10-26\nlocaton: Hội trường\nchair: Hoàng Văn Hiệp\n---\nNội dung.\n')));
write('encoding/bom-crlf-error-column.md', concat('\ufeff', crlf('---\ntitle: Hội nghị thường kỳ\ndate: 2020-10-26\nchair: Hoàng Văn Hiệp\ntime: 25:00\n---\nNội dung.\n')));
write('encoding/bom-js.md', concat('\ufeff', '---js\nrequire("fs").writeFileSync("PWNED-bom-js", "ran")\n---\n'));
write('encoding/crlf-js.md', concat(crlf('---js\nrequire("fs").writeFileSync("PWNED-crlf-js", "ran")\n---\n')));
write('encoding/crlf-close-trailing-space.md', concat(crlf('---\ntitle: Hội nghị\ndate: 2020-10-26\nchair: X\n--- \nNội dung.\n')));
write('encoding/bom-only.md', concat('\ufeff'));
