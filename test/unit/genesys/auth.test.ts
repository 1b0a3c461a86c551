import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { isGenesysError, isCancellation } from '../../../src/genesys/errors';
import { refreshMarginMs } from '../../../src/genesys/auth';
import { API, CLIENT_ID, CLIENT_SECRET, LOGIN, headerOf, makeClient, mockTokens } from './helpers';

const ORG = { id: 'org-1', name: 'Org' };

describe('OAuth client credentials', () => {
  it('posts grant_type=client_credentials with HTTP Basic client authentication', async () => {
    const { client, agent } = makeClient();
    let contentType: string | undefined;
    let auth: string | undefined;
    let body: string | undefined;
    agent
      .get(LOGIN)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(200, (opts) => {
        contentType = headerOf(opts.headers, 'content-type');
        auth = headerOf(opts.headers, 'authorization');
        body = String(opts.body);
        return { access_token: 'abc', token_type: 'bearer', expires_in: 3600 };
      });
    let bearer: string | undefined;
    agent
      .get(API)
      .intercept({ path: '/api/v2/organizations/me', method: 'GET' })
      .reply(200, (opts) => {
        bearer = headerOf(opts.headers, 'authorization');
        return ORG;
      });
    assert.equal(await client.getOrganizationId(), 'org-1');
    assert.equal(contentType, 'application/x-www-form-urlencoded');
    assert.equal(auth, `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`);
    assert.equal(body, 'grant_type=client_credentials');
    assert.equal(bearer, 'Bearer abc');
    agent.assertNoPendingInterceptors();
  });

  it('caches the token across calls', async () => {
    const { client, agent, log } = makeClient();
    const tokens = mockTokens(agent, 1);
    agent.get(API).intercept({ path: '/api/v2/organizations/me' }).reply(200, ORG).times(3);
    for (let i = 0; i < 3; i++) await client.getOrganizationId();
    assert.equal(tokens.count(), 1);
    assert.deepEqual(
      log.map((e) => `${e.method} ${e.path} ${e.status}`),
      [
        'POST /oauth/token 200',
        'GET /api/v2/organizations/me 200',
        'GET /api/v2/organizations/me 200',
        'GET /api/v2/organizations/me 200',
      ],
    );
  });

  it('refreshes before expires_in runs out (margin 10 %, at most 60 s)', async () => {
    assert.equal(refreshMarginMs(300_000), 30_000);
    assert.equal(refreshMarginMs(86_400_000), 60_000);
    const { client, agent, timing } = makeClient();
    const tokens = mockTokens(agent, 2, { expiresIn: 300 });
    const seen: string[] = [];
    agent
      .get(API)
      .intercept({ path: '/api/v2/organizations/me' })
      .reply(200, (opts) => {
        seen.push(headerOf(opts.headers, 'authorization') ?? '');
        return ORG;
      })
      .times(3);
    await client.getOrganizationId();
    timing.clock += 269_000; // 31 s before expiry: still outside the 30 s margin
    await client.getOrganizationId();
    timing.clock += 2_000; // 29 s before expiry: inside the margin
    await client.getOrganizationId();
    assert.equal(tokens.count(), 2);
    assert.deepEqual(seen, ['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  it('shares one token request among concurrent callers (single flight)', async () => {
    const { client, agent } = makeClient();
    let tokenRequests = 0;
    agent
      .get(LOGIN)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(200, () => {
        tokenRequests++;
        return { access_token: 'shared', expires_in: 3600 };
      })
      .delay(30)
      .persist();
    agent.get(API).intercept({ path: '/api/v2/organizations/me' }).reply(200, ORG).times(8);
    const ids = await Promise.all(Array.from({ length: 8 }, () => client.getOrganizationId()));
    assert.deepEqual(ids, Array(8).fill('org-1'));
    assert.equal(tokenRequests, 1);
  });

  it('one caller cancelling does not fail the shared token request for the others', async () => {
    const { client, agent } = makeClient();
    const tokens = mockTokens(agent, 1);
    agent.get(API).intercept({ path: '/api/v2/organizations/me' }).reply(200, ORG);
    const controller = new AbortController();
    const cancelled = client.getOrganizationId(controller.signal);
    const other = client.getOrganizationId();
    controller.abort();
    await assert.rejects(cancelled, (e: unknown) => isCancellation(e) && isGenesysError(e) && e.kind === 'cancelled');
    assert.equal(await other, 'org-1');
    assert.equal(tokens.count(), 1);
  });

  it('authenticate() forces a fresh token request', async () => {
    const { client, agent } = makeClient();
    const tokens = mockTokens(agent, 2);
    await client.authenticate();
    await client.authenticate();
    assert.equal(tokens.count(), 2);
  });

  it('a 401 on an API call refreshes the token once and retries once', async () => {
    const { client, agent, log } = makeClient();
    const tokens = mockTokens(agent, 2);
    const seen: string[] = [];
    const api = agent.get(API);
    api.intercept({ path: '/api/v2/organizations/me' }).reply(401, (opts) => {
      seen.push(headerOf(opts.headers, 'authorization') ?? '');
      return { status: 401, code: 'bad.credentials', message: 'Invalid login credentials.' };
    });
    api.intercept({ path: '/api/v2/organizations/me' }).reply(200, (opts) => {
      seen.push(headerOf(opts.headers, 'authorization') ?? '');
      return ORG;
    });
    assert.equal(await client.getOrganizationId(), 'org-1');
    assert.equal(tokens.count(), 2);
    assert.deepEqual(seen, ['Bearer token-1', 'Bearer token-2']);
    assert.equal(log.length, 4);
    assert.ok(!JSON.stringify(log).includes('token-'), 'the request log never carries tokens');
  });

  it('concurrent 401s on the same token share one refresh (a newer token is never thrown away)', async () => {
    const { client, agent } = makeClient();
    const tokens = mockTokens(agent, 3);
    const seen: string[] = [];
    const api = agent.get(API);
    api
      .intercept({ path: '/api/v2/organizations/me' })
      .reply(401, { status: 401, code: 'bad.credentials', message: 'expired' })
      .times(3);
    api
      .intercept({ path: '/api/v2/organizations/me' })
      .reply(200, (opts) => {
        seen.push(headerOf(opts.headers, 'authorization') ?? '');
        return ORG;
      })
      .times(3);
    await client.authenticate();
    const ids = await Promise.all([client.getOrganizationId(), client.getOrganizationId(), client.getOrganizationId()]);
    assert.deepEqual(ids, ['org-1', 'org-1', 'org-1']);
    assert.equal(tokens.count(), 2, 'one sign-in, one refresh shared by the three callers');
    assert.deepEqual(seen, ['Bearer token-2', 'Bearer token-2', 'Bearer token-2']);
  });

  it('a second 401 is an authentication error, with no further attempts', async () => {
    const { client, agent, log } = makeClient();
    const tokens = mockTokens(agent, 2);
    agent
      .get(API)
      .intercept({ path: '/api/v2/organizations/me' })
      .reply(401, { status: 401, code: 'bad.credentials', message: 'Invalid login credentials.', contextId: 'c-401' })
      .times(2);
    await assert.rejects(client.getOrganizationId(), (e: unknown) => {
      assert.ok(isGenesysError(e));
      assert.equal(e.kind, 'authentication');
      assert.equal(e.status, 401);
      assert.equal(e.code, 'bad.credentials');
      assert.equal(e.contextId, 'c-401');
      assert.match(e.message, /client id and secret/);
      assert.match(e.message, /Client Credentials grant/);
      return true;
    });
    assert.equal(tokens.count(), 2);
    assert.equal(log.filter((e) => e.path === '/api/v2/organizations/me').length, 2);
    agent.assertNoPendingInterceptors();
  });

  it('invalid_client names the client id and never the secret (message, stack, log, inspect)', async () => {
    const { client, agent, log } = makeClient();
    agent
      .get(LOGIN)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(
        401,
        { error: 'invalid_client', description: 'client not found', error_description: 'client not found' },
        {
          headers: { 'inin-correlation-id': 'corr-9' },
        },
      );
    const err = await client.authenticate().then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(isGenesysError(err));
    assert.equal(err.kind, 'authentication');
    assert.equal(err.status, 401);
    assert.equal(err.code, 'invalid_client');
    assert.equal(err.correlationId, 'corr-9');
    assert.match(err.message, new RegExp(`'${CLIENT_ID}'`));
    assert.match(err.message, /invalid_client: client not found/);
    assert.match(err.message, /Client Credentials grant/);
    const secretB64 = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
    for (const text of [
      err.message,
      String(err.stack),
      inspect(err, { depth: 10 }),
      JSON.stringify(err),
      JSON.stringify(log),
      inspect(client, { depth: 10 }),
    ]) {
      assert.ok(!text.includes(CLIENT_SECRET), 'secret leaked');
      assert.ok(!text.includes(secretB64), 'encoded secret leaked');
    }
  });

  it('redacts the secret should the token endpoint echo it back', async () => {
    const { client, agent } = makeClient();
    agent
      .get(LOGIN)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(400, { error: 'invalid_request', error_description: `bad secret ${CLIENT_SECRET}` });
    await assert.rejects(client.authenticate(), (e: unknown) => {
      assert.ok(isGenesysError(e));
      assert.equal(e.kind, 'authentication');
      assert.ok(!e.message.includes(CLIENT_SECRET));
      assert.match(e.message, /bad secret \*\*\*/);
      return true;
    });
  });

  it('a token endpoint that is missing is a configuration error', async () => {
    const { client, agent } = makeClient();
    agent.get(LOGIN).intercept({ path: '/oauth/token', method: 'POST' }).reply(404, 'Not Found');
    await assert.rejects(
      client.authenticate(),
      (e: unknown) => isGenesysError(e) && e.kind === 'configuration' && /oauth\/token/.test(e.message),
    );
  });

  it('a token answer without access_token is a server error', async () => {
    const { client, agent } = makeClient();
    agent.get(LOGIN).intercept({ path: '/oauth/token', method: 'POST' }).reply(200, '<html>login page</html>');
    await assert.rejects(
      client.authenticate(),
      (e: unknown) => isGenesysError(e) && e.kind === 'server' && /access_token/.test(e.message),
    );
  });

  it('rejects an empty client id or secret up front', () => {
    assert.throws(
      () => makeClient({ clientId: ' ' }),
      (e: unknown) => isGenesysError(e) && e.kind === 'configuration',
    );
    assert.throws(
      () => makeClient({ clientSecret: '' }),
      (e: unknown) => isGenesysError(e) && e.kind === 'configuration' && e.message.includes(CLIENT_ID),
    );
  });
});
