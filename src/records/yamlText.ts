// Values written into YAML by hand-built text (templates, config): quoted
// only when plain text would be read differently.
import { stringify } from 'yaml';
import { oneLine } from '../model/text.js';

export function yamlScalar(text: string): string {
  // Always one line: the value is spliced after "key: " at any indentation,
  // where a block scalar ("|-", chosen for text like "...x") would not fit.
  return stringify(text, { lineWidth: 0, version: '1.2', blockQuote: false }).trimEnd();
}

/** One line of a YAML comment: no line breaks can escape the comment. */
export function commentText(text: string): string {
  return oneLine(text);
}
