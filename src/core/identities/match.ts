// Finding a template's tables, rows and columns in a report, in the report's own words.
import type { Report } from '../report';
import type { Column, Row, Table } from '../tables/model';
import { halfWidth, labelKey } from '../text';
import type { ColumnSelector, RowSelector, TableDef, Template } from './schema';

const regexCache = new Map<string, RegExp>();
export function regex(source: string): RegExp {
  let r = regexCache.get(source);
  if (!r) regexCache.set(source, (r = new RegExp(source, 'u')));
  return r;
}

/**
 * The regex `make` builds around a template's pattern, looked up by the pattern itself: a
 * pattern asked for again and again (per row, per figure) is not rebuilt into a new string.
 */
export function regexAround(make: (source: string) => string): (source: string) => RegExp {
  const cache = new Map<string, RegExp>();
  return (source) => {
    let r = cache.get(source);
    if (!r) cache.set(source, (r = regex(make(source))));
    return r;
  };
}

const QUOTES = /[“”"'‘’「」]/g;

/** A label as templates match it: the same key prose and tables are matched by. */
export const normalLabel = labelKey;

export const normalTitle = (title: string) => halfWidth(title).replace(/\s+/g, '').replace(QUOTES, '');

const labelCache = new WeakMap<Row, string>();
export function rowLabel(row: Row): string {
  let s = labelCache.get(row);
  if (s === undefined) labelCache.set(row, (s = normalLabel(row.label)));
  return s;
}

/**
 * The report tables a template table stands for: one, or the bands of one printed side by side.
 * A table is known by its title; by its printed code only when it has no title (or the template
 * gives none), since numbering differs between reports.
 */
export function bindTable(report: Report, def: TableDef): Table[] {
  const named = (t: Table) =>
    def.title !== undefined && t.title !== null ? regex(def.title).test(normalTitle(t.title)) : def.code !== undefined && t.code !== null && regex(def.code).test(t.code);
  return report.tables.filter(
    (t) =>
      named(t) &&
      (def.part === undefined || (t.part !== null && regex(def.part).test(t.part))) &&
      (def.hasRow === undefined || t.rows.some((r) => regex(def.hasRow!).test(rowLabel(r)))),
  );
}

export function bindAll(report: Report, template: Template): Map<string, Table[]> {
  const out = new Map<string, Table[]>();
  for (const [name, def] of Object.entries(template.tables)) {
    const tables = bindTable(report, def);
    if (tables.length) out.set(name, tables);
  }
  return out;
}

export function rowMatches(row: Row, sel: RowSelector): boolean {
  if (typeof sel === 'string') return regex(sel).test(rowLabel(row));
  if (sel.label !== undefined && !regex(sel.label).test(rowLabel(row))) return false;
  if (sel.code !== undefined && (row.code === null || !regex(sel.code).test(row.code))) return false;
  return sel.label !== undefined || sel.code !== undefined;
}

/**
 * Header lines as the template matches them. A merged header cell is filled rightwards by the
 * reader; where the fill crosses into the next group (the line above changes) it is not the
 * column's header but its neighbour's, so it is dropped (三公 表: `公务接待费 / 公务用车运行维护费`).
 */
const headerCache = new WeakMap<Table, string[][]>();
export function headers(table: Table): string[][] {
  let out = headerCache.get(table);
  if (out) return out;
  const raw = table.columns.map((c) => c.path.map((p) => halfWidth(p).replace(/\s+/g, '').replace(QUOTES, '')));
  out = raw.map((path, i) => {
    const left = raw[i - 1];
    if (!left || table.columns[i - 1]!.index !== table.columns[i]!.index - 1) return path;
    const cut = path.findIndex((h, k) => k > 0 && h === left[k] && path[k - 1] !== left[k - 1]);
    return cut === -1 ? path : path.slice(0, cut);
  });
  headerCache.set(table, out);
  return out;
}

const patternsOf = (sel: ColumnSelector): string[] =>
  typeof sel === 'string' ? [sel] : Array.isArray(sel) ? sel : sel.header === undefined ? [] : typeof sel.header === 'string' ? [sel.header] : sel.header;

/** The column a selector names in `table`, or null. */
export function findColumn(table: Table, sel: ColumnSelector): Column | null {
  const patterns = patternsOf(sel).map(regex);
  const options = typeof sel === 'object' && !Array.isArray(sel) ? sel : {};
  const not = options.not === undefined ? null : regex(options.not);
  const hs = headers(table);
  const matches = (p: RegExp, path: string[]) => p.test(path.join('')) || path.some((h) => p.test(h));
  const found = patterns.length ? table.columns.filter((_, i) => patterns.every((p) => matches(p, hs[i]!)) && !(not && matches(not, hs[i]!))) : [];
  const lineNo = options.lineNo;
  if (found.length === 1) return found[0]!;
  const byLineNo = lineNo === undefined ? null : table.columns.find((c) => c.lineNo === lineNo) ?? null;
  if (found.length > 1) return found.find((c) => c === byLineNo) ?? found[0]!;
  return byLineNo;
}

/** The words that name a column: its header lines (as cleaned), the top ones first. */
export function columnWords(table: Table, column: Column): string[] {
  const i = table.columns.indexOf(column);
  return i === -1 ? column.path : headers(table)[i]!;
}

/** The same column in another band of a table: the same header, else the same position. */
export function sameColumn(from: Table, column: Column, to: Table): Column | null {
  if (from === to) return column;
  const words = columnWords(from, column).join('');
  return to.columns.find((c) => columnWords(to, c).join('') === words) ?? to.columns[from.columns.indexOf(column)] ?? null;
}

/** The decimals a table's figures are shown to: trailing zeros are often dropped (`6,812.1`). */
const precisionCache = new WeakMap<Table, number>();
export function tablePrecision(table: Table): number {
  let d = precisionCache.get(table);
  if (d !== undefined) return d;
  d = 0;
  for (const row of table.rows) for (const c of row.cells) if (c.value.kind === 'number') d = Math.max(d, Math.min(c.value.style.decimals, 6));
  precisionCache.set(table, d);
  return d;
}

