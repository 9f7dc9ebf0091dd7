// Which language meet speaks in this run, known before anything else is
// read (commander's help is built in it): --locale; else the locale of the
// repository the command runs in, read from meet.config.yaml by one regular
// expression (no YAML parser: `meet --help` must stay fast); else, outside a
// repository, LC_ALL / LC_MESSAGES / LANG ("vi_VN…" → vi, anything else → en).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../model/layout.js';
import { configLocale, LOCALES, type Locale } from '../model/terms.js';
import { isInsideRealRoot, nearestRoot } from './paths.js';
import { readRegularFile } from './regularFile.js';
import type { Env } from './terminal.js';

const isLocale = (value: string | undefined): value is Locale => (LOCALES as readonly string[]).includes(value ?? '');

/** The value of `--locale X` / `--locale=X` before any `--`; undefined when absent or not a locale. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === flag && i + 1 < argv.length) found = argv[++i];
    else if (arg.startsWith(`${flag}=`)) found = arg.slice(flag.length + 1);
  }
  return found;
}

/** The locale of the environment: vi for a Vietnamese one (vi_VN.UTF-8, vi), else en. */
export function environmentLocale(env: Env): Locale {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^vi(?:[_.@-]|$)/i.test(value) ? 'vi' : 'en';
}

/** Options taking a value, so that their value is not read as `meet init`'s folder. */
const VALUE_OPTIONS = new Set(['--root', '--locale', '--organization', '--ci', '--action']);

/** The folder `meet init` is given (default: here), or undefined for another command. */
function initFolder(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  return words[0] === 'init' ? (words[1] ?? '.') : undefined;
}

export function resolveLocale(argv: readonly string[], cwd: string, env: Env): Locale {
  const flag = flagValue(argv, '--locale');
  if (isLocale(flag)) return flag;
  // meet init where a repository already is: it refuses in that repository's language.
  const folder = initFolder(argv);
  const target = folder === undefined ? undefined : path.resolve(cwd, folder);
  const root = target !== undefined && existsSync(path.join(target, CONFIG_FILE)) ? target : nearestRoot(cwd, flagValue(argv, '--root'));
  // Only a config that is the repository's own, of sane size: a link to /dev/zero is the command's to refuse, not read here.
  const config = root === undefined ? undefined : path.join(root, CONFIG_FILE);
  if (root !== undefined && isInsideRealRoot(root, config!)) {
    try {
      return configLocale(readRegularFile(config!, { followLinks: true }).toString('utf8'));
    } catch {
      // Unreadable: the command will say why; speak the environment's language meanwhile.
    }
  }
  // meet init of a new repository speaks the language it creates it in (Vietnamese without --locale), its
  // refusals too; its help, read before choosing, stays in the environment's.
  if (target !== undefined && root === undefined && !argv.includes('--help') && !argv.includes('-h')) return 'vi';
  return environmentLocale(env);
}
