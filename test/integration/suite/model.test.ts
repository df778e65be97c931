// The optional model inside VS Code, against a local OpenAI-compatible server on 127.0.0.1:
// off by default (not one request), then drafting with a preview and one undoable edit, bad
// replies changing nothing, reviews as diagnostics of their own, and the key kept out of
// settings and logs.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { completion, jsonCompletion, TestModelServer } from '../../llm/server';
import { copyFixture, diagnosticsWhen, fileContaining, filesUnder, openAndWaitFor, ruleOf, userDataDir } from './helpers';

const REPORT_001 = '001_6a62bd9b783e40ec.txt';
const REPORT_003 = '003_a0c01ccc9db781f0.txt';
const KEY = `sk-gouji-test-${Math.random().toString(36).slice(2)}`;
/** 001's first 正常浮动: the 2080505 pension item, 357,565.00 − 343,928.02 = 13,636.98 元 below budget. */
const GOOD_DRAFT = '年内有人员调出，养老保险缴费支出减少 13,636.98 元';

interface DraftSummary {
  text: string;
  flagged: boolean;
  problems: string[];
}

const settings = () => vscode.workspace.getConfiguration('gouji.model');
const SETTINGS = ['enabled', 'baseUrl', 'name', 'allowedEndpoints', 'timeoutSeconds'];

async function configure(values: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(values)) await settings().update(key, value, vscode.ConfigurationTarget.Global);
}

async function resetSettings(): Promise<void> {
  for (const key of SETTINGS) await settings().update(key, undefined, vscode.ConfigurationTarget.Global);
}

async function modelActions(uri: vscode.Uri, offset: number, doc: vscode.TextDocument): Promise<vscode.CodeAction[]> {
  const at = doc.positionAt(offset);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at));
  return actions.filter((a) => a.command?.command === 'gouji.model.draft');
}

describe('the model, switched off (the default)', () => {
  const server = new TestModelServer();
  before(() => server.start());
  after(async () => {
    await resetSettings();
    await server.stop();
  });

  it('makes no request through a session of opening, editing, checking and asking', async () => {
    assert.equal(settings().get('enabled'), false, 'off by default');
    // An endpoint is even configured: being off is what keeps it silent.
    await configure({ baseUrl: server.baseUrl, name: 'test-model', allowedEndpoints: [server.baseUrl] });
    const uri = copyFixture(REPORT_001, 'model-off-001.txt');
    const { doc } = await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    const editor = await vscode.window.showTextDocument(doc);

    // Edit a figure to what its cell says, and wait for the re-check to drop the finding.
    const at = doc.getText().indexOf('7,143,754.56');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 12)), '7,289,400.60'));
    await diagnosticsWhen(uri, (ds) => !ds.some((d) => ruleOf(d) === 'amount-mismatch' && doc.getText(d.range) === '7,289,400.60'));
    await doc.save();

    const generic = doc.getText().indexOf('正常浮动');
    assert.deepEqual(await modelActions(uri, generic, doc), [], 'no model action is offered while off');
    assert.equal(await vscode.commands.executeCommand('gouji.model.draft', uri, generic), undefined);
    assert.equal(await vscode.commands.executeCommand('gouji.model.review', uri), undefined);
    assert.equal(server.requests.length, 0);
  });
});

describe('the model, on, with a local endpoint', () => {
  const server = new TestModelServer();
  before(async () => {
    await server.start();
    await configure({ enabled: true, baseUrl: server.baseUrl, name: 'test-model', allowedEndpoints: [server.baseUrl], timeoutSeconds: 10 });
    assert.equal(await vscode.commands.executeCommand('gouji.model.setApiKey', KEY), true);
  });
  beforeEach(() => server.reset());
  after(async () => {
    await vscode.commands.executeCommand('gouji.model.clearApiKey');
    await resetSettings();
    await server.stop();
  });

  async function openPension(as: string) {
    const uri = copyFixture(REPORT_001, as);
    const { doc } = await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    await vscode.window.showTextDocument(doc);
    return { uri, doc, offset: doc.getText().indexOf('正常浮动') };
  }

  it('offers a draft on a generic explanation, previews it, and inserts it as one undoable edit', async () => {
    const { uri, doc, offset } = await openPension('model-on-001.txt');
    assert.equal((await modelActions(uri, offset, doc)).length, 1, 'the code action is offered on 正常浮动');
    const before = doc.getText();

    server.reply(jsonCompletion({ reason: GOOD_DRAFT, figures: [{ text: '13,636.98 元', meaning: '决算数与预算数之差' }] }));
    const summary = await vscode.commands.executeCommand<DraftSummary>('gouji.model.draft', uri, offset);
    assert.deepEqual(summary, { text: GOOD_DRAFT, flagged: false, problems: [] });
    assert.equal(doc.getText(), before, 'nothing changes before the user accepts');
    assert.equal(server.completions.length, 1);
    assert.equal(server.completions[0]!.headers.authorization, `Bearer ${KEY}`);

    assert.equal(await vscode.commands.executeCommand('gouji.model.insertDraft'), true);
    assert.equal(doc.getText(), before.slice(0, offset) + GOOD_DRAFT + before.slice(offset + '正常浮动'.length));
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo takes the whole draft out');
  });

  it('flags a draft with an invented figure and names it', async () => {
    const { uri, doc, offset } = await openPension('model-invented-001.txt');
    const before = doc.getText();
    server.reply(jsonCompletion({ reason: '年内调出人员，减少支出 8,888.88 元', figures: [{ text: '8,888.88 元', meaning: '减少的支出' }] }));
    const summary = await vscode.commands.executeCommand<DraftSummary>('gouji.model.draft', uri, offset);
    assert.equal(summary?.flagged, true);
    assert.deepEqual(summary?.problems, ['“8,888.88 元” cannot be traced to the report']);
    await vscode.commands.executeCommand('gouji.model.discardDraft');
    assert.equal(await vscode.commands.executeCommand('gouji.model.insertDraft'), false, 'a discarded draft is gone');
    assert.equal(doc.getText(), before);
  });

  it('inserts nothing for invalid JSON or a reply of the wrong shape', async () => {
    const { uri, doc, offset } = await openPension('model-bad-001.txt');
    const before = doc.getText();
    server.reply(completion('好的：{reason: 年内有人员调出'), jsonCompletion({ reason: 7 }));
    assert.equal(await vscode.commands.executeCommand('gouji.model.draft', uri, offset), undefined);
    assert.equal(await vscode.commands.executeCommand('gouji.model.draft', uri, offset), undefined);
    assert.equal(server.completions.length, 2);
    assert.equal(await vscode.commands.executeCommand('gouji.model.insertDraft'), false);
    assert.equal(doc.getText(), before);
  });

  it("shows the model's review as its own, lower-severity diagnostics", async () => {
    const uri = copyFixture(REPORT_003, 'model-review-003.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    server.reply(
      jsonCompletion({
        contradictions: [
          { passage: 1, quote: '导致2024年收入支出同比降幅明显', problem_zh: '收支总计增加，却说降幅明显。', problem_en: 'The totals rose, yet the text speaks of a marked fall.' },
          { passage: 1, quote: '这句话不在报告里', problem_zh: '—', problem_en: '—' },
        ],
      }),
    );
    const shown = diagnosticsWhen(uri, (ds) => ds.some((d) => d.source === 'gouji-model'));
    assert.equal(await vscode.commands.executeCommand('gouji.model.review', uri), 1);
    const found = (await shown).filter((d) => d.source === 'gouji-model');
    assert.equal(found.length, 1, 'the quote that is not in the report is dropped');
    assert.equal(doc.getText(found[0]!.range), '导致 2024 年收入支出同比降幅明显');
    assert.equal(found[0]!.severity, vscode.DiagnosticSeverity.Information);
    assert.match(found[0]!.message, /^From the model's review \(please verify\): The totals rose/);
  });

  it('never sends the key to another endpoint than the one it was entered for', async () => {
    const other = await new TestModelServer().start();
    try {
      await configure({ baseUrl: other.baseUrl, allowedEndpoints: [server.baseUrl, other.baseUrl] });
      const { uri, offset } = await openPension('model-other-endpoint-001.txt');
      other.reply(jsonCompletion({ reason: GOOD_DRAFT, figures: [] }));
      assert.equal((await vscode.commands.executeCommand<DraftSummary>('gouji.model.draft', uri, offset))?.text, GOOD_DRAFT);
      assert.equal(other.completions.length, 1);
      assert.equal(other.completions[0]!.headers.authorization, undefined);
      await vscode.commands.executeCommand('gouji.model.discardDraft');
    } finally {
      await configure({ baseUrl: server.baseUrl, allowedEndpoints: [server.baseUrl] });
      await other.stop();
    }
  });

  it('keeps the key out of the settings and the logs', async () => {
    const dir = userDataDir();
    const userSettings = join(dir, 'User', 'settings.json');
    assert.ok(readFileSync(userSettings, 'utf8').includes(server.baseUrl), 'the user settings file is the one the tests wrote');
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('gouji')).includes(KEY));
    // The model's log channel, once it has logged the draft requests above.
    const log = await fileContaining(dir, /Gouji Model/, 'draft received');
    assert.ok(log);
    const texts = filesUnder(dir, (p) => p.endsWith('.log') || p.endsWith('settings.json'));
    assert.ok(texts.length > 1);
    assert.deepEqual(texts.filter((p) => readFileSync(p, 'utf8').includes(KEY)), []);
  });
});
