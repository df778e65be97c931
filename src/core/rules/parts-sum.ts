import type { Figure } from '../figures';
import { shown, sum } from '../interval';
import { Dec, formatNumber } from '../number';
import type { SumClaim } from '../sums';
import type { Found, Rule } from './rule';

/**
 * A total and its parts must agree within the rounding of the parts (the n-part envelope).
 * Parts listed after 其中 may be only some of the total, so then only parts exceeding the
 * total are wrong; a complete split (当年安排 + 上年结转, the three 三公 items…) must add up.
 * The finding is on the total, unless the error is plainly a part's: a part that disagrees
 * with its own cell is where the error is (amount-mismatch's, when the link is certain), and
 * a part whose digits are those the total leaves for it with two neighbours swapped (3971
 * for 3791) is the slip.
 */
export const partsSum: Rule = {
  id: 'parts-sum',
  severity: 'warning',
  tags: ['arithmetic'],
  description: { zh: '分项之和与总数不符', en: 'Parts that do not add up to their stated total' },
  check: ({ sums, links }) => {
    const disagreeing = new Set(links.filter((l) => !l.agrees).map((l) => l.figure));
    return sums.flatMap((c): Found[] => {
      const parts = sum(c.parts.map((p) => shown(p.value, p.decimals)));
      const total = shown(c.total.value, c.total.decimals);
      const exceeds = parts.lo.gt(total.hi);
      const short = parts.hi.lt(total.lo);
      if (!exceeds && !(c.complete && short)) return [];
      if (c.parts.some((p) => disagreeing.has(p))) return [];
      const list = c.parts.map((p) => p.text).join(' + ');
      const swapped = c.complete ? transposedPart(c) : null;
      if (swapped) {
        const { part, expected } = swapped;
        return [{
          start: part.start,
          end: part.end,
          message: {
            zh: `分项 ${part.text} ${part.unit}与总数 ${c.total.text} ${c.total.unit}不符：其余分项之外应为 ${expected}（${list}；${c.basis.zh}），疑为数字颠倒。`,
            en: `The part ${part.text} ${part.unit} does not fit its total ${c.total.text} ${c.total.unit}: the other parts leave ${expected} for it (${list}; ${c.basis.en}), its digits swapped.`,
          },
          expected,
          related: [{ start: c.total.start, end: c.total.end, message: { zh: '总数', en: 'total' } }],
          // The swap is likely, not certain: the author decides.
          fix: null,
        }];
      }
      const exact = c.parts.reduce((a, p) => a.plus(p.value), new Dec(0));
      const written = formatNumber(exact, { ...c.total, decimals: Math.max(c.total.decimals, ...c.parts.map((p) => p.decimals)) });
      return [{
        start: c.total.start,
        end: c.total.end,
        message: {
          zh: `总数 ${c.total.text} ${c.total.unit}与分项之和 ${written}（${list}）不符（${c.basis.zh}）。`,
          en: `The total ${c.total.text} ${c.total.unit} is not the sum of its parts, ${written} (${list}; ${c.basis.en}).`,
        },
        expected: written,
        related: c.parts.map((p) => ({ start: p.start, end: p.end, message: { zh: '分项', en: 'part' } })),
        // Which figure is wrong, the total or a part, only the author knows.
        fix: null,
      }];
    });
  },
};

/** The one part that the total minus the other parts gives back with two neighbouring digits swapped. */
function transposedPart(c: SumClaim): { part: Figure; expected: string } | null {
  const found = c.parts.flatMap((part) => {
    const rest = c.parts.reduce((v, p) => (p === part ? v : v.minus(p.value)), c.total.value);
    if (rest.isNegative()) return [];
    const expected = formatNumber(rest, part);
    return swapsNeighbours(digitsOf(part.text), digitsOf(expected)) ? [{ part, expected }] : [];
  });
  return found.length === 1 ? found[0]! : null;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

function swapsNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
