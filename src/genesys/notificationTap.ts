import type { WebSocket } from 'undici';
import { isJsonObject, type JsonObject } from '../common/json';
import { formatSeconds } from '../common/text';
import type { GenesysClient } from './client';
import { GenesysError, isGenesysError } from './errors';
import {
  CHANNEL_LIFETIME_MS,
  MAX_CHANNELS_PER_CLIENT,
  MAX_TOPICS_PER_CHANNEL,
  NotificationsApi,
  type NotificationChannel,
} from './notifications';

/**
 * Records live events from the Notifications API: one channel, subscribed to concrete topics, read over a WebSocket
 * (undici's, through the client's own dispatcher and so its proxy). Heartbeats (`channel.metadata`) are skipped; a
 * dropped socket is reconnected once; the subscriptions are always removed at the end — after the time, the count,
 * an abort (Ctrl+C) or a failure alike.
 */

export interface TapOptions {
  /** Concrete topics (no `{id}`), at most 1,000. */
  topics: readonly string[];
  /** Stop after this long (at most the channel's 24 h life). */
  durationMs?: number;
  /** Stop after this many events. */
  maxEvents?: number;
  signal?: AbortSignal;
  /** Each Notifications message that is an event (heartbeats are not), in arrival order. */
  onEvent: (message: JsonObject) => void;
  /** Things the user should know while it runs (reconnecting, topics the platform refused…). */
  onNotice?: (text: string) => void;
  /** A socket silent this long (no event, no heartbeat: the platform sends one every 30 s) counts as dropped. */
  idleTimeoutMs?: number;
  /** Give up opening a socket after this long. */
  connectTimeoutMs?: number;
}

export type TapStop = 'duration' | 'maxEvents' | 'aborted' | 'connectionLost';

export interface TapResult {
  channelId: string;
  events: number;
  heartbeats: number;
  reconnects: number;
  stoppedBy: TapStop;
  /** Topics the platform did not subscribe (with its reason when it gave one). */
  rejected: Array<{ topic: string; reason?: string }>;
  /** Whether the subscriptions were removed at the end ('gone': the channel no longer existed). */
  unsubscribed: boolean | 'gone';
}

const HEARTBEAT_TOPIC = 'channel.metadata';
const DEFAULT_IDLE_TIMEOUT_MS = 90_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
const UNSUBSCRIBE_TIMEOUT_MS = 10_000;

/** Checks topics and limits before anything is created; returns the problem or undefined. */
export function checkTapRequest(topics: readonly string[], durationMs?: number): string | undefined {
  if (topics.length === 0) return 'no topics to tap';
  if (topics.length > MAX_TOPICS_PER_CHANNEL) {
    return `${topics.length} topics are more than the ${MAX_TOPICS_PER_CHANNEL.toLocaleString('en-US')} one channel can carry`;
  }
  const placeholder = topics.find((t) => t.split('.').includes('{id}'));
  if (placeholder) return `the topic "${placeholder}" still has an {id} placeholder; live topics need concrete ids`;
  const duplicate = topics.find((t, i) => topics.indexOf(t) !== i);
  if (duplicate) return `the topic "${duplicate}" is given more than once`;
  if (durationMs !== undefined && (!(durationMs > 0) || durationMs > CHANNEL_LIFETIME_MS)) {
    return 'the duration must be more than 0 and at most 24 hours (a channel lives 24 h)';
  }
  return undefined;
}

export async function tapNotifications(client: GenesysClient, options: TapOptions): Promise<TapResult> {
  const problem = checkTapRequest(options.topics, options.durationMs);
  if (problem) throw new GenesysError('invalidRequest', `Cannot tap live events: ${problem}.`);
  const api = new NotificationsApi(client);
  const existing = await api.listChannels(options.signal);
  if (existing.length >= MAX_CHANNELS_PER_CLIENT) {
    throw new GenesysError(
      'rateLimited',
      `This OAuth client already has ${existing.length} notification channels, the platform's limit of ${MAX_CHANNELS_PER_CLIENT}; ` +
        'creating another could close one that another program uses. Unused channels expire after 24 h.',
    );
  }
  const channel = await api.createChannel(options.signal);
  const result: TapResult = {
    channelId: channel.id,
    events: 0,
    heartbeats: 0,
    reconnects: 0,
    stoppedBy: 'aborted',
    rejected: [],
    unsubscribed: false,
  };
  try {
    const subscribed = await api.subscribe(channel.id, options.topics, options.signal);
    const accepted = new Set(
      subscribed.filter((t) => t.state === undefined || /^permitted$/i.test(t.state)).map((t) => t.id),
    );
    for (const topic of options.topics) {
      if (accepted.has(topic)) continue;
      const reason = subscribed.find((t) => t.id === topic)?.rejectionReason;
      result.rejected.push(reason ? { topic, reason } : { topic });
      options.onNotice?.(`The platform did not subscribe ${topic}${reason ? `: ${reason}` : ''}.`);
    }
    if (accepted.size === 0) {
      throw new GenesysError('permission', 'The platform subscribed none of the topics; nothing can be recorded.');
    }
    result.stoppedBy = await listen(channel, (url) => client.openWebSocket(url), options, result);
  } finally {
    result.unsubscribed = await unsubscribe(api, channel.id);
  }
  return result;
}

/** Always tried, even after an abort: its own short timeout, never the caller's (possibly aborted) signal. */
async function unsubscribe(api: NotificationsApi, channelId: string): Promise<boolean | 'gone'> {
  try {
    await api.unsubscribe(channelId, AbortSignal.timeout(UNSUBSCRIBE_TIMEOUT_MS));
    return true;
  } catch (err) {
    if (isGenesysError(err) && err.kind === 'notFound') return 'gone';
    return false;
  }
}

/** Reads the channel's socket until a stop condition; reconnects once when the socket drops or goes silent. */
function listen(
  channel: NotificationChannel,
  openSocket: (url: string) => WebSocket,
  options: TapOptions,
  result: TapResult,
): Promise<TapStop> {
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const connectMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  return new Promise<TapStop>((resolve) => {
    let socket: WebSocket | undefined;
    let idle: NodeJS.Timeout | undefined;
    let stopped = false;
    const timers: NodeJS.Timeout[] = [];

    const stop = (reason: TapStop): void => {
      if (stopped) return;
      stopped = true;
      clearTimeout(idle);
      timers.forEach(clearTimeout);
      options.signal?.removeEventListener('abort', onAbort);
      socket?.close(1000, 'done');
      resolve(reason);
    };
    const onAbort = (): void => stop('aborted');

    const lost = (why: string): void => {
      if (stopped) return;
      if (result.reconnects >= 1) {
        options.onNotice?.(`The connection was lost again (${why}); stopping.`);
        return stop('connectionLost');
      }
      result.reconnects++;
      options.onNotice?.(`The connection was lost (${why}); reconnecting once.`);
      connect();
    };

    const connect = (): void => {
      const ws = openSocket(channel.connectUri);
      ws.binaryType = 'arraybuffer';
      socket = ws;
      let open = false;
      const opening = setTimeout(() => ws.close(), connectMs);
      const armIdle = (): void => {
        clearTimeout(idle);
        idle = setTimeout(() => {
          ws.close();
          lost(`no message or heartbeat for ${formatSeconds(idleMs)}`);
        }, idleMs);
      };
      ws.addEventListener('open', () => {
        open = true;
        clearTimeout(opening);
        armIdle();
      });
      ws.addEventListener('message', (event) => {
        if (stopped || socket !== ws) return;
        armIdle();
        const message = parse(event.data);
        if (!message) return;
        if (message.topicName === HEARTBEAT_TOPIC) {
          result.heartbeats++;
          return;
        }
        result.events++;
        options.onEvent(message);
        if (options.maxEvents !== undefined && result.events >= options.maxEvents) stop('maxEvents');
      });
      ws.addEventListener('close', (event) => {
        clearTimeout(opening);
        if (stopped || socket !== ws) return;
        clearTimeout(idle);
        lost(open ? `closed with code ${event.code}` : 'could not connect');
      });
      // 'error' is always followed by 'close', which decides what happens next.
      ws.addEventListener('error', () => undefined);
    };

    if (options.signal?.aborted) return stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.durationMs !== undefined) timers.push(setTimeout(() => stop('duration'), options.durationMs));
    const expires = channel.expires ? Date.parse(channel.expires) - Date.now() : NaN;
    if (options.durationMs !== undefined && Number.isFinite(expires) && expires < options.durationMs) {
      options.onNotice?.(`The channel expires at ${channel.expires}, before the requested duration ends.`);
    }
    connect();
  });
}

function parse(data: unknown): JsonObject | undefined {
  const text =
    typeof data === 'string' ? data : data instanceof ArrayBuffer ? Buffer.from(data).toString('utf8') : undefined;
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) && typeof value.topicName === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
