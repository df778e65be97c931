// The palette's commands: check every report of the workspace, fix all in a file, show the
// figure → cell links of a report, open a rule's documentation, create a config file.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES } from '../core/config-files';
import type { ReportDiagnostics } from './diagnostics';
import { loadEngine } from './engine';
import { fixAllEdit } from './fixes';
import { messageLang } from './lang';
import type { Reports } from './reports';

export function registerCommands(reports: Reports, diagnostics: ReportDiagnostics, extensionUri: vscode.Uri): vscode.Disposable[] {
  const activeReport = () => {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && reports.isReport(doc) ? doc : undefined;
  };
  return [
    vscode.commands.registerCommand('gouji.checkWorkspace', () => checkWorkspace(reports, diagnostics)),
    vscode.commands.registerCommand('gouji.fixAll', async () => {
      const doc = activeReport();
      const edit = doc && fixAllEdit(doc, reports.resultFor(doc).findings);
      return edit ? vscode.workspace.applyEdit(edit) : false;
    }),
    vscode.commands.registerCommand('gouji.showLinks', async () => {
      const doc = activeReport();
      if (!doc) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
      const links = await vscode.workspace.openTextDocument({ language: 'markdown', content: linkTable(doc, reports) });
      await vscode.window.showTextDocument(links, vscode.ViewColumn.Beside);
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
        problems += reports.resultFor(doc).findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
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

/** The figure → cell links of a report as a markdown table (itself exempt from checking). */
function linkTable(doc: vscode.TextDocument, reports: Reports): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const rows = reports
    .figuresOf(doc)
    .filter((f) => f.link)
    .map(({ figure, link }) => {
      const { table, row, cell: source } = link!;
      const line = doc.positionAt(figure.start).line + 1;
      const verdict = link!.agrees ? vscode.l10n.t('agrees') : vscode.l10n.t('disagrees');
      return `| ${line} | ${cell(`${figure.text} ${figure.unit ?? ''}`)} | ${cell([table.code, table.title].filter(Boolean).join(' '))} | ${cell([row.code, row.label].filter(Boolean).join(' '))} | ${cell(source.column.name)} | ${cell(`${source.text} ${table.unit ?? ''}`)} | ${verdict} |`;
    });
  const header = [vscode.l10n.t('Line'), vscode.l10n.t('Figure'), vscode.l10n.t('Table'), vscode.l10n.t('Row'), vscode.l10n.t('Column'), vscode.l10n.t('Value as written'), vscode.l10n.t('Agrees')];
  return [
    '<!-- gouji-disable-file -->',
    `# ${vscode.l10n.t('Figures and their cells: {0}', vscode.workspace.asRelativePath(doc.uri))}`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows,
    '',
  ].join('\n');
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
