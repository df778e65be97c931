// Which table cell a figure in the prose speaks of: by the words before it (label, subject
// path 类/款/项, column word), the section it stands in, and — as evidence — its value.
import type { Claim } from '../claims';
import type { Figure } from '../figures';
import { chooseTemplate, type Templates } from '../identities';
import { type AmountUnit, convert, Dec, isAmountUnit } from '../number';
import type { Block, Report } from '../report';
import { reportFacts } from '../report-facts';
import type { Row, Table } from '../tables/model';
import { agrees, type CellRef, CellsByValue, columnFor, otherItemRow, rowByPath, rowKey, sameAmount } from './cells';
import { type ConceptCellRef, ConceptIndex, type ConceptMatch } from './concepts';
import { APPROXIMATE_LEAD, DELTA_LEAD, type Role, subjectWords } from './lexicon';
import { PerformanceLinker } from './performance';
import { sectionTables, subjectTables } from './sections';

export type { CellRef } from './cells';

export interface Link extends CellRef {
  figure: Figure;
  /** How the link was made, in words, for hovers and messages. */
  reason: string;
  /** A label or subject path named the cell outright (not a partial match). */
  strong: boolean;
  /** The stated figure agrees with the cell within rounding. */
  agrees: boolean;
  /** When it does not: a cell it does agree with, if the report has one. */
  instead: CellRef | null;
  /** When it does not, but would in another unit (`247.39 元` for 247.39 万元). */
  unitInstead: AmountUnit | null;
  /** When it does not, but repeats another figure of the same paragraph (the budget). */
  sameAs?: { figure: Figure; what: { zh: string; en: string } };
  /** Cells the words could mean that disagree with one another: the link is not certain. */
  candidates?: CellRef[];
  /** The cell is no more authoritative than the prose (a hand-filled 绩效自评表): a finding, but no fix. */
  unfixable?: true;
}

/** What the words before a figure name: the year and linking verbs stripped. */
function phraseKey(s: string): string {
  return rowKey(s).replace(/^.*\d{4}年度?/, '').replace(/(合计为|共计|为|是|共|达)$/, '');
}

const TOTAL_ROW = /^(合计|总计)$/;

/** `社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项)` */
// Names are bounded in length so that text without a 类 marker is scanned in linear time.
const PATH = /([^（()）。，,；;:：]{1,40}?)\s*[（(]\s*类\s*[)）]\s*(?:([^（()）。，,；;:：]{1,40}?)\s*[（(]\s*款\s*[)）])?\s*(?:([^（()）。，,；;:：]{1,40}?)\s*[（(]\s*项\s*[)）])?/g;

interface SubjectPath {
  names: string[];
  end: number;
}

function paths(norm: string, block: Block): SubjectPath[] {
  const out: SubjectPath[] = [];
  const text = norm.slice(block.start, block.end);
  if (!text.includes('类')) return out;
  for (const m of text.matchAll(PATH)) {
    const names = [m[1], m[2], m[3]].filter((x): x is string => !!x).map((n) => rowKey(n.replace(/^[\s\d.、()（）]+/, '')));
    out.push({ names, end: block.start + m.index + m[0].length });
  }
  return out;
}

/** An amount with the words that say what it is, for finding the same thing stated twice. */
export interface Statement {
  figure: Figure;
  /** The clause before it, normalised, with its section and subject path (or numbered item). */
  subject: string;
  /** Where its paragraph starts: within one paragraph, a repeated clause enumerates (`…项目 6 个，涉及资金 A；…项目 2 个，涉及资金 B`). */
  block: number;
}

const GENERIC = /^(年初预算|预算|预算数|支出预算|支出决算|决算|决算数|支出|收入|当年安排|上年结转|其他资金|资金|金额|其中|合计|小计)?$/;

/** Subjects that say nothing by themselves: the figure is of the subject stated before it. */
const BARE_SUBJECT = /^(支出|收入|其中|合计|金额|资金|当年|全年)?$/;

/**
 * The subject a bare word continues: the last one, or — when the word names the other flow
 * (`政府性基金预算财政拨款本年收入 A，本年支出 B`) — the same money's other flow.
 */
function otherFlow(last: string, bare: string): string {
  const flip = bare === '支出' ? /收入(合计)?$/ : bare === '收入' ? /支出(合计)?$/ : null;
  return flip?.test(last) ? last.replace(flip, bare) : last;
}

/**
 * Links the amount figures of the prose to cells. Figures that are a change's delta are not
 * amounts of any row; a completion claim's budget and actual are linked by role.
 */
export function linkFigures(report: Report, claims: Claim[], templates?: Templates): { links: Link[]; unlinked: Figure[]; statements: Statement[] } {
  const { norm } = report;
  const sections = sectionTables(report);
  const codedTables = subjectTables(report);
  const cells = new CellsByValue(report.tables);
  const template = templates ? chooseTemplate(report, templates) : null;
  const concepts = new ConceptIndex(report, template);
  const performance = new PerformanceLinker(report, template?.performance ?? null, sections);
  const year = reportFacts(report).period;
  const roles = new Map<Figure, 'budget' | 'actual' | 'delta'>();
  // A completion's actual is of its budget's subject (`安排项目支出预算 A…。支出 B，预算执行率 C%`).
  const budgetOf = new Map<Figure, Figure>();
  for (const c of claims) {
    if (c.kind === 'completion') {
      roles.set(c.budget, 'budget');
      roles.set(c.actual, 'actual');
      budgetOf.set(c.actual, c.budget);
    } else if (c.kind === 'change') roles.set(c.delta, 'delta');
  }
  const subjectOf = new Map<Figure, string>();
  const links: Link[] = [];
  const unlinked: Figure[] = [];
  const statements: Statement[] = [];
  let f = 0;
  // The subject path of the item being read, for a paragraph of the same item that names none
  // (`12、住房保障支出（类）…住房公积金（项）。` / `主要用于：…年初预算为 289.59 万元`).
  let itemPath: SubjectPath | null = null;
  let section = '';
  for (const block of report.blocks) {
    if (block.kind === 'table') continue;
    const { tables, heading } = sections.get(block) ?? { tables: [], heading: '' };
    const blockPaths = paths(norm, block);
    // A heading, a new section or a numbered item starts another subject.
    const [blockSection, item] = heading.split('|');
    if (block.kind === 'heading' || blockSection !== section || item !== undefined) itemPath = null;
    section = blockSection ?? '';
    const carried = blockPaths.length ? null : itemPath;
    if (blockPaths.length) itemPath = blockPaths[blockPaths.length - 1]!;
    while (f < report.figures.length && report.figures[f]!.start < block.start) f++;
    let prevEnd = block.start;
    // The subject of the last figure, for one whose words only name a role (`，支出决算为 X`).
    let last: { words: string; end: number } | null = null;
    let lastCount: { words: string; end: number } | null = null;
    for (; f < report.figures.length && report.figures[f]!.start < block.end; f++) {
      const figure = report.figures[f]!;
      const lead = norm.slice(Math.max(prevEnd, figure.start - 80), figure.start);
      // Years and other bare numbers are part of the words (`2024 年度收入总计`).
      if (figure.kind !== 'other') prevEnd = figure.unitEnd;
      // A project's paragraph restates its 绩效自评表: scores and indicators too, not only amounts.
      const project = performance.link(figure, lead, heading);
      if (project) {
        if (project.link) links.push(project.link);
        else if (figure.kind === 'amount') unlinked.push(figure);
        continue;
      }
      // A count (`团组 0 个`, `公务用车保有量为 2 辆`): a 统计数 cell, by the template's count concepts;
      // a bare one (`团组 0 个，0 人次`) counts the subject of the count before it.
      if (figure.kind === 'count') {
        const clause = rowKey(lead.split(/[，,。；;:：、]/).pop() ?? '');
        let words = subjectWords(clause, year, reportFacts(report).department).words;
        if (words.length < 2 && lastCount && !norm.slice(lastCount.end, figure.start).includes('。')) words = lastCount.words;
        lastCount = { words, end: figure.unitEnd };
        const link = countLink(figure, concepts.match(words, heading, figure.unit));
        if (link) links.push(link);
        continue;
      }
      if (figure.kind !== 'amount' || !isAmountUnit(figure.unit) || roles.get(figure) === 'delta') continue;
      // A change, or an approximate figure (`约 17 万元`), restates no cell.
      if (DELTA_LEAD.test(lead) || APPROXIMATE_LEAD.test(lead)) continue;
      const known = roles.get(figure);
      const after = norm.slice(figure.unitEnd, figure.unitEnd + 24);
      const said = subjectWords(rowKey(lead.split(/[，,。；;:：]/).pop() ?? ''), year, reportFacts(report).department);
      // Last year's figure (the base of a change) is in no table of this year's report.
      if (said.prior) continue;
      const role: Role | null =
        known === 'budget' || known === 'actual' ? known
        : said.role ? said.role
        : /预算(数|金额)?\s*(为|是)?\s*$/.test(lead) ? 'budget'
        : /(决算(数)?|实际支出)\s*(为|是)?\s*$/.test(lead) || /^[\s，,]*(为|是)[^，,。]{0,16}(实际支出|决算)/.test(after) ? 'actual'
        : null;
      let words = said.words;
      const budget = budgetOf.get(figure);
      if (BARE_SUBJECT.test(words) && budget && subjectOf.has(budget)) words = subjectOf.get(budget)!;
      else if (BARE_SUBJECT.test(words) && last && !norm.slice(last.end, figure.start).includes('。')) words = otherFlow(last.words, words);
      else if (!BARE_SUBJECT.test(words)) last = { words, end: figure.unitEnd };
      subjectOf.set(figure, words);
      const concept = concepts.match(words, heading) ?? concepts.match(words.replace(/支出$/, ''), heading);
      const clause = rowKey(lead.split(/[，,。；;:：]/).pop() ?? '').replace(/(为|是|共|达)$/, '');
      // A figure whose words name only its role (`年初预算为`, `支出决算为`) is of the item's subject.
      const path = [...blockPaths].reverse().find((p) => p.end <= figure.start) ?? (carried && BARE_SUBJECT.test(words) ? carried : undefined);
      if (path || !GENERIC.test(clause)) statements.push({ figure, subject: `${rowKey(heading)}|${path ? path.names.join('/') + '|' : ''}${clause}`, block: block.start });
      const pathInClause = !!path && figure.start - path.end <= 80 && !/[,，。；;]/.test(norm.slice(path.end, figure.start));
      // No table of the section holds it: a project the paragraph names may (unless the
      // figure's own sentence names a subject path, a row of the 05表).
      const sentenceNamesPath = () => {
        const from = Math.max(block.start, figure.start - 400);
        const sentenceStart = from + norm.slice(from, figure.start).lastIndexOf('。') + 1;
        return blockPaths.some((p) => p.end > sentenceStart && p.end <= figure.start);
      };
      const link = linkOne(figure, role, lead, tables, path, cells, concept, pathInClause, codedTables) ?? (sentenceNamesPath() ? null : performance.named(figure, lead, block));
      if (!link) {
        unlinked.push(figure);
        continue;
      }
      // `17.89 万元为…实际支出` where 17.89 is the budget stated just before: say so.
      if (!link.agrees && role === 'actual' && !known) {
        const completion = claims.find((c) => c.kind === 'completion' && c.budget.start >= block.start && c.budget.end <= figure.start && c.budget.value.eq(figure.value));
        if (completion?.kind === 'completion') link.sameAs = { figure: completion.budget, what: { zh: '年初预算数', en: 'the budget' } };
      }
      links.push(link);
    }
  }
  return { links, unlinked, statements };
}

function linkOne(figure: Figure, role: Role | null, lead: string, sectionTables: Table[], path: SubjectPath | undefined, cells: CellsByValue, concept: ConceptMatch | null, pathInClause: boolean, codedTables: Table[]): Link | null {
  const unit = figure.unit as AmountUnit;
  const make = (ref: CellRef, reason: string, strong: boolean): Link => {
    // A table that states no unit (nor does the report): read in the figure's own unit, and a
    // figure that then disagrees is not certainly wrong.
    const ok = agrees(figure, unit, ref.cell, ref.table.unit ?? unit);
    if (!ref.table.unit && !ok) strong = false;
    // A row whose figures could not be placed in their columns: no finding rests on it.
    if (ref.row.uncertain && !ok) strong = false;
    let unitInstead: AmountUnit | null = null;
    // A zero agrees with anything small in a larger unit: that says nothing about the unit.
    if (!ok && ref.table.unit && !figure.value.isZero()) unitInstead = (['元', '万元', '亿元'] as const).find((u) => u !== unit && agrees(figure, u, ref.cell, ref.table.unit!)) ?? null;
    const instead = ok || unitInstead ? null : cells.agreeing(figure, ref.table, sectionTables);
    // The same subject in another table holds the figure (05表 210 236.64, 04表 卫生健康支出
    // 236.63): the tables disagree with each other, and which one the text restates is not known.
    // Its source is the cell that holds it; both are candidates, and nothing is reported.
    if (instead && instead.table !== ref.table && sameSubject(instead.row, ref.row)) {
      return { ...instead, figure, reason, strong: false, agrees: true, instead: null, unitInstead: null, candidates: [instead, { table: ref.table, row: ref.row, cell: ref.cell }] };
    }
    return { ...ref, figure, reason, strong, agrees: ok, instead, unitInstead };
  };
  const clause = lead.split(/[，,。；;]/).pop() ?? '';

  // A subject path (类/款/项) names a row of the section's table: with a role, or as the
  // subject of the clause the figure closes (`社会保障和就业支出(类) 3225.70 万元`).
  if (path && (role !== null || pathInClause)) {
    const refs: CellRef[] = [];
    for (const table of sectionTables.length ? sectionTables : codedTables) {
      const row = rowByPath(table, path.names);
      const col = columnFor(table, role);
      if (row && col >= 0 && row.cells[col]) refs.push({ table, row, cell: row.cells[col]! });
    }
    const reason = `subject path ${path.names.join(' / ')}`;
    if (!refs.length) return otherItemLink(figure, unit, role, path, sectionTables.length ? sectionTables : codedTables, make);
    if (sectionTables.length) return make(refs[0]!, reason, true);
    // No heading names a table (`财政拨款支出主要内容如下：`): of the tables by code, the one the
    // figure agrees with; when none does and they disagree with one another, nothing is certain.
    const agreeing = refs.find((r) => !!r.table.unit && agrees(figure, unit, r.cell, r.table.unit));
    return make(agreeing ?? refs[0]!, reason, !!agreeing || refs.every((r) => sameAmount(r, refs[0]!)));
  }

  // A standard figure of the narrative, by the template's concepts.
  if (concept) {
    const link = conceptLink(figure, unit, role, concept, sectionTables, make);
    if (link) return link;
  }

  // Otherwise the words right before the figure name a row (or a part plus a row: 收入总计).
  const phrase = phraseKey(clause);
  if (phrase.length < 2) return null;
  for (const table of sectionTables) {
    const col = columnFor(table, role);
    for (const row of table.rows) {
      const key = rowKey(row.label);
      if (!key || col < 0 || !row.cells[col]) continue;
      const exact = phrase === key || (table.part !== null && phrase === rowKey(table.part) + key);
      if (exact) return make({ table, row, cell: row.cells[col]! }, `row ${row.label}`, true);
    }
    // A column named outright, on the table's total row: `基本支出 4917.44 万元` in 03表.
    const total = table.rows.find((r) => TOTAL_ROW.test(rowKey(r.label)));
    const c = table.columns.findIndex((col) => rowKey(col.path[col.path.length - 1] ?? '') === phrase);
    if (total && c >= 0) return make({ table, row: total, cell: total.cells[c]! }, `column ${table.columns[c]!.name}`, true);
  }
  return null;
}

/** A 项 no table lists, as its 款's 其他 项 — only as evidence: when the figure equals it. */
function otherItemLink(figure: Figure, unit: AmountUnit, role: Role | null, path: SubjectPath, tables: Table[], make: (ref: CellRef, reason: string, strong: boolean) => Link): Link | null {
  for (const table of tables) {
    const row = otherItemRow(table, path.names);
    const cell = row?.cells[columnFor(table, role)];
    if (row && cell && table.unit && agrees(figure, unit, cell, table.unit)) return make({ table, row, cell }, `subject path ${path.names.join(' / ')} → ${row.label}`, false);
  }
  return null;
}

/**
 * The cell a concept's figure restates: of the role its words name (or the reported figure,
 * else the budget). Among several candidate cells, the one the figure agrees with; when none
 * agrees and the candidates disagree with one another, the link is uncertain (no finding).
 */
function conceptLink(figure: Figure, unit: AmountUnit, role: Role | null, match: ConceptMatch, sectionTables: Table[], make: (ref: CellRef, reason: string, strong: boolean) => Link): Link | null {
  const equal = (ref: CellRef) => !!ref.table.unit && agrees(figure, unit, ref.cell, ref.table.unit);
  const reason = `${match.concept.name?.zh ?? match.concept.id}${role === 'budget' ? '（预算数）' : ''}`;
  const own = role ?? (match.cells.actual.length ? 'actual' : 'budget');
  // The cells of the table the section is about first (`上级补助收入 0 万元` under 二、收入决算情况说明 is 02表's).
  const inSection = (c: ConceptCellRef) => (sectionTables.includes(c.table) ? 0 : 1);
  const candidates = [...match.cells[own]].sort((a, b) => inSection(a) - inSection(b));
  const agreeing = candidates.find(equal);
  if (agreeing) return make(agreeing, reason, true);
  // Words that name no role: the figure may be the other one (a 预算数 in a 决算 sentence).
  if (role === null) {
    const other = match.cells[own === 'actual' ? 'budget' : 'actual'].find(equal);
    if (other) return make(other, reason, true);
  }
  const firm = candidates.filter((c) => !c.onlyIfEqual);
  if (!firm.length) return null;
  const value = (c: ConceptCellRef) => (c.cell.value.kind === 'number' && c.table.unit ? convert(c.cell.value.value, c.table.unit, unit).toString() : c.cell.value.kind === 'blank' ? '0' : c.cell.text);
  const values = new Set(firm.map(value));
  // The section's own table should hold it but was not read there: another table's cell is a guess.
  const ownUnread = !sectionTables.includes(firm[0]!.table) && match.unread[own].some((t) => sectionTables.includes(t));
  const link = make(firm[0]!, reason, values.size === 1 && !ownUnread);
  // …and when that table has a cell the figure equals, that is likelier its source.
  const instead = link.instead;
  if (ownUnread && instead && sectionTables.includes(instead.table)) {
    return { ...instead, figure, reason, strong: false, agrees: true, instead: null, unitInstead: null, candidates: [instead, { table: link.table, row: link.row, cell: link.cell }] };
  }
  if (values.size > 1) link.candidates = firm.map(({ table, row, cell }) => ({ table, row, cell }));
  return link;
}

/** A count and the 统计数 cell its concept names: counts are exact, so it agrees only when equal. */
function countLink(figure: Figure, match: ConceptMatch | null): Link | null {
  const ref = match?.cells.actual[0];
  if (!match || !ref) return null;
  const { table, row, cell } = ref;
  const count = cell.value.kind === 'number' ? cell.value.value : cell.value.kind === 'blank' ? new Dec(0) : null;
  const agrees = count !== null && figure.value.eq(count);
  if (count === null || (ref.onlyIfEqual && !agrees)) return null;
  return { table, row, cell, figure, reason: match.concept.name?.zh ?? match.concept.id, strong: !row.uncertain && !ref.onlyIfEqual, agrees, instead: null, unitInstead: null };
}

/**
 * Two rows of different tables for one subject: the same code, or the same label (a class named
 * in 01表, coded in 05表). Not two totals: each is its own table's whole (03表's 合计 is of all
 * funds, 05表's of the general public budget's appropriations).
 */
function sameSubject(a: Row, b: Row): boolean {
  if (a.code && b.code) return a.code === b.code;
  const ka = rowKey(a.label);
  const kb = rowKey(b.label);
  if (TOTAL_ROW.test(ka) || TOTAL_ROW.test(kb)) return false;
  return ka !== '' && (ka === kb || ka.endsWith(kb) || kb.endsWith(ka));
}
