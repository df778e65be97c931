// Reviewing explanations: each explained variance goes to the model with what the engine
// computed, and the model names the words that contradict the numbers. Only words that are
// really in the document come back, as ranges of it.
import * as z from 'zod';
import type { CheckResult } from '../core/check';
import { isSerious, type Message } from '../core/finding';
import { explainedClaims, type Variance } from './brief';
import { askModel, type ModelResult, type ModelSettings } from './client';

z.config({ jitless: true });

export const reviewReply = z.object({
  contradictions: z
    .array(
      z.object({
        passage: z.number().describe('The id of the passage.'),
        quote: z.string().describe('The words of the passage that contradict the figures, copied exactly, as short as possible.'),
        problem_zh: z.string().describe('Why they contradict the figures, in 简体中文, one sentence.'),
        problem_en: z.string().describe('The same in English.'),
      }),
    )
    .describe('Only real contradictions; an empty array when there are none.'),
});

export type ReviewReply = z.infer<typeof reviewReply>;

/** One explained variance as the model reads it. */
export interface ReviewPassage {
  id: number;
  start: number;
  end: number;
  /** The passage as written, whitespace collapsed. */
  text: string;
  /** What the engine computed from the passage's figures. */
  engine: {
    kind: 'completion' | 'change';
    direction: 'actual-above-budget' | 'actual-below-budget' | 'actual-equals-budget' | 'increase' | 'decrease' | 'unchanged';
    figures: Record<string, string>;
    /** Arithmetic problems the engine found in the passage's own figures. */
    findings: string[];
  };
}

/** A contradiction the model found, placed in the document. */
export interface ReviewFinding {
  start: number;
  end: number;
  passage: number;
  message: Message;
}

export const REVIEW_INSTRUCTIONS = [
  '你审读部门决算、部门预算报告中的差异说明。用户消息是一个 JSON 数组，每项为一段原文（text）及勾稽引擎根据其数字算出的事实（engine：direction 为方向，figures 为数字，findings 为引擎已发现的算术问题）。',
  '任务：找出文字与这些事实相矛盾的地方，例如数字增加却写“降幅明显”、决算数大于预算数却写“节约”“结余”、把减少写成增加的原因、程度词与数字明显不符。',
  '不要复核算术（引擎已复核），不要评论文风，不要对说得通的原因提出意见；没有矛盾时返回空数组。',
  '只回复一个 JSON 对象：{"contradictions": [{"passage": id, "quote": "…", "problem_zh": "…", "problem_en": "…"}]}。quote 必须逐字摘自该段 text，尽量短。',
].join('\n');

const MAX_PASSAGE_CHARS = 600;

function direction(c: Variance): ReviewPassage['engine']['direction'] {
  if (c.kind === 'change') return c.delta.value.isZero() ? 'unchanged' : c.increase ? 'increase' : 'decrease';
  const cmp = c.actual.value.comparedTo(c.budget.value);
  return cmp > 0 ? 'actual-above-budget' : cmp < 0 ? 'actual-below-budget' : 'actual-equals-budget';
}

const written = (f: { text: string; unit: string | null }) => (f.unit ? `${f.text} ${f.unit}` : f.text);

/**
 * The passages worth reviewing: each variance with an explanation, from its sentence to the
 * end of its paragraph or the next variance (the words after the reason often draw its
 * conclusion: `以上两方面因素导致…`).
 */
export function reviewPassages(result: CheckResult): ReviewPassage[] {
  const { text } = result.report;
  const all = explainedClaims(result);
  const passages: ReviewPassage[] = [];
  all.forEach((e, i) => {
    if (e.explanation.state !== 'given') return;
    const block = result.report.blocks.find((b) => b.start <= e.start && e.start < b.end);
    const next = all[i + 1]?.start ?? text.length;
    const end = Math.min(Math.max(e.end, Math.min(block?.end ?? e.end, next)), e.start + MAX_PASSAGE_CHARS);
    if (passages.length && passages[passages.length - 1]!.start === e.start) return;
    const c = e.claim;
    const figures: Record<string, string> =
      c.kind === 'completion'
        ? { budget: written(c.budget), actual: written(c.actual), rate: written(c.rate) }
        : { thisYear: written(c.current), change: written(c.delta), ...(c.rate ? { rate: written(c.rate) } : {}) };
    const findings = result.findings.filter((f) => isSerious(f) && f.start < e.claimEnd && e.start < f.end).map((f) => f.message.zh);
    passages.push({
      id: passages.length + 1,
      start: e.start,
      end,
      text: text.slice(e.start, end).replace(/\s+/g, ' ').trim(),
      engine: { kind: c.kind, direction: direction(c), figures, findings },
    });
  });
  return passages;
}

export function requestReview(settings: ModelSettings, passages: ReviewPassage[], signal?: AbortSignal): Promise<ModelResult<ReviewReply>> {
  const user = JSON.stringify(passages.map(({ id, text, engine }) => ({ id, text, engine })));
  return askModel(settings, { system: REVIEW_INSTRUCTIONS, user, schema: reviewReply, name: 'gouji_review' }, signal);
}

/** Where `quote` is in text[from, to), ignoring whitespace (PDF text is spaced unevenly). */
function locate(text: string, from: number, to: number, quote: string): { start: number; end: number } | null {
  const wanted = quote.replace(/\s+/g, '');
  if (wanted.length < 2) return null;
  let compact = '';
  const at: number[] = [];
  for (let i = from; i < to; i++) {
    if (/\s/.test(text[i]!)) continue;
    compact += text[i];
    at.push(i);
  }
  const k = compact.indexOf(wanted);
  return k < 0 ? null : { start: at[k]!, end: at[k + wanted.length - 1]! + 1 };
}

/**
 * The model's contradictions as ranges of the document: the quote is looked for in the
 * passage it names, then in the other passages; a quote that is in none is dropped.
 */
export function placeReview(text: string, passages: ReviewPassage[], reply: ReviewReply): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  for (const c of reply.contradictions) {
    const named = passages.find((p) => p.id === c.passage);
    const order = named ? [named, ...passages.filter((p) => p !== named)] : passages;
    for (const p of order) {
      const range = locate(text, p.start, p.end, c.quote);
      if (!range) continue;
      if (!out.some((o) => o.start === range.start && o.end === range.end)) {
        const zh = c.problem_zh.trim() || c.problem_en.trim();
        const en = c.problem_en.trim() || c.problem_zh.trim();
        out.push({ ...range, passage: p.id, message: { zh: `模型审读意见（请核实）：${zh}`, en: `From the model's review (please verify): ${en}` } });
      }
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
