/**
 * eventbridge-filter test against the real emulator: offline topic filters and drafts, the org's topic filter and a
 * subscription's filters read (never written: the emulator's log shows GETs only), bad input named precisely.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Emulator } from '../../../src/emulator/server';
import { envFor, MULTI_ID, requestLines, runInProcess, startTestEmulator } from './cliHarness';

const SAMPLES = path.resolve(__dirname, '../../../../media/sample-events');
const AUDIT_SAMPLE = path.join(SAMPLES, 'v2.audits.entitytype.UserPresence__GenesysCloudBlueprints.json');
const TRANSCRIPTION_SAMPLE = path.join(SAMPLES, 'v2.conversations.transcription__captured_thirdparty.json');

const message = (topicName: string, eventBody: object) => JSON.stringify({ topicName, version: '2', eventBody });

/**
 * Four Notifications messages for the "Contact center analytics" integration (topic filter: acd.start, acd.end,
 * routing.queues.{id}.conversations, users.{id}.routingStatus) and its "digital-channels" subscription
 * (interaction.mediaType exact message|email; interaction.transfer.id notexists).
 */
const ANALYTICS_EVENTS = [
  message('v2.routing.queues.q1.conversations', { interaction: { mediaType: 'email' } }), // kept
  message('v2.routing.queues.q1.conversations', { interaction: { mediaType: 'voice' } }), // filter 1
  message('v2.users.u1.presence', { interaction: { mediaType: 'email' } }), // topic
  message('v2.detail.events.conversation.c1.acd.start', {
    interaction: { mediaType: 'message', transfer: { id: 't' } },
  }), // filter 2
];

describe('eventbridge-filter test', () => {
  let emulator: Emulator;
  let dir: string;
  let analytics: string;
  before(async () => {
    emulator = await startTestEmulator();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-cli-test-'));
    analytics = path.join(dir, 'analytics.jsonl');
    fs.writeFileSync(analytics, ANALYTICS_EVENTS.join('\n') + '\n');
  });
  after(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.reset());

  it('offline: topic filter and a draft on the real samples, no credentials read, nothing sent', async () => {
    const run = await runInProcess(
      [
        'test',
        '--events',
        AUDIT_SAMPLE,
        '--events',
        TRANSCRIPTION_SAMPLE,
        '--topic-filter',
        'v2.audits.entitytype.{id}.entityid.{id}',
        '--attribute-key',
        'propertyChanges.newValues',
        '--regex',
        '^Avail',
        '--json',
      ],
      {}, // no GENESYS_* variables at all
    );
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.deepEqual([result.total, result.kept, result.dropped, result.invalid], [2, 1, 1, 0]);
    assert.equal(result.before, undefined, 'no subscription: nothing to compare with');
    assert.deepEqual(
      result.events.map((e: any) => [e.index, e.kept, e.stage]),
      [
        [0, true, 'attribute'],
        [1, false, 'topic'],
      ],
    );
    assert.equal(result.events[0].value, 'Available');
    assert.equal(
      result.events[0].topic,
      'v2.audits.entitytype.UserPresence.entityid.278522be-1683-4877-8257-4164a177be89',
    );
    assert.equal(emulator.requests.length, 0);
  });

  it("with --integration-id and --subscription-name: the org's filters, the draft on top, before/after; only reads", async () => {
    const configBefore = emulator.getConfig(MULTI_ID);
    const documentBefore = emulator.getEventBridgeDocument(MULTI_ID);
    const run = await runInProcess(
      [
        'test',
        '--events',
        analytics,
        '--integration-id',
        MULTI_ID,
        '--subscription-name',
        'digital-channels',
        '--attribute-key',
        'interaction.mediaType',
        '--match-type',
        'exact',
        '--value',
        'voice',
        '--value',
        'email',
        '--json',
      ],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.deepEqual([result.total, result.kept, result.dropped, result.invalid], [4, 2, 2, 0]);
    assert.deepEqual(result.before, { kept: 1, dropped: 3 });
    assert.deepEqual(result.draft, { kind: 'replaces', position: 1 });
    assert.deepEqual(
      result.events.map((e: any) => [e.kept, e.keptBefore, e.stage, e.filter?.position ?? e.topicFilter]),
      [
        [true, true, 'attribute', 2],
        [true, false, 'attribute', 2],
        [false, false, 'topic', null],
        [false, false, 'attribute', 1],
      ],
    );
    assert.equal(result.events[3].value, 'message');
    assert.deepEqual(result.topicFilter.topics, (configBefore!.properties as any).eventFilter);
    // Read, never written.
    assert.deepEqual(requestLines(emulator), [
      'POST /oauth/token',
      `GET /api/v2/integrations/${MULTI_ID}/config/current`,
      `GET /api/v2/integrations/eventbridge/${MULTI_ID}`,
    ]);
    assert.deepEqual(emulator.getConfig(MULTI_ID), configBefore);
    assert.deepEqual(emulator.getEventBridgeDocument(MULTI_ID), documentBefore);
  });

  it('text mode: the headline with before, the drops by reason, examples, and warnings about unknown fields', async () => {
    const run = await runInProcess(
      [
        'test',
        '--events',
        analytics,
        '--integration-id',
        MULTI_ID,
        '--subscription-name',
        'premium-queues',
        '--attribute-key',
        'interaction.mediaType',
        '--match-type',
        'exists',
      ],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Keeps 0 of 4 events \(0%\); before: 0 \(0%\)$/m);
    assert.match(run.stdout, /dropped by the topic filter: 1/);
    assert.match(run.stdout, /dropped by filter 1 \(interaction\.routing\.queue\.name regex "\^Premium\.\*\$"\): 3/);
    assert.match(run.stdout, /4\. interaction\.mediaType exists {3}← draft/);
    assert.match(
      run.stderr,
      /warning: The filterCriteria of subscription "premium-queues" has a field these rules do not define: combine \("all"\)/,
    );
    assert.match(run.stderr, /caseSensitive \(false\)/);
  });

  it('a malformed line is named FILE:LINE with the parser message; the other lines still count; exit 2', async () => {
    const file = path.join(dir, 'broken.jsonl');
    fs.writeFileSync(file, [ANALYTICS_EVENTS[0], '{"topicName": "x",', ANALYTICS_EVENTS[1]].join('\n'));
    const run = await runInProcess(
      ['test', '--events', file, '--topic-filter', 'v2.routing.queues.{id}.conversations', '--json'],
      {},
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, new RegExp(`invalid: ${file.replace(/[.\\]/g, '\\$&')}:2: .*JSON`));
    const result = JSON.parse(run.stdout);
    assert.deepEqual([result.total, result.kept, result.invalid, result.ok], [2, 2, 1, false]);
    assert.deepEqual(result.invalidInputs[0].line, 2);
  });

  it('an unreadable file is named and the other files still count; exit 2', async () => {
    const missing = path.join(dir, 'nope.jsonl');
    const run = await runInProcess(
      ['test', '--events', missing, '--events', analytics, '--topic-filter', 'v2.users.{id}.presence'],
      {},
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /nope\.jsonl: cannot read the file \(ENOENT/);
    assert.match(run.stdout, /Keeps 1 of 4 events \(25%\)/);
  });

  it('an invalid pattern: the positioned RE2 errors of validate, exit 2, nothing read or sent', async () => {
    const run = await runInProcess(
      ['test', '--events', analytics, '--integration-id', MULTI_ID, '--attribute-key', 'q', '--regex', '^(Premium'],
      envFor(emulator),
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /The pattern of the draft \(q\):\nerror: missing \).*\n {2}\^\(Premium\n {3}\^/);
    const validate = await runInProcess(['validate', '--regex', '^(Premium'], {});
    const firstError = validate.stderr.split('\n').slice(0, 3).join('\n');
    assert.ok(run.stderr.includes(firstError), `same diagnostics as validate:\n${firstError}`);
    assert.deepEqual(requestLines(emulator), [
      'POST /oauth/token',
      `GET /api/v2/integrations/${MULTI_ID}/config/current`,
    ]);
  });

  it('usage errors: nothing to test, a subscription without its integration, both topic sources', async () => {
    const none = await runInProcess(['test', '--events', analytics], {});
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Nothing to test: give --topic-filter TOPIC, --integration-id ID, or a draft filter/);
    const orphan = await runInProcess(
      ['test', '--events', analytics, '--subscription-name', 'x', '--topic-filter', 'a.b'],
      {},
    );
    assert.equal(orphan.code, 2);
    assert.match(orphan.stderr, /--subscription-name needs --integration-id/);
    const both = await runInProcess(
      ['test', '--events', analytics, '--topic-filter', 'a.b', '--integration-id', MULTI_ID],
      {},
    );
    assert.equal(both.code, 2);
    const noEvents = await runInProcess(['test', '--topic-filter', 'a.b'], {});
    assert.match(noEvents.stderr, /Missing required option --events/);
    const badTopic = await runInProcess(['test', '--events', analytics, '--topic-filter', 'v2..x'], {});
    assert.equal(badTopic.code, 2);
    assert.match(badTopic.stderr, /Invalid topic filter "v2\.\.x"/);
  });

  it('a subscription that does not exist: exit 3 with the ones that do', async () => {
    const run = await runInProcess(
      ['test', '--events', analytics, '--integration-id', MULTI_ID, '--subscription-name', 'nope'],
      envFor(emulator),
    );
    assert.equal(run.code, 3);
    assert.match(
      run.stderr,
      /Subscription "nope" not found\.\n {2}Subscriptions in this integration: premium-queues, digital-channels, agent-audit/,
    );
  });

  it('an empty topic filter on the integration: every topic passes, and the report says so', async () => {
    const config = emulator.getConfig(MULTI_ID)!;
    emulator.setConfig(MULTI_ID, { ...config, properties: { ...(config.properties as object), eventFilter: [] } });
    const run = await runInProcess(
      ['test', '--events', analytics, '--integration-id', MULTI_ID, '--json'],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.deepEqual([result.total, result.kept], [4, 4]);
    assert.ok(
      result.warnings.some((w: string) => /topic filter is empty: every topic passes/.test(w)),
      result.warnings,
    );
  });
});
