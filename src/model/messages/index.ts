// The message catalogue: one object per locale, the same keys in each (the
// type says so; test/messages.test.ts checks it again at run time). Findings,
// errors, help, prompts and summaries all take their text from here.
import type { Locale } from '../terms.js';
import { en, type Messages } from './en.js';
import { vi } from './vi.js';

export type { Messages };
export type { CommandLineMessages } from './en.cli.js';

const CATALOGUES: Record<Locale, Messages> = { vi, en };

export function messages(locale: Locale): Messages {
  return CATALOGUES[locale];
}
