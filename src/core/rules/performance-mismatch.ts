import { cellName } from '../names';
import type { Found, Rule } from './rule';

/**
 * A project's score or an indicator's value in the prose (`项目自评得分 95 分`, `满意度达到 95%`)
 * that disagrees with its 绩效自评表 (总分 94.11, 实际完成值 99.54%). Amounts of the same
 * tables are amount-mismatch's. No fix: the prose may quote the target, or round a score its
 * own way; the editor decides.
 */
export const performanceMismatch: Rule = {
  id: 'performance-mismatch',
  severity: 'warning',
  tags: ['link', 'performance'],
  description: { zh: '正文的绩效得分或指标完成值与绩效自评表不符', en: 'A performance score or indicator value in the narrative that disagrees with its self-evaluation table' },
  check: ({ links }) =>
    links.flatMap((l): Found[] => {
      if (l.agrees || !l.strong || l.figure.kind === 'amount' || l.table.identity !== 'performance') return [];
      const where = cellName(l);
      return [{
        start: l.figure.start,
        end: l.figure.end,
        message: {
          zh: `${l.figure.text} 与${where.zh}的 ${l.cell.text} 不符。`,
          en: `${l.figure.text} disagrees with ${where.en}: ${l.cell.text}.`,
        },
        expected: l.cell.text,
        related: [{ start: l.cell.start, end: l.cell.end, message: { zh: `来源：${where.zh}`, en: `source: ${where.en}` } }],
        fix: null,
      }];
    }),
};
