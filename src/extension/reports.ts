// Which documents are reports, and each report's check result, computed once per version.
import * as vscode from 'vscode';
import { check, type CheckResult } from '../core/check';
import { type FigureInfo, figureInfo } from '../core/figure-info';
import type { Lang } from '../core/finding';

export const REPORT_LANGUAGE = 'fiscal-report';

/** A report names its kind (决算/预算) and its standard tables (公开01表, 部门公开表1). */
export function looksLikeReport(text: string): boolean {
  return /决算|预算/.test(text) && /公开\s*\d{1,2}\s*表|部门公开表\s*\d{1,2}/.test(text);
}

export function isReport(doc: vscode.TextDocument): boolean {
  if (doc.languageId === REPORT_LANGUAGE) return true;
  if (doc.languageId !== 'markdown' && doc.languageId !== 'plaintext') return false;
  return looksLikeReport(doc.getText());
}

/** The language of the engine's messages: the one VS Code is displayed in. */
export function messageLang(): Lang {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

interface Checked {
  version: number;
  result: CheckResult;
  figures?: FigureInfo[];
}

/** Check results by document, kept for the version they were computed from. */
export class Reports implements vscode.Disposable {
  private readonly checked = new Map<string, Checked>();

  /** The result for the document as it is now; checks only if this version was never checked. */
  resultFor(doc: vscode.TextDocument): CheckResult {
    return this.entry(doc).result;
  }

  figuresOf(doc: vscode.TextDocument): FigureInfo[] {
    const entry = this.entry(doc);
    entry.figures ??= figureInfo(entry.result);
    return entry.figures;
  }

  hasChecked(doc: vscode.TextDocument): boolean {
    return this.checked.get(doc.uri.toString())?.version === doc.version;
  }

  forget(doc: vscode.TextDocument): void {
    this.checked.delete(doc.uri.toString());
  }

  dispose(): void {
    this.checked.clear();
  }

  private entry(doc: vscode.TextDocument): Checked {
    const key = doc.uri.toString();
    let entry = this.checked.get(key);
    if (entry?.version !== doc.version) {
      entry = { version: doc.version, result: check(doc.getText()) };
      this.checked.set(key, entry);
    }
    return entry;
  }
}

/** The prose figure under a position (number and unit word), if any. */
export function figureAt(figures: FigureInfo[], doc: vscode.TextDocument, position: vscode.Position): FigureInfo | undefined {
  const offset = doc.offsetAt(position);
  return figures.find((f) => f.figure.start <= offset && offset <= f.figure.unitEnd);
}

export function rangeOf(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}
