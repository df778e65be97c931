import { shown } from '../interval';
import { convert, isAmountUnit } from '../number';
import type { Statement } from '../links/link';
import type { Found, Rule } from './rule';

/** The same subject, in the same words, stated with different amounts in two paragraphs. */
export const repeatedFigure: Rule = {
  id: 'repeated-figure',
  severity: 'warning',
  tags: ['consistency'],
  description: { zh: '同一事项在两处的金额不一致', en: 'The same item stated with different amounts in two places' },
  check: ({ statements }) => {
    const first = new Map<string, Statement>();
    const out: Found[] = [];
    for (const s of statements) {
      const earlier = first.get(s.subject);
      if (!earlier) {
        first.set(s.subject, s);
        continue;
      }
      if (earlier.block === s.block) continue;
      const [a, b] = [earlier.figure, s.figure];
      if (!isAmountUnit(a.unit) || !isAmountUnit(b.unit)) continue;
      const x = shown(convert(a.value, a.unit, b.unit), a.decimals + 8);
      const xa = shown(a.value, a.decimals);
      const y = shown(b.value, b.decimals);
      const ya = shown(convert(b.value, b.unit, a.unit), b.decimals + 8);
      const overlap = (p: typeof x, q: typeof y) => p.lo.lte(q.hi) && p.hi.gte(q.lo);
      if (overlap(x, y) || overlap(xa, ya)) continue;
      out.push({
        start: b.start,
        end: b.end,
        message: {
          zh: `同一事项前文为 ${a.text} ${a.unit}，此处为 ${b.text} ${b.unit}，两处不一致。`,
          en: `The same item is ${a.text} ${a.unit} earlier and ${b.text} ${b.unit} here.`,
        },
        expected: null,
        related: [{ start: a.start, end: a.end, message: { zh: '前文所述', en: 'stated earlier' } }],
        fix: null,
      });
    }
    return out;
  },
};
