// Which subject codes of a table can be trusted for a hierarchy check. A code that cannot be
// right (too few digits, an unknown class, printed twice, a `00` level) may be a misreading of
// any code like it, so no parent it could belong to is checked: one damaged code must not
// turn into dozens of broken sums.
import type { Row, Table } from '../tables/model';
import { normalLabel, rowLabel } from './match';
import type { CodeScheme } from './schema';

export interface CodedRow {
  table: Table;
  row: Row;
  code: string;
}

export interface CodeAnalysis {
  scheme: CodeScheme;
  /** Rows whose code can take part in a check, by code. */
  sound: Map<string, CodedRow>;
  /** Codes with a length between two levels: the last digit(s) cut off (208050 for 2080505). */
  truncated: CodedRow[];
  /** Codes of a valid length that cannot exist: unknown class, or a `00` level. */
  unknown: CodedRow[];
  /** Codes printed on more than one row (an OCR echo the reader did not fold). */
  duplicate: CodedRow[];
  /** Items of `scheme.items` missing from an `allItems` table, by parent code. */
  missingItems: Map<string, string[]>;
  /** Parent codes not to check, and why; `''` is the top (the total row). */
  untrusted: Map<string, 'truncated' | 'unknown' | 'duplicate' | 'missing'>;
}

/** The length of a code's children, or null for the last level. */
export function childLength(scheme: CodeScheme, length: number): number | null {
  const i = scheme.levels.indexOf(length);
  return i === -1 || i === scheme.levels.length - 1 ? null : scheme.levels[i + 1]!;
}

export function analyseCodes(tables: Table[], scheme: CodeScheme, allItems: boolean): CodeAnalysis {
  const levels = scheme.levels;
  const top = levels[0]!;
  const classes = scheme.classes ? new Set(scheme.classes.map((c) => c.code)) : null;
  const byCode = new Map<string, CodedRow[]>();
  for (const table of tables) for (const row of table.rows) if (row.code) {
    const list = byCode.get(row.code) ?? [];
    list.push({ table, row, code: row.code });
    byCode.set(row.code, list);
  }

  const a: CodeAnalysis = { scheme, sound: new Map(), truncated: [], unknown: [], duplicate: [], missingItems: new Map(), untrusted: new Map() };
  for (const [code, rows] of byCode) {
    if (!levels.includes(code.length)) a.truncated.push(...rows);
    else if ((classes && !classes.has(code.slice(0, top))) || /^(?:\d\d)*00/.test(code.slice(top))) a.unknown.push(...rows);
    else if (rows.length > 1) a.duplicate.push(...rows);
    else a.sound.set(code, rows[0]!);
  }

  const distrust = (parent: string, why: 'truncated' | 'unknown' | 'duplicate' | 'missing') => {
    if (!a.untrusted.has(parent)) a.untrusted.set(parent, why);
  };
  // Every parent whose children have the length of a code that cannot exist: it may be any of them.
  const unknownLengths = new Set(a.unknown.map((c) => c.code.length));
  const parents = [...a.sound.keys()].filter((c) => childLength(scheme, c.length) !== null);
  for (const p of ['', ...parents]) {
    const children = p === '' ? top : childLength(scheme, p.length)!;
    if (unknownLengths.has(children)) distrust(p, 'unknown');
  }
  // The parents a code could belong to: its prefixes at the levels whose children are no shorter.
  const soundParents = new Set(parents);
  const parentsOf = (code: string, exactChild: boolean) =>
    levels
      .filter((l) => {
        const c = childLength(scheme, l);
        return l < code.length && c !== null && (exactChild ? c === code.length : c >= code.length);
      })
      .map((l) => code.slice(0, l))
      .filter((p) => soundParents.has(p));
  // A cut-off code belongs under the parent it still starts with.
  for (const t of a.truncated) {
    if (t.code.length <= top) distrust('', 'truncated');
    for (const p of parentsOf(t.code, false)) distrust(p, 'truncated');
  }
  // A code printed twice: neither its parent's sum nor its own can be read.
  for (const d of a.duplicate) {
    distrust(d.code, 'duplicate');
    if (d.code.length === top) distrust('', 'duplicate');
    for (const p of parentsOf(d.code, true)) distrust(p, 'duplicate');
  }
  // An item of the scheme that is not in the table, while a sibling's label names it too
  // (`30101 基本工资津贴补贴`), was folded into that sibling by the reader: its parent's sum
  // would be short. In a table that lists every item, any missing item means the same.
  if (scheme.items) {
    const withItems = new Set([...byCode.keys()].flatMap((c) => parentsOf(c, true)));
    const rows = [...byCode.values()].flat();
    for (const item of scheme.items) {
      if (byCode.has(item.code)) continue;
      const parent = parentsOf(item.code, true)[0];
      if (!parent || !withItems.has(parent)) continue;
      const label = item.label ? normalLabel(item.label) : '';
      const folded = label !== '' && rows.some((r) => r.code.length === item.code.length && r.code.startsWith(parent) && rowLabel(r.row) !== label && rowLabel(r.row).includes(label));
      if (!allItems && !folded) continue;
      const items = a.missingItems.get(parent) ?? [];
      if (items.length === 0) a.missingItems.set(parent, items);
      items.push(item.code);
      distrust(parent, 'missing');
    }
  }
  return a;
}
