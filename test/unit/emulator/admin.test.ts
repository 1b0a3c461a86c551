import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Emulator } from '../../../src/emulator/server';
import { REAL_ORG_INTEGRATION_ID, TUTORIAL_INTEGRATION_ID } from '../../../src/emulator/defaultOrgData';
import { assertGenesysError, call, getToken, startWithToken } from './helpers';

const DOC_PATH = `/api/v2/integrations/eventbridge/${TUTORIAL_INTEGRATION_ID}`;

describe('emulator admin API /__emulator/*', () => {
  let emulator: Emulator;
  let token: string;
  before(async () => ({ emulator, token } = await startWithToken()));
  beforeEach(() => emulator.reset());
  after(() => emulator.close());

  it('GET/DELETE requests: the log of API calls, without admin calls', async () => {
    await call(emulator, 'GET', DOC_PATH, { token });
    const log = (await call(emulator, 'GET', '/__emulator/requests')).body;
    assert.deepEqual(
      log.map((r: any) => [r.method, r.path, r.status]),
      [['GET', DOC_PATH, 200]],
    );
    assert.equal((await call(emulator, 'DELETE', '/__emulator/requests')).status, 204);
    assert.deepEqual((await call(emulator, 'GET', '/__emulator/requests')).body, []);
    assert.equal(emulator.requests.length, 0, 'the JS view is the same log');
  });

  it('POST faults takes one rule or a list; GET lists them; DELETE clears them', async () => {
    const added = await call(emulator, 'POST', '/__emulator/faults', {
      body: { path: '/organizations/me', status: 503 },
    });
    assert.equal(added.status, 200);
    await call(emulator, 'POST', '/__emulator/faults', {
      body: [
        { path: '/availabletopics', status: 429, retryAfter: 1, times: 2 },
        { path: '/integrations', delayMs: 10 },
      ],
    });
    const listed = (await call(emulator, 'GET', '/__emulator/faults')).body;
    assert.equal(listed.length, 3);
    assert.equal(listed[1].times, 2);
    assert.equal((await call(emulator, 'GET', '/api/v2/organizations/me', { token })).status, 503);
    assert.equal((await call(emulator, 'DELETE', '/__emulator/faults')).status, 204);
    assert.equal((await call(emulator, 'GET', '/api/v2/notifications/availabletopics', { token })).status, 200);
  });

  it('POST faults with one bad rule in a list answers 400 and adds none', async () => {
    const reply = await call(emulator, 'POST', '/__emulator/faults', {
      body: [{ path: '/a', status: 503 }, { path: '/b' }],
    });
    assert.match(assertGenesysError(reply, 400).message, /Fault rule 1: .*at least one of/);
    assert.deepEqual((await call(emulator, 'GET', '/__emulator/faults')).body, []);
    assertGenesysError(await call(emulator, 'POST', '/__emulator/faults', { body: '{nope' }), 400);
  });

  it('POST expire-tokens makes the current token fail', async () => {
    assert.equal((await call(emulator, 'POST', '/__emulator/expire-tokens')).status, 204);
    assertGenesysError(await call(emulator, 'GET', DOC_PATH, { token }), 401);
    token = await getToken(emulator); // the later tests need a live one
  });

  it('GET/PUT eventbridge/{id} reads and plants documents without validation', async () => {
    assert.equal(
      (await call(emulator, 'GET', `/__emulator/eventbridge/${TUTORIAL_INTEGRATION_ID}`)).body.awsAccount,
      '123456789012',
    );
    const odd = { id: TUTORIAL_INTEGRATION_ID, subscriptions: 'not validated here' };
    assert.equal(
      (await call(emulator, 'PUT', `/__emulator/eventbridge/${TUTORIAL_INTEGRATION_ID}`, { body: odd })).status,
      200,
    );
    assert.deepEqual((await call(emulator, 'GET', DOC_PATH, { token })).body, odd);
    assertGenesysError(await call(emulator, 'GET', `/__emulator/eventbridge/${REAL_ORG_INTEGRATION_ID}`), 404);
    assertGenesysError(
      await call(emulator, 'PUT', `/__emulator/eventbridge/${TUTORIAL_INTEGRATION_ID}`, { body: [1] }),
      400,
    );
  });

  it('GET/PUT config/{id}: a PUT is a concurrent writer that bumps the version', async () => {
    const before = (await call(emulator, 'GET', `/__emulator/config/${REAL_ORG_INTEGRATION_ID}`)).body;
    const written = (
      await call(emulator, 'PUT', `/__emulator/config/${REAL_ORG_INTEGRATION_ID}`, {
        body: { ...before, version: 1, notes: 'other writer' },
      })
    ).body;
    assert.equal(written.version, before.version + 1);
    assert.equal(written.notes, 'other writer');
    const stale = await call(emulator, 'PUT', `/api/v2/integrations/${REAL_ORG_INTEGRATION_ID}/config/current`, {
      token,
      body: before,
    });
    assert.match(assertGenesysError(stale, 409).message, /does not match the current version/);
    assertGenesysError(await call(emulator, 'PUT', '/__emulator/config/unknown-id', { body: { version: 1 } }), 404);
  });

  it('POST reset restores the org data and empties the log', async () => {
    const doc = emulator.getEventBridgeDocument(TUTORIAL_INTEGRATION_ID) as any;
    doc.subscriptions[0].filterCriteria.attributes.push({ key: 'k', matchType: 'exists', values: [] });
    assert.equal((await call(emulator, 'PUT', DOC_PATH, { token, body: doc })).status, 200);
    emulator.setConfig(TUTORIAL_INTEGRATION_ID, { ...emulator.getConfig(TUTORIAL_INTEGRATION_ID)!, notes: 'changed' });
    emulator.addFault({ path: '/nothing', status: 500 });
    assert.equal((await call(emulator, 'POST', '/__emulator/reset')).status, 204);
    assert.deepEqual(
      (emulator.getEventBridgeDocument(TUTORIAL_INTEGRATION_ID) as any).subscriptions[0].filterCriteria.attributes,
      [],
    );
    assert.equal(emulator.getConfig(TUTORIAL_INTEGRATION_ID)?.version, 1);
    assert.deepEqual((await call(emulator, 'GET', '/__emulator/faults')).body, []);
    assert.deepEqual(emulator.requests, []);
    assert.equal((await call(emulator, 'GET', DOC_PATH, { token })).status, 200, 'tokens survive a reset');
  });

  it('answers 404/405 for unknown admin paths and methods', async () => {
    assertGenesysError(await call(emulator, 'GET', '/__emulator/nothing'), 404);
    assertGenesysError(await call(emulator, 'GET', '/__emulator/reset'), 405);
  });
});
