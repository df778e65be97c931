// Small lookups shared by the tests: find a table, a row, a cell, in the report's own words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../src/core/check';
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

/** Asserts 0 <= start <= end <= length for a range, naming it on failure. */
function inside(what: string, start: number, end: number, length: number) {
  assert.ok(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= length, `${what}: range ${start}-${end} outside 0-${length}`);
}

/** Every range the result hands out: figures, malformed figures, tables, rows, cells, findings. */
export function assertRangesInside(text: string, { report, findings }: CheckResult) {
  const n = text.length;
  for (const f of report.figures) {
    inside(`figure ${f.text}`, f.start, f.end, n);
    inside(`unit of figure ${f.text}`, f.end, f.unitEnd, n);
  }
  for (const m of report.malformed) inside(`malformed ${m.text}`, m.start, m.end, n);
  for (const b of report.blocks) inside(`block ${b.kind}`, b.start, b.end, n);
  for (const t of report.tables) {
    inside('table', t.start, t.end, n);
    for (const r of t.rows) {
      inside(`row ${r.label}`, r.start, r.end, n);
      inside(`label ${r.label}`, r.labelStart, r.labelEnd, n);
      for (const c of r.cells) {
        inside(`cell ${c.text}`, c.start, c.end, n);
        if (c.value.kind === 'number' || c.value.kind === 'malformed') inside(`value ${c.text}`, c.value.start, c.value.end, n);
      }
    }
  }
  for (const f of findings) {
    inside(`finding ${f.rule}`, f.start, f.end, n);
    for (const r of f.related) inside(`related of ${f.rule}`, r.start, r.end, n);
    if (f.fix) inside(`fix of ${f.rule}`, f.fix.start, f.fix.end, n);
  }
}

