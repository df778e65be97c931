// The UI speaks 简体中文 and English, completely: every string the extension shows through
// vscode.l10n.t has a Chinese translation, and every %key% of package.json has both.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, string>;

/** The first argument of every vscode.l10n.t call with a literal message. */
function messages(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir), { recursive: true }) as string[]) {
    if (!name.endsWith('.ts')) continue;
    const source = readFileSync(join(ROOT, dir, name), 'utf8');
    for (const m of source.matchAll(/l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) out.push(m[2]!.replace(/\\(['"`\\])/g, '$1'));
  }
  return out;
}

describe('localisation', () => {
  it('every l10n.t message of the extension has a zh-cn translation', () => {
    const bundle = json('l10n/bundle.l10n.zh-cn.json');
    const found = messages('src/extension');
    assert.ok(found.length > 30, `found only ${found.length} messages: is the pattern still right?`);
    assert.deepEqual(found.filter((m) => !(m in bundle)), []);
  });

  it('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...readFileSync(join(ROOT, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length > 10);
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    assert.deepEqual(keys.filter((k) => !(k in en)), []);
    assert.deepEqual(keys.filter((k) => !(k in zh)), []);
    assert.deepEqual(Object.keys(zh).filter((k) => !(k in en)), [], 'no Chinese string without its English');
  });
});
