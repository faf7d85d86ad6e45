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
  properties?: Record<string, unknown>;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  enum?: (string | null)[];
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
    // "`textsweep.french.semicolon`, `.exclamation`": later names are siblings of the first.
    const names = [...cells[1].matchAll(/`(\.?[A-Za-z.]+)`/g)].map((m) => m[1]!);
    const first = names[0] ?? '';
    const parent = first.slice(0, first.lastIndexOf('.'));
    const keys = names.map((n) => (n.startsWith('.') ? parent + n : n)).filter((k) => k.startsWith('textsweep.'));
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
          assert.ok([prop.type].flat().includes('integer'), `${key} type`);
          assert.equal(prop.minimum, Number(range[1]), `${key} minimum`);
          assert.equal(prop.maximum, Number(range[2]), `${key} maximum`);
        }
        if (row.type.startsWith('object')) {
          assert.equal(prop.type, 'object', `${key} type`);
        }
        const choices = [...row.type.matchAll(/"([a-z]+)"/g)].map((m) => m[1]);
        if (choices.length > 0 && prop.enum !== undefined) {
          assert.deepEqual(prop.enum.filter((e) => e !== null), choices, `${key} choices`);
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

  it('activates on every default language', () => {
    for (const lang of DEFAULT_LANGUAGES) {
      assert.ok(pkg.activationEvents.includes(`onLanguage:${lang}`), lang);
    }
    assert.deepEqual(props['textsweep.documentSelector']?.default, DEFAULT_LANGUAGES);
  });

  it('sends settings the server accepts without a warning', () => {
    const [warnings] = serverWarnings([toServerSettings(defaultSection())]);
    assert.deepEqual(warnings, []);
  });
});

// ------------------------------------------------------------ contract with the server

/** Runs the server's own settings parser (from this checkout) on each object. */
function serverWarnings(sections: unknown[]): string[][] {
  return JSON.parse(python(
    'import json, sys\nimport textsweep.engine.registry\nfrom textsweep.engine.config import parse_settings\n' +
      'print(json.dumps([parse_settings(s)[1] for s in json.loads(sys.argv[1])]))',
    JSON.stringify(sections),
  )) as string[][];
}

function python(script: string, ...args: string[]): string {
  const server = path.join(repoRoot, 'server');
  const bundled = path.join(clientDir, 'bundled', 'libs');
  const pythonPath = [server, ...(existsSync(bundled) ? [bundled] : [])].join(path.delimiter);
  return execFileSync(process.env['TEXTSWEEP_TEST_PYTHON'] ?? 'python3', ['-c', script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: pythonPath, PYTHONDONTWRITEBYTECODE: '1' },
  });
}

describe('contributed settings match what the server reads', () => {
  const facts = JSON.parse(python(
    'import json\nfrom textsweep.engine import config\nfrom textsweep.engine.registry import all_rules\n' +
      'print(json.dumps({"keys": config.setting_keys(), "rules": sorted(r.id for r in all_rules())}))',
  )) as { keys: string[]; rules: string[] };

  it('contributes every top-level key the server reads, and no other', () => {
    // Read by the server but without options to offer (and not in docs/settings.md).
    const noOptions = ['english', 'spanish'];
    const contributed = new Set(
      Object.keys(props)
        .map((k) => k.split('.')[1]!)
        .filter((k) => !CLIENT_ONLY_KEYS.includes(k)),
    );
    for (const k of contributed) assert.ok(facts.keys.includes(k), `textsweep.${k} is contributed but the server does not read it`);
    for (const k of facts.keys) {
      assert.ok(contributed.has(k) || noOptions.includes(k), `the server reads textsweep.${k}, which is not contributed`);
    }
  });

  it('lists every rule of the server in textsweep.rules (run `npm run sync-rules` when this fails)', () => {
    const rules = props['textsweep.rules'] as Prop & { properties?: Record<string, unknown> };
    assert.deepEqual(Object.keys(rules.properties ?? {}).sort(), facts.rules);
  });

  it('offers only values the server accepts, and the server rejects what the schema rejects', () => {
    /** `textsweep.a.b` = v → `{ a: { b: v } }` */
    const nested = (key: string, v: unknown): unknown =>
      key.split('.').slice(1).reduceRight<unknown>((acc, part) => ({ [part]: acc }), v);
    const good: unknown[] = [];
    const bad: unknown[] = [];
    for (const [key, prop] of Object.entries(props)) {
      const top = key.split('.')[1]!;
      if (CLIENT_ONLY_KEYS.includes(top) || top === 'rules') continue;
      const p = prop;
      for (const v of p.enum ?? []) if (v !== null) good.push(nested(key, v));
      if (p.enum !== undefined) bad.push(nested(key, 'no-such-value'));
      const types = [p.type].flat();
      if (types.includes('integer')) {
        good.push(nested(key, p.minimum), nested(key, p.maximum));
        bad.push(nested(key, (p.maximum ?? 0) + 1), nested(key, (p.minimum ?? 0) - 1), nested(key, 'three'));
      }
      if (types.includes('boolean')) {
        good.push(nested(key, true), nested(key, false));
        bad.push(nested(key, 'yes'));
      }
      if (types.includes('array')) {
        const items = (p as { items?: { type?: string } }).items;
        // arrays of strings (globs, languages) or of tables (overrides: `files` required)
        const sample = items?.type === 'object' ? [{ files: ['*.csv'] }] : ['plaintext', 'markdown'];
        good.push(nested(key, []), nested(key, sample), nested(key, p.default));
        bad.push(nested(key, 'plaintext'), nested(key, [1]));
        if (items?.type === 'object') bad.push(nested(key, ['plaintext']));
      }
    }
    assert.ok(good.length >= 20 && bad.length >= 10, `only ${good.length} good and ${bad.length} bad samples`);
    const warnings = serverWarnings([...good, ...bad]);
    good.forEach((g, i) => { assert.deepEqual(warnings[i], [], `server warns about ${JSON.stringify(g)}`); });
    bad.forEach((b, i) => {
      assert.ok((warnings[good.length + i] ?? []).length > 0, `server accepts ${JSON.stringify(b)}, the schema does not`);
    });
  });

  it('accepts every rule id and severity the schema offers', () => {
    const rules = props['textsweep.rules']?.additionalProperties?.anyOf?.[0]?.enum ?? [];
    const samples: unknown[] = facts.rules.map((id, i) => ({ rules: { [id]: rules[i % rules.length] } }));
    samples.push({ rules: Object.fromEntries(facts.rules.map((id) => [id, false])) });
    for (const w of serverWarnings(samples)) assert.deepEqual(w, []);
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

  it('leaves out settings left unset (null) and the objects that held only those', () => {
    const out = toServerSettings({
      rules: {},
      french: { semicolon: null, colon: 'nbsp', question: null },
      whitespace: { endOfLine: null, indentStyle: null, tabWidth: null },
      encoding: {},
    });
    assert.deepEqual(out, { rules: {}, french: { colon: 'nbsp' }, encoding: {} });
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
