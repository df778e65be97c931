// What a model is told about one variance: the engine finds the completion or change claim,
// the explanation that follows it (missing, empty, generic or given), and builds a compact
// brief — the subject, its figures, the table, the department's other reasons — never the
// whole document unless asked.
import type Decimal from 'decimal.js';
import type { CheckResult } from '../core/check';
import type { Claim } from '../core/claims';
import { isSerious } from '../core/finding';
import type { Figure } from '../core/figures';
import { type AmountUnit, formatNumber, isAmountUnit } from '../core/number';
import type { Link } from '../core/links/link';

export type Variance = Extract<Claim, { kind: 'completion' | 'change' }>;

/** How the report explains a variance. */
export type ExplanationState = 'missing' | 'empty' | 'generic' | 'given';

export interface Explanation {
  state: ExplanationState;
  /** The explanation's words (after `主要原因是：`); for a missing one, where a draft would go. */
  start: number;
  end: number;
  text: string;
}

export interface ExplainedClaim {
  claim: Variance;
  /** From the start of the claim's sentence to the end of its explanation. */
  start: number;
  end: number;
  /** Where the claim's own figures end. */
  claimEnd: number;
  explanation: Explanation;
  /** The figures differ: the reports must explain why. */
  varies: boolean;
}

/** A figure of the brief: as the report writes it, or computed exactly by the engine. */
export interface BriefFigure {
  role: 'budget' | 'actual' | 'completion-rate' | 'difference' | 'this-year' | 'change' | 'change-rate' | 'last-year';
  text: string;
  unit: string | null;
  source: 'report' | 'computed';
}

/** Sent to the model (as JSON): everything it needs to write one reason, and nothing more. */
export interface Brief {
  kind: 'completion' | 'change';
  /** The subject: its 类/款/项 path or row label, as the report's tables name it. */
  subject: string;
  subjectCode: string | null;
  /** The sentence that states the variance, as written. */
  sentence: string;
  direction: 'actual-above-budget' | 'actual-below-budget' | 'actual-equals-budget' | 'increase' | 'decrease' | 'unchanged';
  figures: BriefFigure[];
  table: { code: string | null; title: string | null; row: string; rowCode: string | null; column: string } | null;
  /** What the report says now, and why it needs a draft. */
  existing: { state: ExplanationState; text: string };
  /** The words the draft continues: `决算数小于预算数的主要原因是：`. */
  leadIn: string;
  /** Problems the engine found in the sentence's own figures (so the draft does not repeat them). */
  engineFindings: string[];
  /** Reasons the department gives for other variances in this report, nearest first. */
  otherReasons: string[];
  conventions: string[];
  /** Only when the user asked for it. */
  document?: string;
}

/** A value the engine computed for the brief, against which a draft's figures are traced. */
export interface KnownFigure {
  value: Decimal;
  unit: string | null;
  decimals: number;
  label: { zh: string; en: string };
}

/** Where a draft goes: the text `lead + reason + tail` replaces [start, end). */
export interface Placement {
  start: number;
  end: number;
  lead: string;
  tail: string;
}

export interface DraftTarget {
  explained: ExplainedClaim;
  brief: Brief;
  known: KnownFigure[];
  placement: Placement;
}

const REASON_LEAD = /(?:主要)?原因(?:主要)?(?:是|为|在于|如下)?\s*[:：]?|(?<=(?:^|[。,;])\s*)主要(?:是|由于|因为|系)\s*[:：]?/;
/** Explanations that explain nothing. */
const GENERIC = /^(?:正常浮动|正常波动|浮动|波动|无|略|暂无|其他|其它|同上|不适用|无特殊原因|无特别原因|无重大变化|无明显变化|详见说明|见说明|略有差异|差异不大)$/;
const PUNCTUATION = /[\s。，,；;：:、.．…—\-“”"'‘’()（）]/g;
/** A new numbered item or heading starts: an explanation never runs into one. */
const ITEM_START = /^(?:[-*|#]|\d+[.、]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/;
const MAX_EXPLANATION = 400;
const MAX_OTHER_REASONS = 6;
const MAX_REASON_CHARS = 120;

const claimFigures = (c: Variance): Figure[] => (c.kind === 'completion' ? [c.budget, c.actual, c.rate] : [c.current, c.delta, ...(c.rate ? [c.rate] : [])]);

/** Where the claim's own words end: its last figure, or a closing `（基数为 0，不可比）`. */
function claimEnd(text: string, c: Variance): number {
  let end = Math.max(...claimFigures(c).map((f) => f.unitEnd));
  if (c.kind === 'change' && c.zeroBase) end = Math.max(end, c.zeroBase.end);
  const close = /^[^（()）。，,；;\n]{0,20}[)）]/.exec(text.slice(end, end + 24));
  return close ? end + close[0].length : end;
}

/** Start of the sentence that holds `at`, within [from, at]. */
function sentenceStart(norm: string, from: number, at: number): number {
  for (let i = at - 1; i >= from; i--) if (/[。！？!?\n]/.test(norm[i]!)) return i + 1;
  return from;
}

function blockAround(result: CheckResult, at: number): { start: number; end: number } {
  const block = result.report.blocks.find((b) => b.start <= at && at < b.end);
  return block ?? { start: at, end: at };
}

export function explanationState(words: string): ExplanationState {
  const bare = words.replace(PUNCTUATION, '');
  if (!bare) return 'empty';
  return GENERIC.test(bare) ? 'generic' : 'given';
}

/**
 * The explanation after a claim: `…主要原因是：X。` in the rest of its sentence or the next
 * one, before the next claim. Across a page break (`正\n\n常浮动。`) it runs on to the `。`.
 */
function findExplanation(result: CheckResult, end: number, nextClaim: number): Explanation {
  const { text, norm } = result.report;
  const block = blockAround(result, end - 1);
  const windowEnd = Math.min(block.end, nextClaim);
  // The rest of the claim's sentence and the next sentence.
  let reach = end;
  for (let stops = 0; reach < windowEnd && stops < 2; reach++) if (norm[reach] === '。') stops++;
  const lead = REASON_LEAD.exec(norm.slice(end, reach));
  if (!lead) return { state: 'missing', start: end, end: end, text: '' };
  const start = end + lead.index + lead[0].length;
  // Across a page break an explanation goes on into the next block, never further.
  const following = result.report.blocks.find((b) => b.start >= block.end);
  const limit = Math.min(following?.end ?? text.length, nextClaim, start + MAX_EXPLANATION);
  let stop = start;
  while (stop < limit && norm[stop] !== '。') {
    // Past its paragraph, only into text that continues a sentence: not an item or a table.
    if (stop >= block.end && norm[stop] === '\n' && ITEM_START.test(norm.slice(stop, stop + 16).replace(/^\s+/, ''))) break;
    stop++;
  }
  if (stop > block.end && norm[stop] !== '。') stop = block.end;
  // Stopped by the next claim: the explanation ends at the clause break before it.
  if (stop === nextClaim) {
    const clause = norm.lastIndexOf(';', stop);
    if (clause > start) stop = clause;
  }
  while (stop > start && /\s/.test(text[stop - 1]!)) stop--;
  const words = text.slice(start, stop);
  return { state: explanationState(words), start, end: stop, text: words.replace(/\s+/g, '') };
}

/** Every completion and change claim with its explanation, in document order. */
export function explainedClaims(result: CheckResult): ExplainedClaim[] {
  const { text, norm } = result.report;
  const variances = result.claims
    .filter((c): c is Variance => c.kind === 'completion' || c.kind === 'change')
    .sort((a, b) => claimEnd(text, a) - claimEnd(text, b));
  return variances.map((claim, i) => {
    const first = Math.min(...claimFigures(claim).map((f) => f.start));
    const end = claimEnd(text, claim);
    const next = variances[i + 1];
    // Two changes of one amount share it (`A 元，较预算减少 B，下降 x%。主要原因是…。较上年增加 C…`):
    // the next claim starts at its first figure after this one.
    const nextStart = next ? Math.min(text.length, ...claimFigures(next).map((f) => f.start).filter((s) => s >= end)) : text.length;
    // The next claim's own sentence, or its lead words, bound this claim's explanation.
    const nextClaim = next ? Math.max(end, sentenceStartOrClause(norm, end, nextStart)) : text.length;
    const explanation = findExplanation(result, end, nextClaim);
    const block = blockAround(result, first);
    const varies = claim.kind === 'completion' ? !claim.actual.value.eq(claim.budget.value) : !claim.delta.value.isZero();
    return { claim, start: sentenceStart(norm, block.start, first), end: Math.max(end, explanation.end), claimEnd: end, explanation, varies };
  });
}

/** Where the words of a claim starting at `figure` begin: its sentence or, within one, its clause. */
function sentenceStartOrClause(norm: string, from: number, figure: number): number {
  for (let i = figure - 1; i >= from; i--) if (/[。！？!?\n；;]/.test(norm[i]!)) return i + 1;
  return from;
}

/** The claims where a draft is offered: a variance whose explanation is missing, empty or generic. */
export function draftOffers(result: CheckResult): ExplainedClaim[] {
  return explainedClaims(result).filter((e) => e.varies && e.explanation.state !== 'given');
}

/**
 * The claim whose sentence or explanation holds `offset`. Claims can share a sentence
 * (`…减少 A 元，下降 x%。主要原因是…。较上年增加 B 元…`): the one whose own figures and
 * explanation hold it wins, then the shortest.
 */
export function claimAt(result: CheckResult, offset: number): ExplainedClaim | null {
  const own = (e: ExplainedClaim) => Math.min(...claimFigures(e.claim).map((f) => f.start)) <= offset;
  const around = explainedClaims(result)
    .filter((e) => e.start <= offset && offset <= e.end)
    .sort((a, b) => Number(own(b)) - Number(own(a)) || a.end - a.start - (b.end - b.start));
  return around[0] ?? null;
}

/** The 类/款/项 path of a row, from the rows of its table whose codes are its prefixes. */
function subjectOf(link: Link | undefined, fallback: string): { subject: string; code: string | null } {
  if (!link) return { subject: fallback, code: null };
  const { table, row } = link;
  if (!row.code) return { subject: row.label, code: null };
  const byCode = new Map(table.rows.filter((r) => r.code).map((r) => [r.code!, r.label]));
  const marks = ['(类)', '(款)', '(项)'];
  const names = [3, 5, 7].filter((n) => n <= row.code!.length).map((n, i) => (byCode.get(row.code!.slice(0, n)) ?? '') + marks[i]);
  return { subject: names.some((n) => n.length > 3) && /^\d{7}$/.test(row.code) ? names.join('') : row.label, code: row.code };
}

const widest = (a: Figure, b: Figure) => Math.max(a.decimals, b.decimals);

/**
 * How this report writes its explanations: 年初预算数 or 预算数, how it names itself, and the
 * colon after 主要原因是 in the explanation nearest to `at` (reports are not consistent).
 */
function reportConventions(result: CheckResult, at: number): { budgetWord: string; colon: string; self: string | null } {
  const norm = result.report.norm.replace(/\s+/g, '');
  const withBudget = (norm.match(/决算数?[大小等]于年初预算数/g) ?? []).length;
  const plain = (norm.match(/决算数?[大小等]于预算数/g) ?? []).length;
  const { text } = result.report;
  const before = text.lastIndexOf('原因是', at);
  const nearest = before >= 0 ? before : text.indexOf('原因是', at);
  const colon = nearest >= 0 ? (/^\s*([:：])/.exec(text.slice(nearest + 3, nearest + 6))?.[1] ?? '') : '：';
  const selves = ['我单位', '本单位', '本部门', '我部门', '我局', '本局', '我中心', '本中心'].map((w) => [w, norm.split(w).length - 1] as const);
  const self = selves.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { budgetWord: withBudget > plain ? '年初预算数' : '预算数', colon, self };
}

const CONVENTIONS = [
  '原因说明接在引导语之后，一到两句，陈述具体事项，例如人员调入调出或在职转退休、年中追加或调减预算、使用上年结转资金、项目未验收或尾款未支付、政府采购未完成、据实结算、压减一般性支出等。',
  '原因必须与方向一致：决算数大于预算数（或比上年增加）时写增加或追加的原因，小于（或减少）时写减少、结余或未支付的原因。',
  '不写“正常浮动”“无”“略”等空泛说法；不写与本科目无关的原因。',
  '只使用简报中给出的数字，原样照抄，带单位；不计算新的数字，不编造人数、项目名称、文号或金额。没有把握时不写数字。',
  '用语正式、客观、简洁，与本部门其他原因说明的措辞一致。',
];

function knownFigure(value: Decimal, unit: string | null, decimals: number, zh: string, en: string): KnownFigure {
  return { value, unit, decimals, label: { zh, en } };
}

export interface BriefOptions {
  /** Send the whole report text too (only when the user asked for it). */
  wholeDocument?: boolean;
}

/** The brief for a draft of `explained`'s explanation, what the engine knows, and where the draft goes. */
export function draftTarget(result: CheckResult, explained: ExplainedClaim, options: BriefOptions = {}): DraftTarget {
  const { text, norm } = result.report;
  const { claim, explanation } = explained;
  const links = new Map(result.links.map((l) => [l.figure, l]));
  const conventions = reportConventions(result, explained.start);
  const figures: BriefFigure[] = [];
  const known: KnownFigure[] = [];
  const stated = (role: BriefFigure['role'], f: Figure) => figures.push({ role, text: f.text, unit: f.unit, source: 'report' });
  const computed = (role: BriefFigure['role'], value: Decimal, like: Figure, decimals: number, zh: string, en: string) => {
    figures.push({ role, text: formatNumber(value, { ...like, decimals }), unit: like.unit, source: 'computed' });
    known.push(knownFigure(value, like.unit, decimals, zh, en));
  };

  let direction: Brief['direction'];
  let leadWords: string;
  let link: Link | undefined;
  if (claim.kind === 'completion') {
    const { budget, actual } = claim;
    stated('budget', budget);
    stated('actual', actual);
    stated('completion-rate', claim.rate);
    const cmp = actual.value.comparedTo(budget.value);
    direction = cmp > 0 ? 'actual-above-budget' : cmp < 0 ? 'actual-below-budget' : 'actual-equals-budget';
    if (cmp !== 0 && budget.unit === actual.unit) {
      computed('difference', actual.value.minus(budget.value).abs(), actual, widest(actual, budget), '决算数与预算数之差', 'the difference between actual and budget');
    }
    leadWords = `决算数${cmp > 0 ? '大于' : cmp < 0 ? '小于' : '等于'}${conventions.budgetWord}的主要原因是${conventions.colon}`;
    link = links.get(actual) ?? links.get(budget);
  } else {
    const { current, delta } = claim;
    stated('this-year', current);
    stated('change', delta);
    if (claim.rate) stated('change-rate', claim.rate);
    direction = delta.value.isZero() ? 'unchanged' : claim.increase ? 'increase' : 'decrease';
    if (current.unit === delta.unit) {
      const prior = claim.increase ? current.value.minus(delta.value) : current.value.plus(delta.value);
      if (prior.gte(0)) computed('last-year', prior, current, widest(current, delta), '上年数（本年数减增加额或加减少额）', "last year's figure (this year's less the increase, or plus the decrease)");
    }
    leadWords = `主要原因是${conventions.colon}`;
    link = links.get(current);
  }

  const sentenceText = text.slice(explained.start, explained.claimEnd).replace(/\s+/g, ' ').trim();
  const firstFigure = Math.min(...claimFigures(claim).map((f) => f.start));
  const fallbackSubject = norm
    .slice(explained.start, firstFigure)
    .replace(/\s+/g, '')
    .replace(/^(?:\d+[.、]|[（(][一二三四五六七八九十\d]+[)）]|[-*])+/, '')
    .replace(/(?:年初预算|预算|决算|支出)?(?:数|金额)?(?:为|是)?$/, '');
  const { subject, code } = subjectOf(link, fallbackSubject);
  const claimRange = [firstFigure, explained.claimEnd];
  const engineFindings = result.findings.filter((f) => f.start < claimRange[1]! && claimRange[0]! < f.end && isSerious(f)).map((f) => f.message.zh);

  const otherReasons = explainedClaims(result)
    .filter((e) => e.explanation.state === 'given' && e.claim !== claim)
    .sort((a, b) => Math.abs(a.start - explained.start) - Math.abs(b.start - explained.start))
    .map((e) => e.explanation.text.replace(/[;；,，:：]*(?:其中[:：]?)?$/, '').slice(0, MAX_REASON_CHARS))
    .filter((r, i, all) => all.indexOf(r) === i)
    .slice(0, MAX_OTHER_REASONS);

  const house = [...CONVENTIONS];
  if (conventions.self) house.push(`本报告自称“${conventions.self}”。`);
  const unit = figures.find((f) => isAmountUnit(f.unit))?.unit as AmountUnit | undefined;
  if (unit) house.push(`金额单位用“${unit}”，与原文一致。`);

  const brief: Brief = {
    kind: claim.kind,
    subject,
    subjectCode: code,
    sentence: sentenceText,
    direction,
    figures,
    table: link ? { code: link.table.code, title: link.table.title, row: link.row.label, rowCode: link.row.code, column: link.cell.column.name } : null,
    existing: { state: explanation.state, text: explanation.text },
    leadIn: leadWords,
    engineFindings,
    otherReasons,
    conventions: house,
    ...(options.wholeDocument ? { document: text } : {}),
  };
  return { explained, brief, known, placement: placementFor(norm, explained, leadWords) };
}

/**
 * A missing explanation is added after the claim (`，决算数小于预算数的主要原因是：…`); an
 * empty or generic one is replaced in place, keeping the report's own lead words.
 */
function placementFor(norm: string, explained: ExplainedClaim, leadWords: string): Placement {
  const { explanation } = explained;
  if (explanation.state !== 'missing') return { start: explanation.start, end: explanation.end, lead: '', tail: '' };
  const at = explained.claimEnd;
  const closed = /^\s*[。，,；;]/.test(norm.slice(at, at + 4));
  return { start: at, end: at, lead: `，${leadWords}`, tail: closed ? '' : '。' };
}

