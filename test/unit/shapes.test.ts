// The checker on reports of other shapes than the three fixtures: a 部门预算 in plain text with
// a whitespace-aligned table, compared with last year's budget; PDF-justified prose. All
// expected values worked out by hand.
import assert from 'node:assert/strict';
import { check } from '../../src/core/check';

const budgetReport = (prose: string) =>
  [
    '2025年部门预算',
    '',
    '部门收支总表',
    '部门公开表1',
    '单位：万元',
    '',
    '项目                          预算数      项目                        预算数',
    '一、一般公共预算拨款收入          1,215.34    一、一般公共服务支出          1,215.34',
    '二、政府性基金预算拨款收入            0.00',
    '收入总计                        1,215.34    支出总计                    1,215.34',
    '',
    '- 3 -',
    '',
    '一、部门收支总体情况',
    '',
    prose,
  ].join('\n');

// 115.34 ÷ (1,215.34 − 115.34) = 115.34 ÷ 1,100 = 10.485…% → 10.49%.
const right = '2025 年收入总计 1,215.34 万元，比上年预算增加 115.34 万元，增长 10.49%。其中：一般公共预算拨款收入 1,215.34 万元，占 100%。';

describe('a 部门预算 report in plain text (whitespace-aligned table)', () => {
  it('reads the aligned table with its code, unit and rows', () => {
    const { report } = check(budgetReport(right));
    const table = report.tables.find((t) => t.code === '部门公开表1');
    assert.ok(table);
    assert.equal(table.unit, '万元');
    assert.deepEqual(table.rows.map((r) => r.label), ['一、一般公共预算拨款收入', '二、政府性基金预算拨款收入', '收入总计']);
  });

  it('finds nothing wrong in a right narrative, and links it to the table', () => {
    const result = check(budgetReport(right));
    assert.deepEqual(result.findings.filter((f) => f.severity !== 'information'), []);
    assert.deepEqual(result.links.map((l) => [l.figure.text, l.row.label, l.agrees]), [
      ['1,215.34', '收入总计', true],
      ['1,215.34', '一、一般公共预算拨款收入', true],
    ]);
  });

  it('catches a wrong change rate against last year’s budget, and a wrong total', () => {
    const text = budgetReport(right.replace('增长 10.49%', '增长 11.49%').replace('收入总计 1,215.34', '收入总计 1,251.34'));
    const found = check(text).findings.filter((f) => f.severity !== 'information').map((f) => [f.rule, text.slice(f.start, f.end), f.expected]);
    assert.deepEqual(found, [
      ['amount-mismatch', '1,251.34', '1,215.34'],
      // With the wrong total 1,251.34 the rate is 115.34 ÷ 1,136 = 10.153% → 10.15%.
      ['change-mismatch', '11.49', '10.15'],
    ]);
  });
});

describe('PDF-justified prose', () => {
  it('reads spaced-out labels and units, and checks the share', () => {
    // 2,946.25 of 3,000.00 is 98.208…% → 98.21%.
    const text = '本 年 收 入 合 计 3000.00 万 元 ， 其 中 ： 财 政 拨 款 收 入 2946.25 万 元 ， 占 97.21% 。';
    const [f] = check(text).findings;
    assert.equal(f?.rule, 'share-mismatch');
    assert.equal(f?.expected, '98.21');
  });
});
