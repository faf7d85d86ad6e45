// Builds bundled/libs: the textsweep server (from this repository) and its dependencies,
// installed with `pip install --target`, so the extension needs no pip on the user's
// machine. Run by `vscode:prepublish` (so by `npx vsce package`).
//
// Pure-Python wheels are preferred (`--platform any`): one bundle then works on every OS
// and every Python >= 3.10. Only when some dependency has no pure wheel does it fall back
// to wheels for the current platform and Python, and says so (bundled/bundle.json and
// the output), since such a .vsix then only works on a machine like this one.
//
// Environment: TEXTSWEEP_BUNDLE_PYTHON (default python3) is the Python whose pip builds
// the bundle.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(clientDir, '..');
const bundled = join(clientDir, 'bundled');
const libs = join(bundled, 'libs');
const python = process.env.TEXTSWEEP_BUNDLE_PYTHON || 'python3';
// The oldest Python the server supports (pyproject: requires-python >= 3.10): resolving
// for it also brings the back-ports (exceptiongroup, typing_extensions) it needs.
const minPython = '3.10';

// Prints the requirements of the bundled distributions that some supported environment
// (Python 3.10 to 3.14 on Linux, macOS, Windows) needs and that are not in the bundle.
const MISSING_REQUIREMENTS = `
import pathlib, sys
from importlib.metadata import PathDistribution
try:
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
except ImportError:
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.utils import canonicalize_name
libs = pathlib.Path(sys.argv[1])
dists = [PathDistribution(p) for p in libs.glob("*.dist-info")]
have = {canonicalize_name(d.metadata["Name"]) for d in dists}
envs = []
for minor in range(10, 15):
    for plat, osname, system in (("linux", "posix", "Linux"), ("darwin", "posix", "Darwin"), ("win32", "nt", "Windows")):
        envs.append({"python_version": "3.%d" % minor, "python_full_version": "3.%d.0" % minor,
                     "sys_platform": plat, "os_name": osname, "platform_system": system,
                     "implementation_name": "cpython", "platform_python_implementation": "CPython",
                     "extra": ""})
missing = set()
for d in dists:
    for line in d.requires or []:
        req = Requirement(line)
        if canonicalize_name(req.name) in have:
            continue
        if req.marker is None or any(req.marker.evaluate(e) for e in envs):
            missing.add(str(req).split(";")[0].strip())
print("\\n".join(sorted(missing)))
`;

function pip(args, { quiet = true } = {}) {
  const argv = ['-m', 'pip', ...args, '--disable-pip-version-check', '--no-input'];
  if (quiet) argv.push('-q');
  execFileSync(python, argv, {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: repoRoot,
    env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' },
  });
}

function fail(message) {
  console.error(`bundle-python: ${message}`);
  process.exit(1);
}

// --if-missing: keep an existing bundle (the unit tests only need its dependencies).
if (process.argv.includes('--if-missing') && existsSync(join(bundled, 'bundle.json'))) {
  process.exit(0);
}

if (!existsSync(join(repoRoot, 'pyproject.toml'))) {
  fail(`no pyproject.toml in ${repoRoot}; run this from the textsweep repository`);
}
try {
  execFileSync(python, ['-m', 'pip', '--version'], { stdio: 'ignore' });
} catch {
  fail(`${python} has no pip; set TEXTSWEEP_BUNDLE_PYTHON to a Python 3.10+ with pip`);
}

const work = mkdtempSync(join(tmpdir(), 'textsweep-bundle-'));
try {
  rmSync(bundled, { recursive: true, force: true });
  mkdirSync(bundled, { recursive: true });

  console.log(`bundle-python: building the textsweep wheel from ${repoRoot}`);
  pip(['wheel', '--no-deps', '--wheel-dir', work, repoRoot]);
  const wheel = readdirSync(work).find((f) => f.startsWith('textsweep-') && f.endsWith('.whl'));
  if (wheel === undefined) fail('pip wheel made no textsweep wheel');

  const pureFlags = [
    '--no-compile', '--only-binary=:all:', '--platform', 'any', '--implementation', 'py',
    '--abi', 'none', '--python-version', minPython,
  ];
  let pure = true;
  try {
    pip(['install', '--target', libs, ...pureFlags, join(work, wheel)]);
    // pip evaluates environment markers for the Python running it only, so a
    // dependency such as `exceptiongroup; python_version < "3.11"` is missing when the
    // bundle is built with 3.11. Add every requirement some supported environment needs.
    for (let round = 0; round < 5; round += 1) {
      const missing = execFileSync(python, ['-c', MISSING_REQUIREMENTS, libs], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.trim() !== '');
      if (missing.length === 0) break;
      console.log(`bundle-python: adding what other Pythons/platforms need: ${missing.join(', ')}`);
      pip(['install', '--target', libs, ...pureFlags, '--no-deps', ...missing]);
    }
  } catch {
    pure = false;
    rmSync(libs, { recursive: true, force: true });
    console.warn(
      'bundle-python: WARNING: some dependency has no pure-Python wheel; bundling wheels for ' +
        'this platform and Python only. The .vsix will only work on machines like this one.',
    );
    pip(['install', '--target', libs, '--no-compile', join(work, wheel)]);
  }

  // Console scripts carry this machine's interpreter path in their shebang: useless.
  rmSync(join(libs, 'bin'), { recursive: true, force: true });
  for (const entry of readdirSync(libs)) {
    if (entry === '__pycache__') rmSync(join(libs, entry), { recursive: true, force: true });
  }

  const packages = readdirSync(libs)
    .filter((f) => f.endsWith('.dist-info'))
    .map((f) => f.slice(0, -'.dist-info'.length).replace(/-([^-]+)$/, '==$1'))
    .sort();
  const info = JSON.parse(
    execFileSync(
      python,
      ['-c', 'import json, platform, sys, sysconfig; print(json.dumps({"python": platform.python_version(), "platform": sysconfig.get_platform()}))'],
      { encoding: 'utf8' },
    ),
  );
  const manifest = {
    pure,
    requiresPython: `>=${minPython}`,
    ...(pure ? {} : { platform: info.platform, python: info.python }),
    builtWith: `Python ${info.python} on ${info.platform}`,
    packages,
  };
  writeFileSync(join(bundled, 'bundle.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(
    `bundle-python: ${pure ? 'pure-Python' : `platform (${info.platform}, Python ${info.python})`} bundle in ${libs}: ${packages.join(', ')}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
