// `--out FILE`: the format a file's extension asks for, or a usage error
// naming the formats the command can write (a report.pdf that holds
// Markdown helps no one).
import path from 'node:path';
import { UsageError } from '../model/errors.js';

/**
 * The format `file`'s extension asks for (case-insensitive): undefined for
 * a name without an extension, which says nothing (--format, or the
 * command's default, decides); an extension not in `byExtension` is a usage
 * error (exit 2) that lists the extensions the command writes.
 */
export function formatForOut<F extends string>(command: string, file: string, byExtension: Readonly<Record<string, F>>): F | undefined {
  const extension = path.extname(file).toLowerCase();
  if (extension === '') return undefined;
  const format = Object.hasOwn(byExtension, extension) ? byExtension[extension] : undefined;
  if (format !== undefined) return format;
  const known = Object.keys(byExtension);
  throw new UsageError(
    (m) => m.outFile.unknownExtension(command, extension, file, known.join(', ')),
    (m) => m.outFile.unknownExtensionHint,
  );
}

const BINARY = new Set(['docx', 'pdf']);

/**
 * A Word or PDF file name with another --format (or a Word or PDF --format
 * with another file name) is a usage error: the file would not hold what its
 * name says.
 */
export function refuseMismatch(command: string, format: string | undefined, fromFile: string | undefined, file: string | undefined): void {
  if (format === undefined || fromFile === undefined || format === fromFile) return;
  if (!BINARY.has(format) && !BINARY.has(fromFile)) return;
  throw new UsageError(
    (m) => m.outFile.mismatch(command, format, path.extname(file ?? '').toLowerCase(), file ?? ''),
    (m) => m.outFile.mismatchHint(fromFile, format),
  );
}
