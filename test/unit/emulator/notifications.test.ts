/**
 * The emulator's Notifications API: channels, subscriptions checked against the catalogue's transports, a real
 * WebSocket (ws client here) that carries events for subscribed topics and heartbeats, and its faults.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { WebSocket } from 'ws';
import type { Emulator } from '../../../src/emulator/server';
import { assertGenesysError, call, startWithToken, UUID } from './helpers';

const PRESENCE = 'v2.users.278522be-1683-4877-8257-4164a177be89.presence';
const QUEUE = 'v2.routing.queues.8a2e6c41-3f7b-4d92-b5e8-1a9c0d3e6f27.conversations';

/** Collects messages of one socket. */
function listen(url: string): { ws: WebSocket; messages: any[]; closed: Promise<number> } {
  const ws = new WebSocket(url);
  const messages: any[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  return { ws, messages, closed };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('emulator notifications', () => {
  let emulator: Emulator;
  let token: string;
  before(async () => {
    ({ emulator, token } = await startWithToken({ eventsPerSecond: 200, heartbeatMs: 25 }));
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    emulator.configureNotifications({ eventsPerSecond: 200, heartbeatMs: 25 });
  });

  const createChannel = async () => {
    const reply = await call(emulator, 'POST', '/api/v2/notifications/channels', { token });
    assert.equal(reply.status, 200);
    return reply.body as { id: string; connectUri: string; expires: string };
  };

  it('POST channels: an id, a ws:// connectUri on its own loopback port, and 24 h of life', async () => {
    const channel = await createChannel();
    assert.match(channel.id, UUID);
    assert.equal(channel.connectUri, `ws://127.0.0.1:${emulator.port}/channels/${channel.id}`);
    const life = Date.parse(channel.expires) - Date.now();
    assert.ok(life > 23.9 * 3600_000 && life <= 24 * 3600_000, `expires in ${life} ms`);
    const listed = await call(emulator, 'GET', '/api/v2/notifications/channels?includechannels=oauthclient', { token });
    assert.deepEqual(
      listed.body.entities.map((c: any) => c.id),
      [channel.id],
    );
    assert.equal((await call(emulator, 'POST', '/api/v2/notifications/channels')).status, 401, 'needs a token');
  });

  it('subscriptions: PUT replaces, POST adds, DELETE removes; bad topics are a 400 naming them', async () => {
    const { id } = await createChannel();
    const subs = `/api/v2/notifications/channels/${id}/subscriptions`;
    const put = await call(emulator, 'PUT', subs, { token, body: [{ id: PRESENCE }] });
    assert.deepEqual(put.body.entities, [{ id: PRESENCE, state: 'Permitted' }]);
    await call(emulator, 'POST', subs, { token, body: [{ id: QUEUE }] });
    assert.deepEqual(
      (await call(emulator, 'GET', subs, { token })).body.entities.map((t: any) => t.id),
      [PRESENCE, QUEUE],
    );
    const detail = 'v2.detail.events.conversation.c1.customer.start';
    const refused = await call(emulator, 'PUT', subs, { token, body: [{ id: detail }] });
    assert.match(
      assertGenesysError(refused, 400).message,
      /cannot be subscribed: the topic is not available over WebSocket/,
    );
    assertGenesysError(await call(emulator, 'PUT', subs, { token, body: [{ id: 'v2.users.{id}.presence' }] }), 400);
    assertGenesysError(await call(emulator, 'PUT', subs, { token, body: [{ id: 'v2.nope.x' }] }), 400);
    const lenient = await call(emulator, 'PUT', `${subs}?ignoreErrors=true`, {
      token,
      body: [{ id: PRESENCE }, { id: detail }],
    });
    assert.deepEqual(
      lenient.body.entities.map((t: any) => [t.id, t.state]),
      [
        [PRESENCE, 'Permitted'],
        [detail, 'Rejected'],
      ],
    );
    assert.equal((await call(emulator, 'DELETE', subs, { token })).status, 204);
    assert.deepEqual((await call(emulator, 'GET', subs, { token })).body.entities, []);
    assertGenesysError(
      await call(emulator, 'GET', '/api/v2/notifications/channels/nope/subscriptions', { token }),
      404,
    );
  });

  it('the WebSocket carries varied events for the subscribed topics and channel.metadata heartbeats', async () => {
    const { id, connectUri } = await createChannel();
    await call(emulator, 'PUT', `/api/v2/notifications/channels/${id}/subscriptions`, {
      token,
      body: [{ id: PRESENCE }, { id: QUEUE }],
    });
    const socket = listen(connectUri);
    await until(() => socket.messages.filter((m) => m.topicName !== 'channel.metadata').length >= 40, '40 events');
    const events = socket.messages.filter((m) => m.topicName !== 'channel.metadata');
    const heartbeats = socket.messages.filter((m) => m.topicName === 'channel.metadata');
    assert.ok(heartbeats.length > 0, 'heartbeats arrive');
    assert.deepEqual(heartbeats[0].eventBody, { message: 'WebSocket Heartbeat' });
    assert.deepEqual(new Set(events.map((e) => e.topicName)), new Set([PRESENCE, QUEUE]));
    for (const e of events) {
      assert.equal(e.version, '2');
      assert.match(e.metadata.CorrelationId, UUID);
    }
    const queueNames = new Set(
      events
        .filter((e) => e.topicName === QUEUE)
        .map((e) => e.eventBody.participants.find((p: any) => p.purpose === 'acd').name),
    );
    assert.deepEqual([...queueNames], ['Premium Sales'], 'the acd participant is the queue of the topic');
    const presences = new Set(
      events.filter((e) => e.topicName === PRESENCE).map((e) => e.eventBody.presenceDefinition.systemPresence),
    );
    assert.ok(presences.size >= 3, `varied presences: ${[...presences].join(', ')}`);
    assert.ok(emulator.requests.some((r) => r.method === 'GET' && r.path === `/channels/${id}` && r.status === 101));
    socket.ws.close();
  });

  it('faults: drop-sockets cuts the socket, a second connection replaces the first, expiry ends the channel', async () => {
    const { id, connectUri } = await createChannel();
    const first = listen(connectUri);
    await once(first.ws, 'open');
    const second = listen(connectUri);
    await once(second.ws, 'open');
    assert.equal(await first.closed, 1006, 'one connection per channel: the older one is cut');

    const drop = await call(emulator, 'POST', '/__emulator/notifications/drop-sockets');
    assert.deepEqual(drop.body, { dropped: 1 });
    assert.equal(await second.closed, 1006, 'dropped without a closing handshake');

    const third = listen(connectUri);
    await once(third.ws, 'open');
    const expire = await call(emulator, 'POST', '/__emulator/notifications/expire-channels', { body: { id } });
    assert.deepEqual(expire.body, { expired: 1 });
    assert.equal(await third.closed, 1000);
    const again = listen(connectUri);
    await assert.rejects(once(again.ws, 'open'), /Unexpected server response: 404/);
    assertGenesysError(
      await call(emulator, 'PUT', `/api/v2/notifications/channels/${id}/subscriptions`, { token, body: [] }),
      404,
    );
  });

  it('fault rules apply to the upgrade request; the admin API sets the rate; 20 channels at most', async () => {
    const { connectUri } = await createChannel();
    emulator.addFault({ path: '/channels/', status: 503 });
    const refused = listen(connectUri);
    await assert.rejects(once(refused.ws, 'open'), /Unexpected server response: 503/);

    const set = await call(emulator, 'PUT', '/__emulator/notifications', {
      body: { eventsPerSecond: 3, heartbeatMs: 1000 },
    });
    assert.deepEqual(set.body, { eventsPerSecond: 3, heartbeatMs: 1000 });
    assert.equal(
      (await call(emulator, 'PUT', '/__emulator/notifications', { body: { eventsPerSecond: -1 } })).status,
      400,
    );
    assert.equal((await call(emulator, 'PUT', '/__emulator/notifications', { body: { rate: 1 } })).status, 400);

    for (let i = 1; i < 20; i++) await createChannel();
    const limit = await call(emulator, 'POST', '/api/v2/notifications/channels', { token });
    assert.match(assertGenesysError(limit, 400).message, /already has 20 channels/);
    emulator.reset();
    assert.deepEqual((emulator.notifications().channels as unknown[]).length, 0, 'reset removes channels');
  });
});
