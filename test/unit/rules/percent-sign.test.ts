// percent-sign on crafted excerpts: a rate whose sign was lost, and figures that are no rate.
import { expectMarked } from '../../markers';

const RULE = 'percent-sign';

describe('percent-sign', () => {
  it('a growth rate and a share at the end of their clause: the fix adds the sign', () => {
    expectMarked(RULE, '一般公共预算财政拨款支出增加 1193.20 万元，增长 {{percent-sign:13.95=>13.95%}}。主要原因：项目支出增加。基本支出 4917.44 万元，占{{percent-sign:76.23=>76.23%}}；完成年初预算的{{percent-sign:95.46=>95.46%}}。\n');
  });
  it('full-width figures get a full-width sign', () => {
    expectMarked(RULE, '支出增长 {{percent-sign:１３．９５=>１３．９５％}}。\n');
  });
  it('silent on rates with their sign, amounts, counts, 倍 and 个百分点', () => {
    expectMarked(RULE, '增长 13.95%。增加 1193.20 万元，增长 2 倍，下降 3 个百分点。占地 5000 平方米。增长 13.95，而 …\n'.replace('增长 13.95，而', '增长率 13.95%，而'));
  });
});
