import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Emulator } from '../../../src/emulator/server';
import {
  DATA_ACTIONS_INTEGRATION_ID,
  MULTI_SUBSCRIPTION_INTEGRATION_ID,
  REAL_ORG_INTEGRATION_ID,
  TUTORIAL_INTEGRATION_ID,
} from '../../../src/emulator/defaultOrgData';
import { assertGenesysError, call, startWithToken } from './helpers';

const PATH = `/api/v2/integrations/eventbridge/${TUTORIAL_INTEGRATION_ID}`;

/** The tutorial's documented response, verbatim. */
const TUTORIAL_DOC = {
  id: '8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c',
  awsAccount: '123456789012',
  awsRegion: 'us-east-1',
  roleArn: 'arn:aws:iam::123456789012:role/GenesysEventBridgeRole',
  subscriptions: [
    {
      name: 'default-voice-stream',
      events: ['voice:call:start', 'voice:call:end'],
      filterCriteria: { attributes: [] },
    },
  ],
};

function withAttributes(attributes: unknown[]): Record<string, unknown> {
  const doc = structuredClone(TUTORIAL_DOC) as any;
  doc.subscriptions[0].filterCriteria.attributes = attributes;
  return doc;
}

describe('emulator subscription-filter endpoint /api/v2/integrations/eventbridge/{id}', () => {
  let emulator: Emulator;
  let token: string;
  before(async () => ({ emulator, token } = await startWithToken()));
  beforeEach(() => emulator.reset());
  after(() => emulator.close());

  it('GET answers the tutorial document exactly', async () => {
    const reply = await call(emulator, 'GET', PATH, { token });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, TUTORIAL_DOC);
  });

  it('PUT stores the whole document, unknown fields at every level included', async () => {
    const doc = {
      ...TUTORIAL_DOC,
      topLevelExtra: { nested: [1, 2, { deep: true }] },
      subscriptions: [
        {
          name: 'default-voice-stream',
          events: ['voice:call:start'],
          subscriptionExtra: 'kept',
          filterCriteria: {
            criteriaExtra: null,
            attributes: [
              {
                key: 'interaction.routing.queue.name',
                matchType: 'regex',
                values: ['^Premium.*$'],
                attributeExtra: 42,
              },
              { key: 'interaction.direction', matchType: 'exact', values: ['inbound', 'outbound'] },
              { key: 'interaction.customer.id', matchType: 'exists', values: [] },
              { key: 'interaction.transfer.id', matchType: 'notexists' },
            ],
          },
        },
      ],
    };
    const reply = await call(emulator, 'PUT', PATH, { token, body: doc });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, doc);
    assert.deepEqual((await call(emulator, 'GET', PATH, { token })).body, doc);
    assert.deepEqual(emulator.getEventBridgeDocument(TUTORIAL_INTEGRATION_ID), doc);
  });

  it('serves the seeded unknown fields of the multi-subscription integration', async () => {
    const doc = (
      await call(emulator, 'GET', `/api/v2/integrations/eventbridge/${MULTI_SUBSCRIPTION_INTEGRATION_ID}`, { token })
    ).body;
    assert.equal(typeof doc.description, 'string');
    assert.equal(doc.deliveryPolicy.maxAttempts, 3);
    assert.deepEqual(
      doc.subscriptions.map((s: any) => s.name),
      ['premium-queues', 'digital-channels', 'agent-audit'],
    );
    const matchTypes = doc.subscriptions
      .flatMap((s: any) => s.filterCriteria?.attributes ?? [])
      .map((a: any) => a.matchType);
    assert.deepEqual([...new Set(matchTypes)].sort(), ['exact', 'exists', 'notexists', 'regex']);
    assert.equal(doc.subscriptions[0].filterCriteria.attributes[0].caseSensitive, false);
  });

  const invalid: [string, unknown, RegExp][] = [
    [
      'missing awsAccount',
      (() => {
        const d: any = structuredClone(TUTORIAL_DOC);
        delete d.awsAccount;
        return d;
      })(),
      /awsAccount/,
    ],
    [
      'missing awsRegion',
      (() => {
        const d: any = structuredClone(TUTORIAL_DOC);
        delete d.awsRegion;
        return d;
      })(),
      /awsRegion/,
    ],
    [
      'missing roleArn',
      (() => {
        const d: any = structuredClone(TUTORIAL_DOC);
        delete d.roleArn;
        return d;
      })(),
      /roleArn/,
    ],
    ['empty roleArn', { ...TUTORIAL_DOC, roleArn: '  ' }, /roleArn/],
    ['subscriptions not an array', { ...TUTORIAL_DOC, subscriptions: { name: 'x' } }, /subscriptions/],
    [
      'subscriptions missing',
      (() => {
        const d: any = structuredClone(TUTORIAL_DOC);
        delete d.subscriptions;
        return d;
      })(),
      /subscriptions/,
    ],
    ['a subscription without a name', { ...TUTORIAL_DOC, subscriptions: [{ events: [] }] }, /name/],
    [
      'two subscriptions with one name',
      { ...TUTORIAL_DOC, subscriptions: [{ name: 'a' }, { name: 'a' }] },
      /more than once/,
    ],
    [
      'attributes not an array',
      { ...TUTORIAL_DOC, subscriptions: [{ name: 'a', filterCriteria: { attributes: {} } }] },
      /attributes/,
    ],
    ['bad matchType', withAttributes([{ key: 'k', matchType: 'prefix', values: ['a'] }]), /matchType "prefix"/],
    ['regex without a value', withAttributes([{ key: 'k', matchType: 'regex', values: [] }]), /exactly one/],
    ['regex with two values', withAttributes([{ key: 'k', matchType: 'regex', values: ['a', 'b'] }]), /exactly one/],
    ['exact without values', withAttributes([{ key: 'k', matchType: 'exact', values: [] }]), /at least one/],
    ['exists with values', withAttributes([{ key: 'k', matchType: 'exists', values: ['x'] }]), /takes no values/],
    [
      'an invalid regex',
      withAttributes([{ key: 'k', matchType: 'regex', values: ['^(Premium'] }]),
      /not a valid regular expression/,
    ],
    ['an empty regex', withAttributes([{ key: 'k', matchType: 'regex', values: [''] }]), /empty/],
    ['values not strings', withAttributes([{ key: 'k', matchType: 'exact', values: [1] }]), /array of strings/],
    [
      'a duplicate attribute key',
      withAttributes([
        { key: 'k', matchType: 'exists' },
        { key: 'k', matchType: 'notexists' },
      ]),
      /more than one filter/,
    ],
    ['an id that is not the path id', { ...TUTORIAL_DOC, id: 'other' }, /does not match/],
    ['a body that is not an object', [TUTORIAL_DOC], /JSON object/],
    ['a body that is not JSON', '{"awsAccount": ', /not valid JSON/],
  ];
  for (const [name, body, message] of invalid) {
    it(`PUT answers 400 for ${name} and changes nothing`, async () => {
      const before = emulator.getEventBridgeDocument(TUTORIAL_INTEGRATION_ID);
      const error = assertGenesysError(await call(emulator, 'PUT', PATH, { token, body }), 400);
      assert.match(error.message, message);
      assert.deepEqual(emulator.getEventBridgeDocument(TUTORIAL_INTEGRATION_ID), before);
    });
  }

  it('answers 404 for an unknown id, a real-org style integration and a non-EventBridge one', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', REAL_ORG_INTEGRATION_ID, DATA_ACTIONS_INTEGRATION_ID]) {
      const path = `/api/v2/integrations/eventbridge/${id}`;
      assert.equal(assertGenesysError(await call(emulator, 'GET', path, { token }), 404).code, 'not.found');
      assertGenesysError(await call(emulator, 'PUT', path, { token, body: { ...TUTORIAL_DOC, id } }), 404);
    }
    assert.equal(emulator.getEventBridgeDocument(REAL_ORG_INTEGRATION_ID), undefined, 'a 404 PUT creates nothing');
  });

  it('hands out copies: mutating a returned document does not change the emulator', async () => {
    const doc = emulator.getEventBridgeDocument(TUTORIAL_INTEGRATION_ID) as any;
    doc.awsAccount = 'mutated';
    assert.equal((emulator.getEventBridgeDocument(TUTORIAL_INTEGRATION_ID) as any).awsAccount, '123456789012');
  });
});
