/**
 * The Filter Preview panel: one per window, reused and revealed by every preview. The page is drawn from the outcome
 * (panelHtml); its script only moves focus, filters rows and posts what the user asks for — open an event as JSON,
 * save a recording, preview the same filters on other events. Every message is checked before it is acted on.
 *
 * retainContextWhenHidden is off on purpose: the page holds nothing that is not in its HTML (the row filter is kept
 * with the webview's own setState), so a hidden tab need not keep a renderer alive; VS Code redraws it when shown.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { Disposable } from '../lifecycle';
import { renderPanel } from './panelHtml';
import type { PreviewOutcome } from './previewOutcome';

export const PREVIEW_VIEW_TYPE = 'genesysCloud.filterPreview';
const MEDIA = ['media', 'preview'];

/** What the page may ask. */
export type PanelMessage = { type: 'open'; index: number } | { type: 'saveRecording' } | { type: 'otherEvents' };

/** Runs the same filters on other events (the command decides how to ask). */
export type Rerun = (outcome: PreviewOutcome) => Promise<unknown>;

export class PreviewPanel extends Disposable {
  private static current: PreviewPanel | undefined;
  private readonly panel: vscode.WebviewPanel;
  private outcome: PreviewOutcome | undefined;
  private rerun: Rerun | undefined;
  private runs = 0;

  /**
   * Shows `outcome` in the panel: created on first use, else revealed where it is — or in `column` when given (beside
   * the diff of an Apply, so the diff stays in view).
   */
  static show(ctx: CommandContext, outcome: PreviewOutcome, rerun: Rerun, column?: vscode.ViewColumn): PreviewPanel {
    let panel = PreviewPanel.current;
    if (!panel) {
      panel = ctx.host.own(new PreviewPanel(ctx, column ?? vscode.ViewColumn.Active));
      PreviewPanel.current = panel;
    } else {
      panel.panel.reveal(column, false);
    }
    panel.update(outcome, rerun);
    return panel;
  }

  private constructor(
    private readonly ctx: CommandContext,
    column: vscode.ViewColumn,
  ) {
    super();
    const media = vscode.Uri.joinPath(ctx.host.context.extensionUri, ...MEDIA);
    this.panel = this.register(
      vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Filter Preview'), column, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [media],
      }),
    );
    this.panel.iconPath = vscode.Uri.joinPath(ctx.host.context.extensionUri, 'media', 'genesys-cloud.svg');
    this.register(this.panel.onDidDispose(() => this.dispose()));
    this.register(this.panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)));
  }

  /** The page as last drawn (tests read it). */
  get html(): string {
    return this.panel.webview.html;
  }

  get visible(): boolean {
    return !this.isDisposed && this.panel.visible;
  }

  update(outcome: PreviewOutcome, rerun: Rerun): void {
    this.outcome = outcome;
    this.rerun = rerun;
    const { webview } = this.panel;
    const media = vscode.Uri.joinPath(this.ctx.host.context.extensionUri, ...MEDIA);
    this.panel.title = vscode.l10n.t('Preview: {0}', outcome.filters.title);
    webview.html = renderPanel(
      outcome,
      {
        cspSource: webview.cspSource,
        styleUris: ['preview.css', 'filters.css', 'events.css'].map((name) =>
          webview.asWebviewUri(vscode.Uri.joinPath(media, name)).toString(),
        ),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      },
      ++this.runs,
    );
  }

  /** A message from the page (or a test acting as the page); anything malformed is ignored. */
  receive(message: unknown): Promise<void> {
    const checked = checkMessage(message);
    if (!checked) {
      this.ctx.services.log.warn(
        `Filter Preview: ignored a malformed message from the page: ${JSON.stringify(message)}`,
      );
      return Promise.resolve();
    }
    const outcome = this.outcome;
    if (!outcome) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.ctx.background(actionOf(checked), async () => {
        try {
          if (checked.type === 'open') await this.openEvent(outcome, checked.index);
          else if (checked.type === 'saveRecording') await saveRecording(outcome);
          else await this.rerun?.(outcome);
        } finally {
          resolve();
        }
      });
    });
  }

  private async openEvent(outcome: PreviewOutcome, index: number): Promise<void> {
    const event = outcome.eventsByIndex.get(index);
    if (!event) {
      throw new Error(vscode.l10n.t('Event #{0} is not among the events this preview kept in memory.', index));
    }
    const row = outcome.rows.find((r) => r.index === index);
    const name = vscode.l10n.t('Event #{0}', index) + (row?.topic ? ` ${row.topic}` : '');
    const uri = this.ctx.documents.create('preview', name, event);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  override dispose(): void {
    if (PreviewPanel.current === this) PreviewPanel.current = undefined;
    // The outcome holds up to a table's worth of events: let them go with the panel.
    this.outcome = undefined;
    this.rerun = undefined;
    super.dispose();
  }
}

function checkMessage(message: unknown): PanelMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, index } = message as { type?: unknown; index?: unknown };
  if (type === 'open') {
    return Number.isSafeInteger(index) && (index as number) >= 0 ? { type, index: index as number } : undefined;
  }
  if (type === 'saveRecording' || type === 'otherEvents') return { type };
  return undefined;
}

function actionOf(message: PanelMessage): string {
  switch (message.type) {
    case 'open':
      return vscode.l10n.t('open the event');
    case 'saveRecording':
      return vscode.l10n.t('save the recording');
    case 'otherEvents':
      return vscode.l10n.t('preview on other events');
  }
}

/** Copies a recording out of the extension's storage to where the user wants it (never over a file silently). */
async function saveRecording(outcome: PreviewOutcome): Promise<void> {
  const [file] = outcome.events.files;
  if (!outcome.events.recording || !file) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, path.basename(file)) : vscode.Uri.file(file),
    filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl'] },
    saveLabel: vscode.l10n.t('Save Recording'),
  });
  if (!target) return;
  // The save dialog has already asked before replacing an existing file.
  await fs.copyFile(file, target.fsPath);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('$(save) Saved the recording to {0}', target.fsPath), 4000);
}
