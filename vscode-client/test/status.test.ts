import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { displayEncoding, formatStatus, toDocumentInfo, type DocumentInfo } from '../src/status';

const info: DocumentInfo = {
  uri: 'file:///a.txt',
  version: 3,
  encoding: 'windows-1252',
  encodingConfidence: 0.87,
  language: 'fr',
  findings: 4,
};

describe('formatStatus', () => {
  it('shows encoding and language of the active file while running', () => {
    const v = formatStatus('running', info);
    assert.equal(v.text, '$(check) textsweep · Windows-1252 · fr');
    assert.match(v.tooltip, /confidence 87%/);
    assert.match(v.tooltip, /4 problems found/);
  });

  it('says when a document is not saved yet', () => {
    const v = formatStatus('running', { ...info, encoding: null, language: null, findings: 1 });
    assert.equal(v.text, '$(check) textsweep');
    assert.match(v.tooltip, /Not saved on disk/);
    assert.match(v.tooltip, /1 problem found/);
  });

  it('shows only the state without document info or when not running', () => {
    assert.equal(formatStatus('running').text, '$(check) textsweep');
    assert.equal(formatStatus('failed', info, 'python3 not found').text, '$(error) textsweep: failed');
    assert.match(formatStatus('failed', info, 'python3 not found').tooltip, /python3 not found/);
    assert.equal(formatStatus('starting').text, '$(sync~spin) textsweep: starting');
  });
});

describe('displayEncoding', () => {
  it('writes encodings the way editors show them', () => {
    assert.equal(displayEncoding('utf-8'), 'UTF-8');
    assert.equal(displayEncoding('UTF_8'), 'UTF-8');
    assert.equal(displayEncoding('windows-1252'), 'Windows-1252');
    assert.equal(displayEncoding('cp850'), 'CP850');
    assert.equal(displayEncoding('iso-8859-15'), 'ISO-8859-15');
    assert.equal(displayEncoding('big5'), 'big5');
  });
});

describe('toDocumentInfo', () => {
  it('accepts the documented shape, fills optional fields, rejects others', () => {
    assert.deepEqual(toDocumentInfo(info), info);
    assert.deepEqual(toDocumentInfo({ uri: 'untitled:1', encoding: null }), {
      uri: 'untitled:1', version: null, encoding: null, encodingConfidence: null, language: null, findings: 0,
    });
    assert.equal(toDocumentInfo({ ...info, encoding: 3 }), undefined);
    assert.equal(toDocumentInfo({ ...info, findings: '4' }), undefined);
    assert.equal(toDocumentInfo(null), undefined);
    assert.equal(toDocumentInfo({ encoding: 'utf-8' }), undefined);
  });
});
