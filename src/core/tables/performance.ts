// 绩效自评表 and 绩效目标表: one per project (or one for the department), read as what they
// are — a funds block (年度资金总额, 其中：财政拨款, 上年结转资金, 其他资金 × 年初预算数, 全年预算数,
// 全年执行数, 分值, 执行率, 得分), the indicators (年度指标值, 实际完成值) and the 总分 — and named by
// the project their 项目名称 row names.
//
// These tables are often OCR'd from scans: a number is cut in two across cells (`354 | . 93`,
// `76. | 59`, `42. | . 68`), sometimes with the digit at the cut printed twice (`3802 | 2. 93`).
// Every way of mending the cuts is tried; a row's reading is kept only when its execution rate
// agrees with its figures (执行率 = 全年执行数 / 全年预算数), and a cell only when every reading
// that agrees gives it the same value. What stays uncertain is left out, never guessed.
import type Decimal from 'decimal.js';
import type { PerformanceVocabulary } from '../identities/schema';
import { explains, percentOf, shown } from '../interval';
import { type AmountUnit, type CellValue, Dec } from '../number';
import type { Report } from '../report';
import { firstAtLeast, halfWidth, labelKey, maskMarkup, memoized } from '../text';
import { regex } from '../identities/match';
import type { Cell, Column, Row, Table } from './model';
import { statedUnit } from './meta';

export type FundRow = 'total' | 'appropriation' | 'carryover' | 'other';
export type FundColumn = 'initial' | 'budget' | 'actual' | 'points' | 'rate' | 'score';

/** The funds columns as the standard table heads them, for messages and hovers. */
const FUND_COLUMN_NAMES: Record<FundColumn, string> = { initial: '年初预算数', budget: '全年预算数', actual: '全年执行数', points: '分值', rate: '执行率', score: '得分' };

export interface PerformanceTable {
  /** A project's table, or the department's (部门整体绩效自评表). */
  kind: 'project' | 'department';
  /** The project as the 项目名称 row names it (cells joined, OCR marks removed), or the title. */
  project: string;
  title: string | null;
  /** 年度资金总额 … by row, 年初预算数 … by column: only the cells read with certainty. */
  funds: Table;
  /** The 总分 row and the indicators (no amount unit: points, percentages, counts). */
  scores: Table;
  fundCell(row: FundRow, column: FundColumn): { row: Row; cell: Cell } | null;
  /** The 总分 cell. */
  total: { row: Row; cell: Cell } | null;
  /** The column of an indicator the prose restates: 实际完成值 of a 自评表, 年度指标值 of a 目标表. */
  stated: '实际完成值' | '年度指标值';
  start: number;
  end: number;
  /** Spans of the numbers mended across a cut: a fragment inside one is not a malformed figure. */
  mended: { start: number; end: number }[];
}

interface SourceCell {
  start: number;
  end: number;
  /** Markup removed, half-width, same length as the source. */
  text: string;
  /** The text as labels are matched (see `key`): taken once, as every cell is tested many times. */
  key: string;
}

interface SourceRow {
  cells: SourceCell[];
  start: number;
  end: number;
}

/** The rows of the lines between `from` and `to`: markdown pipe rows or tab-separated rows. */
function sourceRows(report: Report, from: number, to: number): SourceRow[] {
  const out: SourceRow[] = [];
  let lineStart = from;
  while (lineStart < to) {
    const nl = report.norm.indexOf('\n', lineStart);
    const lineEnd = nl < 0 || nl > to ? to : nl;
    const line = report.norm.slice(lineStart, lineEnd);
    const pipe = line.trimStart().startsWith('|');
    if ((pipe || line.includes('\t')) && !/^[\s|:-]*$/.test(line)) {
      const sep = pipe ? '|' : '\t';
      const cells: SourceCell[] = [];
      let cellFrom = 0;
      for (let i = 0; i <= line.length; i++) {
        if (i < line.length && line[i] !== sep) continue;
        let a = lineStart + cellFrom;
        let b = lineStart + i;
        while (a < b && /\s/.test(report.norm[a]!)) a++;
        while (b > a && /\s/.test(report.norm[b - 1]!)) b--;
        cells.push(sourceCell(report, a, b));
        cellFrom = i + 1;
      }
      // A pipe row's outer pipes open and close it: no cell before the first or after the last.
      if (pipe) {
        cells.shift();
        if (line.trimEnd().endsWith('|')) cells.pop();
      }
      out.push({ cells, start: lineStart, end: lineEnd });
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

const key = memoized((s: string) => labelKey(s).replace(/<[^<>]{0,20}>/g, ''));

function sourceCell(report: Report, start: number, end: number): SourceCell {
  const text = halfWidth(maskMarkup(report.text.slice(start, end)));
  return { start, end, text, key: key(text) };
}

/** A piece of a number in one cell: whole (`354. 93`), or cut (`354`, `76.`, `. 93`). */
interface Piece {
  start: number;
  end: number;
  /** Digits and at most one dot, spaces removed. */
  digits: string;
  percent: boolean;
  /** First or last piece of its cell, so it may continue across the cut. */
  first: boolean;
  last: boolean;
}

// A number in a cell: digits with an OCR space around its dot, or a fragment of one at a cut.
const PIECE = /\d[\d,]{0,20}(?:\s{0,3}\.\s{0,3}(?:\.\s{0,3})?\d{0,12})?\s{0,2}%?|\.\s{0,3}\d{1,12}\s{0,2}%?/g;

function pieces(cell: SourceCell): Piece[] {
  const found = [...cell.text.matchAll(PIECE)];
  return found.map((m, i) => {
    const raw = m[0].trimEnd();
    return {
      start: cell.start + m.index!,
      end: cell.start + m.index! + raw.length,
      digits: raw.replace(/[\s,%]/g, '').replace(/\.\.+/, '.'),
      percent: raw.endsWith('%'),
      first: i === 0 && cell.text.slice(0, m.index!).trim() === '',
      last: i === found.length - 1 && cell.text.slice(m.index! + m[0].length).trim() === '',
    };
  });
}

/** A figure read from one or more pieces. */
interface Token {
  value: Decimal;
  decimals: number;
  percent: boolean;
  start: number;
  end: number;
  mended: boolean;
}

const WHOLE = /^\d+(?:\.\d+)?$/;

function token(digits: string, from: Piece, to: Piece, mended: boolean): Token | null {
  if (!WHOLE.test(digits)) return null;
  return { value: new Dec(digits), decimals: digits.split('.')[1]?.length ?? 0, percent: to.percent, start: from.start, end: to.end, mended };
}

/**
 * The ways two pieces either side of a cut may join: a fragment that cannot stand alone
 * (`76.`, `. 93`) must join; an integer before a decimal (`3802 | 2. 93`) may be two figures,
 * one figure, or one figure with the digit at the cut printed twice.
 */
function joins(a: Piece, b: Piece): string[] {
  const [x, y] = [a.digits, b.digits];
  if (x.endsWith('.') && y.startsWith('.')) return [x + y.slice(1)];
  if (x.endsWith('.') && /^\d+$/.test(y)) return [x + y];
  if (/^\d+$/.test(x) && y.startsWith('.')) return [x + y];
  if (/^\d+$/.test(x) && /^\d+\.\d+$/.test(y) && !a.percent) {
    const out = ['', x + y];
    if (x.endsWith(y[0]!)) out.push(x + y.slice(1));
    return out;
  }
  return [''];
}

/** Every reading of a row's value cells as a list of figures. */
function readings(cells: SourceCell[]): Token[][] {
  const ps = cells.flatMap(pieces);
  // A reading so far: its figures, and the figure still open to a join with the next piece.
  type Open = { digits: string; from: Piece; to: Piece; mended: boolean };
  let states: { tokens: Token[]; open: Open | null }[] = [{ tokens: [], open: null }];
  const close = (tokens: Token[], open: Open | null): Token[] | null => {
    if (!open) return tokens;
    const t = token(open.digits, open.from, open.to, open.mended);
    return t ? [...tokens, t] : null;
  };
  for (const p of ps) {
    const next: typeof states = [];
    for (const { tokens, open } of states) {
      // A figure is mended across one cut at most: a row cut twice in one figure is garbled.
      const options = open && !open.mended && open.to.last && p.first ? joins({ ...open.to, digits: open.digits }, p) : [''];
      for (const joined of options) {
        if (joined !== '') {
          next.push({ tokens, open: { digits: joined, from: open!.from, to: p, mended: true } });
          continue;
        }
        const closed = close(tokens, open);
        if (closed) next.push({ tokens: closed, open: { digits: p.digits, from: p, to: p, mended: false } });
      }
    }
    states = next;
    // A row of many cuts is garbled beyond reading with certainty.
    if (states.length > 64) return [];
  }
  return states.map(({ tokens, open }) => close(tokens, open)).filter((t): t is Token[] => t !== null);
}

/** Does the stated rate agree with actual / budget, within the rounding of all three? */
function rateAgrees(rate: Token, budget: Token, actual: Token): boolean {
  // No budget: the rate is left blank or written 0.
  if (budget.value.isZero()) return rate.value.isZero();
  const range = percentOf(shown(actual.value, actual.decimals), shown(budget.value, budget.decimals));
  return range !== null && explains(range, rate.value, rate.decimals);
}

interface FundReading {
  cells: Map<FundColumn, Token>;
}

/**
 * The readings of a funds row that fit the columns — all of an order's, those but the total
 * row's own (分值, 得分), or the three amounts — and whose rate agrees with its amounts.
 */
function fundReadings(values: SourceCell[], orders: FundColumn[][], totalOnly: Set<FundColumn>): FundReading[] {
  const fitting: FundReading[] = [];
  for (const tokens of readings(values)) {
    const shapes = [...orders, ...orders.map((o) => o.filter((c) => !totalOnly.has(c))), AMOUNTS];
    for (const columns of shapes) if (tokens.length === columns.length) fitting.push({ cells: new Map(columns.map((c, i) => [c, tokens[i]!])) });
  }
  return fitting.filter((f) => {
    const [rate, budget, actual] = [f.cells.get('rate'), f.cells.get('budget'), f.cells.get('actual')];
    if (rate && budget && actual) return rateAgrees(rate, budget, actual);
    // Nothing to check the reading by: only one without a mended cut is certain.
    return [...f.cells.values()].every((t) => !t.mended);
  });
}

const AMOUNTS: FundColumn[] = ['initial', 'budget', 'actual'];

/** The value every agreeing reading gives a column, if they all give the same. */
function certain(readings: FundReading[], column: FundColumn): Token | null {
  const first = readings[0]?.cells.get(column);
  if (!first) return null;
  return readings.every((r) => {
    const t = r.cells.get(column);
    return t && t.value.eq(first.value) && t.decimals === first.decimals && t.start === first.start && t.end === first.end;
  }) ? first : null;
}

function column(name: string, index: number): Column {
  return { index, path: [name], name, lineNo: null };
}

function makeTable(title: string | null, part: string, unit: AmountUnit | null, columns: Column[], rows: Row[], start: number, end: number): Table {
  return { code: null, title, identity: 'performance', identityName: null, page: null, unit, unitInherited: false, part, format: 'markdown', columns, rows, start, end };
}

function cellOf(report: Report, col: Column, t: Token): Cell {
  const value: CellValue = { kind: 'number', value: t.value, style: { decimals: t.decimals, grouped: false, fullWidth: false }, start: t.start, end: t.end };
  // A figure mended across a cut reads as the figure, not as the pieces with the cut between.
  const text = t.mended ? t.value.toFixed(t.decimals) + (t.percent ? '%' : '') : report.text.slice(t.start, t.end);
  return { column: col, text, value, start: t.start, end: t.end };
}

function makeRow(label: string, cells: Cell[], at: SourceRow, labelCell: SourceCell): Row {
  return { label, code: null, lineNo: null, cells, start: at.start, end: at.end, labelStart: labelCell.start, labelEnd: labelCell.end, uncertain: false };
}

/** What the text between tables says: a title, a unit, nothing else (else the tables end). */
export function isCaption(s: string): boolean {
  return s.length <= 60 && !/[。；]/.test(s);
}

/** The report's 绩效 tables, in document order. */
export function readPerformanceTables(report: Report, vocabulary: PerformanceVocabulary): PerformanceTable[] {
  const out: PerformanceTable[] = [];
  let group: Group | null = null;
  let captions: string[] = [];
  const flush = () => {
    if (group) {
      const table = readGroup(report, vocabulary, group);
      if (table) out.push(table);
    }
    group = null;
  };
  const titleRe = regex(vocabulary.title);
  const projectRe = regex(vocabulary.project);
  // OCR text of a table's long cells (年度总体目标) may come out as prose between its parts:
  // the table is paused there, and goes on in a part that starts with the indicators' header.
  let paused = false;
  for (const block of report.blocks) {
    if (block.kind !== 'table') {
      const s = report.norm.slice(block.start, block.end).trim();
      if (block.kind === 'heading' && !isCaption(s)) flush();
      if (!isCaption(s)) {
        paused = true;
        captions = [];
      } else captions.push(s);
      continue;
    }
    const rows = sourceRows(report, block.start, block.end);
    const titled = captions.find((c) => titleRe.test(key(c)));
    if (paused && !(rows[0] && !titled && isIndicatorHeader(rows[0], vocabulary))) flush();
    paused = false;
    rows.forEach((row, i) => {
      // A table starts under its title, or at its 项目名称 row (a second one starts the next table).
      const names = row.cells.some((c) => projectRe.test(c.key));
      if ((i === 0 && titled) || (names && (!group || group.named))) {
        flush();
        group = { rows: [], title: titled ?? null, captions, start: row.start, end: row.end, named: false };
      }
      if (group) {
        group.named ||= names;
        group.rows.push(row);
        group.end = row.end;
      }
    });
    captions = [];
  }
  flush();
  // PDF text puts a form's cells one (or two) a line, outside any table block: read those forms
  // from their lines, where the title of one no table above covers stands.
  const read = out.length;
  const headings = report.blocks.filter((b) => b.kind === 'heading').map((b) => b.start);
  for (const m of report.norm.matchAll(/^[^\n]{1,60}$/gm)) {
    if (!titleRe.test(key(m[0]))) continue;
    const from = m.index + m[0].length;
    const to = lineFormEnd(report, vocabulary, headings, from);
    // The form starts at its first word. A form of table rows was read there already: not read again.
    const start = from + report.norm.slice(from, to).search(/\S|$/);
    if (out.slice(0, read).some((t) => t.start < to && start < t.end)) continue;
    const form = readLineForm(report, vocabulary, from, to);
    if (form) out.push(form);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Where the form whose title ends at `from` ends: at the next title or heading (`headings`: where
 * each starts, in order), 6000 characters at most.
 */
function lineFormEnd(report: Report, v: PerformanceVocabulary, headings: number[], from: number): number {
  const next = headings[firstAtLeast(headings, from + 1, (h) => h)];
  const to = Math.min(next ?? report.norm.length, from + 6000);
  const titleRe = regex(v.title);
  for (const m of report.norm.slice(from, to).matchAll(/^[^\n]{1,60}$/gm)) if (titleRe.test(key(m[0]))) return from + m.index;
  return to;
}

/** A number, or a number and a label printed on one line (`771,325,800.00 年度资金申请总额`): its cells. */
function lineCells(report: Report, from: number, to: number): SourceCell[] {
  const spans: { start: number; end: number }[] = [];
  const numeric = (s: string) => /^[=≥≤<>]?\d/.test(s);
  let last: { token: string; end: number } | null = null;
  for (const m of report.norm.slice(from, to).matchAll(/\S+/g)) {
    const start = from + m.index;
    const end = start + m[0].length;
    // Words on one line are one label; a number is a cell of its own.
    const joins = last && !report.norm.slice(last.end, start).includes('\n') && !numeric(last.token) && !numeric(m[0]);
    if (joins) spans[spans.length - 1]!.end = end;
    else spans.push({ start, end });
    last = { token: m[0], end };
  }
  return spans.map((c) => sourceCell(report, c.start, c.end));
}

// An indicator's value as a form prints it: `985米`, `=100.00(%)`, `≥90.00(%)`.
const INDICATOR_VALUE = /^[=≥≤<>]?\s{0,2}(\d[\d,]{0,20}(?:\.\d{1,12})?)\s{0,2}(\(%\)|%|[^\s\d]{0,6})$/u;

/**
 * A form whose cells PDF text prints one a line (财政项目支出绩效目标申报表): a label, then its
 * value. A funds label printed twice (其他资金 of the project's whole term, then of the year) is
 * the year's the second time; the form's one funds column is the year's (全年预算数). An
 * indicator's value is the line after its name. The form ends at the next title or heading.
 */
function readLineForm(report: Report, v: PerformanceVocabulary, from: number, to: number): PerformanceTable | null {
  const cells = lineCells(report, from, to);
  const projectRe = regex(v.project);
  const stopRe = regex(v.stop);
  const at = cells.findIndex((c) => projectRe.test(c.key));
  if (at < 0) return null;
  const stop = cells.findIndex((c, i) => i > at && stopRe.test(c.key));
  const project = cells.slice(at, stop < 0 ? at + 1 : stop).map((c) => c.key).join('').replace(projectRe, '').replace(/[^\p{Script=Han}\p{L}\p{N}()]/gu, '');
  if (!project) return null;
  const unit = cells.map((c) => /\((万元|元)\)/.exec(c.key)?.[1] as AmountUnit | undefined).find((u) => u) ?? report.unit;

  const budget = column(FUND_COLUMN_NAMES.budget, 0);
  const byRow = new Map<FundRow, Row>();
  const rowRe = Object.entries(v.rows).map(([name, re]) => [name as FundRow, regex(re)] as const);
  const targetRe = regex(v.indicators.target);
  const header = cells.findIndex((c) => targetRe.test(c.key));
  const indicators: Row[] = [];
  const target = column('年度指标值', 1);
  cells.forEach((label, i) => {
    const value = cells[i + 1];
    if (!value) return;
    const name = rowRe.find(([, re]) => re.test(label.key))?.[0];
    const amount = /^\d[\d,]{0,20}(?:\.\d{1,12})?$/.exec(value.text);
    if (name && amount && (header < 0 || i < header)) {
      const t = { value: new Dec(amount[0].replace(/,/g, '')), decimals: amount[0].split('.')[1]?.length ?? 0, percent: false, start: value.start, end: value.end, mended: false };
      byRow.set(name, makeRow(label.key, [cellOf(report, budget, t)], { cells: [label, value], start: label.start, end: value.end }, label));
      return;
    }
    const indicator = INDICATOR_VALUE.exec(value.text);
    // An indicator is named in words, and is no 指标 category (数量指标, 质量指标).
    if (header >= 0 && i > header && indicator && label.key.replace(/[^\p{Script=Han}]/gu, '').length >= 3 && !/指标$|\d/.test(label.key)) {
      const digits = indicator[1]!.replace(/,/g, '');
      // The number's own span (the unit after it says what it counts).
      const start = value.start + value.text.indexOf(indicator[1]!);
      const number = { kind: 'number' as const, value: new Dec(digits), style: { decimals: digits.split('.')[1]?.length ?? 0, grouped: indicator[1]!.includes(','), fullWidth: false }, start, end: start + indicator[1]!.length };
      const cell: Cell = { column: target, text: value.text, value: number, start: value.start, end: value.end };
      indicators.push(makeRow(label.key, [cell], { cells: [label, value], start: label.start, end: value.end }, label));
    }
  });
  if (!byRow.size && !indicators.length) return null;
  const title = `${key(report.norm.slice(report.norm.lastIndexOf('\n', from - 1) + 1, from))}（${project}）`;
  const funds = makeTable(title, '资金', unit, [budget], [...byRow.values()], cells[0]!.start, to);
  const scores = makeTable(title, '绩效指标', null, [target], indicators, cells[0]!.start, to);
  return {
    kind: 'project',
    project,
    title,
    funds,
    scores,
    stated: '年度指标值',
    fundCell: (row, col) => {
      const r = byRow.get(row);
      return r && col === 'budget' ? { row: r, cell: r.cells[0]! } : null;
    },
    total: null,
    start: cells[0]!.start,
    end: to,
    mended: [],
  };
}

/** A table's rows as found, with the captions above it. */
interface Group {
  rows: SourceRow[];
  title: string | null;
  captions: string[];
  start: number;
  end: number;
  /** It has its 项目名称 row. */
  named: boolean;
}

/** The header of the indicators: 年度指标值 and 实际完成值 (cells or, OCR-merged, one). */
function isIndicatorHeader(row: SourceRow, v: PerformanceVocabulary): boolean {
  const joined = row.cells.map((c) => c.key).join('');
  return regex(v.indicators.target.replace(/^\^|\$$/g, '')).test(joined) && regex(v.indicators.achieved.replace(/^\^|\$$/g, '')).test(joined);
}

function readGroup(report: Report, v: PerformanceVocabulary, g: Group): PerformanceTable | null {
  const rowRe = Object.entries(v.rows).map(([name, re]) => [name as FundRow, regex(re)] as const);
  const colRe = Object.entries(v.columns).map(([name, re]) => [name as FundColumn, regex(re)] as const);
  const projectRe = regex(v.project);
  const stopRe = regex(v.stop);
  const unit = g.captions.map(statedUnit).find((u) => u) ?? g.rows.flatMap((r) => r.cells).map((c) => /\((万元|元)\)/.exec(c.key)?.[1] as AmountUnit | undefined).find((u) => u) ?? report.unit;

  // The project: the cells after 项目名称, up to the next label (主管部门, 实施单位 …).
  let project = '';
  for (const row of g.rows) {
    const at = row.cells.findIndex((c) => projectRe.test(c.key));
    if (at < 0) continue;
    const rest = [row.cells[at]!.key.replace(projectRe, ''), ...row.cells.slice(at + 1).map((c) => c.key)];
    const stop = rest.findIndex((s, i) => i > 0 && stopRe.test(s));
    project = (stop < 0 ? rest : rest.slice(0, stop)).join('').replace(/[^\p{Script=Han}\p{L}\p{N}()]/gu, '');
    break;
  }
  const department = g.title !== null && regex(v.department).test(key(g.title));
  if (!project && !department) return null;

  // The order of the funds columns: those the header row names, in one of the orders declared.
  let orders: FundColumn[][] = [];
  // The table's columns in the first declared order, whatever order the report prints them in.
  const roles = v.orders[0] as FundColumn[];
  const fundColumns = roles.map((role, i) => column(FUND_COLUMN_NAMES[role], i));
  const fundRows: Row[] = [];
  const mended: { start: number; end: number }[] = [];
  const byRow = new Map<FundRow, Row>();
  const totalOnly = new Set(v.totalOnly as FundColumn[]);
  for (const row of g.rows) {
    if (!orders.length) {
      const joined = row.cells.map((c) => c.key).join('');
      const named = colRe.map(([name, re]) => ({ name, at: joined.search(re) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at).map((x) => x.name);
      if (named.length >= 3 && !rowRe.some(([, re]) => row.cells.some((c) => re.test(c.key)))) orders = (v.orders as FundColumn[][]).filter((o) => isSubsequence(named, o));
      continue;
    }
    // Every funds row read: the rest are indicators.
    if (byRow.size === rowRe.length) break;
    const labelAt = row.cells.findIndex((c) => rowRe.some(([, re]) => re.test(c.key)));
    if (labelAt < 0) continue;
    const name = rowRe.find(([, re]) => re.test(row.cells[labelAt]!.key))![0];
    if (byRow.has(name)) continue;
    const agreeing = fundReadings(row.cells.slice(labelAt + 1), orders, totalOnly);
    const cells: Cell[] = [];
    roles.forEach((role, i) => {
      const t = certain(agreeing, role);
      if (t) cells.push(cellOf(report, fundColumns[i]!, t));
    });
    // Every agreeing reading mends the same cuts, whatever their values: fragments are not malformed.
    for (const r of agreeing) for (const t of r.cells.values()) if (t.mended) mended.push({ start: t.start, end: t.end });
    const r = makeRow(row.cells[labelAt]!.key, cells, row, row.cells[labelAt]!);
    byRow.set(name, r);
    fundRows.push(r);
  }

  const scoreRows = readScores(report, v, g.rows);
  const title = g.title && key(g.title).replace(/^#+/, '').replace(/\(\d{4}年度?\)$/, '');
  const funds = makeTable(title && project ? `${title}（${project}）` : title || project || null, '资金', unit, fundColumns, fundRows, g.start, g.end);
  const scores = makeTable(funds.title, '绩效指标', null, scoreRows.columns, scoreRows.rows, g.start, g.end);
  if (!fundRows.some((r) => r.cells.length) && !scoreRows.rows.length) return null;
  return {
    kind: department ? 'department' : 'project',
    project: project || (title ?? ''),
    title,
    funds,
    scores,
    fundCell: (row, col) => {
      const r = byRow.get(row);
      const cell = r?.cells.find((c) => c.column.name === FUND_COLUMN_NAMES[col]);
      return r && cell ? { row: r, cell } : null;
    },
    total: scoreRows.total,
    stated: '实际完成值',
    start: g.start,
    end: g.end,
    mended,
  };
}

function isSubsequence(xs: string[], of: string[]): boolean {
  let i = 0;
  for (const x of of) if (x === xs[i]) i++;
  return i === xs.length;
}

/** The 总分 (the last figure of its row) and the indicators under a header that names their columns. */
function readScores(report: Report, v: PerformanceVocabulary, rows: SourceRow[]): { columns: Column[]; rows: Row[]; total: { row: Row; cell: Cell } | null } {
  const scoreCol = column('得分', 0);
  const targetCol = column('年度指标值', 1);
  const achievedCol = column('实际完成值', 2);
  const out: Row[] = [];
  let total: { row: Row; cell: Cell } | null = null;
  const totalRe = regex(v.total);
  const targetRe = regex(v.indicators.target);
  const achievedRe = regex(v.indicators.achieved);
  let header: { name: number; target: number; achieved: number; score: number } | null = null;
  for (const row of rows) {
    const keys = row.cells.map((c) => c.key);
    const labelAt = keys.findIndex((k) => totalRe.test(k));
    if (labelAt >= 0) {
      // The score is the row's last figure, out of 100: a reading that mends it into more is wrong.
      const lasts = readings(row.cells.slice(labelAt + 1)).map((r) => r[r.length - 1]).filter((t): t is Token => t !== undefined && t.value.lte(100));
      const last = lasts[0];
      if (last && lasts.every((t) => t.start === last.start && t.end === last.end && t.value.eq(last.value))) {
        const r = makeRow(keys[labelAt]!, [cellOf(report, scoreCol, last)], row, row.cells[labelAt]!);
        out.push(r);
        total ??= { row: r, cell: r.cells[0]! };
      }
      continue;
    }
    const target = keys.findIndex((k) => targetRe.test(k));
    const achieved = keys.findIndex((k) => achievedRe.test(k));
    const score = keys.findIndex((k) => /^得分$/.test(k));
    if (target >= 1 && achieved > target && score > achieved) {
      header = { name: target - 1, target, achieved, score };
      continue;
    }
    if (!header) continue;
    // Rows whose leading (merged) cells are left out: aligned by their last figure, the 得分.
    const lastNumber = keys.reduce((at, k, i) => (/^\d+(\.\d+)?$/.test(k) ? i : at), -1);
    const shift = lastNumber - header.score;
    const name = row.cells[header.name + shift];
    const achievedCell = row.cells[header.achieved + shift];
    const targetCell = row.cells[header.target + shift];
    // An indicator is named in words (not `定性`, a 指标性质 printed where the OCR shifted the row).
    if (!name || !achievedCell || !targetCell || name.key.replace(/[^\p{Script=Han}]/gu, '').length < 3 || /\d/.test(name.key)) continue;
    const cells: Cell[] = [];
    for (const [col, src] of [[targetCol, targetCell], [achievedCol, achievedCell]] as const) {
      const tokens = readings([src]);
      const t = tokens.length === 1 && tokens[0]!.length === 1 ? tokens[0]![0]! : null;
      if (t && !t.mended) cells.push(cellOf(report, col, t));
    }
    if (cells.length) out.push(makeRow(name.key, cells, row, name));
  }
  return { columns: [scoreCol, targetCol, achievedCol], rows: out, total };
}

const read = new WeakMap<Report, Map<PerformanceVocabulary, PerformanceTable[]>>();

/** The report's 绩效 tables, read once per report and vocabulary (the linker and the rules share them). */
export function performanceTables(report: Report, vocabulary: PerformanceVocabulary): PerformanceTable[] {
  let byVocabulary = read.get(report);
  if (!byVocabulary) read.set(report, (byVocabulary = new Map()));
  let tables = byVocabulary.get(vocabulary);
  if (!tables) byVocabulary.set(vocabulary, (tables = readPerformanceTables(report, vocabulary)));
  return tables;
}
