/**
 * The org's Notifications topics, each view of them read at most once per signed-in session (one client = one
 * session): the sorted list of ids the topic flows offer, the catalogue with transports and parameters for recording
 * live events, and the schemas for attribute-key suggestions (a separate, much larger read). A 403 means this OAuth
 * client may not list topics: it is remembered as "none" (undefined) and the flows go on without them (typed topic
 * names, no suggestions). Other failures are not remembered, so the next use asks again.
 */
import type { AvailableTopic, GenesysClient } from '../genesys/client';
import { isGenesysError } from '../genesys/errors';
import { NotificationsApi, type NotificationTopic, type TopicSchema } from '../genesys/notifications';

const topicLists = new WeakMap<GenesysClient, Promise<AvailableTopic[] | undefined>>();
const catalogues = new WeakMap<GenesysClient, Promise<NotificationTopic[] | undefined>>();
const schemas = new WeakMap<GenesysClient, Promise<TopicSchema[] | undefined>>();

/** The topics, sorted by id; undefined when listing them is not permitted. */
export function availableTopics(client: GenesysClient): Promise<AvailableTopic[] | undefined> {
  return cached(topicLists, client, async () =>
    [...(await client.listAvailableTopics())].sort((a, b) => a.id.localeCompare(b.id)),
  );
}

export function topicCatalogue(client: GenesysClient): Promise<NotificationTopic[] | undefined> {
  return cached(catalogues, client, () => new NotificationsApi(client).availableTopics());
}

export function topicSchemas(client: GenesysClient): Promise<TopicSchema[] | undefined> {
  return cached(schemas, client, () => new NotificationsApi(client).topicSchemas());
}

function cached<T>(
  cache: WeakMap<GenesysClient, Promise<T | undefined>>,
  client: GenesysClient,
  read: () => Promise<T>,
): Promise<T | undefined> {
  let pending = cache.get(client);
  if (!pending) {
    pending = read().catch((err: unknown) => {
      if (isGenesysError(err) && err.kind === 'permission') return undefined;
      cache.delete(client);
      throw err;
    });
    cache.set(client, pending);
  }
  return pending;
}
