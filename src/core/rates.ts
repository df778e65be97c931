// The rate a claim states, recomputed: exact value from the figures as shown, every value
// their rounding allows, and the formula in the report's own figures. Rules judge with it;
// hovers and the JSON output show it.
import type Decimal from 'decimal.js';
import type { Claim, Whole } from './claims';
import type { Figure } from './figures';
import { changeRate, explains, type Interval, percentOf, shown, sum } from './interval';
import { DOWN, UP } from './links/lexicon';
import { convert, Dec, isAmountUnit } from './number';

/** A figure as the rate is computed from it: as stated, or as fix-all leaves it (rules/amount-mismatch `asFixed`). */
export type Input = (f: Figure) => Figure;
const asStated: Input = (f) => f;

export interface Recomputed {
  exact: Decimal;
  range: Interval;
  formula: string;
}

/** A figure's value and rounding interval in `unit` (amounts convert exactly; others must match). */
function inUnit(f: Figure, unit: string | null) {
  const range = shown(f.value, f.decimals);
  if (f.unit === unit || !isAmountUnit(f.unit) || !isAmountUnit(unit)) return { value: f.value, range, ok: f.unit === unit };
  const from = f.unit;
  const to = (v: Decimal) => convert(v, from, unit);
  return { value: to(f.value), range: { lo: to(range.lo), hi: to(range.hi) }, ok: true };
}

function wholeOf(w: Whole, unit: string | null, input: Input) {
  const figures = (w.kind === 'parts' ? w.parts : [w.figure]).map(input);
  const each = figures.map((f) => inUnit(f, unit));
  return {
    ok: each.every((e) => e.ok),
    value: each.reduce((a, e) => a.plus(e.value), new Dec(0)),
    range: sum(each.map((e) => e.range)),
    text: figures.map((f) => (f.unit === unit || !f.unit ? f.text : `${f.text} ${f.unit}`)).join(' + '),
  };
}

/** 完成率 = 决算 ÷ 预算; null on a zero budget (zero-base-rate's business). */
export function completionRate(c: Extract<Claim, { kind: 'completion' }>, input: Input = asStated): Recomputed | null {
  const actual = input(c.actual);
  const budget = input(c.budget);
  if (budget.value.isZero()) return null;
  const range = percentOf(shown(actual.value, actual.decimals), shown(budget.value, budget.decimals));
  if (!range) return null;
  return { exact: actual.value.dividedBy(budget.value).times(100), range, formula: `${actual.text} ÷ ${budget.text}` };
}

/** 增减率 = 增减额 ÷ (本年数 ∓ 增减额). */
export function changeRateOf(c: Extract<Claim, { kind: 'change' }>, input: Input = asStated): Recomputed | null {
  const current = input(c.current);
  const delta = input(c.delta);
  // Last year's amount stated in the text is the base itself.
  if (c.prior) {
    const prior = input(c.prior);
    if (prior.unit !== delta.unit || prior.value.lte(0)) return null;
    const range = percentOf(shown(delta.value, delta.decimals), shown(prior.value, prior.decimals));
    if (!range) return null;
    return { exact: delta.value.dividedBy(prior.value).times(100), range, formula: `${delta.text} ÷ ${prior.text}` };
  }
  const prior = c.increase ? current.value.minus(delta.value) : current.value.plus(delta.value);
  const range = changeRate(shown(current.value, current.decimals), shown(delta.value, delta.decimals), c.increase);
  if (!range || prior.lte(0)) return null;
  return {
    exact: delta.value.dividedBy(prior).times(100),
    range,
    formula: `${delta.text} ÷ (${current.text} ${c.increase ? '−' : '+'} ${delta.text})`,
  };
}

/** 占比 = 部分 ÷ 总数, in the part's unit. */
export function shareRate(c: Extract<Claim, { kind: 'share' }>, input: Input = asStated): Recomputed | null {
  const part = input(c.part);
  const whole = wholeOf(c.whole, part.unit, input);
  if (!whole.ok || whole.value.isZero()) return null;
  const range = percentOf(shown(part.value, part.decimals), whole.range);
  if (!range) return null;
  return {
    exact: part.value.dividedBy(whole.value).times(100),
    range,
    formula: `${part.text} ÷ ${c.whole.kind === 'parts' ? `(${whole.text})` : whole.text}`,
  };
}

/**
 * 增减额 = 本年数 − 上年数, when the text states last year's amount; the magnitude (the word
 * 增加 / 减少 carries the sign). Null when the two are not in one unit.
 */
export function changeAmountOf(c: Extract<Claim, { kind: 'change' }>): Recomputed | null {
  if (!c.prior || c.prior.unit !== c.current.unit || c.delta.unit !== c.current.unit) return null;
  const a = shown(c.current.value, c.current.decimals);
  const b = shown(c.prior.value, c.prior.decimals);
  const signed = c.current.value.minus(c.prior.value);
  const lo = a.lo.minus(b.hi);
  const hi = a.hi.minus(b.lo);
  const range = signed.isNegative() ? { lo: hi.negated(), hi: lo.negated() } : { lo, hi };
  return { exact: signed.abs(), range, formula: `${c.current.text} − ${c.prior.text}` };
}

/** What a figure of a claim is, with its value recomputed from the figures it is computed from. */
export interface RateOf {
  role: 'completion-rate' | 'share' | 'change-amount' | 'change-rate';
  recomputed: Recomputed | null;
  /**
   * The same with a total its complete split contradicts read as the parts' sum (sums `asSummed`),
   * and an amount its 绩效自评表 contradicts read as the table's (`asTabled`): a rate this
   * explains is the total's or the amount's fault, not wrong by itself.
   */
  summed: Recomputed | null;
}

/**
 * Every claim's rate (and stated change amount) recomputed once per check, from the figures as
 * fix-all leaves them: what the rules judge, and what the hover, the CLI and the model's
 * verification show.
 */
export function recomputeAll(claims: Claim[], input: Input, summed: Input): Map<Figure, RateOf> {
  const out = new Map<Figure, RateOf>();
  for (const c of claims) {
    if (c.kind === 'completion') out.set(c.rate, { role: 'completion-rate', recomputed: completionRate(c, input), summed: completionRate(c, summed) });
    else if (c.kind === 'share') out.set(c.rate, { role: 'share', recomputed: shareRate(c, input), summed: shareRate(c, summed) });
    else if (c.kind === 'change') {
      const amount = changeAmountOf(c);
      out.set(c.delta, { role: 'change-amount', recomputed: amount, summed: amount });
      if (c.rate) out.set(c.rate, { role: 'change-rate', recomputed: changeRateOf(c, input), summed: changeRateOf(c, summed) });
    }
  }
  return out;
}

/** The direction a change word says: 增加, 增长, 上升 up; 减少, 下降, 降低 down. */
export const saysUp = (word: string) => UP.test(word) && !DOWN.test(word);

/**
 * Whether a change went up. When the amount's word and the rate's contradict (`减少 172.69 万元，
 * 增长 9.87%`), the figures decide: last year's amount when stated, else the direction whose
 * base (本年数 ∓ 增减额) gives the stated rate. Null when both directions or neither do.
 */
export function changeGoesUp(c: Extract<Claim, { kind: 'change' }>, input: Input = asStated): boolean | null {
  if (!c.rateWord || !c.rate || saysUp(c.rateWord.text) === c.increase) return c.increase;
  if (c.prior) {
    const current = input(c.current).value;
    const prior = input(c.prior).value;
    return current.eq(prior) || c.prior.unit !== c.current.unit ? null : current.gt(prior);
  }
  const rate = c.rate;
  const fits = (increase: boolean) => {
    const r = changeRateOf({ ...c, increase }, input);
    return r !== null && explains(r.range, rate.value, rate.decimals);
  };
  const up = fits(true);
  return up === fits(false) ? null : up;
}
