// 绩效自评表: what is read from them (OCR cuts mended only when the row's 执行率 confirms the
// figures), which project each is, and the prose of the 绩效 sections linked to its own
// project's table. Expected values are read by hand from the fixtures at the lines named.
import assert from 'node:assert/strict';
import { check } from '../../src/core/check';
import { shippedTemplates } from '../../src/core/identities';
import { readReport } from '../../src/core/report';
import { type FundColumn, type FundRow, type PerformanceTable, performanceTables } from '../../src/core/tables/performance';
import { fixture } from '../helpers';

const vocabulary = shippedTemplates().find((t) => t.id === 'juesuan-2024')!.performance!;
const tablesOf = (text: string) => performanceTables(readReport(text), vocabulary);
const value = (t: PerformanceTable, row: FundRow, column: FundColumn) => {
  const c = t.fundCell(row, column)?.cell.value;
  return c?.kind === 'number' ? c.value.toString() : null;
};
const funds = (t: PerformanceTable, row: FundRow) => (['initial', 'budget', 'actual', 'points', 'rate', 'score'] as const).map((c) => value(t, row, c));
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('绩效自评表: reading', () => {
  const text000 = fixture('000_68829c0b624b4a3b.txt');
  const tables000 = tablesOf(text000);
  const text003 = fixture('003_a0c01ccc9db781f0.txt');
  const tables003 = tablesOf(text003);

  it('000: seven project tables, named by their 项目名称 rows as OCR left them (L648 … L865)', () => {
    assert.deepEqual(
      tables000.map((t) => [lineOf(text000, t.start), t.project]),
      [
        [648, '医保业务能力提升'],
        [680, '医保制度改革及政策调研'],
        [716, '药品耗材招标采购管理'], // `药品耗材 | 招标采购管 | ·理`
        [751, '医药管理组经费'], // the OCR's 组 stays: matching names tolerates it
        [793, '全省医保护系统会议及培训经费'],
        [835, '商保公司组经办服务费'],
        [865, '医疗服务与保障能力提升补助资金(医疗体呆障服务能(力提升)'],
      ],
    );
  });

  it('000 L654–656: figures cut across cells are mended (`354 | . 93`, `271 | . 84`, `76. | 59`), each confirmed by its 执行率', () => {
    const [first] = tables000;
    // L654: 年度资金总额 354. 93 | 354 | . 93 | 271 | . 84 | 10. 00 | 76. | 59 | 5. 00 — 271.84 / 354.93 = 76.59%.
    assert.deepEqual(funds(first!, 'total'), ['354.93', '354.93', '271.84', '10', '76.59', '5']);
    // L655: 其中:财政拨款 280. 00 | 280 | . 00 | 196 | . 91 | 70. 32 — 196.91 / 280 = 70.325%, shown 70.32.
    assert.deepEqual(funds(first!, 'appropriation'), ['280', '280', '196.91', null, '70.32', null]);
    // L656: 上年结转资金 74. 93 | 74. | 93 | 74. | 93 | 100 | . 00.
    assert.deepEqual(funds(first!, 'carryover'), ['74.93', '74.93', '74.93', null, '100', null]);
    // A mended cell reads as the figure, for messages and hovers.
    assert.equal(first!.fundCell('total', 'budget')!.cell.text, '354.93');
    // L672: 总分 100 | 95. 00 — the score is the last figure, out of 100 (not 10095.00).
    assert.equal(first!.total!.cell.value.kind === 'number' && first!.total!.cell.value.value.toString(), '95');
  });

  it('000 L683/L687: the second table as printed (69. 73, 上年结转 4. 73)', () => {
    const second = tables000[1]!;
    assert.deepEqual(funds(second, 'total'), ['69.73', '69.73', '39.55', '10', '56.72', '0']);
    assert.equal(value(second, 'carryover', 'budget'), '4.73');
  });

  it('000 L839–840: a row no reading of which agrees with its 执行率 is left out, not guessed (`3802 | 2. 93`, `3793 | 1. 00`)', () => {
    const sixth = tables000[5]!;
    // L839's 分值 and 执行率 are lost in `数 分值 执行率(%) 得`: no reading fits, nothing is read.
    assert.deepEqual(funds(sixth, 'total'), [null, null, null, null, null, null]);
    // L840: 3791. 00 | 3793 | 1. 00 | 3759 | 9. 82 | 99. | 18 — 3759.82 / 37931.00 is not 99.18%.
    assert.deepEqual(funds(sixth, 'appropriation'), [null, null, null, null, null, null]);
    // L841 is whole: 11. 93 | 11. 93 | 11. 93 | 100.00.
    assert.deepEqual(funds(sixth, 'carryover'), ['11.93', '11.93', '11.93', null, '100', null]);
    // L855: 总分 94. 11.
    assert.equal(sixth.total!.cell.text, '94. 11');
  });

  it('a cut with the digit at it printed twice (`3802 | 2. 93`) is mended when the 执行率 decides between the readings', () => {
    const text = [
      '## 项目支出绩效自评表',
      '',
      '| 项目名称 | 测试项目 |',
      '|---|---|',
      '| | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |',
      '| 年度资金总额 | 3802. 93 | 3802 | 2. 93 | 377 | 1. 75 | 10.00 | 99. | 18 | 7.00 |',
    ].join('\n');
    const [t] = tablesOf(text);
    // 3771.75 / 3802.93 = 99.18%; 38022.93 (the cut read as one figure) would give 9.92%.
    assert.deepEqual(funds(t!, 'total'), ['3802.93', '3802.93', '3771.75', '10', '99.18', '7']);
  });

  it('003: nine tables (eight projects and the department, L759 … L1027), tab-separated, read cell by cell', () => {
    assert.deepEqual(
      tables003.map((t) => [lineOf(text003, t.start), t.kind, t.project]),
      [
        [759, 'project', '职工长期护理保险福彩公益金项目'],
        [790, 'project', '职工长期护理保险财政补助项目'],
        [820, 'project', '信息化建设项目'],
        [850, 'project', '医疗保障业务工作经费项目'],
        [880, 'project', '聊城市直离休二等乙级以上伤残军人财拨医疗统筹金项目'],
        [910, 'project', '建国前老党员生活补助和医疗补贴市级资金项目'],
        [942, 'project', '医疗保障能力'],
        [977, 'project', '医疗保障能力提升补助资金'],
        [1027, 'department', '部门预算整体绩效自评表'],
      ],
    );
    // L913: 年度资金总额 0 | 106.83 | 106.83 | 10 | 100.00% | 10.
    assert.deepEqual(funds(tables003[5]!, 'total'), ['0', '106.83', '106.83', '10', '100', '10']);
    // L945: 3.8 | 3.8 | 1.8 | 10 | 47.37% | 4.74; L969 总分 94.74.
    assert.deepEqual(funds(tables003[6]!, 'total'), ['3.8', '3.8', '1.8', '10', '47.37', '4.74']);
    assert.equal(tables003[6]!.total!.cell.text, '94.74');
    // L1028, the department's: 执行率 before 分值 (the second declared order): 2,984.80 / 3,685.77 = 80.98%.
    assert.deepEqual(funds(tables003[8]!, 'total'), ['2587.94', '3685.77', '2984.8', '10', '80.98', '8.1']);
  });

  it('003 L923/L934: indicators by name, with their 实际完成值 (172人, 99.54%)', () => {
    const party = tables003[5]!;
    const achieved = (name: string) => party.scores.rows.find((r) => r.label === name)?.cells.find((c) => c.column.name === '实际完成值')?.text;
    assert.equal(achieved('资金保障人员数量'), '172');
    assert.equal(achieved('补贴对象满意度'), '99.54%');
  });
});

describe('绩效自评表: the prose of each project linked to its own table', () => {
  const linksAt = (text: string, line: number) => check(text).links.filter((l) => lineOf(text, l.figure.start) === line);
  const findingsAt = (text: string, line: number) => check(text).findings.filter((f) => lineOf(text, f.start) === line && f.severity !== 'information');

  it('000 L644: 得分, 全年预算数, 当年安排, 上年结转 and 支出 restate table 1 (L648), all agreeing', () => {
    const text = fixture('000_68829c0b624b4a3b.txt');
    const links = linksAt(text, 644);
    assert.deepEqual(
      links.map((l) => [l.figure.text, l.row.label, l.cell.column.name, l.cell.text, l.agrees]),
      [
        ['95', '总分', '得分', '95. 00', true],
        ['354.93', '年度资金总额', '全年预算数', '354.93', true],
        ['280', '财政拨款', '全年预算数', '280.00', true],
        ['74.93', '上年结转资金', '全年预算数', '74.93', true],
        ['271.84', '年度资金总额', '全年执行数', '271.84', true],
      ],
    );
  });

  it('000 L676: 69.74 and 4.74 disagree with table 2 (69. 73, 4. 73: the shown intervals do not meet)', () => {
    const text = fixture('000_68829c0b624b4a3b.txt');
    const found = findingsAt(text, 676).filter((f) => f.rule === 'amount-mismatch');
    assert.deepEqual(found.map((f) => [text.slice(f.start, f.end), f.expected]), [['69.74', '69.73'], ['4.74', '4.73']]);
  });

  it('003 L637 with 执行数 159.22 typed as 162.99: the amount is wrong, the rate 79.61% (= 159.22 ÷ 200, the table’s) is not', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt').replace('执行数为 159.22 万元', '执行数为 162.99 万元');
    const found = findingsAt(text, 637);
    assert.deepEqual(found.map((f) => [f.rule, text.slice(f.start, f.end), f.expected]), [['amount-mismatch', '162.99', '159.22']]);
  });

  it('000 L745: the heading 医药管理经费 finds the table OCR named 医药管理组经费 (L751)', () => {
    const text = fixture('000_68829c0b624b4a3b.txt');
    const score = linksAt(text, 745).find((l) => l.figure.text === '95');
    assert.ok(score && score.table.title!.includes('医药管理组经费') && score.agrees);
  });

  it('000 L827: 项目自评得分95分 against 总分 94. 11 is a performance-mismatch; 当年安排3971 (its cell garbled) gets nothing', () => {
    const text = fixture('000_68829c0b624b4a3b.txt');
    const found = findingsAt(text, 827);
    assert.deepEqual(found.filter((f) => f.rule === 'performance-mismatch').map((f) => [text.slice(f.start, f.end), f.expected, f.fix]), [['95', '94. 11', null]]);
    assert.ok(!found.some((f) => f.rule === 'amount-mismatch'));
  });

  it('003 L647/L649: two projects named alike each find their own table (医疗保障能力 3.8, 医疗保障能力提升补助资金 908)', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    const carried = linksAt(text, 647).find((l) => l.figure.text === '94.74')!;
    assert.equal(carried.table.title, '预算项目支出绩效自评表（医疗保障能力）');
    assert.equal(carried.agrees, false); // 94.74 is the project's 总分, not its 全年预算数 3.8
    const current = linksAt(text, 649).find((l) => l.figure.text === '908')!;
    assert.equal(current.table.title, '预算项目支出绩效自评表（医疗保障能力提升补助资金）');
    assert.equal(current.agrees, true);
  });

  it('003 L631: 资金保障人员数量 172 人 agrees; 补贴对象满意度达到 95% is not the 实际完成值 99.54%', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    const links = linksAt(text, 631).filter((l) => l.figure.kind !== 'amount' && l.row.label !== '总分');
    assert.deepEqual(links.map((l) => [l.figure.text, l.row.label, l.cell.text, l.agrees]), [
      ['100', '资金保障比例', '100%', true],
      ['172', '资金保障人员数量', '172', true],
      ['95', '补贴对象满意度', '99.54%', false],
    ]);
    assert.deepEqual(findingsAt(text, 631).filter((f) => f.rule === 'performance-mismatch').map((f) => f.expected), ['99.54%']);
  });

  it('003 L657: the section on the department’s evaluation restates the 部门整体绩效自评表 总分 97.50', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    const score = linksAt(text, 657).find((l) => l.figure.text === '97.5')!;
    assert.equal(score.table.title, '部门预算整体绩效自评表');
    assert.equal(score.agrees, true);
  });

  it('003 L517: an item of the 05表 names a project by a short form (离休二乙医疗统筹金项目): 年初预算 108 and 据实申请资金 96 restate its table (L883: 108 | 108 | 96)', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    const links = linksAt(text, 517).filter((l) => l.table.identity === 'performance');
    assert.deepEqual(
      links.map((l) => [l.figure.text, l.table.title, l.cell.column.name, l.cell.text, l.agrees]),
      [
        ['108', '预算项目支出绩效自评表（聊城市直离休二等乙级以上伤残军人财拨医疗统筹金项目）', '年初预算数', '108', true],
        ['96', '预算项目支出绩效自评表（聊城市直离休二等乙级以上伤残军人财拨医疗统筹金项目）', '全年执行数', '96', true],
      ],
    );
    // 113.35 / 101.23 of the item's subject path are not the project's.
    assert.ok(!linksAt(text, 517).some((l) => l.table.identity === 'performance' && ['113.35', '101.23'].includes(l.figure.text)));
  });

  it('003 L529/L539: 年初预算为 0 / 270 of an item whose paragraph names one project (建国前老党员医疗补贴项目, 业务经费项目) restate its 年初预算数 (L913: 0, L853: 270); 支出决算 keeps its 05表 link', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    const at529 = linksAt(text, 529);
    assert.deepEqual(at529.filter((l) => l.table.identity === 'performance').map((l) => [l.figure.text, l.table.title, l.cell.column.name, l.agrees]), [['0', '预算项目支出绩效自评表（建国前老党员生活补助和医疗补贴市级资金项目）', '年初预算数', true]]);
    assert.ok(at529.some((l) => l.figure.text === '106.83' && l.table.identity !== 'performance' && l.agrees));
    const at539 = linksAt(text, 539).filter((l) => l.table.identity === 'performance');
    assert.deepEqual(at539.map((l) => [l.figure.text, l.cell.column.name, l.agrees]), [['270', '年初预算数', true]]);
  });

  it('003 L541: a paragraph that names two projects (信息化建设项目, 能力提升资金项目) links 年初预算为200 to neither', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    assert.ok(!linksAt(text, 541).some((l) => l.table.identity === 'performance'));
  });

  it('003 L641: 伤残军人共 27 人 is the indicator 破产、困难单位离休干部人数 27人 (L894); 实际人数 24 人 is none; 申请医疗统筹金 96 is the 全年执行数', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    const links = linksAt(text, 641).filter((l) => l.table.identity === 'performance');
    assert.deepEqual(
      links.map((l) => [l.figure.text, l.row.label, l.cell.column.name, l.agrees]),
      [
        ['27', '破产、困难单位离休干部人数', '实际完成值', true],
        ['108', '年度资金总额', '全年预算数', true],
        ['96', '年度资金总额', '全年执行数', true],
      ],
    );
  });

  it('000: the OCR fragments of the 绩效 tables are no malformed numbers; the broken figures of 02/03表 still are', () => {
    const text = fixture('000_68829c0b624b4a3b.txt');
    const malformed = check(text).findings.filter((f) => f.rule === 'malformed-number').map((f) => [lineOf(text, f.start), text.slice(f.start, f.end)]);
    assert.ok(!malformed.some(([line]) => (line as number) >= 646 && (line as number) <= 900));
    assert.ok(malformed.some(([line, s]) => line === 149 && s === '1.064.05'));
    assert.ok(malformed.some(([line, s]) => line === 171 && s === '0,987.78'));
  });
});

describe('绩效目标申报表 of a 部门预算: read from PDF text, a cell a line', () => {
  const yusuan = shippedTemplates().find((t) => t.id === 'yusuan-2024')!.performance!;
  const text = fixture('putuo-jianguanwei-2026-yusuan.txt');
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;

  it('L1360–1440: the project (L1362–1364), 年度资金申请总额 and 当年财政拨款 226,145,100.00 元 (L1383, L1387), the indicators with their values', () => {
    const [form, ...rest] = performanceTables(readReport(text), yusuan);
    assert.equal(rest.length, 0);
    // L1363–1364 `兰溪路-真南路下立交工` / `程`: joined, marks dropped as names are compared.
    assert.equal(form!.project, '兰溪路真南路下立交工程');
    assert.equal(form!.funds.unit, '元');
    // L1382–1383: `771,325,800.00 年度资金申请总额` / `226,145,100.00` — the first number is 项目资金总额's.
    assert.equal(form!.fundCell('total', 'budget')!.cell.text, '226,145,100.00');
    assert.equal(lineOf(form!.fundCell('total', 'budget')!.cell.start), 1383);
    assert.equal(form!.fundCell('appropriation', 'budget')!.cell.text, '226,145,100.00');
    assert.equal(form!.fundCell('total', 'actual'), null);
    assert.deepEqual(form!.scores.rows.map((r) => [r.label, r.cells[0]!.text]), [
      ['道路建设长度', '985米'],
      ['项目验收达标率', '=100.00(%)'],
      ['居民群众满意度', '≥90.00(%)'],
    ]);
  });

  it('L1356/L1340: the explanation under its title (L1338) links 预算安排22,614.51万元 to 年度资金申请总额, and 道路全长约985米 (approximate) to 道路建设长度 985米', () => {
    const links = check(text).links.filter((l) => l.table.identity === 'performance');
    assert.deepEqual(
      links.map((l) => [lineOf(l.figure.start), l.figure.text, l.row.label, l.cell.text, l.agrees]),
      [
        [1340, '985', '道路建设长度', '985米', true],
        [1356, '22,614.51', '年度资金申请总额', '226,145,100.00', true],
      ],
    );
  });
});

describe('a total row whose label OCR garbled', () => {
  it('000 L408: `人员组 | 圣费合计 | 4,756.36` after 301 1,548.59 and 303 3,207.77 is 人员经费合计; L590 人员经费 4756. 36 links to it', () => {
    const text = fixture('000_68829c0b624b4a3b.txt');
    const result = check(text);
    const staff = result.links.find((l) => lineOf(text, l.figure.start) === 590 && l.figure.text === '4756. 36');
    assert.ok(staff, 'linked');
    assert.equal(staff.row.label, '人员经费合计');
    assert.equal(lineOf(text, staff.row.start), 408);
    assert.equal(staff.agrees, true);
  });
});
