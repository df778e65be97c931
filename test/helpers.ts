// Small lookups shared by the tests: find a table, a row, a cell, in the report's own words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../src/core/report';
import type { Cell, Row, Table } from '../src/core/tables/model';

export const FIXTURES = join(__dirname, 'fixtures', 'reports');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

export function table(report: Report, code: string, part?: string): Table {
  const t = report.tables.find((x) => x.code === code && (part === undefined || x.part === part));
  assert.ok(t, `no table ${code}${part ? ` (${part})` : ''}; have ${report.tables.map((x) => `${x.code}(${x.part})`).join(', ')}`);
  return t;
}

export function row(t: Table, labelOrCode: string): Row {
  const r = t.rows.find((x) => x.code === labelOrCode || x.label === labelOrCode);
  assert.ok(r, `no row '${labelOrCode}' in ${t.code}; have ${t.rows.map((x) => x.code ?? x.label).join(', ')}`);
  return r;
}

/** The cell of `labelOrCode` in the column whose name includes `column` (the first if omitted). */
export function cell(t: Table, labelOrCode: string, column?: string): Cell {
  const r = row(t, labelOrCode);
  const c = column === undefined ? r.cells[0] : r.cells.find((x) => x.column.name.includes(column));
  assert.ok(c, `no column '${column}' in ${t.code}; have ${t.columns.map((x) => x.name).join(', ')}`);
  return c;
}

/** The cell's value as its text (decimal.js keeps the digits), asserting it is a number. */
export function value(c: Cell): string {
  assert.equal(c.value.kind, 'number', `cell '${c.text}' is ${c.value.kind}`);
  return c.value.kind === 'number' ? c.value.value.toString() : '';
}
