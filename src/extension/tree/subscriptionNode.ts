import * as vscode from 'vscode';
import type { SubscriptionView } from '../../filters/attributeFilters';
import { FilterNode } from './filterNode';
import { InfoNode } from './infoNode';
import { code, md } from '../markdown';
import { counts } from '../counts';
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
    item.description = `${counts.filters(filters.length)} · ${counts.events(events.length)}`;
    item.iconPath = new vscode.ThemeIcon('bell');
    item.contextValue = 'subscription';
    const tooltip = new vscode.MarkdownString(`${vscode.l10n.t('**{0}** — subscription', md(name))}\n\n`);
    tooltip.appendMarkdown(
      events.length > 0
        ? `${vscode.l10n.t('Events:')}\n${events.map((e) => `- ${code(e)}`).join('\n')}\n\n`
        : `${vscode.l10n.t('No events.')}\n\n`,
    );
    tooltip.appendMarkdown(counts.attributeFilters(filters.length));
    item.tooltip = tooltip;
    return item;
  }

  async loadChildren(): Promise<TreeNode[]> {
    if (this.subscription.filters.length === 0) {
      return [
        new InfoNode(
          this,
          `${this.id}/empty`,
          vscode.l10n.t('No attribute filters'),
          vscode.l10n.t(
            'Every event of this subscription is delivered. Use **Apply Subscription Filter…** to add one.',
          ),
        ),
      ];
    }
    return this.subscription.filters.map((f) => new FilterNode(this, this.integrationId, this.subscriptionName, f));
  }
}
