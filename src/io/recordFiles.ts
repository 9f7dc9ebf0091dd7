// Finding and reading record files, without parsing them: the meetings
// folder's .md files, their bytes and content hashes. Kept apart from the
// parsers so a cached `meet check` never loads the YAML and schema code.
import { hash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { RULES, type Finding } from '../model/ruleCatalogue.js';
import { UsageError } from '../model/errors.js';
import { isInside, isInsideRealRoot, toPosix } from './paths.js';
import { CONFIG_FILE } from '../model/layout.js';
import { visible } from '../model/text.js';
import { messages } from '../model/messages/index.js';
import type { Locale } from '../model/terms.js';
import { readRegularFile } from './regularFile.js';

/** meet.config.yaml's bytes; a link leading outside the root is refused. */
export function readConfigBytes(root: string): Buffer {
  const file = path.join(root, CONFIG_FILE);
  if (!isInsideRealRoot(root, file)) {
    throw new UsageError(
      (m) => m.errors.configLink(visible(file)),
      (m) => m.errors.configLinkHint,
    );
  }
  try {
    // Where the link leads was checked above; a FIFO, a device or a huge file is refused, not read for ever.
    return readRegularFile(file, { followLinks: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError((m) => m.errors.cannotReadConfig(visible(file), visible(m.errors.unreadableWhy(code))));
  }
}

export interface RecordFile {
  /** The repository's root, one string for every file of a listing. */
  root: string;
  /** Relative to the root, with `/`. */
  file: string;
  /** Set when the file must not be read (a link leading outside). */
  refused?: Finding;
}

/**
 * Where a listed file is. Worked out when read rather than held: a listing
 * of 100,000 records lives as long as the run, and their absolute paths
 * were another 13 MB beside the names.
 */
export function absolutePathOf(entry: RecordFile): string {
  return path.join(entry.root, entry.file);
}

/**
 * `.md` in any case: a record saved as `X.MD` (Windows editors do that) is
 * read, and its name reported by the file-name rule, rather than skipped in silence.
 */
export function isMarkdownName(name: string): boolean {
  return name.toLowerCase().endsWith('.md');
}

/** A name the loader reads as a record, in a folder it walks: Markdown, not a README. */
function isRecordName(name: string): boolean {
  return isMarkdownName(name) && name.toLowerCase() !== 'readme.md';
}

/**
 * Whether `file` (root-relative, with `/`) is a file the loader reads as a
 * record under `meetings`: `.md` in any case, no hidden file or folder on the
 * way, not a README.
 */
export function isRecordFile(file: string, meetings: string): boolean {
  const inside = meetings === '' || meetings === '.' ? file : file.startsWith(`${meetings}/`) ? file.slice(meetings.length + 1) : undefined;
  if (inside === undefined) return false;
  const parts = inside.split('/');
  const name = parts[parts.length - 1]!;
  return isRecordName(name) && !parts.some((part) => part.startsWith('.'));
}

// A record saved as text: "2020-10-30-hop.txt", "hop.md.txt" (Notepad), "2020-10-30-hop.markdown". Other files
// (a scan of the signed minutes, a note without a date) are no record and are passed over in silence.
const TEXT_EXTENSION = '\\.(?:txt|text|markdown|mdown|mkdn?|mdwn)$';
const TEXT_ENDING = new RegExp(`(?:\\.md)?${TEXT_EXTENSION}`, 'iu');
const RECORD_AS_TEXT = new RegExp(`^(?:\\d{4}-\\d{2}-\\d{2}.*|.*\\.md)${TEXT_EXTENSION}`, 'iu');

/**
 * Every `.md` file under the meetings folder, in path order. Symbolic links
 * are never followed (docs/format.md): one leading outside is refused as
 * before, one that cannot be resolved is unreadable, and one inside the
 * repository (to a record or a folder) gets a file-link finding and nothing
 * behind it is read. So every record has one path, the one git reports for
 * it, and `check --since` sees exactly what a full check sees. Findings in `locale`.
 */
export function listRecordFiles(root: string, meetingsFolder: string, locale: Locale = 'en'): RecordFile[] {
  const m = messages(locale).files;
  const realRoot = realpathSync(root);
  const meetings = path.join(root, meetingsFolder);
  const out: RecordFile[] = [];
  if (!existsSync(meetings)) return out;
  const folder = toPosix(path.relative(root, meetings));
  // The meetings folder itself may be a link: it must stay inside too.
  if (!isInsideRealRoot(root, meetings)) {
    return [{ root, file: folder, refused: refusal(folder, m.meetingsLink) }];
  }
  // …and be the real folder, not reached through a link.
  if (realpathSync(meetings) !== path.join(realRoot, path.relative(root, meetings))) {
    return [
      {
        root,
        file: folder,
        refused: linkRefusal(folder, m.meetingsThroughLink),
      },
    ];
  }
  const unreadable = (file: string, message: string) =>
    out.push({ root, file, refused: { ...refusal(file, message), rule: 'file-unreadable', severity: RULES['file-unreadable'].severity } });
  const walk = (dir: string, relative: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // Never in silence: the records in it would be left out of every check.
      unreadable(relative, m.folderUnreadable((error as NodeJS.ErrnoException).code ?? String(error)));
      return;
    }
    // A name that is no UTF-8 comes back with U+FFFD in it, a path that does not exist.
    const lossy = (name: string) => name.includes('\uFFFD') && !existsSync(path.join(dir, name));
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      // Hidden files and folders (editor swap files, .git) are not records.
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(dir, entry.name);
      const file = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (lossy(entry.name)) {
        if (entry.isDirectory() || isMarkdownName(entry.name)) unreadable(file, m.nameNotUtf8);
        continue;
      }
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch {
          if (isMarkdownName(entry.name)) {
            unreadable(file, m.danglingLink);
          }
          continue;
        }
        const isFolder = statSync(target).isDirectory();
        if (!isMarkdownName(entry.name) && !isFolder) continue;
        if (!isInside(realRoot, target)) {
          out.push({ root, file, refused: refusal(file, m.outsideLink) });
        } else {
          out.push({
            root,
            file,
            refused: linkRefusal(file, m.linkNotFollowed(isFolder ? 'folder' : 'record', toPosix(path.relative(realRoot, target)) || '.')),
          });
        }
        continue;
      }
      if (entry.isDirectory()) walk(absolute, file);
      else if (isRecordName(entry.name)) out.push({ root, file });
      else if (RECORD_AS_TEXT.test(entry.name)) {
        const finding = { file, line: 1, column: 1, severity: RULES['file-not-read'].severity, rule: 'file-not-read' as const };
        const name = entry.name.replace(TEXT_ENDING, '.md');
        // A copy beside the record it was saved from (Notepad's "hop.md.txt" next to "hop.md"): renaming would overwrite it.
        const message = existsSync(path.join(dir, name)) ? m.notReadBeside(visible(name)) : m.notRead(visible(name));
        out.push({ root, file, refused: { ...finding, message } });
      }
    }
  };
  walk(meetings, folder);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function linkRefusal(file: string, message: string): Finding {
  return { file, line: 1, column: 1, severity: RULES['file-link'].severity, rule: 'file-link', message };
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

/**
 * A buffer reused from one read to the next, for bytes used up before the
 * next read: `(size) => ` a view of `size` bytes, the buffer grown (doubled,
 * at least `minimum`) when it is too small. Many reads then leave no trail
 * of buffers awaiting collection.
 */
export function reusedBuffer(minimum = 0): (size: number) => Buffer {
  let buffer = Buffer.alloc(0);
  return (size) => {
    if (buffer.length < size) buffer = Buffer.allocUnsafe(Math.max(size, minimum, buffer.length * 2));
    return buffer.subarray(0, size);
  };
}

// One buffer for every file hashed: a check of 100,000 unchanged records
// reads 800 MB, which must not become 100,000 buffers awaiting collection.
const scratch = reusedBuffer(64 * 1024);

/**
 * The content hash of a record file (as `contentHash` of its bytes), or why
 * it is not read: the same answers as readRecordBytes, without keeping the bytes.
 */
export function hashRecordFile(entry: RecordFile, locale: Locale = 'en'): string | Finding[] {
  const bytes = readInto(entry, scratch, locale);
  return Array.isArray(bytes) ? bytes : contentHash(bytes);
}

/** Every record file under the meetings folder with its content hash: undefined for one that cannot be read. */
export function hashedRecordFiles(root: string, meetingsFolder: string, locale: Locale): { files: RecordFile[]; keys: (string | undefined)[] } {
  // `locale`: the language of the findings of files refused as listed (a link, a name that is not UTF-8).
  const files = listRecordFiles(root, meetingsFolder, locale);
  return { files, keys: files.map((entry) => recordFileKey(entry)) };
}

/** A record file's content hash, or undefined when it cannot be read (hashRecordFile, without the reason). */
export function recordFileKey(entry: RecordFile): string | undefined {
  const hashed = hashRecordFile(entry);
  return Array.isArray(hashed) ? undefined : hashed;
}

function readInto(entry: RecordFile, buffer: (size: number) => Buffer, locale: Locale): Buffer | Finding[] {
  if (entry.refused) return [entry.refused];
  let fd: number | undefined;
  try {
    // Non-blocking, so that a FIFO named *.md cannot hold the run waiting for
    // a writer; what was opened is then looked at, not what the name was.
    // Never through a link either: the listing refused those; one that
    // appeared since is not followed.
    fd = openSync(absolutePathOf(entry), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
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
