import * as vscode from 'vscode';
import { md } from '../markdown';
import type { TreeNode } from './treeNode';

/** A calm informational row: an empty org, a subscription without filters, an endpoint that does not exist. */
export class InfoNode implements TreeNode {
  constructor(
    readonly parent: TreeNode | undefined,
    readonly id: string,
    private readonly label: string,
    private readonly tooltip?: string,
    private readonly icon = 'info',
    private readonly description?: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.description = this.description;
    item.contextValue = 'message';
    if (this.tooltip) {
      item.tooltip = new vscode.MarkdownString(this.tooltip);
    }
    return item;
  }
}

/**
 * A failed load, in place of the children that could not be loaded — never a silent empty tree.
 * Clicking it (or its inline Refresh) reloads `retryTarget`.
 */
export class ErrorNode implements TreeNode {
  readonly contextValue = 'error';

  constructor(
    readonly parent: TreeNode | undefined,
    readonly id: string,
    readonly message: string,
    /** The node to reload; undefined = the whole tree. */
    readonly retryTarget: TreeNode | undefined,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = this.contextValue;
    item.tooltip = new vscode.MarkdownString(
      `$(error) ${md(this.message)}\n\nClick to retry. Details are in **Genesys Cloud: Show Log**.`,
      true,
    );
    item.command = { command: 'genesysCloud.refresh', title: 'Retry', arguments: [this] };
    return item;
  }
}
