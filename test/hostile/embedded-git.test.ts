// A pull request's files are data, never git's settings: a records folder
// below the repository's top (`root: bien-ban`) that a pull request makes
// into a bare repository of its own (HEAD, refs/, objects/ borrowing the
// real objects, a config) must not have git read that config, whose
// core.fsmonitor would run a command on `meet check --since`, nor its index,
// which would hide the pull request's changes.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/ruleCatalogue.js';
import { git, MINIMAL_CONFIG, runMeet, tempDir, writeTree } from '../helpers.js';

const GOOD = (date: string, extra = '') => `---\ntitle: Hội nghị\ndate: ${date}\nchair: Hoàng Văn Hiệp\n${extra}---\n`;

describe('a records folder made into a bare repository by a pull request', () => {
  it('runs none of its config and hides none of the change from check --since, nor from log', async () => {
    const top = tempDir('meet-embedded-git-');
    const marker = path.join(tempDir('meet-embedded-marker-'), 'ran');
    writeTree(top, { 'bien-ban/meet.config.yaml': MINIMAL_CONFIG, 'bien-ban/meetings/2020/2020-10-05-a.md': GOOD('2020-10-05') });
    git(top, 'init', '-q', '-b', 'main');
    git(top, 'add', '-A');
    git(top, 'commit', '-q', '-m', 'base');
    git(top, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    git(top, 'checkout', '-q', '-b', 'pr');
    const base = readFileSync(path.join(top, '.git', 'refs', 'heads', 'main'), 'utf8').trim();
    const root = path.join(top, 'bien-ban');
    // The pull request: a record with an error, and the files that make bien-ban/ a bare repository.
    writeFileSync(path.join(root, 'meetings/2020/2020-11-05-b.md'), GOOD('2020-11-05', 'owner-typo: x\n'));
    writeFileSync(path.join(root, 'HEAD'), `${base}\n`);
    mkdirSync(path.join(root, 'refs/remotes/origin'), { recursive: true });
    writeFileSync(path.join(root, 'refs/remotes/origin/main'), `${base}\n`);
    mkdirSync(path.join(root, 'objects/info'), { recursive: true });
    writeFileSync(path.join(root, 'objects/info/alternates'), '../../.git/objects\n');
    writeFileSync(
      path.join(root, 'config'),
      `[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = ..\n\tfsmonitor = "touch ${marker}; false"\n`,
    );
    git(top, 'add', '-A');
    git(top, 'commit', '-q', '-m', 'pr');
    // Git itself, as meet used to run it, takes the folder for a repository and runs the command.
    git(root, 'diff', '--name-only', 'origin/main');
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);

    // meet has git refuse the folder: CI fails, saying why, and nothing of the folder's config runs.
    const run = await runMeet(['check', '--since', 'origin/main', '--format', 'json', '--no-cache'], { cwd: root });
    expect(existsSync(marker)).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`meet check --since: thư mục ${root} chứa các tệp khiến git coi nó là một kho git riêng (HEAD, config, objects/, refs/)`);
    expect(run.stderr).toContain('Hãy xóa các tệp đó khỏi thư mục');
    // The whole check, which needs no git, still finds the record's error.
    const whole = await runMeet(['check', '--format', 'json', '--no-cache'], { cwd: root });
    expect(whole.code).toBe(1);
    expect((JSON.parse(whole.stdout) as Finding[]).map((f) => `${f.file} ${f.rule}`)).toEqual(['meetings/2020/2020-11-05-b.md unknown-key']);
    // meet log reads git too (the commit of each entry).
    await runMeet(['log', 'no-such-task'], { cwd: root });
    await runMeet(['tasks', 'update', 'a', '--status', 'done', '--commit'], { cwd: root });
    expect(existsSync(marker)).toBe(false);
  });
});
