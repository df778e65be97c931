// Table identities (表内 / 表间 勾稽关系): each kind on small crafted tables, then the shipped
// templates on the three real reports and on a crafted budget. Every expected figure is worked
// out by hand in the comments.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, type CheckOptions } from '../../src/core/check';
import type { Finding } from '../../src/core/finding';
import { chooseTemplate, evaluate, parseTemplate, parseTemplateText, shippedTemplates, type Template, TemplateError, templateSet } from '../../src/core/identities';
import { templateJsonSchema } from '../../src/core/identities/json-schema';
import { readReport } from '../../src/core/report';
import { cell, fixture, FIXTURES, table } from '../helpers';

const ROOT = join(__dirname, '..', '..');
const at = (text: string, f: { start: number; end: number }) => text.slice(f.start, f.end);
const ofRule = (text: string, rule: string, options?: CheckOptions) => check(text, options).findings.filter((f) => f.rule === rule);
const warnings = (fs: Finding[]) => fs.filter((f) => f.severity === 'warning');
const titled = (text: string, title: string) => readReport(text).tables.find((t) => t.title === title)!;

/** A template of our own for the crafted tables, so each identity kind is tested alone. */
function testTemplate(identities: unknown[], extra: Record<string, unknown> = {}): Template {
  return parseTemplate(
    {
      id: 'test',
      codes: {
        function: {
          levels: [3, 5, 7],
          classes: [
            { code: '208', label: '社会保障和就业支出' },
            { code: '210', label: '卫生健康支出' },
          ],
        },
      },
      tables: {
        balance: { title: '^收入支出测试表$' },
        detail: { title: '^支出测试表$', codes: 'function' },
        yuan: { title: '^元支出测试表$' },
      },
      identities,
      ...extra,
    },
    'test.json',
  );
}
const use = (t: Template): CheckOptions => ({ template: t.id, templates: [t] });

const balance = (rows: string) => `收入支出测试表\n\n单位：万元\n\n| 项目 | 金额 |\n|---|---|\n${rows}`;

describe('table identities: a sum (总计 = 本年收入合计 + 年初结转和结余)', () => {
  const sum = testTemplate([
    {
      id: 'total',
      name: { zh: '总计 = 本年收入合计 + 年初结转和结余', en: 'total = income + carry-over' },
      kind: 'sum',
      table: 'balance',
      total: { row: '总计$' },
      parts: [{ row: '本年收入合计$' }, { row: '年初结转和结余$' }],
    },
  ]);
  const text = (income: string, carry: string, total = '100.00') =>
    balance(`| 本年收入合计 | ${income} |\n| 年初结转和结余 | ${carry} |\n| 总计 | ${total} |\n`);
  const identity = (t: string) => ofRule(t, 'table-identity', use(sum));

  it('holds: 60.00 + 40.00 = 100.00', () => {
    assert.deepEqual(identity(text('60.00', '40.00')), []);
  });

  it('broken: 60.00 + 39.00 = 99.00 ≠ 100.00, on the total, with the parts as related locations', () => {
    const t = text('60.00', '39.00');
    const [f, ...rest] = identity(t);
    assert.equal(rest.length, 0);
    assert.equal(f!.severity, 'warning');
    assert.equal(at(t, f!), '100.00');
    assert.ok(t.indexOf('| 总计 | 100.00') + '| 总计 | '.length === f!.start);
    assert.equal(f!.expected, '99.00');
    assert.deepEqual(f!.related.map((r) => at(t, r)), ['60.00', '39.00']);
    // Table, row and column in the report's words; the parts can add to 99.00 ± 2 × 0.005.
    assert.match(f!.message.zh, /^总计 = 本年收入合计 \+ 年初结转和结余不成立：收入支出测试表“总计”行“金额”列为 100\.00/);
    assert.match(f!.message.zh, /相差 1\.00/);
    assert.match(f!.message.zh, /\[98\.99, 99\.01\]/);
    assert.match(f!.message.en, /does not hold: 收入支出测试表, row “总计”, column “金额” is 100\.00/);
  });

  it('within rounding: 60.00 + 40.01 = 100.01 may be 100.00 (three figures, ±0.015)', () => {
    assert.deepEqual(identity(text('60.00', '40.01')), []);
  });

  it('broken only outside rounding: 60.00 + 40.02 = 100.02 is 0.02 off, beyond ±0.015', () => {
    const [f] = identity(text('60.00', '40.02'));
    assert.equal(f!.expected, '100.02');
    assert.match(f!.message.zh, /舍入至多解释 0\.015/);
  });

  it('the envelope grows with the number of parts: (n + 1) · ½ · 10⁻ᵈ', () => {
    const four = testTemplate([{ id: 'four', kind: 'sum', table: 'balance', total: { row: '总计$' }, parts: [{ row: '^甲$' }, { row: '^乙$' }, { row: '^丙$' }, { row: '^丁$' }] }]);
    const t = (last: string) => balance(`| 甲 | 25.00 |\n| 乙 | 25.00 |\n| 丙 | 25.00 |\n| 丁 | ${last} |\n| 总计 | 100.00 |\n`);
    // Five figures: ±0.025. 100.02 is within it, 100.03 is not.
    assert.deepEqual(ofRule(t('25.02'), 'table-identity', use(four)), []);
    assert.equal(ofRule(t('25.03'), 'table-identity', use(four))[0]!.expected, '100.03');
  });

  it('reads a figure to its table’s precision: `60` among two-decimal figures is 60.00, not 60 ± 0.5', () => {
    // 60 + 39.70 = 99.70 is 0.30 off; reading 60 as ±0.5 would have hidden it.
    const [f] = identity(balance('| 本年收入合计 | 60 |\n| 年初结转和结余 | 39.70 |\n| 总计 | 100.00 |\n'));
    assert.equal(f!.expected, '99.70');
  });

  it('a malformed cell: one malformed-number finding, the identity skipped with a note, nothing broken', () => {
    const t = text('60.00', '4.000.00');
    const all = check(t, use(sum)).findings;
    assert.deepEqual(all.map((f) => [f.rule, f.severity, at(t, f)]), [
      ['malformed-number', 'warning', '4.000.00'],
      ['table-identity', 'information', '4.000.00'],
    ]);
    assert.match(all[1]!.message.zh, /未检查：总计 = 本年收入合计 \+ 年初结转和结余（收入支出测试表“总计”行）/);
  });

  it('a part can be subtracted: 年末 = 年初 + 本年收入 − 本年支出', () => {
    const carry = testTemplate([
      { id: 'carry', kind: 'sum', table: 'balance', total: { row: '年末结转和结余$' }, parts: [{ row: '年初结转和结余$' }, { row: '本年收入$' }, { row: '本年支出$', minus: true }] },
    ]);
    const t = (end: string) => balance(`| 年初结转和结余 | 10.00 |\n| 本年收入 | 50.00 |\n| 本年支出 | 45.00 |\n| 年末结转和结余 | ${end} |\n`);
    // 10.00 + 50.00 − 45.00 = 15.00; the widths still add up: ±0.02.
    assert.deepEqual(ofRule(t('15.00'), 'table-identity', use(carry)), []);
    const [f] = ofRule(t('105.00'), 'table-identity', use(carry));
    assert.equal(f!.expected, '15.00');
    assert.match(f!.message.zh, /“年初结转和结余”行 10\.00 \+ “本年收入”行 50\.00 − “本年支出”行 45\.00 之和为 15\.00/);
  });

  it('a missing row skips the identity, is zero when optional, and a finding when required', () => {
    const noCarry = balance('| 本年收入合计 | 60.00 |\n| 总计 | 100.00 |\n');
    assert.deepEqual(identity(noCarry), []);
    const parts = (extra: object) => [{ row: '本年收入合计$' }, { row: '年初结转和结余$', ...extra }];
    const optional = testTemplate([{ id: 'total', kind: 'sum', table: 'balance', total: { row: '总计$' }, parts: parts({ optional: true }) }]);
    assert.equal(ofRule(noCarry, 'table-identity', use(optional))[0]!.expected, '60.00');
    const required = testTemplate([{ id: 'total', kind: 'sum', table: 'balance', total: { row: '总计$' }, parts: parts({ required: true }) }]);
    const [f] = ofRule(noCarry, 'table-identity', use(required));
    assert.equal(f!.severity, 'warning');
    assert.match(f!.message.zh, /收入支出测试表应有“年初结转和结余”行，未找到/);
  });
});

const detail = (rows: string, columns = '本年支出合计') =>
  `支出测试表\n\n单位：万元\n\n| 科目编码 | 科目名称 | ${columns} |\n|---|---|${columns.split('|').map(() => '---|').join('')}\n${rows}`;

describe('table identities: one row across columns (本年支出合计 = 基本支出 + 项目支出)', () => {
  const columns = testTemplate([
    { id: 'columns', kind: 'sum', table: 'detail', each: { rows: 'all' }, total: { column: '本年支出合计$' }, parts: [{ column: '基本支出$' }, { column: '项目支出$' }] },
  ]);
  const text = (project: string) =>
    detail(`| 2080505 | 机关事业单位基本养老保险缴费支出 | 180.00 | 180.00 | |\n| 2080506 | 机关事业单位职业年金缴费支出 | 120.00 | 20.00 | ${project} |\n`, '本年支出合计 | 基本支出 | 项目支出');

  it('holds on every row: 180.00 = 180.00 + blank, 120.00 = 20.00 + 100.00', () => {
    assert.deepEqual(ofRule(text('100.00'), 'table-identity', use(columns)), []);
  });

  it('broken on one row: 120.00 ≠ 20.00 + 90.00, on that row’s total, naming row and columns', () => {
    const t = text('90.00');
    const [f, ...rest] = ofRule(t, 'table-identity', use(columns));
    assert.equal(rest.length, 0);
    const total = cell(titled(t, '支出测试表'), '2080506', '本年支出合计');
    assert.equal(f!.start, total.start);
    assert.equal(f!.expected, '110.00');
    assert.match(f!.message.zh, /“2080506 机关事业单位职业年金缴费支出”行“本年支出合计”列为 120\.00，而“基本支出”列 20\.00 \+ “项目支出”列 90\.00 之和为 110\.00/);
  });

  it('a blank counts as zero, or makes the identity be skipped when the template says so', () => {
    // 180.00 against a blank 基本支出 and a blank 项目支出: 0 + 0.
    const t = detail('| 2080505 | 机关事业单位基本养老保险缴费支出 | 180.00 | | |\n| 2080506 | 机关事业单位职业年金缴费支出 | 120.00 | 20.00 | 100.00 |\n', '本年支出合计 | 基本支出 | 项目支出');
    const [f, ...rest] = ofRule(t, 'table-identity', use(columns));
    assert.equal(rest.length, 0);
    assert.equal(at(t, f!), '180.00');
    assert.equal(f!.expected, '0.00');
    const skipBlanks = testTemplate([{ id: 'columns', kind: 'sum', table: 'detail', each: { rows: 'all' }, total: { column: '本年支出合计$' }, parts: [{ column: '基本支出$' }, { column: '项目支出$' }] }], { blank: 'skip' });
    assert.deepEqual(ofRule(t, 'table-identity', use(skipBlanks)), []);
  });
});

describe('table identities: a subject hierarchy (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项)', () => {
  const hierarchy = testTemplate([{ id: 'tree', kind: 'hierarchy', table: 'detail', total: '^合计$' }]);
  const rows = (a: string, b: string, codeA = '2080505', codeB = '2080506') =>
    `| | 合计 | 300.00 |\n| 208 | 社会保障和就业支出 | 300.00 |\n| 20805 | 行政事业单位养老支出 | 300.00 |\n| ${codeA} | 机关事业单位基本养老保险缴费支出 | ${a} |\n| ${codeB} | 机关事业单位职业年金缴费支出 | ${b} |\n`;

  it('holds: 合计 300 = 208; 208 = 20805; 20805 = 180 + 120', () => {
    assert.deepEqual(ofRule(detail(rows('180.00', '120.00')), 'table-identity', use(hierarchy)), []);
  });

  it('one item off gives one finding, on its parent, and none above it', () => {
    // 180.00 + 110.00 = 290.00 ≠ 300.00 at 20805; 208 = 20805 and 合计 = 208 still hold.
    const t = detail(rows('180.00', '110.00'));
    const [f, ...rest] = ofRule(t, 'table-identity', use(hierarchy));
    assert.equal(rest.length, 0);
    assert.equal(f!.start, cell(titled(t, '支出测试表'), '20805').start);
    assert.equal(f!.expected, '290.00');
    assert.match(f!.message.zh, /“20805 行政事业单位养老支出”行“本年支出合计”列为 300\.00，而其下 2 个科目（2080505, 2080506）之和为 290\.00/);
  });

  it('cut-off codes (208050 for 2080505) are one truncated-code finding, not broken sums', () => {
    const t = detail(rows('180.00', '110.00', '208050', '208050'));
    const all = check(t, use(hierarchy)).findings;
    assert.deepEqual(all.map((f) => [f.rule, at(t, f)]), [['truncated-code', '208050']]);
    assert.equal(all[0]!.related.length, 1);
    assert.equal(at(t, all[0]!.related[0]!), '208050');
  });

  it('a code printed twice or a code that cannot exist: the sums they could belong to are skipped, with one note', () => {
    const dup = detail(rows('180.00', '110.00', '2080505', '2080505'));
    const [d, ...rest] = ofRule(dup, 'table-identity', use(hierarchy));
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'information');
    assert.match(d!.message.zh, /科目编码 2080505 重复出现/);
    // `20800` (a 00 款) may be any 款 misread: no 类 is checked, the 项 level still is.
    const t = detail(`| | 合计 | 300.00 |\n| 208 | 社会保障和就业支出 | 300.00 |\n| 20805 | 行政事业单位养老支出 | 200.00 |\n| 20800 | 乱码 | 50.00 |\n| 2080505 | 缴费支出 | 150.00 |\n| 2080506 | 年金支出 | 50.00 |\n`);
    const [u, ...more] = ofRule(t, 'table-identity', use(hierarchy));
    assert.equal(more.length, 0);
    assert.equal(u!.severity, 'information');
    assert.equal(at(t, u!), '20800');
  });
});

describe('table identities: the same figure in two tables, across units', () => {
  const equal = testTemplate([{ id: 'same', kind: 'equal', left: { table: 'balance', row: '总计$' }, right: { table: 'yuan', row: '总计$' } }]);
  const text = (yuan: string) => `${balance('| 总计 | 100.00 |\n')}\n元支出测试表\n\n单位：元\n\n| 项目 | 金额 |\n|---|---|\n| 总计 | ${yuan} |\n`;

  it('100.00 万元 = 1,000,000.00 元', () => {
    assert.deepEqual(ofRule(text('1,000,000.00'), 'table-identity', use(equal)), []);
  });

  it('1,000,100.00 元 is 100.01 万元: off by 0.01 万元, beyond ±0.0050005 (½ 分 in 万元 and ½ 分 in 元)', () => {
    const t = text('1,000,100.00');
    const [f] = ofRule(t, 'table-identity', use(equal));
    assert.equal(at(t, f!), '100.00');
    assert.equal(f!.expected, '100.01');
    assert.deepEqual(f!.related.map((r) => at(t, r)), ['1,000,100.00']);
    assert.match(f!.message.zh, /而元支出测试表“总计”行“金额”列为 1,000,100\.00/);
  });
});

describe('table identities: classes named in one table, coded in another', () => {
  const classes = testTemplate([{ id: 'classes', kind: 'classes', codes: 'function', left: { table: 'balance' }, right: { table: 'detail' } }]);
  const text = (health: string) =>
    `${balance(`| 一、社会保障和就业支出 | 300.00 |\n| 二、卫生健康支出 | ${health} |\n`)}\n${detail('| 208 | 社会保障和就业支出 | 300.00 |\n| 210 | 卫生健康支出 | 50.00 |\n')}`;

  it('一、社会保障和就业支出 = 208, 二、卫生健康支出 = 210', () => {
    assert.deepEqual(ofRule(text('50.00'), 'table-identity', use(classes)), []);
  });

  it('二、卫生健康支出 55.00 ≠ 210 50.00', () => {
    const t = text('55.00');
    const [f, ...rest] = ofRule(t, 'table-identity', use(classes));
    assert.equal(rest.length, 0);
    assert.equal(at(t, f!), '55.00');
    assert.equal(f!.expected, '50.00');
  });
});

describe('shipped templates on the real reports (each finding checked by hand)', () => {
  it('fixture 000: the 机关运行经费 table’s items add to 160.82 against 161.08, and nothing else is broken', () => {
    const text = fixture('000_68829c0b624b4a3b.txt');
    const result = check(text);
    const found = result.findings.filter((f) => f.rule === 'table-identity' || f.rule === 'truncated-code');
    const [f, ...rest] = warnings(found);
    assert.equal(rest.length, 0);
    // 公开10表 302 商品和服务支出 161.08; its items: 15.92 + 0.55 + 1.21 + 4.94 + 5.47 + 5.57 +
    // 6.63 + 6.31 + 1.75 + 0.68 + 7.01 + 0.6 + 14.11 + 15.72 + 3.67 + 58.68 + 12 = 160.82
    // (福利费 is blank here but 0.25 in 06表). 17 figures and the total: ±0.09.
    assert.equal(f!.start, cell(table(result.report, '公开10表'), '302').start);
    assert.equal(at(text, f!), '161.08');
    assert.equal(f!.expected, '160.82');
    assert.equal(f!.related.length, 17);
    assert.match(f!.message.zh, /公开10表 机关运行经费支出情况表“302 商品和服务支出”行“机关运行经费支出决算数”列为 161\.08/);
    assert.match(f!.message.zh, /\[160\.735, 160\.905\]/);
    // The OCR damage gives notes, not findings: a note per unreadable figure an identity
    // needed (03表 `(2.01`, `0.064.15`; 04表 `1.656.68`), and one per table whose codes cannot
    // be trusted (03表: 2101102, 21015, 2101505 printed twice; 06表: 20110 … misread codes).
    assert.deepEqual(
      found.filter((x) => x.severity === 'information').map((x) => at(text, x)),
      ['2101102', '(2.01', '0.064.15', '1.656.68', '20110'],
    );
  });

  it('fixture 000: identities that hold, hold — within rounding where the figures are rounded', () => {
    const report = readReport(fixture('000_68829c0b624b4a3b.txt'));
    const ev = evaluate(report, chooseTemplate(report, templateSet())!);
    const holds = (id: string) => ev.checked.filter((c) => c.identity.id === id).every((c) => c.holds) && ev.checked.some((c) => c.identity.id === id);
    for (const id of ['01-income-total', '01-expenditure-total', '01-balance', '01-02-income', '01-03-expenditure', '01-03-classes', '02-hierarchy', '04-05-classes', '05-hierarchy', '05-06-basic', '09-sangong-actual']) {
      assert.ok(holds(id), id);
    }
    // 02表 合计 10,656.73 against 3,228.83 + 7,302.65 + 125.26 = 10,656.74: four figures, ±0.02.
    const root = ev.checked.find((c) => c.identity.id === '02-hierarchy' && c.total.row.label === '合计' && c.total.column.name === '本年收入合计')!;
    assert.equal(root.difference.toString(), '-0.01');
    assert.equal(root.tolerance.toString(), '0.02');
    assert.ok(root.holds);
  });

  it('fixture 001: the cut-off codes of 02表 and 06表, once per table, and no broken sum', () => {
    const text = fixture('001_6a62bd9b783e40ec.txt');
    const found = check(text).findings.filter((f) => f.rule === 'table-identity' || f.rule === 'truncated-code');
    assert.deepEqual(found.map((f) => [f.rule, f.severity, at(text, f)]), [
      ['truncated-code', 'warning', '208050'],
      ['truncated-code', 'warning', '3010'],
    ]);
    assert.match(found[0]!.message.zh, /公开02表 收入决算表：科目编码 208050、210110、210150、210159、221020 位数不对/);
    // Every cut-off code of 02表 is a related location: 208050 ×2, 210110 ×2, 210150 ×2, 210159, 221020 ×2.
    assert.equal(found[0]!.related.length, 8);
  });

  it('fixture 003: every identity holds', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    const result = check(text);
    const found = result.findings.filter((f) => f.rule === 'table-identity' || f.rule === 'truncated-code');
    assert.deepEqual(found.map((f) => [f.severity, at(text, f)]), []);
    // 三公 决算数: 5.86 against 4.70 + 0.50 + 0.67 = 5.87 — four figures, ±0.02.
    const ev = evaluate(result.report, chooseTemplate(result.report, templateSet())!);
    const sangong = ev.checked.find((c) => c.identity.id === '09-sangong-actual')!;
    assert.ok(sangong.holds);
    assert.equal(sangong.sum.toString(), '5.87');
  });

  it('fixture 003 with the 三公 决算数 total changed to 5.96: 0.09 off the parts’ 5.87', () => {
    const original = fixture('003_a0c01ccc9db781f0.txt');
    const row = '5.86\t4.70\t0.50\t\t0.50\t0.67\t5.86\t4.70\t0.50\t\t0.50\t0.67';
    const text = original.replace(row, row.replace(/5\.86(?=\t4\.70\t0\.50\t\t0\.50\t0\.67$)/, '5.96'));
    assert.notEqual(text, original);
    const [f, ...rest] = warnings(ofRule(text, 'table-identity'));
    assert.equal(rest.length, 0);
    assert.equal(f!.start, original.indexOf(row) + row.lastIndexOf('5.86'));
    assert.equal(f!.expected, '5.87');
    assert.match(f!.message.zh, /“决算数 \/ 合计（栏次 7）”列为 5\.96/);
  });
});

describe('the 部门预算 template, on a crafted budget', () => {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'crafted', 'yusuan-2025.md'), 'utf8');

  it('is chosen for a budget, the 部门决算 template for final accounts', () => {
    assert.equal(chooseTemplate(readReport(text), templateSet())!.id, 'yusuan-2024');
    assert.equal(chooseTemplate(readReport(fixture('003_a0c01ccc9db781f0.txt')), templateSet())!.id, 'juesuan-2024');
    assert.equal(chooseTemplate(readReport('本年支出合计 100 万元。'), templateSet()), null);
  });

  it('finds the one defect: 三公 合计 5.40 against 0 + 3.10 + 1.90 = 5.00', () => {
    const found = check(text).findings.filter((f) => f.rule === 'table-identity' && f.severity === 'warning');
    assert.deepEqual(found.map((f) => [at(text, f), f.expected]), [['5.40', '5.00']]);
  });

  it('and the identities that hold, hold (收支总表, 支出总表, 一般公共预算支出表 …)', () => {
    const report = readReport(text);
    const ev = evaluate(report, chooseTemplate(report, templateSet())!);
    for (const id of ['01-income-total', '01-balance', '01-income-lines', '01-03-expenditure', '01-03-classes', '03-columns', '03-hierarchy', '04-05-expenditure', '05-hierarchy', '05-06-basic', '06-columns', '07-sangong-cars']) {
      const checks = ev.checked.filter((c) => c.identity.id === id);
      assert.ok(checks.length > 0 && checks.every((c) => c.holds), id);
    }
  });
});

describe('a template of the user’s own', () => {
  // A provincial rule added in a workspace file: 06表 公务接待费 = 三公 table 公务接待费 决算数.
  const file = JSON.stringify({
    $schema: '../templates/template.schema.json',
    id: 'my-province-2024',
    extends: 'juesuan-2024',
    identities: [
      {
        id: 'reception-06-09',
        name: { zh: '06表公务接待费 = 三公经费表公务接待费决算数', en: '06 receptions = 三公 receptions (actual)' },
        kind: 'equal',
        table: '09-sangong',
        each: { rows: 'all' },
        left: { table: '06', row: { code: '^30217$' } },
        right: { column: { header: ['决算数', '公务接待'], lineNo: '12' } },
      },
    ],
  });
  const original = fixture('003_a0c01ccc9db781f0.txt');
  // 003: 06表 30217 公务接待费 0.67; 三公 决算数 公务接待费 0.67. Changed to 0.76 in 06表.
  const changed = original.replace('30217\t公务接待费\t0.67', '30217\t公务接待费\t0.76');

  it('adds an identity to the shipped ones: it holds on the report, and is found broken once a figure changes', () => {
    const mine = parseTemplateText(file, 'my-province.json', shippedTemplates());
    assert.equal(mine.identities.length, shippedTemplates()[0]!.identities.length + 1);
    assert.deepEqual(ofRule(original, 'table-identity', use(mine)).filter((f) => f.severity === 'warning'), []);
    // Two identities now fail: the new one, and 06表's own 302 商品和服务支出 140.04 = Σ its 17
    // items, which add to 140.06 before the change and 140.15 after (0.11 > 18 × 0.005).
    const broken = warnings(ofRule(changed, 'table-identity', use(mine)));
    assert.deepEqual(broken.map((x) => at(changed, x)).sort(), ['0.76', '140.04']);
    const f = broken.find((x) => x.message.zh.startsWith('06表公务接待费'));
    assert.equal(at(changed, f!), '0.76');
    assert.equal(f!.expected, '0.67');
    assert.match(f!.message.zh, /^06表公务接待费 = 三公经费表公务接待费决算数不成立/);
  });

  it('is used by the CLI with --template FILE (after npm run build)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-template-'));
    writeFileSync(join(dir, 'my-province.json'), file);
    writeFileSync(join(dir, 'report.txt'), changed);
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'gouji.js'), 'check', '--format', 'json', '--lang', 'en', '--template', join(dir, 'my-province.json'), join(dir, 'report.txt')], { encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    const diagnostics = JSON.parse(run.stdout).files[0].diagnostics as { code: string; message: string }[];
    assert.ok(diagnostics.some((d) => d.code === 'table-identity' && d.message.startsWith('06 receptions = 三公 receptions (actual) does not hold')));
  });

  it('a broken template file is refused with every problem, each at its place in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-template-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'bad', tables: { t: { title: '(' } }, identities: [{ id: 'x', kind: 'sum', table: 't', total: { row: 1 }, parts: [] }] }));
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'gouji.js'), 'check', '--template', bad, join(FIXTURES, '003_a0c01ccc9db781f0.txt')], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      [
        `gouji: ${bad}: tables.t.title: not a valid regular expression (JavaScript syntax, u flag)`,
        `gouji: ${bad}: identities[0].total.row: Invalid input: expected string, received number`,
        `gouji: ${bad}: identities[0].parts: Too small: expected array to have >=1 items`,
        '',
      ].join('\n'),
    );
  });
});

describe('template files', () => {
  const problems = (json: unknown, available: readonly Template[] = []) => {
    try {
      parseTemplate(json, 'x.json', available);
    } catch (e) {
      assert.ok(e instanceof TemplateError);
      return e.problems.map((p) => `${p.path}: ${p.message}`);
    }
    return [];
  };

  it('the shipped templates are valid and say what they are', () => {
    assert.deepEqual(shippedTemplates().map((t) => [t.id, t.title.zh]), [
      ['juesuan-2024', '部门决算（2024 年公开格式）'],
      ['yusuan-2024', '部门预算（2024 年公开格式）'],
    ]);
  });

  it('templates/template.schema.json is the schema of the zod definition (run scripts/json-schemas.mjs)', () => {
    assert.deepEqual(JSON.parse(readFileSync(join(ROOT, 'templates', 'template.schema.json'), 'utf8')), templateJsonSchema());
  });

  it('references between the parts of a template are checked', () => {
    assert.deepEqual(
      problems({
        id: 'x',
        tables: { t: { title: '表$', codes: 'nope' } },
        identities: [
          { id: 'a', kind: 'sum', table: 'u', total: { row: '合计' }, parts: [{ row: 'x' }] },
          { id: 'a', kind: 'hierarchy', table: 't' },
          { id: 'b', kind: 'equal', left: { row: '合计' }, right: { table: 't' } },
        ],
      }),
      [
        "tables.t.codes: no code scheme 'nope' in `codes` (have: none)",
        "identities[0].table: no table 'u' in `tables` (have: t)",
        "identities[1].id: identity id 'a' is used twice",
        'identities[2].left: no table: give `table` here or on the identity',
        'identities[2].right: no row: give `row` or `rows`, or repeat the identity over rows with `each.rows`',
      ],
    );
  });

  it('a file that is not JSON, or extends a template that does not exist', () => {
    assert.throws(() => parseTemplateText('{ "id": "x",\n  oops }', 'x.json'), (e: TemplateError) => /^x\.json: not valid JSON at line 2, column 3/.test(e.message));
    assert.deepEqual(problems({ id: 'x', extends: 'nope' }, shippedTemplates()), ["extends: no template 'nope' to extend (have: juesuan-2024, yusuan-2024)"]);
    assert.deepEqual(problems({ id: 'x', extends: 'juesuan-2024', disable: ['nope'] }, shippedTemplates()), ["disable[0]: 'juesuan-2024' has no identity 'nope'"]);
  });

  it('an extension can leave out identities of the template it extends', () => {
    const t = parseTemplate({ id: 'x', extends: 'juesuan-2024', disable: ['10-hierarchy'] }, 'x.json', shippedTemplates());
    assert.ok(!t.identities.some((i) => i.id === '10-hierarchy'));
    const text = fixture('000_68829c0b624b4a3b.txt');
    assert.deepEqual(warnings(ofRule(text, 'table-identity', use(t))), []);
  });

  it('the example in the README is a valid template', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /## Templates[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const t = parseTemplateText(example, 'README.md', shippedTemplates());
    assert.ok(t.identities.some((i) => i.id === 'reception-06-09'));
    assert.ok(!t.identities.some((i) => i.id === '11-total'));
  });

  it('a report of a kind without a table the template requires is told so, on its first line', () => {
    // Only 支出决算表: the 部门决算 template is chosen, and its 收入支出决算总表 is required.
    const text = '# 某局 2024 年度部门决算\n\n支出决算表\n\n单位：万元\n\n| 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|\n| | 合计 | 10.00 | 10.00 | |\n| 208 | 社会保障和就业支出 | 10.00 | 10.00 | |\n';
    const found = ofRule(text, 'table-identity');
    assert.deepEqual(found.map((f) => [f.severity, at(text, f)]), [
      ['warning', '# 某局 2024 年度部门决算'],
      ['warning', '# 某局 2024 年度部门决算'],
    ]);
    assert.match(found[0]!.message.zh, /按部门决算（2024 年公开格式），报告应有收入支出决算总表（收入），未找到/);
  });

  it('a forced template that does not exist is said once, not silently ignored', () => {
    const [f] = ofRule(fixture('003_a0c01ccc9db781f0.txt'), 'table-identity', { template: 'nope' });
    assert.equal(f!.severity, 'information');
    assert.match(f!.message.en, /There is no template 'nope'/);
  });
});
