/**
 * Read-only virtual JSON documents (scheme `genesys-cloud-json`) for the diff editor and
 * Show Integration JSON. Content lives in memory, keyed by URI; a document's URI carries a
 * counter so a new diff never shows a cached old text. Contents are dropped when the editor closes.
 */
import * as vscode from 'vscode';
import { Disposable } from '../../lifecycle';
import { formatDocument } from '../../../filters/documentText';
import type { JsonValue } from '../../../common/json';

export const JSON_DOCUMENT_SCHEME = 'genesys-cloud-json';

export class JsonDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  private counter = 0;
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(JSON_DOCUMENT_SCHEME, this));
    this.register(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === JSON_DOCUMENT_SCHEME) this.contents.delete(doc.uri.toString());
      }),
    );
  }

  /** A new read-only document; `name` becomes the editor tab's title (".json" selects the JSON language). */
  create(folder: string, name: string, value: JsonValue): vscode.Uri {
    // "/" would split the title into folders; the tab shows only the last path segment.
    const safeName = name.replace(/[/\\]/g, '∕');
    const uri = vscode.Uri.from({
      scheme: JSON_DOCUMENT_SCHEME,
      path: `/${encodeURIComponent(folder)}/${safeName}.json`,
      query: String(++this.counter),
    });
    this.contents.set(uri.toString(), formatDocument(value));
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.contents.get(uri.toString()) ??
      `// ${vscode.l10n.t('This document is no longer available: run the command again.')}\n`
    );
  }

  override dispose(): void {
    super.dispose();
    this.contents.clear();
  }
}
