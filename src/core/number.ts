// Figures as written: amounts, percentages and counts, parsed exactly with their shown
// precision. A token that looks like a figure but is broken is *malformed*, never a value.
import Decimal from 'decimal.js';
import { halfWidth, maskMarkup } from './text';

/** Our own Decimal, so no global configuration leaks in or out. */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export type AmountUnit = '元' | '万元' | '亿元';
export const YUAN_PER: Record<AmountUnit, Decimal> = {
  元: new Dec(1),
  万元: new Dec(10_000),
  亿元: new Dec(100_000_000),
};

export function isAmountUnit(u: string | null | undefined): u is AmountUnit {
  return u === '元' || u === '万元' || u === '亿元';
}

/** Decimals a figure shown with `decimals` in `from` has once written in `to` (1.00 万元 = 10000 元). */
export function convertedDecimals(decimals: number, from: AmountUnit, to: AmountUnit): number {
  const digits: Record<AmountUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };
  return Math.max(0, decimals + digits[to] - digits[from]);
}

/** Exact conversion between amount units. */
export function convert(value: Decimal, from: AmountUnit, to: AmountUnit): Decimal {
  return from === to ? value : value.times(YUAN_PER[from]).dividedBy(YUAN_PER[to]);
}

/** How a figure was written, so a fix can write the right one the same way. */
export interface NumberStyle {
  decimals: number;
  grouped: boolean;
  fullWidth: boolean;
}

export interface NumberToken extends NumberStyle {
  ok: true;
  start: number;
  end: number;
  text: string;
  value: Decimal;
}

export interface MalformedToken {
  ok: false;
  start: number;
  end: number;
  text: string;
  reason: string;
  /** The value it plainly means, when it has one (`3，518.85` is 3,518.85). */
  reading?: string;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function digitRun(s: string, i: number): number {
  let j = i;
  while (isDigit(s[j])) j++;
  return j - i;
}

/**
 * Reads the number that starts at `start` of `norm` (a half-width view of the text).
 * Accepts thousands separators, OCR spaces after a separator (`4, 627. 11`), and reports
 * separators in impossible places (`4.627.11`, `0,987.78`) as malformed. Linear time.
 */
export function readNumber(norm: string, start: number, original: string = norm): NumberToken | MalformedToken | null {
  if (!isDigit(norm[start])) return null;
  let j = start + digitRun(norm, start);
  const seps: string[] = [];
  let badGroup = false;
  for (;;) {
    const c = norm[j];
    if (c !== ',' && c !== '.') break;
    if (c === ',' && seps.includes('.')) break; // no thousands separator after the decimal point
    let k = j + 1;
    while (norm[k] === ' ') k++;
    const run = digitRun(norm, k);
    const spaced = k > j + 1;
    if (run === 0) break;
    // A comma before one or two digits is punctuation (`12,5`); before four or more
    // (`1,2345.67`) it is a separator in the wrong place.
    if (c === ',' && run !== 3) {
      if (spaced || run < 3) break;
      seps.push(',');
      j = k + run;
      badGroup = true;
      continue;
    }
    if (spaced && c === '.' && run > 3) break; // `3. 2024年` is a list number, not 3.2024
    seps.push(c);
    j = k + run;
  }
  const text = original.slice(start, j);
  const compact = norm.slice(start, j).replace(/ /g, '');
  const fullWidth = /[０-９]/.test(text);
  const dots = seps.filter((c) => c === '.').length;
  if (dots > 1) {
    return { ok: false, start, end: j, text, reason: 'more than one decimal point' };
  }
  const [intPart = '', frac] = compact.split('.');
  const groups = intPart.split(',');
  if (groups.length > 1) {
    const [first = ''] = groups;
    const bad = badGroup || first.length > 3 || first === '0' || groups.slice(1).some((g) => g.length !== 3);
    if (bad) return { ok: false, start, end: j, text, reason: 'thousands separator in the wrong place' };
  }
  // `3，518.85`: a full-width comma (the clause break) where the thousands separator goes,
  // between half-width digits. Full-width digits take full-width separators.
  if (!fullWidth && groups.length > 1 && frac !== undefined && /\d，\d/.test(text)) {
    return { ok: false, start, end: j, text, reason: 'full-width comma as the thousands separator', reading: `${groups.join(',')}.${frac}` };
  }
  return {
    ok: true,
    start,
    end: j,
    text,
    value: new Dec(groups.join('') + (frac !== undefined ? '.' + frac : '')),
    decimals: frac?.length ?? 0,
    grouped: groups.length > 1,
    fullWidth,
  };
}

/** What a table cell holds. */
export type CellValue =
  | { kind: 'blank' }
  | { kind: 'number'; value: Decimal; style: NumberStyle; start: number; end: number }
  | { kind: 'malformed'; reason: string; start: number; end: number }
  | { kind: 'text' };

const DASHES = /^[-—–－―/\\]+$/;
const NUMBERISH = /^[\d,.\s()（）/\\+\-]+$/;

/**
 * Parses a whole cell. `offset` is where `raw` starts in the report, so the number's own
 * offsets come back in report coordinates.
 */
export function parseCell(raw: string, offset: number): CellValue {
  const masked = halfWidth(maskMarkup(raw));
  const lead = masked.length - masked.trimStart().length;
  const body = masked.trim();
  if (body === '' || DASHES.test(body)) return { kind: 'blank' };
  if (!/\d/.test(body)) return { kind: 'text' };
  let negative = false;
  let inner = body;
  let innerAt = lead;
  if (body.startsWith('(') && body.endsWith(')') && body.length > 2) {
    negative = true;
    inner = body.slice(1, -1).trim();
    innerAt = lead + body.indexOf(inner, 1);
  } else if (body.startsWith('-')) {
    negative = true;
    inner = body.slice(1).trimStart();
    innerAt = lead + body.indexOf(inner);
  }
  const token = readNumber(inner, 0, raw.slice(innerAt, innerAt + inner.length));
  if (token && token.end === inner.length) {
    if (!token.ok) return { kind: 'malformed', reason: token.reason, start: offset + lead, end: offset + lead + body.length };
    return {
      kind: 'number',
      value: negative ? token.value.negated() : token.value,
      style: { decimals: token.decimals, grouped: token.grouped, fullWidth: token.fullWidth },
      start: offset + lead,
      end: offset + lead + body.length,
    };
  }
  if (NUMBERISH.test(body)) {
    return { kind: 'malformed', reason: 'not a number', start: offset + lead, end: offset + lead + body.length };
  }
  return { kind: 'text' };
}

/** Writes `value` the way `style` writes figures: same decimals, separators and width. */
export function formatNumber(value: Decimal, style: NumberStyle): string {
  const fixed = value.toFixed(style.decimals, Decimal.ROUND_HALF_UP);
  let out = fixed;
  if (style.grouped) {
    const [int = '', frac] = fixed.replace('-', '').split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    out = (fixed.startsWith('-') ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
  }
  if (style.fullWidth) out = out.replace(/[0-9.,%-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return out;
}
