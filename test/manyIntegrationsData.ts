/**
 * Emulator org data with many EventBridge integrations (the bench's 100, the pacing tests' few dozen): each with a
 * config of two topics and a document of one subscription with one filter, plus a filters file that changes every
 * one of them (one topic swapped, the filter's pattern changed), so `apply` has two writes per integration.
 */
import type { JsonObject } from '../src/common/json';
import { defaultOrgData } from '../src/emulator/defaultOrgData';
import type { EmulatorOrgData } from '../src/emulator/orgData';

export function idOf(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function manyIntegrationsData(count: number): EmulatorOrgData {
  const base = defaultOrgData();
  const template = base.integrations.find((i) => (i.integrationType as JsonObject).id === 'amazon-eventbridge-source')!;
  const orgData: EmulatorOrgData = {
    organization: base.organization,
    integrations: [],
    eventBridgeDocuments: {},
    configs: {},
  };
  for (let n = 1; n <= count; n++) {
    const id = idOf(n);
    const name = `Stream ${n}`;
    orgData.integrations.push({ ...structuredClone(template), id, name, selfUri: `/api/v2/integrations/${id}` });
    orgData.configs![id] = {
      id,
      name,
      version: 1,
      properties: {
        awsAccountId: '123456789012',
        awsAccountRegion: 'us-east-1',
        eventSourceSuffix: `stream-${n}`,
        eventFilter: ['v2.detail.events.conversation.{id}.customer.start', 'v2.users.{id}.presence'],
      },
      advanced: {},
      notes: '',
      credentials: {},
    };
    orgData.eventBridgeDocuments![id] = {
      id,
      awsAccount: '123456789012',
      awsRegion: 'us-east-1',
      roleArn: 'arn:aws:iam::123456789012:role/GenesysEventBridgeRole',
      subscriptions: [
        {
          name: 'stream',
          events: ['voice:call:start'],
          filterCriteria: {
            attributes: [{ key: 'interaction.routing.queue.name', matchType: 'regex', values: ['^Premium'] }],
          },
        },
      ],
    };
  }
  return orgData;
}

/** A filters file for the integrations of manyIntegrationsData(count) that changes each of them. */
export function changingFiltersFile(count: number): string {
  const integrations = Array.from({ length: count }, (_, i) => ({
    id: idOf(i + 1),
    topicFilters: ['v2.detail.events.conversation.{id}.customer.start', 'v2.routing.queues.{id}.users'],
    subscriptions: [
      {
        name: 'stream',
        filters: [{ key: 'interaction.routing.queue.name', matchType: 'regex', values: ['^(Premium|Gold)'] }],
      },
    ],
  }));
  return JSON.stringify({ integrations }, null, 2);
}
