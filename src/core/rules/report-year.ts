import { prose, reportFacts } from '../report-facts';
import type { Found, Rule } from './rule';

/** A year, not inside a number, a code or a range (`2021-2025年`). */
const YEAR = /(?<![0-9.\-–—~～])((?:19|20)[0-9]{2})\s*年\s*(度)?/g;
/** Words just before a year that make it another period than the report's: comparisons, ranges, lists. */
const OTHER_PERIOD_BEFORE = /(?:与|比|较|同|对比|相较|相比|上年度?|上一年度?|去年|自|从|至|到|[-–—~～、和及或])\s*(?:[(（]\s*)?$/;
const UNTIL_BEFORE = /(?:截至|截止(?:到|至)?)\s*$/;
const YEAR_END_AFTER = /^\s*年\s*(?:12\s*月\s*31\s*日|底|末)/;
/** The report's own title formula after the year: certain, so fixed. */
const TITLE_AFTER = /^\s*(?:[区市县省]级\s*)?(?:本级\s*)?部\s*门\s*(决\s*算|预\s*算)(?!\s*执行)/;
/** What the narrative states for the report's own period: its income, spending, 三公 … */
const OWN_PERIOD_AFTER = /^\s*["“”]?\s*(?:(?:本?部门|单位)\s*)?(?:收\s*入|支\s*出|收\s*[、,，]?\s*支|财\s*政\s*拨\s*款|一\s*般\s*公\s*共\s*预\s*算|政\s*府\s*性\s*基\s*金|国\s*有\s*资\s*本\s*经\s*营|["“”]?\s*三\s*公|机\s*关\s*运\s*行\s*经\s*费|政\s*府\s*采\s*购)/;

/**
 * The report's year read once (its titles, report-facts.ts); a year that names this report's
 * own period — a part or table title, 截至…12月31日 in a 决算, the year of the income and
 * spending the narrative states — must be it. A year after 与 / 比 / 较 / 上年, in a range, in a
 * 《title》 or in a sentence that also names the report's year is another period, and expected.
 */
export const reportYear: Rule = {
  id: 'report-year',
  severity: 'warning',
  tags: ['wording', 'consistency'],
  description: { zh: '指本报告期间的年份与报告年度不符（如 2024 年度报告中的“2023年度部门决算情况说明”）', en: 'A year that names the report’s own period but is not the report’s year (2023年度部门决算 in a 2024 report)' },
  check: ({ report }) => {
    const { year, kind } = reportFacts(report);
    if (year === null) return [];
    const { norm } = report;
    const out: Found[] = [];
    for (const block of prose(report)) {
      const text = norm.slice(block.start, block.end);
      for (const m of text.matchAll(YEAR)) {
        const stated = Number(m[1]);
        if (stated === year) continue;
        const at = block.start + m.index;
        const before = sentenceBefore(text, m.index);
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
        const until = UNTIL_BEFORE.test(before) && YEAR_END_AFTER.test(text.slice(m.index + 4));
        // A 预算's assets are counted before its year begins: only a 决算 dates them to its own year-end.
        if (until && kind !== '决算') continue;
        // A title of this kind of report (决算 in a 决算): another kind is another document (编制2025年部门预算).
        const titled = TITLE_AFTER.exec(after);
        if (titled && titled[1]!.replace(/\s/g, '') !== kind) continue;
        const title = titled !== null;
        if (!until && (OTHER_PERIOD_BEFORE.test(before) || inBookTitle(text, m.index))) continue;
        if (!until && !title && (!OWN_PERIOD_AFTER.test(after) || sentenceNames(text, m.index, year))) continue;
        const certain = until || title;
        out.push({
          start: at,
          end: at + 4,
          message: {
            zh: `本报告为 ${year} 年度${kind ?? ''}，此处${until ? '期末日期' : '所指本报告期间'}却写作 ${stated} 年。`,
            en: `This is the ${year} report${kind ? ` (${kind})` : ''}, but ${until ? 'the year-end date' : 'the report’s own period'} is written as ${stated} here.`,
          },
          expected: String(year),
          related: [],
          fix: certain ? { start: at, end: at + 4, newText: String(year) } : null,
        });
      }
    }
    return out;
  },
};

/** The text of the sentence before `i`, up to 12 characters: what the year is compared with. */
function sentenceBefore(text: string, i: number): string {
  const from = Math.max(0, i - 12);
  const part = text.slice(from, i);
  const stop = Math.max(part.lastIndexOf('。'), part.lastIndexOf('；'), part.lastIndexOf(';'));
  return part.slice(stop + 1);
}

/** Inside 《…》: a plan's or a document's name (looked for within 60 characters: titles are short). */
function inBookTitle(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 60), i);
  return before.lastIndexOf('《') > before.lastIndexOf('》');
}

/** The sentence around `i` (within 150 characters each way) names `year` too: a comparison of two periods. */
function sentenceNames(text: string, i: number, year: number): boolean {
  const window = text.slice(Math.max(0, i - 150), i + 150);
  const at = i - Math.max(0, i - 150);
  const start = window.lastIndexOf('。', at) + 1;
  const stop = window.indexOf('。', at);
  const sentence = window.slice(start, stop < 0 ? window.length : stop);
  return new RegExp(`(?<![0-9])${year}\\s*年`).test(sentence);
}
