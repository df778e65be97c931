// Every way a request to a model can fail, as one of a few kinds with a message in both
// languages: the editor shows a sentence, never a stack trace.
import OpenAI from 'openai';
import type { Message } from '../core/finding';

export type ModelErrorKind = 'unauthorised' | 'rate-limited' | 'timeout' | 'cancelled' | 'unreachable' | 'malformed-output' | 'schema-violation';

export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    readonly text: Message,
  ) {
    super(text.en);
    this.name = 'ModelError';
  }
}

/** Where the request went, for messages: origin and path, never a query string or credentials. */
export function describeEndpoint(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.origin}${url.pathname.replace(/\/$/, '')}`;
  } catch {
    return baseUrl;
  }
}

export function cancelled(): ModelError {
  return new ModelError('cancelled', { zh: '已取消：未向文档写入任何内容。', en: 'Cancelled: nothing was changed.' });
}

export function malformedOutput(detail: string): ModelError {
  return new ModelError('malformed-output', {
    zh: `模型的回复不是有效的 JSON（${detail}），未写入任何内容。`,
    en: `The model's reply is not valid JSON (${detail}); nothing was inserted.`,
  });
}

export function schemaViolation(detail: string): ModelError {
  return new ModelError('schema-violation', {
    zh: `模型的回复不符合约定的格式（${detail}），未写入任何内容。`,
    en: `The model's reply does not have the expected shape (${detail}); nothing was inserted.`,
  });
}

/**
 * The failure of a request to `baseUrl`, from whatever the SDK (or fetch under it) threw.
 * `stopped` says which of our signals ended it, if one did: to the SDK, the user's Cancel and
 * the overall deadline are both an abort.
 */
export function toModelError(error: unknown, baseUrl: string, timeoutSeconds: number, stopped: 'cancelled' | 'timeout' | null): ModelError {
  const where = describeEndpoint(baseUrl);
  if (stopped === 'cancelled') return cancelled();
  if (stopped === 'timeout' || error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ModelError('timeout', {
      zh: `${where} 在 ${timeoutSeconds} 秒内没有回复。可在设置 gouji.model.timeoutSeconds 中延长等待时间。`,
      en: `${where} did not answer within ${timeoutSeconds} s. The wait can be raised in the setting gouji.model.timeoutSeconds.`,
    });
  }
  if (error instanceof ModelError) return error;
  if (error instanceof OpenAI.APIUserAbortError) return cancelled();
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new ModelError('unauthorised', {
      zh: `${where} 拒绝了请求（${error.status}）：API 密钥缺失或无效。`,
      en: `${where} refused the request (${error.status}): the API key is missing or not valid.`,
    });
  }
  if (error instanceof OpenAI.RateLimitError) {
    return new ModelError('rate-limited', {
      zh: `${where} 限制了请求频率（429），重试后仍未成功。请稍后再试。`,
      en: `${where} is limiting requests (429) and still refused after retrying. Try again later.`,
    });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ModelError('unreachable', {
      zh: `无法连接 ${where}。请确认模型服务已启动，且设置 gouji.model.baseUrl 正确。`,
      en: `Could not connect to ${where}. Check that the model server is running and that the setting gouji.model.baseUrl is right.`,
    });
  }
  if (error instanceof OpenAI.APIError) {
    // The endpoint's own words, shortened: they name the problem (an unknown model, a bad request).
    const said = error.message.replace(/\s+/g, ' ').slice(0, 200);
    return new ModelError('unreachable', {
      zh: `${where} 返回了错误：${said}`,
      en: `${where} answered with an error: ${said}`,
    });
  }
  if (error instanceof OpenAI.OpenAIError) {
    return new ModelError('unreachable', {
      zh: `无法向 ${where} 发送请求：${error.message.slice(0, 200)}`,
      en: `Could not send the request to ${where}: ${error.message.slice(0, 200)}`,
    });
  }
  return new ModelError('unreachable', {
    zh: `请求 ${where} 失败：${error instanceof Error ? error.message.slice(0, 200) : String(error)}`,
    en: `The request to ${where} failed: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`,
  });
}
