import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import type { Emulator } from '../../../src/emulator/server';
import type { JsonObject } from '../../../src/common/json';
import { envFor, REAL_ORG_ID, requestLines, runChild, runInProcess, SECRET, useTestEmulator } from './cliHarness';

const CONFIG_PATH = `/api/v2/integrations/${REAL_ORG_ID}/config/current`;
const NEW_TOPIC = 'v2.routing.queues.{id}.conversations.calls';

function eventFilter(config: JsonObject | undefined): string[] {
  return (config?.properties as JsonObject).eventFilter as string[];
}

describe('eventbridge-filter topics', () => {
  let emulator: Emulator;
  useTestEmulator((e) => (emulator = e));

  it('topics list shows the topic filter, AWS account, region and event source', async () => {
    const config = emulator.getConfig(REAL_ORG_ID)!;
    const props = config.properties as JsonObject;
    const run = await runInProcess(['topics', 'list', '--integration-id', REAL_ORG_ID], envFor(emulator));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`AWS account ${props.awsAccountId}, region ${props.awsAccountRegion}`));
    assert.match(
      run.stdout,
      new RegExp(`Event source aws\\.partner/genesys\\.com/cloud/[0-9a-f-]{36}/${props.eventSourceSuffix}`),
    );
    for (const topic of eventFilter(config)) assert.ok(run.stdout.includes(`\n  ${topic}`), topic);
  });

  it('topics list --json', async () => {
    const config = emulator.getConfig(REAL_ORG_ID)!;
    const run = await runInProcess(['topics', 'list', '--integration-id', REAL_ORG_ID, '--json'], envFor(emulator));
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as JsonObject;
    assert.equal(result.integrationId, REAL_ORG_ID);
    assert.equal(result.version, config.version);
    assert.deepEqual(result.eventFilter, eventFilter(config));
    assert.equal(result.awsAccountId, (config.properties as JsonObject).awsAccountId);
    assert.match(String(result.eventSourceName), /^aws\.partner\/genesys\.com\/cloud\//);
  });

  it('topics add writes the config with its version, keeps every other field and prints the diff', async () => {
    const original = emulator.getConfig(REAL_ORG_ID)!;
    const run = await runInProcess(
      ['topics', 'add', '--integration-id', REAL_ORG_ID, '--topic', NEW_TOPIC],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(requestLines(emulator), ['POST /oauth/token', `GET ${CONFIG_PATH}`, `PUT ${CONFIG_PATH}`]);
    const put = emulator.requests[2].body as JsonObject;
    const expected = structuredClone(original);
    eventFilter(expected).push(NEW_TOPIC);
    assert.equal(
      JSON.stringify(put),
      JSON.stringify(expected),
      'the PUT is the config read, with the read version, plus the one topic',
    );
    assert.deepEqual(eventFilter(emulator.getConfig(REAL_ORG_ID)), eventFilter(expected));
    assert.ok(run.stdout.includes(`+      "${NEW_TOPIC}"`), run.stdout);
    assert.match(run.stdout, /Added 1 topic to the topic filter/);
  });

  it('topics remove and --dry-run (which writes nothing)', async () => {
    const [first, ...rest] = eventFilter(emulator.getConfig(REAL_ORG_ID));
    const dry = await runInProcess(
      ['topics', 'remove', '--integration-id', REAL_ORG_ID, '--topic', first, '--dry-run'],
      envFor(emulator),
    );
    assert.equal(dry.code, 0, dry.stderr);
    assert.ok(!emulator.requests.some((r) => r.method === 'PUT'));
    assert.match(dry.stdout, /Dry run: nothing was written/);
    assert.ok(dry.stdout.includes(`-      "${first}"`));
    const run = await runInProcess(
      ['topics', 'remove', '--integration-id', REAL_ORG_ID, '--topic', first],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(eventFilter(emulator.getConfig(REAL_ORG_ID)), rest);
  });

  it('an invalid topic name is exit 2 with nothing sent', async () => {
    const cases: Array<[string, RegExp]> = [
      ['v2.users..presence', /empty segment/],
      ['v2.users.{userId}', /only placeholder is a whole segment "\{id\}"/],
      ['has space', /whitespace at position 3/],
      ['', /topic name is empty/],
    ];
    for (const [topic, reason] of cases) {
      const run = await runInProcess(
        ['topics', 'add', '--integration-id', REAL_ORG_ID, '--topic', topic],
        envFor(emulator),
      );
      assert.equal(run.code, 2, topic);
      assert.match(run.stderr, /^Error: Invalid topic ".*": .*Nothing was sent\.$/m, topic);
      assert.match(run.stderr, reason, topic);
    }
    const dup = await runInProcess(
      ['topics', 'add', '--integration-id', REAL_ORG_ID, '--topic', NEW_TOPIC, '--topic', NEW_TOPIC],
      envFor(emulator),
    );
    assert.equal(dup.code, 2);
    assert.match(dup.stderr, /given more than once/);
    const none = await runInProcess(['topics', 'add', '--integration-id', REAL_ORG_ID], envFor(emulator));
    assert.equal(none.code, 2);
    assert.match(none.stderr, /needs at least one --topic/);
    const sub = await runInProcess(['topics', 'rename', '--integration-id', REAL_ORG_ID], envFor(emulator));
    assert.equal(sub.code, 2);
    assert.match(sub.stderr, /Unknown subcommand "topics rename"/);
    assert.deepEqual(emulator.requests, []);
  });

  it('adding a topic that is already there is exit 2; removing one that is not is exit 3 listing the topics; nothing is written', async () => {
    const topics = eventFilter(emulator.getConfig(REAL_ORG_ID));
    const again = await runInProcess(
      ['topics', 'add', '--integration-id', REAL_ORG_ID, '--topic', topics[0]],
      envFor(emulator),
    );
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already in the topic filter/);
    const missing = await runInProcess(
      ['topics', 'remove', '--integration-id', REAL_ORG_ID, '--topic', NEW_TOPIC],
      envFor(emulator),
    );
    assert.equal(missing.code, 3);
    assert.match(
      missing.stderr,
      new RegExp(`Topics in the filter: ${topics.map((t) => t.replace(/[.{}]/g, '\\$&')).join(', ')}`),
    );
    assert.ok(!emulator.requests.some((r) => r.method === 'PUT'));
  });

  it('a concurrent writer between read and write loses nothing: re-read and re-apply', async () => {
    // Hold our PUT back long enough for another writer to store a new version first.
    emulator.addFault({ method: 'PUT', path: 'config/current', delayMs: 400 });
    const running = runInProcess(
      ['topics', 'add', '--integration-id', REAL_ORG_ID, '--topic', NEW_TOPIC],
      envFor(emulator),
    );
    while (!emulator.requests.some((r) => r.method === 'GET' && r.path === CONFIG_PATH)) await delay(10);
    const theirs = emulator.getConfig(REAL_ORG_ID)!;
    eventFilter(theirs).push('v2.users.{id}.activity');
    (theirs.properties as JsonObject).noteFromOtherWriter = 'kept';
    emulator.setConfig(REAL_ORG_ID, theirs);
    const run = await running;
    assert.equal(run.code, 0, run.stderr);
    const stored = emulator.getConfig(REAL_ORG_ID)!;
    assert.deepEqual(eventFilter(stored).slice(-2), ['v2.users.{id}.activity', NEW_TOPIC]);
    assert.equal((stored.properties as JsonObject).noteFromOtherWriter, 'kept');
    assert.match(run.stdout, /re-read 1 time after concurrent changes/);
    assert.deepEqual(requestLines(emulator).filter((l) => l.startsWith('PUT')).length, 2);
  });

  it('after a conflict, a topic the other writer already added is not an error (nothing is lost or doubled)', async () => {
    emulator.addFault({ method: 'PUT', path: 'config/current', delayMs: 400 });
    const running = runInProcess(
      ['topics', 'add', '--integration-id', REAL_ORG_ID, '--topic', NEW_TOPIC, '--topic', 'v2.users.{id}.activity'],
      envFor(emulator),
    );
    while (!emulator.requests.some((r) => r.method === 'GET' && r.path === CONFIG_PATH)) await delay(10);
    const theirs = emulator.getConfig(REAL_ORG_ID)!;
    const original = [...eventFilter(theirs)];
    eventFilter(theirs).push(NEW_TOPIC);
    emulator.setConfig(REAL_ORG_ID, theirs);
    const run = await running;
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(eventFilter(emulator.getConfig(REAL_ORG_ID)), [...original, NEW_TOPIC, 'v2.users.{id}.activity']);
    assert.match(run.stdout, /re-read 1 time after concurrent changes/);
  });

  it('a conflict that survives the re-reads is exit 6 (child process)', async () => {
    emulator.addFault({ method: 'PUT', path: 'config/current', status: 409, times: 10 });
    const before = emulator.getConfig(REAL_ORG_ID);
    const run = await runChild(
      ['topics', 'add', '--integration-id', REAL_ORG_ID, '--topic', NEW_TOPIC],
      envFor(emulator),
    );
    assert.equal(run.code, 6, run.stderr);
    assert.match(run.stderr, /kept changing/);
    assert.deepEqual(emulator.getConfig(REAL_ORG_ID), before);
    assert.equal(emulator.requests.filter((r) => r.method === 'PUT').length, 4);
    assert.ok(!run.stdout.includes(SECRET) && !run.stderr.includes(SECRET));
  });

  it('topics add --json', async () => {
    const run = await runInProcess(
      ['topics', 'add', '--integration-id', REAL_ORG_ID, '--topic', NEW_TOPIC, '--json'],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as JsonObject;
    assert.equal(result.ok, true);
    assert.equal(result.command, 'topics add');
    assert.deepEqual(result.topics, [NEW_TOPIC]);
    assert.equal(result.attempts, 1);
    assert.deepEqual(result.eventFilter, eventFilter(emulator.getConfig(REAL_ORG_ID)));
  });
});
