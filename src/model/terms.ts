// The fixed words of the record format (docs/format.md), apart from the
// schemas so that the command line can offer them without loading zod.

export const TASK_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export const MEETING_KINDS = ['regular', 'extraordinary', 'thematic'] as const;
export const LOCALES = ['vi', 'en'] as const;
export const AGGREGATES = ['sum', 'last'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type Locale = (typeof LOCALES)[number];

/** The `locale:` of a config's text (quotes and a comment allowed), read without a YAML parser; vi, the default, otherwise. */
export function configLocale(text: string): Locale {
  const match = /^["']?locale["']?[ \t]*:[ \t]*["']?([A-Za-z]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
  const value = match?.[1];
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'vi';
}
