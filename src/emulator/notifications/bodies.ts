import type { JsonObject } from '../../common/json';
import { AGENTS, CUSTOMERS, DIRECTIONS, DIVISION_ID, MEDIA_TYPES, QUEUES, type Random } from './random';

/**
 * Event bodies shaped like the platform's, per topic family: analytics detail events (the SDK's
 * `AcdStartDetailEventTopicAcdStartEvent` and friends), audits and transcriptions (the real samples in
 * media/sample-events), queue conversations (`QueueConversationEventTopicConversation`), user presence and
 * routing status. `ids` are the topic's concrete ids in order (`v2.users.<ids[0]>.presence`).
 */
export type BodyBuilder = (random: Random, ids: readonly string[], now: number) => JsonObject;

const phone = (random: Random): string =>
  `tel:+1${200 + random.int(700)}555${String(random.int(10000)).padStart(4, '0')}`;

/** v2.detail.events.conversation.{id}.<kind>: one flat object per event, eventTime in epoch ms. */
export function detailEvent(kind: string): BodyBuilder {
  return (random, [conversationId], now) => {
    const mediaType = random.pick(MEDIA_TYPES);
    const direction = random.pick(DIRECTIONS);
    const queue = random.pick(QUEUES);
    const body: JsonObject = {
      eventTime: now,
      conversationId,
      participantId: random.uuid(),
      sessionId: random.uuid(),
      mediaType,
      provider: mediaType === 'VOICE' ? 'Edge' : 'PureCloud Messaging',
      direction,
      ani: phone(random),
      dnis: 'tel:+18005550100',
      addressTo: 'tel:+18005550100',
      addressFrom: phone(random),
      divisionId: DIVISION_ID,
      conversationExternalContactIds: random.chance(0.6) ? [random.uuid()] : [],
    };
    if (kind.startsWith('acd') || kind === 'user.start' || kind === 'acw') body.queueId = queue.id;
    if (kind === 'acd.end') {
      body.acdOutcome = random.pick(['ANSWERED', 'ANSWERED', 'ABANDON', 'FLOWOUT']);
      body.connectedDurationMs = random.int(600_000);
      body.requestedRoutings = ['Standard'];
      body.usedRouting = 'Standard';
    }
    if (kind.endsWith('.end')) body.disconnectType = random.pick(['client', 'peer', 'endpoint', 'transfer']);
    if (kind === 'customer.end') body.interactingDurationMs = random.int(900_000);
    if (kind === 'acw') body.wrapupCode = random.pick(['Resolved', 'Escalated', 'Callback scheduled']);
    if (mediaType === 'EMAIL') body.subject = random.pick(['Order status', 'Refund request', 'Login problem']);
    if (mediaType === 'CALLBACK') body.callbackNumbers = [phone(random)];
    return body;
  };
}

/** v2.audits.entitytype.{id}.entityid.{id}: the blueprint sample's shape. */
export const auditEvent: BodyBuilder = (random, [entityType, entityId], now) => {
  const agent = AGENTS.find((a) => a.id === entityId) ?? random.pick(AGENTS);
  const [oldValue, newValue] = [random.pick(PRESENCES), random.pick(PRESENCES)];
  return {
    id: random.uuid(),
    userId: agent.id,
    username: { id: '' },
    clientId: {},
    serviceName: entityType === 'UserPresence' ? 'Presence' : 'Directory',
    eventTime: new Date(now).toISOString(),
    action: 'Update',
    entityType,
    entity: { id: entityId, name: agent.name },
    propertyChanges: [{ property: 'PRESENCE', oldValues: [oldValue], newValues: [newValue] }],
  };
};

const PRESENCES = ['Available', 'Available', 'On Queue', 'Busy', 'Away', 'Break', 'Meal', 'Meeting', 'Offline'];

/** v2.users.{id}.presence */
export const presenceEvent: BodyBuilder = (random, _ids, now) => {
  const systemPresence = random.pick(PRESENCES).toUpperCase().replace(' ', '_');
  return {
    source: 'PURECLOUD',
    presenceDefinition: { id: random.uuid(), systemPresence },
    primary: true,
    message: random.chance(0.2) ? 'Back at 3pm' : '',
    modifiedDate: new Date(now).toISOString(),
  };
};

/** v2.users.{id}.routingStatus */
export const routingStatusEvent: BodyBuilder = (random, [userId], now) => ({
  id: userId,
  routingStatus: {
    status: random.pick(['IDLE', 'IDLE', 'INTERACTING', 'COMMUNICATING', 'NOT_RESPONDING', 'OFF_QUEUE']),
    startTime: new Date(now - random.int(3_600_000)).toISOString(),
  },
});

/** v2.users.{id}.activity */
export const activityEvent: BodyBuilder = (random, [userId], now) => ({
  id: userId,
  routingStatus: { status: random.pick(['IDLE', 'INTERACTING', 'OFF_QUEUE']), startTime: new Date(now).toISOString() },
  presence: {
    presenceDefinition: { id: random.uuid(), systemPresence: random.pick(['AVAILABLE', 'ON_QUEUE', 'BUSY']) },
  },
  outOfOffice: { active: random.chance(0.05) },
  activeQueueIds: QUEUES.filter(() => random.chance(0.4)).map((q) => q.id),
  dateActiveQueuesChanged: new Date(now - random.int(86_400_000)).toISOString(),
});

/** v2.routing.queues.{id}.conversations[.calls|.chats|…]: a conversation with customer, acd and agent participants. */
export function queueConversationEvent(media: string): BodyBuilder {
  return (random, [queueId], now) => {
    const queue = QUEUES.find((q) => q.id === queueId) ?? random.pick(QUEUES);
    const agent = random.pick(AGENTS);
    const kind = media === 'conversations' ? random.pick(['calls', 'chats', 'emails', 'messages']) : media;
    const session = (state: string): JsonObject => ({
      id: random.uuid(),
      state,
      direction: random.pick(['inbound', 'outbound']),
    });
    const started = new Date(now - random.int(600_000)).toISOString();
    return {
      id: random.uuid(),
      maxParticipants: 3,
      participants: [
        {
          id: random.uuid(),
          purpose: 'customer',
          name: random.pick(CUSTOMERS),
          address: phone(random),
          connectedTime: started,
          [kind]: [session('connected')],
        },
        {
          id: random.uuid(),
          purpose: 'acd',
          name: queue.name,
          queueId: queue.id,
          connectedTime: started,
          [kind]: [session(random.pick(['connected', 'disconnected']))],
        },
        ...(random.chance(0.7)
          ? [
              {
                id: random.uuid(),
                purpose: 'agent',
                userId: agent.id,
                name: agent.name,
                queueId: queue.id,
                wrapupRequired: true,
                attributes: { tier: random.pick(['gold', 'silver', 'bronze']) },
                [kind]: [session(random.pick(['alerting', 'connected']))],
              },
            ]
          : []),
      ],
      recordingState: random.pick(['none', 'active', 'paused']),
      divisions: [{ division: { id: DIVISION_ID }, entities: [{ id: agent.id }] }],
    };
  };
}

/** v2.routing.queues.{id}.users */
export const queueMemberEvent: BodyBuilder = (random, [queueId]) => {
  const agent = random.pick(AGENTS);
  return {
    id: agent.id,
    name: agent.name,
    queueId,
    joined: random.chance(0.8),
    memberBy: random.pick(['user', 'group']),
  };
};

/** v2.conversations.{id}.transcription: the captured sample's shape. */
export const transcriptionEvent: BodyBuilder = (random, [conversationId], now) => {
  const lines = [
    'I would like to check my order',
    'let me look that up for you',
    'my premium plan was charged twice',
    'thank you for calling',
  ];
  const transcript = random.pick(lines);
  const offsetMs = random.int(600_000);
  return {
    eventTime: new Date(now).toISOString(),
    organizationId: 'b7e4d2a1-5c3f-4e8a-9d6b-1f2e3a4b5c6d',
    conversationId,
    communicationId: random.uuid(),
    sessionStartTimeMs: now - offsetMs,
    transcriptionStartTimeMs: now - offsetMs,
    transcripts: [
      {
        utteranceId: random.uuid(),
        isFinal: random.chance(0.8),
        channel: random.pick(['EXTERNAL', 'INTERNAL']),
        alternatives: [
          {
            confidence: Math.round(random.next() * 1000) / 1000,
            offsetMs,
            durationMs: 1000 + random.int(12_000),
            transcript,
            decoratedTranscript: transcript,
          },
        ],
        engineProvider: 'GENESYS',
        dialect: random.pick(['en-US', 'en-GB', 'es-US']),
        agentAssistEnabled: false,
        voiceTranscriptionEnabled: true,
      },
    ],
    status: { offsetMs, status: 'SESSION_ONGOING' },
  };
};

/** v2.analytics.queues.{id}.observations */
export const observationEvent: BodyBuilder = (random, [queueId]) => ({
  group: { queueId, mediaType: random.pick(MEDIA_TYPES).toLowerCase() },
  data: [
    { metric: 'oWaiting', stats: { count: random.int(30) } },
    { metric: 'oInteracting', stats: { count: random.int(50) } },
  ],
});

/** Anything else the catalogue lists: the topic's id and a time, so filters on `id` still have something to see. */
export const genericEvent: BodyBuilder = (_random, ids, now) => ({
  id: ids[0] ?? '',
  eventTime: new Date(now).toISOString(),
});
