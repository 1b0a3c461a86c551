/**
 * GenesysClient on an integration's documents against undici's MockAgent: the EventBridge document's GET and PUT (id
 * URL-encoded; "." and ".." refused), a PUT answered with an empty body, and the config's versioned read → mutate a
 * copy → PUT, re-read and re-applied after a 409, 408 or version-mismatch 400 so a concurrent write is kept.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/common/json';
import { isGenesysError } from '../../../src/genesys/errors';
import { API, genesysError, makeClient, mockTokens, putConfig } from './helpers';

const ID = '8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c';
const CONFIG = `/api/v2/integrations/${ID}/config/current`;

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
