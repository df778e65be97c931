// Counts (个, 人次, 辆 …) and changes, on excerpts of the fixtures (line named) with one figure or
// word made wrong as ../shared/eval/mutate.mjs makes them, and on a crafted 三公 table of the
// national template (公开09表 with its 项目 | 统计数 block).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../../src/core/check';
import { readReport } from '../../../src/core/report';
import { expectMarked } from '../../markers';

const REPORTS = join(__dirname, '..', '..', 'fixtures', 'reports');

/** The 三公 table of the national template: amounts, its 注, then the 统计数 block (as 000 L436–464 prints it, figures readable). */
const SANGONG = [
  '# 某某局 2024 年度部门决算\n\n#### 财政拨款"三公"经费支出决算表\n\n公开09表\n\n单位：万元\n\n',
  '| 预算数 | | | | | | 决算数 | | | | | |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n',
  '| 合计 | 因公出国(境)费 | 公务用车购置及运行维护费 | | | 公务接待费 | 合计 | 因公出国(境)费 | 公务用车购置及运行维护费 | | | 公务接待费 |\n',
  '| | | 小计 | 公务用车购置费 | 公务用车运行维护费 | | | | 小计 | 公务用车购置费 | 公务用车运行维护费 | |\n',
  '| 4.27 | | 3.67 | | 3.67 | 0.6 | 4.27 | | 3.67 | | 3.67 | 0.6 |\n\n',
  '注：本表反映的预算数为财政拨款“三公”经费全年预算数。\n\n',
  '| 项目 | 统计数 | 项目 | 统计数 |\n|---|---|---|---|\n',
  '| 因公出国（境）团组数（个） | 1 | 因公出国（境）人次数（人） | 3 |\n',
  '| 公务用车购置数（辆） | 0 | 公务用车保有量（辆） | 2 |\n',
  '| 国内公务接待批次（个） | 4 | 国内公务接待人次（人） | 47 |\n\n',
  '## 九、财政拨款"三公"经费支出决算情况说明\n\n',
].join('');

describe('count-mismatch: the 三公 table’s 统计数', () => {
  it('a count its words name is compared with its cell, exactly (the narrative of 000 L612–614, in a clean table)', () => {
    const [, held] = expectMarked('count-mismatch', `${SANGONG}1. 全年使用财政拨款安排因公出国（境）团组 1 个，{{count-mismatch:4=>3}} 人次。\n2. 其中：公务用车购置支出 0 万元，购置公务用车 0 辆；公务用车运行维护费支出 3.67 万元，公务用车保有量为 {{count-mismatch:3.00=>2.00}} 辆。\n3. 其中：国内公务接待 4 批次。\n`);
    assert.match(held!.message.zh, /公务用车保有量/);
  });
  it('silent where the words do not say 国内 or 国（境）外 (接待 5 批次 names no row)', () => {
    expectMarked('count-mismatch', `${SANGONG}3. 公务接待费支出 0.60 万元。其中：接待 5 批次，国内公务接待 47 人次。\n`);
  });
  it('000’s 统计数 block, its labels wrapped over rows by OCR: L612–614 and L902 link, all agreeing, none flagged', () => {
    const text = readFileSync(join(REPORTS, '000_68829c0b624b4a3b.txt'), 'utf8');
    const { figures, findings } = check(text);
    const counts = figures.filter((f) => f.figure.kind === 'count' && f.link);
    // 团组 0 个, 0 人次, 购置 0 辆 (blank cells), 保有量 2.00 辆 (L462: 2), 接待 47.00 人次 (L463–464: 47), 共有车辆 2.00 辆.
    assert.deepEqual(counts.map((f) => [f.figure.text, f.state]), [['0', 'agrees'], ['0', 'agrees'], ['0', 'agrees'], ['2.00', 'agrees'], ['47.00', 'agrees'], ['2.00', 'agrees']]);
    assert.deepEqual(findings.filter((f) => f.rule === 'count-mismatch'), []);
  });
});

describe('vehicle-count: 公务用车保有量 ≤ 共有车辆', () => {
  it('more cars held than the department has: the 保有量 is flagged (000 L613 2.00 → 3.73, L902 共有车辆 2.00 adds up)', () => {
    expectMarked('vehicle-count', '公务用车运行维护费支出 3. 67 万元，公务用车保有量为 {{vehicle-count:3.73}} 辆。\n\n国有资产占用情况。截至 2024 年 12 月 31 日，我部门/单位共有车辆 2.00辆，其中：副部（省）级及以上领导用车 0 辆、主要负责人用车 1 辆、机要通信用车 1 辆、应急保障用车 0 辆、执法执勤用车 0 辆、特种专业技术用车 0 辆、离退休干部服务用车 0 辆、其他用车 0 辆。\n');
  });
  it('fewer cars held than in all is no finding (cars run on other money); nor counts of different dates', () => {
    expectMarked('vehicle-count', '截至 2024 年 12 月 31 日，公务用车保有量为 1 辆。\n\n截至 2024 年 12 月 31 日，本部门共有车辆 2 辆。\n\n');
    expectMarked('vehicle-count', '截至 2024 年 12 月 31 日，公务用车保有量为 3 辆。\n\n截至 2025 年 8 月 31 日，本部门共有车辆 2 辆。\n\n');
    expectMarked('vehicle-count', '2026 年公务用车保有量为 3 辆。\n\n截至 2025 年 8 月 31 日，本部门共有车辆 2 辆。\n\n');
  });
});

describe('counts in prose and their sums', () => {
  it('a count with its unit before 、 is prose, not a table row: the vehicle list adds up (putuo-shengtai L587–591, 9 → 11)', () => {
    const excerpt = '截至 2025 年 12 月 31 日，上海市普陀区生态环境局部门共\n有车辆 {{parts-sum:11}} 辆，其中：部级领导干部用车 0 辆、主要领导干部用车\n0 辆、机要通信用车 0 辆、应急保障用车 1 辆、执法执勤用车 0\n辆、特种专业技术用车 0 辆、离退休干部用车 0 辆、其他用车 8\n辆。单价 100 万元（含）以上设备（不含车辆）6 台（套）。\n';
    expectMarked('parts-sum', excerpt);
    assert.equal(readReport(excerpt.replace(/\{\{parts-sum:11\}\}/, '9')).tables.length, 0);
  });
  it('projects by 绩效 grade are all of them, listed after the projects’ amounts (putuo-shengtai L564–568, 28 → 30)', () => {
    expectMarked('parts-sum', '绩效自评的2025年度项目{{parts-sum:30}}个，涉及预算金额1354.13万元，平\n均得分99.86分（其中，绩效评级为“优”的项目28个；绩效评级为\n“良”的项目0个；绩效评级为“合格”的项目0个；绩效评级为“不\n合格”的项目0个。绩效自评中共发现问题3个，已经完成整改的3\n个，正在整改的0个）。\n');
  });
  it('an amount’s 其中 is not a count list: the next count is no part of the count before', () => {
    expectMarked('parts-sum', '市级预算项目 6 个，涉及预算资金 1,072.33 万元，其中：当年安排 1,000 万元，上年结转 72.33 万元；上级对地方转移支付项目 2 个，涉及预算资金 911.8 万元。\n');
  });
});

describe('direction words against the report year’s budget', () => {
  it('与 2024 年预算基本持平 after a budget and an actual is a direction word (003 L585, 持平 → 增加)', () => {
    expectMarked('direction-word', '2、公务用车购置及运行维护费全年预算为 0.5 万元，支出决算为 0.5 万元，与 2024 年预算基本{{direction-word:增加}}，完成全年预算的 100%。\n');
    // 基本持平 allows a small difference; last year's budget is a change's base, not this one.
    expectMarked('direction-word', '全年预算为 4.7 万元，支出决算为 4.6 万元，与 2024 年预算基本持平。\n\n全年预算为 4.7 万元，支出决算为 4.7 万元，与 2023 年预算增加。\n');
  });
  it('决算数同预算数增加 of equal figures (putuo-guihua L759–761, 持平 → 增加)', () => {
    expectMarked(['direction-word', 'completion-mismatch'], '初预算为 45.00 万元，支出决算为 45.00 万元，完成年初预算的\n\n100.00%。决算数同预算数{{direction-word:增加}}。\n');
  });
});

describe('changes-sum: a total’s change is its parts’ changes', () => {
  // putuo-jianguanwei L93–95: −5,965 + 119,614 + 0 = +113,649, not 115,649 (a real error of the report).
  const excerpt = (change: string) => `    支出预算328,661万元，其中：财政拨款支出预算328,661万元，比2025年预算${change}万元。财政拨款支出预算中，一般公共预算拨\n款支出预算49,376万元，比2025年预算减少5,965万元；政府性基金拨款支出预算279,285.70万元，比2025年预算增加119,614万元；国有资\n本经营预算拨款支出预算0万元，比2025年预算增加0万元。\n`;
  it('the total’s change that is not the parts’ sum (putuo-jianguanwei L93)', () => {
    const [f] = expectMarked('changes-sum', excerpt('增加{{changes-sum:115,649}}'));
    assert.match(f!.message.zh, /113,649/);
  });
  it('a balanced 预算: the 收入 stated with the same amount and change is wrong with it (putuo-jianguanwei L91)', () => {
    const income = (kind: string, change: string) => `# 某某委员会 2026 年部门${kind}

     2026年，某某委员会收入预算328,661万元，其中：财政拨款收入328,661万元，比2025年预算增加${change}万元；
事业收入0万元。
${excerpt('增加{{changes-sum:115,649}}')}`;
    const [f] = expectMarked('changes-sum', income('预算', '{{changes-sum:115,649}}'));
    assert.match(f!.message.zh, /113,649.*收支平衡/);
    // A 决算's income need not equal its expenditure; nor is an income change of the parts' sum wrong.
    expectMarked('changes-sum', income('决算', '115,649'));
    expectMarked('changes-sum', income('预算', '113,649'));
  });
  it('a direction word the parts’ changes refute (putuo-jianguanwei L93, 增加 → 减少)', () => {
    expectMarked('changes-sum', excerpt('{{changes-sum:减少}}{{changes-sum:115,649}}'));
  });
  it('a total’s change in a word, against its numbered items’ own changes (putuo-jianguanwei L1314–1319, 持平 → 增加)', () => {
    const excerpt = (word: string) => `      2026年“三公”经费预算数为42.24万元，比2025年预算${word}。其中：\n     （一）因公出国（境）费0万元，比2025年预算增加0万元，主要原因是因公出国（境）费由区外办统一编报预算、统一管理。\n     （二）公务用车购置及运行费42.24万元，比2025年预算增加0万元，主要原因是没有增加公车购置及运行费。其中：公务用车购置费0\n万元，比2025年预算增加0万元，主要原因是没有安排公车购置费预算；公务用车运行费42.24万元，比2025年预算增加0万元，主要原因是\n没有增加公车运行费。\n     （三）公务接待费0万元。比2025年预算增加0万元，主要原因是没有安排公务接待费预算。\n`;
    expectMarked('changes-sum', excerpt('{{changes-sum:增加}}'));
    expectMarked('changes-sum', excerpt('持平'));
  });
  it('a list of the items’ changes after the total’s (putuo-shengtai L526–530, 5.07 → 6.84; 减少为 0.00 … 持平 is no change)', () => {
    const list = (total: string) => `2025 年度“三公”经费财政拨款支出决算数比 2024 年度增加\n${total} 万元，增长 42.68%，其中：因公出国（境）费支出决算为\n0.00 万元，与 2024 年持平；公务用车购置及运行维护费支出决\n算增加 5.07 万元，增长 42.68%；公务接待费支出决算减少为 0.00\n万元，与 2024 年持平。\n`;
    expectMarked('changes-sum', list('{{changes-sum:6.84}}'));
    expectMarked('changes-sum', list('5.07'));
  });
});
