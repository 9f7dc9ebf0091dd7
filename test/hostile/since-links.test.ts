// Issue 12, class 4: `check --since` sees everything a full `check` sees.
// The rule: symbolic links inside the meetings folder are never followed,
// wherever they lead. Each is a `file-link` error on the link's own path (the
// path git reports when the link is added or changed), nothing behind it is
// read by any command, and meet writes through no link. So every record has
// one path, and a record that a full check reads is read and attributed by
// --since alike.
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/ruleCatalogue.js';
import { git, MINIMAL_CONFIG, runMeet, tempDir, writeTree } from '../helpers.js';

// MINIMAL_CONFIG says locale: vi: the messages asserted below are the Vietnamese ones its clerk reads.
const GOOD = (date: string, extra = '') => `---\ntitle: Hội nghị\ndate: ${date}\nchair: Hoàng Văn Hiệp\n${extra}---\n`;
const BAD = (date: string) => GOOD(date, 'owner-typo: x\n');

/** A repository committed on main, then a branch "pr" where `change` is made (not committed: --since sees the working tree too). */
function repository(change: (root: string) => void, base: (root: string) => void = () => {}): string {
  const root = tempDir('meet-since-links-');
  writeTree(root, { 'meet.config.yaml': MINIMAL_CONFIG, 'meetings/2020/2020-10-05-a.md': GOOD('2020-10-05') });
  base(root);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  git(root, 'checkout', '-q', '-b', 'pr');
  change(root);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'pr');
  return root;
}

async function findings(root: string, ...args: string[]): Promise<{ code: number; findings: Finding[] }> {
  const run = await runMeet(['check', '--format', 'json', '--no-cache', ...args], { cwd: root });
  expect(run.stderr).toBe('');
  return { code: run.code, findings: JSON.parse(run.stdout) as Finding[] };
}

const brief = (f: Finding) => `${f.file} ${f.rule}`;

describe('check --since reports what a full check reports on what the change touched', () => {
  it('the issue example: ln -s ../../notes meetings/2020/extra, a bad record in notes/', async () => {
    const root = repository((r) => {
      writeTree(r, { 'notes/2020-10-26-bad.md': BAD('2020-10-26') });
      symlinkSync('../../notes', path.join(r, 'meetings/2020/extra'));
    });
    const full = await findings(root);
    const since = await findings(root, '--since', 'main');
    expect(full.code).toBe(1);
    expect(full.findings.map(brief)).toEqual(['meetings/2020/extra file-link']);
    expect(since).toEqual(full);
    expect(full.findings[0]!.message).toMatch(/là liên kết \(symbolic link\) tới notes; meet không đi theo liên kết/);
    // Nothing behind the link is read, by any command: they all stop on the error.
    for (const args of [['report', '--month', '2020-10'], ['digest', '--month', '2020-10'], ['tasks']]) {
      const run = await runMeet(args, { cwd: root });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('file-link');
      expect(run.stderr).not.toContain('owner-typo');
    }
  });

  it.each([
    ['a link to one record elsewhere in the repository', (r: string) => {
      writeTree(r, { 'notes/2020-10-26-bad.md': BAD('2020-10-26') });
      symlinkSync('../../notes/2020-10-26-bad.md', path.join(r, 'meetings/2020/2020-10-26-bad.md'));
    }, ['meetings/2020/2020-10-26-bad.md file-link']],
    ['a year folder that is a link to another year', (r: string) => {
      symlinkSync('2020', path.join(r, 'meetings/2021'));
    }, ['meetings/2021 file-link']],
    ['a link deep in a sub-folder, to the meetings folder itself (a cycle)', (r: string) => {
      mkdirSync(path.join(r, 'meetings/2020/sub/deeper'), { recursive: true });
      symlinkSync('../../..', path.join(r, 'meetings/2020/sub/deeper/loop'));
    }, ['meetings/2020/sub/deeper/loop file-link']],
    ['a link to a record outside the repository', (r: string) => {
      writeFileSync(path.join(path.dirname(r), `outside-${path.basename(r)}.md`), BAD('2020-10-26'));
      symlinkSync(path.join(path.dirname(r), `outside-${path.basename(r)}.md`), path.join(r, 'meetings/2020/2020-10-26-out.md'));
    }, ['meetings/2020/2020-10-26-out.md file-outside-root']],
  ])('%s: the same finding on the link, in check and check --since', async (_what, change, expected) => {
    const root = repository(change);
    const full = await findings(root);
    expect(full.findings.map(brief)).toEqual(expected);
    expect(await findings(root, '--since', 'main')).toEqual(full);
  });

  it('the meetings folder reached through a link inside the repository: nothing is read, in both', async () => {
    const root = repository((r) => {
      writeTree(r, { 'data/meetings/2020/2020-10-26-bad.md': BAD('2020-10-26'), 'meet.config.yaml': `${MINIMAL_CONFIG}paths:\n  meetings: records\n` });
      symlinkSync('data/meetings', path.join(r, 'records'));
    });
    const full = await findings(root);
    expect(full.findings.map(brief)).toEqual(['records file-link']);
    // The config changed, so --since reports everything: the same.
    expect(await findings(root, '--since', 'main')).toEqual(full);
  });

  it('a link already on main, its target changed on the branch: neither check reads the target', async () => {
    const root = repository(
      (r) => writeTree(r, { 'notes/2020-10-26-bad.md': BAD('2020-10-26') }),
      (r) => {
        writeTree(r, { 'notes/2020-10-26-bad.md': GOOD('2020-10-26') });
        symlinkSync('../../notes', path.join(r, 'meetings/2020/extra'));
      },
    );
    const full = await findings(root);
    expect(full.findings.map(brief)).toEqual(['meetings/2020/extra file-link']);
    // The link did not change: --since has nothing to say about it, and it never reads what is behind it.
    const since = await findings(root, '--since', 'main');
    expect(since).toEqual({ code: 0, findings: [] });
  });

  it('a real record changed next to a link: reported by both, with the link in the full check only when unchanged', async () => {
    const root = repository(
      (r) => writeTree(r, { 'meetings/2020/2020-10-05-a.md': BAD('2020-10-05') }),
      (r) => symlinkSync('2020', path.join(r, 'meetings/2019')),
    );
    expect((await findings(root)).findings.map(brief)).toEqual(['meetings/2019 file-link', 'meetings/2020/2020-10-05-a.md unknown-key']);
    expect((await findings(root, '--since', 'main')).findings.map(brief)).toEqual(['meetings/2020/2020-10-05-a.md unknown-key']);
  });
});

describe('meet writes through no link inside the repository either', () => {
  it('meet new into a year folder that is a link to another folder of the repository: exit 1 (what is behind it is not read), nothing written', async () => {
    const root = tempDir('meet-since-links-');
    writeTree(root, { 'meet.config.yaml': MINIMAL_CONFIG, 'meetings/2020/2020-10-05-a.md': GOOD('2020-10-05'), 'notes/.keep': '' });
    symlinkSync('../notes', path.join(root, 'meetings/2021'));
    const run = await runMeet(['new', '--date', '2021-01-05', '--chair', 'X'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/meetings\/2021:1:1: Thư mục này là liên kết \(symbolic link\) tới notes/);
    expect(readdirSync(path.join(root, 'notes'))).toEqual(['.keep']);
  });

  it('meet digest --out a link to a folder of the repository: exit 2, nothing written', async () => {
    const root = tempDir('meet-since-links-');
    writeTree(root, { 'meet.config.yaml': MINIMAL_CONFIG, 'meetings/2020/2020-10-05-a.md': GOOD('2020-10-05'), 'notes/.keep': '' });
    symlinkSync('notes', path.join(root, 'out'));
    const run = await runMeet(['digest', '--month', '2020-10', '--out', 'out'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/out là liên kết \(symbolic link\)/);
    expect(readdirSync(path.join(root, 'notes'))).toEqual(['.keep']);
    expect(existsSync(path.join(root, 'reports'))).toBe(false);
  });
});
