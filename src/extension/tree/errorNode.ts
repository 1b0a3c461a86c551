import * as vscode from 'vscode';
import { md } from '../markdown';
import type { TreeNode } from './treeNode';

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
      `$(error) ${md(this.message)}\n\n${vscode.l10n.t('Click to retry. Details are in **{0}**.', vscode.l10n.t('Genesys Cloud: Show Log'))}`,
      true,
    );
    item.command = { command: 'genesysCloud.refresh', title: vscode.l10n.t('Retry'), arguments: [this] };
    return item;
  }
}
