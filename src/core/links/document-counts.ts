// Counts of the report's own parts: `对 2024 年度 7 项部门项目支出开展了绩效自评` (its 项目支出绩效自评表),
// `“A”、“B”…等7个项目` (the names it lists), `4个一级指标、9个二级指标和38个三级指标` (the rows of its
// 绩效评价指标体系). Each is linked to the things it counts, when the words say what they are.
import type { Message } from '../finding';
import type { Figure } from '../figures';
import type { Template } from '../identities';
import type { Block, Report } from '../report';
import { performanceTables } from '../tables/performance';
import { halfWidth, maskMarkup } from '../text';
import { nameKey, nameScore } from './performance';

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
/** `（二）市级预算项目绩效自评结果。`: the part of the 绩效 section on the projects of one kind. */
const KIND_PART = /^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*([^，,。；;：:（()）]{2,20}?)项目\s*(?:支出)?\s*绩效自评(?:结果|情况)/;
/** `（四）部门评价结果。`: the next lettered part. */
const PART_OPEN = /^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]/;
/** `1. 职工长期护理保险财政补助项目项目绩效自评综述：` (a list item: its number is the list's): a paragraph on one project. */
const NUMBERED_PROJECT = /^\s*(?:\d{1,2}\s*[.、．]\s*)?([^，,。；;：:]{2,60}?项目(?:[（(][^（()）]{1,10}[)）])?)(?:项目)?\s*(?:绩效)?自评(?:综述|情况|结果)?\s*[：:]/;
/** `4个项目自评等级为优`: the projects of a grade. */
const GRADED = /^\s*个\s*项目\s*(?:的)?\s*(?:自评)?\s*(?:等级|评级)\s*(?:为|是)\s*[“"]?(优秀?|良好?|中|合格|不合格|差)/;
const GRADE = /^(?:优秀?|良好?|中|合格|不合格|差)$/;
/** `4个一级指标`: indicators of a level of the 绩效评价指标体系. */
const LEVEL = /^\s*个\s*([一二三])级指标/;
const LEVELS = ['一', '二', '三'] as const;

/** The counts of the prose linked to the parts of the report they count. */
export function readDocumentCounts(report: Report, template: Template | null): DocumentCount[] {
  const { norm } = report;
  const forms = template?.performance ? performanceTables(report, template.performance).filter((t) => t.kind === 'project') : [];
  const indicatorTables = readIndicatorTables(report);
  const parts = readKindParts(report);
  const summary = readSummaryRows(report);
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
    // `市级预算项目 6 个`, `…市级预算绩效自评的6个项目中，4个项目自评等级为优`, `（二）市级预算项目绩效自评结果。…对我局6个项目…`:
    // the kind is the one named last before the count in its sentence, else the one its paragraph opens with.
    if (/^\s*个\s*项目/.test(after) || /项目\s*$/.test(sentence)) {
      const words = hanOnly(sentence);
      const named = parts.map((p) => ({ p, at: words.lastIndexOf(p.kind) })).filter((x) => x.at >= 0).sort((x, y) => y.at - x.at)[0]?.p;
      const part = named ?? parts.find((p) => p.start === block!.start && f.start > p.start);
      const grade = GRADED.exec(after)?.[1];
      if (grade && summary.length) {
        // Of the kind: the summary's rows that name one of the kind's projects.
        const rows = summary.filter((r) => r.grade === grade && (!part || part.projects.some((p) => nameScore(nameKey(p.text), nameKey(r.name)) > 0)));
        const of = part ? `${part.kind}项目中` : '';
        push({ zh: `绩效自评情况汇总表中${of}自评等级为“${grade}”的项目`, en: `the projects ${part ? `of ${part.kind} ` : ''}graded ${grade} in the 绩效自评情况汇总表` }, rows.map((r) => ({ text: r.name, start: r.start, end: r.end })));
        continue;
      }
      if (part && !grade) {
        push({ zh: `“${part.kind}项目绩效自评结果”部分所列项目`, en: `the projects the part on ${part.kind} projects lists` }, part.projects);
        continue;
      }
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

type Span = DocumentCount['items'][number];

/**
 * The rows of a table block as cell spans, from its lines: markdown pipe rows or tab-separated
 * rows; the first `limit` of them (the header, to tell whether the rest is worth reading).
 */
function blockRows(report: Report, block: Block, limit = Infinity): Span[][] {
  const out: Span[][] = [];
  let lineStart = block.start;
  for (const line of report.norm.slice(block.start, block.end).split('\n')) {
    if (out.length >= limit) break;
    const at = lineStart;
    lineStart += line.length + 1;
    if (!line.trim() || /^[\s|:-]*$/.test(line)) continue;
    const pipe = line.trimStart().startsWith('|');
    let cells = line.split(pipe ? '|' : '\t');
    let offset = at;
    if (pipe) {
      offset += line.indexOf('|') + 1;
      cells = cells.slice(1, line.trimEnd().endsWith('|') ? -1 : undefined);
    }
    out.push(
      cells.map((c) => {
        const text = c.trim();
        const span = { text: halfWidth(maskMarkup(text)), start: offset + c.indexOf(text), end: offset + c.indexOf(text) + text.length };
        offset += c.length + 1;
        return span;
      }),
    );
  }
  return out;
}

const cellKey = (s: string) => s.replace(/\s/g, '');

interface IndicatorTable {
  start: number;
  /** The indicators of each level (一级, 二级, 三级): the rows that name one, in order. */
  levels: Span[][];
}

/**
 * The report's 绩效评价指标体系: tables whose header names 一级指标, 二级指标 and 三级指标, each page's
 * part opening with the header again. A level's cell is filled where an indicator of it starts
 * (the ones below it, left blank, are its rows).
 */
function readIndicatorTables(report: Report): IndicatorTable[] {
  const out: IndicatorTable[] = [];
  let open: (IndicatorTable & { columns: number[] }) | null = null;
  for (const block of report.blocks) {
    if (block.kind !== 'table') continue;
    const header = blockRows(report, block, 1)[0]?.map((c) => cellKey(c.text));
    const columns = header ? LEVELS.map((l) => header.indexOf(`${l}级指标`)) : [];
    if (!header || columns.some((c) => c < 0)) {
      open = null;
      continue;
    }
    const rows = blockRows(report, block);
    if (!open || columns.join() !== open.columns.join()) {
      open = { start: block.start, levels: [[], [], []], columns };
      out.push(open);
    }
    for (const spans of rows.slice(1)) {
      // A page's part opens with the header again.
      if (columns.every((col, level) => cellKey(spans[col]?.text ?? '') === `${LEVELS[level]}级指标`)) continue;
      columns.forEach((col, level) => {
        const cell = spans[col];
        if (cell && /\p{Script=Han}/u.test(cell.text)) open!.levels[level]!.push(cell);
      });
    }
  }
  return out;
}

/** A project of a 绩效自评情况汇总表 with its 自评等级: the span is the grade's cell. */
interface GradedProject extends Span {
  name: string;
  grade: string;
}

/** The rows of the report's 绩效自评情况汇总表: tables whose header names 项目名称 and 自评等级. */
function readSummaryRows(report: Report): GradedProject[] {
  const out: GradedProject[] = [];
  for (const block of report.blocks) {
    if (block.kind !== 'table') continue;
    const header = blockRows(report, block, 1)[0]?.map((c) => cellKey(c.text));
    const name = header?.indexOf('项目名称') ?? -1;
    const grade = header?.findIndex((h) => /^(?:自评)?等级$/.test(h)) ?? -1;
    if (name < 0 || grade < 0) continue;
    const rows = blockRows(report, block);
    for (const row of rows.slice(1)) {
      const [n, g] = [row[name], row[grade]];
      if (n && g && /\p{Script=Han}/u.test(n.text) && GRADE.test(cellKey(g.text))) out.push({ ...g, text: cellKey(n.text), name: cellKey(n.text), grade: cellKey(g.text) });
    }
  }
  return out;
}

/** The projects of one kind, as the 绩效 section's part on them lists them. */
interface KindPart {
  /** The kind's words (`市级预算`, `上级对地方转移支付`), Han characters only. */
  kind: string;
  /** Where the part's opening paragraph starts. */
  start: number;
  projects: Span[];
}

/**
 * The parts of the 绩效 section on the projects of one kind (`（二）市级预算项目绩效自评结果。…`,
 * `（三）上级对地方转移支付项目绩效自评结果。…`) and the projects their numbered paragraphs are on
 * (`1. 职工长期护理保险财政补助项目项目绩效自评综述：…`), up to the next lettered part or heading.
 */
function readKindParts(report: Report): KindPart[] {
  const out: KindPart[] = [];
  let open: KindPart | null = null;
  for (const block of report.blocks) {
    if (block.kind === 'table') continue;
    const text = report.norm.slice(block.start, Math.min(block.end, block.start + 200));
    const part = KIND_PART.exec(text);
    if (part) {
      open = { kind: hanOnly(part[1]!), start: block.start, projects: [] };
      out.push(open);
      continue;
    }
    if (block.kind === 'heading' || PART_OPEN.test(text)) open = null;
    const project = open && NUMBERED_PROJECT.exec(text);
    if (project) open!.projects.push({ text: cellKey(project[1]!), start: block.start + project.index + project[0].indexOf(project[1]!), end: block.start + project.index + project[0].indexOf(project[1]!) + project[1]!.length });
  }
  return out.filter((p) => p.projects.length);
}

const hanOnly = (s: string) => s.replace(/[^\p{Script=Han}]/gu, '');
