// A write that fails part-way, for real: createInPlace from the build
// (dist/), in a child process whose files may grow to 1 KiB (`ulimit -f`).
// The other createInPlace tests are in files.test.ts.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, spawnProcess, tempDir } from './helpers.js';

const NAME = '2020-10-26-giao-ban.md';

/** A folder holding the temp file createFileExclusive would have written before trying link(). */
function folderWithTemp(content: string): { dir: string; temp: string; target: string } {
  const dir = tempDir('meet-files-');
  const temp = path.join(dir, `.${NAME}.1234.abcd.tmp`);
  writeFileSync(temp, content);
  return { dir, temp, target: path.join(dir, NAME) };
}

describe('createInPlace (new files without hard links)', () => {
  it.skipIf(process.platform === 'win32')('removes a half-written file when the write fails part-way', async () => {
    const { dir, temp, target } = folderWithTemp('');
    // Files may grow to 1 KiB in the child: the write fails there with EFBIG
    // (Node ignores SIGXFSZ), after the first kilobyte is on disk.
    const files = pathToFileURL(path.join(PROJECT_ROOT, 'dist', 'io', 'writeFiles.js')).href;
    const script = `
      const { createInPlace } = await import(${JSON.stringify(files)});
      const [temp, target, size] = process.argv.slice(1);
      try { createInPlace(temp, target, 'x'.repeat(Number(size))); console.log('written'); }
      catch (error) { console.log(error.code); }`;
    const run = await spawnProcess(
      'sh',
      ['-c', 'ulimit -f 1 && exec "$0" "$@"', process.execPath, '--input-type=module', '-e', script, temp, target, String(64 * 1024)],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('EFBIG');
    expect(readdirSync(dir)).toEqual([]);
  });
});
