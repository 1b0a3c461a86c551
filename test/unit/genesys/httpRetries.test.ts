/**
 * The client's retries, through the HTTP layer against undici's MockAgent with fake timing: Retry-After (seconds or an
 * HTTP date, and once with the real timer), exponential backoff with full jitter on 502/503/504 and connection resets,
 * the idempotent PUT retried too, giving up after 5 attempts or past the 60 s budget, and what is never retried.
 * Cancellation and timeouts are in httpCancellation.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  API,
  genesysError,
  makeClient,
  mockTokens,
  newMockAgent,
  ORG,
  ORG_PATH,
  orgAttempts,
  putConfig,
  rejection,
} from './helpers';
import { GenesysClient } from '../../../src/genesys/client';
import { backoffMs, parseRetryAfter } from '../../../src/genesys/retryPolicy';

describe('retries', () => {
  it('waits exactly Retry-After (seconds) on 429, then succeeds', async () => {
    const { client, agent, timing, retries, log } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    api
      .intercept({ path: ORG_PATH })
      .reply(429, genesysError(429, 'too.many.requests', 'Rate limit exceeded'), { headers: { 'retry-after': '2' } });
    api.intercept({ path: ORG_PATH }).reply(200, ORG);
    assert.equal(await client.getOrganizationId(), 'org-1');
    assert.deepEqual(timing.sleeps, [2000]);
    assert.deepEqual(retries, [{ attempt: 1, maxAttempts: 5, waitMs: 2000, reason: '429 Too Many Requests' }]);
    assert.deepEqual(
      log.filter((e) => e.path === ORG_PATH).map((e) => [e.attempt, e.status]),
      [
        [1, 429],
        [2, 200],
      ],
    );
  });

  it('really waits Retry-After: 1 (about 1000 ms) with the real timer', async () => {
    const agent = newMockAgent();
    const waits: number[] = [];
    const client = new GenesysClient({
      environment: 'us-east-1',
      clientId: 'c',
      clientSecret: 's',
      dispatcher: agent,
      onRetry: (n) => waits.push(n.waitMs),
    });
    mockTokens(agent);
    const api = agent.get(API);
    let firstAnsweredAt = 0;
    let secondArrivedAt = 0;
    api.intercept({ path: ORG_PATH }).reply(
      429,
      () => {
        firstAnsweredAt = performance.now();
        return genesysError(429, 'too.many.requests', 'slow down');
      },
      { headers: { 'retry-after': '1' } },
    );
    api.intercept({ path: ORG_PATH }).reply(200, () => {
      secondArrivedAt = performance.now();
      return ORG;
    });
    assert.equal(await client.getOrganizationId(), 'org-1');
    const observed = secondArrivedAt - firstAnsweredAt;
    assert.deepEqual(waits, [1000]);
    assert.ok(observed >= 990 && observed < 1600, `observed wait ${observed} ms`);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const { client, agent, timing } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    const at = new Date(timing.clock + 7000).toUTCString();
    api.intercept({ path: ORG_PATH }).reply(503, 'busy', { headers: { 'retry-after': at } });
    api.intercept({ path: ORG_PATH }).reply(200, ORG);
    assert.equal(await client.getOrganizationId(), 'org-1');
    assert.deepEqual(timing.sleeps, [7000]);
    assert.equal(
      parseRetryAfter(new Date(timing.clock - 5000).toUTCString(), timing.clock),
      0,
      'a past date means now',
    );
    assert.equal(parseRetryAfter('soon', timing.clock), undefined);
    assert.equal(parseRetryAfter('-3', timing.clock), undefined);
  });

  for (const status of [502, 503, 504]) {
    it(`retries ${status} with exponential backoff and full jitter`, async () => {
      const { client, agent, timing, retries } = makeClient();
      mockTokens(agent);
      const api = agent.get(API);
      api.intercept({ path: ORG_PATH }).reply(status, 'upstream trouble').times(3);
      api.intercept({ path: ORG_PATH }).reply(200, ORG);
      timing.randomValue = 0.5;
      assert.equal(await client.getOrganizationId(), 'org-1');
      assert.deepEqual(timing.sleeps, [500, 1000, 2000]);
      assert.ok(retries.every((r) => r.reason.startsWith(String(status))));
    });
  }

  it('backoff ceilings double from 1 s and the jitter spans [0, ceiling)', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => backoffMs(n, () => 0.999999)),
      [999, 1999, 3999, 7999],
    );
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => backoffMs(n, () => 0)),
      [0, 0, 0, 0],
    );
  });

  for (const [name, error] of [
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['UND_ERR_SOCKET', Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })],
    ['"other side closed"', new Error('other side closed')],
  ] as const) {
    it(`retries a connection reset (${name})`, async () => {
      const { client, agent, timing, retries } = makeClient();
      mockTokens(agent);
      const api = agent.get(API);
      api.intercept({ path: ORG_PATH }).replyWithError(error);
      api.intercept({ path: ORG_PATH }).reply(200, ORG);
      assert.equal(await client.getOrganizationId(), 'org-1');
      assert.equal(timing.sleeps.length, 1);
      assert.match(retries[0].reason, /^connection reset/);
    });
  }

  it('retries the (idempotent) PUT too', async () => {
    const { client, agent, timing } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    const path = '/api/v2/integrations/i-1/config/current';
    api.intercept({ path, method: 'PUT' }).reply(429, 'slow', { headers: { 'retry-after': '3' } });
    api.intercept({ path, method: 'PUT' }).reply(200, { version: 2 });
    assert.deepEqual(await putConfig(client, 'i-1', { version: 1 }), { version: 2 });
    assert.deepEqual(timing.sleeps, [3000]);
  });

  it('gives up after 5 attempts with a server error that says so', async () => {
    const { client, agent, timing, log } = makeClient();
    mockTokens(agent);
    agent
      .get(API)
      .intercept({ path: ORG_PATH })
      .reply(503, genesysError(503, 'service.unavailable', 'Try later', 'ctx-503'))
      .times(5);
    const err = await rejection(client.getOrganizationId());
    assert.equal(err.kind, 'server');
    assert.equal(err.status, 503);
    assert.equal(err.attempts, 5);
    assert.equal(err.code, 'service.unavailable');
    assert.equal(err.contextId, 'ctx-503');
    assert.match(err.message, /Gave up after 5 attempts/);
    assert.equal(timing.sleeps.length, 4);
    assert.equal(orgAttempts(log), 5);
    agent.assertNoPendingInterceptors();
  });

  it('gives up after 5 connection resets with a network error', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    agent
      .get(API)
      .intercept({ path: ORG_PATH })
      .replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))
      .times(5);
    const err = await rejection(client.getOrganizationId());
    assert.equal(err.kind, 'network');
    assert.equal(err.attempts, 5);
    assert.match(err.message, /closed.*Gave up after 5 attempts/);
  });

  it('never waits more than 60 s in total: gives up when Retry-After would pass the budget', async () => {
    const { client, agent, timing, log } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    api
      .intercept({ path: ORG_PATH })
      .reply(429, 'slow', { headers: { 'retry-after': '25' } })
      .times(2);
    api
      .intercept({ path: ORG_PATH })
      .reply(429, genesysError(429, 'too.many.requests', 'slow', 'ctx-429'), { headers: { 'retry-after': '11' } });
    const err = await rejection(client.getOrganizationId());
    assert.deepEqual(timing.sleeps, [25000, 25000]);
    assert.equal(err.kind, 'rateLimited');
    assert.equal(err.status, 429);
    assert.equal(err.retryAfterMs, 11000);
    assert.equal(err.attempts, 3);
    assert.equal(err.contextId, 'ctx-429');
    assert.match(err.message, /wait 11 s\b/);
    assert.equal(orgAttempts(log), 3);
  });

  it('gives up at once when the first Retry-After is over the budget', async () => {
    const { client, agent, timing, retries } = makeClient();
    mockTokens(agent);
    agent
      .get(API)
      .intercept({ path: ORG_PATH })
      .reply(429, 'slow', { headers: { 'retry-after': '90' } });
    const err = await rejection(client.getOrganizationId());
    assert.equal(err.kind, 'rateLimited');
    assert.equal(err.retryAfterMs, 90000);
    assert.equal(err.attempts, 1);
    assert.match(err.message, /wait 90 s\b/);
    assert.deepEqual(timing.sleeps, []);
    assert.deepEqual(retries, []);
  });

  it('clamps backoff to what is left of the budget', async () => {
    const { client, agent, timing } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    api.intercept({ path: ORG_PATH }).reply(429, 'slow', { headers: { 'retry-after': '59' } });
    api.intercept({ path: ORG_PATH }).reply(503, 'down');
    api.intercept({ path: ORG_PATH }).reply(200, ORG);
    timing.randomValue = 0.99;
    assert.equal(await client.getOrganizationId(), 'org-1');
    assert.deepEqual(timing.sleeps, [59000, 1000]);
  });

  for (const status of [400, 403, 404, 409]) {
    it(`does not retry ${status}`, async () => {
      const { client, agent, timing, log } = makeClient();
      mockTokens(agent);
      agent
        .get(API)
        .intercept({ path: ORG_PATH })
        .reply(status, genesysError(status, 'x', 'no'));
      await rejection(client.getOrganizationId());
      assert.deepEqual(timing.sleeps, []);
      assert.equal(orgAttempts(log), 1);
    });
  }

  it('does not retry a 401 beyond the one token refresh', async () => {
    const { client, agent, timing, log } = makeClient();
    mockTokens(agent, 2);
    agent
      .get(API)
      .intercept({ path: ORG_PATH })
      .reply(401, genesysError(401, 'bad.credentials', 'no'))
      .times(2);
    const err = await rejection(client.getOrganizationId());
    assert.equal(err.kind, 'authentication');
    assert.deepEqual(timing.sleeps, []);
    assert.equal(orgAttempts(log), 2);
  });
});
