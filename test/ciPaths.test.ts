// Paths in the CI formats (issue 11, item 4): github annotations, SARIF and
// JSON name files from the top of the git repository, so they land on the
// right line when the records live in a subfolder, from wherever meet runs.
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, MINIMAL_CONFIG, runMeet, tempDir, writeTree } from './helpers.js';

const RECORD = 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md';
const BROKEN = `---
title: Hội nghị thường kỳ tháng 10
date: 2020-10-26
chair: Hoàng Văn Hiệp
tasks:
  - id: 2020-10-viec
    title: Việc
    owner: tai-chinh
---
`;
const WHERE = `bien-ban/${RECORD}`;

/** A git repository whose records are in bien-ban/, one of them with an unknown owner at 8:12. */
function repository(): string {
  const top = tempDir();
  writeTree(top, { 'README.md': 'x\n', 'bien-ban/meet.config.yaml': MINIMAL_CONFIG, [`bien-ban/${RECORD}`]: BROKEN });
  git(top, 'init', '-q', '-b', 'main');
  git(top, 'add', '-A');
  git(top, 'commit', '-q', '-m', 'Records');
  return top;
}

async function check(cwd: string, ...args: string[]) {
  const run = await runMeet(['check', '--no-cache', ...args], { cwd });
  expect(run.code).toBe(1);
  return run.stdout;
}

describe('CI formats name files from the git top folder', () => {
  const top = repository();
  const places: [string, string, string[]][] = [
    ['the records folder', 'bien-ban', []],
    ['a folder inside the records', 'bien-ban/meetings/2020', []],
    ['the top, with --root', '.', ['--root', 'bien-ban']],
    ['another folder, with --root', 'docs', ['--root', '../bien-ban']],
  ];
  mkdirSync(path.join(top, 'docs'));

  it.each(places)('from %s', async (_what, cwd, extra) => {
    const dir = path.join(top, cwd);
    expect(await check(dir, ...extra, '--format', 'github')).toMatch(new RegExp(`^::error file=${WHERE},line=8,col=12,title=meet unknown-owner::`));
    const json = JSON.parse(await check(dir, ...extra, '--format', 'json')) as { file: string; line: number; column: number }[];
    expect(json).toEqual([expect.objectContaining({ file: WHERE, line: 8, column: 12 })]);
    const sarif = JSON.parse(await check(dir, ...extra, '--format', 'sarif')) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(WHERE);
    // For a person, paths stay relative to where meet ran.
    const pretty = await check(dir, ...extra);
    expect(pretty.split('\n')[0]).toBe(path.relative(dir, path.join(top, WHERE)));
  });

  it('with --since, too', async () => {
    const dir = path.join(top, 'bien-ban');
    git(top, 'checkout', '-q', '-b', 'change');
    writeTree(dir, {
      'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md': BROKEN.replace(/10-26/, '11-25')
        .replace('tháng 10', 'tháng 11')
        .replace('2020-10-viec', '2020-11-viec'),
    });
    const out = await check(dir, '--since', 'main', '--format', 'github');
    expect(out).toContain('file=bien-ban/meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md,line=8,col=12');
    expect(out).not.toContain(RECORD);
    git(top, 'checkout', '-q', '-f', 'main');
  });

  it('outside git, JSON and SARIF name files from the records root, annotations from the current folder', async () => {
    const dir = tempDir();
    writeTree(dir, { 'meet.config.yaml': MINIMAL_CONFIG, [RECORD]: BROKEN });
    const cwd = path.join(dir, 'meetings');
    expect(await check(cwd, '--format', 'github')).toContain('file=2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md,');
    expect(JSON.parse(await check(cwd, '--format', 'json'))[0].file).toBe(RECORD);
    expect(await check(cwd, '--format', 'sarif')).toContain(`"uri": "${RECORD}"`);
    // A script elsewhere, naming the records with --root.
    const elsewhere = tempDir();
    expect(JSON.parse(await check(elsewhere, '--root', dir, '--format', 'json'))[0].file).toBe(RECORD);
  });

  it('a records folder reached through a link from outside the repository, or by GIT_DIR, is still in git', async () => {
    // No .git above the link, one above where it leads: git starts from the real folder.
    const link = path.join(tempDir(), 'bien-ban');
    symlinkSync(path.join(top, 'bien-ban'), link);
    expect(JSON.parse(await check(link, '--format', 'json'))[0].file).toBe(WHERE);
    // GIT_DIR names a repository kept elsewhere, GIT_WORK_TREE its files (a hook, a script): no .git near the records.
    const outer = tempDir();
    writeTree(path.join(outer, 'so'), { 'meet.config.yaml': MINIMAL_CONFIG, [RECORD]: BROKEN });
    const kept = tempDir();
    git(kept, 'init', '-q', '--bare');
    const run = await runMeet(['check', '--no-cache', '--format', 'json'], { cwd: path.join(outer, 'so'), env: { GIT_DIR: kept, GIT_WORK_TREE: outer } });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0].file).toBe(`so/${RECORD}`);
  });
});
