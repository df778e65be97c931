// What the reader makes of the tables of the text shapes: each standard table found once,
// named by the template, with its rows and the cells of its total rows. Every figure below
// was read by hand in the report (the line is given).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/core/check';
import type { Table } from '../../src/core/tables/model';
import { fixture } from '../helpers';

function tablesOf(name: string) {
  const { report } = check(fixture(name));
  const named = report.tables.filter((t) => t.identity);
  const byId = (id: string) => named.filter((t) => t.identity === id);
  /** The cells' texts of the row of `table` whose label is `label` (blank cells as ''). */
  const row = (t: Table, label: string) => {
    const r = t.rows.find((r) => r.label.replace(/\s/g, '') === label);
    assert.ok(r, `no row ${label} in ${t.identity}: ${t.rows.map((r) => r.label).join(' | ')}`);
    return r.cells.map((c) => c.text);
  };
  return { report, named, byId, row };
}

describe('tables of a report as a PDF library extracts it (putuo-shengtai-2025: single spaces, form feeds)', () => {
  const { named, byId, row } = tablesOf('putuo-shengtai-2025.txt');

  it('finds each standard table once (06 in its two halves), named, in the report’s order', () => {
    assert.deepEqual(named.map((t) => t.identity), ['01-income', '01-expenditure', '02', '03', '04-income', '04-expenditure', '05', '06', '06', '09-sangong', '07', '08']);
    assert.ok(named.every((t) => t.unit === '万元'));
  });

  it('收入支出决算总表: 8 income lines and 24 classes, with their totals (lines 93–120)', () => {
    const [income] = byId('01-income');
    const [spending] = byId('01-expenditure');
    assert.equal(income!.rows.length, 12);
    assert.equal(spending!.rows.length, 28);
    assert.deepEqual(row(income!, '本年收入合计'), ['4,733.14']);
    assert.deepEqual(row(income!, '总计'), ['4,733.14']);
    assert.deepEqual(row(spending!, '本年支出合计'), ['4,733.14']);
    assert.deepEqual(row(spending!, '十、节能环保支出'), ['3,742.47']);
  });

  it('收入决算表 and 支出决算表: 合计 and 31 coded rows each; a stray wrapped word is not a row (lines 130–204)', () => {
    const [t02] = byId('02');
    const [t03] = byId('03');
    assert.equal(t02!.rows.length, 32);
    assert.equal(t03!.rows.length, 32);
    assert.deepEqual(row(t02!, '合计'), ['4,733.14', '4,733.14', '0.00', '0.00', '0.00', '0.00', '0.00']);
    assert.deepEqual(row(t03!, '合计'), ['4,733.14', '3,365.38', '1,367.76', '0.00', '0.00', '0.00']);
  });

  it('一般公共预算财政拨款支出决算表: garbled wrapped labels keep their codes; 合计 as printed (1,367.75, lines 249–283)', () => {
    const [t05] = byId('05');
    assert.equal(t05!.rows.length, 32);
    assert.deepEqual(row(t05!, '合计'), ['4,733.14', '3,365.38', '1,367.75']);
    // Line 253–255: the code alone, the label interleaved with the next row's, then the figures.
    const pension = t05!.rows.find((r) => r.code === '2080506');
    assert.deepEqual(pension?.cells.map((c) => c.text), ['116.59', '116.59', '0.00']);
  });

  it('基本支出决算表: the two halves by economic code (301/303 | 302/310), split codes 301 01 read whole', () => {
    const [staff, office] = byId('06');
    assert.equal(staff!.rows.length, 28);
    assert.equal(office!.rows.length, 38);
    assert.deepEqual(row(staff!, '人员经费合计'), ['2,949.02']);
    assert.deepEqual(row(office!, '公用经费合计'), ['416.36']);
    assert.deepEqual(staff!.rows.find((r) => r.code === '30101')?.cells.map((c) => c.text), ['405.36']);
    assert.deepEqual(office!.rows.find((r) => r.code === '30201')?.cells.map((c) => c.text), ['92.11']);
  });

  it('the 三公 table’s one row of 预算数/决算数 pairs becomes a row per item (line 319)', () => {
    const [t] = byId('09-sangong');
    assert.equal(t!.rows.length, 6);
    assert.deepEqual(row(t!, '合计'), ['21.00', '16.95']);
    assert.deepEqual(row(t!, '公务接待费'), ['0.50', '0.00']);
  });

  it('an empty table (故本表无数据) is present and empty', () => {
    assert.deepEqual([...byId('07'), ...byId('08')].map((t) => t.rows.length), [0, 0]);
  });
});

describe('tables of pdftotext -layout text (putuo-guihua-2024: columns by position, no table codes)', () => {
  const { report, byId, row } = tablesOf('putuo-guihua-2024.layout.txt');

  it('收入支出决算总表 found by its title alone, both halves (lines 217–220)', () => {
    const [income] = byId('01-income');
    const [spending] = byId('01-expenditure');
    assert.deepEqual(row(income!, '本年收入合计'), ['9746.50']);
    assert.deepEqual(row(spending!, '本年支出合计'), ['9759.38']);
    assert.deepEqual(row(spending!, '总计'), ['9859.38']);
  });

  it('收入决算表 and 支出决算表: 合计 and 24 coded rows, wrapped labels joined, blank cells blank (lines 232, 289)', () => {
    assert.equal(byId('02')[0]!.rows.length, 25);
    assert.equal(byId('03')[0]!.rows.length, 25);
    assert.deepEqual(row(byId('02')[0]!, '合计'), ['9746.50', '9746.50', '', '', '', '', '']);
    assert.deepEqual(row(byId('03')[0]!, '合计'), ['9759.38', '5377.64', '4381.74', '', '', '']);
    assert.equal(byId('03')[0]!.rows.find((r) => r.code === '2080505')?.label.replace(/\s/g, ''), '机关事业单位基本养老保险缴费支出');
  });

  it('05, 06 and 三公 totals (lines 459, 533, 546)', () => {
    assert.deepEqual(row(byId('05')[0]!, '合计'), ['9746.50', '5364.75', '4381.74']);
    const [staff, office] = byId('06');
    assert.deepEqual(row(staff!, '人员经费合计'), ['4884.09']);
    assert.deepEqual(row(office!, '公用经费合计'), ['480.66']);
    assert.deepEqual(row(byId('09-sangong')[0]!, '合计'), ['2.85', '0.39']);
  });

  it('two adjacent columns are two cells, never one malformed number', () => {
    assert.deepEqual(report.malformed.filter((m) => /\d\s{2,}\d/.test(m.text)), []);
  });
});

describe('tables: the hard cases, crafted (test/fixtures/crafted/)', () => {
  const read = (name: string) => check(readFileSync(join(__dirname, '..', 'fixtures', 'crafted', name), 'utf8')).report.tables;
  const cells = (t: Table) => t.rows.map((r) => [r.code ?? r.label, ...r.cells.map((c) => c.text), ...(r.uncertain ? ['?'] : [])]);

  it('a blank cell dropped from single-space text: the row is uncertain, its figures kept in order', () => {
    const [t] = read('blank-cells.spaced.txt');
    assert.equal(t!.identity, '03');
    assert.deepEqual(cells(t!), [['合计', '150.00', '150.00', '0.00'], ['208', '100.00', '100.00', '0.00'], ['210', '50.00', '50.00', '', '?']]);
  });

  it('a ragged row with a figure too many is uncertain; the rest of the table reads on', () => {
    const [t] = read('ragged-row.spaced.txt');
    assert.equal(t!.identity, '05');
    assert.deepEqual(cells(t!).map((r) => r.at(-1) === '?'), [false, false, true, false]);
    assert.deepEqual(cells(t!)[3], ['合计', '180.00', '160.00', '20.00']);
  });

  it('a table continued after a page number and a repeated header is one table per half', () => {
    const tables = read('page-break.spaced.txt');
    assert.deepEqual(tables.map((t) => [t.identity, t.rows.length]), [['01-income', 4], ['01-expenditure', 5]]);
    assert.deepEqual(tables[1]!.rows.map((r) => r.label), ['一、一般公共服务支出', '二、教育支出', '三、科学技术支出', '本年支出合计', '总计']);
  });

  it('a header over three lines, a wrapped label, adjacent columns in layout text', () => {
    const [t] = read('split-header.layout.txt');
    assert.deepEqual(t!.columns.map((c) => c.name), ['本年支出合计', '基本支出', '项目支出', '对附属单位补助支出']);
    assert.deepEqual(cells(t!), [
      ['合计', '326.72', '326.72', '', ''],
      ['208', '326.72', '326.72', '0.00', ''],
      ['2080505', '26.72', '26.72', '0.00', ''],
      ['2080506', '300.00', '300.00', '0.00', ''],
    ]);
    assert.equal(t!.rows[2]!.label.replace(/\s/g, ''), '机关事业单位基本养老保险缴费支出');
  });
});
