// The palette's commands: check every report of the workspace, fix all in a file, show the
// figure → cell links of a report, open a rule's documentation, create a config file.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES } from '../core/config-files';
import type { ReportDiagnostics } from './diagnostics';
import { loadEngine } from './engine';
import { fixAllEdit } from './fixes';
import { linksUri } from './links';
import { REVEAL_COMMAND } from './navigation';
import { figureLabel } from './overview';
import { messageLang } from './lang';
import type { Reports } from './reports';
import type { FigureInfo } from '../core/figure-info';
import { type Finding, isSerious } from '../core/finding';

export function registerCommands(reports: Reports, diagnostics: ReportDiagnostics, extensionUri: vscode.Uri): vscode.Disposable[] {
  const activeReport = () => {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && reports.isReport(doc) ? doc : undefined;
  };
  return [
    vscode.commands.registerCommand('gouji.checkWorkspace', () => checkWorkspace(reports, diagnostics)),
    vscode.commands.registerCommand('gouji.fixAll', async () => {
      const doc = activeReport();
      if (!doc) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
      return fixAll(doc, reports);
    }),
    vscode.commands.registerCommand('gouji.listUnlinked', async () => {
      const doc = activeReport();
      if (!doc) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
      return listUnchecked(doc, reports);
    }),
    vscode.commands.registerCommand('gouji.showLinks', async () => {
      const doc = activeReport();
      if (!doc) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
      const links = await vscode.workspace.openTextDocument(linksUri(doc.uri));
      await vscode.window.showTextDocument(links, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      return links.uri;
    }),
    vscode.commands.registerCommand('gouji.openRuleDocs', async (rule?: string) => {
      const lang = messageLang();
      const id =
        rule ??
        (await vscode.window.showQuickPick(
          loadEngine().rules.map((r) => ({ label: r.id, description: r.description[lang] })),
          { placeHolder: vscode.l10n.t('Which rule?') },
        ))?.label;
      if (id) await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`));
    }),
    vscode.commands.registerCommand('gouji.createConfig', () => createConfig()),
    vscode.commands.registerCommand('gouji.showOverview', () => vscode.commands.executeCommand('gouji.overview.focus')),
  ];
}

/** Opens every text and markdown file of the workspace that is a report, and checks it. */
async function checkWorkspace(reports: Reports, diagnostics: ReportDiagnostics): Promise<number> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the reports of the workspace'), cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles('**/*.{md,markdown,txt}', undefined, undefined, token);
      let checked = 0;
      let problems = 0;
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
        const doc = await vscode.workspace.openTextDocument(uri);
        if (!reports.isReport(doc)) continue;
        diagnostics.publish(doc);
        checked++;
        problems += serious(reports.resultFor(doc).findings);
        // Let the editor breathe between large reports.
        if (i % 5 === 4) await new Promise((resolve) => setImmediate(resolve));
      }
      const show = vscode.l10n.t('Show problems');
      vscode.window
        .showInformationMessage(vscode.l10n.t('Checked {0} reports: {1} problems.', checked, problems), show)
        .then((choice) => choice === show && vscode.commands.executeCommand('workbench.actions.view.problems'));
      return checked;
    },
  );
}

const serious = (findings: Finding[]) => findings.filter(isSerious).length;

/** Applies every certain fix as one undoable edit, and says how many findings are left for the author. */
async function fixAll(doc: vscode.TextDocument, reports: Reports): Promise<{ fixed: number; left: number }> {
  const edit = fixAllEdit(doc, reports.resultFor(doc).findings);
  const fixed = edit && (await vscode.workspace.applyEdit(edit)) ? edit.get(doc.uri).length : 0;
  // The edited version checked again: what is left is what no certain fix covers.
  const left = serious(reports.resultFor(doc).findings);
  const message = fixed
    ? vscode.l10n.t('Fixed {0} figure(s). {1} finding(s) left for you to review: Gouji fixes a figure only when it is certain.', fixed, left)
    : vscode.l10n.t('Nothing Gouji can fix with certainty. {0} finding(s) left for you to review.', left);
  void vscode.window.showInformationMessage(message);
  return { fixed, left };
}

interface FigurePick extends vscode.QuickPickItem {
  info?: FigureInfo;
}

/** The figures no check covers (no cell found, or undecided), to pick one and go to it. */
async function listUnchecked(doc: vscode.TextDocument, reports: Reports): Promise<FigureInfo | undefined> {
  const figures = reports.figuresOf(doc);
  const item = (info: FigureInfo): FigurePick => {
    const { line } = doc.positionAt(info.figure.start);
    return {
      label: figureLabel(info.figure),
      description: vscode.l10n.t('line {0}', line + 1),
      detail: doc.lineAt(line).text.trim().slice(0, 120),
      info,
    };
  };
  const group = (label: string, state: FigureInfo['state']): FigurePick[] => {
    const items = figures.filter((f) => f.state === state).map(item);
    return items.length ? [{ label, kind: vscode.QuickPickItemKind.Separator }, ...items] : [];
  };
  const items = [...group(vscode.l10n.t('Not tied to a table cell'), 'unlinked'), ...group(vscode.l10n.t('Undecided'), 'uncertain')];
  if (!items.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Every figure of this report was checked against its source.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Figures Gouji did not check: pick one to go to it'), matchOnDetail: true });
  if (!picked?.info) return undefined;
  const { figure } = picked.info;
  await vscode.commands.executeCommand(REVEAL_COMMAND, doc.uri.toString(), figure.start, figure.unitEnd);
  return picked.info;
}

const CONFIG_TEMPLATE = `{
  // Gouji 勾稽 — 项目配置 (project configuration). 说明见 README (see the README).
  // 规则级别 (rule severities): "error" | "warning" | "information" | "hint" | "off"
  "rules": {
    // "amount-unlinked": "off"
  },
  // "rounding"：四舍五入可解释即为正确 (default) | "truncation"：截断也接受 (cut-off rates accepted)
  "tolerance": "rounding"
}
`;

/** Creates .gouji.jsonc at the root of a workspace folder (or opens the one there). */
async function createConfig(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick() : folders[0];
  if (!folder) {
    if (!folders.length) void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the config file is created at its root.'));
    return;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const existing = vscode.Uri.joinPath(folder.uri, name);
    const found = await vscode.workspace.fs.stat(existing).then(
      () => true,
      () => false,
    );
    if (found) return void (await vscode.window.showTextDocument(existing));
  }
  const uri = vscode.Uri.joinPath(folder.uri, '.gouji.jsonc');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(CONFIG_TEMPLATE));
  await vscode.window.showTextDocument(uri);
}
