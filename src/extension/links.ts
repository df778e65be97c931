// The figure → cell links of a report as a read-only virtual document (`gouji:` scheme): a
// markdown table VS Code renders and searches like any file, that is never saved, never checked
// and follows the report as it is edited.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { FigureInfo } from '../core/figure-info';
import { loadEngine } from './engine';
import { messageLang } from './lang';
import type { Reports } from './reports';

export const LINKS_SCHEME = 'gouji';

/** The virtual document of a report's links; the report's URI is its query. */
export function linksUri(report: vscode.Uri): vscode.Uri {
  const name = basename(report.path).replace(/\.[^.]*$/, '') || 'report';
  return vscode.Uri.from({ scheme: LINKS_SCHEME, path: `/${name}.links.md`, query: report.toString() });
}

export class LinksDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly reports: Reports) {
    // A re-checked report: its open links document (if any) is read again.
    this.subscription = reports.onDidCheck((doc) => {
      const uri = linksUri(doc.uri);
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.changed.fire(uri);
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const report = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri.query));
    return linkTable(report, this.reports.isReport(report) ? this.reports.figuresOf(report) : []);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

const VERDICT: Partial<Record<FigureInfo['state'], () => string>> = {
  agrees: () => vscode.l10n.t('agrees'),
  disagrees: () => vscode.l10n.t('disagrees'),
  uncertain: () => vscode.l10n.t('undecided'),
};

/** Every linked figure: line, figure, table, row, column, the cell as written, and the verdict. */
function linkTable(doc: vscode.TextDocument, figures: FigureInfo[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const rows = figures
    .filter((f) => f.link)
    .map(({ figure, link, state }) => {
      const { table, row, cell: source } = link!;
      const { tableName, rowName, columnName } = loadEngine();
      const lang = messageLang();
      const line = doc.positionAt(figure.start).line + 1;
      const verdict = (VERDICT[state] ?? (() => (link!.agrees ? vscode.l10n.t('agrees') : vscode.l10n.t('disagrees'))))();
      return `| ${line} | ${cell(`${figure.text} ${figure.unit ?? ''}`)} | ${cell(tableName(table))} | ${cell(rowName(table, row)[lang])} | ${cell(columnName(table, source.column)[lang])} | ${cell(`${source.text} ${table.unit ?? ''}`)} | ${verdict} |`;
    });
  const header = [vscode.l10n.t('Line'), vscode.l10n.t('Figure'), vscode.l10n.t('Table'), vscode.l10n.t('Row'), vscode.l10n.t('Column'), vscode.l10n.t('Value as written'), vscode.l10n.t('Agrees')];
  return [
    `# ${vscode.l10n.t('Figures and their cells: {0}', vscode.workspace.asRelativePath(doc.uri))}`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows,
    '',
  ].join('\n');
}
