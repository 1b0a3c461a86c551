/**
 * The Notifications topic catalogue, read at most once per signed-in session (one client = one session): with
 * transports and parameters for recording live events, and with schemas for attribute-key suggestions. A 403 means
 * this OAuth client may not list topics: it is remembered as "none" (undefined) and the flows go on without them.
 * Other failures are not remembered, so the next use asks again.
 */
import type { GenesysClient } from '../../genesys/client';
import { isGenesysError } from '../../genesys/errors';
import { NotificationsApi, type NotificationTopic, type TopicSchema } from '../../genesys/notifications';

const catalogues = new WeakMap<GenesysClient, Promise<NotificationTopic[] | undefined>>();
const schemas = new WeakMap<GenesysClient, Promise<TopicSchema[] | undefined>>();

export function topicCatalogue(client: GenesysClient): Promise<NotificationTopic[] | undefined> {
  return cached(catalogues, client, (api) => api.availableTopics());
}

export function topicSchemas(client: GenesysClient): Promise<TopicSchema[] | undefined> {
  return cached(schemas, client, (api) => api.topicSchemas());
}

function cached<T>(
  cache: WeakMap<GenesysClient, Promise<T | undefined>>,
  client: GenesysClient,
  read: (api: NotificationsApi) => Promise<T>,
): Promise<T | undefined> {
  let pending = cache.get(client);
  if (!pending) {
    pending = read(new NotificationsApi(client)).catch((err: unknown) => {
      if (isGenesysError(err) && err.kind === 'permission') return undefined;
      cache.delete(client);
      throw err;
    });
    cache.set(client, pending);
  }
  return pending;
}
