import type { SignedInSession } from '../services';
import type { TreeNode } from './treeNode';

/** What nodes need from the extension, kept narrow so nodes stay small and testable. */
export interface TreeContext {
  /** The signed-in session (client and subscription-filter memory); throws when signed out (no rows show then). */
  session(): SignedInSession;
  /** The org id (for event source names), cached per session; undefined when not permitted. */
  organizationId(): Promise<string | undefined>;
  /** The workspace filters file (relative path) that manages an integration, if any (absent: the tree does not say). */
  managedBy?(integration: { id: string; name: string }): string | undefined;
  /** Re-renders one row (not its children), e.g. when details arrive after the row was drawn. */
  rowChanged(node: TreeNode): void;
}
