// Hover and Go to Definition on a prose figure: where it comes from and what it should be.
import * as vscode from 'vscode';
import type { FigureInfo } from '../core/figure-info';
import { figureAt, isReport, rangeOf, type Reports } from './reports';

/** Decimals shown for a recomputed rate and its interval: enough to see why it rounds as it does. */
const SHOWN_DECIMALS = 4;

export function describeFigure(info: FigureInfo): vscode.MarkdownString | undefined {
  const { link, recomputed } = info;
  if (!link && !recomputed) return undefined;
  const md = new vscode.MarkdownString();
  const line = (label: string, value: string) => md.appendMarkdown(`**${label}:** `).appendText(value).appendMarkdown('  \n');
  if (link) {
    const { table, row, cell } = link;
    line(vscode.l10n.t('Source cell'), [table.code, table.title, table.part && `(${table.part})`].filter(Boolean).join(' '));
    line(vscode.l10n.t('Row'), [row.code, row.label].filter(Boolean).join(' '));
    line(vscode.l10n.t('Column'), cell.column.name);
    line(vscode.l10n.t('Value as written'), table.unit ? `${cell.text} ${table.unit}` : cell.text);
    if (!link.agrees) line(vscode.l10n.t('Disagrees with the text'), info.figure.text);
  }
  if (recomputed) {
    line(vscode.l10n.t('Formula'), recomputed.formula);
    line(vscode.l10n.t('Recomputed'), `${recomputed.exact.toDecimalPlaces(SHOWN_DECIMALS).toString()}%`);
    const { lo, hi } = recomputed.range;
    line(vscode.l10n.t('Rounding interval'), `[${lo.toDecimalPlaces(SHOWN_DECIMALS).toString()}, ${hi.toDecimalPlaces(SHOWN_DECIMALS).toString()}]%`);
  }
  if (info.computed && info.computed !== info.figure.text) line(vscode.l10n.t('Should read'), info.computed);
  return md;
}

export class FigureHover implements vscode.HoverProvider {
  constructor(private readonly reports: Reports) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isReport(doc)) return undefined;
    const info = figureAt(this.reports.figuresOf(doc), doc, position);
    const content = info && describeFigure(info);
    return content && new vscode.Hover(content, rangeOf(doc, info.figure.start, info.figure.unitEnd));
  }
}

export class FigureDefinition implements vscode.DefinitionProvider {
  constructor(private readonly reports: Reports) {}

  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    if (!isReport(doc)) return undefined;
    const cell = figureAt(this.reports.figuresOf(doc), doc, position)?.link?.cell;
    return cell && new vscode.Location(doc.uri, rangeOf(doc, cell.start, cell.end));
  }
}
