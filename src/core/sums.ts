// Totals and their parts in the prose: `预算数为 T 万元，其中：当年安排 A 万元，上年结转 B 万元`,
// and a total over sections (`7 项…共涉及资金 T 万元` followed by seven `项目全年预算数为 X`).
import type { Claim } from './claims';
import type { Figure } from './figures';
import type Decimal from 'decimal.js';
import { shown, sum } from './interval';
import { Dec, formatNumber } from './number';
import type { Link } from './links/link';
import type { Input } from './rates';
import type { Report } from './report';
import { DELTA_LEAD, type Role, subjectWords } from './links/lexicon';
import { reportFacts } from './report-facts';
import { rowKey } from './links/cells';

export interface SumClaim {
  total: Figure;
  parts: Figure[];
  /** The parts are all of the total (a known split, or one section per counted item). */
  complete: boolean;
  /** Why the parts are taken to make up the total, for the message. */
  basis: { zh: string; en: string };
}

/** Splits that are whole by definition: every required part named means nothing is missing. */
const SPLITS: { required: RegExp[]; optional: RegExp[] }[] = [
  { required: [/当年安排|年初安排|本年安排/, /上年结转|以前年度结转/], optional: [/其他资金/] },
  { required: [/因公出国/, /公务用车/, /公务接待/], optional: [] },
  { required: [/人员经费/, /公用经费/], optional: [] },
  { required: [/基本支出/, /项目支出/], optional: [/上缴上级支出/, /经营支出/, /对附属单位补助支出/] },
  // 公务用车购置及运行（维护）费 = 购置费 + 运行（维护）费.
  { required: [/购置费/, /运行(?:维护)?费/], optional: [] },
  // 政府采购支出总额 = 货物 + 工程 + 服务.
  { required: [/货物/, /工程/, /服务/], optional: [] },
  // 财政拨款 = 一般公共预算 + 政府性基金 (+ 国有资本经营预算) 拨款.
  { required: [/一般公共预算/, /政府性基金/], optional: [/国有资本经营/] },
  // Projects by 绩效 grade: 优 + 良 + 合格 (中) + 不合格 (差) are all of them.
  { required: [/优/, /良/, /(?<!不)合格|中/, /不合格|差/], optional: [] },
];
const PART_WORD = new RegExp(SPLITS.flatMap((s) => [...s.required, ...s.optional]).map((r) => r.source).join('|'));

const CHANGE = /增加|减少|增长|下降|降低|上升|比|较/;
/** A clause that states a change and nothing else: `比 2025 年预算增加`. */
const DELTA_CLAUSE = /^\s*(?:比|较|与|同比)[^，,。；;]{0,40}(?:增加|减少|增长|下降|降低|上升)\s*了?\s*$/;
/** A stop followed by the sentence that opens a list: `。其中：`. */
const LIST_AFTER_STOP = /。\s*其\s*中[^。]*$/;
const COUNTED_TOTAL = /(\d+)\s*(?:项|个)[^。]*?(?:共涉及资金|共计|合计|总计|共)[^。，,]{0,8}$/;

/** `…、其他用车 0 辆`: a last part of 其他 takes in everything the list did not name. */
const REST = /^[\s、]*其他/;

/** `。财政拨款支出预算中，`: the sentence after the stop opens with the total's words and 中. */
function namesTotal(between: string, totalLead: string): boolean {
  const words = rowKey(totalLead);
  const stop = between.lastIndexOf('。');
  return words.length >= 4 && stop >= 0 && rowKey(between.slice(stop + 1)).startsWith(`${words}中`);
}

/** Whether parts with these leads are all of their total: a known split, or a list ending in 其他. */
export function isComplete(parts: { lead: string }[]): boolean {
  // A PDF's line breaks fall inside words (`“不\n合格”的项目`).
  const leads = parts.map((p) => p.lead.replace(/\s+/g, ''));
  if (leads.length >= 3 && REST.test(leads[leads.length - 1]!)) return true;
  return SPLITS.some((s) => s.required.every((r) => leads.some((l) => r.test(l))) && leads.every((l) => [...s.required, ...s.optional].some((r) => r.test(l))));
}

export function readSums(report: Report, claims: Claim[]): SumClaim[] {
  const { norm } = report;
  const inClaim = new Set<Figure>();
  for (const c of claims) if (c.kind === 'completion') inClaim.add(c.budget).add(c.actual);
  const sums: SumClaim[] = [];
  const prose = report.blocks.filter((b) => b.kind !== 'table');
  let f = 0;
  const byBlock = prose.map((block) => {
    while (f < report.figures.length && report.figures[f]!.start < block.start) f++;
    const out: { figure: Figure; lead: string }[] = [];
    let prevEnd = block.start;
    for (let k = f; k < report.figures.length && report.figures[k]!.start < block.end; k++) {
      const figure = report.figures[k]!;
      const lead = norm.slice(Math.max(prevEnd, figure.start - 80), figure.start).split(/[，,。；;:：]/).pop() ?? '';
      if (figure.kind !== 'other') prevEnd = figure.unitEnd;
      if (figure.kind === 'amount' || figure.kind === 'percent' || figure.kind === 'count') out.push({ figure, lead });
    }
    return out;
  });

  const pending: (() => void)[] = [];
  const blockOf = new Map<Figure, number>();
  const leadOf = new Map<Figure, string>();
  byBlock.forEach((figures, b) => figures.forEach(({ figure, lead }) => (blockOf.set(figure, b), leadOf.set(figure, rowKey(lead)))));

  /**
   * A counted total's own split (`共涉及资金 T，其中：当年安排 A，上年结转 B`) is over the same
   * items: A against the items' 当年安排. An item whose own split is broken
   * (`3802.93，当年安排 3971，上年结转 11.93`) may be wrong in either part, so a total that
   * holds with either reading of it is not flagged.
   */
  function itemTotals(b: number, total: Figure, items: Figure[], basis: SumClaim['basis']) {
    // The split may be stated with the total or with its restatement in the same paragraph.
    const split = sums.find((x) => x.complete && x.parts.length >= 2 && x.total.unit === total.unit && x.total.value.eq(total.value) && blockOf.get(x.total) === b);
    // The same total restated in the next paragraphs (`…开展了部门评价，涉及资金 T`).
    const tail = (leadOf.get(total) ?? '').slice(-4);
    for (let later = b + 1; later < Math.min(byBlock.length, b + 4) && tail.length === 4; later++) {
      if (items.some((f) => blockOf.get(f) === later)) break;
      for (const { figure } of byBlock[later]!) {
        if (figure.kind === 'amount' && figure.unit === total.unit && figure.value.eq(total.value) && (leadOf.get(figure) ?? '').endsWith(tail)) sums.push({ total: figure, parts: items, complete: true, basis });
      }
    }
    if (!split) return;
    for (const part of split.parts) {
      const key = leadOf.get(part);
      if (!key || key.length < 2) continue;
      const stated: Figure[] = [];
      const readings: Decimal[][] = [[], []];
      for (const item of items) {
        const found = byBlock[blockOf.get(item)!]!.find(({ figure }) => figure.start > item.start && figure.unit === part.unit && leadOf.get(figure) === key)?.figure;
        if (!found) return;
        stated.push(found);
        const own = sums.find((x) => x.total === item && x.complete && x.parts.includes(found));
        const broken = own && !holds(own.total, own.parts.map((p) => p.value), own.parts);
        readings[0]!.push(found.value);
        // The part as the item's total and its other parts say it should be.
        readings[1]!.push(broken ? own.parts.reduce((v, p) => (p === found ? v : v.minus(p.value)), item.value) : found.value);
      }
      if (readings.some((r) => holds(part, r, stated))) continue;
      sums.push({ total: part, parts: stated, complete: true, basis });
    }
  }

  byBlock.forEach((figures, b) => {
    figures.forEach(({ figure: total, lead: totalLead }, i) => {
      // Amounts, and counts (`共有车辆 9 辆，其中：…用车 0 辆、…`).
      // A change (`比 2025 年预算增加 0 万元`) is no total.
      if ((total.kind !== 'amount' && total.kind !== 'count') || DELTA_LEAD.test(totalLead)) return;
      // Parts follow the total in the same sentence (no 。 between), shares between them allowed.
      let opensList: boolean | null = null;
      const parts: { figure: Figure; lead: string }[] = [];
      // A count's list may come after amounts of its items (`项目 28 个，涉及预算金额 A 万元，平均得分
      // 99.86 分（其中，绩效评级为“优”的项目 28 个；…`): then every part counts the same thing.
      let counted: string | null = null;
      for (let j = i + 1; j < Math.min(figures.length, i + 40); j++) {
        const next = figures[j]!;
        const between = norm.slice(figures[j - 1]!.figure.unitEnd, next.figure.start);
        // The list may open the next sentence (`…增加 0 万元，主要原因是…。其中：A 0 万元`, or
        // `财政拨款支出预算 T 万元，…。财政拨款支出预算中，A …`: the total's own words and 中).
        const opensNext = parts.length === 0 && (LIST_AFTER_STOP.test(between) || namesTotal(between, totalLead));
        if (between.includes('。') && !opensNext) break;
        if (next.figure.kind === 'percent') continue;
        if (total.kind === 'count' && opensList === null && next.figure.kind !== 'count') {
          counted = rowKey(totalLead).slice(-2);
          continue;
        }
        if (counted !== null && !rowKey(next.lead).endsWith(counted)) break;
        // Each figure's own change (`A 万元，比 2025 年预算增加 B 万元；`) is no part.
        if (DELTA_CLAUSE.test(next.lead)) continue;
        // After its items' amounts, the 其中 must open the list itself, not an amount's split.
        opensList ??= opensNext || /其\s*中/.test(norm.slice(counted === null ? total.unitEnd : figures[j - 1]!.figure.unitEnd, next.figure.start));
        if (next.figure.unit !== total.unit || inClaim.has(next.figure) || CHANGE.test(next.lead)) break;
        // Without 其中, only the words of a known split make a figure a part.
        if (!opensList && !PART_WORD.test(next.lead)) break;
        parts.push(next);
      }
      if (parts.length < 2) return;
      const complete = isComplete(parts);
      if (!opensList && !complete) return;
      sums.push({
        total,
        parts: parts.map((p) => p.figure),
        complete,
        basis: complete ? { zh: '所列各项构成全部', en: 'the parts listed make up the whole' } : { zh: '“其中”所列各项', en: 'the parts listed after 其中' },
      });
    });

    // A counted total over the sections that follow: one figure under the same words in each.
    for (const { figure: total } of figures) {
      const m = COUNTED_TOTAL.exec(norm.slice(Math.max(prose[b]!.start, total.start - 120), total.start));
      if (!m || total.kind !== 'amount') continue;
      const count = Number(m[1]);
      if (count < 2 || count > 50) continue;
      const groups = new Map<string, Figure[]>();
      for (let later = b + 1; later < byBlock.length && later <= b + 200; later++) {
        const seen = new Set<string>();
        for (const { figure, lead: l } of byBlock[later]!) {
          const key = rowKey(l);
          if (figure.unit !== total.unit || key.length < 4 || seen.has(key)) continue;
          seen.add(key);
          groups.set(key, [...(groups.get(key) ?? []), figure]);
        }
      }
      const candidates = [...groups.values()].filter((g) => g.length === count);
      // The one set of figures close to the total is the set it counts.
      const near = candidates.filter((g) => {
        const s = g.reduce((a, x) => a.plus(x.value), new Dec(0));
        return s.minus(total.value).abs().lte(total.value.times(0.05));
      });
      if (near.length === 1) {
        const basis = { zh: `${count} 项，后文逐项列出`, en: `${count} items, each stated in the sections that follow` };
        sums.push({ total, parts: near[0]!, complete: true, basis });
        // After every paragraph's splits are read: the items' own splits come later in the text.
        pending.push(() => itemTotals(b, total, near[0]!, basis));
      }
    }
  });
  for (const run of pending) run();
  sums.push(...itemLists(report, prose, byBlock));
  return sums;
}

const MAJOR_HEADING = /^\s*(?:#+\s*)?(?:\*\*)?\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/;

/**
 * `年初预算为 B 万元，支出决算为 A 万元…` followed by numbered items (`1、…年初预算为 b₁，支出决算为
 * a₁`): the totals are over the items, role by role. The list is known to be complete when one
 * role's items add up to its total; then the other role's must too.
 */
function itemLists(report: Report, prose: Report['blocks'], byBlock: { figure: Figure; lead: string }[][]): SumClaim[] {
  const out: SumClaim[] = [];
  const year = reportFacts(report).period;
  // Each amount's role, read once: a paragraph's figures are items of the 60 paragraphs before it.
  const roles = byBlock.map((figures) => figures.map(({ figure, lead }) => ({ figure, role: figure.kind === 'amount' ? subjectWords(rowKey(lead), year).role : null })));
  roles.forEach((figures, b) => {
    const totals = new Map<Role, Figure>();
    for (const { figure, role } of figures) {
      if (role && !totals.has(role)) totals.set(role, figure);
    }
    if (totals.size < 2) return;
    const items = new Map<Role, Figure[]>([['budget', []], ['actual', []]]);
    for (let later = b + 1; later < byBlock.length && later <= b + 60; later++) {
      const start = prose[later]!.start;
      const line = report.norm.slice(report.norm.lastIndexOf('\n', start - 1) + 1, Math.min(prose[later]!.end, start + 40));
      if (MAJOR_HEADING.test(line)) break;
      const seen = new Set<Role>();
      for (const { figure, role } of roles[later]!) {
        if (!role || seen.has(role) || figure.unit !== totals.get(role)?.unit) continue;
        seen.add(role);
        items.get(role)!.push(figure);
      }
    }
    const budget = items.get('budget')!;
    const actual = items.get('actual')!;
    // One item per role in each numbered paragraph: the lists must pair up.
    if (budget.length < 2 || budget.length !== actual.length) return;
    const basis = { zh: `后文逐项列出的 ${budget.length} 项`, en: `the ${budget.length} items listed after it` };
    const adds = (role: Role) => {
      const t = totals.get(role)!;
      const parts = sum(items.get(role)!.map((f) => shown(f.value, f.decimals)));
      const total = shown(t.value, t.decimals);
      return parts.lo.lte(total.hi) && parts.hi.gte(total.lo);
    };
    for (const [role, other] of [['budget', 'actual'], ['actual', 'budget']] as const) {
      if (!adds(role) && adds(other)) out.push({ total: totals.get(role)!, parts: items.get(role)!, complete: true, basis });
    }
  });
  return out;
}

/** Whether `values` (shown like `shown`) add up to `total` within the rounding of every figure. */
function holds(total: Figure, values: Decimal[], shownAs: Figure[]): boolean {
  const parts = sum(values.map((v, i) => shown(v, shownAs[i]!.decimals)));
  const t = shown(total.value, total.decimals);
  return parts.lo.lte(t.hi) && parts.hi.gte(t.lo);
}

/** Figures that restate their cell, with no other cell in doubt. */
export function confirmedFigures(links: Link[]): Set<Figure> {
  return new Set(links.filter((l) => l.agrees && !l.candidates).map((l) => l.figure));
}

/**
 * `input`, with each total that no cell confirms and its complete split contradicts read as the
 * sum of its parts: a rate computed from such a total that the parts' sum explains is right,
 * and the total is what parts-sum flags.
 */
export function asSummed(sums: SumClaim[], links: Link[], input: Input): Input {
  const confirmed = confirmedFigures(links);
  const summed = new Map<Figure, Figure>();
  for (const c of sums) {
    if (!c.complete || confirmed.has(c.total)) continue;
    const parts = c.parts.map(input);
    if (holds(input(c.total), parts.map((p) => p.value), parts)) continue;
    const value = parts.reduce((a, p) => a.plus(p.value), new Dec(0));
    const decimals = Math.max(...parts.map((p) => p.decimals));
    summed.set(c.total, { ...c.total, value, decimals, text: formatNumber(value, { ...c.total, decimals }) });
  }
  return (f) => summed.get(f) ?? input(f);
}
