// The CI check a pull request cannot subvert (issue 11, items 2 and 3). The
// workflow `meet init --ci github` writes uses this repository's action
// (action.yml), which installs meet from the action's own files; here its
// check job runs as a script — the action's steps as GitHub runs a composite
// action — in a clone of a pull request that ships its own `meet` in
// node_modules, a forged vendored tarball and an .npmrc that would run code.
// The real checker still runs: the broken record fails the job, with
// annotations on the right lines of the records' subfolder.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES, git, GIT_ENV, PROJECT_ROOT, runMeet, tempDir, writeTree, copyRecords } from './helpers.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  if?: string;
  run?: string;
  shell?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Job {
  if?: string;
  permissions: Record<string, string>;
  steps: Step[];
  needs?: string;
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION_REF = 'example/meeting-minutes-cli@0123456789abcdef0123456789abcdef01234567';
const BROKEN = 'meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md';

/** The project's files (tracked and new, not ignored; no dist/, no node_modules/): what GitHub checks out for `uses: owner/meeting-minutes-cli@sha`. */
function actionCheckout(dir: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(path.join(PROJECT_ROOT, file))) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(PROJECT_ROOT, file), path.join(dir, file));
  }
}

interface Context {
  workspace: string;
  temp: string;
  actionPath: string;
  baseRef: string;
  inputs: Record<string, string>;
  outcomes: Record<string, string>;
  path: string[];
  log: string;
}

/** The few expressions the workflow and the action use; any other one fails the test, so a change to them is looked at here. */
function evaluate(expression: string, c: Context): string | boolean {
  const e = expression.trim();
  const known: Record<string, () => string | boolean> = {
    'runner.temp': () => c.temp,
    'github.action_path': () => c.actionPath,
    'inputs.root': () => c.inputs.root!,
    'inputs.format': () => c.inputs.format!,
    "inputs.since || (github.base_ref && format('origin/{0}', github.base_ref)) || ''": () => c.inputs.since || (c.baseRef ? `origin/${c.baseRef}` : ''),
    "inputs.check == 'true'": () => c.inputs.check === 'true',
    "!cancelled() && inputs.check == 'true' && steps.install.outcome == 'success'": () => c.inputs.check === 'true' && c.outcomes.install === 'success',
    'steps.check.outputs.sarif-file': () => '',
  };
  const value = known[e];
  if (!value) throw new Error(`expression not emulated: ${e}`);
  return value();
}

function substitute(text: string, c: Context): string {
  return text.replace(/\$\{\{(.+?)\}\}/g, (_m, e: string) => String(evaluate(e, c)));
}

function condition(text: string | undefined, c: Context): boolean {
  if (text === undefined) return true;
  const inner = /^\$\{\{(.+)\}\}$/.exec(text.trim());
  return evaluate(inner ? inner[1]! : text, c) === true;
}

/** Runs one `run:` step as GitHub does (bash -eo pipefail), with GITHUB_* files; returns its exit code. */
function runStep(step: Step, c: Context): number {
  const files = { GITHUB_OUTPUT: path.join(c.temp, 'output'), GITHUB_STEP_SUMMARY: path.join(c.temp, 'summary.md'), GITHUB_PATH: path.join(c.temp, 'path') };
  for (const file of Object.values(files)) if (!existsSync(file)) writeFileSync(file, '');
  const env: Record<string, string> = {
    HOME: process.env.HOME ?? '/root',
    PATH: [...c.path, path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    ...GIT_ENV,
    ...files,
    GITHUB_WORKSPACE: c.workspace,
    GITHUB_BASE_REF: c.baseRef,
    GITHUB_ACTION_PATH: c.actionPath,
    RUNNER_TEMP: c.temp,
    CI: 'true',
    // This machine reaches no registry for meet's own packages: npm works from its cache.
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
  };
  for (const [key, value] of Object.entries(step.env ?? {})) env[key] = substitute(value, c);
  const cwd = path.resolve(c.workspace, substitute(step['working-directory'] ?? '.', c));
  const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd, env, encoding: 'utf8', timeout: 300_000 });
  c.log += `$ ${step.name ?? step.run}\n${ran.stdout}${ran.stderr}\n`;
  // GITHUB_PATH lines reach the steps after this one.
  c.path = [...readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean).reverse(), ...c.path].filter((p, i, all) => all.indexOf(p) === i);
  return ran.status ?? -1;
}

/** Runs a composite action's steps with `with:` inputs over its defaults; returns each step's outcome by id or name. */
function runAction(action: Action, given: Record<string, unknown>, c: Context): Record<string, number> {
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) inputs[name] = String(given[name] ?? input.default ?? '');
  const context = Object.assign(c, { inputs, outcomes: {} as Record<string, string> });
  const codes: Record<string, number> = {};
  for (const step of action.runs.steps) {
    if (step.uses) {
      expect(step.uses).toMatch(/^actions\/setup-node@/);
      continue;
    }
    if (!condition(step.if, context)) continue;
    const code = runStep(step, context);
    codes[step.id ?? step.name!] = code;
    if (step.id) context.outcomes[step.id] = code === 0 ? 'success' : 'failure';
  }
  return codes;
}

let top: string;
let workflowText: string;
let workflow: Workflow;
let action: Action;
let c: Context;
let codes: Record<string, number>;
let marker: string;

beforeAll(async () => {
  top = tempDir('meet-ci-');
  const repo = path.join(top, 'repo');
  copyRecords(EXAMPLES, path.join(repo, 'bien-ban'));
  writeTree(repo, { 'README.md': 'Biên bản\n' });
  git(repo, 'init', '-q', '-b', 'main');
  const init = await runMeet(['init', 'bien-ban', '--ci', 'github', '--action', ACTION_REF], { cwd: repo, env: GIT_ENV });
  expect(init.code).toBe(0);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Records and workflow');

  // The pull request: a broken record, and everything a hostile one could use to swap the checker.
  marker = path.join(top, 'pwned');
  git(repo, 'checkout', '-q', '-b', 'pr');
  const record = path.join(repo, 'bien-ban', BROKEN);
  writeFileSync(record, readFileSync(record, 'utf8').replace(/owner: (\[?)van-phong/, 'owner: $1van-phon'));
  const fake = `#!/bin/sh\ntouch '${marker}'\nexit 0\n`;
  writeTree(repo, {
    'node_modules/.bin/meet': fake,
    'bien-ban/node_modules/.bin/meet': fake,
    'node_modules/meeting-minutes-cli/package.json': JSON.stringify({ name: 'meeting-minutes-cli', version: '0.1.0', bin: { meet: 'x.js' } }),
    'node_modules/meeting-minutes-cli/x.js': `require('fs').writeFileSync(${JSON.stringify(marker)}, '')\n`,
    'tools/meeting-minutes-cli-0.1.0.tgz': 'not a tarball',
    'evil.cjs': `require('fs').writeFileSync(${JSON.stringify(marker)}, '')\n`,
    '.npmrc': `node-options=--require ${path.join(repo, 'evil.cjs')}\nscript-shell=${path.join(repo, 'node_modules/.bin/meet')}\n`,
    'bien-ban/.npmrc': `node-options=--require ${path.join(repo, 'evil.cjs')}\n`,
  });
  spawnSync('chmod', ['+x', path.join(repo, 'node_modules/.bin/meet'), path.join(repo, 'bien-ban/node_modules/.bin/meet')]);
  git(repo, 'add', '-A', '-f');
  git(repo, 'commit', '-q', '-m', 'A broken record, and a checker of my own');

  // actions/checkout with fetch-depth 0: the whole history, origin/main known.
  const workspace = path.join(top, 'workspace');
  git(top, 'clone', '-q', '--no-local', repo, workspace);
  git(workspace, 'checkout', '-q', 'pr');

  const actionPath = path.join(top, 'action');
  actionCheckout(actionPath);
  workflowText = readFileSync(path.join(workspace, '.github/workflows/meet.yml'), 'utf8');
  workflow = parse(workflowText) as Workflow;
  action = parse(readFileSync(path.join(actionPath, 'action.yml'), 'utf8')) as Action;
  const temp = path.join(top, 'runner-temp');
  mkdirSync(temp);
  c = { workspace, temp, actionPath, baseRef: 'main', inputs: {}, outcomes: {}, path: [], log: '' };

  const steps = workflow.jobs.check!.steps;
  expect(steps[0]!.uses).toMatch(/^actions\/checkout@/);
  const uses = steps[1]!;
  expect(uses.uses).toBe(ACTION_REF);
  codes = runAction(action, uses.with ?? {}, c);
}, 600_000);

describe('the generated GitHub workflow, run on a hostile pull request', () => {
  it('installs the real meet from the action, whatever the pull request ships', () => {
    expect(codes.install, c.log).toBe(0);
    expect(c.log).toMatch(/\n0\.\d+\.\d+\n/);
    expect(existsSync(marker), c.log).toBe(false);
  });

  it("builds the action's folder with the package's own TypeScript (no node_modules there, none on the PATH) and links it", () => {
    // As `npm install -g <folder>` or a git address does for anyone: prepare installs the
    // devDependencies from the lock file (offline, from the npm cache), then builds.
    const link = path.join(c.temp, 'meet', 'lib', 'node_modules', 'meeting-minutes-cli');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(path.resolve(path.dirname(link), readlinkSync(link))).toBe(c.actionPath);
    expect(existsSync(path.join(c.actionPath, 'node_modules', 'typescript')), c.log).toBe(true);
    expect(existsSync(path.join(c.actionPath, 'dist', 'main.js'))).toBe(true);
    expect(existsSync(path.join(c.actionPath, 'dist', 'meet.cjs'))).toBe(true);
  });

  it('fails the check with an annotation on the broken line, named from the repository top', () => {
    expect(codes.check, c.log).toBe(1);
    expect(c.log).toMatch(new RegExp(`::error file=bien-ban/${BROKEN},line=\\d+,col=\\d+,title=meet unknown-owner::`));
    expect(existsSync(marker)).toBe(false);
  });

  it('writes the change to the job summary', () => {
    expect(codes['Summarise the change'], c.log).toBe(0);
    expect(readFileSync(path.join(c.temp, 'summary.md'), 'utf8')).toContain('2020-12-28');
  });

  it('format sarif: names the SARIF file when meet wrote one, and none when it stopped on a usage error (exit 2)', () => {
    const step = action.runs.steps.find((s) => s.id === 'check')!;
    const output = path.join(c.temp, 'output');
    const sarif = (since: string) => {
      writeFileSync(output, '');
      const code = runStep(step, Object.assign(c, { inputs: { ...c.inputs, format: 'sarif', since } }));
      return { code, named: readFileSync(output, 'utf8') };
    };
    const found = sarif('');
    expect(found.code, c.log).toBe(1);
    expect(found.named).toBe(`sarif-file=${path.join(c.temp, 'meet.sarif')}\n`);
    expect(JSON.parse(readFileSync(path.join(c.temp, 'meet.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    const refused = sarif('no-such-branch');
    expect(refused.code, c.log).toBe(2);
    expect(refused.named).toBe('');
  });
});

describe('the workflow text', () => {
  it('the check job: read-only, no token kept, no npm or meet from the tree, the action pinned', () => {
    expect(workflow.permissions).toEqual({});
    const check = workflow.jobs.check!;
    expect(check.if).toBe("github.event_name == 'pull_request'");
    expect(check.permissions).toEqual({ contents: 'read' });
    expect(check.steps[0]).toMatchObject({ with: { 'fetch-depth': 0, 'persist-credentials': false } });
    expect(check.steps.filter((s) => s.run)).toEqual([]);
    expect(check.steps[1]!.with).toEqual({ root: 'bien-ban' });
    expect(workflowText).not.toMatch(/npx|MEET_PACKAGE|tools\//);
  });

  it('the digest job: write access only there, digest --commit; the issue job off unless asked', () => {
    const digest = workflow.jobs.digest!;
    expect(digest.permissions).toEqual({ contents: 'write' });
    expect(digest.steps[1]).toMatchObject({ uses: ACTION_REF, with: { check: 'false' } });
    expect(digest.steps[2]!.run).toContain('meet digest --commit --summary');
    expect(digest.steps[2]!.run).not.toContain('|| true');
    const issue = workflow.jobs['digest-issue']!;
    // Not in a month without meetings: it has no summary, and an issue needs a title.
    expect(issue.if).toBe("vars.MEET_DIGEST_ISSUE == 'true' && needs.digest.outputs.title != ''");
    expect(issue.permissions).toEqual({ issues: 'write' });
    expect(issue.needs).toBe('digest');
  });

  it("the digest step puts the summary into Markdown inside <pre>, a record's <, > and & escaped", () => {
    const dir = tempDir();
    const origin = path.join(dir, 'origin.git');
    const work = path.join(dir, 'work');
    git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
    git(dir, 'clone', '-q', origin, work);
    git(work, 'commit', '-q', '--allow-empty', '-m', 'start');
    git(work, 'push', '-q', 'origin', 'main');
    // A stand-in for meet: what a hostile record's title would put in the summary.
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(
      path.join(bin, 'meet'),
      "#!/bin/sh\nprintf 'UBND: tổng hợp tháng 11/2020\\n- 25/11/2020: Họp <img src=x onerror=alert(1)> [bấm](https://evil.example) @org/team & co\\n'\n",
      { mode: 0o755 },
    );
    const temp = path.join(dir, 'temp');
    mkdirSync(temp);
    const files = { GITHUB_OUTPUT: path.join(temp, 'output'), GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md') };
    const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', workflow.jobs.digest!.steps[2]!.run!], {
      cwd: work,
      env: { HOME: process.env.HOME ?? '/root', PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`, ...GIT_ENV, ...files, RUNNER_TEMP: temp },
      encoding: 'utf8',
    });
    expect(ran.status, ran.stderr).toBe(0);
    const escaped = '- 25/11/2020: Họp &lt;img src=x onerror=alert(1)&gt; [bấm](https://evil.example) @org/team &amp; co';
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toBe(`<pre>\nUBND: tổng hợp tháng 11/2020\n${escaped}\n</pre>\n`);
    const output = readFileSync(files.GITHUB_OUTPUT, 'utf8');
    expect(output).toContain('title=UBND: tổng hợp tháng 11/2020\n');
    expect(output).toContain(`summary<<MEET_DIGEST_EOF\n<pre>\nUBND: tổng hợp tháng 11/2020\n${escaped}\n</pre>\nMEET_DIGEST_EOF\n`);
  });

  it('the action installs outside the workspace, from its own files only', () => {
    expect(action.runs.using).toBe('composite');
    const install = action.runs.steps.find((s) => s.id === 'install')!;
    expect(install['working-directory']).toBe('${{ runner.temp }}');
    expect(install.run).toContain('"$MEET_SOURCE"');
    expect(install.env).toEqual({ MEET_SOURCE: '${{ github.action_path }}' });
    // Inputs reach scripts through the environment, never spliced into them.
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });
});

describe('the GitLab pipeline text', () => {
  type Pipeline = Record<string, { before_script?: string[]; rules?: { if: string }[]; script?: string[] }> & { variables: Record<string, string> };

  it('installs meet from the address it names, outside the checkout; the push token is protected', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    // A self-hosted GitLab on its own port, the address without ".git": as npm takes them.
    const pinned = 'git+https://gitlab.example.org:8443/civic/meeting-minutes-cli#0123456789abcdef0123456789abcdef01234567';
    const run = await runMeet(['init', '.', '--ci', 'gitlab', '--package', pinned], { cwd: dir, env: GIT_ENV });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('HÃY SỬA');
    const text = readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8');
    const ci = parse(text) as Pipeline;
    expect(ci.variables.MEET_PACKAGE).toBe(pinned);
    expect(ci['.meet']!.before_script![1]).toBe('(cd /tmp && npm install --global --no-audit --no-fund "$MEET_PACKAGE")');
    // The guard lets a real address through.
    for (const shell of ['sh', 'bash'])
      expect(spawnSync(shell, ['-c', ci['.meet']!.before_script![0]!], { env: { ...process.env, MEET_PACKAGE: pinned } }).status).toBe(0);
    expect(ci['meet-digest']!.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule" && $CI_COMMIT_REF_PROTECTED == "true"' }]);
    // Its comments say how to keep the token: in the repository's language (Vietnamese here).
    expect(text).toContain('với các tùy chọn Masked\n    # và Protected.');
    expect(text).not.toContain('tools/');
  });

  it('never names a bare npm package: without an address, a placeholder the pipeline stops on, and init says to edit it', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    const run = await runMeet(['init', '.', '--ci', 'gitlab'], { cwd: dir, env: GIT_ENV });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('HÃY SỬA .gitlab-ci.yml: đặt MEET_PACKAGE là địa chỉ git của meet');
    const text = readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8');
    expect(text).not.toMatch(/meeting-minutes-cli@/);
    const ci = parse(text) as Pipeline;
    // The runner's shell may be sh or bash; the message is in the repository's language.
    for (const shell of ['sh', 'bash']) {
      const guard = spawnSync(shell, ['-c', ci['.meet']!.before_script![0]!], {
        env: { ...process.env, MEET_PACKAGE: ci.variables.MEET_PACKAGE },
        encoding: 'utf8',
      });
      expect(guard.status, shell).toBe(1);
      expect(guard.stderr, shell).toContain('Hãy đặt MEET_PACKAGE trong .gitlab-ci.yml là địa chỉ git của meet tại một commit');
    }

    // An address that is not one, and --package or --action for the other service: usage errors, nothing written.
    const other = tempDir();
    git(other, 'init', '-q', '-b', 'main');
    for (const args of [
      ['--ci', 'gitlab', '--package', 'meeting-minutes-cli@0.1.0'],
      // A branch moves: no pin.
      ['--ci', 'gitlab', '--package', 'git+https://example.org/civic/meeting-minutes-cli.git#main'],
      ['--ci', 'gitlab', '--package', 'git+https://example.org/x.git#main"; rm -rf /'],
      ['--ci', 'github', '--package', 'git+https://example.org/x.git#main'],
      ['--ci', 'gitlab', '--action', 'owner/name@v1'],
      ['--package', 'git+https://example.org/x.git#main'],
    ]) {
      const refused = await runMeet(['init', '.', ...args], { cwd: other, env: GIT_ENV });
      expect(refused.code, args.join(' ')).toBe(2);
      expect(readdirSync(other)).toEqual(['.git']);
    }
  });
});
