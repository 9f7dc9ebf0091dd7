// meet tasks: golden files on examples/ for every format, filters and sorts
// asserted by exact ids, CSV quoting, usage errors, empty results.
//
// Golden files live in test/golden/tasks-* and are compared exactly
// (toMatchFileSnapshot). They are rewritten only with -u:
//   npx vitest run test/tasks.test.ts -u
// then review the diff before committing.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, makeRepo, MINIMAL_CONFIG, runMeet } from './helpers.js';
import { Chalk } from 'chalk';
import { buildTaskList, filterTasks, sortTasks } from '../src/domain/taskList.js';
import { loadRepository } from '../src/io/repository.js';
import { renderTasksText } from '../src/render/tasks.js';
import type { TaskRow } from '../src/model/tasks.js';

function tasks(args: string[], cwd = EXAMPLES, env: Record<string, string | undefined> = { NO_COLOR: '1' }) {
  return runMeet(['tasks', ...args], { cwd, env });
}

/** The ids listed, in order, from --format json. */
async function ids(args: string[], cwd = EXAMPLES): Promise<string[]> {
  const run = await tasks([...args, '--format', 'json'], cwd);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { id: string }[]).map((t) => t.id);
}

describe('golden task lists on examples/', () => {
  const formats = [
    ['txt', 'text'],
    ['md', 'md'],
    ['json', 'json'],
    ['csv', 'csv'],
  ] as const;
  for (const [ext, format] of formats) {
    it(`--today 2020-12-31 --format ${format}`, async () => {
      const run = await tasks(['--today', '2020-12-31', '--format', format]);
      expect(run.code).toBe(0);
      await expect(run.stdout).toMatchFileSnapshot(`golden/tasks-today-2020-12-31.${ext}`);
    });
    it(`--month 2020-11 --format ${format}`, async () => {
      const run = await tasks(['--month', '2020-11', '--format', format]);
      expect(run.code).toBe(0);
      await expect(run.stdout).toMatchFileSnapshot(`golden/tasks-month-2020-11.${ext}`);
    });
  }

  it('ends the text table with a count line on stderr', async () => {
    expect((await tasks(['--today', '2020-12-31'])).stderr).toBe('34 nhiệm vụ tính đến ngày 31/12/2020, trong đó 3 nhiệm vụ quá hạn.\n');
    expect((await tasks(['--month', '2020-11'])).stderr).toBe('29 nhiệm vụ tính đến cuối tháng 11/2020 (30/11/2020), trong đó 1 nhiệm vụ quá hạn.\n');
    // Data formats keep stderr quiet.
    expect((await tasks(['--today', '2020-12-31', '--format', 'csv'])).stderr).toBe('');
  });

  it('colours overdue rows red and done rows dim when colour is forced', async () => {
    const run = await tasks(['--today', '2020-12-31'], EXAMPLES, { FORCE_COLOR: '1' });
    const line = (id: string) => run.stdout.split('\n').find((l) => l.includes(id))!;
    expect(line('2020-10-tich-tu-ruong-dat')).toMatch(/^\x1b\[31m/);
    expect(line('2020-09-cong-bo-ntm')).toMatch(/^\x1b\[2m/);
    expect(line('2020-12-vu-xuan-2021')).not.toMatch(/\x1b\[/);
    expect((await tasks(['--today', '2020-12-31', '--no-color'], EXAMPLES, { FORCE_COLOR: '1' })).stdout).not.toMatch(/\x1b\[/);
  });

  it('json: ISO dates, null due, the assigning meeting', async () => {
    const run = await tasks(['--today', '2020-12-31', '--format', 'json']);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rows.find((r) => r.id === '2020-10-giai-phong-mat-bang')).toEqual({
      id: '2020-10-giai-phong-mat-bang',
      title: 'Tham mưu, tổ chức thực hiện giải phóng mặt bằng để thực hiện các dự án',
      owners: ['trung-tam-phat-trien-quy-dat', 'tai-nguyen-moi-truong', 'ban-qlda'],
      due: '2020-12-15',
      dueAsWritten: '2020-12-15',
      recurring: false,
      directedBy: null,
      status: 'in-progress',
      overdueDays: 16,
      meeting: {
        date: '2020-10-26',
        title: 'Hội nghị thường kỳ tháng 10',
        file: 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md',
        organization: null,
      },
    });
  });
});

describe('filters and sorting on examples/', () => {
  it('--overdue on 2020-12-31: the three late tasks, by due date then id', async () => {
    expect(await ids(['--today', '2020-12-31', '--overdue'])).toEqual([
      '2020-10-giai-phap-chuong-trinh-hanh-dong',
      '2020-10-giai-phong-mat-bang',
      '2020-10-tich-tu-ruong-dat',
    ]);
  });

  it('--overdue at the end of a month uses its last day', async () => {
    expect(await ids(['--month', '2020-11', '--overdue'])).toEqual(['2020-09-don-thu-ton-dong']);
    // On 2020-10-31 the report on public investment (due 30/09) was still in progress.
    expect(await ids(['--month', '2020-10', '--overdue'])).toEqual(['2020-09-bao-cao-dau-tu-cong']);
  });

  it('--owner matches the lead owner and co-owners', async () => {
    expect(await ids(['--today', '2020-12-31', '--owner', 'quan-su', '--sort', 'id'])).toEqual([
      '2020-09-ke-hoach-tuyen-quan',
      '2020-10-phong-chong-bao-lut',
      '2020-11-kham-tuyen-dot-2',
      '2020-11-pctt-phuong-an-so-tan',
      '2020-12-an-ninh-dip-tet',
      '2020-12-lenh-goi-nhap-ngu',
    ]);
  });

  it('--status takes one or more states', async () => {
    expect(await ids(['--today', '2020-12-31', '--status', 'dropped'])).toEqual(['2020-10-phong-chong-bao-lut']);
    expect(await ids(['--today', '2020-12-31', '--status', 'open', 'dropped', '--sort', 'id'])).toEqual([
      '2020-10-phong-chong-bao-lut',
      '2020-10-tich-tu-ruong-dat',
      '2020-12-an-ninh-dip-tet',
      '2020-12-cham-lo-tet',
      '2020-12-lenh-goi-nhap-ngu',
      '2020-12-tong-ket-nam-2020',
      '2020-12-vu-xuan-2021',
    ]);
  });

  it('--due-before is strict and leaves out tasks without a due date', async () => {
    expect(await ids(['--today', '2020-12-31', '--due-before', '2020-10-20'])).toEqual(['2020-09-bao-cao-dau-tu-cong', '2020-09-tong-ket-phong-trao-van-hoa']);
    expect(await ids(['--today', '2020-12-31', '--due-before', '21/10/2020'])).toEqual([
      '2020-09-bao-cao-dau-tu-cong',
      '2020-09-tong-ket-phong-trao-van-hoa',
      '2020-09-cong-bo-ntm',
      '2020-09-du-thao-chuong-trinh-hanh-dong',
      '2020-09-hien-mau-dot-3',
    ]);
  });

  it('--assigned-in lists the tasks of the meetings of that month', async () => {
    expect(await ids(['--today', '2020-12-31', '--assigned-in', '2020-11', '--sort', 'id'])).toEqual([
      '2020-11-chong-that-thu-ngan-sach',
      '2020-11-day-nhanh-giai-ngan',
      '2020-11-du-toan-ngan-sach-2021',
      '2020-11-hien-mau-dot-4',
      '2020-11-kham-tuyen-dot-2',
      '2020-11-ky-hop-hdnd',
      '2020-11-pctt-de-dieu-ho-chua',
      '2020-11-pctt-khac-phuc-hau-qua',
      '2020-11-pctt-phuong-an-so-tan',
      '2020-11-pctt-thu-hoach-lua-mua',
    ]);
  });

  it('--assigned-in goes by the month a meeting belongs to: 4 November reviewing October is October', async () => {
    const root = makeRepo({
      'meetings/2020/2020-10-20-thang-10.md':
        '---\ntitle: Tháng 10\ndate: 2020-10-20\nchair: A\ntasks:\n  - {id: t-10, title: Việc tháng 10, owner: van-phong}\n---\n',
      'meetings/2020/2020-11-04-danh-gia-thang-10.md':
        '---\ntitle: Đánh giá tháng 10\ndate: 2020-11-04\nperiod: 2020-10\nchair: A\ntasks:\n  - {id: t-muon, title: Việc giao muộn, owner: van-phong}\n---\n',
      'meetings/2020/2020-11-25-thang-11.md':
        '---\ntitle: Tháng 11\ndate: 2020-11-25\nchair: A\ntasks:\n  - {id: t-11, title: Việc tháng 11, owner: van-phong}\n---\n',
    });
    expect(await ids(['--today', '2020-12-01', '--assigned-in', '2020-10', '--sort', 'id'], root)).toEqual(['t-10', 't-muon']);
    expect(await ids(['--today', '2020-12-01', '--assigned-in', '2020-11'], root)).toEqual(['t-11']);
    // The month's report says the same.
    const report = JSON.parse((await runMeet(['report', '--month', '2020-10', '--format', 'json'], { cwd: root })).stdout) as {
      tasks: { assigned: { id: string }[] };
    };
    expect(report.tasks.assigned.map((t) => t.id)).toEqual(['t-10', 't-muon']);
  });

  it('a task assigned after the day does not exist yet', async () => {
    const october = await ids(['--month', '2020-10']);
    expect(october).toHaveLength(19);
    expect(october.every((id) => id.startsWith('2020-09-') || id.startsWith('2020-10-'))).toBe(true);
  });

  it('filters combine; --sort owner orders by lead owner, then due', async () => {
    expect(await ids(['--today', '2020-12-31', '--sector', 'kinh-te', '--status', 'open', 'in-progress', '--sort', 'owner'])).toEqual([
      '2020-11-day-nhanh-giai-ngan', // ban-qlda
      '2020-11-chong-that-thu-ngan-sach', // chi-cuc-thue
      '2020-10-tich-tu-ruong-dat', // nong-nghiep, due 2020-12-20
      '2020-12-vu-xuan-2021', // nong-nghiep, due 2021-01-31
      '2020-10-giai-phong-mat-bang', // trung-tam-phat-trien-quy-dat
    ]);
  });

  it('an unknown --owner or --sector is a usage error with a suggestion', async () => {
    const owner = await tasks(['--owner', 'tai-chinh-ke-hoac']);
    expect(owner.code).toBe(2);
    expect(owner.stdout).toBe('');
    expect(owner.stderr).toContain('Có phải ý bạn là "tai-chinh-ke-hoach"?');
    const sector = await tasks(['--sector', 'kinhte']);
    expect(sector.code).toBe(2);
    expect(sector.stderr).toContain('Có phải ý bạn là "kinh-te"?');
    // An owner typed by its name, whole or its beginning, accents or not.
    for (const name of ['Phòng Tư pháp', 'phong tu phap', 'Phòng Kinh tế']) {
      const named = await tasks(['--owner', name]);
      expect(named.code).toBe(2);
      expect(named.stderr, name).toContain(`Có phải ý bạn là "${name === 'Phòng Kinh tế' ? 'kinh-te-ha-tang' : 'tu-phap'}"?`);
    }
    // "Phòng" begins many names: no guess.
    expect((await tasks(['--owner', 'Phòng'])).stderr).not.toContain('Có phải ý bạn là');
  });

  it('an empty result: header only (csv, md), [] (json), a message on stderr (text); exit 0', async () => {
    const args = ['--today', '2020-12-31', '--assigned-in', '2019-01'];
    const csv = await tasks([...args, '--format', 'csv']);
    expect([csv.code, csv.stdout]).toEqual([
      0,
      'id,title,owners,owner_names,due,status,overdue_days,meeting_date,meeting_title,meeting_file,meeting_organization\r\n',
    ]);
    const md = await tasks([...args, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(md.stdout).toMatch(/^\| Mã \| Nhiệm vụ \|/);
    const json = await tasks([...args, '--format', 'json']);
    expect([json.code, JSON.parse(json.stdout)]).toEqual([0, []]);
    const text = await tasks(args);
    expect([text.code, text.stdout]).toEqual([0, '']);
    expect(text.stderr).toBe('Không có nhiệm vụ nào phù hợp tính đến ngày 31/12/2020.\n');
  });
});

const RECORD = (date: string, body: string) => `---
title: Họp thử
date: ${date}
chair: Nguyễn Văn A
${body}---
`;

describe('small repositories', () => {
  it('CSV follows RFC 4180: CRLF, quoted fields, doubled quotes', async () => {
    const root = makeRepo({
      'meetings/2020/2020-10-05-hop-thu.md': RECORD(
        '2020-10-05',
        `tasks:
  - id: cau-ben-da
    title: 'Sửa "cầu" Bến Đá, giai đoạn 2'
    owner: [van-phong, tai-chinh-ke-hoach]
    due: 2020-10-30
`,
      ),
    });
    const run = await tasks(['--today', '2020-11-02', '--format', 'csv'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'id,title,owners,owner_names,due,status,overdue_days,meeting_date,meeting_title,meeting_file,meeting_organization\r\n' +
        'cau-ben-da,"Sửa ""cầu"" Bến Đá, giai đoạn 2",van-phong;tai-chinh-ke-hoach,Văn phòng HĐND và UBND huyện;Phòng Tài chính – Kế hoạch,2020-10-30,open,3,2020-10-05,Họp thử,meetings/2020/2020-10-05-hop-thu.md,\r\n',
    );
  });

  it('names another organization beside the meeting that assigned the task, in every format (FORMAT.md)', async () => {
    const root = makeRepo({
      'meetings/2020/2020-10-05-htx.md': RECORD(
        '2020-10-05',
        `organization: Hợp tác xã nông nghiệp Nam Sơn
tasks:
  - { id: bao-tieu, title: Bao tiêu lúa, owner: van-phong, due: 2020-10-30 }
`,
      ),
      'meetings/2020/2020-10-06-ubnd.md': RECORD('2020-10-06', 'tasks:\n  - { id: rieng, title: Việc riêng, owner: van-phong }\n'),
    });
    const json = JSON.parse((await tasks(['--today', '2020-11-02', '--format', 'json'], root)).stdout) as {
      id: string;
      meeting: { organization: string | null };
    }[];
    expect(json.map((t) => [t.id, t.meeting.organization])).toEqual([
      ['bao-tieu', 'Hợp tác xã nông nghiệp Nam Sơn'],
      ['rieng', null],
    ]);
    const csv = (await tasks(['--today', '2020-11-02', '--format', 'csv'], root)).stdout.split('\r\n');
    expect(csv[1]).toMatch(/,meetings\/2020\/2020-10-05-htx\.md,Hợp tác xã nông nghiệp Nam Sơn$/);
    expect(csv[2]).toMatch(/,meetings\/2020\/2020-10-06-ubnd\.md,$/);
    const md = (await tasks(['--today', '2020-11-02', '--format', 'md'], root)).stdout;
    expect(md).toContain('05/10/2020 (Hợp tác xã nông nghiệp Nam Sơn)');
    const report = JSON.parse((await runMeet(['report', '--month', '2020-10', '--format', 'json'], { cwd: root })).stdout) as {
      tasks: { assigned: { id: string; meeting: { organization: string | null } }[] };
    };
    expect(report.tasks.assigned.map((t) => t.meeting.organization)).toEqual(['Hợp tác xã nông nghiệp Nam Sơn', null]);
  });

  it('writes an id with "_" or "." in Markdown as written (in a code span), so it can be copied back into a command', async () => {
    const root = makeRepo({
      'meetings/2020/2020-10-05-hop-thu.md': RECORD('2020-10-05', 'tasks:\n  - { id: t_two.2, title: Việc hai, owner: van-phong, due: 2020-10-30 }\n'),
    });
    const run = await tasks(['--today', '2020-11-02', '--format', 'md'], root);
    expect(run.stdout).toContain('| `t_two.2` |');
    expect(run.stdout).not.toContain('&#95;');
  });

  it('--sort due puts tasks without a due date last; English words and dates in an en repository', async () => {
    const root = makeRepo(
      {
        'meetings/2020/2020-10-05-hop-thu.md': RECORD(
          '2020-10-05',
          `tasks:
  - {id: b-no-due, title: No date, owner: van-phong}
  - {id: a-no-due, title: No date either, owner: van-phong}
  - {id: c-late, title: Late one, owner: van-phong, due: 2020-10-20, status: in-progress}
  - {id: d-early, title: Early one, owner: van-phong, due: 2020-10-10, status: done}
`,
        ),
      },
      MINIMAL_CONFIG.replace('locale: vi', 'locale: en'),
    );
    expect(await ids(['--today', '2020-11-01'], root)).toEqual(['d-early', 'c-late', 'a-no-due', 'b-no-due']);
    const text = await tasks(['--today', '2020-11-01'], root);
    const late = text.stdout.split('\n').find((l) => l.startsWith('c-late'))!;
    expect(late).toMatch(/^c-late\s+20 Oct 2020\s+in progress\s+12\s+Văn phòng HĐND và UBND huyện\s+5 Oct 2020\s+Late one$/);
    expect(text.stdout.split('\n')[0]).toMatch(/^ID\s+Due\s+Status\s+Days overdue\s+Owners\s+Assigned at\s+Task$/);
  });

  it('refuses to list when a record has errors (exit 1)', async () => {
    const root = makeRepo({ 'meetings/2020/2020-10-05-hop-thu.md': RECORD('2020-10-05', 'tasks:\n  - {id: x, title: X, owner: nobody}\n') });
    const run = await tasks(['--today', '2020-11-01'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('meet check');
  });
});

describe('filterTasks and sortTasks (pure)', () => {
  const row = (id: string, owners: string[], due?: string, status: TaskRow['status'] = 'open', overdueDays = 0): TaskRow => ({
    id,
    title: id,
    owners,
    ...(due ? { due } : {}),
    status,
    overdueDays,
    meeting: { date: '2020-10-05', title: 'M', file: 'meetings/2020/2020-10-05-m.md' },
  });
  const rows = [row('c', ['y'], '2020-10-02', 'open', 5), row('a', ['x', 'y']), row('b', ['x'], '2020-10-01', 'done')];

  it('sorts by due (none last, then id), owner (lead, then due) and id', () => {
    expect(sortTasks(rows, 'due').map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(sortTasks(rows, 'owner').map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortTasks(rows, 'id').map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('filters by co-owner, status and overdue', () => {
    expect(filterTasks(rows, { owner: 'y' }).map((r) => r.id)).toEqual(['c', 'a']);
    expect(filterTasks(rows, { status: ['done'] }).map((r) => r.id)).toEqual(['b']);
    expect(filterTasks(rows, { overdue: true }).map((r) => r.id)).toEqual(['c']);
  });
});

describe('the terminal table of a long list', () => {
  it('is the same, colours included, whether its cells are held or made twice (past 50,000 rows)', async () => {
    const { config, records } = await loadRepository(EXAMPLES);
    const list = buildTaskList(records, config, '2020-12-31', {}, 'due');
    expect(list.rows.length).toBeGreaterThan(10);
    const c = new Chalk({ level: 1 });
    const text = (heldRows?: number) => [...renderTasksText(list, config, c, heldRows)].join('');
    const held = text();
    // Overdue rows red, closed rows dim, the header bold: each row keeps its own look on either path.
    expect(held).toContain('\u001b[31m');
    expect(held).toContain('\u001b[2m');
    expect(text(0)).toBe(held);
  });
});
