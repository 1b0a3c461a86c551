import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Emulator } from '../../../src/emulator/server';
import {
  REAL_ORG_INTEGRATION_ID,
  TUTORIAL_INTEGRATION_ID,
  WEBHOOK_INTEGRATION_ID,
} from '../../../src/emulator/defaultOrgData';
import { assertGenesysError, call, startWithToken } from './helpers';

const configPath = (id: string) => `/api/v2/integrations/${id}/config/current`;

describe('emulator /api/v2/integrations/{id}/config/current', () => {
  let emulator: Emulator;
  let token: string;
  before(async () => ({ emulator, token } = await startWithToken()));
  beforeEach(() => emulator.reset());
  after(() => emulator.close());

  it('GET answers name, version, properties, advanced, notes, credentials for every EventBridge integration', async () => {
    const { entities } = (await call(emulator, 'GET', '/api/v2/integrations?pageSize=100', { token })).body;
    const eventBridge = entities.filter((e: any) => e.integrationType.id === 'amazon-eventbridge-source');
    assert.equal(eventBridge.length, 4);
    for (const entity of eventBridge) {
      const config = (await call(emulator, 'GET', configPath(entity.id), { token })).body;
      for (const field of ['name', 'version', 'properties', 'advanced', 'notes', 'credentials']) {
        assert.ok(field in config, `${entity.id} lacks ${field}`);
      }
      assert.equal(config.name, entity.name);
      assert.equal(config.version, entity.config.current.version);
      assert.match(config.properties.awsAccountId, /^\d{12}$/);
      assert.equal(typeof config.properties.awsAccountRegion, 'string');
      assert.equal(typeof config.properties.eventSourceSuffix, 'string');
      assert.ok(Array.isArray(config.properties.eventFilter) && config.properties.eventFilter.length > 0);
    }
  });

  it('a non-EventBridge integration has a config too', async () => {
    const config = (await call(emulator, 'GET', configPath(WEBHOOK_INTEGRATION_ID), { token })).body;
    assert.equal(config.version, 1);
    assert.deepEqual(config.properties, {});
  });

  it('PUT with the current version stores the whole body and bumps the version', async () => {
    const current = (await call(emulator, 'GET', configPath(REAL_ORG_INTEGRATION_ID), { token })).body;
    const next = structuredClone(current);
    next.properties.eventFilter.push('v2.users.{id}.routingStatus');
    next.properties.unknownProperty = { kept: true };
    next.advanced = { somethingNew: [1, 2] };
    next.extraTopLevel = 'kept';
    const reply = await call(emulator, 'PUT', configPath(REAL_ORG_INTEGRATION_ID), { token, body: next });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { ...next, version: current.version + 1 });
    assert.deepEqual((await call(emulator, 'GET', configPath(REAL_ORG_INTEGRATION_ID), { token })).body, reply.body);
    const entity = (await call(emulator, 'GET', `/api/v2/integrations/${REAL_ORG_INTEGRATION_ID}`, { token })).body;
    assert.equal(entity.config.current.version, current.version + 1, 'the listing follows the config version');
  });

  it('PUT with a stale version answers 409 "does not match the current version" and stores nothing', async () => {
    const current = (await call(emulator, 'GET', configPath(TUTORIAL_INTEGRATION_ID), { token })).body;
    emulator.setConfig(TUTORIAL_INTEGRATION_ID, { ...current, notes: 'a concurrent writer' });
    const afterWriter = emulator.getConfig(TUTORIAL_INTEGRATION_ID);
    assert.equal(afterWriter?.version, current.version + 1, 'setConfig bumps the version');
    const stale = { ...current, notes: 'mine' };
    const error = assertGenesysError(
      await call(emulator, 'PUT', configPath(TUTORIAL_INTEGRATION_ID), { token, body: stale }),
      409,
    );
    assert.match(error.message, /does not match the current version/);
    assert.deepEqual(emulator.getConfig(TUTORIAL_INTEGRATION_ID), afterWriter);
  });

  const invalid: [string, (c: any) => unknown, RegExp][] = [
    [
      'no version',
      (c) => {
        delete c.version;
        return c;
      },
      /version is required/,
    ],
    ['a version that is not an integer', (c) => ({ ...c, version: '1' }), /integer/],
    [
      'eventFilter not an array',
      (c) => {
        c.properties.eventFilter = 'v2.users.{id}.presence';
        return c;
      },
      /eventFilter must be an array of strings/,
    ],
    [
      'eventFilter with a non-string',
      (c) => {
        c.properties.eventFilter = ['v2.users.{id}.presence', 7];
        return c;
      },
      /array of strings/,
    ],
    [
      'eventFilter with a duplicate',
      (c) => {
        c.properties.eventFilter = ['a.b', 'a.b'];
        return c;
      },
      /more than once/,
    ],
    [
      'eventFilter with whitespace',
      (c) => {
        c.properties.eventFilter = ['a .b'];
        return c;
      },
      /invalid topic name/,
    ],
    ['properties not an object', (c) => ({ ...c, properties: [] }), /properties must be an object/],
    [
      'a bad eventSourceSuffix',
      (c) => {
        c.properties.eventSourceSuffix = 'has space';
        return c;
      },
      /eventSourceSuffix/,
    ],
    [
      'a bad awsAccountId',
      (c) => {
        c.properties.awsAccountId = '12345';
        return c;
      },
      /awsAccountId/,
    ],
  ];
  for (const [name, mutate, message] of invalid) {
    it(`PUT answers 400 for ${name}`, async () => {
      const current = (await call(emulator, 'GET', configPath(TUTORIAL_INTEGRATION_ID), { token })).body;
      const error = assertGenesysError(
        await call(emulator, 'PUT', configPath(TUTORIAL_INTEGRATION_ID), {
          token,
          body: mutate(structuredClone(current)),
        }),
        400,
      );
      assert.match(error.message, message);
      assert.deepEqual(emulator.getConfig(TUTORIAL_INTEGRATION_ID), current);
    });
  }

  it('answers 404 for an unknown integration', async () => {
    const id = '00000000-0000-0000-0000-000000000000';
    assertGenesysError(await call(emulator, 'GET', configPath(id), { token }), 404);
    assertGenesysError(await call(emulator, 'PUT', configPath(id), { token, body: { version: 1 } }), 404);
    assert.throws(() => emulator.setConfig(id, { version: 1 }), /No integration/);
  });
});
