import { chooseTemplate } from '../identities';
import type { Malformed, Report } from '../report';
import { performanceTables } from '../tables/performance';
import type { Context, Rule } from './rule';

/**
 * In a 绩效 table read from OCR, a piece of a number cut across cells (`76.`, `. 84`) or two
 * figures run into one cell (`0.00 0`) is the reader's to mend, not a broken figure; a number
 * with two decimal points stays one.
 */
const CUT = /^(?:\d+\s*\.|\.\s*\d+|\d+(?:\.\d+)?(?:\s+|<br>)\d+(?:\.\d+)?)$/;

function mendable(report: Report, templates: Context['templates']): (m: Malformed) => boolean {
  const vocabulary = chooseTemplate(report, templates)?.performance;
  const tables = vocabulary ? performanceTables(report, vocabulary) : [];
  return (m) => tables.some((t) => m.start >= t.start && m.end <= t.end && (CUT.test(m.text.trim()) || t.mended.some((s) => m.start < s.end && s.start < m.end)));
}

/** A figure that cannot be read as any value: OCR damage or a typing slip. */
export const malformedNumber: Rule = {
  id: 'malformed-number',
  severity: 'warning',
  tags: ['format'],
  description: {
    zh: '数字格式错误（如 4.627.11、0,987.78），无法读出数值',
    en: 'A figure that cannot be read as a number (e.g. 4.627.11, 0,987.78)',
  },
  check: ({ report, templates }) => {
    const mended = mendable(report, templates);
    return report.malformed.filter((m) => !mended(m)).map((m) => ({
      start: m.start,
      end: m.end,
      message: m.reading
        ? {
            zh: `数字“${m.text}”格式错误：千位分隔符用了全角逗号“，”，应写作 ${m.reading}${m.where ? `（${m.where}）` : ''}`,
            en: `“${m.text}” is not a well-formed number${m.where ? ` (${m.where})` : ''}: ${m.reason}; it reads as ${m.reading}`,
          }
        : {
            zh: `数字“${m.text}”格式错误，无法读出数值${m.where ? `（${m.where}）` : ''}`,
            en: `“${m.text}” is not a well-formed number${m.where ? ` (${m.where})` : ''}: ${m.reason}`,
          },
      expected: null,
      related: [],
      fix: null,
    }));
  },
};
