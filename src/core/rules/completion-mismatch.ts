import { percentOf, shown } from '../interval';
import { rateFinding, related } from './rate-check';
import type { Rule } from './rule';

/** 完成率 / 执行率 = 决算 ÷ 预算. A zero budget is zero-base-rate's business. */
export const completionMismatch: Rule = {
  id: 'completion-mismatch',
  severity: 'warning',
  description: { zh: '完成率（执行率）与决算数 ÷ 预算数不符', en: 'A completion (execution) rate that is not actual ÷ budget' },
  check: ({ claims }) =>
    claims.flatMap((c) => {
      if (c.kind !== 'completion' || c.budget.value.isZero()) return [];
      const range = percentOf(shown(c.actual.value, c.actual.decimals), shown(c.budget.value, c.budget.decimals));
      if (!range) return [];
      const finding = rateFinding({
        rule: 'completion-mismatch',
        severity: 'warning',
        rate: c.rate,
        exact: c.actual.value.dividedBy(c.budget.value).times(100),
        range,
        formula: `${c.actual.text} ÷ ${c.budget.text}`,
        what: { zh: '完成率', en: 'The completion rate' },
        related: [related(c.actual, '决算数', 'actual'), related(c.budget, '预算数', 'budget')],
      });
      return finding ? [finding] : [];
    }),
};
