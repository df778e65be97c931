// A report, read in one pass: headings, paragraphs and tables with offsets; every figure in
// the prose; every broken figure anywhere.
import { maskDirectives } from './directives';
import { type Figure, scanFigures } from './figures';
import { readStructure, type Structure } from './markdown';
import type { AmountUnit, MalformedToken } from './number';
import { buildTables } from './tables/grid';
import { readMeta, statedUnit } from './tables/meta';
import type { RawTable, Table } from './tables/model';
import { findRegions, garbled, readRegion } from './tables/layout';
import { findTextTables, isFooter, type Line } from './tables/text';
import { firstAtLeast, halfWidth } from './text';

export type Block =
  | { kind: 'heading'; depth: number; start: number; end: number }
  | { kind: 'paragraph'; start: number; end: number }
  | { kind: 'table'; tables: Table[]; start: number; end: number };

/** A figure that cannot be read as any value. */
export interface Malformed {
  start: number;
  end: number;
  text: string;
  reason: string;
  /** Where it sits, in the report's words (`公开02表 · 20000 · 本年收入合计`), for cells. */
  where: string | null;
  /** The value it plainly means, when it has one (`3，518.85` is 3,518.85). */
  reading?: string;
}

export interface Report {
  text: string;
  /** The text with full-width forms made half-width, same length: what patterns read. */
  norm: string;
  blocks: Block[];
  tables: Table[];
  figures: Figure[];
  malformed: Malformed[];
  /** The unit the report states first; tables without their own inherit it. */
  unit: AmountUnit | null;
}

/** Reads the report; `structure` is the markdown structure of `maskDirectives(original)` when the caller has it already. */
export function readReport(original: string, structure?: Structure): Report {
  // Directives are for the findings (check.ts), not for reading: the readers never see them.
  const text = maskDirectives(original);
  structure ??= readStructure(text);
  const norm = halfWidth(text);
  const { tables: mdTables, lines: allLines } = structure;
  // Text tables under a title and unit line are read whole, by layout (tab-separated ones
  // keep the line-by-line reader, which reads them well).
  const feeds: number[] = [];
  for (let i = text.indexOf('\f'); i >= 0; i = text.indexOf('\f', i + 1)) feeds.push(i);
  const pageAt = (offset: number) => 1 + firstAtLeast(feeds, offset, (f) => f);
  // A region whose table is a markdown table (between its title and the next line of the
  // region's own) is the markdown reader's.
  const regions = findRegions(norm, allLines).filter((r) => {
    const body = allLines.slice(r.bodyFrom, r.bodyTo);
    const limit = allLines[r.bodyTo]?.start ?? text.length;
    return body.some((l) => norm.slice(l.start, l.end).trim() !== '') && !body.some((l) => norm.slice(l.start, l.end).includes('\t')) && !mdTables.some((t) => t.start >= r.start && t.start < limit);
  });
  const inRegion = new Set<Line>();
  for (const r of regions) for (let i = r.bodyFrom; i < r.bodyTo; i++) inRegion.add(allLines[i]!);
  const lines = inRegion.size ? allLines.filter((l) => !inRegion.has(l)) : allLines;
  const { tables: textTables, prose } = findTextTables(text, norm, lines);
  const headingAt = new Map(lines.map((l) => [l.start, l.heading]));

  // Tables in document order; a table that follows another with nothing but blank lines and
  // page footers between is its continuation after a page break.
  const raws = [...mdTables, ...textTables].sort((a, b) => a.start - b.start);
  // A list marker is not part of a line's paragraph (`- 27 -`), so footers are read whole.
  const wholeLine = (l: Line) => norm.slice(norm.lastIndexOf('\n', l.start - 1) + 1, l.end);
  // Prose lines are sorted: find those between two offsets by binary search, not by a scan,
  // so that a report with thousands of tables stays linear.
  const firstFrom = (offset: number) => firstAtLeast(prose, offset, (l) => l.start);
  const linesBetween = (a: number, b: number) => {
    const out: Line[] = [];
    for (let i = firstFrom(a); i < prose.length && prose[i]!.end <= b; i++) out.push(prose[i]!);
    return out;
  };
  const proseBetween = (a: number, b: number) => linesBetween(a, b).some((l) => !isFooter(wholeLine(l)));
  const merged: RawTable[] = [];
  for (const raw of raws) {
    const prev = merged[merged.length - 1];
    if (prev && prev.format === raw.format && !proseBetween(prev.end, raw.start)) {
      prev.rows.push(...raw.rows);
      prev.end = raw.end;
    } else merged.push({ ...raw, rows: [...raw.rows] });
  }

  const blocks: Block[] = [];
  const tables: Table[] = [];
  const malformed: Malformed[] = [];
  const reportUnit = prose.map((l) => statedUnit(text.slice(l.start, l.end))).find((u) => u) ?? null;
  let lastUnit: AmountUnit | null = null;
  let cursor = 0;
  for (const region of regions) {
    const regionTables = readRegion(text, norm, allLines, region, pageAt);
    const unit = region.unit ?? reportUnit;
    for (const table of regionTables) Object.assign(table, { unit, unitInherited: !region.unit && unit !== null });
    tables.push(...regionTables);
    blocks.push({ kind: 'table', tables: regionTables, start: region.start, end: region.end });
    for (const table of regionTables) for (const row of table.rows) for (const cell of row.cells) {
      const v = cell.value;
      if (v.kind === 'malformed') malformed.push({ start: v.start, end: v.end, text: text.slice(v.start, v.end), reason: v.reason, where: [table.title, row.label, cell.column.name].filter((x) => x).join(' · ') || null });
    }
  }
  for (const raw of merged) {
    const between = linesBetween(cursor, raw.start);
    const above = between.slice(-10).reverse();
    const meta = readMeta(above.map((l) => text.slice(l.start, l.end)));
    const built = buildTables(text, raw);
    for (const table of built.tables) table.page = feeds.length ? pageAt(table.start) : null;
    const unit: AmountUnit | null = meta.unit ?? lastUnit ?? reportUnit;
    for (const table of built.tables) Object.assign(table, meta, { unit, unitInherited: !meta.unit && unit !== null });
    lastUnit = unit;
    for (const m of built.malformed) {
      const t = built.tables[m.part]!;
      const where = [t.code ?? t.title, m.row, m.column].filter((s) => s).join(' · ');
      malformed.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), reason: m.reason, where: where || null });
    }
    if (built.tables.length) {
      tables.push(...built.tables);
      blocks.push({ kind: 'table', tables: built.tables, start: raw.start, end: raw.end });
    }
    cursor = raw.end;
  }

  // Prose blocks: runs of consecutive lines, split at blank lines and headings — except that
  // a sentence cut by a page break (blank lines, a footer) goes on in the next block.
  const figures: Figure[] = [];
  const proseMalformed: MalformedToken[] = [];
  let open: Block | null = null;
  for (const line of prose) {
    const heading = headingAt.get(line.start) ?? 0;
    const s = norm.slice(line.start, line.end);
    if (s.trim() === '' || isFooter(wholeLine(line))) continue;
    const gap = norm.slice(open?.end ?? 0, line.start);
    const adjacent = /^[ \t]*\n$/.test(gap);
    const pageBreak = !adjacent && gap.split('\n').every((l) => l.trim() === '' || isFooter(l)) && open !== null && midSentence(norm.slice(open.start, open.end));
    // Text without blank lines (PDF extraction) starts a section at a line that reads as a
    // heading: `一、收入决算情况说明`, `（二）…`, short and without a full stop.
    if (open?.kind === 'paragraph' && heading === 0 && (adjacent || pageBreak) && !isHeadingLine(s)) open.end = line.end;
    else {
      open = heading ? { kind: 'heading', depth: heading, start: line.start, end: line.end } : { kind: 'paragraph', start: line.start, end: line.end };
      blocks.push(open);
    }
    scanFigures(text, norm, line.start, line.end, figures, proseMalformed);
  }
  for (const m of proseMalformed) malformed.push({ start: m.start, end: m.end, text: m.text, reason: m.reason, where: null, ...(m.reading ? { reading: m.reading } : {}) });

  blocks.sort((a, b) => a.start - b.start);
  malformed.sort((a, b) => a.start - b.start);
  tables.sort((a, b) => a.start - b.start);
  restoreGarbledLabels(tables);
  return { text: original, norm, blocks, tables, figures, malformed, unit: reportUnit };
}


/**
 * PDF extraction scrambles a label printed over two lines beside a code alone on its line
 * (`2080506` / `险机缴关费事支业出单位职业年金缴`): the code is sound, so the label is taken
 * from another table's row with the same code.
 */
function restoreGarbledLabels(tables: Table[]): void {
  const byCode = new Map<string, string>();
  for (const t of tables) for (const r of t.rows) if (r.code && r.label && !garbled.has(r) && !byCode.has(r.code)) byCode.set(r.code, r.label);
  for (const t of tables) for (const r of t.rows) if (r.code && garbled.has(r)) r.label = byCode.get(r.code) ?? r.label;
  // A label cut short where its tail went into the scrambled line below.
  for (const t of tables) for (const r of t.rows) {
    const whole = r.code ? byCode.get(r.code) : undefined;
    if (whole && whole.length > r.label.length && r.label.length >= 4 && whole.startsWith(r.label)) r.label = whole;
  }
}

const OUTLINE = /^[\s\f]*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/;

/**
 * A paragraph that stops mid-sentence: it ends in a figure or a comma, or it is long (not a
 * title) and ends in a word rather than a stop.
 */
function midSentence(paragraph: string): boolean {
  const t = paragraph.trimEnd();
  const last = t.slice(t.lastIndexOf('\n') + 1).trim();
  // Double-spaced layout text cuts sentences with a blank line after every line: a line of
  // prose (not a heading) that stops on a word goes on below.
  // A subject path that stops at its 类 or 款 goes on to its 项 below (`…养老支出（款）` / `行政单位离退休（项）。`).
  return /[0-9,，、]$/.test(t) || /[(（]\s*[类款]\s*[)）]$/.test(t) || (t.length > 40 && /[\u4e00-\u9fff]$/.test(t)) || (last.length > 20 && /[\u4e00-\u9fff，]$/.test(last) && !isHeadingLine(last));
}

/** A line that reads as a heading: `一、收入决算情况说明`, `（二）…`, short, without a full stop. */
function isHeadingLine(s: string): boolean {
  return OUTLINE.test(s.slice(0, 50)) && s.trim().length <= 40 && !/[。；]/.test(s);
}
