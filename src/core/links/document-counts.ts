// Counts of the report's own parts: `对 2024 年度 7 项部门项目支出开展了绩效自评` (its 项目支出绩效自评表),
// `“A”、“B”…等7个项目` (the names it lists), `4个一级指标、9个二级指标和38个三级指标` (the rows of its
// 绩效评价指标体系). Each is linked to the things it counts, when the words say what they are.
import type { Message } from '../finding';
import type { Figure } from '../figures';
import type { Template } from '../identities';
import type { Block, Report } from '../report';
import { performanceTables } from '../tables/performance';
import { halfWidth, maskMarkup } from '../text';

export interface DocumentCount {
  figure: Figure;
  /** What is counted, in words. */
  what: Message;
  /** The things counted, where the report has them. */
  items: { text: string; start: number; end: number }[];
  agrees: boolean;
}

/** `7 项部门项目支出开展了绩效自评`, `对我局6个项目进行了绩效自评`: projects self-evaluated. */
const SELF_EVALUATED = /^\s*(?:项|个)[^。；;，,]{0,12}?项目[^。；;，,]{0,12}?(?:开展|进行)了?\s*(?:绩效)?自评/;
/** `…等7个项目绩效自评结果`, `…等6个项目的绩效自评表`: the projects whose forms the report shows. */
const REFLECTED = /^\s*个\s*项目\s*(?:的)?\s*绩效自评(?:结果|表)/;
/**
 * Words that name a kind of project (`市级预算项目`, `上级对地方转移支付项目`, `一级项目`): a count of
 * one kind is not a count of every form the report attaches.
 */
const PROJECT_KIND = /[省市县区]级|本级|上级|下级|转移支付|市对下|[一二三]级项目/;
/** `…等6个项目`: the count closes a list of names. */
const LISTED = /等\s*$/;
/** Words that open a list of names: `组织对`, `以及`, `包括`. */
const LIST_LEAD = /^\s*(?:组织)?(?:对|以及|包括)\s*/;
/** `4个一级指标`: indicators of a level of the 绩效评价指标体系. */
const LEVEL = /^\s*个\s*([一二三])级指标/;
const LEVELS = ['一', '二', '三'] as const;

/** The counts of the prose linked to the parts of the report they count. */
export function readDocumentCounts(report: Report, template: Template | null): DocumentCount[] {
  const { norm } = report;
  const forms = template?.performance ? performanceTables(report, template.performance).filter((t) => t.kind === 'project') : [];
  const indicatorTables = readIndicatorTables(report);
  const out: DocumentCount[] = [];
  let block: Block | undefined;
  let b = 0;
  for (const f of report.figures) {
    if (f.kind !== 'count' || (f.unit !== '个' && f.unit !== '项') || !f.value.isInteger()) continue;
    while (b < report.blocks.length && report.blocks[b]!.end <= f.start) b++;
    block = report.blocks[b];
    if (!block || block.kind === 'table') continue;
    const after = norm.slice(f.end, f.end + 40);
    const before = norm.slice(Math.max(0, f.start - 400), f.start);
    const sentence = before.slice(before.lastIndexOf('。') + 1);
    // The kind of project is named in the count's sentence, or where its paragraph opens (`（二）市级预算项目绩效自评结果。`).
    const ofKind = PROJECT_KIND.test(sentence) || PROJECT_KIND.test(norm.slice(block.start, Math.min(f.start, block.start + 40)));
    const push = (what: Message, items: DocumentCount['items']) => out.push({ figure: f, what, items, agrees: f.value.eq(items.length) });

    const names = /^\s*个\s*项目/.test(after) && LISTED.test(sentence) ? listedNames(norm, f.start - before.length + before.lastIndexOf('。') + 1, f.start) : null;
    if (names) {
      push({ zh: '所列项目名称', en: 'the projects named in the list' }, names);
      continue;
    }
    if (forms.length && (SELF_EVALUATED.test(after) || REFLECTED.test(after)) && !ofKind) {
      push({ zh: '报告所附项目支出绩效自评表', en: 'the project self-evaluation forms (项目支出绩效自评表) of the report' }, forms.map((t) => ({ text: t.project, start: t.start, end: t.end })));
      continue;
    }
    const level = LEVEL.exec(after);
    const table = level && indicatorTables.find((t) => t.start > f.start);
    if (level && table) {
      const at = LEVELS.indexOf(level[1] as (typeof LEVELS)[number]);
      push({ zh: `指标体系表中的${level[1]}级指标`, en: `the level-${at + 1} indicators (${level[1]}级指标) of the indicator table` }, table.levels[at]!);
    }
  }
  return out;
}

/**
 * The names of a list the count closes (`组织对A项目、B项目、…F项目等6个项目`, `“A”、“B”…“G”等7个
 * 项目`): quoted names, or names that each end in 项目 (a name may hold a 、: `聊城市直离休、二乙以上
 * 伤残军人…统筹金项目`). Null when the list is not of either shape: its names are then not certain.
 */
function listedNames(norm: string, from: number, at: number): DocumentCount['items'] | null {
  const text = norm.slice(from, at);
  const end = text.search(/等\s*$/);
  // The list is the sentence's last clause (a name holds no ， or ；).
  const start = Math.max(text.lastIndexOf('，', end), text.lastIndexOf(',', end), text.lastIndexOf('；', end), text.lastIndexOf(';', end)) + 1;
  // The clause's verb before the first name (`组织对`, `以及`) is not part of it.
  const lead = LIST_LEAD.exec(text.slice(start, end))?.[0].length ?? 0;
  const list = text.slice(start + lead, end);
  const quoted = [...list.matchAll(/["“]([^"“”]{1,60})["”]/g)];
  if (quoted.length >= 2 && list.replace(/["“][^"“”]{1,60}["”]/g, '').replace(/^[^、"“]*/, '').replace(/[\s、]/g, '') === '') {
    return quoted.map((m) => ({ text: m[1]!.replace(/\s+/g, ''), start: from + start + lead + m.index!, end: from + start + lead + m.index! + m[0].length }));
  }
  const out: DocumentCount['items'] = [];
  let next = 0;
  for (const m of list.matchAll(/项目\s*(?:、|$)/g)) {
    out.push({ text: list.slice(next, m.index + 2).replace(/\s+/g, ''), start: from + start + lead + next, end: from + start + lead + m.index + 2 });
    next = m.index + m[0].length;
  }
  return out.length >= 2 && list.slice(next).trim() === '' ? out : null;
}

interface IndicatorTable {
  start: number;
  /** The indicators of each level (一级, 二级, 三级): the rows that name one, in order. */
  levels: DocumentCount['items'][];
}

/**
 * The report's 绩效评价指标体系: tables whose header names 一级指标, 二级指标 and 三级指标, each page's
 * part opening with the header again. A level's cell is filled where an indicator of it starts
 * (the ones below it, left blank, are its rows); a row that fills no level goes on the row above.
 */
function readIndicatorTables(report: Report): IndicatorTable[] {
  const out: IndicatorTable[] = [];
  let open: (IndicatorTable & { columns: number[] }) | null = null;
  for (const block of report.blocks) {
    if (block.kind !== 'table') continue;
    const rows: { line: string; start: number }[] = [];
    let lineStart = block.start;
    for (const line of report.norm.slice(block.start, block.end).split('\n')) {
      if (line.trim() && !/^[\s|:-]*$/.test(line)) rows.push({ line, start: lineStart });
      lineStart += line.length + 1;
    }
    const cellsOf = (line: string) => {
      const pipe = line.trimStart().startsWith('|');
      const cells = line.split(pipe ? '|' : '\t');
      return pipe ? cells.slice(1, line.trimEnd().endsWith('|') ? -1 : undefined) : cells;
    };
    const header = rows[0] && cellsOf(rows[0].line).map((c) => halfWidth(maskMarkup(c)).replace(/\s/g, ''));
    const columns = header ? LEVELS.map((l) => header.indexOf(`${l}级指标`)) : [];
    if (!header || columns.some((c) => c < 0)) {
      open = null;
      continue;
    }
    if (!open || columns.join() !== open.columns.join()) {
      open = { start: block.start, levels: [[], [], []], columns };
      out.push(open);
    }
    for (const { line, start } of rows.slice(1)) {
      const cells = cellsOf(line);
      let offset = start + (line.trimStart().startsWith('|') ? line.indexOf('|') + 1 : 0);
      const spans = cells.map((c) => {
        const span = { text: c.trim(), start: offset + c.indexOf(c.trim()), end: offset + c.indexOf(c.trim()) + c.trim().length };
        offset += c.length + 1;
        return span;
      });
      // A page's part opens with the header again.
      if (columns.every((col, level) => halfWidth(spans[col]?.text ?? '').replace(/\s/g, '') === `${LEVELS[level]}级指标`)) continue;
      columns.forEach((col, level) => {
        const cell = spans[col];
        if (cell && /\p{Script=Han}/u.test(cell.text)) open!.levels[level]!.push(cell);
      });
    }
  }
  return out;
}
