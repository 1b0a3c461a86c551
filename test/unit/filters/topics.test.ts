import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/filters/json';
import {
  applyTopicEdit, eventSourceName, readEventBridgeProperties, TopicEditError, validateTopicEdit, validateTopicName,
} from '../../../src/filters/topics';

function config(): JsonObject {
  return {
    name: 'Voice stream',
    version: 4,
    properties: {
      awsAccountId: '123456789012',
      awsAccountRegion: 'us-east-1',
      eventSourceSuffix: 'voice-stream',
      eventFilter: ['v2.detail.events.conversation.{id}.customer.start', 'v2.users.{id}.presence'],
      propertyUnknown: { keep: true },
    },
    advanced: { a: 1 },
    notes: 'n',
    credentials: {},
    topLevelUnknown: [1, 2],
  };
}

describe('readEventBridgeProperties', () => {
  it('reads the typed fields and the topic list', () => {
    assert.deepEqual(readEventBridgeProperties(config()), {
      awsAccountId: '123456789012', awsAccountRegion: 'us-east-1', eventSourceSuffix: 'voice-stream',
      eventFilter: ['v2.detail.events.conversation.{id}.customer.start', 'v2.users.{id}.presence'],
    });
  });

  it('tolerates missing or odd properties', () => {
    assert.deepEqual(readEventBridgeProperties({}), { eventFilter: [] });
    assert.deepEqual(readEventBridgeProperties({ properties: null }), { eventFilter: [] });
    assert.deepEqual(readEventBridgeProperties({ properties: { awsAccountId: 5, awsAccountRegion: '', eventFilter: ['a.b', 3] } }), { eventFilter: ['a.b'] });
  });
});

describe('validateTopicName', () => {
  it('accepts real topic shapes', () => {
    for (const topic of ['v2.detail.events.conversation.{id}.customer.start', 'v2.audits.entitytype.{id}.entityid.{id}',
      'v2.conversations.{id}.transcription', 'v2.routing.queues.{id}.conversations.calls', 'v2.users.4a3b-9f_x.activity', 'single']) {
      assert.equal(validateTopicName(topic), undefined, topic);
    }
  });

  it('rejects bad names with a reason', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['v2.users .presence', /whitespace at position 8/],
      ['.v2.users', /starts with/],
      ['v2.users.', /ends with/],
      ['v2..users', /empty segment \(".."\) after "v2"/],
      ['v2.users.{userId}.presence', /only placeholder is a whole segment "\{id\}"/],
      ['v2.users.x{id}', /only placeholder/],
      ['v2.users.*', /characters other than letters/],
      ['v'.repeat(257), /257 characters/],
    ];
    for (const [topic, reason] of cases) assert.match(validateTopicName(topic) ?? 'accepted', reason, topic);
  });
});

describe('validateTopicEdit', () => {
  it('accepts adding new topics and removing present ones', () => {
    assert.equal(validateTopicEdit(config(), { add: ['v2.audits.entitytype.{id}.entityid.{id}'], remove: ['v2.users.{id}.presence'] }), undefined);
    assert.equal(validateTopicEdit({}, { add: ['v2.a'], remove: [] }), undefined);
  });

  it('rejects empty edits, invalid names, duplicates, re-adds and removals of absent topics', () => {
    const c = config();
    assert.match(validateTopicEdit(c, { add: [], remove: [] }) ?? '', /no topics/);
    assert.match(validateTopicEdit(c, { add: ['bad topic'], remove: [] }) ?? '', /invalid topic "bad topic": .*whitespace/);
    assert.match(validateTopicEdit(c, { add: ['v2.a', 'v2.a'], remove: [] }) ?? '', /"v2.a" is given more than once/);
    assert.match(validateTopicEdit(c, { add: ['v2.users.{id}.presence'], remove: ['v2.users.{id}.presence'] }) ?? '', /more than once/);
    assert.match(validateTopicEdit(c, { add: ['v2.users.{id}.presence'], remove: [] }) ?? '', /already in the topic filter/);
    assert.match(validateTopicEdit(c, { add: [], remove: ['v2.not.there'] }) ?? '', /"v2.not.there" is not in the topic filter/);
    assert.match(validateTopicEdit({ properties: 'x' }, { add: ['v2.a'], remove: [] }) ?? '', /"properties" member that is not an object/);
    assert.match(validateTopicEdit({ properties: { eventFilter: 'v2.a' } }, { add: ['v2.b'], remove: [] }) ?? '', /not a list/);
  });
});

describe('applyTopicEdit', () => {
  it('adds and removes topics on a deep copy and keeps every other field and the order', () => {
    const original = config();
    const before = JSON.stringify(original);
    const edited = applyTopicEdit(original, { add: ['v2.audits.entitytype.{id}.entityid.{id}'], remove: ['v2.detail.events.conversation.{id}.customer.start'] });
    const expected = config();
    (expected.properties as JsonObject).eventFilter = ['v2.users.{id}.presence', 'v2.audits.entitytype.{id}.entityid.{id}'];
    assert.equal(JSON.stringify(edited), JSON.stringify(expected));
    assert.equal(JSON.stringify(original), before, 'input untouched');
  });

  it('creates properties and eventFilter when missing', () => {
    assert.deepEqual(applyTopicEdit({ name: 'n', version: 1 }, { add: ['v2.a.{id}'], remove: [] }), { name: 'n', version: 1, properties: { eventFilter: ['v2.a.{id}'] } });
    assert.deepEqual(applyTopicEdit({ properties: { awsAccountId: '1' } }, { add: ['v2.a'], remove: [] }), { properties: { awsAccountId: '1', eventFilter: ['v2.a'] } });
  });

  it('throws a TopicEditError for an invalid edit', () => {
    assert.throws(() => applyTopicEdit(config(), { add: [], remove: ['v2.nope'] }), (e: unknown) => e instanceof TopicEditError && /not in the topic filter/.test(e.message));
  });
});

describe('eventSourceName', () => {
  it('builds the partner event source name', () => {
    assert.equal(eventSourceName('org-1', 'voice-stream'), 'aws.partner/genesys.com/cloud/org-1/voice-stream');
  });
});
