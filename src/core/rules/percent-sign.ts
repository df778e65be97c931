import type { Rule } from './rule';

/** The words that make the next figure a rate or a share: 增长 …, 占 …, 完成预算的 …. */
const RATE_BEFORE = /(?:增\s*长|下\s*降|上\s*升|降\s*低|提\s*高|增\s*幅|降\s*幅|(?:增长|下降|完成|执行)\s*率\s*(?:为|是|达)?|占\s*比?\s*(?:为)?|占[^，,。；;占\d]{2,30}?的\s*(?:比重|比例)?\s*(?:为)?|(?:完成|执行)[^，,。；;\d]{0,12}?预算[^，,。；;\d]{0,4}的)\s*$/;
/** After the figure, the clause ends: nothing (a unit, 倍, 个百分点) that makes it another kind of number. */
const CLAUSE_END = /^[，,。；;、)）]$/;

/** The next character that is not a space, within 80 (a unit after a layout's line break counts). */
const nextChar = (norm: string, at: number) => /\S/.exec(norm.slice(at, at + 80))?.[0] ?? '';

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
  check: ({ report }) =>
    report.figures
      .filter((f) => f.kind === 'other' && f.unit === null && !f.value.isZero())
      .filter((f) => RATE_BEFORE.test(report.norm.slice(Math.max(0, f.start - 40), f.start)) && CLAUSE_END.test(nextChar(report.norm, f.end)))
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
