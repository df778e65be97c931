import type { Finding } from '../finding';
import type { Rule } from './rule';

/**
 * A rate on a zero base: 0 ÷ 0 is undefined (write 年初无预算 / 不可比), and a rate of a
 * non-zero amount on a zero budget cannot be stated at all.
 */
export const zeroBaseRate: Rule = {
  id: 'zero-base-rate',
  severity: 'warning',
  description: { zh: '基数为 0 时仍写出了比率', en: 'A rate stated on a zero base' },
  check: ({ claims }) =>
    claims.flatMap((c): Finding[] => {
      if (c.kind !== 'completion' || !c.budget.value.isZero()) return [];
      const undefinedRate = c.actual.value.isZero();
      return [{
        rule: 'zero-base-rate',
        severity: undefinedRate ? 'information' : 'warning',
        start: c.rate.start,
        end: c.rate.end,
        message: undefinedRate
          ? { zh: `预算数与决算数均为 0，完成率无从计算（0 ÷ 0）；宜写“年初无预算”或“不可比”，而非 ${c.rate.text}%。`, en: `Budget and actual are both 0, so the rate is undefined (0 ÷ 0); write 年初无预算 / 不可比 rather than ${c.rate.text}%.` }
          : { zh: `预算数为 0 而决算数为 ${c.actual.text}，完成率无法计算；宜写“年初无预算”，而非 ${c.rate.text}%。`, en: `The budget is 0 and the actual ${c.actual.text}: no rate can be computed; write 年初无预算 rather than ${c.rate.text}%.` },
        expected: null,
        related: [{ start: c.budget.start, end: c.budget.end, message: { zh: '预算数', en: 'budget' } }],
        fix: null,
      }];
    }),
};
