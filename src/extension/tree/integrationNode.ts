import * as vscode from 'vscode';
import type { JsonObject } from '../../common/json';
import { eventSourceName, readEventBridgeProperties, type EventBridgeProperties } from '../../filters/topics';
import type { IntegrationSummary } from '../../genesys/client';
import { code, md } from '../markdown';
import { isSubscriptionFiltersUnavailable } from '../subscriptionFilterAvailability';
import { errorRow, subscriptionFiltersUnavailableRow, subscriptionRows } from './integrationChildren';
import { TopicFiltersNode } from './topicFiltersNode';
import type { TreeContext } from './treeContext';
import type { CommandTarget, TreeNode } from './treeNode';

const UNHEALTHY_STATES = new Set(['ERROR', 'INACTIVE']);

/**
 * An EventBridge integration. Its children are the "Topic filters" group (integration config) and its
 * subscriptions (the Go tutorial's EventBridge document), both loaded on first expansion.
 */
export class IntegrationNode implements TreeNode, CommandTarget {
  readonly id: string;
  readonly integrationId: string;
  /** Known once the config has been read (on expansion); the row then shows account and region. */
  private properties: EventBridgeProperties | undefined;
  private orgId: string | undefined;
  /** One config read shared by the row's details and the "Topic filters" group; dropped on refresh. */
  private configLoad: Promise<JsonObject> | undefined;
  /** Bumped by forgetDetails(), so a read started before a refresh cannot draw over a newer one. */
  private detailsGeneration = 0;

  constructor(
    readonly parent: TreeNode | undefined,
    readonly summary: IntegrationSummary,
    private readonly context: TreeContext,
  ) {
    this.integrationId = summary.id;
    this.id = `integration/${summary.id}`;
  }

  get state(): string | undefined {
    return this.summary.reportedState?.code ?? this.summary.intendedState;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.summary.name || this.summary.id, vscode.TreeItemCollapsibleState.Collapsed);
    const unhealthy = this.state !== undefined && UNHEALTHY_STATES.has(this.state);
    const managedBy = this.context.managedBy?.(this.summary);
    // First, so that a narrow view still shows it.
    item.description = [
      managedBy ? vscode.l10n.t('as code') : undefined,
      this.properties?.awsAccountId,
      this.properties?.awsAccountRegion,
      this.state,
    ]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = unhealthy
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('radio-tower');
    item.contextValue = unhealthy ? 'integration:unhealthy' : 'integration';
    return item;
  }

  /** Built on hover, so the topic count and event source are those of the last read without redrawing the row. */
  resolveTooltip(): vscode.MarkdownString {
    const managedBy = this.context.managedBy?.(this.summary);
    const { summary, properties } = this;
    const lines = [
      vscode.l10n.t('**{0}** — EventBridge integration', md(summary.name)),
      '',
      vscode.l10n.t('ID: {0}', code(summary.id)),
    ];
    if (managedBy) {
      lines.push(
        vscode.l10n.t(
          'Managed as code in {0}: changes made here are undone by the next apply of that file.',
          code(managedBy),
        ),
      );
    }
    const reported = summary.reportedState;
    if (this.state) {
      const detail = reported?.detail ? ` — ${md(reported.detail)}` : '';
      const since = reported?.lastUpdated ? vscode.l10n.t(' (since {0})', md(reported.lastUpdated)) : '';
      lines.push(vscode.l10n.t('State: **{0}**{1}{2}', md(this.state), detail, since));
    }
    if (summary.intendedState) {
      lines.push(vscode.l10n.t('Intended state: {0}', md(summary.intendedState)));
    }
    const notes = summary.raw.notes;
    if (typeof notes === 'string' && notes.trim() !== '') {
      lines.push(vscode.l10n.t('Notes: {0}', md(notes.trim())));
    }
    if (properties) {
      lines.push(
        vscode.l10n.t(
          'AWS account: {0} in {1}',
          code(properties.awsAccountId ?? '—'),
          code(properties.awsAccountRegion ?? '—'),
        ),
      );
      if (properties.eventSourceSuffix) {
        const orgId = this.orgId ?? vscode.l10n.t('<org id>');
        lines.push(vscode.l10n.t('Event source: {0}', code(eventSourceName(orgId, properties.eventSourceSuffix))));
      }
      lines.push(vscode.l10n.t('Topic filters: {0}', properties.eventFilter.length));
    } else {
      lines.push('', vscode.l10n.t('_Expand to load the AWS account, region and event source._'));
    }
    return new vscode.MarkdownString(lines.join('  \n'));
  }

  async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const [topics, subscriptions] = await Promise.all([this.loadTopicFilters(signal), this.loadSubscriptions(signal)]);
    return [topics, ...subscriptions];
  }

  /**
   * Reads the config (account, region, event source, topics) once and redraws the row with it.
   * Called on expansion, and ahead of it for small orgs so every row shows its account and region.
   */
  loadDetails(signal: AbortSignal): Promise<JsonObject> {
    if (!this.configLoad) {
      const generation = this.detailsGeneration;
      const load = this.readDetails(signal, generation);
      this.configLoad = load;
      // A failed read is not remembered: the next expansion (or retry) asks again.
      load.catch(() => {
        if (this.detailsGeneration === generation) {
          this.configLoad = undefined;
        }
      });
    }
    return this.configLoad;
  }

  private async readDetails(signal: AbortSignal, generation: number): Promise<JsonObject> {
    const [config, orgId] = await Promise.all([
      this.context.session().client.getIntegrationConfig(this.integrationId, signal),
      this.context.organizationId(),
    ]);
    // A refresh while this read was in flight (e.g. right after a write) started a newer read:
    // only that one may draw the row, or an older answer arriving late would show stale values.
    if (generation === this.detailsGeneration) {
      const shown = this.detailsShown();
      this.properties = readEventBridgeProperties(config);
      this.orgId = orgId;
      // Redraw only when the row's text changed: a redraw of an expanded row makes VS Code fetch and register all
      // its rows again, and an inline action clicked on one of them meanwhile would reach its command with no row.
      if (this.detailsShown() !== shown) this.context.rowChanged(this);
    }
    return config;
  }

  /** The row's text after the label (account · region · state), as getTreeItem draws it. */
  private detailsShown(): string {
    return String(this.getTreeItem().description ?? '');
  }

  /** Forgets the config read, so a refresh of this integration reads it again (and a read still in flight is ignored). */
  forgetDetails(): void {
    this.detailsGeneration++;
    this.configLoad = undefined;
  }

  private async loadTopicFilters(signal: AbortSignal): Promise<TreeNode> {
    try {
      // From this load's own answer, not this.properties: a newer read may be under way.
      const config = await this.loadDetails(signal);
      return new TopicFiltersNode(this, this.integrationId, readEventBridgeProperties(config).eventFilter);
    } catch (err) {
      rethrowCancellation(err, signal);
      return errorRow(this, 'topics', vscode.l10n.t('Could not read topic filters: {0}', messageOf(err)));
    }
  }

  private async loadSubscriptions(signal: AbortSignal): Promise<TreeNode[]> {
    try {
      const document = await this.context.session().subscriptionFilters.readDocument(this.integrationId, signal);
      return subscriptionRows(this, document);
    } catch (err) {
      rethrowCancellation(err, signal);
      if (isSubscriptionFiltersUnavailable(err)) return [subscriptionFiltersUnavailableRow(this)];
      return [errorRow(this, 'subscriptions', vscode.l10n.t('Could not read subscriptions: {0}', messageOf(err)))];
    }
  }
}

function rethrowCancellation(err: unknown, signal: AbortSignal): void {
  if (signal.aborted) {
    throw err;
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
