// The overview of the active report, in its own view (the Gouji icon of the activity bar):
// what was checked (the coverage the language status and the CLI show), every figure by its
// state (what to act on first), every table Gouji found (its identity, unit, rows, and the
// figures that cite it) and the sections. A click reveals it.
import * as vscode from 'vscode';
import type { Coverage, FigureInfo, FigureState } from '../core/figure-info';
import { isSerious } from '../core/finding';
import type { Block } from '../core/report';
import type { Table } from '../core/tables/model';
import { loadEngine } from './engine';
import { messageLang } from './lang';
import { REVEAL_COMMAND } from './navigation';
import type { Reports } from './reports';

export type OverviewNode =
  | { kind: 'coverage'; coverage: Coverage; problems: number }
  | { kind: 'sections'; sections: Section[] }
  | { kind: 'section'; section: Section }
  | { kind: 'tables'; tables: Table[] }
  | { kind: 'table'; table: Table }
  | { kind: 'figures' }
  | { kind: 'state'; state: FigureState; figures: FigureInfo[] }
  | { kind: 'figure'; info: FigureInfo };

interface Section {
  title: string;
  start: number;
  end: number;
}

/** The states shown, in the order an editor works through them. */
const STATES: FigureState[] = ['disagrees', 'uncertain', 'unlinked', 'agrees'];

const STATE_ICON: Record<FigureState, vscode.ThemeIcon> = {
  agrees: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  disagrees: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  uncertain: new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  unlinked: new vscode.ThemeIcon('circle-slash'),
  unchecked: new vscode.ThemeIcon('circle-outline'),
};

function stateName(state: FigureState): string {
  switch (state) {
    case 'agrees':
      return vscode.l10n.t('Agree');
    case 'disagrees':
      return vscode.l10n.t('Disagree');
    case 'uncertain':
      return vscode.l10n.t('Undecided');
    case 'unlinked':
      return vscode.l10n.t('Not tied to a table cell');
    default:
      return vscode.l10n.t('Not checked');
  }
}

/** A figure as the text writes it: `7,143,754.56 元`, `95.05%`. */
export function figureLabel(figure: { text: string; unit: string | null }): string {
  return figure.unit ? `${figure.text}${figure.unit === '%' ? '' : ' '}${figure.unit}` : figure.text;
}

/** A plain-text report's section titles: `第三部分 …` and `一、…` lines standing alone. */
const SECTION_TITLE = /^\s*(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、)/;
const SECTION_MAX = 60;

function sectionsOf(blocks: Block[], text: string): Section[] {
  const headings = blocks.filter((b) => b.kind === 'heading');
  const candidates = headings.length
    ? headings
    : blocks.filter((b) => b.kind === 'paragraph' && b.end - b.start <= SECTION_MAX && !text.slice(b.start, b.end).includes('\n') && SECTION_TITLE.test(text.slice(b.start, b.end)));
  return candidates.map((b) => ({ title: text.slice(b.start, b.end).replace(/^#+\s*/, '').trim(), start: b.start, end: b.end }));
}

export class ReportOverview implements vscode.TreeDataProvider<OverviewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OverviewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** The report the overview shows: the active editor's, while it is a report. */
  private doc: vscode.TextDocument | undefined;

  constructor(private readonly reports: Reports) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      reports.onDidCheck((doc) => doc === this.doc && this.changed.fire(undefined)),
      reports.onDidReset(() => this.changed.fire(undefined)),
      this.changed,
    ];
    this.follow();
  }

  /** The report shown, if any. */
  get document(): vscode.TextDocument | undefined {
    return this.doc;
  }

  private follow(): void {
    const doc = vscode.window.activeTextEditor?.document;
    // Another editor (the links document, an output) keeps the last report in view.
    if (!doc || doc.uri.scheme === 'output' || doc === this.doc) return;
    this.doc = this.reports.isReport(doc) ? doc : undefined;
    void vscode.commands.executeCommand('setContext', 'gouji.overview.hasReport', !!this.doc);
    this.changed.fire(undefined);
  }

  getChildren(node?: OverviewNode): OverviewNode[] {
    const doc = this.doc;
    if (!doc || doc.isClosed || !this.reports.isReport(doc)) return [];
    const figures = this.reports.figuresOf(doc);
    const { report, findings } = this.reports.resultFor(doc);
    if (!node) {
      const sections = sectionsOf(report.blocks, report.text);
      const problems = findings.filter(isSerious).length;
      return [
        { kind: 'coverage', coverage: loadEngine().coverage(figures), problems },
        { kind: 'figures' },
        { kind: 'tables', tables: report.tables },
        ...(sections.length ? [{ kind: 'sections', sections } as const] : []),
      ];
    }
    switch (node.kind) {
      case 'sections':
        return node.sections.map((section) => ({ kind: 'section', section }));
      case 'tables':
        return node.tables.map((table) => ({ kind: 'table', table }));
      case 'table':
        return figures.filter((f) => f.link?.table === node.table).map((info) => ({ kind: 'figure', info }));
      case 'figures':
        return STATES.map((state) => ({ kind: 'state', state, figures: figures.filter((f) => f.state === state) } as const)).filter((n) => n.figures.length);
      case 'state':
        return node.figures.map((info) => ({ kind: 'figure', info }));
      default:
        return [];
    }
  }

  getTreeItem(node: OverviewNode): vscode.TreeItem {
    const doc = this.doc!;
    const reveal = (start: number, end: number): vscode.Command => ({ title: vscode.l10n.t('Reveal'), command: REVEAL_COMMAND, arguments: [doc.uri.toString(), start, end] });
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'coverage': {
        const item = new vscode.TreeItem(loadEngine().coverageMessage(node.coverage)[messageLang()], None);
        item.description = node.problems ? vscode.l10n.t('{0} problems to act on', node.problems) : vscode.l10n.t('no problems to act on');
        item.tooltip = `${item.label}\n${item.description}`;
        item.iconPath = new vscode.ThemeIcon(node.problems ? 'warning' : 'check');
        if (node.coverage.unlinked + node.coverage.uncertain) item.command = { title: vscode.l10n.t('List the figures not checked'), command: 'gouji.listUnlinked' };
        return item;
      }
      case 'sections': {
        const item = new vscode.TreeItem(vscode.l10n.t('Sections'), Collapsed);
        item.description = String(node.sections.length);
        item.iconPath = new vscode.ThemeIcon('list-tree');
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.section.title, None);
        item.iconPath = new vscode.ThemeIcon('symbol-key');
        item.command = reveal(node.section.start, node.section.end);
        return item;
      }
      case 'tables': {
        const item = new vscode.TreeItem(vscode.l10n.t('Tables'), Expanded);
        item.description = String(node.tables.length);
        item.iconPath = new vscode.ThemeIcon('table');
        return item;
      }
      case 'table': {
        const { table } = node;
        const citing = this.reports.figuresOf(doc).filter((f) => f.link?.table === table).length;
        const name = table.code || table.title || table.part ? loadEngine().tableName(table) : vscode.l10n.t('Table without a title');
        const item = new vscode.TreeItem(name, citing ? Collapsed : None);
        item.description = [table.unit ?? '?', vscode.l10n.t('{0} rows', table.rows.length), citing ? vscode.l10n.t('{0} cited', citing) : ''].filter(Boolean).join(' · ');
        item.tooltip = `${name}\n${vscode.l10n.t('line {0}', doc.positionAt(table.start).line + 1)}`;
        item.iconPath = new vscode.ThemeIcon(table.code ? 'table' : 'symbol-array');
        item.command = reveal(table.start, table.start);
        return item;
      }
      case 'figures': {
        const item = new vscode.TreeItem(vscode.l10n.t('Figures of the text'), Expanded);
        item.iconPath = new vscode.ThemeIcon('symbol-number');
        return item;
      }
      case 'state': {
        const item = new vscode.TreeItem(stateName(node.state), node.state === 'disagrees' || node.state === 'uncertain' ? Expanded : Collapsed);
        item.description = String(node.figures.length);
        item.iconPath = STATE_ICON[node.state];
        return item;
      }
      case 'figure': {
        const { figure, link, state } = node.info;
        const line = doc.positionAt(figure.start).line;
        const item = new vscode.TreeItem(figureLabel(figure), None);
        item.description = [vscode.l10n.t('line {0}', line + 1), link && [link.table.code, link.row.label].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
        item.tooltip = `${stateName(state)}\n${doc.lineAt(line).text.trim().slice(0, 200)}`;
        item.iconPath = STATE_ICON[state];
        item.command = reveal(figure.start, figure.unitEnd);
        return item;
      }
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
