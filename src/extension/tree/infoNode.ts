import * as vscode from 'vscode';
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
