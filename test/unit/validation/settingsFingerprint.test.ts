import assert from 'node:assert/strict';
import { DEFAULT_SERVER_SETTINGS, toServerSettings } from '../../../server/src/lsp/settings';

// The server re-validates every open file when the settings' fingerprint changes, and only then.
describe('server settings fingerprint', () => {
  it('is the same for settings that validate alike', () => {
    assert.equal(toServerSettings({}).fingerprint, DEFAULT_SERVER_SETTINGS.fingerprint);
    assert.equal(toServerSettings(null).fingerprint, DEFAULT_SERVER_SETTINGS.fingerprint);
    assert.equal(toServerSettings({ enable: 'yes', severity: { x: 'loud' }, expressMachines: [3, ''] }).fingerprint, DEFAULT_SERVER_SETTINGS.fingerprint);
    assert.equal(
      toServerSettings({ severity: { a: 'warning', b: 'off' } }).fingerprint,
      toServerSettings({ severity: { b: 'off', a: 'warning' } }).fingerprint,
    );
  });

  it('differs when any setting that matters differs', () => {
    const fingerprints = [
      {},
      { enable: false },
      { allowPlaceholders: false },
      { severity: { 'json-syntax': 'warning' } },
      { severity: { 'json-syntax': 'off' } },
      { stateMachineType: 'EXPRESS' },
      { expressMachines: ['**/express/*.asl.json'] },
    ].map((section) => toServerSettings(section).fingerprint);
    assert.equal(new Set(fingerprints).size, fingerprints.length);
  });
});
