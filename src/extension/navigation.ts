// Hover and Go to Definition on a prose figure: where it comes from and what it should be.
import Decimal from 'decimal.js';
import * as vscode from 'vscode';
import type { FigureInfo } from '../core/figure-info';
import { figureAt, isReport, rangeOf, type Reports } from './reports';

/** Decimals shown for a recomputed rate and its interval: enough to see why it rounds as it does. */
const SHOWN_DECIMALS = 4;

/** Report text shown as is: markdown's special characters escaped, spaces kept. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!|<>~]/g, '\\$&');
}

export function describeFigure(info: FigureInfo): vscode.MarkdownString | undefined {
  const { link, recomputed } = info;
  if (!link && !recomputed) return undefined;
  const md = new vscode.MarkdownString();
  const line = (label: string, value: string) => md.appendMarkdown(`**${label}:** ${escapeMarkdown(value)}  \n`);
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
    // Rounded outwards, so the shown interval still holds every value the figures allow.
    const shownLo = lo.toDecimalPlaces(SHOWN_DECIMALS, Decimal.ROUND_FLOOR).toString();
    const shownHi = hi.toDecimalPlaces(SHOWN_DECIMALS, Decimal.ROUND_CEIL).toString();
    line(vscode.l10n.t('Rounding interval'), `[${shownLo}, ${shownHi}]%`);
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
