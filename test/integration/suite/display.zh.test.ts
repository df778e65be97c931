// The extension in a VS Code displayed in 简体中文 (run.mjs's zh session): the engine's messages
// and our own strings (l10n/bundle.l10n.zh-cn.json, package.nls.zh-cn.json) are the Chinese ones.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { copyFixture, hoverText, openAndWaitFor } from './helpers';

const REPORT_001 = '001_6a62bd9b783e40ec.txt';

describe('gouji in VS Code displayed in Chinese', () => {
  it('runs in a zh-cn VS Code', () => {
    assert.equal(vscode.env.language, 'zh-cn');
  });

  it('reports a finding in Chinese', async () => {
    const uri = copyFixture(REPORT_001, 'report-001-zh.txt');
    const { diagnostic } = await openAndWaitFor(uri, 'amount-mismatch', '7,143,754.56');
    // src/core/rules/amount-mismatch.ts: `${figure} ${unit}与${where}的 ${cell} ${unit}不符，应为 ${right} ${unit}。`
    assert.match(diagnostic.message, /^7,143,754\.56 元与公开01表 .* · 总计 · 决算数的 7,289,400\.60 元不符，应为 7,289,400\.60 元。/);
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

  it('titles the fix-all command in Chinese', () => {
    // VS Code keeps a localised title as { value, original }.
    const commands: { command: string; title: { value: string } }[] = vscode.extensions.getExtension('gouji.gouji')!.packageJSON.contributes.commands;
    assert.equal(commands.find((c) => c.command === 'gouji.fixAll')?.title.value, '修复本文件中的全部问题');
  });
});
