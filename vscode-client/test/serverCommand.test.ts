import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  candidateLaunches,
  describeFailure,
  isExplicit,
  pythonPathWith,
  resolveLaunch,
  resolveServer,
  type Launch,
  type ResolveInput,
} from '../src/serverCommand';

/** `xs[i]`, failing the test when it is missing. */
function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  assert.ok(x !== undefined, `no item ${i}`);
  return x;
}

function input(overrides: Partial<ResolveInput> = {}): ResolveInput {
  return {
    commandSetting: undefined,
    pythonSetting: undefined,
    pythonExtensionInterpreter: undefined,
    bundledLibs: '/ext/bundled/libs',
    findExecutable: () => undefined,
    baseEnv: {},
    pathDelimiter: ':',
    ...overrides,
  };
}

describe('candidateLaunches', () => {
  it('falls back to python3 with the bundled libs when nothing is configured', () => {
    const c = candidateLaunches(input());
    assert.equal(c.length, 1);
    const only = c[0];
    assert.ok(only);
    assert.equal(only.source, 'python3');
    assert.equal(only.command, 'python3');
    assert.deepEqual(only.args, ['-m', 'textsweep', 'serve']);
    assert.equal(only.env['PYTHONPATH'], '/ext/bundled/libs');
    assert.equal(only.env['PYTHONNOUSERSITE'], '1');
    assert.equal(only.usesBundle, true);
  });

  it('orders explicit settings, then PATH, then implicit interpreters', () => {
    const c = candidateLaunches(
      input({
        commandSetting: ['/venv/bin/textsweep', 'serve'],
        pythonSetting: '/opt/py/bin/python3.12',
        pythonExtensionInterpreter: ['/proj/.venv/bin/python'],
        findExecutable: (name) => (name === 'textsweep' ? '/usr/local/bin/textsweep' : undefined),
      }),
    );
    assert.deepEqual(
      c.map((l) => l.source),
      ['setting:server.command', 'setting:server.python', 'path', 'python-extension', 'python3'],
    );
    assert.equal(at(c, 0).command, '/venv/bin/textsweep');
    assert.deepEqual(at(c, 0).args, ['serve']);
    assert.deepEqual(at(c, 0).env, {});
    assert.equal(at(c, 1).command, '/opt/py/bin/python3.12');
    assert.equal(at(c, 2).command, '/usr/local/bin/textsweep');
    assert.deepEqual(at(c, 2).args, ['serve']);
    assert.equal(at(c, 3).command, '/proj/.venv/bin/python');
  });

  it('keeps an interpreter prefix such as conda run', () => {
    const l = at(candidateLaunches(input({ pythonExtensionInterpreter: ['conda', 'run', '-n', 'x', 'python'] })), 0);
    assert.equal(l.command, 'conda');
    assert.deepEqual(l.args, ['run', '-n', 'x', 'python', '-m', 'textsweep', 'serve']);
  });

  it('ignores empty settings', () => {
    const c = candidateLaunches(input({ commandSetting: ['', ''], pythonSetting: '  ' }));
    assert.deepEqual(c.map((l) => l.source), ['python3']);
  });

  it('caches bytecode in the given directory, never in the extension', () => {
    const cached = at(candidateLaunches(input({ pycacheDir: '/storage/pycache' })), 0);
    assert.equal(cached.env['PYTHONPYCACHEPREFIX'], '/storage/pycache');
    assert.equal(cached.env['PYTHONDONTWRITEBYTECODE'], '');
    const uncached = at(candidateLaunches(input()), 0);
    assert.equal(uncached.env['PYTHONPYCACHEPREFIX'], undefined);
    assert.equal(uncached.env['PYTHONDONTWRITEBYTECODE'], '1');
  });

  it('runs the interpreter without PYTHONPATH when there is no bundle', () => {
    const [l] = candidateLaunches(input({ bundledLibs: undefined }));
    assert.equal(l?.env['PYTHONPATH'], undefined);
    assert.equal(l?.usesBundle, false);
  });

  it('uses python, not python3, on Windows', () => {
    const [l] = candidateLaunches(input({ pathDelimiter: ';', bundledLibs: 'C:\\ext\\libs' }));
    assert.equal(l?.command, 'python');
  });

  it('puts the bundle first on an existing PYTHONPATH', () => {
    const [l] = candidateLaunches(input({ baseEnv: { PYTHONPATH: '/mine:/other' } }));
    assert.equal(l?.env['PYTHONPATH'], '/ext/bundled/libs:/mine:/other');
  });
});

describe('pythonPathWith', () => {
  it('does not repeat the bundle', () => {
    assert.equal(pythonPathWith('/b', '/b:/x::', ':'), '/b:/x');
    assert.equal(pythonPathWith('/b', '', ':'), '/b');
    assert.equal(pythonPathWith('C:\\b', 'D:\\y', ';'), 'C:\\b;D:\\y');
  });
});

describe('resolveLaunch', () => {
  const all = candidateLaunches(
    input({
      commandSetting: ['/missing/textsweep', 'serve'],
      findExecutable: () => '/usr/bin/textsweep',
    }),
  );

  it('takes the first candidate whose probe passes and reports the others', async () => {
    const probed: string[] = [];
    const r = await resolveLaunch(all, (l: Launch) => {
      probed.push(l.source);
      return Promise.resolve(
        l.source === 'setting:server.command' ? { ok: false, reason: 'not found' } : { ok: true, detail: 'ok' },
      );
    });
    assert.equal(r.launch?.source, 'path');
    assert.deepEqual(probed, ['setting:server.command', 'path']);
    assert.equal(r.skipped.length, 1);
    assert.equal(at(r.skipped, 0).reason, 'not found');
    assert.equal(isExplicit(at(r.skipped, 0).launch), true);
    assert.ok(r.launch);
    assert.equal(isExplicit(r.launch), false);
  });

  it('explains every failure when nothing works', async () => {
    const r = await resolveLaunch(all, (l) => Promise.resolve({ ok: false, reason: `no ${l.source}` }));
    assert.equal(r.launch, undefined);
    const msg = describeFailure(r);
    for (const l of all) {
      assert.match(msg, new RegExp(`no ${l.source}`));
    }
    assert.match(msg, /Python 3\.10/);
  });
});

describe('resolveServer', () => {
  const ok = (detail: string) => Promise.resolve({ ok: true as const, detail });
  const no = (reason: string) => Promise.resolve({ ok: false as const, reason });

  it('does not wake the Python extension when a setting or PATH works', async () => {
    let asked = 0;
    const r = await resolveServer(
      input({ findExecutable: () => '/usr/bin/textsweep' }),
      (l) => (l.source === 'path' ? ok('fine') : no('x')),
      () => { asked += 1; return Promise.resolve(['/venv/bin/python']); },
    );
    assert.equal(r.launch?.source, 'path');
    assert.equal(asked, 0);
  });

  it('asks the Python extension, then falls back to python3, keeping every reason', async () => {
    let asked = 0;
    const tried: string[] = [];
    const r = await resolveServer(
      input({ pythonSetting: '/bad/python' }),
      (l) => { tried.push(l.source); return l.source === 'python3' ? ok('fine') : no(`no ${l.source}`); },
      () => { asked += 1; return Promise.resolve(['/venv/bin/python']); },
    );
    assert.equal(asked, 1);
    assert.deepEqual(tried, ['setting:server.python', 'python-extension', 'python3']);
    assert.equal(r.launch?.source, 'python3');
    assert.deepEqual(r.skipped.map((s) => s.reason), ['no setting:server.python', 'no python-extension']);
  });

  it('reports every candidate when nothing works', async () => {
    const r = await resolveServer(input({ commandSetting: ['/x'] }), (l) => no(l.source), () => Promise.resolve(undefined));
    assert.equal(r.launch, undefined);
    assert.deepEqual(r.skipped.map((s) => s.reason), ['setting:server.command', 'python3']);
  });
});
