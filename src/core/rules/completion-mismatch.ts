import { explainedBy, rateFinding, related } from './rate-check';
import type { Rule } from './rule';

/** 完成率 / 执行率 = 决算 ÷ 预算. A zero budget is zero-base-rate's business. */
export const completionMismatch: Rule = {
  id: 'completion-mismatch',
  severity: 'warning',
  tags: ['arithmetic', 'rate'],
  description: { zh: '完成率（执行率）与决算数 ÷ 预算数不符', en: 'A completion (execution) rate that is not actual ÷ budget' },
  check: ({ claims, rates, tolerance }) =>
    claims.flatMap((c) => {
      const rate = c.kind === 'completion' ? rates.get(c.rate) : undefined;
      const r = rate?.recomputed;
      if (c.kind !== 'completion' || !r) return [];
      const finding = rateFinding(tolerance, {
        rate: c.rate,
        ...r,
        what: { zh: '完成率', en: 'The completion rate' },
        related: [related(c.actual, '决算数', 'actual'), related(c.budget, '预算数', 'budget')],
      });
      return finding && !explainedBy(rate?.summed ?? null, c.rate) ? [finding] : [];
    }),
};
