import * as vscode from 'vscode';
import { isUserCancellation } from '../cancellation';
import { Disposable } from '../lifecycle';
import type { SignedInSession } from '../services';
import { ErrorNode } from './errorNode';
import { IntegrationListNode } from './integrationListNode';
import { IntegrationNode } from './integrationNode';
import type { LoadMoreNode } from './loadMoreNode';
import type { TreeNode } from './treeNode';

export const VIEW_ID = 'genesysCloud.integrations';

export interface TreeSource {
  /** The signed-in session; undefined when signed out (the welcome view shows then). */
  session(): SignedInSession | undefined;
  organizationId(): Promise<string | undefined>;
  /** The workspace filters file that manages an integration, if any. */
  managedBy(integration: { id: string; name: string }): string | undefined;
}

/**
 * The "EventBridge Integrations" view. getChildren never throws and never hides a failure behind an empty list: a
 * failed load becomes an error row with a retry. Loads are cached per node id, so concurrent expansions of one
 * node (and re-renders) share one request.
 *
 * A node is never announced as changed while VS Code is still fetching its children: VS Code's extension host
 * registers those children under the node object it had when the fetch began, and a change event in between
 * replaces that object, so the children end up registered under a discarded node and the next fetch fails with
 * "Element with id … is already registered" — the expanded row is left with no children at all. Changes that
 * arrive during a load (the row's details read by that very load, a refresh after a write) are announced once
 * the load has settled.
 */
export class IntegrationsTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private root: IntegrationListNode;
  private readonly children = new Map<string, Promise<TreeNode[]>>();
  /** Children loads not settled yet (what VS Code is fetching), counted by node id. */
  private readonly loading = new Map<string, number>();
  /** Change events held back until the node's load settles, by node id (the newest node object wins). */
  private readonly deferred = new Map<string, TreeNode>();
  /** Aborted on every whole-tree refresh, so answers for a previous session never land in the new tree. */
  private generation = new AbortController();
  private readonly changed = this.register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly source: TreeSource,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register({ dispose: () => this.generation.abort() });
    this.root = this.newRoot();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.getTreeItem();
    item.id = node.id;
    return item;
  }

  /** On hover: the tooltip of a row that builds it late (see TreeNode.resolveTooltip). */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.resolveTooltip) item.tooltip = node.resolveTooltip();
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Signed out → no rows, so the welcome view (viewsWelcome) shows. */
  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!this.source.session()) return Promise.resolve([]);
    const target = node ?? this.root;
    if (!target.loadChildren) return Promise.resolve([]);
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
   * Whole tree (undefined), one integration by id, or one node (an error row reloads what it replaced). The
   * subscription-filter memory is not touched here: the Refresh command owns that, a write's refresh keeps it.
   */
  refresh(target?: TreeNode | string): void {
    if (typeof target === 'string') {
      const integration = this.root.findIntegration(target);
      // Not loaded (tree never opened, or on a page not read yet): reload what is shown.
      if (!integration) return this.reloadAll();
      target = integration;
    }
    if (target instanceof ErrorNode) target = target.retryTarget;
    if (target === undefined || target === this.root) return this.reloadAll();
    if (target instanceof IntegrationNode) target.forgetDetails();
    this.forget(target.id);
    this.announce(target);
  }

  /** Redraws the integration rows already loaded (what they show changed, not their children): no request. */
  redrawIntegrations(): void {
    for (const node of this.root.integrations) this.announce(node);
  }

  private reloadAll(): void {
    this.generation.abort();
    this.generation = new AbortController();
    this.children.clear();
    this.loading.clear();
    this.deferred.clear();
    this.root = this.newRoot();
    this.changed.fire(undefined);
  }

  /** "Load more…": the row shows a spinner, then the next page is appended to the root. */
  async loadMore(row: LoadMoreNode): Promise<void> {
    if (row.loading) return;
    const root = this.root;
    row.loading = true;
    row.error = undefined;
    this.announce(row);
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

  /** Fires the change for `node` now, or once its (or an ancestor's) children load has settled (see the class comment). */
  private announce(node: TreeNode): void {
    if (this.isLoading(node)) this.deferred.set(node.id, node);
    else this.changed.fire(node);
  }

  /** True while VS Code may still be registering `node` or its children: its load or an ancestor's is in flight. */
  private isLoading(node: TreeNode): boolean {
    for (let n: TreeNode | undefined = node; n; n = n.parent) if (this.loading.has(n.id)) return true;
    // Integration rows hang off the invisible root: until its page is registered, they are not known either.
    return this.loading.has(this.root.id);
  }

  private async load(node: TreeNode, signal: AbortSignal): Promise<TreeNode[]> {
    this.loading.set(node.id, (this.loading.get(node.id) ?? 0) + 1);
    try {
      return await this.withViewProgress(() => node.loadChildren!(signal));
    } catch (err) {
      // A refresh replaced this tree; the rows VS Code asks for next come from the new load.
      if (signal.aborted) return [];
      this.log.error(`Loading ${node.id} failed: ${messageOf(err)}`);
      // Cached like any answer (no request storm on re-render); the row's retry or a refresh drops it.
      const isRoot = node === this.root;
      const message = isRoot
        ? vscode.l10n.t('Could not load integrations: {0}', messageOf(err))
        : vscode.l10n.t('Could not load: {0}', messageOf(err));
      return [new ErrorNode(isRoot ? undefined : node, `${node.id}/error`, message, isRoot ? undefined : node)];
    } finally {
      // After VS Code has registered the children it asked for: its fetch resumes in the microtasks after ours.
      setTimeout(() => this.settled(node.id, signal), 0);
    }
  }

  private settled(id: string, signal: AbortSignal): void {
    if (signal.aborted) return;
    const left = (this.loading.get(id) ?? 1) - 1;
    if (left > 0) return void this.loading.set(id, left);
    this.loading.delete(id);
    for (const [heldId, node] of [...this.deferred]) {
      if (this.isLoading(node)) continue;
      this.deferred.delete(heldId);
      this.changed.fire(node);
    }
  }

  private withViewProgress<T>(task: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, task));
  }

  /** Drops the cached children of a node and of everything below it (ids are hierarchical). */
  private forget(id: string): void {
    for (const key of [...this.children.keys()]) {
      if (key === id || key.startsWith(`${id}/`)) this.children.delete(key);
    }
  }

  private newRoot(): IntegrationListNode {
    return new IntegrationListNode({
      session: () => {
        const session = this.source.session();
        if (!session) throw new Error(vscode.l10n.t('Not signed in to Genesys Cloud.'));
        return session;
      },
      organizationId: () => this.source.organizationId(),
      managedBy: (integration) => this.source.managedBy(integration),
      rowChanged: (node) => this.announce(node),
    });
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
