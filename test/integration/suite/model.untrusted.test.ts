// The model in a folder that is not trusted: even enabled, with an endpoint allowed, it is
// neither offered nor used — not one request reaches the server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { jsonCompletion, TestModelServer } from '../../llm/server';
import { copyFixture, openAndWaitFor } from './helpers';

describe('the model in an untrusted workspace', () => {
  const server = new TestModelServer();
  const settings = () => vscode.workspace.getConfiguration('gouji.model');
  before(async () => {
    await server.start();
    for (const [key, value] of Object.entries({ enabled: true, baseUrl: server.baseUrl, name: 'test-model', allowedEndpoints: [server.baseUrl] })) {
      await settings().update(key, value, vscode.ConfigurationTarget.Global);
    }
  });
  after(async () => {
    for (const key of ['enabled', 'baseUrl', 'name', 'allowedEndpoints']) await settings().update(key, undefined, vscode.ConfigurationTarget.Global);
    await server.stop();
  });

  it('refuses to draft or review, and offers no draft', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(settings().get('enabled'), true, 'the user setting is on');
    server.reply(jsonCompletion({ reason: '年内有人员调出', figures: [] }));
    const uri = copyFixture('001_6a62bd9b783e40ec.txt', 'model-untrusted-001.txt');
    const { doc } = await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    const offset = doc.getText().indexOf('正常浮动');
    const at = doc.positionAt(offset);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at));
    assert.deepEqual(actions.filter((a) => a.command?.command === 'gouji.model.draft'), []);
    assert.equal(await vscode.commands.executeCommand('gouji.model.draft', uri, offset), undefined);
    assert.equal(await vscode.commands.executeCommand('gouji.model.review', uri), undefined);
    assert.equal(server.requests.length, 0);
  });
});
