/**
 * applyFilterEdit's edits of an EventBridge document: an attribute replaced in place or appended, filterCriteria and
 * attributes created where missing, each match type's values, a removal; every field this tool does not model kept,
 * in order. Also listSubscriptions. Refused edits are in attributeFilterErrors.test.ts, undo in
 * attributeFilterUndo.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/common/json';
import {
  applyFilterEdit,
  listSubscriptions,
  MATCH_TYPES,
  type FilterEdit,
} from '../../../src/filters/attributeFilters';
import { attributesOf, richDocument } from './richDocument';

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
