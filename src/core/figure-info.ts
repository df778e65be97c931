// What each prose figure is, where it comes from and what it should be: the one view that
// the CLI's JSON, hovers and navigation all present.
import { type Finding, isSerious, type Message } from './finding';
import type { Figure } from './figures';
import { round } from './interval';
import type Decimal from 'decimal.js';
import { type AmountUnit, convert, Dec, formatNumber, isAmountUnit } from './number';
import type { RateOf, Recomputed } from './rates';
import type { Report } from './report';
import type { CellRef, Link } from './links/link';
import type { DocumentCount } from './links/document-counts';
import type { Restatement } from './links/restated';
import { firstAtLeast } from './text';

export type FigureRole = RateOf['role'] | 'amount' | 'count' | 'other';

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
  /** When no cell is its source: the figure of the narrative it restates (the statement of record). */
  restated: Restatement | null;
  /** A count of the report's own parts: the things it counts. */
  counted: DocumentCount | null;
  /** A rate recomputed from the figures it is computed from. */
  recomputed: Recomputed | null;
  /** The figure as the report's figures say it should read, in the author's format. */
  computed: string | null;
  /** When uncertain: the cells the words could mean, which disagree with one another. */
  candidates: CellRef[] | null;
}

/** Each prose figure as the check concluded: computed once, at the end of the check. */
export function figureInfo(report: Report, sources: { links: Link[]; restated: Restatement[]; counts: DocumentCount[] }, rates: Map<Figure, RateOf>, findings: Finding[]): FigureInfo[] {
  const byFigure = new Map(sources.links.map((l) => [l.figure, l]));
  const restating = new Map(sources.restated.map((r) => [r.figure, r]));
  const counting = new Map(sources.counts.map((c) => [c.figure, c]));
  const flagged = flaggedSpans(findings);
  return report.figures.map((figure) => {
    const known = rates.get(figure);
    const link = byFigure.get(figure) ?? null;
    const restated = link ? null : (restating.get(figure) ?? null);
    const counted = link || restated ? null : (counting.get(figure) ?? null);
    const role: FigureRole = known?.role ?? (figure.kind === 'amount' ? 'amount' : figure.kind === 'count' ? 'count' : 'other');
    const recomputed = known?.recomputed ?? null;
    let computed: string | null = null;
    if (recomputed) computed = formatNumber(round(recomputed.exact, figure.decimals), figure);
    else if (link?.cell.value.kind === 'number' && figure.kind === 'count') computed = formatNumber(link.cell.value.value, figure);
    else if (link?.cell.value.kind === 'number' && link.table.unit) {
      computed = formatNumber(convert(link.cell.value.value, link.table.unit, figure.unit as AmountUnit), figure);
    } else if (restated?.relation === 'same') computed = formatNumber(restatedValue(restated), figure);
    else if (counted) computed = formatNumber(new Dec(counted.items.length), figure);
    // A link that disagrees without a finding is one the engine is not sure of (cells that
    // disagree with one another, a table without a unit): uncertain, never a verdict.
    const state: FigureState = flagged(figure)
      ? 'disagrees'
      : link
        ? link.agrees && !link.candidates
          ? 'agrees'
          : 'uncertain'
        : restated || counted
          ? (restated ?? counted)!.agrees
            ? 'agrees'
            : 'uncertain'
          : recomputed
            ? 'agrees'
            : figure.kind === 'amount'
              ? 'unlinked'
              : 'unchecked';
    return { figure, state, link, restated, counted, role, recomputed, computed, candidates: link?.candidates ?? null };
  });
}

/** The statement of record's value in the restating figure's unit. */
function restatedValue({ figure, source }: Restatement): Decimal {
  return isAmountUnit(figure.unit) && isAmountUnit(source.unit) ? convert(source.value, source.unit, figure.unit) : source.value;
}

/** Whether a warning or error lies on a figure; findings come sorted by start. */
function flaggedSpans(findings: Finding[]): (f: Figure) => boolean {
  const serious = findings.filter(isSerious);
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
