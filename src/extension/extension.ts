// The VS Code glue: wires the engine's results to diagnostics, hovers, navigation and fixes.
import * as vscode from 'vscode';
import { ReportDiagnostics } from './diagnostics';
import { fixAllEdit, ReportFixes } from './fixes';
import { FigureDefinition, FigureHover } from './navigation';
import { isReport, REPORT_LANGUAGE, Reports } from './reports';

const SELECTOR: vscode.DocumentSelector = [
  { language: REPORT_LANGUAGE },
  { language: 'markdown' },
  { language: 'plaintext' },
];

export function activate(context: vscode.ExtensionContext): void {
  const reports = new Reports();
  context.subscriptions.push(
    reports,
    new ReportDiagnostics(reports, context.extensionUri),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new ReportFixes(reports), ReportFixes.metadata),
    vscode.languages.registerHoverProvider(SELECTOR, new FigureHover(reports)),
    vscode.languages.registerDefinitionProvider(SELECTOR, new FigureDefinition(reports)),
    vscode.commands.registerCommand('gouji.fixAll', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || !isReport(doc)) return false;
      const edit = fixAllEdit(doc, reports.resultFor(doc).findings);
      return edit ? vscode.workspace.applyEdit(edit) : false;
    }),
  );
}

export function deactivate(): void {}
