// Exit codes of every command (docs/format.md): 0 success, 1 the records have
// errors, 2 usage or environment errors, 70 a bug in meet (sysexits'
// EX_SOFTWARE), 130 stopped with Ctrl-C. Commands throw these; only main() turns them into an exit code.
import { CONFIG_FILE } from './layout.js';
import type { Messages } from './messages/index.js';
import type { Finding } from './ruleCatalogue.js';

export const EXIT_OK = 0;
export const EXIT_RECORDS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;
/** Stopped with Ctrl-C: 128 + SIGINT, as a shell reports a process the signal ended. */
const EXIT_INTERRUPTED = 130;

/**
 * What an error says: a phrase of the catalogue, put in the user's language
 * by main() (which knows it), or plain text.
 */
export type Said = string | ((m: Messages) => string);

/** A phrase in the catalogue's language. */
export function say(text: Said, m: Messages): string {
  return typeof text === 'string' ? text : text(m);
}

export class MeetError extends Error {
  constructor(
    readonly said: Said,
    readonly exitCode: number,
    /** A hint printed on its own line after the message. */
    readonly hint?: Said,
  ) {
    super(typeof said === 'string' ? said : '');
    this.name = 'MeetError';
  }

  /** The message and the hint in the catalogue's language. */
  render(m: Messages): { message: string; hint?: string } {
    return { message: say(this.said, m), ...(this.hint === undefined ? {} : { hint: say(this.hint, m) }) };
  }
}

/** Bad flag, missing value, no config, unreadable file, git missing. */
export class UsageError extends MeetError {
  constructor(message: Said, hint?: Said) {
    super(message, EXIT_USAGE, hint);
    this.name = 'UsageError';
  }
}

/** Ctrl-C at a question: nothing written, said as such, and the exit code of any Ctrl-C. */
export class Interrupted extends MeetError {
  constructor(message: Said) {
    super(message, EXIT_INTERRUPTED);
    this.name = 'Interrupted';
  }
}

/** The records (or what the user asked of them) are wrong. */
export class RecordsError extends MeetError {
  constructor(message: Said, hint?: Said) {
    super(message, EXIT_RECORDS, hint);
    this.name = 'RecordsError';
  }
}

/** meet.config.yaml has errors: nothing else can be read meaningfully. */
export class ConfigInvalid extends RecordsError {
  constructor(readonly findings: Finding[]) {
    super((m) => m.errors.configInvalid(CONFIG_FILE, findings.length));
    this.name = 'ConfigInvalid';
  }
}
