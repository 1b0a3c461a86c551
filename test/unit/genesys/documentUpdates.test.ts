/**
 * The one write path of each integration document, through the client against undici's MockAgent: what is read,
 * what is sent, and that a change someone else makes between our read and our write always survives.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/common/json';
import type { DocumentProposal } from '../../../src/genesys/client';
import { MAX_DOCUMENT_ROUNDS } from '../../../src/genesys/documentUpdates';
import { isGenesysError } from '../../../src/genesys/errors';
import { API, genesysError, makeClient, mockTokens } from './helpers';

const ID = '8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c';
const DOC_PATH = `/api/v2/integrations/eventbridge/${ID}`;
const CONFIG = `/api/v2/integrations/${ID}/config/current`;

function doc(filters: string[], extra: JsonObject = {}): JsonObject {
  return {
    id: ID,
    subscriptions: [
      { name: 's', filterCriteria: { attributes: filters.map((key) => ({ key, matchType: 'exists' })) } },
    ],
    ...extra,
  };
}

/** The edit every test makes: add an `exists` filter on `ours` (the document keeps everything else). */
function addOurs(document: JsonObject): JsonObject {
  const attributes = ((document.subscriptions as JsonObject[])[0].filterCriteria as JsonObject)
    .attributes as JsonObject[];
  if (!attributes.some((a) => a.key === 'ours')) attributes.push({ key: 'ours', matchType: 'exists' });
  return document;
}

describe('updateEventBridgeDocument', () => {
  it('reads, edits a copy, reads again just before the PUT, and writes the edit: GET, GET, PUT', async () => {
    const { client, agent, log } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    api
      .intercept({ path: DOC_PATH, method: 'GET' })
      .reply(200, doc(['theirs']))
      .times(2);
    let sent: unknown;
    api.intercept({ path: DOC_PATH, method: 'PUT' }).reply(200, (opts) => (sent = JSON.parse(String(opts.body))));
    const steps: string[] = [];
    const result = await client.updateEventBridgeDocument(ID, addOurs, { onStep: (step) => steps.push(step) });
    assert.equal(result.status, 'written');
    assert.deepEqual(sent, doc(['theirs', 'ours']));
    assert.deepEqual(steps, ['checking', 'writing']);
    assert.deepEqual(
      log.filter((e) => e.path.startsWith('/api/')).map((e) => e.method),
      ['GET', 'GET', 'PUT'],
    );
    agent.assertNoPendingInterceptors();
  });

  it('a change made between the read and the write is kept: the edit is redone on the newer document', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    api.intercept({ path: DOC_PATH, method: 'GET' }).reply(200, doc(['a']));
    // Someone else added "b" and a field we do not model right after our first read.
    api
      .intercept({ path: DOC_PATH, method: 'GET' })
      .reply(200, doc(['a', 'b'], { note: 'theirs' }))
      .times(2);
    let sent: unknown;
    api.intercept({ path: DOC_PATH, method: 'PUT' }).reply(200, (opts) => (sent = JSON.parse(String(opts.body))));
    const reviews: DocumentProposal[] = [];
    const result = await client.updateEventBridgeDocument(ID, addOurs, {
      review: async (proposal) => void reviews.push(proposal),
    });
    assert.equal(result.status, 'written');
    assert.ok(result.status === 'written' && result.rebased && result.rounds === 2);
    assert.deepEqual(sent, doc(['a', 'b', 'ours'], { note: 'theirs' }), 'their filter and field survive');
    assert.deepEqual(
      reviews.map((r) => [r.rebased, r.after]),
      [
        [false, doc(['a', 'ours'])],
        [true, doc(['a', 'b', 'ours'], { note: 'theirs' })],
      ],
      'each new base is reviewed before anything is written',
    );
    agent.assertNoPendingInterceptors();
  });

  it('with a base already read, the first GET is skipped', async () => {
    const { client, agent, log } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    api.intercept({ path: DOC_PATH, method: 'GET' }).reply(200, doc([]));
    api.intercept({ path: DOC_PATH, method: 'PUT' }).reply(200, {});
    const result = await client.updateEventBridgeDocument(ID, addOurs, { base: doc([]) });
    assert.equal(result.status, 'written');
    assert.deepEqual(
      log.filter((e) => e.path.startsWith('/api/')).map((e) => e.method),
      ['GET', 'PUT'],
    );
  });

  it('an edit that changes nothing writes nothing and reads once', async () => {
    const { client, agent, log } = makeClient();
    mockTokens(agent);
    agent
      .get(API)
      .intercept({ path: DOC_PATH, method: 'GET' })
      .reply(200, doc(['ours']));
    const result = await client.updateEventBridgeDocument(ID, addOurs);
    assert.equal(result.status, 'unchanged');
    assert.deepEqual(
      log.filter((e) => e.path.startsWith('/api/')).map((e) => e.method),
      ['GET'],
    );
  });

  it('a review that refuses stops the write: nothing is sent', async () => {
    const { client, agent, log } = makeClient();
    mockTokens(agent);
    agent.get(API).intercept({ path: DOC_PATH, method: 'GET' }).reply(200, doc([]));
    await assert.rejects(
      client.updateEventBridgeDocument(ID, addOurs, {
        review: () => Promise.reject(new Error('Cancelled by the user')),
      }),
      /Cancelled by the user/,
    );
    assert.ok(!log.some((e) => e.method === 'PUT'));
  });

  it(`gives up with a conflict when the document keeps changing (${MAX_DOCUMENT_ROUNDS} rounds), writing nothing`, async () => {
    const { client, agent, log } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    for (let n = 0; n <= MAX_DOCUMENT_ROUNDS; n++) {
      api.intercept({ path: DOC_PATH, method: 'GET' }).reply(200, doc([`v${n}`]));
    }
    await assert.rejects(client.updateEventBridgeDocument(ID, addOurs), (e: unknown) => {
      assert.ok(isGenesysError(e));
      assert.equal(e.kind, 'conflict');
      assert.match(e.message, /kept changing while saving .* Nothing was written/);
      return true;
    });
    assert.ok(!log.some((e) => e.method === 'PUT'));
  });
});

describe('updateIntegrationConfig', () => {
  it('with a base already read, the PUT carries its version and nothing is read', async () => {
    const { client, agent, log } = makeClient();
    mockTokens(agent);
    let sent: JsonObject | undefined;
    agent
      .get(API)
      .intercept({ path: CONFIG, method: 'PUT' })
      .reply(200, (opts) => (sent = JSON.parse(String(opts.body)) as JsonObject));
    const base = { version: 4, properties: { eventFilter: ['a.b'] } };
    const result = await client.updateIntegrationConfig(ID, (c) => ({ ...c, notes: 'x' }), { base });
    assert.equal(result.written, true);
    assert.deepEqual(sent, { version: 4, properties: { eventFilter: ['a.b'] }, notes: 'x' });
    assert.deepEqual(
      log.filter((e) => e.path.startsWith('/api/')).map((e) => e.method),
      ['PUT'],
    );
  });

  it('an edit that changes nothing is not written (the version is not bumped for nothing)', async () => {
    const { client, agent, log } = makeClient();
    mockTokens(agent);
    agent.get(API).intercept({ path: CONFIG, method: 'GET' }).reply(200, { version: 2, properties: {} });
    const result = await client.updateIntegrationConfig(ID, (c) => c);
    assert.equal(result.written, false);
    assert.ok(!log.some((e) => e.method === 'PUT'));
  });
});

describe('the subscription-filter endpoint', () => {
  it('a 404 for an integration whose config exists says the endpoint is unavailable, with the integration id', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    api.intercept({ path: DOC_PATH, method: 'GET' }).reply(404, genesysError(404, 'not.found', 'Not found'));
    api.intercept({ path: CONFIG, method: 'GET' }).reply(200, { version: 1 });
    await assert.rejects(client.getEventBridgeDocument(ID), (e: unknown) => {
      assert.ok(isGenesysError(e));
      assert.equal(e.kind, 'notFound');
      assert.equal(e.subscriptionFiltersUnavailable, true);
      assert.equal(e.integrationId, ID);
      assert.match(e.message, /^Attribute filters are not available for integration .* Topic filters/);
      return true;
    });
  });

  it('a 404 for both means the integration is not there: a plain notFound', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    api.intercept({ path: DOC_PATH, method: 'GET' }).reply(404, genesysError(404, 'not.found', 'Not found'));
    api.intercept({ path: CONFIG, method: 'GET' }).reply(404, genesysError(404, 'not.found', 'Not found'));
    await assert.rejects(client.getEventBridgeDocument(ID), (e: unknown) => {
      assert.ok(isGenesysError(e));
      assert.equal(e.kind, 'notFound');
      assert.equal(e.subscriptionFiltersUnavailable, undefined);
      assert.match(e.message, /^The EventBridge document of integration .* was not found/);
      return true;
    });
  });
});

describe('403 names the permission as a field', () => {
  it('the one the server names, else the one the request needs', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    const named = 'You are missing the following permission(s): [integrations:integration:edit]';
    api.intercept({ path: CONFIG, method: 'GET' }).reply(403, genesysError(403, 'missing.permissions', named));
    api.intercept({ path: CONFIG, method: 'GET' }).reply(403, genesysError(403, 'missing.permissions', 'Forbidden'));
    const fromServer = await client.getIntegrationConfig(ID).catch((e: unknown) => e);
    const fromRequest = await client.getIntegrationConfig(ID).catch((e: unknown) => e);
    assert.ok(isGenesysError(fromServer) && isGenesysError(fromRequest));
    assert.equal(fromServer.permission, 'integrations:integration:edit');
    assert.equal(fromRequest.permission, 'integrations:integration:view');
  });
});
