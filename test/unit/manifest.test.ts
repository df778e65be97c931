// The extension's manifest: lazy activation, and every command in the palette's Gouji category.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('package.json (the extension manifest)', () => {
  it('activates only when a document of its languages opens (never on startup)', () => {
    assert.deepEqual([...manifest.activationEvents].sort(), ['onLanguage:fiscal-report', 'onLanguage:markdown', 'onLanguage:plaintext']);
  });

  it('runs the bundle, and ships no node_modules', () => {
    assert.equal(manifest.main, './dist/extension.js');
    // .vscodeignore is an allow-list: everything is left out, then what ships is named.
    const lines = readFileSync(join(__dirname, '..', '..', '.vscodeignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    assert.ok(lines.includes('!dist/extension.js') && lines.includes('!dist/engine.js'), 'the glue and the engine bundles');
    assert.ok(lines.includes('!schemas/**'), 'the config schema that jsonValidation names');
    assert.ok(!lines.some((l) => l.includes('node_modules')));
  });

  it('every command has the Gouji category and a localised title', () => {
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Gouji', command.command);
      assert.match(command.title, /^%.+%$/, command.command);
    }
  });
});
