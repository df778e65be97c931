import { explains, percentOf, round, shown } from '../interval';
import { formatNumber } from '../number';
import { changeGoesUp } from '../rates';
import { explainedBy, rateFinding, related } from './rate-check';
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
  check: ({ claims, asFixed, rates, tolerance }) => {
    return claims.flatMap((c): Found[] => {
      if (c.kind !== 'change') return [];
      if (c.zeroBase) {
        const thisYear = asFixed(c.current);
        const current = shown(thisYear.value, thisYear.decimals);
        const delta = shown(c.delta.value, c.delta.decimals);
        const agree = delta.lo.lte(current.hi) && delta.hi.gte(current.lo);
        if (agree || !c.increase) return [];
        return [{
          start: c.delta.start,
          end: c.delta.end,
          message: {
            zh: `上年基数为 0 时，增加额应等于本年数 ${thisYear.text}，文中为 ${c.delta.text}。`,
            en: `With a zero base last year, the increase must equal this year's ${thisYear.text}; the text says ${c.delta.text}.`,
          },
          expected: thisYear.text,
          related: [related(c.current, '本年数', "this year's amount")],
          fix: thisYear.unit === c.delta.unit ? { start: c.delta.start, end: c.delta.end, newText: thisYear.text } : null,
        }];
      }
      const out: Found[] = [];
      // With last year's amount stated, the change amount is this year's minus it.
      const amount = rates.get(c.delta)?.recomputed ?? null;
      const amountWrong = amount !== null && !explains(amount.range, c.delta.value, c.delta.decimals);
      if (amount && amountWrong) {
        const expected = formatNumber(round(amount.exact, c.delta.decimals), c.delta);
        const sign = c.current.value.minus(c.prior!.value);
        const wrongWay = !sign.isZero() && sign.isNegative() === c.increase;
        out.push({
          start: c.delta.start,
          end: c.delta.end,
          message: {
            zh: `增减额应为 ${expected}（${amount.formula}），文中为 ${c.delta.text}${wrongWay ? `，且应为${c.increase ? '减少' : '增加'}` : ''}。`,
            en: `The change should be ${expected} (${amount.formula}), the text says ${c.delta.text}${wrongWay ? `, and it is ${c.increase ? 'a decrease' : 'an increase'}` : ''}.`,
          },
          expected,
          related: [related(c.current, '本年数', "this year's amount"), related(c.prior!, '上年数', "last year's amount")],
          // Which of the three figures is wrong is the author's call.
          fix: null,
        });
      }
      // The rate bears out the other direction than the amount's word: direction-word blames the word.
      const goesUp = changeGoesUp(c, asFixed);
      if (goesUp !== null && goesUp !== c.increase) return out;
      const rate = c.rate ? rates.get(c.rate) : undefined;
      const r = rate?.recomputed;
      if (!c.rate || !r) return out;
      // The rate agrees with this year's and last year's amounts: only the change amount is wrong.
      if (amountWrong) {
        const fromAmounts = percentOf(amount.range, shown(c.prior!.value, c.prior!.decimals));
        if (fromAmounts && explains(fromAmounts, c.rate.value, c.rate.decimals)) return out;
      }
      const finding = rateFinding(tolerance, {
        rate: c.rate,
        ...r,
        what: { zh: c.increase ? '增长率' : '下降率', en: c.increase ? 'The growth rate' : 'The rate of decrease' },
        related: [related(c.prior ?? c.current, c.prior ? '上年数' : '本年数', c.prior ? "last year's amount" : "this year's amount"), related(c.delta, '增减额', 'change')],
      });
      // A rate computed from a change amount that is itself wrong: no automatic fix.
      if (finding && amountWrong) finding.fix = null;
      if (finding && explainedBy(rate?.summed ?? null, c.rate)) return out;
      return finding ? [...out, finding] : out;
    });
  },
};
