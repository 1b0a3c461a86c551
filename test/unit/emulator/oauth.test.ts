import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type Emulator, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../../../src/emulator/server';
import { assertGenesysError, call, getToken, tokenRequest, UUID } from './helpers';

describe('emulator /oauth/token', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({
      clientId: 'my-client',
      clientSecret: 's3cret:with:colons',
      tokenLifetimeSeconds: 600,
    });
  });
  after(() => emulator.close());

  it('issues an opaque bearer token for the configured client and lifetime', async () => {
    const reply = await tokenRequest(emulator);
    assert.equal(reply.status, 200);
    assert.equal(reply.body.token_type, 'bearer');
    assert.equal(reply.body.expires_in, 600);
    assert.match(reply.body.access_token, /^[A-Za-z0-9_-]{32,}$/);
    const second = await tokenRequest(emulator);
    assert.notEqual(second.body.access_token, reply.body.access_token, 'tokens are random');
  });

  it('defaults to the documented credentials', async () => {
    const other = await startEmulator();
    try {
      assert.equal(other.clientId, DEFAULT_CLIENT_ID);
      assert.equal(other.clientSecret, DEFAULT_CLIENT_SECRET);
      assert.equal((await tokenRequest(other, 'emulator-client', 'emulator-secret')).status, 200);
    } finally {
      await other.close();
    }
  });

  it('answers invalid_client for a wrong secret without echoing it', async () => {
    const reply = await tokenRequest(emulator, 'my-client', 'wrong-secret-value');
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error, 'invalid_client');
    assert.equal(typeof reply.body.description, 'string');
    assert.equal(reply.body.error_description, reply.body.description);
    assert.match(reply.body.description, /my-client/);
    assert.doesNotMatch(JSON.stringify(reply.body), /wrong-secret-value|s3cret/);
  });

  it('answers invalid_client for a wrong id and for missing Basic auth', async () => {
    assert.equal((await tokenRequest(emulator, 'someone-else', 's3cret:with:colons')).body.error, 'invalid_client');
    const noAuth = await call(emulator, 'POST', '/oauth/token', {
      body: 'grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(noAuth.status, 401);
    assert.equal(noAuth.body.error, 'invalid_client');
  });

  it('answers unsupported_grant_type for another grant and invalid_request without one', async () => {
    const wrong = await tokenRequest(emulator, undefined, undefined, 'grant_type=password&username=u');
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error, 'unsupported_grant_type');
    const missing = await tokenRequest(emulator, undefined, undefined, 'scope=x');
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error, 'invalid_request');
  });

  it('refuses a JSON body (the platform takes a form)', async () => {
    const basic = Buffer.from('my-client:s3cret:with:colons').toString('base64');
    const reply = await call(emulator, 'POST', '/oauth/token', {
      body: { grant_type: 'client_credentials' },
      headers: { authorization: `Basic ${basic}` },
    });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error, 'invalid_request');
  });
});

describe('emulator bearer tokens on /api/v2', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  it('accepts an issued token and sends the Genesys headers', async () => {
    const token = await getToken(emulator);
    const first = await call(emulator, 'GET', '/api/v2/organizations/me', { token });
    const second = await call(emulator, 'GET', '/api/v2/organizations/me', { token });
    assert.equal(first.status, 200);
    assert.match(first.headers.get('inin-correlation-id') ?? '', UUID);
    assert.notEqual(first.headers.get('inin-correlation-id'), second.headers.get('inin-correlation-id'));
    assert.equal(first.headers.get('inin-ratelimit-allowed'), '300');
    assert.equal(
      Number(second.headers.get('inin-ratelimit-count')),
      Number(first.headers.get('inin-ratelimit-count')) + 1,
    );
    const reset = Number(first.headers.get('inin-ratelimit-reset'));
    assert.ok(reset >= 1 && reset <= 60, `reset ${reset}`);
  });

  it('answers 401 authentication.required without a token, with the Genesys headers', async () => {
    const reply = await call(emulator, 'GET', '/api/v2/integrations');
    assert.equal(assertGenesysError(reply, 401).code, 'authentication.required');
    assert.match(reply.headers.get('inin-correlation-id') ?? '', UUID);
    assert.equal(reply.headers.get('inin-ratelimit-allowed'), '300');
  });

  it('answers 401 bad.credentials for an unknown token, with a fresh contextId each time', async () => {
    const a = assertGenesysError(await call(emulator, 'GET', '/api/v2/integrations', { token: 'not-a-token' }), 401);
    const b = assertGenesysError(await call(emulator, 'GET', '/api/v2/integrations', { token: 'not-a-token' }), 401);
    assert.equal(a.code, 'bad.credentials');
    assert.notEqual(a.contextId, b.contextId);
  });

  it('rejects every token after expireTokens() and issues working new ones', async () => {
    const token = await getToken(emulator);
    assert.equal((await call(emulator, 'GET', '/api/v2/organizations/me', { token })).status, 200);
    emulator.expireTokens();
    assertGenesysError(await call(emulator, 'GET', '/api/v2/organizations/me', { token }), 401);
    const fresh = await getToken(emulator);
    assert.equal((await call(emulator, 'GET', '/api/v2/organizations/me', { token: fresh })).status, 200);
  });

  it('lets a token expire after its lifetime', async () => {
    const shortLived = await startEmulator({ tokenLifetimeSeconds: 0.3 });
    try {
      const token = await getToken(shortLived);
      assert.equal((await call(shortLived, 'GET', '/api/v2/organizations/me', { token })).status, 200);
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(
        assertGenesysError(await call(shortLived, 'GET', '/api/v2/organizations/me', { token }), 401).code,
        'bad.credentials',
      );
    } finally {
      await shortLived.close();
    }
  });
});
