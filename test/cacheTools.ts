// Tools of the check-cache tests (cache.test.ts in-process, cache.spawn.test.ts
// with the built CLI): the cache's files, and forging one as the key holder.
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_CACHE_HOME } from './helpers.js';

export const OCTOBER = 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md';
export const NOVEMBER = 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md';

/** Every entry of the record store's shards, by content hash (the signature line skipped). */
export function storeEntries(root: string): Map<string, unknown> {
  const folder = path.join(root, '.meet-cache');
  const entries = new Map<string, unknown>();
  if (!existsSync(folder)) return entries;
  for (const name of readdirSync(folder).filter((n) => n.startsWith('store-'))) {
    const text = readFileSync(path.join(folder, name), 'utf8');
    const shard = (JSON.parse(text.slice(text.indexOf('\n') + 1)) as { value: { entries: Record<string, unknown> } }).value;
    for (const [key, entry] of Object.entries(shard.entries)) entries.set(key, entry);
  }
  return entries;
}

/** The cache's files, the record shards counted as one name. */
export function cacheFiles(root: string): string[] {
  const folder = path.join(root, '.meet-cache');
  const names = existsSync(folder) ? readdirSync(folder) : [];
  return [...new Set(names.map((n) => n.replace(/^records-[0-9a-f]+\.json$/, 'records-*.json')))].sort();
}

/** Re-signs a cache file after changing its value, as only the holder of the key can. */
export function forge(
  root: string,
  name: string,
  change: (value: Record<string, unknown>) => void,
  key = readFileSync(path.join(TEST_CACHE_HOME, 'meet', 'cache-key')),
): void {
  const file = path.join(root, '.meet-cache', name);
  const bytes = readFileSync(file);
  const newline = bytes.indexOf(0x0a);
  const payload = JSON.parse(bytes.subarray(newline + 1).toString('utf8')) as { value: Record<string, unknown> };
  change(payload.value);
  const body = Buffer.from(name.startsWith('store-') ? storeLayout(payload) : JSON.stringify(payload), 'utf8');
  const mac = createHmac('sha256', key).update(body).digest('base64url');
  writeFileSync(file, Buffer.concat([Buffer.from(`${mac}\n`), body]));
}

/** A record store shard's payload as the store writes it: an entry a line (src/io/recordStore.ts, ShardWriter). */
function storeLayout(payload: { value: Record<string, unknown> }): string {
  const { entries, ...value } = payload.value as { entries: Record<string, unknown> };
  const head = JSON.stringify({ ...payload, value: { ...value, entries: {} } }).slice(0, -3);
  const lines = Object.entries(entries).map(([key, entry]) => `${JSON.stringify(key)}:${entryText(entry)}`);
  return `${head}\n${lines.join(',\n')}\n}}}`;
}

/** An entry's JSON as the store writes it: `[n,{…},apart]` with `n` the first object's UTF-8 length again (src/io/recordOutcome.ts, storedEntry). */
function entryText(entry: unknown): string {
  if (!Array.isArray(entry)) return JSON.stringify(entry);
  const first = JSON.stringify(entry[1]);
  return `[${Buffer.byteLength(first, 'utf8')},${first},${JSON.stringify(entry[2])}]`;
}

/** The object of a store entry that holds its `data` (without the keys kept apart), in either of its layouts. */
export function entryHead(entry: unknown): { data: Record<string, unknown> } {
  return (Array.isArray(entry) ? entry[1] : entry) as { data: Record<string, unknown> };
}

export const FAKE_FINDING = { file: OCTOBER, line: 3, column: 7, severity: 'error', rule: 'invalid-value', message: 'from the cache' };
