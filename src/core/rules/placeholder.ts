import type { Message } from '../finding';
import { prose } from '../report-facts';
import type { Found, Rule } from './rule';

interface Residue {
  pattern: RegExp;
  what: Message;
  /** Both alternatives of a change word: the one the clause's own change word (减少 0.15 万元) picks is the fix. */
  alternatives?: true;
}

const WORDS = '增加|减少|增长|下降|上升|降低|大于|小于|等于|高于|低于|持平';

/**
 * What a report template leaves for its author to fill in or choose, as it reads in the
 * half-width view of the text. Each pattern needs the residue to stand alone: `XX局`, not
 * `XXL`; `X局`, not `X光机`; `202 年度`, not `2024 年度`.
 */
const RESIDUES: Residue[] = [
  { pattern: /(?<![A-Za-z0-9\-])(?:[Xx]{2,}|×{2,}|＊{2,})(?![A-Za-z0-9\-])/g, what: { zh: '占位符', en: 'a placeholder' } },
  // One X standing for a name or a number: before what it names (X局, X万元, X年, X个).
  { pattern: /(?<![A-Za-z0-9\-])[X×](?=\s*(?:局|委|厅|单位|部门|区|市|县|万元|元|亿元|年|月|日|个|项|人|家|辆|%))/g, what: { zh: '占位符', en: 'a placeholder' } },
  // A year with a digit missing or left as X: `202 年度`, `20XX年`, `202X年`.
  { pattern: /(?<![0-9.,])(?:19|20)[0-9](?=\s*年\s*(?:度|[区市县省]级|部\s*门))|(?<![0-9A-Za-z.,])(?:19|20)[0-9]?[Xx×]+(?=\s*年)/g, what: { zh: '残缺的年份', en: 'a year with digits missing' } },
  // Both of the template's alternatives left in: 下降（增长）, 增加/减少.
  { pattern: new RegExp(`(?:${WORDS})\\s*\\(\\s*(?:${WORDS})\\s*\\)|(?:${WORDS})\\s*/\\s*(?:${WORDS})`, 'g'), what: { zh: '模板中的备选用词未删除', en: 'both of the template’s alternative words' }, alternatives: true },
  // Blanks to fill in: [ ], 【 】, ( ), ＿＿, ____ — within a line (a line of ___ alone is markdown’s rule); the spaces around are bounded so that a long run of spaces stays linear.
  { pattern: /\[\s*\]|【\s*】|\(\s+\)|\(\)|(?<=[^\s_][ \t]{0,8})_{2,}|_{2,}(?=[ \t]{0,8}[^\s_])/g, what: { zh: '待填写的空白', en: 'a blank left to fill in' } },
  // Guidance in parentheses telling the author what to write.
  {
    pattern: /\((?:请|如有|如无|若有|填写|填报|填列|简要|主要说明|描述|列示|注明|参照|按照[^()]{0,20}填)[^()\d]{4,80}\)|\([^()\d]{2,40}(?:情况|内容)[,，]\s*以及[^()\d]{2,60}等\)/g,
    what: { zh: '模板的填写说明未删除', en: 'the template’s guidance to the author' },
  },
];

/** Template residue: placeholders, blanks, a year with digits missing, both alternatives, guidance left in. */
export const placeholder: Rule = {
  id: 'placeholder',
  severity: 'warning',
  tags: ['template', 'wording'],
  description: { zh: '模板残留：占位符（XX、××）、残缺年份（202 年度）、未删除的备选词（下降（增长））、空白、填写说明', en: 'Template residue: a placeholder (XX), a year with a digit missing (202 年度), both alternatives (下降（增长）), a blank, guidance left in' },
  check: ({ report }) => {
    const matches: { start: number; end: number; what: Message; alternatives?: true }[] = [];
    for (const block of prose(report)) {
      const text = report.norm.slice(block.start, block.end);
      for (const { pattern, what, alternatives } of RESIDUES) {
        for (const m of text.matchAll(pattern)) matches.push({ start: block.start + m.index, end: block.start + m.index + m[0].length, what, alternatives });
      }
    }
    // Overlapping residue (XX inside a guidance note) is said once, the earliest-starting, longest.
    matches.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Found[] = [];
    let reached = -1;
    for (const { start, end, what, alternatives } of matches) {
      if (start < reached) continue;
      reached = end;
      const shown = report.text.slice(start, end);
      const pick = alternatives ? picked(report.norm, start, shown) : null;
      out.push({
        start,
        end,
        message: {
          zh: `“${shown}”是${what.zh}，应${pick ? `按前文写作“${pick}”` : '按实际情况填写或删除'}。`,
          en: `“${shown}” is ${what.en}: ${pick ? `the change stated before it makes it ${pick}` : 'fill it in or delete it'}.`,
        },
        expected: pick,
        related: [],
        fix: pick ? { start, end, newText: pick } : null,
      });
    }
    return out;
  },
};

const UP = ['增加', '增长', '上升'];
const DOWN = ['减少', '下降', '降低'];

/**
 * The alternative the clause's own change picks: `减少 0.15 万元，下降（增长）` is 下降. Only when the
 * change word is the last one before the residue in its sentence (within 30 characters) and
 * exactly one alternative goes its way.
 */
function picked(norm: string, start: number, shown: string): string | null {
  const before = norm.slice(Math.max(0, start - 30), start);
  const sentence = before.slice(before.lastIndexOf('。') + 1);
  // Layout text breaks words over lines (减\n\n少): spaces inside a word are allowed.
  const words = [...sentence.matchAll(/增\s*加|增\s*长|上\s*升|减\s*少|下\s*降|降\s*低/g)];
  const last = words[words.length - 1]?.[0].replace(/\s/g, '');
  if (!last) return null;
  const way = UP.includes(last) ? UP : DOWN;
  const options = [...shown.matchAll(/增加|增长|上升|减少|下降|降低/g)].map((m) => m[0]).filter((w) => way.includes(w));
  return options.length === 1 ? options[0]! : null;
}
