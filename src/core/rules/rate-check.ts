// The shared arithmetic of every rate rule: is a stated percentage explained by the figures
// it is computed from, allowing for their rounding? If not, what should it say?
import type Decimal from 'decimal.js';
import type { Figure } from '../figures';
import type { Related } from '../finding';
import type { Found } from './rule';
import type { Tolerance } from '../config';
import { explains, type Interval, isTruncation, round, truncationExplains } from '../interval';
import { Dec, formatNumber } from '../number';

export interface RateCheck {
  rate: Figure;
  /** The exact value from the figures as shown. */
  exact: Decimal;
  /** Every value the figures' rounding allows. */
  range: Interval;
  /** The formula with the values used, e.g. `44.5 ÷ 450`. */
  formula: string;
  what: { zh: string; en: string };
  related: Related[];
}

export function rateFinding(tolerance: Tolerance, c: RateCheck): Found | null {
  const { rate, exact, range } = c;
  if (explains(range, rate.value, rate.decimals)) return null;
  if (tolerance === 'truncation' && truncationExplains(range, rate.value, rate.decimals)) return null;
  const expected = round(exact, rate.decimals);
  const newText = formatNumber(expected, rate);
  const truncated = isTruncation(exact, rate.value, rate.decimals);
  const bounds = { lo: range.lo.toFixed(rate.decimals + 2, Dec.ROUND_DOWN), hi: range.hi.toFixed(rate.decimals + 2, Dec.ROUND_UP) };
  const interval = `[${bounds.lo}, ${bounds.hi}]`;
  return {
    start: rate.start,
    end: rate.end,
    message: {
      zh: `${c.what.zh}应为 ${newText}%（${c.formula} = ${exact.toSignificantDigits(8).toString()}%），文中为 ${rate.text}%${truncated ? '：文中数字是截断而非四舍五入' : ''}。按所列数字的舍入范围，该比率只可能在 ${interval}% 之间。`,
      en: `${c.what.en} should be ${newText}% (${c.formula} = ${exact.toSignificantDigits(8).toString()}%), the text says ${rate.text}%${truncated ? ': the text truncates instead of rounding' : ''}. Allowing for the rounding of the figures shown, it can only be in ${interval}%.`,
    },
    expected: newText,
    related: c.related,
    fix: { start: rate.start, end: rate.end, newText },
    interval: bounds,
  };
}

/** A rate the figures explain once a contradicted total reads as its parts' sum: parts-sum blames the total instead. */
export const explainedBy = (r: { range: Interval } | null, rate: Figure) => r !== null && explains(r.range, rate.value, rate.decimals);

export const related = (figure: Figure, zh: string, en: string): Related => ({ start: figure.start, end: figure.end, message: { zh, en } });
