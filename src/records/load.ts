// Reading a records repository from disk: find the root, read the config,
// walk the meetings folder. Parsing itself is pure (parse.ts).
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { RULES, type Finding } from '../domain/findings.js';
import type { Config } from '../domain/schema.js';
import { checkRepository } from '../domain/rules.js';
import { RecordsError, UsageError } from '../errors.js';
import { parseConfig, parseRecord, type MeetingRecord, type RecordParse } from './parse.js';

export const CONFIG_FILE = 'meet.config.yaml';

/** The nearest folder upwards from `start` holding meet.config.yaml. */
export function findRoot(start: string, explicit?: string): string {
  if (explicit) {
    const root = path.resolve(start, explicit);
    if (!existsSync(path.join(root, CONFIG_FILE))) {
      throw new UsageError(`No ${CONFIG_FILE} in ${root}.`, 'Run "meet init" there first, or give --root the folder that holds it.');
    }
    return root;
  }
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new UsageError(
        `No ${CONFIG_FILE} found in ${path.resolve(start)} or any folder above it.`,
        'Run "meet init" to create a records repository, or pass --root DIR.',
      );
    }
    dir = parent;
  }
}

export interface Repository {
  root: string;
  config: Config;
  records: MeetingRecord[];
  /** Every finding: config, each file, and the cross-record rules. */
  findings: Finding[];
  /** What was salvaged of records with schema errors (the cross-record rules saw them too). */
  partial?: MeetingRecord[];
}

export function readConfig(root: string): { config?: Config; findings: Finding[] } {
  const file = path.join(root, CONFIG_FILE);
  if (!isInsideRealRoot(root, file)) {
    throw new UsageError(`${file} is a symbolic link leading outside the repository; it is not read.`, 'Replace the link with the file itself.');
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = parseConfig(bytes, CONFIG_FILE);
  return { config: parsed.config, findings: parsed.findings };
}

export interface RecordFile {
  /** Relative to the root, with `/`. */
  file: string;
  absolute: string;
  /** Set when the file must not be read (a link leading outside). */
  refused?: Finding;
}

/** Every `.md` file under the meetings folder, in path order. */
export function listRecordFiles(root: string, config: Config): RecordFile[] {
  const realRoot = realpathSync(root);
  const meetings = path.join(root, config.paths.meetings);
  const out: RecordFile[] = [];
  if (!existsSync(meetings)) return out;
  // The meetings folder itself may be a link: it must stay inside too.
  if (!isInsideRealRoot(root, meetings)) {
    const file = toPosix(path.relative(root, meetings));
    return [{ file, absolute: meetings, refused: refusal(file, 'The meetings folder is a symbolic link leading outside the repository; nothing in it is read') }];
  }
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return; // a link cycle
    seen.add(real);
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      // Hidden files and folders (editor swap files, .git) are not records.
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(dir, entry.name);
      const file = toPosix(path.relative(root, absolute));
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch {
          if (entry.name.endsWith('.md')) {
            out.push({ file, absolute, refused: { ...refusal(file, 'This symbolic link points to a file that does not exist'), rule: 'file-unreadable' } });
          }
          continue;
        }
        if (!isInside(realRoot, target)) {
          if (entry.name.endsWith('.md') || statSync(target).isDirectory()) {
            out.push({ file, absolute, refused: refusal(file, 'This symbolic link leads outside the repository; it is not read') });
          }
          continue;
        }
        isDirectory = statSync(target).isDirectory();
      }
      if (isDirectory) walk(absolute);
      else if (entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') out.push({ file, absolute });
    }
  };
  walk(meetings);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function refusal(file: string, message: string): Finding {
  return { file, line: 1, column: 1, severity: RULES['file-outside-root'].severity, rule: 'file-outside-root', message };
}

/** True when `target` (which exists) resolves, links and all, inside the real `root`. */
export function isInsideRealRoot(root: string, target: string): boolean {
  try {
    return isInside(realpathSync(root), realpathSync(target));
  } catch {
    return false;
  }
}

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function readRecordFile(entry: RecordFile): RecordParse {
  if (entry.refused) return { findings: [entry.refused] };
  let bytes: Buffer;
  try {
    const stat = lstatSync(entry.absolute);
    if (stat.isDirectory()) return { findings: [] };
    // A FIFO or device named *.md would block the read forever.
    const target = stat.isSymbolicLink() ? statSync(entry.absolute) : stat;
    if (!target.isFile()) {
      return { findings: [{ file: entry.file, line: 1, column: 1, severity: 'error', rule: 'file-unreadable', message: 'This is not a regular file (a pipe, socket or device), so it is not read' }] };
    }
    bytes = readFileSync(entry.absolute);
  } catch (error) {
    return {
      findings: [
        { file: entry.file, line: 1, column: 1, severity: 'error', rule: 'file-unreadable', message: `The file cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` },
      ],
    };
  }
  return parseRecord(bytes, entry.file);
}

/**
 * Reads the whole repository. Throws UsageError when there is no config at
 * all, and ConfigInvalid (with its findings) when the config has errors.
 */
export function readRepository(root: string): Repository {
  const loaded = readConfig(root);
  if (!loaded.config) throw new ConfigInvalid(loaded.findings);
  const config = loaded.config;
  const findings: Finding[] = [...loaded.findings];
  const records: MeetingRecord[] = [];
  const partial: MeetingRecord[] = [];
  for (const entry of listRecordFiles(root, config)) {
    const result = readRecordFile(entry);
    findings.push(...result.findings);
    if (result.record) records.push(result.record);
    if (result.partial) partial.push(result.partial);
  }
  findings.push(...checkRepository(config, [...records, ...partial]));
  return { root, config, records, findings, partial };
}

/** meet.config.yaml has errors: nothing else can be read meaningfully. */
export class ConfigInvalid extends RecordsError {
  constructor(readonly findings: Finding[]) {
    super(`${CONFIG_FILE} has ${findings.length === 1 ? 'an error' : `${findings.length} errors`}; fix it first.`);
    this.name = 'ConfigInvalid';
  }
}

/**
 * The repository, for commands that read it to produce something (report,
 * tasks, diff): any error in the records stops them (exit 1), since a report
 * built on a broken record would be wrong without saying so.
 */
export function readValidRepository(root: string): Repository {
  const repository = readRepository(root);
  const errors = repository.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const shown = errors.slice(0, 10).map((f) => `  ${f.file}:${f.line}:${f.column}: ${f.message} (${f.rule})`);
    if (errors.length > shown.length) shown.push(`  … and ${errors.length - shown.length} more`);
    throw new RecordsError(
      `The records have ${errors.length === 1 ? 'an error' : `${errors.length} errors`}:\n${shown.join('\n')}`,
      'Run "meet check" for the details, fix the records, then run this command again.',
    );
  }
  return repository;
}
