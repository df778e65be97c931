// The packaged extension (`npm run package`), installed from its .vsix into code-server the way
// a user installs it: it is the copy that runs, it carries no node_modules, and it checks a report.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsWhen, ruleOf } from './helpers';

// The compiled tests live in <project>/out/integration-…/vsix/.
const PROJECT = join(__dirname, '..', '..', '..');

describe('the packaged extension', () => {
  it('is installed from the .vsix, small, and checks fixture 001', async () => {
    const ext = vscode.extensions.getExtension('gouji.gouji');
    assert.ok(ext, 'gouji.gouji is installed');
    assert.ok(!ext.extensionPath.startsWith(PROJECT), `runs from the extensions folder, not the project: ${ext.extensionPath}`);
    assert.ok(existsSync(join(ext.extensionPath, 'dist', 'extension.js')));
    assert.ok(!existsSync(join(ext.extensionPath, 'node_modules')), 'the engine is bundled');
    assert.ok(existsSync(join(ext.extensionPath, 'schemas', 'config.schema.json')));

    const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const target = join(folder, '2024年度部门决算.txt');
    copyFileSync(join(PROJECT, 'test', 'fixtures', 'reports', '001_6a62bd9b783e40ec.txt'), target);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(target));
    assert.equal(doc.languageId, 'fiscal-report');
    const ds = await diagnosticsWhen(doc.uri, (all) => all.some((d) => ruleOf(d) === 'amount-mismatch'));
    const mismatch = ds.find((d) => ruleOf(d) === 'amount-mismatch')!;
    assert.equal(doc.getText(mismatch.range), '7,143,754.56');
  });
});
