import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../src/emulator/server';
import { loadOrgDataFile, validateOrgData } from '../../../src/emulator/orgData';
import { defaultOrgData, REAL_ORG_INTEGRATION_ID } from '../../../src/emulator/defaultOrgData';
import { EVENTBRIDGE_TYPE_ID } from '../../../src/genesys/integrations';
import { call, getToken } from './helpers';

describe('emulator org data', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-org-data-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('default: every EventBridge integration has a config with the four properties; only the real-org one lacks a document', () => {
    const orgData = defaultOrgData();
    const eventBridge = orgData.integrations.filter((e: any) => e.integrationType.id === EVENTBRIDGE_TYPE_ID);
    assert.equal(eventBridge.length, 4);
    for (const entity of eventBridge) {
      const props = orgData.configs![entity.id as string].properties as Record<string, unknown>;
      assert.deepEqual(Object.keys(props).sort(), [
        'awsAccountId',
        'awsAccountRegion',
        'eventFilter',
        'eventSourceSuffix',
      ]);
    }
    const withoutDocument = eventBridge
      .filter((e) => !(String(e.id) in orgData.eventBridgeDocuments!))
      .map((e) => e.id);
    assert.deepEqual(withoutDocument, [REAL_ORG_INTEGRATION_ID]);
    assert.equal(validateOrgData(orgData), undefined);
  });

  it('defaultOrgData() hands out independent copies', () => {
    const a = defaultOrgData();
    a.integrations.length = 0;
    assert.equal(defaultOrgData().integrations.length, 6);
  });

  it('serves a data file, with a generated config for integrations the file gives none', async () => {
    const file = join(dir, 'orgData.json');
    const orgData = {
      organization: { id: 'org-from-file', name: 'File org' },
      integrations: [
        {
          id: 'int-1',
          name: 'From file',
          integrationType: { id: EVENTBRIDGE_TYPE_ID },
          intendedState: 'ENABLED',
          custom: 'kept',
        },
      ],
      eventBridgeDocuments: {
        'int-1': { id: 'int-1', awsAccount: '1', awsRegion: 'r', roleArn: 'a', subscriptions: [] },
      },
    };
    writeFileSync(file, JSON.stringify(orgData));
    const emulator = await startEmulator({ dataFile: file });
    try {
      const token = await getToken(emulator);
      const listing = (await call(emulator, 'GET', '/api/v2/integrations', { token })).body;
      assert.equal(listing.total, 1);
      assert.equal(listing.entities[0].custom, 'kept');
      assert.equal((await call(emulator, 'GET', '/api/v2/organizations/me', { token })).body.id, 'org-from-file');
      assert.equal(
        (await call(emulator, 'GET', '/api/v2/integrations/int-1/config/current', { token })).body.version,
        1,
      );
      assert.deepEqual(
        (await call(emulator, 'GET', '/api/v2/integrations/eventbridge/int-1', { token })).body,
        orgData.eventBridgeDocuments['int-1'],
      );
      const topics = (await call(emulator, 'GET', '/api/v2/notifications/availabletopics', { token })).body.entities;
      assert.ok(topics.length >= 25, 'the built-in catalogue when the file has none');
    } finally {
      await emulator.close();
    }
  });

  it('names the file and the problem for an unusable data file', () => {
    const missing = join(dir, 'missing.json');
    assert.throws(
      () => loadOrgDataFile(missing),
      new RegExp(`Cannot read data file ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`),
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"organization": ');
    assert.throws(() => loadOrgDataFile(broken), /broken\.json is not valid JSON/);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ organization: { id: 'o' }, integrations: [{ id: 'a', name: 'x' }] }));
    assert.throws(() => loadOrgDataFile(wrong), /wrong\.json: integrations\[0\]\.integrationType\.id must be a string/);
  });

  it('validateOrgData explains each kind of problem', () => {
    const base = () => defaultOrgData() as any;
    const cases: [string, (s: any) => unknown, RegExp][] = [
      ['not an object', () => [], /must be a JSON object/],
      [
        'no organization id',
        (s) => {
          s.organization = {};
          return s;
        },
        /organization/,
      ],
      [
        'integrations not an array',
        (s) => {
          s.integrations = {};
          return s;
        },
        /integrations must be an array/,
      ],
      [
        'duplicate ids',
        (s) => {
          s.integrations.push(s.integrations[0]);
          return s;
        },
        /appears twice/,
      ],
      [
        'config without version',
        (s) => {
          delete s.configs[REAL_ORG_INTEGRATION_ID].version;
          return s;
        },
        /version must be an integer/,
      ],
      [
        'bad fault',
        (s) => {
          s.faults = [{ status: 'x' }];
          return s;
        },
        /faults\[0\]: status/,
      ],
      [
        'topics without ids',
        (s) => {
          s.availableTopics = [{}];
          return s;
        },
        /availableTopics\[0\]/,
      ],
    ];
    for (const [name, make, message] of cases) {
      assert.match(validateOrgData(make(base())) ?? 'no problem found', message, name);
    }
  });

  it('startEmulator refuses bad options with a reason', async () => {
    await assert.rejects(startEmulator({ data: defaultOrgData(), dataFile: 'x.json' }), /either dataFile or data/);
    await assert.rejects(startEmulator({ port: 70000 }), /port must be/);
    await assert.rejects(startEmulator({ tokenLifetimeSeconds: 0 }), /tokenLifetimeSeconds/);
    await assert.rejects(startEmulator({ clientSecret: '' }), /clientSecret/);
    await assert.rejects(startEmulator({ data: { integrations: [] } as never }), /Invalid org data: organization/);
  });

  it('reports a port in use', async () => {
    const first = await startEmulator();
    try {
      await assert.rejects(startEmulator({ port: first.port }), /could not listen on 127\.0\.0\.1:\d+: EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
