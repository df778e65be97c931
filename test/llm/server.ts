// A local OpenAI-compatible endpoint for tests: plain node http on 127.0.0.1, the
// chat-completions route, replies scripted in advance, every request counted and recorded.
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  status?: number;
  /** A string is sent as is (e.g. broken JSON); anything else as JSON. */
  body: unknown;
  headers?: Record<string, string>;
  /** Hold the reply this long (to run past a client's timeout). */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
}

/** A chat-completions reply whose message content is `content` (a JSON text for structured output). */
export function completion(content: string): ScriptedReply {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 0,
      model: 'test-model',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  };
}

/** A reply with the given content serialised as JSON. */
export function jsonCompletion(value: unknown): ScriptedReply {
  return completion(JSON.stringify(value));
}

export function errorReply(status: number, message: string, headers?: Record<string, string>): ScriptedReply {
  return { status, body: { error: { message, type: 'test', code: null } }, headers };
}

const ROUTES = new Set(['/v1/chat/completions', '/chat/completions']);

export class TestModelServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: ScriptedReply[] = [];
  private readonly server: Server;
  private readonly held = new Set<NodeJS.Timeout>();
  private readonly events = new EventEmitter();
  private port = 0;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // kept as text
        }
        const path = (req.url ?? '').split('?')[0]!;
        const recorded = { method: req.method ?? '', path, headers: req.headers, body };
        this.requests.push(recorded);
        this.events.emit('request', recorded);
        if (req.method !== 'POST' || !ROUTES.has(path)) {
          res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${path}` } }));
          return;
        }
        const reply = this.queue.shift() ?? errorReply(500, 'no scripted reply left');
        const send = () => {
          if (res.destroyed) return;
          const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers }).end(text);
        };
        if (!reply.delayMs) return send();
        const timer = setTimeout(() => {
          this.held.delete(timer);
          send();
        }, reply.delayMs);
        this.held.add(timer);
      });
    });
  }

  /** Listens on a free loopback port. */
  async start(): Promise<this> {
    await new Promise<void>((ok, fail) => {
      this.server.once('error', fail);
      this.server.listen(0, '127.0.0.1', () => ok());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The base URL a client is configured with (`http://127.0.0.1:PORT/v1`). */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Queues replies, sent one per request in order. */
  reply(...replies: ScriptedReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  /** Requests to the chat-completions route. */
  get completions(): RecordedRequest[] {
    return this.requests.filter((r) => ROUTES.has(r.path));
  }

  /** Resolves with the next request the server receives. */
  async nextRequest(): Promise<RecordedRequest> {
    const [request] = (await once(this.events, 'request')) as [RecordedRequest];
    return request;
  }

  /** Forgets the requests and any replies left over from a previous test. */
  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
  }

  async stop(): Promise<void> {
    for (const timer of this.held) clearTimeout(timer);
    this.held.clear();
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
