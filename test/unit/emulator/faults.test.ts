import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { TUTORIAL_INTEGRATION_ID } from '../../../src/emulator/defaultOrgData';
import { assertGenesysError, call, getToken, startWithToken } from './helpers';

const DOC_PATH = `/api/v2/integrations/eventbridge/${TUTORIAL_INTEGRATION_ID}`;

describe('emulator fault injection', () => {
  let emulator: Emulator;
  let token: string;
  before(async () => ({ emulator, token } = await startWithToken()));
  beforeEach(() => emulator.clearFaults());
  after(() => emulator.close());

  it('scripts a 429 with Retry-After and a Genesys body, once by default', async () => {
    emulator.addFault({ path: '/integrations/eventbridge/', status: 429, retryAfter: 3 });
    const limited = await call(emulator, 'GET', DOC_PATH, { token });
    assert.equal(assertGenesysError(limited, 429).code, 'too.many.requests');
    assert.equal(limited.headers.get('retry-after'), '3');
    assert.match(limited.body.message, /\[3\] seconds/);
    assert.equal(limited.headers.get('inin-ratelimit-allowed'), '300');
    assert.match(limited.headers.get('inin-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal((await call(emulator, 'GET', DOC_PATH, { token })).status, 200, 'times defaults to 1');
  });

  it('scripts a 503 a given number of times', async () => {
    emulator.addFault({ method: 'GET', path: DOC_PATH, status: 503, times: 2 });
    assert.equal(assertGenesysError(await call(emulator, 'GET', DOC_PATH, { token }), 503).code, 'service.unavailable');
    assertGenesysError(await call(emulator, 'GET', DOC_PATH, { token }), 503);
    assert.equal((await call(emulator, 'GET', DOC_PATH, { token })).status, 200);
  });

  it('matches by method and by /regex/ on the path including the query', async () => {
    emulator.addFault({ method: 'PUT', path: DOC_PATH, status: 500 });
    emulator.addFault({ path: '/pageNumber=2$/', status: 502 });
    assert.equal((await call(emulator, 'GET', DOC_PATH, { token })).status, 200, 'PUT rule ignores GET');
    assert.equal((await call(emulator, 'GET', '/api/v2/integrations?pageSize=2&pageNumber=1', { token })).status, 200);
    assertGenesysError(await call(emulator, 'GET', '/api/v2/integrations?pageSize=2&pageNumber=2', { token }), 502);
    const doc = emulator.getEventBridgeDocument(TUTORIAL_INTEGRATION_ID);
    assertGenesysError(await call(emulator, 'PUT', DOC_PATH, { token, body: doc }), 500);
  });

  it('sends a scripted body and an HTTP-date Retry-After as given', async () => {
    const date = new Date(Date.now() + 5000).toUTCString();
    emulator.addFault({
      path: '/organizations/me',
      status: 403,
      retryAfter: date,
      body: { status: 403, code: 'missing.permissions', message: 'custom' },
    });
    const reply = await call(emulator, 'GET', '/api/v2/organizations/me', { token });
    assert.equal(reply.status, 403);
    assert.deepEqual(reply.body, { status: 403, code: 'missing.permissions', message: 'custom' });
    assert.equal(reply.headers.get('retry-after'), date);
  });

  it('delays an answer, then serves it normally', async () => {
    emulator.addFault({ path: '/organizations/me', delayMs: 300 });
    const started = Date.now();
    const reply = await call(emulator, 'GET', '/api/v2/organizations/me', { token });
    const elapsed = Date.now() - started;
    assert.equal(reply.status, 200);
    assert.ok(elapsed >= 290, `answered after ${elapsed} ms`);
    const quick = Date.now();
    await call(emulator, 'GET', '/api/v2/organizations/me', { token });
    assert.ok(Date.now() - quick < 250, 'only the first request was delayed');
  });

  it('drops the connection, and records the request with status 0', async () => {
    emulator.addFault({ path: '/organizations/me', drop: true });
    await assert.rejects(call(emulator, 'GET', '/api/v2/organizations/me', { token }), (err: Error) => {
      assert.equal(err.name, 'TypeError'); // fetch failed: socket closed
      return true;
    });
    const last = emulator.requests.at(-1);
    assert.deepEqual([last?.path, last?.status], ['/api/v2/organizations/me', 0]);
    assert.equal((await call(emulator, 'GET', '/api/v2/organizations/me', { token })).status, 200);
  });

  it('can fail the token endpoint too', async () => {
    emulator.addFault({ path: '/oauth/token', status: 503 });
    const basic = Buffer.from(`${emulator.clientId}:${emulator.clientSecret}`).toString('base64');
    const reply = await call(emulator, 'POST', '/oauth/token', {
      body: 'grant_type=client_credentials',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(reply.status, 503);
  });

  it('applies the first matching rule first', async () => {
    emulator.addFault({ path: '/organizations/me', status: 429, retryAfter: 1 });
    emulator.addFault({ path: '/organizations/me', status: 503 });
    assert.equal((await call(emulator, 'GET', '/api/v2/organizations/me', { token })).status, 429);
    assert.equal((await call(emulator, 'GET', '/api/v2/organizations/me', { token })).status, 503);
    assert.equal((await call(emulator, 'GET', '/api/v2/organizations/me', { token })).status, 200);
  });

  it('rejects invalid rules with the reason', () => {
    assert.throws(() => emulator.addFault({ path: 'x' }), /at least one of status, drop, delayMs/);
    assert.throws(() => emulator.addFault({ status: 99 }), /status/);
    assert.throws(() => emulator.addFault({ status: 503, times: 0 }), /times/);
    assert.throws(() => emulator.addFault({ drop: true, status: 503 }), /cannot both/);
    assert.throws(() => emulator.addFault({ path: '/([/', status: 500 }), /not a valid regular expression/);
    assert.throws(
      () => emulator.addFault({ status: 500, colour: 'red' } as never),
      /unknown fault rule field "colour"/,
    );
  });

  it('close() ends a pending delay at once', async () => {
    const other = await startEmulator();
    let closing: Promise<void> | undefined;
    try {
      const otherToken = await getToken(other);
      other.addFault({ path: '/organizations/me', delayMs: 60_000 });
      const pending = call(other, 'GET', '/api/v2/organizations/me', { token: otherToken }).catch((err: Error) => err);
      await new Promise((r) => setTimeout(r, 50));
      const started = Date.now();
      closing = other.close();
      await closing;
      assert.ok(Date.now() - started < 1000, 'close did not wait for the delay');
      assert.ok((await pending) instanceof Error, 'the delayed request was cut off');
    } finally {
      await (closing ?? other.close());
    }
  });

  it('treats slash-delimited plain paths as substrings, not regexes', async () => {
    emulator.addFault({ path: '/api/v2/integrations/', status: 500 });
    assert.equal(
      (await call(emulator, 'GET', '/api/v2/integrations?pageSize=2', { token })).status,
      200,
      'the listing does not contain "/api/v2/integrations/"',
    );
    assert.equal((await call(emulator, 'GET', DOC_PATH, { token })).status, 500);
  });

  it('treats /config/current as a substring (its last segment is no regex flag list)', async () => {
    const configPath = `/api/v2/integrations/${TUTORIAL_INTEGRATION_ID}/config/current`;
    emulator.addFault({ path: '/config/current', status: 503 });
    assert.equal((await call(emulator, 'GET', DOC_PATH, { token })).status, 200, 'other paths are not matched');
    assertGenesysError(await call(emulator, 'GET', configPath, { token }), 503);
    assert.equal((await call(emulator, 'GET', configPath, { token })).status, 200, 'used up after one match');
    // A path whose last segment happens to be made of flag letters ("/mi") is still a plain substring.
    emulator.addFault({ path: '/organizations/me', status: 500 });
    emulator.addFault({ path: '/api/v2/organizations/mi', status: 500 });
    assertGenesysError(await call(emulator, 'GET', '/api/v2/organizations/me', { token }), 500);
    assert.equal(
      (await call(emulator, 'GET', '/api/v2/organizations/me', { token })).status,
      200,
      'the "/mi" rule matches nothing here',
    );
  });

  it('expireTokens: the old token gets the platform 401 until a new one is fetched', async () => {
    const other = await startEmulator();
    try {
      const oldToken = await getToken(other);
      other.addFault({ method: 'GET', path: '/organizations/me', expireTokens: true });
      assert.equal(
        assertGenesysError(await call(other, 'GET', '/api/v2/organizations/me', { token: oldToken }), 401).code,
        'bad.credentials',
      );
      // Unlike a scripted 401, the token stays dead: retrying without refreshing keeps failing.
      assertGenesysError(await call(other, 'GET', '/api/v2/organizations/me', { token: oldToken }), 401);
      const fresh = await getToken(other);
      assert.equal((await call(other, 'GET', '/api/v2/organizations/me', { token: fresh })).status, 200);
      assert.deepEqual(
        other.requests.map((r) => r.status),
        [200, 401, 401, 200, 200],
      );
    } finally {
      await other.close();
    }
  });

  it('expireTokens can come from a data file rule, combined with a delay, and rejects a non-boolean', async () => {
    const { defaultOrgData } = await import('../../../src/emulator/defaultOrgData');
    const orgData = defaultOrgData();
    orgData.faults = [{ path: '/api/v2/integrations', expireTokens: true, delayMs: 50, times: 1 }];
    const seeded = await startEmulator({ data: orgData });
    try {
      const seededToken = await getToken(seeded);
      assert.equal(
        (await call(seeded, 'GET', '/api/v2/organizations/me', { token: seededToken })).status,
        200,
        'the rule waits for its path',
      );
      assertGenesysError(await call(seeded, 'GET', '/api/v2/integrations', { token: seededToken }), 401);
    } finally {
      await seeded.close();
    }
    assert.throws(() => emulator.addFault({ expireTokens: 'yes' } as never), /expireTokens must be true or false/);
    assert.throws(
      () => emulator.addFault({ expireTokens: false }),
      /at least one of status, drop, delayMs, expireTokens/,
    );
  });

  it('loads faults from the orgData and restores them on reset', async () => {
    const { defaultOrgData } = await import('../../../src/emulator/defaultOrgData');
    const orgData = defaultOrgData();
    orgData.faults = [{ path: '/organizations/me', status: 429, retryAfter: 2 }];
    const seeded = await startEmulator({ data: orgData });
    try {
      const seededToken = await getToken(seeded);
      assert.equal((await call(seeded, 'GET', '/api/v2/organizations/me', { token: seededToken })).status, 429);
      assert.equal((await call(seeded, 'GET', '/api/v2/organizations/me', { token: seededToken })).status, 200);
      seeded.reset();
      assert.equal((await call(seeded, 'GET', '/api/v2/organizations/me', { token: seededToken })).status, 429);
    } finally {
      await seeded.close();
    }
  });
});
