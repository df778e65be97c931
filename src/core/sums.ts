// Totals and their parts in the prose: `预算数为 T 万元，其中：当年安排 A 万元，上年结转 B 万元`,
// and a total over sections (`7 项…共涉及资金 T 万元` followed by seven `项目全年预算数为 X`).
import type { Claim } from './claims';
import type { Figure } from './figures';
import { Dec } from './number';
import type { Report } from './report';
import { rowKey } from './resolve';

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
];
const PART_WORD = new RegExp(SPLITS.flatMap((s) => [...s.required, ...s.optional]).map((r) => r.source).join('|'));

const CHANGE = /增加|减少|增长|下降|降低|上升|比|较/;
const COUNTED_TOTAL = /(\d+)\s*(?:项|个)[^。]*?(?:共涉及资金|共计|合计|总计|共)[^。，,]{0,8}$/;

function isComplete(parts: { lead: string }[]): boolean {
  return SPLITS.some(
    (s) => s.required.every((r) => parts.some((p) => r.test(p.lead))) && parts.every((p) => [...s.required, ...s.optional].some((r) => r.test(p.lead))),
  );
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
      if (figure.kind === 'amount' || figure.kind === 'percent') out.push({ figure, lead });
    }
    return out;
  });

  byBlock.forEach((figures, b) => {
    figures.forEach(({ figure: total }, i) => {
      if (total.kind !== 'amount') return;
      // Parts follow the total in the same sentence (no 。 between), shares between them allowed.
      const first = figures[i + 1];
      const opensList = first !== undefined && /其\s*中/.test(norm.slice(total.unitEnd, first.figure.start));
      const parts: { figure: Figure; lead: string }[] = [];
      for (let j = i + 1; j < Math.min(figures.length, i + 40); j++) {
        const next = figures[j]!;
        if (norm.slice(figures[j - 1]!.figure.unitEnd, next.figure.start).includes('。')) break;
        if (next.figure.kind === 'percent') continue;
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
        sums.push({
          total,
          parts: near[0]!,
          complete: true,
          basis: { zh: `${count} 项，后文逐项列出`, en: `${count} items, each stated in the sections that follow` },
        });
      }
    }
  });
  return sums;
}
