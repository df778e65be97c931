// Linking prose amounts to table cells, and the rules built on it: amount-mismatch,
// unit-mismatch, amount-unlinked, parts-sum, shares-sum, repeated-figure. Expected values
// are worked out by hand in the comments.
import assert from 'node:assert/strict';
import { check } from '../../src/core/check';
import { fixture } from '../helpers';

const findings = (text: string, rule: string) => check(text).findings.filter((f) => f.rule === rule);
const at = (text: string, f: { start: number; end: number }) => text.slice(f.start, f.end);

/** A 收入决算表 in 元 and the section that restates it. */
const incomeReport = (prose: string) =>
  [
    '收入决算表',
    '',
    '公开02表',
    '',
    '金额单位：元',
    '',
    '| 项目 | 本年收入合计 | 财政拨款收入 | 其他收入 |',
    '|---|---|---|---|',
    '| 合计 | 7,143,754.56 | 6,822,048.75 | 321,705.81 |',
    '',
    '二、收入决算情况说明',
    '',
    prose,
  ].join('\n');

describe('linking prose amounts to cells', () => {
  it('links by the column a label names, converting 元 tables to 万元 prose', () => {
    // 321,705.81 元 = 32.170581 万元, shown as 32.17.
    const text = incomeReport('本年收入合计 7,143,754.56 元，其中：财政拨款收入 6,822,048.75 元，占 95.50%；其他收入 32.17 万元，占 4.50%。');
    const { links, findings: all } = check(text);
    assert.deepEqual(links.map((l) => [l.figure.text, l.cell.text, l.agrees]), [
      ['7,143,754.56', '7,143,754.56', true],
      ['6,822,048.75', '6,822,048.75', true],
      ['32.17', '321,705.81', true],
    ]);
    // 32.17 万元 ÷ 7,143,754.56 元 = 4.503…% → 4.50%: shares compare across units too.
    const narrative = new Set(['amount-mismatch', 'unit-mismatch', 'share-mismatch', 'shares-sum', 'parts-sum']);
    assert.deepEqual(all.filter((f) => narrative.has(f.rule)), []);
  });

  it('amount-mismatch: a figure that disagrees with the cell its label names, with the right one as fix', () => {
    const text = incomeReport('本年收入合计 7,143,754.56 元，其中：财政拨款收入 6,822,084.75 元。');
    const [f, ...rest] = findings(text, 'amount-mismatch');
    assert.equal(rest.length, 0);
    assert.equal(at(text, f!), '6,822,084.75');
    assert.equal(f!.expected, '6,822,048.75');
    assert.equal(f!.fix?.newText, '6,822,048.75');
    assert.match(f!.message.zh, /公开02表 收入决算表“合计”行“财政拨款收入”列/);
    assert.equal(at(text, f!.related[0]!), '6,822,048.75');
  });

  it('unit-mismatch: the right digits under the wrong unit, fixed by the unit alone', () => {
    const text = incomeReport('本年收入合计 7,143,754.56 元，其中：其他收入 321,705.81 万元。');
    const [f] = findings(text, 'unit-mismatch');
    assert.equal(at(text, f!), '万元');
    assert.equal(f!.fix?.newText, '元');
    assert.deepEqual(findings(text, 'amount-mismatch'), []);
  });

  it('amount-unlinked: off by default (coverage, not a finding); turned on, an amount no cell could be found for, only when there are tables', () => {
    const text = incomeReport('本年收入合计 7,143,754.56 元。当年安排 280 万元。');
    assert.deepEqual(findings(text, 'amount-unlinked'), []);
    const on = (t: string) => check(t, { rules: { 'amount-unlinked': 'hint' } }).findings.filter((f) => f.rule === 'amount-unlinked');
    const [f] = on(text);
    assert.equal(at(text, f!), '280');
    assert.equal(f!.severity, 'hint');
    assert.deepEqual(on('当年安排 280 万元。'), []);
  });

  it('fixture 001: 收入总计 7,143,754.56 is 本年收入合计, not 总计 (7,289,400.60)', () => {
    const text = fixture('001_6a62bd9b783e40ec.txt');
    const list = findings(text, 'amount-mismatch');
    assert.equal(list.length, 1);
    const [f] = list;
    assert.equal(at(text, f!), '7,143,754.56');
    assert.equal(f!.expected, '7,289,400.60');
    assert.match(f!.message.zh, /本年收入合计/);
    assert.equal(f!.fix, null, 'the label may be what is wrong: no automatic fix');
    assert.deepEqual(f!.related.map((r) => at(text, r)), ['7,289,400.60', '7,143,754.56']);
  });

  it('fixture 003: 17.89 万元 "为…实际支出" is the budget; the 决算 of 事业单位离退休 is 17.14', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    // The other one, L647's 94.74 against its 绩效自评表, is performance.test.ts's.
    const list = findings(text, 'amount-mismatch');
    assert.deepEqual(list.map((x) => at(text, x)), ['17.89', '94.74']);
    const [f] = list;
    assert.equal(at(text, f!), '17.89');
    assert.ok(text.slice(f!.end, f!.end + 20).includes('实际支出'));
    assert.equal(f!.expected, '17.14');
    assert.match(f!.message.en, /budget stated above/);
  });

  it('links every completion paragraph of fixture 000 to its 公开05表 row by subject path', () => {
    const { links } = check(fixture('000_68829c0b624b4a3b.txt'));
    const byPath = links.filter((l) => l.reason.startsWith('subject path'));
    // The narrative's numbered items (counted in the file): 7 under 社会保障和就业支出, 11 under
    // 卫生健康支出, 1 under 住房保障支出 — 19 actuals, each linked by its (类)(款)(项) path; and
    // the three classes of the structure sentence (`社会保障和就业支出(类) 3225.70 万元`).
    assert.equal(byPath.length, 22);
    assert.ok(byPath.every((l) => l.agrees && l.table.code === '公开05表'));
    const classes = byPath.filter((l) => l.row.code?.length === 3).map((l) => `${l.row.code} ${l.figure.text}`);
    assert.deepEqual(classes, ['208 3225.70', '210 8379.02', '221 124.82']);
    const it = byPath.find((l) => l.figure.text === '44.5')!;
    assert.equal(it.row.code, '2101504');
  });
});

describe('parts-sum', () => {
  it('a complete split (当年安排 + 上年结转) that does not add up — fixture 000, 3802.93', () => {
    const text = fixture('000_68829c0b624b4a3b.txt');
    const list = findings(text, 'parts-sum');
    // 3971 + 11.93 = 3982.93 ≠ 3802.93, and 3802.93 − 11.93 = 3791 is 3971 with 9 and 7 swapped:
    // the finding is on the part. The seven projects' budgets
    // 354.93 + 69.74 + 42.68 + 5.05 + 52.65 + 3802.93 + 3140.13 = 7468.11 ≠ 7478.11 (stated twice);
    // their 上年结转 74.93 + 4.74 + 12.68 + 0.05 + 27.65 + 11.93 + 1590.13 = 1722.11 ≠ 1732.11.
    assert.deepEqual(list.map((f) => [at(text, f), f.expected]).sort(), [['1732.11', '1722.11'], ['3971', '3791'], ['7478.11', '7468.11'], ['7478.11', '7468.11']]);
    const counted = list.find((f) => at(text, f) === '7478.11')!;
    assert.equal(counted.related.length, 7);
  });

  it('passes when the parts add up within their rounding', () => {
    assert.deepEqual(findings('项目全年预算数为3982.93万元,当年安排3971万元,上年结转11.93万元。', 'parts-sum'), []);
    // 0.1 + 0.2 shown to one decimal may be anything in [0.25, 0.35): 0.3 is fine.
    assert.deepEqual(findings('经费 0.3 万元，其中：人员经费 0.1 万元，公用经费 0.2 万元。', 'parts-sum'), []);
  });

  it('parts after 其中 may be a subset, but may not exceed the total', () => {
    assert.deepEqual(findings('合计 100 万元，其中：培训费 30 万元。', 'parts-sum'), []);
    const text = '合计 100 万元，其中：培训费 80 万元，会议费 30 万元。';
    const [f] = findings(text, 'parts-sum');
    assert.equal(at(text, f!), '100');
    assert.equal(f!.expected, '110');
  });

  it('the 三公 parts must make up the total', () => {
    // 0 + 3.1 + 1.9 = 5.0, not 5.40 (the domain's example).
    const text = '"三公"经费预算数为 5.40 万元，其中：因公出国（境）费 0 万元，公务用车购置及运行费 3.1 万元，公务接待费 1.9 万元。';
    const [f] = findings(text, 'parts-sum');
    assert.equal(at(text, f!), '5.40');
    assert.equal(f!.expected, '5.00');
  });
});

describe('shares-sum', () => {
  it('shares of one whole cannot add up to more than 100%; a share that is itself wrong is reported on itself, not by the sum', () => {
    // 40 ÷ 100 = 40%, not 45%: share-mismatch on 45. The sum (105%) says nothing more, and
    // shares-sum would sit on the last share whichever is wrong (a right one, often).
    const text = '合计 100 万元，其中：培训费 60 万元，占 60%；会议费 40 万元，占 45%。';
    assert.deepEqual(findings(text, 'shares-sum'), []);
    const [f] = findings(text, 'share-mismatch');
    assert.equal(at(text, f!), '45');
    assert.equal(f!.expected, '40');
    assert.deepEqual(findings(text.replace('45%', '40%'), 'shares-sum'), []);
  });
});

describe('repeated-figure', () => {
  it('the same item stated with different amounts in two paragraphs of a section', () => {
    const text = ['九、"三公"经费支出情况说明', '', '公务接待费支出决算 21.35 万元，主要用于接待。', '', '其中：公务接待费支出决算 21.53 万元，全部为国内接待。'].join('\n');
    const [f] = findings(text, 'repeated-figure');
    assert.equal(at(text, f!), '21.53');
    assert.equal(at(text, f!.related[0]!), '21.35');
    assert.deepEqual(findings(text.replace('21.53', '21.35'), 'repeated-figure'), []);
  });
});

describe('linking: scope of totals and items a table does not list', () => {
  const table = (code: string, title: string, rows: string[]) => [`${title}`, '', code, '', '单位：万元', '', '| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |', '|---|---|---|---|---|', ...rows, ''];
  const report = (prose: string) =>
    [
      ...table('公开03表', '支出决算表', ['|  | 合计 | 5,390.53 | 5,377.64 | 12.89 |', '| 208 | 社会保障和就业支出 | 755.75 | 755.75 |  |']),
      ...table('公开05表', '一般公共预算财政拨款支出决算表', [
        '|  | 合计 | 5,364.75 | 5,364.75 |  |',
        '| 208 | 社会保障和就业支出 | 754.75 | 754.75 |  |',
        '| 20805 | 行政事业单位养老支出 | 754.75 | 754.75 |  |',
        '| 2080505 | 机关事业单位基本养老保险缴费支出 | 753.87 | 753.87 |  |',
        '| 2080599 | 其他行政事业单位养老支出 | 0.88 | 0.88 |  |',
      ]),
      prose,
    ].join('\n');

  it('a total is its own table’s: 03表’s 合计 (all funds) is not a candidate for 05表’s', () => {
    // 一般公共预算财政拨款基本支出 is 05表’s 合计 / 基本支出 = 5,364.75; 5,377.64 is 03表’s (all funds).
    const text = report('一般公共预算财政拨款基本支出 5377.64 万元。');
    const [f, ...rest] = findings(text, 'amount-mismatch');
    assert.equal(rest.length, 0);
    assert.equal(at(text, f!), '5377.64');
    assert.equal(f!.expected, '5364.75');
    assert.match(f!.message.zh, /与公开03表 支出决算表“合计”行“基本支出”列（5,377.64）一致，而非公开05表 一般公共预算财政拨款支出决算表的数/);
  });

  it('a 项 the table does not list is its 款’s 其他 项 — when the figure equals it, and then only as a link', () => {
    const item = (x: string) => report(`五、一般公共预算财政拨款支出决算情况说明\n\n社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费支出（项）。支出决算为 ${x} 万元。`);
    const linked = check(item('0.88')).links.find((l) => l.figure.text === '0.88');
    assert.equal(linked?.row.code, '2080599');
    assert.equal(linked?.strong, false);
    // 0.89 equals no cell of the 款: not linked, and nothing said.
    const other = check(item('0.89'));
    assert.equal(other.links.find((l) => l.figure.text === '0.89'), undefined);
    assert.deepEqual(other.findings.filter((f) => f.rule === 'amount-mismatch'), []);
  });

  it('a completion’s actual with no subject of its own is of its budget’s subject', () => {
    // `支出` names nothing; its budget is 项目支出预算, so it is 03表’s 合计 / 项目支出 = 12.89.
    // (12.89 ÷ 15.00 = 85.93%.)
    const text = report('根据预算绩效管理要求，2024 年共安排项目支出预算 15.00 万元。支出 12.89 万元，预算执行率 85.93%。');
    const link = check(text).links.find((l) => l.figure.text === '12.89');
    assert.equal(link?.table.code, '公开03表');
    assert.equal(link?.cell.column.name, '项目支出');
    assert.equal(link?.agrees, true);
  });
});
