import * as vscode from 'vscode';
import type { SubscriptionView } from '../../filters/attributeFilters';
import { FilterNode } from './filterNode';
import { InfoNode } from './infoNode';
import { code, md } from '../markdown';
import { plural } from '../../common/text';
import type { CommandTarget, TreeNode } from './treeNode';

/** A subscription of the EventBridge document: its events and, as children, its attribute filters. */
export class SubscriptionNode implements TreeNode, CommandTarget {
  readonly id: string;
  readonly subscriptionName: string;

  constructor(
    readonly parent: TreeNode,
    readonly integrationId: string,
    readonly subscription: SubscriptionView,
    idSuffix = '',
  ) {
    this.subscriptionName = subscription.name;
    this.id = `${parent.id}/subscription/${subscription.name}${idSuffix}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { name, events, filters } = this.subscription;
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = `${plural(filters.length, 'filter')} · ${plural(events.length, 'event')}`;
    item.iconPath = new vscode.ThemeIcon('bell');
    item.contextValue = 'subscription';
    const tooltip = new vscode.MarkdownString(`**${md(name)}** — subscription\n\n`);
    tooltip.appendMarkdown(
      events.length > 0 ? `Events:\n${events.map((e) => `- ${code(e)}`).join('\n')}\n\n` : 'No events.\n\n',
    );
    tooltip.appendMarkdown(`${plural(filters.length, 'attribute filter')}`);
    item.tooltip = tooltip;
    return item;
  }

  async loadChildren(): Promise<TreeNode[]> {
    if (this.subscription.filters.length === 0) {
      return [
        new InfoNode(
          this,
          `${this.id}/empty`,
          'No attribute filters',
          'Every event of this subscription is delivered. Use **Apply Subscription Filter…** to add one.',
        ),
      ];
    }
    return this.subscription.filters.map((f) => new FilterNode(this, this.integrationId, this.subscriptionName, f));
  }
}
