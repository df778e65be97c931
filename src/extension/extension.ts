// The VS Code glue: wires the engine's results to diagnostics, hovers, navigation and fixes.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { REPORT_LANGUAGE, ReportConfig } from './config';
import { ReportDiagnostics } from './diagnostics';
import { ReportFixes } from './fixes';
import { LINKS_SCHEME, LinksDocuments } from './links';
import { registerModel } from './model';
import { CellReferences, FigureDefinition, REVEAL_COMMAND, ReportHover, revealRange, TableCitations } from './navigation';
import { ReportOverview } from './overview';
import { Reports } from './reports';
import { ReportStatus } from './status';

const SELECTOR: vscode.DocumentSelector = [
  { language: REPORT_LANGUAGE },
  { language: 'markdown' },
  { language: 'plaintext' },
];

/** What activate() returns: the overview, for the integration tests to read as a user sees it. */
export interface GoujiApi {
  overview: ReportOverview;
}

export function activate(context: vscode.ExtensionContext): GoujiApi {
  const config = new ReportConfig();
  const reports = new Reports(config);
  const diagnostics = new ReportDiagnostics(reports, context.extensionUri);
  const lenses = new TableCitations(reports);
  const overview = new ReportOverview(reports);
  const links = new LinksDocuments(reports);
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
    overview,
    vscode.window.createTreeView('gouji.overview', { treeDataProvider: overview, showCollapseAll: true }),
    links,
    vscode.workspace.registerTextDocumentContentProvider(LINKS_SCHEME, links),
  );
  registerModel(context, reports);
  return { overview };
}

export function deactivate(): void {}
