/**
 * Cancelling a request and its timeout, through the HTTP layer against undici's MockAgent: an abort during a
 * Retry-After wait (fake and real timer), before sending, or with the request in flight, and requestTimeoutMs (a
 * timeout, not a cancellation, and not retried). Retries are in httpRetries.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isCancellation } from '../../../src/genesys/errors';
import {
  API,
  FakeTiming,
  makeClient,
  mockTokens,
  newMockAgent,
  ORG,
  ORG_PATH,
  orgAttempts,
  rejection,
} from './helpers';
import { GenesysClient } from '../../../src/genesys/client';

describe('cancellation and timeouts', () => {
  it('cancels in the middle of a Retry-After wait', async () => {
    const timing = new FakeTiming();
    timing.blockSleep = new Promise(() => undefined); // the wait never ends by itself
    const { client, agent, log } = makeClient({}, timing);
    mockTokens(agent);
    agent
      .get(API)
      .intercept({ path: ORG_PATH })
      .reply(429, 'slow', { headers: { 'retry-after': '10' } });
    const controller = new AbortController();
    const pending = client.getOrganizationId(controller.signal);
    while (timing.sleeps.length === 0) await new Promise((r) => setImmediate(r));
    controller.abort();
    const err = await rejection(pending);
    assert.equal(err.kind, 'cancelled');
    assert.ok(isCancellation(err));
    assert.equal(orgAttempts(log), 1);
  });

  it('the real wait stops as soon as the signal aborts', async () => {
    const agent = newMockAgent();
    const client = new GenesysClient({ environment: 'us-east-1', clientId: 'c', clientSecret: 's', dispatcher: agent });
    mockTokens(agent);
    agent
      .get(API)
      .intercept({ path: ORG_PATH })
      .reply(503, 'down', { headers: { 'retry-after': '30' } });
    const started = performance.now();
    const err = await rejection(client.getOrganizationId(AbortSignal.timeout(100)));
    assert.equal(err.kind, 'cancelled');
    assert.ok(performance.now() - started < 1000);
  });

  it('an already aborted signal sends nothing', async () => {
    const { client, log } = makeClient();
    const controller = new AbortController();
    controller.abort();
    const err = await rejection(client.getOrganizationId(controller.signal));
    assert.equal(err.kind, 'cancelled');
    assert.deepEqual(log, []);
  });

  it('cancels a request in flight', async () => {
    const { client, agent } = makeClient();
    mockTokens(agent);
    agent.get(API).intercept({ path: ORG_PATH }).reply(200, ORG).delay(2000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const err = await rejection(client.getOrganizationId(controller.signal));
    assert.equal(err.kind, 'cancelled');
  });

  it('a request that takes longer than requestTimeoutMs is a timeout (not retried)', async () => {
    const { client, agent, timing } = makeClient({ requestTimeoutMs: 50 });
    mockTokens(agent);
    agent.get(API).intercept({ path: ORG_PATH }).reply(200, ORG).delay(1000);
    const err = await rejection(client.getOrganizationId());
    assert.equal(err.kind, 'timeout');
    assert.match(err.message, /did not answer the request to read the organization within 50 ms/);
    assert.deepEqual(timing.sleeps, []);
    assert.equal(isCancellation(err), false);
  });
});
