import type { ServiceHost } from '../serviceHost';
import { IntegrationNode } from '../tree/integrationNode';
import type { TreeNode } from '../tree/treeNode';

/**
 * `genesysCloud.refresh`: nothing = the whole tree (title bar); a row = that row's subtree (an error row
 * reloads what failed); `{ integrationId }` = one integration. A user refreshing an integration asks
 * again whether its seed endpoint exists, so that integration's 404 memory is dropped too.
 */
export function refreshCommand(host: ServiceHost) {
  return (target?: TreeNode | { integrationId?: string }): void => {
    if (isTreeNode(target)) {
      if (target instanceof IntegrationNode) {
        host.services.seedEndpointUnavailable.delete(target.integrationId);
      }
      host.tree.refresh(target);
      return;
    }
    if (target?.integrationId) {
      host.services.seedEndpointUnavailable.delete(target.integrationId);
    }
    host.tree.refresh(target?.integrationId);
  };
}

function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && typeof (value as TreeNode).getTreeItem === 'function';
}
