// What to check and how: VS Code settings, overridden by the nearest project config file
// (.gouji.json / .gouji.jsonc, from the document's folder upward). Config files are read
// synchronously with a cache per folder — a few stat calls, once — so every provider can ask
// without waiting; a file watcher and the settings drop the cache when they change.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { CheckOptions } from '../core/check';
import type { Config, ConfigProblem } from '../core/config';
import { CONFIG_FILE_NAMES } from '../core/config-files';
import type { Message } from '../core/finding';
import type { Template } from '../core/identities';
import { LineIndex } from '../core/text';
import { loadEngine } from './engine';
import { messageLang } from './lang';

export const REPORT_LANGUAGE = 'fiscal-report';

/**
 * A report names its kind (决算/预算) and its standard tables: by code (公开01表, 部门公开表1), or,
 * in the local templates that number none (上海), by the first table's title (收入支出决算总表,
 * 部门财务收支预算总表).
 */
export function looksLikeReport(text: string): boolean {
  return /决算|预算/.test(text) && /公开\s*\d{1,2}\s*表|部门公开表\s*\d{1,2}|(?:收入支出|收支|收入|支出)(?:决算|预算)总表/.test(text);
}

const DOCUMENT_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

interface ProjectConfig {
  path: string;
  config: Config;
  templates: Template[];
}

export class ReportConfig implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a setting, a config file or the workspace's trust changes: every result is stale. */
  readonly onDidChange = this.changed.event;
  /** The config file that governs each folder (null: none up to the root), by folder path. */
  private readonly byFolder = new Map<string, ProjectConfig | null>();
  private readonly problems = vscode.languages.createDiagnosticCollection('gouji-config');
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const reload = () => {
      this.byFolder.clear();
      this.problems.clear();
      this.changed.fire();
    };
    this.subscriptions = [
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      // Saving a config file edited in VS Code: the watcher may not see it in every file system.
      vscode.workspace.onDidSaveTextDocument((doc) => CONFIG_FILE_NAMES.some((n) => doc.fileName.endsWith(n)) && reload()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('gouji') && reload()),
      vscode.workspace.onDidGrantWorkspaceTrust(reload),
      this.problems,
      this.changed,
    ];
  }

  /** Is this document a report Gouji should check? */
  isChecked(doc: vscode.TextDocument): boolean {
    // Files and untitled editors, local or remote; not the inputs of other views (a chat input is plain text too).
    if (!DOCUMENT_SCHEMES.has(doc.uri.scheme)) return false;
    const settings = vscode.workspace.getConfiguration('gouji', doc);
    if (!settings.get<boolean>('enable', true)) return false;
    const project = this.projectFor(doc);
    const base = project ? dirname(project.path) : vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath;
    const matches = (globs: readonly string[] | undefined) =>
      (globs ?? []).some((glob) => vscode.languages.match({ pattern: base ? new vscode.RelativePattern(base, glob) : glob }, doc) > 0);
    const include = project?.config.files?.include ?? settings.get<string[]>('files.include', []);
    const exclude = project?.config.files?.exclude ?? settings.get<string[]>('files.exclude', []);
    if (matches(exclude)) return false;
    if (include.length && doc.uri.scheme !== 'untitled') return matches(include);
    if (doc.languageId === REPORT_LANGUAGE) return true;
    return (doc.languageId === 'markdown' || doc.languageId === 'plaintext') && looksLikeReport(doc.getText());
  }

  /** The check options for a document: settings, then its project config file over them. */
  optionsFor(doc: vscode.TextDocument): CheckOptions {
    const settings = vscode.workspace.getConfiguration('gouji', doc);
    const project = this.projectFor(doc);
    const config = project?.config ?? {};
    const rules = { ...settings.get<Config['rules']>('rules', {}), ...config.rules };
    // gouji.showUnlinked: the amounts no cell was found for, back as hints (a rule's own setting wins).
    if (settings.get<boolean>('showUnlinked', false) && !rules['amount-unlinked']) rules['amount-unlinked'] = 'hint';
    return {
      rules,
      tolerance: config.tolerance ?? settings.get<Config['tolerance']>('tolerance'),
      template: config.template ?? (settings.get<string>('template') || undefined),
      templates: project?.templates ?? [],
    };
  }

  private projectFor(doc: vscode.TextDocument): ProjectConfig | null {
    if (doc.uri.scheme !== 'file') return null;
    return this.lookup(dirname(doc.uri.fsPath));
  }

  private lookup(folder: string): ProjectConfig | null {
    const known = this.byFolder.get(folder);
    if (known !== undefined) return known;
    const path = CONFIG_FILE_NAMES.map((name) => join(folder, name)).find((p) => existsSync(p));
    const parent = dirname(folder);
    const found = path ? this.load(path) : parent === folder ? null : this.lookup(parent);
    this.byFolder.set(folder, found);
    return found;
  }

  /** Reads a config file; its problems are shown on the file itself, and its valid settings still apply. */
  private load(path: string): ProjectConfig {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return { path, config: {}, templates: [] };
    }
    const { readConfig, parseTemplateText, shippedTemplates, TemplateError } = loadEngine();
    const { config, problems } = readConfig(text);
    const templates: Template[] = [];
    // Template patterns are regular expressions from the workspace: only trusted ones run.
    if (vscode.workspace.isTrusted) {
      for (const file of config.templates ?? []) {
        const at = text.indexOf(JSON.stringify(file));
        try {
          const templatePath = resolve(dirname(path), file);
          templates.push(parseTemplateText(readFileSync(templatePath, 'utf8'), templatePath, shippedTemplates()));
        } catch (e) {
          const reason = e instanceof TemplateError ? { zh: e.message, en: e.message } : { zh: '文件无法读取', en: 'the file cannot be read' };
          problems.push(templateProblem(at, file, reason));
        }
      }
    }
    this.showProblems(path, text, problems);
    return { path, config, templates };
  }

  private showProblems(path: string, text: string, problems: ConfigProblem[]): void {
    const lang = messageLang();
    const lines = new LineIndex(text);
    this.problems.set(
      vscode.Uri.file(path),
      problems.map((p) => {
        const { start, end } = lines.range(p.start, p.end);
        const range = new vscode.Range(start.line, start.character, end.line, end.character);
        const d = new vscode.Diagnostic(range, p.message[lang], vscode.DiagnosticSeverity.Error);
        d.source = 'gouji';
        return d;
      }),
    );
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function templateProblem(at: number, file: string, reason: Message): ConfigProblem {
  const start = Math.max(0, at);
  return {
    start,
    end: start + JSON.stringify(file).length,
    message: { zh: `模板文件 ${file} 无法使用：${reason.zh}`, en: `The template file ${file} cannot be used: ${reason.en}` },
  };
}
