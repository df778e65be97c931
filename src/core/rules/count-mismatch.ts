import { cellName } from '../names';
import { formatNumber } from '../number';
import type { Found, Rule } from './rule';

/**
 * A count of the narrative (`团组 0 个`, `公务用车保有量为 2 辆`, `国内公务接待 47 人次`) that
 * differs from the 统计数 cell its words name. Counts are exact: no rounding explains a
 * difference. Its own rule, not amount-mismatch's: no unit to convert, no other cell to suspect.
 * Only a certain link (a row whose figures were placed) is judged; the fix writes the cell's count
 * in the figure's format.
 */
export const countMismatch: Rule = {
  id: 'count-mismatch',
  severity: 'warning',
  tags: ['link', 'count'],
  description: { zh: '正文中的数量（团组数、车辆数、接待人次等）与表中统计数不符', en: 'A count in the narrative (groups, cars, visitors) that disagrees with the table’s 统计数' },
  check: ({ links }) =>
    links.flatMap((l): Found[] => {
      if (l.figure.kind !== 'count' || l.agrees || !l.strong || l.cell.value.kind !== 'number' || l.table.identity === 'performance') return [];
      const right = formatNumber(l.cell.value.value, l.figure);
      const unit = l.figure.unit ?? '';
      const where = cellName(l);
      return [{
        start: l.figure.start,
        end: l.figure.end,
        message: {
          zh: `${l.figure.text} ${unit}与${where.zh}的 ${l.cell.text} 不符，应为 ${right} ${unit}。`,
          en: `${l.figure.text} ${unit} disagrees with ${where.en}: ${l.cell.text}; it should be ${right} ${unit}.`,
        },
        expected: right,
        related: [{ start: l.cell.start, end: l.cell.end, message: { zh: `来源：${where.zh}`, en: `source: ${where.en}` } }],
        fix: { start: l.figure.start, end: l.figure.end, newText: right },
      }];
    }),
};
