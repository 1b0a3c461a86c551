/**
 * The Notifications endpoints and the tap at the client level, against the emulator: a channel POST is never resent
 * after a doubtful failure (only after a 429), connectUri must be wss:// (ws:// on loopback only), and a tap outlives
 * the client's request timeout (the socket is not an HTTP request).
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GenesysClient } from '../../../src/genesys/client';
import { isGenesysError } from '../../../src/genesys/errors';
import { tapNotifications, checkTapRequest } from '../../../src/genesys/notificationTap';
import { checkConnectUri, NotificationsApi } from '../../../src/genesys/notifications';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { FakeTiming } from './helpers';

const PRESENCE = 'v2.users.278522be-1683-4877-8257-4164a177be89.presence';

describe('notifications client', () => {
  let emulator: Emulator;
  let client: GenesysClient;
  before(async () => {
    emulator = await startEmulator({ eventsPerSecond: 100, heartbeatMs: 30 });
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    client = new GenesysClient(
      {
        environment: emulator.url,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        requestTimeoutMs: 300,
      },
      new FakeTiming(),
    );
  });
  const posts = () =>
    emulator.requests.filter((r) => r.method === 'POST' && r.path === '/api/v2/notifications/channels');

  it('a channel POST answered 503 is not resent: a second channel would count against the limit for 24 h', async () => {
    emulator.addFault({ method: 'POST', path: '/api/v2/notifications/channels', status: 503, times: 3 });
    await assert.rejects(
      new NotificationsApi(client).createChannel(),
      (err: unknown) => isGenesysError(err) && err.status === 503,
    );
    assert.equal(posts().length, 1);
    await client.dispose();
  });

  it('a channel POST answered 429 is resent (the server did nothing)', async () => {
    emulator.addFault({ method: 'POST', path: '/api/v2/notifications/channels', status: 429, retryAfter: 1 });
    const channel = await new NotificationsApi(client).createChannel();
    assert.equal(posts().length, 2);
    assert.match(channel.connectUri, /^ws:\/\/127\.0\.0\.1:\d+\/channels\//);
    await client.dispose();
  });

  it('connectUri: wss:// anywhere, ws:// only on loopback', () => {
    checkConnectUri('wss://streaming.mypurecloud.com/channels/abc');
    checkConnectUri('ws://127.0.0.1:8787/channels/abc');
    checkConnectUri('ws://localhost:8787/channels/abc');
    assert.throws(() => checkConnectUri('ws://streaming.mypurecloud.com/channels/abc'), /not a wss:\/\/ URL/);
    assert.throws(() => checkConnectUri('https://streaming.mypurecloud.com/channels/abc'), /not a wss:\/\/ URL/);
    assert.throws(() => checkConnectUri(''), /not a wss:\/\/ URL/);
  });

  it('the tap reads the socket longer than the request timeout and unsubscribes at the end', async () => {
    emulator.configureNotifications({ eventsPerSecond: 5, heartbeatMs: 30 });
    const events: unknown[] = [];
    const started = Date.now();
    const result = await tapNotifications(client, {
      topics: [PRESENCE],
      durationMs: 1_000,
      onEvent: (m) => events.push(m),
    });
    assert.ok(Date.now() - started >= 1_000);
    assert.equal(result.stoppedBy, 'duration');
    assert.equal(result.reconnects, 0, 'the 300 ms request timeout does not cut the socket');
    assert.ok(result.heartbeats >= 10, `heartbeats: ${result.heartbeats}`);
    assert.equal(events.length, result.events);
    assert.ok(result.events >= 3, `events: ${result.events}`);
    assert.equal(result.unsubscribed, true);
    await client.dispose();
  });

  it('a socket that goes silent (no event, no heartbeat) counts as dropped: one reconnect, then it stops', async () => {
    emulator.configureNotifications({ eventsPerSecond: 0, heartbeatMs: 60_000 });
    const notices: string[] = [];
    const result = await tapNotifications(client, {
      topics: [PRESENCE],
      durationMs: 20_000,
      idleTimeoutMs: 150,
      onEvent: () => undefined,
      onNotice: (n) => notices.push(n),
    });
    assert.equal(result.stoppedBy, 'connectionLost');
    assert.equal(result.reconnects, 1);
    assert.match(notices.join('\n'), /no message or heartbeat for 0\.[12] s\); reconnecting once/);
    assert.equal(result.unsubscribed, true);
    await client.dispose();
  });

  it('reads the topic schemas with expand=schema, and a 403 as a permission error', async () => {
    const schemas = await new NotificationsApi(client).topicSchemas();
    const presence = schemas.find((s) => s.id === 'v2.users.{id}.presence');
    assert.ok(presence, `ids: ${schemas.map((s) => s.id).join(', ')}`);
    assert.equal((presence.schema.properties as { id: { type: string } }).id.type, 'string');
    assert.ok(emulator.requests.some((r) => r.path === '/api/v2/notifications/availabletopics?expand=schema'));
    emulator.addFault({ path: '/api/v2/notifications/availabletopics', status: 403 });
    await assert.rejects(
      new NotificationsApi(client).topicSchemas(),
      (err: unknown) => isGenesysError(err) && err.kind === 'permission',
    );
    await client.dispose();
  });

  it('checks topics and limits before creating anything', () => {
    assert.match(checkTapRequest([]) ?? '', /no topics/);
    assert.match(checkTapRequest(['v2.users.{id}.presence']) ?? '', /placeholder/);
    assert.match(checkTapRequest([PRESENCE, PRESENCE]) ?? '', /more than once/);
    assert.match(checkTapRequest(Array.from({ length: 1001 }, (_, i) => `v2.users.u${i}.presence`)) ?? '', /1,000/);
    assert.match(checkTapRequest([PRESENCE], 25 * 3600_000) ?? '', /24 hours/);
    assert.equal(checkTapRequest([PRESENCE], 60_000), undefined);
  });
});
