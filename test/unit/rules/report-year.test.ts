// report-year on crafted excerpts: the year is read from the report's own titles.
import assert from 'node:assert/strict';
import { expectMarked } from '../../markers';

const RULE = 'report-year';
/** A 2024 决算's cover and contents: the titles that name its year three times. */
const COVER = '上海市普陀区某某局\n\n2024 年度部门决算\n\n目录\n\n第一部分 部门概况\n\n第二部分 2024 年度部门决算表\n\n';

describe('report-year', () => {
  it('a part title naming the previous year: fixed to the report’s year', () => {
    const [f] = expectMarked(RULE, `${COVER}第三部分 {{report-year:2023=>2024}} 年度部门决算情况说明\n\n一、收入支出决算总体情况说明\n`);
    assert.match(f!.message.zh, /本报告为 2024 年度决算，此处所指本报告期间却写作 2023 年/);
  });
  it('the asset position of a 决算 is at the end of its own year: fixed', () => {
    expectMarked(RULE, `${COVER}第三部分 2024 年度部门决算情况说明\n\n截至 {{report-year:2023=>2024}} 年 12 月 31 日，本部门共有车辆 3 辆。\n`);
  });
  it('the narrative’s own income named with another year: reported, not fixed', () => {
    expectMarked(RULE, `${COVER}第三部分 2024 年度部门决算情况说明\n\n{{report-year:2023}} 年度收入、支出总计 1,000.00 万元。\n`);
  });
  it('silent on comparisons, ranges, plans and documents, and on a sentence that names the report’s year too', () => {
    expectMarked(RULE, [
      COVER,
      '第三部分 2024 年度部门决算情况说明\n\n',
      '2024 年度收入、支出总计 1,000.00 万元。与 2023 年度相比，收入、支出总计各增加 100.00 万元，增长 11.1%。\n\n',
      '“三公”经费支出决算数比 2023 年度减少 0.15 万元。2023 年末在职人员 52 人。\n\n',
      '落实《2023年度部门预算管理办法》和“十四五”规划（2021-2025年）。补发 2021--2023 年度的工资。\n\n',
      '2024 年度支出 900 万元，2023 年度支出 800 万元。\n',
    ].join(''));
  });
  it('a 预算 counts its assets before its year begins; its year is the budget year', () => {
    const cover = '上海市普陀区2026年区级部门预算\n预算主管部门：上海市普陀区某某委员会\n\n目录\n\n2026年区级部门预算编制说明\n\n';
    expectMarked(RULE, `${cover}截至2025年8月31日，本部门共有车辆14辆。2026年收入预算 100 万元，比2025年预算增加 10 万元。\n`);
    expectMarked(RULE, `${cover}{{report-year:2025=>2026}}年区级部门预算公开说明\n`);
  });
  it('no year read (titles disagree, or none): nothing said', () => {
    expectMarked(RULE, '2024 年度部门决算\n\n第三部分 2023 年度部门决算情况说明\n');
  });
});
