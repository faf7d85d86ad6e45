// The workspace commands and the workspace scan's progress, without `vscode`: unit-tested
// with Node's test runner. docs/lsp-extensions.md describes the server side.

/** Commands the server executes (`workspace/executeCommand`). vscode-languageclient
 *  registers them as VS Code commands too; the extension's own ids have no `.server.`. */
export const ServerCommands = {
  checkWorkspace: 'textsweep.server.checkWorkspace',
  fixWorkspace: 'textsweep.server.fixWorkspace',
} as const;

/** Result of `textsweep.server.checkWorkspace`. */
export interface CheckSummary {
  files: number;
  problems: number;
}

/** Result of `textsweep.server.fixWorkspace`: `applied` only when it was not a dry run. */
export interface FixSummary {
  files: number;
  fixes: number;
  applied?: boolean;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The server's answer as a CheckSummary, or undefined when it has another shape. */
export function toCheckSummary(v: unknown): CheckSummary | undefined {
  const o = asRecord(v);
  if (o === undefined || !isCount(o['files']) || !isCount(o['problems'])) return undefined;
  return { files: o['files'], problems: o['problems'] };
}

/** The server's answer as a FixSummary, or undefined when it has another shape. */
export function toFixSummary(v: unknown): FixSummary | undefined {
  const o = asRecord(v);
  if (o === undefined || !isCount(o['files']) || !isCount(o['fixes'])) return undefined;
  const applied = o['applied'];
  if (applied !== undefined && typeof applied !== 'boolean') return undefined;
  return applied === undefined ? { files: o['files'], fixes: o['fixes'] } : { files: o['files'], fixes: o['fixes'], applied };
}

/** `1 problem`, `3 problems`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The modal question before a workspace fix. */
export function fixQuestion(s: FixSummary): string {
  return `Fix ${count(s.fixes, 'problem')} in ${count(s.files, 'file')}?`;
}

/** What a finished workspace check says. */
export function checkMessage(s: CheckSummary): string {
  if (s.problems === 0) return `textsweep: no problems found (${count(s.files, 'file')}).`;
  return `textsweep: ${count(s.problems, 'problem')} in ${count(s.files, 'file')}.`;
}

/** What a finished workspace fix says; `leftUnsaved` files had unsaved changes before. */
export function fixDoneMessage(s: FixSummary, saved: number, leftUnsaved: number): string {
  let m = `textsweep: fixed ${count(s.fixes, 'problem')} in ${count(s.files, 'file')}`;
  if (saved > 0) m += `; saved ${count(saved, 'file')}`;
  if (leftUnsaved > 0) {
    m += `; ${count(leftUnsaved, 'file')} with unsaved changes ${leftUnsaved === 1 ? 'was' : 'were'} left unsaved`;
  }
  return `${m}.`;
}

// ---------------------------------------------------------------- workspace edits

interface LspTextDocumentEdit {
  textDocument: { uri: string; version?: number | null };
  edits: unknown[];
}

/** The parts of an LSP WorkspaceEdit read here. */
export interface LspEditShape {
  changes?: Record<string, unknown[]> | null;
  documentChanges?: unknown[] | null;
}

function textDocumentEdits(edit: LspEditShape): LspTextDocumentEdit[] {
  const out: LspTextDocumentEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    const c = asRecord(change);
    const doc = asRecord(c?.['textDocument']);
    if (c === undefined || doc === undefined || typeof doc['uri'] !== 'string' || !Array.isArray(c['edits'])) continue;
    const version = doc['version'];
    out.push({ textDocument: { uri: doc['uri'], version: typeof version === 'number' ? version : null }, edits: c['edits'] });
  }
  return out;
}

/** URIs whose text the edit changes (text edits only: creating, renaming and deleting
 *  files is not text to save), in order, each once. */
export function editedUris(edit: LspEditShape): string[] {
  const seen = new Set<string>();
  for (const e of textDocumentEdits(edit)) if (e.edits.length > 0) seen.add(e.textDocument.uri);
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) if (edits.length > 0) seen.add(uri);
  return [...seen];
}

/** URIs of documents the edit was computed for at another version than the open one
 *  (`openVersion` gives the version of an open document, undefined when not open). Such
 *  an edit must not be applied: it would land on text that moved. */
export function staleUris(edit: LspEditShape, openVersion: (uri: string) => number | undefined): string[] {
  const out: string[] = [];
  for (const e of textDocumentEdits(edit)) {
    const v = e.textDocument.version;
    if (typeof v !== 'number' || v < 0) continue;
    const open = openVersion(e.textDocument.uri);
    if (open !== undefined && open !== v) out.push(e.textDocument.uri);
  }
  return out;
}

/** After a workspace fix: save the files that had no unsaved changes before it (their
 *  only changes are the fixes), leave the others as they are. */
export function splitForSaving(edited: readonly string[], dirtyBefore: ReadonlySet<string>): { save: string[]; leave: string[] } {
  return {
    save: edited.filter((u) => !dirtyBefore.has(u)),
    leave: edited.filter((u) => dirtyBefore.has(u)),
  };
}

// ---------------------------------------------------------------- $/progress

/** A work-done progress of the server: `$/progress` begin, report or end. */
export interface ProgressValue {
  kind: 'begin' | 'report' | 'end';
  title?: string;
  message?: string;
  percentage?: number;
}

/** A running server task as the status bar shows it. */
export interface ScanProgress {
  title: string;
  message: string;
  percentage: number | undefined;
}

/** The task after one `$/progress` value; undefined once it ended. A report before the
 *  begin (or after the end) starts from an empty title. */
export function nextProgress(prev: ScanProgress | undefined, value: ProgressValue): ScanProgress | undefined {
  if (value.kind === 'end') return undefined;
  const base: ScanProgress = value.kind === 'begin' || prev === undefined
    ? { title: value.title ?? '', message: '', percentage: undefined }
    : prev;
  return {
    title: base.title,
    message: typeof value.message === 'string' ? value.message : base.message,
    percentage: typeof value.percentage === 'number' && Number.isFinite(value.percentage)
      ? Math.max(0, Math.min(100, Math.round(value.percentage)))
      : base.percentage,
  };
}

/** `checking the workspace: 12/40 files, 7 problems (30%)`, at most `max` characters. */
export function describeProgress(p: ScanProgress, max = 60): string {
  const title = p.title.replace(/^textsweep:?\s*/i, '').trim();
  const parts = [title, p.message.trim()].filter((s) => s !== '');
  let text = parts.join(': ');
  if (p.percentage !== undefined && !text.includes('%')) text += `${text === '' ? '' : ' '}(${p.percentage}%)`;
  if (text === '') text = 'working…';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---------------------------------------------------------------- workspace diagnostics

/** One file of a `workspace/diagnostic` answer: a full report counts its problems, an
 *  unchanged one keeps the last count. */
export interface ReportItem {
  uri: string;
  kind: 'full' | 'unChanged';
  problems: number;
}

/** Problems per file from the workspace diagnostics the client pulls (partial results
 *  included), for the status bar while a pull runs. */
export class WorkspaceTally {
  private readonly counts = new Map<string, number>();
  private seen = new Set<string>();

  /** A new pull: nothing checked yet in it; the counts stay until files report again. */
  startPull(): void {
    this.seen = new Set();
  }

  record(items: readonly ReportItem[]): void {
    for (const item of items) {
      this.seen.add(item.uri);
      if (item.kind === 'full') this.counts.set(item.uri, item.problems);
    }
  }

  /** Files reported in the current pull. */
  get checked(): number {
    return this.seen.size;
  }

  totals(): CheckSummary {
    let files = 0;
    let problems = 0;
    for (const n of this.counts.values()) {
      if (n > 0) files += 1;
      problems += n;
    }
    return { files, problems };
  }

  clear(): void {
    this.counts.clear();
    this.seen = new Set();
  }
}

/** `7 problems in 3 files` */
export function totalsText(t: CheckSummary): string {
  return `${count(t.problems, 'problem')} in ${count(t.files, 'file')}`;
}

/** The status bar's message while the client pulls workspace diagnostics. */
export function pullMessage(tally: WorkspaceTally): string {
  const t = tally.totals();
  return `${count(tally.checked, 'file')} checked, ${totalsText(t)}`;
}
