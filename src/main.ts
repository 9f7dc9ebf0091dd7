// The one place that turns errors into exit codes. Nothing else calls
// process.exit; commands throw MeetError or return an exit code. Tests call
// main with their own Io (folder, environment, streams, clock); the binary
// calls runProcess, which builds it from the process.
import { setFlagsFromString } from 'node:v8';
import { runCli } from './cli.js';
import { resolveLocale } from './io/locale.js';
import { toolVersion } from './io/packageRoot.js';
import { processIo, type Io } from './io/terminal.js';
import { EXIT_INTERNAL, EXIT_USAGE } from './model/errors.js';
import { enCommandLine } from './model/messages/en.cli.js';
import { viCommandLine } from './model/messages/vi.cli.js';
import { visible, visibleLines } from './model/text.js';

export async function main(argv: string[], io: Io): Promise<number> {
  // The language of this run, known before commander builds its help.
  const locale = io.locale ?? resolveLocale(argv, io.cwd, io.env);
  const localIo: Io = { ...io, locale };
  try {
    // The command line's words, not the whole catalogue: `meet --help` stays fast.
    return await runCli(argv, localIo, locale === 'vi' ? viCommandLine : enCommandLine);
  } catch (error) {
    // Imported here, not above: the classes the commands throw, which the start-up file (scripts/bundle.mjs) does not copy.
    const { ConfigInvalid, MeetError } = await import('./model/errors.js');
    const m = (await import('./model/messages/index.js')).messages(locale);
    // Messages quote paths, ids, git's words and the config: every control
    // character in them is shown visibly (model/text.ts), line ends aside.
    if (error instanceof ConfigInvalid) {
      io.stderr.write(`${m.main.prefix}${visibleLines(error.render(m).message)}\n`);
      for (const f of error.findings) io.stderr.write(`${visible(f.file)}:${f.line}:${f.column}: ${visible(f.message)} (${f.rule})\n`);
      return error.exitCode;
    }
    if (error instanceof MeetError) {
      const { message, hint } = error.render(m);
      io.stderr.write(`${m.main.prefix}${visibleLines(message)}\n`);
      if (hint) io.stderr.write(`${visibleLines(hint)}\n`);
      return error.exitCode;
    }
    // A bug, not bad input: say so plainly, with the details for a report.
    io.stderr.write(`${m.main.prefix}${m.main.internal}${visibleLines((error as Error)?.stack ?? String(error))}\n${m.main.internalHint}\n`);
    return EXIT_INTERNAL;
  }
}

/** The binary's entry: the process's own folder, environment, streams and clock. */
export async function runProcess(argv: string[]): Promise<number> {
  // `meet check --format json | head`: a reader that stops early is not a
  // crash; the rest of the output has nowhere to go.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    // `meet calendar > feed.ics` on a full disk: said as --out says it, exit 2 (not 1, "the records have errors").
    const line = (resolveLocale(argv, process.cwd(), process.env) === 'vi' ? viCommandLine : enCommandLine).main;
    process.stderr.write(`${line.prefix}${line.outputNotWritten(visible(error.code ?? String(error.message)))}\n`);
    process.exit(EXIT_USAGE);
  });
  // `meet --version` needs no command modules at all: answer before loading them.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  // The yaml parser reads process.env once per token, and each read of the
  // real process.env is a slow call into the runtime: a plain copy behaves
  // the same for this process and its children, at a fraction of the cost.
  process.env = { ...process.env };
  // V8 doubles the young generation (up to 2 × 16 MB) while a program allocates fast, as a large load does; every
  // record the load keeps is copied out of it anyway. Kept at its first size: a report at 100,000 records peaked
  // ~20 MB lower, no slower; a cold check at 10,000 took 1.03× (BENCHMARKS.md). The binary's own setting: the
  // tests' in-process runs keep Node's. It may grow again once the records are read (youngGenerationMayGrow).
  setFlagsFromString('--semi-space-growth-factor=1');
  return main(argv, processIo(!argv.includes('--no-color')));
}
