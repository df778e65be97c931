// Tables in plain text: tab-separated, whitespace-aligned (`pdftotext -layout`), and rows of
// labels and numbers separated by single spaces. Lines come in document order; a table is a
// run of lines of one layout, through blank lines and page footers.
import { parseCell } from '../number';
import type { RawCell, RawRow, RawTable } from './model';

export interface Line {
  start: number;
  end: number;
}

type Layout = RawTable['format'];

const FOOTER = /^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;
// A count with its unit before an enumeration comma (`机要通信用车 0 辆、应急保障用车 1 辆、`) is
// prose: a table's count cell carries no unit, its column header does.
const SENTENCE = /[，。；！？]|[0-9０-９]\s*(?:万\s*元|亿\s*元|元|[%％])|[0-9０-９]\s*(?:辆|台|套|个|人次|人|批次|项|家|户|种)\s*、/;
/** Lines that name a table rather than belong to it. */
export const TABLE_META = /公开\s*\d{1,2}\s*表|公开表\s*\d|单\s*位\s*[:：]/;

export function isFooter(line: string): boolean {
  return FOOTER.test(line);
}

function trimmed(text: string, start: number, end: number): RawCell {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function tabRow(text: string, line: Line): RawRow | null {
  const cells: RawCell[] = [];
  let from = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || text[i] === '\t') {
      cells.push(trimmed(text, from, i));
      from = i + 1;
    }
  }
  return cells.length >= 2 && cells.some((c) => c.end > c.start) ? { cells, start: line.start, end: line.end } : null;
}

function fields(text: string, line: Line, separator: RegExp): RawCell[] {
  const out: RawCell[] = [];
  const s = text.slice(line.start, line.end);
  let from = 0;
  for (const m of s.matchAll(separator)) {
    if (m.index! > from) out.push(trimmed(text, line.start + from, line.start + m.index!));
    from = m.index! + m[0].length;
  }
  if (from < s.length) out.push(trimmed(text, line.start + from, line.end));
  return out.filter((c) => c.end > c.start);
}

// `1.` before a label is its enumeration (a 目录 line: `1. 2026年部门财务收支预算总表 ……`), not a figure.
const isNumberCell = (text: string, c: RawCell) => !/^\d{1,2}[.、．]$/.test(text.slice(c.start, c.end)) && parseCell(text.slice(c.start, c.end), c.start).kind !== 'text';

function alignedRow(text: string, line: Line): RawRow | null {
  const cells = fields(text, line, / {2,}/g);
  if (cells.length < 2) return null;
  const anyNumber = cells.some((c) => isNumberCell(text, c));
  const short = cells.every((c) => c.end - c.start <= 16);
  return anyNumber || (short && cells.length >= 3) ? { cells, start: line.start, end: line.end } : null;
}

/** `一.一般公共预算拨款收入 1,215.34 一.一般公共服务支出`: label words, then their figures. */
function spacedRow(text: string, line: Line): RawRow | null {
  const words = fields(text, line, / +/g);
  const cells: RawCell[] = [];
  let label: RawCell | null = null;
  let numbers = 0;
  for (const w of words) {
    if (isNumberCell(text, w) && !/^(19|20)\d\d$/.test(text.slice(w.start, w.end))) {
      if (label) cells.push(label);
      else if (cells.length === 0) cells.push({ start: w.start, end: w.start });
      label = null;
      cells.push(w);
      numbers++;
    } else {
      label = label ? { start: label.start, end: w.end } : w;
    }
  }
  if (label) cells.push(label, { start: label.end, end: label.end });
  return numbers > 0 && cells.length >= 2 ? { cells, start: line.start, end: line.end } : null;
}

function classify(text: string, norm: string, line: Line): { layout: Layout; row: RawRow } | null {
  const s = norm.slice(line.start, line.end);
  if (s.includes('\t')) {
    const row = tabRow(text, line);
    return row ? { layout: 'tab', row } : null;
  }
  // Sentence punctuation is read on the original text: in the half-width copy `，` is `,`.
  if (SENTENCE.test(text.slice(line.start, line.end)) || TABLE_META.test(s) || s.length > 400) return null;
  if (/\S {2,}\S/.test(s.trim())) {
    const row = alignedRow(text, line);
    if (row) return { layout: 'aligned', row };
  }
  const row = spacedRow(text, line);
  return row ? { layout: 'spaced', row } : null;
}

/** Aligned columns are found by position: the character columns that no field touches. */
function alignColumns(text: string, rows: RawRow[]): RawRow[] {
  const lineStart = (r: RawRow) => text.lastIndexOf('\n', r.start - 1) + 1;
  const spans = rows.flatMap((r) => r.cells.map((c) => [c.start - lineStart(r), c.end - lineStart(r)] as const));
  spans.sort((a, b) => a[0] - b[0]);
  const clusters: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = clusters[clusters.length - 1];
    if (last && a < last[1]) last[1] = Math.max(last[1], b);
    else clusters.push([a, b]);
  }
  return rows.map((r) => {
    const at = lineStart(r);
    const cells: RawCell[] = clusters.map(() => ({ start: r.start, end: r.start }));
    for (const c of r.cells) {
      const k = clusters.findIndex(([a, b]) => c.start - at < b && c.end - at > a);
      if (k >= 0) cells[k] = cells[k]!.end > cells[k]!.start ? { start: cells[k]!.start, end: c.end } : c;
    }
    return { ...r, cells };
  });
}

/**
 * Finds the text tables among `lines`. Returns them with the lines that are not part of
 * any table (prose, titles, notes).
 */
export function findTextTables(text: string, norm: string, lines: Line[]): { tables: RawTable[]; prose: Line[] } {
  const tables: RawTable[] = [];
  const prose: Line[] = [];
  let run: { layout: Layout; rows: RawRow[]; lines: Line[] } | null = null;
  const close = () => {
    if (!run) return;
    const numeric = run.rows.some((r) => r.cells.some((c) => isNumberCell(text, c)));
    if (run.rows.length >= 2 && numeric) {
      const rows = run.layout === 'aligned' ? alignColumns(text, run.rows) : run.rows;
      tables.push({ format: run.layout, rows, start: rows[0]!.start, end: rows[rows.length - 1]!.end });
    } else prose.push(...run.lines);
    run = null;
  };
  for (const line of lines) {
    const s = norm.slice(line.start, line.end);
    if (s.trim() === '') continue;
    if (run && isFooter(s)) continue;
    const found = classify(text, norm, line);
    // A wrapped label under an aligned row: one short field, indented, no figure.
    const wrapped = !found && run?.layout === 'aligned' && /^\s+\S{1,16}\s*$/.test(s);
    if (wrapped) {
      run!.rows.push({ cells: fields(text, line, / {2,}/g), start: line.start, end: line.end });
      run!.lines.push(line);
      continue;
    }
    if (!found || (run && run.layout !== found.layout)) close();
    if (!found) {
      prose.push(line);
      continue;
    }
    run ??= { layout: found.layout, rows: [], lines: [] };
    run.rows.push(found.row);
    run.lines.push(line);
  }
  close();
  prose.sort((a, b) => a.start - b.start);
  return { tables, prose };
}
