/** The emulator's built-in org: the Go tutorial's integration, a real-org-style one, and the cases tests need. */
import type { JsonObject } from '../common/json';
import { EVENTBRIDGE_TYPE_ID } from '../genesys/integrations';
import type { EmulatorOrgData } from './orgData';
import { defaultAvailableTopics } from './topics';

export const DEFAULT_ORG_ID = 'b7e4d2a1-5c3f-4e8a-9d6b-1f2e3a4b5c6d';
/** The integration the original Go tutorial writes to (its example invocation uses this id), kept byte-for-byte. */
export const TUTORIAL_INTEGRATION_ID = '8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c';
export const MULTI_SUBSCRIPTION_INTEGRATION_ID = '3c9e5a71-8b2d-4f60-a1c4-7e5d9b3f2a18';
export const DISABLED_INTEGRATION_ID = '5e2d8c4a-1f3b-4a6e-9c7d-2b8f0e4a6c1d';
/** Listed and configurable, but the subscription-filter endpoint answers 404 (as on a real org today). */
export const REAL_ORG_INTEGRATION_ID = '9a4f1e6b-7c2d-4e8f-a3b5-6d1c9e2f4a7b';
export const DATA_ACTIONS_INTEGRATION_ID = '1d6b3f8e-4a2c-4e9d-b7f1-5c3a8e6d2b90';
export const WEBHOOK_INTEGRATION_ID = '7f2c9a4e-6b1d-4c3f-8e5a-0d9b2f7c4e61';

const LAST_UPDATED = '2026-11-20T09:15:00.000Z';

const INTEGRATION_TYPES: Record<string, JsonObject> = {
  [EVENTBRIDGE_TYPE_ID]: {
    id: EVENTBRIDGE_TYPE_ID,
    name: 'Amazon EventBridge Source',
    description: 'Sends Genesys Cloud events to an Amazon EventBridge partner event source.',
    provider: 'clouddev',
    category: 'Amazon Web Services',
    selfUri: `/api/v2/integrations/types/${EVENTBRIDGE_TYPE_ID}`,
  },
  'purecloud-data-actions': {
    id: 'purecloud-data-actions',
    name: 'Genesys Cloud Data Actions',
    description: 'Calls Genesys Cloud public APIs from Architect and scripts.',
    provider: 'clouddev',
    category: 'Data Actions',
    selfUri: '/api/v2/integrations/types/purecloud-data-actions',
  },
  webhooks: {
    id: 'webhooks',
    name: 'Web Services Data Actions',
    description: 'Calls third-party web services from Architect and scripts.',
    provider: 'clouddev',
    category: 'Data Actions',
    selfUri: '/api/v2/integrations/types/webhooks',
  },
};

function listingEntity(
  id: string,
  name: string,
  typeId: string,
  intendedState: 'ENABLED' | 'DISABLED',
  reported: { code: string; message?: string },
  notes = '',
): JsonObject {
  const reportedState: JsonObject = { code: reported.code, effective: reported.code, lastUpdated: LAST_UPDATED };
  // The platform sends `detail` as a MessageInfo object, not a string.
  if (reported.message) {
    reportedState.detail = {
      localizableMessageCode: 'integration.error',
      message: reported.message,
      messageWithParams: reported.message,
      messageParams: {},
    };
  }
  return {
    id,
    name,
    integrationType: INTEGRATION_TYPES[typeId],
    notes,
    intendedState,
    config: { current: { id, name, version: 1, selfUri: `/api/v2/integrations/${id}/config/current` } },
    reportedState,
    attributes: {},
    selfUri: `/api/v2/integrations/${id}`,
  };
}

function eventBridgeConfig(
  id: string,
  name: string,
  version: number,
  account: string,
  region: string,
  suffix: string,
  eventFilter: string[],
): JsonObject {
  return {
    id,
    name,
    version,
    notes: '',
    properties: { awsAccountId: account, awsAccountRegion: region, eventSourceSuffix: suffix, eventFilter },
    advanced: {},
    credentials: {},
    selfUri: `/api/v2/integrations/${id}/config/current`,
  };
}

/** A fresh copy of the default data (callers may mutate it). */
export function defaultOrgData(): EmulatorOrgData {
  const tutorialDoc: JsonObject = {
    id: TUTORIAL_INTEGRATION_ID,
    awsAccount: '123456789012',
    awsRegion: 'us-east-1',
    roleArn: 'arn:aws:iam::123456789012:role/GenesysEventBridgeRole',
    subscriptions: [
      {
        name: 'default-voice-stream',
        events: ['voice:call:start', 'voice:call:end'],
        filterCriteria: { attributes: [] },
      },
    ],
  };
  // Unknown fields at every level prove that clients write back what they did not model.
  const multiDoc: JsonObject = {
    id: MULTI_SUBSCRIPTION_INTEGRATION_ID,
    awsAccount: '210987654321',
    awsRegion: 'eu-west-1',
    roleArn: 'arn:aws:iam::210987654321:role/GenesysAnalyticsBridge',
    description: 'Routes contact-centre events to the analytics account',
    deliveryPolicy: {
      maxAttempts: 3,
      backoff: 'exponential',
      deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:210987654321:genesys-dlq',
    },
    subscriptions: [
      {
        name: 'premium-queues',
        events: ['routing:queue:enter', 'routing:queue:exit', 'voice:call:start'],
        enabled: true,
        filterCriteria: {
          combine: 'all',
          attributes: [
            {
              key: 'interaction.routing.queue.name',
              matchType: 'regex',
              values: ['^Premium.*$'],
              caseSensitive: false,
            },
            { key: 'interaction.direction', matchType: 'exact', values: ['inbound'] },
            { key: 'interaction.customer.id', matchType: 'exists', values: [], comment: 'known customers only' },
          ],
        },
      },
      {
        name: 'digital-channels',
        events: ['messaging:message:received', 'email:message:received'],
        enabled: true,
        filterCriteria: {
          attributes: [
            { key: 'interaction.mediaType', matchType: 'exact', values: ['message', 'email'] },
            { key: 'interaction.transfer.id', matchType: 'notexists', values: [] },
          ],
        },
      },
      { name: 'agent-audit', events: ['user:presence:changed'], enabled: false },
    ],
  };
  const disabledDoc: JsonObject = {
    id: DISABLED_INTEGRATION_ID,
    awsAccount: '345678901234',
    awsRegion: 'us-west-2',
    roleArn: 'arn:aws:iam::345678901234:role/LegacyAuditBridge',
    subscriptions: [
      {
        name: 'audit-trail',
        events: ['audit:entity:changed'],
        filterCriteria: { attributes: [{ key: 'entity.type', matchType: 'exact', values: ['UserPresence', 'Queue'] }] },
      },
    ],
  };
  const orgId = DEFAULT_ORG_ID;
  return {
    organization: {
      id: orgId,
      name: 'Emulated Contact Center',
      defaultLanguage: 'en',
      defaultCountryCode: 'US',
      thirdPartyOrgName: 'emulated-contact-center',
      domain: 'emulated-contact-center',
      version: 7,
      state: 'active',
      defaultSiteId: 'c0a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b',
      deletable: false,
      voicemailEnabled: true,
      productPlatform: 'PureCloud',
      features: {},
      selfUri: `/api/v2/organizations/${orgId}`,
    },
    integrations: [
      listingEntity(
        TUTORIAL_INTEGRATION_ID,
        'Voice stream (tutorial)',
        EVENTBRIDGE_TYPE_ID,
        'ENABLED',
        { code: 'ACTIVE' },
        'The integration of the Go CLI tutorial',
      ),
      listingEntity(MULTI_SUBSCRIPTION_INTEGRATION_ID, 'Contact center analytics', EVENTBRIDGE_TYPE_ID, 'ENABLED', {
        code: 'ACTIVE',
      }),
      listingEntity(DISABLED_INTEGRATION_ID, 'Legacy audit feed', EVENTBRIDGE_TYPE_ID, 'DISABLED', {
        code: 'ERROR',
        message: 'AssumeRole failed for arn:aws:iam::345678901234:role/LegacyAuditBridge: access denied',
      }),
      listingEntity(REAL_ORG_INTEGRATION_ID, 'Org events (production)', EVENTBRIDGE_TYPE_ID, 'ENABLED', {
        code: 'ACTIVE',
      }),
      listingEntity(DATA_ACTIONS_INTEGRATION_ID, 'Genesys Cloud Data Actions', 'purecloud-data-actions', 'ENABLED', {
        code: 'ACTIVE',
      }),
      listingEntity(WEBHOOK_INTEGRATION_ID, 'CRM web services', 'webhooks', 'ENABLED', { code: 'ACTIVE' }),
    ],
    eventBridgeDocuments: {
      [TUTORIAL_INTEGRATION_ID]: tutorialDoc,
      [MULTI_SUBSCRIPTION_INTEGRATION_ID]: multiDoc,
      [DISABLED_INTEGRATION_ID]: disabledDoc,
    },
    configs: {
      [TUTORIAL_INTEGRATION_ID]: eventBridgeConfig(
        TUTORIAL_INTEGRATION_ID,
        'Voice stream (tutorial)',
        1,
        '123456789012',
        'us-east-1',
        'voice-stream',
        ['v2.detail.events.conversation.{id}.customer.start', 'v2.detail.events.conversation.{id}.customer.end'],
      ),
      [MULTI_SUBSCRIPTION_INTEGRATION_ID]: eventBridgeConfig(
        MULTI_SUBSCRIPTION_INTEGRATION_ID,
        'Contact center analytics',
        4,
        '210987654321',
        'eu-west-1',
        'cc-analytics',
        [
          'v2.detail.events.conversation.{id}.acd.start',
          'v2.detail.events.conversation.{id}.acd.end',
          'v2.routing.queues.{id}.conversations',
          'v2.users.{id}.routingStatus',
        ],
      ),
      [DISABLED_INTEGRATION_ID]: eventBridgeConfig(
        DISABLED_INTEGRATION_ID,
        'Legacy audit feed',
        2,
        '345678901234',
        'us-west-2',
        'legacy-audit',
        ['v2.audits.entitytype.{id}.entityid.{id}'],
      ),
      [REAL_ORG_INTEGRATION_ID]: eventBridgeConfig(
        REAL_ORG_INTEGRATION_ID,
        'Org events (production)',
        3,
        '456789012345',
        'us-east-1',
        'prod-events',
        [
          'v2.detail.events.conversation.{id}.customer.start',
          'v2.detail.events.conversation.{id}.customer.end',
          'v2.audits.entitytype.{id}.entityid.{id}',
          'v2.users.{id}.presence',
          'v2.conversations.{id}.transcription',
        ],
      ),
    },
    availableTopics: defaultAvailableTopics(),
    faults: [],
  };
}
