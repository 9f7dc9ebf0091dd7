// The English words of the command line: help, commander's errors, why a
// text is not a period, and how main() reports an error. Apart from en.ts,
// which spreads them in: `meet --help` loads these, not the whole catalogue.
import { counted, englishMonthName, formatDate, formatNumber } from '../format.js';
import { ENGLISH_PERIOD_WORDS } from '../periods.js';

const n = (count: number) => formatNumber('en', count);
const q = (text: string) => `"${text}"`;

export const enCommandLine = {
  // ---- The command line: help texts and commander's own words.
  cli: {
    usage: 'Usage:',
    options: 'Options:',
    commands: 'Commands:',
    arguments: 'Arguments:',
    globalOptions: 'Global Options:',
    optionsPlaceholder: '[options]',
    commandPlaceholder: '[command]',
    choices: (list: string) => `one of: ${list}`,
    /** A choice's value in the language's words, beside it in the help (none in English: the values are its words). */
    choiceWords: (_value: string): string | undefined => undefined,
    default: (value: string) => `default: ${value}`,
    examples: 'Examples:',
    /** Free text in the examples of the help, in this language. */
    sample: {
      thematicTitle: 'Special meeting on flood and storm prevention',
      chair: 'Jane Doe',
      // ISO in English: 04/11/2019 may be either day, and is asked about.
      meetingDate: '2020-11-25',
      reviewDate: '2019-11-04',
      init: 'meet init --locale en --organization "Springfield Town Council"',
      note: 'Two pilot sites chosen',
      calendarFile: 'tasks.ics',
      summaryFile: 'digest.txt',
      // The examples' records, task ids and files, as an English repository names them.
      folder: 'minutes',
      october: 'meetings/2020/2020-10-26-regular-meeting-october-2020.md',
      november: 'meetings/2020/2020-11-25-regular-meeting-november-2020.md',
      task: '2020-10-road-repairs',
      otherTask: '2020-10-land-survey',
      owner: 'finance',
      noticeNumber: '125/N',
      report: 'report-2020-10',
      notice: 'notice',
      tasksFile: 'tasks',
    },
    helpOption: 'show help',
    helpCommand: 'show help for a command',
    versionOption: 'print the version',
    runWithHelp: '(run with --help for usage)',
    exitCodes: 'Exit codes: 0 success, 1 the records have errors, 2 usage or environment error, 70 a bug in meet, 130 stopped with Ctrl-C.',
    placeholder: {
      date: 'date',
      command: 'command',
      dir: 'dir',
      title: 'title',
      kind: 'kind',
      name: 'name',
      organization: 'organization',
      template: 'template',
      ref: 'ref',
      format: 'format',
      month: 'month',
      file: 'file',
      locale: 'locale',
      provider: 'provider',
      status: 'status',
      id: 'id',
      key: 'key',
      text: 'text',
      record: 'record',
      range: 'range',
      paths: 'paths',
      from: 'from',
      to: 'to',
      action: 'owner/name@ref',
      package: 'address',
      period: 'period',
      number: 'number',
      line: 'line',
      url: 'url',
      jobTitle: 'title',
    },
    /** --include-config, the same in every command that commits. */
    /** --no-cache, the same in every command that reads the records. */
    noCache: 'read and parse every record again, without using or updating .meet-cache/',
    includeConfig: 'with --commit: also commit meet.config.yaml when it is not committed yet',
    force: 'replace the output file if it exists (without it, an existing file is kept and the command stops)',
    program: {
      description: 'Meeting minutes as Markdown + YAML in git: check them, and turn them into reports, task lists and month-to-month diffs.',
      root: 'the records repository (default: the nearest folder upwards with meet.config.yaml)',
      noColor: 'never colour the output',
      locale: "the language meet speaks (default: the repository's; outside one, from LANG)",
    },
    init: {
      description: 'create a records repository: meet.config.yaml, the meetings folder and a git repository (Vietnamese unless --locale en)',
      dir: 'folder to create it in',
      organization: 'who holds the meetings',
      ci: 'also write a CI workflow (checks on pull requests, a monthly digest); in an existing repository, only the workflow',
      action: "with --ci github: the meet action to use, pinned to a tag or commit (default: meet's repository at v<version>)",
      package:
        "with --ci gitlab: where the pipeline installs meet from, meet's git address at a commit (git+https://…#<sha>) or the https URL of a .tgz package file (default: meet's repository at v<version>)",
      commit: 'stage and commit what init writes (the config, folders, .gitignore, the workflow) with git',
    },
    new: {
      description: 'write the record of a new meeting, listing every task still open',
      date: 'the day of the meeting (YYYY-MM-DD; default: today)',
      title: 'the title (default: after the period, "Regular meeting, Month YYYY", in the repository\'s language)',
      kind: 'kind of meeting',
      period:
        'what it reviews: YYYY-MM, YYYY-Qn, YYYY-H1/H2, YYYY or YYYY-MM..YYYY-MM (default: the month of --date; on a terminal, proposed from the last regular meeting)',
      chair: 'who chairs the meeting (asked on a terminal; required without one)',
      template: 'template to start from (templates/<name>.md, else built-in; default: the kind)',
      today: 'take this day as today',
      dryRun: 'print the record instead of writing it',
      edit: 'open $VISUAL or $EDITOR on the new record',
      commit: 'commit the new record (and nothing else) with git',
    },
    check: {
      description: 'validate the config and every record; exit 1 when any error is found',
      paths: 'report only on these files or folders (still checked against the whole repository)',
      since: "report only on records changed since REF's merge base with HEAD (committed, staged, unstaged, untracked)",
      format: 'output format',
    },
    report: {
      description: "the month's report: meetings, results by sector, decisions, tasks and the accountability table",
      month: 'the month to report on, YYYY-MM (default: the month before today)',
      format:
        'output format (default: text on a terminal, md otherwise); docx and pdf: the official "Báo cáo", a Vietnamese state document (in Vietnamese whatever the locale)',
      out: 'write to this file instead of stdout (docx and pdf: default bao-cao-<month>.<format>)',
      today: 'take this day as today',
    },
    notice: {
      description:
        'the meeting\'s "Thông báo kết luận", the Vietnamese state document (Nghị định 30/2020/NĐ-CP, in Vietnamese whatever the locale), as Word, PDF, HTML or Markdown',
      record: 'the record of the meeting',
      format: "output format (default: the --out file's extension, else docx)",
      out: 'write to this file (default for docx and pdf: thong-bao-ket-luan-<date>.<format>; html and md: stdout)',
      draft: 'a draft (DỰ THẢO) without number or date, even when the record gives them',
      after:
        'Without approval.notice in the record (see "meet approve"), the notice is a draft: "Số:      /TB-UBND", the date left blank, marked DỰ THẢO.\n' +
        'PDF is printed by a Chromium installed on this machine (or MEET_CHROMIUM) through playwright-core; meet never downloads a browser.',
    },
    approve: {
      description: 'mark the minutes approved (final: later changes need an amendment) and record the notice issued from them',
      record: 'the record of the meeting',
      by: 'who approved the minutes (required)',
      on: 'the day they were approved (default: today)',
      noticeNumber: 'the number of the "Thông báo kết luận" issued, as written (125/TB-UBND)',
      noticeDate: 'the date of the notice',
      signer: "who signs the notice (default: the config's documents.notice_signer)",
      signerTitle: 'the signer\'s title ("CHÁNH VĂN PHÒNG")',
      onBehalf: 'the line above the title ("TL. CHỦ TỊCH")',
      commit: 'commit the edited record (and nothing else) with git',
      after: 'Once approved, "meet check --since" refuses a change to the record without a new "amendments" entry.',
    },
    tasks: {
      description: 'list tasks with their state on a day (default: today), with filters',
      status: 'only tasks in these states',
      owner: 'only tasks of this owner (lead or co-owner)',
      sector: 'only tasks of this sector',
      overdue: 'only overdue tasks',
      dueBefore: 'only tasks due before this day',
      assignedIn: 'only tasks assigned at meetings belonging to this month (YYYY-MM; a meeting on 4 November reviewing October belongs to October)',
      sort: 'order of the list',
      format: 'output format',
      today: "state on this day (default: today in the config's time zone)",
      month: "states as of this month's report (its last day, or a later meeting reviewing it) instead of today",
    },
    tasksUpdate: {
      description: "record a task's new status as an update in the latest record",
      id: 'the task id',
      status: 'the new status (asked on a terminal; required without one)',
      note: 'a note on the progress',
      in: "the record to write the update in (default: the latest dated after the task's meeting)",
      commit: 'commit the edited record (and nothing else) with git',
    },
    log: {
      description: "a task's history: the meeting that assigned it, each update, and the commit and author behind each (from git)",
      id: 'the task id',
      format: 'output format',
      today: "the state on this day (default: today in the config's time zone); updates of later meetings are listed, not yet counted",
    },
    diff: {
      description:
        'what changed between two months: tasks opened, closed, carried, newly overdue; metrics; meetings and decisions. ' +
        'With --rev: what changed in the records between two git revisions',
      from: 'the earlier month, YYYY-MM (not with --rev)',
      to: 'the later month, YYYY-MM (not with --rev)',
      rev: 'compare two git revisions instead: A..B, or A...B for the merge base of A and B against B',
      format: 'output format (default: text on a terminal, md otherwise)',
    },
    digest: {
      description: "write the month's report to <reports>/<month>.md (or .html), for a monthly cron job",
      month: 'the month (default: the month before today)',
      format: 'file format',
      out: 'folder inside the repository to write to (default: paths.reports)',
      today: 'take this day as today',
      commit: 'commit the report files it writes (and nothing else) with git',
      summary: 'print a short plain-text summary for a chat message or an e-mail, instead of the path',
      link: 'with --summary: the address of the full report to show instead of its path',
      after:
        "Without --month: the month before today, in the config's time zone, and the report of the month before that brought up to date when its file is there (a meeting held early in a month reviews the one before). Exit 1 (nothing written) when the records have errors.",
    },
    calendar: {
      description: 'the open tasks with a due date as an iCalendar file (.ics), one all-day event per task, for calendars to subscribe to',
      owner: 'only the tasks of this owner (lead or co-owner)',
      out: 'write to this file (.ics) instead of stdout',
      today: "tasks still open on this day (default: today in the config's time zone)",
    },
    schema: {
      description: 'print the JSON Schema of a record, for editors and other tools',
    },
    /** A value on the command line that cannot be read. */
    notADate: (value: string) => `"${value}" is not a date; write YYYY-MM-DD (2020-10-26).`,
    missingYear: (value: string) => `"${value}" has no year: write the date as YYYY-MM-DD (2020-10-26).`,
    shortYear: (value: string, full: string) => `"${value}" has a year of two digits (${full}?): write the date as YYYY-MM-DD (2020-10-26).`,
    notADay: (value: string, month: number, year: number, days: number) => `"${value}" is not a real day: ${englishMonthName(month)} ${year} has ${days} days.`,
    noSuchMonthInDate: (value: string, month: number) => `"${value}" is not a date: there is no month ${month}; months run from 1 to 12.`,
    notAMonth: (value: string) => `"${value}" is not a month; write YYYY-MM, like 2020-10.`,
    slashesDayFirst: false,
    slashDate: (value: string, days: readonly string[]) =>
      days.length > 1
        ? `"${value}" could be ${days.map((d) => formatDate('en', d)).join(' or ')}: write the date as YYYY-MM-DD, ${days.join(' or ')}.`
        : `"${value}" is written month first: write the date as YYYY-MM-DD, ${days[0]} (${formatDate('en', days[0]!)}).`,
    notAChoice: (value: string, allowed: string, suggestion?: string) =>
      `"${value}" is not one of ${allowed}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    // commander's own error messages.
    unknownOption: (flag: string) => `unknown option ${q(flag)}`,
    unknownCommand: (name: string) => `unknown command ${q(name)}`,
    didYouMean: (what: string) => `(Did you mean ${what}?)`,
    missingArgument: (name: string) => `missing required argument ${q(name)}`,
    optionMissingArgument: (flags: string) => `option ${q(flags)} needs a value`,
    missingMandatoryOption: (flags: string) => `required option ${q(flags)} not given`,
    tooManyArguments: (command: string, expected: number, got: number) =>
      `too many arguments${command ? ` for ${q(command)}` : ''}: expected ${counted('en', expected, { one: 'argument', other: 'arguments' })}, got ${n(got)}.`,
    quoteValue: (flag: string, value: string) => `A value with spaces goes in quotes: ${flag} "${value}"`,
    quoteWords: (word: string) => `"${word}" belongs to no option; a value with spaces goes in quotes.`,
    invalidOptionValue: (flags: string, value: string, why: string) => `option ${q(flags)}: ${why || `"${value}" is not allowed.`}`,
    invalidArgumentValue: (name: string, value: string, why: string) => `argument ${q(name)}: ${why || `"${value}" is not allowed.`}`,
  },

  // ---- Why a text is not a period (--period, the record's `period:`).
  period: ENGLISH_PERIOD_WORDS,

  // ---- What main() says about errors.
  main: {
    prefix: 'meet: ',
    internal: 'internal error: ',
    internalHint:
      'This is a bug in meet, not a problem with your records. Please report it to the maintainers of meet with the command you ran, this message and the output of "meet --version".',

    /** Standard output refused meet's output (`meet report > file` on a full disk): the environment's trouble, exit 2. */
    outputNotWritten: (code: string) =>
      `the output could not be written (${code}): the disk is full, or where the output goes cannot be written to. What was written is incomplete: free some space, or send the output elsewhere, and run the command again.`,
  },
};

export type CommandLineMessages = typeof enCommandLine;
