// The prose of the 绩效 sections restates each project's 绩效自评表: `项目自评得分 95 分`, `全年预算数为
// 354.93 万元，其中：当年安排 280 万元，上年结转 74.93 万元。支出 271.84 万元`, `满意度达到 99.54%`.
// A paragraph speaks of the project its heading or numbered item names; that name is matched
// with the names the tables give (OCR-damaged: `医药管理组经费`), each table to one subject.
// The tables are filled in by hand like the prose (and often OCR'd): a disagreement is
// reported, but which side is wrong is the author's to say — no fix.
import type { Figure } from '../figures';
import type { PerformanceVocabulary } from '../identities/schema';
import { regex, regexAround } from '../identities/match';
import { sameValue, shown } from '../interval';
import type { AmountUnit } from '../number';
import type { Block, Report } from '../report';
import { isCaption, performanceTables, type PerformanceTable } from '../tables/performance';
import type { Cell, Row, Table } from '../tables/model';
import { commonLength, labelKey, memoized } from '../text';
import { agrees } from './cells';
import { APPROXIMATE_LEAD, DELTA_LEAD } from './lexicon';
import type { Link } from './link';

/** A project's name as names are compared: its words only (项目, marks and brackets dropped). */
export const nameKey = memoized((s: string) => labelKey(s).replace(/项目/g, '').replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '').slice(0, 60));

/**
 * How well a subject names a table's project, 0–1 (Dice over the common subsequence); 0 when
 * it does not: less than 0.6, unless the table's whole name is in the subject.
 */
export function nameScore(subject: string, project: string): number {
  if (subject.length < 2 || project.length < 2) return 0;
  // The shorter name bounds what the two share: too short a name (most pairs) fails without counting.
  const shorter = Math.min(subject.length, project.length);
  if (2 * shorter < 0.6 * (subject.length + project.length) && !(project.length <= subject.length && project.length >= 4)) return 0;
  // The characters the two share bound their common subsequence: most pairs (every heading of
  // a long file against every table) fail here, without the quadratic comparison.
  const bound = sharedCharacters(subject, project);
  if (2 * bound < 0.6 * (subject.length + project.length) && !(bound === project.length && bound >= 4)) return 0;
  const n = commonLength(subject, project);
  const dice = (2 * n) / (subject.length + project.length);
  return dice >= 0.6 || (n === project.length && n >= 4) ? dice : 0;
}

/** How many characters `a` and `b` share, counted with repetition. */
function sharedCharacters(a: string, b: string): number {
  const countsB = characterCounts(b);
  let shared = 0;
  characterCounts(a).forEach((n, ch) => (shared += Math.min(n, countsB.get(ch) ?? 0)));
  return shared;
}

const countsCache = new Map<string, Map<string, number>>();
function characterCounts(s: string): Map<string, number> {
  let counts = countsCache.get(s);
  if (!counts) {
    if (countsCache.size >= 50_000) countsCache.clear();
    counts = new Map();
    for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    countsCache.set(s, counts);
  }
  return counts;
}

/** A vocabulary's pattern of the words that end a subject (`…绩效自评情况`). */
const subjectEnd = regexAround((subject) => `(?:${subject})`);

/** The words of a clause as phrases are matched: normalised, the linking verb dropped. */
const clauseWords = (clause: string) => labelKey(clause).replace(/(达到|为|是|达|共计|共)$/, '');

/**
 * The projects a paragraph names: the words before each `项目` that spell, in order and in a
 * few pieces, a short form of exactly one table's name (`业务经费项目` for 医疗保障业务工作经费项目,
 * `离休二乙医疗统筹金项目`). `end` is where `项目` starts in the paragraph.
 */
function projectMentions(paragraph: string, tables: PerformanceTable[]): { table: PerformanceTable; end: number }[] {
  const out: { table: PerformanceTable; end: number }[] = [];
  const names = tables.map((t) => nameKey(t.project));
  for (const m of paragraph.matchAll(/项目/g)) {
    // The Han characters of the clause before it, nearest first.
    const before = (paragraph.slice(Math.max(0, m.index - 40), m.index).split(/[，,。；;:：、]/).pop() ?? '').replace(/[^\p{Script=Han}]/gu, '');
    const spelled = names.map((name) => shortForm(before, name));
    const best = Math.max(...spelled);
    if (best >= 4 && spelled.filter((n) => n === best).length === 1) out.push({ table: tables[spelled.indexOf(best)]!, end: m.index });
  }
  return out;
}

/**
 * How many of the last characters of `words` spell part of `name` in order, in at most one piece
 * per three characters (an abbreviation keeps whole words of the name).
 */
function shortForm(words: string, name: string): number {
  let best = 0;
  let pieces = 0;
  let last = -1;
  for (let n = 1; n <= words.length; n++) {
    let k = (last < 0 ? name.length : last) - 1;
    while (k >= 0 && name[k] !== words[words.length - n]) k--;
    if (k < 0) break;
    if (k !== last - 1) pieces++;
    last = k;
    if (pieces <= Math.ceil(n / 3)) best = n;
  }
  return best;
}

/** The unit word right after a number (`米`, `人`, `%` — `(%)` as forms print it), or null. */
function unitAfter(text: string): string | null {
  const m = /^\s{0,2}(\(%\)|%|[\p{Script=Han}a-zA-Z]{1,2})/u.exec(text);
  return m ? (m[1] === '(%)' ? '%' : m[1]!) : null;
}

/** What a figure's words name in its project's table. */
export type PerformanceLink = { link: Link | null };

export class PerformanceLinker {
  private readonly tables: PerformanceTable[];
  /** The department's own table (部门整体绩效自评表), for the prose of the section about it. */
  private readonly department: PerformanceTable | null;
  /** The table each subject (heading or numbered item) is about. */
  private readonly bySubject = new Map<string, PerformanceTable>();
  /** The prose between a title naming a project (`…工程项目经费情况说明`) and its form. */
  private readonly spans: { start: number; end: number; table: PerformanceTable }[] = [];
  private mentioned: { block: Block; text: string; mentions: { table: PerformanceTable; end: number }[] } | null = null;
  /** Each phrase, and the whole of a clause's words that is it (after the vocabulary's lead). */
  private readonly phrases: { phrase: PerformanceVocabulary['phrases'][number]; whole: RegExp }[];
  /** The subject of each heading asked about (every figure of a section asks about its heading). */
  private readonly subjects = new Map<string, string>();

  constructor(
    private readonly report: Report,
    private readonly vocabulary: PerformanceVocabulary | null,
    sections: Map<Block, { heading: string }>,
  ) {
    this.phrases = (vocabulary?.phrases ?? []).map((phrase) => ({ phrase, whole: regex(`^(?:${vocabulary!.lead})?(?:${phrase.words})$`) }));
    const tables = vocabulary ? performanceTables(report, vocabulary) : [];
    this.department = tables.find((t) => t.kind === 'department') ?? null;
    this.tables = tables.filter((t) => t.kind === 'project');
    if (!this.tables.length) return;
    // Each table to the one subject that names it best, best pairs first: two projects named
    // alike (`医疗保障能力提升补助资金` and its `（上年结转）`) each find their own.
    const subjects = [...new Set([...sections.values()].map((s) => this.subjectOf(s.heading)))].filter((s) => s.length >= 2);
    const pairs = subjects.flatMap((subject) => this.tables.map((table) => ({ subject, table, score: nameScore(subject, nameKey(table.project)) }))).filter((p) => p.score > 0);
    pairs.sort((a, b) => b.score - a.score);
    const taken = new Set<PerformanceTable>();
    for (const p of pairs) {
      if (this.bySubject.has(p.subject) || taken.has(p.table)) continue;
      this.bySubject.set(p.subject, p.table);
      taken.add(p.table);
    }
    // A 预算's project explanations: a one-line title naming the project, its numbered parts
    // (项目概述 … 年度预算安排), then its form. A title printed again names the same table: each
    // is scored against the tables once.
    const bestNamed = new Map<string, PerformanceTable | null>();
    for (const block of report.blocks) {
      const line = report.norm.slice(block.start, block.end).trim();
      if (block.kind === 'table' || line.includes('\n') || !isCaption(line) || /[，,;]/.test(line)) continue;
      const subject = this.subjectOf(line);
      let table = bestNamed.get(subject);
      if (table === undefined) bestNamed.set(subject, (table = this.onlyBest(subject)));
      if (table && table.start > block.end) this.spans.push({ start: block.end, end: table.start, table });
    }
  }

  /** The table `subject` names best, if no other is named as well. */
  private onlyBest(subject: string): PerformanceTable | null {
    const named = this.tables.map((table) => ({ table, score: nameScore(subject, nameKey(table.project)) })).filter((x) => x.score > 0).sort((a, b) => b.score - a.score);
    return named[0] && named[1]?.score !== named[0].score ? named[0].table : null;
  }

  /** The words of a section's heading (or numbered item) that name a project. */
  private subjectOf(heading: string): string {
    let subject = this.subjects.get(heading);
    if (subject === undefined) {
      const last = heading.split('|').pop()!.replace(/^[#*\s]+/, '');
      this.subjects.set(heading, (subject = nameKey(labelKey(last).replace(subjectEnd(this.vocabulary!.subject), ''))));
    }
    return subject;
  }

  /**
   * The link of a figure in a paragraph about a project, or undefined when the figure is not
   * one its table holds (the linker goes on as for any figure). `{ link: null }`: the figure
   * restates a cell of the table that could not be read with certainty — nothing to say.
   */
  link(figure: Figure, lead: string, heading: string): PerformanceLink | undefined {
    if ((!this.tables.length && !this.department) || DELTA_LEAD.test(lead)) return undefined;
    const about = labelKey(heading.split('|').pop()!);
    const table =
      this.bySubject.get(this.subjectOf(heading)) ??
      this.spans.find((s) => s.start <= figure.start && figure.start < s.end)?.table ??
      (this.department && regex(this.vocabulary!.departmentSubject).test(about) ? this.department : undefined);
    if (!table) return undefined;
    // The clause, or its last line when a heading line opens the paragraph (`六、年度预算安排\n2026年度预算安排…`).
    const clause = lead.split(/[，,。；;:：]/).pop() ?? '';
    const lastLine = clauseWords(clause.split('\n').pop()!);
    const words = this.phrase(clauseWords(clause)) || !this.phrase(lastLine) ? clauseWords(clause) : lastLine;
    // An indicator stated with its value and unit (`道路全长约985米`: 道路建设长度 985米), even
    // approximately: linked when it agrees, else nothing is certain.
    const byValue = () => {
      const link = this.indicatorByValue(figure, words, table);
      return link ? { link } : undefined;
    };
    if (APPROXIMATE_LEAD.test(lead)) return byValue();
    const phrase = this.phrase(words);
    if (!phrase) return byValue();
    const reason = table.project;
    if (phrase.row === 'score') {
      // `95 分`: a score, no amount.
      if (figure.kind !== 'other' || !/^\s*分/.test(this.report.norm.slice(figure.end, figure.end + 3))) return undefined;
      return { link: table.total && scoreLink(figure, table.scores, table.total, `${reason} · 总分`) };
    }
    if (phrase.row === 'indicator') {
      if (figure.kind !== 'percent' && figure.kind !== 'count') return undefined;
      const rows = table.scores.rows.filter((r) => r.cells.some((c) => c.column.name === table.stated) && r.label.length >= 3 && (words.endsWith(r.label) || r.label.endsWith(words)));
      const row = rows.length === 1 ? rows[0]! : null;
      const cell = row?.cells.find((c) => c.column.name === table.stated);
      return row && cell ? { link: scoreLink(figure, table.scores, { row, cell }, `${table.project} · ${row.label}`) } : byValue();
    }
    if (figure.kind !== 'amount' || !phrase.column || !table.funds.unit) return undefined;
    const ref = table.fundCell(phrase.row, phrase.column);
    if (!ref) return { link: null };
    const ok = agrees(figure, figure.unit as AmountUnit, ref.cell, table.funds.unit);
    return { link: { table: table.funds, row: ref.row, cell: ref.cell, figure, reason: `${reason} · ${ref.row.label} · ${ref.cell.column.name}`, strong: true, agrees: ok, instead: null, unitInstead: null, unfixable: true } };
  }

  /**
   * The link of an amount no table of its section holds, in a paragraph that names a project by
   * a short form of its name (`…离休二乙医疗统筹金项目年初预算 108 万元`, in a 05表 item): when
   * the figure's own clause names the project before its phrase, the link is certain; when only
   * the paragraph does (one project, elsewhere in it), the figure is linked only if it agrees —
   * that it restates the project's table rather than something else is not certain.
   */
  named(figure: Figure, lead: string, block: Block): Link | null {
    if (!this.tables.length || figure.kind !== 'amount' || DELTA_LEAD.test(lead) || APPROXIMATE_LEAD.test(lead)) return null;
    const clause = lead.split(/[，,。；;:：]/).pop() ?? '';
    const at = figure.start - block.start;
    // Read once per paragraph: its figures are asked about in turn.
    if (this.mentioned?.block !== block) {
      const text = this.report.norm.slice(block.start, block.end);
      this.mentioned = { block, text, mentions: projectMentions(text, this.tables) };
    }
    const { text: paragraph, mentions } = this.mentioned;
    const inClause = mentions.find((m) => m.end <= at && m.end >= at - clause.length && this.phrase(clauseWords(paragraph.slice(m.end + 2, at))));
    const tables = new Set(mentions.map((m) => m.table));
    const table = inClause?.table ?? (tables.size === 1 ? [...tables][0]! : null);
    const phrase = table && this.phrase(clauseWords(inClause ? paragraph.slice(inClause.end + 2, at) : clause));
    if (!table || !phrase?.column || (phrase.row !== 'total' && phrase.row !== 'appropriation' && phrase.row !== 'carryover') || !table.funds.unit) return null;
    const ref = table.fundCell(phrase.row, phrase.column);
    if (!ref) return null;
    const ok = agrees(figure, figure.unit as AmountUnit, ref.cell, table.funds.unit);
    if (!ok && !inClause) return null;
    return { table: table.funds, row: ref.row, cell: ref.cell, figure, reason: `${table.project} · ${ref.row.label} · ${ref.cell.column.name}`, strong: true, agrees: ok, instead: null, unitInstead: null, unfixable: true };
  }

  /**
   * The one indicator whose stated value is the figure's, in the same unit (`米`, `人`, `%`), and
   * whose name shares words with the clause; null when none or several.
   */
  private indicatorByValue(figure: Figure, words: string, table: PerformanceTable): Link | null {
    if (figure.kind === 'amount') return null;
    const unit = unitAfter(this.report.norm.slice(figure.end, figure.end + 8));
    if (!unit) return null;
    const rows = table.scores.rows.flatMap((row) => {
      const cell = row.cells.find((c) => c.column.name === table.stated);
      const cellUnit = cell?.value.kind === 'number' && unitAfter(this.report.norm.slice(cell.value.end, cell.value.end + 8));
      if (!cell || cell.value.kind !== 'number' || !cellUnit || !unit.startsWith(cellUnit)) return [];
      const same = sameValue(shown(cell.value.value, cell.value.style.decimals), figure.value, figure.decimals);
      return same && commonLength(nameKey(words), nameKey(row.label)) >= 2 ? [{ row, cell }] : [];
    });
    if (rows.length !== 1) return null;
    const { row, cell } = rows[0]!;
    return { table: table.scores, row, cell, figure, reason: `${table.project} · ${row.label}`, strong: true, agrees: true, instead: null, unitInstead: null, unfixable: true };
  }

  /** The phrase the clause's words are (`办公费支出` is not `支出`: the whole clause must match). */
  private phrase(words: string): PerformanceVocabulary['phrases'][number] | null {
    return this.phrases.find((p) => p.whole.test(words))?.phrase ?? null;
  }
}

/** A score or an indicator's value: agrees when the cell, as shown, rounds to the stated figure. */
function scoreLink(figure: Figure, table: Table, ref: { row: Row; cell: Cell }, reason: string): Link | null {
  const v = ref.cell.value;
  if (v.kind !== 'number') return null;
  // A percentage restates a percentage, a count a count (`172人` for 资金保障人员数量).
  const percentCell = /%\s*$/.test(ref.cell.text);
  if ((figure.kind === 'percent') !== percentCell && figure.kind !== 'other') return null;
  const ok = sameValue(shown(v.value, v.style.decimals), figure.value, figure.decimals);
  return { table, row: ref.row, cell: ref.cell, figure, reason, strong: true, agrees: ok, instead: null, unitInstead: null, unfixable: true };
}
