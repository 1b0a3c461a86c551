/** The JSON schema contributed to the editor and the CLI's own shape checks describe the same file. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MATCH_TYPES } from '../../../../src/filters/attributeFilters';
import {
  ENTRY_PROPERTIES,
  FILTER_PROPERTIES,
  ROOT_PROPERTIES,
  SUBSCRIPTION_PROPERTIES,
} from '../../../../src/filters/asCode/parseFiltersFile';

const schema = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '..', '..', '..', '..', '..', 'schemas', 'eventbridge-filters.schema.json'),
    'utf8',
  ),
);
const keys = (o: { properties: object }) => Object.keys(o.properties).sort();

describe('filters file: schema and parser agree', () => {
  it('on the properties of every object, and the match types', () => {
    assert.deepEqual(keys(schema), [...ROOT_PROPERTIES].sort());
    assert.deepEqual(keys(schema.definitions.integration), [...ENTRY_PROPERTIES].sort());
    assert.deepEqual(keys(schema.definitions.subscription), [...SUBSCRIPTION_PROPERTIES].sort());
    assert.deepEqual(keys(schema.definitions.filter), [...FILTER_PROPERTIES].sort());
    assert.deepEqual(schema.definitions.filter.properties.matchType.enum, [...MATCH_TYPES]);
    for (const definition of [schema, ...Object.values(schema.definitions)] as { additionalProperties: boolean }[]) {
      assert.equal(definition.additionalProperties, false, 'unknown properties are errors in both');
    }
  });
});
