import { completionRate } from '../rates';
import { explainedBy, rateFinding, related } from './rate-check';
import type { Rule } from './rule';

/** 完成率 / 执行率 = 决算 ÷ 预算. A zero budget is zero-base-rate's business. */
export const completionMismatch: Rule = {
  id: 'completion-mismatch',
  severity: 'warning',
  tags: ['arithmetic', 'rate'],
  description: { zh: '完成率（执行率）与决算数 ÷ 预算数不符', en: 'A completion (execution) rate that is not actual ÷ budget' },
  check: ({ claims, asFixed, asSummed, tolerance }) =>
    claims.flatMap((c) => {
      const r = c.kind === 'completion' ? completionRate(c, asFixed) : null;
      if (c.kind !== 'completion' || !r) return [];
      const finding = rateFinding(tolerance, {
        rate: c.rate,
        ...r,
        what: { zh: '完成率', en: 'The completion rate' },
        related: [related(c.actual, '决算数', 'actual'), related(c.budget, '预算数', 'budget')],
      });
      return finding && !explainedBy(completionRate(c, asSummed), c.rate) ? [finding] : [];
    }),
};
