// What each prose figure is, where it comes from and what it should be: the one view that
// the CLI's JSON, hovers and navigation all present.
import type { CheckResult } from './check';
import { isSerious, type Message } from './finding';
import type { Figure } from './figures';
import { round } from './interval';
import { type AmountUnit, convert, formatNumber } from './number';
import { changeAmountOf, changeRateOf, completionRate, type Recomputed, shareRate } from './rates';
import type { CellRef, Link } from './links/link';
import { firstAtLeast } from './text';
import { asFixed } from './rules/amount-mismatch';

export type FigureRole = 'amount' | 'share' | 'change-amount' | 'change-rate' | 'completion-rate' | 'count' | 'other';

/**
 * What the engine concluded about a figure: it agrees with its source (cell or recomputed
 * rate), it disagrees (a warning or error names it), the engine could not decide (candidates
 * that disagree, an ambiguous base: never a warning, never a fix), or nothing ties it to a
 * source (an amount no cell could be found for); `unchecked` for figures that claim nothing.
 */
export type FigureState = 'agrees' | 'disagrees' | 'uncertain' | 'unlinked' | 'unchecked';

export interface FigureInfo {
  figure: Figure;
  state: FigureState;
  role: FigureRole;
  /** The cell an amount restates. */
  link: Link | null;
  /** A rate recomputed from the figures it is computed from. */
  recomputed: Recomputed | null;
  /** The figure as the report's figures say it should read, in the author's format. */
  computed: string | null;
  /** When uncertain: the cells the words could mean, which disagree with one another. */
  candidates: CellRef[] | null;
}

export function figureInfo(result: CheckResult): FigureInfo[] {
  const roles = new Map<Figure, { role: FigureRole; recomputed: Recomputed | null }>();
  // rates as the rules recompute them: from the amounts as their fixes leave them
  const input = asFixed(result.links);
  for (const c of result.claims) {
    if (c.kind === 'completion') roles.set(c.rate, { role: 'completion-rate', recomputed: completionRate(c, input) });
    else if (c.kind === 'share') roles.set(c.rate, { role: 'share', recomputed: shareRate(c, input) });
    else if (c.kind === 'change') {
      roles.set(c.delta, { role: 'change-amount', recomputed: changeAmountOf(c) });
      if (c.rate) roles.set(c.rate, { role: 'change-rate', recomputed: changeRateOf(c, input) });
    }
  }
  const links = new Map(result.links.map((l) => [l.figure, l]));
  const flagged = flaggedSpans(result);
  return result.report.figures.map((figure) => {
    const known = roles.get(figure);
    const link = links.get(figure) ?? null;
    const role: FigureRole = known?.role ?? (figure.kind === 'amount' ? 'amount' : figure.kind === 'count' ? 'count' : 'other');
    const recomputed = known?.recomputed ?? null;
    let computed: string | null = null;
    if (recomputed) computed = formatNumber(round(recomputed.exact, figure.decimals), figure);
    else if (link?.cell.value.kind === 'number' && link.table.unit) {
      computed = formatNumber(convert(link.cell.value.value, link.table.unit, figure.unit as AmountUnit), figure);
    }
    // A link that disagrees without a finding is one the engine is not sure of (cells that
    // disagree with one another, a table without a unit): uncertain, never a verdict.
    const state: FigureState = flagged(figure)
      ? 'disagrees'
      : link
        ? link.agrees && !link.candidates
          ? 'agrees'
          : 'uncertain'
        : recomputed
          ? 'agrees'
          : figure.kind === 'amount'
            ? 'unlinked'
            : 'unchecked';
    return { figure, state, link, role, recomputed, computed, candidates: link?.candidates ?? null };
  });
}

/** Whether a warning or error lies on a figure; findings come sorted by start. */
function flaggedSpans(result: CheckResult): (f: Figure) => boolean {
  const serious = result.findings.filter(isSerious);
  const longest = serious.reduce((m, f) => Math.max(m, f.end - f.start), 0);
  return (figure) => {
    // Only findings that start within `longest` before the figure can reach it.
    const lo = firstAtLeast(serious, figure.start - longest, (f) => f.start);
    for (let i = lo; i < serious.length && serious[i]!.start < figure.end; i++) if (serious[i]!.end > figure.start) return true;
    return false;
  };
}

/** How much of a report was checked: the one count that the CLI, the JSON and the editor all show. */
export interface Coverage {
  /** Figures that claim something: every state but `unchecked`. */
  figures: number;
  /** Compared with their source: agrees + disagrees. */
  checked: number;
  agrees: number;
  disagrees: number;
  uncertain: number;
  unlinked: number;
}

export function coverage(figures: readonly FigureInfo[]): Coverage {
  const count = (state: FigureState) => figures.filter((f) => f.state === state).length;
  const [agrees, disagrees, uncertain, unlinked] = [count('agrees'), count('disagrees'), count('uncertain'), count('unlinked')];
  return { figures: agrees + disagrees + uncertain + unlinked, checked: agrees + disagrees, agrees, disagrees, uncertain, unlinked };
}

/** `已核对 312 / 340 个数字，28 个未能对应`, in both languages. */
export function coverageMessage(c: Coverage): Message {
  const zh = [`已核对 ${c.checked} / ${c.figures} 个数字`];
  const en = [`${c.checked} of ${c.figures} figures checked`];
  if (c.disagrees) zh.push(`${c.disagrees} 个不符`), en.push(`${c.disagrees} disagree`);
  if (c.unlinked) zh.push(`${c.unlinked} 个未能对应`), en.push(`${c.unlinked} not tied to a table cell`);
  if (c.uncertain) zh.push(`${c.uncertain} 个无法确定`), en.push(`${c.uncertain} undecided`);
  return { zh: zh.join('，'), en: en.join('; ') };
}
