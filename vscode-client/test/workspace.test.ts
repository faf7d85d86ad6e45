import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

import { formatStatus } from '../src/status';
import {
  checkMessage,
  describeProgress,
  editedUris,
  fixDoneMessage,
  fixQuestion,
  nextProgress,
  pullMessage,
  splitForSaving,
  staleUris,
  toCheckSummary,
  toFixSummary,
  totalsText,
  WorkspaceTally,
  type ProgressValue,
  type ScanProgress,
} from '../src/workspace';

const clientDir = path.resolve(__dirname, '..', '..');

describe('server answers', () => {
  it('reads the documented results of checkWorkspace and fixWorkspace', () => {
    assert.deepEqual(toCheckSummary({ files: 3, problems: 7 }), { files: 3, problems: 7 });
    assert.deepEqual(toFixSummary({ files: 2, fixes: 5 }), { files: 2, fixes: 5 });
    assert.deepEqual(toFixSummary({ applied: true, files: 2, fixes: 5 }), { files: 2, fixes: 5, applied: true });
    assert.deepEqual(toFixSummary({ applied: false, files: 0, fixes: 0 }), { files: 0, fixes: 0, applied: false });
  });

  it('rejects other shapes instead of showing "undefined problems"', () => {
    assert.equal(toCheckSummary(null), undefined);
    assert.equal(toCheckSummary([3, 7]), undefined);
    assert.equal(toCheckSummary({ files: 3 }), undefined);
    assert.equal(toCheckSummary({ files: '3', problems: 7 }), undefined);
    assert.equal(toCheckSummary({ files: -1, problems: 7 }), undefined);
    assert.equal(toFixSummary({ files: 2, fixes: 1.5 }), undefined);
    assert.equal(toFixSummary({ files: 2, fixes: 5, applied: 'yes' }), undefined);
    assert.equal(toFixSummary({ files: 2, problems: 5 }), undefined);
  });
});

describe('messages', () => {
  it('asks the modal question with the dry run figures, singular and plural', () => {
    assert.equal(fixQuestion({ files: 3, fixes: 12 }), 'Fix 12 problems in 3 files?');
    assert.equal(fixQuestion({ files: 1, fixes: 1 }), 'Fix 1 problem in 1 file?');
  });

  it('reports a check and a fix', () => {
    assert.equal(checkMessage({ files: 3, problems: 7 }), 'textsweep: 7 problems in 3 files.');
    assert.equal(checkMessage({ files: 12, problems: 0 }), 'textsweep: no problems found (12 files).');
    assert.equal(fixDoneMessage({ files: 3, fixes: 12, applied: true }, 3, 0), 'textsweep: fixed 12 problems in 3 files; saved 3 files.');
    assert.equal(
      fixDoneMessage({ files: 2, fixes: 2, applied: true }, 1, 1),
      'textsweep: fixed 2 problems in 2 files; saved 1 file; 1 file with unsaved changes was left unsaved.',
    );
  });
});

describe('workspace edits', () => {
  const a = 'file:///ws/a.txt';
  const b = 'file:///ws/b.md';
  const c = 'file:///ws/c.txt';
  const edit = (uri: string, version: number | null, n = 1): unknown => ({
    textDocument: { uri, version },
    edits: Array.from({ length: n }, () => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'x' })),
  });

  it('lists the documents a TextDocumentEdit per file changes, each once, in order', () => {
    assert.deepEqual(editedUris({ documentChanges: [edit(b, null), edit(a, 4), edit(b, null)] }), [b, a]);
    // no text edit: nothing to save; file operations are not text edits
    assert.deepEqual(editedUris({ documentChanges: [edit(a, null, 0), { kind: 'create', uri: c }] }), []);
    assert.deepEqual(editedUris({ changes: { [a]: [{}], [c]: [] } }), [a]);
    assert.deepEqual(editedUris({}), []);
  });

  it('finds edits made for another version of an open document', () => {
    const open = new Map([[a, 4], [b, 2]]);
    const ver = (u: string): number | undefined => open.get(u);
    assert.deepEqual(staleUris({ documentChanges: [edit(a, 4), edit(b, 2)] }, ver), []);
    assert.deepEqual(staleUris({ documentChanges: [edit(a, 3), edit(b, 2)] }, ver), [a]);
    // closed documents (null version, or not open) are never stale
    assert.deepEqual(staleUris({ documentChanges: [edit(c, 7), edit(a, null)] }, ver), []);
  });

  it('saves only the files whose sole changes are the fixes', () => {
    assert.deepEqual(splitForSaving([a, b, c], new Set([b])), { save: [a, c], leave: [b] });
    assert.deepEqual(splitForSaving([], new Set([b])), { save: [], leave: [] });
  });
});

describe('$/progress in the status bar', () => {
  function run(values: ProgressValue[]): ScanProgress | undefined {
    let p: ScanProgress | undefined;
    for (const v of values) p = nextProgress(p, v);
    return p;
  }

  it('follows begin and reports, and ends', () => {
    const begun = run([{ kind: 'begin', title: 'textsweep: checking the workspace', percentage: 0 }]);
    assert.deepEqual(begun, { title: 'textsweep: checking the workspace', message: '', percentage: 0 });
    const mid = run([
      { kind: 'begin', title: 'textsweep: checking the workspace', percentage: 0 },
      { kind: 'report', message: '12/40 files, 7 problems', percentage: 30.4 },
      { kind: 'report', percentage: 35 },
    ]);
    assert.deepEqual(mid, { title: 'textsweep: checking the workspace', message: '12/40 files, 7 problems', percentage: 35 });
    assert.equal(describeProgress(mid as ScanProgress), 'checking the workspace: 12/40 files, 7 problems (35%)');
    assert.equal(run([{ kind: 'begin', title: 'x' }, { kind: 'end' }]), undefined);
  });

  it('copes with a report without a begin, odd percentages and long messages', () => {
    const p = run([{ kind: 'report', message: '3 files', percentage: 250 }]);
    assert.deepEqual(p, { title: '', message: '3 files', percentage: 100 });
    assert.equal(describeProgress({ title: '', message: '', percentage: undefined }), 'working…');
    const long = describeProgress({ title: 'Checking', message: 'x'.repeat(200), percentage: undefined }, 40);
    assert.equal(long.length, 40);
    assert.ok(long.endsWith('…'));
  });

  it('shows workspace totals while scanning, and a click then opens the Problems panel', () => {
    const info = { uri: 'file:///a.txt', version: 1, encoding: 'utf-8', encodingConfidence: 1, language: 'fr', findings: 2 };
    const scanning = formatStatus('running', info, '', { scanning: true, text: 'checking the workspace: 12/40 files' });
    assert.equal(scanning.text, '$(sync~spin) textsweep · checking the workspace: 12/40 files');
    assert.equal(scanning.opensProblems, true);
    assert.match(scanning.tooltip, /Problems panel/);
    const totals = formatStatus('running', info, '', { scanning: false, text: '7 problems in 3 files' });
    assert.equal(totals.text, '$(check) textsweep · 7 problems in 3 files');
    // without a scan: the file's details, and the menu
    const plain = formatStatus('running', info);
    assert.equal(plain.text, '$(check) textsweep · UTF-8 · fr');
    assert.equal(plain.opensProblems, false);
    // a stopped server does not pretend to scan
    assert.equal(formatStatus('failed', info, 'x', { scanning: true, text: 'checking' }).text, '$(error) textsweep: failed');
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(path.join(clientDir, 'package.json'), 'utf8')) as {
    activationEvents: string[];
    contributes: { commands: { command: string; title: string }[]; menus: { commandPalette: { command: string; when: string }[] } };
  };
  const source = readFileSync(path.join(clientDir, 'src', 'extension.ts'), 'utf8');

  it('contributes the workspace commands, shown when a folder is open', () => {
    for (const [id, title] of [
      ['textsweep.checkWorkspace', 'Check the workspace'],
      ['textsweep.fixWorkspace', 'Fix all problems in the workspace'],
    ] as const) {
      assert.equal(pkg.contributes.commands.find((c) => c.command === id)?.title, title);
      assert.equal(pkg.contributes.menus.commandPalette.find((m) => m.command === id)?.when, 'workspaceFolderCount > 0');
      assert.ok(source.includes(`registerCommand('${id}'`), `${id} is not registered`);
      // the server's commands carry `.server.`: no clash with the ones vscode-languageclient registers
      assert.ok(!id.includes('.server.'));
    }
  });

  it('activates when a folder holds text, so closed files are checked without opening one', () => {
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.md'));
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.txt'));
  });

  it('registers every contributed command', () => {
    for (const c of pkg.contributes.commands) assert.ok(source.includes(`registerCommand('${c.command}'`), c.command);
  });
});

describe('WorkspaceTally', () => {
  it('counts problems per file across partial results and pulls', () => {
    const t = new WorkspaceTally();
    t.startPull();
    t.record([{ uri: 'a', kind: 'full', problems: 3 }, { uri: 'b', kind: 'full', problems: 0 }]);
    t.record([{ uri: 'c', kind: 'full', problems: 1 }]);
    assert.equal(t.checked, 3);
    assert.deepEqual(t.totals(), { files: 2, problems: 4 });
    assert.equal(pullMessage(t), '3 files checked, 4 problems in 2 files');
    // the next pull: unchanged files keep their count, a fixed file drops to 0
    t.startPull();
    assert.equal(t.checked, 0);
    t.record([{ uri: 'a', kind: 'unChanged', problems: 0 }, { uri: 'c', kind: 'full', problems: 0 }]);
    assert.deepEqual(t.totals(), { files: 1, problems: 3 });
    assert.equal(totalsText(t.totals()), '3 problems in 1 file');
    t.clear();
    assert.deepEqual(t.totals(), { files: 0, problems: 0 });
  });
});
