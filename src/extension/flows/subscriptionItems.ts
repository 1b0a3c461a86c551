/** Subscriptions of an EventBridge document, as picker items and by name. */
import type { JsonObject } from '../../common/json';
import { counts } from '../counts';
import { listSubscriptions, type SubscriptionView } from '../../filters/attributeFilters';
import type { PickItem } from '../wizard/prompter';

export function subscriptionItems(doc: JsonObject): PickItem<string>[] {
  return listSubscriptions(doc)
    .filter((s) => s.name)
    .map((s) => ({
      label: s.name,
      description: `${counts.filters(s.filters.length)} · ${counts.events(s.events.length)}`,
      detail: s.filters.length > 0 ? s.filters.map((f) => `${f.key} ${f.matchType}`).join(', ') : undefined,
      icon: 'symbol-event',
      value: s.name,
    }));
}

export function findSubscription(doc: JsonObject, name: string): SubscriptionView | undefined {
  return listSubscriptions(doc).find((s) => s.name === name);
}
