// Rules as data: every artefact generated from the rules' metadata is the one committed
// (regenerate with `node scripts/rules-docs.mjs`), and SARIF carries the same metadata.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/core/check';
import { docsPage, manifestRules, nlsRules, readmeRules } from '../../src/core/rules/artefacts';
import { docsUrl, rules } from '../../src/core/rules';
import { toSarif } from '../../src/cli/format';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const REGENERATE = 'out of date: run node scripts/rules-docs.mjs';

describe('rules as data (generated artefacts)', () => {
  it('rule ids are unique, kebab-case, and every rule has tags and both descriptions', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of rules) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(r.tags.length > 0 && r.description.zh && r.description.en, r.id);
    }
  });

  it('each rule has its docs page with the generated header, and there is no page for a rule that does not exist', () => {
    for (const r of rules) assert.equal(read(`docs/rules/${r.id}.md`), docsPage(r, read(`docs/rules/${r.id}.md`)), `docs/rules/${r.id}.md ${REGENERATE}`);
    const pages = readdirSync(join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
    assert.deepEqual(pages.sort(), rules.map((r) => r.id).sort());
  });

  it('a docs page keeps its body when its header is regenerated', () => {
    const rule = rules[0]!;
    const page = docsPage(rule, '# old\n\n**Severity:** error · old words\n\nThe body.\n');
    assert.ok(page.startsWith(`# ${rule.id}\n\n**Severity:** ${rule.severity}`));
    assert.ok(page.endsWith('\n\nThe body.\n'));
    assert.equal(docsPage(rule, page), page);
  });

  it('README’s rules table, package.json’s gouji.rules and its descriptions are generated from the rules', () => {
    assert.equal(read('README.md'), readmeRules(read('README.md')), `README.md ${REGENERATE}`);
    assert.equal(read('package.json'), manifestRules(read('package.json')), `package.json ${REGENERATE}`);
    assert.equal(read('package.nls.json'), nlsRules(read('package.nls.json'), 'en'), `package.nls.json ${REGENERATE}`);
    assert.equal(read('package.nls.zh-cn.json'), nlsRules(read('package.nls.zh-cn.json'), 'zh'), `package.nls.zh-cn.json ${REGENERATE}`);
    const setting = JSON.parse(read('package.json')).contributes.configuration[0].properties['gouji.rules'];
    assert.deepEqual(Object.keys(setting.properties), rules.map((r) => r.id));
    assert.equal(setting.additionalProperties, false);
  });

  it('a rule added to the list shows in every artefact', () => {
    const extra = { id: 'new-rule', severity: 'hint' as const, tags: ['test'], description: { zh: '新规则', en: 'A new rule' }, check: () => [] };
    const list = [...rules, extra];
    assert.match(readmeRules(read('README.md'), list), /\| \[new-rule\]\(docs\/rules\/new-rule\.md\) \| hint \| test \| A new rule · 新规则 \|/);
    assert.ok(JSON.parse(manifestRules(read('package.json'), list)).contributes.configuration[0].properties['gouji.rules'].properties['new-rule']);
    assert.match(nlsRules(read('package.nls.zh-cn.json'), 'zh', list), /"gouji\.rule\.new-rule\.description": "新规则/);
  });

  it('SARIF names every rule with its docs URL, default level and tags, and results carry the rule’s id', () => {
    const text = '（10）信息化建设（项）。年初预算为450万元，支出决算为44.5万元，完成年初预算的9.80%。';
    const sarif = JSON.parse(toSarif([{ path: 'a.md', ...check(text) }], 'en'));
    const driver = sarif.runs[0].tool.driver;
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), rules.map((r) => r.id));
    const completion = driver.rules.find((r: { id: string }) => r.id === 'completion-mismatch');
    assert.equal(completion.helpUri, docsUrl('completion-mismatch'));
    assert.equal(completion.defaultConfiguration.level, 'warning');
    assert.deepEqual(completion.properties.tags, ['arithmetic', 'rate']);
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]), [['completion-mismatch', 'warning']]);
  });

  it('the runner stamps each finding with its rule’s id and default severity', () => {
    const text = '（10）信息化建设（项）。年初预算为450万元，支出决算为44.5万元，完成年初预算的9.80%。';
    assert.deepEqual(check(text).findings.map((f) => [f.rule, f.severity]), [['completion-mismatch', 'warning']]);
    // A rule's own note keeps its severity: 0 ÷ 0 is information.
    const zero = '（3）其他支出（项）。年初预算为 0.00 元，支出决算为 0.00 元，完成年初预算的 100.00%。';
    assert.deepEqual(check(zero).findings.filter((f) => f.rule === 'zero-base-rate').map((f) => f.severity), ['information']);
  });
});
