/** The rows under an integration besides "Topic filters": its subscriptions, or why there are none. */
import * as vscode from 'vscode';
import type { JsonObject } from '../../common/json';
import { listSubscriptions } from '../../filters/attributeFilters';
import { ErrorNode } from './errorNode';
import { InfoNode } from './infoNode';
import { SubscriptionNode } from './subscriptionNode';
import type { CommandTarget, TreeNode } from './treeNode';

/** The label of the calm row under an integration whose subscription-filter endpoint answered 404. */
export function subscriptionFiltersUnavailableLabel(): string {
  return vscode.l10n.t('Attribute filters are not available for this integration on this org');
}

type IntegrationRow = TreeNode & Required<Pick<CommandTarget, 'integrationId'>>;

export function subscriptionRows(integration: IntegrationRow, document: JsonObject): TreeNode[] {
  let views;
  try {
    views = listSubscriptions(document);
  } catch (err) {
    return [
      errorRow(
        integration,
        'subscriptions',
        vscode.l10n.t('The EventBridge document cannot be read: {0}', messageOf(err)),
      ),
    ];
  }
  if (views.length === 0) {
    return [new InfoNode(integration, `${integration.id}/subscriptions/empty`, vscode.l10n.t('No subscriptions'))];
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
  const label = subscriptionFiltersUnavailableLabel();
  const reason = vscode.l10n.t('the subscription-filter endpoint is not part of the public API');
  const explanation = vscode.l10n.t(
    'This org answers 404 for {0}. **Topic filters** work on every org; attribute filters need the subscription-filter endpoint.',
    '`/api/v2/integrations/eventbridge/{id}`',
  );
  return new InfoNode(
    integration,
    `${integration.id}/subscriptions/unavailable`,
    label,
    `${label} (${reason}).\n\n${explanation}`,
    'info',
    `(${reason})`,
  );
}

/** A failed part of the integration's children; clicking it reloads the integration. */
export function errorRow(integration: TreeNode, part: string, message: string): TreeNode {
  return new ErrorNode(integration, `${integration.id}/${part}/error`, message, integration);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
