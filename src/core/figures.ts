// Every figure in the prose: its value, unit, shown precision, offsets and a little context.
import type Decimal from 'decimal.js';
import { type AmountUnit, type MalformedToken, type NumberStyle, readNumber } from './number';

export type FigureKind = 'amount' | 'percent' | 'count' | 'other';

export interface Figure extends NumberStyle {
  /** Offsets of the number itself: what a fix replaces. */
  start: number;
  end: number;
  /** End of the unit word after it (`万元`, `%`, `人次`), or `end` when there is none. */
  unitEnd: number;
  text: string;
  value: Decimal;
  kind: FigureKind;
  unit: AmountUnit | '%' | string | null;
  /** A few words on either side, for the steps that interpret the figure. */
  before: string;
  after: string;
  /** A rate written without its % sign (`增长 13.95。`): read as a percentage, reported by percent-sign. */
  signMissing?: boolean;
}

/** The words that make the next figure a rate or a share: 增长 …, 占 …, 完成预算的 …. */
const RATE_BEFORE = /(?:增\s*长|下\s*降|上\s*升|降\s*低|提\s*高|增\s*幅|降\s*幅|(?:增长|下降|完成|执行)\s*率\s*(?:为|是|达)?|占\s*比?\s*(?:为)?|占[^，,。；;占\d]{2,30}?的\s*(?:比重|比例)?\s*(?:为)?|(?:完成|执行)[^，,。；;\d]{0,12}?预算[^，,。；;\d]{0,4}的)\s*$/;
/** After the figure, the clause ends: nothing (a unit, 倍, 个百分点) that makes it another kind of number. */
const CLAUSE_END = /^[，,。；;、)）]$/;

/** A bare figure that the words before make a rate, at the end of its clause: its % sign is missing. */
function missingPercent(norm: string, start: number, end: number): boolean {
  const next = /\S(\d?)/.exec(norm.slice(end, end + 80));
  // `1,01`: a comma before a digit is a broken number, not the clause's end.
  return !!next && !next[1] && CLAUSE_END.test(next[0]) && RATE_BEFORE.test(norm.slice(Math.max(0, start - 40), start));
}

const AMOUNT_UNITS: AmountUnit[] = ['万元', '亿元', '元'];
const COUNT_UNITS = ['人次', '批次', '台次', '个', '人', '辆', '批', '次', '项', '家', '名', '户', '台', '套', '种', '场', '件', '所', '篇', '期', '架', '艘', '处'];

/** Matches `word` at `i`, allowing PDF-justification spaces (or a line break: `万\n元`) between its characters. */
function matchSpaced(norm: string, i: number, word: string): number {
  let k = i;
  for (let w = 0; w < word.length; w++) {
    if (w > 0) while (norm[k] === ' ' || norm[k] === '\n' || norm[k] === '\r') k++;
    if (norm[k] !== word[w]) return -1;
    k++;
  }
  return k;
}

/** `国内公务接待支出 0.39 万（含…`: 万元 with its 元 dropped, in a clause about money, before a bracket or the clause's end. */
const MONEY_LEAD = /(?:支出|收入|经费|费用?|资金|预算|决算)[^，,。；;\d]{0,6}$/;
const AFTER_BARE_WAN = /^[（(，,。；;]/;

function readUnit(norm: string, start: number, end: number): { unit: string; kind: FigureKind; unitEnd: number } | null {
  let k = end;
  let gap = 0;
  while (gap < 4 && (norm[k] === ' ' || norm[k] === '\n' || norm[k] === '\r' || norm[k] === '\t')) {
    k++;
    gap++;
  }
  if (norm[k] === '%') return { unit: '%', kind: 'percent', unitEnd: k + 1 };
  for (const unit of AMOUNT_UNITS) {
    const e = matchSpaced(norm, k, unit);
    if (e !== -1) return { unit, kind: 'amount', unitEnd: e };
  }
  if (norm[k] === '万' && AFTER_BARE_WAN.test(norm.slice(k + 1, k + 2)) && MONEY_LEAD.test(norm.slice(Math.max(0, start - 16), start))) return { unit: '万元', kind: 'amount', unitEnd: k + 1 };
  if (norm[k] === '年' || norm[k] === '月' || norm[k] === '日') return { unit: norm[k]!, kind: 'other', unitEnd: k + 1 };
  for (const unit of COUNT_UNITS) {
    const e = matchSpaced(norm, k, unit);
    if (e !== -1) return { unit, kind: 'count', unitEnd: e };
  }
  return null;
}

/** Inside a word or a number (`A1`, `3.5`): not where a figure starts. */
const continues = (norm: string, i: number) => /[0-9A-Za-z]/.test(norm[i - 1] ?? '') || (/[.,]/.test(norm[i - 1] ?? '') && /[0-9]/.test(norm[i - 2] ?? ''));

/**
 * Scans `norm` (half-width view of `text`) between `from` and `to` for figures; malformed
 * tokens that are plainly meant as amounts go to `malformed`.
 */
export function scanFigures(
  text: string,
  norm: string,
  from: number,
  to: number,
  figures: Figure[],
  malformed: MalformedToken[],
): void {
  let prevEnd = from;
  for (let i = from; i < to; i++) {
    if (!/[0-9]/.test(norm[i]!) || continues(norm, i)) continue;
    const token = readNumber(norm, i, text);
    if (!token) continue;
    const unit = readUnit(norm, token.start, token.end);
    if (!token.ok) {
      // `1.2.3` outline numbers are not figures; `4.627.11` and anything with a unit are.
      if (unit?.kind === 'amount' || unit?.kind === 'percent' || /^\d{1,3}([.,，]\d{3})+[.,]\d{1,2}$/.test(token.text.replace(/\s/g, ''))) {
        malformed.push(token);
      }
      i = token.end - 1;
      continue;
    }
    const unitEnd = unit?.unitEnd ?? token.end;
    const signMissing = !unit && !token.value.isZero() && missingPercent(norm, token.start, token.end);
    figures.push({
      start: token.start,
      end: token.end,
      unitEnd,
      text: token.text,
      value: token.value,
      decimals: token.decimals,
      grouped: token.grouped,
      fullWidth: token.fullWidth,
      kind: signMissing ? 'percent' : (unit?.kind ?? 'other'),
      unit: signMissing ? '%' : (unit?.unit ?? null),
      before: text.slice(Math.max(prevEnd, token.start - 24), token.start).replace(/\s+/g, ' ').trim(),
      after: text.slice(unitEnd, Math.min(to, unitEnd + 16)).replace(/\s+/g, ' ').trim(),
      ...(signMissing ? { signMissing } : {}),
    });
    prevEnd = unitEnd;
    i = Math.max(i, unitEnd - 1);
  }
}
