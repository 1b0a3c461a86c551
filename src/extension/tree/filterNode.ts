import * as vscode from 'vscode';
import type { AttributeFilterView } from '../../filters/attributeFilters';
import { code, md } from '../markdown';
import type { CommandTarget, TreeNode } from './treeNode';

const ICONS: Record<string, string> = {
  regex: 'regex',
  exact: 'symbol-string',
  exists: 'pass',
  notexists: 'circle-slash',
};

/** One attribute filter of a subscription: key, match type and values. */
export class FilterNode implements TreeNode, CommandTarget {
  readonly id: string;
  readonly attributeKey: string;

  constructor(
    readonly parent: TreeNode,
    readonly integrationId: string,
    readonly subscriptionName: string,
    readonly filter: AttributeFilterView,
  ) {
    this.attributeKey = filter.key;
    this.id = `${parent.id}/filter/${filter.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { key, matchType, values } = this.filter;
    const item = new vscode.TreeItem(key, vscode.TreeItemCollapsibleState.None);
    item.description = values.length > 0 ? `${matchType} ${values.join(', ')}` : matchType;
    item.iconPath = new vscode.ThemeIcon(ICONS[matchType] ?? 'filter');
    item.contextValue = `filter:${matchType}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${md(key)}** — ${code(matchType)}\n\n`);
    for (const value of values) {
      tooltip.appendCodeblock(value, matchType === 'regex' ? 'regexp' : 'text');
    }
    tooltip.appendMarkdown(vscode.l10n.t('Subscription {0}', code(this.subscriptionName)));
    item.tooltip = tooltip;
    return item;
  }
}
