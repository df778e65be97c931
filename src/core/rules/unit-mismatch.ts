import { cellName } from '../names';
import type { Found, Rule } from './rule';

/** `247.39 元` where the table says 2,473,866.60 元: right digits, wrong unit. */
export const unitMismatch: Rule = {
  id: 'unit-mismatch',
  severity: 'warning',
  tags: ['link', 'unit'],
  description: { zh: '金额单位与所指单元格不符（如万元写成元）', en: 'An amount whose unit is wrong for the cell it names (元 for 万元)' },
  check: ({ links, report }) =>
    links.flatMap((l): Found[] => {
      if (!l.unitInstead || !l.strong) return [];
      const { norm } = report;
      let start = l.figure.end;
      while (start < l.figure.unitEnd && /\s/.test(norm[start]!)) start++;
      return [{
        start,
        end: l.figure.unitEnd,
        message: {
          zh: `${l.figure.text} ${l.figure.unit}与${cellName(l).zh}（${l.cell.text} ${l.table.unit}）只在单位为“${l.unitInstead}”时一致。`,
          en: `${l.figure.text} ${l.figure.unit} matches ${cellName(l).en} (${l.cell.text} ${l.table.unit}) only if the unit is ${l.unitInstead}.`,
        },
        expected: l.unitInstead,
        related: [{ start: l.cell.start, end: l.cell.end, message: { zh: `来源：${cellName(l).zh}`, en: `source: ${cellName(l).en}` } }],
        fix: { start, end: l.figure.unitEnd, newText: l.unitInstead },
      }];
    }),
};
