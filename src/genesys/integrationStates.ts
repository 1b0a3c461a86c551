/**
 * The documents of many integrations, read concurrently: the config (topic filters) and/or the EventBridge document
 * (subscription filters) of each, with a bounded number of integrations in flight. The rate-limit pacer under the
 * transport keeps the whole run under the token's allowance; the bound keeps memory, sockets and a failure's blast
 * radius small. Results come in input order as soon as each is ready (see mapInOrder), each with its own outcome:
 * one integration failing does not stop the others.
 */
import type { JsonObject } from '../common/json';
import { mapInOrder } from '../common/mapInOrder';
import type { GenesysClient } from './client';
import { isCancellation, isGenesysError } from './errors';

/** Integrations read at once: with two documents each, 16 requests in flight at most. */
export const DEFAULT_CONCURRENCY = 8;

export interface IntegrationStateRequest {
  id: string;
  config: boolean;
  document: boolean;
}

export interface IntegrationState {
  id: string;
  config?: JsonObject;
  document?: JsonObject;
  /** The subscription-filter endpoint answered 404 for this existing integration (every real org today). */
  documentUnavailable?: boolean;
  /** Why reading failed; the documents read before the failure are not returned. */
  error?: Error;
}

export function readIntegrationStates(
  client: GenesysClient,
  requests: readonly IntegrationStateRequest[],
  options: { concurrency?: number; signal?: AbortSignal } = {},
): AsyncGenerator<IntegrationState, void, undefined> {
  const { signal } = options;
  return mapInOrder(requests, options.concurrency ?? DEFAULT_CONCURRENCY, async (request) => {
    const state: IntegrationState = { id: request.id };
    try {
      const [config, document] = await Promise.all([
        request.config ? client.getIntegrationConfig(request.id, signal) : undefined,
        request.document ? readDocument(client, request.id, signal) : undefined,
      ]);
      if (config) state.config = config;
      if (document === 'unavailable') state.documentUnavailable = true;
      else if (document) state.document = document;
    } catch (err) {
      // Ctrl+C ends the whole run, not just this integration.
      if (isCancellation(err)) throw err;
      return { id: request.id, error: err instanceof Error ? err : new Error(String(err)) };
    }
    return state;
  });
}

async function readDocument(
  client: GenesysClient,
  id: string,
  signal?: AbortSignal,
): Promise<JsonObject | 'unavailable'> {
  try {
    return await client.getEventBridgeDocument(id, signal);
  } catch (err) {
    if (isGenesysError(err) && err.subscriptionFiltersUnavailable) return 'unavailable';
    throw err;
  }
}
