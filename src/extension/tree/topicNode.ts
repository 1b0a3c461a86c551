import * as vscode from 'vscode';
import { code } from '../markdown';
import type { CommandTarget, TreeNode } from './treeNode';

/** One topic of the integration's `eventFilter` (the platform's real source-side filter). */
export class TopicNode implements TreeNode, CommandTarget {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    readonly integrationId: string,
    readonly topic: string,
  ) {
    this.id = `${parent.id}/${topic}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.topic, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('symbol-event');
    item.contextValue = 'topic';
    item.tooltip = new vscode.MarkdownString(
      `${vscode.l10n.t('Topic {0}', code(this.topic))}\n\n${vscode.l10n.t("Events of this topic are sent to the integration's event bus.")}`,
    );
    return item;
  }
}
