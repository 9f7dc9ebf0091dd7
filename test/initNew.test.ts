// meet init and meet new, end to end: the built CLI in temp folders with
// real git repositories.
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { copyExamples, git, makeRepo, read, runMeet, tempDir, writeTree } from './helpers.js';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

describe('meet init', () => {
  it('--locale en: working days skip no Vietnamese holiday (an English board is most likely elsewhere)', async () => {
    const dir = tempDir();
    expect((await runMeet(['init', 'board', '--locale', 'en'], { cwd: dir })).code).toBe(0);
    const root = path.join(dir, 'board');
    // 7 February 2024: Tết (8–14 February) would push 3 working days to the 15th.
    writeTree(root, {
      'meetings/2024/2024-02-07-board.md':
        '---\ntitle: Board\ndate: 2024-02-07\nchair: Jane Doe\ntasks:\n  - { id: t1, title: Report, owner: finance, due: { working_days: 3 } }\n---\n',
    });
    const tasks = await runMeet(['tasks', '--format', 'json', '--today', '2024-02-08'], { cwd: root });
    expect(tasks.stderr).toBe('');
    expect((JSON.parse(tasks.stdout) as { due: string }[])[0]!.due).toBe('2024-02-12');
  });

  it('without --locale makes a Vietnamese repository, and says so in English where the environment speaks English', async () => {
    const dir = tempDir();
    const english = await runMeet(['init', 'kho', '--organization', 'Springfield Town Council'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    expect(english.code).toBe(0);
    expect(read(path.join(dir, 'kho'), 'meet.config.yaml').toString()).toContain('locale: vi');
    expect(english.stderr).toContain(
      "This repository is Vietnamese (locale: vi, meet's default). For an English one, remove what init made (listed above) and run: meet init kho --locale en --organization 'Springfield Town Council'",
    );
    const vietnamese = await runMeet(['init', 'kho2'], { cwd: dir, env: { LANG: 'vi_VN.UTF-8' } });
    expect(vietnamese.stderr).not.toContain('This repository is Vietnamese');
    const chosen = await runMeet(['init', 'kho3', '--locale', 'vi'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    expect(chosen.stderr).not.toContain('This repository is Vietnamese');
  });

  it.each([['UBND huyện\nMẫu Sơn'], ['UBND \u001b[31m'], ['Town \u2028 Council']])(
    '--organization %j that no config can hold: a usage error naming it (exit 2), nothing made',
    async (organization) => {
      const dir = tempDir();
      const run = await runMeet(['init', 'r', '--organization', organization], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^meet: --organization chưa ghi được vào meet\.config\.yaml: /);
      expect(run.stderr).not.toMatch(/lỗi nội bộ|\u001b/);
      // The config is no record: the advice says what meet reads, not what records hold.
      expect(run.stderr).not.toContain('biên bản chỉ chứa');
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('creates a Vietnamese repository with a git repository, then new and check work', async () => {
    const dir = tempDir();
    const init = await runMeet(['init', 'bien-ban', '--organization', 'UBND huyện Mẫu Sơn'], { cwd: dir });
    expect(init.code).toBe(0);
    const root = path.join(dir, 'bien-ban');
    const config = read(root, 'meet.config.yaml');
    expect(config).toContain('organization: UBND huyện Mẫu Sơn');
    expect(config).toContain('locale: vi');
    expect(config).toContain('tai-chinh-ke-hoach: Phòng Tài chính – Kế hoạch');
    expect(existsSync(path.join(root, '.git'))).toBe(true);
    expect(existsSync(path.join(root, 'meetings'))).toBe(true);

    const made = await runMeet(['new', '--date', '26/10/2020', '--chair', 'Hoàng Văn Hiệp'], { cwd: root });
    expect(made.stderr).toBe('Không có nhiệm vụ nào chưa hoàn thành để đưa vào "updates".\n');
    expect(made.code).toBe(0);
    expect(made.stdout).toBe('meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10-2020.md\n');
    const record = read(root, made.stdout.trim());
    expect(record).toMatch(/^---\ntitle: Hội nghị thường kỳ tháng 10\/2020\ndate: 2020-10-26\nkind: regular\n/);
    expect(record).toContain('chair: Hoàng Văn Hiệp\n');
    expect(record).toContain('## Diễn biến hội nghị');

    const check = await runMeet(['check'], { cwd: path.join(root, 'meetings') });
    expect(check.stdout).toContain('✔ đã kiểm tra 1 biên bản, không có vấn đề gì');
    expect(check.code).toBe(0);
  });

  it('creates an English repository with English defaults', async () => {
    const dir = tempDir();
    expect((await runMeet(['init', '--locale', 'en', '--organization', 'Springfield Town Council'], { cwd: dir })).code).toBe(0);
    const config = read(dir, 'meet.config.yaml');
    expect(config).toContain('locale: en');
    expect(config).toContain('organization: Springfield Town Council');
    const made = await runMeet(['new', '--date', '2026-03-04', '--chair', 'Jane Doe'], { cwd: dir });
    expect(made.code).toBe(0);
    expect(made.stdout).toBe('meetings/2026/2026-03-04-regular-meeting-march-2026.md\n');
    expect(read(dir, made.stdout.trim())).toContain('title: Regular meeting, March 2026\n');
    expect(read(dir, made.stdout.trim())).toContain('## Proceedings');
    expect((await runMeet(['check'], { cwd: dir })).code).toBe(0);
  });

  it("gives a commune's or a ward's committee its own offices, not a district's departments, and its notice is theirs", async () => {
    const dir = tempDir();
    expect((await runMeet(['init', '--organization', 'UBND xã Nam Sơn'], { cwd: dir })).code).toBe(0);
    const config = read(dir, 'meet.config.yaml');
    expect(config).toContain('  van-phong: Văn phòng HĐND và UBND xã\n');
    expect(config).toContain('  cong-an: Công an xã\n');
    expect(config).not.toMatch(/huyện|Phòng Nội vụ/);
    const made = await runMeet(['new', '--date', '2026-03-04', '--chair', 'Nguyễn Văn A', '--title', 'Họp giao ban'], { cwd: dir });
    const file = made.stdout.trim();
    writeFileSync(path.join(dir, file), read(dir, file).replace('decisions:\n', 'decisions: [Thông qua kế hoạch]\n'));
    expect((await runMeet(['check'], { cwd: dir })).code).toBe(0);
    expect((await runMeet(['notice', file, '--format', 'md'], { cwd: dir })).stdout).not.toContain('huyện');
    const ward = tempDir();
    expect((await runMeet(['init', '--organization', 'Ủy ban nhân dân phường Bến Nghé'], { cwd: ward })).code).toBe(0);
    expect(read(ward, 'meet.config.yaml')).toContain('  kinh-te: Phòng Kinh tế, Hạ tầng và Đô thị\n');
  });

  it('refuses to overwrite an existing config (exit 2) and leaves it as it was', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'meet.config.yaml'), 'organization: mine\n');
    const again = await runMeet(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('đã có; meet');
    expect(readFileSync(path.join(dir, 'meet.config.yaml'), 'utf8')).toBe('organization: mine\n');
    expect(filesUnder(dir)).toEqual(['meet.config.yaml']);
  });

  it('never writes through a link: a meetings folder linked elsewhere, a dangling .gitignore (exit 2, no stack trace)', async () => {
    const dir = tempDir();
    const outside = tempDir();
    mkdirSync(path.join(dir, 'r'));
    symlinkSync(outside, path.join(dir, 'r', 'meetings'));
    const linked = await runMeet(['init', 'r'], { cwd: dir });
    expect([linked.code, linked.stderr]).toEqual([2, expect.stringContaining('meetings')]);
    expect(readdirSync(outside)).toEqual([]);
    mkdirSync(path.join(dir, 'r2'));
    symlinkSync('/nowhere/at/all', path.join(dir, 'r2', '.gitignore'));
    const dangling = await runMeet(['init', 'r2'], { cwd: dir });
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain('.gitignore');
    expect(dangling.stderr).not.toMatch(/lỗi nội bộ|EEXIST|at /);
  });

  it('names a file that stands where a folder is needed, not a full disk (exit 2)', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'r6'));
    writeFileSync(path.join(dir, 'r6', 'reports'), '');
    const run = await runMeet(['init', 'r6'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/r6\/reports là một tệp, không phải thư mục\n/);
    expect(run.stderr).not.toContain('ổ đĩa đầy');
  });

  it("refuses in the existing repository's language, from another folder and an English environment", async () => {
    const parent = tempDir();
    const repository = path.join(parent, 'bien-ban');
    writeTree(repository, { 'meet.config.yaml': 'organization: UBND xã A\nlocale: vi\n' });
    const again = await runMeet(['init', 'bien-ban', '--organization', 'X'], {
      cwd: parent,
      env: { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined },
    });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('meet.config.yaml đã có; meet init không bao giờ ghi đè tệp này.');
    // Creating one there speaks the language of the repository it makes: Vietnamese, without --locale.
    const fresh = await runMeet(['init', 'moi', '--organization', 'X'], { cwd: parent, env: { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined } });
    expect(fresh.code).toBe(0);
    expect(fresh.stderr + fresh.stdout).toContain('Đã tạo kho biên bản tại moi');
  });

  it('works on the records repository --root names, or the one its folder is in: never a second, empty one that CI would check', async () => {
    const top = tempDir();
    git(top, 'init', '-q', '-b', 'main');
    writeTree(path.join(top, 'bien-ban'), { 'meet.config.yaml': 'organization: UBND xã A\nlocale: vi\n' });
    mkdirSync(path.join(top, 'bien-ban', 'meetings', '2020'), { recursive: true });
    // --root: the workflow runs meet in bien-ban/, and nothing is made at the top.
    const rooted = await runMeet(['--root', 'bien-ban', 'init', '--ci', 'github'], { cwd: top });
    expect(rooted.code, rooted.stderr).toBe(0);
    expect(readFileSync(path.join(top, '.github/workflows/meet.yml'), 'utf8')).toMatch(/root: bien-ban\n/);
    expect(existsSync(path.join(top, 'meet.config.yaml'))).toBe(false);
    // From a folder inside it: --ci adds to that repository; a new repository there is refused.
    const inside = path.join(top, 'bien-ban', 'meetings', '2020');
    const gitlab = await runMeet(['init', '--ci', 'gitlab'], { cwd: inside });
    expect(gitlab.code, gitlab.stderr).toBe(0);
    expect(readFileSync(path.join(top, '.gitlab-ci.yml'), 'utf8')).toMatch(/MEET_DIR: bien-ban\n/);
    const nested = await runMeet(['init'], { cwd: inside });
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain('Thư mục này nằm trong kho biên bản ở ../.. (có meet.config.yaml); meet init không tạo kho mới lồng trong kho đó.');
    expect(readdirSync(inside)).toEqual([]);
    // Named on the command line, a folder inside is taken as asked.
    expect((await runMeet(['init', 'rieng'], { cwd: inside })).code).toBe(0);
    expect(existsSync(path.join(inside, 'rieng', 'meet.config.yaml'))).toBe(true);
  });

  it('keeps an existing git repository', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(dir, 'note.txt'), 'x');
    git(dir, 'add', 'note.txt');
    git(dir, 'commit', '-q', '-m', 'first');
    expect((await runMeet(['init', '--locale', 'en'], { cwd: dir })).code).toBe(0);
    expect(git(dir, 'log', '--format=%s').trim()).toBe('first');
  });
});

describe('meet new', () => {
  it('lists exactly the tasks open on its date, each with its status and a comment', async () => {
    const root = copyExamples();
    const made = await runMeet(['new', '--date', '2021-01-27', '--chair', 'Hoàng Văn Hiệp', '--dry-run'], { cwd: root });
    expect(made.code).toBe(0);
    const listed = [...made.stdout.matchAll(/^ {2}- task: (\S+)\n {4}status: (\S+)$/gm)].map((m) => `${m[1]}=${m[2]}`);
    // Exactly the tasks `meet tasks` says are open or in progress that day.
    const tasks = await runMeet(['tasks', '--today', '2021-01-27', '--status', 'open', 'in-progress', '--sort', 'id', '--format', 'json'], { cwd: root });
    expect(tasks.code).toBe(0);
    const expected = (JSON.parse(tasks.stdout) as { id: string; status: string }[]).map((t) => `${t.id}=${t.status}`);
    expect(expected.length).toBeGreaterThan(5);
    expect([...listed].sort()).toEqual(expected.sort());
    expect(listed).toContain('2020-10-tich-tu-ruong-dat=open');
    expect(listed).toContain('2020-10-giai-phong-mat-bang=in-progress');
    expect(listed).toContain('2020-12-tong-ket-nam-2020=open');
    expect(listed).not.toContain('2020-10-giao-thong-thuy-loi=done');
    expect(listed.some((l) => l.startsWith('2020-10-giao-thong-thuy-loi='))).toBe(false);
    // Each entry is preceded by a comment naming its title, owner and due date.
    expect(made.stdout).toMatch(
      /# Triển khai thí điểm phương án tích tụ ruộng đất[^\n]*— Phòng Nông nghiệp và Phát triển nông thôn, Phòng Tài nguyên và Môi trường — hạn 20\/12\/2020 \(chưa thực hiện\)\n {2}- task: 2020-10-tich-tu-ruong-dat\n/,
    );
    // --dry-run writes nothing.
    expect(existsSync(path.join(root, 'meetings', '2021'))).toBe(false);
  });

  it('an earlier record meet cannot read whole stops it (its updates would be lost); a later one does not', async () => {
    const root = copyExamples();
    const december = path.join(root, 'meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md');
    const text = readFileSync(december, 'utf8');
    const args = ['new', '--date', '2021-01-27', '--chair', 'Hoàng Văn Hiệp', '--dry-run'];
    for (const broken of [text.replace('\ntasks:', '\ntaskss:'), text.replace('\ntitle:', '\ntitle: [')]) {
      writeFileSync(december, broken);
      const run = await runMeet(args, { cwd: root });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('meet: Chưa lập biên bản mới: biên bản các cuộc họp trước có 1 lỗi');
      expect(run.stderr).toContain('meetings/2020/2020-12-28-hoi-nghi-thuong-ky-thang-12.md:');
    }
    // An error elsewhere than in the tasks and updates (a figure written 21,4) loses nothing: the draft is made.
    writeFileSync(december, text.replace('thu-ngan-sach: 34.2', 'thu-ngan-sach: 34,2'));
    const figure = await runMeet(args, { cwd: root });
    expect(figure.code).toBe(0);
    expect(figure.stdout).not.toContain('task: 2020-10-giao-thong-thuy-loi');
    // A config's error that stops nothing else (a group member not declared) loses no record: no stop for it.
    const config = path.join(root, 'meet.config.yaml');
    const configText = readFileSync(config, 'utf8');
    writeFileSync(config, configText.replace(/^owners:\n/m, 'owners:\n  nhom-thu: { name: Nhóm thử, members: [khong-co] }\n'));
    const configError = await runMeet(args, { cwd: root });
    expect(configError.stderr).not.toContain('Chưa lập biên bản mới');
    expect(configError.code).toBe(0);
    writeFileSync(config, configText);
    // Unreadable (a pipe): an environment error.
    rmSync(december);
    spawnSync('mkfifo', [december]);
    expect((await runMeet(args, { cwd: root })).code).toBe(2);
    // Before the broken record's date, nothing it holds is open yet: the draft is made, and the error noted.
    const early = await runMeet(['new', '--date', '2020-12-01', '--chair', 'Hoàng Văn Hiệp', '--dry-run'], { cwd: root });
    expect(early.code).toBe(0);
    expect(early.stdout).toContain('task: 2020-10-');
  });

  it('does not list tasks assigned at a meeting on the same day', async () => {
    const root = copyExamples();
    const made = await runMeet(['new', '--date', '2020-10-26', '--title', 'Họp bổ sung', '--kind', 'extraordinary', '--chair', 'X', '--dry-run'], {
      cwd: root,
    });
    expect(made.code).toBe(0);
    expect(made.stdout).not.toContain('task: 2020-10-');
    expect(made.stdout).toContain('task: 2020-09-bao-cao-dau-tu-cong');
  });

  it('writes a record that passes check, and never overwrites it', async () => {
    const root = copyExamples();
    const args = ['new', '--date', '2021-01-27', '--chair', 'Hoàng Văn Hiệp'];
    const first = await runMeet(args, { cwd: root });
    expect(first.code).toBe(0);
    const file = path.join(root, first.stdout.trim());
    expect(first.stdout.trim()).toBe('meetings/2021/2021-01-27-hoi-nghi-thuong-ky-thang-1-2021.md');
    expect((await runMeet(['check'], { cwd: root })).code).toBe(0);

    writeFileSync(file, readFileSync(file, 'utf8') + '\nGhi chú của thư ký.\n');
    const before = readFileSync(file);
    const second = await runMeet(args, { cwd: root });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('đã có; meet');
    expect(readFileSync(file).equals(before)).toBe(true);
    // A dry run tells the same: the draft, then why the run would stop, and its exit code.
    const dry = await runMeet([...args, '--dry-run'], { cwd: root });
    expect(dry.code).toBe(2);
    expect(dry.stdout).toMatch(/^---\ntitle: /);
    expect(dry.stderr).toContain('meetings/2021/2021-01-27-hoi-nghi-thuong-ky-thang-1-2021.md đã có; meet new không bao giờ ghi đè biên bản.');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('without a terminal, a missing --chair is an error naming the flag (exit 2)', async () => {
    const root = makeRepo({});
    const run = await runMeet(['new', '--date', '2020-10-26'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--chair');
    expect(existsSync(path.join(root, 'meetings'))).toBe(false);
  });

  it('rejects a date that is not a calendar day, in either spelling (exit 2)', async () => {
    const root = makeRepo({});
    for (const date of ['2020-02-30', '31/04/2020', 'tomorrow']) {
      const run = await runMeet(['new', '--date', date, '--chair', 'X'], { cwd: root });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`"${date}" không phải là ngày`);
    }
  });

  it("uses the repository's own template for its kind, filling the placeholders", async () => {
    const root = makeRepo({
      'templates/thematic.md': '---\ntitle: {{title}}\ndate: {{date}}\nkind: thematic\nchair: {{chair}}\ntags: [chuyên đề]\n---\n\n# {{date_text}}\n',
    });
    const run = await runMeet(['new', '--kind', 'thematic', '--date', '2020-11-12', '--chair', 'Nguyễn Văn A', '--title', 'Phòng chống thiên tai'], {
      cwd: root,
    });
    expect(run.code).toBe(0);
    const text = read(root, 'meetings/2020/2020-11-12-phong-chong-thien-tai.md');
    // No {{updates}} in the template: the block is added at the end of the front matter.
    expect(text).toBe(
      '---\ntitle: Phòng chống thiên tai\ndate: 2020-11-12\nkind: thematic\nchair: Nguyễn Văn A\ntags: [chuyên đề]\nupdates: []\n---\n\n# ngày 12/11/2020\n',
    );
  });

  it("a built-in template's examples, their # taken off as the comment says, make a valid record", async () => {
    for (const locale of ['vi', 'en'] as const) {
      for (const kind of ['regular', 'thematic', 'extraordinary'] as const) {
        const dir = tempDir();
        expect((await runMeet(['init', '--locale', locale], { cwd: dir })).code).toBe(0);
        const made = await runMeet(['new', '--kind', kind, '--date', '2026-03-04', '--chair', 'Nguyễn Văn A', '--title', 'Họp'], { cwd: dir });
        expect(made.code, made.stderr).toBe(0);
        const file = made.stdout.trim();
        // Every example line of results and tasks (those indented after their #), its # removed and its placeholder filled.
        const uncommented = read(dir, file)
          .replace(/^# {3}(- | {2})/gm, '   $1')
          .replace('YYYY-MM-DD', '2026-03-31');
        expect(uncommented).toMatch(/^tasks:\n {3}- id: /m);
        writeFileSync(path.join(dir, file), uncommented);
        const check = await runMeet(['check', '--format', 'json'], { cwd: dir });
        expect(check.stdout, `${locale} ${kind}: ${uncommented}`).toBe('[]\n');
        expect(JSON.parse((await runMeet(['tasks', '--format', 'json', '--today', '2026-03-05'], { cwd: dir })).stdout)).toHaveLength(1);
      }
    }
  });

  it('keeps the line ends of a template saved on Windows (CRLF), so that tasks update can edit the record', async () => {
    const root = copyExamples();
    const builtin = readFileSync(path.join(process.cwd(), 'templates', 'vi', 'regular.md'), 'utf8');
    mkdirSync(path.join(root, 'templates'), { recursive: true });
    writeFileSync(path.join(root, 'templates', 'regular.md'), builtin.replace(/\n/g, '\r\n'));
    // Without {{updates}} too: the block added before the closing fence.
    writeFileSync(path.join(root, 'templates', 'thematic.md'), '---\r\ntitle: {{title}}\r\ndate: {{date}}\r\nkind: thematic\r\nchair: {{chair}}\r\n---\r\n');
    for (const [kind, date] of [
      ['regular', '2021-01-05'],
      ['thematic', '2021-01-06'],
    ] as const) {
      const run = await runMeet(['new', '--kind', kind, '--date', date, '--title', `Họp ${kind}`, '--chair', 'Hoàng Văn Hiệp'], { cwd: root });
      expect(run.code, run.stderr).toBe(0);
      const text = read(root, `meetings/2021/${date}-hop-${kind}.md`);
      expect(
        text
          .split('\n')
          .slice(0, -1)
          .every((line) => line.endsWith('\r')),
        kind,
      ).toBe(true);
      expect(text).toContain('  - task: 2020-12-');
    }
    const update = await runMeet(
      ['tasks', 'update', '2020-12-tong-ket-nam-2020', '--status', 'done', '--note', 'Xong', '--in', 'meetings/2021/2021-01-06-hop-thematic.md'],
      { cwd: root },
    );
    expect([update.code, update.stderr]).toEqual([0, expect.not.stringContaining('xuống dòng')]);
  });

  it('refuses a template with an unknown placeholder, writing nothing (exit 2)', async () => {
    const root = makeRepo({ 'templates/regular.md': '---\ntitle: {{title}}\ndate: {{date}}\nchair: {{chair}}\nlocation: {{place}}\n---\n' });
    const run = await runMeet(['new', '--date', '2020-11-12', '--chair', 'X'], { cwd: root });
    expect(run.code).toBe(2);
    // The file and the line the clerk opens to mend it.
    expect(run.stderr).toContain('meet: templates/regular.md, dòng 5, dùng {{place}}, nhưng meet new không điền chỗ này.');
    expect(existsSync(path.join(root, 'meetings'))).toBe(false);
  });

  it.each(['{{Date_Text}}', '{{địa_điểm}}', '{{chair-name}}', '{{ Title }}'])(
    'refuses a misspelt placeholder %s, in the body too: never left in the record',
    async (written) => {
      const root = makeRepo({ 'templates/regular.md': `---\ntitle: {{title}}\ndate: {{date}}\nchair: {{chair}}\n---\n\nHọp ngày ${written}.\n` });
      const run = await runMeet(['new', '--date', '2020-11-12', '--chair', 'X'], { cwd: root });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(written.replace(/\s/g, '').replace('{{', '{{').slice(2, -2));
      expect(existsSync(path.join(root, 'meetings'))).toBe(false);
    },
  );

  it('refuses a title that would produce an invalid record, writing nothing (exit 1)', async () => {
    const root = makeRepo({ 'templates/regular.md': '---\ntitle: {{title}}\ndate: {{date}}\nchair: {{chair}}\nowner: x\n---\n' });
    const run = await runMeet(['new', '--date', '2020-11-12', '--chair', 'X'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown-key');
    expect(run.stderr).toContain('Biên bản mới, tạo từ templates/regular.md, sẽ không qua được meet check (dòng:cột của biên bản mới):');
    expect(existsSync(path.join(root, 'meetings'))).toBe(false);
  });

  it("refuses a template whose tasks clash with the repository's records or its config, as meet check would (exit 1)", async () => {
    const root = copyExamples();
    const template = (body: string) =>
      writeTree(root, { 'templates/thematic.md': `---\ntitle: {{title}}\ndate: {{date}}\nkind: thematic\nchair: {{chair}}\n${body}---\n` });
    const drafted = (date: string, cache: string[] = []) =>
      runMeet(['new', '--dry-run', '--kind', 'thematic', '--date', date, '--chair', 'X', '--title', 'Họp chuyên đề', ...cache], { cwd: root });
    // After every record: October's id assigned again, an owner the config does not declare.
    template('tasks:\n  - id: 2020-10-giao-thong-thuy-loi\n    title: Lại giao\n    owner: khong-co\n');
    const clash = await drafted('2020-12-30');
    expect(clash.code, clash.stderr).toBe(1);
    expect(clash.stderr).toContain('7:9');
    expect(clash.stderr).toContain('duplicate-task-id');
    expect(clash.stderr).toContain('meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md');
    expect(clash.stderr).toContain('9:12');
    expect(clash.stderr).toContain('unknown-owner');
    expect(existsSync(path.join(root, 'meetings/2020/2020-12-30-hop-chuyen-de.md'))).toBe(false);
    // Before November's meeting, an update of a task it assigns: that record is kept as its facts only (its date, its ids).
    template('{{updates}}\n  - task: 2020-11-ky-hop-hdnd\n    status: done\n');
    const early = await drafted('2020-10-27');
    expect(early.code, early.stderr).toBe(1);
    expect(early.stderr).toContain('update-not-earlier');
    expect(early.stderr).toContain('2020-11-25');
    expect(await drafted('2020-10-27')).toEqual(early);
    expect(await drafted('2020-10-27', ['--no-cache'])).toEqual(early);
  });

  it('slugs the same title typed in NFC and NFD to the same file', async () => {
    const root = makeRepo({});
    const nfc = 'Hội nghị chuyên đề'.normalize('NFC');
    const nfd = 'Hội nghị chuyên đề'.normalize('NFD');
    const first = await runMeet(['new', '--date', '2020-11-12', '--title', nfc, '--chair', 'X'], { cwd: root });
    expect(first.stdout).toBe('meetings/2020/2020-11-12-hoi-nghi-chuyen-de.md\n');
    const second = await runMeet(['new', '--date', '2020-11-12', '--title', nfd, '--chair', 'X'], { cwd: root });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('đã có; meet');
  });

  it('opens $EDITOR on the new record with --edit and reports problems found afterwards', async () => {
    const root = makeRepo({});
    const editor = path.join(root, 'editor.sh');
    // A scripted "editor": appends an unknown key to the front matter.
    writeTree(root, { 'editor.sh': '#!/bin/sh\nsed -i "s/^recorder:$/recorder: Lê Thị Hương\\nowner: x/" "$1"\n' });
    chmodSync(editor, 0o755);
    const run = await runMeet(['new', '--date', '2020-11-12', '--chair', 'X', '--edit'], { cwd: root, env: { EDITOR: editor, VISUAL: undefined } });
    const text = read(root, 'meetings/2020/2020-11-12-hoi-nghi-thuong-ky-thang-11-2020.md');
    expect(text).toContain('recorder: Lê Thị Hương\nowner: x\n');
    expect(run.stderr).toContain('unknown-key');
    expect(run.code).toBe(1);
  });

  it('an $EDITOR that is not installed is said in words, and the record is kept (exit 2)', async () => {
    const root = makeRepo({});
    const run = await runMeet(['new', '--date', '2020-11-12', '--chair', 'X', '--edit'], {
      cwd: root,
      env: { EDITOR: '/khong/co/trinh-soan-thao', VISUAL: undefined },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Không mở được trình soạn thảo "/khong/co/trinh-soan-thao": máy này không có chương trình đó (hãy đặt $VISUAL hoặc $EDITOR');
    expect(run.stderr).not.toContain('ENOENT');
    expect(read(root, 'meetings/2020/2020-11-12-hoi-nghi-thuong-ky-thang-11-2020.md')).toContain('date: 2020-11-12');
  });
});
