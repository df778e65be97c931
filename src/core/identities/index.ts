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
 * The template a report follows: the forced one, else the one the largest share of whose tables
 * the report has (by title or code); none when the report has none of any template's tables.
 */
export function chooseTemplate(report: Report, templates: Templates): Template | null {
  if (templates.forced !== null) return templates.available.find((t) => t.id === templates.forced) ?? null;
  let best: Template | null = null;
  let bestShare = 0;
  let bestCount = 0;
  for (const t of templates.available) {
    const defs = Object.values(t.tables);
    const count = defs.filter((def) => bindTable(report, def).length > 0).length;
    const share = defs.length ? count / defs.length : 0;
    if (count > 0 && (share > bestShare || (share === bestShare && count > bestCount))) [best, bestShare, bestCount] = [t, share, count];
  }
  return best;
}

/**
 * Names every table by what it is: the id of the template table it binds to (by title or
 * aliases, by code when it has no title, by `hasRow` for halves), the first in declaration
 * order. Returns the template used.
 */
export function nameTables(report: Report, templates: Templates): Template | null {
  const template = chooseTemplate(report, templates);
  for (const t of report.tables) [t.identity, t.identityName] = [null, null];
  if (!template) return null;
  for (const [id, def] of Object.entries(template.tables)) {
    for (const t of bindTable(report, def)) {
      if (t.identity !== null) continue;
      t.identity = id;
      t.identityName = def.name ?? null;
    }
  }
  return template;
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
