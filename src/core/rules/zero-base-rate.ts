import type { Claim } from '../claims';
import type { Figure } from '../figures';
import type { Message } from '../finding';
import type { Report } from '../report';
import type { Found, Rule } from './rule';

function finding(rate: Figure, base: Figure, undefinedRate: boolean, message: Message): Found {
  return {
    ...(undefinedRate ? { severity: 'information' as const } : {}),
    start: rate.start,
    end: rate.end,
    message,
    expected: null,
    related: [{ start: base.start, end: base.end, message: { zh: '基数', en: 'base' } }],
    fix: null,
  };
}

/** The finding for one claim whose rate stands on a zero base, if it does. */
function zeroBase(c: Claim): Found | null {
  if (c.kind === 'completion' && c.budget.value.isZero()) {
    return c.actual.value.isZero()
      ? finding(c.rate, c.budget, true, {
          zh: `预算数与决算数均为 0，完成率无从计算（0 ÷ 0）；宜写“年初无预算”或“不可比”，而非 ${c.rate.text}%。`,
          en: `Budget and actual are both 0, so the rate is undefined (0 ÷ 0); write 年初无预算 / 不可比 rather than ${c.rate.text}%.`,
        })
      : finding(c.rate, c.budget, false, {
          zh: `预算数为 0 而决算数为 ${c.actual.text}，完成率无法计算；宜写“年初无预算”，而非 ${c.rate.text}%。`,
          en: `The budget is 0 and the actual ${c.actual.text}: no rate can be computed; write 年初无预算 rather than ${c.rate.text}%.`,
        });
  }
  // An increase equal to this year's amount: last year was 0, and no growth rate exists.
  if (c.kind === 'change' && c.rate && c.increase && c.current.value.eq(c.delta.value) && !c.current.value.isZero()) {
    return finding(c.rate, c.current, false, {
      zh: `增加额等于本年数 ${c.current.text}，即上年为 0，增长率无从计算；宜写“增长（基数为 0，不可比）”，而非 ${c.rate.text}%。`,
      en: `The increase equals this year's ${c.current.text}, so last year was 0 and no growth rate exists; write 增长（基数为 0，不可比） rather than ${c.rate.text}%.`,
    });
  }
  if (c.kind === 'share' && c.whole.kind !== 'parts' && c.whole.figure.value.isZero()) {
    return finding(c.rate, c.whole.figure, c.part.value.isZero(), {
      zh: c.part.value.isZero() ? `总数为 0，占比无从计算（0 ÷ 0）。` : `总数为 0 而部分为 ${c.part.text}，占比无法计算。`,
      en: c.part.value.isZero() ? 'The whole is 0, so the share is undefined (0 ÷ 0).' : `The whole is 0 but the part is ${c.part.text}: no share can be computed.`,
    });
  }
  return null;
}

/**
 * A rate on a zero base: 0 ÷ 0 is undefined (write 年初无预算 / 不可比), and a rate of a
 * non-zero amount on a zero base cannot be stated at all.
 */
export const zeroBaseRate: Rule = {
  id: 'zero-base-rate',
  severity: 'warning',
  tags: ['arithmetic', 'rate'],
  description: { zh: '基数为 0 时仍写出了比率', en: 'A rate stated on a zero base' },
  check: ({ claims, report }) => {
    const found = claims.map(zeroBase).filter((f): f is Found => f !== null);
    const seen = new Set(found.map((f) => f.start));
    return [...found, ...saidZero(report).filter((f) => !seen.has(f.start))];
  },
};

/** Words that say last year's base was nothing: a unit founded this year, an item new this year. */
const ZERO_BASE = /上年(?:同期)?(?:决算数?|支出|数)?\s*(?:为|是)\s*0(?:\.0+)?\s*(?:万元|元)?(?![0-9.])|上年(?:无|未(?:发生|安排|列支))|(?:本年|今年|当年)?新(?:成立|组建|设立|设)|首次(?:安排|列支|发生)|基数为\s*0(?![0-9.])/;
const GROWTH_BEFORE = /(?:增\s*长|上\s*升|增\s*幅|增长率\s*(?:为|是|达)?)\s*$/;

/**
 * A growth rate in a sentence that says its base was zero (上年为 0, 新成立, 首次安排): no
 * growth rate exists, whatever figure is written. The rate claims above catch the base from
 * the figures; this, from the words.
 */
function saidZero(report: Report): Found[] {
  const { norm } = report;
  return report.figures.flatMap((f): Found[] => {
    if (f.unit !== '%' || f.value.isZero() || !GROWTH_BEFORE.test(norm.slice(Math.max(0, f.start - 8), f.start))) return [];
    // The sentence, within 200 characters either way.
    const lo = Math.max(0, f.start - 200);
    const start = lo + norm.slice(lo, f.start).lastIndexOf('。') + 1;
    const stop = norm.slice(f.end, f.end + 200).indexOf('。');
    const said = ZERO_BASE.exec(norm.slice(start, stop < 0 ? f.end + 200 : f.end + stop));
    if (!said) return [];
    const at = start + said.index;
    return [{
      start: f.start,
      end: f.end,
      message: {
        zh: `同句说明上年基数为 0（“${report.text.slice(at, at + said[0].length)}”），增长率无从计算；宜写“增长（基数为 0，不可比）”，而非 ${f.text}%。`,
        en: `The sentence says last year's base was 0 (${report.text.slice(at, at + said[0].length)}), so no growth rate exists; write 增长（基数为 0，不可比） rather than ${f.text}%.`,
      },
      expected: null,
      related: [{ start: at, end: at + said[0].length, message: { zh: '基数为 0', en: 'zero base' } }],
      fix: null,
    }];
  });
}
