// Table identities (表内 / 表间 勾稽关系), declared per report template.
import type { Report } from '../report';
import { bindTable } from './match';
import { evaluate, type Evaluation } from './evaluate';
import type { Template } from './schema';
import { shippedTemplates } from './shipped';

export type { Checked, Evaluation, Instance, Operand, Skipped, SkipReason } from './evaluate';
export { evaluate } from './evaluate';
export { parseTemplate, parseTemplateText, TemplateError, type TemplateProblem } from './load';
export type { Identity, Template } from './schema';
export { shippedTemplates } from './shipped';

/** The templates a check may use, and the one the user forced, if any (by id). */
export interface Templates {
  available: readonly Template[];
  forced: string | null;
}

/** User templates first, so one that extends a shipped template wins a tie with it. */
export function templateSet(extra: readonly Template[] = [], forced: string | null = null): Templates {
  return { available: [...extra, ...shippedTemplates().filter((t) => !extra.some((x) => x.id === t.id))], forced };
}

/**
 * The template a report follows: the forced one, else the one most of whose tables the report
 * has (by title); none when the report has none of any template's tables.
 */
export function chooseTemplate(report: Report, templates: Templates): Template | null {
  if (templates.forced !== null) return templates.available.find((t) => t.id === templates.forced) ?? null;
  let best: Template | null = null;
  let bestScore = 0;
  for (const t of templates.available) {
    const score = Object.values(t.tables).filter((def) => bindTable(report, def).length > 0).length;
    if (score > bestScore) [best, bestScore] = [t, score];
  }
  return best;
}

// Both table rules read the same evaluation; compute it once per report.
const memo = new WeakMap<Report, Map<Templates, Evaluation | null>>();

export function evaluationFor(report: Report, templates: Templates): Evaluation | null {
  let byTemplates = memo.get(report);
  if (!byTemplates) memo.set(report, (byTemplates = new Map()));
  if (!byTemplates.has(templates)) {
    const template = chooseTemplate(report, templates);
    byTemplates.set(templates, template ? evaluate(report, template) : null);
  }
  return byTemplates.get(templates)!;
}
