// Splits a record into front matter and body, by hand rather than with
// gray-matter: gray-matter evaluates `---js` front matter as code, treats any
// line starting with `---` as the closing fence, and caches every input it
// sees. Here only a line of `---` (spaces after it allowed) opens or closes the front matter.

export type Split =
  | { kind: 'ok'; yaml: string; yamlOffset: number; body: string; bodyOffset: number; closeLine: number }
  | { kind: 'empty' }
  | { kind: 'missing' }
  | { kind: 'unclosed' }
  | { kind: 'language'; language: string };

const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

/** `text` has no BOM; offsets are indexes into it. Lines end in `\n` or `\r\n`. */
export function splitFrontMatter(text: string): Split {
  if (text.trim() === '') return { kind: 'empty' };
  // Old Mac line ends (CR alone): there is no "---" line to find.
  if (!text.includes('\n') && text.includes('\r')) return { kind: 'missing' };
  const firstEnd = lineEnd(text, 0);
  const first = stripCr(text.slice(0, firstEnd));
  // "----" or "--- ---" is a ruler, not an opening fence.
  if (!first.startsWith('---') || /^---\s*-/.test(first)) return { kind: 'missing' };
  if (first !== '---') {
    // `---yaml` is the explicit spelling of the default; any other language
    // (`---js`, `--- JavaScript`, `---toml`…) is refused, never evaluated.
    const language = first.slice(3).trim();
    if (!YAML_LANGUAGES.has(language.toLowerCase())) {
      return { kind: 'language', language: language || first };
    }
  }
  const yamlOffset = Math.min(firstEnd + 1, text.length);
  let start = yamlOffset;
  let line = 2;
  while (start < text.length) {
    const end = lineEnd(text, start);
    // Spaces after it are invisible in an editor, as after the opening one: `--- ` closes too.
    if (/^---[ \t]*$/.test(stripCr(text.slice(start, end)))) {
      const bodyOffset = Math.min(end + 1, text.length);
      return {
        kind: 'ok',
        yaml: text.slice(yamlOffset, start),
        yamlOffset,
        body: text.slice(bodyOffset),
        bodyOffset,
        closeLine: line,
      };
    }
    start = end + 1;
    line++;
  }
  return { kind: 'unclosed' };
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
