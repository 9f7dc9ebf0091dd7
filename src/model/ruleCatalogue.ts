// A finding is data: a stable rule id, a location kept apart from the
// message, and a message a clerk can act on. Never branch on message text.

type Severity = 'error' | 'warning';

export interface Finding {
  /** Path of the file, relative to the repository root, with `/`. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: RuleId;
  message: string;
  /**
   * A "did you mean" still to be added to the message: the id the record
   * names, and the config's ids it may be a typo of. Set by the rules run per
   * record (on parser threads, kept in the cache); the loader adds the
   * suggestion once per run, within a budget (checkRules.ts, addSuggestions).
   */
  suggest?: { word: string; among: 'sectors' | 'owners' | 'metrics' };
  /** On a too-many-findings: how many findings of each severity it stands for. */
  more?: { errors: number; warnings: number };
}

export interface RuleInfo {
  severity: Severity;
  summary: string;
  help: string;
}

/** A file lists this many findings at most (too-many-findings says how many more it has). */
export const MAX_FINDINGS_PER_FILE = 200;

/** Every rule `meet check` knows. Ids never change once published. */
export const RULES = {
  'file-unreadable': {
    severity: 'error',
    summary: 'The file cannot be read',
    help: 'Check the file exists and is readable; a folder whose name ends in .md is not a record.',
  },
  'file-encoding': {
    severity: 'error',
    summary: 'The file is not UTF-8 text',
    help: 'Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8). Text saved in a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258) must be converted.',
  },
  'file-outside-root': {
    severity: 'error',
    summary: 'A symbolic link leads outside the repository',
    help: 'Records must live inside the repository; replace the link with the file itself.',
  },
  'front-matter-missing': {
    severity: 'error',
    summary: 'The record has no front matter',
    help: 'A record starts with a line "---", the YAML front matter, and another line "---".',
  },
  'front-matter-unclosed': {
    severity: 'error',
    summary: 'The front matter is never closed',
    help: 'Add a line of exactly "---" after the last front-matter key.',
  },
  'front-matter-language': {
    severity: 'error',
    summary: 'The front matter is not YAML',
    help: 'Only YAML front matter is read; start the record with a line of exactly "---".',
  },
  'front-matter-not-mapping': {
    severity: 'error',
    summary: 'The front matter is not a set of keys',
    help: 'The front matter must be YAML keys and values, like "title: ..." on its own line.',
  },
  'yaml-syntax': {
    severity: 'error',
    summary: 'The YAML cannot be read',
    help: 'Fix the YAML at the line shown: indent with spaces (never tabs), put a space after ":", close every quote.',
  },
  'yaml-duplicate-key': {
    severity: 'error',
    summary: 'A key is written twice',
    help: 'Keep one of the two keys; YAML does not allow the same key twice in one mapping.',
  },
  'yaml-tag': {
    severity: 'error',
    summary: 'A YAML tag is not allowed',
    help: 'Remove the "!" tag; records use plain YAML values only.',
  },
  'yaml-alias': {
    severity: 'error',
    summary: 'Too many or unresolvable YAML aliases',
    help: 'Write the values out instead of using "&anchor" and "*alias".',
  },
  'forbidden-key': {
    severity: 'error',
    summary: 'A key that could change how the program behaves',
    help: 'Rename the key; "__proto__", "constructor" and "prototype" are not allowed.',
  },
  'unknown-key': {
    severity: 'error',
    summary: 'A key the format does not know',
    help: 'Check the spelling against the record format; free-form data goes under "extra".',
  },
  'required-key': {
    severity: 'error',
    summary: 'A required key is missing or empty',
    help: 'Add the key with a value.',
  },
  'invalid-type': {
    severity: 'error',
    summary: 'A value has the wrong shape',
    help: 'Check whether a single value, a list ("- item") or a set of keys is expected.',
  },
  'invalid-value': {
    severity: 'error',
    summary: 'A value is not allowed',
    help: 'Use one of the values the record format lists.',
  },
  'invalid-date': {
    severity: 'error',
    summary: 'A date is not a real calendar day in YYYY-MM-DD form',
    help: 'Write dates as YYYY-MM-DD, like 2020-10-26.',
  },
  'file-not-read': {
    severity: 'warning',
    summary: 'A text file in the meetings folder looks like a record but is not read',
    help: 'meet reads only files whose name ends in .md: if the file is a record (saved as .txt or .md.txt by Notepad, or .markdown), rename it to end in .md.',
  },
  'file-name': {
    severity: 'error',
    summary: 'The file name does not agree with the record',
    help: 'Name the file YYYY-MM-DD-<slug>.md with the date of the meeting.',
  },
  'file-slug': {
    severity: 'warning',
    summary: 'The file name after its date is not lower-case letters, digits and "-"',
    help: 'Name the file YYYY-MM-DD-<slug>.md, the slug in lower-case letters without accents, digits and "-", as meet new does.',
  },
  'file-folder': {
    severity: 'warning',
    summary: 'The record is not in its year folder',
    help: 'Records are filed under <meetings>/<YYYY>/ by the year of their date.',
  },
  'unknown-sector': {
    severity: 'error',
    summary: 'A sector id is not declared in meet.config.yaml',
    help: 'Use a sector id from meet.config.yaml, or declare the sector there.',
  },
  'unknown-owner': {
    severity: 'error',
    summary: 'An owner id is not declared in meet.config.yaml',
    help: 'Use an owner id from meet.config.yaml, or declare the owner there.',
  },
  'unknown-metric': {
    severity: 'error',
    summary: 'A metric id is not declared in meet.config.yaml',
    help: 'Use a metric id from meet.config.yaml, or declare the metric there.',
  },
  'metric-sector': {
    severity: 'warning',
    summary: 'A metric is reported under another sector than its own',
    help: 'Move the figure to the result of the sector the metric belongs to.',
  },
  'duplicate-task-id': {
    severity: 'error',
    summary: 'A task id is used more than once in the repository',
    help: 'Give each task its own id; ids must be unique across every record.',
  },
  'update-unknown-task': {
    severity: 'error',
    summary: 'An update names a task that no record assigns',
    help: 'Check the task id against the tasks of earlier meetings ("meet tasks" lists them).',
  },
  'updates-unchecked': {
    severity: 'warning',
    summary: 'Updates wait on a record that cannot be read',
    help: 'Fix the record that cannot be read (its error is reported too); the updates of later records that name tasks no other record assigns are checked once it can be read.',
  },
  'update-not-earlier': {
    severity: 'error',
    summary: 'An update names a task that was not assigned at an earlier meeting',
    help: 'Updates report on tasks from meetings held strictly before this one.',
  },
  'due-before-date': {
    severity: 'error',
    summary: 'A task is due before the meeting that assigned it',
    help: 'Set "due" on or after the meeting date.',
  },
  'period-after-date': {
    severity: 'error',
    summary: "A one-month period is after the month of the meeting's date",
    help: 'A meeting reviews a month that has begun: set "period" to the month of "date" or an earlier one. A longer period (a year, 2019-01..2019-12) may end later.',
  },
  'period-not-begun': {
    severity: 'warning',
    summary: 'A longer period begins after the meeting',
    help: 'A meeting reviews a period that has begun: most likely the period\'s year is mistyped ("2021" for a meeting of November 2020). A period may end after the meeting, and may be read as written: the record still counts.',
  },
  'end-date-before-date': {
    severity: 'error',
    summary: 'A meeting ends before it starts',
    help: 'Set "end_date" to the last day of a meeting held over several days, on or after "date".',
  },
  'recurring-with-due': {
    severity: 'error',
    summary: 'A recurring task has a deadline',
    help: 'Standing work has no deadline: remove "due" or "recurring: true".',
  },
  'duplicate-owner': {
    severity: 'warning',
    summary: 'A task lists the same owner twice',
    help: 'List each owner once (the first leads); a second owner meant is named by its own id.',
  },
  'group-member': {
    severity: 'error',
    summary: 'A group of owners lists another group',
    help: 'A group\'s "members" are owner ids that are not groups themselves.',
  },
  'unknown-plan': {
    severity: 'error',
    summary: 'A plan id is not declared in meet.config.yaml',
    help: 'Use a plan id from "plans" in meet.config.yaml, or declare the plan there.',
  },
  'figure-unit': {
    severity: 'error',
    summary: "A figure's unit cannot be converted to its metric's unit",
    help: "A figure may be written in đồng, nghìn đồng, triệu đồng or tỷ đồng only when its metric's unit is one of them; otherwise write it in the metric's unit.",
  },
  'figure-thousands-dot': {
    severity: 'warning',
    summary: 'A figure is written like a number with a thousands dot: 15.000 is read as 15',
    help: 'Numbers are YAML decimals: write fifteen thousand as 15000, fifteen as 15.',
  },
  'figure-empty': {
    severity: 'error',
    summary: 'A figure gives neither "value" nor "ytd"',
    help: 'Give the figure for the period ("value"), the year-to-date total ("ytd"), or both.',
  },
  'vote-count': {
    severity: 'error',
    summary: 'A vote count is not a whole number, 0 or more',
    help: 'Write the number of votes for, against and abstaining as whole numbers, like "for: 25".',
  },
  'approval-before-date': {
    severity: 'error',
    summary: 'The minutes are approved, or their notice issued, before the meeting',
    help: 'The notice ("Thông báo kết luận") and the approval are dated on or after the meeting\'s date.',
  },
  'notice-number': {
    severity: 'warning',
    summary: "The notice's number is not written number/TB-code",
    help: 'Nghị định 30/2020/NĐ-CP numbers a Thông báo "125/TB-UBND": its number, "/TB-" and the issuer\'s code (documents.code). Write it whole, as the notice bears it.',
  },
  'approved-changed': {
    severity: 'error',
    summary: 'Approved minutes were changed without a new amendment',
    help: 'Approved minutes are final: add an "amendments" entry (date, by, reason) dated on or after the approval that says why, or undo the change.',
  },
  'approved-date-changed': {
    severity: 'error',
    summary: 'The date of approved minutes was changed',
    help: "The meeting's date in approved minutes never changes, amendment or not; undo the change.",
  },
  'approved-task-id-changed': {
    severity: 'error',
    summary: 'A task id in approved minutes was changed',
    help: 'Task ids in approved minutes never change: other records and the notice refer to them. Undo the change.',
  },
  'approved-item-removed': {
    severity: 'error',
    summary: 'A task, decision or update was removed from approved minutes',
    help: 'Nothing is taken out of approved minutes: record what changed since in a later meeting (a task no longer pursued: an update with status dropped).',
  },
  'approved-deleted': {
    severity: 'error',
    summary: 'Approved minutes were deleted',
    help: 'Approved minutes are final, and later records and the notice refer to them: restore the file (git checkout BASE -- FILE). A correction is an "amendments" entry in it; work no longer pursued, an update with status dropped at a later meeting.',
  },
  'config-invalid': {
    severity: 'error',
    summary: 'meet.config.yaml has an error',
    help: 'Fix meet.config.yaml as the message says.',
  },
  'too-many-findings': {
    severity: 'error',
    summary: 'A file has more findings than are shown',
    help: 'Only the first 200 findings of a file are listed; fix them and run meet check again to see the rest.',
  },
  'file-link': {
    severity: 'error',
    summary: 'A record or folder in the meetings folder is a symbolic link',
    help: 'Records are read only from real files and folders: replace the link with the file or folder itself (git mv it into the meetings folder), or point paths.meetings at the real folder.',
  },
  'metric-out-of-range': {
    severity: 'error',
    summary: 'A metric value is too large (or not finite) to count with, or has more digits than it keeps exactly',
    help: 'Write the figure itself: metric values lie between -10^15 and 10^15, with at most 15 significant digits.',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** How many errors and warnings `findings` stand for: a too-many-findings line for the ones it stands for, not as one. */
export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.more) {
      errors += f.more.errors;
      warnings += f.more.warnings;
    } else if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
