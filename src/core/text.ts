// Character-level helpers. Every transform here keeps string length, so an offset in the
// transformed string is the same offset in the original text.

/**
 * `fn`, remembering its results: labels are compared with every row's, again on every check
 * of an edited report. The cache is emptied when it grows large, so memory stays bounded.
 */
export function memoized(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let result = cache.get(s);
    if (result === undefined) {
      if (cache.size >= 50_000) cache.clear();
      result = fn(s);
      cache.set(s, result);
    }
    return result;
  };
}

/** The index of the first of `xs` (sorted by `key`) whose key is `x` or more: a binary search. */
export function firstAtLeast<T>(xs: readonly T[], x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]!) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Full-width ASCII forms (０-９, ．, ，, ％, （, ）, ：…) and the ideographic space to ASCII. */
export function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Replace HTML tags and entities (`<br>`, `<b>`, `&nbsp;`) by spaces of the same length. */
export function maskMarkup(s: string): string {
  if (!s.includes('<') && !s.includes('&')) return s;
  return s.replace(/<\/?[a-zA-Z][^<>\n]{0,40}>|&(?:nbsp|amp|lt|gt|quot|#\d{1,6});/g, (m) => ' '.repeat(m.length));
}

const CJK = '\\u3000-\\u303F\\u3400-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');

/**
 * A label as a reader sees it: markup gone, spaces from PDF justification between Chinese
 * characters gone, other whitespace collapsed.
 */
export const cleanLabel = memoized((s: string): string => maskMarkup(s).replace(/\s+/g, ' ').trim().replace(SPACE_IN_CJK, ''));

const QUOTES = /[“”"'‘’「」]/g;
// `一、` `(一)` `（1）` `1.` `1、` — but not the `1` of `1事务支出` or of a figure.
const ENUMERATION = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[、.](?!\d))/u;

/**
 * A label reduced to what identifies it, as prose, tables and templates all write it: no
 * spaces, quotes, enumeration (`一、`, `（1）`), `其中:`, `(类)` markers or stray marks.
 */
export const labelKey = memoized((label: string): string => {
  let s = halfWidth(maskMarkup(label)).replace(/\s+/g, '').replace(QUOTES, '');
  for (let i = 0; i < 2; i++) s = s.replace(ENUMERATION, '').replace(/^其中[:：]?/u, '');
  return trimPunctuation(s.replace(/\((?:类|款|项)\)/gu, ''));
});

const WORD_FIRST = /^[\p{L}\p{N}(]/u;
const WORD_LAST = /[\p{L}\p{N})]$/u;

/** Strips leading and trailing punctuation in one pass each (a regex `[^…]+$` is quadratic). */
function trimPunctuation(s: string): string {
  // Most labels begin and end with a word: nothing to strip, nothing to split.
  if (WORD_FIRST.test(s) && WORD_LAST.test(s)) return s;
  const chars = [...s];
  const word = /[\p{L}\p{N}]/u;
  let a = 0;
  let b = chars.length;
  while (a < b && !word.test(chars[a]!) && chars[a] !== '(') a++;
  while (b > a && !word.test(chars[b - 1]!) && chars[b - 1] !== ')') b--;
  return chars.slice(a, b).join('');
}

/** Maps offsets to LSP positions (0-based line, UTF-16 column). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo]! };
  }
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * The length of the longest common subsequence: how much of one label or name the other spells
 * (OCR drops and garbles characters, rarely reorders them).
 */
export function commonLength(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(up, prev[j - 1]!);
      diagonal = up;
    }
  }
  return prev[b.length]!;
}
