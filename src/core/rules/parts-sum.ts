import { shown, sum } from '../interval';
import { Dec, formatNumber } from '../number';
import type { Found, Rule } from './rule';

/**
 * A total and its parts must agree within the rounding of the parts (the n-part envelope).
 * Parts listed after 其中 may be only some of the total, so then only parts exceeding the
 * total are wrong; a complete split (当年安排 + 上年结转, the three 三公 items…) must add up.
 */
export const partsSum: Rule = {
  id: 'parts-sum',
  severity: 'warning',
  tags: ['arithmetic'],
  description: { zh: '分项之和与总数不符', en: 'Parts that do not add up to their stated total' },
  check: ({ sums }) =>
    sums.flatMap((c): Found[] => {
      const parts = sum(c.parts.map((p) => shown(p.value, p.decimals)));
      const total = shown(c.total.value, c.total.decimals);
      const exceeds = parts.lo.gt(total.hi);
      const short = parts.hi.lt(total.lo);
      if (!exceeds && !(c.complete && short)) return [];
      const exact = c.parts.reduce((a, p) => a.plus(p.value), new Dec(0));
      const written = formatNumber(exact, { ...c.total, decimals: Math.max(c.total.decimals, ...c.parts.map((p) => p.decimals)) });
      const list = c.parts.map((p) => p.text).join(' + ');
      return [{
        start: c.total.start,
        end: c.total.end,
        message: {
          zh: `总数 ${c.total.text} ${c.total.unit}与分项之和 ${written}（${list}）不符（${c.basis.zh}）。`,
          en: `The total ${c.total.text} ${c.total.unit} is not the sum of its parts, ${written} (${list}; ${c.basis.en}).`,
        },
        expected: written,
        related: c.parts.map((p) => ({ start: p.start, end: p.end, message: { zh: '分项', en: 'part' } })),
        // Which figure is wrong, the total or a part, only the author knows.
        fix: null,
      }];
    }),
};
