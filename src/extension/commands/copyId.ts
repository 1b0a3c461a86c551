import * as vscode from 'vscode';
import type { CommandTarget } from '../tree/treeNode';

/** `genesysCloud.copyId`: the integration id of the row (or of `{ integrationId }`) to the clipboard. */
export function copyIdCommand() {
  return async (target?: unknown): Promise<string> => {
    const id = (target as CommandTarget | undefined)?.integrationId;
    if (!id) {
      throw new Error(vscode.l10n.t('Copy ID works on an integration row of the EventBridge Integrations view.'));
    }
    await vscode.env.clipboard.writeText(id);
    void vscode.window.setStatusBarMessage(`$(copy) ${vscode.l10n.t('Copied integration id {0}', id)}`, 3000);
    return id;
  };
}
