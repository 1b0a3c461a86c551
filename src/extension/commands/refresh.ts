import type { CommandContext } from './commandContext';
import { IntegrationNode } from '../tree/integrationNode';
import type { TreeNode } from '../tree/treeNode';

/**
 * `genesysCloud.refresh`: nothing = the whole tree (title bar); a row = that row's subtree (an error row reloads
 * what failed); `{ integrationId }` = one integration. A user's Refresh also asks again whether the
 * subscription-filter endpoint exists (for that integration, or for all): the one place that memory is dropped.
 */
export function refreshCommand(ctx: CommandContext) {
  return (target?: unknown): void => {
    const { tree, session } = ctx.host;
    const memory = session.signedIn()?.subscriptionFilters;
    if (isTreeNode(target)) {
      if (target instanceof IntegrationNode) memory?.forget(target.integrationId);
      tree.refresh(target);
      return;
    }
    const integrationId = (target as { integrationId?: unknown } | undefined)?.integrationId;
    if (typeof integrationId === 'string' && integrationId) {
      memory?.forget(integrationId);
      tree.refresh(integrationId);
      return;
    }
    memory?.forget();
    tree.refresh();
  };
}

function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && typeof (value as TreeNode).getTreeItem === 'function';
}
