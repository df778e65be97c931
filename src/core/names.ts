// Naming tables, rows, columns and cells in the report's own words, in both languages: the one
// place every message, hover and CLI line takes a place's name from.
import type { Message } from './finding';
import { columnWords } from './identities/match';
import type { CellRef } from './links/cells';
import type { Column, Row, Table } from './tables/model';

/** A table's name as its readers say it: `公开05表 一般公共预算财政拨款支出决算表`. */
export function tableName(t: Table): string {
  return [t.code, t.title, t.part ? `(${t.part})` : null].filter((s) => s).join(' ') || 'table';
}

/** A table printed in several bands (06表: 人员经费 | 公用经费) by its code and title alone. */
export function bandsName(bands: Table[]): string {
  const t = bands[0]!;
  return bands.length > 1 ? [t.code, t.title].filter((s) => s).join(' ') || tableName(t) : tableName(t);
}

export function rowName(table: Table, row: Row): Message {
  const label = row.label.trim();
  const named = [row.code, label].filter((s) => s).join(' ');
  if (named) return { zh: named, en: named };
  if (row.lineNo) return { zh: `第 ${row.lineNo} 行`, en: `line ${row.lineNo}` };
  const n = table.rows.indexOf(row) + 1;
  return { zh: `第 ${n} 行`, en: `row ${n}` };
}

/** A row as a cell's name says it: “名称”行, 第 n 行, or nothing in a table of one unnamed row. */
function rowPart(table: Table, row: Row): Message {
  if (row.label.trim() || row.code) {
    const n = rowName(table, row);
    return { zh: `“${n.zh}”行`, en: `row “${n.en}”` };
  }
  if (table.rows.length === 1) return { zh: '', en: '' };
  return rowName(table, row);
}

const GROUP_WORDS = /^(小计|合计|总计|金额)$/;

/**
 * A column by its lowest header line; where that is not unique in the table (三公 表: 合计 under
 * 预算数 and under 决算数), by its whole header and its 栏次.
 */
export function columnName(table: Table, column: Column): Message {
  const words = columnWords(table, column);
  const leaf = words[words.length - 1] ?? '';
  const unique = table.columns.filter((c) => {
    const w = columnWords(table, c);
    return w[w.length - 1] === leaf;
  }).length === 1;
  // A word every group of columns has (小计 under 本年支出) says little without its group.
  if (unique && leaf && !(GROUP_WORDS.test(leaf) && words.length > 1)) return { zh: leaf, en: leaf };
  const path = words.join(' / ') || `#${table.columns.indexOf(column) + 1}`;
  return column.lineNo ? { zh: `${path}（栏次 ${column.lineNo}）`, en: `${path} (column ${column.lineNo})` } : { zh: path, en: path };
}

/** `公开10表 机关运行经费支出情况表“302 商品和服务支出”行“机关运行经费支出决算数”列`. */
export function cellName(o: CellRef): Message {
  const row = rowPart(o.table, o.row);
  const col = columnName(o.table, o.cell.column);
  return {
    zh: `${tableName(o.table)}${row.zh}“${col.zh}”列`,
    en: [tableName(o.table), row.en, `column “${col.en}”`].filter((s) => s).join(', '),
  };
}

/** A cell named as briefly as its relation to `to` allows: no table, row or column said twice. */
export function cellNameFrom(o: CellRef, to: CellRef): Message {
  const row = rowPart(o.table, o.row);
  const col = columnName(o.table, o.cell.column);
  const sameTable = o.table === to.table;
  const sameRow = sameTable && o.row === to.row;
  const sameColumn = columnWords(o.table, o.cell.column).join('') === columnWords(to.table, to.cell.column).join('');
  if (sameRow || (sameTable && !row.zh)) return { zh: `“${col.zh}”列`, en: `column “${col.en}”` };
  if (sameTable && sameColumn) return row;
  if (sameTable) return { zh: `${row.zh}“${col.zh}”列`, en: `${row.en}, column “${col.en}”` };
  return cellName(o);
}

/** Where a row's subject code is written, for findings about codes. */
export function codeRange(text: string, row: Row): { start: number; end: number } {
  const at = row.code ? text.indexOf(row.code, row.start) : -1;
  return at !== -1 && at < row.end ? { start: at, end: at + row.code!.length } : { start: row.labelStart, end: Math.max(row.labelEnd, row.labelStart + 1) };
}
