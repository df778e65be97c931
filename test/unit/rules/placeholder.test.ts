// placeholder on crafted excerpts: what a template leaves, and what only looks like it.
import { expectMarked } from '../../markers';

const RULE = 'placeholder';

describe('placeholder', () => {
  it('XX and ×× names, a single X before what it names, a year with a digit missing', () => {
    expectMarked(RULE, '第一部分 上海市{{placeholder:XX}}局概况\n\n本部门下设{{placeholder:××}}个科室，{{placeholder:X}}局为二级单位。\n\n第三部分 {{placeholder:202}} 年度部门决算情况说明\n\n{{placeholder:20XX}}年度收入 10 万元。\n');
  });
  it('both alternatives of the template left in; the clause’s own change word picks the fix', () => {
    expectMarked(RULE, '“三公”经费支出决算数比上年减少 0.15 万元，{{placeholder:下降（增长）=>下降}}27.78%。决算数{{placeholder:大于（小于）}}预算数，支出{{placeholder:增加/减少}} 5 万元。\n');
  });
  it('blanks and guidance to the author', () => {
    expectMarked(RULE, '本部门共有车辆{{placeholder:＿＿}}辆，其中{{placeholder:[ ]}}辆。编报绩效目标的项目 247 个。{{placeholder:（绩效目标管理工作情况，以及编报绩效目标的项目数量、单位数量、预算金额等）}}具体包括{{placeholder:（列示至基层预算单位）}}：\n');
  });
  it('silent on what only looks like residue: X光机, model numbers, explanations in parentheses, real years', () => {
    expectMarked(RULE, '购置X光机 1 台（型号 XX-200，DR-XX1）。公务接待费（含外宾接待支出）0.5 万元。其他商品和服务支出（办公费、印刷费等）。\n2024 年度部门决算。单价 100 万元（含）以上设备 0 台（套）。一般公共服务支出（类）。\n');
  });
});
