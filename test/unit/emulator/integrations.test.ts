import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Emulator } from '../../../src/emulator/server';
import {
  DATA_ACTIONS_INTEGRATION_ID,
  REAL_ORG_INTEGRATION_ID,
  TUTORIAL_INTEGRATION_ID,
} from '../../../src/emulator/defaultOrgData';
import { assertGenesysError, call, startWithToken } from './helpers';

describe('emulator GET /api/v2/integrations', () => {
  let emulator: Emulator;
  let token: string;
  before(async () => ({ emulator, token } = await startWithToken()));
  after(() => emulator.close());

  it('pages with Genesys paging fields; nextUri only while there is a next page', async () => {
    const pages = [];
    for (let n = 1; n <= 3; n++) {
      pages.push((await call(emulator, 'GET', `/api/v2/integrations?pageSize=2&pageNumber=${n}`, { token })).body);
    }
    for (const [i, page] of pages.entries()) {
      assert.equal(page.pageSize, 2);
      assert.equal(page.pageNumber, i + 1);
      assert.equal(page.total, 6);
      assert.equal(page.pageCount, 3);
      assert.equal(page.entities.length, 2);
      assert.equal(page.firstUri, '/api/v2/integrations?pageSize=2&pageNumber=1');
      assert.equal(page.lastUri, '/api/v2/integrations?pageSize=2&pageNumber=3');
      assert.equal(page.selfUri, `/api/v2/integrations?pageSize=2&pageNumber=${i + 1}`);
    }
    assert.equal(pages[0].nextUri, '/api/v2/integrations?pageSize=2&pageNumber=2');
    assert.equal(pages[1].nextUri, '/api/v2/integrations?pageSize=2&pageNumber=3');
    assert.equal('nextUri' in pages[2], false);
    const ids = pages.flatMap((p) => p.entities.map((e: { id: string }) => e.id));
    assert.equal(new Set(ids).size, 6, 'no integration twice, none missing');
  });

  it('follows nextUri to the end', async () => {
    let uri: string | undefined = '/api/v2/integrations?pageSize=4&pageNumber=1';
    const seen: string[] = [];
    while (uri) {
      const page: any = (await call(emulator, 'GET', uri, { token })).body;
      seen.push(...page.entities.map((e: { id: string }) => e.id));
      uri = page.nextUri;
    }
    assert.equal(seen.length, 6);
  });

  it('defaults to pageSize 25, page 1, and answers an empty page past the end', async () => {
    const first = (await call(emulator, 'GET', '/api/v2/integrations', { token })).body;
    assert.equal(first.pageSize, 25);
    assert.equal(first.pageNumber, 1);
    assert.equal(first.pageCount, 1);
    assert.equal('nextUri' in first, false);
    const beyond = (await call(emulator, 'GET', '/api/v2/integrations?pageSize=25&pageNumber=9', { token })).body;
    assert.deepEqual(beyond.entities, []);
    assert.equal(beyond.total, 6);
  });

  it('serves several integration types with the fields the client reads', async () => {
    const { entities } = (await call(emulator, 'GET', '/api/v2/integrations?pageSize=100', { token })).body;
    const types = new Set(entities.map((e: any) => e.integrationType.id));
    assert.deepEqual([...types].sort(), ['amazon-eventbridge-source', 'purecloud-data-actions', 'webhooks']);
    for (const e of entities) {
      assert.equal(typeof e.name, 'string');
      assert.match(e.intendedState, /^(ENABLED|DISABLED)$/);
      assert.equal(typeof e.reportedState.code, 'string');
      assert.equal(e.selfUri, `/api/v2/integrations/${e.id}`);
    }
    const disabled = entities.find((e: any) => e.intendedState === 'DISABLED');
    assert.equal(disabled.reportedState.code, 'ERROR');
    assert.match(disabled.reportedState.detail.message, /AssumeRole/);
    assert.ok(
      entities.some((e: any) => e.id === REAL_ORG_INTEGRATION_ID),
      'the real-org style integration is listed',
    );
  });

  it('rejects bad paging parameters with 400', async () => {
    for (const query of [
      'pageSize=0',
      'pageSize=abc',
      'pageSize=101',
      'pageNumber=0',
      'pageNumber=-1',
      'pageSize=2.5',
    ]) {
      assertGenesysError(await call(emulator, 'GET', `/api/v2/integrations?${query}`, { token }), 400);
    }
  });

  it('GET /api/v2/integrations/{id} answers the entity, 404 for an unknown id', async () => {
    const reply = await call(emulator, 'GET', `/api/v2/integrations/${TUTORIAL_INTEGRATION_ID}`, { token });
    assert.equal(reply.body.name, 'Voice stream (tutorial)');
    assert.equal(reply.body.integrationType.id, 'amazon-eventbridge-source');
    assert.equal(
      (await call(emulator, 'GET', `/api/v2/integrations/${DATA_ACTIONS_INTEGRATION_ID}`, { token })).body
        .integrationType.id,
      'purecloud-data-actions',
    );
    assert.equal(
      assertGenesysError(
        await call(emulator, 'GET', '/api/v2/integrations/00000000-0000-0000-0000-000000000000', { token }),
        404,
      ).code,
      'not.found',
    );
  });

  it('answers 404 for unknown paths and 405 for a known path with another method', async () => {
    assertGenesysError(await call(emulator, 'GET', '/api/v2/nothing/here', { token }), 404);
    const reply = await call(emulator, 'DELETE', '/api/v2/integrations', { token });
    assertGenesysError(reply, 405);
    assert.equal(reply.headers.get('allow'), 'GET');
  });
});
