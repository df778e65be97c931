import { bareName, DEPARTMENT_END, normalName, prose, reportFacts } from '../report-facts';
import type { Found, Rule } from './rule';

/**
 * Where a template writes the department's name: before the year of a 部门决算 / 部门预算
 * title (`上海市普陀区生态环境局 2025 年度部门决算表`, `纳入…2024年度部门决算编制范围`) and in
 * 第一部分 …概况. The name is the run of Chinese (and brackets) just before.
 */
const NAMED_TITLE = /([\u4e00-\u9fff()（） \t]{2,60}?)\s*(?:(?:19|20)[0-9]{2}\s*年\s*(?:度\s*)?(?:[区市县省]级\s*)?部\s*门\s*(?:决\s*算|预\s*算)|概\s*况)/g;
/** What may stand before the name in such a title: the part's number, 纳入. */
const LEAD = /^(?:第[一二三四五六七八九十]+部分|纳入|[一二三四五六七八九十]+、)/;

/**
 * The department's name as the title page gives it (report-facts.ts); a part title, table
 * heading or 纳入…编制范围 sentence naming another department (the municipal bureau for the
 * district one, with 普陀区 dropped) is a slip. Units named in 单位构成 are not titles of
 * this kind, and a name that begins with the department's own (its 本级, a unit under it) is not
 * another department.
 */
export const departmentName: Rule = {
  id: 'department-name',
  severity: 'warning',
  tags: ['wording', 'consistency'],
  description: { zh: '标题或表头中的部门名称与封面不符（如漏写区名，成了市级部门）', en: 'A title or table heading that names another department than the cover (a dropped 普陀区 names the municipal bureau)' },
  check: ({ report }) => {
    const own = reportFacts(report).department;
    if (!own) return [];
    const ownBare = bareName(own);
    const units = unitList(report.norm);
    const out: Found[] = [];
    for (const block of prose(report)) {
      const text = report.norm.slice(block.start, block.end);
      for (const m of text.matchAll(NAMED_TITLE)) {
        // The name: the run's last stretch without a line break inside a word, after a part number.
        const raw = m[1]!;
        const lead = LEAD.exec(normalName(raw));
        const name = normalName(raw).slice(lead ? lead[0].length : 0);
        const bare = bareName(name);
        if (bare.length < 4 || !DEPARTMENT_END.test(bare) || bare === ownBare || bare.startsWith(ownBare) || units.includes(bare)) continue;
        // Where the name sits in the text: its first and last characters, skipping spaces.
        const rawStart = m.index + raw.search(/\S/);
        let start = block.start + rawStart;
        const leadLength = lead ? lead[0].length : 0;
        for (let seen = 0; seen < leadLength; start++) if (!/\s/.test(report.norm[start]!)) seen++;
        while (/\s/.test(report.norm[start]!)) start++;
        const end = block.start + m.index + raw.trimEnd().length;
        const dropped = isSubsequence(bare, ownBare);
        out.push({
          start,
          end,
          message: {
            zh: `封面所列部门为“${own}”，此处却写作“${name}”${dropped ? '（漏字）' : '，是另一部门'}。`,
            en: `The cover names the department “${own}”, but this title names “${name}”${dropped ? ' (characters dropped)' : ', another department'}.`,
          },
          expected: own,
          related: [],
          // Characters dropped from the department's own name: writing it whole is certain.
          fix: dropped && !/[\s()]/.test(report.text.slice(start, end) + own) ? { start, end, newText: own } : null,
        });
      }
    }
    return out;
  },
};

/**
 * The 单位构成 (部门决算单位构成, 机构设置) sections, flattened: the units under the department,
 * which may be named. A section ends at the next part or at a title line of the tables.
 */
function unitList(norm: string): string {
  return [...norm.matchAll(/单\s*位\s*构\s*成|机\s*构\s*设\s*置/g)]
    .slice(0, 6) // the contents, the section, a repeat or two: no more
    .map((m) => {
      const chunk = norm.slice(m.index, m.index + 1500);
      const end = chunk.search(SECTION_END);
      return bareName(end < 0 ? chunk : chunk.slice(0, end));
    })
    .join('|');
}

const SECTION_END = /第\s*[二三四五六七八九十]\s*部\s*分|\n[ \t\f]*[\u4e00-\u9fff()（）]{2,40}[ \t]*(?:19|20)[0-9]{2}\s*年\s*(?:度\s*)?(?:[区市县省]级\s*)?部\s*门\s*(?:决\s*算|预\s*算)(?:[ \t]*表)?[ \t]*(?:\n|$)/;

/** `a` is `b` with some characters left out (上海市规划和自然资源局 in 上海市普陀区规划和自然资源局). */
function isSubsequence(a: string, b: string): boolean {
  if (a.length >= b.length) return false;
  let j = 0;
  for (const ch of b) if (ch === a[j]) j++;
  return j === a.length;
}
