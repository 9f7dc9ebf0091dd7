// The fixed words of the format (kinds, statuses) as people write them:
// "thường kỳ", "hoàn thành", "in progress", "completed". Read at prompts and
// on the command line, and suggested when a record holds one.
import { MEETING_KINDS, TASK_STATUSES, type MeetingKind, type TaskStatus } from './terms.js';

// The catalogues' labels (labels.kind, labels.status: test/messages.test.ts
// checks each is here), then other ways to say the same. Written out rather
// than read from the catalogues, so the command line loads one catalogue only.
const WORDS: Record<MeetingKind | TaskStatus, string[]> = {
  regular: ['thường kỳ', 'định kỳ', 'thường lệ', 'ordinary', 'routine'],
  extraordinary: ['bất thường', 'đột xuất', 'khẩn', 'special', 'emergency'],
  thematic: ['chuyên đề', 'topical'],
  open: ['chưa thực hiện', 'chưa làm', 'chưa bắt đầu', 'mới giao', 'not started', 'pending', 'todo', 'to do'],
  'in-progress': ['đang thực hiện', 'in progress', 'inprogress', 'đang làm', 'đang triển khai', 'ongoing', 'started', 'doing'],
  done: ['hoàn thành', 'đã hoàn thành', 'xong', 'đã xong', 'completed', 'complete', 'finished'],
  dropped: ['dừng thực hiện', 'không thực hiện', 'hủy', 'đã hủy', 'bỏ', 'dừng', 'cancelled', 'canceled', 'abandoned'],
};

/** Without its accents, đ as d: "Quý 4" → "Quy 4". */
export function withoutAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));
}

/** Lower case, no accents (đ → d), one space between words: "Hoàn  thành" → "hoan thanh". */
export function plainWords(text: string): string {
  return withoutAccents(text)
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** Each id, and each way of writing it in `words`, by its plain words. */
function table<T extends string>(ids: readonly T[], words: Readonly<Record<T, readonly string[]>>): Map<string, T> {
  const byWord = new Map<string, T>();
  for (const id of ids) {
    byWord.set(plainWords(id), id);
    for (const word of words[id]) byWord.set(plainWords(word), id);
  }
  return byWord;
}

let kinds: Map<string, MeetingKind> | undefined;
let statuses: Map<string, TaskStatus> | undefined;

/** The kind a word names ("thường kỳ", "Regular", "dinh ky"), or undefined. */
export function kindFromWords(text: string): MeetingKind | undefined {
  kinds ??= table(MEETING_KINDS, WORDS);
  return kinds.get(plainWords(text));
}

/** The status a word names ("hoàn thành", "in progress", "completed"), or undefined. */
export function statusFromWords(text: string): TaskStatus | undefined {
  statuses ??= table(TASK_STATUSES, WORDS);
  return statuses.get(plainWords(text));
}

// A meeting's mode and session and the minutes' approval status as people write them (FORMAT.md: "họp
// trực tuyến" is `online`, "chiều 26/10" a session), suggested when a record holds one.
const MORE_WORDS = {
  mode: {
    'in-person': ['trực tiếp', 'tập trung', 'họp trực tiếp', 'in person', 'onsite', 'on site', 'physical', 'offline', 'face to face', 'face-to-face'],
    online: ['trực tuyến', 'họp trực tuyến', 'online', 'video', 'virtual', 'remote'],
    hybrid: ['kết hợp', 'trực tiếp kết hợp trực tuyến', 'trực tiếp và trực tuyến', 'hybrid', 'blended'],
  },
  session: {
    morning: ['sáng', 'buổi sáng', 'am'],
    afternoon: ['chiều', 'buổi chiều', 'pm'],
    evening: ['tối', 'buổi tối', 'night'],
    'all-day': ['cả ngày', 'trọn ngày', 'cả buổi', 'all day', 'full day', 'whole day'],
  },
  approval: {
    draft: ['dự thảo', 'nháp', 'chưa thông qua', 'chưa duyệt', 'bản nháp'],
    approved: ['đã thông qua', 'thông qua', 'đã duyệt', 'chính thức', 'bản chính thức', 'final'],
  },
  // FORMAT.md's own words for a figure's qualifier.
  qualifier: {
    'at-least': ['trên', 'hơn', 'ít nhất', 'tối thiểu', 'at least', 'over', 'more than', 'minimum'],
    about: ['khoảng', 'gần', 'xấp xỉ', 'chừng', 'approximately', 'approx', 'around', 'circa', 'nearly'],
    'at-most': ['dưới', 'tối đa', 'không quá', 'at most', 'under', 'less than', 'maximum', 'up to'],
  },
} as const;

const moreTables = new Map<keyof typeof MORE_WORDS, Map<string, string>>();

/** The value of a meeting's `mode` or `session`, of `approval.status` or of a figure's `qualifier`, a word names ("trực tuyến", "chiều", "đã thông qua", "trên"), or undefined. */
export function termFromWords(what: keyof typeof MORE_WORDS, text: string): string | undefined {
  let words = moreTables.get(what);
  if (!words) moreTables.set(what, (words = table(Object.keys(MORE_WORDS[what]), MORE_WORDS[what] as Readonly<Record<string, readonly string[]>>)));
  return words.get(plainWords(text));
}
