// `meet check --format sarif` end to end: SARIF 2.1.0 with the rules table,
// results located by line and column, and URIs relative to the folder code
// scanning calls the repository root (the git top folder when in git).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vi } from '../src/model/messages/vi.js';
import { RULES, type RuleId } from '../src/model/ruleCatalogue.js';
import { toUriReference } from '../src/render/sarif.js';
import { copyExamples, git, makeRepo, PROJECT_ROOT, runMeet, tempDir, writeTree, MINIMAL_CONFIG } from './helpers.js';

interface SarifResult {
  ruleId: RuleId;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[];
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: { id: string; shortDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[];
      };
    };
    results: SarifResult[];
  }[];
}

const rec = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n\nNội dung biên bản.\n`;
const head = (date: string) => ['title: Họp thử', `date: ${date}`, 'chair: Nguyễn Văn A'];
const M = 'meetings/2020/';
const BROKEN = `${M}2020-10-10-hop.md`;
const RECORDS = {
  // line 8, column 12: an owner nobody declared
  [BROKEN]: rec(...head('2020-10-10'), 'tasks:', '  - id: viec-1', '    title: Việc', '    owner: khong-co'),
  // line 3, column 7: filed in the wrong year folder (a warning)
  'meetings/2019/2020-11-11-hop.md': rec(...head('2020-11-11')),
  // line 3, column 7: a file name that is not a slug (a Vietnamese letter)
  [`${M}2020-12-12-họp.md`]: rec(...head('2020-12-12')),
};

async function sarif(cwd: string, ...args: string[]): Promise<{ code: number; log: SarifLog; stdout: string }> {
  const run = await runMeet(['check', '--format', 'sarif', ...args], { cwd });
  try {
    return { code: run.code, log: JSON.parse(run.stdout) as SarifLog, stdout: run.stdout };
  } catch {
    throw new Error(`meet check did not print JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

const summary = (r: SarifResult) => {
  const { artifactLocation, region } = r.locations[0]!.physicalLocation;
  return `${artifactLocation.uri}:${region.startLine}:${region.startColumn} ${r.ruleId} ${r.level}`;
};

describe('meet check --format sarif', () => {
  it("is SARIF 2.1.0 with every rule in the tool's rules table", async () => {
    const { code, log } = await sarif(makeRepo(RECORDS));
    expect(code).toBe(1);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0]!.tool;
    expect(driver.name).toBe('meet');
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(driver.version).toBe(pkg.version);
    expect(driver.rules.map((r) => r.id)).toEqual(Object.keys(RULES));
    for (const rule of driver.rules) {
      const info = RULES[rule.id as RuleId];
      // In the repository's language (vi here).
      expect(rule.shortDescription.text).toBe(vi.ruleText[rule.id as RuleId].summary);
      expect(rule.help.text).toBe(vi.ruleText[rule.id as RuleId].help);
      expect(rule.defaultConfiguration.level).toBe(info.severity);
    }
  });

  it('locates each result by rule, level, line, column and a percent-encoded relative URI', async () => {
    const { log } = await sarif(makeRepo(RECORDS));
    const { results } = log.runs[0]!;
    expect(results.map(summary)).toEqual([
      'meetings/2019/2020-11-11-hop.md:3:7 file-folder warning',
      'meetings/2020/2020-10-10-hop.md:8:12 unknown-owner error',
      'meetings/2020/2020-12-12-h%E1%BB%8Dp.md:3:7 file-slug warning',
    ]);
    const rules = log.runs[0]!.tool.driver.rules;
    for (const r of results) {
      expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(r.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    }
    expect(results[1]!.message.text).toContain('"khong-co"');
  });

  it('is the same every time (no times, no absolute paths)', async () => {
    const dir = makeRepo(RECORDS);
    const first = (await sarif(dir)).stdout;
    expect((await sarif(dir)).stdout).toBe(first);
    expect(first).not.toContain(dir);
  });

  it('has an empty results array when there is nothing to report', async () => {
    const { code, log } = await sarif(copyExamples());
    expect(code).toBe(0);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules.length).toBe(Object.keys(RULES).length);
  });

  it('makes URIs relative to the git top folder when the records sit in a subfolder', async () => {
    const top = tempDir('meet-sarif-');
    const root = path.join(top, 'hồ sơ');
    writeTree(root, { 'meet.config.yaml': MINIMAL_CONFIG, ...RECORDS });
    git(top, 'init', '-q', '-b', 'main');
    const fromRoot = (await sarif(root)).log.runs[0]!.results.map(summary);
    expect(fromRoot[1]).toBe('h%E1%BB%93%20s%C6%A1/meetings/2020/2020-10-10-hop.md:8:12 unknown-owner error');
    // The same from the top with --root, and combined with --since.
    expect((await sarif(top, '--root', 'hồ sơ')).log.runs[0]!.results.map(summary)).toEqual(fromRoot);
    git(top, 'add', '-A');
    git(top, 'commit', '-q', '-m', 'Base');
    writeTree(root, { [`${M}2020-10-20-hop-moi.md`]: rec(...head('2020-10-20'), 'tasks:', '  - id: viec-1', '    title: Việc', '    owner: van-phong') });
    expect((await sarif(root, '--since', 'main')).log.runs[0]!.results.map(summary)).toEqual([
      'h%E1%BB%93%20s%C6%A1/meetings/2020/2020-10-20-hop-moi.md:6:9 duplicate-task-id error',
    ]);
  });
});

describe('toUriReference', () => {
  it('percent-encodes each segment as UTF-8 and keeps "/"', () => {
    expect(toUriReference('meetings/2020/a b#1?.md')).toBe('meetings/2020/a%20b%231%3F.md');
    expect(toUriReference('biên bản/2020-10-26-hop.md')).toBe('bi%C3%AAn%20b%E1%BA%A3n/2020-10-26-hop.md');
    expect(toUriReference('c:x/y.md')).toBe('c%3Ax/y.md');
  });
});
