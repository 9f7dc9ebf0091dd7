// Reading a file of the repository that may be hostile: a pull request can
// commit a link to /dev/zero or a FIFO where a config, a record, a template
// or a lock file should be. readFileSync would follow it and read for ever
// (or until memory runs out). This opens without following a link unless
// asked (and then only after the caller checked where it leads), never
// blocks on a FIFO, looks at what was opened, and reads a regular file of
// at most `limit` bytes; anything else is an error with a code the callers
// tell apart: ELOOP (a link), ENOTREG (not a regular file), EFBIG (too large),
// EPERM (another user's, where an owner is asked for), or the system's (ENOENT…).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** The largest record meet reads (4 MiB), and so the largest config, template or lock file it reads. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

function failure(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${file}`), { code });
}

/** `owner`: the user the file must belong to (EPERM otherwise), where the system has users. */
export function readRegularFile(file: string, options: { limit?: number; followLinks?: boolean; owner?: number } = {}): Buffer {
  const limit = options.limit ?? MAX_FILE_BYTES;
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.followLinks ? 0 : (constants.O_NOFOLLOW ?? 0));
  const fd = openSync(file, flags);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw failure('EISDIR', file);
    if (!stat.isFile()) throw failure('ENOTREG', file);
    if (stat.size > limit) throw failure('EFBIG', file);
    if (options.owner !== undefined && stat.uid !== options.owner) throw failure('EPERM', file);
    // One byte more than the size said: a file that grew meanwhile is not read past the limit.
    const bytes = Buffer.allocUnsafe(stat.size + 1);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read > limit) throw failure('EFBIG', file);
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
