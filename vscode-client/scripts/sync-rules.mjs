// Writes the server's settings (every rule id under `textsweep.rules`, every family
// option) into package.json, from the declarations in the server's engine, so
// settings.json offers completion and hover text for each. The unit tests fail when
// package.json and the server disagree; run `npm run sync-rules` then.
//
// Runs ../scripts/generate.py --package-json with this checkout's server/ (dependencies
// from bundled/libs, or from TEXTSWEEP_BUNDLE_PYTHON's own site-packages).

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(clientDir, '..');
const python = process.env.TEXTSWEEP_BUNDLE_PYTHON || 'python3';

const libs = join(clientDir, 'bundled', 'libs');
const path = [join(repoRoot, 'server'), ...(existsSync(libs) ? [libs] : [])].join(delimiter);
execFileSync(python, [join(repoRoot, 'scripts', 'generate.py'), '--package-json'], {
  stdio: 'inherit',
  env: { ...process.env, PYTHONPATH: path, PYTHONDONTWRITEBYTECODE: '1' },
});
