/**
 * GenesysClient's reads and lifecycle against undici's MockAgent: the EventBridge integrations list (one page, all
 * pages by pageCount or nextUri, a nextUri elsewhere ignored, the reported state's detail), the available topics, the
 * organization id, a custom origin such as the emulator, and dispose(). Documents and config are in
 * clientDocuments.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/common/json';
import { GenesysClient } from '../../../src/genesys/client';
import { isGenesysError } from '../../../src/genesys/errors';
import { NotificationsApi } from '../../../src/genesys/notifications';
import { API, makeClient, mockTokens, newMockAgent } from './helpers';

function integration(id: string, type: string, extra: JsonObject = {}): JsonObject {
  return {
    id,
    name: `Integration ${id}`,
    integrationType: { id: type, name: type },
    intendedState: 'ENABLED',
    selfUri: `/api/v2/integrations/${id}`,
    ...extra,
  };
}

function page(pageNumber: number, pageCount: number, entities: JsonObject[], extra: JsonObject = {}): JsonObject {
  return {
    entities,
    pageSize: 100,
    pageNumber,
    total: 250,
    pageCount,
    firstUri: '/api/v2/integrations?pageSize=100&pageNumber=1',
    selfUri: 'x',
    ...extra,
  };
}

function listPath(n: number): string {
  return `/api/v2/integrations?pageSize=100&pageNumber=${n}`;
}
describe('integrations listing', () => {
  it('one page: pageSize=100, keeps only amazon-eventbridge-source, maps the summary', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    const eb = integration('eb-1', 'amazon-eventbridge-source', {
      reportedState: {
        code: 'ERROR',
        effective: 'Error',
        detail: { message: 'Role not assumable' },
        lastUpdated: '2026-01-01T00:00:00Z',
      },
    });
    agent
      .get(API)
      .intercept({ path: listPath(2) })
      .reply(200, page(2, 3, [integration('w', 'webhooks'), eb, integration('d', 'purecloud-data-actions')]));
    const result = await client.listEventBridgeIntegrationsPage(2);
    assert.deepEqual(result, {
      pageNumber: 2,
      pageCount: 3,
      total: 250,
      entities: [
        {
          id: 'eb-1',
          name: 'Integration eb-1',
          intendedState: 'ENABLED',
          reportedState: {
            code: 'ERROR',
            effective: 'Error',
            detail: 'Role not assumable',
            lastUpdated: '2026-01-01T00:00:00Z',
          },
          raw: eb,
        },
      ],
    });
  });

  it('reportedState.detail: the MessageInfo object becomes its text; raw keeps the object', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    const withParams = {
      localizableMessageCode: 'integration.error',
      messageWithParams: 'Role {arn} not assumable',
      messageParams: { arn: 'x' },
    };
    const entities = [
      integration('p', 'amazon-eventbridge-source', { reportedState: { code: 'ERROR', detail: withParams } }),
      integration('s', 'amazon-eventbridge-source', { reportedState: { code: 'ERROR', detail: 'plain text' } }),
      integration('n', 'amazon-eventbridge-source', {
        reportedState: { code: 'ACTIVE', detail: { localizableMessageCode: 'ok', message: '' } },
      }),
    ];
    agent
      .get(API)
      .intercept({ path: listPath(1) })
      .reply(200, page(1, 1, entities));
    const [p, s, n] = (await client.listEventBridgeIntegrationsPage(1)).entities;
    assert.equal(p.reportedState?.detail, 'Role {arn} not assumable');
    assert.deepEqual((p.raw.reportedState as JsonObject).detail, withParams);
    assert.equal(s.reportedState?.detail, 'plain text');
    assert.deepEqual(n.reportedState, { code: 'ACTIVE' }, 'no text, no detail (never "[object Object]")');
  });

  it('all pages: follows pageCount', async () => {
    const { client, agent, log } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    api
      .intercept({ path: listPath(1) })
      .reply(200, page(1, 3, [integration('a', 'amazon-eventbridge-source'), integration('w', 'webhooks')]));
    api.intercept({ path: listPath(2) }).reply(200, page(2, 3, [integration('b', 'amazon-eventbridge-source')]));
    api.intercept({ path: listPath(3) }).reply(200, page(3, 3, [integration('c', 'amazon-eventbridge-source')]));
    const all = await client.listEventBridgeIntegrations();
    assert.deepEqual(
      all.map((i) => i.id),
      ['a', 'b', 'c'],
    );
    assert.equal(log.filter((e) => e.path.startsWith('/api/v2/integrations')).length, 3);
    agent.assertNoPendingInterceptors();
  });

  it('all pages: follows nextUri when present, and stops when it is gone', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    const next = '/api/v2/integrations?pageSize=100&pageNumber=2&cursor=abc';
    api
      .intercept({ path: listPath(1) })
      .reply(200, page(1, 1, [integration('a', 'amazon-eventbridge-source')], { nextUri: next }));
    api.intercept({ path: next }).reply(200, page(2, 2, [integration('b', 'amazon-eventbridge-source')]));
    const all = await client.listEventBridgeIntegrations();
    assert.deepEqual(
      all.map((i) => i.id),
      ['a', 'b'],
    );
    agent.assertNoPendingInterceptors();
  });

  it('ignores a nextUri that points at another host or API', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    agent
      .get(API)
      .intercept({ path: listPath(1) })
      .reply(
        200,
        page(1, 1, [integration('a', 'amazon-eventbridge-source')], {
          nextUri: 'https://evil.example.com/api/v2/integrations?pageNumber=2',
        }),
      );
    assert.deepEqual(
      (await client.listEventBridgeIntegrations()).map((i) => i.id),
      ['a'],
    );
  });

  it('a list body without entities is a server error', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    agent
      .get(API)
      .intercept({ path: listPath(1) })
      .reply(200, { pageNumber: 1 });
    await assert.rejects(
      client.listEventBridgeIntegrations(),
      (e: unknown) => isGenesysError(e) && e.kind === 'server',
    );
  });
});

describe('topics, organization, lifecycle', () => {
  it('lists the available topics with their transports and parameters', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    const entities = [
      { id: 'v2.users.{id}.presence', description: 'Presence', transports: ['All'], topicParameters: ['id'] },
      { id: 'v2.routing.queues.{id}.users' },
      { description: 'no id: left out' },
    ];
    agent
      .get(API)
      .intercept({ path: '/api/v2/notifications/availabletopics?expand=transports,topicParameters' })
      .reply(200, { entities });
    assert.deepEqual(
      (await new NotificationsApi(client).availableTopics()).map((t) => [t.id, t.description, t.transports]),
      [
        ['v2.users.{id}.presence', 'Presence', ['All']],
        ['v2.routing.queues.{id}.users', undefined, undefined],
      ],
    );
  });

  it('reads the organization id', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    agent.get(API).intercept({ path: '/api/v2/organizations/me' }).reply(200, { id: 'org-42', name: 'Org' });
    assert.equal(await client.getOrganizationId(), 'org-42');
  });

  it('talks to a custom origin (emulator) at its own /oauth/token and /api/v2', async () => {
    const agent = newMockAgent();
    const client = new GenesysClient({
      environment: 'http://127.0.0.1:8123',
      clientId: 'c',
      clientSecret: 's',
      dispatcher: agent,
    });
    const origin = agent.get('http://127.0.0.1:8123');
    origin.intercept({ path: '/oauth/token', method: 'POST' }).reply(200, { access_token: 't', expires_in: 60 });
    origin.intercept({ path: '/api/v2/organizations/me' }).reply(200, { id: 'emu' });
    assert.equal(await client.getOrganizationId(), 'emu');
    assert.equal(client.environment.custom, true);
    assert.equal(client.clientId, 'c');
  });

  it('dispose() cancels a token request nobody waits for any more, and requests in flight', async () => {
    const { client, agent } = makeClient();
    agent
      .get('https://login.mypurecloud.com')
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(200, { access_token: 't', expires_in: 600 })
      .delay(5000);
    const controller = new AbortController();
    const waiting = client.getOrganizationId(controller.signal);
    const other = client.getOrganizationId();
    controller.abort();
    await assert.rejects(waiting, (e: unknown) => isGenesysError(e) && e.kind === 'cancelled');
    const started = performance.now();
    await client.dispose();
    await assert.rejects(other, (e: unknown) => isGenesysError(e) && e.kind === 'cancelled');
    assert.ok(performance.now() - started < 1000, 'the shared token request was abandoned, not awaited');
    await agent.close();
  });

  it('dispose() leaves a dispatcher passed in options open; a disposed client refuses new calls', async () => {
    const agent = newMockAgent();
    const first = new GenesysClient({ environment: 'us-east-1', clientId: 'c', clientSecret: 's', dispatcher: agent });
    await first.dispose();
    await assert.rejects(
      first.getOrganizationId(),
      (e: unknown) => isGenesysError(e) && e.kind === 'cancelled' && /closed/.test(e.message),
    );
    await assert.rejects(first.authenticate(), (e: unknown) => isGenesysError(e) && e.kind === 'cancelled');
    const second = new GenesysClient({ environment: 'us-east-1', clientId: 'c', clientSecret: 's', dispatcher: agent });
    mockTokens(agent);
    agent.get(API).intercept({ path: '/api/v2/organizations/me' }).reply(200, { id: 'still-open' });
    assert.equal(await second.getOrganizationId(), 'still-open');
    await agent.close();
  });
});
