import { cellName } from '../names';
import { explainedBy, rateFinding, related } from './rate-check';
import type { Rule } from './rule';

/** 占比 = 部分 ÷ 总数: the total the sentence opened with, the one it names, or the parts' sum. */
export const shareMismatch: Rule = {
  id: 'share-mismatch',
  severity: 'warning',
  tags: ['arithmetic', 'rate'],
  description: { zh: '占比与部分 ÷ 总数不符', en: 'A share that is not part ÷ whole' },
  check: ({ claims, rates, tolerance }) =>
    claims.flatMap((c) => {
      if (c.kind !== 'share') return [];
      const rate = rates.get(c.rate);
      const r = rate?.recomputed;
      if (!r) return [];
      const source =
        c.whole.kind === 'cell'
          ? related(c.whole.figure, `总数：${cellName(c.whole).zh}`, `whole: ${cellName(c.whole).en}`)
          : c.whole.kind === 'figure'
            ? related(c.whole.figure, '总数', 'whole')
            : null;
      const finding = rateFinding(tolerance, {
        rate: c.rate,
        ...r,
        what: { zh: '占比', en: 'The share' },
        related: [related(c.part, '部分', 'part'), ...(source ? [source] : [])],
      });
      return finding && !explainedBy(rate?.summed ?? null, c.rate) ? [finding] : [];
    }),
};
