/**
 * undoEditFor: the edit that takes a document back to its snapshot — a replaced attribute restored with its unknown
 * fields, an added one removed, a removed one put back where it was — and the undos it refuses to make.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/common/json';
import { applyFilterEdit, FilterEditError, undoEditFor, type FilterEdit } from '../../../src/filters/attributeFilters';
import { attributesOf, richDocument } from './richDocument';

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
