// malformed-number: figures that cannot be read as any value; one finding per table row.
import assert from 'node:assert/strict';
import { expectMarked } from '../../markers';

const RULE = 'malformed-number';
const TABLE = '公开02表\n\n收入决算表\n\n单位：万元\n\n| 项目 | 本年收入合计 | 财政拨款收入 |\n|---|---|---|\n| 合计 | 7,302.65 | 7,302.65 |\n';

describe('malformed-number', () => {
  // 000_68829c0b624b4a3b line 149: OCR wrote one ghost row's two equal cells as 1.064.05.
  it('a row with two broken cells is one finding on the first, the second its related place', () => {
    const [finding] = expectMarked(RULE, `${TABLE}| 20000 | {{malformed-number:1.064.05}} | 1.064.05 |\n`);
    assert.match(finding!.message.zh, /同一行另有 1 个：“1\.064\.05”/);
    assert.equal(finding!.related.length, 1);
  });
  it('broken cells on two rows are two findings', () => {
    expectMarked(RULE, `${TABLE}| 20000 | {{malformed-number:1.064.05}} | 1,064.05 |\n| 21013 | {{malformed-number:0,987.78}} | 987.78 |\n`);
  });
  it('silent on well-formed figures', () => {
    expectMarked(RULE, `${TABLE}| 210 卫生健康支出 | 7,302.65 | 7,302.65 |\n`);
  });
});
