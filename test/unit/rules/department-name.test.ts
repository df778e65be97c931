// department-name on crafted excerpts: the cover's name against the titles that repeat it.
import assert from 'node:assert/strict';
import { expectMarked } from '../../markers';

const RULE = 'department-name';
const COVER = '上海市普陀区规划和自然\n    资源局\n 2024 年度部门决算\n\n目   录\n\n第一部分 上海市普陀区规划和自然资源局概况\n\n二、部门决算单位构成\n\n';

describe('department-name', () => {
  it('a table heading that drops the district names the municipal bureau: fixed to the cover’s name', () => {
    const [f] = expectMarked(RULE, `${COVER}第二部分 上海市普陀区规划和自然资源局 2024 年度部门决算表\n\n          {{department-name:上海市规划和自然资源局=>上海市普陀区规划和自然资源局}} 2024 年度部门决算表\n                    收入支出决算总表\n`);
    assert.match(f!.message.zh, /漏字/);
  });
  it('another bureau in a part title: reported, not fixed', () => {
    expectMarked(RULE, `${COVER}第三部分 {{department-name:上海市普陀区生态环境局}} 2024 年度部门决算情况说明\n`);
  });
  it('silent on the department’s own name (spaced, with 本级 or 汇总), on the units it lists, and on 部门概况', () => {
    expectMarked(RULE, [
      COVER,
      '上海市普陀区规划和自然资源局（本级）、上海市普陀区土地储备中心（下属事业单位）。\n\n',
      '第二部分 上海市普陀区规划和自然资源局 2024 年度部门决算表\n\n',
      '纳入上海市普陀区规划和自然资源局(汇总)2024年度部门决算编制范围的单位包括：\n\n',
      '第三部分 上海市普陀区 规划和自然资源局 2024 年度部门决算情况说明\n\n第一部分 部门概况\n',
    ].join(''));
  });
  it('a 预算 names its department after 预算主管部门', () => {
    const cover = '上海市普陀区2026年区级部门预算\n预算主管部门：上海市普陀区建设和管理委员会\n\n目录\n\n';
    expectMarked(RULE, `${cover}上海市普陀区建设和管理委员会2026年区级部门预算编制说明\n\n{{department-name:上海市建设和管理委员会=>上海市普陀区建设和管理委员会}}2026年区级部门预算表\n`);
  });
});
