import type { Figure } from '../figures';
import { type Interval, shown, sum } from '../interval';
import type { Link } from '../links/link';
import { cellRange } from '../links/cells';
import { Dec, formatNumber, isAmountUnit } from '../number';
import { confirmedFigures, type SumClaim } from '../sums';
import type { Found, Rule } from './rule';

/**
 * A total and its parts must agree within the rounding of the parts (the n-part envelope).
 * Parts listed after 其中 may be only some of the total, so then only parts exceeding the
 * total are wrong; a complete split (当年安排 + 上年结转, the three 三公 items…) must add up.
 * Figures are taken as fix-all leaves them: a part amount-mismatch corrects is blamed there.
 * The finding is on the total, unless the error is plainly a part's: a part that disagrees
 * with its own cell and makes the sum hold as its cell says is where the error is (flagged
 * there), the one part no cell confirms beside a confirmed total is blamed, and a part whose
 * digits are those the total leaves for it with two neighbours swapped (3971 for 3791) is the slip.
 */
export const partsSum: Rule = {
  id: 'parts-sum',
  severity: 'warning',
  tags: ['arithmetic'],
  description: { zh: '分项之和与总数不符', en: 'Parts that do not add up to their stated total' },
  check: ({ sums, links, asFixed }) => {
    const confirmed = confirmedFigures(links);
    const disagreeing = new Map(links.filter((l) => !l.agrees && !l.candidates).map((l) => [l.figure, l]));
    return sums.flatMap((c): Found[] => {
      const total = asFixed(c.total);
      const stated = c.parts.map(asFixed);
      const parts = sum(stated.map((p) => shown(p.value, p.decimals)));
      const whole = shown(total.value, total.decimals);
      const exceeds = parts.lo.gt(whole.hi);
      const short = parts.hi.lt(whole.lo);
      if (!exceeds && !(c.complete && short)) return [];
      if (holdsAsCellsSay(c, stated, disagreeing, whole)) return [];
      const exact = stated.reduce((a, p) => a.plus(p.value), new Dec(0));
      const decimals = Math.max(total.decimals, ...stated.map((p) => p.decimals));
      const written = formatNumber(exact, { ...total, decimals });
      const list = stated.map((p) => p.text).join(' + ');
      // The total restates its cell and so does every part but one that could be at fault (a
      // zero cannot make the parts exceed): that part is the wrong figure, not the total.
      const suspects = c.parts.filter((p, i) => !confirmed.has(p) && !(exceeds && stated[i]!.value.isZero()));
      if (confirmed.has(c.total) && suspects.length === 1) return [blamePart(suspects[0]!, total, c.parts.filter((p) => p !== suspects[0]).map(asFixed), c.complete, decimals)];
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
      return [{
        start: c.total.start,
        end: c.total.end,
        message: {
          zh: `总数 ${total.text} ${total.unit}与分项之和 ${written}（${list}）不符（${c.basis.zh}）。`,
          en: `The total ${total.text} ${total.unit} is not the sum of its parts, ${written} (${list}; ${c.basis.en}).`,
        },
        expected: written,
        related: c.parts.map((p) => ({ start: p.start, end: p.end, message: { zh: '分项', en: 'part' } })),
        // Which figure is wrong, the total or a part, only the author knows.
        fix: null,
      }];
    });
  },
};

/** The one part the tables do not confirm: it should be the total less the others (at most that, in a partial list). */
function blamePart(part: Figure, total: Figure, others: Figure[], complete: boolean, decimals: number): Found {
  const rest = total.value.minus(others.reduce((a, p) => a.plus(p.value), new Dec(0)));
  const expected = formatNumber(rest, { ...part, decimals: Math.max(part.decimals, decimals) });
  return {
    start: part.start,
    end: part.end,
    message: {
      zh: `分项 ${part.text} 与总数 ${total.text} 及其余分项（均与表中一致）不符：此项${complete ? '应为' : '至多为'} ${expected}。`,
      en: `The part ${part.text} does not fit the total ${total.text} and the other parts, which all agree with the tables: it ${complete ? 'should be' : 'can be at most'} ${expected}.`,
    },
    expected: complete ? expected : null,
    related: [{ start: total.start, end: total.end, message: { zh: '总数', en: 'total' } }, ...others.map((p) => ({ start: p.start, end: p.end, message: { zh: '分项', en: 'part' } }))],
    fix: null,
  };
}

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

/** Whether the parts add up once each part that disagrees with its own cell reads as the cell. */
function holdsAsCellsSay(c: SumClaim, stated: Figure[], disagreeing: Map<Figure, Link>, whole: Interval): boolean {
  let changed = false;
  const ranges = c.parts.map((p, i) => {
    const l = disagreeing.get(p);
    if (!l || l.cell.value.kind !== 'number' || !l.table.unit || !isAmountUnit(p.unit)) return shown(stated[i]!.value, stated[i]!.decimals);
    changed = true;
    return cellRange(l.cell.value, l.table.unit, p.unit);
  });
  if (!changed) return false;
  const parts = sum(ranges);
  return !parts.lo.gt(whole.hi) && !(c.complete && parts.hi.lt(whole.lo));
}
