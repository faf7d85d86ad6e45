import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { findExecutable, probeLaunch } from '../src/probe';
import { candidateLaunches } from '../src/serverCommand';

const python = process.env['TEXTSWEEP_TEST_PYTHON'] ?? 'python3';
let dir = '';

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'textsweep-probe-'));
  // A fake bundle: textsweep with a server entry point, and a fake pygls.
  const good = path.join(dir, 'good');
  mkdirSync(path.join(good, 'textsweep'), { recursive: true });
  mkdirSync(path.join(good, 'pygls'), { recursive: true });
  writeFileSync(path.join(good, 'textsweep', '__init__.py'), '__version__ = "9.9.9"\n');
  writeFileSync(path.join(good, 'textsweep', '__main__.py'), 'raise SystemExit("must not run")\n');
  writeFileSync(path.join(good, 'pygls', '__init__.py'), '');
  // A bundle whose textsweep has no __main__ (an old or broken install).
  const old = path.join(dir, 'old');
  mkdirSync(path.join(old, 'textsweep'), { recursive: true });
  writeFileSync(path.join(old, 'textsweep', '__init__.py'), '');
  // A bundle missing a dependency.
  const nodeps = path.join(dir, 'nodeps');
  mkdirSync(path.join(nodeps, 'textsweep'), { recursive: true });
  writeFileSync(path.join(nodeps, 'textsweep', '__init__.py'), 'import textsweep_missing_dependency\n');
  writeFileSync(path.join(nodeps, 'textsweep', '__main__.py'), '');
  // An executable on a fake PATH.
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'textsweep'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(bin, 'textsweep'), 0o755);
  writeFileSync(path.join(bin, 'not-executable'), '');
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function pythonLaunch(libs: string, py = python) {
  const [l] = candidateLaunches({
    commandSetting: undefined,
    pythonSetting: py,
    pythonExtensionInterpreter: undefined,
    bundledLibs: path.join(dir, libs),
    findExecutable: () => undefined,
    baseEnv: {},
    pathDelimiter: path.delimiter,
  });
  assert.ok(l);
  return l;
}

describe('probeLaunch (runs a real Python)', () => {
  it('accepts a bundle that imports, without running the server', async () => {
    const r = await probeLaunch(pythonLaunch('good'), { baseEnv: process.env });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.match(r.detail, /textsweep 9\.9\.9/);
  });

  it('rejects a textsweep without a server entry point', async () => {
    const r = await probeLaunch(pythonLaunch('old'), { baseEnv: process.env });
    assert.equal(r.ok, false);
    assert.match(r.reason, /no server entry point/);
  });

  it('rejects a bundle missing a dependency, naming it', async () => {
    const r = await probeLaunch(pythonLaunch('nodeps'), { baseEnv: process.env });
    assert.equal(r.ok, false);
    assert.match(r.reason, /cannot import the server: ModuleNotFoundError.*textsweep_missing_dependency/);
  });

  it('rejects an interpreter that does not exist', async () => {
    const r = await probeLaunch(pythonLaunch('good', '/nonexistent/python9'), { baseEnv: process.env });
    assert.equal(r.ok, false);
    assert.match(r.reason, /not found/);
  });

  it('rejects an interpreter that is not Python', async () => {
    const r = await probeLaunch(pythonLaunch('good', path.join(dir, 'bin', 'textsweep')), { baseEnv: process.env });
    assert.equal(r.ok, false);
    assert.match(r.reason, /did not run|no answer/);
  });
});

describe('findExecutable', () => {
  it('finds executables on PATH and skips non-executable files', () => {
    const bin = path.join(dir, 'bin');
    assert.equal(findExecutable('textsweep', `/nonexistent${path.delimiter}${bin}`), path.join(bin, 'textsweep'));
    assert.equal(findExecutable('not-executable', bin), undefined);
    assert.equal(findExecutable('textsweep', ''), undefined);
    assert.equal(findExecutable(path.join(bin, 'textsweep'), ''), path.join(bin, 'textsweep'));
  });

  it('tries PATHEXT extensions', () => {
    const seen: string[] = [];
    const found = findExecutable('textsweep', 'C:\\bin', {
      delimiter: ';',
      pathExt: '.COM;.EXE',
      isExecutable: (f) => {
        seen.push(f);
        return f.endsWith('.EXE');
      },
    });
    assert.ok(found?.endsWith('textsweep.EXE'));
    assert.equal(seen.length, 3);
  });
});
