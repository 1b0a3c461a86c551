import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../../common/json';
import { ID_PLACEHOLDER, topicMatches } from '../../filters/preview/topicStage';
import {
  activityEvent,
  auditEvent,
  detailEvent,
  genericEvent,
  observationEvent,
  presenceEvent,
  queueConversationEvent,
  queueMemberEvent,
  routingStatusEvent,
  transcriptionEvent,
  type BodyBuilder,
} from './bodies';
import { AGENTS, QUEUES, Random } from './random';

/**
 * Realistic, varied events for a topic: the body for its family, wrapped as a Notifications message (what the
 * WebSocket sends) or as an EventBridge event (what AWS delivers). Shared by the emulator and the benchmark.
 */

/** [topic pattern, builder]: the first pattern the concrete topic matches decides its body. */
const BUILDERS: Array<[string, BodyBuilder]> = [
  ...[
    'customer.start',
    'customer.end',
    'acw',
    'acd.start',
    'acd.end',
    'user.start',
    'user.end',
    'outbound',
    'attributes',
    'flow.start',
    'flow.end',
    'flow.outcome',
    'wrapup',
    'voicemail.start',
    'voicemail.end',
  ].map((kind): [string, BodyBuilder] => [`v2.detail.events.conversation.{id}.${kind}`, detailEvent(kind)]),
  ['v2.audits.entitytype.{id}.entityid.{id}', auditEvent],
  ['v2.routing.queues.{id}.users', queueMemberEvent],
  ['v2.routing.queues.{id}.conversations', queueConversationEvent('conversations')],
  ...['calls', 'callbacks', 'chats', 'emails', 'messages'].map((m): [string, BodyBuilder] => [
    `v2.routing.queues.{id}.conversations.${m}`,
    queueConversationEvent(m),
  ]),
  ['v2.users.{id}.presence', presenceEvent],
  ['v2.users.{id}.routingStatus', routingStatusEvent],
  ['v2.users.{id}.activity', activityEvent],
  ['v2.conversations.{id}.transcription', transcriptionEvent],
  ['v2.analytics.queues.{id}.observations', observationEvent],
];

export class EventFactory {
  private readonly random: Random;

  constructor(seed?: number) {
    this.random = new Random(seed);
  }

  /** The topic's concrete ids, in order, by comparing it with its pattern. */
  private idsOf(pattern: string, topic: string): string[] {
    const p = pattern.split('.');
    return topic.split('.').filter((_, i) => p[i] === ID_PLACEHOLDER);
  }

  /** The body of one event on a concrete topic. */
  body(topic: string, now = Date.now()): JsonObject {
    const found = BUILDERS.find(([pattern]) => topicMatches(pattern, topic));
    if (!found) return genericEvent(this.random, [topic.split('.').find((s) => /\d/.test(s)) ?? ''], now);
    return found[1](this.random, this.idsOf(found[0], topic), now);
  }

  /** What the Notifications WebSocket sends for an event. */
  message(topic: string, now = Date.now()): JsonObject {
    return {
      topicName: topic,
      version: '2',
      eventBody: this.body(topic, now),
      metadata: { CorrelationId: randomUUID() },
    };
  }

  /** What the EventBridge integration delivers to AWS for an event (the samples' envelope). */
  eventBridgeEvent(pattern: string, topic: string, orgId: string, suffix: string, now = Date.now()): JsonObject {
    return {
      version: '0',
      id: this.random.uuid(),
      'detail-type': pattern,
      source: `aws.partner/genesys.com/cloud/${orgId}/${suffix}`,
      account: '123456789012',
      time: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: 'us-east-1',
      resources: [],
      detail: {
        topicName: topic,
        version: '2',
        eventBody: this.body(topic, now),
        metadata: { CorrelationId: this.random.uuid() },
        timestamp: new Date(now).toISOString(),
      },
    };
  }

  /** A concrete topic for a pattern: known queue and agent ids where the family has them, fresh ids elsewhere. */
  concreteTopic(pattern: string): string {
    const segments = pattern.split('.');
    return segments
      .map((s, i) => {
        if (s !== ID_PLACEHOLDER) return s;
        const before = segments[i - 1];
        if (before === 'queues') return this.random.pick(QUEUES).id;
        if (before === 'users') return this.random.pick(AGENTS).id;
        if (before === 'entitytype') return this.random.pick(['UserPresence', 'UserPresence', 'Queue']);
        if (before === 'entityid') return this.random.pick(AGENTS).id;
        return this.random.uuid();
      })
      .join('.');
  }
}
