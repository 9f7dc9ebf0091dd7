// The fixed words of the format (kinds, statuses) as people write them:
// "thường kỳ", "hoàn thành", "in progress", "completed". Read at prompts and
// on the command line, and suggested when a record holds one.
import { messages } from './messages/index.js';
import { LOCALES, MEETING_KINDS, TASK_STATUSES, type MeetingKind, type TaskStatus } from './terms.js';

const SYNONYMS: Record<MeetingKind | TaskStatus, string[]> = {
  regular: ['định kỳ', 'thường lệ', 'ordinary', 'routine'],
  extraordinary: ['đột xuất', 'khẩn', 'special', 'emergency'],
  thematic: ['topical'],
  open: ['chưa làm', 'chưa bắt đầu', 'mới giao', 'not started', 'pending', 'todo', 'to do'],
  'in-progress': ['in progress', 'inprogress', 'đang làm', 'đang triển khai', 'ongoing', 'started', 'doing'],
  done: ['đã hoàn thành', 'xong', 'đã xong', 'completed', 'complete', 'finished'],
  dropped: ['không thực hiện', 'hủy', 'đã hủy', 'bỏ', 'dừng', 'cancelled', 'canceled', 'abandoned'],
};

/** Lower case, no accents (đ → d), one space between words: "Hoàn  thành" → "hoan thanh". */
export function plainWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

function table<T extends string>(ids: readonly T[], labels: (locale: (typeof LOCALES)[number]) => Record<T, string>): Map<string, T> {
  const words = new Map<string, T>();
  for (const id of ids) {
    words.set(plainWords(id), id);
    for (const locale of LOCALES) words.set(plainWords(labels(locale)[id]), id);
    for (const synonym of SYNONYMS[id as MeetingKind | TaskStatus]) words.set(plainWords(synonym), id);
  }
  return words;
}

let kinds: Map<string, MeetingKind> | undefined;
let statuses: Map<string, TaskStatus> | undefined;

/** The kind a word names ("thường kỳ", "Regular", "dinh ky"), or undefined. */
export function kindFromWords(text: string): MeetingKind | undefined {
  kinds ??= table(MEETING_KINDS, (l) => messages(l).labels.kind);
  return kinds.get(plainWords(text));
}

/** The status a word names ("hoàn thành", "in progress", "completed"), or undefined. */
export function statusFromWords(text: string): TaskStatus | undefined {
  statuses ??= table(TASK_STATUSES, (l) => messages(l).labels.status);
  return statuses.get(plainWords(text));
}
