// The fixed words of the record format (docs/format.md), apart from the
// schemas so that the command line can offer them without loading zod.

export const TASK_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export const MEETING_KINDS = ['regular', 'extraordinary', 'thematic'] as const;
export const LOCALES = ['vi', 'en'] as const;
export const AGGREGATES = ['sum', 'last'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type Locale = (typeof LOCALES)[number];
