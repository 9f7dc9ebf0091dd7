// Findings as SARIF 2.1.0, the format code-scanning dashboards (GitHub,
// GitLab, Azure DevOps) read. The output is stable: no times, no absolute
// paths, rules and results always in the same order.
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
import { RULES, type Finding, type RuleId } from '../model/ruleCatalogue.js';
import { jsonText, unseenShown } from '../model/text.js';
import { messages, type Messages } from '../model/messages/index.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SARIF_BASE_ID = '%SRCROOT%';

const RULE_IDS = Object.keys(RULES) as RuleId[];

/**
 * `uri` maps a finding's file to a path relative to the folder code scanning
 * calls the repository root (the git top folder), with `/`.
 */
export function renderFindingsSarif(findings: readonly Finding[], uri: (file: string) => string, version: string, m: Messages = messages('en')): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'meet',
            version,
            semanticVersion: version,
            rules: RULE_IDS.map((id) => {
              const rule = RULES[id];
              const text = m.ruleText[id];
              return {
                id,
                shortDescription: { text: text.summary },
                help: { text: text.help },
                defaultConfiguration: { level: rule.severity },
              };
            }),
          },
        },
        // Columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: RULE_IDS.indexOf(f.rule),
          level: f.severity,
          message: { text: unseenShown(f.message) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUriReference(uri(f.file)), uriBaseId: SARIF_BASE_ID },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${jsonText(log)}\n`;
}

/**
 * A relative path as a URI reference: each segment percent-encoded (UTF-8),
 * so Vietnamese names, spaces, "#" and "?" survive, and "/" still separates.
 */
export function toUriReference(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}
