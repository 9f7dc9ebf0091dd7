// The fixed names in a records repository (docs/format.md).

/** The repository's settings, at its root: how meet finds the root. */
export const CONFIG_FILE = 'meet.config.yaml';
