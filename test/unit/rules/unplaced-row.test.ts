// unplaced-row: rows of single-space text whose figures cannot be put in their columns.
import { expectMarked } from '../../markers';

const RULE = 'unplaced-row';

describe('unplaced-row', () => {
  it('a row with a figure missing (its blank cell dropped by the PDF library), once per table', () => {
    expectMarked(RULE, '支出决算表\n单位：万元\n项目 本年支出合计 基本支出 项目支出\n合计 150.00 150.00 0.00\n208 社会保障和就业支出 100.00 100.00 0.00\n210 {{unplaced-row:卫生健康支出}} 50.00 50.00\n211 节能环保支出 20.00 20.00\n注：本表反映部门本年度各项支出情况。\n');
  });
  it('silent on a table whose every row has a figure per column', () => {
    expectMarked(RULE, '支出决算表\n单位：万元\n项目 本年支出合计 基本支出 项目支出\n合计 150.00 150.00 0.00\n208 社会保障和就业支出 100.00 100.00 0.00\n210 卫生健康支出 50.00 50.00 0.00\n注：本表反映部门本年度各项支出情况。\n');
  });
});
