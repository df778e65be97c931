// From a template file's text to a Template: JSON, then the schema, then `extends`, then the
// references between its parts. Every problem is reported at once, each with the file and the
// JSON path it is at, so an author can fix them all in one go.
import type * as z from 'zod';
import { type Identity, type Ref, type Template, template as templateSchema, type TemplateFile } from './schema';

export interface TemplateProblem {
  /** Where in the file: `identities[3].total.row`, or `` for the whole file. */
  path: string;
  message: string;
}

export class TemplateError extends Error {
  constructor(
    readonly source: string,
    readonly problems: TemplateProblem[],
  ) {
    super(problems.map((p) => `${source}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'));
  }
}

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');

/** zod reports a union failure as "Invalid input"; the branch that got furthest says why. */
function issueProblems(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): TemplateProblem[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 1)));
    const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    return best.flatMap((i) => issueProblems(i, path));
  }
  return [{ path: pathText(path), message: issue.message }];
}

/** The offset a JSON.parse error names, as line:column. */
function jsonPosition(text: string, error: Error): string {
  const at = /position (\d+)/.exec(error.message);
  if (!at) return '';
  const offset = Number(at[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return ` at line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Parses and validates a template file's text; `available` are the templates it may extend. */
export function parseTemplateText(text: string, source: string, available: readonly Template[] = []): Template {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new TemplateError(source, [{ path: '', message: `not valid JSON${jsonPosition(text, e as Error)}` }]);
  }
  return parseTemplate(json, source, available);
}

export function parseTemplate(json: unknown, source: string, available: readonly Template[] = []): Template {
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) throw new TemplateError(source, parsed.error.issues.flatMap((i) => issueProblems(i)));
  const file = parsed.data;
  const problems: TemplateProblem[] = [];
  const resolved = resolveExtends(file, available, problems);
  if (resolved) problems.push(...crossReferences(resolved, file));
  if (problems.length || !resolved) throw new TemplateError(source, problems);
  return resolved;
}

function resolveExtends(file: TemplateFile, available: readonly Template[], problems: TemplateProblem[]): Template | null {
  const own: Template = {
    id: file.id,
    title: file.title ?? { zh: file.id, en: file.id },
    blank: file.blank ?? 'zero',
    codes: file.codes ?? {},
    tables: file.tables ?? {},
    identities: file.identities ?? [],
    concepts: file.concepts ?? [],
    performance: file.performance ?? null,
  };
  if (!file.extends) {
    if (file.disable?.length) problems.push({ path: 'disable', message: '`disable` needs `extends`' });
    return own;
  }
  const base = available.find((t) => t.id === file.extends);
  if (!base) {
    problems.push({ path: 'extends', message: `no template '${file.extends}' to extend (have: ${available.map((t) => t.id).join(', ') || 'none'})` });
    return null;
  }
  const disabled = new Set(file.disable ?? []);
  file.disable?.forEach((id, i) => {
    if (!base.identities.some((x) => x.id === id)) problems.push({ path: `disable[${i}]`, message: `'${extendsName(file)}' has no identity '${id}'` });
  });
  const replaced = new Map(own.identities.map((x) => [x.id, x]));
  const identities = base.identities.filter((x) => !disabled.has(x.id)).map((x) => replaced.get(x.id) ?? x);
  identities.push(...own.identities.filter((x) => !base.identities.some((b) => b.id === x.id)));
  // A concept of the same id replaces the base's; new ones come first, so they win a tie.
  const concepts = [...own.concepts.filter((x) => !base.concepts.some((b) => b.id === x.id)), ...base.concepts.map((b) => own.concepts.find((x) => x.id === b.id) ?? b)];
  return {
    id: file.id,
    title: file.title ?? base.title,
    blank: file.blank ?? base.blank,
    codes: { ...base.codes, ...own.codes },
    tables: { ...base.tables, ...own.tables },
    identities,
    concepts,
    performance: own.performance ?? base.performance,
  };
}

const extendsName = (file: TemplateFile) => file.extends ?? '';

/** Names that must exist: tables and code schemes; ids that must be unique. */
function crossReferences(t: Template, file: TemplateFile): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  // Paths point into the author's file: identities inherited from a base have no path there.
  const ownIndex = new Map((file.identities ?? []).map((x, i) => [x, i]));
  const at = (x: Identity, rest: string) => {
    const i = ownIndex.get(x);
    return i === undefined ? `(identity '${x.id}' of '${file.extends}') ${rest}` : `identities[${i}]${rest ? '.' + rest : ''}`;
  };
  const tableNames = Object.keys(t.tables);
  const needTable = (name: string | undefined, where: string) => {
    if (name !== undefined && !(name in t.tables)) problems.push({ path: where, message: `no table '${name}' in \`tables\` (have: ${tableNames.join(', ') || 'none'})` });
  };
  const needCodes = (name: string | undefined, where: string) => {
    if (name !== undefined && !(name in t.codes)) problems.push({ path: where, message: `no code scheme '${name}' in \`codes\` (have: ${Object.keys(t.codes).join(', ') || 'none'})` });
  };
  for (const [name, def] of Object.entries(t.tables)) if (file.tables && name in file.tables) needCodes(def.codes, `tables.${name}.codes`);
  const seen = new Set<string>();
  for (const x of t.identities) {
    if (seen.has(x.id)) problems.push({ path: at(x, 'id'), message: `identity id '${x.id}' is used twice` });
    seen.add(x.id);
    const refs: [Ref, string][] =
      x.kind === 'sum' ? [[x.total, 'total'], ...x.parts.map((p, i): [Ref, string] => [p, `parts[${i}]`])] : x.kind === 'equal' || x.kind === 'classes' ? [[x.left, 'left'], [x.right, 'right']] : [];
    needTable(x.kind === 'classes' ? undefined : x.table, at(x, 'table'));
    for (const [r, where] of refs) {
      needTable(r.table, at(x, `${where}.table`));
      if (!r.table && !('table' in x && x.table)) problems.push({ path: at(x, where), message: 'no table: give `table` here or on the identity' });
      if ((x.kind === 'sum' || x.kind === 'equal') && !r.row && !r.rows && !x.each?.rows) problems.push({ path: at(x, where), message: 'no row: give `row` or `rows`, or repeat the identity over rows with `each.rows`' });
    }
    if (x.kind === 'sum' && x.total.rows) problems.push({ path: at(x, 'total.rows'), message: 'a total is one cell: use `row`, not `rows`' });
    if (x.kind === 'hierarchy') {
      const def = t.tables[x.table];
      if (def && !def.codes) problems.push({ path: at(x, 'table'), message: `table '${x.table}' has no \`codes\` scheme, which a hierarchy needs` });
    }
    if (x.kind === 'classes') {
      needCodes(x.codes, at(x, 'codes'));
      if (x.codes in t.codes && !t.codes[x.codes]!.classes?.length) problems.push({ path: at(x, 'codes'), message: `code scheme '${x.codes}' lists no \`classes\`` });
    }
  }
  const ownConcepts = new Map((file.concepts ?? []).map((x, i) => [x, i]));
  const conceptIds = new Set<string>();
  for (const c of t.concepts) {
    const i = ownConcepts.get(c);
    if (i === undefined) continue;
    if (conceptIds.has(c.id)) problems.push({ path: `concepts[${i}].id`, message: `concept id '${c.id}' is used twice` });
    conceptIds.add(c.id);
    for (const role of ['actual', 'budget'] as const) c.cells[role]?.forEach((cell, k) => needTable(cell.table, `concepts[${i}].cells.${role}[${k}].table`));
  }
  return problems;
}
