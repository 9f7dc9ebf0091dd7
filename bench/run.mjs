#!/usr/bin/env node
// The benchmark of issues 5 and 16: times whole processes of `meet` and of
// the floors (node -e 0, read-all, parse-and-validate) side by side, on
// generated repositories, and prints each figure with its ratio to the
// relevant floor. Every command of issue 16 is measured cold (no
// .meet-cache/), warm (the record store filled and the same question
// answered once before: the output memo's answer) and after one record
// changed (the store answers for the other records).
//
//   npm run bench [-- --sizes 1000,10000] [--with-100k] [--runs 5] [--runs-100k N]
//                    [--seed 1] [--skip parse-yaml,check-1t] [--generate-only]
//
// --runs-100k: runs at 100,000 records and more (default: --runs). A cold run
// there fills the store first (35 s, after a `check` of 24 s): one run of
// each row takes the whole benchmark about 20 minutes, three (a median of
// three pairs, which a single slow pair does not move) about 40.
//
// Repositories are generated once per size and seed into bench/.data/
// (git-ignored) and reused while bench/generate.mjs is unchanged. Run
// `npm run build` first: the built CLI (bin/meet.cjs → dist/) is measured.
// Wall time: process.hrtime around spawnSync, median of --runs runs after one
// untimed warm-up of the file cache; a row with a target runs each time
// right after the row its ratio is to (a cold command after a cold `check`),
// and its ratio is the median of those pairs'. Peak memory: GNU time's %M
// (max RSS), when /usr/bin/time is there.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const PROJECT = path.dirname(BENCH);
const MEET = path.join(PROJECT, 'bin', 'meet.cjs');
const GENERATOR = path.join(BENCH, 'generate.mjs');
// Where `meet check` will keep its cache (issue 5): removed before each "first run".
const CACHE_DIRS = ['.meet-cache'];
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.org',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.org',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
};

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    'with-100k': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    'runs-100k': { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: path.join(BENCH, 'results', 'latest.md') },
    skip: { type: 'string', default: '' },
    'generate-only': { type: 'boolean', default: false },
  },
});
const skipped = new Set(values.skip.split(',').filter(Boolean));
const sizes = values.sizes
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
if (values['with-100k'] && !sizes.includes(100_000)) sizes.push(100_000);
const runs = Number(values.runs);
const largeRuns = Number(values['runs-100k'] ?? values.runs);
/** How many times each row runs at `records`. */
const runsAt = (records) => (records >= 100_000 ? largeRuns : runs);
const seed = Number(values.seed);
if (sizes.length === 0 || ![runs, largeRuns].every((n) => Number.isInteger(n) && n >= 1) || !Number.isInteger(seed)) {
  process.stderr.write(
    'usage: npm run bench -- [--sizes 1000,10000] [--with-100k] [--runs 5] [--runs-100k N] [--seed 1] [--skip ROW,…] [--generate-only] [--out FILE]\n',
  );
  process.exit(2);
}
if (!existsSync(path.join(PROJECT, 'dist', 'main.js'))) {
  process.stderr.write('bench: dist/ is missing; run "npm run build" first\n');
  process.exit(2);
}
const TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0 ? '/usr/bin/time' : undefined;
const log = (line) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------- data sets

function generatorHash() {
  return createHash('sha256').update(readFileSync(GENERATOR)).digest('hex').slice(0, 16);
}

/** A generated repository of `records` meetings, made once and reused. */
function dataset(records) {
  const dir = path.join(BENCH, '.data', `r${records}-s${seed}`);
  const markerFile = path.join(dir, '.bench.json');
  const marker = JSON.stringify({ records, seed, generator: generatorHash() });
  if (existsSync(markerFile) && readFileSync(markerFile, 'utf8') === marker) return dir;
  rmSync(dir, { recursive: true, force: true });
  log(`generating ${records} records into ${path.relative(PROJECT, dir)} …`);
  const run = spawnSync(process.execPath, [GENERATOR, '--records', String(records), '--out', dir, '--seed', String(seed)], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`generate.mjs failed (${run.status})`);
  // A git repository, as records live in one (`meet log` reads its history).
  const git = (...args) => {
    const run = spawnSync('git', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...GIT_ENV } });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'Generated records');
  writeFileSync(markerFile, marker);
  return dir;
}

/** Months that have records, from file names: YYYY-MM, sorted. */
function monthsOf(root) {
  const months = new Set();
  for (const year of readdirSync(path.join(root, 'meetings'))) {
    for (const name of readdirSync(path.join(root, 'meetings', year))) months.add(name.slice(0, 7));
  }
  return [...months].sort();
}

// ------------------------------------------------------------------ timing

function runOnce(args, cwd, env = {}) {
  const memFile = path.join(os.tmpdir(), `meet-bench-${process.pid}.mem`);
  const command = TIME ? TIME : process.execPath;
  const argv = TIME ? ['-f', '%M', '-o', memFile, process.execPath, ...args] : args;
  const started = process.hrtime.bigint();
  // Data goes to /dev/null: a pipe would make this process's reading part of the figure.
  const run = spawnSync(command, argv, {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakMiB;
  if (TIME && existsSync(memFile)) {
    const kb = Number(readFileSync(memFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) peakMiB = kb / 1024;
    rmSync(memFile, { force: true });
  }
  return { seconds, peakMiB, code: run.status, stderr: run.stderr?.toString() ?? '' };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Times `runs` runs; `before` runs untimed before each one (e.g. removing a
 * cache), and a row with `warmUp` runs once untimed first. With `partner`
 * (the row its ratio is to), each run follows a run of the partner, and the
 * ratio is the median of the runs' ratios to theirs: this machine's speed
 * drifts by 10–15% within minutes, and rows measured minutes apart moved a
 * ratio by 0.2–0.4 (BENCHMARKS.md).
 */
function measure(row, cwd, runs, partner) {
  const times = [];
  const peaks = [];
  const partnerTimes = [];
  const ratios = [];
  let failure;
  // A warm row's first run after the cold rows fills the store and keeps the answer: not what "warm" means.
  if (row.warmUp) runOnce(row.args, cwd, row.env);
  for (let i = 0; i < runs; i++) {
    let before;
    if (partner) {
      partner.before?.();
      before = runOnce(partner.args, cwd, partner.env);
      if (before.code !== (partner.expect ?? 0)) {
        failure = `${partner.id}, run before it: exit ${before.code}: ${before.stderr.trim().split('\n').slice(0, 3).join(' / ')}`;
        break;
      }
    }
    row.before?.();
    const result = runOnce(row.args, cwd, row.env);
    if (result.code !== (row.expect ?? 0)) {
      failure = `exit ${result.code}: ${result.stderr.trim().split('\n').slice(0, 3).join(' / ')}`;
      break;
    }
    times.push(result.seconds);
    if (result.peakMiB !== undefined) peaks.push(result.peakMiB);
    if (before) {
      partnerTimes.push(before.seconds);
      ratios.push(result.seconds / before.seconds);
    }
  }
  if (failure) return { ...row, failure };
  return {
    ...row,
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    peakMiB: peaks.length ? Math.max(...peaks) : undefined,
    ...(partner ? { partnerMedian: median(partnerTimes), ratioValue: median(ratios) } : {}),
  };
}

// ------------------------------------------------------------------- the run

/** The commands of issue 16, each measured cold (no .meet-cache/) and warm (the record store filled). */
function commandsFor(root, { from, to, today, early, taskId }) {
  const meet = (...args) => [MEET, '--root', root, ...args];
  return [
    { id: 'new', what: `\`meet new --dry-run --date ${early}\``, args: meet('new', '--dry-run', '--date', early, '--today', early, '--chair', 'Nguyễn Văn A') },
    { id: 'report-json', what: `\`meet report --month ${to} --format json\``, args: meet('report', '--month', to, '--format', 'json', '--today', today) },
    { id: 'report-html', what: `\`meet report --month ${to} --format html\``, args: meet('report', '--month', to, '--format', 'html', '--today', today) },
    { id: 'tasks', what: `\`meet tasks --today ${today} --overdue\``, args: meet('tasks', '--today', today, '--overdue') },
    { id: 'diff', what: `\`meet diff ${from} ${to}\``, args: meet('diff', from, to, '--format', 'md') },
    { id: 'digest', what: `\`meet digest --month ${to}\``, args: meet('digest', '--month', to, '--today', today) },
    { id: 'log', what: `\`meet log ${taskId}\``, args: meet('log', taskId, '--format', 'json') },
  ];
}

/** A task id of the first record: for `meet log`. */
function firstTaskId(root) {
  return /\n {2}- id: (\S+)/.exec(readFileSync(path.join(root, 'meetings', ...firstRecord(root)), 'utf8'))[1];
}

function rowsFor(root) {
  const months = monthsOf(root);
  // A month well inside the data, and the one before it, for report and diff.
  const to = months[Math.floor(months.length * 0.6)];
  const from = months[months.indexOf(to) - 1] ?? to;
  const today = `${to}-28`;
  // `meet new` lists every task still open: early in the data, its record stays under the 4 MiB limit.
  const early = `${months[1]}-27`;
  const removeCache = () => CACHE_DIRS.forEach((d) => rmSync(path.join(root, d), { recursive: true, force: true }));
  // One record changed before each run: a warm run after an edit.
  const edited = path.join(root, 'meetings', ...firstRecord(root));
  let flip = false;
  const editOne = () => {
    flip = !flip;
    const text = readFileSync(edited, 'utf8').replace(/\n<!-- bench edit \d -->\n$/, '\n');
    writeFileSync(edited, `${text}\n<!-- bench edit ${flip ? 1 : 0} -->\n`);
  };
  const meet = (...args) => [MEET, '--root', root, ...args];
  const floor = (script, ...args) => [path.join(BENCH, script), '--root', root, ...args];
  const commands = commandsFor(root, { from, to, today, early, taskId: firstTaskId(root) });
  return [
    { id: 'node', what: '`node -e 0`', args: ['-e', '0'] },
    { id: 'read', what: 'floor: read every file (`bench/floor-read.mjs`)', args: floor('floor-read.mjs') },
    // The parse-and-validate floor: a fast public YAML parser (js-yaml), zod, the rules, one thread.
    {
      id: 'parse',
      what: 'floor: parse and validate (`bench/floor-parse.mjs --yaml js-yaml`)',
      args: floor('floor-parse.mjs', '--yaml', 'js-yaml'),
      ratio: 'read',
    },
    { id: 'parse-yaml', what: '… the same with the `yaml` package (`--yaml failsafe`)', args: floor('floor-parse.mjs', '--yaml', 'failsafe'), ratio: 'parse' },
    { id: 'version', what: '`meet --version`', args: [MEET, '--version'], ratio: 'node', target: 1.5 },
    { id: 'help', what: '`meet --help`', args: [MEET, '--help'], ratio: 'node', target: 1.5 },
    { id: 'check-nc', what: '`meet check --no-cache` (cold)', args: meet('check', '--no-cache'), ratio: 'parse', target: 1.3 },
    { id: 'check', what: '`meet check` (no cache yet: it writes one)', args: meet('check'), before: removeCache, ratio: 'parse' },
    {
      id: 'check-1t',
      what: '`meet check --no-cache`, one thread (`MEET_THREADS=0`)',
      args: meet('check', '--no-cache'),
      env: { MEET_THREADS: '0' },
      ratio: 'parse',
    },
    { id: 'check2', what: '`meet check`, second run (unchanged records)', args: meet('check'), ratio: 'read', target: 2 },
    { id: 'check-edit', what: '`meet check` after one record changed', args: meet('check'), before: editOne, ratio: 'read' },
    ...commands.map((c) => ({ ...c, id: `${c.id}-cold`, what: `${c.what}, cold`, before: removeCache, ratio: 'check', target: 1.5 })),
    ...commands.map((c) => ({ ...c, id: `${c.id}-warm`, what: `${c.what}, warm`, warmUp: true, ratio: 'read', target: 2 })),
    ...commands.map((c) => ({ ...c, id: `${c.id}-edit`, what: `${c.what}, after one record changed`, before: editOne, ratio: 'read' })),
  ];
}

/** The first record file, as [year, name]. */
function firstRecord(root) {
  const year = readdirSync(path.join(root, 'meetings')).sort()[0];
  return [year, readdirSync(path.join(root, 'meetings', year)).sort()[0]];
}

function benchSize(records) {
  const root = dataset(records);
  const files = readdirSync(path.join(root, 'meetings')).reduce((n, year) => n + readdirSync(path.join(root, 'meetings', year)).length, 0);
  log(`\n${records} records (${files} files) in ${path.relative(PROJECT, root)}, ${runsAt(records)} runs each`);
  // Warm the file cache, and make sure the CLI accepts this repository.
  const warm = runOnce([MEET, '--root', root, 'check'], root);
  if (warm.code !== 0) log(`  warning: meet check exits ${warm.code} on the generated repository: ${warm.stderr.trim().slice(0, 300)}`);
  const results = [];
  const rows = rowsFor(root);
  for (const row of rows.filter((r) => !skipped.has(r.id))) {
    // A row with a target is paired with the row of its ratio.
    const partner = row.target !== undefined ? rows.find((r) => r.id === row.ratio) : undefined;
    const result = measure(row, root, runsAt(records), partner);
    results.push(result);
    log(
      `  ${row.id.padEnd(15)} ${result.failure ?? `${result.median.toFixed(3)} s (${result.min.toFixed(3)}–${result.max.toFixed(3)})${result.peakMiB ? `, ${result.peakMiB.toFixed(0)} MiB` : ''}${result.partnerMedian === undefined ? '' : `; ${partner.id} before it ${result.partnerMedian.toFixed(3)} s, ${result.ratioValue.toFixed(2)}×`}`}`,
    );
  }
  const byId = Object.fromEntries(results.map((r) => [r.id, r]));
  for (const r of results) {
    const reference = r.ratio && byId[r.ratio];
    if (reference && !r.failure && !reference.failure && r.ratioValue === undefined) r.ratioValue = r.median / reference.median;
  }
  return { records, root, results, byId };
}

// ------------------------------------------------------------------ output

const fmt = (n, digits = 2) => (n === undefined ? '' : n.toFixed(digits));
const sizeName = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

function machine() {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${os.availableParallelism?.() ?? cpus.length} cores available (nproc)`,
    `- memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node ${process.version}, ${os.type()} ${os.release()} (${os.arch()})`,
    `- load average at the end of the run: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  ].join('\n');
}

function render(sets, startedAt, loadBefore) {
  const out = [];
  out.push(`# Benchmark results`, '');
  const largeFlag = largeRuns !== runs && sizes.some((n) => n >= 100_000) ? ` --runs-100k ${largeRuns}` : '';
  // The rows left out are part of the command: a reader compares runs by it.
  const skipFlag = skipped.size > 0 ? ` --skip ${[...skipped].join(',')}` : '';
  out.push(`Run ${startedAt.toISOString()} with \`npm run bench -- --sizes ${sizes.join(',')} --runs ${runs}${largeFlag} --seed ${seed}${skipFlag}\`.`, '');
  out.push(machine());
  out.push(`- load average at the start: ${loadBefore.map((l) => l.toFixed(2)).join(', ')}`);
  out.push(`- peak memory: ${TIME ? 'GNU time %M (max RSS of the process)' : 'not measured (no /usr/bin/time)'}`, '');
  out.push(
    'Times are wall seconds of whole processes, median of the runs (min–max beside it); the ratio is to the row named in "vs". ' +
      "A row with a target is paired: each of its runs follows a run of that row, and its ratio is the median of the ratios of the pairs (that row's median in those pairs beside its name).",
    '',
  );
  for (const set of sets) {
    out.push(`## ${sizeName(set.records)} records`, '');
    out.push('| what | median s | min–max s | peak MiB | vs | ratio | target |');
    out.push('|---|---:|---:|---:|---|---:|---|');
    for (const r of set.results) {
      if (r.failure) {
        out.push(`| ${r.what} | failed: ${r.failure.replace(/\|/g, '\\|')} | | | | | |`);
        continue;
      }
      const target = r.target ? `≤ ${r.target}× ${r.ratioValue <= r.target ? '**met**' : 'not met'}` : '';
      out.push(
        `| ${r.what} | ${fmt(r.median, 3)} | ${fmt(r.min, 3)}–${fmt(r.max, 3)} | ${fmt(r.peakMiB, 0)} | ${r.ratio ?? ''}${r.partnerMedian === undefined ? '' : `, paired (${fmt(r.partnerMedian, 3)} s)`} | ${r.ratioValue === undefined ? '' : `${fmt(r.ratioValue)}×`} | ${target} |`,
      );
    }
    out.push('');
  }
  const small = sets.find((s) => s.records === 10_000);
  const large = sets.find((s) => s.records === 100_000);
  if (small && large) {
    out.push('## From 10k to 100k records', '', '| what | 10k s | 100k s | growth | target |', '|---|---:|---:|---:|---|');
    for (const a of small.results) {
      const b = large.byId[a.id];
      if (!b || a.failure || b.failure || ['node', 'version', 'help'].includes(a.id)) continue;
      const growth = b.median / a.median;
      const target = a.id === 'read' || a.id.startsWith('parse') ? '' : `≤ 11× ${growth <= 11 ? '**met**' : 'not met'}`;
      out.push(`| ${a.what} | ${fmt(a.median, 2)} | ${fmt(b.median, 2)} | ${fmt(growth, 1)}× | ${target} |`);
    }
    out.push('');
  }
  if (large) {
    const meetRows = large.results.filter((r) => !r.failure && r.peakMiB !== undefined && r.args[0] === MEET);
    if (meetRows.length) {
      const over = meetRows.filter((r) => r.peakMiB > 400);
      const worst = meetRows.reduce((a, b) => (b.peakMiB > a.peakMiB ? b : a));
      out.push(
        `Peak memory of meet at 100k (target ≤ 400 MiB for every command): largest ${fmt(worst.peakMiB, 0)} MiB (${worst.what}); ${over.length ? `over the target: ${over.map((r) => `${r.id} ${fmt(r.peakMiB, 0)} MiB`).join(', ')}` : '**met** by every row'}.`,
        '',
      );
    }
  }
  return out.join('\n');
}

const startedAt = new Date();
const loadBefore = os.loadavg();
if (values['generate-only']) {
  for (const records of sizes) log(`${records} records: ${path.relative(PROJECT, dataset(records))}`);
  process.exit(0);
}
const sets = [];
for (const records of sizes) sets.push(benchSize(records));
const text = render(sets, startedAt, loadBefore);
mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
writeFileSync(path.resolve(values.out), `${text}\n`);
process.stdout.write(`${text}\n`);
log(`\nwritten to ${path.relative(process.cwd(), path.resolve(values.out)) || values.out}`);
