import { isJsonObject } from '../../common/json';
import { genesysError } from '../errors';
import { json, type EmulatorRequest, type EmulatorResponse } from '../http';
import { MAX_CHANNELS, type ChannelHub } from '../notifications/channelHub';
import type { Route } from './router';

/**
 * POST/GET /api/v2/notifications/channels and a channel's subscriptions (GET, PUT replaces, POST adds, DELETE removes
 * all). Topics must exist in the catalogue, travel over WebSocket and carry concrete ids: a 400 names the first one
 * that does not, unless `ignoreErrors=true`, which subscribes the rest and marks the others Rejected.
 */

const channelNotFound = (id: string): EmulatorResponse =>
  json(404, genesysError(404, 'not.found', 'Channel {id} was not found.', { id }));

function createChannel(_req: EmulatorRequest, _params: string[], hub: ChannelHub): EmulatorResponse {
  const channel = hub.create();
  if (!channel) {
    return json(
      400,
      genesysError(400, 'notification.channel.limit', 'This client already has {max} channels, the limit.', {
        max: String(MAX_CHANNELS),
      }),
    );
  }
  const { id, connectUri, expires } = channel;
  return json(200, { id, connectUri, expires });
}

function listChannels(_req: EmulatorRequest, _params: string[], hub: ChannelHub): EmulatorResponse {
  return json(200, {
    entities: hub.list().map(({ id, connectUri, expires }) => ({ id, connectUri, expires })),
  });
}

function getSubscriptions(_req: EmulatorRequest, [id]: string[], hub: ChannelHub): EmulatorResponse {
  if (!hub.has(id)) return channelNotFound(id);
  return json(200, { entities: hub.topicsOf(id).map((topic) => ({ id: topic, state: 'Permitted' })) });
}

function changeSubscriptions(mode: 'replace' | 'add') {
  return (req: EmulatorRequest, [id]: string[], hub: ChannelHub): EmulatorResponse => {
    if (!hub.has(id)) return channelNotFound(id);
    const body = req.json;
    if (req.jsonError || !Array.isArray(body) || !body.every((t) => isJsonObject(t) && typeof t.id === 'string')) {
      return json(400, genesysError(400, 'bad.request', 'The body must be a list of topics: [{"id": "v2.…"}].'));
    }
    const topics = (body as Array<{ id: string }>).map((t) => t.id);
    const rejected = hub.rejections(topics);
    if (rejected.length > 0 && req.query.get('ignoreErrors') !== 'true') {
      return json(
        400,
        genesysError(400, 'notification.topic.invalid', 'Topic {topic} cannot be subscribed: {reason}.', {
          topic: rejected[0].topic,
          reason: rejected[0].reason,
        }),
      );
    }
    const refused = new Set(rejected.map((r) => r.topic));
    const subscribed = hub.setTopics(
      id,
      topics.filter((t) => !refused.has(t)),
      mode,
    );
    return json(200, {
      entities: [
        ...subscribed.map((topic) => ({ id: topic, state: 'Permitted' })),
        ...rejected.map((r) => ({ id: r.topic, state: 'Rejected', rejectionReason: r.reason })),
      ],
    });
  };
}

function deleteSubscriptions(_req: EmulatorRequest, [id]: string[], hub: ChannelHub): EmulatorResponse {
  if (!hub.has(id)) return channelNotFound(id);
  hub.setTopics(id, [], 'replace');
  return { status: 204 };
}

const CHANNEL = /^\/api\/v2\/notifications\/channels\/([^/]+)\/?$/;
const SUBSCRIPTIONS = /^\/api\/v2\/notifications\/channels\/([^/]+)\/subscriptions\/?$/;

export const notificationRoutes: Route<ChannelHub>[] = [
  { method: 'GET', pattern: /^\/api\/v2\/notifications\/channels\/?$/, handler: listChannels },
  { method: 'POST', pattern: /^\/api\/v2\/notifications\/channels\/?$/, handler: createChannel },
  {
    method: 'HEAD',
    pattern: CHANNEL,
    handler: (_r, [id], hub) => (hub.has(id) ? { status: 200 } : { status: 404 }),
  },
  { method: 'GET', pattern: SUBSCRIPTIONS, handler: getSubscriptions },
  { method: 'PUT', pattern: SUBSCRIPTIONS, handler: changeSubscriptions('replace') },
  { method: 'POST', pattern: SUBSCRIPTIONS, handler: changeSubscriptions('add') },
  { method: 'DELETE', pattern: SUBSCRIPTIONS, handler: deleteSubscriptions },
];
