import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject, JsonValue } from '../../../src/common/json';
import {
  applyTopicEdit,
  deliveredOver,
  eventSourceName,
  isEventBridgeTopic,
  readEventBridgeProperties,
  TopicEditError,
  undoTopicEditFor,
  validateTopicEdit,
  validateTopicName,
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
      awsAccountId: '123456789012',
      awsAccountRegion: 'us-east-1',
      eventSourceSuffix: 'voice-stream',
      eventFilter: ['v2.detail.events.conversation.{id}.customer.start', 'v2.users.{id}.presence'],
    });
  });

  it('tolerates missing or odd properties', () => {
    assert.deepEqual(readEventBridgeProperties({}), { eventFilter: [] });
    assert.deepEqual(readEventBridgeProperties({ properties: null }), { eventFilter: [] });
    assert.deepEqual(
      readEventBridgeProperties({ properties: { awsAccountId: 5, awsAccountRegion: '', eventFilter: ['a.b', 3] } }),
      { eventFilter: ['a.b'] },
    );
  });
});

describe('isEventBridgeTopic', () => {
  it('keeps topics delivered over every transport or EventBridge, drops WebSocket-only ones', () => {
    assert.equal(isEventBridgeTopic(['All']), true);
    assert.equal(isEventBridgeTopic(['EventBridge']), true);
    assert.equal(isEventBridgeTopic(['Websocket', 'eventbridge']), true);
    assert.equal(isEventBridgeTopic(['Websocket']), false);
  });

  it('deliveredOver: All counts for every transport; no transports listed is "unknown", not a no', () => {
    assert.equal(deliveredOver(['ALL'], 'Websocket'), true);
    assert.equal(deliveredOver(['EventBridge'], 'Websocket'), false);
    assert.equal(deliveredOver([], 'EventBridge'), undefined);
  });

  it('keeps a topic the catalogue lists without transports: the catalogue does not say', () => {
    assert.equal(isEventBridgeTopic(undefined), true);
    assert.equal(isEventBridgeTopic([]), true);
  });
});

describe('validateTopicName', () => {
  it('accepts real topic shapes', () => {
    for (const topic of [
      'v2.detail.events.conversation.{id}.customer.start',
      'v2.audits.entitytype.{id}.entityid.{id}',
      'v2.conversations.{id}.transcription',
      'v2.routing.queues.{id}.conversations.calls',
      'v2.users.4a3b-9f_x.activity',
      'single',
    ]) {
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
    assert.equal(
      validateTopicEdit(config(), {
        add: ['v2.audits.entitytype.{id}.entityid.{id}'],
        remove: ['v2.users.{id}.presence'],
      }),
      undefined,
    );
    assert.equal(validateTopicEdit({}, { add: ['v2.a'], remove: [] }), undefined);
  });

  it('rejects empty edits, invalid names, duplicates, re-adds and removals of absent topics', () => {
    const c = config();
    assert.match(validateTopicEdit(c, { add: [], remove: [] }) ?? '', /no topics/);
    assert.match(
      validateTopicEdit(c, { add: ['bad topic'], remove: [] }) ?? '',
      /invalid topic "bad topic": .*whitespace/,
    );
    assert.match(validateTopicEdit(c, { add: ['v2.a', 'v2.a'], remove: [] }) ?? '', /"v2.a" is given more than once/);
    assert.match(
      validateTopicEdit(c, { add: ['v2.users.{id}.presence'], remove: ['v2.users.{id}.presence'] }) ?? '',
      /more than once/,
    );
    assert.match(
      validateTopicEdit(c, { add: ['v2.users.{id}.presence'], remove: [] }) ?? '',
      /already in the topic filter/,
    );
    assert.match(
      validateTopicEdit(c, { add: [], remove: ['v2.not.there'] }) ?? '',
      /"v2.not.there" is not in the topic filter/,
    );
    assert.match(
      validateTopicEdit({ properties: 'x' }, { add: ['v2.a'], remove: [] }) ?? '',
      /"properties" member that is not an object/,
    );
    assert.match(
      validateTopicEdit({ properties: { eventFilter: 'v2.a' } }, { add: ['v2.b'], remove: [] }) ?? '',
      /not a list/,
    );
  });
});

describe('applyTopicEdit', () => {
  it('adds and removes topics on a deep copy and keeps every other field and the order', () => {
    const original = config();
    const before = JSON.stringify(original);
    const edited = applyTopicEdit(original, {
      add: ['v2.audits.entitytype.{id}.entityid.{id}'],
      remove: ['v2.detail.events.conversation.{id}.customer.start'],
    });
    const expected = config();
    (expected.properties as JsonObject).eventFilter = [
      'v2.users.{id}.presence',
      'v2.audits.entitytype.{id}.entityid.{id}',
    ];
    assert.equal(JSON.stringify(edited), JSON.stringify(expected));
    assert.equal(JSON.stringify(original), before, 'input untouched');
  });

  it('creates properties and eventFilter when missing', () => {
    assert.deepEqual(applyTopicEdit({ name: 'n', version: 1 }, { add: ['v2.a.{id}'], remove: [] }), {
      name: 'n',
      version: 1,
      properties: { eventFilter: ['v2.a.{id}'] },
    });
    assert.deepEqual(applyTopicEdit({ properties: { awsAccountId: '1' } }, { add: ['v2.a'], remove: [] }), {
      properties: { awsAccountId: '1', eventFilter: ['v2.a'] },
    });
  });

  it('throws a TopicEditError for an invalid edit', () => {
    assert.throws(
      () => applyTopicEdit(config(), { add: [], remove: ['v2.nope'] }),
      (e: unknown) => e instanceof TopicEditError && /not in the topic filter/.test(e.message),
    );
  });
});

describe('undoTopicEditFor and restore positions', () => {
  const A = 'v2.a.{id}',
    B = 'v2.b.{id}',
    C = 'v2.c.{id}',
    D = 'v2.d.{id}',
    E = 'v2.e.{id}';
  function withTopics(eventFilter: JsonValue[]): JsonObject {
    const c = config();
    (c.properties as JsonObject).eventFilter = eventFilter;
    return c;
  }
  function topicsOf(c: JsonObject): JsonValue {
    return (c.properties as JsonObject).eventFilter;
  }

  it('inverts the edit and records where each removed topic was', () => {
    assert.deepEqual(undoTopicEditFor(withTopics([A, B, C, D]), { add: [E], remove: [D, B] }), {
      add: [D, B],
      remove: [E],
      restoreAt: { [D]: 3, [B]: 1 },
    });
    assert.deepEqual(
      undoTopicEditFor(withTopics([A]), { add: [B], remove: [] }),
      { add: [], remove: [B] },
      'nothing to restore, no positions',
    );
  });

  it('puts removed topics back at their old positions, order included, and leaves every other field as it was', () => {
    const original = withTopics([A, B, C, D, E]);
    const edit = { add: ['v2.new.{id}'], remove: [D, B] };
    const edited = applyTopicEdit(original, edit);
    assert.deepEqual(topicsOf(edited), [A, C, E, 'v2.new.{id}']);
    const restored = applyTopicEdit(edited, undoTopicEditFor(original, edit));
    assert.equal(
      JSON.stringify(restored),
      JSON.stringify(original),
      'same topics in the same order; unknown config fields and their order untouched',
    );
  });

  it('counts non-string members of the list (kept in place) when restoring a position', () => {
    const original = withTopics([A, 7, B, C]);
    const edited = applyTopicEdit(original, { add: [], remove: [B] });
    assert.deepEqual(topicsOf(applyTopicEdit(edited, undoTopicEditFor(original, { add: [], remove: [B] }))), [
      A,
      7,
      B,
      C,
    ]);
  });

  it("keeps other writers' additions and clamps to the end when the list shrank meanwhile", () => {
    assert.deepEqual(
      topicsOf(applyTopicEdit(withTopics([A, C, 'v2.theirs']), { add: [B], remove: [], restoreAt: { [B]: 1 } })),
      [A, B, C, 'v2.theirs'],
    );
    // D was at index 3 of [A, B, C, D]; a colleague removed B and C meanwhile, so the list has one member.
    assert.deepEqual(topicsOf(applyTopicEdit(withTopics([A]), { add: [D], remove: [], restoreAt: { [D]: 3 } })), [
      A,
      D,
    ]);
    assert.deepEqual(
      topicsOf(applyTopicEdit(withTopics([]), { add: [C, B], remove: [], restoreAt: { [C]: 2, [B]: 1 } })),
      [B, C],
    );
  });

  it('appends the added topics that have no position, after the restored ones', () => {
    assert.deepEqual(topicsOf(applyTopicEdit(withTopics([A, C]), { add: [E, B], remove: [], restoreAt: { [B]: 1 } })), [
      A,
      B,
      C,
      E,
    ]);
  });

  it('handles a topic named like an Object.prototype member as a plain topic', () => {
    const original = withTopics([A, '__proto__', 'constructor', B]);
    const edit = { add: [], remove: ['__proto__', 'constructor'] };
    const undo = undoTopicEditFor(original, edit);
    assert.deepEqual(Object.entries(undo.restoreAt ?? {}), [
      ['__proto__', 1],
      ['constructor', 2],
    ]);
    assert.deepEqual(topicsOf(applyTopicEdit(applyTopicEdit(original, edit), undo)), [
      A,
      '__proto__',
      'constructor',
      B,
    ]);
    assert.deepEqual(
      topicsOf(applyTopicEdit(withTopics([A]), { add: ['toString', B], remove: [], restoreAt: { [B]: 1 } })),
      [A, B, 'toString'],
      'no position inherited from the prototype',
    );
  });

  it('rejects positions for topics not being added and positions that are not whole numbers of 0 or more', () => {
    const c = withTopics([A]);
    assert.match(
      validateTopicEdit(c, { add: [B], remove: [], restoreAt: { [C]: 0 } }) ?? '',
      /restore position is given for "v2.c.\{id\}", which is not among the topics to add/,
    );
    for (const bad of [-1, 1.5, Number.NaN, Infinity]) {
      assert.match(
        validateTopicEdit(c, { add: [B], remove: [], restoreAt: { [B]: bad } }) ?? '',
        /restore position of "v2.b.\{id\}" must be a whole number of 0 or more/,
        String(bad),
      );
    }
    assert.throws(() => applyTopicEdit(c, { add: [B], remove: [], restoreAt: { [B]: -1 } }), TopicEditError);
  });
});

describe('eventSourceName', () => {
  it('builds the partner event source name', () => {
    assert.equal(eventSourceName('org-1', 'voice-stream'), 'aws.partner/genesys.com/cloud/org-1/voice-stream');
  });
});
