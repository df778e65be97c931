import type { Span } from '../claims';
import type { Figure } from '../figures';
import { type Interval, shown, sum } from '../interval';
import { DOWN, UP } from '../links/lexicon';
import { Dec, formatNumber } from '../number';
import type { Report } from '../report';
import { reportFacts } from '../report-facts';
import { isComplete } from '../sums';
import { firstAtLeast } from '../text';
import type { Found, Rule } from './rule';

/** One item's change as stated: its direction word and amount, or 持平 (no change). */
interface Change {
  word: Span;
  /** The change amount, signed by its word; null for 持平. */
  delta: Figure | null;
  up: boolean;
}

/** `比 2025 年预算增加`: a comparison with an earlier year, ending in its direction word. */
const COMPARED = /(?:比|较|与)\s*(?:(?:19|20)[0-9]{2}\s*年度?)?[^，,。；;\d]{0,20}?(增加|减少|增长|下降|降低|上升)\s*了?$/;
/** An item of a list of changes: `公务接待费支出决算减少 0.15 万元` (not `减少为 0.00`: that is the amount it fell to). */
const ITEM_CHANGE = /(增加|减少|增长|下降|降低|上升)\s*了?\s*$/;
const FLAT = /持平|没有变化|无变化/;

/**
 * A total's change is the sum of its parts' changes, when the parts are all of it (a complete
 * split: the three 三公 items, 一般公共预算 + 政府性基金 (+ 国有资本经营) 拨款, 基本 + 项目支出 …):
 * `财政拨款支出预算 T，比上年增加 D。财政拨款支出预算中，A，比上年减少 a；B，比上年增加 b`, and
 * `“三公”经费比上年增加 D，其中：因公出国（境）费与上年持平；公务用车…增加 b；…`. When the parts'
 * changes add up to the opposite direction, the total's direction word is wrong; when to another
 * amount, the total's change is (or one of the parts': the author decides). A 预算 balances, so
 * its 收入 stated with the same amount and change is wrong with its 支出. Within the rounding
 * of every figure. No fix.
 */
export const changesSum: Rule = {
  id: 'changes-sum',
  severity: 'warning',
  tags: ['arithmetic', 'change'],
  description: { zh: '总数的增减与其各组成部分增减之和不符', en: 'A total’s change that is not the sum of its parts’ changes' },
  check: ({ report, sums }) => {
    const out: Found[] = [];
    for (const c of sums) {
      if (!c.complete) continue;
      const total = ownChange(report, c.total);
      const parts = c.parts.map((p) => ownChange(report, p));
      if (!total?.delta || !parts.every((p): p is Change => p !== null)) continue;
      const found = judge(total, parts);
      out.push(...found);
      // A 预算 is balanced: its 收入 is its 支出, so the one's change is the other's.
      const income = found.length && reportFacts(report).kind === '预算' ? otherSide(report, c.total, total) : null;
      if (income) out.push(...judge(income, parts).map((f) => ({ ...f, message: balanced(f.message, c.total) })));
    }
    out.push(...changeLists(report));
    out.push(...numberedItems(report));
    return out;
  },
};

/** The clause that names an amount, with its role words and the flow (收入/支出) it is of masked. */
function flowless(report: Report, f: Figure): string {
  const lead = report.norm.slice(Math.max(0, f.start - 30), f.start).split(/[，,。；;:：]/).pop() ?? '';
  return lead.replace(/\s/g, '').replace(/预算|收入|支出/g, '');
}

/**
 * The same money's other flow stated with the same amount and change (`财政拨款收入 T，比上年增加 D`
 * for `财政拨款支出预算 T，比上年增加 D`): in a balanced 预算, its change is the expenditure's.
 */
function otherSide(report: Report, expenditure: Figure, change: Change): Change | null {
  const clause = report.norm.slice(Math.max(0, expenditure.start - 30), expenditure.start);
  if (!/支出[^，,。；;:：]*$/.test(clause)) return null;
  const key = flowless(report, expenditure);
  for (const f of report.figures) {
    if (f === expenditure || f.kind !== 'amount' || f.unit !== expenditure.unit || !f.value.eq(expenditure.value)) continue;
    const lead = report.norm.slice(Math.max(0, f.start - 30), f.start);
    if (!/收入[^，,。；;:：]*$/.test(lead) || flowless(report, f) !== key) continue;
    const own = ownChange(report, f);
    if (own?.delta && own.up === change.up && own.delta.value.eq(change.delta!.value)) return own;
  }
  return null;
}

const balanced = (m: Found['message'], expenditure: Figure): Found['message'] => ({
  zh: `${m.zh}（预算收支平衡：收入与支出同为 ${expenditure.text} ${expenditure.unit}，增减也相同。）`,
  en: `${m.en} (A budget balances: income equals expenditure, ${expenditure.text} ${expenditure.unit}, and changes by as much.)`,
});

/** The change stated right after `amount` (`A 万元，比 2025 年预算增加 B 万元`). */
function ownChange(report: Report, amount: Figure): Change | null {
  let k = firstAtLeast(report.figures, amount.end, (f) => f.start);
  // Past the year of the comparison (`比 2025 年`).
  while (report.figures[k]?.kind === 'other') k++;
  const next = report.figures[k];
  if (!next || next.kind !== 'amount' || next.unit !== amount.unit || next.start - amount.unitEnd > 40) return null;
  const between = report.norm.slice(amount.unitEnd, next.start);
  // Only the comparison stands between (`，比 2025 年预算增加`): nothing else is said of the amount.
  if (!/^[\s，,。]*(?:比|较|与)/.test(between)) return null;
  return changeBefore(report.norm, amount.unitEnd, next);
}

/** The comparison that ends right before `delta` (`比 2023 年度减少`), as a change; from `from` on. */
function changeBefore(norm: string, from: number, delta: Figure): Change | null {
  const lead = norm.slice(Math.max(from, delta.start - 40), delta.start).replace(/\s+$/, '');
  const m = COMPARED.exec(lead);
  if (!m) return null;
  const start = delta.start - (norm.slice(Math.max(from, delta.start - 40), delta.start).length - lead.length) - m[0].length + m[0].lastIndexOf(m[1]!);
  return { word: { start, end: start + m[1]!.length, text: m[1]! }, delta, up: UP.test(m[1]!) && !DOWN.test(m[1]!) };
}

/** A signed change as an interval; 持平 is exactly 0. */
function signed(c: Change): Interval {
  if (!c.delta) return { lo: new Dec(0), hi: new Dec(0) };
  const r = shown(c.delta.value, c.delta.decimals);
  return c.up ? r : { lo: r.hi.neg(), hi: r.lo.neg() };
}

const meet = (a: Interval, b: Interval) => a.lo.lte(b.hi) && a.hi.gte(b.lo);

function judge(total: Change, parts: Change[]): Found[] {
  const delta = total.delta!;
  const added = sum(parts.map(signed));
  if (meet(added, signed(total))) return [];
  const exact = parts.reduce((a, p) => (p.delta ? (p.up ? a.plus(p.delta.value) : a.minus(p.delta.value)) : a), new Dec(0));
  const list = parts.map((p) => (p.delta ? `${p.up ? '+' : '−'}${p.delta.text}` : '0')).join(' ');
  const written = `${exact.isNegative() ? '−' : ''}${formatNumber(exact.abs(), delta)} ${delta.unit}`;
  const related = parts.filter((p) => p.delta).map((p) => ({ start: p.delta!.start, end: p.delta!.end, message: { zh: '组成部分的增减', en: "a part's change" } }));
  const out: Found[] = [];
  // The parts' changes go the other way: the total's direction word is wrong.
  const wrongWay = total.up ? added.hi.lt(0) : added.lo.gt(0);
  if (wrongWay) {
    const truth = exact.isNegative() ? { zh: '减少', en: 'a decrease' } : { zh: '增加', en: 'an increase' };
    out.push({
      start: total.word.start,
      end: total.word.end,
      message: {
        zh: `各组成部分的增减合计为${truth.zh}（${list}），此处却说“${total.word.text}”。`,
        en: `The parts' changes add up to ${truth.en} (${list}), but the total is said to ${total.word.text}.`,
      },
      expected: null,
      related,
      fix: null,
    });
  }
  // And by another amount: the total's change (or a part's) is wrong.
  if (!wrongWay || !meet(added, signed({ ...total, up: !total.up }))) {
    out.push({
      start: delta.start,
      end: delta.end,
      message: {
        zh: `${total.word.text} ${delta.text} ${delta.unit}与各组成部分的增减之和 ${written}（${list}）不符。`,
        en: `The change of ${delta.text} ${delta.unit} is not the sum of the parts' changes, ${written} (${list}).`,
      },
      expected: null,
      related,
      fix: null,
    });
  }
  return out;
}

/**
 * `…比 2023 年度减少 0.15 万元，下降 27.78%，其中：A 与上年持平；B 与上年持平；C 减少 0.15 万元`:
 * a total's change followed, in its sentence, by a list of its items' changes (one per ；).
 */
function changeLists(report: Report): Found[] {
  const { norm, figures } = report;
  const out: Found[] = [];
  for (const [k, d] of figures.entries()) {
    if (d.kind !== 'amount') continue;
    const total = changeBefore(norm, 0, d);
    if (!total) continue;
    // The list is in the total's sentence, within 300 characters.
    const stop = norm.slice(d.unitEnd, d.unitEnd + 300).indexOf('。');
    if (stop < 0) continue;
    const end = d.unitEnd + stop;
    const head = /^[^。；;]{0,30}?其\s*中\s*[:：,，]?/.exec(norm.slice(d.unitEnd, end));
    // Only a rate may stand between the total's change and its list.
    const next = figures[k + 1];
    if (!head || (next && next.kind === 'amount' && next.start < d.unitEnd + head[0].length)) continue;
    const items: Change[] = [];
    const leads: { lead: string }[] = [];
    let from = d.unitEnd + head[0].length;
    while (from < end) {
      const semi = norm.slice(from, end).search(/[；;]/);
      const to = semi < 0 ? end : from + semi;
      const item = readItem(report, from, to);
      if (!item) break;
      items.push(item);
      leads.push({ lead: norm.slice(from, to) });
      from = to + 1;
    }
    if (from < end || items.length < 2 || !isComplete(leads)) continue;
    out.push(...judge(total, items));
  }
  return out;
}

/** One item of a list of changes: its first change word with an amount, or 持平. */
function readItem(report: Report, from: number, to: number): Change | null {
  const { norm, figures } = report;
  for (let k = firstAtLeast(figures, from, (f) => f.start); k < figures.length && figures[k]!.start < to; k++) {
    const f = figures[k]!;
    if (f.kind !== 'amount') continue;
    const m = ITEM_CHANGE.exec(norm.slice(Math.max(from, f.start - 12), f.start));
    if (!m) continue;
    const start = f.start - m[0].length;
    return { word: { start, end: start + m[1]!.length, text: m[1]! }, delta: f, up: UP.test(m[1]!) };
  }
  const flat = FLAT.exec(norm.slice(from, to));
  return flat ? { word: { start: from + flat.index, end: from + flat.index + flat[0].length, text: flat[0] }, delta: null, up: true } : null;
}

/** `，比 2025 年预算持平。其中：`: a total's change in a word only, before a list of its items. */
const BARE_CHANGE = /^[\s，,]*(?:比|较|与)\s*(?:(?:19|20)[0-9]{2}\s*年度?)?[^，,。；;\d]{0,12}?(持平|增加|减少|增长|下降)\s*[。；;，,]\s*其\s*中\s*[:：]?/;
/** The items of the list: `（一）`, `（二）` … */
const ITEM = /[（(]([一二三四五六七八九十])[)）]/g;

/**
 * `“三公”经费预算数为 T 万元，比 2025 年预算持平。其中：（一）A a 万元，比 2025 年预算增加 0 万元，…。
 * （二）B …`: the total's word against its numbered items' own changes.
 */
function numberedItems(report: Report): Found[] {
  const { norm, figures } = report;
  const out: Found[] = [];
  for (const t of figures) {
    if (t.kind !== 'amount') continue;
    const m = BARE_CHANGE.exec(norm.slice(t.unitEnd, t.unitEnd + 40));
    if (!m) continue;
    const block = report.blocks[firstAtLeast(report.blocks, t.start + 1, (b) => b.start) - 1];
    if (!block || block.kind !== 'paragraph') continue;
    const from = t.unitEnd + m[0].length;
    const text = norm.slice(from, Math.min(block.end, from + 1000));
    const marks = [...text.matchAll(ITEM)];
    // The list starts right away and numbers its items in order.
    if (marks.length < 2 || text.slice(0, marks[0]!.index).trim() !== '' || marks.some((x, i) => x[1] !== '一二三四五六七八九十'[i])) continue;
    const items: Change[] = [];
    const leads: { lead: string }[] = [];
    for (const [i, x] of marks.entries()) {
      const start = from + x.index + x[0].length;
      const end = i + 1 < marks.length ? from + marks[i + 1]!.index : from + text.length;
      const first = figures[firstAtLeast(figures, start, (f) => f.start)];
      const change = first && first.start < end && first.kind === 'amount' && first.unit === t.unit ? ownChange(report, first) : null;
      if (!change || change.delta!.start >= end) break;
      items.push(change);
      leads.push({ lead: norm.slice(start, first!.start) });
    }
    if (items.length !== marks.length || !isComplete(leads)) continue;
    const added = sum(items.map(signed));
    const word = m[1]!;
    const wordStart = t.unitEnd + m[0].indexOf(word, m[0].search(/比|较|与/));
    const wrong = FLAT.test(word) ? added.lo.gt(0) || added.hi.lt(0) : UP.test(word) ? added.hi.lte(0) : added.lo.gte(0);
    if (!wrong) continue;
    const list = items.map((p) => `${p.up ? '+' : '−'}${p.delta!.text}`).join(' ');
    out.push({
      start: wordStart,
      end: wordStart + word.length,
      message: {
        zh: `各项的增减为 ${list} ${t.unit}，合计与此处的“${word}”不符。`,
        en: `The items' changes are ${list} ${t.unit}: together they do not ${word === '持平' ? 'leave the total flat' : word}.`,
      },
      expected: null,
      related: items.map((p) => ({ start: p.delta!.start, end: p.delta!.end, message: { zh: '组成部分的增减', en: "a part's change" } })),
      fix: null,
    });
  }
  return out;
}
