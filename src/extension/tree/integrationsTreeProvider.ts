import * as vscode from 'vscode';
import { isUserCancellation } from '../errors';
import { IntegrationListNode } from './integrationListNode';
import { IntegrationNode } from './integrationNode';
import type { LoadMoreNode } from './loadMoreNode';
import { ErrorNode } from './messageNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

export const VIEW_ID = 'genesysCloud.integrations';

/**
 * The "EventBridge Integrations" view. getChildren never throws and never hides a failure behind an
 * empty list: a failed load becomes an error row with a retry. Loads are cached per node id, so
 * concurrent expansions of one node (and re-renders) share one request.
 */
export class IntegrationsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private root: IntegrationListNode;
  private readonly children = new Map<string, Promise<TreeNode[]>>();
  /** Aborted on every whole-tree refresh, so answers for a previous session never land in the new tree. */
  private generation = new AbortController();
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly context: Omit<TreeContext, 'rowChanged'>,
    private readonly isSignedIn: () => boolean,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.root = this.newRoot();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.getTreeItem();
    item.id = node.id;
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Signed out → no rows, so the welcome view (viewsWelcome) shows. */
  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!this.isSignedIn()) {
      return Promise.resolve([]);
    }
    const target = node ?? this.root;
    if (!target.loadChildren) {
      return Promise.resolve([]);
    }
    let load = this.children.get(target.id);
    if (!load) {
      load = this.load(target, this.generation.signal);
      this.children.set(target.id, load);
    }
    return load;
  }

  /** The integration rows loaded so far (for commands and tests). */
  get rootNode(): IntegrationListNode {
    return this.root;
  }

  /**
   * Whole tree (undefined), one integration by id, or one node (an error row reloads what it replaced).
   * Only the whole-tree refresh forgets which seed endpoints answered 404: flows refresh an integration
   * after each write, and that must not bring the 404 back.
   */
  refresh(target?: TreeNode | string): void {
    if (typeof target === 'string') {
      const integration = this.root.findIntegration(target);
      if (!integration) {
        // Not loaded (tree never opened, or on a page not read yet): reload what is shown, but this is
        // still a flow's refresh of one integration, so the session's 404 memory stays.
        this.reloadAll();
        return;
      }
      target = integration;
    }
    if (target instanceof ErrorNode) {
      target = target.retryTarget;
    }
    if (target === undefined || target === this.root) {
      this.context.seedEndpointUnavailable.clear();
      this.reloadAll();
      return;
    }
    if (target instanceof IntegrationNode) {
      target.forgetDetails();
    }
    this.forget(target.id);
    this.changed.fire(target);
  }

  private reloadAll(): void {
    this.generation.abort();
    this.generation = new AbortController();
    this.children.clear();
    this.root = this.newRoot();
    this.changed.fire(undefined);
  }

  /** "Load more…": the row shows a spinner, then the next page is appended to the root. */
  async loadMore(row: LoadMoreNode): Promise<void> {
    if (row.loading) {
      return;
    }
    const root = this.root;
    row.loading = true;
    row.error = undefined;
    this.changed.fire(row);
    try {
      await this.withViewProgress(() => root.loadNextPage(this.generation.signal));
    } catch (err) {
      if (!isUserCancellation(err)) {
        row.error = messageOf(err);
        this.log.error(`Loading more integrations failed: ${row.error}`);
      }
    } finally {
      row.loading = false;
    }
    if (root === this.root) {
      this.children.delete(root.id);
      this.changed.fire(undefined);
    }
  }

  private async load(node: TreeNode, signal: AbortSignal): Promise<TreeNode[]> {
    try {
      return await this.withViewProgress(() => node.loadChildren!(signal));
    } catch (err) {
      if (signal.aborted) {
        // A refresh replaced this tree; the rows VS Code asks for next come from the new load.
        return [];
      }
      this.log.error(`Loading ${node.id} failed: ${messageOf(err)}`);
      // Cached like any answer (no request storm on re-render); the row's retry or a refresh drops it.
      const what = node === this.root ? 'Could not load integrations' : 'Could not load';
      return [
        new ErrorNode(
          node === this.root ? undefined : node,
          `${node.id}/error`,
          `${what}: ${messageOf(err)}`,
          node === this.root ? undefined : node,
        ),
      ];
    }
  }

  private withViewProgress<T>(task: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, task));
  }

  /** Drops the cached children of a node and of everything below it (ids are hierarchical). */
  private forget(id: string): void {
    for (const key of [...this.children.keys()]) {
      if (key === id || key.startsWith(`${id}/`)) {
        this.children.delete(key);
      }
    }
  }

  private newRoot(): IntegrationListNode {
    const context = this.context;
    return new IntegrationListNode({
      client: () => context.client(),
      organizationId: () => context.organizationId(),
      seedEndpointUnavailable: context.seedEndpointUnavailable,
      rowChanged: (node) => this.changed.fire(node),
    });
  }

  dispose(): void {
    this.generation.abort();
    this.changed.dispose();
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
