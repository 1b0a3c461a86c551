import * as vscode from 'vscode';
import type { IntegrationSummary } from '../../genesys/client';
import { isGenesysError } from '../../genesys/errors';
import { listSubscriptions } from '../../filters/attributeFilters';
import type { JsonObject } from '../../common/json';
import { eventSourceName, readEventBridgeProperties, type EventBridgeProperties } from '../../filters/topics';
import { ErrorNode, InfoNode } from './messageNode';
import { SubscriptionNode } from './subscriptionNode';
import type { TreeContext } from './treeContext';
import { TopicFiltersNode } from './topicFiltersNode';
import { code, md } from '../markdown';
import type { CommandTarget, TreeNode } from './treeNode';

const UNHEALTHY_STATES = new Set(['ERROR', 'INACTIVE']);

/** The calm row under an integration whose seed endpoint answered 404: label, then description. */
export const SEED_ENDPOINT_UNAVAILABLE = 'Attribute filters are not available for this integration on this org';
export const SEED_ENDPOINT_UNAVAILABLE_REASON = 'the subscription-filter endpoint is not part of the public API';

/**
 * An EventBridge integration. Its children are the "Topic filters" group (integration config) and its
 * subscriptions (the seed's EventBridge document), both loaded on first expansion.
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
    item.description = [this.properties?.awsAccountId, this.properties?.awsAccountRegion, this.state]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = unhealthy
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('radio-tower');
    item.contextValue = unhealthy ? 'integration:unhealthy' : 'integration';
    item.tooltip = this.tooltip();
    return item;
  }

  private tooltip(): vscode.MarkdownString {
    const { summary, properties } = this;
    const lines = [`**${md(summary.name)}** — EventBridge integration`, '', `ID: ${code(summary.id)}`];
    const reported = summary.reportedState;
    if (this.state) {
      lines.push(
        `State: **${md(this.state)}**${reported?.detail ? ` — ${md(reported.detail)}` : ''}${reported?.lastUpdated ? ` (since ${md(reported.lastUpdated)})` : ''}`,
      );
    }
    if (summary.intendedState) {
      lines.push(`Intended state: ${md(summary.intendedState)}`);
    }
    const notes = summary.raw.notes;
    if (typeof notes === 'string' && notes.trim() !== '') {
      lines.push(`Notes: ${md(notes.trim())}`);
    }
    if (properties) {
      lines.push(`AWS account: ${code(properties.awsAccountId ?? '—')} in ${code(properties.awsAccountRegion ?? '—')}`);
      if (properties.eventSourceSuffix) {
        const source = this.orgId
          ? eventSourceName(this.orgId, properties.eventSourceSuffix)
          : `aws.partner/genesys.com/cloud/<org id>/${properties.eventSourceSuffix}`;
        lines.push(`Event source: ${code(source)}`);
      }
      lines.push(`Topic filters: ${properties.eventFilter.length}`);
    } else {
      lines.push('', '_Expand to load the AWS account, region and event source._');
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
      this.context.client().getIntegrationConfig(this.integrationId, signal),
      this.context.organizationId(),
    ]);
    // A refresh while this read was in flight (e.g. right after a write) started a newer read:
    // only that one may draw the row, or an older answer arriving late would show stale values.
    if (generation === this.detailsGeneration) {
      this.properties = readEventBridgeProperties(config);
      this.orgId = orgId;
      this.context.rowChanged(this);
    }
    return config;
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
      return new ErrorNode(this, `${this.id}/topics/error`, `Could not read topic filters: ${messageOf(err)}`, this);
    }
  }

  private async loadSubscriptions(signal: AbortSignal): Promise<TreeNode[]> {
    const unavailable = (): TreeNode[] => [
      new InfoNode(
        this,
        `${this.id}/subscriptions/unavailable`,
        SEED_ENDPOINT_UNAVAILABLE,
        `${SEED_ENDPOINT_UNAVAILABLE} (${SEED_ENDPOINT_UNAVAILABLE_REASON}).\n\n` +
          'This org answers 404 for `/api/v2/integrations/eventbridge/{id}`. **Topic filters** work on every org; ' +
          'attribute filters need the subscription-filter endpoint.',
        'info',
        `(${SEED_ENDPOINT_UNAVAILABLE_REASON})`,
      ),
    ];
    // Remembered for the session: one 404 per integration, not one per expansion.
    if (this.context.seedEndpointUnavailable.has(this.integrationId)) {
      return unavailable();
    }
    let document: JsonObject;
    try {
      document = await this.context.client().getEventBridgeDocument(this.integrationId, signal);
    } catch (err) {
      rethrowCancellation(err, signal);
      if (isGenesysError(err) && err.kind === 'notFound') {
        this.context.seedEndpointUnavailable.add(this.integrationId);
        return unavailable();
      }
      return [
        new ErrorNode(this, `${this.id}/subscriptions/error`, `Could not read subscriptions: ${messageOf(err)}`, this),
      ];
    }
    try {
      const views = listSubscriptions(document);
      if (views.length === 0) {
        return [new InfoNode(this, `${this.id}/subscriptions/empty`, 'No subscriptions')];
      }
      const seen = new Map<string, number>();
      return views.map((view) => {
        // Duplicate names would give two rows the same id, which VS Code rejects.
        const count = seen.get(view.name) ?? 0;
        seen.set(view.name, count + 1);
        return new SubscriptionNode(this, this.integrationId, view, count === 0 ? '' : `#${count}`);
      });
    } catch (err) {
      return [
        new ErrorNode(
          this,
          `${this.id}/subscriptions/error`,
          `The EventBridge document cannot be read: ${messageOf(err)}`,
          this,
        ),
      ];
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
