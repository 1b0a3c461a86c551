/**
 * `export` and `plan` against the emulator: the exported file plans to no change, a plan only reads and says what
 * would change (text and the --json shape), --detailed-exitcode, and an invalid file stopping at FILE:LINE:COLUMN
 * before any request.
 */
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Emulator } from '../../../src/emulator/server';
import { defaultOrgData } from '../../../src/emulator/defaultOrgData';
import {
  envFor,
  MULTI_ID,
  REAL_ORG_ID,
  requestLines,
  runInProcess,
  startTestEmulator,
  TUTORIAL_ID,
} from './cliHarness';

let dir: string;
const file = (name = 'eventbridge-filters.json') => path.join(dir, name);
const write = (text: string, name?: string) => fs.writeFileSync(file(name), text);

describe('eventbridge-filter export and plan', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-ascode-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('export writes every EventBridge integration; plan right after shows no changes and only reads', async () => {
    const exported = await runInProcess(['export', '--file', file()], envFor(emulator));
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(
      exported.stdout,
      /Exported 4 integrations to .* \(3 with subscription filters\)\. 1 integration without the subscription-filter endpoint/,
    );
    const text = fs.readFileSync(file(), 'utf8');
    assert.match(text, /^\/\/ eventbridge-filters\.json:/, 'a JSONC header says what the file is');
    assert.match(
      text,
      /\{ "key": "interaction\.routing\.queue\.name", "matchType": "regex", "values": \["\^Premium\.\*\$"\] \}/,
    );
    assert.ok(
      !text.includes('"subscriptions"', text.indexOf(REAL_ORG_ID)),
      'no subscriptions where the endpoint is missing',
    );

    emulator.requests.length = 0;
    const plan = await runInProcess(['plan', '--file', file(), '--detailed-exitcode'], envFor(emulator));
    assert.equal(plan.code, 0, plan.stderr);
    assert.equal(plan.stdout, 'No changes: 4 integrations already match the file.\n');
    assert.ok(
      emulator.requests.every((r) => r.method === 'GET' || r.path === '/oauth/token'),
      'plan only reads',
    );
    const json = await runInProcess(['plan', '--file', file(), '--json'], envFor(emulator));
    assert.deepEqual(JSON.parse(json.stdout), { changes: [], summary: { integrations: 4, changed: 0, unchanged: 4 } });
  });

  it('export: refuses to replace a file without --force, one integration with --integration-id, - for stdout, exit 3 for an unknown id', async () => {
    write('keep me');
    const refused = await runInProcess(['export', '--file', file()], envFor(emulator));
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /exists; nothing was written[\s\S]*--force/);
    assert.equal(fs.readFileSync(file(), 'utf8'), 'keep me');
    assert.deepEqual(requestLines(emulator), [], 'refused before any request');

    const one = await runInProcess(
      ['export', '--file', file(), '--force', '--integration-id', TUTORIAL_ID, '--json'],
      envFor(emulator),
    );
    assert.equal(one.code, 0, one.stderr);
    assert.deepEqual(JSON.parse(one.stdout), {
      ok: true,
      file: file(),
      integrations: 1,
      withSubscriptions: 1,
      subscriptionFiltersUnavailable: 0,
    });
    assert.deepEqual(
      JSON.parse(fs.readFileSync(file(), 'utf8').replace(/^\/\/.*$/gm, '')).integrations.map(
        (i: { id: string }) => i.id,
      ),
      [TUTORIAL_ID],
    );

    const stdout = await runInProcess(['export', '--file', '-', '--integration-id', MULTI_ID], envFor(emulator));
    assert.equal(stdout.code, 0);
    assert.match(stdout.stdout, /"name": "Contact center analytics"/);

    const unknown = await runInProcess(
      ['export', '--file', file('x.json'), '--integration-id', 'nope'],
      envFor(emulator),
    );
    assert.equal(unknown.code, 3);
    assert.match(
      unknown.stderr,
      /No EventBridge integration with id nope[\s\S]*EventBridge integrations: Voice stream \(tutorial\)/,
    );
    assert.equal(fs.existsSync(file('x.json')), false);
  });

  it('plan says what apply would change: a line per part, the unified diffs, the --json shape, exit 7 with --detailed-exitcode', async () => {
    write(`// only two integrations are managed here
{ "integrations": [
  { "name": "Contact center analytics",
    "topicFilters": ["v2.routing.queues.{id}.conversations", "v2.detail.events.conversation.{id}.acd.start", "v2.users.{id}.presence"],
    "subscriptions": [ { "name": "premium-queues", "filters": [
      { "key": "interaction.routing.queue.name", "matchType": "regex", "values": ["^Premium\\\\d+$"] },
      { "key": "interaction.customer.id", "matchType": "exists" },
      { "key": "interaction.language", "matchType": "exact", "values": ["en", "fr"] } ] } ] },
  { "id": "${REAL_ORG_ID}", "topicFilters": ${JSON.stringify((defaultOrgData().configs![REAL_ORG_ID].properties as { eventFilter: string[] }).eventFilter)} }
] }`);
    const before = structuredClone(emulator.getConfig(MULTI_ID));
    const run = await runInProcess(['plan', '--file', file()], envFor(emulator));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^~ Contact center analytics \(3c9e5a71-8b2d-4f60-a1c4-7e5d9b3f2a18\)$/m);
    assert.match(
      run.stdout,
      /^ {4}topic filters: \+ v2\.users\.\{id\}\.presence, - v2\.detail\.events\.conversation\.\{id\}\.acd\.end, - v2\.users\.\{id\}\.routingStatus$/m,
    );
    assert.match(
      run.stdout,
      /^ {4}subscription premium-queues: \+ interaction\.language, ~ interaction\.routing\.queue\.name, - interaction\.direction$/m,
    );
    assert.match(run.stdout, /^\+{3} integration 3c9e5a71-8b2d-4f60-a1c4-7e5d9b3f2a18 config \(file\)$/m);
    assert.match(run.stdout, /^\+ {14}"\^Premium\\\\d\+\$"$/m, 'the diff shows the pattern as JSON');
    assert.match(run.stdout, /Plan: 1 integration to change, 1 unchanged\.\n$/);
    assert.deepEqual(emulator.getConfig(MULTI_ID), before, 'nothing was written');

    const json = await runInProcess(['plan', '--file', file(), '--json', '--detailed-exitcode'], envFor(emulator));
    assert.equal(json.code, 7);
    assert.deepEqual(JSON.parse(json.stdout), {
      changes: [
        {
          integrationId: MULTI_ID,
          name: 'Contact center analytics',
          topicFilters: {
            add: ['v2.users.{id}.presence'],
            remove: ['v2.detail.events.conversation.{id}.acd.end', 'v2.users.{id}.routingStatus'],
          },
          subscriptions: [
            {
              name: 'premium-queues',
              filters: {
                add: ['interaction.language'],
                remove: ['interaction.direction'],
                change: ['interaction.routing.queue.name'],
              },
            },
          ],
        },
      ],
      summary: { integrations: 2, changed: 1, unchanged: 1 },
    });
    assert.equal(json.stderr, '', 'messages go to stderr, and there are none');
  });

  it('entries that match nothing, several integrations or no subscription: each reported with FILE:LINE:COLUMN, the rest planned, most severe exit', async () => {
    const orgData = defaultOrgData();
    const twin = structuredClone(orgData.integrations.find((i) => i.id === TUTORIAL_ID)!);
    Object.assign(twin, { id: '11111111-2222-4333-8444-555555555555', name: 'Contact center analytics' });
    orgData.integrations.push(twin);
    const twins = await startTestEmulator({ data: orgData });
    try {
      write(`{ "integrations": [
  { "name": "Nobody" },
  { "name": "Contact center analytics", "topicFilters": [] },
  { "id": "${TUTORIAL_ID}", "subscriptions": [ { "name": "no-such-subscription", "filters": [] } ] },
  { "id": "${REAL_ORG_ID}", "subscriptions": [] },
  { "name": "Legacy audit feed", "topicFilters": [] }
] }`);
      const run = await runInProcess(['plan', '--file', file()], envFor(twins));
      assert.equal(run.code, 3, 'not found (3) is more severe than an ambiguous name (2)');
      const f = file();
      assert.ok(
        run.stdout.includes(`! Nobody: ${f}:2:13: There is no EventBridge integration named "Nobody" in this org.`),
        run.stdout,
      );
      assert.ok(
        run.stdout.includes(
          `! Contact center analytics: ${f}:3:13: 2 EventBridge integrations are named "Contact center analytics": add the "id" of the one you mean.`,
        ),
      );
      assert.ok(run.stdout.includes(`    Their ids: ${MULTI_ID}, 11111111-2222-4333-8444-555555555555`));
      assert.match(
        run.stdout,
        /"Voice stream \(tutorial\)" has no subscription "no-such-subscription"[\s\S]*Subscriptions in this integration: default-voice-stream/,
      );
      assert.match(run.stdout, /Attribute filters are not available for "Org events \(production\)" on this org/);
      assert.match(run.stdout, /~ Legacy audit feed/, 'the entries that can be planned are');
      assert.match(run.stdout, /Plan: 1 integration to change, 0 unchanged, 4 failed\./);
      const json = JSON.parse((await runInProcess(['plan', '--file', file(), '--json'], envFor(twins))).stdout);
      assert.deepEqual(
        json.errors.map((e: { exitCode: number }) => e.exitCode),
        [3, 2, 3, 3],
      );
      assert.equal(json.errors[0].where, `${f}:2:13`);
    } finally {
      await twins.close();
    }
  });

  it('an invalid file stops at FILE:LINE:COLUMN before any request: syntax, shape, an invalid pattern inside its JSON escapes', async () => {
    const cases: Array<[string, RegExp]> = [
      [
        '{ "integrations": [ { "name": "a" "topicFilters": [] } ] }',
        /:1:35: error: JSON syntax error: "," is expected/,
      ],
      [
        '{ "integrations": [ { "name": "a", "topicFilter": [] } ] }',
        /:1:36: error: Unknown property "topicFilter" in an integration entry — did you mean "topicFilters"\?/,
      ],
      [
        '{ "integrations": [ { "name": "a", "subscriptions": [ { "name": "s", "filters": [\n' +
          '  { "key": "k", "matchType": "regex", "values": ["\\\\d+(Premium"] } ] } ] } ] }',
        // In the pattern \d+(Premium the "(" is the 4th character; in the file "\\d+(" puts it at column 55.
        /:2:55: error: Regex: missing \) — group opened at 3 is never closed/,
      ],
      [
        '{ "integrations": [ { "name": "a", "topicFilters": ["v2.users.{userId}.presence"] } ] }',
        /:1:53: error: Invalid topic name: segment "\{userId\}" is not valid/,
      ],
    ];
    for (const [text, expected] of cases) {
      write(text);
      emulator.requests.length = 0;
      const run = await runInProcess(['plan', '--file', file()], envFor(emulator));
      assert.equal(run.code, 2, text);
      assert.ok(run.stderr.startsWith(`${file()}:`), run.stderr);
      assert.match(run.stderr, expected);
      assert.match(run.stderr, /has 1 problem; nothing was sent\./);
      assert.deepEqual(requestLines(emulator), [], 'no request, not even a token');
    }
    const json = await runInProcess(['plan', '--file', file(), '--json'], envFor(emulator));
    assert.deepEqual(JSON.parse(json.stdout).error.problems, [
      {
        file: file(),
        line: 1,
        column: 53,
        code: 'invalidTopic',
        message: JSON.parse(json.stdout).error.problems[0].message,
      },
    ]);
    const missing = await runInProcess(['plan'], envFor(emulator));
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /eventbridge-filters\.json does not exist\.\n {2}Create it from the org with "eventbridge-filter export/,
    );
  });
});
