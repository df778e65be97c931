import type { Figure } from '../figures';
import { explains, shown, sum } from '../interval';
import { Dec } from '../number';
import type { Found, Rule } from './rule';

/**
 * Shares of one whole add up to at most 100%, and to 100% when their parts are the whole,
 * within the rounding of each stated share.
 */
export const sharesSum: Rule = {
  id: 'shares-sum',
  severity: 'warning',
  tags: ['arithmetic', 'rate'],
  description: { zh: '各项占比之和不为 100%', en: 'Shares of one whole that do not add up to 100%' },
  check: ({ claims, rates }) => {
    const groups = new Map<Figure[], { parts: Figure[]; whole: Figure | null; wrongShare: boolean }>();
    for (const c of claims) {
      if (c.kind !== 'share' || c.group.length < 2) continue;
      const g = groups.get(c.group) ?? { parts: [], whole: c.whole.kind === 'parts' ? null : c.whole.figure, wrongShare: false };
      g.parts.push(c.part);
      // A share that is not its part ÷ the whole is reported on itself; the sum says nothing more.
      const r = rates.get(c.rate)?.recomputed;
      if (r && !explains(r.range, c.rate.value, c.rate.decimals)) g.wrongShare = true;
      groups.set(c.group, g);
    }
    return [...groups].flatMap(([rates, { parts, whole, wrongShare }]): Found[] => {
      if (wrongShare) return [];
      const total = sum(rates.map((r) => shown(r.value, r.decimals)));
      const partsRange = sum(parts.map((p) => shown(p.value, p.decimals)));
      const complete = whole !== null && partsRange.lo.lte(whole.value) && partsRange.hi.gte(whole.value);
      if (!total.lo.gt(100) && !(complete && total.hi.lt(100))) return [];
      const stated = rates.reduce((a, r) => a.plus(r.value), new Dec(0));
      const last = rates[rates.length - 1]!;
      return [{
        start: last.start,
        end: last.end,
        message: {
          zh: `各项占比之和为 ${stated.toString()}%（${rates.map((r) => r.text + '%').join(' + ')}），${complete ? '各项合计即为总数，应为 100%' : '不应超过 100%'}。`,
          en: `The shares add up to ${stated.toString()}% (${rates.map((r) => r.text + '%').join(' + ')}); ${complete ? 'the parts make up the whole, so they should add up to 100%' : 'they cannot exceed 100%'}.`,
        },
        expected: null,
        related: rates.slice(0, -1).map((r) => ({ start: r.start, end: r.end, message: { zh: '占比', en: 'share' } })),
        fix: null,
      }];
    });
  },
};
