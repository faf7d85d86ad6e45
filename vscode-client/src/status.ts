// Text of the status bar item. No `vscode` import: unit-tested with Node's test runner.

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed' | 'disabled';

/** Result of `textsweep/documentInfo` (docs/lsp-extensions.md). */
export interface DocumentInfo {
  uri: string;
  version: number | null;
  encoding: string | null;
  encodingConfidence: number | null;
  language: string | null;
  findings: number;
}

/** The server's answer as a DocumentInfo (missing optional fields filled in), or
 *  undefined when it does not have the documented shape. */
export function toDocumentInfo(v: unknown): DocumentInfo | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const uri = o['uri'];
  const encoding = o['encoding'] ?? null;
  const language = o['language'] ?? null;
  const confidence = o['encodingConfidence'] ?? null;
  const version = o['version'] ?? null;
  const findings = o['findings'] ?? 0;
  if (
    typeof uri !== 'string' ||
    (encoding !== null && typeof encoding !== 'string') ||
    (language !== null && typeof language !== 'string') ||
    (confidence !== null && typeof confidence !== 'number') ||
    (version !== null && typeof version !== 'number') ||
    typeof findings !== 'number'
  ) {
    return undefined;
  }
  return { uri, version, encoding, encodingConfidence: confidence, language, findings };
}

const ENCODING_NAMES: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-sig': 'UTF-8 with BOM',
  'utf-16': 'UTF-16',
  'utf-16-le': 'UTF-16 LE',
  'utf-16-be': 'UTF-16 BE',
  ascii: 'ASCII',
  'iso-8859-1': 'ISO-8859-1',
  'iso-8859-15': 'ISO-8859-15',
  'mac-roman': 'Mac Roman',
  macroman: 'Mac Roman',
};

/** `windows-1252` → `Windows-1252`, `utf-8` → `UTF-8`, `cp850` → `CP850`. */
export function displayEncoding(encoding: string): string {
  const key = encoding.toLowerCase().replace(/_/g, '-');
  const known = ENCODING_NAMES[key];
  if (known !== undefined) return known;
  if (key.startsWith('windows-')) return `Windows-${key.slice('windows-'.length)}`;
  if (/^cp\d+$/.test(key)) return key.toUpperCase();
  if (key.startsWith('iso-') || key.startsWith('koi8') || key.startsWith('shift') || key.startsWith('euc')) {
    return key.toUpperCase();
  }
  return encoding;
}

export interface StatusView {
  text: string;
  tooltip: string;
  /** A click opens the Problems panel (workspace totals are shown), else the menu. */
  opensProblems: boolean;
}

/** Workspace totals in the status bar: while a scan runs (from its `$/progress`), and
 *  for a moment after "Check the workspace" ends. */
export interface WorkspaceStatus {
  scanning: boolean;
  /** `checking the workspace: 12/40 files, 7 problems`, `7 problems in 3 files` */
  text: string;
}

const ICONS: Readonly<Record<ServerState, string>> = {
  starting: '$(sync~spin)',
  running: '$(check)',
  stopped: '$(circle-slash)',
  failed: '$(error)',
  disabled: '$(circle-slash)',
};

/**
 * `$(check) textsweep · UTF-8 · fr` while the server runs and knows the active file;
 * just the state otherwise. `info` undefined means "no info for the active file"
 * (not a checked document, or the server lacks `textsweep/documentInfo`).
 * `workspace` (while the server runs) replaces the file's details by workspace totals:
 * `$(sync~spin) textsweep · checking the workspace: 12/40 files`, and a click then opens
 * the Problems panel.
 */
export function formatStatus(
  state: ServerState,
  info?: DocumentInfo,
  detail?: string,
  workspace?: WorkspaceStatus,
): StatusView {
  const parts = [`${ICONS[state]} textsweep`];
  const tips: string[] = [`textsweep server: ${state}`];
  if (detail !== undefined && detail !== '') tips.push(detail);
  if (state === 'running' && workspace !== undefined) {
    parts[0] = `${workspace.scanning ? ICONS.starting : ICONS.running} textsweep`;
    parts.push(workspace.text);
    tips.push(`Workspace: ${workspace.text}`);
    tips.push('Click to open the Problems panel');
    return { text: parts.join(' · '), tooltip: tips.join('\n'), opensProblems: true };
  }
  if (state === 'running' && info !== undefined) {
    if (info.encoding !== null) {
      const enc = displayEncoding(info.encoding);
      parts.push(enc);
      const conf =
        info.encodingConfidence !== null && info.encodingConfidence < 1
          ? ` (confidence ${Math.round(info.encodingConfidence * 100)}%)`
          : '';
      tips.push(`File encoding on disk: ${enc}${conf}`);
    } else {
      tips.push('Not saved on disk yet: no file encoding');
    }
    if (info.language !== null && info.language !== '') {
      parts.push(info.language);
      tips.push(`Text language: ${info.language}`);
    } else {
      tips.push('Text language: unknown');
    }
    tips.push(`${info.findings} problem${info.findings === 1 ? '' : 's'} found`);
  } else if (state !== 'running') {
    parts[0] = `${ICONS[state]} textsweep: ${state}`;
  }
  tips.push('Click for textsweep actions');
  return { text: parts.join(' · '), tooltip: tips.join('\n'), opensProblems: false };
}
