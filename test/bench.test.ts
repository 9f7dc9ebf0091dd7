// The benchmark's generator, as a smoke test: what it writes is a valid
// records repository, rich enough to exercise the rules, and the same seed
// always writes the same bytes (the benchmark's figures depend on it).
// No timing here: speed lives in `npm run bench`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runMeet, tempDir } from './helpers.js';

const GENERATOR = path.join(PROJECT_ROOT, 'bench', 'generate.mjs');

function generate(records: number, seed: number): string {
  const out = path.join(tempDir('meet-bench-'), 'repo');
  const run = spawnSync(process.execPath, [GENERATOR, '--records', String(records), '--out', out, '--seed', String(seed)], { encoding: 'utf8' });
  expect(run.stderr).toContain(`generated ${records} records`);
  expect(run.status).toBe(0);
  return out;
}

/** Every file under `dir`, relative path → bytes, in path order. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const absolute = path.join(at, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else files.set(path.relative(dir, absolute).split(path.sep).join('/'), readFileSync(absolute));
    }
  };
  walk(dir);
  return files;
}

function hashOf(files: Map<string, Buffer>): string {
  const hash = createHash('sha256');
  for (const [file, bytes] of files) hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  return hash.digest('hex');
}

describe('bench/generate.mjs', () => {
  const repo = generate(30, 7);
  const files = filesOf(repo);
  const records = [...files].filter(([file]) => file.startsWith('meetings/'));

  it('writes a repository that `meet check` accepts with no findings', async () => {
    const result = await runMeet(['check', '--root', repo, '--format', 'json'], { cwd: repo });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('writes 30 records of realistic size and content', () => {
    expect(files.has('meet.config.yaml')).toBe(true);
    expect(records).toHaveLength(30);
    for (const [file, bytes] of records) {
      expect(file).toMatch(/^meetings\/\d{4}\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
      expect(bytes.length).toBeGreaterThan(4_000);
      expect(bytes.length).toBeLessThan(12_000);
    }
    const text = records.map(([, bytes]) => bytes.toString('utf8')).join('\n');
    expect(text).toMatch(/Hội nghị thường kỳ tháng \d+ năm 20\d\d/);
    // Updates name tasks of earlier meetings, and metrics are reported.
    expect(text).toMatch(/^ {2}- task: [a-z0-9-]+$/m);
    expect(text).toMatch(/^ {6}[a-z-]+: \d+(\.\d+)?$/m);
  });

  it('is deterministic: the same seed gives byte-identical files, another seed others', () => {
    const again = filesOf(generate(30, 7));
    expect([...again.keys()]).toEqual([...files.keys()]);
    expect(hashOf(again)).toBe(hashOf(files));
    expect(hashOf(filesOf(generate(30, 8)))).not.toBe(hashOf(files));
  });

  it('refuses to write into a folder that is not empty', () => {
    const run = spawnSync(process.execPath, [GENERATOR, '--records', '5', '--out', repo], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not empty');
  });
});
