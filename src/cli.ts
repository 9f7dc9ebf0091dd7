// commander maps argv to options; it does not think. Each action normalises
// its options, lazily imports its command module and returns an exit code.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseCliDate, parseCliMonth, type IsoDate, type Month } from './model/dates.js';
import { periodProblem } from './model/periods.js';
import { EXIT_OK, EXIT_USAGE } from './model/errors.js';
import type { Io } from './io/terminal.js';
import { LOCALES, MEETING_KINDS, TASK_STATUSES } from './model/terms.js';
import type { ApproveOptions } from './commands/approve.js';
import type { CalendarOptions } from './commands/calendar.js';
import type { CheckOptions } from './commands/check.js';
import type { DiffOptions } from './commands/diff.js';
import type { DigestOptions } from './commands/digest.js';
import type { InitOptions } from './commands/init.js';
import type { LogOptions } from './commands/log.js';
import type { NewOptions } from './commands/new.js';
import type { NoticeOptions } from './commands/notice.js';
import type { ReportOptions } from './commands/report.js';
import type { TasksOptions } from './commands/tasks.js';
import type { TasksUpdateOptions } from './commands/tasksUpdate.js';
import { toolVersion } from './io/packageRoot.js';
import { visible, visibleLines } from './model/text.js';

const NO_CACHE = 'read and parse every record again, without using or updating .meet-cache/';

function cliDate(value: string): IsoDate {
  const date = parseCliDate(value);
  if (!date) throw new InvalidArgumentError(`"${visible(value)}" is not a date; write YYYY-MM-DD (2020-10-26) or DD/MM/YYYY (26/10/2020).`);
  return date;
}

function cliMonth(value: string): Month {
  const month = parseCliMonth(value);
  if (!month) throw new InvalidArgumentError(`"${visible(value)}" is not a month; write YYYY-MM, like 2020-10.`);
  return month;
}

function cliPeriod(value: string): string {
  const problem = periodProblem(value.trim());
  if (problem) throw new InvalidArgumentError(`"${value}" ${problem}.`);
  return value.trim();
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

interface GlobalOptions {
  root?: string;
  color: boolean;
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('meet');
  program
    .description('Meeting minutes as Markdown + YAML in git: check them, and turn them into reports, task lists and month-to-month diffs.')
    .version(toolVersion(), '-V, --version', 'print the version')
    .option('--root <dir>', 'the records repository (default: the nearest folder upwards with meet.config.yaml)')
    .option('--no-color', 'never colour the output')
    .helpOption('-h, --help', 'show help')
    // Subcommands may reuse a parent's option names (`tasks update --status`);
    // runCli moves the global options first, so they still work anywhere.
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      // Help and errors echo the command line: shown visibly, like any outside text.
      writeOut: (s) => io.stdout.write(visibleLines(s)),
      writeErr: (s) => io.stderr.write(visibleLines(s)),
      outputError: (s, write) => write(`meet: ${s.replace(/^error: /, '')}`),
    })
    .addHelpText(
      'after',
      examples(
        'meet init --locale vi --organization "UBND huyện Mẫu Sơn"',
        'meet new --date 25/11/2020 --chair "Hoàng Văn Hiệp"',
        'meet check',
        'meet report --month 2020-10',
      ) + '\nExit codes: 0 success, 1 the records have errors, 2 usage or environment error.\n',
    );
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();

  program
    .command('init')
    .description('create a records repository: meet.config.yaml, the meetings folder and a git repository')
    .argument('[dir]', 'folder to create it in', '.')
    .addOption(new Option('--locale <locale>', 'language of the defaults and reports').choices(LOCALES).default('vi'))
    .option('--organization <name>', 'who holds the meetings')
    .addOption(
      new Option(
        '--ci <provider>',
        'also write a CI workflow (checks on pull requests, a monthly digest); in an existing repository, only the workflow',
      ).choices(['github', 'gitlab']),
    )
    .option('--action <owner/name@ref>', "with --ci github: the meet action to use, pinned to a tag or commit (default: meet's repository at v<version>)")
    .option('--commit', 'stage and commit what init writes (the config, folders, .gitignore, the workflow) with git', false)
    .addHelpText(
      'after',
      examples('meet init --commit', 'meet init minutes --locale en --organization "Springfield Town Council"', 'meet init bien-ban --ci github --commit'),
    )
    .action(async (dir: string, opts: Omit<InitOptions, 'dir'>) => {
      const { initCommand } = await import('./commands/init.js');
      setExit(await initCommand({ dir, ...opts }, io));
    });

  program
    .command('new')
    .description('write the record of a new meeting, listing every task still open')
    .option('--date <date>', 'the day of the meeting (YYYY-MM-DD or DD/MM/YYYY; default: today)', cliDate)
    .option('--title <title>', 'the title (default: after the period, "Hội nghị thường kỳ tháng M/YYYY" or "Regular meeting, Month YYYY")')
    .addOption(new Option('--kind <kind>', 'kind of meeting').choices(MEETING_KINDS))
    .option(
      '--period <period>',
      'what it reviews: YYYY-MM, YYYY-Qn, YYYY-H1/H2, YYYY or YYYY-MM..YYYY-MM (default: the month of --date; on a terminal, proposed from the last regular meeting)',
      cliPeriod,
    )
    .option('--chair <name>', 'who chairs the meeting (required without a terminal)')
    .option('--template <name>', 'template to start from (templates/<name>.md, else built-in; default: the kind)')
    .option('--today <date>', 'take this day as today', cliDate)
    .option('--dry-run', 'print the record instead of writing it', false)
    .option('--edit', 'open $VISUAL or $EDITOR on the new record', false)
    .option('--commit', 'commit the new record (and nothing else) with git', false)
    .option('--include-config', 'with --commit: also commit meet.config.yaml when it is not committed yet', false)
    .addHelpText(
      'after',
      examples(
        'meet new --date 2020-11-25 --chair "Hoàng Văn Hiệp"',
        'meet new --date 2020-11-25 --chair "Hoàng Văn Hiệp" --commit',
        'meet new --date 04/11/2019 --period 2019-10 --chair "Hoàng Văn Hiệp"',
        'meet new --date 25/11/2020 --kind thematic --title "Hội nghị chuyên đề phòng chống thiên tai" --chair "Hoàng Văn Hiệp"',
        'meet new --dry-run --chair "Jane Doe"',
      ),
    )
    .option('--no-cache', NO_CACHE)
    .action(async (opts: Omit<NewOptions, 'root'>) => {
      const { newCommand } = await import('./commands/new.js');
      setExit(await newCommand({ ...opts, root: globals().root }, io));
    });

  program
    .command('check')
    .description('validate the config and every record; exit 1 when any error is found')
    .argument('[paths...]', 'report only on these files or folders (still checked against the whole repository)')
    .option('--since <ref>', "report only on records changed since REF's merge base with HEAD (committed, staged, unstaged, untracked)")
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json', 'github', 'sarif']).default('pretty'))
    .option('--no-cache', NO_CACHE)
    .addHelpText(
      'after',
      examples(
        'meet check',
        'meet check meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md',
        'meet check --since origin/main --format github',
        'meet check --format sarif > meet.sarif',
      ),
    )
    .action(async (paths: string[], opts: Pick<CheckOptions, 'since' | 'format' | 'cache'>) => {
      const { checkCommand } = await import('./commands/check.js');
      const options = { paths, format: opts.format, since: opts.since, root: globals().root, cache: opts.cache };
      setExit(await checkCommand(options, io));
    });

  program
    .command('report')
    .description("the month's report: meetings, results by sector, decisions, tasks and the accountability table")
    .option('--month <month>', 'the month to report on, YYYY-MM (default: the month before today)', cliMonth)
    .addOption(
      new Option(
        '--format <format>',
        'output format (default: text on a terminal, md otherwise); docx and pdf: the official "Báo cáo" in the state layout',
      ).choices(['text', 'md', 'html', 'json', 'docx', 'pdf']),
    )
    .option('--out <file>', 'write to this file instead of stdout (docx and pdf: default bao-cao-<month>.<format>)')
    .addOption(new Option('--locale <locale>', "language of the report (default: the config's)").choices(LOCALES))
    .option('--today <date>', 'take this day as today', cliDate)
    .addHelpText(
      'after',
      examples(
        'meet report --month 2020-10',
        'meet report --month 2020-10 --format html --out bao-cao-2020-10.html',
        'meet report --format json | jq .tasks.overdue',
        'meet report --month 2020-10 --format docx',
        'meet report --month 2020-10 --out bao-cao-2020-10.pdf',
      ),
    )
    .option('--no-cache', NO_CACHE)
    .action(async (opts: Omit<ReportOptions, 'root'>) => {
      const { reportCommand } = await import('./commands/report.js');
      setExit(await reportCommand({ ...opts, root: globals().root }, io));
    });

  program
    .command('notice')
    .description('the meeting\'s "Thông báo kết luận" in the state layout (Nghị định 30/2020/NĐ-CP), as Word, PDF, HTML or Markdown')
    .argument('<record>', 'the record of the meeting')
    .addOption(new Option('--format <format>', "output format (default: the --out file's extension, else docx)").choices(['docx', 'pdf', 'html', 'md']))
    .option('--out <file>', 'write to this file (default for docx and pdf: thong-bao-ket-luan-<date>.<format>; html and md: stdout)')
    .option('--draft', 'a draft (DỰ THẢO) without number or date, even when the record gives them', false)
    .addHelpText(
      'after',
      examples(
        'meet notice meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md',
        'meet notice meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md --out thong-bao.pdf',
        'meet notice meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md --draft --format md',
      ) +
        '\nWithout approval.notice in the record (see "meet approve"), the notice is a draft: "Số:      /TB-UBND", the date left blank, marked DỰ THẢO.\n' +
        'PDF is printed by a Chromium installed on this machine (or MEET_CHROMIUM) through playwright-core; meet never downloads a browser.\n',
    )
    .action(async (record: string, opts: Omit<NoticeOptions, 'root' | 'record'>) => {
      const { noticeCommand } = await import('./commands/notice.js');
      setExit(await noticeCommand({ record, ...opts, root: globals().root }, io));
    });

  program
    .command('approve')
    .description('mark the minutes approved (final: later changes need an amendment) and record the notice issued from them')
    .argument('<record>', 'the record of the meeting')
    .requiredOption('--by <name>', 'who approved the minutes')
    .option('--on <date>', 'the day they were approved (default: today)', cliDate)
    .option('--notice-number <number>', 'the number of the "Thông báo kết luận" issued, as written (125/TB-UBND)')
    .option('--notice-date <date>', 'the date of the notice', cliDate)
    .option('--signer <name>', "who signs the notice (default: the config's documents.notice_signer)")
    .option('--signer-title <title>', 'the signer\'s title ("CHÁNH VĂN PHÒNG")')
    .option('--on-behalf <line>', 'the line above the title ("TL. CHỦ TỊCH")')
    .option('--commit', 'commit the edited record (and nothing else) with git', false)
    .option('--include-config', 'with --commit: also commit meet.config.yaml when it is not committed yet', false)
    .addHelpText(
      'after',
      examples(
        'meet approve meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md --by "Hoàng Văn Hiệp" --on 2020-10-27',
        'meet approve meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md --by "Hoàng Văn Hiệp" --on 2020-10-27 --notice-number 125/TB-UBND --notice-date 2020-10-28',
      ) + '\nOnce approved, "meet check --since" refuses a change to the record without a new "amendments" entry.\n',
    )
    .action(async (record: string, opts: Omit<ApproveOptions, 'root' | 'record'>) => {
      const { approveCommand } = await import('./commands/approve.js');
      setExit(await approveCommand({ record, ...opts, root: globals().root }, io));
    });

  const tasks = program
    .command('tasks')
    .description('list tasks with their state on a day (default: today), with filters')
    // `tasks update ID --status S`: without this, the list's own --status would take the flag.
    .enablePositionalOptions()
    .addOption(new Option('--status <status...>', 'only tasks in these states').choices(TASK_STATUSES))
    .option('--owner <id>', 'only tasks of this owner (lead or co-owner)')
    .option('--sector <id>', 'only tasks of this sector')
    .option('--overdue', 'only overdue tasks', false)
    .option('--due-before <date>', 'only tasks due before this day', cliDate)
    .option('--assigned-in <month>', 'only tasks assigned at meetings of this month (YYYY-MM)', cliMonth)
    .addOption(new Option('--sort <key>', 'order of the list').choices(['due', 'owner', 'id']).default('due'))
    .addOption(new Option('--format <format>', 'output format (default: text)').choices(['text', 'md', 'json', 'csv']).default('text'))
    .option('--today <date>', "state on this day (default: today in the config's time zone)", cliDate)
    .option('--month <month>', 'state at the end of this month instead of today', cliMonth)
    .addHelpText(
      'after',
      examples(
        'meet tasks --overdue',
        'meet tasks --owner tai-chinh-ke-hoach --status open in-progress',
        'meet tasks --month 2020-11 --format csv > nhiem-vu.csv',
      ),
    )
    .option('--no-cache', NO_CACHE)
    .action(async (opts: Omit<TasksOptions, 'root'>) => {
      const { tasksCommand } = await import('./commands/tasks.js');
      setExit(await tasksCommand({ ...opts, root: globals().root }, io));
    });
  tasks
    .command('update')
    .description("record a task's new status as an update in the latest record")
    .argument('<id>', 'the task id')
    .addOption(new Option('--status <status>', 'the new status').choices(TASK_STATUSES).makeOptionMandatory())
    .option('--note <text>', 'a note on the progress')
    .option('--in <record>', "the record to write the update in (default: the latest dated on or after the task's meeting)")
    .option('--commit', 'commit the edited record (and nothing else) with git', false)
    .option('--include-config', 'with --commit: also commit meet.config.yaml when it is not committed yet', false)
    .addHelpText(
      'after',
      examples(
        'meet tasks update 2020-10-giao-thong-thuy-loi --status done',
        'meet tasks update 2020-10-tich-tu-ruong-dat --status in-progress --note "Đã chọn 2 xã thí điểm"',
        'meet tasks update 2020-10-giao-thong-thuy-loi --status done --commit',
      ),
    )
    .action(async (id: string, opts: Omit<TasksUpdateOptions, 'root' | 'id'>) => {
      const { tasksUpdateCommand } = await import('./commands/tasksUpdate.js');
      setExit(await tasksUpdateCommand({ id, ...opts, root: globals().root }, io));
    });

  program
    .command('log')
    .description("a task's history: the meeting that assigned it, each update, and the commit and author behind each (from git)")
    .argument('<id>', 'the task id')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .addHelpText('after', examples('meet log 2020-10-giao-thong-thuy-loi', 'meet log 2020-10-giao-thong-thuy-loi --format json'))
    .option('--no-cache', NO_CACHE)
    .action(async (id: string, opts: Pick<LogOptions, 'format' | 'cache'>) => {
      const { logCommand } = await import('./commands/log.js');
      setExit(await logCommand({ id, format: opts.format, cache: opts.cache, root: globals().root }, io));
    });

  program
    .command('diff')
    .description(
      'what changed between two months: tasks opened, closed, carried, newly overdue; metrics; meetings and decisions. ' +
        'With --rev: what changed in the records between two git revisions',
    )
    .argument('[from]', 'the earlier month, YYYY-MM (not with --rev)', cliMonth)
    .argument('[to]', 'the later month, YYYY-MM (not with --rev)', cliMonth)
    .option('--rev <range>', 'compare two git revisions instead: A..B, or A...B for the merge base of A and B against B')
    .addOption(new Option('--format <format>', 'output format (default: text on a terminal, md otherwise)').choices(['text', 'md', 'json']))
    .addHelpText(
      'after',
      examples('meet diff 2020-10 2020-11', 'meet diff 2020-09 2020-12 --format json', 'meet diff --rev main...HEAD --format md >> "$GITHUB_STEP_SUMMARY"'),
    )
    .option('--no-cache', NO_CACHE)
    .action(async (from: Month | undefined, to: Month | undefined, opts: Pick<DiffOptions, 'format' | 'rev' | 'cache'>) => {
      const { diffCommand } = await import('./commands/diff.js');
      setExit(await diffCommand({ from, to, ...opts, root: globals().root }, io));
    });

  program
    .command('digest')
    .description("write the month's report to <reports>/<month>.md (or .html), for a monthly cron job")
    .option('--month <month>', 'the month (default: the month before today)', cliMonth)
    .addOption(new Option('--format <format>', 'file format').choices(['md', 'html']).default('md'))
    .option('--out <dir>', 'folder inside the repository to write to (default: paths.reports)')
    .option('--today <date>', 'take this day as today', cliDate)
    .option('--commit', 'commit the report file (and nothing else) with git', false)
    .option('--include-config', 'with --commit: also commit meet.config.yaml when it is not committed yet', false)
    .option('--summary', 'print a short plain-text summary for a chat message or an e-mail, instead of the path', false)
    .option('--link <url>', 'with --summary: the address of the full report to show instead of its path')
    .addHelpText(
      'after',
      examples('meet digest', 'meet digest --month 2020-10 --format html', 'meet digest --commit', 'meet digest --commit --summary > tong-hop.txt') +
        "\nWithout --month: the month before today, in the config's time zone. Exit 1 (nothing written) when the records have errors.\n",
    )
    .option('--no-cache', NO_CACHE)
    .action(async (opts: Omit<DigestOptions, 'root'>) => {
      const { digestCommand } = await import('./commands/digest.js');
      setExit(await digestCommand({ ...opts, root: globals().root }, io));
    });

  program
    .command('calendar')
    .description('the open tasks with a due date as an iCalendar file (.ics), one all-day event per task, for calendars to subscribe to')
    .option('--owner <id>', 'only the tasks of this owner (lead or co-owner)')
    .option('--out <file>', 'write to this file (.ics) instead of stdout')
    .option('--today <date>', "tasks still open on this day (default: today in the config's time zone)", cliDate)
    .addHelpText(
      'after',
      examples('meet calendar --out nhiem-vu.ics', 'meet calendar --owner tai-chinh-ke-hoach --out tai-chinh-ke-hoach.ics', 'meet calendar > tasks.ics'),
    )
    .action(async (opts: Omit<CalendarOptions, 'root'>) => {
      const { calendarCommand } = await import('./commands/calendar.js');
      setExit(await calendarCommand({ ...opts, root: globals().root }, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of a record, for editors and other tools')
    .addHelpText('after', examples('meet schema > record.schema.json'))
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.js');
      setExit(schemaCommand(io));
    });

  return program;
}

/** `--root DIR`, `--root=DIR` and `--no-color` moved before the command, where positional options are read. */
function hoistGlobalOptions(argv: readonly string[]): string[] {
  const globals: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--no-color' || arg.startsWith('--root=')) globals.push(arg);
    else if (arg === '--root' && i + 1 < argv.length) globals.push(arg, argv[++i]!);
    else rest.push(arg);
  }
  return [...globals, ...rest];
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(hoistGlobalOptions(argv), { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, successfully.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}
