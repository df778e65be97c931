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
    return rows(report.text, report.malformed.filter((m) => !mended(m))).map(([m, ...more]) => {
      const others = more.length ? { zh: `；同一行另有 ${more.length} 个：${more.map((o) => `“${o.text}”`).join('、')}`, en: `; ${more.length} more in this row: ${more.map((o) => `“${o.text}”`).join(', ')}` } : { zh: '', en: '' };
      return {
        start: m.start,
        end: m.end,
        message: m.reading
          ? {
              zh: `数字“${m.text}”格式错误：千位分隔符用了全角逗号“，”，应写作 ${m.reading}${m.where ? `（${m.where}）` : ''}${others.zh}`,
              en: `“${m.text}” is not a well-formed number${m.where ? ` (${m.where})` : ''}: ${m.reason}; it reads as ${m.reading}${others.en}`,
            }
          : {
              zh: `数字“${m.text}”格式错误，无法读出数值${m.where ? `（${m.where}）` : ''}${others.zh}`,
              en: `“${m.text}” is not a well-formed number${m.where ? ` (${m.where})` : ''}: ${m.reason}${others.en}`,
            },
        expected: null,
        related: more.map((o) => ({ start: o.start, end: o.end, message: { zh: `同一行：“${o.text}”`, en: `same row: “${o.text}”` } })),
        fix: null,
      };
    });
  },
};

/**
 * The malformed cells of one table row together (a row garbled by OCR often has several: one
 * finding says it); prose figures each on their own. Sorted by start, as the report keeps them.
 */
function rows(text: string, malformed: Malformed[]): [Malformed, ...Malformed[]][] {
  const out: [Malformed, ...Malformed[]][] = [];
  for (const m of malformed) {
    const group = out[out.length - 1];
    const prev = group?.[group.length - 1];
    if (group && prev?.where && m.where && !text.slice(prev.end, m.start).includes('\n')) group.push(m);
    else out.push([m]);
  }
  return out;
}
