// The VS Code glue: wires the engine's results to diagnostics, hovers, navigation and fixes.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { REPORT_LANGUAGE, ReportConfig } from './config';
import { ReportDiagnostics } from './diagnostics';
import { ReportFixes } from './fixes';
import { registerModel } from './model';
import { CellReferences, FigureDefinition, REVEAL_COMMAND, ReportHover, revealRange, TableCitations } from './navigation';
import { Reports } from './reports';
import { ReportStatus } from './status';

const SELECTOR: vscode.DocumentSelector = [
  { language: REPORT_LANGUAGE },
  { language: 'markdown' },
  { language: 'plaintext' },
];

export function activate(context: vscode.ExtensionContext): void {
  const config = new ReportConfig();
  const reports = new Reports(config);
  const diagnostics = new ReportDiagnostics(reports, context.extensionUri);
  const lenses = new TableCitations(reports);
  context.subscriptions.push(
    config,
    reports,
    diagnostics,
    lenses,
    // Lenses count citations, which no setting but this one changes (a refresh closes open hovers).
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('gouji.codeLens') && lenses.refresh()),
    new ReportStatus(reports, SELECTOR),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new ReportFixes(reports), ReportFixes.metadata),
    vscode.languages.registerHoverProvider(SELECTOR, new ReportHover(reports)),
    vscode.languages.registerDefinitionProvider(SELECTOR, new FigureDefinition(reports)),
    vscode.languages.registerReferenceProvider(SELECTOR, new CellReferences(reports)),
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.commands.registerCommand(REVEAL_COMMAND, revealRange),
    ...registerCommands(reports, diagnostics, context.extensionUri),
  );
  registerModel(context, reports);
}

export function deactivate(): void {}
