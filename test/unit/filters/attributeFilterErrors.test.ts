/**
 * applyFilterEdit's refusals, each a FilterEditError with its code: a subscription or filter that is not there (with
 * the names that are), bad keys, bad values for the match type, and malformed documents.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/common/json';
import { applyFilterEdit, FilterEditError } from '../../../src/filters/attributeFilters';
import { richDocument } from './richDocument';

describe('applyFilterEdit', () => {
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
