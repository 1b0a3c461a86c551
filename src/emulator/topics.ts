import type { JsonObject } from '../common/json';

/**
 * A catalogue shaped like GET /api/v2/notifications/availabletopics on a real org. Names follow the
 * families the EventBridge integration offers; descriptions and permissions are representative, not
 * copied from a live org (the real catalogue has several hundred entries and varies with products).
 */
interface TopicSpec {
  id: string;
  description: string;
  permissions: string[];
  family: 'conversationDetail' | 'audit' | 'queue' | 'user' | 'conversation' | 'analytics';
  requiresCurrentUser?: boolean;
}

const DETAIL_PERMS = ['analytics:conversationDetail:view'];
const QUEUE_PERMS = ['routing:queue:view', 'conversation:communication:view'];

const SPECS: TopicSpec[] = [
  {
    id: 'v2.detail.events.conversation.{id}.customer.start',
    description: 'A customer joined a conversation.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.customer.end',
    description: 'A customer left a conversation.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.acw',
    description: 'An agent finished after-call work.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.acd.start',
    description: 'A conversation entered an ACD queue.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.acd.end',
    description: 'A conversation left an ACD queue.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.user.start',
    description: 'A user (agent) joined a conversation.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.user.end',
    description: 'A user (agent) left a conversation.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.outbound',
    description: 'An outbound dialing attempt was made.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.attributes',
    description: 'Participant attributes of a conversation changed.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.flow.start',
    description: 'A conversation entered an Architect flow.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.flow.end',
    description: 'A conversation left an Architect flow.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.flow.outcome',
    description: 'A flow outcome was reached in a conversation.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.wrapup',
    description: 'A wrap-up code was assigned.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.voicemail.start',
    description: 'A voicemail recording started.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.detail.events.conversation.{id}.voicemail.end',
    description: 'A voicemail recording ended.',
    permissions: DETAIL_PERMS,
    family: 'conversationDetail',
  },
  {
    id: 'v2.audits.entitytype.{id}.entityid.{id}',
    description: 'An audited change to an entity (for example UserPresence).',
    permissions: ['audits:audit:view'],
    family: 'audit',
  },
  {
    id: 'v2.routing.queues.{id}.conversations',
    description: 'Conversations in a queue changed.',
    permissions: QUEUE_PERMS,
    family: 'queue',
  },
  {
    id: 'v2.routing.queues.{id}.conversations.calls',
    description: 'Calls in a queue changed.',
    permissions: QUEUE_PERMS,
    family: 'queue',
  },
  {
    id: 'v2.routing.queues.{id}.conversations.callbacks',
    description: 'Callbacks in a queue changed.',
    permissions: QUEUE_PERMS,
    family: 'queue',
  },
  {
    id: 'v2.routing.queues.{id}.conversations.chats',
    description: 'Chats in a queue changed.',
    permissions: QUEUE_PERMS,
    family: 'queue',
  },
  {
    id: 'v2.routing.queues.{id}.conversations.emails',
    description: 'Emails in a queue changed.',
    permissions: QUEUE_PERMS,
    family: 'queue',
  },
  {
    id: 'v2.routing.queues.{id}.conversations.messages',
    description: 'Messages in a queue changed.',
    permissions: QUEUE_PERMS,
    family: 'queue',
  },
  {
    id: 'v2.routing.queues.{id}.users',
    description: "Membership or status of a queue's users changed.",
    permissions: ['routing:queue:view', 'routing:queueMember:manage'],
    family: 'queue',
  },
  { id: 'v2.users.{id}.presence', description: "A user's presence changed.", permissions: [], family: 'user' },
  {
    id: 'v2.users.{id}.routingStatus',
    description: "A user's routing status changed.",
    permissions: [],
    family: 'user',
  },
  {
    id: 'v2.users.{id}.conversations',
    description: "A user's conversations changed.",
    permissions: [],
    family: 'user',
    requiresCurrentUser: true,
  },
  {
    id: 'v2.users.{id}.conversationsummary',
    description: "Counts of a user's active conversations changed.",
    permissions: [],
    family: 'user',
  },
  {
    id: 'v2.users.{id}.activity',
    description: "A user's presence, routing status and queue activity changed.",
    permissions: ['routing:queue:view'],
    family: 'user',
  },
  {
    id: 'v2.users.{id}.outofoffice',
    description: "A user's out-of-office setting changed.",
    permissions: [],
    family: 'user',
  },
  { id: 'v2.users.{id}.geolocation', description: "A user's geolocation changed.", permissions: [], family: 'user' },
  {
    id: 'v2.conversations.{id}.transcription',
    description: 'Real-time transcription of a conversation.',
    permissions: ['recording:recording:view', 'speechAndTextAnalytics:transcription:view'],
    family: 'conversation',
  },
  {
    id: 'v2.conversations.{id}.recordings',
    description: 'Recording state of a conversation changed.',
    permissions: ['recording:recording:view'],
    family: 'conversation',
  },
  {
    id: 'v2.analytics.queues.{id}.observations',
    description: 'Real-time observation metrics of a queue changed.',
    permissions: ['analytics:queueObservation:view'],
    family: 'analytics',
  },
  {
    id: 'v2.analytics.users.{id}.aggregates',
    description: 'Aggregate metrics of a user changed.',
    permissions: ['analytics:userAggregate:view'],
    family: 'analytics',
  },
];

function schemaFor(spec: TopicSpec): JsonObject {
  const base: Record<TopicSpec['family'], JsonObject> = {
    conversationDetail: {
      conversationId: { type: 'string' },
      participantId: { type: 'string' },
      sessionId: { type: 'string' },
      mediaType: { type: 'string', enum: ['VOICE', 'CHAT', 'EMAIL', 'CALLBACK', 'MESSAGE'] },
      queueId: { type: 'string' },
      direction: { type: 'string', enum: ['INBOUND', 'OUTBOUND'] },
      eventTime: { type: 'integer' },
    },
    audit: {
      id: { type: 'string' },
      userId: { type: 'string' },
      serviceName: { type: 'string' },
      eventTime: { type: 'string', format: 'date-time' },
      action: { type: 'string' },
      entityType: { type: 'string' },
      entity: { type: 'object' },
      propertyChanges: { type: 'array' },
    },
    queue: { id: { type: 'string' }, participants: { type: 'array' }, recordingState: { type: 'string' } },
    user: {
      id: { type: 'string' },
      presenceDefinition: { type: 'object' },
      routingStatus: { type: 'object' },
      modifiedDate: { type: 'string', format: 'date-time' },
    },
    conversation: {
      conversationId: { type: 'string' },
      organizationId: { type: 'string' },
      eventTime: { type: 'string', format: 'date-time' },
      transcripts: { type: 'array' },
    },
    analytics: { group: { type: 'object' }, data: { type: 'array' } },
  };
  const urn = spec.id.replace(/\{id\}/g, 'id').replace(/\./g, ':');
  return { id: `urn:jsonschema:com:inin:events:${urn}`, type: 'object', properties: base[spec.family] };
}

/** The full catalogue, schemas included (the route strips them unless `expand=schema`). */
export function defaultAvailableTopics(): JsonObject[] {
  return SPECS.map((spec) => {
    const topicParameters = (spec.id.match(/\{id\}/g) ?? []).map(() => 'id');
    const topic: JsonObject = {
      id: spec.id,
      description: spec.description,
      requiresPermissions: spec.permissions,
      enforced: false,
      visibility: 'Public',
      schema: schemaFor(spec),
      requiresCurrentUser: spec.requiresCurrentUser ?? false,
      requiresCurrentUserOrPermission: false,
      // Analytics detail events and audits reach EventBridge only; the rest also travel over WebSocket.
      transports: spec.family === 'conversationDetail' || spec.family === 'audit' ? ['EventBridge'] : ['All'],
      topicParameters,
    };
    return topic;
  });
}
