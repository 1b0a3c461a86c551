/** Attribute keys found in events and in topic schemas: the attribute-key step's suggestions. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonValue } from '../../../src/common/json';
import { AttributePath } from '../../../src/filters/preview/attributeValues';
import { shapeOf } from '../../../src/filters/preview/eventShape';
import { EventKeyCollector, schemaKeys } from '../../../src/filters/preview/keyPaths';
import { defaultAvailableTopics } from '../../../src/emulator/topics';

/** The bundled samples: the two real EventBridge events the extension ships. */
const SAMPLES = path.resolve(__dirname, '../../../../media/sample-events');

describe('keys of events', () => {
  it('walks objects to dotted paths, steps through arrays as the attribute stage does, and skips null', () => {
    const collector = new EventKeyCollector();
    collector.add({
      queueId: 'q1',
      missing: null,
      participants: [{ purpose: 'customer' }, { purpose: 'agent', wrapup: { code: 'Resolved' } }],
      tags: [['a'], ['b']],
    });
    const keys = new Map(collector.keys().map((k) => [k.key, k]));
    assert.deepEqual([...keys.keys()].sort(), [
      'participants',
      'participants.purpose',
      'participants.wrapup',
      'participants.wrapup.code',
      'queueId',
      'tags',
    ]);
    assert.equal(keys.get('participants.purpose')!.example, 'customer');
    assert.equal(keys.get('tags')!.example, 'a', 'nested arrays are flattened to their values');
    assert.ok(!keys.has('missing'), 'null is not a value');
  });

  it('every key it suggests finds that example again through the attribute stage (the real samples)', () => {
    const collector = new EventKeyCollector();
    const bodies: JsonValue[] = [];
    for (const file of fs.readdirSync(SAMPLES)) {
      const body = shapeOf(JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8'))).body!;
      bodies.push(body);
      collector.add(body);
    }
    const keys = collector.keys();
    assert.ok(keys.some((k) => k.key === 'propertyChanges.newValues' && k.example === 'Available'));
    assert.ok(keys.some((k) => k.key === 'transcripts.alternatives.words.word'));
    for (const { key, example } of keys) {
      const found = bodies.flatMap((b) => new AttributePath(key).values(b));
      assert.ok(
        found.some((v) => JSON.stringify(v) === JSON.stringify(example)),
        `${key}: ${JSON.stringify(example)} not found again`,
      );
    }
  });

  it('counts each event once per key, most common first, and prefers a scalar example over an object', () => {
    const collector = new EventKeyCollector();
    collector.add({ a: { b: 1 }, list: [{ x: 1 }, { x: 2 }] });
    collector.add({ a: 'text', list: [{ x: 3 }] });
    collector.add({ c: true });
    assert.equal(collector.events, 3);
    const keys = collector.keys();
    assert.deepEqual(
      keys.map((k) => `${k.key}:${k.events}`),
      ['a:2', 'list:2', 'list.x:2', 'a.b:1', 'c:1'],
    );
    assert.equal(keys[0].example, 'text');
  });

  it('skips property names no dotted key can reach', () => {
    const collector = new EventKeyCollector();
    collector.add({ 'a.b': 1, 'with space': 2, '': 3, ok: { 'x.y': 4, z: 5 } });
    assert.deepEqual(
      collector.keys().map((k) => k.key),
      ['ok', 'ok.z'],
    );
  });
});

describe('keys of topic schemas', () => {
  it("reads the emulator's catalogue: types, enum examples and the topics that have each key", () => {
    const catalogue = defaultAvailableTopics().map((t) => ({ id: t.id as string, schema: t.schema }));
    const keys = new Map(schemaKeys(catalogue).map((k) => [k.key, k]));
    const mediaType = keys.get('mediaType')!;
    assert.equal(mediaType.type, 'string');
    assert.equal(mediaType.example, 'VOICE');
    assert.ok(mediaType.topics.includes('v2.detail.events.conversation.{id}.customer.start'));
    assert.equal(keys.get('eventTime')!.type, 'integer', 'the first topic that has a key gives its type');
  });

  it('follows properties, items (flattened) and $refs to ids in the same schema, expanding a recursive type once', () => {
    const schema = {
      id: 'urn:jsonschema:Event',
      type: 'object',
      properties: {
        participants: {
          type: 'array',
          items: {
            id: 'urn:jsonschema:Participant',
            type: 'object',
            properties: {
              purpose: { type: 'string', enum: ['customer', 'agent'] },
              consulted: { $ref: 'urn:jsonschema:Participant' },
            },
          },
        },
        owner: { $ref: 'urn:jsonschema:Participant' },
        count: { type: ['integer', 'null'], example: 3 },
        tags: { type: 'array', items: { type: 'string' } },
      },
    };
    const keys = schemaKeys([{ id: 't', schema }]);
    assert.deepEqual(
      keys.map((k) => `${k.key}:${k.type ?? ''}:${JSON.stringify(k.example ?? null)}`),
      [
        'count:integer:3',
        'owner:object:null',
        'owner.purpose:string:"customer"',
        'participants:array of object:null',
        'participants.purpose:string:"customer"',
        'tags:array of string:null',
      ],
    );
  });
});
