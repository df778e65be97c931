// Figures the narrative states twice: the 三公 section's 公务用车保有量 and the 国有资产 section's
// 共有车辆, one thing counted twice in a paragraph (`92种谈判药品转常规 … 谈判药转常规89种`), an
// amount stated in two places (`年初预算为 1,470,000.00 元` … `资金共计 147 万元`). Paired once,
// here: the consistency rules report the pairs that disagree, and a figure no table cell is the
// source of has the statement of record as its source.
import type { Figure } from '../figures';
import { sameValue, shown } from '../interval';
import { type AmountUnit, convert, convertedDecimals, isAmountUnit } from '../number';
import type { Report } from '../report';
import { prose } from '../report-facts';
import { firstAtLeast } from '../text';
import type { Link, Statement } from './link';

export interface Restatement {
  /** The figure that restates. */
  figure: Figure;
  /** The statement of record: the 国有资产 section's 共有车辆, the count a paragraph's summary corroborates, the earlier amount. */
  source: Figure;
  kind: 'vehicles' | 'count' | 'amount';
  /** `part`: the figure counts some of what the source counts (the cars whose running the 三公 pays, of all the cars). */
  relation: 'same' | 'part';
  /** Equal within rounding (for a part: not more). */
  agrees: boolean;
  /** What is stated, in the report's words, for messages and hovers. */
  subject: string;
  /** The source is a total its 其中 list adds up to, or a part of such a list. */
  corroborated: boolean;
}

/** Every pair, in the order of the restating figure. */
export function readRestatements(report: Report, statements: Statement[], links: Link[]): Restatement[] {
  const linked = new Set(links.map((l) => l.figure));
  return [...vehicles(report), ...repeatedCounts(report), ...repeatedAmounts(statements), ...budgetsRestated(report, statements, linked)].sort((a, b) => a.figure.start - b.figure.start);
}

// ---------------------------------------------------------------------------------------------
// Cars: 公务用车保有量 (三公) is part of 共有车辆 (国有资产占用情况).

/** `公务用车保有量为 2.00 辆` (the 三公 section): the cars whose running the appropriation pays. */
const HOLDINGS = /保有量(?:为|是|共|共计|合计|达)?$/;
/** `共有车辆 2.00辆，其中：…` (国有资产占用情况): every car the department has. */
const FLEET = /共有(?:各类)?车辆(?:为|共|共计|合计)?$/;
/** `截至 2024 年 12 月 31 日`: when a count was taken. */
const AS_OF = /截至\s*((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日/g;

interface CarCount {
  figure: Figure;
  /** The date its sentence says it was taken on (`2024-12-31`), if it says one. */
  asOf: string | null;
  /** The year its sentence names last (`2026 年…保有量` in a 预算 is a plan), if any. */
  year: string | null;
}

/**
 * The 国有资产 section's 共有车辆 is the count of record: every car of the department. The 三公
 * section's 公务用车保有量 counts the cars the appropriation runs, so it is part of it — it may be
 * fewer, never more. Paired only when the report states each once, and not of different dates
 * or years (a 预算's `2026 年…保有量` is a plan, its `截至 2025 年 8 月 31 日共有车辆` a count).
 */
function vehicles(report: Report): Restatement[] {
  const holdings: CarCount[] = [];
  const fleet: CarCount[] = [];
  // Prose figures only: a table's cells are not among them.
  for (const f of report.figures) {
    if (f.kind !== 'count' || f.unit !== '辆') continue;
    const sentence = sentenceBefore(report.norm, f.start);
    const lead = sentence.slice(-30).replace(/\s+/g, '');
    const list = HOLDINGS.test(lead) ? holdings : FLEET.test(lead) ? fleet : null;
    const m = [...sentence.matchAll(AS_OF)].pop();
    const year = [...sentence.matchAll(/((?:19|20)[0-9]{2})\s*年/g)].pop()?.[1] ?? null;
    list?.push({ figure: f, asOf: m ? `${m[1]}-${Number(m[2])}-${Number(m[3])}` : null, year });
  }
  if (holdings.length !== 1 || fleet.length !== 1) return [];
  const [held, all] = [holdings[0]!, fleet[0]!];
  if ((held.asOf && all.asOf && held.asOf !== all.asOf) || (held.year && all.year && held.year !== all.year)) return [];
  return [{ figure: held.figure, source: all.figure, kind: 'vehicles', relation: 'part', agrees: held.figure.value.lte(all.figure.value), subject: '共有车辆', corroborated: false }];
}

/** The sentence up to `at`: back to its 。, within 300 characters. */
function sentenceBefore(norm: string, at: number): string {
  const lo = Math.max(0, at - 300);
  return norm.slice(lo + norm.slice(lo, at).lastIndexOf('。') + 1, at);
}

// ---------------------------------------------------------------------------------------------
// One thing counted twice in a paragraph.

/** Where a clause about one thing ends. */
const BOUNDARY = /[,，。；;:：、()（）!?！？]|其中/g;
/** Words that say when: two counts of different times are not one thing counted twice. */
const WHEN = /(?:19|20)[0-9]{2}\s*年\s*(?:度|末|初|底)?|上年|本年|去年|今年|年初|年末|年底|同期|目前|截至/g;
/** Words that carry no subject: 共 92 种 is 92 种. */
const FILLER = /共计|合计|累计|总计|共|达到|达|为|有|计|约|了|的|\s/g;

interface Counted {
  figure: Figure;
  /** The thing counted: the clause's words around the figure, time and filler words out. */
  subject: string;
  when: string;
  /** The figure is one part of a 其中 list whose parts add up to its total (or that total): corroborated. */
  corroborated: boolean;
}

/**
 * One thing counted twice in a paragraph (`92种谈判药品转常规` … `谈判药转常规89种`): the thing is
 * the clause's words around the count (`谈判药品转常规`; a word left out, as 药 for 药品, is still
 * the same thing); counts of different times (2023 年末 … 人, 2024 年 … 人) are not one thing. The
 * count of record is the one a 其中 list corroborates — the paragraph's summary (`新增目录内药品91种，
 * 其中：谈判药转常规89种，直接调出目录2种`); with neither or both corroborated, the earlier one, which
 * the later restates. A count that only shares the head of its words with a corroborated one
 * (`2种谈判药品被调出目录` … `直接调出目录2种`) is paired only when the two are equal: that they are one
 * thing is then likely, not certain, so it never makes a finding.
 */
function repeatedCounts(report: Report): Restatement[] {
  const out: Restatement[] = [];
  const counts = report.figures.filter((f) => f.kind === 'count');
  let next = 0;
  const countsIn = (start: number, end: number) => {
    while (next < counts.length && counts[next]!.start < start) next++;
    const inside: Figure[] = [];
    for (let k = next; k < counts.length && counts[k]!.end <= end; k++) inside.push(counts[k]!);
    return inside;
  };
  for (const block of prose(report)) {
    if (block.kind !== 'paragraph') continue;
    const figures = countsIn(block.start, block.end);
    if (figures.length < 2) continue;
    const counted = figures.map((f) => read(report.norm, block.start, block.end, f, figures)).filter((c): c is Counted => c !== null);
    const paired = new Set<Figure>();
    // Each count against the 40 before it: a paragraph's two mentions of one thing are near.
    for (let j = 1; j < counted.length; j++) {
      for (let i = Math.max(0, j - 40); i < j; i++) {
        const [a, b] = [counted[i]!, counted[j]!];
        if (a.figure.unit !== b.figure.unit || a.when !== b.when) continue;
        const equal = a.figure.value.eq(b.figure.value);
        const same = sameThing(a.subject, b.subject);
        if (!same && !(equal && a.corroborated !== b.corroborated && sameHead(a.subject, b.subject))) continue;
        const [source, figure] = b.corroborated && !a.corroborated ? [b, a] : [a, b];
        if (paired.has(figure.figure)) continue;
        paired.add(figure.figure);
        out.push({ figure: figure.figure, source: source.figure, kind: 'count', relation: 'same', agrees: equal, subject: figure.subject, corroborated: source.corroborated });
      }
    }
  }
  return out;
}

/** The clause around a count and what it counts. */
function read(norm: string, from: number, to: number, f: Figure, all: Figure[]): Counted | null {
  const before = norm.slice(Math.max(from, f.start - 30), f.start);
  const after = norm.slice(f.unitEnd, Math.min(to, f.unitEnd + 30));
  if (/第\s*$/.test(before) || /^\s*百分点/.test(after)) return null;
  const lead = before.slice(lastBoundary(before));
  const tail = after.slice(0, firstBoundary(after));
  const words = lead + tail;
  // When: every time word of the sentence so far (截至2025年… 共有 is not 2026年… 购置).
  const sentence = norm.slice(sentenceStart(norm, from, f.start), f.start) + tail;
  const when = [...new Set([...sentence.matchAll(WHEN)].map((m) => m[0].replace(/\s/g, '')))].sort().join(' ');
  const subject = words.replace(WHEN, '').replace(FILLER, '').replace(/[0-9.]+/g, '');
  if (subject.length < 4) return null;
  return { figure: f, subject, when, corroborated: corroborated(norm, from, f, all) };
}

function lastBoundary(s: string): number {
  let at = 0;
  for (const m of s.matchAll(BOUNDARY)) at = m.index + m[0].length;
  return at;
}

function firstBoundary(s: string): number {
  const m = /[,，。；;:：、()（）!?！？]|其中/.exec(s);
  return m ? m.index : s.length;
}

/** Sentences are looked at within this many characters of a count. */
const SENTENCE = 300;

/** Where the sentence of `at` starts: after its 。, within SENTENCE characters, not before `from`. */
function sentenceStart(norm: string, from: number, at: number): number {
  const lo = Math.max(from, at - SENTENCE);
  return lo + norm.slice(lo, at).lastIndexOf('。') + 1;
}

/** Words that make a thing its opposite: `不合格` is not `合格` with a character left out. */
const NEGATION = /[不未非无没]/;

/** `a` and `b` name one thing: equal, or one is the other with a character or two left out (not a negation). */
function sameThing(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 2 || short.length < 5) return false;
  let j = 0;
  for (const ch of long) {
    if (ch === short[j]) j++;
    else if (NEGATION.test(ch)) return false;
  }
  return j === short.length;
}

/** The words end alike in four characters or more, the head of the phrase (`…调出目录`). */
function sameHead(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n >= 4;
}

/** `91种，其中：A 89种，B 2种`: the parts after 其中, of the same unit, add up to the total before it — the total, or one of the parts. */
function corroborated(norm: string, from: number, f: Figure, all: Figure[]): boolean {
  const start = sentenceStart(norm, from, f.start);
  const at = norm.slice(start, f.start).lastIndexOf('其中');
  if (at < 0) return false;
  const split = start + at;
  const stop = norm.slice(f.end, f.end + SENTENCE).indexOf('。');
  const end = stop < 0 ? f.end + SENTENCE : f.end + stop;
  const same = all.filter((g) => g.unit === f.unit && g.start >= start && g.end <= end);
  const total = same.filter((g) => g.end <= split).pop();
  const parts = same.filter((g) => g.start > split);
  if (!total || parts.length < 2) return false;
  return parts.reduce((s, g) => s.plus(g.value), total.value.minus(total.value)).eq(total.value);
}

// ---------------------------------------------------------------------------------------------
// Amounts stated twice.

/** Two amounts agree when one, shown, can be the other in its unit (either way round). */
function sameAmount(a: Figure, b: Figure): boolean {
  if (!isAmountUnit(a.unit) || !isAmountUnit(b.unit)) return false;
  const x = shown(convert(a.value, a.unit, b.unit), a.decimals + 8);
  const xa = shown(a.value, a.decimals);
  const y = shown(b.value, b.decimals);
  const ya = shown(convert(b.value, b.unit, a.unit), b.decimals + 8);
  const overlap = (p: typeof x, q: typeof y) => p.lo.lte(q.hi) && p.hi.gte(q.lo);
  return overlap(x, y) || overlap(xa, ya);
}

/**
 * The same subject in the same words (its section, subject path and clause) in two paragraphs:
 * the later restates the first. Within one paragraph a repeated clause enumerates instead
 * (`…项目 6 个，涉及资金 A；…项目 2 个，涉及资金 B`).
 */
function repeatedAmounts(statements: Statement[]): Restatement[] {
  const first = new Map<string, Statement>();
  const out: Restatement[] = [];
  for (const s of statements) {
    const earlier = first.get(s.subject);
    if (!earlier) {
      first.set(s.subject, s);
      continue;
    }
    if (earlier.block === s.block || !isAmountUnit(earlier.figure.unit) || !isAmountUnit(s.figure.unit)) continue;
    out.push({ figure: s.figure, source: earlier.figure, kind: 'amount', relation: 'same', agrees: sameAmount(earlier.figure, s.figure), subject: s.subject.split('|').pop()!, corroborated: false });
  }
  return out;
}

/** `年初预算为 1,470,000.00 元`: an item's budget, as the 财政拨款支出 section states it. */
const BUDGET_LEAD = /年初预算(?:数)?\s*(?:为|是)?\s*$/;
/** `…补助资金共计 147 万元`, `…文件下达 147 万元`: money a project has, not what it spent. */
const FUNDS_LEAD = /(?:资金|预算|经费)[^，,。；;]{0,6}(?:共计|合计|总计|总额|为|共)\s*$|下达\s*$/;
const SPENT = /支出|执行|使用|拨付|完成|结余|结转/;
const UNIT_SIZE: Record<AmountUnit, number> = { 元: 0, 万元: 1, 亿元: 2 };
/** A project's name shared by the two sentences: this many Han characters in a row at least. */
const SHARED_NAME = 6;

/**
 * A project's funds in the 绩效 section, in 万元 (`中央财政…补助资金共计 147 万元`), that no cell is
 * the source of, restate the budget of the item the 财政拨款支出 section explains in 元 (`…(项)年初
 * 预算为 1,470,000.00 元，…主要原因是：…中央财政对…补助资金较上年增加`): the earlier, more precise
 * statement is the one of record. Paired only when the item's paragraph names the project (a
 * run of its name's characters) and exactly one such budget agrees: the words alone say that
 * the two are one sum of money with too little certainty for a finding.
 */
function budgetsRestated(report: Report, statements: Statement[], linked: Set<Figure>): Restatement[] {
  const { norm } = report;
  const budgets = statements.filter((s) => isAmountUnit(s.figure.unit) && BUDGET_LEAD.test(norm.slice(Math.max(0, s.figure.start - 12), s.figure.start)));
  if (!budgets.length) return [];
  const blockOf = (at: number) => report.blocks[firstAtLeast(report.blocks, at + 1, (b) => b.start) - 1];
  const out: Restatement[] = [];
  for (const f of report.figures) {
    if (f.kind !== 'amount' || !isAmountUnit(f.unit) || linked.has(f)) continue;
    const block = blockOf(f.start);
    if (!block) continue;
    const sentence = norm.slice(sentenceStart(norm, block.start, f.start), f.start);
    const clause = sentence.split(/[，,；;:：()（）]/).pop() ?? '';
    if (!FUNDS_LEAD.test(clause) || SPENT.test(clause)) continue;
    const equal = budgets.filter(({ figure: source }) => {
      const [from, to] = [source.unit as AmountUnit, f.unit as AmountUnit];
      if (source.start >= f.start || UNIT_SIZE[from] >= UNIT_SIZE[to]) return false;
      return sameValue(shown(convert(source.value, from, to), convertedDecimals(source.decimals, from, to)), f.value, f.decimals);
    });
    // Many budgets of the one value: the value says nothing of which.
    if (!equal.length || equal.length > 3) continue;
    const name = hanOnly(clause);
    // The item's paragraph around its budget (the words of its 主要原因 follow it).
    const naming = equal.filter(({ figure: source }) => {
      const item = blockOf(source.start)!;
      return commonRun(hanOnly(norm.slice(Math.max(item.start, source.start - 300), Math.min(item.end, source.end + 600))), name) >= SHARED_NAME;
    });
    if (naming.length !== 1) continue;
    out.push({ figure: f, source: naming[0]!.figure, kind: 'amount', relation: 'same', agrees: true, subject: clause.replace(/\s+/g, ''), corroborated: false });
  }
  return out;
}

const hanOnly = (s: string) => s.replace(/[^\p{Script=Han}]/gu, '');

/** The longest run of characters `a` and `b` share. */
function commonRun(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) if (a[i - 1] === b[j - 1]) best = Math.max(best, (row[j] = prev[j - 1]! + 1));
    prev = row;
  }
  return best;
}
