/** `eventbridge-filter remove`: through the EventBridge document's one write path, against the real emulator. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Emulator } from '../../../src/emulator/server';
import { attributes, envFor, MULTI_ID, runInProcess, useTestEmulator } from './cliHarness';

describe('eventbridge-filter remove', () => {
  let emulator: Emulator;
  useTestEmulator((e) => (emulator = e));

  it('removes one filter, keeps everything else, costs 1 token + 2 GETs + 1 PUT', async () => {
    const original = emulator.getEventBridgeDocument(MULTI_ID)!;
    const run = await runInProcess(
      [
        'remove',
        '--integration-id',
        MULTI_ID,
        '--subscription-name',
        'premium-queues',
        '--attribute-key',
        'interaction.direction',
      ],
      envFor(emulator),
    );
    assert.equal(run.code, 0, run.stderr);
    const expected = structuredClone(original);
    attributes(expected).splice(1, 1);
    assert.equal(JSON.stringify(emulator.getEventBridgeDocument(MULTI_ID)), JSON.stringify(expected));
    assert.equal(emulator.requests.length, 4);
    assert.match(run.stdout, /^-\s+"key": "interaction\.direction",$/m);
    assert.match(run.stdout, /Removed the filter on "interaction.direction"/);
  });

  it('exit 3 for a filter that is not there, listing the filters that are', async () => {
    const run = await runInProcess(
      [
        'remove',
        '--integration-id',
        MULTI_ID,
        '--subscription-name',
        'digital-channels',
        '--attribute-key',
        'interaction.direction',
      ],
      envFor(emulator),
    );
    assert.equal(run.code, 3);
    assert.match(run.stderr, /Filters on this subscription: interaction.mediaType, interaction.transfer.id/);
  });

  it('--dry-run writes nothing', async () => {
    const original = emulator.getEventBridgeDocument(MULTI_ID);
    const run = await runInProcess(
      [
        'remove',
        '--integration-id',
        MULTI_ID,
        '--subscription-name',
        'premium-queues',
        '--attribute-key',
        'interaction.direction',
        '--dry-run',
      ],
      envFor(emulator),
    );
    assert.equal(run.code, 0);
    assert.deepEqual(emulator.getEventBridgeDocument(MULTI_ID), original);
    assert.ok(!emulator.requests.some((r) => r.method === 'PUT'));
  });
});
