import type Decimal from 'decimal.js';
import type { Figure } from '../figures';
import { round } from '../interval';
import { type AmountUnit, convert, formatNumber } from '../number';
import { cellName, rowName, tableName } from '../names';
import type { Link } from '../links/link';
import type { Found, Rule } from './rule';

/**
 * What this rule's fix makes of the link's figure, or null when it flags nothing or offers no
 * fix: with another cell matching, the label may be what is wrong; nor for a negative cell:
 * prose states a decrease in words (减少), so a minus sign is not a fix.
 */
function correction(l: Link, evenUnfixable = false): { value: Decimal; text: string } | null {
  if (l.figure.kind !== 'amount' || l.agrees || !l.strong || l.unitInstead || l.cell.value.kind !== 'number' || !l.table.unit) return null;
  if (l.instead || l.sameAs || (l.unfixable && !evenUnfixable) || l.cell.value.value.isNegative()) return null;
  const value = convert(l.cell.value.value, l.table.unit, l.figure.unit as AmountUnit);
  return { value: round(value, l.figure.decimals), text: formatNumber(value, l.figure) };
}

/**
 * Each figure as fix-all leaves it: an amount this rule fixes reads as its cell (one unit-mismatch
 * fixes, in the cell's unit), and one that restates its cell with fewer decimals reads with the
 * cell's. The rate rules recompute from these, so that a rate's fix agrees with the fix of an
 * amount it is computed from (from the stated amount, fix-all would "correct" a right rate into
 * a wrong one), and so that a rate is bounded by the precision the tables show.
 */
export function asFixed(links: Link[]): (f: Figure) => Figure {
  const fixed = new Map<Figure, Figure>();
  for (const l of links) {
    const c = correction(l);
    if (c) fixed.set(l.figure, { ...l.figure, ...c });
    // A figure that restates its cell with fewer decimals (`0.5` for 0.50) stands for the cell:
    // the cell's rounding, not the text's, bounds what it can be.
    else if (l.agrees && l.strong && !l.candidates && l.cell.value.kind === 'number' && l.table.unit === l.figure.unit && l.cell.value.style.decimals > l.figure.decimals) {
      fixed.set(l.figure, { ...l.figure, value: l.cell.value.value, decimals: l.cell.value.style.decimals, text: l.cell.text });
    }
    // unit-mismatch's fix: the same digits under the unit the cell agrees with.
    else if (l.unitInstead && l.strong) fixed.set(l.figure, { ...l.figure, unit: l.unitInstead });
  }
  return (f) => fixed.get(f) ?? f;
}

/**
 * `input`, with each figure that a cell no fix may write contradicts (a hand-filled 绩效自评表)
 * read as that cell: a rate that agrees with the table's figure is explained by the amount's
 * own finding, not wrong as well.
 */
export function asTabled(links: Link[], input: (f: Figure) => Figure): (f: Figure) => Figure {
  const tabled = new Map<Figure, Figure>();
  for (const l of links) {
    const c = l.unfixable ? correction(l, true) : null;
    if (c) tabled.set(l.figure, { ...l.figure, ...c });
  }
  return (f) => tabled.get(f) ?? input(f);
}

/** A narrative amount that its label ties to a cell, but that disagrees with the cell. */
export const amountMismatch: Rule = {
  id: 'amount-mismatch',
  severity: 'warning',
  tags: ['link', 'amount'],
  description: { zh: '正文金额与其所指表格单元格不符', en: 'A narrative amount that disagrees with the table cell its label names' },
  check: ({ links }) => {
    return links.flatMap((l): Found[] => {
      if (l.figure.kind !== 'amount' || l.agrees || !l.strong || l.unitInstead || l.cell.value.kind !== 'number' || !l.table.unit) return [];
      const unit = l.figure.unit as AmountUnit;
      const right = formatNumber(convert(l.cell.value.value, l.table.unit, unit), l.figure);
      const cellText = l.cell.text;
      const instead = l.sameAs
        ? { zh: `${l.figure.text} 是上文的${l.sameAs.what.zh}，而非决算数。`, en: `${l.figure.text} is ${l.sameAs.what.en} stated above, not the actual.` }
        : l.instead
        ? l.instead.table === l.table
          ? { zh: `文中数字与${cellName(l.instead).zh}（${l.instead.cell.text}）一致，而非${rowName(l.table, l.row).zh}。`, en: `The figure equals ${cellName(l.instead).en} (${l.instead.cell.text}), not ${rowName(l.table, l.row).en}.` }
          : { zh: `文中数字与${cellName(l.instead).zh}（${l.instead.cell.text}）一致，而非${tableName(l.table)}的数。`, en: `The figure equals ${cellName(l.instead).en} (${l.instead.cell.text}), not the figure of ${tableName(l.table)}.` }
        : { zh: '', en: '' };
      return [{
        start: l.figure.start,
        end: l.figure.end,
        message: {
          zh: `${l.figure.text} ${unit}与${cellName(l).zh}的 ${cellText} ${l.table.unit}不符，应为 ${right} ${unit}。${instead.zh}`,
          en: `${l.figure.text} ${unit} disagrees with ${cellName(l).en}: ${cellText} ${l.table.unit}; it should be ${right} ${unit}. ${instead.en}`.trim(),
        },
        expected: right,
        related: [
          { start: l.cell.start, end: l.cell.end, message: { zh: `来源：${cellName(l).zh}`, en: `source: ${cellName(l).en}` } },
          ...(l.sameAs ? [{ start: l.sameAs.figure.start, end: l.sameAs.figure.end, message: l.sameAs.what }] : []),
          ...(l.instead && !l.sameAs ? [{ start: l.instead.cell.start, end: l.instead.cell.end, message: { zh: `数值相同：${cellName(l.instead).zh}`, en: `same value: ${cellName(l.instead).en}` } }] : []),
        ],
        fix: correction(l) ? { start: l.figure.start, end: l.figure.end, newText: right } : null,
      }];
    });
  },
};
