/**
 * Reads the tutorial's EventBridge documents for one signed-in session, and owns the one memory of which
 * integrations' subscription-filter endpoint is unavailable on this org (every real org today). One rule: an
 * integration is remembered exactly when the client reported `subscriptionFiltersUnavailable` for it, so the
 * tree and the flows ask at most once per integration per session; Refresh forgets (one integration, or all).
 */
import type { JsonObject } from '../common/json';
import type { GenesysClient } from '../genesys/client';
import { isGenesysError, type GenesysError } from '../genesys/errors';

export class SubscriptionFilterAvailability {
  private readonly unavailable = new Map<string, GenesysError>();

  constructor(
    private readonly client: GenesysClient,
    private readonly log: (message: string) => void,
  ) {}

  /** The document; for an integration known to lack the endpoint, its remembered error without a request. */
  async readDocument(integrationId: string, signal?: AbortSignal): Promise<JsonObject> {
    const known = this.unavailable.get(integrationId);
    if (known) throw known;
    try {
      return await this.client.getEventBridgeDocument(integrationId, signal);
    } catch (err) {
      if (isGenesysError(err) && err.subscriptionFiltersUnavailable) {
        this.unavailable.set(integrationId, err);
        this.log(
          `The subscription-filter endpoint answered 404 for integration ${integrationId}; only topic filters are available for it.`,
        );
      }
      throw err;
    }
  }

  isUnavailable(integrationId: string): boolean {
    return this.unavailable.has(integrationId);
  }

  /** Asks again next time: for one integration (its Refresh), or all (the view's Refresh). */
  forget(integrationId?: string): void {
    if (integrationId === undefined) this.unavailable.clear();
    else this.unavailable.delete(integrationId);
  }
}

/** True for the error {@link SubscriptionFilterAvailability.readDocument} throws when the endpoint is unavailable. */
export function isSubscriptionFiltersUnavailable(err: unknown): err is GenesysError {
  return isGenesysError(err) && err.subscriptionFiltersUnavailable === true;
}
