// The optional model, in the editor: draft an explanation (shown in place, inserted only when
// the user says so, as one undoable edit) and review explanations (diagnostics of their own).
// Off until enabled; never in an untrusted workspace; each endpoint is allowed once, after
// saying what is sent; the API key lives in SecretStorage, bound to its endpoint.
import * as vscode from 'vscode';
import type { Message } from '../core/finding';
import type { DraftTarget } from '../llm/brief';
import type { ModelSettings } from '../llm/client';
import type { ModelError } from '../llm/errors';
import type { Verification } from '../llm/verify';
import { loadModel } from './engine';
import { messageLang } from './lang';
import { rangeOf, type Reports } from './reports';

const SECRET = 'gouji.model.apiKey';
const PENDING_CONTEXT = 'gouji.model.draftPending';
const VALIDATE_DELAY_MS = 400;

interface StoredKey {
  baseUrl: string;
  key: string;
}

interface PendingDraft {
  uri: vscode.Uri;
  version: number;
  target: DraftTarget;
  text: string;
  verification: Verification;
}

/** What the draft command returns: the draft as shown, and whether the engine flagged it. */
export interface DraftSummary {
  text: string;
  flagged: boolean;
  problems: string[];
}

const say = (m: Message) => m[messageLang()];
const normalisedUrl = (url: string) => url.trim().replace(/\/+$/, '');

export function registerModel(context: vscode.ExtensionContext, reports: Reports): void {
  const model = new ModelFeatures(context, reports);
  context.subscriptions.push(
    model,
    vscode.commands.registerCommand('gouji.model.draft', (uri?: vscode.Uri, offset?: number) => model.draft(uri, offset)),
    vscode.commands.registerCommand('gouji.model.insertDraft', () => model.insertDraft()),
    vscode.commands.registerCommand('gouji.model.editDraft', () => model.editDraft()),
    vscode.commands.registerCommand('gouji.model.discardDraft', () => model.discardDraft()),
    vscode.commands.registerCommand('gouji.model.review', (uri?: vscode.Uri) => model.review(uri)),
    vscode.commands.registerCommand('gouji.model.setApiKey', (key?: string) => model.setApiKey(key)),
    vscode.commands.registerCommand('gouji.model.clearApiKey', () => model.clearApiKey()),
    vscode.languages.registerCodeActionsProvider(
      [{ language: 'fiscal-report' }, { language: 'markdown' }, { language: 'plaintext' }],
      model,
      { providedCodeActionKinds: [DRAFT_KIND] },
    ),
  );
}

const DRAFT_KIND = vscode.CodeActionKind.RefactorRewrite.append('gouji.draft');

class ModelFeatures implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly log = vscode.window.createOutputChannel('Gouji Model', { log: true });
  private readonly reviews = vscode.languages.createDiagnosticCollection('gouji-model');
  private readonly ghost = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorGhostText.foreground'), fontStyle: 'italic' },
  });
  private readonly replaced = vscode.window.createTextEditorDecorationType({ textDecoration: 'line-through', opacity: '0.6' });
  private pending: PendingDraft | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly reports: Reports,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length) return;
        // Model results are about the text as it was; an edit makes them stale.
        this.reviews.delete(e.document.uri);
        if (this.pending && e.document.uri.toString() === this.pending.uri.toString()) this.setPending(undefined);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.reviews.delete(doc.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorate()),
    ];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.log.dispose();
    this.reviews.dispose();
    this.ghost.dispose();
    this.replaced.dispose();
  }

  // ---- guards: trust, opt-in, endpoint, key, consent ----

  private settings(): { enabled: boolean; baseUrl: string; name: string; timeoutSeconds: number; temperature: number; sendWholeDocument: boolean } {
    const c = vscode.workspace.getConfiguration('gouji.model');
    return {
      enabled: c.get<boolean>('enabled', false),
      baseUrl: normalisedUrl(c.get<string>('baseUrl', '')),
      name: c.get<string>('name', '').trim(),
      timeoutSeconds: c.get<number>('timeoutSeconds', 60),
      temperature: c.get<number>('temperature', 0.2),
      sendWholeDocument: c.get<boolean>('sendWholeDocument', false),
    };
  }

  /** Is the model allowed at all here? Quiet: for code actions. */
  private available(): boolean {
    return vscode.workspace.isTrusted && this.settings().enabled;
  }

  /** The endpoint's settings once every guard passes, or undefined after saying why not. */
  private async ready(what: string): Promise<ModelSettings | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Gouji does not use a language model in an untrusted workspace. Trust this folder to use it.'));
      return undefined;
    }
    const s = this.settings();
    if (!s.enabled) {
      const open = vscode.l10n.t('Open Settings');
      void vscode.window
        .showInformationMessage(vscode.l10n.t('The language model is off. Turn on the setting gouji.model.enabled to use it.'), open)
        .then((choice) => choice === open && vscode.commands.executeCommand('workbench.action.openSettings', 'gouji.model'));
      return undefined;
    }
    if (!isHttpUrl(s.baseUrl) || !s.name) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Set the model endpoint (gouji.model.baseUrl, an http or https address) and the model name (gouji.model.name) first.'));
      return undefined;
    }
    if (!(await this.consented(s.baseUrl, s.name, what))) return undefined;
    return { baseUrl: s.baseUrl, model: s.name, apiKey: await this.keyFor(s.baseUrl), timeoutSeconds: s.timeoutSeconds, temperature: s.temperature };
  }

  /**
   * The first request to an endpoint says what is sent and where, and asks. The answer is kept
   * in the user setting gouji.model.allowedEndpoints, where it can also be given in advance.
   */
  private async consented(baseUrl: string, name: string, what: string): Promise<boolean> {
    const config = vscode.workspace.getConfiguration('gouji.model');
    const allowed = config.get<string[]>('allowedEndpoints', []).map(normalisedUrl);
    if (allowed.includes(baseUrl)) return true;
    const allow = vscode.l10n.t('Allow');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Send report text to {0}?', loadModel().describeEndpoint(baseUrl)),
      {
        modal: true,
        detail: vscode.l10n.t(
          'Gouji will send {0} to the model {1} at {2}. Nothing else leaves this computer. Allow requests to this endpoint from now on?',
          what,
          name,
          loadModel().describeEndpoint(baseUrl),
        ),
      },
      allow,
    );
    if (choice !== allow) return false;
    await config.update('allowedEndpoints', [...allowed, baseUrl], vscode.ConfigurationTarget.Global);
    return true;
  }

  /** The stored key, if it was entered for this endpoint. */
  private async keyFor(baseUrl: string): Promise<string | null> {
    const raw = await this.context.secrets.get(SECRET);
    if (!raw) return null;
    try {
      const stored = JSON.parse(raw) as StoredKey;
      return normalisedUrl(stored.baseUrl) === baseUrl ? stored.key : null;
    } catch {
      return null;
    }
  }

  async setApiKey(given?: string): Promise<boolean> {
    const { baseUrl } = this.settings();
    if (!isHttpUrl(baseUrl)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Set the model endpoint (gouji.model.baseUrl) first: the key is kept for that endpoint only.'));
      return false;
    }
    const key =
      given ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('API key for {0}', loadModel().describeEndpoint(baseUrl)),
        prompt: vscode.l10n.t('Kept in VS Code’s secret storage and sent only to this endpoint, as the Authorization header.'),
        password: true,
        ignoreFocusOut: true,
      }));
    if (!key?.trim()) return false;
    await this.context.secrets.store(SECRET, JSON.stringify({ baseUrl, key: key.trim() } satisfies StoredKey));
    this.log.info(`API key saved for ${loadModel().describeEndpoint(baseUrl)}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('API key saved for {0}.', loadModel().describeEndpoint(baseUrl)));
    return true;
  }

  async clearApiKey(): Promise<boolean> {
    await this.context.secrets.delete(SECRET);
    this.log.info('API key cleared');
    void vscode.window.showInformationMessage(vscode.l10n.t('API key cleared.'));
    return true;
  }

  private showError(error: ModelError): void {
    this.log.warn(`${error.kind}: ${error.text.en}`);
    if (error.kind === 'unauthorised') {
      const set = vscode.l10n.t('Set API Key');
      void vscode.window.showErrorMessage(say(error.text), set).then((choice) => choice === set && this.setApiKey());
    } else if (error.kind === 'cancelled') {
      void vscode.window.showInformationMessage(say(error.text));
    } else {
      void vscode.window.showErrorMessage(say(error.text));
    }
  }

  /** Runs a request under a notification with Cancel. */
  private withCancel<T>(title: string, run: (signal: AbortSignal) => Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return run(controller.signal);
    });
  }

  // ---- drafting ----

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!this.available() || !this.reports.isReport(doc)) return [];
    // The light bulb is asked for at every cursor move: no check on the typing path.
    if (context.triggerKind === vscode.CodeActionTriggerKind.Automatic && !this.reports.hasChecked(doc)) return [];
    const start = doc.offsetAt(range.start);
    const end = doc.offsetAt(range.end);
    return loadModel().draftOffers(this.reports.resultFor(doc))
      .filter((o) => o.start <= end && start <= o.end)
      .map((o) => {
        const action = new vscode.CodeAction(vscode.l10n.t('Draft an explanation with the model'), DRAFT_KIND);
        action.command = { command: 'gouji.model.draft', title: action.title, arguments: [doc.uri, o.claimEnd] };
        return action;
      });
  }

  async draft(uri?: vscode.Uri, offset?: number): Promise<DraftSummary | undefined> {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!doc || !this.reports.isReport(doc)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
      return undefined;
    }
    const at = offset ?? (editor?.document === doc ? doc.offsetAt(editor.selection.active) : 0);
    const version = doc.version;
    const result = this.reports.resultFor(doc);
    const explained = loadModel().claimAt(result, at);
    if (!explained) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Put the cursor on a sentence that states a completion rate or a change (完成年初预算的…%, 比上年增加…) to draft its explanation.'),
      );
      return undefined;
    }
    const { sendWholeDocument } = this.settings();
    const line = doc.positionAt(explained.start).line + 1;
    const what = sendWholeDocument
      ? vscode.l10n.t('the whole text of {0}', vscode.workspace.asRelativePath(doc.uri))
      : vscode.l10n.t('the sentence at line {0} with its figures, its table row and the other reasons this report gives', line);
    const settings = await this.ready(what);
    if (!settings) return undefined;
    if (doc.version !== version) return undefined; // edited while the user was asked: the claim may have moved

    const target = loadModel().draftTarget(result, explained, { wholeDocument: sendWholeDocument });
    const briefJson = JSON.stringify(target.brief);
    this.log.info(`draft: ${loadModel().describeEndpoint(settings.baseUrl)} model ${settings.model}, line ${line}, brief of ${briefJson.length} characters`);
    const reply = await this.withCancel(vscode.l10n.t('Drafting an explanation with {0}…', settings.model), (signal) => loadModel().requestDraft(settings, target, signal));
    if (!reply.ok) {
      this.showError(reply.error);
      return undefined;
    }
    if (doc.version !== version) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The report changed while the model was drafting; nothing was inserted. Run the command again.'));
      return undefined;
    }
    const text = loadModel().draftText(target, reply.value);
    const verification = loadModel().verifyDraft(doc.getText(), target.placement, text, { known: target.known, declared: reply.value.figures, check: this.reports.optionsFor(doc) });
    this.log.info(`draft received: ${verification.figures.length} figures, ${verification.flagged ? 'flagged' : 'all agree'}`);
    this.setPending({ uri: doc.uri, version, target, text, verification });
    this.offer();
    return { text, flagged: verification.flagged, problems: loadModel().verificationProblems(verification).map(say) };
  }

  /** The preview's buttons; the same as the commands Insert / Edit / Discard Draft. */
  private offer(): void {
    const pending = this.pending;
    if (!pending) return;
    const insert = vscode.l10n.t('Insert');
    const edit = vscode.l10n.t('Edit…');
    const discard = vscode.l10n.t('Discard');
    const problems = loadModel().verificationProblems(pending.verification).map(say);
    const message = problems.length
      ? vscode.l10n.t('Draft (shown in the editor) — check before inserting: {0}', problems.join('；'))
      : vscode.l10n.t('Draft (shown in the editor): every figure agrees with the report. {0}', pending.text);
    const shown = problems.length ? vscode.window.showWarningMessage(message, insert, edit, discard) : vscode.window.showInformationMessage(message, insert, edit, discard);
    void shown.then((choice) => {
      if (this.pending !== pending) return;
      if (choice === insert) void this.insertDraft();
      else if (choice === edit) void this.editDraft();
      else if (choice === discard) this.discardDraft();
    });
  }

  private setPending(pending: PendingDraft | undefined): void {
    this.pending = pending;
    void vscode.commands.executeCommand('setContext', PENDING_CONTEXT, !!pending);
    this.decorate();
  }

  /** The draft in place: the words it replaces struck through, the draft as ghost text after them. */
  private decorate(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const p = this.pending;
      if (!p || editor.document.uri.toString() !== p.uri.toString()) {
        editor.setDecorations(this.ghost, []);
        editor.setDecorations(this.replaced, []);
        continue;
      }
      const doc = editor.document;
      const { start, end } = p.target.placement;
      const hover = new vscode.MarkdownString(loadModel().verificationProblems(p.verification).map((m) => `- ${say(m)}`).join('\n') || vscode.l10n.t('Every figure agrees with the report.'));
      editor.setDecorations(this.replaced, start < end ? [{ range: rangeOf(doc, start, end) }] : []);
      editor.setDecorations(this.ghost, [{ range: rangeOf(doc, end, end), hoverMessage: hover, renderOptions: { after: { contentText: p.text } } }]);
    }
  }

  async insertDraft(): Promise<boolean> {
    const p = this.pending;
    if (!p) return false;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === p.uri.toString());
    if (!doc || doc.version !== p.version) {
      this.setPending(undefined);
      return false;
    }
    const problems = loadModel().verificationProblems(p.verification).map(say);
    if (problems.length) {
      const anyway = vscode.l10n.t('Insert Anyway');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('The engine could not confirm this draft.'),
        { modal: true, detail: problems.join('\n') },
        anyway,
      );
      if (choice !== anyway) return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, rangeOf(doc, p.target.placement.start, p.target.placement.end), p.text);
    this.setPending(undefined);
    return vscode.workspace.applyEdit(edit);
  }

  /** Edit the draft in an input box that re-checks its figures as the user types. */
  async editDraft(): Promise<boolean> {
    const p = this.pending;
    if (!p) return false;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === p.uri.toString());
    if (!doc) return false;
    const text = doc.getText();
    const options = this.reports.optionsFor(doc);
    const checked = new Map<string, Verification>([[p.text, p.verification]]);
    const verify = (value: string) => {
      let v = checked.get(value);
      if (!v) {
        v = loadModel().verifyDraft(text, p.target.placement, value, { known: p.target.known, check: options });
        checked.set(value, v);
      }
      return v;
    };
    let latest = 0;
    const edited = await vscode.window.showInputBox({
      title: vscode.l10n.t('Edit the draft'),
      value: p.text,
      ignoreFocusOut: true,
      prompt: vscode.l10n.t('Every figure is checked against the report as you type.'),
      validateInput: async (value) => {
        // The check runs once typing pauses; a newer keystroke makes this answer moot.
        const mine = ++latest;
        if (!checked.has(value)) await new Promise((done) => setTimeout(done, VALIDATE_DELAY_MS));
        if (mine !== latest) return undefined;
        const problems = loadModel().verificationProblems(verify(value)).map(say);
        return problems.length
          ? { message: problems.join('；'), severity: vscode.InputBoxValidationSeverity.Warning }
          : { message: vscode.l10n.t('Every figure agrees with the report.'), severity: vscode.InputBoxValidationSeverity.Info };
      },
    });
    if (edited === undefined || this.pending !== p) return false;
    this.setPending({ ...p, text: edited, verification: verify(edited) });
    return this.insertDraft();
  }

  discardDraft(): void {
    this.setPending(undefined);
  }

  // ---- reviewing ----

  async review(uri?: vscode.Uri): Promise<number | undefined> {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc || !this.reports.isReport(doc)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
      return undefined;
    }
    const version = doc.version;
    const passages = loadModel().reviewPassages(this.reports.resultFor(doc));
    if (!passages.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This report has no explained variances to review.'));
      return undefined;
    }
    const settings = await this.ready(vscode.l10n.t('{0} passages of {1} that explain variances, with the figures the engine computed', passages.length, vscode.workspace.asRelativePath(doc.uri)));
    if (!settings || doc.version !== version) return undefined;
    this.log.info(`review: ${loadModel().describeEndpoint(settings.baseUrl)} model ${settings.model}, ${passages.length} passages`);
    const reply = await this.withCancel(vscode.l10n.t('Reviewing explanations with {0}…', settings.model), (signal) => loadModel().requestReview(settings, passages, signal));
    if (!reply.ok) {
      this.showError(reply.error);
      return undefined;
    }
    if (doc.version !== version) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The report changed during the review; run it again.'));
      return undefined;
    }
    const found = loadModel().placeReview(doc.getText(), passages, reply.value);
    this.log.info(`review received: ${reply.value.contradictions.length} contradictions named, ${found.length} found in the document`);
    this.reviews.set(
      doc.uri,
      found.map((f) => {
        const d = new vscode.Diagnostic(rangeOf(doc, f.start, f.end), say(f.message), vscode.DiagnosticSeverity.Information);
        d.source = 'gouji-model';
        d.code = 'model-review';
        return d;
      }),
    );
    void vscode.window.showInformationMessage(
      found.length
        ? vscode.l10n.t('The model questions {0} sentence(s); see the Problems panel (source gouji-model). These are suggestions, not checks.', found.length)
        : vscode.l10n.t('The model found no explanation that contradicts the figures.'),
    );
    return found.length;
  }
}

function isHttpUrl(s: string): boolean {
  try {
    const url = new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
