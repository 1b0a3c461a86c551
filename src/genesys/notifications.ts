import { isJsonObject, type JsonObject, type JsonValue } from '../common/json';
import type { GenesysClient } from './client';
import { encodeId } from './endpoints';
import { GenesysError } from './errors';
import { unexpectedShape } from './integrations';
import { isLoopbackHost } from './regions';
import type { RequestContext } from './responseErrors';

/**
 * The Notifications API, the org's live event stream: channels, their topic subscriptions, and the topic catalogue
 * with the transports each topic is delivered on. Requests go through the client's own machinery (token, retries,
 * typed errors); creating a channel is the one request never resent after a doubtful failure.
 */

export interface NotificationChannel {
  id: string;
  /** `wss://streaming.<domain>/channels/<id>` (plain `ws://` only on loopback: the emulator). */
  connectUri: string;
  /** ISO time after which the platform closes the channel (24 h after creation, unless used). */
  expires?: string;
}

export interface SubscribedTopic {
  id: string;
  /** `Permitted` or `Rejected` on the platform; absent when the server does not say. */
  state?: string;
  rejectionReason?: string;
}

/** One entry of GET /api/v2/notifications/availabletopics?expand=transports,topicParameters. */
export interface NotificationTopic {
  id: string;
  description?: string;
  /** e.g. `["All"]`, `["Websocket"]`, `["EventBridge"]`; undefined when the server did not send them. */
  transports?: string[];
  /** Names of the `{id}` placeholders, in order (e.g. `["id"]`). */
  topicParameters?: string[];
  requiresPermissions?: string[];
}

/** One topic's event schema (JSON Schema), from GET /api/v2/notifications/availabletopics?expand=schema. */
export interface TopicSchema {
  id: string;
  schema: JsonObject;
}

/** Platform limits (official documentation): channels per OAuth client, topics per channel, channel lifetime. */
export const MAX_CHANNELS_PER_CLIENT = 20;
export const MAX_TOPICS_PER_CHANNEL = 1_000;
export const CHANNEL_LIFETIME_MS = 24 * 60 * 60 * 1000;

const CHANNELS = '/api/v2/notifications/channels';

const channelContext = (action: string): RequestContext => ({
  action,
  resource: 'The notification channel',
  permissionHint: 'Topics need the permissions listed as requiresPermissions in the available topics.',
});

export class NotificationsApi {
  constructor(private readonly client: GenesysClient) {}

  /** The OAuth client's channels (GET …/channels?includechannels=oauthclient), to stay under the 20-channel limit. */
  async listChannels(signal?: AbortSignal): Promise<NotificationChannel[]> {
    const body = await this.client.requestJson(
      'GET',
      `${CHANNELS}?includechannels=oauthclient`,
      channelContext("list this OAuth client's notification channels"),
      undefined,
      signal,
    );
    if (!isJsonObject(body) || !Array.isArray(body.entities)) throw unexpectedShape('the notification channels list');
    return body.entities.filter(isJsonObject).flatMap((c) => (typeof c.id === 'string' ? [readChannel(c, false)] : []));
  }

  /** POST …/channels. Not resent on a doubtful failure: a second channel would count against the limit for 24 h. */
  async createChannel(signal?: AbortSignal): Promise<NotificationChannel> {
    const body = await this.client.requestJson(
      'POST',
      CHANNELS,
      channelContext('create a notification channel'),
      undefined,
      signal,
      false,
    );
    if (!isJsonObject(body) || typeof body.id !== 'string') throw unexpectedShape('the new notification channel');
    return readChannel(body, true);
  }

  /** PUT …/subscriptions: the channel's topics become exactly `topics`. */
  async subscribe(channelId: string, topics: readonly string[], signal?: AbortSignal): Promise<SubscribedTopic[]> {
    const body = await this.client.requestJson(
      'PUT',
      `${CHANNELS}/${encodeId(channelId)}/subscriptions`,
      channelContext('subscribe the notification channel to its topics'),
      topics.map((id) => ({ id })),
      signal,
    );
    const entities = isJsonObject(body) && Array.isArray(body.entities) ? body.entities : [];
    return entities.filter(isJsonObject).flatMap((e) => {
      if (typeof e.id !== 'string') return [];
      const topic: SubscribedTopic = { id: e.id };
      if (typeof e.state === 'string') topic.state = e.state;
      if (typeof e.rejectionReason === 'string') topic.rejectionReason = e.rejectionReason;
      return [topic];
    });
  }

  /** DELETE …/subscriptions: the channel delivers nothing more. */
  async unsubscribe(channelId: string, signal?: AbortSignal): Promise<void> {
    await this.client.requestJson(
      'DELETE',
      `${CHANNELS}/${encodeId(channelId)}/subscriptions`,
      channelContext("remove the notification channel's subscriptions"),
      undefined,
      signal,
    );
  }

  /** The topic catalogue with each topic's transports and `{id}` parameters. */
  async availableTopics(signal?: AbortSignal): Promise<NotificationTopic[]> {
    const entities = await this.topicEntities(
      'transports,topicParameters',
      'list the available notification topics',
      signal,
    );
    return entities.map(readTopic);
  }

  /**
   * Each topic's event schema: the attribute keys its events have. A request of its own because the schemas make the
   * answer large (hundreds of KB on a real org); topics without a schema are left out.
   */
  async topicSchemas(signal?: AbortSignal): Promise<TopicSchema[]> {
    const entities = await this.topicEntities('schema', 'read the notification topic schemas', signal);
    return entities.flatMap((e) => (isJsonObject(e.schema) ? [{ id: e.id as string, schema: e.schema }] : []));
  }

  /** GET availabletopics with one `expand`: the entries that have an id. */
  private async topicEntities(expand: string, action: string, signal?: AbortSignal): Promise<JsonObject[]> {
    const body = await this.client.requestJson(
      'GET',
      `/api/v2/notifications/availabletopics?expand=${expand}`,
      {
        action,
        resource: 'The notification topics list',
        permissionHint: 'This OAuth client may not list notification topics; topic names can still be typed in full.',
      },
      undefined,
      signal,
    );
    if (!isJsonObject(body) || !Array.isArray(body.entities)) throw unexpectedShape('the available topics list');
    return body.entities.filter(isJsonObject).filter((e) => typeof e.id === 'string');
  }
}

function readChannel(body: JsonObject, requireUri: boolean): NotificationChannel {
  const channel: NotificationChannel = {
    id: body.id as string,
    connectUri: typeof body.connectUri === 'string' ? body.connectUri : '',
  };
  if (requireUri) checkConnectUri(channel.connectUri);
  if (typeof body.expires === 'string') channel.expires = body.expires;
  return channel;
}

/** wss:// anywhere; ws:// only on loopback, like http:// for the API (the emulator serves plain http on 127.0.0.1). */
export function checkConnectUri(uri: string): void {
  let url: URL | undefined;
  try {
    url = new URL(uri);
  } catch {
    url = undefined;
  }
  const secure = url?.protocol === 'wss:';
  const loopback = url?.protocol === 'ws:' && isLoopbackHost(url.hostname);
  if (!url || !(secure || loopback)) {
    throw new GenesysError(
      'server',
      `Genesys Cloud answered with a channel connectUri that is not a wss:// URL (${JSON.stringify(uri)}); ` +
        'plain ws:// is accepted only on 127.0.0.1, localhost or [::1].',
    );
  }
}

function strings(value: JsonValue | undefined): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

function readTopic(entity: JsonObject): NotificationTopic {
  const topic: NotificationTopic = { id: entity.id as string };
  if (typeof entity.description === 'string') topic.description = entity.description;
  const transports = strings(entity.transports);
  if (transports) topic.transports = transports;
  const parameters = strings(entity.topicParameters);
  if (parameters) topic.topicParameters = parameters;
  const permissions = strings(entity.requiresPermissions);
  if (permissions) topic.requiresPermissions = permissions;
  return topic;
}
