import type { Figure } from '../figures';
import { shown, sum } from '../interval';
import { Dec, formatNumber } from '../number';
import { confirmedFigures } from '../sums';
import type { Found, Rule } from './rule';

/**
 * A total and its parts must agree within the rounding of the parts (the n-part envelope).
 * Parts listed after 其中 may be only some of the total, so then only parts exceeding the
 * total are wrong; a complete split (当年安排 + 上年结转, the three 三公 items…) must add up.
 * Figures are taken as fix-all leaves them: a part amount-mismatch corrects is blamed there.
 */
export const partsSum: Rule = {
  id: 'parts-sum',
  severity: 'warning',
  tags: ['arithmetic'],
  description: { zh: '分项之和与总数不符', en: 'Parts that do not add up to their stated total' },
  check: ({ sums, links, asFixed }) => {
    const confirmed = confirmedFigures(links);
    return sums.flatMap((c): Found[] => {
      const total = asFixed(c.total);
      const stated = c.parts.map(asFixed);
      const parts = sum(stated.map((p) => shown(p.value, p.decimals)));
      const whole = shown(total.value, total.decimals);
      const exceeds = parts.lo.gt(whole.hi);
      const short = parts.hi.lt(whole.lo);
      if (!exceeds && !(c.complete && short)) return [];
      const exact = stated.reduce((a, p) => a.plus(p.value), new Dec(0));
      const decimals = Math.max(total.decimals, ...stated.map((p) => p.decimals));
      const written = formatNumber(exact, { ...total, decimals });
      const list = stated.map((p) => p.text).join(' + ');
      // The total restates its cell and so does every part but one that could be at fault (a
      // zero cannot make the parts exceed): that part is the wrong figure, not the total.
      const suspects = c.parts.filter((p, i) => !confirmed.has(p) && !(exceeds && stated[i]!.value.isZero()));
      if (confirmed.has(c.total) && suspects.length === 1) return [blamePart(suspects[0]!, total, c.parts.filter((p) => p !== suspects[0]).map(asFixed), c.complete, decimals)];
      return [{
        start: c.total.start,
        end: c.total.end,
        message: {
          zh: `总数 ${total.text} ${total.unit}与分项之和 ${written}（${list}）不符（${c.basis.zh}）。`,
          en: `The total ${total.text} ${total.unit} is not the sum of its parts, ${written} (${list}; ${c.basis.en}).`,
        },
        expected: written,
        related: c.parts.map((p) => ({ start: p.start, end: p.end, message: { zh: '分项', en: 'part' } })),
        // Which figure is wrong, the total or a part, only the author knows.
        fix: null,
      }];
    });
  },
};

/** The one part the tables do not confirm: it should be the total less the others (at most that, in a partial list). */
function blamePart(part: Figure, total: Figure, others: Figure[], complete: boolean, decimals: number): Found {
  const rest = total.value.minus(others.reduce((a, p) => a.plus(p.value), new Dec(0)));
  const expected = formatNumber(rest, { ...part, decimals: Math.max(part.decimals, decimals) });
  return {
    start: part.start,
    end: part.end,
    message: {
      zh: `分项 ${part.text} 与总数 ${total.text} 及其余分项（均与表中一致）不符：此项${complete ? '应为' : '至多为'} ${expected}。`,
      en: `The part ${part.text} does not fit the total ${total.text} and the other parts, which all agree with the tables: it ${complete ? 'should be' : 'can be at most'} ${expected}.`,
    },
    expected: complete ? expected : null,
    related: [{ start: total.start, end: total.end, message: { zh: '总数', en: 'total' } }, ...others.map((p) => ({ start: p.start, end: p.end, message: { zh: '分项', en: 'part' } }))],
    fix: null,
  };
}
