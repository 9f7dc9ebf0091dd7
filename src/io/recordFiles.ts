// Finding and reading record files, without parsing them: the meetings
// folder's .md files, their bytes and content hashes. Kept apart from the
// parsers so a cached `meet check` never loads the YAML and schema code.
import { hash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { RULES, type Finding } from '../model/ruleCatalogue.js';
import { UsageError } from '../model/errors.js';
import { isInside, isInsideRealRoot, toPosix } from './paths.js';
import { CONFIG_FILE } from '../model/layout.js';
import { messages } from '../model/messages/index.js';
import type { Locale } from '../model/terms.js';

/** meet.config.yaml's bytes; a link leading outside the root is refused. */
export function readConfigBytes(root: string): Buffer {
  const file = path.join(root, CONFIG_FILE);
  if (!isInsideRealRoot(root, file)) {
    throw new UsageError(
      (m) => m.errors.configLink(file),
      (m) => m.errors.configLinkHint,
    );
  }
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError((m) => m.errors.cannotReadConfig(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}

export interface RecordFile {
  /** Relative to the root, with `/`. */
  file: string;
  absolute: string;
  /** Set when the file must not be read (a link leading outside). */
  refused?: Finding;
}

/**
 * `.md` in any case: a record saved as `X.MD` (Windows editors do that) is
 * read, and its name reported by the file-name rule, rather than skipped in silence.
 */
function isMarkdownName(name: string): boolean {
  return name.toLowerCase().endsWith('.md');
}

/** Every `.md` file under the meetings folder, in path order. */
export function listRecordFiles(root: string, meetingsFolder: string, locale: Locale = 'en'): RecordFile[] {
  const m = messages(locale).files;
  const realRoot = realpathSync(root);
  const meetings = path.join(root, meetingsFolder);
  const out: RecordFile[] = [];
  if (!existsSync(meetings)) return out;
  // The meetings folder itself may be a link: it must stay inside too.
  if (!isInsideRealRoot(root, meetings)) {
    const file = toPosix(path.relative(root, meetings));
    return [{ file, absolute: meetings, refused: refusal(file, m.meetingsLink) }];
  }
  // Real paths of the folders walked: a link back to one of them is a cycle.
  // Only links need resolving; a plain sub-folder's real path is its parent's plus its name.
  const seen = new Set<string>();
  const walk = (dir: string, real: string, relative: string): void => {
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      // Hidden files and folders (editor swap files, .git) are not records.
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(dir, entry.name);
      const file = relative === '' ? entry.name : `${relative}/${entry.name}`;
      let isDirectory = entry.isDirectory();
      let target = path.join(real, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          target = realpathSync(absolute);
        } catch {
          if (isMarkdownName(entry.name)) {
            out.push({ file, absolute, refused: { ...refusal(file, m.danglingLink), rule: 'file-unreadable' } });
          }
          continue;
        }
        if (!isInside(realRoot, target)) {
          if (isMarkdownName(entry.name) || statSync(target).isDirectory()) {
            out.push({ file, absolute, refused: refusal(file, m.outsideLink) });
          }
          continue;
        }
        isDirectory = statSync(target).isDirectory();
      }
      if (isDirectory) walk(absolute, target, file);
      else if (isMarkdownName(entry.name) && entry.name.toLowerCase() !== 'readme.md') out.push({ file, absolute });
    }
  };
  walk(meetings, realpathSync(meetings), toPosix(path.relative(root, meetings)));
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function refusal(file: string, message: string): Finding {
  return { file, line: 1, column: 1, severity: RULES['file-outside-root'].severity, rule: 'file-outside-root', message };
}

/** A record file's content hash: what the cache is keyed by, and how a re-read is known to be the same file. */
export function contentHash(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'base64url');
}

/** A record file's bytes, or why it is not read: a refused link, a folder, a FIFO, an error. */
export function readRecordBytes(entry: RecordFile, locale: Locale = 'en'): Buffer | Finding[] {
  return readInto(entry, (size) => Buffer.allocUnsafe(size), locale);
}

// One buffer for every file hashed: a check of 100,000 unchanged records
// reads 800 MB, which must not become 100,000 buffers awaiting collection.
let scratch = Buffer.alloc(0);

/**
 * The content hash of a record file (as `contentHash` of its bytes), or why
 * it is not read: the same answers as readRecordBytes, without keeping the bytes.
 */
export function hashRecordFile(entry: RecordFile, locale: Locale = 'en'): string | Finding[] {
  const bytes = readInto(
    entry,
    (size) => {
      if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, 64 * 1024, scratch.length * 2));
      return scratch.subarray(0, size);
    },
    locale,
  );
  return Array.isArray(bytes) ? bytes : contentHash(bytes);
}

function readInto(entry: RecordFile, buffer: (size: number) => Buffer, locale: Locale): Buffer | Finding[] {
  if (entry.refused) return [entry.refused];
  let fd: number | undefined;
  try {
    // Non-blocking, so that a FIFO named *.md cannot hold the run waiting for
    // a writer; what was opened is then looked at, not what the name was.
    fd = openSync(entry.absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return [];
    if (!stat.isFile()) {
      return [
        {
          file: entry.file,
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'file-unreadable',
          message: messages(locale).files.notRegular,
        },
      ];
    }
    const bytes = buffer(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return read < bytes.length ? bytes.subarray(0, read) : bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return [];
    return [
      {
        file: entry.file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'file-unreadable',
        message: messages(locale).files.cannotRead(code ?? (error as Error).message),
      },
    ];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
