import type { Rule } from './rule';

/**
 * `增长 13.95。`, `占76.23；`: a rate or share written without its % sign. Only a bare figure
 * (no unit after it) that the words before make a rate, at the end of its clause; the fix adds
 * the sign in the author's own width.
 */
export const percentSign: Rule = {
  id: 'percent-sign',
  severity: 'warning',
  tags: ['format'],
  description: { zh: '增长率、占比等比率缺少 % 号（如“增长 13.95。”）', en: 'A rate or share written without its % sign (增长 13.95。)' },
  // The scanner reads such a figure as a percentage (figures.ts), so the rate itself is checked too.
  check: ({ report }) =>
    report.figures
      .filter((f) => f.signMissing)
      .map((f) => {
        const sign = f.fullWidth ? '％' : '%';
        return {
          start: f.start,
          end: f.end,
          message: { zh: `“${f.text}”是比率，缺少 % 号，应为 ${f.text}${sign}。`, en: `“${f.text}” is a rate and lacks its % sign: ${f.text}${sign}.` },
          expected: `${f.text}${sign}`,
          related: [],
          fix: { start: f.end, end: f.end, newText: sign },
        };
      }),
};
