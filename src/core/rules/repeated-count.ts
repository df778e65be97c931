import type { Found, Rule } from './rule';

/**
 * One thing counted twice in a paragraph with two values (`92种谈判药品转常规` … `谈判药转常规
 * 89种`): they cannot both be true. The pairs are the linker's (links/restated.ts): the thing is
 * the clause's words around the count, counts of different times are not one thing. The one a
 * 其中 list corroborates (91 种，其中 89 种 + 2 种) is taken as right; otherwise the later one is
 * reported. No fix: which is wrong is the author's to say.
 */
export const repeatedCount: Rule = {
  id: 'repeated-count',
  severity: 'warning',
  tags: ['consistency'],
  description: { zh: '同一段中同一事项的数量（种、个、人、辆…）前后不一致', en: 'The same thing counted twice in a paragraph (种, 个, 人, 辆 …) with different values' },
  check: ({ restated }) =>
    restated
      .filter((r) => r.kind === 'count' && !r.agrees)
      .map(({ figure: wrong, source: right, subject, corroborated }): Found => {
        const unit = wrong.unit ?? '';
        return {
          start: wrong.start,
          end: wrong.end,
          message: {
            zh: `同一事项（${subject}）此处为 ${wrong.text} ${unit}，同段另一处为 ${right.text} ${unit}，二者不能同时成立${corroborated ? `；后者与“其中”各项之和相符` : ''}。`,
            en: `The same thing (${subject}) is ${wrong.text} ${unit} here and ${right.text} ${unit} elsewhere in the paragraph: both cannot be true${corroborated ? '; the other agrees with the parts listed after 其中' : ''}.`,
          },
          expected: null,
          related: [{ start: right.start, end: right.end, message: { zh: '同一事项的另一数量', en: 'the other count of it' } }],
          fix: null,
        };
      }),
};
