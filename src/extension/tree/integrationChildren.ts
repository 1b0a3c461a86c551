/** The rows under an integration besides "Topic filters": its subscriptions, or why there are none. */
import type { JsonObject } from '../../common/json';
import { listSubscriptions } from '../../filters/attributeFilters';
import { ErrorNode } from './errorNode';
import { InfoNode } from './infoNode';
import { SubscriptionNode } from './subscriptionNode';
import type { CommandTarget, TreeNode } from './treeNode';

/** The calm row under an integration whose subscription-filter endpoint answered 404: label, then description. */
export const SUBSCRIPTION_FILTERS_UNAVAILABLE = 'Attribute filters are not available for this integration on this org';
export const SUBSCRIPTION_FILTERS_UNAVAILABLE_REASON = 'the subscription-filter endpoint is not part of the public API';

type IntegrationRow = TreeNode & Required<Pick<CommandTarget, 'integrationId'>>;

export function subscriptionRows(integration: IntegrationRow, document: JsonObject): TreeNode[] {
  let views;
  try {
    views = listSubscriptions(document);
  } catch (err) {
    return [errorRow(integration, 'subscriptions', `The EventBridge document cannot be read: ${messageOf(err)}`)];
  }
  if (views.length === 0) {
    return [new InfoNode(integration, `${integration.id}/subscriptions/empty`, 'No subscriptions')];
  }
  const seen = new Map<string, number>();
  return views.map((view) => {
    // Duplicate names would give two rows the same id, which VS Code rejects.
    const count = seen.get(view.name) ?? 0;
    seen.set(view.name, count + 1);
    return new SubscriptionNode(integration, integration.integrationId, view, count === 0 ? '' : `#${count}`);
  });
}

export function subscriptionFiltersUnavailableRow(integration: TreeNode): TreeNode {
  return new InfoNode(
    integration,
    `${integration.id}/subscriptions/unavailable`,
    SUBSCRIPTION_FILTERS_UNAVAILABLE,
    `${SUBSCRIPTION_FILTERS_UNAVAILABLE} (${SUBSCRIPTION_FILTERS_UNAVAILABLE_REASON}).\n\n` +
      'This org answers 404 for `/api/v2/integrations/eventbridge/{id}`. **Topic filters** work on every org; ' +
      'attribute filters need the subscription-filter endpoint.',
    'info',
    `(${SUBSCRIPTION_FILTERS_UNAVAILABLE_REASON})`,
  );
}

/** A failed part of the integration's children; clicking it reloads the integration. */
export function errorRow(integration: TreeNode, part: string, message: string): TreeNode {
  return new ErrorNode(integration, `${integration.id}/${part}/error`, message, integration);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
