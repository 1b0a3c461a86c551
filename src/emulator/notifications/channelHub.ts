import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { JsonObject } from '../../common/json';
import { topicMatches } from '../../filters/preview/topicStage';
import { deliveredOver } from '../../filters/topics';
import { EventFactory } from './eventFactory';

/**
 * Notification channels as the platform keeps them: each has topics and at most one WebSocket (a second connection
 * replaces the first), lives 24 h, and pushes events for its topics at a configurable rate plus heartbeats
 * (`channel.metadata`). The sockets are real ones (the `ws` package) on the emulator's own port.
 */

export const MAX_CHANNELS = 20;
const CHANNEL_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Events are sent in small batches at most this often, so high rates need no sub-millisecond timers. */
const TICK_MS = 20;

export interface NotificationSettings {
  /** Events per second on each channel with a socket and topics (default 5). */
  eventsPerSecond: number;
  /** Milliseconds between heartbeats (the platform sends one every 30 s). */
  heartbeatMs: number;
}

interface Channel {
  id: string;
  expires: number;
  topics: string[];
  socket?: WebSocket;
  eventsSent: number;
  heartbeatsSent: number;
  /** Events owed to the socket at the current rate (fractions carried between ticks). */
  due: number;
}

/** Throws for a rate or heartbeat interval the hub cannot run with (the admin API checks the same way). */
export function checkNotificationSettings(settings: Partial<NotificationSettings>): void {
  const { eventsPerSecond: rate, heartbeatMs } = settings;
  if (rate !== undefined && (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 10_000)) {
    throw new Error(`eventsPerSecond must be a number from 0 to 10000 (got ${String(rate)}).`);
  }
  if (
    heartbeatMs !== undefined &&
    (typeof heartbeatMs !== 'number' || !Number.isFinite(heartbeatMs) || heartbeatMs < 10)
  ) {
    throw new Error(`heartbeatMs must be a number of at least 10 (got ${String(heartbeatMs)}).`);
  }
}

export type TopicRejection = { topic: string; reason: string };

export class ChannelHub {
  private readonly channels = new Map<string, Channel>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly factory = new EventFactory();
  private ticker?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  private lastTick = Date.now();

  constructor(
    private readonly baseUrl: () => string,
    /** The catalogue in force (availabletopics), to accept only topics that exist and travel over WebSocket. */
    private readonly catalogue: () => JsonObject[],
    private settings: NotificationSettings,
  ) {
    this.restartTimers();
  }

  create(now = Date.now()): JsonObject | undefined {
    this.sweep(now);
    if (this.channels.size >= MAX_CHANNELS) return undefined;
    const channel: Channel = {
      id: randomUUID(),
      expires: now + CHANNEL_LIFETIME_MS,
      topics: [],
      eventsSent: 0,
      heartbeatsSent: 0,
      due: 0,
    };
    this.channels.set(channel.id, channel);
    return this.describe(channel);
  }

  list(): JsonObject[] {
    this.sweep(Date.now());
    return [...this.channels.values()].map((c) => this.describe(c));
  }

  has(id: string): boolean {
    this.sweep(Date.now());
    return this.channels.has(id);
  }

  /** Topics that cannot be subscribed: unknown to the catalogue, EventBridge-only, or still with `{id}`. */
  rejections(topics: readonly string[]): TopicRejection[] {
    const catalogue = this.catalogue();
    return topics.flatMap((topic) => {
      if (topic.split('.').includes('{id}')) return [{ topic, reason: 'the topic has an {id} placeholder' }];
      const entry = catalogue.find((t) => typeof t.id === 'string' && topicMatches(t.id, topic));
      if (!entry) return [{ topic, reason: 'no such topic' }];
      const transports = Array.isArray(entry.transports)
        ? entry.transports.filter((t): t is string => typeof t === 'string')
        : [];
      // The platform's rule: delivered over WebSocket only when the catalogue says so.
      if (deliveredOver(transports, 'Websocket') !== true) {
        return [{ topic, reason: 'the topic is not available over WebSocket' }];
      }
      return [];
    });
  }

  /** PUT replaces the topics, POST adds to them; returns the channel's topics afterwards. */
  setTopics(id: string, topics: readonly string[], mode: 'replace' | 'add'): string[] {
    const channel = this.channels.get(id)!;
    channel.topics = mode === 'replace' ? [...new Set(topics)] : [...new Set([...channel.topics, ...topics])];
    return [...channel.topics];
  }

  topicsOf(id: string): string[] {
    return [...(this.channels.get(id)?.topics ?? [])];
  }

  /** Completes a WebSocket upgrade for a channel that exists (the caller has checked). */
  upgrade(id: string, request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const channel = this.channels.get(id);
      if (!channel) return ws.terminate();
      // One connection per channel, as on the platform: the newer one wins.
      channel.socket?.terminate();
      channel.socket = ws;
      ws.on('close', () => {
        if (channel.socket === ws) channel.socket = undefined;
      });
      ws.on('error', () => undefined);
    });
  }

  /** Fault: every open socket is cut without a closing handshake (a network drop). */
  dropSockets(): number {
    let dropped = 0;
    for (const channel of this.channels.values()) {
      if (!channel.socket) continue;
      channel.socket.terminate();
      channel.socket = undefined;
      dropped++;
    }
    return dropped;
  }

  /** Fault: channels end as at the end of their life; their sockets close and their ids answer 404 from now on. */
  expire(id?: string): number {
    const ids = id === undefined ? [...this.channels.keys()] : this.channels.has(id) ? [id] : [];
    for (const channelId of ids) this.remove(channelId);
    return ids.length;
  }

  configure(settings: Partial<NotificationSettings>): NotificationSettings {
    this.settings = { ...this.settings, ...settings };
    this.restartTimers();
    return { ...this.settings };
  }

  state(): JsonObject {
    return { settings: { ...this.settings }, channels: this.list() };
  }

  /** Back to no channels (the admin reset). */
  reset(): void {
    for (const id of [...this.channels.keys()]) this.remove(id);
  }

  /** Stops the timers and cuts every socket (a closing handshake could keep the emulator's close() waiting). */
  close(): void {
    clearInterval(this.ticker);
    clearInterval(this.heartbeat);
    for (const channel of this.channels.values()) channel.socket?.terminate();
    this.channels.clear();
    this.wss.close();
  }

  private remove(id: string): void {
    const channel = this.channels.get(id);
    this.channels.delete(id);
    channel?.socket?.close(1000, 'channel expired');
  }

  private sweep(now: number): void {
    for (const channel of [...this.channels.values()]) if (channel.expires <= now) this.remove(channel.id);
  }

  private describe(channel: Channel): JsonObject {
    return {
      id: channel.id,
      connectUri: `${this.baseUrl().replace(/^http/, 'ws')}/channels/${channel.id}`,
      expires: new Date(channel.expires).toISOString(),
      topics: [...channel.topics],
      connected: channel.socket !== undefined,
      eventsSent: channel.eventsSent,
      heartbeatsSent: channel.heartbeatsSent,
    };
  }

  private restartTimers(): void {
    clearInterval(this.ticker);
    clearInterval(this.heartbeat);
    this.lastTick = Date.now();
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    this.heartbeat = setInterval(() => this.beat(), this.settings.heartbeatMs);
    // The emulator's timers must not keep a test process (or a CLI run against it in-process) alive.
    this.ticker.unref();
    this.heartbeat.unref();
  }

  private tick(): void {
    const now = Date.now();
    const elapsed = now - this.lastTick;
    this.lastTick = now;
    for (const channel of this.channels.values()) {
      const socket = channel.socket;
      if (!socket || socket.readyState !== socket.OPEN || channel.topics.length === 0) continue;
      // At most a second's worth at once: a stalled event loop must not end in a burst of thousands.
      const rate = this.settings.eventsPerSecond;
      channel.due = Math.min(channel.due + (rate * elapsed) / 1000, Math.max(1, rate));
      for (; channel.due >= 1; channel.due--) {
        const topic = channel.topics[channel.eventsSent % channel.topics.length];
        socket.send(JSON.stringify(this.factory.message(topic, now)));
        channel.eventsSent++;
      }
    }
  }

  private beat(): void {
    const message = JSON.stringify({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } });
    for (const channel of this.channels.values()) {
      if (channel.socket?.readyState !== channel.socket?.OPEN || !channel.socket) continue;
      channel.socket.send(message);
      channel.heartbeatsSent++;
    }
  }
}
