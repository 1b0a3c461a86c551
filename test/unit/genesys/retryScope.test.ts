import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withRetryListener, type RetryNotice } from '../../../src/genesys/client';
import { NotificationsApi } from '../../../src/genesys/notifications';
import { API, FakeTiming, genesysError, makeClient, mockTokens } from './helpers';

const ORG_PATH = '/api/v2/organizations/me';
const TOPICS_PATH = '/api/v2/notifications/availabletopics?expand=transports,topicParameters';
const TOO_MANY = genesysError(429, 'too.many.requests', 'Rate limit exceeded');

/** Blocks every retry wait until release(), so the calls are provably in flight at the same time. */
function heldTiming(): { timing: FakeTiming; release: () => void } {
  let release!: () => void;
  const timing = new FakeTiming();
  timing.blockSleep = new Promise<void>((resolve) => (release = resolve));
  return { timing, release };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(condition(), `timed out waiting for ${what}`);
}

describe('withRetryListener', () => {
  it("two concurrent calls on one client: only the scoped call's retry reaches the scoped listener, onRetry sees both", async () => {
    const { timing, release } = heldTiming();
    const { client, agent, retries } = makeClient({}, timing);
    mockTokens(agent);
    const api = agent.get(API);
    api.intercept({ path: ORG_PATH }).reply(429, TOO_MANY, { headers: { 'retry-after': '2' } });
    api.intercept({ path: ORG_PATH }).reply(200, { id: 'org-1' });
    api.intercept({ path: TOPICS_PATH }).reply(503, 'busy', { headers: { 'retry-after': '5' } });
    api.intercept({ path: TOPICS_PATH }).reply(200, { entities: [{ id: 'v2.users.{id}.presence' }] });

    const scoped: RetryNotice[] = [];
    const inScope = withRetryListener(
      (n) => scoped.push(n),
      () => client.getOrganizationId(),
    );
    const outside = new NotificationsApi(client).availableTopics();
    // Both calls are now waiting to retry at the same time.
    await until(() => timing.sleeps.length === 2, 'both calls to wait for a retry');
    release();
    assert.equal(await inScope, 'org-1');
    assert.deepEqual(
      (await outside).map((t) => t.id),
      ['v2.users.{id}.presence'],
    );

    assert.deepEqual(scoped, [{ attempt: 1, maxAttempts: 5, waitMs: 2000, reason: '429 Too Many Requests' }]);
    assert.deepEqual(retries.map((n) => [n.reason, n.waitMs]).sort(), [
      ['429 Too Many Requests', 2000],
      ['503 Service Unavailable', 5000],
    ]);
  });

  it("scopes follow the work, not the client: each client's call notifies only the listener it ran under", async () => {
    const { timing, release } = heldTiming();
    const first = makeClient({}, timing);
    const second = makeClient({}, timing);
    for (const { agent } of [first, second]) {
      mockTokens(agent);
      agent
        .get(API)
        .intercept({ path: ORG_PATH })
        .reply(429, TOO_MANY, { headers: { 'retry-after': '1' } });
      agent.get(API).intercept({ path: ORG_PATH }).reply(200, { id: 'org-1' });
    }
    const firstNotices: RetryNotice[] = [];
    const secondNotices: RetryNotice[] = [];
    const calls = [
      withRetryListener(
        (n) => firstNotices.push(n),
        () => first.client.getOrganizationId(),
      ),
      withRetryListener(
        (n) => secondNotices.push(n),
        async () => {
          await new Promise((r) => setTimeout(r, 1)); // still in scope after a timer hop
          return second.client.getOrganizationId();
        },
      ),
    ];
    await until(() => timing.sleeps.length === 2, 'both calls to wait for a retry');
    release();
    assert.deepEqual(await Promise.all(calls), ['org-1', 'org-1']);
    assert.equal(firstNotices.length, 1);
    assert.equal(secondNotices.length, 1);
    assert.equal(first.retries.length, 1);
    assert.equal(second.retries.length, 1);
  });

  it('nested scopes all hear their requests; a call after the scope ended notifies no one but onRetry; a throwing listener changes nothing', async () => {
    const { client, agent, retries } = makeClient();
    mockTokens(agent);
    const api = agent.get(API);
    for (let call = 0; call < 2; call++) {
      api.intercept({ path: ORG_PATH }).reply(429, TOO_MANY, { headers: { 'retry-after': '1' } });
      api.intercept({ path: ORG_PATH }).reply(200, { id: 'org-1' });
    }

    const outer: RetryNotice[] = [];
    const inner: RetryNotice[] = [];
    const id = await withRetryListener(
      (n) => outer.push(n),
      () =>
        withRetryListener(
          (n) => {
            inner.push(n);
            throw new Error('a broken progress listener');
          },
          () => client.getOrganizationId(),
        ),
    );
    assert.equal(id, 'org-1', "the listener's exception did not fail the request");
    assert.equal(outer.length, 1);
    assert.equal(inner.length, 1);

    assert.equal(await client.getOrganizationId(), 'org-1');
    assert.equal(outer.length + inner.length, 2, 'nothing reached the finished scopes');
    assert.equal(retries.length, 2, 'the client-wide onRetry still sees every retry');
  });

  it('rejects a missing listener or function with a clear error', () => {
    assert.throws(() => withRetryListener(undefined as never, () => 1), /needs a listener function/);
    assert.throws(() => withRetryListener(() => undefined, undefined as never), /needs a function to run/);
  });
});
