// One request to an OpenAI-compatible chat-completions endpoint, answered in JSON of a known
// shape. Structured output is asked for; the reply is validated with zod either way, because
// many local servers ignore `response_format`. Every failure is a ModelError.
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type * as z from 'zod';
import { cancelled, malformedOutput, ModelError, schemaViolation, toModelError } from './errors';

export interface ModelSettings {
  /** `http://127.0.0.1:11434/v1`, `https://api.example.com/v1`. */
  baseUrl: string;
  model: string;
  /** Null for endpoints that need none (most local servers): then no Authorization header is sent. */
  apiKey: string | null;
  timeoutSeconds: number;
  temperature: number;
  /** Retries of 408/409/429/5xx and timeouts, with the SDK's backoff (it honours Retry-After). */
  maxRetries?: number;
}

export interface ModelRequest<T> {
  system: string;
  user: string;
  /** The reply's shape; also sent as the json_schema response format. */
  schema: z.ZodType<T>;
  /** The schema's name in the response format (letters, digits, `_`, `-`). */
  name: string;
}

export type ModelResult<T> = { ok: true; value: T } | { ok: false; error: ModelError };

const DEFAULT_RETRIES = 2;

function client(settings: ModelSettings): OpenAI {
  return new OpenAI({
    baseURL: settings.baseUrl,
    // The SDK insists on a key; without one, the Authorization header is removed below, so a
    // placeholder never leaves the machine. Everything else is explicit, so no OPENAI_*
    // environment variable can add a key or redirect the request.
    apiKey: settings.apiKey ?? 'no-key',
    adminAPIKey: null,
    organization: null,
    project: null,
    defaultHeaders: settings.apiKey ? undefined : { Authorization: null },
    timeout: Math.round(settings.timeoutSeconds * 1000),
    maxRetries: settings.maxRetries ?? DEFAULT_RETRIES,
    // The SDK's own logging could print request options; nothing is logged.
    logLevel: 'off',
  });
}

/** The JSON text of a reply: without a ```json fence or a reasoning model's <think> block. */
function jsonText(content: string): string {
  const text = content.replace(/^\s*<think>[\s\S]*?<\/think>/, '').trim();
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/.exec(text);
  return fenced ? fenced[1]! : text;
}

function parseReply<T>(content: string | null | undefined, schema: z.ZodType<T>): T {
  if (!content?.trim()) throw malformedOutput('empty reply');
  let json: unknown;
  try {
    json = JSON.parse(jsonText(content));
  } catch (error) {
    throw malformedOutput(error instanceof Error ? error.message.slice(0, 120) : 'not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw schemaViolation(issue ? `${issue.path.join('.') || 'reply'}: ${issue.message}` : 'unexpected shape');
  }
  return parsed.data;
}

/** Rejects when `signal` aborts: the SDK's retry backoff does not listen to it. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, fail) => {
    if (signal.aborted) fail(cancelled());
    signal.addEventListener('abort', () => fail(cancelled()), { once: true });
  });
}

/**
 * Sends one chat request and returns its reply parsed and validated, or why not. An endpoint
 * that rejects the json_schema response format (400) is asked once more without it.
 */
export async function askModel<T>(settings: ModelSettings, request: ModelRequest<T>, signal?: AbortSignal): Promise<ModelResult<T>> {
  // The timeout bounds the whole request, retries included, as the user reads the setting.
  const deadline = AbortSignal.timeout(Math.round(settings.timeoutSeconds * 1000));
  const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const aborted = whenAborted(stop);
  aborted.catch(() => {});
  try {
    const openai = client(settings);
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
      { role: 'system', content: request.system },
      { role: 'user', content: request.user },
    ];
    const send = (structured: boolean) =>
      openai.chat.completions.create(
        {
          model: settings.model,
          temperature: settings.temperature,
          messages,
          ...(structured ? { response_format: zodResponseFormat(request.schema, request.name) } : {}),
        },
        { signal: stop },
      );
    let completion: OpenAI.Chat.ChatCompletion;
    try {
      completion = await Promise.race([send(true), aborted]);
    } catch (error) {
      if (!(error instanceof OpenAI.BadRequestError) || !/response_format|json_schema|structured/i.test(error.message)) throw error;
      completion = await Promise.race([send(false), aborted]);
    }
    const choice = completion.choices?.[0];
    if (!choice?.message) throw malformedOutput('no message in the reply');
    if (choice.message.refusal) throw malformedOutput(`the model refused: ${choice.message.refusal.slice(0, 120)}`);
    if (choice.finish_reason === 'length') throw malformedOutput('the reply was cut off at the length limit');
    return { ok: true, value: parseReply(choice.message.content, request.schema) };
  } catch (error) {
    const why = signal?.aborted ? 'cancelled' : deadline.aborted ? 'timeout' : null;
    return { ok: false, error: toModelError(error, settings.baseUrl, settings.timeoutSeconds, why) };
  }
}
