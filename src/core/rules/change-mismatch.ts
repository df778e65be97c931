import { shown } from '../interval';
import { changeRateOf } from '../rates';
import { rateFinding, related } from './rate-check';
import type { Found, Rule } from './rule';

/**
 * 增减率 = 增减额 ÷ 上年数, where 上年数 = 本年数 ∓ 增减额. With a zero base
 * (`基数为 0`), the increase must equal this year's amount.
 */
export const changeMismatch: Rule = {
  id: 'change-mismatch',
  severity: 'warning',
  tags: ['arithmetic', 'rate'],
  description: { zh: '增减率与增减额 ÷ 上年数不符，或基数为 0 时增加额不等于本年数', en: 'A change rate that is not change ÷ last year, or a zero-base increase that is not this year’s amount' },
  check: ({ claims, tolerance }) =>
    claims.flatMap((c): Found[] => {
      if (c.kind !== 'change') return [];
      const current = shown(c.current.value, c.current.decimals);
      const delta = shown(c.delta.value, c.delta.decimals);
      if (c.zeroBase) {
        const agree = delta.lo.lte(current.hi) && delta.hi.gte(current.lo);
        if (agree || !c.increase) return [];
        return [{
          start: c.delta.start,
          end: c.delta.end,
          message: {
            zh: `上年基数为 0 时，增加额应等于本年数 ${c.current.text}，文中为 ${c.delta.text}。`,
            en: `With a zero base last year, the increase must equal this year's ${c.current.text}; the text says ${c.delta.text}.`,
          },
          expected: c.current.text,
          related: [related(c.current, '本年数', "this year's amount")],
          fix: c.current.unit === c.delta.unit ? { start: c.delta.start, end: c.delta.end, newText: c.current.text } : null,
        }];
      }
      const r = c.rate ? changeRateOf(c) : null;
      if (!c.rate || !r) return [];
      const finding = rateFinding(tolerance, {
        rate: c.rate,
        ...r,
        what: { zh: c.increase ? '增长率' : '下降率', en: c.increase ? 'The growth rate' : 'The rate of decrease' },
        related: [related(c.current, '本年数', "this year's amount"), related(c.delta, '增减额', 'change')],
      });
      return finding ? [finding] : [];
    }),
};
