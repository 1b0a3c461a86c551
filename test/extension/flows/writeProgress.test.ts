/**
 * The write's progress notification: its Cancel aborts the request in flight (the emulator never
 * stores the document), and the client's retry notices become the notification's message.
 * Tests cannot click a notification, so they use FlowsApi.progress(), whose cancel() is the very
 * function the Cancel button's token listener calls.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProgressRecord } from '../../../src/extension/flows/progress';
import { TUTORIAL_INTEGRATION_ID as TUTORIAL } from '../../../src/emulator/defaultOrgData';
import { script, useFlowTestContext, type FlowTestContext } from './flowTestSetup';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A new filter on the tutorial integration, fully given by arguments: the only question is the confirm. */
const ARGS = {
  integrationId: TUTORIAL,
  subscriptionName: 'default-voice-stream',
  attributeKey: 'interaction.mediaType',
  matchType: 'exists',
};

/** Waits for a progress notification started after `known` was taken that satisfies `ready`. */
async function progressWhere(
  t: FlowTestContext,
  known: Set<ProgressRecord>,
  ready: (r: ProgressRecord) => boolean,
  what: string,
): Promise<ProgressRecord> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = t.api.flows.progress().find((r) => !known.has(r) && ready(r));
    if (found) return found;
    if (Date.now() > deadline) {
      assert.fail(
        `timed out waiting for ${what}; progress seen: ${JSON.stringify(t.api.flows.progress().filter((r) => !known.has(r)))}`,
      );
    }
    await sleep(25);
  }
}

describe('flows: write progress', function () {
  this.timeout(30_000);
  const t = useFlowTestContext();

  it('Cancel while the PUT is in flight aborts it: nothing is stored, the command ends silently', async () => {
    const original = await t.admin.eventBridge(TUTORIAL);
    const known = new Set(t.api.flows.progress());
    script(t, [
      {
        id: 'confirm',
        confirm: async () => {
          // The emulator holds the PUT for 3 s before storing it, unless the client has gone away.
          await t.admin.addFault({ method: 'PUT', path: 'eventbridge/', delayMs: 3000 });
          return true;
        },
      },
    ]);
    const command = vscode.commands.executeCommand('genesysCloud.applyFilter', ARGS);
    const progress = await progressWhere(t, known, (r) => r.messages.includes('writing…'), 'the write to start');
    await sleep(500); // well inside the 3 s hold: the PUT has reached the emulator
    assert.equal(progress.done, false, 'the PUT is still in flight');
    const cancelledAt = Date.now();
    progress.cancel();
    assert.equal(await command, undefined, 'a cancelled write returns nothing (and shows no error)');
    assert.ok(
      Date.now() - cancelledAt < 1500,
      `the command ended at the cancel, not after the held PUT (${Date.now() - cancelledAt} ms)`,
    );
    assert.equal(progress.done, true);

    // Past the hold: a PUT that was not really aborted would be stored by now.
    await sleep(3000);
    assert.deepEqual(await t.admin.eventBridge(TUTORIAL), original, 'the stored document is unchanged');
    assert.deepEqual(await t.admin.writes(), [], 'the emulator answered no write');
  });

  it('retry notices (429, waiting Ns) become the progress message while the write waits', async () => {
    const known = new Set(t.api.flows.progress());
    script(t, [
      {
        id: 'confirm',
        confirm: async () => {
          // The re-read before the write is rate limited once; the client waits as asked, then goes on.
          await t.admin.addFault({
            method: 'GET',
            path: `eventbridge/${TUTORIAL}`,
            status: 429,
            retryAfter: 1,
            times: 1,
          });
          return true;
        },
      },
    ]);
    const outcome = await vscode.commands.executeCommand<{ status: string }>('genesysCloud.applyFilter', ARGS);
    assert.equal(outcome?.status, 'written');
    const progress = await progressWhere(t, known, (r) => r.done, 'the write progress');
    assert.equal(progress.messages.length, 3, progress.messages.join(' | '));
    assert.equal(progress.messages[0], 'checking for changes since the diff…');
    assert.match(progress.messages[1], /^429\b.*: waiting 1 s before attempt 2 of 5$/);
    assert.equal(progress.messages[2], 'writing…');
    const gets = (await t.admin.requests()).filter(
      (r) => r.method === 'GET' && r.path.startsWith(`/api/v2/integrations/eventbridge/${TUTORIAL}`),
    );
    assert.deepEqual(gets.map((r) => r.status).slice(-2), [429, 200], 'the re-read really was retried');
  });

  it("a 429 on a tree load while the write runs stays out of the write's progress (it is not the write's wait)", async () => {
    const known = new Set(t.api.flows.progress());
    script(t, [
      {
        id: 'confirm',
        // The write's re-read is held long enough for a whole tree load, with its retry, to happen meanwhile.
        confirm: async () => {
          await t.admin.addFault({ method: 'GET', path: `eventbridge/${TUTORIAL}`, delayMs: 3000 });
          return true;
        },
      },
    ]);
    const command = vscode.commands.executeCommand<{ status: string }>('genesysCloud.applyFilter', ARGS);
    const progress = await progressWhere(t, known, (r) => r.messages.length > 0, 'the write to start');
    await t.admin.addFault({ method: 'GET', path: '/api/v2/integrations?', status: 429, retryAfter: 1 });
    t.api.services.refresh();
    const rows = await t.api.host.tree.getChildren();
    assert.ok(rows.length > 1, 'the tree loaded after its retry');
    assert.equal(progress.done, false, "the tree's 429 and retry happened while the write was running");
    assert.equal((await command)?.status, 'written');
    assert.deepEqual(
      progress.messages,
      ['checking for changes since the diff…', 'writing…'],
      'no retry notice of another request',
    );
    const listings = (await t.admin.requests()).filter(
      (r) => r.method === 'GET' && r.path.startsWith('/api/v2/integrations?'),
    );
    assert.deepEqual(
      listings.map((r) => r.status).slice(0, 2),
      [429, 200],
      'the tree load really was rate limited and retried',
    );
  });
});
