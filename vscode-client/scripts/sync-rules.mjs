// Writes the server's rule ids into package.json (`textsweep.rules` properties), so
// settings.json offers completion and hover text for every rule. The unit tests fail
// when package.json and the server disagree; run `npm run sync-rules` then.
//
// Reads the registry from this checkout's server/ (dependencies from bundled/libs, or
// from TEXTSWEEP_BUNDLE_PYTHON's own site-packages).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(clientDir, '..');
const python = process.env.TEXTSWEEP_BUNDLE_PYTHON || 'python3';

export const RULES_SCRIPT = `
import json
from textsweep.engine.registry import all_rules
print(json.dumps([
    {"id": r.id, "family": r.family, "severity": r.severity.name.lower(),
     "enabled": bool(r.default_enabled), "description": r.description}
    for r in sorted(all_rules(), key=lambda r: r.id)
]))
`;

export function serverRules() {
  const libs = join(clientDir, 'bundled', 'libs');
  const path = [join(repoRoot, 'server'), ...(existsSync(libs) ? [libs] : [])].join(delimiter);
  const out = execFileSync(python, ['-c', RULES_SCRIPT], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: path, PYTHONDONTWRITEBYTECODE: '1' },
  });
  return JSON.parse(out);
}

/** What one rule may be set to (docs/settings.md). */
export const RULE_SETTING = {
  anyOf: [
    { type: 'string', enum: ['off', 'on', 'hint', 'info', 'warning', 'error'] },
    { type: 'boolean' },
  ],
};

export function ruleProperties(rules) {
  const props = {};
  for (const r of rules) {
    props[r.id] = {
      ...RULE_SETTING,
      markdownDescription: `${r.description}\n\nFamily \`${r.family}\`; default: ${r.enabled ? r.severity : 'off'}.`,
    };
  }
  return props;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkgPath = join(clientDir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const rules = serverRules();
  const setting = pkg.contributes.configuration.properties['textsweep.rules'];
  setting.properties = ruleProperties(rules);
  setting.additionalProperties = RULE_SETTING;
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
  console.log(`sync-rules: ${rules.length} rules written into package.json`);
}
