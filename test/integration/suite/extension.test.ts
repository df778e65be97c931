// The extension inside a real VS Code (code-server): diagnostics, hover, definition, quick fix.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { copyFixture, diagnosticsWhen, fixturePath, hoverText, openAndWaitFor, ruleOf, writeWorkspaceFile } from './helpers';

const REPORT_001 = '001_6a62bd9b783e40ec.txt';
const REPORT_000 = '000_68829c0b624b4a3b.txt';

/** Position inside the narrative's 2,473,866.60 (the 其他医疗保障管理事务支出 sentence), linked to 公开05表. */
function narrativeFigure(doc: vscode.TextDocument): vscode.Position {
  const anchor = '支出决算为 2,473,866.60';
  const at = doc.getText().indexOf(anchor);
  assert.ok(at >= 0, 'the fixture has the narrative sentence');
  return doc.positionAt(at + anchor.indexOf('2,473') + 3);
}

describe('gouji in VS Code', () => {
  it('reports a total that disagrees with its cell, on exactly the figure, with the cell as related information', async () => {
    const uri = copyFixture(REPORT_001, 'report-001.txt');
    const { doc, diagnostic } = await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    assert.equal(doc.getText(diagnostic.range), '7,143,754.56');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.source, 'gouji');
    assert.ok(typeof diagnostic.code === 'object', 'code carries a link to the rule doc');
    assert.equal(diagnostic.code.value, 'amount-mismatch');
    assert.match(diagnostic.code.target.path, /docs\/rules\/amount-mismatch\.md$/);
    assert.match(diagnostic.message, /7,289,400\.60/);
    const related = diagnostic.relatedInformation ?? [];
    const source = related.find((r) => doc.getText(r.location.range) === '7,289,400.60');
    assert.ok(source, `related information points at the 7,289,400.60 cell: ${JSON.stringify(related.map((r) => r.message))}`);
    assert.equal(source.location.uri.toString(), uri.toString());
    assert.match(doc.lineAt(source.location.range.start.line).text, /^总计/);
  });

  it('hovers a narrative figure with its source cell', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-hover.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, narrativeFigure(doc));
    const text = hoverText(hovers);
    assert.match(text, /公开05表/);
    assert.match(text, /2101599/);
    assert.match(text, /其他医疗保障管理事务支出/);
    assert.match(text, /2,473,866\.60 元/);
  });

  it('goes from a narrative figure to its cell', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-definition.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, narrativeFigure(doc));
    assert.equal(targets.length, 1);
    const target = targets[0]!;
    const range = 'targetRange' in target ? target.targetRange : target.range;
    const targetUri = 'targetUri' in target ? target.targetUri : target.uri;
    assert.equal(targetUri.toString(), uri.toString());
    assert.equal(doc.getText(range), '2,473,866.60');
    assert.match(doc.lineAt(range.start.line).text, /^2101599\t其他医疗保障管理事务支出/);
    assert.ok(range.start.line < narrativeFigure(doc).line, 'the cell is in the tables, above the prose');
  });

  it('fixes a wrong completion rate with the engine’s edit and nothing else', async () => {
    const original = readFileSync(fixturePath(REPORT_000), 'utf8');
    const wrong = original.replace('完成年初预算的99.96%', '完成年初预算的99.69%');
    assert.notEqual(wrong, original);
    const uri = writeWorkspaceFile('report-000-wrong-rate.txt', wrong);
    const { doc, diagnostic } = await openAndWaitFor(uri, 'completion-mismatch', '99.69');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.includes('99.96') && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix?.edit, `a quick fix writes 99.96: ${actions.map((a) => a.title).join(' | ')}`);
    const cleared = diagnosticsWhen(uri, (ds) => !ds.some((d) => ruleOf(d) === 'completion-mismatch' && d.range.isEqual(diagnostic.range)));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(), original);
    await cleared; // the re-check after the edit no longer reports it
  });

  it('hovers a completion rate with its formula, recomputed value and rounding interval', async () => {
    const original = readFileSync(fixturePath(REPORT_000), 'utf8');
    const uri = writeWorkspaceFile('report-000-hover-rate.txt', original.replace('完成年初预算的99.96%', '完成年初预算的99.69%'));
    const { diagnostic } = await openAndWaitFor(uri, 'completion-mismatch', '99.69');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, diagnostic.range.start.translate(0, 1));
    const text = hoverText(hovers);
    assert.match(text, /135\.57 ÷ 135\.63/);
    assert.match(text, /99\.9558%/);
    assert.match(text, /\[99\.9483, 99\.9632\]%/);
    assert.match(text, /99\.96/);
  });

  it('offers source.fixAll.gouji for editor.codeActionsOnSave', async () => {
    const original = readFileSync(fixturePath(REPORT_000), 'utf8');
    const uri = writeWorkspaceFile('report-000-fix-all.txt', original.replace('完成年初预算的99.96%', '完成年初预算的99.69%'));
    const { doc } = await openAndWaitFor(uri, 'completion-mismatch', '99.69');
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.gouji');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.gouji');
    assert.ok(fixAll?.edit, 'a fix-all action is offered');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.ok(doc.getText().includes('完成年初预算的99.96%'));
  });

  it('fixes on save with "editor.codeActionsOnSave": { "source.fixAll.gouji": "explicit" }', async () => {
    const original = readFileSync(fixturePath(REPORT_000), 'utf8');
    const uri = writeWorkspaceFile('report-000-fix-on-save.txt', original.replace('完成年初预算的99.96%', '完成年初预算的99.69%'));
    const { doc } = await openAndWaitFor(uri, 'completion-mismatch', '99.69');
    const settings = vscode.workspace.getConfiguration('editor', { languageId: doc.languageId });
    await settings.update('codeActionsOnSave', { 'source.fixAll.gouji': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    try {
      // A change to save (the fix must come from the save, not from this edit).
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.insert(doc.positionAt(0), ' '));
      assert.ok(await doc.save());
      assert.ok(doc.getText().includes('完成年初预算的99.96%'), 'the wrong rate was fixed as the file was saved');
      const saved = readFileSync(uri.fsPath, 'utf8');
      assert.ok(saved.includes('完成年初预算的99.96%') && !saved.includes('99.69'), 'and the file on disk has it');
    } finally {
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });

  it('gives report file names the report language', async () => {
    const uri = copyFixture(REPORT_001, '2024年度部门决算.txt');
    const { doc } = await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    assert.equal(doc.languageId, 'fiscal-report');
  });

  it('checks an untitled document that looks like a report', async () => {
    const content = readFileSync(fixturePath(REPORT_001), 'utf8');
    const doc = await vscode.workspace.openTextDocument({ content });
    assert.equal(doc.uri.scheme, 'untitled');
    const diagnostics = await diagnosticsWhen(doc.uri, (ds) => ds.some((d) => ruleOf(d) === 'amount-mismatch'));
    const mismatch = diagnostics.find((d) => ruleOf(d) === 'amount-mismatch')!;
    assert.equal(doc.getText(mismatch.range), '7,143,754.56');
  });

  it('leaves plain text that is not a report alone', async () => {
    // The engine would flag 20.00% (10 on 90 is 11.11%), but nothing here says 决算/预算 or 公开NN表.
    const doc = await vscode.workspace.openTextDocument({ content: '本年收入 100.00 万元，比上年增加 10.00 万元，增长 20.00%。\n' });
    assert.equal(doc.languageId, 'plaintext');
    const rate = doc.positionAt(doc.getText().indexOf('20.00') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, rate);
    assert.doesNotMatch(hoverText(hovers), /Formula|公式|11\.11/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(rate, rate));
    assert.deepEqual(actions.filter((a) => /11\.11|Gouji|勾稽/.test(a.title)).map((a) => a.title), []);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'gouji'), []);
  });
});
