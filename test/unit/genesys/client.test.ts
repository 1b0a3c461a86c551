import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/common/json';
import { GenesysClient } from '../../../src/genesys/client';
import { isGenesysError } from '../../../src/genesys/errors';
import { API, genesysError, makeClient, mockTokens, newMockAgent, putConfig } from './helpers';

const ID = '8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c';
const CONFIG = `/api/v2/integrations/${ID}/config/current`;

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

function sampleConfig(version: number, eventFilter: string[]): JsonObject {
  return {
    name: 'Voice stream',
    version,
    properties: {
      awsAccountId: '123456789012',
      awsAccountRegion: 'us-east-1',
      eventSourceSuffix: 'voice',
      eventFilter,
      futureField: { kept: true },
    },
    advanced: { x: 1 },
    notes: 'n',
    credentials: {},
  };
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

describe('documents and config', () => {
  it('GET/PUT the tutorial eventbridge document, with the id URL-encoded', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    const doc = { id: 'a/b c', awsAccount: '1', subscriptions: [], unknownTopLevel: { deep: [1, 2] } };
    let sent: unknown;
    let contentType: string | undefined;
    const api = agent.get(API);
    api.intercept({ path: '/api/v2/integrations/eventbridge/a%2Fb%20c', method: 'GET' }).reply(200, doc).times(3);
    api.intercept({ path: '/api/v2/integrations/eventbridge/a%2Fb%20c', method: 'PUT' }).reply(200, (opts) => {
      sent = JSON.parse(String(opts.body));
      contentType = new Headers(opts.headers).get('content-type') ?? undefined;
      return sent as object;
    });
    const got = await client.getEventBridgeDocument('a/b c');
    assert.deepEqual(got, doc);
    const edited = { ...doc, awsAccount: '2' };
    const result = await client.updateEventBridgeDocument('a/b c', () => edited);
    assert.equal(result.status, 'written');
    assert.deepEqual(sent, edited);
    assert.equal(contentType, 'application/json');
  });

  it('refuses "." and ".." as ids: URL parsing would turn them into another path', async () => {
    const { client, agent, log } = makeClient();
    mockTokens(agent);
    for (const id of ['..', '.', ' .. ']) {
      await assert.rejects(
        client.getEventBridgeDocument(id),
        (e: unknown) => isGenesysError(e) && e.kind === 'invalidRequest' && /not an integration id/.test(e.message),
      );
      await assert.rejects(
        putConfig(client, id, { version: 1 }),
        (e: unknown) => isGenesysError(e) && e.kind === 'invalidRequest',
      );
    }
    assert.deepEqual(log, [], 'nothing was sent');
    // A dot inside an id is ordinary text.
    agent
      .get(API)
      .intercept({ path: '/api/v2/integrations/a..b/config/current', method: 'GET' })
      .reply(200, { version: 1 });
    assert.deepEqual(await client.getIntegrationConfig('a..b'), { version: 1 });
  });

  it('a PUT answered with an empty body returns what was sent', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    agent.get(API).intercept({ path: CONFIG, method: 'PUT' }).reply(204, '');
    assert.deepEqual(await putConfig(client, ID, { version: 1 }), { version: 1, notes: 'edited by the test' });
  });

  it('updateIntegrationConfig: read → mutate a copy → PUT with the read version', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    const current = sampleConfig(7, ['v2.users.{id}.presence']);
    let sent: JsonObject | undefined;
    const api = agent.get(API);
    api.intercept({ path: CONFIG, method: 'GET' }).reply(200, current);
    api.intercept({ path: CONFIG, method: 'PUT' }).reply(200, (opts) => {
      sent = JSON.parse(String(opts.body));
      return { ...sent, version: 8 };
    });
    let received: JsonObject | undefined;
    const result = await client.updateIntegrationConfig(ID, (config) => {
      received = config;
      const properties = config.properties as JsonObject;
      (properties.eventFilter as string[]).push('v2.audits.entitytype.{id}.entityid.{id}');
      config.version = 999; // the read version wins regardless
      return config;
    });
    assert.deepEqual(result.before, current, 'before is the untouched read');
    assert.notEqual(received, result.before, 'mutate gets a copy');
    const expected = sampleConfig(7, ['v2.users.{id}.presence', 'v2.audits.entitytype.{id}.entityid.{id}']);
    assert.deepEqual(sent, expected);
    assert.deepEqual(result.after, { ...expected, version: 8 });
    assert.equal(result.attempts, 1);
  });

  for (const [label, status, body] of [
    ['409', 409, genesysError(409, 'conflict', 'Conflict')],
    ['408', 408, genesysError(408, 'request.timeout', 'Timeout')],
    [
      '400 version mismatch',
      400,
      genesysError(400, 'bad.request', 'The version supplied does not match the current version of the configuration'),
    ],
  ] as const) {
    it(`updateIntegrationConfig re-reads and re-applies after a ${label}, so a concurrent write is kept`, async () => {
      const { client, agent } = makeClient();
      mockTokens(agent);
      const puts: JsonObject[] = [];
      const api = agent.get(API);
      api.intercept({ path: CONFIG, method: 'GET' }).reply(200, sampleConfig(1, ['a.b']));
      api.intercept({ path: CONFIG, method: 'PUT' }).reply(status, (opts) => {
        puts.push(JSON.parse(String(opts.body)));
        return body;
      });
      // Someone else added x.y in between: the re-read sees it and our edit is applied on top.
      api.intercept({ path: CONFIG, method: 'GET' }).reply(200, sampleConfig(2, ['a.b', 'x.y']));
      api.intercept({ path: CONFIG, method: 'PUT' }).reply(200, (opts) => {
        puts.push(JSON.parse(String(opts.body)));
        return { ...puts[1], version: 3 };
      });
      const result = await client.updateIntegrationConfig(ID, (config) => {
        ((config.properties as JsonObject).eventFilter as string[]).push('c.d');
        return config;
      });
      assert.equal(result.attempts, 2);
      assert.deepEqual(puts[0], sampleConfig(1, ['a.b', 'c.d']));
      assert.deepEqual(puts[1], sampleConfig(2, ['a.b', 'x.y', 'c.d']));
      assert.deepEqual(result.before, sampleConfig(2, ['a.b', 'x.y']));
      agent.assertNoPendingInterceptors();
    });
  }

  it('updateIntegrationConfig gives up with a conflict after 3 re-reads', async () => {
    const { client, agent, log } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    api.intercept({ path: CONFIG, method: 'GET' }).reply(200, sampleConfig(1, [])).times(4);
    api
      .intercept({ path: CONFIG, method: 'PUT' })
      .reply(409, genesysError(409, 'conflict', 'Conflict', 'ctx-409'))
      .times(4);
    await assert.rejects(
      client.updateIntegrationConfig(ID, (c) => ({ ...c, notes: 'ours' })),
      (e: unknown) => {
        assert.ok(isGenesysError(e));
        assert.equal(e.kind, 'conflict');
        assert.equal(e.status, 409);
        assert.equal(e.contextId, 'ctx-409');
        assert.equal(e.attempts, 4);
        assert.match(e.message, /gave up after 3 re-reads\. Nothing was written/);
        return true;
      },
    );
    assert.equal(log.filter((e) => e.method === 'GET').length, 4);
    assert.equal(log.filter((e) => e.method === 'PUT').length, 4);
    agent.assertNoPendingInterceptors();
  });

  it('updateIntegrationConfig does not re-read on other errors', async () => {
    const { client, agent, log } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    api.intercept({ path: CONFIG, method: 'GET' }).reply(200, sampleConfig(1, []));
    api
      .intercept({ path: CONFIG, method: 'PUT' })
      .reply(400, genesysError(400, 'bad.request', 'eventFilter contains an unknown topic'));
    await assert.rejects(
      client.updateIntegrationConfig(ID, (c) => ({ ...c, notes: 'ours' })),
      (e: unknown) => isGenesysError(e) && e.kind === 'invalidRequest',
    );
    assert.equal(log.filter((e) => e.method === 'GET').length, 1);
  });

  it('a config without a version cannot be written safely', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    agent.get(API).intercept({ path: CONFIG, method: 'GET' }).reply(200, { name: 'x', properties: {} });
    await assert.rejects(
      client.updateIntegrationConfig(ID, (c) => c),
      (e: unknown) => isGenesysError(e) && e.kind === 'server' && /no version/.test(e.message),
    );
  });
});

describe('topics, organization, lifecycle', () => {
  it('lists the available topics', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    const entities = [
      { id: 'v2.users.{id}.presence', description: 'Presence', requiresPermissions: [] },
      { id: 'v2.routing.queues.{id}.users' },
    ];
    agent.get(API).intercept({ path: '/api/v2/notifications/availabletopics' }).reply(200, { entities });
    assert.deepEqual(await client.listAvailableTopics(), [
      { id: 'v2.users.{id}.presence', description: 'Presence', raw: entities[0] },
      { id: 'v2.routing.queues.{id}.users', raw: entities[1] },
    ]);
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
