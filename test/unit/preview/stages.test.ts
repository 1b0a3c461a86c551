/** The pure parts of the preview's semantics: event shapes, the topic stage, and how a key finds values. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonValue } from '../../../src/common/json';
import { shapeOf } from '../../../src/filters/preview/eventShape';
import { TopicStage, topicMatches } from '../../../src/filters/preview/topicStage';
import { AttributePath, textOf } from '../../../src/filters/preview/attributeValues';

/** Copies of the two real EventBridge events in shared/sample-events, shipped with the extension as its bundled samples. */
export const SAMPLES = path.resolve(__dirname, '../../../../media/sample-events');

describe('event shapes', () => {
  it('an EventBridge event: body = detail.eventBody, topic = detail.topicName (the real samples)', () => {
    const files = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.json'));
    assert.ok(files.length >= 2, `samples found in ${SAMPLES}`);
    for (const file of files) {
      const event = JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8'));
      const shaped = shapeOf(event);
      assert.equal(shaped.shape, 'eventBridge', file);
      assert.equal(shaped.topic, event.detail.topicName);
      assert.equal(shaped.body, event.detail.eventBody);
    }
  });

  it('a Notifications message: body = eventBody, topic = topicName', () => {
    const message = { topicName: 'v2.users.u1.presence', version: '2', eventBody: { id: 'u1' }, metadata: {} };
    assert.deepEqual(shapeOf(message), { shape: 'notification', body: { id: 'u1' }, topic: 'v2.users.u1.presence' });
  });

  it('anything else is the body and has no topic — a body with a "detail" field included', () => {
    const plain = { detail: { topicName: 'v2.x', eventBody: {} }, queue: 'q' };
    assert.deepEqual(shapeOf(plain), { shape: 'plain', body: plain, topic: undefined });
    const onlyTopic = { topicName: 'v2.x' };
    assert.deepEqual(shapeOf(onlyTopic), { shape: 'plain', body: onlyTopic, topic: undefined });
  });
});

describe('topic stage', () => {
  it('matches segment by segment; {id} stands for exactly one segment', () => {
    assert.ok(topicMatches('v2.users.{id}.presence', 'v2.users.abc.presence'));
    assert.ok(topicMatches('v2.audits.entitytype.{id}.entityid.{id}', 'v2.audits.entitytype.UserPresence.entityid.9'));
    assert.ok(!topicMatches('v2.users.{id}.presence', 'v2.users.a.b.presence'), 'two segments for one {id}');
    assert.ok(!topicMatches('v2.users.{id}.presence', 'v2.users.abc.presences'));
    assert.ok(!topicMatches('v2.users.{id}', 'v2.users.abc.presence'), 'no prefix matching');
    assert.ok(topicMatches('v2.users.abc.presence', 'v2.users.abc.presence'), 'a concrete entry matches itself');
    assert.ok(!topicMatches('v2.users.abc.presence', 'v2.users.abd.presence'));
  });

  it('an event without a topic does not pass a non-empty list; the first matching entry is reported', () => {
    const stage = new TopicStage(['v2.users.{id}.presence', 'v2.users.u1.{id}']);
    assert.deepEqual(stage.decide(undefined), { passed: false, reason: 'noTopic' });
    assert.deepEqual(stage.decide('v2.users.u1.presence'), {
      passed: true,
      reason: 'matched',
      entry: 'v2.users.{id}.presence',
    });
    assert.deepEqual(stage.decide('v2.users.u1.routingStatus'), {
      passed: true,
      reason: 'matched',
      entry: 'v2.users.u1.{id}',
    });
    assert.deepEqual(stage.decide('v2.routing.queues.q.users'), { passed: false, reason: 'noMatch' });
  });

  it('an empty list passes every event, topic or not, and says why', () => {
    const stage = new TopicStage([]);
    assert.deepEqual(stage.decide(undefined), { passed: true, reason: 'emptyList' });
    assert.deepEqual(stage.decide('anything'), { passed: true, reason: 'emptyList' });
  });
});

describe('attribute values', () => {
  const body: JsonValue = {
    queue: { name: 'Premium Gold' },
    participants: [
      { purpose: 'customer', attributes: { tier: 'gold' } },
      { purpose: 'acd', name: 'Premium Sales' },
      [{ purpose: 'nested' }],
      null,
    ],
    tags: [['a', 'b'], 'c', null],
    count: 5,
    ratio: 2.5,
    vip: true,
    missing: null,
    empty: [],
    toString: 'own',
  };
  const values = (key: string) => new AttributePath(key).values(body);

  it('walks a dotted key from the body', () => {
    assert.deepEqual(values('queue.name'), ['Premium Gold']);
    assert.deepEqual(values('queue'), [{ name: 'Premium Gold' }]);
    assert.deepEqual(values('queue.name.more'), []);
    assert.deepEqual(values('nope.name'), []);
  });

  it('continues into every array element (nested arrays too) and skips elements without the key', () => {
    assert.deepEqual(values('participants.purpose'), ['customer', 'acd', 'nested']);
    assert.deepEqual(values('participants.attributes.tier'), ['gold']);
    assert.deepEqual(values('participants.name'), ['Premium Sales']);
  });

  it('flattens arrays at the end, drops nulls; an empty array finds nothing', () => {
    assert.deepEqual(values('tags'), ['a', 'b', 'c']);
    assert.deepEqual(values('missing'), []);
    assert.deepEqual(values('empty'), []);
  });

  it('reads only own members: "constructor" or "__proto__" never reach the prototype', () => {
    assert.deepEqual(values('constructor'), []);
    assert.deepEqual(values('queue.constructor.name'), []);
    assert.deepEqual(values('toString'), ['own']);
    const parsed = JSON.parse('{"__proto__": {"x": "own"}}');
    assert.deepEqual(new AttributePath('__proto__.x').values(parsed), ['own']);
  });

  it('a string is its own text, a number or boolean its JSON text, objects and arrays have none', () => {
    assert.equal(textOf('Premium'), 'Premium');
    assert.equal(textOf(5), '5');
    assert.equal(textOf(2.5), '2.5');
    assert.equal(textOf(true), 'true');
    assert.equal(textOf(false), 'false');
    assert.equal(textOf({ a: 1 }), undefined);
    assert.equal(textOf([1]), undefined);
  });

  it('stops at the first value the visitor accepts', () => {
    const seen: JsonValue[] = [];
    const stopped = new AttributePath('participants.purpose').some(body, (v) => {
      seen.push(v);
      return v === 'acd';
    });
    assert.equal(stopped, true);
    assert.deepEqual(seen, ['customer', 'acd']);
  });
});

describe('counts in words', () => {
  it('the headline both faces lead with; rare outcomes never read as none or all', async () => {
    const { describeCounts, percent } = await import('../../../src/filters/preview/describe');
    assert.equal(
      describeCounts({ total: 1234, kept: 312, before: { kept: 1234 } }),
      'Keeps 312 of 1,234 events (25%); before: 1,234 (100%)',
    );
    assert.equal(describeCounts({ total: 1, kept: 1 }), 'Keeps 1 of 1 event (100%)');
    assert.equal(percent(1, 1000), '<1%');
    assert.equal(percent(999, 1000), '>99%');
    assert.equal(percent(0, 0), '0%');
  });
});
