import * as vscode from 'vscode';
import { IntegrationNode } from './integrationNode';
import { LoadMoreNode } from './loadMoreNode';
import { InfoNode } from './infoNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

const PREFETCH_LIMIT = 25;
const PREFETCH_CONCURRENCY = 4;

/**
 * The invisible root: EventBridge integrations, one page (100) at a time, so a 1,000-integration org
 * draws its first rows after one request; "Load more…" fetches the next page.
 */
export class IntegrationListNode implements TreeNode {
  readonly id = 'integrations';
  readonly parent = undefined;
  readonly integrations: IntegrationNode[] = [];
  private nextPage: number | undefined = 1;
  private pagesRead = 0;
  private pageCount: number | undefined;
  private readonly loadMoreNode = new LoadMoreNode(undefined, () => this.progress());
  private pageLoad: Promise<void> | undefined;

  constructor(private readonly context: TreeContext) {}

  getTreeItem(): vscode.TreeItem {
    throw new Error('The root is not displayed.');
  }

  get hasMore(): boolean {
    return this.nextPage !== undefined;
  }

  get loadMoreRow(): LoadMoreNode {
    return this.loadMoreNode;
  }

  async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    if (this.integrations.length === 0 && this.hasMore) {
      await this.loadNextPage(signal);
      this.prefetchDetails(signal);
    }
    if (this.integrations.length === 0) {
      return [
        new InfoNode(
          undefined,
          'integrations/empty',
          vscode.l10n.t('No EventBridge integrations in this org'),
          vscode.l10n.t(
            'The org has no integrations of type {0}. Create one in Genesys Cloud Admin → Integrations.',
            '`amazon-eventbridge-source`',
          ),
        ),
      ];
    }
    return this.hasMore ? [...this.integrations, this.loadMoreNode] : [...this.integrations];
  }

  /** Fetches the next page; concurrent callers (double clicks) share one request. */
  loadNextPage(signal: AbortSignal): Promise<void> {
    this.pageLoad ??= this.fetchPage(signal).finally(() => {
      this.pageLoad = undefined;
    });
    return this.pageLoad;
  }

  /**
   * Most orgs have a handful of EventBridge integrations: read their configs right away (4 at a time) so
   * every row shows account and region. Large orgs load details on expansion only, to stay responsive
   * and well under the rate limit.
   */
  private prefetchDetails(signal: AbortSignal): void {
    if (this.hasMore || this.integrations.length > PREFETCH_LIMIT) {
      return;
    }
    const queue = [...this.integrations];
    const worker = async (): Promise<void> => {
      for (let node = queue.shift(); node && !signal.aborted; node = queue.shift()) {
        // Failures show up as an error row when the user expands the integration.
        await node.loadDetails(signal).catch(() => undefined);
      }
    };
    for (let i = 0; i < PREFETCH_CONCURRENCY; i++) {
      void worker();
    }
  }

  /**
   * The listing's total counts every integration type, and only EventBridge ones become rows, so
   * "12 of 1000" would promise rows that never come: say how many pages were read instead.
   */
  private progress(): string {
    const shown = vscode.l10n.t('{0} shown', this.integrations.length);
    return this.pageCount !== undefined
      ? vscode.l10n.t('{0} · page {1} of {2}', shown, this.pagesRead, this.pageCount)
      : shown;
  }

  findIntegration(id: string): IntegrationNode | undefined {
    return this.integrations.find((n) => n.integrationId === id);
  }

  /** Reads pages until one adds a row: the listing is filtered client-side, so a page can hold no EventBridge integration. */
  private async fetchPage(signal: AbortSignal): Promise<void> {
    const before = this.integrations.length;
    while (this.nextPage !== undefined && this.integrations.length === before) {
      await this.fetchOnePage(this.nextPage, signal);
    }
  }

  private async fetchOnePage(pageNumber: number, signal: AbortSignal): Promise<void> {
    const page = await this.context.session().client.listEventBridgeIntegrationsPage(pageNumber, signal);
    const known = new Set(this.integrations.map((n) => n.integrationId));
    // An integration created between two page reads shifts the pages: skip the one we already show.
    for (const summary of page.entities) {
      if (!known.has(summary.id)) {
        this.integrations.push(new IntegrationNode(undefined, summary, this.context));
      }
    }
    this.pagesRead = page.pageNumber;
    this.pageCount = page.pageCount;
    this.nextPage = page.pageNumber < page.pageCount ? page.pageNumber + 1 : undefined;
  }
}
