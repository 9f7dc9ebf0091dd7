// Generated words, dates and numbers in the repository's language. The
// formatters are model/format.ts's and the labels the catalogue's, so every
// output (and every message) writes them alike.
import type { IsoDate } from '../model/dates.js';
import { messages } from '../model/messages/index.js';
import type { Locale, MeetingKind, TaskStatus } from '../model/terms.js';

export { formatDate, formatDay, formatMonth, formatNumber } from '../model/format.js';

export function defaultTitle(locale: Locale, kind: MeetingKind, date: IsoDate): string {
  const titles = messages(locale).record.title;
  return kind === 'extraordinary' ? titles.extraordinary(date) : titles[kind](date.slice(0, 7));
}

export const KIND_LABELS: Record<Locale, Record<MeetingKind, string>> = {
  vi: messages('vi').labels.kind,
  en: messages('en').labels.kind,
};

export const STATUS_LABELS: Record<Locale, Record<TaskStatus, string>> = {
  vi: messages('vi').labels.status,
  en: messages('en').labels.status,
};
