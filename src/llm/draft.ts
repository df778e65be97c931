// Asking a model for a reason: the instructions, the brief as JSON, and the text the reply
// becomes in the report. The model only writes words; verify.ts checks its figures.
import type { DraftTarget } from './brief';
import { askModel, type ModelResult, type ModelSettings } from './client';
import { type DraftReply, draftReply } from './schema';

export const DRAFT_INSTRUCTIONS = [
  '你是部门决算、部门预算报告的编辑助手，为一处预算执行差异或年度变动起草“主要原因”说明。',
  '用户消息是一个 JSON 简报：subject 为科目，sentence 为原文句子，direction 为差异方向，figures 为可用的数字，table 为表格出处，existing 为现有说明，leadIn 为说明前的引导语，otherReasons 为本部门对其他差异给出的原因，conventions 为写作要求。',
  '只回复一个 JSON 对象：{"reason": "…", "figures": [{"text": "…", "meaning": "…"}]}，不要输出其他文字。',
  'reason：接在 leadIn 之后的原因，用简体中文，一到两句，不重复引导语，句末不加句号。',
  'figures：reason 中出现的每一个数字，text 按 reason 中的写法照抄（带单位），meaning 说明它代表什么。reason 中没有数字时为空数组。',
  '你只负责文字，不做计算：数字只能取自简报的 figures，原样照抄；不得编造数字、人数、项目名称或文号。',
  '原因必须与 direction 一致，并遵守 conventions。',
].join('\n');

export function requestDraft(settings: ModelSettings, target: DraftTarget, signal?: AbortSignal): Promise<ModelResult<DraftReply>> {
  return askModel(settings, { system: DRAFT_INSTRUCTIONS, user: JSON.stringify(target.brief), schema: draftReply, name: 'gouji_draft' }, signal);
}

/** The text that goes into the report: the lead words, the reason (no final 。), the closing mark. */
export function draftText(target: DraftTarget, reply: DraftReply): string {
  const reason = reply.reason.trim().replace(/[。.；;，,]+$/, '');
  return `${target.placement.lead}${reason}${target.placement.tail}`;
}
