import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { DEFAULT_ORG_ID } from '../../../src/emulator/defaultOrgData';
import { call, getToken, startWithToken } from './helpers';

describe('emulator availabletopics and organizations/me', () => {
  let emulator: Emulator;
  let token: string;
  before(async () => ({ emulator, token } = await startWithToken()));
  after(() => emulator.close());

  it('serves a realistic topic catalogue', async () => {
    const reply = await call(emulator, 'GET', '/api/v2/notifications/availabletopics', { token });
    assert.equal(reply.status, 200);
    const ids: string[] = reply.body.entities.map((t: any) => t.id);
    assert.ok(ids.length >= 25 && ids.length <= 40, `${ids.length} topics`);
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    for (const expected of [
      'v2.detail.events.conversation.{id}.customer.start',
      'v2.detail.events.conversation.{id}.customer.end',
      'v2.detail.events.conversation.{id}.acw',
      'v2.detail.events.conversation.{id}.acd.start',
      'v2.detail.events.conversation.{id}.acd.end',
      'v2.detail.events.conversation.{id}.user.start',
      'v2.detail.events.conversation.{id}.user.end',
      'v2.audits.entitytype.{id}.entityid.{id}',
      'v2.routing.queues.{id}.conversations',
      'v2.routing.queues.{id}.users',
      'v2.users.{id}.presence',
      'v2.users.{id}.routingStatus',
      'v2.users.{id}.conversations',
      'v2.conversations.{id}.transcription',
    ]) {
      assert.ok(ids.includes(expected), `${expected} missing`);
    }
    for (const topic of reply.body.entities) {
      assert.equal(typeof topic.description, 'string');
      assert.ok(Array.isArray(topic.requiresPermissions));
      assert.equal('schema' in topic, false, 'schemas only with expand=schema');
      assert.match(topic.id, /^v2(\.[A-Za-z0-9]+|\.\{id\})+$/);
    }
  });

  it('includes schemas with expand=schema', async () => {
    const { entities } = (await call(emulator, 'GET', '/api/v2/notifications/availabletopics?expand=schema', { token }))
      .body;
    assert.ok(entities.every((t: any) => t.schema && t.schema.type === 'object'));
  });

  it('answers the organization with the fixed default id', async () => {
    const org = (await call(emulator, 'GET', '/api/v2/organizations/me', { token })).body;
    assert.equal(org.id, DEFAULT_ORG_ID);
    assert.equal(typeof org.name, 'string');
  });

  it('takes the org id from the options', async () => {
    const other = await startEmulator({ orgId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' });
    try {
      const org = (await call(other, 'GET', '/api/v2/organizations/me', { token: await getToken(other) })).body;
      assert.equal(org.id, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
      other.reset();
      assert.equal(
        (await call(other, 'GET', '/api/v2/organizations/me', { token: await getToken(other) })).body.id,
        'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        'reset keeps the override',
      );
    } finally {
      await other.close();
    }
  });
});
