// meet init --ci github|gitlab: the workflow is valid YAML with the
// documented triggers, jobs and commands; it is added to an existing
// repository without touching its config, and never overwritten. Run by the
// built CLI (the spawned tier), as the workflow it writes runs it in CI.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, makeRepo, MINIMAL_CONFIG, spawnMeet, tempDir } from './helpers.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  'working-directory'?: string;
}

interface GithubWorkflow {
  on: { pull_request: unknown; schedule: { cron: string }[]; workflow_dispatch: unknown };
  env: Record<string, string>;
  jobs: Record<string, { if: string; permissions: Record<string, string>; defaults: { run: { 'working-directory': string } }; steps: Step[] }>;
}

/** Every `run` of a job, one string. */
function runs(steps: Step[]): string {
  return steps.map((s) => s.run ?? '').join('\n');
}

describe('meet init --ci github', () => {
  it('creates a repository with a workflow: PR checks and the semantic diff, a monthly committed digest', async () => {
    const dir = path.join(tempDir(), 'bien-ban');
    const run = await spawnMeet(['init', dir, '--ci', 'github'], { cwd: path.dirname(dir) });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('.github/workflows/meet.yml');
    expect(existsSync(path.join(dir, 'meet.config.yaml'))).toBe(true);

    const workflow = parse(readFileSync(path.join(dir, '.github', 'workflows', 'meet.yml'), 'utf8')) as GithubWorkflow;
    expect(workflow.on.pull_request).toBeTruthy();
    expect(workflow.on.schedule[0]!.cron).toBe('0 12 1 * *');
    expect('workflow_dispatch' in workflow.on).toBe(true);

    const check = workflow.jobs.check!;
    expect(check.if).toBe("github.event_name == 'pull_request'");
    expect(check.permissions).toEqual({ contents: 'read' });
    // meet is installed and run by the pinned meet action (test/ciWorkflow.spawn.test.ts runs it).
    expect(check.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(check.steps[1]).toMatchObject({ uses: expect.stringMatching(/\/meeting-minutes-cli@v\d+\.\d+\.\d+$/), with: { root: '.' } });

    const digest = workflow.jobs.digest!;
    expect(digest.if).toContain("github.event_name == 'schedule'");
    expect(digest.permissions).toEqual({ contents: 'write' });
    const script = runs(digest.steps);
    expect(script).toMatch(/git config user\.name .+\ngit config user\.email .+\nmeet digest --commit --summary > .+\ngit push\n/);
  });

  it('on an existing records repository only adds the workflow, leaving the config as it was', async () => {
    const dir = makeRepo({});
    git(dir, 'init', '-q', '-b', 'main');
    const before = readdirSync(dir).sort();
    const run = await spawnMeet(['init', '--ci', 'github'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('đã có; giữ nguyên');
    expect(readFileSync(path.join(dir, 'meet.config.yaml'), 'utf8')).toBe(MINIMAL_CONFIG);
    expect(readdirSync(dir).sort()).toEqual([...before, '.github'].sort());
    expect(readdirSync(path.join(dir, '.github', 'workflows'))).toEqual(['meet.yml']);
  });

  it('never overwrites a workflow: exit 2, the file unchanged, nothing else created', async () => {
    const dir = path.join(tempDir(), 'bien-ban');
    expect((await spawnMeet(['init', dir, '--ci', 'github'], { cwd: path.dirname(dir) })).code).toBe(0);
    const file = path.join(dir, '.github', 'workflows', 'meet.yml');
    const first = readFileSync(file, 'utf8');
    const again = await spawnMeet(['init', '--ci', 'github'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('đã có; meet init không bao giờ ghi đè tệp này');
    expect(readFileSync(file, 'utf8')).toBe(first);

    // A new repository whose folder sits in a repository that has a workflow: refused before anything is made.
    const inner = path.join(dir, 'khac');
    const nested = await spawnMeet(['init', inner, '--ci', 'github'], { cwd: dir });
    expect(nested.code).toBe(2);
    expect(existsSync(inner)).toBe(false);
  });

  it('puts the workflow at the top of the git repository and runs meet in the records folder', async () => {
    const top = tempDir();
    git(top, 'init', '-q', '-b', 'main');
    mkdirSync(path.join(top, 'src'));
    const run = await spawnMeet(['init', '../bien-ban', '--ci', 'github', '--locale', 'en'], { cwd: path.join(top, 'src') });
    expect(run.code).toBe(0);
    expect(existsSync(path.join(top, 'bien-ban', 'meet.config.yaml'))).toBe(true);
    expect(existsSync(path.join(top, 'bien-ban', '.git'))).toBe(false);
    const workflow = parse(readFileSync(path.join(top, '.github', 'workflows', 'meet.yml'), 'utf8')) as GithubWorkflow;
    expect(workflow.jobs.check!.steps[1]!.with).toEqual({ root: 'bien-ban' });
    expect(workflow.jobs.digest!.steps.find((s) => s.run?.includes('meet digest'))!['working-directory']).toBe('bien-ban');
  });
});

describe('meet init --ci gitlab', () => {
  interface GitlabJob {
    extends: string;
    rules: { if: string }[];
    script: string[];
    variables?: Record<string, string>;
    artifacts?: { paths: string[]; when: string };
  }

  it('writes .gitlab-ci.yml: merge request checks and the diff artifact, the digest on a schedule', async () => {
    const dir = makeRepo({});
    git(dir, 'init', '-q', '-b', 'main');
    const run = await spawnMeet(['init', '--ci', 'gitlab'], { cwd: dir });
    expect(run.code).toBe(0);
    const ci = parse(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')) as Record<string, unknown> & {
      variables: Record<string, string>;
      '.meet': { image: string; before_script: string[] };
    };
    expect(ci.variables.MEET_DIR).toBe('.');
    expect(ci['.meet'].image).toBe('node:20');
    expect(ci['.meet'].before_script.at(-1)).toBe('cd "$MEET_DIR"');

    const check = ci['meet-check'] as GitlabJob;
    expect(check.extends).toBe('.meet');
    expect(check.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(check.variables).toEqual({ GIT_DEPTH: '0' });
    expect(check.script).toContain('meet check --since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"');
    expect(check.script).toContain('meet diff --rev "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME...HEAD" --format md > "$CI_PROJECT_DIR/meet-diff.md"');
    expect(check.artifacts).toMatchObject({ paths: ['meet-diff.md'], when: 'always' });

    const digest = ci['meet-digest'] as GitlabJob;
    expect(digest.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule" && $CI_COMMIT_REF_PROTECTED == "true"' }]);
    const script = digest.script.join('\n');
    expect(script).toContain('meet digest --commit');
    expect(script.indexOf('git config user.name')).toBeLessThan(script.indexOf('meet digest --commit'));
    expect(script.indexOf('meet digest --commit')).toBeLessThan(script.indexOf('git push'));
    // The schedule the file's comment gives is the one meet tells the user to create.
    const cron = /"(\d+ \d+ 1 \* \*)"/.exec(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8'))![1]!;
    expect(run.stderr + run.stdout).toContain(`("${cron}"`);
  });
});
