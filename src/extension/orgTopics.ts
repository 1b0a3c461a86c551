/**
 * The org's Notifications topics, read at most once per signed-in session (one client = one session): the catalogue
 * with transports and parameters — the topic flows offer its EventBridge topics, the recorder its WebSocket ones —
 * and the schemas for attribute-key suggestions (a separate, much larger read). A 403 means this OAuth client may
 * not list topics: it is remembered as "none" (undefined) and the flows go on without them (typed topic names, no
 * suggestions). Other failures are not remembered, so the next use asks again.
 */
import { isEventBridgeTopic } from '../filters/topics';
import type { GenesysClient } from '../genesys/client';
import { isGenesysError } from '../genesys/errors';
import { NotificationsApi, type NotificationTopic, type TopicSchema } from '../genesys/notifications';

const catalogues = new WeakMap<GenesysClient, Promise<NotificationTopic[] | undefined>>();
const schemas = new WeakMap<GenesysClient, Promise<TopicSchema[] | undefined>>();

/**
 * The topics an EventBridge integration can receive, sorted by id; undefined when listing them is not permitted.
 * (A WebSocket-only topic in an integration's topic filter would never deliver an event.)
 */
export async function availableTopics(client: GenesysClient): Promise<NotificationTopic[] | undefined> {
  const catalogue = await topicCatalogue(client);
  return catalogue?.filter((topic) => isEventBridgeTopic(topic.transports)).sort((a, b) => a.id.localeCompare(b.id));
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
