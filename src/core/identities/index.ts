// Table identities (表内 / 表间 勾稽关系), declared per report template.
import { Dec } from '../number';
import type { Report } from '../report';
import type { Row } from '../tables/model';
import { commonLength } from '../text';
import { bindTable, regex } from './match';
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

// Naming, linking and the rules all ask which template a report follows: decide it once per report.
const chosen = new WeakMap<Report, Map<Templates, Template | null>>();

/**
 * The template a report follows: the forced one, else the one the largest share of whose tables
 * the report has (by title or code); none when the report has none of any template's tables.
 */
export function chooseTemplate(report: Report, templates: Templates): Template | null {
  let byTemplates = chosen.get(report);
  if (!byTemplates) chosen.set(report, (byTemplates = new Map()));
  if (!byTemplates.has(templates)) byTemplates.set(templates, bestTemplate(report, templates));
  return byTemplates.get(templates)!;
}

function bestTemplate(report: Report, templates: Templates): Template | null {
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
  restoreTotalLabels(report, template);
  return template;
}

/**
 * OCR garbles a total row's label (`人员组圣费合计` for 人员经费合计), but the row is still known
 * by where it stands and what it holds: of a table whose sum identity names a total no row is
 * labelled, a row without a code after the coded parts the identity adds up, holding exactly
 * their sum, and spelled mostly like the total's label (Dice ≥ 0.6), is that total.
 */
function restoreTotalLabels(report: Report, template: Template): void {
  for (const identity of template.identities) {
    if (identity.kind !== 'sum' || !identity.table || identity.each || identity.parts.length !== 1) continue;
    const [part] = identity.parts;
    const label = typeof identity.total.row === 'string' ? /^\^(\p{Script=Han}{2,20})\$$/u.exec(identity.total.row)?.[1] : undefined;
    const code = typeof part!.rows === 'object' ? part!.rows.code : undefined;
    if (!label || !code || identity.total.table || identity.total.column || part!.table || part!.column) continue;
    const tables = report.tables.filter((t) => t.identity === identity.table);
    if (tables.some((t) => t.rows.some((r) => r.label === label))) continue;
    const codeRe = regex(code);
    for (const t of tables) {
      const parts = t.rows.filter((r) => r.code && codeRe.test(r.code));
      if (!parts.length) continue;
      const column = parts[0]!.cells[0]?.column.name;
      const valueOf = (r: Row) => {
        const v = r.cells.find((c) => c.column.name === column)?.value;
        return v?.kind === 'number' ? v.value : v?.kind === 'blank' ? new Dec(0) : null;
      };
      const values = parts.map(valueOf);
      if (values.some((v) => v === null)) continue;
      const sum = values.reduce((a, v) => a!.plus(v!), new Dec(0))!;
      const after = t.rows.slice(t.rows.indexOf(parts[parts.length - 1]!) + 1);
      const totals = after.filter((r) => !r.code && (2 * commonLength(r.label, label)) / (r.label.length + label.length) >= 0.6 && r.cells.find((c) => c.column.name === column)?.value.kind === 'number' && valueOf(r)!.eq(sum));
      if (totals.length === 1) totals[0]!.label = label;
    }
  }
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
