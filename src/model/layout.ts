// The fixed names in a records repository (docs/format.md).

/** The repository's settings, at its root: how meet finds the root. */
export const CONFIG_FILE = 'meet.config.yaml';

/** The day a record's file name begins with (`2020-10-26-…md`), as written (a calendar day or not), or undefined. */
export function dayInFileName(file: string): string | undefined {
  return /^(\d{4}-\d{2}-\d{2})/.exec(file.slice(file.lastIndexOf('/') + 1))?.[1];
}
