import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/common/json';
import {
  applyFilterEdit,
  FilterEditError,
  listSubscriptions,
  MATCH_TYPES,
  undoEditFor,
  type FilterEdit,
} from '../../../src/filters/attributeFilters';

/** The Go tutorial's document plus fields this tool does not model at all four levels. */
function richDocument(): JsonObject {
  return {
    id: '8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c',
    awsAccount: '123456789012',
    awsRegion: 'us-east-1',
    roleArn: 'arn:aws:iam::123456789012:role/GenesysEventBridgeRole',
    topLevelUnknown: { nested: [1, 'two', null, { deep: true }] },
    subscriptions: [
      {
        name: 'default-voice-stream',
        events: ['voice:call:start', 'voice:call:end'],
        subscriptionUnknown: 42,
        filterCriteria: {
          criteriaUnknown: 'keep me',
          attributes: [
            { key: 'interaction.direction', matchType: 'exact', values: ['inbound'], attributeUnknown: { x: 1 } },
            { key: 'interaction.routing.queue.name', matchType: 'regex', values: ['^Old$'], caseSensitive: false },
          ],
          operator: 'AND',
        },
        trailing: 'after filterCriteria',
      },
      { name: 'bare', events: ['chat:start'] },
    ],
    version: 7,
  };
}

function attributesOf(doc: JsonObject, subscription = 0): JsonObject[] {
  const subs = doc.subscriptions as JsonObject[];
  return (subs[subscription].filterCriteria as JsonObject).attributes as JsonObject[];
}

describe('applyFilterEdit', () => {
  it('replaces an attribute in place and keeps every unknown field and the order at all four levels', () => {
    const original = richDocument();
    const serialized = JSON.stringify(original);
    const edited = applyFilterEdit(original, {
      kind: 'set',
      subscription: 'default-voice-stream',
      key: 'interaction.routing.queue.name',
      matchType: 'regex',
      values: ['^Premium.*$'],
    });
    // What would be PUT, parsed back, equals the original plus exactly the one intended change.
    const expected = richDocument();
    attributesOf(expected)[1].values = ['^Premium.*$'];
    assert.deepEqual(JSON.parse(JSON.stringify(edited)), expected);
    assert.equal(JSON.stringify(edited), JSON.stringify(expected), 'property order survives');
    assert.equal(JSON.stringify(original), serialized, 'the input is not mutated');
  });

  it('appends a new attribute after the existing ones', () => {
    const edited = applyFilterEdit(richDocument(), {
      kind: 'set',
      subscription: 'default-voice-stream',
      key: 'conversation.mediaType',
      matchType: 'exact',
      values: ['voice', 'callback'],
    });
    const expected = richDocument();
    attributesOf(expected).push({ key: 'conversation.mediaType', matchType: 'exact', values: ['voice', 'callback'] });
    assert.equal(JSON.stringify(edited), JSON.stringify(expected));
  });

  it('creates filterCriteria and attributes when the subscription has none, after its existing fields', () => {
    const edited = applyFilterEdit(richDocument(), {
      kind: 'set',
      subscription: 'bare',
      key: 'a.b',
      matchType: 'regex',
      values: ['x'],
    });
    const expected = richDocument();
    (expected.subscriptions as JsonObject[])[1].filterCriteria = {
      attributes: [{ key: 'a.b', matchType: 'regex', values: ['x'] }],
    };
    assert.equal(JSON.stringify(edited), JSON.stringify(expected));
  });

  it('fills a filterCriteria that is null or lacks attributes', () => {
    const doc: JsonObject = {
      subscriptions: [
        { name: 's', filterCriteria: null },
        { name: 't', filterCriteria: { other: 1 } },
      ],
    };
    const one = applyFilterEdit(doc, { kind: 'set', subscription: 's', key: 'k', matchType: 'exists', values: [] });
    assert.deepEqual((one.subscriptions as JsonObject[])[0].filterCriteria, {
      attributes: [{ key: 'k', matchType: 'exists' }],
    });
    const two = applyFilterEdit(doc, { kind: 'set', subscription: 't', key: 'k', matchType: 'notexists', values: [] });
    assert.deepEqual((two.subscriptions as JsonObject[])[1].filterCriteria, {
      other: 1,
      attributes: [{ key: 'k', matchType: 'notexists' }],
    });
  });

  it('writes each match type with the right values', () => {
    const cases: Array<[FilterEdit, JsonObject]> = [
      [
        { kind: 'set', subscription: 'bare', key: 'k', matchType: 'regex', values: ['^a|b$'] },
        { key: 'k', matchType: 'regex', values: ['^a|b$'] },
      ],
      [
        { kind: 'set', subscription: 'bare', key: 'k', matchType: 'exact', values: ['a', 'b'] },
        { key: 'k', matchType: 'exact', values: ['a', 'b'] },
      ],
      [
        { kind: 'set', subscription: 'bare', key: 'k', matchType: 'exists', values: [] },
        { key: 'k', matchType: 'exists' },
      ],
      [
        { kind: 'set', subscription: 'bare', key: 'k', matchType: 'notexists', values: [] },
        { key: 'k', matchType: 'notexists' },
      ],
    ];
    for (const [edit, attribute] of cases) {
      const edited = applyFilterEdit(richDocument(), edit);
      assert.deepEqual(attributesOf(edited, 1), [attribute], `match type ${edit.kind === 'set' ? edit.matchType : ''}`);
    }
    assert.deepEqual(MATCH_TYPES, ['regex', 'exact', 'exists', 'notexists']);
  });

  it('keeps a replaced attribute\'s "values" key as [] for exists only if the document used it', () => {
    const withValues = applyFilterEdit(richDocument(), {
      kind: 'set',
      subscription: 'default-voice-stream',
      key: 'interaction.direction',
      matchType: 'exists',
      values: [],
    });
    assert.deepEqual(attributesOf(withValues)[0], {
      key: 'interaction.direction',
      matchType: 'exists',
      values: [],
      attributeUnknown: { x: 1 },
    });
    const doc: JsonObject = {
      subscriptions: [{ name: 's', filterCriteria: { attributes: [{ key: 'k', matchType: 'exists', note: 'n' }] } }],
    };
    const toNotExists = applyFilterEdit(doc, {
      kind: 'set',
      subscription: 's',
      key: 'k',
      matchType: 'notexists',
      values: [],
    });
    assert.deepEqual(attributesOf(toNotExists)[0], { key: 'k', matchType: 'notexists', note: 'n' });
    const toExact = applyFilterEdit(doc, {
      kind: 'set',
      subscription: 's',
      key: 'k',
      matchType: 'exact',
      values: ['v'],
    });
    assert.equal(JSON.stringify(attributesOf(toExact)[0]), '{"key":"k","matchType":"exact","note":"n","values":["v"]}');
  });

  it('removes an attribute and keeps the (possibly empty) list and its siblings', () => {
    const edited = applyFilterEdit(richDocument(), {
      kind: 'remove',
      subscription: 'default-voice-stream',
      key: 'interaction.direction',
    });
    const expected = richDocument();
    attributesOf(expected).splice(0, 1);
    assert.equal(JSON.stringify(edited), JSON.stringify(expected));
    const emptied = applyFilterEdit(edited, {
      kind: 'remove',
      subscription: 'default-voice-stream',
      key: 'interaction.routing.queue.name',
    });
    assert.deepEqual((emptied.subscriptions as JsonObject[])[0].filterCriteria, {
      criteriaUnknown: 'keep me',
      attributes: [],
      operator: 'AND',
    });
  });

  it('reports a missing subscription with the names that exist', () => {
    assert.throws(
      () =>
        applyFilterEdit(richDocument(), {
          kind: 'set',
          subscription: 'nope',
          key: 'k',
          matchType: 'exists',
          values: [],
        }),
      (e: unknown) =>
        e instanceof FilterEditError &&
        e.code === 'subscriptionNotFound' &&
        JSON.stringify(e.available) === JSON.stringify(['default-voice-stream', 'bare']) &&
        /"nope" not found/.test(e.message),
    );
  });

  it('reports removing a filter that is not there, with the keys that are', () => {
    assert.throws(
      () => applyFilterEdit(richDocument(), { kind: 'remove', subscription: 'default-voice-stream', key: 'x.y' }),
      (e: unknown) =>
        e instanceof FilterEditError &&
        e.code === 'filterNotFound' &&
        JSON.stringify(e.available) === JSON.stringify(['interaction.direction', 'interaction.routing.queue.name']),
    );
    assert.throws(
      () => applyFilterEdit(richDocument(), { kind: 'remove', subscription: 'bare', key: 'x.y' }),
      (e: unknown) => e instanceof FilterEditError && e.code === 'filterNotFound' && e.available?.length === 0,
    );
  });

  it('rejects bad keys, bad values and malformed documents with a reason', () => {
    const codeOf = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (e) {
        return e instanceof FilterEditError ? e.code : 'other';
      }
      return undefined;
    };
    const doc = richDocument();
    assert.equal(
      codeOf(() =>
        applyFilterEdit(doc, { kind: 'set', subscription: 'bare', key: 'a..b', matchType: 'exists', values: [] }),
      ),
      'invalidKey',
    );
    assert.equal(
      codeOf(() => applyFilterEdit(doc, { kind: 'remove', subscription: 'bare', key: ' ' })),
      'invalidKey',
    );
    assert.equal(
      codeOf(() =>
        applyFilterEdit(doc, { kind: 'set', subscription: 'bare', key: 'k', matchType: 'regex', values: ['a', 'b'] }),
      ),
      'invalidValues',
    );
    assert.equal(
      codeOf(() =>
        applyFilterEdit(doc, { kind: 'set', subscription: 'bare', key: 'k', matchType: 'exact', values: [] }),
      ),
      'invalidValues',
    );
    assert.equal(
      codeOf(() =>
        applyFilterEdit(doc, { kind: 'set', subscription: 'bare', key: 'k', matchType: 'exists', values: ['v'] }),
      ),
      'invalidValues',
    );
    assert.equal(
      codeOf(() =>
        applyFilterEdit(doc, { kind: 'set', subscription: 'bare', key: 'k', matchType: 'fuzzy' as never, values: [] }),
      ),
      'invalidValues',
    );
    assert.equal(
      codeOf(() => applyFilterEdit({ subscriptions: {} }, { kind: 'remove', subscription: 's', key: 'k' })),
      'invalidDocument',
    );
    const badCriteria: JsonObject = { subscriptions: [{ name: 's', filterCriteria: 'text' }] };
    assert.equal(
      codeOf(() =>
        applyFilterEdit(badCriteria, { kind: 'set', subscription: 's', key: 'k', matchType: 'exists', values: [] }),
      ),
      'invalidDocument',
    );
    const badAttributes: JsonObject = { subscriptions: [{ name: 's', filterCriteria: { attributes: 3 } }] };
    assert.equal(
      codeOf(() =>
        applyFilterEdit(badAttributes, { kind: 'set', subscription: 's', key: 'k', matchType: 'exists', values: [] }),
      ),
      'invalidDocument',
    );
    assert.equal(
      codeOf(() => applyFilterEdit({}, { kind: 'remove', subscription: 's', key: 'k' })),
      'subscriptionNotFound',
    );
  });
});

describe('listSubscriptions', () => {
  it('lists subscriptions, events and filters and skips malformed entries', () => {
    const views = listSubscriptions(richDocument());
    assert.deepEqual(views, [
      {
        name: 'default-voice-stream',
        events: ['voice:call:start', 'voice:call:end'],
        filters: [
          { key: 'interaction.direction', matchType: 'exact', values: ['inbound'] },
          { key: 'interaction.routing.queue.name', matchType: 'regex', values: ['^Old$'] },
        ],
      },
      { name: 'bare', events: ['chat:start'], filters: [] },
    ]);
    assert.deepEqual(listSubscriptions({}), []);
    assert.deepEqual(
      listSubscriptions({ subscriptions: [1, null, { name: 's', filterCriteria: { attributes: ['x'] } }] }),
      [{ name: 's', events: [], filters: [] }],
    );
  });
});

describe('undoEditFor', () => {
  it('restores a replaced attribute, including the unknown fields it kept', () => {
    const snapshot = richDocument();
    const edit: FilterEdit = {
      kind: 'set',
      subscription: 'default-voice-stream',
      key: 'interaction.direction',
      matchType: 'regex',
      values: ['^in'],
    };
    const undo = undoEditFor(snapshot, edit);
    assert.deepEqual(undo, {
      kind: 'set',
      subscription: 'default-voice-stream',
      key: 'interaction.direction',
      matchType: 'exact',
      values: ['inbound'],
    });
    assert.equal(JSON.stringify(applyFilterEdit(applyFilterEdit(snapshot, edit), undo)), JSON.stringify(snapshot));
  });

  it('undoes an added attribute with a remove', () => {
    const snapshot = richDocument();
    const edit: FilterEdit = { kind: 'set', subscription: 'bare', key: 'new.key', matchType: 'exists', values: [] };
    const undo = undoEditFor(snapshot, edit);
    assert.deepEqual(undo, { kind: 'remove', subscription: 'bare', key: 'new.key' });
    const restored = applyFilterEdit(applyFilterEdit(snapshot, edit), undo);
    // The created containers stay (empty); everything else is as before.
    const expected = richDocument();
    (expected.subscriptions as JsonObject[])[1].filterCriteria = { attributes: [] };
    assert.deepEqual(restored, expected);
  });

  it('undoes a remove by putting the whole attribute back (unknown fields included) where it was', () => {
    for (const [index, key] of ['interaction.direction', 'interaction.routing.queue.name'].entries()) {
      const snapshot = richDocument();
      const edit: FilterEdit = { kind: 'remove', subscription: 'default-voice-stream', key };
      const undo = undoEditFor(snapshot, edit);
      assert.equal(undo.kind, 'set');
      assert.deepEqual(
        { ...undo, restore: undefined },
        {
          kind: 'set',
          subscription: 'default-voice-stream',
          key,
          matchType: attributesOf(snapshot)[index].matchType,
          values: attributesOf(snapshot)[index].values,
          restore: undefined,
        },
      );
      const restored = applyFilterEdit(applyFilterEdit(snapshot, edit), undo);
      // attributeUnknown / caseSensitive come back, in the same position: the document is byte-for-byte the snapshot.
      assert.equal(JSON.stringify(restored), JSON.stringify(snapshot), key);
    }
  });

  it('a restore is ignored when the attribute exists again (only match type and values change)', () => {
    const snapshot = richDocument();
    const undo = undoEditFor(snapshot, {
      kind: 'remove',
      subscription: 'default-voice-stream',
      key: 'interaction.direction',
    });
    const edited = applyFilterEdit(snapshot, {
      kind: 'set',
      subscription: 'default-voice-stream',
      key: 'interaction.direction',
      matchType: 'exists',
      values: [],
    });
    const back = applyFilterEdit(edited, undo);
    assert.equal(JSON.stringify(back), JSON.stringify(snapshot));
    assert.equal(attributesOf(back).length, 2, 'no duplicate attribute');
  });

  it('refuses to undo into a match type it cannot write, and reports a missing subscription', () => {
    const snapshot: JsonObject = {
      subscriptions: [
        { name: 's', filterCriteria: { attributes: [{ key: 'k', matchType: 'prefix', values: ['a'] }] } },
      ],
    };
    assert.throws(
      () => undoEditFor(snapshot, { kind: 'remove', subscription: 's', key: 'k' }),
      (e: unknown) => e instanceof FilterEditError && e.code === 'invalidDocument',
    );
    assert.throws(
      () => undoEditFor(snapshot, { kind: 'remove', subscription: 'x', key: 'k' }),
      (e: unknown) => e instanceof FilterEditError && e.code === 'subscriptionNotFound',
    );
  });
});
