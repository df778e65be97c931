// What each prose figure is, where it comes from and what it should be: the one view that
// the CLI's JSON, hovers and navigation all present.
import type { CheckResult } from './check';
import type { Figure } from './figures';
import { round } from './interval';
import { type AmountUnit, convert, formatNumber } from './number';
import { changeRateOf, completionRate, type Recomputed, shareRate } from './rates';
import type { Link } from './resolve';

export type FigureRole = 'amount' | 'share' | 'change-amount' | 'change-rate' | 'completion-rate' | 'count' | 'other';

export interface FigureInfo {
  figure: Figure;
  role: FigureRole;
  /** The cell an amount restates. */
  link: Link | null;
  /** A rate recomputed from the figures it is computed from. */
  recomputed: Recomputed | null;
  /** The figure as the report's figures say it should read, in the author's format. */
  computed: string | null;
}

export function figureInfo(result: CheckResult): FigureInfo[] {
  const roles = new Map<Figure, { role: FigureRole; recomputed: Recomputed | null }>();
  for (const c of result.claims) {
    if (c.kind === 'completion') roles.set(c.rate, { role: 'completion-rate', recomputed: completionRate(c) });
    else if (c.kind === 'share') roles.set(c.rate, { role: 'share', recomputed: shareRate(c) });
    else if (c.kind === 'change') {
      roles.set(c.delta, { role: 'change-amount', recomputed: null });
      if (c.rate) roles.set(c.rate, { role: 'change-rate', recomputed: changeRateOf(c) });
    }
  }
  const links = new Map(result.links.map((l) => [l.figure, l]));
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
    return { figure, role, link, recomputed, computed };
  });
}
