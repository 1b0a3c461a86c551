/** The emulator's rate limiter (per token, fixed window, honest headers, 429 + Retry-After) and its latency. */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { parseRateLimitFlag, RateLimiter } from '../../../src/emulator/rateLimit';
import { assertGenesysError, call, getToken } from './helpers';

const ORG = '/api/v2/organizations/me';
const header = (reply: { headers: Headers }, name: string) => reply.headers.get(name);

describe('emulator rate limit', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ rateLimit: { allowed: 3, windowSeconds: 2 } });
  });
  beforeEach(() => emulator.reset());
  after(() => emulator.close());

  it('serves the allowance per token, then answers 429 with Retry-After and honest headers until the window resets', async () => {
    const token = await getToken(emulator);
    const counts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await call(emulator, 'GET', ORG, { token });
      assert.equal(reply.status, 200);
      assert.equal(header(reply, 'inin-ratelimit-allowed'), '3');
      counts.push(header(reply, 'inin-ratelimit-count')!);
    }
    assert.deepEqual(counts, ['1', '2', '3']);
    const limited = await call(emulator, 'GET', ORG, { token });
    assert.equal(assertGenesysError(limited, 429).code, 'too.many.requests');
    assert.equal(header(limited, 'inin-ratelimit-count'), '4', 'a refused request counts too');
    const retryAfter = Number(header(limited, 'retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 2, `Retry-After ${retryAfter}`);
    assert.equal(header(limited, 'inin-ratelimit-reset'), String(retryAfter));
    assert.match(limited.body.message, new RegExp(`\\[${retryAfter}\\] seconds`));

    const other = await getToken(emulator);
    assert.equal((await call(emulator, 'GET', ORG, { token: other })).status, 200, 'another token has its own window');
    assert.equal(
      (await call(emulator, 'POST', '/oauth/token')).status !== 429,
      true,
      'the OAuth endpoint is not limited',
    );

    await delay(retryAfter * 1000 + 50);
    const again = await call(emulator, 'GET', ORG, { token });
    assert.equal(again.status, 200);
    assert.equal(header(again, 'inin-ratelimit-count'), '1', 'a new window');
    assert.deepEqual(
      emulator.requests.filter((r) => r.path === ORG).map((r) => r.status),
      [200, 200, 200, 429, 200, 200],
    );
  });

  it('limits and latency change at run time through the admin API, and reset brings back the starting ones', async () => {
    const put = (body: unknown) => call(emulator, 'PUT', '/__emulator/limits', { body });
    assert.deepEqual((await call(emulator, 'GET', '/__emulator/limits')).body, {
      rateLimit: { allowed: 3, windowSeconds: 2 },
      latencyMs: 0,
    });
    assert.equal((await put({ latencyMs: -1 })).status, 400);
    assert.equal((await put({ rateLimit: { allowed: 0, windowSeconds: 1 } })).status, 400);
    assert.equal((await put({ nonsense: 1 })).status, 400);
    const changed = await put({ rateLimit: null, latencyMs: 150 });
    assert.deepEqual(changed.body, { rateLimit: null, latencyMs: 150 });

    const token = await getToken(emulator);
    const started = Date.now();
    const reply = await call(emulator, 'GET', ORG, { token });
    assert.ok(Date.now() - started >= 140, 'the answer came after the latency');
    assert.equal(
      header(reply, 'inin-ratelimit-allowed'),
      '300',
      'without enforcement the platform default is reported',
    );
    for (let i = 0; i < 5; i++) assert.equal((await call(emulator, 'GET', ORG, { token })).status, 200);

    const adminStarted = Date.now();
    await call(emulator, 'GET', '/__emulator/limits');
    assert.ok(Date.now() - adminStarted < 100, 'the admin API is never delayed');
    emulator.reset();
    assert.deepEqual(emulator.limits(), { rateLimit: { allowed: 3, windowSeconds: 2 }, latencyMs: 0 });
  });
});

describe('emulator rate limit: pieces', () => {
  it('without enforcement it reports 300 per minute and refuses nothing', () => {
    const limiter = new RateLimiter(null);
    let verdict = limiter.take('t', 0);
    for (let i = 1; i < 400; i++) verdict = limiter.take('t', i);
    assert.equal(verdict.limited, false);
    assert.deepEqual(verdict.headers, {
      'inin-ratelimit-count': '400',
      'inin-ratelimit-allowed': '300',
      'inin-ratelimit-reset': '60',
    });
  });

  it('a fixed window starts with the first request and reports the seconds left, rounded up', () => {
    const limiter = new RateLimiter({ allowed: 2, windowSeconds: 10 });
    assert.equal(limiter.take('t', 1000).headers['inin-ratelimit-reset'], '10');
    assert.equal(limiter.take('t', 5500).headers['inin-ratelimit-reset'], '6');
    const over = limiter.take('t', 9001);
    assert.deepEqual([over.limited, over.retryAfterSeconds], [true, 2]);
    assert.equal(limiter.take('t', 11_000).headers['inin-ratelimit-count'], '1');
  });

  it('--rate-limit N or N/SECONDS', () => {
    assert.deepEqual(parseRateLimitFlag('300'), { allowed: 300, windowSeconds: 60 });
    assert.deepEqual(parseRateLimitFlag('50/5'), { allowed: 50, windowSeconds: 5 });
    for (const bad of ['', '0', '10/0', 'x', '-1', '10/5000']) assert.equal(parseRateLimitFlag(bad), undefined, bad);
  });
});
