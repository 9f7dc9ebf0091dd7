// The commit checked out, read from .git's files (io/gitHead.ts) for a warm
// `meet log`: wherever the files answer, the answer must be git's own
// (`git rev-parse HEAD --is-shallow-repository`), in real repositories; and
// wherever the files are not plain, the reader must give up and git answer.
import { chownSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headFromGit } from '../src/io/git.js';
import { headFromFiles, headOf } from '../src/io/gitHead.js';
import { committed, git, tempDir } from './helpers.js';

const ENV = {};

function repo(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'meetings'), { recursive: true });
  writeFileSync(path.join(dir, 'meetings', 'a.md'), 'a\n');
  return committed(dir);
}

async function expectGitsHead(dir: string): Promise<void> {
  const fromGit = await headFromGit(dir, ENV);
  expect(fromGit).toBeDefined();
  expect(headFromFiles(dir, ENV)).toEqual(fromGit);
  expect(await headOf(dir, ENV)).toEqual(fromGit);
}

describe('headFromFiles', () => {
  it("reads git's HEAD from a branch's loose ref, from packed-refs, detached, and from a folder below the top", async () => {
    const dir = repo();
    await expectGitsHead(dir);
    await expectGitsHead(path.join(dir, 'meetings'));
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'two');
    git(dir, 'pack-refs', '--all');
    expect(headFromFiles(dir, ENV)?.commit).toBe(git(dir, 'rev-parse', 'HEAD').trim());
    await expectGitsHead(dir);
    git(dir, 'checkout', '-q', '--detach', 'HEAD~1');
    await expectGitsHead(dir);
    git(dir, 'checkout', '-q', '-b', 'nhánh/thử');
    await expectGitsHead(dir);
  });

  it('says a shallow clone is shallow, as git does', async () => {
    const source = repo();
    git(source, 'commit', '-q', '--allow-empty', '-m', 'two');
    const clone = tempDir();
    git(clone, 'clone', '-q', '--depth', '1', `file://${source}`, 'c');
    const dir = path.join(clone, 'c');
    expect((await headFromGit(dir, ENV))?.shallow).toBe(true);
    await expectGitsHead(dir);
    // An empty shallow file still makes a shallow clone to git.
    const emptied = repo();
    writeFileSync(path.join(emptied, '.git', 'shallow'), '');
    expect((await headFromGit(emptied, ENV))?.shallow).toBe(true);
    await expectGitsHead(emptied);
  });

  it('gives up where git must answer: no commit yet, a worktree, GIT_ variables, a link, outside a repository', async () => {
    const unborn = tempDir();
    git(unborn, 'init', '-q', '-b', 'main');
    expect(headFromFiles(unborn, ENV)).toBeUndefined();
    expect(await headOf(unborn, ENV)).toBeUndefined();

    const dir = repo();
    const linked = path.join(tempDir(), 'wt');
    git(dir, 'worktree', 'add', '-q', '--detach', linked);
    expect(headFromFiles(linked, ENV)).toBeUndefined();
    expect(await headOf(linked, ENV)).toEqual(await headFromGit(linked, ENV));
    expect((await headOf(linked, ENV))?.commit).toBe(git(dir, 'rev-parse', 'HEAD').trim());

    expect(headFromFiles(dir, { GIT_DIR: path.join(dir, '.git') })).toBeUndefined();
    expect(headFromFiles(dir, { GIT_NAMESPACE: 'other' })).toBeUndefined();
    // Transport and identity settings leave the reader to it.
    expect(headFromFiles(dir, { GIT_SSL_CAINFO: '/etc/ssl/certs/ca-certificates.crt', GIT_AUTHOR_NAME: 'Thư ký' })).toEqual(await headFromGit(dir, ENV));

    // HEAD through a link: not read (git would follow it; the reader never does).
    const head = path.join(dir, '.git', 'HEAD');
    renameSync(head, `${head}.real`);
    symlinkSync(`${head}.real`, head);
    expect(headFromFiles(dir, ENV)).toBeUndefined();
    rmSync(head);
    renameSync(`${head}.real`, head);
    await expectGitsHead(dir);

    // A folder of refs through a link: not followed, git asked.
    const branches = path.join(dir, '.git', 'refs', 'heads');
    renameSync(branches, `${branches}.real`);
    symlinkSync(`${branches}.real`, branches);
    expect(headFromFiles(dir, ENV)).toBeUndefined();
    expect(await headOf(dir, ENV)).toEqual(await headFromGit(dir, ENV));
    rmSync(branches);
    renameSync(`${branches}.real`, branches);

    const outside = tempDir();
    expect(headFromFiles(outside, ENV)).toBeUndefined();
  });

  // Changing a file's owner takes root: elsewhere there is no other user's file to make.
  it.skipIf(process.getuid?.() !== 0)('gives up on a file of .git that another user owns, as git refuses such a repository', async () => {
    const dir = repo();
    const ref = path.join(dir, '.git', 'refs', 'heads', 'main');
    chownSync(ref, 4242, 4242);
    expect(headFromFiles(dir, ENV)).toBeUndefined();
    chownSync(ref, 0, 0);
    await expectGitsHead(dir);
  });

  it('refuses a HEAD or a ref that is not a plain name and hash', () => {
    const dir = repo();
    const head = path.join(dir, '.git', 'HEAD');
    writeFileSync(head, 'ref: refs/heads/../../../etc/passwd\n');
    expect(headFromFiles(dir, ENV)).toBeUndefined();
    writeFileSync(head, 'ref: refs/heads/main\n');
    writeFileSync(path.join(dir, '.git', 'refs', 'heads', 'main'), 'not a hash\n');
    expect(headFromFiles(dir, ENV)).toBeUndefined();
  });
});
