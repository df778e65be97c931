// The language status item: what was checked in the active report, at a glance.
import * as vscode from 'vscode';
import { isSerious } from '../core/finding';
import { loadEngine } from './engine';
import { messageLang } from './lang';
import type { Reports } from './reports';

export class ReportStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly reports: Reports,
    selector: vscode.DocumentSelector,
  ) {
    this.item = vscode.languages.createLanguageStatusItem('gouji.status', selector);
    this.item.name = vscode.l10n.t('Gouji report check');
    this.item.command = { title: vscode.l10n.t('Show problems'), command: 'workbench.actions.view.problems' };
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // Diagnostics are published after each check: the counts follow without a check of their own.
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
    ];
    this.update();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.reports.isReport(doc)) {
      this.item.text = vscode.l10n.t('Gouji: not a report');
      this.item.detail = vscode.l10n.t('No 决算/预算 tables found');
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    // Only a result already computed for this version: the status never runs a check itself.
    if (!this.reports.hasChecked(doc)) return;
    const { findings } = this.reports.resultFor(doc);
    const counts = loadEngine().coverage(this.reports.figuresOf(doc));
    const serious = findings.filter(isSerious).length;
    // The coverage the CLI prints too (coverage() in src/core/figure-info.ts): what was checked, what was not.
    this.item.text = loadEngine().coverageMessage(counts)[messageLang()];
    this.item.detail = serious ? vscode.l10n.t('{0} problems to act on', serious) : vscode.l10n.t('no problems to act on');
    this.item.severity = serious ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command =
      counts.unlinked + counts.uncertain
        ? { title: vscode.l10n.t('List the figures not checked'), command: 'gouji.listUnlinked' }
        : { title: vscode.l10n.t('Show problems'), command: 'workbench.actions.view.problems' };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
