import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GenesysError, isCancellation, isGenesysError } from '../../../src/genesys/errors';
import { NotificationsApi } from '../../../src/genesys/notifications';
import { errorFromResponse } from '../../../src/genesys/responseErrors';
import { API, CLIENT_SECRET, genesysError, makeClient, mockTokens, putConfig } from './helpers';

const ID = '8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c';
const CONFIG = `/api/v2/integrations/${ID}/config/current`;

async function failureOf(p: Promise<unknown>): Promise<GenesysError> {
  return p.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => {
      assert.ok(isGenesysError(e), `a GenesysError, got ${String(e)}`);
      assert.ok(!e.message.includes(CLIENT_SECRET) && !e.message.includes('token-1'), 'no secret or token in messages');
      return e;
    },
  );
}

function setup(status: number, body: object | string, method: 'GET' | 'PUT' = 'GET', path = CONFIG) {
  const t = makeClient();
  mockTokens(t.agent);
  t.agent
    .get(API)
    .intercept({ path, method })
    .reply(status, body, { headers: { 'inin-correlation-id': `corr-${status}` } });
  return t;
}

describe('error kinds', () => {
  it('400 → invalidRequest with the server message, code, contextId and correlation id', async () => {
    const { client } = setup(
      400,
      genesysError(400, 'bad.request', 'The property eventFilter is invalid', 'ctx-a'),
      'PUT',
    );
    const err = await failureOf(putConfig(client, ID, { version: 1 }));
    assert.equal(err.kind, 'invalidRequest');
    assert.equal(err.status, 400);
    assert.equal(err.code, 'bad.request');
    assert.equal(err.contextId, 'ctx-a');
    assert.equal(err.correlationId, 'corr-400');
    assert.equal(
      err.message,
      `Genesys Cloud rejected the request to update the configuration of integration '${ID}' (400 bad.request): The property eventFilter is invalid`,
    );
  });

  it('400 "does not match the current version" → conflict', async () => {
    // Mapped where every response is mapped; the write path re-reads on it (see clientDocuments.test.ts).
    const body = JSON.stringify(genesysError(400, 'bad.request', 'Version 3 does not match the current version 4'));
    const err = errorFromResponse({ status: 400, text: body }, { action: 'update', resource: `Integration '${ID}'` });
    assert.equal(err.kind, 'conflict');
    assert.equal(err.status, 400);
    assert.match(err.message, /changed by someone else/);
  });

  it('403 on a read names integrations:integration:view', async () => {
    const { client } = setup(
      403,
      genesysError(
        403,
        'missing.permissions',
        'You are missing the following permission(s): integrations:integration:view',
        'ctx-b',
      ),
    );
    const err = await failureOf(client.getIntegrationConfig(ID));
    assert.equal(err.kind, 'permission');
    assert.equal(err.status, 403);
    assert.equal(err.code, 'missing.permissions');
    assert.equal(err.contextId, 'ctx-b');
    assert.match(err.message, /^Not allowed to read the configuration of integration/);
    assert.match(err.message, /role probably lacks the permission integrations:integration:view\.$/);
  });

  it('403 on a PUT names integrations:integration:edit', async () => {
    const { client } = setup(403, genesysError(403, 'missing.permissions', 'Missing permission'), 'PUT');
    const err = await failureOf(putConfig(client, ID, { version: 1 }));
    assert.equal(err.kind, 'permission');
    assert.match(err.message, /integrations:integration:edit/);
  });

  it('403 on the available topics says names can be typed instead', async () => {
    const { client } = setup(
      403,
      genesysError(403, 'missing.permissions', 'Missing permission'),
      'GET',
      '/api/v2/notifications/availabletopics?expand=transports,topicParameters',
    );
    const err = await failureOf(new NotificationsApi(client).availableTopics());
    assert.equal(err.kind, 'permission');
    assert.match(err.message, /may not list notification topics; topic names can still be typed/);
  });

  it('404 → notFound naming the resource', async () => {
    const { client } = setup(
      404,
      genesysError(404, 'not.found', 'The requested integration was not found', 'ctx-c'),
      'GET',
      `/api/v2/integrations/eventbridge/${ID}`,
    );
    const err = await failureOf(client.getEventBridgeDocument(ID));
    assert.equal(err.kind, 'notFound');
    assert.equal(err.status, 404);
    assert.equal(err.code, 'not.found');
    assert.equal(err.contextId, 'ctx-c');
    assert.match(
      err.message,
      new RegExp(`^The EventBridge document of integration '${ID}' was not found \\(404 not.found\\)`),
    );
  });

  it('409 → conflict', async () => {
    const body = JSON.stringify(genesysError(409, 'conflict', 'Version mismatch', 'ctx-d'));
    const err = errorFromResponse({ status: 409, text: body }, { action: 'update', resource: `Integration '${ID}'` });
    assert.equal(err.kind, 'conflict');
    assert.equal(err.status, 409);
    assert.equal(err.contextId, 'ctx-d');
    assert.match(err.message, new RegExp(`Integration '${ID}' was changed by someone else`));
  });

  it('429 → rateLimited that says how long to wait', async () => {
    const t = makeClient();
    mockTokens(t.agent);
    t.agent
      .get(API)
      .intercept({ path: CONFIG })
      .reply(429, genesysError(429, 'too.many.requests', 'Rate limit exceeded', 'ctx-e'), {
        headers: { 'retry-after': '120' },
      });
    const err = await failureOf(t.client.getIntegrationConfig(ID));
    assert.equal(err.kind, 'rateLimited');
    assert.equal(err.status, 429);
    assert.equal(err.retryAfterMs, 120_000);
    assert.equal(err.contextId, 'ctx-e');
    assert.match(err.message, /rate-limiting .* It asked to wait 120 s; try again after that\.$/);
  });

  it('500 → server (not retried)', async () => {
    const { client, timing } = setup(500, genesysError(500, 'internal.server.error', 'Something broke', 'ctx-f'));
    const err = await failureOf(client.getIntegrationConfig(ID));
    assert.equal(err.kind, 'server');
    assert.equal(err.status, 500);
    assert.equal(err.contextId, 'ctx-f');
    assert.match(err.message, /server error .*\(500 internal.server.error\): Something broke/);
    assert.deepEqual(timing.sleeps, []);
  });

  it('an unexpected 4xx without a Genesys body still explains itself', async () => {
    const { client } = setup(418, 'teapot');
    const err = await failureOf(client.getIntegrationConfig(ID));
    assert.equal(err.kind, 'invalidRequest');
    assert.match(err.message, /unexpected status \(418 I'm a Teapot\)\./);
  });

  it('a body that is not JSON → server error naming the content type', async () => {
    const t = makeClient();
    mockTokens(t.agent);
    t.agent
      .get(API)
      .intercept({ path: CONFIG })
      .reply(200, '<html>proxy login</html>', { headers: { 'content-type': 'text/html' } });
    const err = await failureOf(t.client.getIntegrationConfig(ID));
    assert.equal(err.kind, 'server');
    assert.match(err.message, /not JSON \(status 200, content-type text\/html\)/);
  });

  it('a JSON body of the wrong shape → server error', async () => {
    const { client } = setup(200, '[1,2]');
    const err = await failureOf(client.getIntegrationConfig(ID));
    assert.equal(err.kind, 'server');
    assert.match(err.message, /unexpected shape/);
  });

  it('connection refused → network (not retried)', async () => {
    const t = makeClient();
    mockTokens(t.agent);
    t.agent
      .get(API)
      .intercept({ path: CONFIG })
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const err = await failureOf(t.client.getIntegrationConfig(ID));
    assert.equal(err.kind, 'network');
    assert.match(err.message, /Could not reach api.mypurecloud.com .*ECONNREFUSED.*Check the network/);
    assert.equal(err.saysNextStep, true, 'the message says what to check: a face need not add its own');
    assert.deepEqual(t.timing.sleeps, []);
  });

  it('says when its message already names the next step (a field, so faces need not read the text)', () => {
    const ctx = { action: 'read the config' };
    const unauthorized = errorFromResponse({ status: 401, text: '{}' }, ctx);
    assert.equal(unauthorized.kind, 'authentication');
    assert.match(unauthorized.message, /Check the OAuth client id and secret/);
    assert.equal(unauthorized.saysNextStep, true);
    assert.equal(errorFromResponse({ status: 500, text: '{}' }, ctx).saysNextStep, undefined);
  });

  it('bad ids and page numbers are rejected before any request', async () => {
    const { client, log } = makeClient();
    assert.equal((await failureOf(client.getIntegrationConfig(' '))).kind, 'invalidRequest');
    assert.equal((await failureOf(client.listEventBridgeIntegrationsPage(0))).kind, 'invalidRequest');
    assert.equal((await failureOf(client.listEventBridgeIntegrationsPage(1.5))).kind, 'invalidRequest');
    assert.deepEqual(log, []);
  });

  it('bad options are configuration errors', () => {
    assert.throws(
      () => makeClient({ environment: 'nowhere' }),
      (e: unknown) => isGenesysError(e) && e.kind === 'configuration',
    );
    assert.throws(
      () => makeClient({ requestTimeoutMs: -1 }),
      (e: unknown) => isGenesysError(e) && e.kind === 'configuration',
    );
  });
});

describe('error helpers', () => {
  it('isGenesysError goes by the marker, so a copy from another bundle counts', () => {
    assert.equal(isGenesysError(new GenesysError('server', 'x')), true);
    assert.equal(isGenesysError({ isGenesysError: true, kind: 'server', message: 'x' }), true);
    assert.equal(isGenesysError(new Error('x')), false);
    assert.equal(isGenesysError(null), false);
    assert.equal(isGenesysError('GenesysError'), false);
  });

  it('isCancellation knows AbortError and the cancelled kind', () => {
    assert.equal(isCancellation(new GenesysError('cancelled', 'x')), true);
    assert.equal(isCancellation(new GenesysError('timeout', 'x')), false);
    assert.equal(isCancellation(new DOMException('aborted', 'AbortError')), true);
    const controller = new AbortController();
    controller.abort();
    assert.equal(isCancellation(controller.signal.reason), true);
    assert.equal(isCancellation(new Error('x')), false);
    assert.equal(isCancellation(undefined), false);
  });

  it('carries the details it was given', () => {
    const e = new GenesysError('rateLimited', 'm', {
      status: 429,
      code: 'c',
      contextId: 'x',
      correlationId: 'y',
      retryAfterMs: 5,
      attempts: 2,
    });
    assert.deepEqual(
      {
        kind: e.kind,
        status: e.status,
        code: e.code,
        contextId: e.contextId,
        correlationId: e.correlationId,
        retryAfterMs: e.retryAfterMs,
        attempts: e.attempts,
        name: e.name,
      },
      {
        kind: 'rateLimited',
        status: 429,
        code: 'c',
        contextId: 'x',
        correlationId: 'y',
        retryAfterMs: 5,
        attempts: 2,
        name: 'GenesysError',
      },
    );
    assert.ok(e instanceof Error);
  });
});
