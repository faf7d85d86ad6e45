import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

import {
  buildDocumentSelector,
  CLIENT_ONLY_KEYS,
  DEFAULT_LANGUAGES,
  readCommandSetting,
  toServerSettings,
} from '../src/settings';

// Tests run from out-test/test/; the sources are two levels up.
const clientDir = path.resolve(__dirname, '..', '..');
const repoRoot = path.resolve(clientDir, '..');

interface Prop {
  type?: string | string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  description?: string;
  markdownDescription?: string;
  additionalProperties?: { anyOf?: { enum?: string[] }[] };
}
const pkg = JSON.parse(readFileSync(path.join(clientDir, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Prop> } };
  activationEvents: string[];
};
const props = pkg.contributes.configuration.properties;

/** Rows of the table in docs/settings.md: keys, type text, default text. */
function settingsDoc(): { keys: string[]; type: string; def: string }[] {
  const text = readFileSync(path.join(repoRoot, 'docs', 'settings.md'), 'utf8');
  const rows: { keys: string[]; type: string; def: string }[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !cells[1]?.includes('`textsweep.')) continue;
    const keys = [...(cells[1].matchAll(/`(textsweep\.[A-Za-z.]+)`/g))].map((m) => m[1]!);
    rows.push({ keys, type: cells[2] ?? '', def: cells[3] ?? '' });
  }
  return rows;
}

/** VS Code's view of the section: dotted keys nested, defaults filled in. */
function defaultSection(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(props)) {
    const parts = key.split('.').slice(1);
    let node = out;
    for (const p of parts.slice(0, -1)) {
      node = (node[p] ??= {}) as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = prop.default;
  }
  return out;
}

describe('contributed settings match docs/settings.md', () => {
  const rows = settingsDoc();

  it('finds the table', () => {
    assert.ok(rows.length >= 5, `only ${rows.length} rows parsed`);
  });

  it('contributes every server setting with the documented default and range', () => {
    for (const row of rows) {
      for (const key of row.keys) {
        const prop = props[key];
        assert.ok(prop, `${key} is documented but not contributed`);
        assert.ok((prop.description ?? prop.markdownDescription ?? '').length > 20, `${key} needs a description`);
        const def = /^`(.*)`$/.exec(row.def);
        if (def) {
          assert.deepEqual(prop.default, JSON.parse(def[1]!), `${key} default`);
        }
        const range = /integer (\d+)[–-](\d+)/.exec(row.type);
        if (range) {
          assert.equal(prop.type, 'integer', `${key} type`);
          assert.equal(prop.minimum, Number(range[1]), `${key} minimum`);
          assert.equal(prop.maximum, Number(range[2]), `${key} maximum`);
        }
        if (row.type.startsWith('object')) {
          assert.equal(prop.type, 'object', `${key} type`);
        }
      }
    }
  });

  it('offers exactly the documented rule severities', () => {
    const row = rows.find((r) => r.keys.includes('textsweep.rules'));
    assert.ok(row);
    const documented = [...row.type.matchAll(/"([a-z]+)"/g)].map((m) => m[1]);
    const offered = props['textsweep.rules']?.additionalProperties?.anyOf?.[0]?.enum;
    assert.deepEqual(offered, documented);
  });

  it('contributes nothing the server does not read, except client-only keys', () => {
    const documented = new Set(rows.flatMap((r) => r.keys));
    for (const key of Object.keys(props)) {
      const top = key.split('.')[1]!;
      assert.ok(documented.has(key) || CLIENT_ONLY_KEYS.includes(top), `${key} is neither documented nor client-only`);
    }
  });

  it('activates on every default language', () => {
    for (const lang of DEFAULT_LANGUAGES) {
      assert.ok(pkg.activationEvents.includes(`onLanguage:${lang}`), lang);
    }
    assert.deepEqual(props['textsweep.documentSelector']?.default, DEFAULT_LANGUAGES);
  });

  it('sends settings the server accepts without a warning', () => {
    const section = toServerSettings(defaultSection());
    const server = path.join(repoRoot, 'server');
    const bundled = path.join(clientDir, 'bundled', 'libs');
    const pythonPath = [server, ...(existsSync(bundled) ? [bundled] : [])].join(path.delimiter);
    const out = execFileSync(
      process.env['TEXTSWEEP_TEST_PYTHON'] ?? 'python3',
      [
        '-c',
        'import json, sys\nfrom textsweep.engine.config import parse_settings\n' +
          'cfg, warnings = parse_settings(json.loads(sys.argv[1]))\n' +
          'print(json.dumps({"warnings": warnings, "max": cfg.max_findings, "prose": cfg.blank_lines_prose, "code": cfg.blank_lines_code, "language": cfg.language}))',
        JSON.stringify(section),
      ],
      { encoding: 'utf8', env: { ...process.env, PYTHONPATH: pythonPath, PYTHONDONTWRITEBYTECODE: '1' } },
    );
    const parsed = JSON.parse(out) as { warnings: string[]; max: number; prose: number; code: number; language: string };
    assert.deepEqual(parsed.warnings, []);
    assert.deepEqual(
      { max: parsed.max, prose: parsed.prose, code: parsed.code, language: parsed.language },
      { max: 1000, prose: 1, code: 2, language: 'auto' },
    );
  });
});

describe('toServerSettings', () => {
  it('drops the keys only the extension reads and keeps nesting', () => {
    const out = toServerSettings({
      enable: true,
      server: { command: ['x'], python: '' },
      trace: { server: 'off' },
      documentSelector: ['plaintext'],
      rules: { 'doubled-space': 'off' },
      blankLines: { prose: 3, code: 2 },
      maxFindings: 5,
    });
    assert.deepEqual(out, { rules: { 'doubled-space': 'off' }, blankLines: { prose: 3, code: 2 }, maxFindings: 5 });
  });

  it('passes through what is not an object', () => {
    assert.equal(toServerSettings(null), null);
    assert.equal(toServerSettings(undefined), undefined);
  });
});

describe('buildDocumentSelector', () => {
  it('defaults to every language in file and untitled documents', () => {
    const { selector, warnings } = buildDocumentSelector(undefined);
    assert.deepEqual(warnings, []);
    assert.equal(selector.length, DEFAULT_LANGUAGES.length * 2);
    assert.deepEqual(selector[0], { language: 'plaintext', scheme: 'file' });
    assert.deepEqual(selector[1], { language: 'plaintext', scheme: 'untitled' });
    assert.ok(selector.some((f) => f.language === 'git-commit'));
  });

  it('takes language ids and filters, and drops junk with a warning', () => {
    const { selector, warnings } = buildDocumentSelector([
      'markdown',
      { pattern: '**/*.po' },
      { language: 'latex', scheme: 'file', extra: 1 },
      42,
      {},
      'markdown',
    ]);
    assert.deepEqual(selector, [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { pattern: '**/*.po' },
      { language: 'latex', scheme: 'file' },
    ]);
    assert.equal(warnings.length, 2);
  });

  it('falls back to the defaults for an unusable setting', () => {
    const { selector, warnings } = buildDocumentSelector('plaintext');
    assert.equal(selector.length, DEFAULT_LANGUAGES.length * 2);
    assert.equal(warnings.length, 1);
    assert.equal(buildDocumentSelector([]).selector.length, DEFAULT_LANGUAGES.length * 2);
  });
});

describe('readCommandSetting', () => {
  it('reads arrays and plain strings', () => {
    assert.deepEqual(readCommandSetting(['/v/bin/textsweep', 'serve']), ['/v/bin/textsweep', 'serve']);
    assert.deepEqual(readCommandSetting(' /v/bin/textsweep '), ['/v/bin/textsweep']);
    assert.equal(readCommandSetting([]), undefined);
    assert.equal(readCommandSetting(''), undefined);
    assert.equal(readCommandSetting(3), undefined);
  });
});
