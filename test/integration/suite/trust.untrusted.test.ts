// The extension in a folder that is not trusted (run.mjs's untrusted session, VS Code's
// restricted mode): it declares limited support, so reports are still checked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { copyFixture, openAndWaitFor } from './helpers';

describe('gouji in an untrusted workspace', () => {
  it('runs in restricted mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('declares limited support, without which an installed copy would not run here', () => {
    // VS Code runs an extension under development (as here) even in restricted mode, so the
    // checks running below cannot show the declaration: an installed copy needs it.
    const { capabilities } = vscode.extensions.getExtension('gouji.gouji')!.packageJSON;
    assert.equal(capabilities?.untrustedWorkspaces?.supported, 'limited');
  });

  it('still reports a total that disagrees with its cell', async () => {
    const uri = copyFixture('001_6a62bd9b783e40ec.txt', 'report-001-untrusted.txt');
    const { diagnostic } = await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    assert.equal(diagnostic.source, 'gouji');
    assert.match(diagnostic.message, /7,289,400\.60/);
  });
});
