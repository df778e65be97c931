// zero-base-rate from the words: a growth rate on a base the sentence says was nothing.
import { expectMarked } from '../../markers';

const RULE = 'zero-base-rate';

describe('zero-base-rate (a zero base said in words)', () => {
  it('a unit founded this year, an item with no prior-year spending', () => {
    expectMarked(RULE, '本单位为 2024 年新成立单位，本年支出 300.00 万元，比上年增长 {{zero-base-rate:100.00}}%。公务接待费支出 2.50 万元，上年无此项支出，增长 {{zero-base-rate:100}}%。\n');
  });
  it('silent on a growth rate with a base, and on 基数为 0 written in place of the rate', () => {
    expectMarked(RULE, '本年支出 300.00 万元，比上年增长 10.00%，主要是新增项目。公务接待费 25.10 万元，比上年增加 25.10 万元，增长（基数为 0，不可比）。\n');
  });
});
