// The standard figures of the narrative, as a template declares them (`concepts`): the words
// that name each, and the cells it restates, found in one report.
import { bindAll, findColumn, regex, regexAround, rowMatches } from '../identities/match';
import type { Concept, ConceptCell, Template } from '../identities/schema';
import type { Report } from '../report';
import type { Cell, Row, Table } from '../tables/model';
import { labelKey } from '../text';
import type { Role } from './lexicon';

export interface ConceptCellRef {
  table: Table;
  row: Row;
  cell: Cell;
  /** Only a figure that equals the cell restates it. */
  onlyIfEqual: boolean;
}

export interface ConceptMatch {
  concept: Concept;
  /** The words of the subject the concept's phrase matched. */
  matched: string;
  /** The cells by role that the report has, in the template's order of preference. */
  cells: Record<Role, ConceptCellRef[]>;
  /** Tables the concept names a cell in, by role, where that cell could not be found (a header not read). */
  unread: Record<Role, Table[]>;
}

// Words before a phrase that make it another figure: `政府性基金预算财政拨款支出` is not 财政拨款支出.
const OTHER_MONEY = /政府性基金|国有资本|其他|非财政|三公/;
const FUND_SECTION = /政府性基金|国有资本经营/;
/** A phrase at the end of a figure's words. */
const ending = regexAround((phrase) => `(?:${phrase})$`);

export class ConceptIndex {
  private readonly bound: Map<string, Table[]>;
  private readonly resolved = new Map<Concept, Pick<ConceptMatch, 'cells' | 'unread'>>();

  constructor(
    private readonly report: Report,
    private readonly template: Template | null,
  ) {
    this.bound = template ? bindAll(report, template) : new Map();
  }

  /**
   * The concept `words` name (the longest phrase that ends them), in a section under `heading`:
   * of the amounts, or with `countUnit`, of the counts stated in that unit.
   */
  match(words: string, heading: string, countUnit: string | null = null): ConceptMatch | null {
    if (!this.template || words.length < 2) return null;
    let best: { concept: Concept; matched: string; sectioned: boolean } | null = null;
    const section = labelKey(heading);
    for (const concept of this.template.concepts) {
      if (countUnit === null ? concept.units !== undefined : !concept.units?.includes(countUnit)) continue;
      const sectioned = concept.sections !== undefined;
      if (sectioned && !regex(concept.sections!).test(section)) continue;
      // Under `七、政府性基金预算财政拨款收入支出决算情况说明` every figure is of that money.
      if (!sectioned && FUND_SECTION.test(section) && !FUND_SECTION.test(words)) continue;
      for (const phrase of concept.phrases) {
        const m = ending(phrase).exec(words);
        if (!m || OTHER_MONEY.test(words.slice(0, m.index))) continue;
        const longer = !best || m[0].length > best.matched.length || (m[0].length === best.matched.length && sectioned && !best.sectioned);
        if (longer) best = { concept, matched: m[0], sectioned };
      }
    }
    if (!best) return null;
    return { concept: best.concept, matched: best.matched, ...this.cells(best.concept) };
  }

  private cells(concept: Concept): Pick<ConceptMatch, 'cells' | 'unread'> {
    let out = this.resolved.get(concept);
    if (!out) {
      const count = concept.units !== undefined;
      const find = (list: ConceptCell[] | undefined) => (list ?? []).map((c) => this.cell(c, count)).filter((c): c is ConceptCellRef => c !== null);
      const unread = (list: ConceptCell[] | undefined) => (list ?? []).flatMap((c) => (this.cell(c, count) ? [] : (this.bound.get(c.table) ?? [])));
      out = {
        cells: { actual: find(concept.cells.actual), budget: find(concept.cells.budget) },
        unread: { actual: unread(concept.cells.actual), budget: unread(concept.cells.budget) },
      };
      this.resolved.set(concept, out);
    }
    return out;
  }

  private cell(def: ConceptCell, count: boolean): ConceptCellRef | null {
    for (const table of count ? this.withFollowers(def.table) : (this.bound.get(def.table) ?? [])) {
      // No row named: the table's one row of figures (or its one row, printed blank).
      const row = def.row === undefined ? table.rows.find((r) => r.cells.some((c) => c.value.kind === 'number')) ?? (table.rows.length === 1 ? table.rows[0] : undefined) : table.rows.find((r) => rowMatches(r, def.row!));
      if (!row) continue;
      const column = def.column === undefined ? table.columns[0] : findColumn(table, def.column);
      const cell = column && row.cells[table.columns.indexOf(column)];
      // A row whose figures could not be placed: its blank is no zero.
      if (cell && row.uncertain && cell.value.kind === 'blank') continue;
      // A count is read only where the table prints it: a blank 统计数 may be OCR's loss, so it
      // stands only for a stated 0.
      if (cell && count && cell.value.kind !== 'number') {
        if (cell.value.kind === 'blank' && !row.uncertain) return { table, row, cell, onlyIfEqual: true };
        continue;
      }
      if (cell) return { table, row, cell, onlyIfEqual: def.onlyIfEqual ?? false };
    }
    return null;
  }

  /**
   * The tables bound to `name`, each followed by the untitled tables printed right after it (the
   * 三公 table's 统计数 block, 项目 | 统计数 | 项目 | 统计数, below its amounts).
   */
  private withFollowers(name: string): Table[] {
    const out: Table[] = [];
    for (const table of this.bound.get(name) ?? []) {
      out.push(table);
      for (let i = this.report.tables.indexOf(table) + 1; i < this.report.tables.length; i++) {
        const next = this.report.tables[i]!;
        if (next.title !== null || next.code !== null) break;
        out.push(next);
      }
    }
    return out;
  }
}
