import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateAttributeKey, validateFilterValues } from '../../../src/filters/attributeKey';

describe('validateAttributeKey', () => {
  it('accepts dotted paths and single segments', () => {
    for (const key of ['interaction.routing.queue.name', 'direction', 'a_b-c.d1', 'x'.repeat(256), 'ünïcode.kéy']) {
      assert.equal(validateAttributeKey(key), undefined, key);
    }
  });

  it('rejects bad keys with a reason that says what is wrong', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['x'.repeat(257), /257 characters long; at most 256/],
      ['queue name', /whitespace at position 5/],
      ['queue\tname', /whitespace at position 5/],
      [' lead', /whitespace at position 0/],
      ['a\u0000b', /control character at position 1/],
      ['.a', /starts with "\."/],
      ['a.', /ends with "\."/],
      ['a..b', /empty segment \(".."\) after "a"/],
      ['.', /starts with/],
    ];
    for (const [key, reason] of cases) {
      assert.match(validateAttributeKey(key) ?? 'accepted', reason, JSON.stringify(key));
    }
  });
});

describe('validateFilterValues', () => {
  it('regex takes exactly one non-empty pattern of at most 1000 characters', () => {
    assert.equal(validateFilterValues('regex', ['^a$']), undefined);
    assert.match(validateFilterValues('regex', []) ?? '', /exactly one pattern, got 0/);
    assert.match(validateFilterValues('regex', ['a', 'b']) ?? '', /exactly one pattern, got 2/);
    assert.match(validateFilterValues('regex', ['']) ?? '', /empty/);
    assert.equal(validateFilterValues('regex', ['a'.repeat(1000)]), undefined);
    assert.match(validateFilterValues('regex', ['a'.repeat(1001)]) ?? '', /1001 characters/);
  });

  it('exact takes one or more distinct, non-empty values', () => {
    assert.equal(validateFilterValues('exact', ['a']), undefined);
    assert.equal(validateFilterValues('exact', ['a', 'b', 'c']), undefined);
    assert.match(validateFilterValues('exact', []) ?? '', /at least one value/);
    assert.match(validateFilterValues('exact', ['a', '']) ?? '', /value 2 is empty/);
    assert.match(validateFilterValues('exact', ['a', 'a']) ?? '', /"a" is given more than once/);
  });

  it('exists and notexists take no values', () => {
    assert.equal(validateFilterValues('exists', []), undefined);
    assert.equal(validateFilterValues('notexists', []), undefined);
    assert.match(validateFilterValues('exists', ['x']) ?? '', /exists filters take no values, got 1/);
    assert.match(validateFilterValues('notexists', ['x', 'y']) ?? '', /notexists filters take no values, got 2/);
    assert.match(validateFilterValues('other' as never, []) ?? '', /unknown match type "other"/);
  });
});
