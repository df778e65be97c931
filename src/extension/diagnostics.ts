// Findings as diagnostics: on open, on change (debounced) and on save; never twice per version.
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/finding';
import { messageLang } from './lang';
import { rangeOf, type Reports } from './reports';

const DEBOUNCE_MS = 300;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function ruleDocUri(extensionUri: vscode.Uri, rule: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${rule}.md`);
}

export function toDiagnostic(doc: vscode.TextDocument, finding: Finding, extensionUri: vscode.Uri): vscode.Diagnostic {
  const lang = messageLang();
  const diagnostic = new vscode.Diagnostic(rangeOf(doc, finding.start, finding.end), finding.message[lang], SEVERITY[finding.severity]);
  diagnostic.source = 'gouji';
  diagnostic.code = { value: finding.rule, target: ruleDocUri(extensionUri, finding.rule) };
  diagnostic.relatedInformation = finding.related.map(
    (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(doc.uri, rangeOf(doc, r.start, r.end)), r.message[lang]),
  );
  return diagnostic;
}

export class ReportDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('gouji');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version whose findings are shown, per document. */
  private readonly published = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly reports: Reports,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((doc) => this.publish(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.schedule(e.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.publish(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.clear(doc)),
      reports.onDidReset(() => this.publishAll()),
    ];
    // The documents already open are checked after activation returns, not during it.
    setImmediate(() => this.publishAll());
  }

  /** Every open document again: settings or a config file changed. */
  private publishAll(): void {
    this.published.clear();
    for (const doc of vscode.workspace.textDocuments) this.publish(doc);
  }

  /** Re-checks after the typing pauses, off the keystroke's path. */
  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (!doc.isClosed) this.publish(doc);
      }, DEBOUNCE_MS),
    );
  }

  publish(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (this.published.get(key) === doc.version) return;
    if (!this.reports.isReport(doc)) {
      this.collection.delete(doc.uri);
      this.published.delete(key);
      return;
    }
    const version = doc.version;
    const { findings } = this.reports.resultFor(doc);
    if (doc.version !== version || doc.isClosed) return; // stale: a newer version is on its way
    this.collection.set(doc.uri, findings.map((f) => toDiagnostic(doc, f, this.extensionUri)));
    this.published.set(key, version);
  }

  /**
   * A closed document's findings stay in Problems when they are those of the file as saved
   * (as after "check workspace reports"); those of unsaved changes go with the changes.
   */
  private clear(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.published.delete(key);
    if (doc.isDirty || doc.uri.scheme !== 'file') this.collection.delete(doc.uri);
    this.reports.forget(doc);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
