// Linking the standard figures of a 情况说明 to their cells through the template's concept
// catalogue, and the bases of changes. Every expected cell was read by hand in the fixture's
// tables (the line is given), every expected rate worked out by hand in the comment.
import assert from 'node:assert/strict';
import { check } from '../../src/core/check';
import { parseTemplate, shippedTemplates, TemplateError } from '../../src/core/identities';
import type { Link } from '../../src/core/links/link';
import { fixture } from '../helpers';

/** The link of the figure written `number` right after `words` in `text`. */
function linkAfter(links: Link[], text: string, words: string, number: string): Link | undefined {
  const at = text.indexOf(words);
  assert.ok(at >= 0, `no “${words}” in the text`);
  const start = text.indexOf(number, at + words.length - number.length);
  return links.find((l) => l.figure.start === start);
}

const column = (l: Link | undefined) => l?.cell.column.path.join('/');

describe('concepts: standard figures to their cells', () => {
  it('001: 本年收入合计 and 本年支出合计 in 元, to the section’s table: 公开02表 / 03表 合计 (7,143,754.56 L160 and 7,258,755.96 L193; 01表 holds the same)', () => {
    const text = fixture('001_6a62bd9b783e40ec.txt');
    const { links } = check(text);
    // Under 二、收入决算情况说明 (L391): 公开02表.
    const income = linkAfter(links, text, '2024 年度收入合计 7,143,754.56', '7,143,754.56');
    assert.equal(income?.table.code, '公开02表');
    assert.equal(income?.row.label, '合计');
    assert.ok(income?.agrees);
    // Under 三、支出决算情况说明 (L395): 公开03表.
    const spending = linkAfter(links, text, '2024 年度支出合计 7,258,755.96', '7,258,755.96');
    assert.equal(spending?.table.code, '公开03表');
    assert.equal(spending?.row.label, '合计');
    assert.ok(spending?.agrees);
  });

  it('001: 基本支出 of all funds is 公开03表 (4,684,889.36), not 05表’s appropriations (4,248,182.15)', () => {
    const text = fixture('001_6a62bd9b783e40ec.txt');
    const { links } = check(text);
    const basic = linkAfter(links, text, '其中：基本支出 4,684,889.36', '4,684,889.36');
    assert.equal(basic?.table.code, '公开03表');
    assert.equal(column(basic), '基本支出');
    assert.ok(basic?.agrees);
  });

  it('003: each 三公 item’s 全年预算 and 支出决算 to the 预算数 and 决算数 columns of 公开09表', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    const { links } = check(text);
    // `1、因公出国（境）费全年预算为 4.7 万元，支出决算为 4.7 万元`: the second clause names only
    // its role; its subject is the first clause's.
    const budget = linkAfter(links, text, '因公出国（境）费全年预算为 4.7', '4.7');
    const actual = linkAfter(links, text, '因公出国（境）费全年预算为 4.7 万元，支出决算为 4.7', '4.7');
    assert.equal(budget?.table.code, '公开09表');
    assert.match(column(budget)!, /^预算数\/因公出国/);
    assert.match(column(actual)!, /^决算数\/因公出国/);
    assert.ok(budget?.agrees && actual?.agrees);
    // 2、公务用车购置及运行维护费 0.5 / 0.5: the 小计 columns.
    const cars = linkAfter(links, text, '公务用车购置及运行维护费全年预算为 0.5 万元，支出决算为 0.5', '0.5');
    assert.match(column(cars)!, /^决算数\/.*小计$/);
  });

  it('003: 人员经费 1,436.26 万元 to 06表 人员经费合计', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    const { links } = check(text);
    const staff = linkAfter(links, text, '人员经费 1,436.26', '1,436.26');
    assert.equal(staff?.table.code, '公开06表');
    assert.equal(staff?.row.label, '人员经费合计');
  });

  it('001: under 七、政府性基金…, 年末结转和结余 0.00 元 is not the whole report’s (30,644.64 元), and nothing is “fixed”', () => {
    const text = fixture('001_6a62bd9b783e40ec.txt');
    const { links, findings } = check(text);
    const link = linkAfter(links, text, '年末结转和结余 0.00', '0.00');
    assert.ok(!link || link.agrees, `linked to ${link?.row.label} ${link?.cell.text}`);
    assert.ok(!findings.some((f) => f.fix && text.slice(f.start, f.end) === '元' && f.fix.newText === '亿元'));
  });

  it('a user template extends the catalogue: a concept of the same id replaces the shipped one', () => {
    const base = shippedTemplates().find((t) => t.id === 'juesuan-2024')!;
    const own = parseTemplate(
      { id: 'mine', extends: 'juesuan-2024', concepts: [{ id: 'staff', phrases: ['人员支出'], cells: { actual: [{ table: '06', row: '^人员经费合计$' }] } }] },
      'mine.json',
      [base],
    );
    assert.equal(own.concepts.length, base.concepts.length);
    assert.deepEqual(own.concepts.find((c) => c.id === 'staff')!.phrases, ['人员支出']);
    assert.throws(
      () => parseTemplate({ id: 'bad', extends: 'juesuan-2024', concepts: [{ id: 'x', phrases: ['x'], cells: { actual: [{ table: 'nope' }] } }] }, 'bad.json', [base]),
      (e: unknown) => e instanceof TemplateError && /no table 'nope'/.test(e.message),
    );
  });
});

describe('bases of changes', () => {
  // The sentence: 618.07 ÷ 4,009.04 = 15.4169% → 15.42%, right; the engine used to take
  // 4,009.04 as this year's amount (618.07 ÷ (4,009.04 − 618.07) = 18.23%) and “fix” it.
  const sentence = (delta: string, rate: string) =>
    `一、收入支出决算总体情况说明\n\n2024 年度收入、支出决算总计 4,627.11 万元。2023 年度收入、支出决算总计 4,009.04 万元。与 2023 年度相比，增加 ${delta} 万元，增长 ${rate}%。\n`;

  it('last year’s amount stated before the comparison is the base: 15.42% is right', () => {
    const result = check(sentence('618.07', '15.42'));
    assert.deepEqual(result.findings.filter((f) => f.severity === 'warning' || f.severity === 'error'), []);
    const change = result.claims.find((c) => c.kind === 'change');
    assert.equal(change?.kind === 'change' && change.current.text, '4,627.11');
    assert.equal(change?.kind === 'change' && change.prior?.text, '4,009.04');
    const rate = result.figures.find((f) => f.figure.text === '15.42')!;
    assert.equal(rate.state, 'agrees');
    assert.equal(rate.recomputed?.formula, '618.07 ÷ 4,009.04');
  });

  it('a wrong rate on that base is fixed to 15.42, not 18.23', () => {
    const text = sentence('618.07', '18.23');
    const wrong = check(text).findings.filter((f) => f.rule === 'change-mismatch');
    assert.equal(wrong.length, 1);
    assert.equal(text.slice(wrong[0]!.start, wrong[0]!.end), '18.23');
    assert.equal(wrong[0]!.fix?.newText, '15.42');
  });

  it('a change amount that is not this year’s minus last year’s (4,627.11 − 4,009.04 = 618.07): a warning, no fix, the right rate left alone', () => {
    const text = sentence('681.07', '15.42');
    const found = check(text).findings.filter((f) => f.severity === 'warning');
    assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['681.07']);
    assert.equal(found[0]!.expected, '618.07');
    assert.equal(found[0]!.fix, null);
  });
});

describe('shares whose whole is on the line before', () => {
  // 2,918.34 ÷ 4,627.11 = 63.0705% → 63.07%; 1,708.77 ÷ 4,627.11 = 36.9295% → 36.93%.
  const text = (basic: string) => `三、支出决算情况说明\n\n本年支出合计 4,627.11 万元。\n其中：基本支出 2,918.34 万元，占 ${basic}%；项目支出 1,708.77 万元，占 36.93%。\n`;

  it('63.07% is right; 64.07% is caught and fixed to 63.07, and the right 36.93% is not flagged', () => {
    assert.deepEqual(check(text('63.07')).findings.filter((f) => f.severity === 'warning'), []);
    const t = text('64.07');
    const found = check(t).findings.filter((f) => f.severity === 'warning');
    assert.deepEqual(found.map((f) => [f.rule, t.slice(f.start, f.end), f.fix?.newText]), [['share-mismatch', '64.07', '63.07']]);
  });
});

describe('totals over items', () => {
  const partsSums = (text: string) => check(text).findings.filter((f) => f.rule === 'parts-sum').map((f) => [text.slice(f.start, f.end), f.expected]);

  it('000: 7 项…共涉及资金 7478.11 — its split (当年安排 5746, 上年结转 1732.11) and its restatement are over the same 7 projects', () => {
    // Projects' 上年结转: 74.93 + 4.74 + 12.68 + 0.05 + 27.65 + 11.93 + 1590.13 = 1722.11 ≠ 1732.11.
    // Projects' 全年预算数: 354.93 + 69.74 + 42.68 + 5.05 + 52.65 + 3802.93 + 3140.13 = 7468.11 ≠ 7478.11 (twice).
    // 当年安排: 280 + 65 + 30 + 5 + 25 + 3971 + 1550 = 5926, but project 6 is itself broken
    // (3971 + 11.93 ≠ 3802.93); read as 3802.93 − 11.93 = 3791 the sum is 5746: not flagged.
    const found = partsSums(fixture('000_68829c0b624b4a3b.txt'));
    assert.deepEqual(found.filter(([t]) => t === '1732.11'), [['1732.11', '1722.11']]);
    assert.equal(found.filter(([t]) => t === '7478.11').length, 2);
    assert.deepEqual(found.filter(([t]) => t === '5746'), []);
  });

  it('003: 年初预算为 2,490.44 over the 15 numbered 项 (2,200.44), the 决算 2,984.8 adding up shows the list is complete', () => {
    // 23.07 + 113.35 + 17.89 + 137.59 + 98.81 + 0 + 19.46 + 50.02 + 314.9 + 270 + 200 + 0 + 833.8 + 0 + 121.55 = 2200.44.
    const found = partsSums(fixture('003_a0c01ccc9db781f0.txt'));
    assert.deepEqual(found.filter(([t]) => t === '2,490.44'), [['2,490.44', '2,200.44']]);
    assert.deepEqual(found.filter(([t]) => t === '2,984.8'), []);
  });
});
