// A quiet, trustworthy editor, on the real reports: Problems holds what needs action, a fix is
// offered only where the engine is certain, a directive silences and changes nothing else, a
// figure is one word, and the overview lists every table with counts the CLI agrees with.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { OverviewNode } from '../../../src/extension/overview';
import { copyFixture, diagnosticsWhen, extensionRoot, fixturePath, goujiApi, hoverText, openAndWaitFor, ruleOf, writeWorkspaceFile } from './helpers';

const REPORT_000 = '000_68829c0b624b4a3b.txt';
const REPORT_001 = '001_6a62bd9b783e40ec.txt';
const REPORT_003 = '003_a0c01ccc9db781f0.txt';
const LAYOUT = 'putuo-guihua-2024.layout.txt';
const FIXTURES = [REPORT_000, REPORT_001, REPORT_003, LAYOUT];

const gouji = (ds: vscode.Diagnostic[]) => ds.filter((d) => d.source === 'gouji');

/** Opens a fixture copy in an editor and resolves once Gouji has published its findings (every fixture has some). */
async function openChecked(fixture: string, as: string) {
  const uri = copyFixture(fixture, as);
  const doc = await vscode.workspace.openTextDocument(uri);
  const checked = diagnosticsWhen(uri, (ds) => gouji(ds).length > 0);
  const editor = await vscode.window.showTextDocument(doc);
  return { uri, doc, editor, diagnostics: gouji(await checked) };
}

/** The CLI's JSON for a file: the same engine, run as a user runs it. */
function cliJson(path: string) {
  // Exit code 1 says there are findings: the output is what matters.
  const run = spawnSync(process.execPath, [join(extensionRoot(), 'bin', 'gouji.js'), 'check', '--format', 'json', '--lang', 'en', path], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout).files[0];
}

const child = (nodes: OverviewNode[], kind: OverviewNode['kind']) => nodes.find((n) => n.kind === kind);
const where = (d: vscode.Diagnostic) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

describe('Problems holds what needs action', () => {
  for (const fixture of FIXTURES) {
    it(`${fixture}: no per-figure “not tied to a cell” entries by default`, async () => {
      const { diagnostics } = await openChecked(fixture, `quiet-${fixture}`);
      assert.deepEqual(diagnostics.filter((d) => ruleOf(d) === 'amount-unlinked').map(where), []);
    });
  }

  it('gouji.showUnlinked brings them back, as hints', async () => {
    const { uri, doc } = await openChecked(REPORT_001, 'quiet-show-unlinked.txt');
    const settings = vscode.workspace.getConfiguration('gouji');
    const back = diagnosticsWhen(uri, (ds) => ds.some((d) => ruleOf(d) === 'amount-unlinked'));
    await settings.update('showUnlinked', true, vscode.ConfigurationTarget.Global);
    try {
      const unlinked = (await back).filter((d) => ruleOf(d) === 'amount-unlinked');
      assert.ok(unlinked.every((d) => d.severity === vscode.DiagnosticSeverity.Hint));
      // 001 line 409: `年初预算为5,865,710.00元` — 001 publishes no budget column (its 公开05表 has
      // 决算 only), so no cell holds it: the sum of the items' budgets stated below is its only check.
      assert.ok(unlinked.some((d) => doc.getText(d.range) === '5,865,710.00' && d.range.start.line === 408), unlinked.map((d) => `${d.range.start.line}:${doc.getText(d.range)}`).join(' '));
    } finally {
      const gone = diagnosticsWhen(uri, (ds) => ds.length > 0 && !ds.some((d) => ruleOf(d) === 'amount-unlinked'));
      await settings.update('showUnlinked', undefined, vscode.ConfigurationTarget.Global);
      await gone;
    }
  });

  it('lists the figures not checked, and goes to the one picked', async () => {
    const { doc, editor } = await openChecked(REPORT_001, 'quiet-list-unlinked.txt');
    const picked = vscode.commands.executeCommand<{ figure: { start: number; text: string } } | undefined>('gouji.listUnlinked');
    let settled = false;
    void picked.then(() => (settled = true));
    // The quick pick opens over the RPC; accepting is retried until it has (each try is a round trip, no timer).
    for (let i = 0; i < 200 && !settled; i++) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const info = await picked;
    assert.ok(info, 'a figure was picked');
    // The first one listed is the first unlinked amount of 001, 1,095,976.57 on line 389.
    assert.equal(info.figure.text, '1,095,976.57');
    assert.equal(doc.getText(editor.selection).startsWith('1,095,976.57'), true, doc.getText(editor.selection));
    assert.equal(editor.selection.start.line, 388);
  });

  it('hovers an unchecked figure with why it was not checked, and an undecided one with “could not decide”', async () => {
    const { uri, doc } = await openChecked(REPORT_001, 'quiet-hover-unlinked.txt');
    const at = doc.getText().indexOf('1,095,976.57');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(at + 2));
    assert.match(hoverText(hovers), /Not tied to a table cell, so not checked/);
    // Undecided figures (the linker marks them) are in the hover, never in Problems.
    const figures = child(goujiApi().overview.getChildren(), 'figures')!;
    const undecided = goujiApi().overview.getChildren(figures).find((n) => n.kind === 'state' && n.state === 'uncertain');
    for (const node of undecided ? goujiApi().overview.getChildren(undecided) : []) {
      if (node.kind !== 'figure') continue;
      const range = new vscode.Range(doc.positionAt(node.info.figure.start), doc.positionAt(node.info.figure.end));
      assert.deepEqual(gouji(vscode.languages.getDiagnostics(uri)).filter((d) => d.range.intersection(range)).map(where), []);
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, range.start));
      assert.match(text, /could not decide/);
    }
  });
});

describe('fixes only when certain', () => {
  it('offers no edit on a finding without a fix, only the cells to compare (001’s 收入总计)', async () => {
    const uri = copyFixture(REPORT_001, 'quiet-no-fix.txt');
    const { doc, diagnostic } = await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    // The figure equals another cell (本年收入合计): which one the author meant is theirs to say.
    const edits = actions.filter((a) => a.edit && !a.title.startsWith('Disable '));
    assert.deepEqual(edits.map((a) => a.title), []);
    const compare = actions.find((a) => a.title.startsWith('Compare: source: 公开01表'));
    assert.ok(compare?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(compare.command.command, ...(compare.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(doc.getText(editor.selection), '7,289,400.60');
    assert.match(doc.lineAt(editor.selection.start.line).text, /^总计/);
  });

  it('fix-all applies the certain fixes and says how many findings it left for review', async () => {
    const original = readFileSync(fixturePath(REPORT_000), 'utf8');
    const uri = writeWorkspaceFile('quiet-fix-all.txt', original.replace('完成年初预算的99.96%', '完成年初预算的99.69%'));
    const { doc } = await openAndWaitFor(uri, 'completion-mismatch', '99.69');
    await vscode.window.showTextDocument(doc);
    const rechecked = diagnosticsWhen(uri, (ds) => ds.length > 0 && !ds.some((d) => ruleOf(d) === 'completion-mismatch'));
    const result = await vscode.commands.executeCommand<{ fixed: number; left: number }>('gouji.fixAll');
    assert.equal(result.fixed, 1);
    assert.ok(doc.getText().includes('完成年初预算的99.96%'));
    // 000's broken table figures (1.064.05 …) and its parts that do not add up need the author:
    // what is left is what Problems shows as warnings and errors.
    assert.ok(result.left > 0);
    const left = gouji(await rechecked).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.equal(result.left, left.length);
  });

  it('contributes source.fixAll.gouji for editor.codeActionsOnSave', () => {
    const contributed: { languages: string[]; actions: { kind: string }[] }[] = vscode.extensions.getExtension('gouji.gouji')!.packageJSON.contributes.codeActions;
    assert.ok(contributed.some((c) => c.languages.includes('fiscal-report') && c.actions.some((a) => a.kind === 'source.fixAll.gouji')));
  });
});

describe('a directive silences findings and changes nothing else', () => {
  // A directive appended to a line moves nothing on other lines: every other finding stays where it was.
  const cases: [string, string, string][] = [
    [REPORT_000, '| 20000   |', 'malformed-number'], // a markdown table row (公开02表, the broken 1.064.05)
    [REPORT_001, '2101599\t其他医疗保障管理事务支出', 'amount-mismatch'], // a tab-separated row
    [LAYOUT, '754.75      754.75', 'malformed-number'], // a whitespace-aligned layout row
    [REPORT_001, '2024 年度收入总计 7,143,754.56 元', 'amount-mismatch'], // a prose line
  ];
  for (const [index, [fixture, anchor, rule]] of cases.entries()) {
    it(`${fixture}: <!-- gouji-disable-line ${rule} --> after ${JSON.stringify(anchor)}`, async () => {
      const text = readFileSync(fixturePath(fixture), 'utf8');
      const plain = writeWorkspaceFile(`directive-plain-${index}-${fixture}`, text);
      const at = text.indexOf(anchor);
      assert.ok(at >= 0, anchor);
      const end = text.indexOf('\n', at);
      const line = text.slice(0, at).split('\n').length - 1;
      const directed = writeWorkspaceFile(`directive-on-${index}-${fixture}`, `${text.slice(0, end)} <!-- gouji-disable-line ${rule} -->${text.slice(end)}`);
      await vscode.workspace.openTextDocument(plain);
      const before = gouji(await diagnosticsWhen(plain, (ds) => gouji(ds).length > 0));
      await vscode.workspace.openTextDocument(directed);
      const after = gouji(await diagnosticsWhen(directed, (ds) => gouji(ds).length > 0));
      const expected = before.filter((d) => !(ruleOf(d) === rule && d.range.start.line === line)).map(where);
      assert.deepEqual(after.map(where), expected);
    });
  }
});

describe('a figure is one word', () => {
  it('F12 on any part of a comma-grouped figure reaches its cell, the figure highlighted whole (001)', async () => {
    // A fiscal-report file name: the language's wordPattern applies.
    const { uri, doc } = await openChecked(REPORT_001, '2024年度部门决算-f12.txt');
    assert.equal(doc.languageId, 'fiscal-report');
    // 001 line 397: `…支出总计 7,258,755.96 元…其中：基本支出 4,684,889.36 元` — 4,684,889.36 is 公开03表's 基本支出.
    const figure = '4,684,889.36';
    const at = doc.getText().indexOf(`基本支出 ${figure}`) + '基本支出 '.length;
    for (const offset of [0, 3, figure.length - 2]) {
      const position = doc.positionAt(at + offset);
      assert.equal(doc.getText(doc.getWordRangeAtPosition(position)), figure);
      const [link] = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', uri, position);
      assert.ok(link, `a definition at offset ${offset}`);
      assert.equal(doc.getText(link.originSelectionRange), figure);
      assert.equal(doc.getText(link.targetRange), figure);
      assert.ok(link.targetRange.start.line < position.line, 'the cell is in the tables above the narrative');
    }
  });

  it('the report language behaves like prose: no ambiguous-character boxes, no indent guides, word wrap', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'fiscal-report' });
    assert.equal(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(editor.get('guides.indentation'), false);
    assert.equal(editor.get('wordWrap'), 'on');
  });
});

describe('the overview', () => {
  for (const fixture of FIXTURES) {
    it(`${fixture}: lists every table, and its counts are the CLI’s`, async () => {
      const { uri } = await openChecked(fixture, `overview-${fixture}`);
      const { overview } = goujiApi();
      assert.equal(overview.document?.uri.toString(), uri.toString());
      const roots = overview.getChildren();
      const json = cliJson(uri.fsPath);
      // Every table the engine found, with its code or title, unit and rows, in order.
      const tables = overview.getChildren(child(roots, 'tables')!);
      assert.equal(tables.length, json.tables.length);
      tables.forEach((node, i) => {
        const item = overview.getTreeItem(node);
        const t = json.tables[i];
        for (const name of [t.code, t.title].filter(Boolean)) assert.ok(String(item.label).includes(name), `${item.label} names ${name}`);
        assert.ok(String(item.description).includes(`${t.rows} rows`), String(item.description));
        assert.equal(item.command?.command, 'gouji.revealRange');
      });
      // The coverage line is the CLI's count, state by state.
      const coverage = child(roots, 'coverage');
      assert.ok(coverage?.kind === 'coverage');
      assert.deepEqual(coverage.coverage, json.coverage);
      assert.match(String(overview.getTreeItem(coverage).label), new RegExp(`^${json.coverage.checked} of ${json.coverage.figures} figures checked`));
      // Each figure under its state, as many as the CLI's JSON has in that state.
      for (const group of overview.getChildren(child(roots, 'figures')!)) {
        assert.ok(group.kind === 'state');
        assert.equal(group.figures.length, json.figures.filter((f: { state: string }) => f.state === group.state).length, group.state);
      }
    });
  }

  it('reveals a figure when its item is clicked (001’s wrong 收入总计)', async () => {
    const { doc } = await openChecked(REPORT_001, 'overview-reveal.txt');
    const { overview } = goujiApi();
    const disagree = overview.getChildren(child(overview.getChildren(), 'figures')!).find((n) => n.kind === 'state' && n.state === 'disagrees')!;
    const wrong = overview.getChildren(disagree).find((n) => n.kind === 'figure' && n.info.figure.text === '7,143,754.56')!;
    const item = overview.getTreeItem(wrong);
    assert.equal(item.label, '7,143,754.56 元');
    await vscode.commands.executeCommand(item.command!.command, ...item.command!.arguments!);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document, doc);
    assert.equal(doc.getText(editor.selection), '7,143,754.56 元');
    assert.equal(editor.selection.start.line, 388);
  });
});
