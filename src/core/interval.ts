// Rounding-aware arithmetic (the XBRL Calculations 1.1 idea, extended to ratios): a figure
// shown with d decimals stands for any value within half a unit of its last digit, and a
// derived figure is wrong only when no choice of those values reproduces it.
import type Decimal from 'decimal.js';
import { Dec } from './number';

export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

const halves = new Map<number, Decimal>();

/** Half a unit of the last digit shown with `decimals` decimals: 5·10^-(decimals+1), made once (a Decimal never changes). */
export function half(decimals: number): Decimal {
  let h = halves.get(decimals);
  if (!h) halves.set(decimals, (h = new Dec(`5e${-(decimals + 1)}`)));
  return h;
}

/**
 * What a shown figure can stand for. A zero is exact: these reports write a small amount as
 * `0.30`, never as `0`, so `0 万元` means nothing was spent.
 */
export function shown(value: Decimal, decimals: number): Interval {
  if (value.isZero()) return { lo: new Dec(0), hi: new Dec(0) };
  const h = half(decimals);
  const lo = value.minus(h);
  return { lo: value.gte(0) && lo.lt(0) ? new Dec(0) : lo, hi: value.plus(h) };
}

/** The sum of rounded parts: the widths add up (the n-part envelope). */
export function sum(parts: Interval[]): Interval {
  return parts.reduce((a, b) => ({ lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi) }), { lo: new Dec(0), hi: new Dec(0) });
}

/** 100·a/b over non-negative intervals; null when b may be zero. */
export function percentOf(a: Interval, b: Interval): Interval | null {
  if (b.lo.lte(0)) return null;
  return { lo: a.lo.dividedBy(b.hi).times(100), hi: a.hi.dividedBy(b.lo).times(100) };
}

/**
 * The rate of a change from a prior value to `current` by `delta` (both shown), as a
 * percentage of the prior value: delta / (current ∓ delta). The rate grows with delta and
 * falls with current, so the ends of the intervals give its ends.
 */
export function changeRate(current: Interval, delta: Interval, increase: boolean): Interval | null {
  const prior = (c: Decimal, d: Decimal) => (increase ? c.minus(d) : c.plus(d));
  const loBase = prior(current.hi, delta.lo);
  const hiBase = prior(current.lo, delta.hi);
  if (hiBase.lte(0) || loBase.lte(0)) return null;
  return { lo: delta.lo.dividedBy(loBase).times(100), hi: delta.hi.dividedBy(hiBase).times(100) };
}

/** Does some value in `range` round half-up to `stated` at `decimals`? */
export function explains(range: Interval, stated: Decimal, decimals: number): boolean {
  // Values in [stated − h, stated + h) round half-up to stated.
  const h = half(decimals);
  return range.lo.lt(stated.plus(h)) && range.hi.gte(stated.minus(h));
}

/**
 * Can one value be shown both as a figure in `shown` (a half-open interval) and as `stated`
 * at `decimals`? 69.73 and 69.74 cannot: [69.725, 69.735) and [69.735, 69.745) do not meet.
 */
export function sameValue(shown: Interval, stated: Decimal, decimals: number): boolean {
  const h = half(decimals);
  return shown.lo.lt(stated.plus(h)) && (shown.hi.gt(stated.minus(h)) || (shown.lo.eq(shown.hi) && shown.hi.eq(stated.minus(h))));
}

/** Does some value in `range` cut off (not rounded) at `decimals` give `stated`? */
export function truncationExplains(range: Interval, stated: Decimal, decimals: number): boolean {
  // Values in [stated, stated + unit) cut off to stated (for positive figures, as rates here are).
  const unit = new Dec(10).pow(-decimals);
  return range.lo.lt(stated.plus(unit)) && range.hi.gte(stated);
}

export function round(value: Decimal, decimals: number): Decimal {
  return value.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
}

/** `stated` is what you get by cutting `exact` off at `decimals` instead of rounding it. */
export function isTruncation(exact: Decimal, stated: Decimal, decimals: number): boolean {
  return exact.toDecimalPlaces(decimals, Dec.ROUND_DOWN).eq(stated) && !round(exact, decimals).eq(stated);
}
