import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

export const LOAD_MORE_COMMAND = 'genesysCloud.loadMore';

/** The last row while more pages of integrations exist; shows a spinner while the next page loads. */
export class LoadMoreNode implements TreeNode {
  readonly id = 'integrations/loadMore';
  loading = false;
  /** The last failure, shown on the row so the click retries it. */
  error: string | undefined;

  constructor(
    readonly parent: TreeNode | undefined,
    /** e.g. "100 shown · page 1 of 10": pages, not integrations, because the listing is filtered on our side. */
    private readonly progress: () => string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const progress = this.progress();
    if (this.loading) {
      const item = new vscode.TreeItem(vscode.l10n.t('Loading more…'), vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      item.description = progress;
      return item;
    }
    const item = new vscode.TreeItem(
      this.error ? vscode.l10n.t('Could not load more — retry') : vscode.l10n.t('Load more…'),
      vscode.TreeItemCollapsibleState.None,
    );
    item.iconPath = this.error
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : new vscode.ThemeIcon('more');
    item.description = this.error ?? progress;
    item.contextValue = 'loadMore';
    item.command = { command: LOAD_MORE_COMMAND, title: vscode.l10n.t('Load more'), arguments: [this] };
    return item;
  }
}
