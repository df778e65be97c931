// Shared steps of the integration tests: fixtures copied into the test workspace, and waits on
// VS Code's own events (never on time).
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { GoujiApi } from '../../../src/extension/extension';

export function extensionRoot(): string {
  const ext = vscode.extensions.getExtension('gouji.gouji');
  if (!ext) throw new Error('the gouji extension is not loaded');
  return ext.extensionPath;
}

/** What the active extension returns from activate(): the overview, read as the Explorer shows it. */
export function goujiApi(): GoujiApi {
  const ext = vscode.extensions.getExtension<GoujiApi>('gouji.gouji');
  if (!ext?.isActive) throw new Error('gouji is not active yet: open a report first');
  return ext.exports;
}

export function fixturePath(name: string): string {
  return join(extensionRoot(), 'test', 'fixtures', 'reports', name);
}

function workspaceFile(name: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return join(folder.uri.fsPath, name);
}

/** Copies a fixture into the workspace (the fixture itself is never opened or changed). */
export function copyFixture(fixture: string, as: string): vscode.Uri {
  const target = workspaceFile(as);
  copyFileSync(fixturePath(fixture), target);
  return vscode.Uri.file(target);
}

export function writeWorkspaceFile(as: string, text: string): vscode.Uri {
  const target = workspaceFile(as);
  writeFileSync(target, text);
  return vscode.Uri.file(target);
}

/** Resolves with the document's diagnostics once they satisfy `ready`. */
export function diagnosticsWhen(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const now = vscode.languages.getDiagnostics(uri);
      if (ready(now)) {
        sub.dispose();
        resolve(now);
      }
    });
    const now = vscode.languages.getDiagnostics(uri);
    if (ready(now)) {
      sub.dispose();
      resolve(now);
    }
  });
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** Opens a document in an editor and waits for gouji's diagnostics with the given rule on `text`. */
export async function openAndWaitFor(uri: vscode.Uri, rule: string, text: string) {
  const found = (doc: vscode.TextDocument, ds: vscode.Diagnostic[]) =>
    ds.find((d) => d.source === 'gouji' && ruleOf(d) === rule && doc.getText(d.range) === text);
  const doc = await vscode.workspace.openTextDocument(uri);
  const diagnostics = await diagnosticsWhen(uri, (ds) => !!found(doc, ds));
  await vscode.window.showTextDocument(doc);
  return { doc, diagnostic: found(doc, diagnostics)!, diagnostics };
}

/** A hover's text as a reader sees it: markdown's backslash escapes removed. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

/** The profile folder of this VS Code session: run.mjs puts it beside the workspace folder. */
export function userDataDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return join(dirname(folder.uri.fsPath), 'user-data');
}

/** Every file under `dir` (recursively) whose path satisfies `wanted`. */
export function filesUnder(dir: string, wanted: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).map((name) => join(dir, name)).filter((path) => wanted(path) && statSync(path).isFile());
}

/** Resolves with the first file under `dir` named like `name` whose text contains `marker`, watching the folder until one does. */
export function fileContaining(dir: string, name: RegExp, marker: string): Promise<string> {
  const find = () => filesUnder(dir, (p) => name.test(p)).find((p) => readFileSync(p, 'utf8').includes(marker));
  return new Promise((resolve) => {
    // Watch first, then look: a write between the two is not missed.
    const done = (path: string) => {
      watcher.close();
      resolve(path);
    };
    const watcher = watch(dir, { recursive: true }, () => {
      const now = find();
      if (now) done(now);
    });
    const found = find();
    if (found) done(found);
  });
}
