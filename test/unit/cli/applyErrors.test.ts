/**
 * `eventbridge-filter apply` when it refuses or fails, against the real emulator, with the exit code of each: bad
 * patterns, keys, values and usage (2, before any request), missing environment variables (2), a 400 from the server
 * (2), what does not exist (3), credentials and permissions (4, never printing a secret), a server or connection that
 * keeps failing (5), a document it cannot edit safely (1), an interruption (130), and the --json error document.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Emulator } from '../../../src/emulator/server';
import type { JsonObject } from '../../../src/common/json';
import {
  assertNoSecret,
  CLIENT_ID,
  envFor,
  MULTI_ID,
  REAL_ORG_ID,
  runChild,
  runInProcess,
  TUTORIAL_ARGS,
  TUTORIAL_ID,
  useTestEmulator,
} from './cliHarness';

describe('eventbridge-filter apply', () => {
  let emulator: Emulator;
  useTestEmulator((started) => (emulator = started));

  it('rejects an invalid pattern with diagnostics, exit 2 and no request at all', async () => {
    const run = await runInProcess([...TUTORIAL_ARGS.slice(0, -1), '^(Premium'], envFor(emulator));
    assert.equal(run.code, 2);
    assert.deepEqual(emulator.requests, []);
    assert.match(run.stderr, /^error: /m);
    assert.match(run.stderr, /Invalid regular expression .*nothing was sent/);
    const json = await runInProcess([...TUTORIAL_ARGS.slice(0, -1), '^(Premium', '--json'], envFor(emulator));
    assert.equal(json.code, 2);
    const result = JSON.parse(json.stdout) as {
      ok: boolean;
      error: { exitCode: number; diagnostics: Array<{ severity: string; start: number }> };
    };
    assert.equal(result.ok, false);
    assert.equal(result.error.exitCode, 2);
    assert.ok(
      result.error.diagnostics.some((d) => d.severity === 'error' && d.start === 1),
      JSON.stringify(result),
    );
    assert.deepEqual(emulator.requests, []);
  });

  it('exit 130 when interrupted (Ctrl+C aborts the request in flight); nothing is written', async () => {
    emulator.addFault({ method: 'GET', path: 'eventbridge/', delayMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const run = await runInProcess(TUTORIAL_ARGS, envFor(emulator), controller.signal);
    assert.equal(run.code, 130, run.stderr);
    assert.ok(Date.now() - started < 4000, 'the abort does not wait for the slow answer');
    assert.ok(!emulator.requests.some((r) => r.method === 'PUT'));
  });

  it('rejects bad keys, values and usage with exit 2 before any request', async () => {
    const base = ['--integration-id', TUTORIAL_ID, '--subscription-name', 'default-voice-stream'];
    const cases: Array<[string[], RegExp]> = [
      [[...base, '--attribute-key', 'queue name', '--regex', 'x'], /Invalid attribute key "queue name": .*whitespace/],
      [[...base, '--attribute-key', 'a..b', '--regex', 'x'], /empty segment/],
      [[...base, '--attribute-key', 'k', '--match-type', 'exact'], /needs at least one --value/],
      [[...base, '--attribute-key', 'k', '--match-type', 'exists', '--value', 'v'], /takes no --value/],
      [[...base, '--attribute-key', 'k', '--match-type', 'fuzzy', '--value', 'v'], /Unknown match type "fuzzy"/],
      [
        [...base, '--attribute-key', 'k', '--match-type', 'exact', '--value', 'a', '--value', 'a'],
        /given more than once/,
      ],
      [[...base, '--attribute-key', 'k'], /Say what to match/],
      [[...base, '--regex', 'x'], /Missing required option --attribute-key/],
      [[...base, '--attribute-key', 'k', '--regex', 'x', '--colour'], /Unknown option '--colour'/],
      [['frobnicate'], /Unknown command "frobnicate"/],
    ];
    for (const [argv, message] of cases) {
      const run = await runInProcess(argv, envFor(emulator));
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, message, argv.join(' '));
    }
    assert.deepEqual(emulator.requests, []);
  });

  it('exit 2 when the environment variables are missing, naming them', async () => {
    const run = await runInProcess(TUTORIAL_ARGS, { GENESYS_ENV: emulator.url });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Missing environment variables: GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET/);
    assert.deepEqual(emulator.requests, []);
  });

  it('exit 2 with the server message and contextId on a 400 from the server', async () => {
    emulator.addFault({
      method: 'PUT',
      path: 'eventbridge/',
      status: 400,
      body: {
        status: 400,
        code: 'invalid.filter',
        message: 'Pattern rejected by PCRE2: quantifier does not follow a repeatable item',
        contextId: 'ctx-400-abc',
        details: [],
        errors: [],
      },
    });
    const original = emulator.getEventBridgeDocument(TUTORIAL_ID);
    const run = await runInProcess(TUTORIAL_ARGS, envFor(emulator));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /quantifier does not follow a repeatable item/);
    assert.match(run.stderr, /contextId ctx-400-abc/);
    assert.deepEqual(emulator.getEventBridgeDocument(TUTORIAL_ID), original);
    emulator.addFault({
      method: 'PUT',
      path: 'eventbridge/',
      status: 400,
      body: {
        status: 400,
        code: 'invalid.filter',
        message: 'Pattern rejected',
        contextId: 'ctx-400-json',
        details: [],
        errors: [],
      },
    });
    const json = await runInProcess([...TUTORIAL_ARGS, '--json'], envFor(emulator));
    assert.equal(json.code, 2);
    const { error } = JSON.parse(json.stdout) as { error: JsonObject };
    assert.equal(error.status, 400);
    assert.equal(error.kind, 'invalidRequest');
    assert.equal(error.code, 'invalid.filter');
    assert.equal(error.contextId, 'ctx-400-json');
    assert.match(String(error.message), /Pattern rejected/);
  });

  it('exit 3 on an org without the subscription-filter endpoint: says so and points at topics', async () => {
    const run = await runInProcess(
      ['--integration-id', REAL_ORG_ID, '--subscription-name', 's', '--attribute-key', 'k', '--regex', 'x'],
      envFor(emulator),
    );
    assert.equal(run.code, 3);
    assert.match(run.stderr, /Attribute filters are not available for integration '9a4f1e6b[^']*' on this org/);
    assert.match(run.stderr, /contextId [0-9a-f-]{36}/);
    assert.match(run.stderr, /topics list --integration-id 9a4f1e6b/);
    assert.ok(!emulator.requests.some((r) => r.method === 'PUT'));
  });

  it('exit 3 for an integration that does not exist, pointing at "list"', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const run = await runInProcess(
      ['--integration-id', missing, '--subscription-name', 's', '--attribute-key', 'k', '--regex', 'x'],
      envFor(emulator),
    );
    assert.equal(run.code, 3);
    assert.match(run.stderr, /The EventBridge document of integration '0{8}-[^']*' was not found/);
    assert.match(run.stderr, /Check the id with "eventbridge-filter list"/);
  });

  it('exit 3 for an unknown subscription, listing the subscriptions that exist; nothing is written', async () => {
    const run = await runInProcess(
      ['--integration-id', MULTI_ID, '--subscription-name', 'premium', '--attribute-key', 'k', '--regex', 'x'],
      envFor(emulator),
    );
    assert.equal(run.code, 3);
    assert.match(run.stderr, /Subscription "premium" not found/);
    assert.match(run.stderr, /Subscriptions in this integration: premium-queues, digital-channels, agent-audit/);
    assert.ok(!emulator.requests.some((r) => r.method === 'PUT'));
  });

  it('exit 4 for a wrong client secret, naming the client id and never either secret', async () => {
    const wrongSecret = 'wr0ng-s3cret-also-never-printed';
    const run = await runChild(TUTORIAL_ARGS, envFor(emulator, { GENESYS_CLIENT_SECRET: wrongSecret }));
    assert.equal(run.code, 4);
    assert.match(run.stderr, new RegExp(CLIENT_ID));
    assertNoSecret(run);
    assert.ok(!run.stdout.includes(wrongSecret) && !run.stderr.includes(wrongSecret));
  });

  it('exit 4 for a missing permission (403)', async () => {
    emulator.addFault({ method: 'GET', path: 'eventbridge/', status: 403 });
    const run = await runInProcess(TUTORIAL_ARGS, envFor(emulator));
    assert.equal(run.code, 4);
    assert.match(run.stderr, /HTTP 403/);
    assert.match(run.stderr, /contextId [0-9a-f-]{36}/);
    assert.match(
      run.stderr,
      /lacks the permission integrations:integration:view/,
      'says which permission is likely missing',
    );
    assert.ok(!emulator.requests.some((r) => r.method === 'PUT'));
  });

  it('exit 5 after giving up on a server that keeps failing', async () => {
    emulator.addFault({ method: 'GET', path: 'eventbridge/', status: 503, retryAfter: 0, times: 5 });
    const run = await runInProcess(TUTORIAL_ARGS, envFor(emulator));
    assert.equal(run.code, 5);
    assert.equal(emulator.requests.filter((r) => r.method === 'GET').length, 5);
    assert.match(run.stderr, /503/);
    assert.match(run.stderr, /after 5 attempts/);
  });

  it('exit 5 after giving up on a connection that keeps dropping (network), writing nothing', async () => {
    // Four 503s with Retry-After: 0 (no waiting) use up the attempts; the fifth has its connection dropped.
    emulator.addFault({ method: 'GET', path: 'eventbridge/', status: 503, retryAfter: 0, times: 4 });
    emulator.addFault({ method: 'GET', path: 'eventbridge/', drop: true });
    const run = await runInProcess([...TUTORIAL_ARGS, '--json'], envFor(emulator));
    assert.equal(run.code, 5, run.stderr);
    assert.match(run.stderr, /connection to 127\.0\.0\.1:\d+ was closed .*Gave up after 5 attempts/);
    const { error } = JSON.parse(run.stdout) as { error: JsonObject };
    assert.equal(error.kind, 'network');
    assert.equal(error.exitCode, 5);
    assert.equal(error.attempts, 5);
    assert.equal(emulator.requests.filter((r) => r.method === 'GET').length, 5, 'five attempts, no more');
    assert.ok(!emulator.requests.some((r) => r.method === 'PUT'));
    assertNoSecret(run);
  });

  it('exit 130 at once when interrupted during the token request (the shared token request is abandoned)', async () => {
    emulator.addFault({ method: 'POST', path: '/oauth/token', delayMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const run = await runInProcess(TUTORIAL_ARGS, envFor(emulator), controller.signal);
    assert.equal(run.code, 130, run.stderr);
    assert.ok(
      Date.now() - started < 2000,
      `returned after ${Date.now() - started} ms; must not wait for the token endpoint`,
    );
    assert.ok(!emulator.requests.some((r) => r.method !== 'POST'));
  });

  it('exit 1 for a document it cannot edit safely, writing nothing', async () => {
    emulator.setEventBridgeDocument(TUTORIAL_ID, { id: TUTORIAL_ID, subscriptions: { 'default-voice-stream': {} } });
    const run = await runInProcess(TUTORIAL_ARGS, envFor(emulator));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /not a list.*Nothing was written/);
    assert.ok(!emulator.requests.some((r) => r.method === 'PUT'));
  });

  it('--json errors are a JSON document on stdout too', async () => {
    const run = await runInProcess(
      ['--integration-id', MULTI_ID, '--subscription-name', 'nope', '--attribute-key', 'k', '--regex', 'x', '--json'],
      envFor(emulator),
    );
    assert.equal(run.code, 3);
    assert.deepEqual(JSON.parse(run.stdout), {
      ok: false,
      error: {
        exitCode: 3,
        message: 'Subscription "nope" not found.',
        available: ['premium-queues', 'digital-channels', 'agent-audit'],
      },
    });
  });
});
