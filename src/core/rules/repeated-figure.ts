import type { Found, Rule } from './rule';

/** The same subject, in the same words, stated with different amounts in two paragraphs (paired by links/restated.ts). */
export const repeatedFigure: Rule = {
  id: 'repeated-figure',
  severity: 'warning',
  tags: ['consistency'],
  description: { zh: '同一事项在两处的金额不一致', en: 'The same item stated with different amounts in two places' },
  check: ({ restated }) =>
    restated
      .filter((r) => r.kind === 'amount' && !r.agrees)
      .map(({ figure: b, source: a }): Found => ({
        start: b.start,
        end: b.end,
        message: {
          zh: `同一事项前文为 ${a.text} ${a.unit}，此处为 ${b.text} ${b.unit}，两处不一致。`,
          en: `The same item is ${a.text} ${a.unit} earlier and ${b.text} ${b.unit} here.`,
        },
        expected: null,
        related: [{ start: a.start, end: a.end, message: { zh: '前文所述', en: 'stated earlier' } }],
        fix: null,
      })),
};
