// Findings as text for a person (pretty), for scripts (json) and for GitHub
// workflow annotations (github).
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { countBySeverity, type Finding } from '../model/ruleCatalogue.js';
import { jsonText, unseenShown, visible } from '../model/text.js';
import { messages, type Messages } from '../model/messages/index.js';

export type FindingFormat = 'pretty' | 'json' | 'github';

/** Finding paths are shown relative to where the command was run. */
export function displayPath(root: string, cwd: string, file: string): string {
  const relative = path.relative(cwd, path.join(root, file));
  return relative.split(path.sep).join('/') || file;
}

export function renderFindingsJson(findings: readonly Finding[], show: (file: string) => string): string {
  const rows = findings.map((f) => ({
    file: show(f.file),
    line: f.line,
    column: f.column,
    severity: f.severity,
    rule: f.rule,
    message: unseenShown(f.message),
  }));
  return `${jsonText(rows)}\n`;
}

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderFindingsGithub(findings: readonly Finding[], show: (file: string) => string): string {
  return findings
    .map(
      (f) =>
        // A line break in a file name as the runner decodes it (%0A), so the annotation lands on that file; other controls shown.
        `::${f.severity === 'error' ? 'error' : 'warning'} file=${visible(escapeProperty(show(f.file)))},line=${f.line},col=${f.column},title=${escapeProperty(`meet ${f.rule}`)}::${escapeData(visible(unseenShown(f.message)))}\n`,
    )
    .join('');
}

export function renderFindingsPretty(
  findings: readonly Finding[],
  show: (file: string) => string,
  c: ChalkInstance,
  recordsChecked: number,
  m: Messages = messages('en'),
): string {
  const lines: string[] = [];
  let current: string | undefined;
  // reduce, not Math.max(...): a spread of 200,000 values overflows the stack.
  const width = findings.reduce((max, f) => Math.max(max, `${f.line}:${f.column}`.length), 0);
  const labels = m.labels.severity;
  const labelWidth = Math.max(labels.error.length, labels.warning.length);
  for (const f of findings) {
    if (f.file !== current) {
      if (current !== undefined) lines.push('');
      current = f.file;
      lines.push(c.underline(visible(show(f.file))));
    }
    const where = `${f.line}:${f.column}`.padEnd(width);
    const severity = f.severity === 'error' ? c.red(labels.error.padEnd(labelWidth)) : c.yellow(labels.warning.padEnd(labelWidth));
    lines.push(`  ${c.dim(where)}  ${severity}  ${visible(unseenShown(f.message))}  ${c.dim(f.rule)}`);
  }
  const { errors, warnings } = countBySeverity(findings);
  const files = new Set(findings.map((f) => f.file)).size;
  if (findings.length > 0) lines.push('');
  const checked = m.check.checked(recordsChecked);
  if (findings.length === 0) {
    lines.push(c.green(m.check.noProblems(checked)));
  } else {
    const summary = m.check.summary(errors, warnings, files, checked);
    lines.push(errors > 0 ? c.red.bold(summary) : c.yellow.bold(summary));
  }
  return `${lines.join('\n')}\n`;
}
