// One small crafted report per table layout: markdown (GFM), tab-separated, whitespace
// aligned (`pdftotext -layout`), space-separated, plus units and subject codes. Every
// expected value below is written by hand from the crafted text next to it.
import assert from 'node:assert/strict';
import { readReport, type Report } from '../../src/core/report';
import type { Table } from '../../src/core/tables/model';

/** A row as the tests write it: label, subject code, 行次, and each value cell with its shown decimals ('' when blank). */
interface RowView {
  label: string;
  code: string | null;
  lineNo: string | null;
  cells: string[];
}

const row = (label: string, code: string | null, cells: string[], lineNo: string | null = null): RowView => ({ label, code, lineNo, cells });

/** The rows of `table`, checking on the way that every figure's offsets cover its written text. */
function rows(text: string, table: Table): RowView[] {
  return table.rows.map((r) => ({
    label: r.label,
    code: r.code,
    lineNo: r.lineNo,
    cells: r.cells.map((c) => {
      const v = c.value;
      if (v.kind === 'blank') return '';
      if (v.kind !== 'number') return `${v.kind}:${c.text}`;
      assert.equal(text.slice(v.start, v.end), c.text, `offsets of ${c.text} in row ${r.label}`);
      return v.value.toFixed(v.style.decimals);
    }),
  }));
}

const columns = (table: Table) => table.columns.map((c) => ({ name: c.name, lineNo: c.lineNo }));

function tablesOf(text: string, count: number): { report: Report; tables: Table[] } {
  const report = readReport(text);
  const summary = report.tables.map((t) => `${t.format} ${t.code ?? ''} ${t.title ?? ''} (${t.rows.length} rows)`);
  assert.equal(report.tables.length, count, `expected ${count} table(s), got ${JSON.stringify(summary)}`);
  return { report, tables: report.tables };
}

const onlyTable = (text: string) => tablesOf(text, 1).tables[0]!;

function assertMeta(table: Table, code: string | null, title: string | null, unit: string | null, unitInherited: boolean) {
  assert.deepEqual(
    { code: table.code, title: table.title, unit: table.unit, unitInherited: table.unitInherited },
    { code, title, unit, unitInherited },
  );
}

describe('markdown (GFM pipe) tables', () => {
  const heading = ['### 收入决算表', '', '公开 02 表 单位:万元', ''];
  const firstPage = [
    '| 项目 | | 本年收入合计 | 其中 | |',
    '|---|---|---|---|---|',
    '| 科目编码 | 科目名称 | | 财政拨款收入 | 其他收入 |',
    '| 栏次 | | 1 | 2 | 3 |',
    '| &nbsp; | <b>合计</b> | 1,215.34 | 1,200.00 | 15.34 |',
    '| 208 | 社会保障&nbsp;和就业支出 | 300.00 | 290.00 | 10.00 |',
    '| 20805 | 行政事业单<br>位养老支出 | 300.00 | 290.00 | 10.00 |',
    '| 2080505 | 机关事业单位基本养老<br>保险缴费支出 | 200.00 | 195.00 | 5.00 |',
  ];
  // After the page break the table goes on without a header: its first row is data.
  const secondPage = [
    '| 2080506 | 机关事业单位职业年金缴费支出 | 100.00 | 95.00 | 5.00 |',
    '|---|---|---|---|---|',
    '| 221 | 住房保障支出 | 915.34 | 910.00 | 5.34 |',
  ];
  const expectedColumns = [
    { name: '本年收入合计', lineNo: '1' },
    { name: '其中 / 财政拨款收入', lineNo: '2' },
    { name: '其中 / 其他收入', lineNo: '3' },
  ];
  const firstRows = [
    row('合计', null, ['1215.34', '1200.00', '15.34']),
    row('社会保障和就业支出', '208', ['300.00', '290.00', '10.00']),
    row('行政事业单位养老支出', '20805', ['300.00', '290.00', '10.00']),
    row('机关事业单位基本养老保险缴费支出', '2080505', ['200.00', '195.00', '5.00']),
  ];
  const secondRows = [
    row('机关事业单位职业年金缴费支出', '2080506', ['100.00', '95.00', '5.00']),
    row('住房保障支出', '221', ['915.34', '910.00', '5.34']),
  ];

  it('reads code, title, unit, a two-level header with 栏次, and labels with <br>, <b> and &nbsp;', () => {
    const text = [...heading, ...firstPage, ''].join('\n');
    const table = onlyTable(text);
    assert.equal(table.format, 'markdown');
    assertMeta(table, '公开02表', '收入决算表', '万元', false);
    assert.equal(table.part, null);
    assert.deepEqual(columns(table), expectedColumns);
    assert.deepEqual(rows(text, table), firstRows);
  });

  it('gives each row its label offsets in the source', () => {
    const text = [...heading, ...firstPage, ''].join('\n');
    const labels = onlyTable(text).rows.map((r) => text.slice(r.labelStart, r.labelEnd));
    assert.deepEqual(labels, ['<b>合计</b>', '社会保障&nbsp;和就业支出', '行政事业单<br>位养老支出', '机关事业单位基本养老<br>保险缴费支出']);
  });

  const pageBreaks: [name: string, between: string[]][] = [
    ['a blank line', ['']],
    ['a page footer - 27 -', ['', '- 27 -', '']],
  ];
  for (const [name, between] of pageBreaks) {
    it(`joins a table split by ${name} into one table with all rows`, () => {
      const text = [...heading, ...firstPage, ...between, ...secondPage, ''].join('\n');
      const table = onlyTable(text);
      assertMeta(table, '公开02表', '收入决算表', '万元', false);
      assert.deepEqual(columns(table), expectedColumns);
      assert.deepEqual(rows(text, table), [...firstRows, ...secondRows]);
      assert.equal(table.end, text.lastIndexOf('5.34') + 4);
    });
  }

  it('reports a broken figure in a cell with where it sits', () => {
    const text = [
      '支出决算表',
      '公开 03 表 单位：万元',
      '',
      '| 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |',
      '|---|---|---|---|---|',
      '| 2080505 | 机关事业单位基本养老保险缴费支出 | 4,627.11 | 4.627.11 | 0.00 |',
      '| 2080506 | 机关事业单位职业年金缴费支出 | 100.00 | 100.00 | 0.00 |',
      '',
    ].join('\n');
    const { report, tables } = tablesOf(text, 1);
    assert.deepEqual(rows(text, tables[0]!), [
      row('机关事业单位基本养老保险缴费支出', '2080505', ['4627.11', 'malformed:4.627.11', '0.00']),
      row('机关事业单位职业年金缴费支出', '2080506', ['100.00', '100.00', '0.00']),
    ]);
    assert.equal(report.malformed.length, 1);
    const m = report.malformed[0]!;
    assert.equal(m.text, '4.627.11');
    assert.equal(text.slice(m.start, m.end), '4.627.11');
    assert.equal(m.start, text.indexOf('4.627.11'));
    assert.equal(m.where, '公开03表 · 2080505 机关事业单位基本养老保险缴费支出 · 基本支出');
  });
});

describe('tab-separated tables', () => {
  // Like the 01 table of test/fixtures/reports/001_*.txt: 收入 on the left, 支出 on the right.
  const text = [
    '收入支出决算总表',
    '',
    '公开 01 表',
    '',
    '部门：某某局',
    '',
    '金额单位：元',
    '',
    '收入\t\t\t支出\t\t',
    '项目\t行次\t决算数\t项目(按功能分类)\t行次\t决算数',
    '栏次\t\t1\t栏次\t\t2',
    '一、一般公共预算财政拨款收入\t1\t6,822,048.75\t一、一般公共服务支出\t6\t0.00',
    '二、其他收入\t2\t321,705.81\t二、社会保障和就业支出\t7\t751,463.15',
    '\t3\t\t三、卫生健康支出\t8\t6,392,291.41',
    '本年收入合计\t4\t7,143,754.56\t本年支出合计\t9\t7,143,754.56',
    '总计\t5\t7,143,754.56\t总计\t10\t7,143,754.56',
    '',
  ].join('\n');

  it('reads a side-by-side table as two parts, 收入 and 支出', () => {
    const { tables } = tablesOf(text, 2);
    const [income, spending] = tables as [Table, Table];
    for (const t of tables) {
      assert.equal(t.format, 'tab');
      assertMeta(t, '公开01表', '收入支出决算总表', '元', false);
    }
    assert.equal(income.part, '收入');
    assert.equal(spending.part, '支出');
    assert.deepEqual(columns(income), [{ name: '决算数', lineNo: '1' }]);
    assert.deepEqual(columns(spending), [{ name: '决算数', lineNo: '2' }]);
  });

  it('gives each part its own rows, labels and 行次', () => {
    const [income, spending] = tablesOf(text, 2).tables as [Table, Table];
    assert.deepEqual(rows(text, income), [
      row('一、一般公共预算财政拨款收入', null, ['6822048.75'], '1'),
      row('二、其他收入', null, ['321705.81'], '2'),
      row('', null, [''], '3'),
      row('本年收入合计', null, ['7143754.56'], '4'),
      row('总计', null, ['7143754.56'], '5'),
    ]);
    assert.deepEqual(rows(text, spending), [
      row('一、一般公共服务支出', null, ['0.00'], '6'),
      row('二、社会保障和就业支出', null, ['751463.15'], '7'),
      row('三、卫生健康支出', null, ['6392291.41'], '8'),
      row('本年支出合计', null, ['7143754.56'], '9'),
      row('总计', null, ['7143754.56'], '10'),
    ]);
  });

  it('puts each figure of a shared line under its own part’s label', () => {
    const [income, spending] = tablesOf(text, 2).tables as [Table, Table];
    const at = (t: Table, written: string) => t.rows.find((r) => r.cells.some((c) => c.value.kind === 'number' && text.slice(c.value.start, c.value.end) === written))?.label;
    assert.equal(at(income, '321,705.81'), '二、其他收入');
    assert.equal(at(spending, '751,463.15'), '二、社会保障和就业支出');
    assert.equal(at(income, '751,463.15'), undefined);
    assert.equal(at(spending, '321,705.81'), undefined);
  });
});

describe('whitespace-aligned tables (pdftotext -layout)', () => {
  // Columns by character position: code at 0, label at 11, figures right-aligned at 44, 58, 72.
  const top = [
    '                              支出决算表',
    '公开 03 表                                                  单位：万元',
    '科目编码       科目名称                       本年支出合计          基本支出          项目支出',
    '208        社会保障和就业支出                  300.00        300.00          0.00',
    '20805      行政事业单位养老支出                 300.00        300.00          0.00',
    '2080505    机关事业单位基本养老保险缴              200.00        200.00          0.00',
    '           费支出',
  ];
  const bottom = [
    '2080506    机关事业单位职业年金缴费支出             100.00        100.00          0.00',
    '221        住房保障支出                   1,215.34        915.34        300.00',
  ];
  const expectedRows = [
    row('社会保障和就业支出', '208', ['300.00', '300.00', '0.00']),
    row('行政事业单位养老支出', '20805', ['300.00', '300.00', '0.00']),
    row('机关事业单位基本养老保险缴费支出', '2080505', ['200.00', '200.00', '0.00']),
    row('机关事业单位职业年金缴费支出', '2080506', ['100.00', '100.00', '0.00']),
    row('住房保障支出', '221', ['1215.34', '915.34', '300.00']),
  ];

  function assertAligned(text: string) {
    const table = onlyTable(text);
    assert.equal(table.format, 'aligned');
    assertMeta(table, '公开03表', '支出决算表', '万元', false);
    assert.deepEqual(columns(table), [
      { name: '本年支出合计', lineNo: null },
      { name: '基本支出', lineNo: null },
      { name: '项目支出', lineNo: null },
    ]);
    assert.deepEqual(rows(text, table), expectedRows);
  }

  it('reads columns by position and joins a label wrapped onto the next line', () => {
    assertAligned([...top, ...bottom, ''].join('\n'));
  });

  it('reads through a page footer - 27 - between rows', () => {
    assertAligned([...top, '- 27 -', ...bottom, ''].join('\n'));
  });
});

describe('space-separated tables', () => {
  const text = [
    '收入支出决算总表',
    '公开 01 表 单位：万元',
    '',
    '一.一般公共预算拨款收入 1,215.34 一.一般公共服务支出 300.00',
    '',
    '二.其他收入 0.00 二.社会保障 和就业支出 915.34',
    '',
    '本年收入合计 1,215.34 本年支出合计 1,215.34',
    '',
  ].join('\n');

  it('splits lines of labels and figures into the left and right halves', () => {
    const { tables } = tablesOf(text, 2);
    const [left, right] = tables as [Table, Table];
    for (const t of tables) {
      assert.equal(t.format, 'spaced');
      assertMeta(t, '公开01表', '收入支出决算总表', '万元', false);
      assert.equal(t.columns.length, 1);
    }
    assert.deepEqual(rows(text, left), [
      row('一.一般公共预算拨款收入', null, ['1215.34']),
      row('二.其他收入', null, ['0.00']),
      row('本年收入合计', null, ['1215.34']),
    ]);
    assert.deepEqual(rows(text, right), [
      row('一.一般公共服务支出', null, ['300.00']),
      row('二.社会保障和就业支出', null, ['915.34']),
      row('本年支出合计', null, ['1215.34']),
    ]);
  });

  it('reads no figure inside the table as a prose figure', () => {
    const report = readReport(text);
    const inTable = report.figures.filter((f) => report.tables.some((t) => f.start >= t.start && f.end <= t.end));
    assert.deepEqual(inTable.map((f) => f.text), []);
  });
});

describe('prose that is not a table', () => {
  it('reads 本 年 收 入 合 计 2946.25 万 元 as one amount in 万元, not as a table', () => {
    const text = '本 年 收 入 合 计 2946.25 万 元\n';
    const report = readReport(text);
    assert.equal(report.tables.length, 0);
    assert.equal(report.figures.length, 1);
    const f = report.figures[0]!;
    assert.equal(f.value.toString(), '2946.25');
    assert.equal(f.kind, 'amount');
    assert.equal(f.unit, '万元');
    assert.equal(text.slice(f.start, f.end), '2946.25');
    assert.equal(text.slice(f.end, f.unitEnd), ' 万 元');
  });

  it('reads two lines of a paragraph with full-width commas, figures without units, as prose', () => {
    const text = '其中：基本支出 4917.44，项目支出 6812.10\n人员经费 4756.36，公用经费 161.08\n';
    const report = readReport(text);
    assert.equal(report.tables.length, 0, `read as ${report.tables.map((t) => t.format).join(', ')} table(s)`);
    assert.deepEqual(report.figures.map((f) => f.text), ['4917.44', '6812.10', '4756.36', '161.08']);
  });
});

describe('table units', () => {
  const table = [
    '| 项目 | 决算数 |',
    '|---|---|',
    '| 本年支出合计 | 11,729.54 |',
    '| 基本支出 | 4,917.44 |',
  ];
  // More than ten lines of narrative, so the report's unit line is not among the lines read for the table.
  const narrative = Array.from({ length: 12 }, (_, i) => `第${i + 1}项说明。`);

  it('a table with no unit line inherits the report’s unit', () => {
    const text = ['（金额单位：万元）', '', ...narrative.flatMap((l) => [l, '']), ...table, ''].join('\n');
    const report = readReport(text);
    assert.equal(report.unit, '万元');
    const t = onlyTable(text);
    assertMeta(t, null, null, '万元', true);
    assert.deepEqual(rows(text, t), [row('本年支出合计', null, ['11729.54']), row('基本支出', null, ['4917.44'])]);
  });

  it('a table with no unit line after one with 单位：元 inherits 元', () => {
    const text = ['公开 05 表', '单位：元', '', ...table, '', '说明。', '', ...table, ''].join('\n');
    const [first, second] = tablesOf(text, 2).tables as [Table, Table];
    assertMeta(first, '公开05表', null, '元', false);
    assertMeta(second, null, null, '元', true);
  });

  it('a report that states no unit leaves the table without one', () => {
    const text = [...table, ''].join('\n');
    assert.equal(readReport(text).unit, null);
    assertMeta(onlyTable(text), null, null, null, false);
  });
});

describe('subject codes', () => {
  it('reads function codes of 3, 5 and 7 digits (类, 款, 项)', () => {
    const text = [
      '一般公共预算财政拨款支出决算表',
      '公开 05 表 单位：万元',
      '',
      '| 科目编码 | 科目名称 | 决算数 |',
      '|---|---|---|',
      '| 208 | 社会保障和就业支出 | 300.00 |',
      '| 20805 | 行政事业单位养老支出 | 300.00 |',
      '| 2080505 | 机关事业单位基本养老保险缴费支出 | 300.00 |',
      '',
    ].join('\n');
    const table = onlyTable(text);
    assertMeta(table, '公开05表', '一般公共预算财政拨款支出决算表', '万元', false);
    assert.deepEqual(rows(text, table), [
      row('社会保障和就业支出', '208', ['300.00']),
      row('行政事业单位养老支出', '20805', ['300.00']),
      row('机关事业单位基本养老保险缴费支出', '2080505', ['300.00']),
    ]);
  });

  it('reads economic codes (301, 30101) and a code written at the start of the label cell', () => {
    const text = [
      '一般公共预算财政拨款基本支出决算表',
      '公开 06 表 单位：万元',
      '',
      '| 科目编码 | 科目名称 | 决算数 |',
      '|---|---|---|',
      '| 301 | 工资福利支出 | 4,756.36 |',
      '| 30101 | 基本工资 | 1,200.00 |',
      '| 30199 | 其他工资福利支出 | 3,556.36 |',
      '| 302 | 商品和服务支出 | 161.08 |',
      '| | 30201 办公费 | 161.08 |',
      '',
    ].join('\n');
    const table = onlyTable(text);
    assertMeta(table, '公开06表', '一般公共预算财政拨款基本支出决算表', '万元', false);
    assert.deepEqual(columns(table), [{ name: '决算数', lineNo: null }]);
    assert.deepEqual(rows(text, table), [
      row('工资福利支出', '301', ['4756.36']),
      row('基本工资', '30101', ['1200.00']),
      row('其他工资福利支出', '30199', ['3556.36']),
      row('商品和服务支出', '302', ['161.08']),
      row('办公费', '30201', ['161.08']),
    ]);
  });
});

describe('rows that look alike', () => {
  it('keeps sibling rows with different codes apart (not an OCR echo)', () => {
    const text = ['公开06表 单位：万元', '', '| 科目代码 | 科目名称 | 决算数 |', '|---|---|---|', '| 301 | 工资福利支出 | 500.00 |', '| 30101 | 基本工资 | 300.00 |', '| 30102 | 津贴补贴 | 200.00 |'].join('\n');
    const table = onlyTable(text);
    assert.deepEqual(rows(text, table).map((r) => [r.code, r.label, r.cells[0]]), [
      ['301', '工资福利支出', '500.00'],
      ['30101', '基本工资', '300.00'],
      ['30102', '津贴补贴', '200.00'],
    ]);
  });

  it('keeps a blank row that opens with an enumeration as a row of its own', () => {
    const text = ['公开01表 单位：万元', '', '| 项目 | 预算数 |', '|---|---|', '| 一、一般公共预算拨款收入 | 100.00 |', '| 二、政府性基金预算拨款收入 | |', '| 三、事业收入 | 5.00 |'].join('\n');
    assert.deepEqual(rows(text, onlyTable(text)).map((r) => [r.label, r.cells[0]]), [
      ['一、一般公共预算拨款收入', '100.00'],
      ['二、政府性基金预算拨款收入', ''],
      ['三、事业收入', '5.00'],
    ]);
  });

  it('fills a merged header only under its own parent', () => {
    // 运行维护费 spans nothing to its right: 公务接待费 has a parent of its own.
    const text = [
      '公开09表 单位：万元',
      '',
      '| 预算数 | | | |',
      '|---|---|---|---|',
      '| 合计 | 公务用车 | | 公务接待费 |',
      '| | 购置费 | 运行维护费 | |',
      '| 1 | 2 | 3 | 4 |',
      '| 5.00 | 1.00 | 3.00 | 1.00 |',
    ].join('\n');
    assert.deepEqual(columns(onlyTable(text)).map((c) => c.name), ['预算数 / 合计', '预算数 / 公务用车 / 购置费', '预算数 / 公务用车 / 运行维护费', '预算数 / 公务接待费']);
  });
});
