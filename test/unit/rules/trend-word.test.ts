// trend-word on crafted excerpts: a conclusion or 持平 against the change the paragraph states.
import assert from 'node:assert/strict';
import { expectMarked } from '../../markers';

const RULE = 'trend-word';

describe('trend-word', () => {
  it('a conclusion that says the opposite of the paragraph’s change', () => {
    const [f] = expectMarked(RULE, '2024 年度收、支总计均为 2,984.8 万元。与 2023 年度相比，收、支总计各增加 333.97 万元，增长 12.6%。主要是部分职工进行了职称晋升。以上两方面因素导致 2024 年收入支出同比{{trend-word:降幅明显}}。\n');
    assert.match(f!.message.zh, /增加 333\.97/);
    expectMarked(RULE, '财政拨款支出 2,984.8 万元，比上年增加 333.97 万元，增长 12.6%。以上因素导致财政拨款支出{{trend-word:减少}}。\n');
  });
  it('a change word and 持平 for one item', () => {
    expectMarked(RULE, '“三公”经费支出决算增加 5.07 万元，增长 42.68%；公务接待费支出决算{{trend-word:减少}}为 0.00 万元，与 2024 年持平。\n');
  });
  it('silent when the conclusion agrees, names a narrower item, or the paragraph goes both ways', () => {
    expectMarked(RULE, [
      '财政拨款支出 2,984.8 万元，比上年增加 333.97 万元，增长 12.6%。以上因素导致财政拨款支出增幅明显。\n\n',
      '本年支出 900 万元，比上年增加 50 万元，增长 5.9%。人员调出导致基本支出减少。\n\n',
      '基本支出比上年增加 10 万元，增长 2.0%；项目支出比上年减少 30 万元，下降 6.0%。以上因素导致收支减少。\n',
    ].join(''));
  });
  it('基本持平 beside a change of 10% or more', () => {
    expectMarked(RULE, '公务接待费支出 1.25 万元，比上年增加 0.25 万元，增长 25.00%，与上年{{trend-word:基本持平}}。\n');
  });
  it('silent on 基本持平 within a small change, on 持平 beside an unchanged item, and on a change of 0', () => {
    expectMarked(RULE, '公务接待费支出 1.02 万元，比上年减少 0.01 万元，下降 1.0%，与上年基本持平。因公出国（境）费支出决算为 0.00 万元，与 2024 年持平；公务用车购置费减少 0.00 万元，与上年持平。\n');
  });
});
