// Which budget and actual a completion rate or a direction word is stated with, in text as a
// PDF library extracts it: lines broken inside words (`决\n算为`, `万\n元`), and items listed
// after a total (`其中：X 决算为 D，完成预算的 E%`) that state no budget of their own.
import assert from 'node:assert/strict';
import { check } from '../../src/core/check';

const findingsOf = (text: string, rule: string) => check(text).findings.filter((f) => f.rule === rule).map((f) => text.slice(f.start, f.end));

describe('claims: the budget and actual of a rate, across line breaks and items', () => {
  it('an item after a total does not borrow the total’s budget (putuo-shengtai’s 三公 sentence)', () => {
    // 16.95 ÷ 21.00 = 80.714% → 80.71% is right; the items' own budgets are in the table only,
    // so 0.00% and 82.68% cannot be checked from the sentence and must not be "fixed" to 80.71%.
    const text = '七、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出年初预算为 21.00 万元，支出决算\n为 16.95 万元，完成预算的 80.71%，其中：因公出国（境）费决\n算为 0.00 万元，完成预算的 0.00%；公务用车购置及运行维护费\n支出决算为 16.95 万元，完成预算的 82.68%。\n';
    assert.deepEqual(findingsOf(text, 'completion-mismatch'), []);
  });

  it('a wrong rate is still caught when the unit and the role words are broken over lines', () => {
    // 379.96 ÷ 420.80 = 90.2947% → 90.29%, not 95.00%.
    const text = '（三）一般公共预算财政拨款支出决算具体情况\n14.节能环保支出（类）污染防治（款）大气（项），年初预算为 420.80 万\n元，支出决算为 379.96 万元，完成年初预算的 95.00%。\n';
    const found = check(text).findings.filter((f) => f.rule === 'completion-mismatch');
    assert.deepEqual(found.map((f) => [text.slice(f.start, f.end), f.expected]), [['95.00', '90.29']]);
  });

  it('a direction word broken over a line is read, against its own item’s figures', () => {
    // Item 13's budget 105.00 is before item 13's own direction word: item 14 says 小于 of its own
    // 420.80 and 379.96, which is right; 决算数大\n于预算数 in item 15 (213.10 < 215.00) is wrong.
    const text = '（三）具体情况\n13.其他环境保护管理事务支出（项），年初预算为 105.00 万元，支出决算为 123.02 万元。决算数大于预算数的主要原因：追加。\n14.大气（项），年初预算为 420.80 万\n元，支出决算为 379.96 万元，决算数小于预算数的主要原因：调减。\n15.水体（项），年初预算为 215.00 万元，支出决算为 213.10 万元，决算数大\n于预算数的主要原因：节省。\n';
    assert.deepEqual(findingsOf(text, 'direction-word'), ['大\n于']);
  });
});
