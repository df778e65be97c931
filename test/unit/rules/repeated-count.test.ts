// repeated-count on crafted excerpts: one thing counted twice, and counts that only look alike.
import assert from 'node:assert/strict';
import { expectMarked } from '../../markers';

const RULE = 'repeated-count';

describe('repeated-count', () => {
  it('the count a 其中 list corroborates stands; the other is reported', () => {
    const [f] = expectMarked(RULE, '更新2024年新版药品目录，新增89种谈判药品，{{repeated-count:92}}种谈判药品转常规，2种谈判药品被调出目录。严格落实《2024年药品目录》调整内容，新增目录内药品91种，其中：谈判药转常规89种，直接调出目录2种。\n');
    assert.match(f!.message.zh, /92 种.*89 种/);
  });
  it('with nothing to corroborate either, the later one is reported', () => {
    expectMarked(RULE, '本部门共有公务用车 12 辆。经清理，本部门共有公务用车 {{repeated-count:11}} 辆。\n');
  });
  it('silent on counts of different times, different things, and the same count repeated', () => {
    expectMarked(RULE, [
      '2023 年末医保中心在职人员共计 52 人，2024 年医保中心在职人员共计 49 人。\n\n',
      '截至2025年8月31日共有车辆14辆，其中：其他用车13辆。2026年部门预算安排购置车辆0辆，其中：其他用车0辆。\n\n',
      '本部门共有公务用车 12 辆。本部门共有公务用车 12 辆。行政单位1家，事业单位4家。\n',
    ].join(''));
  });
});
