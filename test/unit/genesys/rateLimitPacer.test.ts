/**
 * Pacing by the rate-limit headers: the pacer's decisions on a fake clock, then many concurrent requests through a
 * real client against the emulator enforcing a small limit — no 429, and the waits the limit requires (no more).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isCancellation } from '../../../src/genesys/errors';
import { GenesysClient, type PaceNotice } from '../../../src/genesys/client';
import { RateLimitPacer, readRateLimitHeaders, type PacePermit } from '../../../src/genesys/rateLimitPacer';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { TUTORIAL_INTEGRATION_ID } from '../../../src/emulator/defaultOrgData';
import { API, FakeTiming, makeClient, mockTokens } from './helpers';

const reading = (allowed: number, count: number, resetSeconds: number) => ({
  allowed,
  count,
  resetMs: resetSeconds * 1000,
});

/** True when `promise` has settled after the pending reactions have run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('rate-limit pacer', () => {
  it('reads the three headers, and nothing when one is missing or not a number', () => {
    const headers = (h: Record<string, string>) => (name: string) => h[name];
    assert.deepEqual(
      readRateLimitHeaders(
        headers({ 'inin-ratelimit-allowed': '300', 'inin-ratelimit-count': '7', 'inin-ratelimit-reset': '42' }),
      ),
      reading(300, 7, 42),
    );
    assert.equal(
      readRateLimitHeaders(headers({ 'inin-ratelimit-allowed': '300', 'inin-ratelimit-count': '7' })),
      undefined,
    );
    assert.equal(
      readRateLimitHeaders(
        headers({ 'inin-ratelimit-allowed': 'x', 'inin-ratelimit-count': '7', 'inin-ratelimit-reset': '1' }),
      ),
      undefined,
    );
  });

  it('one request at a time until the first answer; then the allowance, counting those in flight; then the window end', async () => {
    const timing = new FakeTiming();
    const notices: PaceNotice[] = [];
    const pacer = new RateLimitPacer(timing, (n) => notices.push(n));
    const first = await pacer.acquire('Bearer a');
    const second = pacer.acquire('Bearer a');
    assert.equal(await isSettled(second), false, 'the second waits for the first answer');
    assert.ok(await isSettled(pacer.acquire('Bearer other')), 'another token is not held up');
    pacer.settle(first, reading(3, 1, 10), 200);
    const p2 = await second;
    const p3 = await pacer.acquire('Bearer a'); // count 1 + 1 in flight < 3
    const fourth = pacer.acquire('Bearer a'); // 1 + 2 in flight = 3: the window is used up
    await isSettled(fourth);
    assert.deepEqual(timing.sleeps, [10_200], 'it waits for the announced reset (+ a margin), not more');
    assert.deepEqual(notices, [{ allowed: 3, waitMs: 10_200 }]);
    await fourth; // the fake sleep moved the clock past the window: a new one
    pacer.settle(p2, reading(3, 2, 10), 200); // an answer from the old window says nothing about the new one
    pacer.settle(p3, reading(3, 3, 10), 200);
    assert.ok(await isSettled(pacer.acquire('Bearer a')), 'the new window has room');
    assert.deepEqual(timing.sleeps, [10_200]);
  });

  it('a token whose answers carry no rate-limit headers is not paced', async () => {
    const pacer = new RateLimitPacer(new FakeTiming());
    pacer.settle(await pacer.acquire('Basic x'), undefined, 200);
    const permits = await Promise.all(Array.from({ length: 20 }, () => pacer.acquire('Basic x')));
    assert.equal(permits.length, 20);
  });

  it('a 429 holds every request of the token for Retry-After; a cancelled wait rejects as a cancellation', async () => {
    const timing = new FakeTiming();
    const pacer = new RateLimitPacer(timing);
    const permits: PacePermit[] = [await pacer.acquire('Bearer a')];
    pacer.settle(permits[0], reading(300, 12, 30), 200);
    pacer.settle(await pacer.acquire('Bearer a'), reading(300, 301, 3), 429, 3000);
    await pacer.acquire('Bearer a');
    // Retry-After, then the margin after the announced reset (the window was used up, the headers said so).
    assert.deepEqual(timing.sleeps, [3000, 200]);

    const blocked = new FakeTiming();
    let release!: () => void;
    blocked.blockSleep = new Promise((resolve) => (release = resolve));
    const paced = new RateLimitPacer(blocked);
    paced.settle(await paced.acquire('Bearer b'), reading(1, 1, 60), 200);
    const controller = new AbortController();
    const waiting = paced.acquire('Bearer b', controller.signal);
    controller.abort();
    await assert.rejects(waiting, (err) => isCancellation(err));
    release();
  });

  it('through the client: the announced limit makes the third request wait for the reset', async () => {
    const { client, agent, timing } = makeClient();
    mockTokens(agent);
    const limited = (count: number) => ({
      headers: { 'inin-ratelimit-allowed': '2', 'inin-ratelimit-count': String(count), 'inin-ratelimit-reset': '5' },
    });
    const api = agent.get(API);
    for (const count of [1, 2, 1]) {
      api.intercept({ path: '/api/v2/organizations/me' }).reply(200, { id: 'org' }, limited(count));
    }
    for (let i = 0; i < 3; i++) await client.getOrganizationId();
    assert.deepEqual(timing.sleeps, [5200]);
    await client.dispose();
  });
});

describe('rate-limit pacing against the emulator', () => {
  const ALLOWED = 10;
  const WINDOW_SECONDS = 2;
  const REQUESTS = 30;
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ rateLimit: { allowed: ALLOWED, windowSeconds: WINDOW_SECONDS }, latencyMs: 20 });
  });
  after(() => emulator.close());

  it(`${REQUESTS} concurrent requests at ${ALLOWED} per ${WINDOW_SECONDS} s: no 429, each window at most full, done about when the limit allows`, async () => {
    const notices: PaceNotice[] = [];
    const client = new GenesysClient({
      environment: emulator.url,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      onPace: (n) => notices.push(n),
    });
    try {
      const started = Date.now();
      await Promise.all(Array.from({ length: REQUESTS }, () => client.getIntegrationConfig(TUTORIAL_INTEGRATION_ID)));
      const elapsed = Date.now() - started;
      const api = emulator.requests.filter((r) => r.path.startsWith('/api/v2/'));
      assert.equal(api.length, REQUESTS, 'no request was sent twice');
      assert.deepEqual(
        api.filter((r) => r.status !== 200),
        [],
        'no 429 (nor anything else)',
      );
      // The fastest the limit allows: the last window's requests go as soon as it starts.
      const floorMs = (Math.ceil(REQUESTS / ALLOWED) - 1) * WINDOW_SECONDS * 1000;
      assert.ok(elapsed >= floorMs - 100, `paced: ${elapsed} ms, the limit needs ≥ ${floorMs} ms`);
      assert.ok(
        elapsed <= floorMs + WINDOW_SECONDS * 1000 + 1500,
        `${elapsed} ms: within about one window of ${floorMs} ms`,
      );
      assert.ok(notices.length >= 2 && notices.every((n) => n.allowed === ALLOWED), JSON.stringify(notices));
    } finally {
      await client.dispose();
    }
  });
});
