#!/usr/bin/env node
// Self time by function and by package from a V8 .cpuprofile, to see where a
// run spends its time:
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/meet.cjs check --root DIR
//   node bench/profile-summary.mjs /tmp/prof/*.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
if (positionals.length !== 1) {
  process.stderr.write('usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const selfByNode = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  selfByNode.set(id, (selfByNode.get(id) ?? 0) + dt);
  total += dt;
});

const shortUrl = (url) => url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(dist|bench|src)\//, '$1/');
// A package (node_modules), a project folder, node's internals, or V8's pseudo-frames.
const groupOf = (url, name) => {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.includes('node_modules/')) return url.split('node_modules/')[1].split('/')[0];
  if (url.startsWith('node:')) return 'node: (internals)';
  return shortUrl(url).split('/').slice(0, 2).join('/');
};
const byFunction = new Map();
const byGroup = new Map();
for (const [id, time] of selfByNode) {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const name = functionName || '(anonymous)';
  const key = url ? `${name} (${shortUrl(url)}:${lineNumber + 1})` : name;
  byFunction.set(key, (byFunction.get(key) ?? 0) + time);
  const group = groupOf(url, name);
  byGroup.set(group, (byGroup.get(group) ?? 0) + time);
}

const line = ([key, time]) => `| ${(time / 1e6).toFixed(2)} | ${((100 * time) / total).toFixed(1)}% | ${key.replace(/\|/g, '\\|')} |`;
const top = Number(values.top);
const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
process.stdout.write(
  [
    `Sampled ${(total / 1e6).toFixed(2)} s.`,
    '',
    '| self s | share | package or folder |',
    '|---:|---:|---|',
    ...sorted(byGroup).slice(0, 12).map(line),
    '',
    '| self s | share | function |',
    '|---:|---:|---|',
    ...sorted(byFunction).slice(0, top).map(line),
    '',
  ].join('\n'),
);
