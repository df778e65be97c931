// The report's cells as the linker sees them: rows by their label's key or subject path,
// columns by role, agreement within rounding, and an index of the number cells by value.
import type { Figure } from '../figures';
import { type Interval, sameValue, shown } from '../interval';
import { type AmountUnit, convert, convertedDecimals, Dec, isAmountUnit, YUAN_PER } from '../number';
import type { Cell, Row, Table } from '../tables/model';
import { firstAtLeast, labelKey, memoized } from '../text';

export interface CellRef {
  table: Table;
  row: Row;
  cell: Cell;
}

/** Words that vary between tables and prose for one and the same row. */
const SYNONYMS: [RegExp, string][] = [
  [/公务用车购置及运行费/g, '公务用车购置及运行维护费'],
  [/因公出国\(境\)费用/g, '因公出国(境)费'],
  [/^(包括|主要包括|主要用于)[:：]?/, ''],
];

/** A label reduced to what identifies a row: no spaces, numbering, markers, synonyms. */
export const rowKey = memoized((s: string): string => {
  let k = labelKey(s);
  for (const [re, to] of SYNONYMS) k = k.replace(re, to);
  return k;
});

/** The row a subject path names in `table`: its last name, under the right parents by code. */
export function rowByPath(table: Table, names: string[]): Row | null {
  const last = names[names.length - 1]!;
  const level = [3, 5, 7][names.length - 1]!;
  // `一般公共服务(类)支出`: the class named without its 支出.
  const candidates = table.rows.filter((r) => (rowKey(r.label) === last || (level === 3 && rowKey(r.label) === last + '支出')) && (!r.code || r.code.length === level));
  const byCode = new Map(table.rows.filter((r) => r.code).map((r) => [r.code!, r]));
  if (candidates.length === 0 && names.length > 1) return truncatedRow(table, names, byCode);
  if (candidates.length <= 1) return candidates[0] ?? null;
  return candidates.find((r) => names.slice(0, -1).every((n, i) => {
    const parent = r.code && byCode.get(r.code.slice(0, [3, 5][i]));
    return !parent || rowKey(parent.label) === n;
  })) ?? null;
}

/**
 * A label the table cut short (PDF extraction lost its wrapped end: `机关事业单位基本养老保险`
 * for …缴费支出): the one coded row under the named parent whose label begins the name.
 */
function truncatedRow(table: Table, names: string[], byCode: Map<string, Row>): Row | null {
  const last = names[names.length - 1]!;
  const parentLevel = [3, 5][names.length - 2]!;
  const found = table.rows.filter((r) => {
    const key = rowKey(r.label);
    const parent = r.code && byCode.get(r.code.slice(0, parentLevel));
    return r.code?.length === [3, 5, 7][names.length - 1] && key.length >= 6 && last.startsWith(key) && !!parent && rowKey(parent.label) === names[names.length - 2];
  });
  return found.length === 1 ? found[0]! : null;
}

/**
 * The 其他 项 (`2080599 其他行政事业单位养老支出`) of the 款 a path names, for a 项 the table does
 * not list: a local item or an old name is booked under its 款's 其他.
 */
export function otherItemRow(table: Table, names: string[]): Row | null {
  if (names.length !== 3) return null;
  const byCode = new Map(table.rows.filter((r) => r.code).map((r) => [r.code!, r]));
  return table.rows.find((r) => r.code?.length === 7 && r.code.endsWith('99') && rowKey(byCode.get(r.code.slice(0, 5))?.label ?? '') === names[1]) ?? null;
}

/**
 * The column a role names: 预算 → a budget column, or the first of a table of budget figures
 * (`部门支出预算总表`, `…功能分类预算表`: every figure is the budget); otherwise the first (the row's total).
 */
export function columnFor(table: Table, role: 'budget' | 'actual' | null): number {
  const names = table.columns.map((c) => c.path[c.path.length - 1] ?? '');
  if (role === 'budget') {
    const budget = names.findIndex((n) => /预算/.test(n));
    return budget >= 0 || !/预算总?表$/.test(table.title ?? '') || !table.columns.length ? budget : 0;
  }
  if (role === 'actual') {
    const i = names.findIndex((n) => /决算|小计|合计/.test(n));
    return i >= 0 ? i : table.columns.length ? 0 : -1;
  }
  return table.columns.length ? 0 : -1;
}

/** Does `figure` (in its unit) agree with `cell` (in the table's unit), allowing for rounding? */
export function agrees(figure: Figure, unit: AmountUnit, cell: Cell, tableUnit: AmountUnit): boolean {
  // A blank cell is an exact zero where a figure is expected.
  if (cell.value.kind === 'blank') return figure.value.isZero();
  if (cell.value.kind !== 'number') return false;
  return sameValue(cellRange(cell.value, tableUnit, unit), figure.value, figure.decimals);
}

/** Every value a number cell's shown digits allow, in `unit`. */
export function cellRange(value: Extract<Cell['value'], { kind: 'number' }>, tableUnit: AmountUnit, unit: AmountUnit): Interval {
  return shown(convert(value.value, tableUnit, unit), convertedDecimals(value.style.decimals, tableUnit, unit));
}

/** A number cell of the report with its value in 元, for finding the cells near a figure's value. */
interface ValuedCell extends CellRef {
  yuan: number;
  /** Half a unit of its last shown digit, in 元: how far rounding lets it stray. */
  half: number;
  /** Position of its table in the report, of its row in the table, of the cell in the row. */
  order: [number, number, number];
}

/**
 * The report's number cells sorted by value, so that finding the cell a figure agrees with
 * looks at the few cells near its value instead of every cell of the report (quadratic on a
 * file of many reports). Floats only narrow the search, with room to spare; `agrees` decides.
 */
export class CellsByValue {
  private readonly cells: ValuedCell[] = [];
  private widest = 0;

  constructor(tables: Table[]) {
    tables.forEach((table, t) => {
      const unit = table.unit;
      if (!unit) return;
      const factor = YUAN_PER[unit].toNumber();
      table.rows.forEach((row, r) =>
        row.cells.forEach((cell, c) => {
          if (cell.value.kind !== 'number') return;
          const half = 0.5 * 10 ** -cell.value.style.decimals * factor;
          this.cells.push({ table, row, cell, yuan: cell.value.value.toNumber() * factor, half, order: [t, r, c] });
          this.widest = Math.max(this.widest, half);
        }),
      );
    });
    this.cells.sort((a, b) => a.yuan - b.yuan);
  }

  /**
   * The first cell that `figure` agrees with, in the order: `first`'s table, the section's
   * tables, then the report's tables that have a code.
   */
  agreeing(figure: Figure, first: Table, sectionTables: Table[]): CellRef | null {
    if (!isAmountUnit(figure.unit)) return null;
    const unit = figure.unit;
    const yuan = figure.value.toNumber() * YUAN_PER[unit].toNumber();
    const figureHalf = 0.5 * 10 ** -figure.decimals * YUAN_PER[unit].toNumber();
    const slack = 1e-9 * Math.abs(yuan) + 1e-6;
    const rank = (c: ValuedCell): number => {
      if (c.table === first) return 0;
      const section = sectionTables.indexOf(c.table);
      return section >= 0 ? 1 + section : c.table.code ?? c.table.identity ? 1 + sectionTables.length + c.order[0] : -1;
    };
    let best: { cell: ValuedCell; rank: number } | null = null;
    for (let i = this.firstFrom(yuan - figureHalf - this.widest - slack); i < this.cells.length; i++) {
      const c = this.cells[i]!;
      if (c.yuan > yuan + figureHalf + this.widest + slack) break;
      if (Math.abs(c.yuan - yuan) > figureHalf + c.half + slack) continue;
      const r = rank(c);
      if (r < 0 || (best && (best.rank < r || (best.rank === r && before(best.cell, c))))) continue;
      if (agrees(figure, unit, c.cell, c.table.unit!)) best = { cell: c, rank: r };
    }
    return best && { table: best.cell.table, row: best.cell.row, cell: best.cell.cell };
  }

  /** The index of the first cell worth `yuan` or more. */
  private firstFrom(yuan: number): number {
    return firstAtLeast(this.cells, yuan, (c) => c.yuan);
  }

}

/** Whether `a` comes before `b` in their table (both in the same one). */
const before = (a: ValuedCell, b: ValuedCell) => a.order[1] < b.order[1] || (a.order[1] === b.order[1] && a.order[2] < b.order[2]);

/** Whether two cells hold the same amount (a blank is zero); cells of a table without a unit never do. */
export function sameAmount(a: CellRef, b: CellRef): boolean {
  const yuan = (r: CellRef) => (!r.table.unit ? null : r.cell.value.kind === 'number' ? convert(r.cell.value.value, r.table.unit, '元') : r.cell.value.kind === 'blank' ? new Dec(0) : null);
  const [x, y] = [yuan(a), yuan(b)];
  return x !== null && y !== null && x.eq(y);
}
