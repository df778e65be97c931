// The three real reports: tables found and cells read, each checked by hand against the file.
import assert from 'node:assert/strict';
import { readReport, type Report } from '../../src/core/report';
import { cell, fixture, row, table, value } from '../helpers';

const summary = (r: Report, code: string) =>
  r.tables.filter((t) => t.code === code).map((t) => [t.title, t.unit, t.part]);

describe('fixture 000 (青海省医疗保障局, markdown with OCR damage)', () => {
  const text = fixture('000_68829c0b624b4a3b.txt');
  const report = readReport(text);

  it('finds tables 公开01–11 with their titles and unit 万元', () => {
    assert.deepEqual(summary(report, '公开01表'), [
      ['收入支出决算总表', '万元', '收入'],
      ['收入支出决算总表', '万元', '支出'],
    ]);
    assert.deepEqual(summary(report, '公开02表'), [['收入决算表', '万元', null]]);
    assert.deepEqual(summary(report, '公开05表'), [['一般公共预算财政拨款支出决算表', '万元', null]]);
    assert.deepEqual(summary(report, '公开10表'), [['机关运行经费支出情况表', '万元', null]]);
    assert.deepEqual(summary(report, '公开11表'), [['政府采购支出情况表', '万元', null]]);
    const codes = new Set(report.tables.map((t) => t.code).filter((c) => c));
    for (let n = 1; n <= 11; n++) assert.ok(codes.has(`公开${String(n).padStart(2, '0')}表`), `公开${n}表`);
  });

  it('reads 公开01表: 总计 12,313.41 on both sides, 本年支出合计 11,729.54', () => {
    assert.equal(value(cell(table(report, '公开01表', '收入'), '总计')), '12313.41');
    assert.equal(value(cell(table(report, '公开01表', '支出'), '总计')), '12313.41');
    assert.equal(value(cell(table(report, '公开01表', '支出'), '本年支出合计')), '11729.54');
    // A label broken by <br> is joined: `一、一般公共预算财<br>政拨款收入`.
    assert.equal(value(cell(table(report, '公开01表', '收入'), '一、一般公共预算财政拨款收入')), '10656.73');
  });

  it('reads 公开03表 合计: 基本支出 4,917.44 and 项目支出 6,812.1 (one decimal shown)', () => {
    const t = table(report, '公开03表');
    const basic = cell(t, '合计', '基本支出');
    assert.equal(value(basic), '4917.44');
    assert.equal(text.slice(basic.start, basic.end), '4,917.44');
    const project = cell(t, '合计', '项目支出');
    assert.equal(value(project), '6812.1');
    assert.equal(project.value.kind === 'number' && project.value.style.decimals, 1);
  });

  it('reads 公开05表 row 2101504 信息化建设 44.5, across the page break', () => {
    const t = table(report, '公开05表');
    assert.equal(row(t, '2101504').label, '信息化建设');
    assert.equal(value(cell(t, '2101504', '小计')), '44.5');
    assert.equal(value(cell(t, '2101504', '项目支出')), '44.5');
    assert.equal(cell(t, '2101504', '基本支出').value.kind, 'blank');
    // Rows after the break belong to the same table, with the same columns.
    assert.equal(value(cell(t, '2210201', '基本支出')), '124.82');
  });

  it('joins labels wrapped across rows and folds OCR echo rows of 公开02表', () => {
    const t = table(report, '公开02表');
    assert.equal(row(t, '2080505').label, '机关事业单位基本养老保险缴费支出');
    assert.equal(row(t, '2080902').label, '军队移交政府的离退休人员安置');
    // `| 20000 | | 1.064.05 |` is a misread echo of `| 20809 | 退役安置 | 1,964.05 |`.
    assert.equal(value(cell(t, '20809', '本年收入合计')), '1964.05');
    assert.ok(!t.rows.some((r) => r.code === '20000'));
  });

  it('reports the OCR-damaged figures as malformed, with their offsets', () => {
    const damaged = report.malformed.filter((m) => m.text === '1.064.05');
    assert.equal(damaged.length, 2, 'both cells of the 20000 row');
    for (const m of damaged) {
      assert.equal(text.slice(m.start, m.end), '1.064.05');
      assert.match(m.where ?? '', /公开02表/);
    }
    assert.ok(report.malformed.some((m) => m.text === '0,987.78'));
    assert.ok(report.malformed.some((m) => m.text === '5.4/'));
    assert.ok(!report.malformed.some((m) => m.text === '1,964.05'));
  });
});

describe('fixture 001 (宁夏西吉县医疗保障局, tab-separated, unit 元)', () => {
  const text = fixture('001_6a62bd9b783e40ec.txt');
  const report = readReport(text);

  it('finds tables 公开01–09 in 元', () => {
    assert.deepEqual(summary(report, '公开01表'), [
      ['收入支出决算总表', '元', '收入'],
      ['收入支出决算总表', '元', '支出'],
    ]);
    assert.deepEqual(summary(report, '公开03表'), [['支出决算表', '元', null]]);
    assert.deepEqual(summary(report, '公开05表'), [['一般公共预算财政拨款支出决算表', '元', null]]);
    for (let n = 1; n <= 9; n++) assert.ok(report.tables.some((t) => t.code === `公开0${n}表`), `公开0${n}表`);
  });

  it('reads 公开01表 总计 7,289,400.60 and 本年收入合计 7,143,754.56', () => {
    const income = table(report, '公开01表', '收入');
    const total = cell(income, '总计');
    assert.equal(value(total), '7289400.6');
    assert.equal(text.slice(total.start, total.end), '7,289,400.60');
    assert.equal(value(cell(income, '本年收入合计')), '7143754.56');
    assert.equal(value(cell(table(report, '公开01表', '支出'), '本年支出合计')), '7258755.96');
  });

  it('reads 公开05表 row 2101599 其他医疗保障管理事务支出 2,473,866.60', () => {
    const t = table(report, '公开05表');
    assert.equal(row(t, '2101599').label, '其他医疗保障管理事务支出');
    assert.equal(value(cell(t, '2101599', '本年支出合计')), '2473866.6');
  });

  it('keeps rows after a page break in their columns (公开03表 221 住房保障支出)', () => {
    const t = table(report, '公开03表');
    assert.equal(row(t, '221').label, '住房保障支出');
    assert.equal(value(cell(t, '221', '本年支出合计')), '430180.6');
    assert.equal(value(cell(t, '221', '基本支出')), '430180.6');
  });

  it('keeps truncated subject codes as printed (208050 for 2080505)', () => {
    const codes = table(report, '公开02表').rows.map((r) => r.code);
    assert.ok(codes.includes('208050'));
  });
});

describe('fixture 003 (聊城市医疗保障局, markdown headings + tab tables)', () => {
  const report = readReport(fixture('003_a0c01ccc9db781f0.txt'));

  it('finds tables 公开01–09 in 万元', () => {
    assert.deepEqual(summary(report, '公开02表'), [['收入决算表', '万元', null]]);
    assert.deepEqual(summary(report, '公开09表'), [['财政拨款“三公”经费支出决算表', '万元', null]]);
    for (let n = 1; n <= 9; n++) assert.ok(report.tables.some((t) => t.code === `公开0${n}表`), `公开0${n}表`);
  });

  it('reads 公开01表 本年收入合计 2,984.80 (a label in <b>)', () => {
    assert.equal(value(cell(table(report, '公开01表', '收入'), '本年收入合计')), '2984.8');
  });

  it('drops the header repeated after a page break (公开02表 is one table)', () => {
    assert.equal(report.tables.filter((t) => t.code === '公开02表').length, 1);
    assert.equal(value(cell(table(report, '公开02表'), '2101504', '本年收入合计')), '605.47');
  });
});
