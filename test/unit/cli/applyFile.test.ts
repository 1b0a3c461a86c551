/**
 * `apply` with a filters file against the emulator: confirmation (terminal or --yes, refused without either),
 * idempotence, a change made between plan and write kept, one failing integration not stopping the others, and many
 * integrations under an enforced rate limit without a single 429.
 */
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JsonObject } from '../../../src/common/json';
import type { Emulator } from '../../../src/emulator/server';
import { changingFiltersFile, manyIntegrationsData } from '../../manyIntegrationsData';
import { envFor, MULTI_ID, runInProcess, startTestEmulator, TUTORIAL_ID } from './cliHarness';

let dir: string;
const file = () => path.join(dir, 'eventbridge-filters.json');
const topics = (config: JsonObject | undefined) => (config!.properties as JsonObject).eventFilter as string[];
const attributes = (doc: JsonObject | undefined, subscription: string) =>
  ((doc!.subscriptions as JsonObject[]).find((s) => s.name === subscription)!.filterCriteria as JsonObject)
    .attributes as JsonObject[];
const writes = (emulator: Emulator) => emulator.requests.filter((r) => r.method === 'PUT');

const FILE = `{ "integrations": [
  { "id": "${MULTI_ID}",
    "topicFilters": ["v2.detail.events.conversation.{id}.acd.start", "v2.users.{id}.presence"],
    "subscriptions": [ { "name": "premium-queues", "filters": [
      { "key": "interaction.routing.queue.name", "matchType": "regex", "values": ["^Gold"] },
      { "key": "interaction.customer.id", "matchType": "exists" } ] } ] },
  { "name": "Voice stream (tutorial)", "topicFilters": ["v2.detail.events.conversation.{id}.customer.start"] }
] }`;

describe('eventbridge-filter apply --file', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-apply-'));
    fs.writeFileSync(file(), FILE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('asks on a terminal, refuses without one (exit 2) or when declined (exit 1); nothing is written until confirmed', async () => {
    const noTerminal = await runInProcess(['apply', '--file', file()], envFor(emulator));
    assert.equal(noTerminal.code, 2);
    assert.match(noTerminal.stderr, /no terminal to confirm on; nothing was written\.\n {2}Run it with --yes/);
    const questions: string[] = [];
    const declined = await runInProcess(['apply', '--file', file()], envFor(emulator), undefined, async (q) => {
      questions.push(q);
      return false;
    });
    assert.equal(declined.code, 1);
    assert.deepEqual(questions, ['Apply these changes to 2 integrations?']);
    assert.match(declined.stdout, /Plan: 2 integrations to change/, 'the plan is shown before the question');
    assert.deepEqual(writes(emulator), []);

    const confirmed = await runInProcess(['apply', '--file', file()], envFor(emulator), undefined, async () => true);
    assert.equal(confirmed.code, 0, confirmed.stderr);
    assert.match(confirmed.stdout, /✓ Contact center analytics: wrote the topic filters and attribute filters\./);
    assert.match(confirmed.stdout, /✓ Voice stream \(tutorial\): wrote the topic filters\./);
    assert.match(confirmed.stdout, /Applied: 2 integrations written, 0 unchanged\.\n$/);
    assert.deepEqual(topics(emulator.getConfig(MULTI_ID)), [
      'v2.detail.events.conversation.{id}.acd.start',
      'v2.users.{id}.presence',
    ]);
    const premium = attributes(emulator.getEventBridgeDocument(MULTI_ID), 'premium-queues');
    assert.deepEqual(
      premium.map((a) => [a.key, a.values, a.caseSensitive]),
      [
        ['interaction.routing.queue.name', ['^Gold'], false],
        ['interaction.customer.id', [], undefined],
      ],
    );
    assert.equal(premium[1].comment, 'known customers only', 'an unchanged filter keeps its unknown fields');
  });

  it('is idempotent: applying again reads, writes nothing and says so; --json reports each integration', async () => {
    assert.equal((await runInProcess(['apply', '--file', file(), '--yes'], envFor(emulator))).code, 0);
    emulator.requests.length = 0;
    const again = await runInProcess(['apply', '--file', file(), '--yes', '--json'], envFor(emulator));
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(writes(emulator), []);
    const result = JSON.parse(again.stdout);
    assert.deepEqual(result.summary, { integrations: 2, written: 0, unchanged: 2, failed: 0 });
    assert.equal(result.ok, true);
    assert.deepEqual(
      result.results.map((r: JsonObject) => [r.integrationId, r.status]),
      [
        [MULTI_ID, 'unchanged'],
        [TUTORIAL_ID, 'unchanged'],
      ],
    );
    assert.match(
      again.stderr,
      /No changes: 2 integrations already match the file\./,
      'with --json the plan goes to stderr',
    );
  });

  it('a change made between the plan and the write survives: the edits are redone on top of it', async () => {
    const run = await runInProcess(['apply', '--file', file()], envFor(emulator), undefined, async () => {
      // A colleague writes both documents while the question is on screen.
      const config = emulator.getConfig(MULTI_ID)!;
      topics(config).push('v2.colleague.{id}.topic');
      emulator.setConfig(MULTI_ID, config);
      const doc = emulator.getEventBridgeDocument(MULTI_ID)!;
      attributes(doc, 'premium-queues').push({ key: 'colleague.key', matchType: 'exists' });
      attributes(doc, 'digital-channels').length = 0;
      emulator.setEventBridgeDocument(MULTI_ID, doc);
      return true;
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /✓ Contact center analytics: wrote the topic filters and attribute filters — someone changed it since the plan; the changes were made on top of theirs\./,
    );
    assert.deepEqual(
      writes(emulator)
        .filter((r) => r.path.includes(MULTI_ID))
        .map((r) => [r.path.includes('config') ? 'config' : 'doc', r.status]),
      [
        ['config', 409],
        ['config', 200],
        ['doc', 200],
      ],
      'the config PUT with the planned version was refused, re-read and redone; the document was re-read before its PUT',
    );
    assert.deepEqual(topics(emulator.getConfig(MULTI_ID)), [
      'v2.detail.events.conversation.{id}.acd.start',
      'v2.colleague.{id}.topic',
      'v2.users.{id}.presence',
    ]);
    const doc = emulator.getEventBridgeDocument(MULTI_ID);
    // The file manages premium-queues: its list is as the file says plus nothing of the colleague's key… which the
    // plan did not know about, so the rebased edits leave it (the next plan will show it as a change to remove).
    assert.deepEqual(
      attributes(doc, 'premium-queues').map((a) => a.key),
      ['interaction.routing.queue.name', 'interaction.customer.id', 'colleague.key'],
    );
    assert.deepEqual(
      attributes(doc, 'digital-channels'),
      [],
      "the colleague's change to a subscription the file does not name is kept",
    );
    const plan = await runInProcess(['plan', '--file', file(), '--json'], envFor(emulator));
    assert.deepEqual(JSON.parse(plan.stdout).changes[0].subscriptions, [
      { name: 'premium-queues', filters: { add: [], remove: ['colleague.key'], change: [] } },
    ]);
    assert.deepEqual(JSON.parse(plan.stdout).changes[0].topicFilters, { add: [], remove: ['v2.colleague.{id}.topic'] });
  });

  it('one integration failing does not stop the others; the exit code is the most severe outcome', async () => {
    fs.writeFileSync(
      file(),
      FILE.replace(
        /\n\] \}$/,
        `,\n  { "name": "Legacy audit feed", "subscriptions": [ { "name": "gone", "filters": [] } ] }\n] }`,
      ),
    );
    // The analytics config keeps changing under us: every PUT loses the version race.
    emulator.addFault({ method: 'PUT', path: `${MULTI_ID}/config/current`, status: 409, times: 10 });
    const run = await runInProcess(['apply', '--file', file(), '--yes', '--json'], envFor(emulator));
    assert.equal(run.code, 6, 'a conflict (6) is more severe than not found (3)');
    const result = JSON.parse(run.stdout);
    assert.equal(result.ok, false);
    assert.deepEqual(result.summary, { integrations: 3, written: 1, unchanged: 0, failed: 2 });
    const byName = Object.fromEntries(result.results.map((r: JsonObject) => [r.name ?? r.entry, r]));
    assert.equal(byName['Contact center analytics'].exitCode, 6);
    assert.match(byName['Contact center analytics'].message, /kept changing/);
    assert.equal(byName['Legacy audit feed'].exitCode, 3);
    assert.equal(byName['Voice stream (tutorial)'].status, 'written');
    assert.deepEqual(topics(emulator.getConfig(TUTORIAL_ID)), ['v2.detail.events.conversation.{id}.customer.start']);
  });

  it('uses eventbridge-filters.json in the current folder by default', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const run = await runInProcess(['apply', '--yes'], envFor(emulator));
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Applied: 2 integrations written/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('the one-filter form and the file form do not mix', async () => {
    const run = await runInProcess(['apply', '--file', file(), '--integration-id', MULTI_ID], envFor(emulator));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /either --file\/--yes \(a filters file\) or --integration-id/);
  });
});

describe('eventbridge-filter apply --file: many integrations under a rate limit', () => {
  const COUNT = 8;
  let emulator: Emulator;
  before(async () => {
    emulator = await startTestEmulator({
      data: manyIntegrationsData(COUNT),
      rateLimit: { allowed: 15, windowSeconds: 2 },
      latencyMs: 10,
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-many-'));
    fs.writeFileSync(file(), changingFiltersFile(COUNT));
  });
  after(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`${COUNT} integrations, 5 requests each, at 15 per 2 s: every one written, no request answered 429`, async () => {
    const run = await runInProcess(['apply', '--file', file(), '--yes'], envFor(emulator));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`Applied: ${COUNT} integrations written`));
    const api = emulator.requests.filter((r) => r.path.startsWith('/api/v2/'));
    assert.equal(
      api.length,
      1 + COUNT * 5,
      'list, then per integration: GET config, GET document, PUT config, GET + PUT document',
    );
    assert.deepEqual(
      api.filter((r) => r.status === 429),
      [],
    );
    assert.equal(run.stderr, '', 'no retry notices: nothing had to be retried');
  });
});
