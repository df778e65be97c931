// What the user controls: inline directives, the config file (.gouji.json/.jsonc), rule
// severities and tolerance — in the engine, and through the CLI on real files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../src/core/check';
import { readConfig } from '../../src/core/config';
import { configJsonSchema } from '../../src/core/config-schema';
import { fixture } from '../helpers';

const F003 = '003_a0c01ccc9db781f0.txt';
// Fixture 003, line 521 (1-based): `17.14 万元，完成年初预算的 95.81%。…17.89 万元为 2024 年退休人员实际支出费用。`
// 17.89 there is the budget restated as an actual: the report's one amount-mismatch.
const LINE_521 = 520;

function withLine(text: string, index: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  lines[index] = edit(lines[index]!);
  return lines.join('\n');
}

// amount-unlinked on: its many findings show what a directive leaves alone.
const summary = (text: string) => check(text, { rules: { 'amount-unlinked': 'information' } }).findings.map((f) => `${f.rule}:${text.slice(f.start, f.end)}`);

describe('inline directives', () => {
  const text = fixture(F003);
  const before = summary(text);

  it('the fixture has the finding the directives are tried on', () => {
    assert.equal(before.filter((f) => f === 'amount-mismatch:17.89').length, 1);
  });

  it('gouji-disable-line RULE silences that rule on its line, and nothing else', () => {
    const after = summary(withLine(text, LINE_521, (l) => `${l}<!-- gouji-disable-line amount-mismatch -->`));
    assert.deepEqual(after, before.filter((f) => f !== 'amount-mismatch:17.89'));
  });

  it('a directive for another rule, or on another line, silences nothing', () => {
    assert.deepEqual(summary(withLine(text, LINE_521, (l) => `${l}<!-- gouji-disable-line share-mismatch -->`)), before);
    // L647's 94.74 (the 总分 of 医疗保障能力 put for its 全年预算数 3.8, performance.test.ts) stays too.
    assert.deepEqual(summary(withLine(text, LINE_521 + 2, (l) => `${l}<!-- gouji-disable-line -->`)).filter((f) => f.startsWith('amount-mismatch')), ['amount-mismatch:17.89', 'amount-mismatch:94.74']);
  });

  it('gouji-disable-next-line, -file and disable/enable blocks', () => {
    const next = withLine(text, LINE_521 - 1, (l) => `${l}<!-- gouji-disable-next-line amount-mismatch -->`);
    assert.ok(!summary(next).includes('amount-mismatch:17.89'));
    const file = `<!-- gouji-disable-file amount-mismatch amount-unlinked -->\n${text}`;
    assert.deepEqual(summary(file), before.filter((f) => !f.startsWith('amount-mismatch') && !f.startsWith('amount-unlinked')));
    // A block around line 521 only: findings after `gouji-enable` are reported again.
    const lines = text.split('\n');
    lines.splice(LINE_521 + 1, 0, '<!-- gouji-enable -->');
    lines.splice(LINE_521, 0, '<!-- gouji-disable -->');
    const block = summary(lines.join('\n'));
    assert.ok(!block.includes('amount-mismatch:17.89'));
    // 003 has 37 unlinked amounts (the 绩效 section's now link to their 自评表s), none on line 521.
    assert.equal(block.filter((f) => f.startsWith('amount-unlinked')).length, before.filter((f) => f.startsWith('amount-unlinked')).length, 'findings outside the block stay');
  });

  it('an unknown rule name is reported where it is written, and silences nothing', () => {
    const typo = withLine(text, LINE_521, (l) => `${l}<!-- gouji-disable-line amount-mismatc -->`);
    const result = check(typo);
    const bad = result.findings.filter((f) => f.rule === 'bad-directive');
    assert.equal(bad.length, 1);
    assert.equal(typo.slice(bad[0]!.start, bad[0]!.end), '<!-- gouji-disable-line amount-mismatc -->');
    assert.match(bad[0]!.message.zh, /未知的规则：amount-mismatc/);
    assert.ok(summary(typo).includes('amount-mismatch:17.89'));
  });
});

describe('rule severities and tolerance', () => {
  // 2,000.00 ÷ 3,000.00 = 66.666…%: 66.67% rounded, 66.66% cut off. With two decimals shown the
  // ratio can only lie in [1,999.995 ÷ 3,000.005, 2,000.005 ÷ 2,999.995] = [66.66639, 66.66694]%.
  const text = '年初预算为 3,000.00 万元，支出决算为 2,000.00 万元，完成年初预算的 66.66%。\n';

  it('flags a cut-off rate by default, with the rounded figure as the fix', () => {
    const [f] = check(text).findings;
    assert.equal(f?.rule, 'completion-mismatch');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.expected, '66.67');
  });

  it('accepts it with tolerance "truncation", but not a rate no cut-off explains', () => {
    assert.deepEqual(check(text, { tolerance: 'truncation' }).findings, []);
    assert.equal(check(text.replace('66.66', '66.65'), { tolerance: 'truncation' }).findings[0]?.rule, 'completion-mismatch');
  });

  it('applies a configured severity, and "off"', () => {
    assert.equal(check(text, { rules: { 'completion-mismatch': 'error' } }).findings[0]?.severity, 'error');
    assert.deepEqual(check(text, { rules: { 'completion-mismatch': 'off' } }).findings, []);
  });
});

describe('the config file', () => {
  it('reads JSON with comments and trailing commas', () => {
    const { config, problems } = readConfig('{\n  // 决算报告\n  "rules": { "amount-unlinked": "off", },\n  "tolerance": "truncation",\n}');
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { rules: { 'amount-unlinked': 'off' }, tolerance: 'truncation' });
  });

  it('names the place of every problem, and keeps the valid settings', () => {
    const text = '{ "rules": { "amount-unlinkd": "off" }, "tolerance": "loose", "template": "juesuan-2024", "colour": 1 }';
    const { config, problems } = readConfig(text);
    const at = (p: { start: number; end: number }) => text.slice(p.start, p.end);
    assert.deepEqual(
      problems.map((p) => [at(p), p.message.en.split('.')[0]]),
      [
        ['"amount-unlinkd"', 'Unknown rule "amount-unlinkd"'],
        ['"loose"', '"tolerance" must be one of "rounding" / "truncation"'],
        ['"colour"', 'Unknown setting "colour"'],
      ],
    );
    assert.deepEqual(config, { template: 'juesuan-2024' });
  });

  it('reports broken JSON instead of guessing', () => {
    const { config, problems } = readConfig('{ "rules": { ');
    assert.ok(problems.length > 0);
    assert.match(problems[0]!.message.zh, /JSON 语法错误/);
    assert.deepEqual(config, { rules: {} });
  });

  it('schemas/config.schema.json is the schema of the zod definition (run scripts/json-schemas.mjs)', () => {
    assert.deepEqual(JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'config.schema.json'), 'utf8')), configJsonSchema());
  });
});

describe('gouji check with a config file (CLI)', () => {
  const BIN = join(__dirname, '..', '..', 'bin', 'gouji.js');
  const gouji = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });

  function project(config: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-config-'));
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'r.txt'), fixture(F003));
    writeFileSync(join(dir, '.gouji.jsonc'), config);
    return dir;
  }

  it('finds the nearest .gouji.jsonc above the report and applies it', () => {
    // 003's contradicting words (降幅明显 after 增长 12.6%), its 92 / 89 种 and its 年初预算 total
    // 2,490.44 over items that add to 2,200.44 are real findings too, and so is its 满意度 95% (L631)
    // where the 自评表's 实际完成值 is 99.54%.
    const dir = project('{ "rules": { "amount-mismatch": "off", "amount-unlinked": "off", "trend-word": "off", "repeated-count": "off", "parts-sum": "off", "performance-mismatch": "off" } }');
    const run = gouji(dir, 'check', 'reports/r.txt');
    assert.equal(run.stderr, '');
    assert.doesNotMatch(run.stdout, /amount-mismatch|amount-unlinked/);
    // Nothing left at warning or error: exit 0 (without the config, 17.89 makes it 1).
    assert.equal(run.status, 0);
    assert.equal(gouji(dir, 'check', '--config', join(dir, 'none.json'), 'reports/r.txt').status, 2);
  });

  it('exits 2 naming file, line and column of each problem of the config', () => {
    const dir = project('{\n  "rules": {\n    "share-mismatch": "loud"\n  }\n}');
    const run = gouji(dir, 'check', 'reports/r.txt');
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `gouji: ${join(dir, '.gouji.jsonc')}:3:23: "rules.share-mismatch" must be one of "error" / "warning" / "information" / "hint" / "off".\n`);
  });
});
