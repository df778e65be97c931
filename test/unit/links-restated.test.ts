// Figures whose source is not a table cell: a figure stated elsewhere in the narrative
// (links/restated.ts) and a count of the report's own parts (links/document-counts.ts). Expected
// values read off the reports by hand (line numbers are 1-based).
import assert from 'node:assert/strict';
import { check } from '../../src/core/check';
import type { FigureInfo } from '../../src/core/figure-info';
import { fixture } from '../helpers';

/** The figure info of the figure `text` that follows `lead` in the text. */
function figureAfter(result: ReturnType<typeof check>, lead: string, text: string): FigureInfo {
  const at = result.report.text.indexOf(lead);
  assert.ok(at >= 0, `no "${lead}" in the text`);
  const info = result.figures.find((f) => f.figure.start >= at + lead.length && f.figure.text === text);
  assert.ok(info, `no figure ${text} after "${lead}"`);
  return info;
}

const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length;
const serious = (result: ReturnType<typeof check>) => result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');

describe('restated figures: the statement of record is the source', () => {
  const drugs = '更新2024年新版药品目录，新增89种谈判药品，92种谈判药品转常规，2种谈判药品被调出目录。更新药品目录，严格落实《2024年药品目录》调整内容，新版目录新增目录内药品91种，其中：谈判药转常规89种，直接调出目录2种。\n';

  it('a count repeated in a paragraph restates the one its summary’s 其中 list adds up to (91 = 89 + 2)', () => {
    const result = check(drugs);
    const wrong = figureAfter(result, '新增89种谈判药品，', '92');
    assert.equal(wrong.restated?.source.text, '89');
    assert.equal(wrong.restated.source.start, drugs.indexOf('谈判药转常规89') + '谈判药转常规'.length);
    assert.equal(wrong.state, 'disagrees');
    // Only the head of the words is shared (…调出目录): paired because the two agree, no finding possible.
    const out = figureAfter(result, '92种谈判药品转常规，', '2');
    assert.equal(out.restated?.source.start, drugs.indexOf('直接调出目录2') + '直接调出目录'.length);
    assert.equal(out.state, 'agrees');
    // 新增89种谈判药品 counts another thing than 谈判药转常规89种.
    assert.equal(figureAfter(result, '新增', '89').restated, null);
    assert.deepEqual(serious(result).map((f) => f.rule), ['repeated-count']);
  });

  it('不合格 is not 合格 with a character left out', () => {
    const result = check('绩效评级为“合格”的项目0个；绩效评级为“不合格”的项目0个。\n');
    assert.deepEqual(result.restated, []);
  });

  it('公务用车保有量 is part of the 国有资产 section’s 共有车辆: fewer agrees, more disagrees', () => {
    const text = (held: number) => `公务用车运行维护费支出 0.5 万元，公务用车保有量为 ${held} 辆。\n\n十二、国有资产占用情况说明\n\n截至 2024 年 12 月 31 日，本部门共有车辆 2 辆，其中，应急保障用车 2 辆。\n`;
    const fewer = check(text(1));
    const held = figureAfter(fewer, '保有量为 ', '1');
    assert.equal(held.restated?.relation, 'part');
    assert.equal(held.restated.source.text, '2');
    assert.equal(held.state, 'agrees');
    // `Should read` is not said of a part.
    assert.equal(held.computed, null);
    const more = check(text(3));
    assert.equal(figureAfter(more, '保有量为 ', '3').state, 'disagrees');
    assert.deepEqual(serious(more).map((f) => f.rule), ['vehicle-count']);
  });

  it('a 绩效 project’s funds in 万元 restate the 年初预算 in 元 of the item whose paragraph names the fund (001 L423, L553)', () => {
    const text = fixture('001_6a62bd9b783e40ec.txt');
    const result = check(text);
    const funds = figureAfter(result, '补助资金共计 ', '147');
    assert.equal(funds.link, null);
    assert.equal(funds.restated?.source.text, '1,470,000.00');
    assert.equal(funds.restated.source.unit, '元');
    assert.equal(lineOf(text, funds.restated.source.start), 423);
    assert.equal(funds.computed, '147');
    assert.equal(funds.state, 'agrees');
    // The 国有资产 section's 共有车辆 0 辆 (L491) for the 三公 section's 公务用车保有量为 0 辆 (L461).
    const held = figureAfter(result, '公务用车保有量为 ', '0');
    assert.equal(lineOf(text, held.figure.start), 461);
    assert.equal(lineOf(text, held.restated!.source.start), 491);
  });

  it('an amount that does not agree, or whose item does not name the fund, is not paired (the words alone are not certain)', () => {
    const item = (reason: string) => `五、一般公共预算财政拨款支出决算具体情况\n\n7. 卫生健康支出(类)医疗保障管理事务(款)其他医疗保障管理事务支出(项)年初预算为 1,470,000.00 元，支出决算为 2,473,866.60 元，完成年初预算的 168.29%，决算数大于预算数的主要原因是：${reason}。\n\n十、项目绩效自评报告\n\n3. 项目预算及资金来源\n\n西吉县 2024 年中央财政医疗保障与能力提升补助资金共计 `;
    const named = item('中央财政对医疗服务与保障能力提升补助资金较上年增加');
    assert.equal(figureAfter(check(`${named}147 万元。\n`), '资金共计 ', '147').restated?.source.text, '1,470,000.00');
    const other = check(`${named}148 万元。\n`);
    assert.equal(figureAfter(other, '资金共计 ', '148').restated, null);
    assert.deepEqual(serious(other), []);
    assert.equal(figureAfter(check(`${item('正常浮动')}147 万元。\n`), '资金共计 ', '147').restated, null);
  });
});

describe('document counts: what a count of the report’s parts counts', () => {
  it('000: 7 项部门项目支出…绩效自评 (L634) counts its seven 项目支出绩效自评表; 等7个项目 (L640) the seven quoted names', () => {
    const result = check(fixture('000_68829c0b624b4a3b.txt'));
    const forms = figureAfter(result, '2024 年度 ', '7');
    assert.equal(forms.counted?.items.length, 7);
    assert.equal(forms.counted.items[0]!.text, '医保业务能力提升');
    assert.equal(forms.state, 'agrees');
    const listed = figureAfter(result, '"医疗服务与保障能力提升补助资金"等', '7');
    assert.deepEqual(listed.counted?.items.map((i) => i.text), ['医保业务能力提升', '医保制度改革及政策调研', '药品耗材招标采购管理', '医药管理经费', '全省医保系统会议及培训经费', '商保公司经办服务', '医疗服务与保障能力提升补助资金']);
  });

  it('001: 4个一级指标、9个二级指标和38个三级指标 (L569) count the levels of the 绩效评价指标体系 (附件1)', () => {
    const result = check(fixture('001_6a62bd9b783e40ec.txt'));
    const one = figureAfter(result, '满意度指标', '4');
    assert.deepEqual(one.counted?.items.map((i) => i.text.replace(/\s*[(（]\d+分[)）]$/, '')), ['项目决策', '过程管理', '产出指标', '满意度指标']);
    assert.deepEqual(figureAfter(result, '一级指标、', '9').counted?.items.map((i) => i.text), ['决策依据', '决策过程', '绩效目标', '资金分配', '资金管理', '组织管理', '数量指标', '质量指标', '服务对象满意度']);
    const three = figureAfter(result, '二级指标和', '38');
    assert.equal(three.counted?.items.length, 38);
    assert.equal(three.counted.items[37]!.text, '参保人员对医保服务的满意度');
  });

  it('003: a list whose names hold a 、 and run across a page break (L617–619) is counted by its names; a count of 市级 projects is not of every form', () => {
    const result = check(fixture('003_a0c01ccc9db781f0.txt'));
    const listed = figureAfter(result, '建国前老党员财政医疗补贴项目等', '6');
    assert.equal(listed.counted?.items.length, 6);
    assert.equal(listed.counted.items[2]!.text, '2023年聊城市直离休、二乙以上伤残军人财拨医疗统筹金项目');
  });

  it('003: a count of a kind of project counts the projects the part on that kind lists; a grade, the 汇总表’s rows of those projects (L615, L621, 汇总表 L743–753)', () => {
    const result = check(fixture('003_a0c01ccc9db781f0.txt'));
    // `（二）市级预算项目绩效自评结果。` lists six projects (1.–6., L625–641), `（三）上级对地方转移支付…` two (L647, L649).
    const city = figureAfter(result, '其中，市级预算项目 ', '6');
    assert.deepEqual(city.counted?.items.map((i) => i.text), ['职工长期护理保险财政补助项目', '职工长期护理保险福彩公益金项目', '建国前老党员生活补助和医疗补贴市级资金项目', '医疗保障业务工作经费项目', '信息化建设项目', '聊城市直离休、二等乙级以上伤残军人财拨医疗统筹金项目']);
    assert.deepEqual(figureAfter(result, '上级对地方转移支付项目 ', '2').counted?.items.map((i) => i.text), ['医疗保障能力提升补助资金项目(上年结转)', '医疗保障能力提升补助资金项目']);
    // The paragraph opens with the part's title: its `对我局6个项目进行了绩效自评` counts the 市级 projects, not the eight forms attached.
    assert.equal(figureAfter(result, '对我局', '6').counted?.items.length, 6);
    // The 汇总表 grades eight projects, six 优 (3–8) and two 中 (1–2); of the six 市级 ones, four are 优 (3–6).
    const best = figureAfter(result, '6个项目中，', '4');
    assert.deepEqual(best.counted?.items.map((i) => i.text), ['建国前老党员生活补助和医疗补贴市级资金项目', '医疗保障业务经费项目', '信息化建设项目', '聊城市直离休、二等乙级以上伤残军人财拨医疗统筹金项目']);
    assert.equal(best.state, 'agrees');
    assert.equal(figureAfter(result, '自评等级为优，', '2').counted?.items.length, 2);
  });

  it('a count that differs is an information, never a warning', () => {
    const result = check('（二）项目绩效自评结果。本部门在 2024 年度部门决算中反映“甲项目”、“乙项目”等3个项目绩效自评结果。\n');
    const listed = figureAfter(result, '“乙项目”等', '3');
    assert.equal(listed.counted?.items.length, 2);
    assert.equal(listed.state, 'uncertain');
    assert.deepEqual(result.findings.filter((f) => f.rule === 'document-count').map((f) => f.severity), ['information']);
    assert.deepEqual(serious(result), []);
  });
});
