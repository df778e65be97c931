// Figure tracing: hover a prose figure for its source cell and formula, hover a cell for the
// prose that cites it; Go to Definition (figure → cell), Find All References (cell → figures),
// and a CodeLens on each table with how many figures cite it and how many disagree.
import Decimal from 'decimal.js';
import * as vscode from 'vscode';
import type { FigureInfo } from '../core/figure-info';
import type { Block, Report } from '../core/report';
import type { Cell, Row, Table } from '../core/tables/model';
import { loadEngine } from './engine';
import { messageLang } from './lang';
import { rangeOf, type Reports } from './reports';

/** Decimals shown for a recomputed rate and its interval: enough to see why it rounds as it does. */
const SHOWN_DECIMALS = 4;
export const REVEAL_COMMAND = 'gouji.revealRange';
/** The things a count counts, listed in its hover: the first few. */
const HOVER_ITEMS = 10;

/** Report text shown as is: markdown's special characters escaped, spaces kept. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!|<>~]/g, '\\$&');
}

/** A markdown link that selects a range of the document (the hover's only trusted command). */
function revealLink(label: string, doc: vscode.TextDocument, start: number, end: number): string {
  const args = encodeURIComponent(JSON.stringify([doc.uri.toString(), start, end]));
  return `[${escapeMarkdown(label)}](command:${REVEAL_COMMAND}?${args})`;
}

function hoverMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.isTrusted = { enabledCommands: [REVEAL_COMMAND] };
  return md;
}

/** Table, row and column in the report's words, as the engine names them in every message. */
function placeNames(table: Table, row: Row, cell: Cell): [string, string, string] {
  const { tableName, rowName, columnName } = loadEngine();
  const lang = messageLang();
  return [tableName(table), rowName(table, row)[lang], columnName(table, cell.column)[lang]];
}

export function describeFigure(info: FigureInfo, doc: vscode.TextDocument): vscode.MarkdownString | undefined {
  const { link, recomputed, restated, counted } = info;
  const md = hoverMarkdown();
  const line = (label: string, value: string) => md.appendMarkdown(`**${label}:** ${escapeMarkdown(value)}  \n`);
  // Not in Problems, so said here: the figures Gouji did not (or could not) check.
  if (info.state === 'unlinked') return md.appendMarkdown(vscode.l10n.t('Not tied to a table cell, so not checked.'));
  if (info.state === 'uncertain' && (restated || counted)) {
    md.appendMarkdown(`${vscode.l10n.t('This figure differs from what it restates or counts, but Gouji is not certain they are one thing (or that the report lists all it counts). It is not reported as a warning; compare it yourself.')}  \n`);
  } else if (info.state === 'uncertain') {
    md.appendMarkdown(`${vscode.l10n.t('Gouji could not decide whether this figure agrees: the sources that fit it disagree. It is not reported as a problem; compare it yourself.')}  \n`);
  } else if (!link && !recomputed && !restated && !counted) return undefined;
  if (link) {
    const { table, row, cell } = link;
    const [tableWords, rowWords, columnWords] = placeNames(table, row, cell);
    line(vscode.l10n.t('Source cell'), tableWords);
    line(vscode.l10n.t('Row'), rowWords);
    line(vscode.l10n.t('Column'), columnWords);
    line(vscode.l10n.t('Value as written'), table.unit ? `${cell.text} ${table.unit}` : cell.text);
    if (!link.agrees) line(vscode.l10n.t('Disagrees with the text'), info.figure.text);
  }
  if (restated) {
    const { source } = restated;
    const where = vscode.l10n.t('line {0}', doc.positionAt(source.start).line + 1);
    line(vscode.l10n.t('Stated elsewhere'), `${restated.subject} ${source.text}${source.unit ? ` ${source.unit}` : ''} (${where})`);
    if (restated.relation === 'part') md.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('This figure counts some of those: it may be fewer, never more.'))}  \n`);
    if (!restated.agrees) line(vscode.l10n.t('Disagrees with the text'), info.figure.text);
  }
  if (counted) {
    line(vscode.l10n.t('Counts'), counted.what[messageLang()]);
    line(vscode.l10n.t('In the report'), String(counted.items.length));
    for (const item of counted.items.slice(0, HOVER_ITEMS)) md.appendMarkdown(`- ${revealLink(item.text.slice(0, 40), doc, item.start, item.end)}\n`);
    if (counted.items.length > HOVER_ITEMS) md.appendMarkdown(`- …\n`);
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
  if (link) md.appendMarkdown(revealLink(vscode.l10n.t('Reveal the source cell'), doc, link.cell.start, link.cell.end));
  if (restated) md.appendMarkdown(revealLink(vscode.l10n.t('Reveal the statement'), doc, restated.source.start, restated.source.unitEnd));
  return md;
}

/** Where the prose cites a cell, and whether each citation agrees. */
function describeCell(found: CellAt, citing: FigureInfo[], doc: vscode.TextDocument): vscode.MarkdownString {
  const md = hoverMarkdown();
  md.appendMarkdown(`${placeNames(found.table, found.row, found.cell).map((s, i) => (i ? escapeMarkdown(s) : `**${escapeMarkdown(s)}**`)).join(' · ')}  \n`);
  if (!citing.length) return md.appendMarkdown(vscode.l10n.t('Not cited in the text.'));
  const disagree = citing.filter((f) => !f.link!.agrees).length;
  md.appendMarkdown(`${vscode.l10n.t('Cited {0} times in the text; {1} disagree.', citing.length, disagree)}  \n`);
  for (const f of citing) {
    const where = vscode.l10n.t('line {0}', doc.positionAt(f.figure.start).line + 1);
    const verdict = f.link!.agrees ? vscode.l10n.t('agrees') : vscode.l10n.t('disagrees');
    md.appendMarkdown(`- ${revealLink(where, doc, f.figure.start, f.figure.unitEnd)}: ${escapeMarkdown(`${f.figure.text}${f.figure.unit ? ` ${f.figure.unit}` : ''}`)} — ${verdict}\n`);
  }
  return md;
}

interface CellAt {
  table: Table;
  row: Row;
  cell: Cell;
}

function cellAt(report: Report, offset: number): CellAt | undefined {
  for (const table of report.tables) {
    if (offset < table.start || offset > table.end) continue;
    for (const row of table.rows) {
      if (offset < row.start || offset > row.end) continue;
      const cell = row.cells.find((c) => c.start <= offset && offset <= c.end);
      if (cell) return { table, row, cell };
    }
  }
  return undefined;
}

/** The prose figure under a position (number and unit word), if any. */
function figureAt(figures: FigureInfo[], doc: vscode.TextDocument, position: vscode.Position): FigureInfo | undefined {
  const offset = doc.offsetAt(position);
  return figures.find((f) => f.figure.start <= offset && offset <= f.figure.unitEnd);
}

const citationsOf = (figures: FigureInfo[], cell: Cell) => figures.filter((f) => f.link?.cell === cell);

export class ReportHover implements vscode.HoverProvider {
  constructor(private readonly reports: Reports) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.reports.isReport(doc)) return undefined;
    const figures = this.reports.figuresOf(doc);
    const info = figureAt(figures, doc, position);
    if (info) {
      const content = describeFigure(info, doc);
      return content && new vscode.Hover(content, rangeOf(doc, info.figure.start, info.figure.unitEnd));
    }
    const found = cellAt(this.reports.resultFor(doc).report, doc.offsetAt(position));
    if (!found || found.cell.value.kind !== 'number') return undefined;
    return new vscode.Hover(describeCell(found, citationsOf(figures, found.cell), doc), rangeOf(doc, found.cell.start, found.cell.end));
  }
}

export class FigureDefinition implements vscode.DefinitionProvider {
  constructor(private readonly reports: Reports) {}

  /** From the figure under the cursor as the engine reads it (`4, 627. 11` is one figure), not the word there. */
  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] | undefined {
    if (!this.reports.isReport(doc)) return undefined;
    const info = figureAt(this.reports.figuresOf(doc), doc, position);
    const cell = info?.link?.cell;
    if (!info || !cell) return undefined;
    const target = rangeOf(doc, cell.start, cell.end);
    return [{ originSelectionRange: rangeOf(doc, info.figure.start, info.figure.end), targetUri: doc.uri, targetRange: target, targetSelectionRange: target }];
  }
}

/** On a cell: every prose figure citing it. On a prose figure: every figure citing the same cell. */
export class CellReferences implements vscode.ReferenceProvider {
  constructor(private readonly reports: Reports) {}

  provideReferences(doc: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] {
    if (!this.reports.isReport(doc)) return [];
    const figures = this.reports.figuresOf(doc);
    const cell = figureAt(figures, doc, position)?.link?.cell ?? cellAt(this.reports.resultFor(doc).report, doc.offsetAt(position))?.cell;
    if (!cell) return [];
    const at = (start: number, end: number) => new vscode.Location(doc.uri, rangeOf(doc, start, end));
    const citing = citationsOf(figures, cell).map((f) => at(f.figure.start, f.figure.end));
    return context.includeDeclaration ? [at(cell.start, cell.end), ...citing] : citing;
  }
}

/** Above each table: how many prose figures cite it and how many of them disagree. */
export class TableCitations implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly reports: Reports) {}

  /** Lenses are recomputed when results change (settings, config files). */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.reports.isReport(doc) || !vscode.workspace.getConfiguration('gouji', doc).get<boolean>('codeLens', true)) return [];
    // Asked after every keystroke: wait for the debounced check rather than run one here.
    const result = await this.reports.whenChecked(doc, token);
    if (!result) return [];
    const figures = this.reports.figuresOf(doc);
    // One lens per table as the reader sees it (a block), not per half (01表's 收入 | 支出) or fragment.
    const blocks = result.report.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    return blocks.map((block) => {
      const parts = new Set(block.tables);
      const citing = figures.filter((f) => f.link && parts.has(f.link.table));
      const disagree = citing.filter((f) => !f.link!.agrees).length;
      const start = doc.positionAt(block.start);
      const title = citing.length
        ? disagree
          ? vscode.l10n.t('{0} figures in the text cite this table · {1} disagree', citing.length, disagree)
          : vscode.l10n.t('{0} figures in the text cite this table · all agree', citing.length)
        : vscode.l10n.t('No figure in the text cites this table');
      const locations = citing.map((f) => new vscode.Location(doc.uri, rangeOf(doc, f.figure.start, f.figure.end)));
      return new vscode.CodeLens(new vscode.Range(start, start), {
        title,
        command: citing.length ? 'editor.action.showReferences' : '',
        arguments: [doc.uri, start, locations],
      });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Selects a range of a document: the target of the hovers' links. */
export async function revealRange(uri: string, start: number, end: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const range = rangeOf(doc, start, end);
  await vscode.window.showTextDocument(doc, { selection: range });
}
