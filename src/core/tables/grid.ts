// From rows of cells to tables: header rows, column kinds, side-by-side parts, row labels
// joined across wrapped lines, and OCR echo rows folded into the row they repeat.
import { type CellValue, parseCell } from '../number';
import { cleanLabel } from '../text';
import type { Cell, Column, RawTable, Row, Table } from './model';

type ColumnKind = 'code' | 'label' | 'rowno' | 'value';

interface GridCell {
  start: number;
  end: number;
  raw: string;
  text: string;
  value: CellValue;
}

const BLANK: GridCell = { start: 0, end: 0, raw: '', text: '', value: { kind: 'blank' } };

const CODE = /^\d{3,7}$/;
const isCode = (c: GridCell) => c.value.kind === 'number' && CODE.test(c.text);
const isNumber = (c: GridCell) => c.value.kind === 'number';
const isBlank = (c: GridCell) => c.value.kind === 'blank' && c.text === '';

/** A 栏次 row: `栏次 | | 1 | 2 | 3`, or the bare sequence `1 | 2 | … | 12`. */
function isLineNoRow(cells: GridCell[]): boolean {
  const numbers = cells.filter(isNumber);
  if (numbers.length === 0) return false;
  const ints = numbers.map((c) => (c.value.kind === 'number' ? c.value.value : null));
  if (ints.some((v) => !v || !v.isInteger() || v.gt(99))) return false;
  if (cells.some((c) => /^栏\s*次$|^栏$/.test(c.text))) return true;
  if (numbers.length < 2) return false;
  return ints.every((v, i) => i === 0 || v!.minus(ints[i - 1]!).eq(1));
}

const ENUMERATED = /^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、])/;

/** The 三公 table's 统计数 block: `项目 | 统计数 | 项目 | 统计数`. */
function isCountsHeader(cells: GridCell[]): boolean {
  const texts = cells.map((c) => c.text).filter((t) => t);
  return texts.length >= 2 && texts.length % 2 === 0 && texts.every((t, i) => (i % 2 ? t === '统计数' : t === '项目'));
}

/** A count's label ends in its unit (`因公出国(境)团组数(个)`, `公务用车保有量(辆)`). */
const COUNT_LABEL = /\((?:个|人|人次|辆|批次|次)\)$/;

/** Label endings that close a subject name; a wrapped label ends at one of these. */
const COMPLETE_LABEL = /(支出|事务|补助|医疗|机构|安置|公积金|奖金|补贴|经费|收入|合计|总计|小计|费|运行|建设|管理|保障|储备|服务|结余)$/;

/** A cell whose figure is broken, with where it sits in the table's own words. */
export interface MalformedCell {
  start: number;
  end: number;
  reason: string;
  /** Index into the tables built from the same raw table (a side-by-side part). */
  part: number;
  row: string;
  column: string;
}

export function buildTables(text: string, raw: RawTable): { tables: Table[]; malformed: MalformedCell[] } {
  const width = raw.rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  if (width === 0) return { tables: [], malformed: [] };
  const grid: GridCell[][] = raw.rows.map((r) =>
    r.cells.map((c) => {
      const rawText = text.slice(c.start, c.end);
      return { start: c.start, end: c.end, raw: rawText, text: cleanLabel(rawText), value: parseCell(rawText, c.start) };
    }),
  );

  // Header rows: the leading rows with no figure in them, and 栏次 rows.
  let headerCount = 0;
  const hasFigure = (row: GridCell[]) => row.some((c) => isNumber(c) || c.value.kind === 'malformed');
  while (headerCount < grid.length && (!hasFigure(grid[headerCount]!) || isLineNoRow(grid[headerCount]!))) {
    // Below the 统计数 block's header the items may all be blank (no trips: none printed).
    if (isCountsHeader(grid[headerCount++]!)) break;
  }
  const header = grid.slice(0, headerCount);
  const headerText = (c: number) => header.map((row) => row[c]?.text ?? '').join(' ');
  // After a page break the header is often printed again: those rows are not data.
  const rowKey = (row: GridCell[]) => row.map((c) => c.text).join('\t');
  const headerKeys = new Set(header.map(rowKey));
  for (let r = grid.length - 1; r >= headerCount; r--) if (headerKeys.has(rowKey(grid[r]!))) grid.splice(r, 1);

  // Column kinds are read off the rows that have every column; short rows are placed after.
  const data = grid.slice(headerCount);
  const full = data.filter((row) => row.length === width);
  const kinds = classifyColumns(full.length ? full : data, width, headerText);
  const labelWidth = kinds.findIndex((k) => k === 'value' || k === 'rowno');

  // Rows a page break or OCR cut short: their label cells fill the label columns from the
  // left, their figures the value columns.
  const aligned = grid.map((cells, r) => {
    if (r < headerCount || cells.length >= width || labelWidth <= 0 || isBlank(cells[0]!)) return padRow(cells, width);
    let leading = 1;
    while (leading < cells.length && cells[leading]!.value.kind !== 'malformed' && (!isNumber(cells[leading]!) || isCode(cells[leading]!))) leading++;
    if (leading > labelWidth) return padRow(cells, width);
    const out = padRow(cells.slice(0, leading), width);
    cells.slice(leading).forEach((c, i) => (out[labelWidth + i] = c));
    return out;
  });

  // An amount in a label column with its value column blank: a tab was lost before it
  // (`公用经费合计⇥⇥⇥⇥303,612.50⇥`), so it goes one column right.
  for (const row of aligned.slice(headerCount)) {
    for (let c = 0; c + 1 < width; c++) {
      const cell = row[c]!;
      const shifted = kinds[c] !== 'value' && kinds[c] !== 'rowno' && kinds[c + 1] === 'value' && isNumber(cell) && cell.text.includes('.') && isBlank(row[c + 1]!);
      if (shifted) [row[c], row[c + 1]] = [BLANK, cell];
    }
  }

  // Side-by-side parts: a label column after a value column starts a new part.
  const bands: number[][] = [];
  kinds.forEach((kind, c) => {
    const prev = kinds[c - 1];
    if (c === 0 || ((kind === 'label' || kind === 'code') && (prev === 'value' || prev === 'rowno'))) bands.push([]);
    bands[bands.length - 1]!.push(c);
  });

  const malformed: MalformedCell[] = [];
  const tables = bands.map((band, bandIndex) => {
    const columns = bandColumns(band, kinds, header);
    // Collected before echo rows are folded away: a broken figure is reported wherever it is.
    for (const row of aligned.slice(headerCount)) {
      const label = cleanLabel(band.filter((c) => kinds[c] !== 'value' && kinds[c] !== 'rowno').map((c) => row[c]!.text).join(' '));
      for (const column of columns) {
        const v = row[column.index]!.value;
        if (v.kind === 'malformed') malformed.push({ start: v.start, end: v.end, reason: v.reason, part: bandIndex, row: label, column: column.name });
      }
    }
    let rows = bandRows(band, kinds, aligned.slice(headerCount), columns);
    if (columns[0]?.name === '统计数') rows = joinCountLabels(rows);
    // A part is named by a banner over it (`收入` | `支出`) above the column headers.
    const banner = header.length > 1 ? [...new Set(band.map((c) => header[0]![c]?.text ?? '').filter((t) => t))] : [];
    const part = bands.length > 1 && banner.length === 1 ? banner[0]! : null;
    let start = Infinity;
    let end = -Infinity;
    for (const row of aligned) for (const c of band) {
      const cell = row[c]!;
      if (cell === BLANK) continue;
      start = Math.min(start, cell.start);
      end = Math.max(end, cell.end);
    }
    return {
      code: null,
      title: null,
      identity: null,
      identityName: null,
      page: null,
      unit: null,
      unitInherited: false,
      part,
      format: raw.format,
      columns,
      rows,
      start: Number.isFinite(start) ? start : raw.start,
      end: Number.isFinite(end) ? end : raw.end,
    };
  });
  lendTotalLabels(text, tables);
  // A table of figures only (三公: one row, no label) printed empty: its header ends in its
  // column numbers and no row follows. Its one row is blank: zero in every column.
  if (data.length === 0 && headerCount > 0 && tables.length === 1 && kinds.every((k) => k === 'value') && isLineNoRow(grid[headerCount - 1]!)) {
    const at = raw.rows[raw.rows.length - 1]!.cells.reduce((e, c) => Math.max(e, c.end), raw.start);
    const cells = tables[0]!.columns.map((column) => ({ column, text: '', value: { kind: 'blank' as const }, start: at, end: at }));
    tables[0]!.rows.push({ label: '', code: null, lineNo: null, cells, start: at, end: at, labelStart: at, labelEnd: at, uncertain: false });
  }
  return { tables, malformed };
}

/** The total of something named (`公用经费合计`), not a bare `合计` that may be the end of a wrapped label. */
const NAMED_TOTAL = /\S{2}(合计|总计)$/;

/**
 * A total printed across two parts (06表: `公用经费合计` in the label column of 公用经费's first
 * part, its figure in the amount column of the second): the figure's row, unlabelled, takes
 * the label, and the label-only row goes.
 */
function lendTotalLabels(text: string, tables: Table[]): void {
  for (let i = 0; i + 1 < tables.length; i++) {
    const rows = tables[i]!.rows;
    for (let r = rows.length - 1; r >= 0; r--) {
      const total = rows[r]!;
      if (!NAMED_TOTAL.test(total.label) || total.code || total.cells.some((c) => c.value.kind !== 'blank')) continue;
      const figures = tables[i + 1]!.rows.find((x) => x.label === '' && !x.code && x.cells.some((c) => c.value.kind === 'number') && x.start > total.start && !text.slice(total.end, x.start).includes('\n'));
      if (!figures) {
        // Its figure is on the line but in no column: no finding may rest on the row.
        const lineEnd = text.indexOf('\n', total.end);
        if (/\d/.test(text.slice(total.end, lineEnd < 0 ? undefined : lineEnd))) total.uncertain = true;
        continue;
      }
      Object.assign(figures, { label: total.label, labelStart: total.labelStart, labelEnd: total.labelEnd, start: total.start });
      rows.splice(r, 1);
    }
  }
}

function padRow(cells: GridCell[], width: number): GridCell[] {
  const out: GridCell[] = Array.from({ length: Math.max(width, cells.length) }, () => BLANK);
  cells.forEach((c, i) => (out[i] = c));
  return out;
}

function classifyColumns(data: GridCell[][], width: number, headerText: (c: number) => string): ColumnKind[] {
  const kinds: ColumnKind[] = [];
  for (let c = 0; c < width; c++) {
    const cells = data.map((r) => r[c]).filter((x): x is GridCell => !!x && !isBlank(x));
    const head = headerText(c);
    const numbers = cells.filter(isNumber).length;
    const codes = cells.filter(isCode).length;
    const texts = cells.filter((x) => x.value.kind === 'text').length;
    if (/行\s*次/.test(head)) kinds.push('rowno');
    else if (/代\s*码|编\s*码|功能分类|经济分类/.test(head) || (c === 0 && codes > 0 && codes >= 0.6 * (numbers + texts) && cells.some((x) => x.text.length >= 5 && isCode(x)))) kinds.push('code');
    else if (texts > numbers) kinds.push('label');
    // An empty column under 项目 (the 类/款/项 spacer) belongs to the label.
    else if (cells.length === 0 && c > 0 && kinds[c - 1] !== 'value' && kinds[c - 1] !== 'rowno' && /项目|科目|名称|类|款|项/.test(head)) kinds.push('label');
    else kinds.push('value');
  }
  return kinds;
}

function bandColumns(band: number[], kinds: ColumnKind[], header: GridCell[][]): Column[] {
  const valueCols = band.filter((c) => kinds[c] === 'value');
  // Merged header cells arrive as one text and blanks to its right: fill them in.
  // A fill stays under one parent: it stops where the header row above changes.
  const filled: string[][] = [];
  header.forEach((row, h) => {
    const out = band.map((c) => row[c]?.text ?? '');
    const above = filled[h - 1];
    if (h < header.length - 1 || header.length === 1) {
      for (let i = 1; i < out.length; i++) {
        const sameParent = !above || above[i] === above[i - 1];
        if (out[i] === '' && sameParent && kinds[band[i - 1]!] === 'value' && kinds[band[i]!] === 'value') out[i] = out[i - 1]!;
      }
    }
    filled.push(out);
  });
  return valueCols.map((c) => {
    const i = band.indexOf(c);
    const path: string[] = [];
    let lineNo: string | null = null;
    header.forEach((row, h) => {
      if (isLineNoRow(row)) {
        const cell = row[c];
        if (cell && isNumber(cell)) lineNo = cell.text;
        return;
      }
      const t = filled[h]![i]!;
      if (t && t !== '项目' && t !== path[path.length - 1]) path.push(t);
    });
    return { index: c, path, name: path.join(' / '), lineNo };
  });
}

interface Draft extends Row {
  fragment: boolean;
  damagedCode: string | null;
}

function bandRows(band: number[], kinds: ColumnKind[], data: GridCell[][], columns: Column[]): Row[] {
  const drafts: Draft[] = [];
  data.forEach((row) => {
    let code: string | null = null;
    let damagedCode: string | null = null;
    let lineNo: string | null = null;
    const labels: GridCell[] = [];
    for (const c of band) {
      const cell = row[c]!;
      if (cell === BLANK || cell.text === '') continue;
      const kind = kinds[c];
      if (kind === 'rowno') lineNo = cell.text;
      else if (kind === 'code' && isCode(cell)) code ??= cell.text;
      else if (kind === 'code' && /^[\d/.\s]{3,9}$/.test(cell.text)) damagedCode = cell.text;
      else if (kind === 'label' || kind === 'code') {
        const lead = /^(\d{3,7})\s+(.*)$/.exec(cell.text);
        if (lead && !code) {
          code = lead[1]!;
          labels.push({ ...cell, text: lead[2]! });
        } else labels.push(cell);
      }
    }
    const cells: Cell[] = columns.map((column) => {
      const g = row[column.index]!;
      return { column, text: g.text, value: g.value, start: g.start, end: g.end };
    });
    const hasValue = cells.some((c) => c.value.kind !== 'blank');
    const label = cleanLabel(labels.map((l) => l.text).join(''));
    if (!hasValue && !code && !damagedCode && !label && !lineNo) return;
    const spans = band.map((c) => row[c]!).filter((c) => c !== BLANK && c.end > c.start);
    drafts.push({
      label,
      code,
      lineNo,
      cells,
      // Cells of an aligned row need not be in offset order: take the extremes.
      start: spans.reduce((m, c) => Math.min(m, c.start), spans[0]?.start ?? 0),
      end: spans.reduce((m, c) => Math.max(m, c.end), spans[0]?.end ?? 0),
      labelStart: labels[0]?.start ?? spans[0]?.start ?? 0,
      labelEnd: labels[0]?.end ?? spans[0]?.start ?? 0,
      uncertain: false,
      // A label that opens with an enumeration (`二、政府性基金…`) is a row of its own, blank
      // or not; so is a named total (`公用经费合计`, its figure in the next part); other text-only rows
      // are pieces of a wrapped label.
      fragment: !hasValue && !code && !damagedCode && !lineNo && label !== '' && !ENUMERATED.test(label) && !NAMED_TOTAL.test(label),
      damagedCode,
    });
  });
  const codes = new Set(drafts.map((d) => d.code).filter((c): c is string => c !== null));
  return joinFragments(foldEchoes(drafts, codes)).map(({ fragment: _f, damagedCode: _d, ...row }) => row);
}

/**
 * Wrapped labels: text-only rows between two data rows. They finish the row above while its
 * label does not yet end like a subject name; the rest start the row below.
 */
function joinFragments(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  let pending: Draft[] = [];
  for (const d of drafts) {
    if (d.fragment) {
      const prev = out[out.length - 1];
      if (prev && pending.length === 0 && !COMPLETE_LABEL.test(prev.label) && !COUNT_LABEL.test(prev.label)) {
        prev.label += d.label;
        prev.end = Math.max(prev.end, d.end);
      } else pending.push(d);
      // A count's label wrapped over lines ends at its unit: a row of its own, its count blank.
      if (COUNT_LABEL.test(d.label) && pending.length) {
        const [first, ...rest] = pending;
        out.push({ ...first!, label: pending.map((p) => p.label).join(''), end: Math.max(first!.end, ...rest.map((p) => p.end)), fragment: false });
        pending = [];
      }
      continue;
    }
    if (pending.length) {
      d.label = pending.map((p) => p.label).join('') + d.label;
      d.start = Math.min(d.start, pending[0]!.start);
      pending = [];
    }
    out.push(d);
  }
  const last = out[out.length - 1];
  if (last && pending.length) last.label += pending.map((p) => p.label).join('');
  else out.push(...pending);
  return out;
}

/**
 * A count's label cut over two rows whose figure OCR put on either or both
 * (`公务用车保 | ,` / `有量(辆) | 2`, `国内公务接 | 47` / `待人次(人) | 47`): one row, with the
 * figure the two agree on; two different figures leave it uncertain.
 */
function joinCountLabels(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const [head, tail] = [rows[i]!, rows[i + 1]];
    if (!tail || head.code || tail.code || COUNT_LABEL.test(head.label) || !COUNT_LABEL.test(tail.label)) {
      out.push(head);
      continue;
    }
    const numberOf = (c: Cell) => (c.value.kind === 'number' ? c.value.value : null);
    let uncertain = head.uncertain || tail.uncertain;
    const cells = tail.cells.map((c, k) => {
      const [a, b] = [numberOf(head.cells[k]!), numberOf(c)];
      if (a && b && !a.eq(b)) uncertain = true;
      return b || !a ? c : head.cells[k]!;
    });
    out.push({ ...tail, label: head.label + tail.label, cells, start: head.start, labelStart: head.labelStart, uncertain });
    i++;
  }
  return out;
}

const digits = (s: string) => s.replace(/\D/g, '');
const hamming = (a: string, b: string) => [...a].filter((ch, i) => ch !== b[i]).length;

/** As many digits, some misread: how OCR repeats a line it misread. */
function ocrSimilar(a: string, b: string): boolean {
  return digits(a).length === digits(b).length;
}

/**
 * OCR of a two-line PDF cell sometimes yields the row twice, once misread
 * (`21015 … 6,987.78` / `21013 … 0,987.78`). Keep the reading with the sounder code and
 * figures, fill its broken cells from the other, and join the labels.
 */
function foldEchoes(rows: Draft[], codes: Set<string>): Draft[] {
  const out: Draft[] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    if (!prev || prev.fragment || row.fragment || !isEcho(prev, row, codes)) {
      out.push(row);
      continue;
    }
    const [main, echo] = compare(soundness(row, codes), soundness(prev, codes)) > 0 ? [row, prev] : [prev, row];
    const cells = main.cells.map((c, i) => (c.value.kind === 'number' ? c : echo.cells[i]!.value.kind === 'number' ? echo.cells[i]! : c));
    out[out.length - 1] = { ...main, cells, code: main.code ?? echo.code, label: prev.label + row.label, start: prev.start, end: row.end };
  }
  return out;
}

function isEcho(a: Draft, b: Draft, codes: Set<string>): boolean {
  const ca = a.code ?? a.damagedCode;
  const cb = b.code ?? b.damagedCode;
  if (!ca || !cb || ca.length !== cb.length || hamming(ca, cb) > 3) return false;
  // Sibling rows (水费 1.21 / 电费 4.94) look alike too; an echo continues an unfinished
  // label with a few characters.
  if (a.label !== '' && b.label !== '' && (COMPLETE_LABEL.test(a.label) || b.label.length > 6)) return false;
  if (a.code && a.code === b.code) return true;
  // Two different, plausible codes are two rows (30101 基本工资 / 30102 津贴补贴), unless one
  // of them reads as broken figures.
  const broken = (d: Draft) => d.cells.some((c) => c.value.kind === 'malformed');
  if (plausible(a.code, codes) && plausible(b.code, codes) && !broken(a) && !broken(b)) return false;
  let compared = 0;
  for (let i = 0; i < a.cells.length; i++) {
    const x = a.cells[i]!.text;
    const y = b.cells[i]!.text;
    if (x === '' && y === '') continue;
    if (x === '' || y === '' || !ocrSimilar(x, y)) return false;
    compared++;
  }
  return compared > 0;
}

/** A subject code is plausible when its 类 occurs in the table and no level reads `00`. */
function plausible(code: string | null, codes: Set<string>): number {
  if (!code) return 0;
  const levels: string[] = code.slice(3).match(/\d\d/g) ?? [];
  return codes.has(code.slice(0, 3)) && !levels.includes('00') ? 1 : 0;
}

function soundness(row: Draft, codes: Set<string>): number[] {
  const numbers = row.cells.filter((c) => c.value.kind === 'number');
  return [plausible(row.code, codes), numbers.length, numbers.filter((c) => /[.,]/.test(c.text)).length];
}

const compare = (a: number[], b: number[]) => a.reduce((d, x, i) => d || x - b[i]!, 0);
