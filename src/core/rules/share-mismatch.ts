import type { Whole } from '../claims';
import { percentOf, shown, sum } from '../interval';
import { Dec } from '../number';
import { tableName } from '../report';
import { rateFinding, related } from './rate-check';
import type { Rule } from './rule';

function wholeOf(w: Whole) {
  if (w.kind === 'parts') {
    const value = w.parts.reduce((a, p) => a.plus(p.value), new Dec(0));
    return { value, range: sum(w.parts.map((p) => shown(p.value, p.decimals))), text: w.parts.map((p) => p.text).join(' + ') };
  }
  return { value: w.figure.value, range: shown(w.figure.value, w.figure.decimals), text: w.figure.text };
}

/** 占比 = 部分 ÷ 总数: the total the sentence opened with, the one it names, or the parts' sum. */
export const shareMismatch: Rule = {
  id: 'share-mismatch',
  severity: 'warning',
  description: { zh: '占比与部分 ÷ 总数不符', en: 'A share that is not part ÷ whole' },
  check: ({ claims }) =>
    claims.flatMap((c) => {
      if (c.kind !== 'share') return [];
      const whole = wholeOf(c.whole);
      if (whole.value.isZero()) return [];
      const range = percentOf(shown(c.part.value, c.part.decimals), whole.range);
      if (!range) return [];
      const source =
        c.whole.kind === 'cell'
          ? related(c.whole.figure, `总数：${tableName(c.whole.table)} ${c.whole.row.label}`, `whole: ${tableName(c.whole.table)} ${c.whole.row.label}`)
          : c.whole.kind === 'figure'
            ? related(c.whole.figure, '总数', 'whole')
            : null;
      const finding = rateFinding({
        rule: 'share-mismatch',
        severity: 'warning',
        rate: c.rate,
        exact: c.part.value.dividedBy(whole.value).times(100),
        range,
        formula: `${c.part.text} ÷ ${c.whole.kind === 'parts' ? `(${whole.text})` : whole.text}`,
        what: { zh: '占比', en: 'The share' },
        related: [related(c.part, '部分', 'part'), ...(source ? [source] : [])],
      });
      return finding ? [finding] : [];
    }),
};
