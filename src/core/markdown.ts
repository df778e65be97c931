// The markdown structure the reader needs: the pipe tables (rows and cells with offsets) and
// every other line, with its heading depth. Reports are mostly plain text, and remark costs
// far more than the rest of a check, so the text is split into blocks that parse on their own
// and remark reads only the blocks that have markdown syntax it must interpret. A plain
// paragraph, an ATX heading and a pipe table written the usual way are read directly, to
// exactly the offsets remark gives them.
import type { Root, RootContent, Table as MdTable } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { RawCell, RawRow, RawTable } from './tables/model';
import type { Line } from './tables/text';

export interface StructureLine extends Line {
  /** The depth of the heading the line belongs to, or 0. */
  heading: number;
}

/** Markdown tables and the other lines, each list in document order. */
export interface Structure {
  tables: RawTable[];
  lines: StructureLine[];
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** The structure of the whole text. */
export function readStructure(text: string): Structure {
  const starts = blockStarts(text);
  const parts = starts.map((start, i) => readBlock(text, start, starts[i + 1] ?? text.length));
  return { tables: parts.flatMap((p) => p.tables), lines: parts.flatMap((p) => p.lines) };
}

// --- Where the text may be split -----------------------------------------------------------

const BLANK = /^[ \t]*\r?$/;
/** Code fences: markdown inside them is not markdown, and they may hold blank lines. */
const FENCE = /`{3}|~{3}/;
/** HTML blocks that go on through blank lines (CommonMark kinds 1–5), with how each ends. */
const HTML_OPEN = /<(?:script|pre|style|textarea)(?=[\s>]|$)|<!--|<\?|<!\[CDATA\[|<![A-Za-z]/gi;
const htmlEnd = (opener: string): RegExp =>
  opener === '<!--' ? /-->/g : opener === '<?' ? /\?>/g : opener === '<![CDATA[' ? /\]\]>/g : opener.startsWith('<!') ? />/g : /<\/(?:script|pre|style|textarea)>/gi;

/**
 * The offsets where a block starts that remark would parse the same on its own: a line at
 * column 0 after a blank line, which closes every paragraph, list, quote, table and HTML block
 * before it. Not inside an HTML block that spans blank lines; not after a code fence at all
 * (whether a fence is open depends on the lists around it; reports have none).
 * A byte-order mark shifts every offset remark gives, so such a text is parsed whole.
 */
export function blockStarts(text: string): number[] {
  const starts = [0];
  if (text.charCodeAt(0) === 0xfeff) return starts;
  let afterBlank = false;
  let htmlOpen: RegExp | null = null;
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(at, end);
    if (FENCE.test(line)) break;
    if (afterBlank && !htmlOpen && at > 0 && /^\S/.test(line)) starts.push(at);
    afterBlank = BLANK.test(line);
    htmlOpen = htmlAfter(line, htmlOpen);
    at = end + 1;
  }
  return starts;
}

/** Whether an HTML block of kinds 1–5 is open after `line`, given whether one was before it. */
function htmlAfter(line: string, open: RegExp | null): RegExp | null {
  let from = 0;
  for (;;) {
    if (open) {
      open.lastIndex = from;
      if (!open.exec(line)) return open;
      from = open.lastIndex;
      open = null;
    }
    HTML_OPEN.lastIndex = from;
    const opener = HTML_OPEN.exec(line);
    if (!opener) return null;
    open = htmlEnd(opener[0]);
    from = HTML_OPEN.lastIndex;
  }
}

// --- One block -------------------------------------------------------------------------------

/** The structure of the block [start, end) of `text`: read directly when it is plain, else by remark. */
export function readBlock(text: string, start: number, end: number): Structure {
  const content = contentLines(text, start, end);
  if (content.length === 0) return { tables: [], lines: [] };
  // A blank line inside means the next line is indented: it may be code or a list's.
  if (content.some((l) => BLANK.test(text.slice(l.start, l.end)))) return parseBlock(text, start, end);
  return pipeTable(text, content) ?? plainBlock(text, content) ?? parseBlock(text, start, end);
}

/** The block's lines up to its last non-blank one, each without its line ending. */
function contentLines(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  for (let at = start; at < end; ) {
    const nl = text.indexOf('\n', at);
    const next = nl === -1 || nl >= end ? end : nl + 1;
    const lineEnd = nl === -1 || nl >= end ? end : text[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ start: at, end: lineEnd });
    at = next;
  }
  while (lines.length && BLANK.test(text.slice(lines[lines.length - 1]!.start, lines[lines.length - 1]!.end))) lines.pop();
  return lines;
}

/**
 * Whether a line could open a block other than a paragraph's next line: a quote, heading,
 * HTML block, definition, code fence, table, list item, thematic break or setext underline.
 * Errs towards yes (`#5` is no heading, but remark will tell). Inline tags (`<b>`, `<br>`)
 * open a block only as a paragraph's first line, which `opensFirst` checks.
 */
const OPENS_BLOCK =
  /^[ \t]*(?:[>#[`~|]|<(?!\/?(?:a|b|br|em|font|i|img|span|strong|sub|sup|u)(?:[\s/>]|$))|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|[-=]+[ \t]*$|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/i;
const opensFirst = (line: string) => OPENS_BLOCK.test(line) || /^[ \t]*</.test(line);
const ATX = /^(#{1,6})(?:[ \t]|$)/;
/** A list item of one line: bullet or number, 1–4 spaces, then its paragraph. */
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)]) {1,4}(?=\S)/;

/**
 * A block that remark reads as an optional ATX heading followed by one paragraph or by list
 * items of one line each. Every line starts at column 0 (else indentation would matter), no
 * line opens another construct, and no `|` could make a table. A paragraph's lines run to
 * the line feed, the last to the end of its content.
 */
function plainBlock(text: string, content: Line[]): Structure | null {
  const lines: StructureLine[] = [];
  let rest = content;
  const heading = ATX.exec(text.slice(content[0]!.start, content[0]!.end));
  if (heading) {
    lines.push({ ...content[0]!, heading: heading[1]!.length });
    rest = content.slice(1);
  }
  if (rest.length === 0) return { tables: [], lines };
  const sources = rest.map((l) => text.slice(l.start, l.end));
  if (!/^\S/.test(sources[0]!) || sources.some((s) => s.includes('|'))) return null;
  const markers = sources.map((s) => LIST_ITEM.exec(s)?.[0].length ?? 0);
  if (markers.every((m) => m > 0)) {
    if (sources.some((s, i) => opensFirst(s.slice(markers[i]!)))) return null;
    rest.forEach((l, i) => lines.push({ start: l.start + markers[i]!, end: l.end, heading: 0 }));
    return { tables: [], lines };
  }
  if (opensFirst(sources[0]!) || sources.some((s) => OPENS_BLOCK.test(s))) return null;
  const last = rest[rest.length - 1]!;
  for (const line of rest) lines.push({ start: line.start, end: line === last ? line.end : text.indexOf('\n', line.start), heading: 0 });
  return { tables: [], lines };
}

const DELIMITER_ROW = /^\|(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*$/;

/**
 * A block that is one GFM pipe table: every line starts with `|` at column 0, and the second
 * is a delimiter row with as many cells as the header.
 * Rows and cells get remark's offsets: a row is its line without the ending; a cell runs from
 * its leading pipe to the next one, the last cell to the end of the row; the table ends with
 * its last line, the delimiter row when it has no body.
 */
function pipeTable(text: string, content: Line[]): Structure | null {
  if (content.length < 2 || content.some((l) => text[l.start] !== '|')) return null;
  const [header, delimiter, ...body] = content.map((line) => pipeRow(text, line)) as [RawRow, RawRow, ...RawRow[]];
  if (!DELIMITER_ROW.test(text.slice(delimiter.start, delimiter.end)) || delimiter.cells.length !== header.cells.length) return null;
  const kept = [header, ...body];
  const table: RawTable = { format: 'markdown', rows: kept.map((r) => contentOf(text, r)), start: header.start, end: content[content.length - 1]!.end };
  return { tables: [table], lines: [] };
}

/** A table row as remark positions its cells; in a cell, `\|` and `\\` are escapes. */
function pipeRow(text: string, line: Line): RawRow {
  let contentEnd = line.end;
  while (contentEnd > line.start && (text[contentEnd - 1] === ' ' || text[contentEnd - 1] === '\t')) contentEnd--;
  const pipes: number[] = [];
  for (let i = line.start; i < contentEnd; i++) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '|' || text[i + 1] === '\\')) i++;
    else if (c === '|') pipes.push(i);
  }
  // The trailing pipe closes the last cell rather than opening one.
  if (pipes.length > 1 && pipes[pipes.length - 1] === contentEnd - 1) pipes.pop();
  const cells = pipes.map((p, k) => ({ start: p, end: pipes[k + 1] ?? line.end }));
  return { cells, start: line.start, end: line.end };
}

// --- remark, for everything else -------------------------------------------------------------

/** Parses [start, end) with remark and collects its leaf blocks, at offsets into `text`. */
function parseBlock(text: string, start: number, end: number): Structure {
  const tables: RawTable[] = [];
  const lines: StructureLine[] = [];
  const visit = (node: RootContent) => {
    const nodeStart = node.position?.start.offset;
    const nodeEnd = node.position?.end.offset;
    if (nodeStart === undefined || nodeEnd === undefined) return;
    if (node.type === 'table') tables.push(markdownTable(text, node, start));
    else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') node.children.forEach((c) => visit(c as RootContent));
    else if (node.type !== 'thematicBreak') {
      const heading = node.type === 'heading' ? node.depth : 0;
      const last = start + nodeEnd;
      for (let s = start + nodeStart; s <= last; ) {
        const nl = text.indexOf('\n', s);
        const e = nl === -1 || nl > last ? last : nl;
        lines.push({ start: s, end: e, heading });
        s = e + 1;
      }
    }
  };
  (parser.parse(text.slice(start, end)) as Root).children.forEach(visit);
  return { tables, lines };
}

function markdownTable(text: string, node: MdTable, offset: number): RawTable {
  const rows = node.children.map((row) =>
    contentOf(text, {
      cells: row.children.map((c) => ({ start: offset + c.position!.start.offset!, end: offset + c.position!.end.offset! })),
      start: offset + row.position!.start.offset!,
      end: offset + row.position!.end.offset!,
    }),
  );
  return { format: 'markdown', rows, start: offset + node.position!.start.offset!, end: offset + node.position!.end.offset! };
}

/** A cell narrowed to its content: pipes and padding excluded. */
export function cellContent(text: string, { start, end }: RawCell): RawCell {
  let a = start;
  let b = end;
  if (text[a] === '|') a++;
  // A row's last cell runs to the line's end, past spaces after its closing pipe (a blanked directive).
  let close = b;
  while (close > a && (text[close - 1] === ' ' || text[close - 1] === '\t')) close--;
  if (close > a && text[close - 1] === '|' && text[close - 2] !== '\\') b = close - 1;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return { start: a, end: b };
}

/** The row with each cell narrowed to its content. */
function contentOf(text: string, row: RawRow): RawRow {
  return { cells: row.cells.map((c) => cellContent(text, c)), start: row.start, end: row.end };
}
