// The 部门预算 shape: text as a PDF library extracts it, one cell per line, tables in 元 and
// the narrative in 万元 (putuo-jianguanwei-2026-yusuan). Every figure below was read by hand in
// the report (the line is given); every conversion worked out in the comment.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/core/check';
import type { Link } from '../../src/core/links/link';
import type { Table } from '../../src/core/tables/model';
import { fixture } from '../helpers';

const NAME = 'putuo-jianguanwei-2026-yusuan.txt';

describe('tables of a 部门预算 with one cell per line (putuo-jianguanwei-2026-yusuan)', () => {
  const { report } = check(fixture(NAME));
  const named = report.tables.filter((t) => t.identity);
  const only = (id: string): Table => {
    const found = named.filter((t) => t.identity === id);
    assert.equal(found.length, 1, `${id}: ${found.length} tables`);
    return found[0]!;
  };
  /** The cells' texts of the row whose label (spaces removed) is `label`, or whose code is. */
  const row = (t: Table, label: string) => {
    const r = t.rows.find((r) => r.code === label || r.label.replace(/\s/g, '') === label);
    assert.ok(r, `no row ${label} in ${t.identity}: ${t.rows.map((r) => r.code ?? r.label).join(' | ')}`);
    return r.cells.map((c) => c.text);
  };
  const columns = (t: Table) => t.columns.map((c) => c.name);

  it('finds each standard table once, named by the 预算 template, in the report’s order', () => {
    assert.deepEqual(named.map((t) => t.identity), ['01-income', '01-expenditure', '02', '03', '04-income', '04-expenditure', '05', '08-funds', '09-capital', '06', '07-sangong']);
  });

  it('no table in the 目录 (lines 10–18: `1. 2026年部门财务收支预算总表 ……`)', () => {
    assert.ok(report.tables.every((t) => t.start > report.text.indexOf('七、项目经费情况说明')));
    assert.ok(!report.malformed.some((m) => m.text === '1.'));
  });

  it('部门财务收支预算总表: 8 income rows and 6 classes with their totals (lines 140–163)', () => {
    const income = only('01-income');
    const spending = only('01-expenditure');
    assert.equal(income.rows.length, 8);
    assert.equal(spending.rows.length, 7);
    assert.deepEqual(row(income, '一、财政拨款收入'), ['3,286,618,082.20']);
    assert.deepEqual(row(income, '3.国有资本经营预算'), ['0.00']);
    assert.deepEqual(row(income, '收入总计'), ['3,286,618,082.20']);
    assert.deepEqual(row(spending, '三、城乡社区支出'), ['3,182,716,265.16']);
    assert.deepEqual(row(spending, '支出总计'), ['3,286,618,082.20']);
  });

  it('部门收入预算总表 and 部门支出预算总表: 36 coded rows and 合计 each (lines 192–496, 510–739)', () => {
    const t02 = only('02');
    const t03 = only('03');
    assert.equal(t02.rows.length, 37);
    assert.equal(t03.rows.length, 37);
    assert.deepEqual(columns(t02), ['合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入']);
    assert.deepEqual(row(t02, '合计'), ['3,286,618,082.20', '3,286,618,082.20', '0.00', '0.00', '0.00']);
    assert.deepEqual(columns(t03), ['合计', '基本支出', '项目支出']);
    assert.deepEqual(row(t03, '合计'), ['3,286,618,082.20', '82,527,880.20', '3,204,090,202.00']);
    assert.deepEqual(row(t03, '2120803'), ['2,792,857,000.00', '0.00', '2,792,857,000.00']);
  });

  it('部门财政拨款收支预算总表: the income half has one column, the expenditure half four (lines 743–789)', () => {
    const income = only('04-income');
    const spending = only('04-expenditure');
    assert.deepEqual(columns(income), ['预算数']);
    assert.deepEqual(columns(spending), ['合计', '一般公共预算', '政府性基金预算', '国有资本经营预算']);
    // Lines 766–768: `三、国有资本经营预` / `算` (its blank dropped), then the other half's `三、城乡社区支出`.
    assert.deepEqual(income.rows.map((r) => r.label), ['一、一般公共预算', '二、政府性基金预算', '三、国有资本经营预算', '收入总计']);
    assert.deepEqual(row(income, '三、国有资本经营预算'), ['']);
    assert.deepEqual(row(income, '收入总计'), ['3,286,618,082.20']);
    assert.deepEqual(row(spending, '三、城乡社区支出'), ['3,182,716,265.16', '389,859,265.16', '2,792,857,000.00', '0.00']);
    // Line 789 prints three figures under four columns; the classes above add up to
    // 3,286,618,082.20 | 493,761,082.20 | 2,792,857,000.00 | 0: the blank is 国有资本经营预算.
    const total = spending.rows.find((r) => r.label === '支出总计')!;
    assert.deepEqual(total.cells.map((c) => c.text), ['3,286,618,082.20', '493,761,082.20', '2,792,857,000.00', '']);
    assert.equal(total.uncertain, false);
    assert.ok(income.rows.every((r) => !r.uncertain) && spending.rows.every((r) => !r.uncertain));
  });

  it('一般公共预算支出功能分类预算表: 34 coded rows and 合计; the header printed again on its next page is no row (lines 804–1034)', () => {
    const t05 = only('05');
    assert.equal(t05.rows.length, 35);
    assert.ok(t05.rows.every((r) => r.code || r.label === '合计'));
    assert.deepEqual(row(t05, '合计'), ['493,761,082.20', '82,527,880.20', '411,233,202.00']);
    // Lines 919–923, after the repeated header: 212 here is 一般公共预算 only.
    assert.deepEqual(row(t05, '212'), ['389,859,265.16', '56,865,583.16', '332,993,682.00']);
  });

  it('政府性基金 and 国有资本经营预算支出功能分类预算表: 3 coded rows and 合计; the empty one has none (lines 1049–1083)', () => {
    const funds = only('08-funds');
    assert.equal(funds.rows.length, 4);
    assert.deepEqual(row(funds, '合计'), ['2,792,857,000.00', '0.00', '2,792,857,000.00']);
    assert.equal(only('09-capital').rows.length, 0);
  });

  it('一般公共预算基本支出部门预算经济分类预算表: 32 coded rows and 合计 (lines 1097–1289)', () => {
    const t06 = only('06');
    assert.equal(t06.rows.length, 33);
    assert.deepEqual(row(t06, '合计'), ['82,527,880.20', '74,220,229.00', '8,307,651.20']);
    assert.deepEqual(row(t06, '30231'), ['422,400.00', '0.00', '422,400.00']);
  });

  it('“三公”经费和机关运行经费预算表 (万元): a header of merged cells, one per line, names its 7 columns (lines 1294–1310)', () => {
    const t = only('07-sangong');
    assert.equal(t.unit, '万元');
    assert.deepEqual(t.columns.map((c) => c.path.join('/')), [
      '“三公”经费预算数/合计',
      '“三公”经费预算数/因公出国(境)费',
      '“三公”经费预算数/公务接待费',
      '“三公”经费预算数/公务用车购置及运行费/小计',
      '“三公”经费预算数/公务用车购置及运行费/购置费',
      '“三公”经费预算数/公务用车购置及运行费/运行费',
      '机关运行经费预算数',
    ]);
    assert.equal(t.rows.length, 1);
    assert.deepEqual(t.rows[0]!.cells.map((c) => c.text), ['42.24', '0.00', '0.00', '42.24', '0.00', '42.24', '124.56']);
  });
});

describe('the narrative of a 部门预算 linked to its tables (putuo-jianguanwei-2026-yusuan)', () => {
  const text = fixture(NAME);
  const { links, findings } = check(text);
  /** The link of the figure `number` that follows `words` (the first occurrence of both). */
  const linkAt = (words: string, number: string): Link => {
    const at = text.indexOf(words);
    assert.ok(at >= 0, `no “${words}”`);
    const start = text.indexOf(number, at);
    const link = links.find((l) => l.figure.start === start);
    assert.ok(link, `${words} ${number} is not linked`);
    return link;
  };
  const where = (l: Link) => `${l.table.identity} ${l.row.code ?? l.row.label} ${l.cell.column.name}`;

  it('line 91: 收入预算 and 财政拨款收入 328,661 万元 are 收入总计 and 一、财政拨款收入 (3,286,618,082.20 元 = 328,661.81 万元 → 328,662): truncated, flagged, fixed to 328,662', () => {
    const total = linkAt('委员会收入预算', '328,661');
    assert.equal(where(total), '01-income 收入总计 预算数');
    const appropriation = linkAt('其中：财政拨款收入', '328,661');
    assert.equal(where(appropriation), '01-income 一、财政拨款收入 预算数');
    for (const l of [total, appropriation]) {
      assert.ok(l.strong && !l.agrees);
      const f = findings.find((f) => f.rule === 'amount-mismatch' && f.start === l.figure.start);
      assert.equal(f?.fix?.newText, '328,662');
    }
  });

  it('line 92: 事业收入, 事业单位经营收入 and 其他收入 0 万元 are their rows of 01表 (0.00)', () => {
    assert.equal(where(linkAt('事业收入0', '0')), '01-income 二、事业收入 预算数');
    assert.equal(where(linkAt('事业单位经营收入0', '0')), '01-income 三、事业单位经营收入 预算数');
    assert.equal(where(linkAt('其他收入0', '0')), '01-income 四、其他收入 预算数');
  });

  it('line 93: 支出预算 328,661 is 支出总计, 财政拨款支出预算 328,661 is 04表’s 支出总计 (both 328,661.81 → 328,662: flagged)', () => {
    const total = linkAt('支出预算328,661', '328,661');
    assert.equal(where(total), '01-expenditure 支出总计 预算数');
    const appropriation = linkAt('财政拨款支出预算328,661', '328,661');
    assert.equal(where(appropriation), '04-expenditure 支出总计 合计');
    assert.ok([total, appropriation].every((l) => l.strong && !l.agrees));
  });

  it('lines 93–95: 一般公共预算 49,376 (49,376.11), 政府性基金 279,285.70 and 国有资本经营 0 to their tables’ totals, agreeing', () => {
    const general = linkAt('一般公共预算拨\n款支出预算', '49,376');
    assert.equal(where(general), '05 合计 合计');
    const funds = linkAt('政府性基金拨款支出预算', '279,285.70');
    assert.equal(where(funds), '08-funds 合计 合计');
    // 09表 has no rows (本表无数据); 04表’s 国有资本经营预算 column is blank on 支出总计: zero.
    const capital = linkAt('本经营预算拨款支出预算', '0');
    assert.equal(where(capital), '04-expenditure 支出总计 国有资本经营预算');
    assert.ok([general, funds, capital].every((l) => l.agrees));
  });

  it('lines 98–129: each “…（项）” amount is its function row, in 元 (2080501 821,520.00 元 = 82.15 万元; 2120199 265,884,386.00 = 26,588.44)', () => {
    const retired = linkAt('行政单位离退休(项)”', '82.15');
    assert.equal(retired.row.code, '2080501');
    assert.equal(retired.cell.text, '821,520.00');
    const community = linkAt('其他城乡社区管理事务支出（项）”', '26,588.44');
    assert.equal(community.row.code, '2120199');
    assert.equal(community.cell.text, '265,884,386.00');
    // Line 123: 城市建设支出 is in the 政府性基金 table (and 03表), 2,792,857,000.00 元.
    const city = linkAt('城市建设支出（项）', '279,285.70');
    assert.equal(city.row.code, '2120803');
    const items = links.filter((l) => l.reason.startsWith('subject path'));
    assert.equal(items.length, 18);
    assert.ok(items.every((l) => l.agrees && l.strong));
  });

  it('line 98 as `（项）”预算数为82.15万元`: a role word names the first column of a table of budget figures (05表 has no 预算 column)', () => {
    const worded = text.replace('离退休(项)”82.15万元', '离退休(项)”预算数为82.15万元');
    const start = worded.indexOf('82.15', worded.indexOf('预算数为82.15'));
    const link = check(worded).links.find((l) => l.figure.start === start);
    assert.equal(link?.row.code, '2080501');
    assert.equal(link?.cell.text, '821,520.00');
    assert.ok(link?.agrees);
  });

  it('line 121: `3，518.85` (a full-width comma as the thousands separator) is malformed, read as 3,518.85', () => {
    const at = text.indexOf('3，518.85');
    const f = findings.find((f) => f.rule === 'malformed-number' && f.start === at);
    assert.ok(f);
    assert.match(f.message.en, /reads as 3,518\.85/);
    assert.match(f.message.zh, /3,518\.85/);
  });

  it('lines 1314–1321: the 三公 items and 机关运行经费 to their columns of the 万元 table (42.24, 0, 42.24, 0, 42.24, 0; 124.56)', () => {
    const column = (words: string, number: string) => linkAt(words, number).cell.column.path.slice(-1)[0];
    assert.equal(column('“三公”经费预算数为', '42.24'), '合计');
    assert.equal(column('因公出国（境）费0', '0'), '因公出国(境)费');
    assert.equal(column('公务用车购置及运行费42.24', '42.24'), '小计');
    assert.equal(column('公务用车购置费0', '0'), '购置费');
    assert.equal(column('公务用车运行费42.24', '42.24'), '运行费');
    assert.equal(column('（三）公务接待费0', '0'), '公务接待费');
    assert.equal(column('机关运行经费预算为', '124.56'), '机关运行经费预算数');
  });

  it('no other amount of the narrative is flagged', () => {
    const amounts = findings.filter((f) => f.rule === 'amount-mismatch').map((f) => text.slice(f.start, f.end));
    assert.deepEqual(amounts, ['328,661', '328,661', '328,661', '328,661']);
  });
});

describe('a full-width comma between figures', () => {
  const malformed = (sentence: string) => check(sentence).report.malformed.map((m) => m.text);

  it('as a thousands separator before a decimal part (1，234.56 万元) is malformed; as punctuation it is not', () => {
    assert.deepEqual(malformed('一、收入支出预算总体情况\n\n项目支出1，234.56万元。\n'), ['1，234.56']);
    // A clause break between two figures: not three digits after it, or no decimal part.
    assert.deepEqual(malformed('一、收入支出预算总体情况\n\n分别为3，15万元和12，6万元。\n'), []);
    assert.deepEqual(malformed('一、收入支出预算总体情况\n\n项目2，100个。\n'), []);
    // Full-width digits take a full-width separator.
    assert.deepEqual(malformed('一、收入支出预算总体情况\n\n项目支出１，２３４．５６万元。\n'), []);
  });
});

describe('the 预算 concepts on the national shape (crafted yusuan-2025.md, markdown, 万元)', () => {
  // The crafted tables with a 情况说明 in the national wording; every cell is in the file.
  const narrative = (item: string) => `
## 七、部门预算情况说明

### （一）收支预算总体情况

2025年收入预算总计1,200.00万元，其中：本年收入合计1,150.00万元，上年结转结余50.00万元。本年收入中，一般公共预算拨款收入1,000.00万元，事业收入150.00万元。支出预算总计1,200.00万元，其中：基本支出700.00万元，项目支出500.00万元。

### （二）财政拨款支出预算情况

2025年一般公共预算拨款支出预算1,000.00万元，主要用于：一般公共服务支出（类）人大事务（款）行政运行（项）150.00万元；卫生健康支出（类）医疗保障管理事务（款）信息化建设（项）${item}万元。人员经费560.00万元，公用经费90.00万元。

### （三）“三公”经费预算情况

2025年“三公”经费预算5.40万元，其中：因公出国（境）费0万元，公务用车购置及运行费3.10万元，公务接待费1.90万元。
`;
  const base = readFileSync(join(__dirname, '..', 'fixtures', 'crafted', 'yusuan-2025.md'), 'utf8');
  const linksOf = (item: string) => {
    const text = base + narrative(item);
    const result = check(text);
    const at = (words: string, number: string) => {
      const start = text.indexOf(number, text.indexOf(words, base.length));
      return result.links.find((l) => l.figure.start === start);
    };
    return { ...result, text, at };
  };
  const where = (l: Link | undefined) => l && `${l.table.identity} ${l.row.code ?? l.row.label} ${l.cell.column.name} ${l.cell.text}`;

  it('each standard figure to its cell: 收入总计, 本年收入合计, 上年结转结余, the income lines, 基本/项目支出, 人员/公用经费, the 三公 items', () => {
    const { at } = linksOf('300.00');
    assert.equal(where(at('收入预算总计', '1,200.00')), '01-income 收入总计 预算数 1,200.00');
    assert.equal(where(at('本年收入合计', '1,150.00')), '01-income 本年收入合计 预算数 1,150.00');
    assert.equal(where(at('上年结转结余', '50.00')), '01-income 上年结转结余 预算数 50.00');
    assert.equal(where(at('一般公共预算拨款收入', '1,000.00')), '01-income 一、一般公共预算拨款收入 预算数 1,000.00');
    assert.equal(where(at('事业收入', '150.00')), '01-income 三、事业收入 预算数 150.00');
    assert.equal(where(at('基本支出', '700.00')), '03 合计 基本支出 700.00');
    assert.equal(where(at('项目支出', '500.00')), '03 合计 项目支出 500.00');
    assert.equal(where(at('一般公共预算拨款支出预算', '1,000.00')), '05 合计 合计 1,000.00');
    assert.equal(where(at('人员经费', '560.00')), '06 合计 人员经费 560.00');
    assert.equal(where(at('公用经费', '90.00')), '06 合计 公用经费 90.00');
    assert.equal(where(at('“三公”经费预算', '5.40')), '07-sangong  合计 5.40');
    assert.equal(where(at('公务用车购置及运行费', '3.10')), '07-sangong  公务用车购置及运行费 / 小计 3.10');
    assert.equal(where(at('公务接待费', '1.90')), '07-sangong  公务接待费 1.90');
  });

  it('a （项） amount in a section that names no table: the table by code it agrees with (2101504: 03表 400.00, 05表 300.00)', () => {
    assert.equal(where(linksOf('300.00').at('信息化建设（项）', '300.00')), '05 2101504 合计 300.00');
    assert.equal(where(linksOf('400.00').at('信息化建设（项）', '400.00')), '03 2101504 合计 400.00');
  });

  it('one that agrees with neither table is not certain: no warning (the tables disagree on 2101504)', () => {
    const { at, findings, text } = linksOf('350.00');
    const link = at('信息化建设（项）', '350.00');
    assert.ok(link && !link.agrees && !link.strong);
    assert.ok(!findings.some((f) => f.severity === 'warning' && text.slice(f.start, f.end) === '350.00'));
  });
});
