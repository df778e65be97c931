import { tableName } from '../names';
import type { Found, Rule } from './rule';

/**
 * Rows whose figures the reader could not put in their columns: text extracted from a PDF drops
 * blank cells, so a row with fewer (or more) figures than the table has columns is ambiguous.
 * Such rows are used for no link and no identity; this says which they are, once per table.
 */
export const unplacedRow: Rule = {
  id: 'unplaced-row',
  severity: 'information',
  tags: ['table'],
  description: {
    zh: '表格中有的行数字个数与列数不符，无法确定各数字所在列，未用于核对',
    en: 'Table rows whose figures could not be placed in their columns, so they are not used',
  },
  check: ({ report }) =>
    report.tables.flatMap((t): Found[] => {
      const rows = t.rows.filter((r) => r.uncertain);
      if (rows.length === 0) return [];
      const [first] = rows;
      const names = rows.slice(0, 5).map((r) => [r.code, r.label].filter((s) => s).join(' ') || `#${t.rows.indexOf(r) + 1}`);
      const more = rows.length - names.length;
      return [{
        start: first!.labelStart < first!.labelEnd ? first!.labelStart : first!.start,
        end: first!.labelStart < first!.labelEnd ? first!.labelEnd : first!.end,
        message: {
          zh: `${tableName(t)}：${names.join('、')}${more > 0 ? ` 等 ${rows.length} 行` : ''}的数字个数与列数不符，无法确定各数字所在列，未用于任何核对。`,
          en: `${tableName(t)}: ${names.join(', ')}${more > 0 ? ` and ${more} more rows` : ''} have a number of figures that does not match the columns; which figure is in which column cannot be told, so they are used for no check.`,
        },
        expected: null,
        related: rows.slice(1).map((r) => ({ start: r.start, end: r.end, message: { zh: '无法确定所在列', en: 'columns undecided' } })),
        fix: null,
      }];
    }),
};
