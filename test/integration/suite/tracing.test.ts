// Figure tracing from the table side, inline directives, the config file and the commands,
// inside a real VS Code.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { copyFixture, diagnosticsWhen, fixturePath, goujiApi, hoverText, openAndWaitFor, ruleOf, writeWorkspaceFile } from './helpers';

const REPORT_001 = '001_6a62bd9b783e40ec.txt';
const narrative = (doc: vscode.TextDocument) => doc.positionAt(doc.getText().indexOf('支出决算为 2,473,866.60') + '支出决算为 2,4'.length);
const mismatchOn = (doc: vscode.TextDocument, text: string) => (ds: vscode.Diagnostic[]) =>
  ds.some((d) => ruleOf(d) === 'amount-mismatch' && doc.getText(d.range) === text);

async function sourceCell(uri: vscode.Uri, doc: vscode.TextDocument): Promise<vscode.Range> {
  const [target] = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, narrative(doc));
  assert.ok(target, 'the narrative figure has a source cell');
  return 'targetRange' in target ? target.targetRange : target.range;
}

describe('tracing from the tables', () => {
  it('finds every prose figure that cites a cell (Find All References)', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-references.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const cell = await sourceCell(uri, doc);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, cell.start.translate(0, 2));
    // The declaration (the cell) and the figure of line 423: `…支出决算为 2,473,866.60 元…`.
    const lines = refs.map((r) => r.range.start.line);
    assert.ok(lines.includes(cell.start.line), 'the cell itself');
    assert.ok(lines.includes(422), `line 423's figure: ${lines.join(', ')}`);
    for (const r of refs) assert.equal(doc.getText(r.range), '2,473,866.60');
  });

  it('hovers a cell with the prose that cites it and whether it agrees', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-cell-hover.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const cell = await sourceCell(uri, doc);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, cell.start.translate(0, 2)));
    assert.match(text, /公开05表/);
    assert.match(text, /Cited \d+ times in the text; 0 disagree/);
    assert.match(text, /line 423/);
  });

  it('puts one CodeLens on each table with its citations and disagreements', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-lenses.txt');
    // Checked (and Gouji active) first: run on its own, this test would otherwise ask before the provider exists.
    await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    // One per table block: 01表's two halves (收入 | 支出, side by side) and its continuation share one.
    const lines = lenses.map((l) => l.range.start.line + 1);
    assert.equal(new Set(lines).size, lines.length, `one lens per line: ${lines.join(', ')}`);
    assert.ok(lenses.length >= 9, `a lens per table: ${titles.join(' | ')}`);
    const api = goujiApi();
    const tables = api.overview.getChildren().find((n) => n.kind === 'tables');
    assert.ok(tables && tables.kind === 'tables' && lenses.length < tables.tables.length, 'fewer lenses than table parts');
    // 公开01表 (收入) holds 总计 7,289,400.60, which the prose's 7,143,754.56 disagrees with.
    assert.ok(titles.some((t) => /cite this table · [1-9]\d* disagree/.test(t)), titles.join(' | '));
    const agreeing = lenses.find((l) => /all agree/.test(l.command?.title ?? ''));
    assert.equal(agreeing?.command?.command, 'editor.action.showReferences');
    // Lenses sit on tables, never in the narrative: in fixture 001 the first table row is line 114
    // (`收入 … 支出`, under `公开 01 表`), and the narrative runs from `第三部分` (line 385) to the
    // date it is signed (line 589), where the appendix's performance tables begin.
    assert.equal(Math.min(...lines), 114);
    assert.deepEqual(lines.filter((line) => line > 385 && line < 589), []);
  });
});

describe('inline directives and the disable action', () => {
  it('a gouji-disable-line directive silences the finding on its line', async () => {
    const text = readFileSync(fixturePath(REPORT_001), 'utf8');
    const line = '2024 年度收入总计 7,143,754.56 元，支出总计 7,289,400.60 元。';
    assert.ok(text.includes(line));
    const uri = writeWorkspaceFile('report-001-directive.txt', text.replace(line, `${line}<!-- gouji-disable-line amount-mismatch -->`));
    const doc = await vscode.workspace.openTextDocument(uri);
    // Another finding of the file shows the check ran; the silenced one is not among them.
    const ds = await diagnosticsWhen(uri, (all) => all.some((d) => ruleOf(d) === 'truncated-code'));
    assert.ok(!mismatchOn(doc, '7,143,754.56')(ds));
  });

  it('"Disable for this line" writes the directive at the end of the line, and the finding goes', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-disable-action.txt');
    const { doc, diagnostic } = await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    const before = doc.lineAt(diagnostic.range.start.line).text;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const disable = actions.find((a) => a.title === 'Disable amount-mismatch for this line');
    assert.ok(disable?.edit, actions.map((a) => a.title).join(' | '));
    const gone = diagnosticsWhen(uri, (ds) => !mismatchOn(doc, '7,143,754.56')(ds));
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(doc.lineAt(diagnostic.range.start.line).text, `${before} <!-- gouji-disable-line amount-mismatch -->`);
    await gone;
  });
});

describe('the config file', () => {
  it('a .gouji.json beside the report changes severities and turns rules off, without reload', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-config.txt');
    await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const sub = `${folder}/configured/report.txt`;
    mkdirSync(dirname(sub), { recursive: true });
    writeFileSync(sub, readFileSync(uri.fsPath, 'utf8'));
    const subUri = vscode.Uri.file(sub);
    const { doc } = await openAndWaitFor(subUri, 'amount-mismatch', '7,143,754.56');
    const config = `${folder}/configured/.gouji.json`;
    try {
      const isError = (ds: vscode.Diagnostic[]) => ds.some((d) => ruleOf(d) === 'amount-mismatch' && d.severity === vscode.DiagnosticSeverity.Error);
      const error = diagnosticsWhen(subUri, isError);
      writeFileSync(config, '{ "rules": { "amount-mismatch": "error" } }');
      await error;
      const off = diagnosticsWhen(subUri, (ds) => !mismatchOn(doc, '7,143,754.56')(ds) && ds.length > 0);
      writeFileSync(config, '{ "rules": { "amount-mismatch": "off" } }');
      await off;
      // The report one folder up is governed by no config: its finding stays a warning.
      const outside = vscode.languages.getDiagnostics(uri).find((d) => ruleOf(d) === 'amount-mismatch');
      assert.equal(outside?.severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      rmSync(config, { force: true });
    }
    await diagnosticsWhen(subUri, mismatchOn(doc, '7,143,754.56'));
  });

  it('shows a config file’s mistakes on the file itself', async () => {
    const config = writeWorkspaceFile('.gouji.jsonc', '{\n  // 配置\n  "rules": { "amount-mismatc": "off" }\n}\n');
    try {
      const [problem] = await diagnosticsWhen(config, (ds) => ds.length > 0);
      assert.equal(problem!.range.start.line, 2);
      assert.match(problem!.message, /Unknown rule "amount-mismatc"/);
    } finally {
      rmSync(config.fsPath, { force: true });
    }
    await diagnosticsWhen(config, (ds) => ds.length === 0);
  });
});

describe('commands', () => {
  it('checks the reports of the workspace that are not open', async () => {
    const uri = copyFixture(REPORT_001, 'unopened-report.txt');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    const checked = await vscode.commands.executeCommand<number>('gouji.checkWorkspace');
    assert.ok(checked >= 1, `checked ${checked}`);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.ok(mismatchOn(doc, '7,143,754.56')(vscode.languages.getDiagnostics(uri)));
  });

  it('shows the figure → cell link table as a read-only gouji: document, never an untitled file, not itself checked', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-links.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const untitled = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').length;
    const before = untitled();
    const linksUri = await vscode.commands.executeCommand<vscode.Uri>('gouji.showLinks');
    const table = await vscode.workspace.openTextDocument(linksUri);
    assert.equal(table.uri.scheme, 'gouji');
    assert.ok(!table.isUntitled);
    assert.equal(untitled(), before, 'no untitled document was opened');
    assert.equal(table.languageId, 'markdown');
    assert.ok(!table.getText().includes('gouji-disable'), 'no directive needed: a gouji: document is never checked');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', table.uri);
    assert.deepEqual(lenses.filter((l) => /cite|引用/.test(l.command?.title ?? '')), []);
    const row = table.getText().split('\n').find((l) => l.startsWith('| 423 |'));
    assert.ok(row, 'a row for the figure of line 423');
    assert.match(row, /2,473,866\.60 元 \| 公开05表/);
    assert.match(row, /agrees \|$/);
    assert.deepEqual(vscode.languages.getDiagnostics(table.uri).filter((d) => d.source === 'gouji'), []);
  });
});
