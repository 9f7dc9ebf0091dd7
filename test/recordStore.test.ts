// The record store (src/io/recordStore.ts), differentially: every command
// that reads the repository gives the same bytes (stdout, stderr, exit code,
// files written) with --no-cache, on its first run with the store (writing
// it) and on a warm run (reading it), on the examples and on a generated
// corpus of mixed YAML styles; after one record changes, too. A store that
// is forged without the key, or that another config wrote, is not used.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { committed, copyExamples, EXAMPLES, PROJECT_ROOT, runMeet, tempDir } from './helpers.js';
import { loadRepository } from '../src/io/repository.js';
import { listRecordFiles } from '../src/io/recordFiles.js';
import { dataOfStored, parseFile } from '../src/io/recordOutcome.js';
import { figureMonthsOf, reportingMonthOf } from '../src/domain/months.js';
import { joinStoredParts, projectKept, readsStoredApart, storedParts, type Projection } from '../src/domain/projection.js';
import { entryHead, forge, storeEntries } from './cacheTools.js';

const NOW = new Date('2021-06-15T03:00:00Z');

interface Outputs {
  code: number;
  stdout: string;
  stderr: string;
  written: Record<string, string>;
}

/** Runs meet in `root`, then takes and removes what it wrote under reports/. */
async function outputs(root: string, args: string[]): Promise<Outputs> {
  const run = await runMeet(['--root', root, ...args], { cwd: root, now: NOW });
  const written: Record<string, string> = {};
  const reports = path.join(root, 'reports');
  if (existsSync(reports)) {
    for (const name of readdirSync(reports).sort()) written[name] = readFileSync(path.join(reports, name), 'utf8');
    rmSync(reports, { recursive: true, force: true });
  }
  return { ...run, written };
}

function storeFiles(root: string): string[] {
  const folder = path.join(root, '.meet-cache');
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.startsWith('store-')) : [];
}

/** The output memo's answers (io/outputMemo.ts). */
function answerFiles(root: string): string[] {
  const folder = path.join(root, '.meet-cache');
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.startsWith('answer-')) : [];
}

/** Removes the memo's answers, so that the next run reads through the record store. */
function forgetAnswers(root: string): void {
  for (const name of answerFiles(root)) rmSync(path.join(root, '.meet-cache', name));
}

/** The commands of issue 16 with arguments that find something in the repository. */
function commandsFor(month: string, previous: string, taskId: string): string[][] {
  return [
    ['new', '--dry-run', '--date', `${month}-27`, '--today', `${month}-27`, '--chair', 'Nguyễn Văn A'],
    ['report', '--month', month, '--format', 'json'],
    ['report', '--month', month, '--format', 'html'],
    ['report', '--month', month, '--format', 'md'],
    ['tasks', '--today', `${month}-28`, '--format', 'json'],
    ['tasks', '--today', `${month}-28`, '--overdue', '--format', 'csv'],
    ['diff', previous, month, '--format', 'json'],
    ['diff', previous, month, '--format', 'md'],
    ['digest', '--month', month],
    ['digest', '--month', month, '--format', 'html', '--summary'],
    ['log', taskId, '--format', 'json'],
  ];
}

/**
 * Each command four times: --no-cache, cold (writing the store and the
 * memo), warm (the memo's answer), and with the answer gone (the store's
 * records); all four the same.
 */
async function expectSameOutputs(root: string, commands: string[][]): Promise<void> {
  for (const args of commands) {
    rmSync(path.join(root, '.meet-cache'), { recursive: true, force: true });
    const uncached = await outputs(root, [...args, '--no-cache']);
    expect(uncached.code, `${args.join(' ')}: ${uncached.stderr}`).toBe(0);
    expect(storeFiles(root), args.join(' ')).toEqual([]);
    const cold = await outputs(root, args);
    expect(storeFiles(root).length, args.join(' ')).toBeGreaterThan(0);
    const warm = await outputs(root, args);
    expect(answerFiles(root).length, args.join(' ')).toBeGreaterThan(0);
    forgetAnswers(root);
    const stored = await outputs(root, args);
    expect(cold, args.join(' ')).toEqual(uncached);
    expect(warm, args.join(' ')).toEqual(uncached);
    expect(stored, args.join(' ')).toEqual(uncached);
  }
}

function generated(records: number): string {
  const out = path.join(tempDir('meet-store-'), 'repo');
  const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bench', 'generate.mjs'), '--records', String(records), '--out', out, '--seed', '3'], {
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return committed(out);
}

function copyOf(folder: string): string {
  const dir = tempDir('meet-store-');
  cpSync(path.join(PROJECT_ROOT, folder), dir, { recursive: true, filter: (source) => path.basename(source) !== '.meet-cache' });
  return committed(dir);
}

/** Every record file under meetings/, in path order. */
function recordFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}/${e.name}`);
      else if (e.name.endsWith('.md')) out.push(`${rel}/${e.name}`);
    }
  };
  walk(path.join(root, 'meetings'), 'meetings');
  return out;
}

describe('the record store gives the outputs of --no-cache', () => {
  it('on examples/', async () => {
    await expectSameOutputs(copyOf('examples'), commandsFor('2020-11', '2020-10', '2020-10-giao-thong-thuy-loi'));
  });

  it('on examples-xa/ (FORMAT v2)', async () => {
    await expectSameOutputs(copyOf('examples-xa'), commandsFor('2021-03', '2021-02', '2021-01-ve-sinh-moi-truong'));
  });

  it('on a generated corpus of mixed styles, and after one record changed', async () => {
    const root = generated(150);
    const files = recordFiles(root);
    const middle = files[Math.floor(files.length / 2)]!;
    const month = path.basename(middle).slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const taskId = /\n {2}- id: (\S+)/.exec(readFileSync(path.join(root, files[0]!), 'utf8'))![1]!;
    const commands = commandsFor(month, previous, taskId);
    await expectSameOutputs(root, commands);

    // One record of the month edited: the store has its old content; outputs follow the new one.
    const edited = path.join(root, middle);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\ntitle: .*\n/, '\ntitle: "Tiêu đề đã sửa"\n'));
    for (const args of commands.filter((a) => a[0] !== 'log')) {
      const warm = await outputs(root, args);
      expect(warm, args.join(' ')).toEqual(await outputs(root, [...args, '--no-cache']));
    }
  });
});

/** How many entries of `before` the store still holds, each asserted the same as it was. */
function entriesKept(before: Map<string, unknown>, after: Map<string, unknown>): number {
  let kept = 0;
  for (const [key, entry] of before) {
    if (!after.has(key)) continue;
    kept++;
    expect(after.get(key), key).toEqual(entry);
  }
  return kept;
}

describe('what a command keeps is not what the store keeps', () => {
  it('a run that keeps records in part (tasks) rewrites a shard with the whole records it held', async () => {
    const root = generated(60);
    const files = recordFiles(root);
    const month = path.basename(files[30]!).slice(0, 7);
    expect((await outputs(root, ['report', '--month', month, '--format', 'json'])).code).toBe(0);
    const before = storeEntries(root);
    expect(before.size).toBe(files.length);
    const edited = path.join(root, files[0]!);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\ntitle: .*\n/, '\ntitle: "Tiêu đề đã sửa"\n'));
    expect((await outputs(root, ['tasks', '--today', `${month}-28`, '--format', 'json'])).code).toBe(0);
    const after = storeEntries(root);
    expect(after.size).toBe(files.length);
    expect(entriesKept(before, after)).toBe(files.length - 1);
    const report = await outputs(root, ['report', '--month', month, '--format', 'json']);
    expect(report).toEqual(await outputs(root, ['report', '--month', month, '--format', 'json', '--no-cache']));
  });

  it('records edited in many shards: each shard is written again with the entries it kept, byte for byte', async () => {
    const root = generated(60);
    const files = recordFiles(root);
    const month = path.basename(files[30]!).slice(0, 7);
    expect((await outputs(root, ['tasks', '--today', `${month}-28`, '--format', 'json'])).code).toBe(0);
    const before = storeEntries(root);
    // Every third record: their old and new keys fall in most of the 64 shards, each read again into one buffer.
    const edited = files.filter((_, i) => i % 3 === 0);
    for (const file of edited) {
      const at = path.join(root, file);
      const text = readFileSync(at, 'utf8');
      writeFileSync(at, text.replace(/\n---(\r?\n)/, `\n---$1\nSửa ${file}.\n`));
      expect(readFileSync(at, 'utf8'), file).not.toBe(text);
    }
    expect((await outputs(root, ['report', '--month', month, '--format', 'json'])).code).toBe(0);
    const after = storeEntries(root);
    expect(after.size).toBe(files.length);
    expect(entriesKept(before, after)).toBe(files.length - edited.length);
    forgetAnswers(root);
    const report = await outputs(root, ['report', '--month', month, '--format', 'json']);
    expect(report).toEqual(await outputs(root, ['report', '--month', month, '--format', 'json', '--no-cache']));
  });

  it('a record edited into the same shard (as many entries as before) has its shard written again', async () => {
    const root = generated(40);
    const files = recordFiles(root);
    const month = path.basename(files[20]!).slice(0, 7);
    expect((await outputs(root, ['tasks', '--today', `${month}-28`, '--format', 'json'])).code).toBe(0);
    const edited = path.join(root, files[0]!);
    const before = readFileSync(edited);
    const shardOf = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('base64url')[0];
    // A title whose content hashes into the old content's shard: one key out, one in, the count unchanged.
    let text = '';
    for (let n = 0; shardOf(text) !== shardOf(before); n++) text = before.toString('utf8').replace(/\ntitle: .*\n/, `\ntitle: "Tiêu đề đã sửa ${n}"\n`);
    writeFileSync(edited, text);
    expect((await outputs(root, ['tasks', '--today', `${month}-28`, '--format', 'json'])).code).toBe(0);
    const after = storeEntries(root);
    expect(after.size).toBe(files.length);
    expect(after.has(createHash('sha256').update(text).digest('base64url'))).toBe(true);
    expect(after.has(createHash('sha256').update(before).digest('base64url'))).toBe(false);
  });
});

/**
 * A command's outputs with --no-cache, then cold (writing the store) and warm
 * (every record from the store, projected), asserted the same; the first returned.
 */
async function sameWithoutStore(root: string, args: string[]): Promise<Outputs> {
  rmSync(path.join(root, '.meet-cache'), { recursive: true, force: true });
  const uncached = await outputs(root, [...args, '--no-cache']);
  expect(await outputs(root, args), args.join(' ')).toEqual(uncached);
  forgetAnswers(root);
  expect(await outputs(root, args), args.join(' ')).toEqual(uncached);
  return uncached;
}

describe('meet log keeps one task and the ids of the others', () => {
  it('suggests the nearest id, and refuses records whose ids clash, as --no-cache does', async () => {
    const root = copyOf('examples');
    const same = (args: string[]) => sameWithoutStore(root, args);
    // A typo: the suggestion comes from the ids of every record, though only facts of them are kept.
    const typo = await same(['log', '2020-10-giao-thong-thuy-lo']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('2020-10-giao-thong-thuy-loi');
    // In records that neither assign nor update the task logged: a task of September assigned
    // again, and an update naming no task. Only the facts kept of them can tell.
    const file = path.join(root, 'meetings/2020/2020-11-12-hoi-nghi-chuyen-de-cong-tac-phong-chong-thien-tai.md');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('2020-10-giao-thong-thuy-loi');
    writeFileSync(
      file,
      text
        .replace(/^tasks:\n/m, 'tasks:\n  - id: 2020-09-cong-bo-ntm\n    title: Lại giao\n    owner: van-phong\n')
        .replace(/^updates:\n/m, 'updates:\n  - task: khong-co-viec-nay\n    status: done\n'),
    );
    expect(readFileSync(file, 'utf8')).not.toBe(text);
    const clash = await same(['log', '2020-10-giao-thong-thuy-loi']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('2020-11-12-hoi-nghi-chuyen-de-cong-tac-phong-chong-thien-tai.md');
    expect(clash.stderr).toContain('khong-co-viec-nay');
    expect(clash.stderr).toContain('duplicate-task-id');
  });
});

describe('a record of a later month keeps only its updates', () => {
  it("its updates held before a month's late meeting count; its tasks do not; its ids still clash", async () => {
    const root = copyOf('examples');
    const same = (args: string[]) => sameWithoutStore(root, args);
    const meeting = (date: string, title: string, rest: string) =>
      writeFileSync(
        path.join(root, 'meetings/2020', `${date}-${title}.md`),
        `---\ntitle: ${title}\ndate: ${date}\nkind: thematic\nchair: Hoàng Văn Hiệp\n${rest}---\n\nNội dung.\n`,
      );
    // Held on 2 December, a December meeting: it closes a task of November and assigns one of its own.
    meeting(
      '2020-12-02',
      'giao-ban-dau-thang',
      'tasks:\n  - id: 2020-12-giao-ban\n    title: Việc của tháng 12\n    owner: van-phong\n    due: 2020-12-20\n' +
        'updates:\n  - task: 2020-11-du-toan-ngan-sach-2021\n    status: done\n    note: Đã trình HĐND ngày 02/12\n',
    );
    // Held on 4 December to review November: November's "as of" day moves to it, past the update above.
    meeting('2020-12-04', 'bo-sung-thang-11', 'period: 2020-11\n');

    const report = await same(['report', '--month', '2020-11', '--format', 'json']);
    expect(report.code, report.stderr).toBe(0);
    const { asOf, tasks } = JSON.parse(report.stdout) as { asOf: string; tasks: Record<string, { id: string; note: string | null }[]> };
    expect(asOf).toBe('2020-12-04');
    expect(tasks.completed!.find((t) => t.id === '2020-11-du-toan-ngan-sach-2021')?.note).toBe('Đã trình HĐND ngày 02/12');
    expect(
      Object.values(tasks)
        .flat()
        .map((t) => t.id),
    ).not.toContain('2020-12-giao-ban');
    await same(['report', '--month', '2020-11', '--format', 'md']);
    await same(['digest', '--month', '2020-11']);
    await same(['diff', '2020-10', '2020-11', '--format', 'json']);
    const month = await same(['tasks', '--month', '2020-11', '--format', 'json']);
    const rows = JSON.parse(month.stdout) as { id: string; status: string }[];
    expect(rows.find((t) => t.id === '2020-11-du-toan-ngan-sach-2021')?.status).toBe('done');
    expect(month.stdout).not.toContain('2020-12-giao-ban');
    const day = await same(['tasks', '--today', '2020-12-01', '--format', 'json']);
    expect(day.stdout).not.toContain('2020-12-giao-ban');
    expect((await same(['tasks', '--today', '2020-12-03', '--format', 'json'])).stdout).toContain('2020-12-giao-ban');

    // A later month's record assigns an October id again: only its facts tell, and the report is refused.
    meeting('2020-12-30', 'giao-lai', 'tasks:\n  - id: 2020-10-giao-thong-thuy-loi\n    title: Lại giao\n    owner: van-phong\n');
    const clash = await same(['report', '--month', '2020-11', '--format', 'json']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('2020-12-30-giao-lai.md');
    expect(clash.stderr).toContain('duplicate-task-id');
    const clashDay = await same(['tasks', '--today', '2020-12-01', '--format', 'json']);
    expect(clashDay.code).toBe(1);
    expect(clashDay.stderr).toContain('duplicate-task-id');
  });
});

describe('what the store trusts', () => {
  it('a shard forged without the key, or written under another config, is not used', async () => {
    const root = copyExamples();
    const args = ['tasks', '--today', '2020-11-28', '--format', 'json'];
    const uncached = await outputs(root, [...args, '--no-cache']);
    await outputs(root, args);
    const shards = storeFiles(root);
    expect(shards.length).toBeGreaterThan(0);
    let tampered = 0;
    for (const name of shards) {
      const file = path.join(root, '.meet-cache', name);
      const text = readFileSync(file, 'utf8');
      if (text.includes('2020-10-giao-thong-thuy-loi')) tampered++;
      writeFileSync(file, text.replaceAll('2020-10-giao-thong-thuy-loi', '2020-10-forged-forged-forge'));
    }
    expect(tampered).toBeGreaterThan(0);
    forgetAnswers(root);
    expect(await outputs(root, args)).toEqual(uncached);

    // Signed with the key, its data is used: the store is what a warm run reads.
    forgetAnswers(root);
    await outputs(root, args);
    for (const name of storeFiles(root)) {
      forge(root, name, (value) => {
        for (const entry of Object.values(value.entries as Record<string, unknown>)) entryHead(entry).data.title = 'FROM THE STORE';
      });
    }
    const forged = await outputs(root, ['report', '--month', '2020-11', '--format', 'json']);
    expect(forged.stderr).toBe('');
    expect(forged.stdout).toContain('FROM THE STORE');

    // …but not once the config changed: every record is read again.
    const config = path.join(root, 'meet.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\n# changed\n`);
    const after = await outputs(root, ['report', '--month', '2020-11', '--format', 'json']);
    expect(after.stdout).not.toContain('FROM THE STORE');
  });

  it("a record with an error stops the command in the run's language, warm or with --locale en", async () => {
    const root = copyExamples();
    const file = path.join(root, 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: 2020-11-25$/m, 'date: 2020-11-31'));
    const args = ['tasks', '--today', '2020-12-01'];
    const vi = await outputs(root, args);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain('không phải là ngày có thật');
    expect((await outputs(root, args)).stderr).toBe(vi.stderr);
    const en = await outputs(root, ['--locale', 'en', ...args]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('is not a real day');
    expect(en.stderr).not.toContain('không phải');
    expect(await outputs(root, ['--locale', 'en', ...args, '--no-cache'])).toEqual(en);
  });
});

describe('what a store entry keeps apart', () => {
  it('is read only where the projection keeps some of it: what each command keeps is the same either way', async () => {
    const generated = path.join(tempDir('meet-apart-'), 'repo');
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bench', 'generate.mjs'), '--records', '300', '--out', generated, '--seed', '7'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    let skipped = 0;
    for (const root of [EXAMPLES, path.join(PROJECT_ROOT, 'examples-xa'), generated]) {
      const { records } = await loadRepository(root);
      const months = [...new Set(records.map((r) => reportingMonthOf(r)))].sort();
      const month = months[Math.floor(months.length / 2)]!;
      const previous = months[Math.floor(months.length / 2) - 1]!;
      const task = records.find((r) => r.data.tasks?.length)!.data.tasks![0]!.id;
      // Each command's projection (src/commands/*.ts, loadReportRepository), and none.
      const projections: Projection[] = [
        { results: false, notes: false },
        { results: false, notes: false, lastDay: `${month}-28` },
        { results: false, notes: false, lastMonth: month },
        { results: false, wholeMonths: [previous, month], notes: false, lastMonth: month },
        { results: false, task },
        { results: figureMonthsOf(month), wholeMonths: [month], lastMonth: month },
        { results: true },
      ];
      for (const { data } of records) {
        const { head, apart } = storedParts(data);
        // As the store gives them back: through JSON, every key in its order again.
        const whole = apart ? joinStoredParts(JSON.parse(JSON.stringify(head)), JSON.parse(JSON.stringify(apart))) : head;
        expect(JSON.stringify(whole)).toBe(JSON.stringify(data));
        for (const projection of projections) {
          const read = apart && !readsStoredApart(projection)(head) ? head : whole!;
          if (read === head && apart) skipped++;
          expect(JSON.stringify(projectKept(projection)(read)), JSON.stringify(projection)).toBe(JSON.stringify(projectKept(projection)(data)));
        }
      }
    }
    // Most records' narrative and results went unread (a projection that read everything would prove nothing).
    expect(skipped).toBeGreaterThan(1000);
  });

  it('an entry made by a parse gives its record whole, in either form', async () => {
    const { config, records } = await loadRepository(EXAMPLES);
    const files = listRecordFiles(EXAMPLES, config.paths.meetings);
    let split = 0;
    for (const entry of files) {
      const { outcome, stored } = parseFile(entry, config, { store: true });
      expect(stored, entry.file).toBeDefined();
      if (stored![0] === 0x5b) split++;
      const record = records.find((r) => r.file === entry.file)!;
      expect(JSON.stringify(dataOfStored(stored!)), entry.file).toBe(JSON.stringify(record.data));
      expect(outcome.record).toBeDefined();
    }
    expect(split).toBeGreaterThan(0);
  });

  it('parts that do not make the record are no record', () => {
    const { head, apart } = storedParts({ title: 'Họp', date: '2020-03-20', decisions: ['d'], tasks: [] } as never);
    expect(Object.keys(head)).toEqual(['title', 'date', 'tasks']);
    expect(Object.keys(joinStoredParts(head, apart)!)).toEqual(['title', 'date', 'decisions', 'tasks']);
    expect(joinStoredParts(head, { ...apart, order: [...apart!.order, 'missing'] })).toBeUndefined();
    expect(joinStoredParts(head, { order: 'title', values: {} })).toBeUndefined();
    expect(joinStoredParts(head, null)).toBeUndefined();
  });
});
