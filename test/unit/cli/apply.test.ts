/**
 * `eventbridge-filter apply` when it writes, against the real emulator: the Go tutorial's invocation (as a child
 * process), a filter replaced in place with every unmodelled field sent back, each match type, --dry-run, no write
 * when nothing changes, --json, PCRE2-only patterns, a change made between the read and the write kept, and a 429
 * waited out. Its refusals and failures (one exit code each) are in applyErrors.test.ts.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Emulator } from '../../../src/emulator/server';
import type { JsonObject } from '../../../src/common/json';
import {
  assertNoSecret,
  attributes,
  envFor,
  MULTI_ID,
  requestLines,
  runChild,
  runInProcess,
  TUTORIAL_ARGS,
  TUTORIAL_ID,
  useTestEmulator,
} from './cliHarness';

/** A write: one token, the read, the read again just before the PUT (nobody changed it meanwhile), the PUT. */
const APPLY_LINES = [
  'POST /oauth/token',
  `GET /api/v2/integrations/eventbridge/${TUTORIAL_ID}`,
  `GET /api/v2/integrations/eventbridge/${TUTORIAL_ID}`,
  `PUT /api/v2/integrations/eventbridge/${TUTORIAL_ID}`,
];

describe('eventbridge-filter apply', () => {
  let emulator: Emulator;
  useTestEmulator((started) => (emulator = started));

  it('runs the Go tutorial invocation unchanged (child process): 1 token, 2 GETs (the second just before the write), 1 PUT, diff and success line', async () => {
    const original = emulator.getEventBridgeDocument(TUTORIAL_ID)!;
    const run = await runChild(TUTORIAL_ARGS, envFor(emulator));
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(requestLines(emulator), APPLY_LINES);
    const expected = structuredClone(original);
    attributes(expected).push({ key: 'interaction.routing.queue.name', matchType: 'regex', values: ['^Premium.*$'] });
    assert.deepEqual(emulator.getEventBridgeDocument(TUTORIAL_ID), expected);
    assert.match(run.stdout, /^--- integration 8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c \(current\)$/m);
    assert.match(run.stdout, /^\+\s+"key": "interaction\.routing\.queue\.name",$/m);
    assert.match(
      run.stdout,
      /Successfully applied regex filter on "interaction.routing.queue.name" to subscription "default-voice-stream"/,
    );
    assertNoSecret(run);
  });

  it('replaces a filter in place and sends back every field it does not model', async () => {
    const original = emulator.getEventBridgeDocument(MULTI_ID)!;
    const run = await runInProcess(
      [
        '--integration-id',
        MULTI_ID,
        '--subscription-name',
        'premium-queues',
        '--attribute-key',
        'interaction.routing.queue.name',
        '--regex',
        '^(Gold|Platinum)',
      ],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    const expected = structuredClone(original);
    attributes(expected)[0].values = ['^(Gold|Platinum)'];
    assert.equal(JSON.stringify(emulator.getEventBridgeDocument(MULTI_ID)), JSON.stringify(expected));
    const put = emulator.requests.find((r) => r.method === 'PUT');
    assert.equal(
      JSON.stringify(put?.body),
      JSON.stringify(expected),
      'the PUT body is the original plus exactly one change',
    );
  });

  it('applies exact (several values), exists and notexists filters', async () => {
    const base = ['--integration-id', TUTORIAL_ID, '--subscription-name', 'default-voice-stream'];
    let run = await runInProcess(
      [
        ...base,
        '--attribute-key',
        'interaction.direction',
        '--match-type',
        'exact',
        '--value',
        'inbound',
        '--value',
        'outbound',
      ],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    run = await runInProcess(
      ['apply', ...base, '--attribute-key', 'interaction.customer.id', '--match-type', 'exists'],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    run = await runInProcess(
      [...base, '--attribute-key', 'interaction.transfer.id', '--match-type', 'notexists'],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(attributes(emulator.getEventBridgeDocument(TUTORIAL_ID)), [
      { key: 'interaction.direction', matchType: 'exact', values: ['inbound', 'outbound'] },
      { key: 'interaction.customer.id', matchType: 'exists' },
      { key: 'interaction.transfer.id', matchType: 'notexists' },
    ]);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const original = emulator.getEventBridgeDocument(TUTORIAL_ID);
    const run = await runInProcess([...TUTORIAL_ARGS, '--dry-run'], envFor(emulator));
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(requestLines(emulator), APPLY_LINES.slice(0, 2));
    assert.deepEqual(emulator.getEventBridgeDocument(TUTORIAL_ID), original);
    assert.match(run.stdout, /^\+\s+"matchType": "regex",$/m);
    assert.match(run.stdout, /Dry run: nothing was written\./);
  });

  it('does not write when the filter is already exactly in place', async () => {
    assert.equal((await runInProcess(TUTORIAL_ARGS, envFor(emulator))).code, 0);
    emulator.requests.length = 0;
    const run = await runInProcess(TUTORIAL_ARGS, envFor(emulator));
    assert.equal(run.code, 0);
    assert.deepEqual(requestLines(emulator), APPLY_LINES.slice(0, 2));
    assert.match(run.stdout, /No change/);
  });

  it('--json prints one result document', async () => {
    const run = await runInProcess([...TUTORIAL_ARGS, '--json'], envFor(emulator));
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as JsonObject;
    assert.deepEqual(Object.keys(result), [
      'ok',
      'command',
      'integrationId',
      'subscriptionName',
      'attributeKey',
      'matchType',
      'values',
      'dryRun',
      'changed',
      'written',
      'rebased',
      'diff',
      'document',
    ]);
    assert.equal(result.ok, true);
    assert.equal(result.command, 'apply');
    assert.deepEqual(result.values, ['^Premium.*$']);
    assert.equal(result.written, true);
    assert.match(String(result.diff), /^--- integration/);
    assert.deepEqual(result.document, emulator.getEventBridgeDocument(TUTORIAL_ID));
  });

  it('rejects a PCRE2-only pattern by default and accepts it with --allow-pcre2-only', async () => {
    const lookbehind = [...TUTORIAL_ARGS.slice(0, -1), '(?<=VIP)Queue'];
    const refused = await runInProcess(lookbehind, envFor(emulator));
    assert.equal(refused.code, 2);
    assert.deepEqual(emulator.requests, []);
    const allowed = await runInProcess([...lookbehind, '--allow-pcre2-only', '--dry-run'], envFor(emulator));
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stderr, /^warning: /m);
  });

  it('never overwrites a change made between its read and its write: the edit is redone on the newer document', async () => {
    // The second read (just before the PUT) waits, so another writer can store a change after the first one.
    emulator.addFault({ method: 'GET', path: 'eventbridge/', delayMs: 0 });
    emulator.addFault({ method: 'GET', path: 'eventbridge/', delayMs: 400 });
    const running = runInProcess(TUTORIAL_ARGS, envFor(emulator));
    while (!emulator.requests.some((r) => r.method === 'GET' && r.path.includes('/eventbridge/'))) await delay(5);
    const theirs = emulator.getEventBridgeDocument(TUTORIAL_ID)!;
    attributes(theirs).push({ key: 'interaction.mediaType', matchType: 'exact', values: ['voice'] });
    theirs.noteFromOtherWriter = 'kept';
    emulator.setEventBridgeDocument(TUTORIAL_ID, theirs);
    const run = await running;
    assert.equal(run.code, 0, run.stderr);
    const stored = emulator.getEventBridgeDocument(TUTORIAL_ID)!;
    assert.deepEqual(attributes(stored), [
      { key: 'interaction.mediaType', matchType: 'exact', values: ['voice'] },
      { key: 'interaction.routing.queue.name', matchType: 'regex', values: ['^Premium.*$'] },
    ]);
    assert.equal(stored.noteFromOtherWriter, 'kept');
    assert.match(run.stdout, /made on top of theirs/);
    const lines = requestLines(emulator).filter((l) => l.includes('/eventbridge/'));
    assert.deepEqual(
      lines.map((l) => l.split(' ')[0]),
      ['GET', 'GET', 'GET', 'PUT'],
    );
  });

  it('retries a 429 waiting Retry-After and says so on stderr', async () => {
    emulator.addFault({ method: 'PUT', path: 'eventbridge/', status: 429, retryAfter: 1 });
    const run = await runInProcess(TUTORIAL_ARGS, envFor(emulator));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^429 Too Many Requests: waiting 1 s before attempt 2 of 5$/m);
    assert.deepEqual(requestLines(emulator), [...APPLY_LINES, APPLY_LINES[3]]);
  });
});
