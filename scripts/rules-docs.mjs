// Writes what is generated from the rules' metadata (src/core/rules/*.ts): the header of each
// docs/rules/ID.md (its body is kept), the README's rules table, the `gouji.rules` setting in
// package.json with its descriptions in package.nls*.json, and (via json-schemas.mjs) the
// config schema. Run after adding a rule or changing one's id, severity, tags or description:
//   node scripts/rules-docs.mjs
// (test/unit/rules-docs.test.ts fails while a committed file is out of date).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const { rules } = await tsImport('../src/core/rules/index.ts', import.meta.url);
const { docsPage, manifestRules, nlsRules, readmeRules } = await tsImport('../src/core/rules/artefacts.ts', import.meta.url);

function update(path, make) {
  const url = new URL(`../${path}`, import.meta.url);
  const old = existsSync(url) ? readFileSync(url, 'utf8') : '';
  const text = make(old);
  if (text !== old) {
    writeFileSync(url, text);
    console.log(`wrote ${path}`);
  }
}

for (const rule of rules) update(`docs/rules/${rule.id}.md`, (old) => docsPage(rule, old));
update('README.md', (old) => readmeRules(old));
update('package.json', (old) => manifestRules(old));
update('package.nls.json', (old) => nlsRules(old, 'en'));
update('package.nls.zh-cn.json', (old) => nlsRules(old, 'zh'));
await import('./json-schemas.mjs');
