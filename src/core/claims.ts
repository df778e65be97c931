// What the narrative claims: from each paragraph's figures and the words between them, the
// completion rates, changes, shares and direction words that arithmetic can check.
import type { Figure } from './figures';
import { type AmountUnit, convert, convertedDecimals, Dec, isAmountUnit } from './number';
import type { Report } from './report';
import type { Cell, Row, Table } from './tables/model';
import { rowKey } from './links/cells';
import { aboutPriorYear, ACTUAL_LEAD, BUDGET_LEAD, CHANGE_WORD, COMPARED, COMPLETION, DELTA_LEAD, DOWN, type Role, SHARE_BARE, SHARE_NAMED, SPENT_ON, subjectWords, UP } from './links/lexicon';
import { explains, type Interval, percentOf, shown, sum } from './interval';
import { reportFacts } from './report-facts';
import { firstAtLeast, labelKey } from './text';

/** A stretch of the text: a direction word such as 大于 or 增加. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** The whole a share is taken of. */
export type Whole =
  | { kind: 'figure'; figure: Figure }
  | { kind: 'parts'; parts: Figure[] }
  | { kind: 'cell'; table: Table; row: Row; cell: Cell; figure: Figure };

export type Claim =
  | { kind: 'completion'; rate: Figure; budget: Figure; actual: Figure }
  | { kind: 'change'; rate: Figure | null; delta: Figure; current: Figure; prior: Figure | null; increase: boolean; word: Span; rateWord: Span | null; zeroBase: Span | null }
  | { kind: 'share'; rate: Figure; part: Figure; whole: Whole; group: Figure[] }
  | { kind: 'direction'; word: Span; says: 'greater' | 'less' | 'equal' | 'unequal'; budget: Figure; actual: Figure };

const LEAD = 80;

/** How many figures back a claim looks for its partners. */
const WINDOW = 16;
/**
 * 决算数大于预算数, 决算数与预算数一致 (or 增加: more), and after a budget and an actual,
 * `与 2024 年预算基本持平` — a comparison with the report's own year's budget is one of actual
 * and budget (with last year's, it is a change: 比 2025 年预算增加).
 */
const DIRECTION = /决算数?\s*(大于|高于|超过|小于|低于|等于)\s*(?:年初)?预算数?|决算数?\s*(?:与|同|和)\s*(?:年初)?预算数?\s*(?:相比\s*)?(不一致|不相同|不相等|一致|持平|相同|相等|增加|增长|减少|下降)|与\s*(?:本年度?|((?:19|20)[0-9]{2})\s*年度?)\s*(?:年初|全年)?预算数?\s*(?:相比\s*)?(基本)?(一致|持平|相同|增加|增长|减少|下降)/g;

/** The sentences of a paragraph: split at 。！？, keeping offsets. */
function sentences(norm: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (norm[i] === '。' || norm[i] === '!' || norm[i] === '?') {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < end) out.push([from, end]);
  return out;
}



interface RowIndex {
  /** Rows by label key, of tables with a unit and rows with a figure (what a total is read from). */
  byLabel: Map<string, { table: Table; row: Row }[]>;
  /** Where each report of the file starts (its 01 table), in document order (as the tables are). */
  reportStarts: number[];
}

/** Table rows by label, built once per report. */
function rowIndex(report: Report): RowIndex {
  const byLabel: RowIndex['byLabel'] = new Map();
  for (const table of report.tables) {
    if (!table.unit) continue;
    for (const row of table.rows) {
      const key = labelKey(row.label);
      if (!key || !row.cells.some((c) => c.value.kind === 'number')) continue;
      const rows = byLabel.get(key);
      if (rows) rows.push({ table, row });
      else byLabel.set(key, [{ table, row }]);
    }
  }
  const reportStarts = report.tables.filter((t) => /^(公开01表|部门公开表1|预算公开表1)$/.test(t.code ?? '')).map((t) => t.start);
  return { byLabel, reportStarts };
}

/**
 * The first figure of the first row named `name`, in `unit` — within the report that `at` is
 * in, when a file holds several (a report starts at its 01 table).
 */
function tableTotal(index: RowIndex, name: string, unit: AmountUnit, at: number): Whole | null {
  const rows = index.byLabel.get(labelKey(name)) ?? [];
  const starts = index.reportStarts;
  const reportStart = starts[firstAtLeast(starts, at, (s) => s) - 1] ?? 0;
  const found = rows.find(({ table }) => table.start >= reportStart) ?? rows[0];
  if (!found) return null;
  const { table, row } = found;
  const cell = row.cells.find((c) => c.value.kind === 'number')!;
  if (cell.value.kind !== 'number' || !table.unit) return null;
  const value = convert(cell.value.value, table.unit, unit);
  const decimals = convertedDecimals(cell.value.style.decimals, table.unit, unit);
  const figure: Figure = { ...cell.value.style, decimals, start: cell.start, end: cell.end, unitEnd: cell.end, text: cell.text, value, kind: 'amount', unit, before: row.label, after: '' };
  return { kind: 'cell', table, row, cell, figure };
}

export function readClaims(report: Report): Claim[] {
  const { text, figures } = report;
  const { norm } = report;
  const claims: Claim[] = [];
  const year = reportFacts(report).period;
  /** The amount that a `其中：` list starting at `first` is of, when only a stop, a line break or a comma stands between. */
  const totalBefore = (first: Figure): Figure | null => {
    const lo = firstAtLeast(figures, first.start, (g) => g.start);
    const prev = figures[lo - 1];
    if (!prev || prev.kind !== 'amount' || !comparable(prev.unit, first.unit) || first.start - prev.unitEnd > 60) return null;
    return /^[\s。，,；;]*其\s*中\s*[:：,，]?[^\d。；;%]{0,30}$/.test(norm.slice(prev.unitEnd, first.start)) ? prev : null;
  };
  let rows: RowIndex | null = null;
  let f = 0;
  // The budget and actual that close the paragraph before: a PDF may break the paragraph right
  // after them (`年初预算为 0.88 万元，支出决算为 0.88 万元。` / `完成年初预算的 100.00%。`).
  let closing: { budget: Figure; actual: Figure } | null = null;
  // This year's amounts of the prose by what they are of, for a change that names its item but
  // not its amount (`其中：…；公务接待费支出决算减少 0.15 万元`).
  const stated = new Map<string, { figure: Figure; role: Role | null; block: number }[]>();
  let blockNo = 0;
  for (const block of report.blocks) {
    const carried = closing;
    closing = null;
    if (block.kind === 'table') continue;
    blockNo++;
    while (f < figures.length && figures[f]!.start < block.start) f++;
    const inBlock: Figure[] = [];
    for (let k = f; k < figures.length && figures[k]!.start < block.end; k++) inBlock.push(figures[k]!);
    if (inBlock.length === 0) continue;
    // The words before a figure, back to the one before it — at most LEAD characters: every
    // pattern read on them is anchored at their end, and a long run (spaces) stays linear.
    const lead = (i: number) => norm.slice(Math.max(i > 0 ? inBlock[i - 1]!.unitEnd : block.start, inBlock[i]!.start - LEAD), inBlock[i]!.start);
    // The same words with line breaks taken out: text from a PDF breaks lines inside a word
    // (`决\n算为`), so the role patterns are read on this, and offsets on `lead`. Taken once a
    // figure: the figures after it look back at it again and again.
    const wordsOf: string[] = [];
    const words = (i: number) => (wordsOf[i] ??= lead(i).replace(/[ \t]*\r?\n[ \t]*/g, ''));
    // Each completion rate or direction word closes the budget and actual it was stated with:
    // once another amount follows it, the next one cannot reach back past it to another item's
    // budget (`其中：X 决算为 D，完成预算的 E%`); with no amount between, it restates the same pair.
    const firstAmount = inBlock.findIndex((g) => g.kind === 'amount');
    const noAmountBefore = (i: number) => firstAmount < 0 || firstAmount >= i;
    /** The sentences that state an amount, made when a comparison first looks back. */
    let withAmount: Set<number> | null = null;
    const after = (closed: number, i: number) => (inBlock.slice(closed + 1, i).some((g) => g.kind === 'amount') ? closed : -1);
    let closedAt = -1;
    const bounds = sentences(norm, block.start, block.end);
    const sentenceIndex = new Map<Figure, number>();
    let s = 0;
    for (const fig of inBlock) {
      while (s < bounds.length - 1 && fig.start >= bounds[s]![1]) s++;
      sentenceIndex.set(fig, s);
    }
    const sentenceOf = (fig: Figure) => sentenceIndex.get(fig)!;
    // A figure of an earlier year: its clause (from the last stop or comma) names that year.
    const isPrior = (fig: Figure, sentenceStart: number) => {
      const clause = norm.slice(Math.max(sentenceStart, fig.start - LEAD), fig.start).split(/[，,；;]/).pop() ?? '';
      return aboutPriorYear(clause, year);
    };
    // A claim's figures stand close together: looking further back only finds wrong partners
    // (and would make a huge paragraph quadratic).
    const lastBefore = (i: number, test: (j: number) => boolean, sameSentence: boolean) => {
      for (let j = i - 1; j >= Math.max(0, i - WINDOW); j--) {
        if (sameSentence && sentenceOf(inBlock[j]!) !== sentenceOf(inBlock[i]!)) return -1;
        if (inBlock[j]!.kind === 'amount' && test(j)) return j;
      }
      return -1;
    };

    // What each amount is of: the clause before it, year, role and linking words gone, and a
    // trailing 支出 (`公务接待费支出决算为` and `公务接待费预算` are of one item). A bare `支出决算为`
    // after another amount of its sentence is of that amount's item.
    const subjectOf = (clause: string) => {
      const { words: w, role, prior } = subjectWords(rowKey(clause), year);
      return { words: w.replace(/支出$/, ''), role, prior };
    };
    let previous: { words: string; sentence: number } | null = null;
    inBlock.forEach((g, i) => {
      if (g.kind !== 'amount') return;
      const clause = words(i).split(/[，,。；;：:]/).pop() ?? '';
      if (DELTA_LEAD.test(clause)) return;
      const subject = subjectOf(clause);
      if (subject.prior || isPrior(g, bounds[sentenceOf(g)]![0])) return;
      const item = subject.words || (previous?.sentence === sentenceOf(g) ? previous.words : '');
      if (item.length < 2) return;
      previous = { words: item, sentence: sentenceOf(g) };
      const entries = stated.get(item) ?? [];
      if (entries.length === 0) stated.set(item, entries);
      entries.push({ figure: g, role: subject.role, block: blockNo });
    });
    /** This year's amount of the item a delta names, stated before it (within a few paragraphs), when every statement of it agrees. */
    const statedBefore = (d: number): Figure | null => {
      const delta = inBlock[d]!;
      let clause = words(d).split(/[，,。；;：:]/).pop() ?? '';
      clause = clause.replace(DELTA_LEAD, '');
      const compared = /比|较|与|同比/.exec(clause);
      if (compared) clause = clause.slice(0, compared.index);
      const subject = subjectOf(clause);
      if (subject.prior || subject.words.length < 2) return null;
      const found: Figure[] = [];
      const entries = stated.get(subject.words) ?? [];
      // The statements before the delta, latest first (entries are in text order).
      for (let k = firstAtLeast(entries, delta.start, (e) => e.figure.start) - 1; k >= 0 && found.length < 8; k--) {
        const e = entries[k]!;
        if (e.block < blockNo - 8) break;
        if (e.figure.unit === delta.unit && (subject.role === null || e.role === subject.role)) found.push(e.figure);
      }
      return found.length > 0 && found.every((f) => f.value.eq(found[0]!.value)) ? found[0]! : null;
    };

    const shareGroups = new Map<number, { rate: Figure; part: Figure; partIndex: number }[]>();
    inBlock.forEach((fig, i) => {
      if (fig.kind !== 'percent') return;
      const before = lead(i);
      if (COMPLETION.test(words(i))) {
        const since = after(closedAt, i);
        const b = lastBefore(i, (j) => j > since && BUDGET_LEAD.test(words(j)), false);
        const a = lastBefore(i, (j) => j > since && j !== b && ACTUAL_LEAD.test(words(j)) && !BUDGET_LEAD.test(words(j)), false);
        if (a >= 0 && b >= 0) claims.push({ kind: 'completion', rate: fig, budget: inBlock[b]!, actual: inBlock[a]! });
        else if (carried && noAmountBefore(i)) claims.push({ kind: 'completion', rate: fig, ...carried });
        closedAt = i - 1;
        return;
      }
      const prev = inBlock[i - 1];
      const prevWord = prev && CHANGE_WORD.exec(lead(i - 1));
      if (prev?.kind === 'amount' && prevWord && CHANGE_WORD.test(before) && sentenceOf(prev) === sentenceOf(fig)) {
        pushChange(i - 1, fig, before);
        return;
      }
      const part = prev?.kind === 'amount' && sentenceOf(prev) === sentenceOf(fig) ? prev : null;
      if (!part) return;
      const named = SHARE_NAMED.exec(before);
      if (named) {
        const name = labelKey(named[1]!);
        const earlier = inBlock.slice(Math.max(0, i - 1 - WINDOW), i - 1).reverse().find((g) => g.kind === 'amount' && comparable(g.unit, part.unit) && suffixMatch(labelKey(norm.slice(Math.max(block.start, g.start - 40), g.start)), name));
        const whole: Whole | null = earlier ? { kind: 'figure', figure: earlier } : tableTotal((rows ??= rowIndex(report)), name, part.unit as AmountUnit, fig.start);
        if (whole) claims.push({ kind: 'share', rate: fig, part, whole, group: [fig] });
      } else if (SHARE_BARE.test(before)) {
        const group = shareGroups.get(sentenceOf(fig)) ?? [];
        group.push({ rate: fig, part, partIndex: i - 1 });
        shareGroups.set(sentenceOf(fig), group);
      }
    });

    // Shares enumerated after a total (`合计 A 万元，其中：B 万元，占 x%；…`) are of that total;
    // without one, shares that add up to 100% are of the sum of their parts.
    for (const [sentence, group] of shareGroups) {
      const first = group[0]!.part;
      const firstIndex = group[0]!.partIndex;
      const total = firstIndex > 0 ? inBlock[firstIndex - 1] : undefined;
      const opensWithTotal = total && total.kind === 'amount' && comparable(total.unit, first.unit) && sentenceOf(total) === sentence && SPENT_ON.test(norm.slice(total.unitEnd, first.start));
      // `本年支出合计 A 万元。\n其中：基本支出 B 万元，占 x%`: the total ends the sentence (or the
      // paragraph) right before the list, on another line.
      const before = opensWithTotal ? null : totalBefore(first);
      const rates = group.map((g) => g.rate);
      const total100 = rates.reduce((acc, r) => acc.plus(r.value), new Dec(0));
      let whole: Whole | null = null;
      if (opensWithTotal) whole = { kind: 'figure', figure: total };
      else if (before) whole = { kind: 'figure', figure: before };
      else if (group.length > 1 && (total100.minus(100).abs().lte(group.length * 0.01 + 0.01) || oneOddShare(group))) whole = { kind: 'parts', parts: group.map((g) => g.part) };
      if (whole) for (const g of group) claims.push({ kind: 'share', rate: g.rate, part: g.part, whole, group: rates });
    }

    /**
     * `收入、支出总计 A 元。与上年相比，各增加 B 元`: this year's amount closes the sentence
     * before; taken only when that sentence states one amount (or the same one twice).
     */
    function sentenceTotal(s: number): Figure | null {
      const amounts = inBlock.filter((g, j) => g.kind === 'amount' && sentenceOf(g) === s && !CHANGE_WORD.test(lead(j)));
      const last = amounts[amounts.length - 1];
      return last && amounts.every((g) => g.value.eq(last.value)) ? last : null;
    }

    /**
     * `2024 年度…总计 A。2023 年度…总计 B。与 2023 年度相比，增加 C`: this year's amount, and
     * last year's when a sentence states it (the base of the change) before the comparison.
     */
    function previousSentenceTotal(d: number): { current: Figure; prior: Figure | null } | null {
      const s = sentenceOf(inBlock[d]!);
      // Only a sentence that opens with the comparison (`与 2023 年度相比，…`) refers back.
      if (s === 0 || !/^\s*(与|比|较|同比)/.test(norm.slice(bounds[s]![0], inBlock[d]!.start))) return null;
      // Past a sentence or two that state no amount (`主要原因是…。较 2023 年度决算数减少 B`).
      let t = s - 1;
      withAmount ??= new Set(inBlock.filter((g) => g.kind === 'amount').map(sentenceOf));
      while (t > 0 && s - t < 3 && !withAmount.has(t)) t--;
      const last = sentenceTotal(t);
      if (!last) return null;
      if (!isPrior(last, bounds[t]![0])) return { current: last, prior: null };
      const current = t >= 1 ? sentenceTotal(t - 1) : null;
      return current && !isPrior(current, bounds[t - 1]![0]) ? { current, prior: last } : null;
    }

    function pushChange(d: number, rate: Figure | null, rateLead: string | null) {
      const delta = inBlock[d]!;
      const deltaLead = lead(d);
      const c = lastBefore(d, () => true, true);
      let current: Figure | null = c >= 0 ? inBlock[c]! : null;
      let prior: Figure | null = null;
      if (current && isPrior(current, bounds[sentenceOf(current)]![0])) {
        // `2024 年 A 万元，2023 年 B 万元，增加 C`: B is the base, A this year's amount.
        prior = current;
        const a = lastBefore(c, () => true, true);
        current = a >= 0 && !isPrior(inBlock[a]!, bounds[sentenceOf(inBlock[a]!)]![0]) ? inBlock[a]! : null;
      } else if (!current) {
        const found = previousSentenceTotal(d);
        current = found?.current ?? null;
        prior = found?.prior ?? null;
      }
      if (!current || current.unit !== delta.unit || !COMPARED.test(norm.slice(current.unitEnd, delta.start))) {
        // Not this sentence's amount: the item's own, stated before, in a sentence that compares.
        const own = COMPARED.test(norm.slice(bounds[sentenceOf(delta)]![0], delta.start)) ? statedBefore(d) : null;
        if (!own) return;
        current = own;
        prior = null;
      }
      const w = CHANGE_WORD.exec(deltaLead)!;
      const wordStart = delta.start - deltaLead.length + w.index;
      // The word's text without the line break a PDF put inside it.
      const word = { start: wordStart, end: wordStart + w[1]!.length, text: w[1]!.replace(/\s/g, '') };
      let rateWord: Span | null = null;
      if (rate && rateLead) {
        const r = CHANGE_WORD.exec(rateLead)!;
        const at = rate.start - rateLead.length + r.index;
        rateWord = { start: at, end: at + r[1]!.length, text: r[1]!.replace(/\s/g, '') };
      }
      const after = norm.slice(delta.unitEnd, Math.min(block.end, delta.unitEnd + 24));
      const zero = /基数为\s*0/.exec(after);
      const zeroBase = zero ? { start: delta.unitEnd + zero.index, end: delta.unitEnd + zero.index + zero[0].length, text: zero[0] } : null;
      claims.push({ kind: 'change', rate, delta, current, prior, increase: UP.test(word.text) && !DOWN.test(word.text), word, rateWord, zeroBase });
    }
    // A change with no rate but a zero base: `增加 52.10 万元，增长（基数为 0，不可比）`.
    inBlock.forEach((fig, i) => {
      if (fig.kind === 'amount' && CHANGE_WORD.test(lead(i)) && inBlock[i + 1]?.kind !== 'percent' && /基数为\s*0/.test(norm.slice(fig.unitEnd, fig.unitEnd + 24))) {
        pushChange(i, null, null);
      }
    });

    // Direction words, against the budget and actual stated before them in the paragraph.
    // Read on the block with its line breaks taken out (`决算\n数小于预算数`), offsets mapped back.
    const joined = withoutBreaks(norm, block.start, block.end);
    let closedDirection = -1;
    for (const m of joined.text.matchAll(DIRECTION)) {
      const at = joined.at[m.index]!;
      const i = inBlock.findIndex((g) => g.start > at);
      const upto = i < 0 ? inBlock.length : i;
      const since = after(closedDirection, upto);
      closedDirection = upto - 1;
      const b = lastBefore(upto, (j) => j > since && BUDGET_LEAD.test(words(j)), false);
      const a = lastBefore(upto, (j) => j > since && j !== b && ACTUAL_LEAD.test(words(j)) && !BUDGET_LEAD.test(words(j)), false);
      const pair = a >= 0 && b >= 0 ? { budget: inBlock[b]!, actual: inBlock[a]! } : carried && noAmountBefore(upto) ? carried : null;
      if (!pair) continue;
      // Another year's budget is a change's base; 基本持平 allows a small difference either way.
      if (m[5] && ((m[3] && Number(m[3]) !== year) || (m[4] && /一致|持平|相同/.test(m[5])))) continue;
      const w = (m[1] ?? m[2] ?? m[5])!;
      const wordAt = joined.at[m.index + m[0].indexOf(w)]!;
      const wordEnd = joined.at[m.index + m[0].indexOf(w) + w.length - 1]! + 1;
      const says = /大于|高于|超过|增加|增长/.test(w) ? 'greater' : /小于|低于|减少|下降/.test(w) ? 'less' : /^不/.test(w) ? 'unequal' : 'equal';
      claims.push({ kind: 'direction', word: { start: wordAt, end: wordEnd, text: text.slice(wordAt, wordEnd) }, says, ...pair });
    }
    if (block.kind !== 'paragraph') continue;
    const last = inBlock.length - 1;
    const inLast = (j: number) => sentenceOf(inBlock[j]!) === sentenceOf(inBlock[last]!);
    const b = lastBefore(last + 1, (j) => inLast(j) && BUDGET_LEAD.test(words(j)), false);
    const a = lastBefore(last + 1, (j) => inLast(j) && j !== b && ACTUAL_LEAD.test(words(j)) && !BUDGET_LEAD.test(words(j)), false);
    if (a >= 0 && b >= 0 && Math.max(a, b) === last) closing = { budget: inBlock[b]!, actual: inBlock[a]! };
  }
  return claims;
}

/** `norm[start, end)` without its line breaks (and the spaces around them), with each character's offset. */
function withoutBreaks(norm: string, start: number, end: number): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let k = start; k < end; k++) {
    if (norm[k] === '\n' || norm[k] === '\r') {
      while (text.length && (text[text.length - 1] === ' ' || text[text.length - 1] === '\t')) (text = text.slice(0, -1)), at.pop();
      while (k + 1 < end && /[ \t\r\n]/.test(norm[k + 1]!)) k++;
      continue;
    }
    text += norm[k];
    at.push(k);
  }
  return { text, at };
}

/**
 * Shares listed with no total whose rates do not add up to 100% only because one of them is
 * wrong: every other share is its part ÷ the parts' sum, and the one left is wrong even of any
 * whole the others allow (so no item left out of the list explains it).
 */
function oneOddShare(group: { rate: Figure; part: Figure }[]): boolean {
  if (group.length < 3 || group.some((g) => g.part.unit !== group[0]!.part.unit)) return false;
  const parts = sum(group.map((g) => shown(g.part.value, g.part.decimals)));
  const ok = group.map((g) => {
    const r = percentOf(shown(g.part.value, g.part.decimals), parts);
    return r !== null && explains(r, g.rate.value, g.rate.decimals);
  });
  const odd = ok.indexOf(false);
  if (odd < 0 || ok.lastIndexOf(false) !== odd) return false;
  // The whole each other non-zero share implies: part ÷ rate, over both their roundings.
  let whole: Interval | null = null;
  for (const [i, g] of group.entries()) {
    if (i === odd || g.part.value.isZero() || g.rate.value.isZero()) continue;
    const part = shown(g.part.value, g.part.decimals);
    const rate = shown(g.rate.value, g.rate.decimals);
    const implied = { lo: part.lo.times(100).dividedBy(rate.hi), hi: part.hi.times(100).dividedBy(rate.lo) };
    whole = whole ? { lo: Dec.max(whole.lo, implied.lo), hi: Dec.min(whole.hi, implied.hi) } : implied;
  }
  if (!whole || whole.lo.gt(whole.hi)) return false;
  const g = group[odd]!;
  const r = percentOf(shown(g.part.value, g.part.decimals), whole);
  return r !== null && !explains(r, g.rate.value, g.rate.decimals);
}

/** Two figures can be compared: the same unit, or amounts in units that convert. */
function comparable(a: string | null, b: string | null): boolean {
  return a === b || (isAmountUnit(a) && isAmountUnit(b));
}

/** `…本部门政府采购支出总额` names `政府采购支出总额`: they share a long enough ending. */
function suffixMatch(context: string, name: string): boolean {
  let n = 0;
  while (n < context.length && n < name.length && context[context.length - 1 - n] === name[name.length - 1 - n]) n++;
  return n >= Math.min(name.length, 6);
}
