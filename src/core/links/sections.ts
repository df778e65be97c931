// Which tables a stretch of prose is about: the section headings above it that name a table
// (`五、一般公共预算财政拨款支出决算情况说明` → 公开05表), nearest first.
import type { Block, Report } from '../report';
import type { Table } from '../tables/model';
import { halfWidth, labelKey } from '../text';

const TITLE_NOISE = /情况说明|说明|总体情况|情况|总体|具体|结构|[(（][一二三四五六七八九十]+[)）]|^[一二三四五六七八九十]+、|\d+[.、]/g;

/** Tables by their title's words, each list in document order. */
type TitleIndex = Map<string, Table[]>;

function titleIndex(tables: Table[]): TitleIndex {
  const index: TitleIndex = new Map();
  for (const t of tables) {
    if (!(t.code ?? t.identity) || !t.title) continue;
    const key = labelKey(t.title);
    const same = index.get(key);
    if (same) same.push(t);
    else index.set(key, [t]);
  }
  return index;
}

/**
 * The tables a section heading introduces: those with the shortest title that contains the
 * heading's words — of the report the heading is in (the nearest such table before it), with
 * the other parts of the same table (01表's 收入 and 支出).
 */
function sectionTable(heading: string, at: number, index: TitleIndex): Table[] {
  const key = labelKey(heading).replace(TITLE_NOISE, '').replace(/。.*$/, '').replace(/决算$/, '');
  if (key.length < 2) return [];
  let best: Table[] | null = null;
  for (const [title, tables] of index) if (title.includes(key) && (!best || title.length < labelKey(best[0]!.title!).length)) best = tables;
  if (!best) return [];
  const before = best.filter((t) => t.start < at);
  const chosen = before[before.length - 1] ?? best[0]!;
  return best.filter((t) => (t.code ?? t.identity) === (chosen.code ?? chosen.identity) && t.start < chosen.end && chosen.start < t.end);
}

const HEADING_LIKE = /^\s*(?:#+\s*)?(?:\*\*)?\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;

/** For each prose block, the table its section is about (nearest heading that names one). */
export function sectionTables(report: Report): Map<Block, { tables: Table[]; heading: string }> {
  const out = new Map<Block, { tables: Table[]; heading: string }>();
  let heading = '';
  const stack: { depth: number; tables: Table[] }[] = [];
  const index = titleIndex(report.tables);
  for (const block of report.blocks) {
    if (block.kind === 'table') continue;
    // From the start of the line: a list item's marker (`1.`, `-`) is outside its paragraph.
    const lineStart = report.text.lastIndexOf('\n', block.start - 1) + 1;
    const firstLine = report.text.slice(lineStart, block.end).split('\n')[0]!;
    // A heading is short: test only the start of the line (and keep the pattern linear).
    const headingLike = block.kind === 'heading' || (HEADING_LIKE.test(firstLine.slice(0, 60)) && firstLine.replace(/。.*$/, '').length <= 40);
    if (headingLike) {
      const depth = outlineDepth(firstLine);
      while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
      stack.push({ depth, tables: sectionTable(firstLine.replace(/^[#*\s-]+/, ''), block.start, index) });
      heading = firstLine.replace(/。.*$/, '');
    }
    const tables = [...stack].reverse().flatMap((s) => s.tables);
    // A numbered paragraph (`2. 职工长期护理保险…项目：`) is a subject of its own.
    const item = /^\s*(?:[-*]\s*)?(?:\d+[.、]|[（(]\d+[)）])\s*([^：:。，,]{2,40})/.exec(firstLine);
    out.set(block, { tables, heading: heading + (item ? '|' + item[1] : '') });
  }
  return out;
}

/**
 * The tables a subject path (类/款/项) is looked up in when no heading names one (`财政拨款支出
 * 主要内容如下：`): the identified expenditure tables by function subject code, in document order.
 */
export function subjectTables(report: Report): Table[] {
  const income = (t: Table) => /收入/.test(t.title ?? '') && !/支出/.test(t.title ?? '');
  return report.tables.filter((t) => (t.code ?? t.identity) && !income(t) && t.rows.some((r) => r.code?.length === 7));
}

/** 第一部分 > 一、 > （一） > 1. > (1): the outline level of a heading. */
function outlineDepth(line: string): number {
  const s = halfWidth(line).replace(/^[#*\s-]+/, '');
  if (/^第[一二三四五六七八九十]+部分/.test(s)) return 1;
  if (/^[一二三四五六七八九十]+、/.test(s)) return 2;
  if (/^\([一二三四五六七八九十]+\)/.test(s)) return 3;
  if (/^\d+[.、]/.test(s)) return 4;
  return 5;
}
