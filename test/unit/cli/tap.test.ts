/**
 * eventbridge-filter tap against the emulator's real WebSocket: records N events and no heartbeats, reconnects once
 * after a dropped socket, stops cleanly on Ctrl+C keeping what it recorded, and always removes the subscriptions.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Emulator } from '../../../src/emulator/server';
import { envFor, REAL_ORG_ID, requestLines, runInProcess, startTestEmulator } from './cliHarness';

const PRESENCE = 'v2.users.278522be-1683-4877-8257-4164a177be89.presence';
const TRANSCRIPTION = 'v2.conversations.97b9dcb3-c182-4d1f-8123-76a4b5cf1f5a.transcription';

const lines = (file: string): any[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

/** The emulator's channels (admin state). */
const channels = (emulator: Emulator): any[] => emulator.notifications().channels as any[];

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await delay(10);
  }
}

describe('eventbridge-filter tap', () => {
  let emulator: Emulator;
  let dir: string;
  let n = 0;
  const out = () => path.join(dir, `tap-${++n}.jsonl`);
  before(async () => {
    emulator = await startTestEmulator({ eventsPerSecond: 100, heartbeatMs: 20 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-tap-'));
  });
  after(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    emulator.reset();
    emulator.configureNotifications({ eventsPerSecond: 100, heartbeatMs: 20 });
  });

  it('records N events (heartbeats skipped) into a file test reads, then unsubscribes', async () => {
    const file = out();
    const run = await runInProcess(
      [
        'tap',
        '--integration-id',
        REAL_ORG_ID,
        '--topic',
        PRESENCE,
        '--topic',
        TRANSCRIPTION,
        '--max-events',
        '12',
        '--out',
        file,
        '--json',
      ],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.events, 12);
    assert.equal(result.stoppedBy, 'maxEvents');
    assert.equal(result.unsubscribed, true);
    const recorded = lines(file);
    assert.equal(recorded.length, 12);
    assert.ok(
      recorded.every((m) => m.topicName === PRESENCE || m.topicName === TRANSCRIPTION),
      'no heartbeat in the file',
    );
    assert.ok(recorded.some((m) => m.topicName === TRANSCRIPTION) && recorded.some((m) => m.topicName === PRESENCE));
    assert.ok(recorded.every((m) => typeof m.eventBody === 'object' && m.eventBody !== null));
    const [channel] = channels(emulator);
    assert.deepEqual(channel.topics, [], 'subscriptions removed at the end');
    assert.deepEqual(requestLines(emulator), [
      'POST /oauth/token',
      `GET /api/v2/integrations/${REAL_ORG_ID}/config/current`,
      'GET /api/v2/notifications/availabletopics',
      'GET /api/v2/notifications/channels',
      'POST /api/v2/notifications/channels',
      `PUT /api/v2/notifications/channels/${channel.id}/subscriptions`,
      `GET /channels/${channel.id}`,
      `DELETE /api/v2/notifications/channels/${channel.id}/subscriptions`,
    ]);

    const tested = await runInProcess(
      ['test', '--events', file, '--topic-filter', 'v2.users.{id}.presence', '--json'],
      {},
    );
    assert.equal(tested.code, 0, tested.stderr);
    const preview = JSON.parse(tested.stdout);
    assert.equal(preview.total, 12);
    assert.equal(preview.kept, recorded.filter((m) => m.topicName === PRESENCE).length);
  });

  it('skips heartbeats: a slow event rate with fast heartbeats records only events', async () => {
    emulator.configureNotifications({ eventsPerSecond: 10, heartbeatMs: 10 });
    const file = out();
    const run = await runInProcess(
      ['tap', '--integration-id', REAL_ORG_ID, '--topic', PRESENCE, '--max-events', '3', '--out', file, '--json'],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.ok(result.heartbeats >= 3, `heartbeats seen: ${result.heartbeats}`);
    assert.deepEqual(
      lines(file).map((m) => m.topicName),
      [PRESENCE, PRESENCE, PRESENCE],
    );
  });

  it('reconnects once after the socket drops and keeps recording', async () => {
    emulator.configureNotifications({ eventsPerSecond: 50, heartbeatMs: 20 });
    const file = out();
    const running = runInProcess(
      ['tap', '--integration-id', REAL_ORG_ID, '--topic', PRESENCE, '--max-events', '40', '--out', file, '--json'],
      envFor(emulator),
    );
    await until(() => (channels(emulator)[0]?.eventsSent ?? 0) >= 5, 'the first events');
    assert.equal(emulator.dropSockets(), 1);
    const run = await running;
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.reconnects, 1);
    assert.equal(result.events, 40);
    assert.equal(lines(file).length, 40);
    assert.match(run.stderr, /The connection was lost \(closed with code 1006\); reconnecting once\./);
    const id = channels(emulator)[0].id;
    assert.equal(requestLines(emulator).filter((l) => l === `GET /channels/${id}`).length, 2, 'connected twice');
    assert.deepEqual(channels(emulator)[0].topics, []);
  });

  it('a channel that expires: the one reconnect fails, tap stops with exit 5 and keeps what it recorded', async () => {
    const file = out();
    const running = runInProcess(
      ['tap', '--integration-id', REAL_ORG_ID, '--topic', PRESENCE, '--duration', '30', '--out', file],
      envFor(emulator),
    );
    await until(() => (channels(emulator)[0]?.eventsSent ?? 0) >= 3, 'the first events');
    assert.equal(emulator.expireChannels(), 1);
    const run = await running;
    assert.equal(run.code, 5, run.stderr);
    assert.match(run.stderr, /reconnecting once[\s\S]*lost again \(could not connect\); stopping/);
    assert.ok(lines(file).length >= 3, 'the events recorded before are kept');
    assert.match(run.stdout, /stopped because the connection was lost again after one reconnect/);
    assert.ok(
      requestLines(emulator).some((l) => /^DELETE .*\/subscriptions$/.test(l)),
      'unsubscribing was still tried',
    );
  });

  it('Ctrl+C stops cleanly: exit 130, the recording kept, the subscriptions removed', async () => {
    const file = out();
    const controller = new AbortController();
    const running = runInProcess(
      ['tap', '--integration-id', REAL_ORG_ID, '--topic', PRESENCE, '--duration', '30', '--out', file],
      envFor(emulator),
      controller.signal,
    );
    await until(() => (channels(emulator)[0]?.eventsSent ?? 0) >= 5, 'the first events');
    controller.abort();
    const run = await running;
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stdout, /Recorded \d+ events .*stopped because interrupted \(Ctrl\+C\)/);
    assert.ok(lines(file).length >= 1);
    assert.deepEqual(channels(emulator)[0].topics, []);
    assert.ok(requestLines(emulator).some((l) => /^DELETE .*\/subscriptions$/.test(l)));
  });

  it('without --topic: says which topics can be tapped and which ids they need; creates nothing', async () => {
    const run = await runInProcess(['tap', '--integration-id', REAL_ORG_ID], envFor(emulator));
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /v2\.detail\.events\.conversation\.\{id\}\.customer\.start — EventBridge only \(EventBridge\): cannot be tapped/,
    );
    assert.match(run.stderr, /v2\.users\.\{id\}\.presence — can be tapped; needs a concrete id for \{id\}/);
    assert.ok(!requestLines(emulator).some((l) => l.startsWith('POST /api/v2/notifications')));
  });

  it('refuses EventBridge-only topics, {id} placeholders and an existing output file before creating a channel', async () => {
    const detail = 'v2.detail.events.conversation.c0ffee00-0000-4000-8000-000000000000.customer.start';
    const refused = await runInProcess(
      ['tap', '--integration-id', REAL_ORG_ID, '--topic', detail, '--out', out()],
      envFor(emulator),
    );
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is delivered only over EventBridge, not over WebSocket/);
    const placeholder = await runInProcess(
      ['tap', '--integration-id', REAL_ORG_ID, '--topic', 'v2.users.{id}.presence', '--out', out()],
      envFor(emulator),
    );
    assert.equal(placeholder.code, 2);
    assert.match(placeholder.stderr, /has an \{id\} placeholder: give a concrete id/);
    const existing = out();
    fs.writeFileSync(existing, 'mine\n');
    const kept = await runInProcess(
      ['tap', '--integration-id', REAL_ORG_ID, '--topic', PRESENCE, '--out', existing],
      envFor(emulator),
    );
    assert.equal(kept.code, 2);
    assert.match(kept.stderr, /already exists; tap never overwrites a file/);
    assert.equal(fs.readFileSync(existing, 'utf8'), 'mine\n');
    assert.ok(!requestLines(emulator).some((l) => l.startsWith('POST /api/v2/notifications')));
  });

  it('respects the 20-channel limit: refuses a 21st instead of risking another program’s channel', async () => {
    const { GenesysClient } = await import('../../../src/genesys/client');
    const { NotificationsApi } = await import('../../../src/genesys/notifications');
    const env = envFor(emulator);
    const client = new GenesysClient({
      environment: env.GENESYS_ENV!,
      clientId: env.GENESYS_CLIENT_ID!,
      clientSecret: env.GENESYS_CLIENT_SECRET!,
    });
    try {
      for (let i = 0; i < 20; i++) await new NotificationsApi(client).createChannel();
    } finally {
      await client.dispose();
    }
    emulator.requests.length = 0;
    const run = await runInProcess(['tap', '--integration-id', REAL_ORG_ID, '--topic', PRESENCE, '--out', out()], env);
    assert.equal(run.code, 5);
    assert.match(run.stderr, /already has 20 notification channels, the platform's limit of 20/);
    assert.ok(!requestLines(emulator).includes('POST /api/v2/notifications/channels'));
  });
});
