// Mapping between VS Code's `textsweep` settings and what the server and the language
// client need. No `vscode` import: unit-tested with Node's test runner.

/** Languages checked when `textsweep.documentSelector` is not set (VS Code language ids). */
export const DEFAULT_LANGUAGES: readonly string[] = [
  'plaintext',
  'markdown',
  'latex',
  'restructuredtext',
  'html',
  'git-commit',
  'po',
  'python',
  'javascript',
  'typescript',
  'rust',
  'go',
  'c',
  'cpp',
  'java',
  'shellscript',
  'yaml',
  'toml',
  'json',
];

/** Schemes a bare language id in the selector applies to. */
export const DEFAULT_SCHEMES: readonly string[] = ['file', 'untitled'];

/** Keys of the `textsweep` section only the extension reads; never sent to the server. */
export const CLIENT_ONLY_KEYS: readonly string[] = ['server', 'trace', 'enable', 'documentSelector'];

/** A document filter as VS Code and vscode-languageclient take it. */
/** A document filter as VS Code and vscode-languageclient take it (at least one field). */
export type DocumentFilter =
  | { language: string; scheme?: string; pattern?: string }
  | { language?: string; scheme: string; pattern?: string }
  | { language?: string; scheme?: string; pattern: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The document selector from the `textsweep.documentSelector` setting: a language id
 * becomes one filter per scheme (`file`, `untitled`); an object filter is kept as is
 * (with its string fields only). Anything unusable is reported and ignored; an unusable
 * or empty setting falls back to the defaults.
 */
export function buildDocumentSelector(setting: unknown): {
  selector: DocumentFilter[];
  warnings: string[];
} {
  const warnings: string[] = [];
  const entries: unknown[] = Array.isArray(setting) ? setting : [];
  if (setting !== undefined && setting !== null && !Array.isArray(setting)) {
    warnings.push('textsweep.documentSelector must be an array; using the default languages');
  }
  const selector: DocumentFilter[] = [];
  const add = (f: DocumentFilter): void => {
    if (!selector.some((g) => g.language === f.language && g.scheme === f.scheme && g.pattern === f.pattern)) {
      selector.push(f);
    }
  };
  for (const entry of entries) {
    if (typeof entry === 'string' && entry.trim() !== '') {
      for (const scheme of DEFAULT_SCHEMES) add({ language: entry.trim(), scheme });
    } else if (isRecord(entry)) {
      const fields: { language?: string; scheme?: string; pattern?: string } = {};
      for (const key of ['language', 'scheme', 'pattern'] as const) {
        const v = entry[key];
        if (typeof v === 'string' && v !== '') fields[key] = v;
      }
      const { language, scheme, pattern } = fields;
      if (language !== undefined) add({ ...fields, language });
      else if (scheme !== undefined) add({ ...fields, scheme });
      else if (pattern !== undefined) add({ ...fields, pattern });
      else {
        warnings.push(`textsweep.documentSelector: ignored ${JSON.stringify(entry)} (no language, scheme or pattern)`);
      }
    } else {
      warnings.push(`textsweep.documentSelector: ignored ${JSON.stringify(entry)}`);
    }
  }
  if (selector.length === 0) {
    for (const language of DEFAULT_LANGUAGES) {
      for (const scheme of DEFAULT_SCHEMES) add({ language, scheme });
    }
  }
  return { selector, warnings };
}

/** Drops `null` values (a setting left unset, e.g. `textsweep.french.colon`), and the
 *  objects that held nothing else, so the server applies its own defaults. */
function withoutNulls(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    const cleaned = withoutNulls(v);
    if (isRecord(v) && Object.keys(v).length > 0 && isRecord(cleaned) && Object.keys(cleaned).length === 0) continue;
    out[key] = cleaned;
  }
  return out;
}

/**
 * The `textsweep` section as the server reads it (`workspace/configuration`): the
 * settings VS Code returns, less the keys only the extension reads and the settings
 * left unset (`null`). VS Code already nests dotted keys (`blankLines.prose` →
 * `{ blankLines: { prose } }`), which is the shape docs/settings.md describes.
 */
export function toServerSettings(section: unknown): unknown {
  if (!isRecord(section)) {
    return section;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) {
    if (!CLIENT_ONLY_KEYS.includes(key)) {
      out[key] = value;
    }
  }
  return withoutNulls(out);
}

/** Which setting changes need the server to be restarted (the others are pushed live). */
export const RESTART_SETTINGS: readonly string[] = [
  'textsweep.server',
  'textsweep.documentSelector',
];

/** `textsweep.server.command` as an argv array, whatever the user typed. */
export function readCommandSetting(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    const argv = value.filter((v): v is string => typeof v === 'string' && v !== '');
    return argv.length > 0 ? argv : undefined;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    // A plain string is accepted as a program path without arguments.
    return [value.trim()];
  }
  return undefined;
}
