import type * as vscode from 'vscode';

/**
 * One row of the tree. Ids are hierarchical ("integration/<id>/subscription/<name>") so a subtree
 * can be invalidated by prefix, and stay stable across refreshes so VS Code keeps rows expanded.
 */
export interface TreeNode {
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  /**
   * A tooltip built when the row is hovered (TreeDataProvider.resolveTreeItem) rather than with the row: for rows
   * whose tooltip shows details read later, so that reading them does not need a redraw of the row and its children.
   */
  resolveTooltip?(): vscode.MarkdownString;
  /**
   * Present on expandable nodes only. May throw: the provider turns an error into an error row.
   * The signal aborts when the tree is refreshed or the session changes.
   */
  loadChildren?(signal: AbortSignal): Promise<TreeNode[]>;
}

/** Fields the flows' commands read from the node they were invoked on (tree rows expose these as plain fields, so a row is a valid command argument). */
export interface CommandTarget {
  integrationId?: string;
  subscriptionName?: string;
  attributeKey?: string;
  topic?: string;
}
