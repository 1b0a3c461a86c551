import type { GenesysClient } from '../../genesys/client';
import type { TreeNode } from './treeNode';

/** What nodes need from the extension, kept narrow so nodes stay small and testable. */
export interface TreeContext {
  /** The session's client; throws when signed out (the provider shows no rows then anyway). */
  client(): GenesysClient;
  /** The org id (for event source names), cached per session; undefined when not permitted. */
  organizationId(): Promise<string | undefined>;
  /** See ExtensionServices.seedEndpointUnavailable. */
  readonly seedEndpointUnavailable: Set<string>;
  /** Re-renders one row (not its children), e.g. when details arrive after the row was drawn. */
  rowChanged(node: TreeNode): void;
}
