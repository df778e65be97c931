import { evaluationFor } from '../identities';
import { bandsName, codeRange } from '../names';
import type { Found, Rule } from './rule';

/**
 * Subject codes with a digit count no code of their scheme has (208050 among 7-digit 项 codes,
 * 3010 among 5-digit 款 codes): the last digits were cut off, usually by a column too narrow
 * in the export. Reported once per table, with every such code as a related location, instead
 * of as one broken hierarchy per parent.
 */
export const truncatedCode: Rule = {
  id: 'truncated-code',
  severity: 'warning',
  tags: ['table', 'format'],
  description: { zh: '科目编码位数不对，疑为末位被截断（如 208050 应为 7 位）', en: 'Subject codes with too few digits, their end cut off (208050 for a 7-digit code)' },
  check: ({ report, templates }) => {
    const ev = evaluationFor(report, templates);
    if (!ev) return [];
    const out: Found[] = [];
    for (const [key, a] of ev.codes) {
      if (a.truncated.length === 0) continue;
      const [first, ...rest] = [...a.truncated].sort((x, y) => x.row.start - y.row.start);
      const scheme = a.scheme.name ?? { zh: key, en: key };
      const levels = a.scheme.levels;
      // Distinct codes: the reader may have folded rows that share a cut-off code.
      const codes = [...new Set([first!, ...rest].map((t) => t.code))];
      const shown = codes.slice(0, 5);
      const more = codes.length - shown.length;
      const at = codeRange(report.text, first!.row);
      const name = bandsName(ev.tables.get(key)!);
      out.push({
        start: at.start,
        end: at.end,
        message: {
          zh: `${name}：科目编码 ${shown.join('、')}${more ? ` 等 ${codes.length} 种` : ''} 位数不对（${scheme.zh}编码为 ${levels.join('、')} 位），疑为末位被截断；涉及它们的科目层级合计无法核对。`,
          en: `${name}: subject codes ${shown.join(', ')}${more ? ` and ${more} more` : ''} have a digit count no ${scheme.en} code has (${levels.join(', ')} digits): their last digits look cut off, so the subject totals over them cannot be checked.`,
        },
        expected: null,
        related: rest.map((t) => ({ ...codeRange(report.text, t.row), message: { zh: `截断的编码 ${t.code}`, en: `cut-off code ${t.code}` } })),
        fix: null,
      });
    }
    return out;
  },
};
