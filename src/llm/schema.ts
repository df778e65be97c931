// The shape of a model's draft: the reason in 简体中文, and every figure it uses with what
// that figure stands for. The same schema is sent as the structured-output format (where the
// endpoint supports it) and validates the reply either way.
import * as z from 'zod';

// Replies are small: zod's compiled fast path buys nothing, and probing for it reads
// `navigator`, which VS Code's extension host reports as an error.
z.config({ jitless: true });

/** Longest reason accepted: a reason is one or two sentences. */
export const MAX_REASON_CHARS = 600;

export const draftFigure = z.object({
  text: z.string().describe('The figure exactly as written in the reason, with its unit, e.g. "13,636.98 元" or "2 名".'),
  meaning: z.string().describe('What the figure stands for, in 简体中文, e.g. "决算数与预算数之差".'),
});

export const draftReply = z.object({
  reason: z
    .string()
    .describe('The reason in 简体中文, continuing the brief\'s leadIn (without repeating it), one or two sentences, no final 。.')
    .refine((s) => s.trim().length > 0, 'the reason is empty')
    .refine((s) => s.length <= MAX_REASON_CHARS, `the reason is longer than ${MAX_REASON_CHARS} characters`),
  figures: z.array(draftFigure).describe('Every number that appears in the reason.'),
});

export type DraftFigure = z.infer<typeof draftFigure>;
export type DraftReply = z.infer<typeof draftReply>;
