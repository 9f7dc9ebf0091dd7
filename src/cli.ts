// commander maps argv to options; it does not think. Each action normalises
// its options, lazily imports its command module and returns an exit code.
// Every word commander prints (help, errors) comes from the catalogue, in
// the language main() resolved for this run.
import { Command, CommanderError, Help, InvalidArgumentError, Option, type Argument } from 'commander';
import { typedDate, parseCliMonth, type IsoDate, type Month } from './model/dates.js';
import { periodFromWords, periodProblem } from './model/periods.js';
import { EXIT_OK, EXIT_USAGE } from './model/errors.js';
import type { Io } from './io/terminal.js';
import type { CommandLineMessages } from './model/messages/index.js';
import { kindFromWords, statusFromWords } from './model/termWords.js';
import { LOCALES, MEETING_KINDS, TASK_STATUSES, type Locale } from './model/terms.js';
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

function cliDate(m: CommandLineMessages): (value: string) => IsoDate {
  return (value) => {
    const typed = typedDate(value, m.cli);
    if ('problem' in typed) throw new InvalidArgumentError(typed.problem);
    return typed.value;
  };
}

function cliPeriod(m: CommandLineMessages): (value: string) => string {
  return (value) => {
    // "10/2020", "Quý 4/2020" on the command line are the period they name: the record gets it as the format writes it.
    const given = periodProblem(value.trim()) ? (periodFromWords(value) ?? value.trim()) : value.trim();
    const problem = periodProblem(given, m.period);
    if (problem) throw new InvalidArgumentError(`"${visible(value)}" ${problem}.`);
    return given;
  };
}

function cliMonth(m: CommandLineMessages): (value: string) => Month {
  return (value) => {
    const month = parseCliMonth(value);
    if (!month) throw new InvalidArgumentError(m.cli.notAMonth(visible(value)));
    return month;
  };
}

/**
 * One of `values`, also when written as a word of the format in either
 * language (`--kind "thường kỳ"`, `--status "in progress"`); anything else
 * is refused in the user's language, with a "did you mean".
 */
function choice<T extends string>(m: CommandLineMessages, values: readonly T[], words?: (text: string) => T | undefined): (value: string) => T {
  return (value) => {
    const found = values.find((v) => v === value) ?? words?.(value);
    if (found) return found;
    throw new InvalidArgumentError(m.cli.notAChoice(visible(value), values.join(', '), closeTo(value, values)));
  };
}

/** The one of `values` a word was probably meant as: one it begins (two letters at least), or a typo of one. */
function closeTo<T extends string>(word: string, values: readonly T[]): T | undefined {
  const lower = word.toLowerCase();
  return values.find((v) => v.startsWith(lower) && lower.length >= 2) ?? values.find((v) => typoOf(lower, v));
}

/** One letter added, dropped, changed or two swapped: "regulr", "dnoe". */
function typoOf(word: string, target: string): boolean {
  if (Math.abs(word.length - target.length) > 1 || word === target) return false;
  let i = 0;
  while (i < word.length && word[i] === target[i]) i++;
  const rest = (a: number, b: number) => word.slice(a) === target.slice(b);
  return rest(i + 1, i + 1) || rest(i + 1, i) || rest(i, i + 1) || (word[i] === target[i + 1] && word[i + 1] === target[i] && rest(i + 2, i + 2));
}

/** A variadic option's values, each read by `parse`. */
function each<T>(parse: (value: string) => T): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => [...(previous ?? []), parse(value)];
}

function examples(m: CommandLineMessages, ...lines: string[]): string {
  return `\n${m.cli.examples}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** commander's own error messages (commander 14), said again in the catalogue's words. */
function translateCommanderError(text: string, m: CommandLineMessages, commandTyped = ''): string {
  const message = text.replace(/^error: /, '').replace(/\n$/, '');
  let match: RegExpExecArray | null;
  const suggestion = (rest: string | undefined) => (rest ? `\n${m.cli.didYouMean(rest)}` : '');
  if ((match = /^unknown option '(.+?)'(?:\n\(Did you mean (?:one of )?(.+)\?\))?$/s.exec(message)))
    return m.cli.unknownOption(match[1]!) + suggestion(match[2]);
  if ((match = /^unknown command '(.+?)'(?:\n\(Did you mean (?:one of )?(.+)\?\))?$/s.exec(message)))
    return m.cli.unknownCommand(match[1]!) + suggestion(match[2]);
  if ((match = /^missing required argument '(.+)'$/.exec(message))) return m.cli.missingArgument(match[1]!);
  if ((match = /^option '(.+)' argument missing$/.exec(message))) return m.cli.optionMissingArgument(match[1]!);
  if ((match = /^required option '(.+)' not specified$/.exec(message))) return m.cli.missingMandatoryOption(match[1]!);
  if ((match = /^too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(message)))
    return m.cli.tooManyArguments(commandTyped || (match[1] ?? ''), Number(match[2]), Number(match[3]));
  if ((match = /^option '(.+)' argument '(.*)' is invalid\. ?(.*)$/s.exec(message))) return m.cli.invalidOptionValue(match[1]!, match[2]!, match[3]!);
  if ((match = /^command-argument value '(.*)' is invalid for argument '(.+)'\. ?(.*)$/s.exec(message)))
    return m.cli.invalidArgumentValue(match[2]!, match[1]!, match[3]!);
  return message;
}

/** commander's help, in the catalogue's words: titles, placeholders, choices and defaults. */
function localHelp(m: CommandLineMessages): Partial<Help> {
  const titles: Record<string, string> = {
    'Usage:': m.cli.usage,
    'Options:': m.cli.options,
    'Commands:': m.cli.commands,
    'Arguments:': m.cli.arguments,
    'Global Options:': m.cli.globalOptions,
  };
  const extra = (choices: readonly string[] | undefined, fallback: unknown, show: boolean) => {
    const parts = [];
    // Values are quoted: they are typed as they are, in any language.
    if (choices) parts.push(m.cli.choices(choices.map((c) => JSON.stringify(c) + (m.cli.choiceWords(c) ? ` (${m.cli.choiceWords(c)})` : '')).join(', ')));
    if (show && fallback !== undefined) parts.push(m.cli.default(JSON.stringify(Array.isArray(fallback) ? fallback.join(' ') : String(fallback))));
    return parts.length > 0 ? ` (${parts.join('; ')})` : '';
  };
  return {
    // A command's help lists --root, --locale and --no-color too: its examples use them.
    showGlobalOptions: true,
    styleTitle: (title: string) => titles[title] ?? title,
    styleUsage: (usage: string) => usage.replace('[options]', m.cli.optionsPlaceholder).replace('[command]', m.cli.commandPlaceholder),
    subcommandTerm: (cmd: Command) => Help.prototype.subcommandTerm.call(new Help(), cmd).replace('[options]', m.cli.optionsPlaceholder),
    // Boolean options' defaults (false, or true for --no-…) say nothing to a reader.
    optionDescription: (option: Option) => `${option.description}${extra(option.argChoices, option.defaultValue, !option.isBoolean() && !option.negate)}`,
    argumentDescription: (argument: Argument) => `${argument.description}${extra(argument.argChoices, argument.defaultValue, true)}`,
  };
}

interface GlobalOptions {
  root?: string;
  color: boolean;
  locale?: Locale;
}

/**
 * What a clerk most likely meant by words commander found too many of
 * (`--chair Hoàng Văn Hiệp`, `tasks update ID done`): the value with its
 * spaces in quotes, or `--status` for a status. `command`: the command
 * commander named; `args`: the command line as parsed.
 */
function excessAdvice(program: Command, command: string, args: readonly string[], m: CommandLineMessages): string {
  const found = findCommand(program, command);
  if (!found) return '';
  const chain: Command[] = [];
  for (let c: Command | null = found; c; c = c.parent) chain.unshift(c);
  const options = chain.flatMap((c) => c.options);
  const option = (flag: string) => options.find((o) => (o.long === flag || o.short === flag) && (o.required || o.optional));
  // A value of several words: a name, a title, a note; never a date, a month, a file, a choice (`--month 2021-01 x`: x is no part of it).
  const takesText = (flag: string) => {
    const taking = option(flag);
    return taking !== undefined && !taking.argChoices && !ONE_WORD_VALUES.has(taking.long ?? '');
  };
  const has = (flag: string) => options.some((o) => o.long === flag);
  // The words after the command's own name, positionals and option values told apart as commander reads them.
  let at = 0;
  for (const c of chain.slice(1)) at = args.indexOf(c.name(), at) + 1;
  const positionals = found.registeredArguments.length;
  let seen = 0;
  /** The option whose value the last words continue, and those words. */
  let open: { flag: string; words: string[] } | undefined;
  const advice: string[] = [];
  const loose: string[] = [];
  const close = () => {
    if (open && open.words.length > 1) advice.push(m.cli.quoteValue(open.flag, visible(open.words.join(' '))));
    open = undefined;
  };
  for (let i = at; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('-')) {
      close();
      const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      const taking = option(flag);
      if (!taking) continue;
      // A variadic option (`--status open done`) takes every word up to the next option.
      if (taking.variadic) while (i + 1 < args.length && !args[i + 1]!.startsWith('-')) i++;
      else if (inline !== undefined) open = takesText(flag) ? { flag, words: [inline] } : undefined;
      else if (i + 1 < args.length) {
        i++;
        if (takesText(flag)) open = { flag, words: [args[i]!] };
      }
      continue;
    }
    // commander gives the command's arguments their words first: one of them ends an option's value.
    if (seen < positionals) {
      seen++;
      close();
    } else if (open) open.words.push(arg);
    else loose.push(arg);
  }
  close();
  // A word no option takes: what it looks like says which option was meant.
  const statusOf = (words: string) => (has('--status') ? (TASK_STATUSES.find((s) => s === words) ?? statusFromWords(words)) : undefined);
  const status = loose.length > 1 ? statusOf(loose.join(' ')) : undefined;
  if (status) advice.unshift(m.cli.didYouMean(`--status ${status}`));
  else {
    for (const word of loose) {
      const said = statusOf(word);
      const flag = said
        ? '--status'
        : parseCliMonth(word) && has('--month')
          ? '--month'
          : /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(word) && has('--date')
            ? '--date'
            : undefined;
      advice.push(flag ? m.cli.didYouMean(`${flag} ${said ?? visible(word)}`) : m.cli.quoteWords(visible(word)));
    }
  }
  return advice.length > 0 ? `\n${[...new Set(advice)].join('\n')}` : '';
}

/** Options whose value is one word: a date, a month, a file, a revision, a choice. */
const ONE_WORD_VALUES: ReadonlySet<string> = new Set([
  '--action',
  '--assigned-in',
  '--ci',
  '--date',
  '--due-before',
  '--format',
  '--in',
  '--kind',
  '--link',
  '--locale',
  '--month',
  '--notice-date',
  '--notice-number',
  '--on',
  '--package',
  '--rev',
  '--root',
  '--since',
  '--sort',
  '--status',
  '--template',
  '--today',
]);

/** The command (or subcommand) of that name. */
function findCommand(command: Command, name: string): Command | undefined {
  for (const sub of command.commands) {
    if (sub.name() === name) return sub;
    const deeper = findCommand(sub, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/** A command as typed: `tasks update`, not commander's `update`. */
function commandPath(program: Command, name: string): string {
  const names: string[] = [];
  for (let c: Command | null | undefined = findCommand(program, name); c && c !== program; c = c.parent) names.unshift(c.name());
  return names.length > 0 ? names.join(' ') : name;
}

function buildProgram(io: Io, m: CommandLineMessages, setExit: (code: number) => void, args: readonly string[] = []): Command {
  const h = m.cli;
  const p = h.placeholder;
  const date = cliDate(m);
  const month = cliMonth(m);
  const format = <T extends string>(flags: string, description: string, values: readonly T[]) =>
    new Option(flags, description).choices(values).argParser(choice(m, values));
  const program = new Command('meet');
  program
    .description(h.program.description)
    .version(toolVersion(), '-V, --version', h.versionOption)
    .option(`--root <${p.dir}>`, h.program.root)
    .addOption(format(`--locale <${p.locale}>`, h.program.locale, LOCALES))
    .option('--no-color', h.program.noColor)
    .helpOption('-h, --help', h.helpOption)
    .helpCommand(`help [${p.command}]`, h.helpCommand)
    // Subcommands may reuse a parent's option names (`tasks update --status`);
    // runCli moves the global options first, so they still work anywhere.
    .enablePositionalOptions()
    .showHelpAfterError(h.runWithHelp)
    .exitOverride()
    .configureHelp(localHelp(m))
    .configureOutput({
      // Help and errors echo the command line: shown visibly, like any outside text.
      writeOut: (text) => io.stdout.write(visibleLines(text)),
      writeErr: (text) => io.stderr.write(visibleLines(text)),
      outputError: (text, write) => {
        const excess = /^error: too many arguments(?: for '(.+?)')?\./.exec(text);
        const name = excess?.[1] ?? '';
        const said = translateCommanderError(text, m, name ? commandPath(program, name) : '');
        write(`${m.main.prefix}${said}${excess ? excessAdvice(program, name, args, m) : ''}\n`);
      },
    })
    .addHelpText(
      'after',
      examples(
        m,
        m.cli.sample.init,
        `meet new --date ${m.cli.sample.meetingDate} --chair "${m.cli.sample.chair}"`,
        'meet check',
        'meet report --month 2020-10',
      ) + `\n${h.exitCodes}\n`,
    );
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  // commander takes the word after an option as its value even when it is another option:
  // `new --title --dry-run` would write a record titled "--dry-run" instead of a dry run.
  program.hook('preAction', (_program, action) => {
    const commands = [program, action];
    const flags = new Set(commands.flatMap((c) => c.options.flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined))));
    flags.add('--help');
    for (const command of commands) {
      for (const option of command.options) {
        if (option.isBoolean()) continue;
        const value: unknown = command.getOptionValue(option.attributeName());
        const values = Array.isArray(value) ? (value as unknown[]) : [value];
        if (values.some((v) => typeof v === 'string' && flags.has(v.split('=')[0]!))) command.error(`option '${option.flags}' argument missing`);
      }
    }
  });

  program
    .command('init')
    .description(h.init.description)
    .argument(`[${p.dir}]`, h.init.dir)
    .option(`--organization <${p.organization}>`, h.init.organization)
    .addOption(format(`--ci <${p.provider}>`, h.init.ci, ['github', 'gitlab'] as const))
    .option(`--action <${p.action}>`, h.init.action)
    .option(`--package <${p.package}>`, h.init.package)
    .option('--commit', h.init.commit, false)
    .addHelpText(
      'after',
      examples(
        m,
        'meet init --commit',
        'meet init minutes --locale en --organization "Springfield Town Council"',
        `meet init ${m.cli.sample.folder} --ci github --commit`,
      ),
    )
    .action(async (dir: string, opts: Omit<InitOptions, 'dir' | 'locale'>) => {
      const { initCommand } = await import('./commands/init.js');
      // The new repository's language: --locale, else Vietnamese (a Vietnamese clerk's machine often says LANG=en_US).
      setExit(await initCommand({ dir, root: globals().root, ...opts, locale: globals().locale ?? 'vi', localeGiven: globals().locale !== undefined }, io));
    });

  program
    .command('new')
    .description(h.new.description)
    .option(`--date <${p.date}>`, h.new.date, date)
    .option(`--title <${p.title}>`, h.new.title)
    .addOption(new Option(`--kind <${p.kind}>`, h.new.kind).choices(MEETING_KINDS).argParser(choice(m, MEETING_KINDS, kindFromWords)))
    .option(`--period <${p.period}>`, h.new.period, cliPeriod(m))
    .option(`--chair <${p.name}>`, h.new.chair)
    .option(`--template <${p.template}>`, h.new.template)
    .option(`--today <${p.date}>`, h.new.today, date)
    .option('--dry-run', h.new.dryRun, false)
    .option('--edit', h.new.edit, false)
    .option('--commit', h.new.commit, false)
    .option('--include-config', h.includeConfig, false)
    .addHelpText(
      'after',
      examples(
        m,
        `meet new --date 2020-11-25 --chair "${m.cli.sample.chair}"`,
        `meet new --date 2020-11-25 --chair "${m.cli.sample.chair}" --commit`,
        `meet new --date ${m.cli.sample.reviewDate} --period 2019-10 --chair "${m.cli.sample.chair}"`,
        `meet new --date ${m.cli.sample.meetingDate} --kind thematic --title "${m.cli.sample.thematicTitle}" --chair "${m.cli.sample.chair}"`,
        `meet new --dry-run --chair "${m.cli.sample.chair}"`,
      ),
    )
    .option('--no-cache', h.noCache)
    .action(async (opts: Omit<NewOptions, 'root'>) => {
      const { newCommand } = await import('./commands/new.js');
      setExit(await newCommand({ ...opts, root: globals().root }, io));
    });

  program
    .command('check')
    .description(h.check.description)
    .argument(`[${p.paths}...]`, h.check.paths)
    .option(`--since <${p.ref}>`, h.check.since)
    .addOption(format(`--format <${p.format}>`, h.check.format, ['pretty', 'json', 'github', 'sarif'] as const).default('pretty'))
    .option('--no-cache', h.noCache)
    .addHelpText(
      'after',
      examples(
        m,
        'meet check',
        `meet check ${m.cli.sample.november}`,
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
    .description(h.report.description)
    .option(`--month <${p.month}>`, h.report.month, month)
    .addOption(format(`--format <${p.format}>`, h.report.format, ['text', 'md', 'html', 'json', 'docx', 'pdf'] as const))
    .option(`--out <${p.file}>`, h.report.out)
    .option('--force', h.force, false)
    .option(`--today <${p.date}>`, h.report.today, date)
    .addHelpText(
      'after',
      examples(
        m,
        'meet report --month 2020-10',
        `meet report --month 2020-10 --format html --out ${m.cli.sample.report}.html`,
        'meet report --format json | jq .tasks.overdue',
        'meet report --month 2020-10 --format docx',
        `meet report --month 2020-10 --out ${m.cli.sample.report}.pdf`,
        'meet report --month 2020-10 --locale en',
      ),
    )
    .option('--no-cache', h.noCache)
    .action(async (opts: Omit<ReportOptions, 'root'>) => {
      const { reportCommand } = await import('./commands/report.js');
      setExit(await reportCommand({ ...opts, root: globals().root }, io));
    });

  program
    .command('notice')
    .description(h.notice.description)
    .argument(`<${p.record}>`, h.notice.record)
    .addOption(format(`--format <${p.format}>`, h.notice.format, ['docx', 'pdf', 'html', 'md'] as const))
    .option(`--out <${p.file}>`, h.notice.out)
    .option('--force', h.force, false)
    .option('--draft', h.notice.draft, false)
    .addHelpText(
      'after',
      examples(
        m,
        `meet notice ${m.cli.sample.october}`,
        `meet notice ${m.cli.sample.october} --out ${m.cli.sample.notice}.pdf`,
        `meet notice ${m.cli.sample.november} --draft --format md`,
      ) + `\n${h.notice.after}\n`,
    )
    .action(async (record: string, opts: Omit<NoticeOptions, 'root' | 'record'>) => {
      const { noticeCommand } = await import('./commands/notice.js');
      setExit(await noticeCommand({ record, ...opts, root: globals().root }, io));
    });

  program
    .command('approve')
    .description(h.approve.description)
    .argument(`<${p.record}>`, h.approve.record)
    .requiredOption(`--by <${p.name}>`, h.approve.by)
    .option(`--on <${p.date}>`, h.approve.on, date)
    .option(`--notice-number <${p.number}>`, h.approve.noticeNumber)
    .option(`--notice-date <${p.date}>`, h.approve.noticeDate, date)
    .option(`--signer <${p.name}>`, h.approve.signer)
    .option(`--signer-title <${p.jobTitle}>`, h.approve.signerTitle)
    .option(`--on-behalf <${p.line}>`, h.approve.onBehalf)
    .option('--commit', h.approve.commit, false)
    .option('--include-config', h.includeConfig, false)
    .addHelpText(
      'after',
      examples(
        m,
        `meet approve ${m.cli.sample.october} --by "${m.cli.sample.chair}" --on 2020-10-27`,
        `meet approve ${m.cli.sample.october} --by "${m.cli.sample.chair}" --on 2020-10-27 --notice-number ${m.cli.sample.noticeNumber} --notice-date 2020-10-28`,
      ) + `\n${h.approve.after}\n`,
    )
    .action(async (record: string, opts: Omit<ApproveOptions, 'root' | 'record'>) => {
      const { approveCommand } = await import('./commands/approve.js');
      setExit(await approveCommand({ record, ...opts, root: globals().root }, io));
    });

  const tasks = program
    .command('tasks')
    .description(h.tasks.description)
    // `tasks update ID --status S`: without this, the list's own --status would take the flag.
    .enablePositionalOptions()
    .addOption(new Option(`--status <${p.status}...>`, h.tasks.status).choices(TASK_STATUSES).argParser(each(choice(m, TASK_STATUSES, statusFromWords))))
    .option(`--owner <${p.id}>`, h.tasks.owner)
    .option(`--sector <${p.id}>`, h.tasks.sector)
    .option('--overdue', h.tasks.overdue, false)
    .option(`--due-before <${p.date}>`, h.tasks.dueBefore, date)
    .option(`--assigned-in <${p.month}>`, h.tasks.assignedIn, month)
    .addOption(format(`--sort <${p.key}>`, h.tasks.sort, ['due', 'owner', 'id'] as const).default('due'))
    .addOption(format(`--format <${p.format}>`, h.tasks.format, ['text', 'md', 'json', 'csv'] as const).default('text'))
    .option(`--today <${p.date}>`, h.tasks.today, date)
    .option(`--month <${p.month}>`, h.tasks.month, month)
    .addHelpText(
      'after',
      examples(
        m,
        'meet tasks --overdue',
        `meet tasks --owner ${m.cli.sample.owner} --status open in-progress`,
        `meet tasks --month 2020-11 --format csv > ${m.cli.sample.tasksFile}.csv`,
      ),
    )
    .option('--no-cache', h.noCache)
    .action(async (opts: Omit<TasksOptions, 'root'>) => {
      const { tasksCommand } = await import('./commands/tasks.js');
      setExit(await tasksCommand({ ...opts, root: globals().root }, io));
    });
  tasks
    .command('update')
    // The list's own options (--status…, --owner) are not this command's: its "global options" are meet's (--root…).
    .configureHelp({
      ...localHelp(m),
      visibleGlobalOptions(this: Help) {
        return Help.prototype.visibleGlobalOptions.call(this, tasks);
      },
    })
    .description(h.tasksUpdate.description)
    .argument(`<${p.id}>`, h.tasksUpdate.id)
    .addOption(new Option(`--status <${p.status}>`, h.tasksUpdate.status).choices(TASK_STATUSES).argParser(choice(m, TASK_STATUSES, statusFromWords)))
    .option(`--note <${p.text}>`, h.tasksUpdate.note)
    .option(`--in <${p.record}>`, h.tasksUpdate.in)
    .option('--commit', h.tasksUpdate.commit, false)
    .option('--include-config', h.includeConfig, false)
    .addHelpText(
      'after',
      examples(
        m,
        `meet tasks update ${m.cli.sample.task} --status done`,
        `meet tasks update ${m.cli.sample.otherTask} --status in-progress --note "${m.cli.sample.note}"`,
        `meet tasks update ${m.cli.sample.task} --status done --commit`,
      ),
    )
    .action(async (id: string, opts: Omit<TasksUpdateOptions, 'root' | 'id'>) => {
      const { tasksUpdateCommand } = await import('./commands/tasksUpdate.js');
      setExit(await tasksUpdateCommand({ id, ...opts, root: globals().root }, io));
    });

  program
    .command('log')
    .description(h.log.description)
    .argument(`<${p.id}>`, h.log.id)
    .addOption(format(`--format <${p.format}>`, h.log.format, ['text', 'md', 'json'] as const).default('text'))
    .addHelpText('after', examples(m, `meet log ${m.cli.sample.task}`, `meet log ${m.cli.sample.task} --format json`))
    .option(`--today <${p.date}>`, h.log.today, date)
    .option('--no-cache', h.noCache)
    .action(async (id: string, opts: Pick<LogOptions, 'format' | 'cache' | 'today'>) => {
      const { logCommand } = await import('./commands/log.js');
      setExit(await logCommand({ id, format: opts.format, cache: opts.cache, today: opts.today, root: globals().root }, io));
    });

  program
    .command('diff')
    .description(h.diff.description)
    .argument(`[${p.from}]`, h.diff.from, month)
    .argument(`[${p.to}]`, h.diff.to, month)
    .option(`--rev <${p.range}>`, h.diff.rev)
    .addOption(format(`--format <${p.format}>`, h.diff.format, ['text', 'md', 'json'] as const))
    .addHelpText(
      'after',
      examples(m, 'meet diff 2020-10 2020-11', 'meet diff 2020-09 2020-12 --format json', 'meet diff --rev main...HEAD --format md >> "$GITHUB_STEP_SUMMARY"'),
    )
    .option('--no-cache', h.noCache)
    .action(async (from: Month | undefined, to: Month | undefined, opts: Pick<DiffOptions, 'format' | 'rev' | 'cache'>) => {
      const { diffCommand } = await import('./commands/diff.js');
      setExit(await diffCommand({ from, to, ...opts, root: globals().root }, io));
    });

  program
    .command('digest')
    .description(h.digest.description)
    .option(`--month <${p.month}>`, h.digest.month, month)
    .addOption(format(`--format <${p.format}>`, h.digest.format, ['md', 'html'] as const).default('md'))
    .option(`--out <${p.dir}>`, h.digest.out)
    .option(`--today <${p.date}>`, h.digest.today, date)
    .option('--commit', h.digest.commit, false)
    .option('--include-config', h.includeConfig, false)
    .option('--summary', h.digest.summary, false)
    .option(`--link <${p.url}>`, h.digest.link)
    .addHelpText(
      'after',
      examples(
        m,
        'meet digest',
        'meet digest --month 2020-10 --format html',
        'meet digest --commit',
        `meet digest --commit --summary > ${m.cli.sample.summaryFile}`,
      ) + `\n${h.digest.after}\n`,
    )
    .option('--no-cache', h.noCache)
    .action(async (opts: Omit<DigestOptions, 'root'>) => {
      const { digestCommand } = await import('./commands/digest.js');
      setExit(await digestCommand({ ...opts, root: globals().root }, io));
    });

  program
    .command('calendar')
    .description(h.calendar.description)
    .option(`--owner <${p.id}>`, h.calendar.owner)
    .option(`--out <${p.file}>`, h.calendar.out)
    .option('--force', h.force, false)
    .option(`--today <${p.date}>`, h.calendar.today, date)
    .addHelpText(
      'after',
      examples(
        m,
        `meet calendar --out ${m.cli.sample.tasksFile}.ics`,
        `meet calendar --owner ${m.cli.sample.owner} --out ${m.cli.sample.owner}.ics`,
        `meet calendar > ${m.cli.sample.calendarFile}`,
      ),
    )
    .action(async (opts: Omit<CalendarOptions, 'root'>) => {
      const { calendarCommand } = await import('./commands/calendar.js');
      setExit(await calendarCommand({ ...opts, root: globals().root }, io));
    });

  program
    .command('schema')
    .description(h.schema.description)
    .addHelpText('after', examples(m, 'meet schema > record.schema.json'))
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.js');
      setExit(schemaCommand(io));
    });

  return program;
}

/** `--root DIR`, `--locale X` (and their `=` forms) and `--no-color` moved before the command, where positional options are read. */
function hoistGlobalOptions(argv: readonly string[]): string[] {
  const globals: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--no-color' || arg.startsWith('--root=') || arg.startsWith('--locale=')) globals.push(arg);
    else if ((arg === '--root' || arg === '--locale') && i + 1 < argv.length) globals.push(arg, argv[++i]!);
    else rest.push(arg);
  }
  return [...globals, ...rest];
}

/**
 * `meet help tasks update`: commander's help command takes one word, and
 * showed the help of `tasks`. `meet tasks help [update]`: tasks has no
 * help command of its own, and commander read the word as an argument.
 */
function helpOfSubcommand(args: string[]): string[] {
  const at = args.findIndex(isWord);
  if (at !== -1 && args[at] === 'tasks' && args[at + 1] === 'help') {
    return [...args.slice(0, at), 'tasks', ...(args[at + 2] === 'update' ? ['update'] : []), '--help'];
  }
  if (at === -1 || args[at] !== 'help' || args[at + 1] !== 'tasks' || args[at + 2] !== 'update') return args;
  return [...args.slice(0, at), 'tasks', 'update', '--help', ...args.slice(at + 3)];
}

/**
 * `meet tasks updat x`: commander reads the word as an argument of `tasks`
 * (which lists tasks and takes none) and says "too many arguments". The
 * word right after `tasks` that is no option is the subcommand meant.
 */
function misspeltSubcommand(args: readonly string[]): string | undefined {
  const at = args.findIndex(isWord);
  const word = at === -1 || args[at] !== 'tasks' ? undefined : args[at + 1];
  return word !== undefined && !word.startsWith('-') && word !== 'update' && word !== 'help' ? word : undefined;
}

/** An argument that is neither an option nor the value of --root or --locale (hoisted before the command). */
function isWord(arg: string, i: number, args: readonly string[]): boolean {
  return !arg.startsWith('-') && !(i > 0 && (args[i - 1] === '--root' || args[i - 1] === '--locale'));
}

/** The command help was asked of (`help X`, or `X --help`) when meet has none so named. */
function helpOfUnknownCommand(args: readonly string[], names: readonly string[]): string | undefined {
  const words = args.filter(isWord);
  const asked = words[0] === 'help' ? words[1] : args.includes('--help') || args.includes('-h') ? words[0] : undefined;
  return asked !== undefined && asked !== 'help' && !names.includes(asked) ? asked : undefined;
}

/** `m`: the command line's words in the run's language (main loads those only). */
export async function runCli(argv: string[], io: Io, m: CommandLineMessages): Promise<number> {
  let exitCode = EXIT_OK;
  const args = helpOfSubcommand(hoistGlobalOptions(argv));
  const misspelt = misspeltSubcommand(args);
  if (misspelt !== undefined) {
    const hint = closeTo(misspelt, ['update']) ? `\n${m.cli.didYouMean('tasks update')}` : '';
    io.stderr.write(`${m.main.prefix}${m.cli.unknownCommand(`tasks ${visible(misspelt)}`)}${hint}\n${m.cli.runWithHelp}\n`);
    return EXIT_USAGE;
  }
  const program = buildProgram(
    io,
    m,
    (code) => {
      exitCode = code;
    },
    args,
  );
  // `meet help nosuch`, `meet nosuch --help`: commander shows meet's help as if the command were there.
  const names = program.commands.map((c) => c.name());
  const unknown = helpOfUnknownCommand(args, names);
  if (unknown !== undefined) {
    const near = closeTo(unknown, names);
    io.stderr.write(`${m.main.prefix}${m.cli.unknownCommand(visible(unknown))}${near ? `\n${m.cli.didYouMean(near)}` : ''}\n${m.cli.runWithHelp}\n`);
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, successfully.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}
