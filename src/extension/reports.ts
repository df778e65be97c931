// Which documents are reports, and each report's check result, computed once per version.
import * as vscode from 'vscode';
import type { CheckOptions, CheckResult } from '../core/check';
import type { FigureInfo } from '../core/figure-info';
import type { Checker } from '../core/incremental';
import { loadEngine } from './engine';
import type { ReportConfig } from './config';

interface Checked {
  version: number;
  result: CheckResult;
}

/** Check results by document, kept for the version they were computed from. */
export class Reports implements vscode.Disposable {
  private readonly checked = new Map<string, Checked>();
  /** One incremental checker per document: a re-check after an edit re-reads only the blocks it touched. */
  private readonly checkers = new Map<string, Checker>();
  /** Whether each document is a report, for the version it was decided on: providers ask at every cursor move. */
  private readonly reportness = new Map<string, { version: number; is: boolean }>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when every result is stale (settings or a config file changed). */
  readonly onDidReset = this.changed.event;
  private readonly checkedEmitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's version has been checked. */
  readonly onDidCheck = this.checkedEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly config: ReportConfig) {
    this.subscription = config.onDidChange(() => {
      this.checked.clear();
      this.reportness.clear();
      this.changed.fire();
    });
  }

  /** Is this document a report to check (settings, config file, and what it looks like)? */
  isReport(doc: vscode.TextDocument): boolean {
    const key = doc.uri.toString();
    const known = this.reportness.get(key);
    if (known?.version === doc.version) return known.is;
    const is = this.config.isChecked(doc);
    this.reportness.set(key, { version: doc.version, is });
    return is;
  }

  /** The check options for the document (settings and its config file). */
  optionsFor(doc: vscode.TextDocument): CheckOptions {
    return this.config.optionsFor(doc);
  }

  /** The result for the document as it is now; checks only if this version was never checked. */
  resultFor(doc: vscode.TextDocument): CheckResult {
    return this.entry(doc).result;
  }

  figuresOf(doc: vscode.TextDocument): FigureInfo[] {
    return this.entry(doc).result.figures;
  }

  hasChecked(doc: vscode.TextDocument): boolean {
    return this.checked.get(doc.uri.toString())?.version === doc.version;
  }

  /**
   * The result for the current version once the debounced re-check has made it: for what VS
   * Code asks on every keystroke (CodeLens), so the check stays off the typing path. Resolves
   * undefined when the request is cancelled (a newer version is being typed).
   */
  whenChecked(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<CheckResult | undefined> {
    if (this.hasChecked(doc)) return Promise.resolve(this.resultFor(doc));
    return new Promise((resolve) => {
      const done = (result: CheckResult | undefined) => {
        checked.dispose();
        cancelled.dispose();
        resolve(result);
      };
      const checked = this.onDidCheck((d) => d === doc && this.hasChecked(doc) && done(this.resultFor(doc)));
      const cancelled = token.onCancellationRequested(() => done(undefined));
    });
  }

  forget(doc: vscode.TextDocument): void {
    this.checked.delete(doc.uri.toString());
    this.checkers.delete(doc.uri.toString());
    this.reportness.delete(doc.uri.toString());
  }

  dispose(): void {
    this.checked.clear();
    this.checkers.clear();
    this.reportness.clear();
    this.subscription.dispose();
    this.changed.dispose();
    this.checkedEmitter.dispose();
  }

  private entry(doc: vscode.TextDocument): Checked {
    const key = doc.uri.toString();
    let entry = this.checked.get(key);
    if (entry?.version !== doc.version) {
      let checker = this.checkers.get(key);
      if (!checker) this.checkers.set(key, (checker = new (loadEngine().Checker)()));
      entry = { version: doc.version, result: checker.check(doc.getText(), this.config.optionsFor(doc)) };
      this.checked.set(key, entry);
      this.checkedEmitter.fire(doc);
    }
    return entry;
  }
}

export function rangeOf(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}
