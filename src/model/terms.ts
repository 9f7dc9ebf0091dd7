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

/** How clerks shorten a money unit ("tr.đ", "trđ", "tỷ", "VNĐ"), written without spaces and dots, and the unit each is. */
const MONEY_SHORT = new Map<string, MoneyUnit>([
  ...['đ', 'vnđ', 'vnd'].map((w) => [w, 'đồng'] as const),
  ...['nghìn', 'ngàn', 'nghìnđ', 'ngànđ', 'ngđ', 'nghìnđồng', 'ngànđồng'].map((w) => [w, 'nghìn đồng'] as const),
  ...['tr', 'trđ', 'trđồng', 'triệu', 'triệuđ', 'triệuđồng'].map((w) => [w, 'triệu đồng'] as const),
  ...['tỷ', 'tỉ', 'tỷđ', 'tỉđ', 'tỷđồng', 'tỉđồng'].map((w) => [w, 'tỷ đồng'] as const),
]);

/** The money unit a shortened figure unit stands for ("tr.đ": triệu đồng), if it is one. */
export function moneyUnitMeant(written: string): MoneyUnit | undefined {
  return MONEY_SHORT.get(written.normalize('NFC').toLocaleLowerCase('vi').replace(/[\s.]/gu, ''));
}

/** The `locale:` of a config's text (quotes and a comment allowed), read without a YAML parser; vi, the default, otherwise. */
export function configLocale(text: string): Locale {
  const match = /^["']?locale["']?[ \t]*:[ \t]*["']?([A-Za-z]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
  const value = match?.[1];
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'vi';
}
