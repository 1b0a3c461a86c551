import * as vscode from 'vscode';
import { InfoNode } from './infoNode';
import { TopicNode } from './topicNode';
import { counts } from '../counts';
import type { CommandTarget, TreeNode } from './treeNode';

/** The "Topic filters" group: the integration config's `properties.eventFilter`, one leaf per topic. */
export class TopicFiltersNode implements TreeNode, CommandTarget {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    readonly integrationId: string,
    readonly topics: readonly string[],
  ) {
    this.id = `${parent.id}/topics`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Topic filters'), vscode.TreeItemCollapsibleState.Collapsed);
    item.description = counts.topics(this.topics.length);
    item.iconPath = new vscode.ThemeIcon('list-filter');
    item.contextValue = 'topicFilters';
    item.tooltip = new vscode.MarkdownString(
      vscode.l10n.t(
        'Topic filtering ({0} of the integration config): only events of these topics reach AWS. This is the source-side filter every Genesys Cloud org has today.',
        '`properties.eventFilter`',
      ),
    );
    return item;
  }

  async loadChildren(): Promise<TreeNode[]> {
    if (this.topics.length === 0) {
      return [
        new InfoNode(
          this,
          `${this.id}/empty`,
          vscode.l10n.t('No topic filters'),
          vscode.l10n.t('Use **Add Topic Filter…** or **Select Topics by Regex…** to add topics.'),
        ),
      ];
    }
    return this.topics.map((topic) => new TopicNode(this, this.integrationId, topic));
  }
}
