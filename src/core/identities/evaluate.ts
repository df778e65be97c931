// Checks a template's identities on a report. Every figure is read exactly (decimal.js) with
// the precision it is shown to, and an identity is broken only when no values inside the
// figures' rounding make it hold: a sum of n figures shown to d decimals may miss its shown
// total by up to (n + 1) · ½ · 10⁻ᵈ. An identity that needs a cell that cannot be read, or a
// row the report does not have, is skipped, never reported as broken.
import type Decimal from 'decimal.js';
import { half, type Interval } from '../interval';
import { convert, Dec } from '../number';
import type { Report } from '../report';
import type { Cell, Column, Row, Table } from '../tables/model';
import { analyseCodes, type CodeAnalysis, childLength } from './codes';
import { bindAll, findColumn, normalLabel, regexAround, rowLabel, rowMatches, sameColumn, tablePrecision } from './match';
import type { ColumnSelector, Identity, Ref, RowSelector, Template } from './schema';

/** One cell an identity reads. */
export interface Operand {
  /** The template's name for the table. */
  key: string;
  table: Table;
  row: Row;
  column: Column;
  cell: Cell;
  minus: boolean;
}

/** One instance of an identity: a total and its parts, on given rows and columns. */
export interface Instance {
  identity: Identity;
  total: Operand;
  parts: Operand[];
  /** How the parts were chosen, for messages: listed, or the rows one code level below. */
  via: 'parts' | 'children' | 'classes';
}

export interface Checked extends Instance {
  holds: boolean;
  /** The total, and the signed sum of the parts, in the total's unit. */
  totalValue: Decimal;
  sum: Decimal;
  difference: Decimal;
  /** How far rounding lets the two sides drift apart: the half-units of every figure added. */
  tolerance: Decimal;
  totalRange: Interval;
  partsRange: Interval;
  /** The decimals the total is shown to (its table's precision when that is finer). */
  decimals: number;
}

export type SkipReason =
  | { kind: 'unreadable'; cells: Operand[] }
  /** Cells of rows whose figures the reader could not place in columns for certain. */
  | { kind: 'uncertain'; cells: Operand[] }
  | { kind: 'blank'; cells: Operand[] }
  | { kind: 'missing'; what: 'table' | 'row' | 'column'; key: string; required: boolean }
  | { kind: 'codes'; key: string; code: string; why: 'truncated' | 'unknown' | 'duplicate' | 'missing' };

export interface Skipped {
  identity: Identity;
  reason: SkipReason;
  /** The instance as far as it was found (for unreadable and blank cells). */
  instance: Instance | null;
}

export interface Evaluation {
  template: Template;
  /** The report tables each template table stands for. */
  tables: Map<string, Table[]>;
  checked: Checked[];
  skipped: Skipped[];
  /** Subject-code analysis of each template table with a code scheme. */
  codes: Map<string, CodeAnalysis>;
  /** Template tables marked `required` that the report lacks. */
  missingTables: string[];
}

/** The column an identity is being checked in: a Column of some table, or a selector. */
type ColumnScope = { table: Table; column: Column } | { selector: ColumnSelector };
interface Scope {
  row?: { table: Table; row: Row };
  column?: ColumnScope;
}

type Resolved = { ok: true; operands: Operand[] } | { ok: false; reason: SkipReason };

export function evaluate(report: Report, template: Template): Evaluation {
  const tables = bindAll(report, template);
  const out: Evaluation = { template, tables, checked: [], skipped: [], codes: new Map(), missingTables: [] };
  for (const [key, def] of Object.entries(template.tables)) if (def.required && !tables.has(key)) out.missingTables.push(key);
  for (const [key, def] of Object.entries(template.tables)) {
    const scheme = def.codes ? template.codes[def.codes] : undefined;
    const bound = tables.get(key);
    if (scheme && bound) out.codes.set(key, analyseCodes(bound, scheme, def.allItems ?? false));
  }
  const ev = new Evaluator(template, tables, out);
  for (const identity of template.identities) {
    if (identity.kind === 'hierarchy') ev.hierarchy(identity);
    else if (identity.kind === 'classes') ev.classes(identity);
    else ev.sum(identity, identity.kind === 'sum' ? identity.total : identity.left, identity.kind === 'sum' ? identity.parts : [identity.right]);
  }
  return out;
}

class Evaluator {
  constructor(
    private readonly template: Template,
    private readonly tables: Map<string, Table[]>,
    private readonly out: Evaluation,
  ) {}

  private blankIsZero(key: string): boolean {
    return (this.template.tables[key]?.blank ?? this.template.blank) === 'zero';
  }

  // ---- sum and equal: listed parts, optionally repeated over rows and columns ----

  sum(identity: Extract<Identity, { kind: 'sum' | 'equal' }>, total: Ref, parts: Ref[]) {
    const homeKey = identity.table ?? total.table!;
    const home = this.tables.get(homeKey);
    const rowScopes: Scope['row'][] = [];
    if (!identity.each?.rows) rowScopes.push(undefined);
    else if (home) {
      const sel = identity.each.rows;
      for (const table of home) for (const row of table.rows) if (sel === 'all' || rowMatches(row, sel)) rowScopes.push({ table, row });
    } else return this.skip(identity, { kind: 'missing', what: 'table', key: homeKey, required: false });

    for (const row of rowScopes) {
      for (const column of columnScopes(identity.each?.columns, row?.table ?? home?.[0])) this.instance(identity, { row, column }, total, parts, 'parts');
    }
  }

  private instance(identity: Identity, scope: Scope, totalRef: Ref, partRefs: Ref[], via: Instance['via']) {
    const total = this.resolve(identity, totalRef, scope);
    if (!total.ok) return this.skip(identity, total.reason);
    const parts: Operand[] = [];
    for (const ref of partRefs) {
      const r = this.resolve(identity, ref, scope);
      if (!r.ok) {
        if (ref.optional && r.reason.kind === 'missing' && r.reason.what !== 'table') continue;
        return this.skip(identity, r.reason);
      }
      parts.push(...r.operands);
    }
    // Every part optional and none there: nothing to add up, which says nothing about the total.
    if (parts.length === 0) return this.skip(identity, { kind: 'missing', what: 'row', key: total.operands[0]!.key, required: false });
    this.compute({ identity, total: total.operands[0]!, parts, via });
  }

  /** The cells a reference names in the current scope. */
  private resolve(identity: Identity, ref: Ref, scope: Scope): Resolved {
    const key = ref.table ?? ('table' in identity && identity.table ? identity.table : '');
    const bands = this.tables.get(key);
    const missing = (what: 'table' | 'row' | 'column', required = false): Resolved => ({ ok: false, reason: { kind: 'missing', what, key, required } });
    if (!bands) return missing('table');

    let rows: { table: Table; row: Row }[];
    if (ref.row) rows = firstRow(bands, ref.row);
    else if (ref.rows) rows = bands.flatMap((table) => table.rows.filter((row) => rowMatches(row, ref.rows!)).map((row) => ({ table, row })));
    else if (scope.row) rows = bands.includes(scope.row.table) ? [scope.row] : sameRow(bands, scope.row.row);
    else rows = [];
    if (rows.length === 0) return ref.rows && ref.optional ? { ok: true, operands: [] } : missing('row', ref.required);

    const operands: Operand[] = [];
    for (const { table, row } of rows) {
      const column = ref.column
        ? findColumn(table, ref.column)
        : scope.column
          ? 'selector' in scope.column
            ? findColumn(table, scope.column.selector)
            : sameColumn(scope.column.table, scope.column.column, table)
          : table.columns[0] ?? null;
      if (!column) return missing('column');
      const cell = row.cells[table.columns.indexOf(column)];
      if (!cell) return missing('column');
      operands.push({ key, table, row, column, cell, minus: ref.minus ?? false });
    }
    return { ok: true, operands };
  }

  // ---- hierarchy: each coded row is the sum of the rows one level below ----

  hierarchy(identity: Extract<Identity, { kind: 'hierarchy' }>) {
    const key = identity.table;
    const bands = this.tables.get(key);
    const codes = this.out.codes.get(key);
    if (!bands || !codes) return this.skip(identity, { kind: 'missing', what: 'table', key, required: false });
    const { scheme, sound, untrusted } = codes;
    // Children by parent code, in document order.
    const children = new Map<string, { table: Table; row: Row }[]>();
    for (const [code, c] of sound) {
      const level = scheme.levels.indexOf(code.length);
      const parent = level === 0 ? '' : code.slice(0, scheme.levels[level - 1]);
      if (level > 0 && !sound.has(parent)) continue;
      const list = children.get(parent) ?? [];
      if (list.length === 0) children.set(parent, list);
      list.push({ table: c.table, row: c.row });
    }

    const parents: { code: string; table: Table; row: Row }[] = [];
    if (identity.total) {
      const [total] = firstRow(bands, identity.total);
      if (total) parents.push({ code: '', ...total });
    }
    for (const [code, c] of sound) if (childLength(scheme, code.length) !== null) parents.push({ code, table: c.table, row: c.row });

    for (const parent of parents) {
      const why = untrusted.get(parent.code);
      if (why) {
        this.skip(identity, { kind: 'codes', key, code: parent.code, why });
        continue;
      }
      const kids = children.get(parent.code);
      if (!kids?.length) continue; // a leaf as printed: nothing to add up
      const columns = identity.columns === undefined || identity.columns === 'all' ? parent.table.columns : identity.columns.map((s) => findColumn(parent.table, s)).filter((c): c is Column => c !== null);
      for (const column of columns) {
        const total = this.operand(key, parent.table, parent.row, column);
        const parts = kids.map((k) => {
          const col = sameColumn(parent.table, column, k.table);
          return col ? this.operand(key, k.table, k.row, col) : null;
        });
        if (!total || parts.some((p) => !p)) {
          this.skip(identity, { kind: 'missing', what: 'column', key, required: false });
          continue;
        }
        this.compute({ identity, total, parts: parts as Operand[], via: 'children' });
      }
    }
  }

  private operand(key: string, table: Table, row: Row, column: Column): Operand | null {
    const cell = row.cells[table.columns.indexOf(column)];
    return cell ? { key, table, row, column, cell, minus: false } : null;
  }

  // ---- classes: the same class figure in a table that names classes and one that codes them ----

  classes(identity: Extract<Identity, { kind: 'classes' }>) {
    const scheme = this.template.codes[identity.codes]!;
    const sides = [identity.left, identity.right].map((ref) => ({ ref, bands: this.tables.get(ref.table!) }));
    for (const side of sides) if (!side.bands) return this.skip(identity, { kind: 'missing', what: 'table', key: side.ref.table!, required: false });
    for (const cls of scheme.classes ?? []) {
      const found = sides.map(({ ref, bands }) => {
        const coded = bands!.some((t) => t.rows.some((r) => r.code));
        const matches = bands!.flatMap((table) =>
          table.rows
            .filter((row) => (coded ? row.code === cls.code : cls.label !== undefined && wholeLabel(cls.label).test(rowLabel(row))))
            .map((row) => ({ table, row })),
        );
        // Two rows for one class is a misreading; which one is meant cannot be told.
        return matches.length === 1 ? { ref, ...matches[0]! } : null;
      });
      const [left, right] = found;
      if (!left || !right) continue;
      const operands = [left, right].map(({ ref, table, row }) => {
        const column = ref.column ? findColumn(table, ref.column) : table.columns[0] ?? null;
        return column ? this.operand(ref.table!, table, row, column) : null;
      });
      if (!operands[0] || !operands[1]) {
        this.skip(identity, { kind: 'missing', what: 'column', key: (operands[0] ? right : left).ref.table!, required: false });
        continue;
      }
      this.compute({ identity, total: operands[0], parts: [operands[1]], via: 'classes' });
    }
  }

  // ---- the arithmetic ----

  private compute(instance: Instance) {
    const { total, parts } = instance;
    const unreadable = [total, ...parts].filter((o) => o.cell.value.kind === 'malformed' || o.cell.value.kind === 'text');
    if (unreadable.length) return this.skip(instance.identity, { kind: 'unreadable', cells: unreadable }, instance);
    const uncertain = [total, ...parts].filter((o) => o.row.uncertain);
    if (uncertain.length) return this.skip(instance.identity, { kind: 'uncertain', cells: uncertain }, instance);
    const blanks = [total, ...parts].filter((o) => o.cell.value.kind === 'blank' && !this.blankIsZero(o.key));
    if (blanks.length) return this.skip(instance.identity, { kind: 'blank', cells: blanks }, instance);

    const unit = total.table.unit;
    const t = figure(total, unit);
    let sum = new Dec(0);
    let partsHalf = new Dec(0);
    for (const p of parts) {
      const f = figure(p, unit);
      sum = p.minus ? sum.minus(f.value) : sum.plus(f.value);
      partsHalf = partsHalf.plus(f.half);
    }
    const difference = t.value.minus(sum);
    const tolerance = t.half.plus(partsHalf);
    this.out.checked.push({
      ...instance,
      holds: difference.abs().lte(tolerance),
      totalValue: t.value,
      sum,
      difference,
      tolerance,
      totalRange: { lo: t.value.minus(t.half), hi: t.value.plus(t.half) },
      partsRange: { lo: sum.minus(partsHalf), hi: sum.plus(partsHalf) },
      decimals: t.decimals,
    });
  }

  private skip(identity: Identity, reason: SkipReason, instance: Instance | null = null) {
    this.out.skipped.push({ identity, reason, instance });
  }
}

/** A template's row label as the whole of a row's label. */
const wholeLabel = regexAround((label) => `^(?:${label})$`);

/**
 * A cell's value and half a unit of its last shown digit, in `unit`. A blank counts as an exact
 * zero. A figure is shown at least to its table's precision: tables drop trailing zeros
 * (`6,812.1`, `170` among figures with two decimals), and reading `170` as ±0.5 would hide
 * real faults.
 */
function figure(o: Operand, unit: Table['unit']): { value: Decimal; half: Decimal; decimals: number } {
  const decimals = tablePrecision(o.table);
  const v = o.cell.value;
  if (v.kind !== 'number') return { value: new Dec(0), half: new Dec(0), decimals };
  const d = Math.max(decimals, v.style.decimals);
  const from = o.table.unit;
  const scale = (x: Decimal) => (from && unit && from !== unit ? convert(x, from, unit) : x);
  return { value: scale(v.value), half: scale(half(d)), decimals: d };
}

/** The columns an identity is repeated over: none (its refs name theirs), each listed, or all of `table`. */
function columnScopes(columns: 'all' | ColumnSelector[] | undefined, table: Table | undefined): (ColumnScope | undefined)[] {
  if (columns === undefined) return [undefined];
  if (columns !== 'all') return columns.map((selector) => ({ selector }));
  return table ? table.columns.map((column) => ({ table, column })) : [];
}

function firstRow(bands: Table[], sel: RowSelector): { table: Table; row: Row }[] {
  for (const table of bands) for (const row of table.rows) if (rowMatches(row, sel)) return [{ table, row }];
  return [];
}

/** The row of another table that stands for `row`: the same code, else the same label. */
function sameRow(bands: Table[], row: Row): { table: Table; row: Row }[] {
  const label = normalLabel(row.label);
  for (const table of bands) for (const r of table.rows) if (row.code ? r.code === row.code : !r.code && label !== '' && rowLabel(r) === label) return [{ table, row: r }];
  return [];
}
