// The extension in a VS Code displayed in 简体中文 (run.mjs's zh session): the engine's messages
// and our own strings (l10n/bundle.l10n.zh-cn.json, package.nls.zh-cn.json) are the Chinese ones.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { copyFixture, goujiApi, hoverText, openAndWaitFor } from './helpers';

const REPORT_001 = '001_6a62bd9b783e40ec.txt';

describe('gouji in VS Code displayed in Chinese', () => {
  it('runs in a zh-cn VS Code', () => {
    assert.equal(vscode.env.language, 'zh-cn');
  });

  it('reports a finding in Chinese', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-zh.txt');
    const { diagnostic } = await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    // src/core/rules/amount-mismatch.ts: `${figure} ${unit}与${where}的 ${cell} ${unit}不符，应为 ${right} ${unit}。`
    assert.match(diagnostic.message, /^7,143,754\.56 元与公开01表 .*“总计”行“决算数”列的 7,289,400\.60 元不符，应为 7,289,400\.60 元。/);
  });

  it('labels a hover in Chinese', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-zh-hover.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const anchor = '支出决算为 2,473,866.60';
    const at = doc.getText().indexOf(anchor);
    assert.ok(at >= 0, 'the fixture has the 其他医疗保障管理事务支出 sentence');
    const figure = doc.positionAt(at + anchor.indexOf('2,473') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, figure);
    const text = hoverText(hovers);
    assert.match(text, /\*\*来源单元格:\*\* 公开05表/);
    assert.match(text, /\*\*行:\*\* 2101599 其他医疗保障管理事务支出/);
    assert.match(text, /\*\*表中数值:\*\* 2,473,866\.60 元/);
  });

  it('shows the coverage and the overview in Chinese', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-zh-overview.txt');
    await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    const { overview } = goujiApi();
    const roots = overview.getChildren();
    const labels = roots.map((n) => String(overview.getTreeItem(n).label));
    assert.match(labels[0]!, /^已核对 \d+ \/ \d+ 个数字，1 个不符，\d+ 个未能对应/);
    assert.ok(labels.includes('表格') && labels.includes('正文数字'), labels.join(' | '));
    const states = overview.getChildren(roots.find((n) => n.kind === 'figures')).map((n) => String(overview.getTreeItem(n).label));
    assert.ok(states.includes('不符') && states.includes('一致'), states.join(' | '));
  });

  it('says in Chinese why a figure was not checked', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-zh-unlinked.txt');
    const { doc } = await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    const at = doc.getText().indexOf('1,095,976.57');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(at + 2)));
    assert.match(text, /未能对应到表格中的单元格，未作核对/);
  });

  it('titles the fix-all command in Chinese', () => {
    // VS Code keeps a localised title as { value, original }.
    const commands: { command: string; title: { value: string } }[] = vscode.extensions.getExtension('gouji.gouji')!.packageJSON.contributes.commands;
    assert.equal(commands.find((c) => c.command === 'gouji.fixAll')?.title.value, '修复本文件中的全部问题');
  });
});
