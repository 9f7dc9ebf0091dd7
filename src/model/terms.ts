// The fixed words of the record format (docs/format.md), apart from the
// schemas so that the command line can offer them without loading zod.

export const TASK_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export const MEETING_KINDS = ['regular', 'extraordinary', 'thematic'] as const;
export const LOCALES = ['vi', 'en'] as const;
export const AGGREGATES = ['sum', 'last'] as const;
/** v2: when a meeting was held, when its time is not known ("chiều 26/10"). */
export const SESSIONS = ['morning', 'afternoon', 'evening', 'all-day'] as const;
/** v2: "họp trực tuyến" is online. */
export const MODES = ['in-person', 'online', 'hybrid'] as const;
/** v2: "trên", "khoảng", "dưới" before a figure. */
export const QUALIFIERS = ['at-least', 'about', 'at-most'] as const;
/** v2: the units a figure may be written in when not its metric's own, and what each is in đồng. */
export const MONEY_UNITS = { đồng: 0, 'nghìn đồng': 3, 'triệu đồng': 6, 'tỷ đồng': 9 } as const;
export const APPROVAL_STATUSES = ['draft', 'approved'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type Locale = (typeof LOCALES)[number];
export type Session = (typeof SESSIONS)[number];
export type MeetingMode = (typeof MODES)[number];
export type Qualifier = (typeof QUALIFIERS)[number];
export type MoneyUnit = keyof typeof MONEY_UNITS;

/** How clerks shorten the size of a money unit ("tr" of "tr.đ", "tỷ", "ty" typed without accents; none: đồng), and the unit each is. */
const MONEY_SHORT = new Map<string, MoneyUnit>([
  ['', 'đồng'],
  ...['k', 'nghìn', 'ngàn', 'ng', 'nghin', 'ngan'].map((w) => [w, 'nghìn đồng'] as const),
  ...['tr', 'triệu', 'trieu'].map((w) => [w, 'triệu đồng'] as const),
  ...['tỷ', 'tỉ', 'ty', 'ti'].map((w) => [w, 'tỷ đồng'] as const),
]);

/** The money unit a shortened figure unit stands for ("tr.đ", "tỷ VNĐ", "trieu dong": triệu đồng), if it is one. */
export function moneyUnitMeant(written: string): MoneyUnit | undefined {
  const squeezed = written.normalize('NFC').toLocaleLowerCase('vi').replace(/[\s.]/gu, '');
  // The currency after the size, in any of its spellings ("đ", "đồng", "dong", "vnđ", "vnd"), then the size alone.
  const size = squeezed.replace(/(?:vnđ|vnd|đồng|dong|đ)$/u, '');
  return squeezed === '' ? undefined : MONEY_SHORT.get(size);
}

/** The `locale:` of a config's text (quotes and a comment allowed), read without a YAML parser; vi, the default, otherwise. */
export function configLocale(text: string): Locale {
  const match = /^["']?locale["']?[ \t]*:[ \t]*["']?([A-Za-z]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
  const value = match?.[1];
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'vi';
}
