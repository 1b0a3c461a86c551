import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Emulator } from '../../../src/emulator/server';
import type { JsonObject } from '../../../src/common/json';
import {
  envFor,
  MULTI_ID,
  REAL_ORG_ID,
  runChild,
  runInProcess,
  SECRET,
  useTestEmulator,
  TUTORIAL_ID,
} from './cliHarness';

describe('eventbridge-filter show, list, validate, help', () => {
  let emulator: Emulator;
  useTestEmulator((e) => (emulator = e));

  it('show lists subscriptions, events and filters', async () => {
    const run = await runInProcess(['show', '--integration-id', MULTI_ID], envFor(emulator));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /AWS account 210987654321, region eu-west-1/);
    assert.match(run.stdout, /^Subscription premium-queues$/m);
    assert.match(run.stdout, /^ {4}interaction\.routing\.queue\.name +regex "\^Premium\.\*\$"$/m);
    assert.match(run.stdout, /^ {4}interaction\.mediaType +exact "message", "email"$/m);
    assert.match(run.stdout, /^Subscription agent-audit\n {2}events: user:presence:changed\n {2}filters: \(none\)$/m);
  });

  it('show --json prints the document exactly as served', async () => {
    const run = await runInProcess(['show', '--integration-id', MULTI_ID, '--json'], envFor(emulator));
    assert.equal(run.code, 0);
    assert.equal(JSON.stringify(JSON.parse(run.stdout)), JSON.stringify(emulator.getEventBridgeDocument(MULTI_ID)));
  });

  it('show of an integration without the subscription-filter endpoint is exit 3 with a pointer to topics', async () => {
    const run = await runInProcess(['show', '--integration-id', REAL_ORG_ID], envFor(emulator));
    assert.equal(run.code, 3);
    assert.match(run.stderr, /topics list/);
  });

  it('list shows only EventBridge integrations with their state', async () => {
    const run = await runInProcess(['list'], envFor(emulator));
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.match(lines[0], /^ID +STATE +NAME$/);
    assert.equal(lines.length, 5);
    assert.match(run.stdout, new RegExp(`^${TUTORIAL_ID} +ACTIVE +Voice stream \\(tutorial\\)$`, 'm'));
    assert.match(run.stdout, /DISABLED\/ERROR +Legacy audit feed/);
    assert.ok(!/Data Actions|CRM web services/.test(run.stdout));
  });

  it('list --json', async () => {
    const run = await runInProcess(['list', '--json'], envFor(emulator));
    assert.equal(run.code, 0);
    const result = JSON.parse(run.stdout) as JsonObject[];
    assert.equal(result.length, 4);
    assert.deepEqual(Object.keys(result[0]), ['id', 'name', 'intendedState', 'reportedState']);
    assert.equal(result[0].id, TUTORIAL_ID);
  });

  it('validate is offline: valid → 0, invalid → 2 with a caret under the error, no credentials needed', async () => {
    const ok = await runInProcess(['validate', '--regex', '^Premium.*$'], {});
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, 'Valid pattern.\n');
    assert.match(ok.stderr, /^info: /);
    const warned = await runInProcess(['validate', '--regex', '(?<=a)b', '--allow-pcre2-only'], {});
    assert.equal(warned.code, 0, warned.stderr);
    assert.equal(warned.stdout, 'Valid pattern (1 warning).\n');
    assert.match(warned.stderr, /^warning: .*lookbehind/m);
    const bad = await runInProcess(['validate', '--regex', 'ab(c'], {});
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^error: .*\n {2}ab\(c\n {2}( *)\^/m);
    assert.match(bad.stdout, /Invalid pattern/);
    const json = await runInProcess(['validate', '--regex', '(?<=a)b', '--json'], {});
    assert.equal(json.code, 2);
    const result = JSON.parse(json.stdout) as {
      valid: boolean;
      diagnostics: Array<{ severity: string; start: number; end: number; code: string; message: string }>;
    };
    assert.equal(result.valid, false);
    const error = result.diagnostics.find((d) => d.severity === 'error');
    assert.ok(error && error.start === 0 && error.end > 0, JSON.stringify(result));
    assert.equal(emulator.requests.length, 0);
  });

  it('validate without --regex is a usage error', async () => {
    const run = await runInProcess(['validate'], {});
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Missing required option --regex/);
    assert.match(run.stderr, /eventbridge-filter validate --help/);
  });

  it('--help for the program and each command exits 0 (child process for the program)', async () => {
    const main = await runChild(['--help'], {});
    assert.equal(main.code, 0);
    assert.match(main.stdout, /Exit codes:/);
    for (const command of ['apply', 'remove', 'show', 'list', 'validate', 'topics']) {
      const run = await runInProcess([command, '--help'], {});
      assert.equal(run.code, 0, command);
      assert.match(run.stdout, new RegExp(`eventbridge-filter (\\[)?${command}`), command);
    }
    const topicsAdd = await runInProcess(['topics', 'add', '--help'], {});
    assert.match(topicsAdd.stdout, /topics add +--integration-id/);
    const none = await runInProcess([], {});
    assert.equal(none.code, 0);
    assert.match(none.stdout, /Usage:/);
  });

  it('exit 4 when the token request is refused — the secret never appears (child process)', async () => {
    const run = await runChild(['list'], envFor(emulator, { GENESYS_CLIENT_ID: 'someone-else' }));
    assert.equal(run.code, 4);
    assert.match(run.stderr, /someone-else/);
    assert.ok(!run.stdout.includes(SECRET) && !run.stderr.includes(SECRET));
  });

  it('exit 2 for a GENESYS_ENV that cannot be resolved', async () => {
    const run = await runInProcess(['list'], envFor(emulator, { GENESYS_ENV: 'http://example.com:8080' }));
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /^Error: "http:\/\/example\.com:8080" uses plain http:\/\/ for a host that is not loopback/,
    );
    assert.deepEqual(emulator.requests, []);
    const withPassword = await runInProcess(
      ['list'],
      envFor(emulator, { GENESYS_ENV: 'https://admin:pr0xy-pw@gateway.example.com' }),
    );
    assert.equal(withPassword.code, 2);
    assert.match(withPassword.stderr, /contains credentials/);
    assert.ok(!withPassword.stderr.includes('pr0xy-pw') && !withPassword.stdout.includes('pr0xy-pw'));
  });
});
