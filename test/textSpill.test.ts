// The spill file of a report's titles and notes (io/textSpill.ts): what goes
// in comes back, byte for byte, and nothing of it is left in the repository.
import { mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { TextSpill } from '../src/io/textSpill.js';
import type { RecordData } from '../src/model/schema.js';
import { copyExamples, runMeet, tempDir } from './helpers.js';

const cacheFiles = (root: string) => readdirSync(path.join(root, '.meet-cache')).sort();

function spillIn(root: string, wholeBytes?: number): TextSpill {
  writeFileSync(path.join(root, 'meet.config.yaml'), 'organization: UBND xã Nam Sơn\n');
  const spill = TextSpill.open(root, {}, wholeBytes);
  expect(spill).toBeDefined();
  return spill!;
}

describe('a text spill', () => {
  // Read a window at a time (a large file's way), and read whole at its first read (a small one's).
  it.each([
    ['a window at a time', 0],
    ['read whole', undefined],
  ])('gives back every text as it was put, across its buffer and past it, and leaves no file (%s)', (_way, wholeBytes) => {
    const root = tempDir();
    const spill = spillIn(root, wholeBytes);
    // Open, and already gone from the folder: whatever ends the run, nothing is left behind.
    expect(cacheFiles(root)).toEqual(['.gitignore']);
    const texts = [
      'Hoàn thành giải phóng mặt bằng dự án đường ĐT.295B',
      '',
      'Ghi chú:\nđã bàn giao 80% mặt bằng',
      'x'.repeat(700_000),
      // Longer than the buffer kept before writing (1 MiB): written straight through.
      'ư'.repeat(600_000),
      '😀 \u202e emoji and controls are bytes like any other',
      ...Array.from({ length: 5000 }, (_, i) => `Nhiệm vụ số ${i}: báo cáo UBND huyện`),
      // About a window long (4 KiB, its length before it): read past the window that holds its length.
      'ngắn',
      'a'.repeat(3000),
      'ngắn',
      'b'.repeat(4092),
      'c'.repeat(4093),
      'ngắn',
    ];
    const places = texts.map((text) => spill.put(text));
    // Read back out of order, and each again.
    for (const i of [5, 0, 4, 1, 3, 2, 5005, 6, 4000]) expect(spill.text(places[i]!)).toBe(texts[i]);
    texts.forEach((text, i) => expect(spill.text(places[i]!)).toBe(text));
    // Put after a read: past the end of what was read before.
    const later = spill.put('Báo cáo bổ sung sau kỳ họp');
    expect(spill.text(later)).toBe('Báo cáo bổ sung sau kỳ họp');
    expect(spill.text(places[5005]!)).toBe(texts[5005]);
    spill.close();
    expect(() => spill.text(places[0]!)).toThrow(/after its run ended/);
  });

  it.each([
    ['a window at a time', 0],
    ['read whole', undefined],
  ])('holds in memory what it could not write, and gives that back too (%s)', (_way, wholeBytes) => {
    const root = tempDir();
    const spill = spillIn(root, wholeBytes);
    const first = spill.put('Viết vào tệp trước khi đĩa đầy');
    expect(spill.text(first)).toBe('Viết vào tệp trước khi đĩa đầy');
    // A file that cannot be written to stands for a disk that filled up meanwhile.
    writeFileSync(path.join(root, 'read-only.txt'), '');
    Reflect.set(spill, 'fd', openSync(path.join(root, 'read-only.txt'), 'r'));
    const texts = ['Hoàn thành trước 31/12', '', 'ư'.repeat(600_000), ...Array.from({ length: 3000 }, (_, i) => `Ghi chú ${i}`)];
    const places = texts.map((text) => spill.put(text));
    for (const i of [2, 0, 3001, 1, 4]) expect(spill.text(places[i]!)).toBe(texts[i]);
    texts.forEach((text, i) => expect(spill.text(places[i]!)).toBe(text));
    spill.close();
  });

  it("keeps a record's tasks and updates as they were: the same fields, JSON and note-less updates untouched", () => {
    const spill = spillIn(tempDir());
    const data = {
      date: '2020-10-05',
      tasks: [
        { id: 'giai-ngan', title: 'Đẩy nhanh giải ngân vốn đầu tư công', owner: ['tai-chinh', 'kinh-te'], due: '2020-12-31', status: 'open' },
        { id: 've-sinh', title: 'Ra quân vệ sinh môi trường', owner: 'van-phong', recurring: true, status: 'in-progress', directed_by: 'Chủ tịch' },
      ],
      updates: [
        { task: 'cu', status: 'done', note: 'Đã hoàn thành trước hạn' },
        { task: 'khac', status: 'in-progress' },
      ],
    } as unknown as RecordData;
    const before = JSON.parse(JSON.stringify(data)) as RecordData;
    const noteless = data.updates![1];
    spill.spill(data);
    expect(Object.getPrototypeOf(data.tasks![0])).not.toBe(Object.prototype);
    expect(data.updates![1]).toBe(noteless);
    expect(data.tasks!.map((t) => [t.id, t.title, t.owner, t.due, t.recurring, t.status, t.directed_by])).toEqual(
      before.tasks!.map((t) => [t.id, t.title, t.owner, t.due, t.recurring, t.status, t.directed_by]),
    );
    expect(data.updates![0]!.note).toBe('Đã hoàn thành trước hạn');
    expect(JSON.parse(JSON.stringify(data))).toEqual(before);
    spill.close();
  });

  it('is not made where the cache folder cannot be: the texts stay in memory', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'meet.config.yaml'), 'organization: UBND xã Nam Sơn\n');
    // A file where the folder would be.
    writeFileSync(path.join(root, '.meet-cache'), '');
    expect(TextSpill.open(root, {})).toBeUndefined();
  });
});

describe('meet report and digest with the spill', () => {
  it('print what --no-cache prints, warm and cold, and leave only the cache behind', async () => {
    const root = copyExamples();
    const args = ['report', '--month', '2020-11', '--format', 'md'];
    const uncached = await runMeet([...args, '--no-cache'], { cwd: root });
    expect(uncached.code).toBe(0);
    // Carried from September with its title and its latest update's note (October's): both read back from the spill.
    expect(uncached.stdout).toContain(
      '| Giải quyết dứt điểm 5 đơn thư khiếu nại tồn đọng, kéo dài | Thanh tra huyện | Phòng Tài nguyên và Môi trường | 15/11/2020 | đang thực hiện | Đã giải quyết 3/5 đơn; 2 vụ việc đất đai còn chờ kết quả đo đạc |',
    );
    const cold = await runMeet(args, { cwd: root });
    // Another question for the memo, the same records from the store.
    const warm = await runMeet(['report', '--month', '2020-11', '--format', 'md', '--today', '2020-12-01'], { cwd: root });
    const warmUncached = await runMeet(['report', '--month', '2020-11', '--format', 'md', '--today', '2020-12-01', '--no-cache'], { cwd: root });
    expect(cold.stdout).toBe(uncached.stdout);
    expect(warm.stdout).toBe(warmUncached.stdout);
    mkdirSync(path.join(root, 'reports'), { recursive: true });
    expect((await runMeet(['digest', '--month', '2020-11'], { cwd: root })).code).toBe(0);
    expect(cacheFiles(root).filter((name) => name.startsWith('spill-'))).toEqual([]);
  });
});

/**
 * Runs each command with --no-cache, then with the cache, in one copy of the examples: each output holds
 * `shows` and is the same both ways, some record's texts went to the spill (the first cached run filled
 * the store; the others read it), and no spill file is left behind.
 */
async function sameAsUncachedWithSpill(commands: readonly string[][], shows: string): Promise<void> {
  const root = copyExamples();
  const spilled = vi.spyOn(TextSpill.prototype, 'spill');
  try {
    for (const args of commands) {
      const uncached = await runMeet([...args, '--no-cache'], { cwd: root });
      expect(uncached.code).toBe(0);
      expect(uncached.stdout).toContain(shows);
      expect((await runMeet(args, { cwd: root })).stdout).toBe(uncached.stdout);
    }
    expect(spilled.mock.calls.length).toBeGreaterThan(0);
  } finally {
    spilled.mockRestore();
  }
  expect(cacheFiles(root).filter((name) => name.startsWith('spill-'))).toEqual([]);
}

describe('meet tasks with the spill', () => {
  it('lists what --no-cache lists in every format, warm and cold, its titles read back from the spill', async () => {
    const commands = ['text', 'md', 'json', 'csv'].flatMap((format) =>
      ['due', 'owner'].map((sort) => ['tasks', '--today', '2020-12-01', '--format', format, '--sort', sort]),
    );
    await sameAsUncachedWithSpill(commands, 'Giải quyết dứt điểm 5 đơn thư khiếu nại tồn đọng, kéo dài');
  });
});

describe('meet diff with the spill', () => {
  it('shows what --no-cache shows in every format, its earlier tasks titled from the spill', async () => {
    // Carried from September: its record is neither month's, its title read back from the spill.
    const commands = ['text', 'md', 'json'].map((format) => ['diff', '2020-10', '2020-11', '--format', format]);
    await sameAsUncachedWithSpill(commands, 'Giải quyết dứt điểm 5 đơn thư khiếu nại tồn đọng');
  });
});
