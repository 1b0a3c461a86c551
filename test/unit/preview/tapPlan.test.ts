/** Which of an integration's topics can be recorded live, and what the user must supply. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isWebSocketTopic, planTap } from '../../../src/filters/preview/tapPlan';
import type { NotificationTopic } from '../../../src/genesys/notifications';

const CATALOGUE: NotificationTopic[] = [
  { id: 'v2.users.{id}.presence', transports: ['All'], topicParameters: ['userId'] },
  { id: 'v2.detail.events.conversation.{id}.customer.start', transports: ['EventBridge'], topicParameters: ['id'] },
  { id: 'v2.routing.queues.{id}.users', transports: ['Websocket'] },
  { id: 'v2.mystery.{id}' },
];

describe('planTap', () => {
  it('says per topic-filter entry whether it travels over WebSocket and which ids it needs', () => {
    const plan = planTap(
      [
        'v2.users.{id}.presence',
        'v2.detail.events.conversation.{id}.customer.start',
        'v2.routing.queues.{id}.users',
        'v2.mystery.{id}',
        'v2.unknown',
      ],
      CATALOGUE,
    );
    assert.deepEqual(
      plan.entries.map((e) => [e.topic, e.tappable, e.parameters]),
      [
        ['v2.users.{id}.presence', true, ['userId']],
        ['v2.detail.events.conversation.{id}.customer.start', false, ['id']],
        ['v2.routing.queues.{id}.users', true, ['id']],
        ['v2.mystery.{id}', undefined, ['id']],
        ['v2.unknown', undefined, []],
      ],
    );
  });

  it('checks requested concrete topics: placeholders, EventBridge-only, unknown, outside the filter', () => {
    const { requested } = planTap(['v2.users.{id}.presence'], CATALOGUE, [
      'v2.users.u1.presence',
      'v2.users.{id}.presence',
      'v2.detail.events.conversation.c1.customer.start',
      'v2.nothing.here',
      'v2.routing.queues.q1.users',
    ]);
    assert.deepEqual(requested[0], { topic: 'v2.users.u1.presence', entry: 'v2.users.{id}.presence' });
    assert.match(requested[1].problem ?? '', /\{id\} placeholder/);
    assert.match(requested[2].problem ?? '', /only over EventBridge, not over WebSocket/);
    assert.match(requested[3].problem ?? '', /matches no topic in the available topics catalogue/);
    assert.equal(requested[4].problem, undefined);
    assert.match(requested[4].warning ?? '', /not in the integration's topic filter/);
  });

  it('transports: All and Websocket (any case) mean WebSocket; none listed means unknown', () => {
    assert.equal(isWebSocketTopic(['All']), true);
    assert.equal(isWebSocketTopic(['WEBSOCKET']), true);
    assert.equal(isWebSocketTopic(['EventBridge']), false);
    assert.equal(isWebSocketTopic([]), undefined);
    assert.equal(isWebSocketTopic(undefined), undefined);
  });
});
