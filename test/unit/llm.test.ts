// The model path (src/llm) with the real openai SDK against a local OpenAI-compatible server:
// briefs on a real report, drafts re-checked by the engine, every kind of failure, reviews.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, type CheckResult } from '../../src/core/check';
import { claimAt, draftOffers, draftTarget, type DraftTarget, explainedClaims } from '../../src/llm/brief';
import type { ModelSettings } from '../../src/llm/client';
import { draftText, requestDraft } from '../../src/llm/draft';
import { placeReview, requestReview, reviewPassages } from '../../src/llm/review';
import { verificationProblems, verifyDraft } from '../../src/llm/verify';
import { completion, errorReply, jsonCompletion, TestModelServer } from '../llm/server';

const FIXTURES = join(__dirname, '..', 'fixtures', 'reports');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const R001 = read('001_6a62bd9b783e40ec.txt');
const R003 = read('003_a0c01ccc9db781f0.txt');

/** 001's first item of 五（三）: 2080505, 年初预算 357,565.00 元, 决算 343,928.02 元, 96.19%, 正常浮动. */
const PENSION = '社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项)年初预算为357,565.00元';

function pensionTarget(result: CheckResult): DraftTarget {
  const at = R001.indexOf(PENSION);
  assert.ok(at > 0);
  const explained = claimAt(result, at + 10);
  assert.ok(explained, 'a completion claim at the pension sentence');
  return draftTarget(result, explained);
}

describe('llm: briefs', () => {
  const result = check(R001);

  it('offers drafts exactly where 001 writes 正常浮动 (five items, one cut by a page break)', () => {
    const offers = draftOffers(result);
    assert.deepEqual(
      offers.map((o) => [o.explanation.state, o.explanation.text]),
      Array.from({ length: 5 }, () => ['generic', '正常浮动']),
    );
    const subjects = offers.map((o) => draftTarget(result, o).brief.subjectCode);
    assert.deepEqual(subjects, ['2080505', '2080506', '2101101', '2101501', '2210201']);
  });

  it('builds a compact brief of the pension item from its sentence, table and the report', () => {
    const { brief, known, placement } = pensionTarget(result);
    assert.equal(brief.kind, 'completion');
    assert.equal(brief.subject, '社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项)');
    assert.equal(brief.direction, 'actual-below-budget');
    assert.deepEqual(
      brief.figures.map((f) => [f.role, f.text, f.unit, f.source]),
      [
        ['budget', '357,565.00', '元', 'report'],
        ['actual', '343,928.02', '元', 'report'],
        ['completion-rate', '96.19', '%', 'report'],
        // 357,565.00 − 343,928.02, worked out by hand.
        ['difference', '13,636.98', '元', 'computed'],
      ],
    );
    assert.equal(known[0]!.value.toString(), '13636.98');
    assert.equal(brief.table?.code, '公开05表');
    assert.equal(brief.table?.rowCode, '2080505');
    assert.deepEqual(brief.existing, { state: 'generic', text: '正常浮动' });
    assert.ok(brief.otherReasons.includes('公补费率下降导致实际缴费数据小于预算'), brief.otherReasons.join(' / '));
    assert.ok(!brief.otherReasons.some((r) => /正常浮动/.test(r)), 'a generic reason is no example');
    assert.ok(brief.conventions.includes('本报告自称“我单位”。'));
    assert.equal(brief.document, undefined, 'the whole report is not sent unless asked');
    assert.ok(JSON.stringify(brief).length < 3000, `brief is ${JSON.stringify(brief).length} characters`);
    // The generic words are what a draft replaces.
    assert.equal(R001.slice(placement.start, placement.end), '正常浮动');
  });

  it('sends the whole report only when asked', () => {
    const explained = claimAt(result, R001.indexOf(PENSION) + 10)!;
    assert.equal(draftTarget(result, explained, { wholeDocument: true }).brief.document, R001);
  });

  it('adds a missing explanation after the claim, with lead words that follow the figures', () => {
    const text = '2024年度一般公共预算财政拨款支出年初预算为 100.00 万元，支出决算为 80.00 万元，完成年初预算的 80.00%。\n';
    const r = check(text);
    const [only] = explainedClaims(r);
    assert.equal(only?.explanation.state, 'missing');
    const target = draftTarget(r, only!);
    assert.deepEqual(target.placement, { start: text.indexOf('%') + 1, end: text.indexOf('%') + 1, lead: '，决算数小于预算数的主要原因是：', tail: '' });
  });

  it('finds no claim away from completion and change sentences', () => {
    assert.equal(claimAt(result, 0), null);
  });
});

describe('llm: drafts and the engine', () => {
  const server = new TestModelServer();
  let settings: ModelSettings;
  const result = check(R001);
  const target = pensionTarget(result);

  before(async () => {
    await server.start();
    settings = { baseUrl: server.baseUrl, model: 'test-model', apiKey: 'sk-test-secret-123', timeoutSeconds: 5, temperature: 0.2, maxRetries: 2 };
  });
  beforeEach(() => server.reset());
  after(() => server.stop());

  it('a good draft: sent as a structured request, parsed, every figure traced', async () => {
    server.reply(jsonCompletion({ reason: '年内有人员调出，养老保险缴费支出减少 13,636.98 元', figures: [{ text: '13,636.98 元', meaning: '决算数与预算数之差' }] }));
    const reply = await requestDraft(settings, target);
    assert.ok(reply.ok, !reply.ok ? reply.error.text.en : '');
    const draft = draftText(target, reply.value);
    assert.equal(draft, '年内有人员调出，养老保险缴费支出减少 13,636.98 元');
    const v = verifyDraft(R001, target.placement, draft, { known: target.known, declared: reply.value.figures });
    assert.equal(v.flagged, false, JSON.stringify(verificationProblems(v)));
    assert.deepEqual(v.figures.map((f) => [f.text, f.verdict.status, f.meaning]), [['13,636.98 元', 'agrees', '决算数与预算数之差']]);

    const [request] = server.completions;
    assert.equal(server.completions.length, 1);
    const body = request!.body as { model: string; temperature: number; response_format: { type: string; json_schema: { name: string } }; messages: { role: string; content: string }[] };
    assert.equal(body.model, 'test-model');
    assert.equal(body.temperature, 0.2);
    assert.equal(body.response_format.type, 'json_schema');
    assert.equal(body.response_format.json_schema.name, 'gouji_draft');
    const sent = JSON.parse(body.messages[1]!.content) as { subject: string };
    assert.equal(sent.subject, '社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项)');
    // The key goes in the Authorization header and nowhere else.
    assert.equal(request!.headers.authorization, 'Bearer sk-test-secret-123');
    const elsewhere = Object.entries(request!.headers).filter(([name, value]) => name !== 'authorization' && String(value).includes('sk-test-secret-123'));
    assert.deepEqual(elsewhere, []);
    assert.ok(!JSON.stringify(request!.body).includes('sk-test-secret-123'));
  });

  it('without a key no Authorization header is sent at all', async () => {
    server.reply(jsonCompletion({ reason: '年内有人员调出', figures: [] }));
    const reply = await requestDraft({ ...settings, apiKey: null }, target);
    assert.ok(reply.ok);
    assert.equal(server.completions[0]!.headers.authorization, undefined);
  });

  it('a draft with an invented figure is flagged, and says which', async () => {
    server.reply(jsonCompletion({ reason: '年内调出 17 名人员，减少支出 8,888.88 元', figures: [{ text: '17 名', meaning: '调出人数' }, { text: '8,888.88 元', meaning: '减少的支出' }] }));
    const reply = await requestDraft(settings, target);
    assert.ok(reply.ok);
    const v = verifyDraft(R001, target.placement, draftText(target, reply.value), { known: target.known, declared: reply.value.figures });
    assert.equal(v.flagged, true);
    assert.deepEqual(v.figures.map((f) => [f.text, f.verdict.status]), [['17 名', 'untraced'], ['8,888.88 元', 'untraced']]);
    assert.deepEqual(verificationProblems(v).map((m) => m.en), ['“17 名” cannot be traced to the report', '“8,888.88 元” cannot be traced to the report']);
  });

  it('a draft that restates the rate wrongly disagrees, with the right figure', () => {
    // 343,928.02 ÷ 357,565.00 = 96.186…% → 96.19%, not 95.00%.
    const v = verifyDraft(R001, target.placement, '预算执行率为 95.00%，主要是年内有人员调出', { known: target.known });
    assert.equal(v.flagged, true);
    const [rate] = v.figures;
    assert.equal(rate?.text, '95.00%');
    assert.equal(rate?.verdict.status, 'disagrees');
    assert.equal(rate?.verdict.status === 'disagrees' && rate.verdict.expected, '96.19');
  });

  it('words that contradict the figures are a problem even without figures', () => {
    const text = '2024年度一般公共预算财政拨款支出年初预算为 100.00 万元，支出决算为 80.00 万元，完成年初预算的 80.00%。\n';
    const r = check(text);
    const t = draftTarget(r, explainedClaims(r)[0]!);
    const right = verifyDraft(text, t.placement, `${t.placement.lead}部分项目政府采购未完成${t.placement.tail}`);
    assert.equal(right.flagged, false);
    const wrong = verifyDraft(text, t.placement, '，决算数大于预算数的主要原因是：部分项目政府采购未完成');
    assert.equal(wrong.flagged, true);
    assert.equal(wrong.problems.length, 1);
  });

  it('a reply fenced as ```json is still read', async () => {
    server.reply(completion('```json\n{"reason": "年内有人员调出", "figures": []}\n```'));
    const reply = await requestDraft(settings, target);
    assert.ok(reply.ok);
    assert.equal(reply.value.reason, '年内有人员调出');
  });

  it('invalid JSON gives no draft but a malformed-output error', async () => {
    server.reply(completion('好的，原因是：{reason: 年内有人员调出'));
    const reply = await requestDraft(settings, target);
    assert.equal(reply.ok, false);
    assert.equal(!reply.ok && reply.error.kind, 'malformed-output');
    assert.match(!reply.ok ? reply.error.text.zh : '', /不是有效的 JSON/);
  });

  it('a reply of the wrong shape gives no draft but a schema-violation error', async () => {
    server.reply(jsonCompletion({ reason: 42, figures: 'none' }));
    const reply = await requestDraft(settings, target);
    assert.equal(!reply.ok && reply.error.kind, 'schema-violation');
    server.reply(jsonCompletion({ reason: '   ', figures: [] }));
    const empty = await requestDraft(settings, target);
    assert.equal(!empty.ok && empty.error.kind, 'schema-violation');
  });

  it('401 is unauthorised, asked once', async () => {
    server.reply(errorReply(401, 'Incorrect API key provided'));
    const reply = await requestDraft(settings, target);
    assert.equal(!reply.ok && reply.error.kind, 'unauthorised');
    assert.equal(server.completions.length, 1);
    assert.ok(!reply.ok && !reply.error.text.en.includes('sk-test-secret-123'));
  });

  it('429 is retried by the SDK, then reported as rate-limited', async () => {
    const limited = () => errorReply(429, 'Rate limit reached', { 'retry-after-ms': '1' });
    server.reply(limited(), limited(), limited());
    const reply = await requestDraft(settings, target);
    assert.equal(!reply.ok && reply.error.kind, 'rate-limited');
    assert.equal(server.completions.length, 3, 'one request and two retries');
  });

  it('429 followed by an answer succeeds on the retry', async () => {
    server.reply(errorReply(429, 'Rate limit reached', { 'retry-after-ms': '1' }), jsonCompletion({ reason: '年内有人员调出', figures: [] }));
    const reply = await requestDraft(settings, target);
    assert.ok(reply.ok);
    assert.equal(server.completions.length, 2);
  });

  it('a reply slower than the timeout is a timeout', async () => {
    server.reply({ ...jsonCompletion({ reason: '迟到的回复', figures: [] }), delayMs: 5_000 });
    const reply = await requestDraft({ ...settings, timeoutSeconds: 0.3, maxRetries: 0 }, target);
    assert.equal(!reply.ok && reply.error.kind, 'timeout');
    assert.match(!reply.ok ? reply.error.text.en : '', /0\.3 s/);
  });

  it('cancelling while the model thinks gives cancelled', async () => {
    server.reply({ ...jsonCompletion({ reason: '不会送达', figures: [] }), delayMs: 5_000 });
    const controller = new AbortController();
    const arrived = server.nextRequest();
    const pending = requestDraft(settings, target, controller.signal);
    await arrived;
    controller.abort();
    const reply = await pending;
    assert.equal(!reply.ok && reply.error.kind, 'cancelled');
  });

  it('an endpoint nobody listens on is unreachable', async () => {
    const gone = await new TestModelServer().start();
    const baseUrl = gone.baseUrl;
    await gone.stop();
    const reply = await requestDraft({ ...settings, baseUrl, maxRetries: 0 }, target);
    assert.equal(!reply.ok && reply.error.kind, 'unreachable');
    assert.ok(!reply.ok && reply.error.text.en.includes(baseUrl.replace(/\/$/, '')));
  });

  it('an endpoint that rejects json_schema is asked again without it', async () => {
    server.reply(errorReply(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported"), jsonCompletion({ reason: '年内有人员调出', figures: [] }));
    const reply = await requestDraft(settings, target);
    assert.ok(reply.ok);
    const [first, second] = server.completions.map((r) => r.body as { response_format?: unknown });
    assert.ok(first?.response_format);
    assert.equal(second?.response_format, undefined);
  });
});

describe('llm: review', () => {
  const server = new TestModelServer();
  before(() => server.start());
  after(() => server.stop());

  it("places the model's contradictions in the document and drops quotes that are not there", async () => {
    const result = check(R003);
    const passages = reviewPassages(result);
    // 003: 收、支总计各增加 333.97 万元 … 以上两方面因素导致 2024 年收入支出同比降幅明显。
    const first = passages.find((p) => p.text.includes('各增加 333.97 万元'));
    assert.ok(first, 'the 收支总计 passage');
    assert.equal(first.engine.direction, 'increase');
    assert.ok(first.text.includes('以上两方面因素导致 2024 年收入支出同比降幅明显'), 'the passage runs to the end of its paragraph');

    server.reply(
      jsonCompletion({
        contradictions: [
          { passage: first.id, quote: '导致2024年收入支出同比降幅明显', problem_zh: '收支总计增加，却说降幅明显。', problem_en: 'The totals rose, yet the text speaks of a marked fall.' },
          { passage: first.id, quote: '支出大幅减少', problem_zh: '原文没有这句话。', problem_en: 'Not in the text.' },
        ],
      }),
    );
    const reply = await requestReview({ baseUrl: server.baseUrl, model: 'm', apiKey: null, timeoutSeconds: 5, temperature: 0 }, passages);
    assert.ok(reply.ok);
    const findings = placeReview(R003, passages, reply.value);
    assert.equal(findings.length, 1);
    assert.equal(R003.slice(findings[0]!.start, findings[0]!.end), '导致 2024 年收入支出同比降幅明显');
    assert.match(findings[0]!.message.en, /^From the model's review/);
    const sent = JSON.parse((server.completions[0]!.body as { messages: { content: string }[] }).messages[1]!.content) as unknown[];
    assert.equal(sent.length, passages.length);
  });
});
