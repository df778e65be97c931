// The standard sentences of a 部门决算 情况说明 that restate the 三公 table, 06表's totals, 04表's
// fund columns and the 项 of 05表, linked on every shape of text. Every expected cell was read
// by hand in the fixture's table (its line is given); line numbers are the fixture's.
import assert from 'node:assert/strict';
import { check } from '../../src/core/check';
import type { Link } from '../../src/core/links/link';
import { fixture } from '../helpers';

/** The link of the first figure written `number` after `anchor` in `text`. */
function linkAfter(links: Link[], text: string, anchor: string, number: string): Link | undefined {
  const at = text.indexOf(anchor);
  assert.ok(at >= 0, `no “${anchor}” in the text`);
  const start = text.indexOf(number, at);
  assert.ok(start >= 0, `no ${number} after “${anchor}”`);
  return links.find((l) => l.figure.start === start);
}

const where = (l: Link | undefined) => l && `${l.row.label} / ${l.cell.column.path.join('/')}`;

describe('links: the 三公 sentences on the 上海 shape (表七: one row per item, 预算数 / 决算数)', () => {
  // putuo-guihua L546 (`pdftotext -layout`): 合计 2.85 0.39 | 因公出国（境）费 0.00 0.00 | 小计 0.00
  // 0.00 | 购置费 0.00 0.00 | 运行维护费 0.00 0.00 | 公务接待费 2.85 0.39.
  const guihua = fixture('putuo-guihua-2024.layout.txt');
  const g = check(guihua).links;

  it('putuo-guihua L809–811: 年初预算为 2.85 → 合计 预算数; 支出决算 (cut over a blank line) 为 0.39 → 合计 决算数', () => {
    const budget = linkAfter(g, guihua, '“三公”经费财政拨款支出年初预算为', '2.85');
    assert.equal(where(budget), '合计 / 预算数');
    const actual = linkAfter(g, guihua, '算为 0.39 万元，完成预算的 13.68%', '0.39');
    assert.equal(where(actual), '合计 / 决算数');
    assert.ok(budget?.agrees && actual?.agrees);
  });

  it('putuo-guihua L813–817: each item’s 支出决算 → its row’s 决算数', () => {
    assert.equal(where(linkAfter(g, guihua, '其中：因公出国（境）费', '0.00')), '因公出国（境）费 / 决算数');
    assert.equal(where(linkAfter(g, guihua, '护费支出决算为', '0.00')), '公务用车购置及运行维护费/小计 / 决算数');
    assert.equal(where(linkAfter(g, guihua, '出决算为 0.39', '0.39')), '公务接待费 / 决算数');
  });

  it('putuo-guihua L851–861: 公务用车购置支出 / 运行维护支出 / 国内公务接待支出 0.39 万 (元 dropped)', () => {
    assert.equal(where(linkAfter(g, guihua, '公务用车购置支出为', '0.00')), '公务用车购置费 / 决算数');
    assert.equal(where(linkAfter(g, guihua, '公务用车运行维护支出', '0.00')), '公务用车运行维护费 / 决算数');
    const domestic = linkAfter(g, guihua, '国内公务接待支出', '0.39');
    assert.equal(domestic?.figure.unit, '万元');
    assert.equal(where(domestic), '公务接待费 / 决算数');
    assert.ok(domestic?.agrees);
  });

  // putuo-shengtai L355 (PDF library text): 合计 21.00 16.95 | 因公出国（境）费 0.00 0.00 | 小计
  // 20.50 16.95 | 购置费 0.00 0.00 | 运行维护费 20.50 16.95 | 公务接待费 0.50 0.00.
  const shengtai = fixture('putuo-shengtai-2025.txt');
  const s = check(shengtai).links;

  it('putuo-shengtai L519–520: 年初预算为 21.00 / 支出决算 (role word over the line) 为 16.95', () => {
    assert.equal(where(linkAfter(s, shengtai, '支出年初预算为', '21.00')), '合计 / 预算数');
    assert.equal(where(linkAfter(s, shengtai, '支出决算\n为', '16.95')), '合计 / 决算数');
  });

  it('putuo-shengtai L529: 公务接待费支出决算减少为 0.00 is the new amount (决算数 0.00), not a change nor the budget 0.50', () => {
    const l = linkAfter(s, shengtai, '公务接待费支出决算减少为', '0.00');
    assert.equal(where(l), '公务接待费 / 决算数');
    assert.ok(l?.agrees);
  });

  it('putuo-shengtai L535–545: 占 100.00% of 16.95, 运行维护支出 16.95, 国内公务接待支出 0.00 万', () => {
    assert.equal(where(linkAfter(s, shengtai, '公务用车购置及运行维护费支出决算\n', '16.95')), '公务用车购置及运行维护费/小计 / 决算数');
    assert.equal(where(linkAfter(s, shengtai, '公务用车运行维护支出', '16.95')), '公务用车运行维护费 / 决算数');
    assert.equal(where(linkAfter(s, shengtai, '国内公务接待支出', '0.00')), '公务接待费 / 决算数');
  });
});

describe('links: the 三公 sentences on a national table printed empty (001 公开07表, 元)', () => {
  it('001 L347–L350: header and column numbers 1–12, no row: one blank row, so L451/L459 0.00 元 restate its blank cells by role', () => {
    const text = fixture('001_6a62bd9b783e40ec.txt');
    const { links, report } = check(text);
    const table = report.tables.find((t) => t.code === '公开07表')!;
    assert.equal(table.rows.length, 1);
    assert.ok(table.rows[0]!.cells.every((c) => c.value.kind === 'blank'));
    const budget = linkAfter(links, text, '财政拨款支出预算为 0.00', '0.00');
    assert.match(budget!.cell.column.path.join('/'), /预算数\/合计$/);
    const abroad = linkAfter(links, text, '因公出国（境）费预算为 0.00 元，支出决算为', '0.00 元，完成');
    assert.match(abroad!.cell.column.path.join('/'), /决算数\/因公出国/);
    assert.ok(budget?.agrees && abroad?.agrees);
  });

  it('001 L457: 公务用车购置及运行费支出决 0.00 元 (决算 with its 算 dropped) is the 决算数 of 公务用车购置及运行维护费', () => {
    const text = fixture('001_6a62bd9b783e40ec.txt');
    const cars = linkAfter(check(text).links, text, '公务用车购置及运行费支出决 ', '0.00');
    assert.match(cars!.cell.column.path.join('/'), /决算数\/公务用车购置及运行维护费/);
  });
});

describe('links: 项 sentences whose subject path is before the figure’s paragraph', () => {
  const guihua = fixture('putuo-guihua-2024.layout.txt');
  const g = check(guihua).links;

  it('putuo-guihua L655–661: a path stopping at （款） goes on below the blank line (2080501 行政单位离退休 54.53)', () => {
    const l = linkAfter(g, guihua, '初预算为 54.53 万元，支出决算为', '54.53 万元，完成');
    assert.equal(l?.row.code, '2080501');
    assert.ok(l?.agrees);
  });

  it('putuo-guihua L763–769: `12、…住房公积金（项）。` then `主要用于：…支出决算为 289.59` (2210201)', () => {
    const l = linkAfter(g, guihua, '支出决算为 289.59', '289.59');
    assert.equal(l?.row.code, '2210201');
    assert.ok(l?.agrees);
    // 05表 here has no 预算 column: the 年初预算 figure is linked to nothing rather than to 决算.
    assert.equal(linkAfter(g, guihua, '住房公积金支出。年初预算为', '289.59'), undefined);
  });

  it('a paragraph that names its own subject does not take the item’s path (crafted 05表)', () => {
    const text = [
      '公开05表', '', '一般公共预算财政拨款支出决算表', '', '单位：万元', '',
      '| 科目编码 | 科目名称 | 合计 |', '|---|---|---|', '| 221 | 住房保障支出 | 10.00 |', '| 22102 | 住房改革支出 | 10.00 |', '| 2210201 | 住房公积金 | 10.00 |', '|  | 合计 | 10.00 |', '',
      '（三）一般公共预算财政拨款支出决算具体情况', '',
      '1、住房保障支出（类）住房改革支出（款）住房公积金（项）。', '',
      '主要用于：公积金。年初预算为 10.00 万元，支出决算为 10.00 万元。', '',
      '一般公共预算财政拨款支出年初预算为 12.00 万元，支出决算为 10.00 万元。', '',
    ].join('\n');
    const { links } = check(text);
    assert.equal(linkAfter(links, text, '支出决算为 10.00 万元。\n\n一般', '10.00')?.row.code, '2210201');
    const own = linkAfter(links, text, '12.00 万元，支出决算为 10.00', '10.00');
    assert.equal(own?.row.label, '合计');
  });

  it('putuo-shengtai L423–426: a 项 whose label the table cut short (`机关事业单位基本养老保险`, 2080505 229.67)', () => {
    const shengtai = fixture('putuo-shengtai-2025.txt');
    const l = linkAfter(check(shengtai).links, shengtai, '支出决算为 229.67', '229.67');
    assert.equal(l?.row.code, '2080505');
    assert.ok(l?.agrees);
  });
});

describe('links: 06表 totals, 04表 fund columns, section tables first', () => {
  it('003 L561: 公用经费 140.04 → 06表 公用经费合计 (L363: its figure in the third part’s amount column)', () => {
    const text = fixture('003_a0c01ccc9db781f0.txt');
    const l = linkAfter(check(text).links, text, '公用经费 140.04', '140.04');
    assert.equal(l?.table.code, '公开06表');
    assert.equal(l?.row.label, '公用经费合计');
    assert.ok(l?.agrees);
  });

  it('000 L590: 公用经费 161. 08 → 06表 公用经费合计 (L408, markdown)', () => {
    const text = fixture('000_68829c0b624b4a3b.txt');
    const l = linkAfter(check(text).links, text, '公用经费 161', '161');
    assert.equal(l?.row.label, '公用经费合计');
    assert.ok(l?.agrees);
  });

  it('001 L433 / L483: 公用经费 and 机关（事业）运行经费 303,612.50 → 06表 公用经费合计 (L335: a tab lost, the figure one column left)', () => {
    const text = fixture('001_6a62bd9b783e40ec.txt');
    const result = check(text);
    const office = linkAfter(result.links, text, '公用经费 303,612.50', '303,612.50');
    assert.equal(office?.table.code, '公开06表');
    assert.equal(office?.row.label, '公用经费合计');
    assert.ok(office?.agrees);
    const running = linkAfter(result.links, text, '机关（事业）运行经费支出 303,612.50', '303,612.50');
    assert.equal(running?.cell, office?.cell);
    // The row before keeps its own label (it was `其他支出303,612.50`).
    const t = result.report.tables.find((x) => x.code === '公开06表' && x.rows.some((r) => r.code === '3999'))!;
    assert.equal(t.rows.find((r) => r.code === '3999')?.label, '其他支出');
  });

  it('001 with 公用经费合计’s figure moved two columns left (into the code column): the row is uncertain and nothing links to it', () => {
    const line = '人员经费合计\t\t3,944,569.65\t公用经费合计\t\t\t\t303,612.50\t';
    const text = fixture('001_6a62bd9b783e40ec.txt').replace(line, '人员经费合计\t\t3,944,569.65\t公用经费合计\t\t\t303,612.50\t\t');
    assert.notEqual(text, fixture('001_6a62bd9b783e40ec.txt'));
    const result = check(text);
    const total = result.report.tables.flatMap((t) => t.rows).find((r) => r.label === '公用经费合计');
    assert.ok(total?.uncertain);
    assert.equal(linkAfter(result.links, text, '公用经费 303,612.50', '303,612.50'), undefined);
  });

  it('putuo: 公用经费合计 = 302 + the other classes, without 303 (对个人和家庭的补助 is 人员经费): no identity warning', () => {
    for (const name of ['putuo-shengtai-2025.txt', 'putuo-guihua-2024.layout.txt']) {
      const { findings } = check(fixture(name));
      assert.ok(!findings.some((f) => f.rule === 'table-identity' && /公用经费合计/.test(f.message.zh)), name);
    }
  });

  it('001 L467–475: 政府性基金 / 国有资本经营 本年收入, 本年支出, 年末结转和结余 → 04表 by row and column (L227 二、政府性基金预算财政拨款 0.00; L253 本年支出合计 and L255 年末财政拨款结转和结余, 0.00 in each fund column)', () => {
    const text = fixture('001_6a62bd9b783e40ec.txt');
    const { links } = check(text);
    const income = linkAfter(links, text, '政府性基金预算财政拨款本年收入', '0.00');
    assert.equal(income?.table.code, '公开04表');
    assert.equal(income?.row.label, '二、政府性基金预算财政拨款');
    const spending = linkAfter(links, text, '政府性基金预算财政拨款本年收入 0.00 元，本年支出', '0.00 元，年末');
    assert.equal(where(spending), '本年支出合计 / 决算数/政府性基金预算财政拨款');
    const carried = linkAfter(links, text, '年末结转和结余 0.00', '0.00');
    assert.equal(where(carried), '年末财政拨款结转和结余 / 决算数/政府性基金预算财政拨款');
    const state = linkAfter(links, text, '国有资本经营预算财政拨款本年收入 0.00 元，\n\n支出', '0.00 元，较');
    assert.equal(where(state), '本年支出合计 / 决算数/国有资本经营预算财政拨款');
  });

  it('000 L530: 上级补助收入 0 万元 under 二、收入决算情况说明 → 02表 合计, not 01表', () => {
    const text = fixture('000_68829c0b624b4a3b.txt');
    const l = linkAfter(check(text).links, text, '上级补助收入 0', '0');
    assert.equal(l?.table.code, '公开02表');
  });
});

describe('figures: 万 with its 元 dropped', () => {
  it('is an amount in a clause about money before a bracket or the clause’s end, not elsewhere', () => {
    const { report } = check('国内公务接待支出 0.39 万（含外宾接待支出 0.00 万元）。服务群众 3 万，满意。');
    const kinds = report.figures.map((f) => `${f.text}:${f.kind}:${f.unit}`);
    assert.deepEqual(kinds, ['0.39:amount:万元', '0.00:amount:万元', '3:other:null']);
  });
});

describe('parts-sum: which figure the finding is on', () => {
  it('000 L827: 3802.93 = 当年安排 3971 + 上年结转 11.93 fails; 3971 is 3791 (3802.93 − 11.93) with 9 and 7 swapped: on the part', () => {
    const text = fixture('000_68829c0b624b4a3b.txt');
    const { findings } = check(text);
    const part = text.indexOf('3971', text.indexOf('全年预算数为3802.93'));
    const total = text.indexOf('3802.93', text.indexOf('全年预算数为3802.93'));
    const onPart = findings.filter((f) => f.rule === 'parts-sum' && f.start === part);
    assert.equal(onPart.length, 1);
    assert.equal(onPart[0]!.expected, '3791');
    assert.ok(!findings.some((f) => f.rule === 'parts-sum' && f.start === total));
  });

  it('a total that no swap explains keeps the finding (100.00 ≠ 80 + 30)', () => {
    const text = '项目全年预算数为 100.00 万元，其中：当年安排 80 万元，上年结转 30 万元。';
    const sums = check(text).findings.filter((f) => f.rule === 'parts-sum');
    assert.equal(sums.length, 1);
    assert.equal(sums[0]!.start, text.indexOf('100.00'));
  });
});

describe('links: the 三公 统计数 block as OCR prints it in markdown (labels wrapped over rows)', () => {
  // 000 L454–464: `项目 | 统计数 | 项目 | 统计数`, then each label over two or three rows
  // (`因公出国` / `(境)团组数` / `(个)`), a blank count printed as nothing, a count on the
  // label's last row (`公务用车保 | ,` / `有量(辆) | 2`) or on both (`国内公务接 | 47` / `待人次(人) | 47`).
  const report = (prose: string) =>
    [
      '财政拨款"三公"经费支出决算表',
      '',
      '公开09表 单位:万元',
      '',
      '| 合计 | 因公出国(境)费用 | 公务接待费 |',
      '|---|---|---|',
      '| 0.6 |  | 0.6 |',
      '',
      '注:本表反映的预算数为财政拨款"三公"经费全年预算数。',
      '',
      '| 项目     | 统计数 | 项目     | 统计数 |',
      '|--------|-----|--------|-----|',
      '| 因公出国   |     | 因公出国   |     |',
      '| (境)团组数 |     | (境)人次数 |     |',
      '| (个)    |     | (人)    |     |',
      '| 公务用车购  |     | 公务用车保  | ,   |',
      '| 置数(辆)  |     | 有量(辆)  | 2   |',
      '| 国内公务接  |     | 国内公务接  | 47  |',
      '| 待批次(个) |     | 待人次(人) | 47  |',
      '',
      prose,
    ].join('\n');

  it('reads one row per item, its count from whichever of its rows holds it', () => {
    const tables = check(report('')).report.tables.filter((t) => t.columns[0]?.name === '统计数');
    const rows = tables.flatMap((t) => t.rows.map((r) => `${r.label}=${r.cells[0]!.text}`));
    assert.deepEqual(rows, ['因公出国(境)团组数(个)=', '公务用车购置数(辆)=', '国内公务接待批次(个)=', '因公出国(境)人次数(人)=', '公务用车保有量(辆)=2', '国内公务接待人次(人)=47']);
  });

  it('links each count to its cell; a blank count stands only for a stated 0', () => {
    const text = report('全年使用财政拨款安排因公出国(境)团组0个,0人次。公务用车保有量为 2 辆。其中:接待 47 人次。共有车辆 2 辆。');
    const { links, findings } = check(text);
    assert.equal(where(linkAfter(links, text, '安排因公出国(境)团组', '0')), '因公出国(境)团组数(个) / 统计数');
    assert.equal(where(linkAfter(links, text, '个,', '0')), '因公出国(境)人次数(人) / 统计数');
    assert.equal(where(linkAfter(links, text, '保有量为', '2')), '公务用车保有量(辆) / 统计数');
    assert.equal(where(linkAfter(links, text, '其中:接待', '47')), '国内公务接待人次(人) / 统计数');
    assert.equal(where(linkAfter(links, text, '共有车辆', '2')), '公务用车保有量(辆) / 统计数');
    assert.deepEqual(findings.filter((f) => f.rule === 'count-mismatch'), []);
    // 1 group against a blank: nothing is known (OCR may have lost it); 3 车辆 against 2 cars
    // held: 共有车辆 may count more than the 公务用车, so it only links when equal.
    const other = report('全年使用财政拨款安排因公出国(境)团组1个。共有车辆 3 辆。');
    const checked = check(other);
    assert.equal(linkAfter(checked.links, other, '安排因公出国(境)团组', '1'), undefined);
    assert.equal(linkAfter(checked.links, other, '共有车辆', '3'), undefined);
    assert.deepEqual(checked.findings.filter((f) => f.rule === 'count-mismatch'), []);
  });
});
