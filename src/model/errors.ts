// Exit codes of every command (docs/format.md): 0 success, 1 the records have
// errors, 2 usage or environment errors, 70 a bug in meet (sysexits'
// EX_SOFTWARE). Commands throw these; only main() turns them into an exit code.
import { CONFIG_FILE } from './layout.js';
import type { Finding } from './ruleCatalogue.js';

export const EXIT_OK = 0;
export const EXIT_RECORDS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

export class MeetError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    /** A hint printed on its own line after the message. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'MeetError';
  }
}

/** Bad flag, missing value, no config, unreadable file, git missing. */
export class UsageError extends MeetError {
  constructor(message: string, hint?: string) {
    super(message, EXIT_USAGE, hint);
    this.name = 'UsageError';
  }
}

/** The records (or what the user asked of them) are wrong. */
export class RecordsError extends MeetError {
  constructor(message: string, hint?: string) {
    super(message, EXIT_RECORDS, hint);
    this.name = 'RecordsError';
  }
}

/** meet.config.yaml has errors: nothing else can be read meaningfully. */
export class ConfigInvalid extends RecordsError {
  constructor(readonly findings: Finding[]) {
    super(`${CONFIG_FILE} has ${findings.length === 1 ? 'an error' : `${findings.length} errors`}; fix it first.`);
    this.name = 'ConfigInvalid';
  }
}
