// The shape every table reader produces, and the tables the rest of the engine reads.
import type { AmountUnit, CellValue } from '../number';

/** A cell as found in the source: offsets of its content (pipes and padding excluded). */
export interface RawCell {
  start: number;
  end: number;
}

export interface RawRow {
  cells: RawCell[];
  start: number;
  end: number;
}

/** Rows as a reader found them, before headers, columns and labels are worked out. */
export interface RawTable {
  format: 'markdown' | 'tab' | 'aligned' | 'spaced';
  rows: RawRow[];
  start: number;
  end: number;
}

export interface Column {
  /** Position in the source row. */
  index: number;
  /** Header texts from the top header row down, e.g. ['本年支出', '基本支出']. */
  path: string[];
  /** The path joined with ' / '. */
  name: string;
  /** The 栏次 number printed under the header, when there is one. */
  lineNo: string | null;
}

export interface Cell {
  column: Column;
  /** The cell's text as written, markup removed. */
  text: string;
  value: CellValue;
  start: number;
  end: number;
}

export interface Row {
  /** The row's label in the report's own words, joined across `<br>` and wrapped lines. */
  label: string;
  /** Subject code (功能分类 `2080505`, 经济分类 `30101`) when the row has one. */
  code: string | null;
  /** The 行次 number, when the table has that column. */
  lineNo: string | null;
  /** One cell per value column, in column order. */
  cells: Cell[];
  start: number;
  end: number;
  /** Offsets of the label text (first label cell), for navigation. */
  labelStart: number;
  labelEnd: number;
  /**
   * The row's figures could not all be placed in their columns (single-space text drops blank
   * cells): its cells are as read, in order, and no finding may rest on them.
   */
  uncertain: boolean;
}

export interface Table {
  /** `公开01表`, `部门公开表1`: the code printed near the table, spaces removed. */
  code: string | null;
  title: string | null;
  /**
   * What the table is: the id of the template's table it was bound to (`01-income`, `05`,
   * `09-sangong`), whether it was found by title or by code; null when no template table fits.
   */
  identity: string | null;
  /** The template's name for it (`收入支出决算总表（收入）`), when it gives one. */
  identityName: { zh: string; en: string } | null;
  /** The page it starts on (1 + form feeds before it), for text read from a PDF. */
  page: number | null;
  /** The amount unit stated for the table, or inherited from the report. */
  unit: AmountUnit | null;
  unitInherited: boolean;
  /** For side-by-side tables (01表: 收入 | 支出), which half this is. */
  part: string | null;
  format: RawTable['format'];
  columns: Column[];
  rows: Row[];
  start: number;
  end: number;
}
