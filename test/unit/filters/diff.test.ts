import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDocument, unifiedDiff } from '../../../src/filters/diff';

describe('formatDocument', () => {
  it('pretty-prints with two spaces and a final newline', () => {
    assert.equal(
      formatDocument({ a: [1, { b: null }] }),
      '{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ]\n}\n',
    );
  });
});

describe('unifiedDiff', () => {
  it('produces a unified diff with labels and hunks, without the separator line', () => {
    const before = formatDocument({ a: 1, b: 2, c: 3 });
    const after = formatDocument({ a: 1, b: 20, c: 3 });
    assert.equal(
      unifiedDiff(before, after, 'before', 'after'),
      '--- before\n+++ after\n@@ -1,5 +1,5 @@\n {\n   "a": 1,\n-  "b": 2,\n+  "b": 20,\n   "c": 3\n }\n',
    );
  });

  it('is empty when nothing changed', () => {
    assert.equal(unifiedDiff('x\n', 'x\n', 'a', 'b'), '');
  });
});
