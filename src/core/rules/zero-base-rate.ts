import type { Claim } from '../claims';
import type { Figure } from '../figures';
import type { Message } from '../finding';
import type { Found, Rule } from './rule';

function finding(rate: Figure, base: Figure, undefinedRate: boolean, message: Message): Found {
  return {
    ...(undefinedRate ? { severity: 'information' as const } : {}),
    start: rate.start,
    end: rate.end,
    message,
    expected: null,
    related: [{ start: base.start, end: base.end, message: { zh: '基数', en: 'base' } }],
    fix: null,
  };
}

/** The finding for one claim whose rate stands on a zero base, if it does. */
function zeroBase(c: Claim): Found | null {
  if (c.kind === 'completion' && c.budget.value.isZero()) {
    return c.actual.value.isZero()
      ? finding(c.rate, c.budget, true, {
          zh: `预算数与决算数均为 0，完成率无从计算（0 ÷ 0）；宜写“年初无预算”或“不可比”，而非 ${c.rate.text}%。`,
          en: `Budget and actual are both 0, so the rate is undefined (0 ÷ 0); write 年初无预算 / 不可比 rather than ${c.rate.text}%.`,
        })
      : finding(c.rate, c.budget, false, {
          zh: `预算数为 0 而决算数为 ${c.actual.text}，完成率无法计算；宜写“年初无预算”，而非 ${c.rate.text}%。`,
          en: `The budget is 0 and the actual ${c.actual.text}: no rate can be computed; write 年初无预算 rather than ${c.rate.text}%.`,
        });
  }
  // An increase equal to this year's amount: last year was 0, and no growth rate exists.
  if (c.kind === 'change' && c.rate && c.increase && c.current.value.eq(c.delta.value) && !c.current.value.isZero()) {
    return finding(c.rate, c.current, false, {
      zh: `增加额等于本年数 ${c.current.text}，即上年为 0，增长率无从计算；宜写“增长（基数为 0，不可比）”，而非 ${c.rate.text}%。`,
      en: `The increase equals this year's ${c.current.text}, so last year was 0 and no growth rate exists; write 增长（基数为 0，不可比） rather than ${c.rate.text}%.`,
    });
  }
  if (c.kind === 'share' && c.whole.kind !== 'parts' && c.whole.figure.value.isZero()) {
    return finding(c.rate, c.whole.figure, c.part.value.isZero(), {
      zh: c.part.value.isZero() ? `总数为 0，占比无从计算（0 ÷ 0）。` : `总数为 0 而部分为 ${c.part.text}，占比无法计算。`,
      en: c.part.value.isZero() ? 'The whole is 0, so the share is undefined (0 ÷ 0).' : `The whole is 0 but the part is ${c.part.text}: no share can be computed.`,
    });
  }
  return null;
}

/**
 * A rate on a zero base: 0 ÷ 0 is undefined (write 年初无预算 / 不可比), and a rate of a
 * non-zero amount on a zero base cannot be stated at all.
 */
export const zeroBaseRate: Rule = {
  id: 'zero-base-rate',
  severity: 'warning',
  tags: ['arithmetic', 'rate'],
  description: { zh: '基数为 0 时仍写出了比率', en: 'A rate stated on a zero base' },
  check: ({ claims }) => claims.map(zeroBase).filter((f): f is Found => f !== null),
};
