import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { TUTORIAL_INTEGRATION_ID } from '../../../src/emulator/defaultOrgData';
import { call, getToken, tokenRequest } from './helpers';

describe('emulator request log', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ clientSecret: 'very-secret-value' });
  });
  after(() => emulator.close());

  it('records method, path with query, status and parsed body — never credentials', async () => {
    const started = Date.now();
    const token = await getToken(emulator);
    await tokenRequest(emulator, emulator.clientId, 'wrong-secret');
    await call(emulator, 'GET', '/api/v2/integrations?pageSize=2&pageNumber=1', { token });
    const doc = emulator.getEventBridgeDocument(TUTORIAL_INTEGRATION_ID);
    await call(emulator, 'PUT', `/api/v2/integrations/eventbridge/${TUTORIAL_INTEGRATION_ID}`, { token, body: doc });
    await call(emulator, 'GET', '/api/v2/organizations/me', { token: 'unknown' });

    assert.deepEqual(
      emulator.requests.map((r) => [r.method, r.path, r.status]),
      [
        ['POST', '/oauth/token', 200],
        ['POST', '/oauth/token', 401],
        ['GET', '/api/v2/integrations?pageSize=2&pageNumber=1', 200],
        ['PUT', `/api/v2/integrations/eventbridge/${TUTORIAL_INTEGRATION_ID}`, 200],
        ['GET', '/api/v2/organizations/me', 401],
      ],
    );
    assert.deepEqual(emulator.requests[0].body, { grant_type: 'client_credentials' });
    assert.deepEqual(emulator.requests[3].body, doc);
    assert.equal(emulator.requests[2].body, undefined);
    assert.ok(emulator.requests.every((r) => r.at >= started && r.at <= Date.now()));

    const everything = JSON.stringify(emulator.requests);
    const basic = Buffer.from(`${emulator.clientId}:very-secret-value`).toString('base64');
    for (const secret of [token, 'very-secret-value', 'wrong-secret', basic, 'Bearer', 'Basic', 'authorization']) {
      assert.equal(
        everything.toLowerCase().includes(secret.toLowerCase()),
        false,
        `the log contains ${secret === token ? 'the token' : secret}`,
      );
    }
  });

  it('drops secret-looking form fields', async () => {
    emulator.requests.length = 0;
    await tokenRequest(
      emulator,
      undefined,
      undefined,
      'grant_type=client_credentials&client_secret=posted-secret&client_id=x',
    );
    assert.deepEqual(emulator.requests[0].body, { grant_type: 'client_credentials', client_id: 'x' });
  });
});

describe('emulator request log cap', () => {
  it('drops the oldest entries beyond MAX_RECORDED_REQUESTS', async () => {
    const { recordRequest, MAX_RECORDED_REQUESTS } = await import('../../../src/emulator/requestLog');
    const entries: Parameters<typeof recordRequest>[0] = [];
    const request = (n: number) => ({
      method: 'GET',
      pathWithQuery: `/api/v2/x?n=${n}`,
      path: '/api/v2/x',
      query: new URLSearchParams(),
      headers: {},
      rawBody: '',
      json: undefined,
    });
    for (let n = 0; n <= MAX_RECORDED_REQUESTS; n++) recordRequest(entries, request(n), 200, n);
    assert.equal(entries.length, MAX_RECORDED_REQUESTS);
    assert.equal(entries[0].path, '/api/v2/x?n=1');
    assert.equal(entries.at(-1)?.path, `/api/v2/x?n=${MAX_RECORDED_REQUESTS}`);
  });
});
