// Text tables read from the page as it is, from title to end: `pdftotext -layout` text
// (columns by position), text a PDF library extracts (cells separated by single spaces,
// blank cells dropped) and text with one cell per line. A table starts at its title line and
// unit line, and ends at its 注：/说明： line or the next title; page breaks, page numbers and
// a header printed again on the next page are not rows.
import Decimal from 'decimal.js';
import { type CellValue, parseCell } from '../number';
import { cleanLabel, halfWidth } from '../text';
import { statedUnit } from './meta';
import type { AmountUnit } from '../number';
import type { Cell, Column, Row, Table } from './model';
import { isFooter, type Line } from './text';

export interface Region {
  /** The title line (code and year removed from `title`). */
  title: string;
  titleStart: number;
  titleEnd: number;
  code: string | null;
  unit: AmountUnit | null;
  /** Index in `lines` of the first line after the title and unit lines, and past the last. */
  bodyFrom: number;
  bodyTo: number;
  start: number;
  end: number;
  /** The table says it has no data (`本表无数据`). */
  statedEmpty: boolean;
}

const CODE_LINE = /(部门公开表|预算公开表|公开)\s*(\d{1,2})\s*(表?)|^\s*表\s*(\d{1,2})\s*$/;
const NOTE = /^\s*(?:注|说明|备注)\s*[:：\d]/;
const EMPTY = /本表无数据|本表为空|无数据|本表无|空表/;
const SENTENCE = /[，。；！？]/;
const ENUMERATED = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d))/;
/** Words of the label columns' headers (项目, 功能分类科目编码, 类 款 项, …), or pieces of them. */
const LABEL_WORD = /^[项目科功能经济分类编码名称款栏次行序号]+$/;
const COMPLETE_LABEL = /(支出|事务|补助|医疗|机构|安置|公积金|奖金|补贴|经费|收入|合计|总计|小计|费|运行|建设|管理|保障|储备|服务|结余|工资|购置|拨款|预算|分配|抚恤)$/;

/**
 * A title: a short line that names a table (ends in 表), not a sentence. The 目录 lists the
 * same titles, so a title counts only when a unit line (`单位：万元`) follows it closely.
 */
function titleOf(s: string): { title: string; code: string | null } | null {
  let t = halfWidth(s).replace(/\f/g, '').trim();
  if (t.length === 0 || t.length > 60 || SENTENCE.test(t)) return null;
  let code: string | null = null;
  const c = CODE_LINE.exec(t);
  if (c) {
    code = c[4] !== undefined ? `表${c[4]}` : c[1] === '公开' ? `公开${c[2]!.padStart(2, '0')}表` : `${c[1]}${c[2]}`;
    t = t.replace(c[0], ' ').trim();
  }
  t = t.replace(/^[一二三四五六七八九十]+、\s*/, '').replace(/^(?:\d{4}\s*年度?)\s*/, '').replace(/\s+/g, '');
  if (!/表$/.test(t) || t.length < 4) return code && t === '' ? { title: '', code } : null;
  // The report's banner over its tables (`…2024 年度部门决算表`) is not a table's title.
  if (/部门(?:决算|预算)表$/.test(t) && t.length > 12) return null;
  return { title: t, code };
}

const lineText = (norm: string, l: Line) => norm.slice(l.start, l.end);

/** The table regions of the text, in order. */
export function findRegions(norm: string, lines: Line[]): Region[] {
  const regions: Region[] = [];
  const isUnitLine = (s: string) => statedUnit(s) !== null && s.replace(/\s/g, '').length <= 40;
  for (let i = 0; i < lines.length; i++) {
    const s = lineText(norm, lines[i]!);
    if (!isUnitLine(s)) continue;
    // The title: the nearest line above (within three non-blank lines) that names a table,
    // or the unit line itself (`收入支出决算总表   单位：万元`).
    let title: { title: string; code: string | null } | null = null;
    let at = -1;
    const own = titleOf(s.slice(0, s.search(/(?:金额)?单\s*位\s*[:：]/)));
    if (own && own.title) [title, at] = [own, i];
    const ownCode = own?.code ?? null;
    let seen = 0;
    let between: string | null = null;
    for (let j = i - 1; !title && j >= 0 && seen < 3; j--) {
      const t = lineText(norm, lines[j]!);
      if (t.trim() === '') continue;
      seen++;
      const found = titleOf(t);
      if (found && found.title) [title, at] = [found, j];
      else if (found?.code) between = found.code;
    }
    if (!title || at < 0) continue;
    title = { ...title, code: title.code ?? ownCode ?? between };
    // A code on the line above the title (`公开01表`).
    if (!title.code && at > 0) {
      const above = titleOf(lineText(norm, lines[at - 1]!));
      if (above && above.title === '' && above.code) title.code = above.code;
    }
    const prev = regions[regions.length - 1];
    if (prev && prev.bodyTo > at) {
      prev.bodyTo = at;
      prev.end = lines[at - 1]?.end ?? prev.end;
    }
    regions.push({
      title: title.title,
      titleStart: lines[at]!.start,
      titleEnd: lines[at]!.end,
      code: title.code,
      unit: statedUnit(s),
      bodyFrom: i + 1,
      bodyTo: lines.length,
      start: lines[at]!.start,
      end: lines[lines.length - 1]!.end,
      statedEmpty: false,
    });
  }
  // A table ends at its note, at the next title, or at prose.
  for (const r of regions) {
    let k = r.bodyFrom;
    for (; k < r.bodyTo; k++) {
      const s = lineText(norm, lines[k]!);
      if (NOTE.test(s.replace(/\f/g, ''))) break;
      if (isProse(s)) break;
    }
    // The note and the 说明 under it belong to the table (they say 本表无数据).
    let end = k;
    while (end < r.bodyTo && NOTE.test(lineText(norm, lines[end]!).replace(/\f/g, ''))) {
      if (EMPTY.test(lineText(norm, lines[end]!))) r.statedEmpty = true;
      end++;
    }
    r.end = lines[Math.max(end, r.bodyFrom) - 1]!.end;
    r.bodyTo = k;
  }
  return regions;
}

/** A line of the narrative: a sentence, or a heading of the report's parts. */
function isProse(s: string): boolean {
  const t = s.replace(/\f/g, '').trim();
  if (/^第[一二三四五六七八九十]+部分/.test(t)) return true;
  // A heading of the narrative: `一、部门收支总体情况`, `（二）…情况说明`.
  if (/^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/.test(t) && /(?:情况|说明)$/.test(t) && !/\d/.test(t)) return true;
  return /[。；]/.test(t) || (/[，]/.test(t) && t.length > 30);
}

// ————————————————————————————————————————————————————————————————— reading a region

type Kind = 'code' | 'text' | 'num';

interface Tok {
  kind: Kind;
  text: string;
  start: number;
  end: number;
  /** Character column on its line. */
  x: number;
  xEnd: number;
  value: CellValue;
}

interface TLine {
  start: number;
  end: number;
  toks: Tok[];
  /** The words as separated by any space (header words of single-space text). */
  words: Tok[];
  page: number;
}

type Style = 'layout' | 'spaced' | 'lines';

const CODE = /^\d{3,7}$/;
const SUBCODE = /^\d{2}$/;

/** A line's words, each read as a cell (once: as a token and as a header word). */
function words(text: string, norm: string, l: Line): { text: string; start: number; end: number; x: number; gapBefore: number; value: CellValue }[] {
  const out: { text: string; start: number; end: number; x: number; gapBefore: number; value: CellValue }[] = [];
  const s = norm.slice(l.start, l.end);
  const lead = s.startsWith('\f') ? 1 : 0;
  let prevEnd = -1;
  for (const m of s.matchAll(/[^\s\u3000]+/g)) {
    const start = l.start + m.index;
    const word = text.slice(start, start + m[0].length);
    out.push({ text: word, start, end: start + m[0].length, x: m.index - lead, gapBefore: prevEnd < 0 ? Infinity : m.index - prevEnd, value: parseCell(word, start) });
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/** Is the word `s`, read as `value`, a figure? */
const isNum = (s: string, value: CellValue) => {
  // `1.` before a label is its enumeration, not a figure.
  if (/^\d{1,2}[.、．]$/.test(s)) return false;
  const v = value.kind;
  return v === 'number' || v === 'malformed' || (v === 'blank' && s.trim() !== '');
};

/** A line as tokens: codes, texts and numbers. In layout text a single space joins words of one field. */
function tokenize(text: string, norm: string, l: Line, style: Style, page: number): TLine {
  const ws = words(text, norm, l);
  const toks: Tok[] = [];
  for (const w of ws) {
    const num = isNum(w.text, w.value);
    const prev = toks[toks.length - 1];
    const joins = prev && prev.kind === 'text' && !num && (style !== 'layout' ? !ENUMERATED.test(halfWidth(w.text)) : w.gapBefore === 1);
    if (joins) {
      prev.text += ' ' + w.text;
      prev.end = w.end;
      prev.xEnd = w.x + w.text.length;
      continue;
    }
    const kind: Kind = num ? 'num' : 'text';
    toks.push({ kind, text: w.text, start: w.start, end: w.end, x: w.x, xEnd: w.x + w.text.length, value: w.value });
  }
  // Codes: an integer of 3–7 digits at the start of a row (the line's, or a half's after a
  // figure), with its levels when printed apart (`301 01`, `208 05 05`).
  const integer = (t: Tok | undefined) => t !== undefined && t.kind === 'num' && /^\d+$/.test(t.text);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!integer(t) || !CODE.test(t.text)) continue;
    const before = toks[i - 1];
    if (before && (before.kind !== 'num' || integer(before))) continue;
    let j = i + 1;
    let code = t.text;
    while ((code.length === 3 || code.length === 5) && integer(toks[j]) && SUBCODE.test(toks[j]!.text)) code += toks[j++]!.text;
    const next = toks[j];
    // Before figures only at the start of the line (`208   754.75`: the label wrapped around it).
    if (next && next.kind === 'num' && j === i + 1 && (i > 0 || integer(next))) continue;
    toks.splice(i, j - i, { ...t, kind: 'code', text: code, end: toks[j - 1]!.end, xEnd: toks[j - 1]!.xEnd });
  }
  const wordToks: Tok[] = ws.map((w) => ({ kind: isNum(w.text, w.value) ? 'num' : 'text', text: w.text, start: w.start, end: w.end, x: w.x, xEnd: w.x + w.text.length, value: w.value }));
  return { start: l.start, end: l.end, toks, words: wordToks, page };
}

interface Segment {
  code: string | null;
  label: Tok[];
  nums: Tok[];
  /** Line index (in the region) where it starts; x of its first token. */
  line: number;
  x: number;
  /** The code stood alone on its line: the label that follows may be garbled. */
  codeAlone: boolean;
  fragment: boolean;
  part: number;
  start: number;
  end: number;
}

function newSegment(line: number, x: number, start: number): Segment {
  return { code: null, label: [], nums: [], line, x, codeAlone: false, fragment: false, part: 0, start, end: start };
}

const numberText = (t: Tok) => t.kind === 'num';

/** 栏次 rows (`栏次 1 2 3`, or `1 2 … 12`). */
function isLineNoRow(toks: Tok[]): boolean {
  const nums = toks.filter(numberText).map((t) => t.text);
  if (nums.length === 0 || nums.some((n) => !/^\d{1,2}$/.test(n))) return false;
  if (toks.some((t) => t.kind === 'text' && /^栏\s*次$/.test(t.text))) return true;
  return nums.length >= 3 && nums.every((n, i) => Number(n) === i + 1) && toks.every((t) => t.kind !== 'text' || LABEL_WORD.test(t.text.replace(/\s/g, '')));
}

/** Reads the table of one region (in parts, side by side); `pageAt` gives the page of an offset. */
export function readRegion(text: string, norm: string, lines: Line[], region: Region, pageAt: (offset: number) => number): Table[] {
  const body = lines.slice(region.bodyFrom, region.bodyTo).filter((l) => norm.slice(l.start, l.end).trim() !== '');
  // Page numbers: a bare number on the last line of a page, near the page's count.
  const kept = body.filter((l, i) => {
    const s = norm.slice(l.start, l.end).replace(/\f/g, '').trim();
    const bare = /^[-—–]?\s*(\d{1,3})\s*[-—–]?$/.exec(s);
    if (bare) {
      const next = body[i + 1];
      const lastOnPage = next ? norm[next.start] === '\f' || pageAt(next.start) > pageAt(l.start) : true;
      // Printed numbers run behind the page count (the cover and 目录 go unnumbered).
      if (lastOnPage && !bare[1]!.startsWith('0') && Number(bare[1]) <= pageAt(l.start) + 2) return false;
    }
    // A list marker is not part of the line (`- 27 -`): footers are read on the whole line.
    const whole = norm.slice(norm.lastIndexOf('\n', l.start - 1) + 1, l.end).replace(/\f/g, '');
    return !isFooter(whole) && !/^(?:编制(?:部门|单位)|部门|单位)\s*[:：]/.test(s);
  });
  const gapped = kept.filter((l) => /\S {2,}\S/.test(norm.slice(l.start, l.end).trim())).length;
  const singles = kept.filter((l) => norm.slice(l.start, l.end).trim().split(/\s+/).length <= 1).length;
  const style: Style = gapped >= 0.3 * kept.length && gapped > 0 ? 'layout' : singles >= 0.6 * kept.length ? 'lines' : 'spaced';
  const tlines = kept.map((l) => tokenize(text, norm, l, style, pageAt(l.start)));

  // Header: the lines before the first line with a figure (a 栏次 row is header too).
  const figure = (t: TLine) => t.toks.some((k) => k.kind === 'num' && !isLineNoRow(t.toks) && (/[.,]/.test(k.text) || k.value.kind === 'blank')) || t.toks.some((k, i) => k.kind === 'code' && i < 2 && t.toks.length > 1);
  let h = 0;
  while (h < tlines.length && !figure(tlines[h]!)) h++;
  // A label printed over two lines around its code starts above the first figure line.
  if (style !== 'lines' && h > 0 && h < tlines.length) {
    const above = tlines[h - 1]!.toks;
    const firstNum = tlines[h]!.toks.find((t) => t.kind === 'num');
    if (above.length === 1 && tlines[h - 1]!.words.length === 1 && above[0]!.kind === 'text' && !/[决预]算|合计/.test(above[0]!.text) && !LABEL_WORD.test(above[0]!.text.replace(/\s/g, '')) && firstNum && above[0]!.xEnd < firstNum.x && !/^(?:决算数|预算数|合计)$/.test(above[0]!.text)) h--;
  }
  if (style === 'lines') {
    // One cell per line: the header ends where the first code or enumerated label meets figures.
    let k = h;
    while (k > 0 && tlines[k - 1]!.toks.every((t) => t.kind !== 'text' || !LABEL_WORD.test(t.text.replace(/\s/g, '')) || /^[类款项]$/.test(t.text)) && (tlines[k - 1]!.toks[0]?.kind === 'code' || ENUMERATED.test(halfWidth(tlines[k - 1]!.toks[0]?.text ?? '')) || (k - 1 > 0 && tlines[k - 2]!.toks[0]?.kind === 'code'))) k--;
    h = k;
  }
  const header = tlines.slice(0, h);
  const headerKeys = new Set(header.map((t) => norm.slice(t.start, t.end).replace(/\s/g, '')));
  // The header printed again after a page break (a line of one word may be a cell: `合计`).
  const keyOf = (t: TLine) => norm.slice(t.start, t.end).replace(/\s/g, '');
  // One cell per line, the whole header again after a page break: its lines are not rows.
  const repeated = new Set<TLine>();
  const rest = tlines.slice(h);
  if (style === 'lines' && header.length >= 3) {
    for (let i = 0; i + header.length <= rest.length; i++) {
      if (header.every((t, k) => keyOf(rest[i + k]!) === keyOf(t))) header.forEach((_, k) => repeated.add(rest[i + k]!));
    }
  }
  const data = rest.filter((t) => !repeated.has(t) && !(t.words.length >= 2 && headerKeys.has(keyOf(t))) && !isLineNoRow(t.toks));

  // Rows: segments of code, label and figures.
  const segments: Segment[] = [];
  let open: Segment | null = null;
  data.forEach((line, li) => {
    const toks = line.toks;
    const textOnly = toks.every((t) => t.kind === 'text');
    if (textOnly && style !== 'lines' && open && open.code !== null && open.label.length === 0 && open.nums.length === 0) {
      // A code alone on its line, then its label (scrambled by extraction), then its figures.
      open.label.push(...toks);
      return;
    }
    if (textOnly && style !== 'lines') {
      // A piece of a wrapped label (or two, one per part: words apart in single-space text).
      for (const t of style === 'spaced' && line.words.length === 2 && toks.length === 1 ? line.words : toks) {
        const s = newSegment(li, t.x, t.start);
        s.label.push(t);
        s.fragment = true;
        s.end = t.end;
        segments.push(s);
      }
      if (open && open.nums.length) open = null;
      return;
    }
    if (style !== 'lines' && open && open.nums.length) open = null;
    for (const t of toks) {
      // One cell per line: an enumerated label after a label starts a row (`三、国有资本经营预` /
      // `算` / `三、城乡社区支出`: a half's row whose blank cell was dropped, then the other half's).
      const enumerated = style === 'lines' && t.kind === 'text' && !!open && open.label.length > 0 && ENUMERATED.test(halfWidth(t.text));
      const startsNew = !open || enumerated || (t.kind !== 'num' && (open.nums.length > 0 || (t.kind === 'code' && (open.code !== null || open.label.length > 0)))) || (style !== 'lines' && t.kind === 'text' && open.label.length > 0 && style === 'layout');
      if (startsNew) {
        open = newSegment(li, t.x, t.start);
        segments.push(open);
      }
      const seg = open!;
      // One cell per line: a code's levels come on lines of their own (`208` / `05` / `05`).
      if (style === 'lines' && t.kind === 'num' && SUBCODE.test(t.text) && seg.code !== null && (seg.code.length === 3 || seg.code.length === 5) && seg.label.length === 0 && seg.nums.length === 0) {
        seg.code += t.text;
        continue;
      }
      if (t.kind === 'code') {
        seg.code = t.text;
        seg.codeAlone = toks.length === 1;
      } else if (t.kind === 'text') seg.label.push(t);
      else seg.nums.push(t);
      seg.end = Math.max(seg.end, t.end);
    }
  });

  // Labels after the last figures are the text under the table, not rows.
  while (style === 'lines' && segments.length && segments[segments.length - 1]!.nums.length === 0 && segments[segments.length - 1]!.code === null) segments.pop();

  // Parts: side by side halves, seen as lines with two labelled segments.
  const rowsOnLine = new Map<number, Segment[]>();
  for (const s of segments) if (!s.fragment) rowsOnLine.set(s.line, [...(rowsOnLine.get(s.line) ?? []), s]);
  const doubles = [...rowsOnLine.values()].filter((ss) => ss.length === 2 && ss.every((s) => s.label.length > 0 || s.code !== null));
  const isBanner = (k: Tok) => k.kind === 'text' && /^(?:本年|财政拨款)?(收入|支出)(?:决算数|预算数|预算)?$/.test(k.text.replace(/\s/g, ''));
  const partsBanner = style === 'lines' ? [header.flatMap((t) => t.words.filter(isBanner))].find((ks) => ks.length === 2) : header.map((t) => (style === 'layout' ? t.toks : t.words).filter(isBanner)).find((ks) => ks.length === 2);
  const banner = new Set(partsBanner ?? []);
  const twoParts = doubles.length >= 2 || (partsBanner !== undefined && (doubles.length >= 1 || style === 'lines'));
  const partNames = twoParts ? (partsBanner ? partsBanner.map((k) => k.text.replace(/\s/g, '').replace(/^(本年|财政拨款)/, '').replace(/(决算数|预算数|预算)$/, '')) : ['', '']) : [''];
  const nParts = partNames.length;
  const width = (p: number) => {
    const counts = new Map<number, number>();
    const source = twoParts && doubles.length ? doubles.map((d) => d[p]!) : segments.filter((s) => !s.fragment);
    for (const s of source) counts.set(s.nums.length, (counts.get(s.nums.length) ?? 0) + 1);
    let best = 0;
    let bestCount = 0;
    for (const [n, c] of counts) if (c > bestCount || (c === bestCount && n > best)) [best, bestCount] = [n, c];
    const max = Math.max(0, ...source.map((s) => s.nums.length));
    // Blank cells dropped from single-space text leave rows short: the widest row counts,
    // unless a header line names just as many columns as most rows have (a ragged row).
    const named = header.some((t) => t.words.filter((k) => k.kind === 'text' && !LABEL_WORD.test(k.text.replace(/\s/g, ''))).length === best);
    return nParts === 1 && named && best > 0 && max > best ? best : Math.max(best, max);
  };
  const widths = (style === 'lines' && twoParts ? halvesByHeader(header, banner) : null) ?? partNames.map((_, p) => width(p));
  if (twoParts) {
    const labelX = partNames.map((_, p) => median(doubles.map((d) => d[p]!.x)));
    if (style === 'lines') rowsOnLine.clear();
    let alternate = 1;
    for (const s of style === 'lines' ? segments : []) s.part = choosePart(s, style, labelX, widths, partNames, (alternate = 1 - alternate) === 0 ? 1 : 0);
    let lastLone: number | null = null;
    for (const [, ss] of rowsOnLine) {
      if (ss.length >= 2) {
        ss.forEach((s, i) => (s.part = Math.min(i, nParts - 1)));
        continue;
      }
      const s = ss[0]!;
      s.part = choosePart(s, style, labelX, widths, partNames, lastLone);
      lastLone = s.part;
    }
    const byLine = new Map<number, Segment[]>();
    for (const s of segments) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s]);
    for (const s of segments) if (s.fragment) s.part = style === 'layout' ? nearest(labelX, s.x) : fragmentPart(s, byLine);
  }

  // Columns per part. In layout text the header words say where the columns are (and a
  // column blank in every row is still a column); the figures of a page may sit a few
  // characters off the header, so each page's offset is measured first.
  const tables: Table[] = [];
  const labelXs = twoParts ? partNames.map((_, p) => median(doubles.map((d) => d[p]!.x))) : [0];
  for (let p = 0; p < nParts; p++) {
    const segs = segments.filter((s) => s.part === p);
    const lo = p === 0 ? -Infinity : labelXs[p]! - 2;
    const hi = p + 1 < nParts ? labelXs[p + 1]! - 2 : Infinity;
    const plan = style === 'layout' ? layoutHeader(header, lo, hi, banner) : null;
    const byHeader = plan !== null && plan.centers.length >= widths[p]! && plan.centers.length > 0;
    const n = byHeader ? plan.centers.length : widths[p]!;
    const full = segs.filter((s) => s.nums.length === n && n > 0);
    const centerOf = (t: Tok) => (t.x + t.xEnd) / 2;
    let centersFor: (s: Segment) => number[] | null = () => null;
    if (byHeader) {
      // The shift (at most a few characters) that best puts a row's figures under the header;
      // a row with one figure takes its page's.
      const shift = (xs: number[]) => {
        let best = 0;
        let bestCost = Infinity;
        for (let d = -4; d <= 4; d++) {
          const cost = xs.reduce((sum, x) => sum + Math.min(...plan.centers.map((c) => Math.abs(x + d - c))), 0);
          if (cost < bestCost - 1e-9 || (Math.abs(cost - bestCost) < 1e-9 && Math.abs(d) < Math.abs(best))) [best, bestCost] = [d, cost];
        }
        return best;
      };
      const own = new Map<Segment, number>();
      for (const s of segs) if (s.nums.length >= 2 && s.nums.length < n) own.set(s, shift(s.nums.map(centerOf)));
      const pageShift = new Map<number, number>();
      for (const page of new Set(segs.map((s) => tlinePage(data, s)))) pageShift.set(page, median(segs.filter((s) => own.has(s) && tlinePage(data, s) === page).map((s) => own.get(s)!)));
      centersFor = (s) => {
        const d = own.get(s) ?? pageShift.get(tlinePage(data, s)) ?? 0;
        return plan.centers.map((c) => c - d);
      };
    } else if (style === 'layout' && full.length) {
      const centersOf = (src: Segment[]) => Array.from({ length: n }, (_, c) => median(src.map((s) => centerOf(s.nums[c]!))));
      const all = centersOf(full);
      const byPage = new Map<number, number[]>();
      for (const page of new Set(full.map((s) => tlinePage(data, s)))) byPage.set(page, centersOf(full.filter((s) => tlinePage(data, s) === page)));
      centersFor = (seg) => byPage.get(tlinePage(data, seg)) ?? all;
    }
    const columns = byHeader ? plan.paths.map((path, i) => ({ index: i, path, name: path.join(' / '), lineNo: null })) : makeColumns(n, p, nParts, header, nParts > 1 ? widths : null, style);
    const rows: Row[] = [];
    const drafts: (Row & { fragment: boolean; codeAlone: boolean })[] = [];
    for (const s of segs) {
      const label = cleanLabel(s.label.map((t) => t.text).join(' ')).replace(/^类\s*款\s*项\s*/, '').replace(/^(?:类|款|项)\s+(?=\S)/, '');
      let uncertain = false;
      const placed: (Tok | null)[] = Array.from({ length: n }, () => null);
      if (s.nums.length === n) s.nums.forEach((t, i) => (placed[i] = t));
      else if (s.nums.length > n) {
        uncertain = true;
        s.nums.slice(0, n).forEach((t, i) => (placed[i] = t));
      } else if (s.nums.length > 0) {
        const centers = centersFor(s);
        if (centers) {
          // In order, each figure under the nearest column right of the one before.
          let from = 0;
          for (const t of s.nums) {
            let c = -1;
            for (let k = from; k < n; k++) if (c < 0 || Math.abs(centers[k]! - centerOf(t)) < Math.abs(centers[c]! - centerOf(t))) c = k;
            if (c < 0 || Math.abs(centers[c]! - centerOf(t)) > 4) uncertain = true;
            if (c >= 0 && !placed[c]) placed[c] = t;
            else uncertain = true;
            from = c + 1;
          }
        } else if (n === 1) placed[0] = s.nums[0]!;
        else {
          // Single-space text drops blank cells: nothing says which columns these are.
          uncertain = true;
          s.nums.forEach((t, i) => (placed[i] = t));
        }
      }
      const cells: Cell[] = columns.map((column, i) => {
        const t = placed[i];
        return t ? { column, text: cleanLabel(t.text), value: t.value, start: t.start, end: t.end } : { column, text: '', value: { kind: 'blank' }, start: s.end, end: s.end };
      });
      const first = s.label[0];
      drafts.push({
        label,
        code: s.code,
        lineNo: null,
        cells,
        start: s.start,
        end: s.end,
        labelStart: first?.start ?? s.start,
        labelEnd: s.label[s.label.length - 1]?.end ?? s.start,
        uncertain,
        fragment: s.fragment,
        codeAlone: s.codeAlone,
      });
    }
    for (const d of joinFragments(drafts)) {
      const { fragment: _f, codeAlone, heads: _h, tails: _t, ...row } = d;
      if (codeAlone) garbled.add(row);
      rows.push(row);
    }
    placeTotals(rows, columns);
    const start = rows.length ? Math.min(...rows.map((r) => r.start)) : region.titleStart;
    const end = rows.length ? Math.max(...rows.map((r) => r.end)) : region.end;
    tables.push({
      code: region.code,
      title: region.title,
      identity: null,
      identityName: null,
      unit: region.unit,
      unitInherited: false,
      part: nParts > 1 ? partNames[p] || null : null,
      format: style === 'layout' ? 'aligned' : 'spaced',
      columns,
      rows,
      start,
      end,
      page: pageAt(region.titleStart),
    });
  }
  const sangong = tables.length === 1 ? pairsAsRows(tables[0]!, header, style) : null;
  return sangong ? [sangong] : tables;
}

const TOTAL_ROW = /^(?:合计|总计|本年收入合计|本年支出合计|收入总计|支出总计)$/;

/**
 * A total row whose blank cells were dropped (`支出总计 3,286,618,082.20 493,761,082.20
 * 2,792,857,000.00` under four columns): its figures go to the columns whose rows above add up
 * to them, when exactly one placement in order does (a column left out must add up to zero).
 * The rows above are the classes (3-digit codes) when the table has codes, and must be placed.
 */
function placeTotals(rows: Row[], columns: Column[]): void {
  const n = columns.length;
  for (const total of rows) {
    const figures = total.cells.filter((c) => c.value.kind === 'number');
    if (!total.uncertain || !TOTAL_ROW.test(halfWidth(total.label).replace(/\s/g, '')) || figures.length >= n) continue;
    const coded = rows.some((r) => r.code);
    const parts = rows.filter((r) => r !== total && !TOTAL_ROW.test(halfWidth(r.label).replace(/\s/g, '')) && (!coded || r.code?.length === 3));
    if (!parts.length || parts.some((r) => r.uncertain)) continue;
    const sums = columns.map((_, c) => parts.reduce((sum, r) => (r.cells[c]!.value.kind === 'number' ? sum.plus(r.cells[c]!.value.value) : sum), new Decimal(0)));
    const at = onlyPlacement(figures.map((f) => (f.value as Extract<CellValue, { kind: 'number' }>).value), sums);
    if (!at) continue;
    total.cells = columns.map((column, c) => {
      const f = at.indexOf(c);
      return f >= 0 ? { ...figures[f]!, column } : { column, text: '', value: { kind: 'blank' }, start: total.end, end: total.end };
    });
    total.uncertain = false;
  }
}

/**
 * The one order-keeping placement of `figures` in columns, each on a column whose sum it equals
 * and every column left out summing to zero; null when there is none or more than one. Counts
 * placements of figures f.. in columns c.. (capped at 2), so it is O(figures × columns).
 */
function onlyPlacement(figures: Decimal[], sums: Decimal[]): number[] | null {
  const memo = new Map<number, number>();
  const ways = (f: number, c: number): number => {
    if (c === sums.length) return f === figures.length ? 1 : 0;
    const key = f * (sums.length + 1) + c;
    let n = memo.get(key);
    if (n === undefined) {
      n = (sums[c]!.isZero() ? ways(f, c + 1) : 0) + (f < figures.length && sums[c]!.eq(figures[f]!) ? ways(f + 1, c + 1) : 0);
      memo.set(key, (n = Math.min(n, 2)));
    }
    return n;
  };
  if (ways(0, 0) !== 1) return null;
  const at: number[] = [];
  for (let c = 0, f = 0; c < sums.length; c++) if (f < figures.length && sums[c]!.eq(figures[f]!) && ways(f + 1, c + 1) === 1) at[f++] = c;
  return at;
}

/** Rows whose code stood alone on its line: PDF extraction may have scrambled their label. */
export const garbled = new WeakSet<Row>();

function tlinePage(data: TLine[], s: Segment): number {
  return data[s.line]!.page;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : 0;
}

function nearest(xs: number[], x: number): number {
  let best = 0;
  xs.forEach((v, i) => {
    if (Math.abs(v - x) < Math.abs(xs[best]! - x)) best = i;
  });
  return best;
}

/** Which half a segment alone on its line belongs to: by position, figure count, or word. */
function choosePart(s: Segment, style: Style, labelX: number[], widths: number[], names: string[], previous: number | null): number {
  if (style === 'layout' && (s.label.length || s.code)) return nearest(labelX, s.x);
  const byCount = widths.map((w, i) => (w === s.nums.length ? i : -1)).filter((i) => i >= 0);
  if (byCount.length === 1 && s.nums.length > 0) return byCount[0]!;
  const label = s.label.map((t) => t.text).join('');
  const byWord = names.map((n, i) => (n && label.includes(n) ? i : -1)).filter((i) => i >= 0);
  if (byWord.length === 1) return byWord[0]!;
  if (style === 'lines') return previous === 0 ? 1 : 0;
  // One half has ended, most often the left one.
  return previous ?? names.length - 1;
}

/** Words that are a level of their own under the column names (`决算数` under each). */
const LEVEL_WORD = /^(?:决算数|预算数|决算|预算|金额|执行数)$/;

/**
 * The value columns of a layout header between x `lo` and `hi`: the line with the most
 * header words gives the columns; a word on another line wider than one of them spans those
 * it covers (`财政拨款“三公”经费`); a narrow word belongs to the column under it and joins
 * its name (`附属单位` / `上缴收入`), or, under none, is a column of its own.
 */
function layoutHeader(header: TLine[], lo: number, hi: number, banner: Set<Tok>): { centers: number[]; paths: string[][] } | null {
  const lines = header.map((t) => t.toks.filter((k) => k.kind === 'text' && !banner.has(k) && !LABEL_WORD.test(k.text.replace(/\s/g, '')) && k.x >= lo && k.xEnd <= hi));
  const baseIndex = lines.reduce((best, ws, i) => (ws.length > lines[best]!.length ? i : best), 0);
  const base = lines[baseIndex];
  if (!base || base.length === 0) return null;
  const center = (k: Tok) => (k.x + k.xEnd) / 2;
  const cols = base.map((k) => ({ center: center(k), line: baseIndex, spans: [] as { line: number; text: string }[], stack: [{ line: baseIndex, text: k.text.replace(/\s/g, '') }] }));
  lines.forEach((ws, li) => {
    if (li === baseIndex) return;
    for (const w of ws) {
      const text = w.text.replace(/\s/g, '');
      const covered = cols.filter((c) => c.center >= w.x - 0.5 && c.center <= w.xEnd + 0.5);
      if (covered.length >= 2) {
        for (const c of covered) c.spans.push({ line: li, text });
        continue;
      }
      const near = cols.reduce<(typeof cols)[number] | null>((b, c) => (!b || Math.abs(c.center - center(w)) < Math.abs(b.center - center(w)) ? c : b), null);
      if (near && Math.abs(near.center - center(w)) <= 3) near.stack.push({ line: li, text });
      else cols.push({ center: center(w), line: li, spans: [], stack: [{ line: li, text }] });
    }
  });
  cols.sort((a, b) => a.center - b.center);
  const paths = cols.map((c) => {
    const stack = c.stack.sort((a, b) => a.line - b.line);
    const name = stack.filter((s) => !LEVEL_WORD.test(s.text)).map((s) => s.text).join('');
    const level = stack.filter((s) => LEVEL_WORD.test(s.text)).map((s) => s.text);
    return [...c.spans.sort((a, b) => a.line - b.line).map((s) => s.text), ...(name ? [name] : []), ...level];
  });
  return { centers: cols.map((c) => c.center), paths };
}

/** A fragment line in single-space text belongs to the half whose neighbouring row lacks a label. */
function fragmentPart(s: Segment, byLine: Map<number, Segment[]>): number {
  const sameLine = (byLine.get(s.line) ?? []).filter((x) => x.fragment);
  if (sameLine.length >= 2) return sameLine.indexOf(s) === 0 ? 0 : 1;
  const near = [...(byLine.get(s.line - 1) ?? []), ...(byLine.get(s.line + 1) ?? [])].filter((x) => !x.fragment);
  const lacking = near.find((x) => x.label.length === 0) ?? near.find((x) => !COMPLETE_LABEL.test(x.label.map((t) => t.text).join('')));
  return lacking?.part ?? 0;
}

/** Header words one per line as names: a name cut in two (`事业单位` / `经营收入`) joined. */
function headerNames(ws: string[]): string[] {
  const names: string[] = [];
  for (const w of ws) {
    const last = names[names.length - 1];
    // A lone character ends the name above it (`机关运行经费预算` / `数`).
    const continues = (!COMPLETE_LABEL.test(last ?? '') && !/数$/.test(last ?? '')) || /^[^类款项]$/.test(w);
    if (last !== undefined && continues) names[names.length - 1] = last + w;
    else names.push(w);
  }
  return names;
}

/**
 * One cell per line, two halves side by side: each half's header opens with 项目 and names its
 * columns (`项目` `预算数` | `项目` `合计` `一般公共预算` …), which rows with dropped blank cells
 * cannot tell. Null unless the header has two such groups.
 */
function halvesByHeader(header: TLine[], banner: Set<Tok>): number[] | null {
  const groups: string[][] = [];
  for (const k of header.flatMap((t) => t.words)) {
    const w = k.text.replace(/\s/g, '');
    if (w === '项目') groups.push([]);
    else if (groups.length && k.kind === 'text' && !banner.has(k) && !LABEL_WORD.test(w)) groups[groups.length - 1]!.push(w);
  }
  const widths = groups.map((g) => headerNames(g).length);
  return widths.length === 2 && widths.every((w) => w > 0) ? widths : null;
}

/** The value columns of a part and their header paths. */
function makeColumns(n: number, part: number, nParts: number, header: TLine[], widths: number[] | null, style: Style): Column[] {
  const paths: string[][] = Array.from({ length: n }, () => []);
  const words = (t: TLine) => (style === 'layout' ? t.toks : t.words).filter((k) => k.kind === 'text' && !LABEL_WORD.test(k.text.replace(/\s/g, '')) && !(nParts > 1 && /^(?:本年|财政拨款)?(收入|支出)$/.test(k.text.replace(/\s/g, ''))));
  if (style === 'lines') {
    // One header word per line: a name cut in two (`事业单位` / `经营收入`) is joined; the
    // last n names are the columns'.
    const names = headerNames(header.flatMap(words).map((w) => w.text.replace(/\s/g, '')));
    const own = nParts > 1 && widths ? names.slice(-(widths.reduce((a, b) => a + b, 0))).slice(part ? widths[0]! : 0, part ? undefined : widths[0]!) : names.slice(-n);
    // A 小计 under a parent (`公务用车购置及运行费` / `小计` `购置费` `运行费`) means some names
    // span others.
    const spanning = names.includes('小计') && names.length > n;
    if (own.length === n && !spanning) own.forEach((w, c) => paths[c]!.push(w));
    else if (spanning && nParts === 1) spannedPaths(names, n)?.forEach((p, c) => paths[c]!.push(...p));
  } else {
    for (const line of header) {
      let ws = words(line);
      if (nParts > 1 && widths && ws.length === widths.reduce((a, b) => a + b, 0)) ws = ws.slice(part ? widths[0]! : 0, part ? undefined : widths[0]!);
      if (ws.length === n) ws.forEach((w, c) => paths[c]!.push(w.text.replace(/\s/g, '')));
      else if (ws.length === 1 && nParts === 1 && n > 1 && /(数|经费)$/.test(ws[0]!.text)) paths.forEach((p) => p.push(ws[0]!.text.replace(/\s/g, '')));
    }
  }
  return paths.map((path, i) => {
    const clean = path.filter((t, k) => t !== path[k - 1] && !/^(收入|支出)$/.test(t) || nParts === 1);
    return { index: i, path: clean, name: clean.join(' / '), lineNo: null };
  });
}

/**
 * The column paths of a header of merged cells read one cell per line, row by row (the 三公 and
 * 机关运行经费 table: `“三公”经费预算数` `机关运行经费预算数` / `合计` `因公出国(境)费` `公务接待费`
 * `公务用车购置及运行费` / `小计` `购置费` `运行费`). The names from 小计 on are the bottom row, under
 * the name that holds their words; the leading names that end in 数 are the top row, whose
 * first ones span the rest and whose others are columns of their own at the right. Null when
 * that does not give `n` columns.
 */
function spannedPaths(names: string[], n: number): string[][] | null {
  const sub = names.indexOf('小计');
  const children = names.slice(sub);
  const stems = children.slice(1).map((c) => c.replace(/(?:维护)?费$/, ''));
  let parent = sub - 1;
  while (parent >= 0 && !(stems.length && stems.every((w) => w && names[parent]!.includes(w)))) parent--;
  if (parent < 0) return null;
  let top = 0;
  while (top < parent && /数$/.test(names[top]!)) top++;
  const middle = names.slice(top, sub).flatMap((name, i) => (top + i === parent ? children.map((c) => [name, c]) : [[name]]));
  const alone = n - middle.length;
  if (alone < 0 || alone > top) return null;
  const spans = names.slice(0, top - alone);
  return [...middle.map((p) => [...spans, ...p]), ...names.slice(top - alone, top).map((name) => [name])];
}

/**
 * The 三公 table prints one row of 预算数 / 决算数 pairs under the item headers. It is read
 * as one row per item (合计, 因公出国（境）费, 公务用车购置及运行维护费 / 小计, …, 公务接待费)
 * with the columns 预算数 and 决算数, so that `公务接待费 决算数` is row and column.
 */
function pairsAsRows(table: Table, header: TLine[], style: Style): Table | null {
  const n = table.columns.length;
  if (n < 4 || n % 2 !== 0 || table.rows.length !== 1) return null;
  const bottom = header.map((t) => t.words.filter((k) => k.kind === 'text').map((k) => k.text.replace(/\s/g, ''))).find((ws) => ws.length === n && ws.every((w, i) => (i % 2 === 0 ? /预算数?$/.test(w) : /决算数?$|执行数$/.test(w))));
  if (!bottom) return null;
  const itemCount = n / 2;
  // Item names: by position in layout text; else in the standard order of the national format.
  let items: string[] | null = null;
  // The national format's items, in its order, when the header names them all.
  const said = header.map((t) => t.words.map((k) => k.text).join('')).join('');
  if (itemCount === 6 && [/合计/, /因公出国/, /小计/, /购置费/, /运行维护费/, /接待费/].every((re) => re.test(said))) {
    items = ['合计', '因公出国（境）费', '公务用车购置及运行维护费/小计', '公务用车购置费', '公务用车运行维护费', '公务接待费'];
  }
  if (!items && style === 'layout') {
    const nameOf = (c: Column) => c.path.filter((p) => !/^(预算数?|决算数?)$/.test(p) && !/三公/.test(p));
    const names = Array.from({ length: itemCount }, (_, k) => {
      const a = nameOf(table.columns[2 * k]!);
      const b = nameOf(table.columns[2 * k + 1]!);
      const path = a.length >= b.length ? a : b;
      const item = path[path.length - 1];
      if (!item) return null;
      return item === '小计' && path.length > 1 ? `${path[path.length - 2]}/小计` : item;
    });
    if (names.every((x) => x)) items = names as string[];
  }
  const row = table.rows[0]!;
  const columns: Column[] = [
    { index: 0, path: ['预算数'], name: '预算数', lineNo: null },
    { index: 1, path: ['决算数'], name: '决算数', lineNo: null },
  ];
  const rows: Row[] = Array.from({ length: itemCount }, (_, k) => {
    const cells = [row.cells[2 * k]!, row.cells[2 * k + 1]!].map((c, i) => ({ ...c, column: columns[i]! }));
    const label = items ? items[k]! : '';
    return { ...row, label, code: null, cells, start: cells[0]!.start, end: cells[1]!.end, labelStart: cells[0]!.start, labelEnd: cells[0]!.start, uncertain: row.uncertain || !items };
  });
  return { ...table, columns, rows };
}

interface Joinable extends Row {
  fragment: boolean;
  codeAlone: boolean;
  heads?: number;
  tails?: number;
}

/**
 * Wrapped labels: text-only pieces between rows. They finish the row above while its label
 * does not yet end like a subject name; the rest start the row below.
 */
function joinFragments(drafts: Joinable[]): Joinable[] {
  const out: Joinable[] = [];
  let pending: Joinable[] = [];
  // Without subject codes, a label alone on its line is a row with blank cells
  // (`二、政府性基金预算财政拨款收入`), unless it finishes an unfinished label.
  const coded = drafts.filter((d) => d.code).length * 2 > drafts.filter((d) => !d.fragment).length;
  drafts.forEach((d, i) => {
    if (d.fragment && !coded) {
      const prev = out[out.length - 1];
      if (prev && prev.label !== '' && !COMPLETE_LABEL.test(prev.label) && !ENUMERATED.test(halfWidth(d.label))) {
        prev.label += d.label;
        prev.end = Math.max(prev.end, d.end);
      } else out.push({ ...d, fragment: false });
      return;
    }
    if (d.fragment) {
      const prev = out[out.length - 1];
      // A piece right above a row with no label of its own starts that row.
      const next = drafts[i + 1];
      if (next && !next.fragment && next.label === '') {
        pending.push(d);
        return;
      }
      // A short piece that ends a name (`支出`, `费支出`) finishes the row above even when
      // that row's label already looked whole (`…基本养老保险缴费` / `支出`).
      // A label wrapped around its code line has as many pieces below as above.
      const heads = prev?.heads ?? 0;
      const tails = prev?.tails ?? 0;
      const unfinished = !COMPLETE_LABEL.test(prev?.label ?? '') || d.label.length === 1 || (d.label.length <= 3 && COMPLETE_LABEL.test(d.label));
      const tail = tails < heads || (heads === 0 && tails === 0 && unfinished);
      if (prev && pending.length === 0 && prev.label !== '' && tail && !ENUMERATED.test(halfWidth(d.label))) {
        prev.tails = tails + 1;
        prev.label += d.label;
        prev.end = Math.max(prev.end, d.end);
      } else pending.push(d);
      return;
    }
    if (pending.length) {
      d.label = pending.map((p) => p.label).join('') + d.label;
      d.heads = pending.length;
      d.labelStart = pending[0]!.labelStart;
      d.start = Math.min(d.start, pending[0]!.start);
      pending = [];
    }
    out.push(d);
  });
  const last = out[out.length - 1];
  if (last && pending.length) last.label += pending.map((p) => p.label).join('');
  else if (pending.length) out.push(...pending.map((p) => ({ ...p, fragment: false })));
  return out.filter((d) => !d.fragment);
}
