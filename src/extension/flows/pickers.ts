/** Questions shared by several flows: which integration, which subscription, and loading its document. */
import { plural } from '../../common/text';
import { isDeepStrictEqual } from 'node:util';
import { listSubscriptions, type SubscriptionView } from '../../filters/attributeFilters';
import type { JsonObject } from '../../common/json';
import type { GenesysClient, IntegrationSummary } from '../../genesys/client';
import { isGenesysError } from '../../genesys/errors';
import type { ExtensionServices } from '../services';
import type { PickItem } from './input/prompter';
import type { MultiStepFlow } from './input/multiStep';

export interface IntegrationRef {
  id: string;
  name: string;
}

/** The seed endpoint answered 404 for an integration that exists: only topic filters are possible there. */
export class SeedEndpointUnavailableError extends Error {
  constructor(readonly integrationId: string) {
    super(`Attribute filters are not available for integration ${integrationId} on this org.`);
    this.name = 'SeedEndpointUnavailableError';
  }
}

function integrationItem(summary: IntegrationSummary): PickItem<IntegrationRef> {
  const state = summary.reportedState?.code ?? summary.intendedState;
  const healthy = !state || /^(active|enabled)$/i.test(state);
  return {
    label: summary.name || summary.id,
    description: state ? state.toLowerCase() : undefined,
    detail: summary.id,
    icon: healthy ? 'plug' : 'warning',
    value: { id: summary.id, name: summary.name || summary.id },
  };
}

export async function integrationItems(
  client: GenesysClient,
  signal?: AbortSignal,
): Promise<PickItem<IntegrationRef>[]> {
  const all = await client.listEventBridgeIntegrations(signal);
  return all.map(integrationItem).sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * Asks for the integration; the list loads while the picker shows busy, and stops loading (every
 * page request aborted) when the picker is closed with Escape before it is done.
 */
export async function pickIntegration<S>(
  flow: MultiStepFlow<S>,
  client: GenesysClient,
  placeholder = 'Pick an EventBridge integration',
): Promise<IntegrationRef> {
  return flow.pick({
    id: 'integration',
    placeholder,
    items: (signal) => integrationItems(client, signal),
    emptyMessage: 'This org has no Amazon EventBridge integrations.',
  });
}

/**
 * Reads the integration's EventBridge document. A 404 from the seed endpoint for an integration whose
 * config exists means "not on this org" (remembered for the session); a 404 for both means it is gone.
 */
export async function readEventBridgeDocument(
  services: ExtensionServices,
  client: GenesysClient,
  integrationId: string,
  signal?: AbortSignal,
): Promise<JsonObject> {
  if (services.seedEndpointUnavailable.has(integrationId)) throw new SeedEndpointUnavailableError(integrationId);
  try {
    return await client.getEventBridgeDocument(integrationId, signal);
  } catch (err) {
    if (!isGenesysError(err) || err.kind !== 'notFound') throw err;
    try {
      await client.getIntegrationConfig(integrationId, signal);
    } catch {
      // Gone altogether, or the check itself failed: either way the first error is the one to report.
      throw err;
    }
    services.seedEndpointUnavailable.add(integrationId);
    services.log.info(
      `The EventBridge endpoint answered 404 for integration ${integrationId}; only topic filters are available for it.`,
    );
    throw new SeedEndpointUnavailableError(integrationId);
  }
}

export function subscriptionItems(doc: JsonObject): PickItem<string>[] {
  return listSubscriptions(doc)
    .filter((s) => s.name)
    .map((s) => ({
      label: s.name,
      description: `${plural(s.filters.length, 'filter')} · ${plural(s.events.length, 'event')}`,
      detail: s.filters.length > 0 ? s.filters.map((f) => `${f.key} ${f.matchType}`).join(', ') : undefined,
      icon: 'symbol-event',
      value: s.name,
    }));
}

export function findSubscription(doc: JsonObject, name: string): SubscriptionView | undefined {
  return listSubscriptions(doc).find((s) => s.name === name);
}

export function sameDocument(a: JsonObject, b: JsonObject): boolean {
  return isDeepStrictEqual(a, b);
}
