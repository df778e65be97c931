// Quick fixes and fix-all: the engine's own text edits, turned into workspace edits.
import * as vscode from 'vscode';
import type { Finding } from '../core/finding';
import { loadEngine } from './engine';
import { messageLang } from './lang';
import { REVEAL_COMMAND } from './navigation';
import { rangeOf, type Reports } from './reports';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('gouji');

/** One edit with every fix of the document that does not overlap another. */
export function fixAllEdit(doc: vscode.TextDocument, findings: Finding[]): vscode.WorkspaceEdit | undefined {
  const { applied } = loadEngine().applyFixes(doc.getText(), findings);
  if (!applied.length) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const fix of applied) edit.replace(doc.uri, rangeOf(doc, fix.start, fix.end), fix.newText);
  return edit;
}

/**
 * "Disable for this line": appends an inline directive to the line, where it silences this
 * rule only. At the line's end (not on a line above) so a paragraph or table is not split.
 */
function disableActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, findings: Finding[]): vscode.CodeAction[] {
  const rules = new Set<string>();
  for (const finding of findings) {
    const at = rangeOf(doc, finding.start, finding.end);
    if (at.intersection(range) && at.start.line === range.start.line) rules.add(finding.rule);
  }
  return [...rules].map((rule) => {
    const line = doc.lineAt(range.start.line);
    const action = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this line', rule), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(doc.uri, line.range.end, `${line.text.endsWith(' ') ? '' : ' '}<!-- gouji-disable-line ${rule} -->`);
    action.diagnostics = context.diagnostics.filter((d) => d.source === 'gouji' && typeof d.code === 'object' && d.code.value === rule);
    return action;
  });
}

/** How many related places a finding without a fix offers to reveal: the first few are the ones to compare. */
const COMPARE_LIMIT = 3;

/** For a finding Gouji cannot fix with certainty: reveal the cells to compare (its related information), no edit. */
function compareActions(doc: vscode.TextDocument, finding: Finding, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const lang = messageLang();
  const diagnostics = context.diagnostics.filter((d) => d.source === 'gouji' && d.range.isEqual(rangeOf(doc, finding.start, finding.end)));
  return finding.related.slice(0, COMPARE_LIMIT).map((r) => {
    const action = new vscode.CodeAction(vscode.l10n.t('Compare: {0}', r.message[lang]), vscode.CodeActionKind.QuickFix);
    action.command = { title: action.title, command: REVEAL_COMMAND, arguments: [doc.uri.toString(), r.start, r.end] };
    action.diagnostics = diagnostics;
    return action;
  });
}

export class ReportFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly reports: Reports) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!this.reports.isReport(doc)) return [];
    // VS Code asks for the light bulb at every cursor move: then only a result already made
    // for this version is used (the diagnostics being shown). A user's request, and fix-all
    // on save (asked for by its kind), may check.
    const fixAllAsked = context.only !== undefined && (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only));
    if (context.triggerKind === vscode.CodeActionTriggerKind.Automatic && !fixAllAsked && !this.reports.hasChecked(doc)) return [];
    const { findings } = this.reports.resultFor(doc);
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    const actions: vscode.CodeAction[] = [];

    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const finding of findings) {
        // The engine attaches a fix only when it is certain; otherwise the author compares the cells.
        if (!finding.fix) {
          if (rangeOf(doc, finding.start, finding.end).intersection(range)) actions.push(...compareActions(doc, finding, context));
          continue;
        }
        const target = rangeOf(doc, finding.fix.start, finding.fix.end);
        if (!target.intersection(range)) continue;
        const action = new vscode.CodeAction(vscode.l10n.t('Replace with {0}', finding.fix.newText), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, target, finding.fix.newText);
        action.diagnostics = context.diagnostics.filter((d) => d.source === 'gouji' && d.range.isEqual(rangeOf(doc, finding.start, finding.end)));
        action.isPreferred = true;
        actions.push(action);
      }
      actions.push(...disableActions(doc, range, context, findings));
      if (actions.some((a) => a.isPreferred)) {
        const edit = fixAllEdit(doc, findings);
        if (edit && edit.size > 0) {
          const all = new vscode.CodeAction(vscode.l10n.t('Fix all Gouji problems in this file'), vscode.CodeActionKind.QuickFix);
          all.edit = edit;
          actions.push(all);
        }
      }
    }
    if (context.only && wants(FIX_ALL_KIND)) {
      const edit = fixAllEdit(doc, findings);
      if (edit) {
        const all = new vscode.CodeAction(vscode.l10n.t('Fix all Gouji problems in this file'), FIX_ALL_KIND);
        all.edit = edit;
        actions.push(all);
      }
    }
    return actions;
  }
}
